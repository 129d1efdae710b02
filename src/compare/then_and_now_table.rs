//! Then and now: one organisation's answers at two dates and the change in
//! each, with a count of what moved.

use std::rc::Rc;

use yew::prelude::*;

use super::spread_table::{answer_tag, cell_heading};
use digital_board_core::compare::export::section_cell;
use digital_board_core::compare::{
    Change, Comparison, organisations_differ, section_tallies, then_and_now_who,
};
use digital_board_core::report::long_date;
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
        // Whose results and when, first: a printout names the trust.
        if let Some(who) = then_and_now_who(comparison) {
            <p class="nhsuk-body-l dba-then-now-who"><strong>{ who }</strong></p>
        }
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
        // Stacks below desktop width: each question, then its answers and
        // the change as "Then: Siloed" lines.
        <div class="dba-table-wrapper" role="region" aria-labelledby="dba-then-now-questions" tabindex="0">
            <table class="nhsuk-table nhsuk-table--responsive dba-then-now-table" role="table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-then-now-questions">{ Phrase::ThenNowQuestionsCaption.text() }</caption>
                <thead class="nhsuk-table__head" role="rowgroup">
                    <tr class="nhsuk-table__row" role="row">
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Question.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Then.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Now.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Change.text() }</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body" role="rowgroup">
                    { for assessment.questions().map(|placed| {
                        let a = then.responses[placed.index];
                        let b = now.responses[placed.index];
                        let change = changes[placed.index];
                        html! {
                            <tr class="nhsuk-table__row" role="row" data-question={placed.question.id}>
                                <th class="nhsuk-table__header" scope="row" role="rowheader"><span>{ Sentence::QuestionNumber(placed.index).text() + placed.question.text }</span></th>
                                <td class="nhsuk-table__cell" role="cell">{ cell_heading(Phrase::Then.text()) }<span>{ answer_tag(a) }</span></td>
                                <td class="nhsuk-table__cell" role="cell">{ cell_heading(Phrase::Now.text()) }<span>{ answer_tag(b) }</span></td>
                                <td class="nhsuk-table__cell dba-change" role="cell">
                                    { cell_heading(Phrase::Change.text()) }
                                    <span>
                                        if change == Change::Same { { change.label() } } else { <strong>{ change.label() }</strong> }
                                    </span>
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
