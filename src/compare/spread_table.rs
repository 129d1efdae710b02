//! Every result's answer to each question with the spread across them: the
//! board view (most disagreement first) and the system view's data table.
//!
//! Up to ten results stay readable on a laptop without scrolling sideways:
//! from desktop width each result's column is headed by its number and its
//! answers are one-letter tags, with a key above the table (the full name
//! and the full level stay in the markup for screen readers). Below desktop
//! width the table stacks (NHS.UK's responsive table): each question, then
//! each figure and every result's answer as "Name: Level" lines.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::tag_class;
use digital_board_core::compare::export::{column_headings, disagreement_text, role_averages};
use digital_board_core::compare::{Comparison, Mode, Spread, median_label, range_label};
use digital_board_core::model::Level;
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

/// A stacked cell's heading: shown before its value below desktop width,
/// where the table's head is hidden (screen readers use the head).
pub fn cell_heading(text: &str) -> Html {
    html! { <span class="nhsuk-table__heading" aria-hidden="true">{ text }{ " " }</span> }
}

/// A level's tag: the full word below desktop width, one letter from
/// desktop up (the word stays there for screen readers).
pub fn answer_tag(response: Option<Response>) -> Html {
    let level = response.and_then(Response::level);
    html! {
        <strong class={classes!(tag_class(level), "dba-answer-tag")}>
            <span class="dba-short" aria-hidden="true">{ Phrase::ShortAnswer(level).text() }</span>
            <span class="dba-full">{ response_label(response) }</span>
        </strong>
    }
}

/// The key to a compact table's numbers and letters, shown from desktop
/// width up (where the table uses them).
fn key(headings: &[String]) -> Html {
    let level = |level: Option<Level>| {
        let response = level.map_or(Response::DontKnow, Response::Level);
        html! {
            <li>
                <strong class={classes!(tag_class(level), "dba-answer-tag")}>{ Phrase::ShortAnswer(level).text() }</strong>
                { " " }{ response_label(Some(response)) }
            </li>
        }
    };
    html! {
        <div class="dba-spread-key" aria-hidden="true">
            <p class="nhsuk-body-s dba-spread-key__heading"><strong>{ Phrase::Key.text() }</strong></p>
            <ul class="nhsuk-list dba-spread-key__levels">
                { level(Some(Level::Embedded)) }
                { level(Some(Level::Siloed)) }
                { level(Some(Level::Absent)) }
                { level(None) }
            </ul>
            <ol class="nhsuk-list dba-spread-key__results">
                { for headings.iter().enumerate().map(|(i, heading)| html! {
                    <li><span class="dba-spread-key__number">{ i + 1 }</span>{ " " }{ heading }</li>
                }) }
            </ol>
        </div>
    }
}

/// The table, in a focusable wrapper that scrolls sideways if a comparison
/// is too wide even so.
#[function_component(SpreadTable)]
pub fn spread_table(props: &SpreadTableProps) -> Html {
    let comparison = &props.comparison;
    let assessment = comparison.assessment;
    let board = comparison.mode == Mode::Board;
    let (executives, non_executives) = comparison.role_counts();
    let show_roles = board && executives > 0 && non_executives > 0;
    let caption_id = format!("dba-spread-caption-{}", comparison.mode.key());
    let headings = column_headings(comparison);
    // A board's table leads with how much it disagrees, the figures, then
    // each member's answer; a system's leads with the organisations, as its
    // chart does.
    let results_head: Vec<Html> = headings
        .iter()
        .enumerate()
        .map(|(i, heading)| {
            html! {
                <th class="nhsuk-table__header dba-spread-table__result" scope="col" role="columnheader">
                    <span class="dba-short" aria-hidden="true">{ i + 1 }</span>
                    <span class="dba-full">{ heading }</span>
                </th>
            }
        })
        .collect();
    let (heads_first, heads_last) = results_first_or_last(board, results_head);
    let figure = |heading: &'static str, value: Html| {
        html! { <td class="nhsuk-table__cell" role="cell">{ cell_heading(heading) }<span>{ value }</span></td> }
    };
    let range_heading = if board {
        Phrase::Range.text()
    } else {
        Phrase::SystemRange.text()
    };
    html! {
        <>
        { key(&headings) }
        <div class="dba-table-wrapper" role="region" aria-labelledby={caption_id.clone()} tabindex="0">
            <table class="nhsuk-table nhsuk-table--responsive dba-spread-table" role="table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s" id={caption_id}>{ props.caption.clone() }</caption>
                <thead class="nhsuk-table__head" role="rowgroup">
                    <tr class="nhsuk-table__row" role="row">
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Question.text() }</th>
                        { for heads_first }
                        if board {
                            <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Disagreement.text() }</th>
                        }
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ range_heading }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Median.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ CommonPhrase::DontKnow.text() }</th>
                        if show_roles {
                            <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::ExecutiveAverage.text() }</th>
                            <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::NonExecutiveAverage.text() }</th>
                        }
                        { for heads_last }
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body" role="rowgroup">
                    { for props.order.iter().filter_map(|&i| Some((props.spreads.get(i)?, assessment.question(i)?))).map(|(spread, placed)| {
                        let highlight = board && (spread.two_apart() || spread.roles_differ());
                        let (executive, non_executive) = role_averages(spread, (executives, non_executives));
                        let results: Vec<Html> = comparison.entries.iter().zip(&headings).map(|(entry, heading)| {
                            let response = entry.responses.get(placed.index).copied().flatten();
                            html! {
                                <td class="nhsuk-table__cell dba-spread-table__result" role="cell">
                                    { cell_heading(heading) }<span>{ answer_tag(response) }</span>
                                </td>
                            }
                        }).collect();
                        let (results_first, results_last) = results_first_or_last(board, results);
                        let disagreement = disagreement_text(spread);
                        html! {
                            <tr class={classes!("nhsuk-table__row", highlight.then_some("dba-disagree"))} role="row" data-question={placed.question.id}>
                                <th class="nhsuk-table__header" scope="row" role="rowheader">
                                    <span>
                                        <span class="dba-spread-table__number">{ Sentence::QuestionNumber(placed.index).text() }</span>
                                        { placed.question.text }
                                    </span>
                                </th>
                                { for results_first }
                                if board {
                                    { figure(Phrase::Disagreement.text(), if highlight {
                                        html! { <strong class="dba-disagree__label">{ disagreement }</strong> }
                                    } else {
                                        html! { { disagreement } }
                                    }) }
                                }
                                { figure(range_heading, html! { { range_label(spread) } }) }
                                { figure(Phrase::Median.text(), html! { { median_label(spread.median) } }) }
                                { figure(CommonPhrase::DontKnow.text(), html! { { spread.dont_know } }) }
                                if show_roles {
                                    { figure(Phrase::ExecutiveAverage.text(), html! { { executive } }) }
                                    { figure(Phrase::NonExecutiveAverage.text(), html! { { non_executive } }) }
                                }
                                { for results_last }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
        </>
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
