//! Then and now: one organisation's answers at two dates and the change in
//! each, with a count of what moved.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tag_class;
use digital_board_core::compare::export::section_cell;
use digital_board_core::compare::{Change, Comparison, organisations_differ, section_tallies};
use digital_board_core::report::{long_date, response_label};
use digital_board_core::scoring::Response;
use digital_board_core::text::compare::{Phrase, Sentence};
use digital_board_core::text::report::Phrase as ReportPhrase;

/// Properties of [`ThenAndNowTable`].
#[derive(Properties, PartialEq)]
pub struct ThenAndNowTableProps {
    /// The two results.
    pub comparison: Rc<Comparison>,
    /// Positions of the earlier and the later result.
    pub then: usize,
    /// Position of the later result.
    pub now: usize,
}

/// The change summary, the sections then and now, and every question.
#[function_component(ThenAndNowTable)]
pub fn then_and_now_table(props: &ThenAndNowTableProps) -> Html {
    let comparison = &props.comparison;
    let assessment = comparison.assessment;
    let (then, now) = (
        &comparison.entries[props.then],
        &comparison.entries[props.now],
    );
    // Each result's date, as shown (once each: the summary and the columns).
    let then_date = then.date.map(long_date).unwrap_or_default();
    let now_date = now.date.map(long_date).unwrap_or_default();
    let changes: Vec<Change> = (0..assessment.question_count())
        .map(|i| Change::between(then.responses[i], now.responses[i]))
        .collect();
    let up = changes
        .iter()
        .filter(|c| matches!(c, Change::Up(_)))
        .count();
    let down = changes
        .iter()
        .filter(|c| matches!(c, Change::Down(_)))
        .count();
    let same = changes.iter().filter(|c| **c == Change::Same).count();
    let other = changes.len() - up - down - same;
    html! {
        <>
        <p class="nhsuk-body-l dba-change-summary">{ Sentence::ChangeSummary {
            then: &then_date,
            now: &now_date,
            up,
            down,
            same,
        }.text() }</p>
        if other > 0 {
            <p>{ Sentence::MovedDontKnow(other).text() }</p>
        }
        if organisations_differ(then, now) {
            <div class="nhsuk-card nhsuk-card--warning">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">{ Phrase::SameOrganisationHeading.text() }</h2>
                    <p class="nhsuk-card__description">{ Sentence::OrganisationsDiffer {
                        then: then.organisation.trim(),
                        now: now.organisation.trim(),
                    }.text() }</p>
                </div>
            </div>
        }
        <div class="dba-table-wrapper" role="region" aria-labelledby="dba-then-now-sections" tabindex="0">
            <table class="nhsuk-table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-then-now-sections">{ Phrase::ThenNowSectionsCaption.text() }</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Section.text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ Sentence::Then(&then_date).text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ Sentence::Now(&now_date).text() }</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    { for assessment.sections.iter().enumerate().map(|(index, section)| {
                        let tallies = section_tallies(comparison, index);
                        html! {
                            <tr class="nhsuk-table__row">
                                <th class="nhsuk-table__header" scope="row">{ section.title }</th>
                                <td class="nhsuk-table__cell">{ section_cell(&tallies[props.then]) }</td>
                                <td class="nhsuk-table__cell">{ section_cell(&tallies[props.now]) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        <div class="dba-table-wrapper" role="region" aria-labelledby="dba-then-now-questions" tabindex="0">
            <table class="nhsuk-table dba-then-now-table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-then-now-questions">{ Phrase::ThenNowQuestionsCaption.text() }</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Question.text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ Phrase::Then.text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ Phrase::Now.text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ Phrase::Change.text() }</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    { for assessment.questions().map(|placed| {
                        let a = then.responses[placed.index];
                        let b = now.responses[placed.index];
                        let change = changes[placed.index];
                        html! {
                            <tr class="nhsuk-table__row" data-question={placed.question.id}>
                                <th class="nhsuk-table__header" scope="row">{ Sentence::QuestionNumber(placed.index).text() + placed.question.text }</th>
                                <td class="nhsuk-table__cell"><strong class={tag_class(a.and_then(Response::level))}>{ response_label(a) }</strong></td>
                                <td class="nhsuk-table__cell"><strong class={tag_class(b.and_then(Response::level))}>{ response_label(b) }</strong></td>
                                <td class="nhsuk-table__cell">
                                    if change == Change::Same { { change.label() } } else { <strong>{ change.label() }</strong> }
                                </td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        </>
    }
}
