//! Every result's answer to each question with the spread across them: the
//! board view (most disagreement first) and the system view's data table.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tag_class;
use digital_board_core::compare::export::{column_headings, disagreement_text, role_averages};
use digital_board_core::compare::{Comparison, Mode, Spread, median_label, range_label};
use digital_board_core::report::response_label;
use digital_board_core::scoring::Response;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::compare::{Phrase, Sentence};
use digital_board_core::text::report::Phrase as ReportPhrase;

/// Properties of [`SpreadTable`].
#[derive(Properties, PartialEq)]
pub struct SpreadTableProps {
    /// The results compared.
    pub comparison: Rc<Comparison>,
    /// One spread per question, in question order.
    pub spreads: Rc<Vec<Spread>>,
    /// Question positions in the order to show them.
    pub order: Vec<usize>,
    /// The table's caption.
    pub caption: AttrValue,
}

/// The table, in a focusable wrapper that scrolls sideways on narrow screens.
#[function_component(SpreadTable)]
pub fn spread_table(props: &SpreadTableProps) -> Html {
    let comparison = &props.comparison;
    let assessment = comparison.assessment;
    let board = comparison.mode == Mode::Board;
    let (executives, non_executives) = comparison.role_counts();
    let show_roles = board && executives > 0 && non_executives > 0;
    let caption_id = format!("dba-spread-caption-{}", comparison.mode.key());
    // A board's table leads with how much it disagrees, the figures, then
    // each member's answer (the columns that scroll off a narrow screen
    // first); a system's leads with the organisations, as its chart does.
    let results_head: Vec<Html> = column_headings(comparison)
        .into_iter()
        .map(|heading| html! { <th class="nhsuk-table__header" scope="col">{ heading }</th> })
        .collect();
    let (heads_first, heads_last) = results_first_or_last(board, results_head);
    html! {
        <div class="dba-table-wrapper" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="nhsuk-table dba-spread-table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id={caption_id}>{ props.caption.clone() }</caption>
                <thead class="nhsuk-table__head">
                    <tr class="nhsuk-table__row">
                        <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Question.text() }</th>
                        { for heads_first }
                        if board {
                            <th class="nhsuk-table__header" scope="col">{ Phrase::Disagreement.text() }</th>
                        }
                        <th class="nhsuk-table__header" scope="col">{ if board { Phrase::Range.text() } else { Phrase::SystemRange.text() } }</th>
                        <th class="nhsuk-table__header" scope="col">{ Phrase::Median.text() }</th>
                        <th class="nhsuk-table__header" scope="col">{ CommonPhrase::DontKnow.text() }</th>
                        if show_roles {
                            <th class="nhsuk-table__header" scope="col">{ Phrase::ExecutiveAverage.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ Phrase::NonExecutiveAverage.text() }</th>
                        }
                        { for heads_last }
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    { for props.order.iter().filter_map(|&i| Some((props.spreads.get(i)?, assessment.question(i)?))).map(|(spread, placed)| {
                        let highlight = board && (spread.two_apart() || spread.roles_differ());
                        let (executive, non_executive) = role_averages(spread, (executives, non_executives));
                        let results: Vec<Html> = comparison.entries.iter().map(|entry| {
                            let response = entry.responses.get(placed.index).copied().flatten();
                            html! {
                                <td class="nhsuk-table__cell">
                                    <strong class={tag_class(response.and_then(Response::level))}>{ response_label(response) }</strong>
                                </td>
                            }
                        }).collect();
                        let (results_first, results_last) = results_first_or_last(board, results);
                        html! {
                            <tr class={classes!("nhsuk-table__row", highlight.then_some("dba-disagree"))} data-question={placed.question.id}>
                                <th class="nhsuk-table__header" scope="row">
                                    <span class="dba-spread-table__number">{ Sentence::QuestionNumber(placed.index).text() }</span>
                                    { placed.question.text }
                                </th>
                                { for results_first }
                                if board {
                                    <td class="nhsuk-table__cell">
                                        if highlight {
                                            <strong class="dba-disagree__label">{ disagreement_text(spread) }</strong>
                                        } else {
                                            { disagreement_text(spread) }
                                        }
                                    </td>
                                }
                                <td class="nhsuk-table__cell">{ range_label(spread) }</td>
                                <td class="nhsuk-table__cell">{ median_label(spread.median) }</td>
                                <td class="nhsuk-table__cell">{ spread.dont_know }</td>
                                if show_roles {
                                    <td class="nhsuk-table__cell">{ executive }</td>
                                    <td class="nhsuk-table__cell">{ non_executive }</td>
                                }
                                { for results_last }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The per-result columns (headers or cells) to put straight after the
/// question, and those to put last: a board's go last (see above).
fn results_first_or_last(board: bool, results: Vec<Html>) -> (Vec<Html>, Vec<Html>) {
    if board {
        (Vec::new(), results)
    } else {
        (results, Vec::new())
    }
}
