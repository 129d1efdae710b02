//! One question per page: the question as the legend's h1, guidance as
//! hint, the three descriptors as radios, "Don't know" after an "or"
//! divider, optional notes, Continue and Back.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::Action;
use crate::components::HEADING_ID;
use crate::components::action_link;
use crate::components::error_summary::ErrorSummary;
use digital_board_core::model::{Assessment, Level};
use digital_board_core::report::progress_label;
use digital_board_core::scoring::Response;
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// Id of the first radio, where the error summary's link leads.
pub const FIRST_RADIO_ID: &str = "dba-answer";

/// Properties of [`QuestionPage`].
#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    /// The assessment.
    pub assessment: &'static Assessment,
    /// Position of the question shown.
    pub index: usize,
    /// The current answer, if any.
    pub response: Option<Response>,
    /// The current notes.
    pub note: String,
    /// Whether to show the "nothing chosen" error.
    pub show_error: bool,
    /// Receives the user's actions.
    pub on_action: Callback<Action>,
}

fn response_key(response: Response) -> &'static str {
    match response {
        Response::Level(level) => level.key(),
        Response::DontKnow => "dont-know",
    }
}

/// A question page.
#[function_component(QuestionPage)]
pub fn question_page(props: &QuestionPageProps) -> Html {
    let Some(placed) = props.assessment.question(props.index) else {
        return html! {};
    };
    let question = placed.question;
    let section = &props.assessment.sections[placed.section];
    let index = props.index;

    let radio =
        |position: usize, response: Response, label: &'static str, hint: Option<&'static str>| {
            let id = if position == 0 {
                FIRST_RADIO_ID.to_owned()
            } else {
                format!("{FIRST_RADIO_ID}-{}", position + 1)
            };
            let hint_id = format!("{id}-item-hint");
            let onchange = props
                .on_action
                .reform(move |_: Event| Action::Choose(index, response));
            html! {
                <div class="nhsuk-radios__item">
                    <input
                        class="nhsuk-radios__input"
                        id={id.clone()}
                        name="answer"
                        type="radio"
                        value={response_key(response)}
                        checked={props.response == Some(response)}
                        aria-describedby={hint.map(|_| hint_id.clone())}
                        {onchange}
                    />
                    <label class="nhsuk-label nhsuk-radios__label" for={id}>{ label }</label>
                    if let Some(hint) = hint {
                        <div class="nhsuk-hint nhsuk-radios__hint" id={hint_id}>{ hint }</div>
                    }
                </div>
            }
        };

    let onsubmit = props.on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::Continue
    });
    let oninput = props.on_action.reform(move |event: InputEvent| {
        let area: HtmlTextAreaElement = event.target_unchecked_into();
        Action::Note(index, area.value())
    });
    let back = action_link(&props.on_action, || Action::Back);

    let described_by = if props.show_error {
        "dba-hint dba-answer-error"
    } else {
        "dba-hint"
    };
    let group_class = classes!(
        "nhsuk-form-group",
        props.show_error.then_some("nhsuk-form-group--error")
    );

    // Not keyed by question: moving on reuses the page's elements and
    // changes only what differs (measured: a step ~5 ms quicker than
    // building them anew). Nothing carries over, because every input is
    // set from the state: `checked` on each radio, `value` on the notes.
    html! {
        <div class="dba-page dba-page--question">
            <a class="nhsuk-back-link" href="#" onclick={back}>{ Phrase::Back.text() }</a>
            <form novalidate=true {onsubmit}>
                if props.show_error {
                    <ErrorSummary message={Phrase::NothingChosen.text()} target={FIRST_RADIO_ID} />
                }
                <span class="nhsuk-caption-l dba-progress">
                    { Sentence::ProgressCaption {
                        progress: &progress_label(index, props.assessment),
                        section: section.title,
                    }.text() }
                </span>
                <div class={group_class}>
                    <fieldset class="nhsuk-fieldset" aria-describedby={described_by}>
                        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--l">
                            <h1 class="nhsuk-fieldset__heading" id={HEADING_ID} tabindex="-1">{ question.text }</h1>
                        </legend>
                        <div class="nhsuk-hint" id="dba-hint">
                            { for question.hint.iter().map(|paragraph| html! { <p class="dba-hint-paragraph">{ *paragraph }</p> }) }
                        </div>
                        if props.show_error {
                            <span class="nhsuk-error-message" id="dba-answer-error">
                                <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>{ Phrase::NothingChosen.text() }
                            </span>
                        }
                        <div class="nhsuk-radios">
                            { for Level::ALL.iter().enumerate().map(|(position, &level)| {
                                radio(position, Response::Level(level), question.descriptor(level), Some(level.name()))
                            }) }
                            <div class="nhsuk-radios__divider">{ Phrase::Or.text() }</div>
                            { radio(3, Response::DontKnow, CommonPhrase::DontKnow.text(), None) }
                        </div>
                    </fieldset>
                </div>
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for="dba-notes">{ Phrase::NotesOptional.text() }</label>
                    <div class="nhsuk-hint" id="dba-notes-hint">
                        { Phrase::NotesHint.text() }
                    </div>
                    <textarea
                        class="nhsuk-textarea"
                        id="dba-notes"
                        name="notes"
                        rows="3"
                        aria-describedby="dba-notes-hint"
                        value={props.note.clone()}
                        {oninput}
                    />
                </div>
                <button class="nhsuk-button" type="submit">{ Phrase::Continue.text() }</button>
            </form>
        </div>
    }
}
