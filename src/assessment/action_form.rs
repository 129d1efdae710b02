//! The form that adds or changes one of the board's actions: what will be
//! done, who leads it, by when (month and year), how the board will know,
//! and the questions it answers. Every keystroke goes into the state's
//! draft, so Back, Cancel or a reload never lose what was typed.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::error_summary::ErrorSummary;
use crate::components::{HEADING_ID, action_link};
use digital_board_core::actions::{
    Draft, DraftError, Field, MAX_LEAD_CHARS, MAX_MEASURE_CHARS, MAX_WHAT_CHARS,
};
use digital_board_core::model::Assessment;
use digital_board_core::text::actions::Phrase;
use digital_board_core::text::assessment::Phrase as AssessmentPhrase;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::report::Sentence as ReportSentence;

/// Properties of [`ActionForm`].
#[derive(Properties, PartialEq)]
pub struct ActionFormProps {
    /// The assessment (its questions).
    pub assessment: &'static Assessment,
    /// What has been typed so far.
    pub draft: Draft,
    /// What to fix, after Save; empty before.
    pub errors: Vec<DraftError>,
    /// Whether an existing action is being changed (else one is added).
    pub changing: bool,
    /// Receives the draft as typed, after every change.
    pub on_draft: Callback<Draft>,
    /// "Save action".
    pub on_save: Callback<()>,
    /// "Cancel" and the back link.
    pub on_cancel: Callback<()>,
}

/// The id of the field an error is about (the month's for the date).
fn field_id(field: Field) -> &'static str {
    match field {
        Field::What => "dba-action-what",
        Field::Lead => "dba-action-lead",
        Field::By => "dba-action-month",
        Field::Measure => "dba-action-measure",
    }
}

/// The error about `field`, if any.
fn error_for(errors: &[DraftError], field: Field) -> Option<DraftError> {
    errors.iter().copied().find(|e| e.field() == field)
}

/// An NHS error message for a field.
fn error_message(id: &str, error: Option<DraftError>) -> Html {
    match error {
        Some(error) => html! {
            <span class="nhsuk-error-message" id={format!("{id}-error")}>
                <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>
                { error.message() }
            </span>
        },
        None => html! {},
    }
}

/// The hint's id, and the error's when there is one.
fn described_by(id: &str, error: Option<DraftError>) -> String {
    match error {
        Some(_) => format!("{id}-hint {id}-error"),
        None => format!("{id}-hint"),
    }
}

