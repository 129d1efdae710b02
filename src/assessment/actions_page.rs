//! "Agree actions": the board's commitments after its results, each with
//! what the widget can tell about the guide's signs of a good commitment,
//! and the guide's six signs as a checklist the board ticks.

use yew::prelude::*;

use crate::components::{HEADING_ID, action_link};
use digital_board_core::actions::{Commitment, MAX_ACTIONS, Prompt, list_prompt, prompts};
use digital_board_core::date::Date;
use digital_board_core::export::action_fields;
use digital_board_core::model::Assessment;
use digital_board_core::text::actions::{Phrase, Sentence};

/// Id of the actions list's heading, for "Add an action" links elsewhere.
pub const ACTIONS_ID: &str = "dba-actions";

/// Properties of [`ActionsPage`].
#[derive(Properties, PartialEq)]
pub struct ActionsPageProps {
    /// The assessment (its signs of a good commitment and its questions).
    pub assessment: &'static Assessment,
    /// The board's actions, in the order agreed.
    pub actions: Vec<Commitment>,
    /// Today where the user is, to tell a date that has passed.
    pub today: Option<Date>,
    /// "Add an action".
    pub on_add: Callback<()>,
    /// "Change" on action N (from 0).
    pub on_change: Callback<usize>,
    /// "Remove" on action N (from 0).
    pub on_remove: Callback<usize>,
    /// Back to the results.
    pub on_back: Callback<()>,
    /// An action being typed and not saved (`Some(None)` a new one,
    /// `Some(Some(n))` a change to action N), offered to continue.
    #[prop_or_default]
    pub unsaved: Option<Option<usize>>,
}

/// A prompt, named by its sign: "Time-bound: There is no date yet…".
fn prompt_line(assessment: &Assessment, prompt: Prompt) -> Html {
    let sign = assessment
        .commitments
        .and_then(|c| c.sign(prompt.sign()))
        .map_or("", |sign| sign.name);
    html! {
        <li><strong>{ sign }{ ": " }</strong>{ Sentence::Prompt(prompt).text() }</li>
    }
}

/// A link that runs `callback` instead of following its `href`.
fn link(callback: &Callback<()>, text: &'static str, hidden: Option<String>) -> Html {
    let onclick = action_link(callback, || ());
    html! {
        <a class="nhsuk-link" href="#" {onclick}>
            { text }
            if let Some(hidden) = hidden {
                <span class="nhsuk-u-visually-hidden">{ hidden }</span>
            }
        </a>
    }
}

