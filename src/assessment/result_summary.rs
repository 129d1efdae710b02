//! The first screen of a result: the overall stage and what it means, the
//! stage of each section, the assurance gaps, the few things to discuss
//! first (each linked to its detail further down) and the next steps.

use yew::prelude::*;

use crate::components::{jump_link, tag_class};
use digital_board_core::model::Assessment;
use digital_board_core::report::{
    FirstPoint, FirstReason, discuss_first, no_stage_reason, stage_label,
};
use digital_board_core::scoring::{Answers, Results};
use digital_board_core::text::report::{Phrase, Sentence};

/// Id of the summary's heading.
pub const SUMMARY_HEADING_ID: &str = "dba-summary-heading";

/// Id of a question's detail under "For discussion".
pub fn discussion_id(question: usize) -> String {
    format!("dba-discuss-{}", question + 1)
}

/// Id of a consistency flag's card, by the flagged question.
pub fn flag_id(question: usize) -> String {
    format!("dba-flag-{}", question + 1)
}

/// Where a "Discuss first" line leads: the question under "For
/// discussion", or the flag's card for an answer listed only because it
/// disagrees (an Embedded answer is not under "For discussion").
fn detail_id(point: &FirstPoint) -> String {
    match point.reason {
        FirstReason::Disagrees(_) => flag_id(point.question),
        FirstReason::DontKnow | FirstReason::Level(_) => discussion_id(point.question),
    }
}

/// The summary card. `next_steps` follows the card (its links differ for
/// one's own results and a shared result).
pub fn result_summary(
    assessment: &'static Assessment,
    answers: &Answers,
    results: &Results,
    next_steps: Html,
) -> Html {
    let overall = &results.overall;
    let meaning = match overall.stage() {
        Some(stage) => Some(assessment.stage_meaning(stage).to_owned()),
        None => no_stage_reason(overall),
    };
    let gaps = results.assurance_gaps.len() as u32;
    let first = discuss_first(answers, results);
    html! {
        <>
        <section class="nhsuk-card dba-summary" aria-labelledby={SUMMARY_HEADING_ID}>
            <div class="nhsuk-card__content">
                <div class="dba-summary__top">
                <div class="dba-overall">
                    <h2 class="nhsuk-heading-m dba-summary__stage" id={SUMMARY_HEADING_ID}>
                        { Phrase::OverallStage.text() }{ " " }
                        <strong class={tag_class(overall.stage())}>{ stage_label(overall) }</strong>
                    </h2>
                    if let Some(meaning) = meaning {
                        <p class="dba-summary__meaning">{ meaning }</p>
                    }
                </div>
                <dl class="nhsuk-summary-list nhsuk-summary-list--no-border dba-summary__list">
                    { for assessment.sections.iter().zip(&results.sections).map(|(section, tally)| html! {
                        <div class="nhsuk-summary-list__row">
                            <dt class="nhsuk-summary-list__key">{ section.title }</dt>
                            <dd class="nhsuk-summary-list__value">
                                <strong class={tag_class(tally.stage())}>{ stage_label(tally) }</strong>
                            </dd>
                        </div>
                    }) }
                    <div class="nhsuk-summary-list__row">
                        <dt class="nhsuk-summary-list__key">{ Phrase::AssuranceGapsKey.text() }</dt>
                        <dd class="nhsuk-summary-list__value">{ Sentence::DontKnowCount(gaps).text() }</dd>
                    </div>
                </dl>
                </div>
                <h3 class="nhsuk-heading-s dba-summary__first-heading">{ Phrase::DiscussFirst.text() }</h3>
                if first.is_empty() {
                    <p class="nhsuk-body-s">{ Phrase::NothingToDiscussFirst.text() }</p>
                } else {
                    <ol class="nhsuk-list nhsuk-body-s dba-first">
                        { for first.iter().filter_map(|point| {
                            let placed = assessment.question(point.question)?;
                            let level = match point.reason {
                                FirstReason::DontKnow => None,
                                FirstReason::Level(level) | FirstReason::Disagrees(level) => Some(level),
                            };
                            Some(html! {
                                <li>
                                    <strong class={classes!(tag_class(level), "dba-first__tag")}>
                                        { Sentence::FirstReason(point.reason, point.flagged).text() }
                                    </strong>
                                    { " " }
                                    { jump_link(detail_id(point), Sentence::NumberedQuestion {
                                        number: placed.index + 1,
                                        question: placed.question.text,
                                    }.text()) }
                                </li>
                            })
                        }) }
                    </ol>
                }
            </div>
        </section>
        { next_steps }
        </>
    }
}