/// The form.
#[function_component(ActionForm)]
pub fn action_form(props: &ActionFormProps) -> Html {
    let assessment = props.assessment;
    let draft = &props.draft;
    // Each field sends the whole draft with its own part changed.
    let edit = |change: fn(&mut Draft, String)| {
        let on_draft = props.on_draft.clone();
        let draft = draft.clone();
        Callback::from(move |event: InputEvent| {
            let value = event
                .target_dyn_into::<HtmlInputElement>()
                .map(|input| input.value())
                .or_else(|| {
                    event
                        .target_dyn_into::<HtmlTextAreaElement>()
                        .map(|area| area.value())
                })
                .unwrap_or_default();
            let mut next = draft.clone();
            change(&mut next, value);
            on_draft.emit(next);
        })
    };
    let onsubmit = props
        .on_save
        .reform(|event: SubmitEvent| event.prevent_default());
    let what_error = error_for(&props.errors, Field::What);
    let lead_error = error_for(&props.errors, Field::Lead);
    let by_error = error_for(&props.errors, Field::By);
    let measure_error = error_for(&props.errors, Field::Measure);
    let group = |error: Option<DraftError>| {
        classes!("nhsuk-form-group", error.map(|_| "nhsuk-form-group--error"))
    };
    let summary: Vec<(AttrValue, AttrValue)> = props
        .errors
        .iter()
        .map(|e| {
            (
                AttrValue::from(e.message()),
                AttrValue::from(field_id(e.field())),
            )
        })
        .collect();

    html! {
        <div class="dba-page dba-page--action-form">
            <a class="nhsuk-back-link" href="#" onclick={action_link(&props.on_cancel, || ())}>
                { AssessmentPhrase::Back.text() }
            </a>
            <form novalidate=true {onsubmit}>
                if let Some(((message, target), more)) = summary.split_first() {
                    <ErrorSummary message={message.clone()} target={target.clone()} more={more.to_vec()} />
                }
                <h1 id={HEADING_ID} tabindex="-1">
                    { if props.changing { Phrase::ChangeHeading.text() } else { Phrase::AddHeading.text() } }
                </h1>

                <div class={group(what_error)}>
                    <label class="nhsuk-label nhsuk-label--s" for="dba-action-what">{ Phrase::WhatLabel.text() }</label>
                    <div class="nhsuk-hint" id="dba-action-what-hint">{ Phrase::WhatHint.text() }</div>
                    { error_message("dba-action-what", what_error) }
                    <textarea class={classes!("nhsuk-textarea", what_error.map(|_| "nhsuk-textarea--error"))}
                        id="dba-action-what" name="what" rows="3" maxlength={MAX_WHAT_CHARS.to_string()}
                        aria-describedby={described_by("dba-action-what", what_error)}
                        value={draft.what.clone()} oninput={edit(|d, v| d.what = v)} />
                </div>

                <div class={group(lead_error)}>
                    <label class="nhsuk-label nhsuk-label--s" for="dba-action-lead">{ Phrase::LeadLabel.text() }</label>
                    <div class="nhsuk-hint" id="dba-action-lead-hint">{ Phrase::LeadHint.text() }</div>
                    { error_message("dba-action-lead", lead_error) }
                    <input class={classes!("nhsuk-input", "nhsuk-input--width-20", lead_error.map(|_| "nhsuk-input--error"))}
                        id="dba-action-lead" name="lead" type="text" maxlength={MAX_LEAD_CHARS.to_string()}
                        aria-describedby={described_by("dba-action-lead", lead_error)}
                        value={draft.lead.clone()} oninput={edit(|d, v| d.lead = v)} />
                </div>

                <div class={group(by_error)}>
                    <fieldset class="nhsuk-fieldset" role="group" aria-describedby={described_by("dba-action-due", by_error)}>
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ Phrase::DueLegend.text() }</legend>
                        <div class="nhsuk-hint" id="dba-action-due-hint">{ Phrase::DueHint.text() }</div>
                        { error_message("dba-action-due", by_error) }
                        <div class="nhsuk-date-input">
                            <div class="nhsuk-date-input__item">
                                <div class="nhsuk-form-group">
                                    <label class="nhsuk-label nhsuk-date-input__label" for="dba-action-month">{ Phrase::Month.text() }</label>
                                    <input class={classes!("nhsuk-input", "nhsuk-date-input__input", "nhsuk-input--width-2", by_error.map(|_| "nhsuk-input--error"))}
                                        id="dba-action-month" name="month" type="text" inputmode="numeric"
                                        value={draft.month.clone()} oninput={edit(|d, v| d.month = v)} />
                                </div>
                            </div>
                            <div class="nhsuk-date-input__item">
                                <div class="nhsuk-form-group">
                                    <label class="nhsuk-label nhsuk-date-input__label" for="dba-action-year">{ Phrase::Year.text() }</label>
                                    <input class={classes!("nhsuk-input", "nhsuk-date-input__input", "nhsuk-input--width-4", by_error.map(|_| "nhsuk-input--error"))}
                                        id="dba-action-year" name="year" type="text" inputmode="numeric"
                                        value={draft.year.clone()} oninput={edit(|d, v| d.year = v)} />
                                </div>
                            </div>
                        </div>
                    </fieldset>
                </div>

                <div class={group(measure_error)}>
                    <label class="nhsuk-label nhsuk-label--s" for="dba-action-measure">{ Phrase::MeasureLabel.text() }</label>
                    <div class="nhsuk-hint" id="dba-action-measure-hint">{ Phrase::MeasureHint.text() }</div>
                    { error_message("dba-action-measure", measure_error) }
                    <textarea class={classes!("nhsuk-textarea", measure_error.map(|_| "nhsuk-textarea--error"))}
                        id="dba-action-measure" name="measure" rows="2" maxlength={MAX_MEASURE_CHARS.to_string()}
                        aria-describedby={described_by("dba-action-measure", measure_error)}
                        value={draft.measure.clone()} oninput={edit(|d, v| d.measure = v)} />
                </div>

                <div class="nhsuk-form-group">
                    <fieldset class="nhsuk-fieldset" aria-describedby="dba-action-questions-hint">
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ Phrase::QuestionsLegend.text() }</legend>
                        <div class="nhsuk-hint" id="dba-action-questions-hint">{ Phrase::QuestionsHint.text() }</div>
                        <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                            { for assessment.questions().map(|placed| {
                                let index = placed.index;
                                let id = format!("dba-action-q-{}", index + 1);
                                let checked = draft.questions.contains(&index);
                                let onchange = {
                                    let on_draft = props.on_draft.clone();
                                    let draft = draft.clone();
                                    Callback::from(move |_: Event| {
                                        let mut next = draft.clone();
                                        if let Some(at) = next.questions.iter().position(|&q| q == index) {
                                            next.questions.remove(at);
                                        } else {
                                            next.questions.push(index);
                                        }
                                        on_draft.emit(next);
                                    })
                                };
                                html! {
                                    <div class="nhsuk-checkboxes__item">
                                        <input class="nhsuk-checkboxes__input" id={id.clone()} type="checkbox" {checked} {onchange} />
                                        <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
                                            { ReportSentence::NumberedQuestion { number: index + 1, question: placed.question.text }.text() }
                                        </label>
                                    </div>
                                }
                            }) }
                        </div>
                    </fieldset>
                </div>

                <div class="nhsuk-button-group">
                    <button class="nhsuk-button" type="submit">{ Phrase::SaveAction.text() }</button>
                    <a class="nhsuk-link" href="#" onclick={action_link(&props.on_cancel, || ())}>{ Phrase::Cancel.text() }</a>
                </div>
            </form>
        </div>
    }
}