/// The actions page.
#[function_component(ActionsPage)]
pub fn actions_page(props: &ActionsPageProps) -> Html {
    let assessment = props.assessment;
    // The board's ticks against the six signs: for the discussion, not
    // saved (the board judges them afresh each time).
    let ticked = use_state(Vec::<&'static str>::new);
    let columns = Phrase::COLUMNS;
    html! {
        <div class="dba-page dba-page--actions">
            <a class="nhsuk-back-link" href="#" onclick={action_link(&props.on_back, || ())}>
                { Phrase::BackToResults.text() }
            </a>
            <span class="nhsuk-caption-l">{ assessment.title }</span>
            <h1 id={HEADING_ID} tabindex="-1">{ Phrase::AgreeActions.text() }</h1>
            <div class="nhsuk-inset-text">
                <p>{ Phrase::ActionsIntro.text() }</p>
            </div>
            <p>{ Phrase::ActionsExplained.text() }</p>

            if let Some(prompt) = list_prompt(&props.actions) {
                <div class="nhsuk-card nhsuk-card--warning dba-actions-warning">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">{ Phrase::PromptsHeading.text() }</h2>
                        <ul class="nhsuk-list nhsuk-card__description">{ prompt_line(assessment, prompt) }</ul>
                    </div>
                </div>
            }

            if let Some(target) = props.unsaved {
                <div class="nhsuk-inset-text dba-unsaved">
                    <p>
                        { link(&match target {
                            Some(index) => props.on_change.reform(move |()| index),
                            None => props.on_add.clone(),
                        }, Phrase::ContinueDraft.text(), None) }
                    </p>
                </div>
            }
            <h2 class="nhsuk-heading-m" id={ACTIONS_ID} tabindex="-1">{ Phrase::Heading.text() }</h2>
            if props.actions.is_empty() {
                <p>{ Phrase::NoActionsYet.text() }</p>
            } else {
                <ol class="nhsuk-list dba-action-list">
                    { for props.actions.iter().enumerate().map(|(i, action)| {
                        let fields = action_fields(assessment, action);
                        let action_prompts = assessment
                            .commitments
                            .map(|content| prompts(action, content, props.today))
                            .unwrap_or_default();
                        let which = Sentence::Which(i + 1).text();
                        html! {
                            <li class="nhsuk-card dba-action">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{ Sentence::Numbered(i + 1).text() }</h3>
                                    <dl class="nhsuk-summary-list dba-action__fields">
                                        // Number is the heading; the rest, in the files' order.
                                        { for columns.iter().skip(1).zip(fields.iter()).filter(|(_, value)| !value.is_empty()).map(|(column, value)| html! {
                                            <div class="nhsuk-summary-list__row">
                                                <dt class="nhsuk-summary-list__key">{ column.text() }</dt>
                                                <dd class="nhsuk-summary-list__value"><bdi>{ value.clone() }</bdi></dd>
                                            </div>
                                        }) }
                                    </dl>
                                    if !action_prompts.is_empty() {
                                        <div class="nhsuk-inset-text dba-action__prompts">
                                            <h4 class="nhsuk-heading-xs">{ Phrase::PromptsHeading.text() }</h4>
                                            <ul class="nhsuk-list">
                                                { for action_prompts.iter().map(|&prompt| prompt_line(assessment, prompt)) }
                                            </ul>
                                        </div>
                                    }
                                    <p class="dba-action__links">
                                        { link(&props.on_change.reform(move |()| i), Phrase::Change.text(), Some(which.clone())) }
                                        { " " }
                                        { link(&props.on_remove.reform(move |()| i), Phrase::Remove.text(), Some(which)) }
                                    </p>
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            }
            if props.actions.len() < MAX_ACTIONS {
                <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={props.on_add.reform(|_: MouseEvent| ())}>
                    { Phrase::AddAction.text() }
                </button>
            } else {
                <p>{ Phrase::MaxActions.text() }</p>
            }

            if let Some(content) = assessment.commitments {
                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset" aria-describedby="dba-signs-hint">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                            <h2 class="nhsuk-fieldset__heading">{ Phrase::SignsHeading.text() }</h2>
                        </legend>
                        <div class="nhsuk-hint" id="dba-signs-hint">{ Phrase::SignsHint.text() }</div>
                        <div class="nhsuk-checkboxes">
                            { for content.signs.iter().map(|sign| {
                                let id = format!("dba-sign-{}", sign.id);
                                let hint = format!("{id}-hint");
                                let checked = ticked.contains(&sign.id);
                                let onchange = {
                                    let ticked = ticked.clone();
                                    let sign = sign.id;
                                    Callback::from(move |_: Event| {
                                        let mut next = (*ticked).clone();
                                        if let Some(at) = next.iter().position(|s| *s == sign) {
                                            next.remove(at);
                                        } else {
                                            next.push(sign);
                                        }
                                        ticked.set(next);
                                    })
                                };
                                html! {
                                    <div class="nhsuk-checkboxes__item">
                                        <input class="nhsuk-checkboxes__input" id={id.clone()} type="checkbox" {checked} {onchange} aria-describedby={hint.clone()} />
                                        <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>{ sign.name }</label>
                                        <div class="nhsuk-hint nhsuk-checkboxes__hint" id={hint}>{ sign.guidance }</div>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>
                { super::source_credit::source_credit(&assessment.source) }
            }

            <button class="nhsuk-button" type="button" onclick={props.on_back.reform(|_: MouseEvent| ())}>
                { Phrase::Done.text() }
            </button>
        </div>
    }
}
