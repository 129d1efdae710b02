//! Then and now's follow-up: the actions the earlier result carried, each
//! with its lead, date and measure, the change since on the questions it
//! was meant to answer, and a status to record. "Save the statuses" hands
//! the later result, carrying them, to the assessment view.

use yew::prelude::*;

use super::Action;
use crate::components::error_summary::ErrorSummary;
use digital_board_core::actions::{Commitment, Status};
use digital_board_core::compare::Comparison;
use digital_board_core::compare::export::numbered_question;
use digital_board_core::compare::follow_up::{changes, earlier_actions};
use digital_board_core::text::actions::{Phrase as ActionPhrase, Sentence as ActionSentence};
use digital_board_core::text::agree::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// The id of action `index`'s first status radio (where its error links).
fn status_id(index: usize) -> String {
    format!("dba-status-{index}")
}

/// The id of the button that saves the statuses.
const CARRY_ID: &str = "dba-carry";

/// The section, for a then-and-now comparison: `statuses` as recorded so
/// far (one per earlier action), `missing` the actions "Save" found with
/// none, `refused` whether the later result could not take them all.
pub fn follow_up_section(
    comparison: &Comparison,
    statuses: &[Option<Status>],
    missing: &[usize],
    refused: bool,
    on_action: &Callback<Action>,
) -> Html {
    let actions = earlier_actions(comparison);
    if actions.is_empty() {
        return html! {
            <div class="dba-follow-up">
                <h2 class="nhsuk-heading-m">{ Phrase::FollowUpHeading.text() }</h2>
                <p>{ Phrase::NoEarlierActions.text() }</p>
            </div>
        };
    }
    let mut errors: Vec<(AttrValue, AttrValue)> = missing
        .iter()
        .map(|&index| {
            (
                AttrValue::from(Sentence::NoStatus(index + 1).text()),
                AttrValue::from(status_id(index)),
            )
        })
        .collect();
    if refused {
        errors.push((Phrase::TooManyToCarry.text().into(), CARRY_ID.into()));
    }
    html! {
        <div class="dba-follow-up">
            if let Some(((message, target), more)) = errors.split_first() {
                <ErrorSummary message={message.clone()} target={target.clone()} more={more.to_vec()} />
            }
            <h2 class="nhsuk-heading-m">{ Phrase::FollowUpHeading.text() }</h2>
            <p>{ Phrase::FollowUpIntro.text() }</p>
            { for actions.iter().enumerate().map(|(index, action)| {
                let status = statuses.get(index).copied().flatten();
                item(comparison, index, action, status, missing.contains(&index), on_action)
            }) }
            <p>{ Phrase::CarryExplained.text() }</p>
            <button class="nhsuk-button" type="button" id={CARRY_ID}
                onclick={on_action.reform(|_: MouseEvent| Action::CarryStatuses)}>
                { Phrase::CarryStatuses.text() }
            </button>
        </div>
    }
}

/// One earlier action: what, lead, date, measure, the change on its
/// questions, and its status.
fn item(
    comparison: &Comparison,
    index: usize,
    action: &Commitment,
    status: Option<Status>,
    missing: bool,
    on_action: &Callback<Action>,
) -> Html {
    let id = status_id(index);
    let error_id = format!("{id}-error");
    let row = |key: &'static str, value: Html| {
        html! {
            <div class="nhsuk-summary-list__row">
                <dt class="nhsuk-summary-list__key">{ key }</dt>
                <dd class="nhsuk-summary-list__value">{ value }</dd>
            </div>
        }
    };
    let moved = changes(comparison, action);
    let since = if moved.is_empty() {
        html! { { Phrase::NoLinkedQuestions.text() } }
    } else {
        html! {
            <ul class="nhsuk-list">
                { for moved.iter().map(|&(question, change)| html! {
                    <li>{ numbered_question(comparison.assessment, question) }{ " – " }<strong>{ change.label() }</strong></li>
                }) }
            </ul>
        }
    };
    html! {
        <div class={classes!("nhsuk-form-group", "dba-follow-up__action", missing.then_some("nhsuk-form-group--error"))}>
            <h3 class="nhsuk-heading-s">{ ActionSentence::Numbered(index + 1).text() }{ ": " }{ action.what.clone() }</h3>
            <dl class="nhsuk-summary-list">
                { row(ActionPhrase::Lead.text(), html! { { action.lead.clone() } }) }
                if let Some(by) = action.by {
                    { row(ActionPhrase::Due.text(), html! { { ActionSentence::MonthYear(by).text() } }) }
                }
                if !action.measure.is_empty() {
                    { row(ActionPhrase::Measure.text(), html! { { action.measure.clone() } }) }
                }
                { row(Phrase::SinceThen.text(), since) }
            </dl>
            <fieldset class="nhsuk-fieldset" aria-describedby={missing.then(|| error_id.clone())}>
                <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                    { Phrase::StatusLegend.text() }
                    <span class="nhsuk-u-visually-hidden">{ ActionSentence::Which(index + 1).text() }</span>
                </legend>
                if missing {
                    <span class="nhsuk-error-message" id={error_id}>
                        <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>
                        { Sentence::NoStatus(index + 1).text() }
                    </span>
                }
                <div class="nhsuk-radios nhsuk-radios--inline">
                    { for Status::ALL.iter().enumerate().map(|(position, &choice)| {
                        let input_id = if position == 0 { id.clone() } else { format!("{id}-{position}") };
                        html! {
                            <div class="nhsuk-radios__item">
                                <input class="nhsuk-radios__input" id={input_id.clone()} name={id.clone()} type="radio"
                                    checked={status == Some(choice)}
                                    onchange={on_action.reform(move |_: Event| Action::SetStatus(index, choice))} />
                                <label class="nhsuk-label nhsuk-radios__label" for={input_id}>{ choice.name() }</label>
                            </div>
                        }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}
