//! Then and now: one organisation's answers at two dates and the change in
//! each, with a count of what moved.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tag_class;
use digital_board_core::compare::export::section_cell;
use digital_board_core::compare::{Change, Comparison, organisations_differ, section_tallies};
use digital_board_core::report::{long_date, plural, response_label};
use digital_board_core::scoring::Response;

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
    let date =
        |entry: &digital_board_core::compare::Entry| entry.date.map(long_date).unwrap_or_default();
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
    let questions = |n: usize| plural(n as u32, "question", "questions");
    html! {
        <>
        <p class="nhsuk-body-l dba-change-summary">{ format!(
            "From {} to {}: {up} {} went up, {down} went down and {same} stayed the same.",
            date(then), date(now), questions(up)
        ) }</p>
        if other > 0 {
            <p>{ format!("{other} {} moved between “Don’t know” and a level.", questions(other)) }</p>
        }
        if organisations_differ(then, now) {
            <div class="nhsuk-card nhsuk-card--warning">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">{ "Check these are the same organisation" }</h2>
                    <p class="nhsuk-card__description">{ format!(
                        "The earlier result is from “{}” and the later one from “{}”. Then and now compares one organisation over time.",
                        then.organisation.trim(), now.organisation.trim()
                    ) }</p>
                </div>
            </div>
        }
        <div class="dba-table-wrapper" role="region" aria-labelledby="dba-then-now-sections" tabindex="0">
            <table class="nhsuk-table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-then-now-sections">{ "Sections then and now (stage and average level)" }</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">{ "Section" }</th>
                        <th class="nhsuk-table__header" scope="col">{ format!("Then: {}", date(then)) }</th>
                        <th class="nhsuk-table__header" scope="col">{ format!("Now: {}", date(now)) }</th>
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
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-then-now-questions">{ "Each question then and now" }</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">{ "Question" }</th>
                        <th class="nhsuk-table__header" scope="col">{ "Then" }</th>
                        <th class="nhsuk-table__header" scope="col">{ "Now" }</th>
                        <th class="nhsuk-table__header" scope="col">{ "Change" }</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    { for assessment.questions().map(|placed| {
                        let a = then.responses[placed.index];
                        let b = now.responses[placed.index];
                        let change = changes[placed.index];
                        html! {
                            <tr class="nhsuk-table__row" data-question={placed.question.id}>
                                <th class="nhsuk-table__header" scope="row">{ format!("{}. {}", placed.index + 1, placed.question.text) }</th>
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
