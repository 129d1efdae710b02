//! Check your answers: every answer by section, each with a Change link.

use yew::prelude::*;

use super::Action;
use crate::components::HEADING_ID;
use crate::components::action_link;
use digital_board_core::model::Assessment;
use digital_board_core::report::response_label;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::text::assessment::{Phrase, Sentence};

/// Properties of [`CheckAnswersPage`].
#[derive(Properties, PartialEq)]
pub struct CheckAnswersPageProps {
    /// The assessment.
    pub assessment: &'static Assessment,
    /// The answers to check.
    pub answers: Answers,
    /// Receives Change, Back and "See your results".
    pub on_action: Callback<Action>,
}

/// The Check your answers page.
#[function_component(CheckAnswersPage)]
pub fn check_answers_page(props: &CheckAnswersPageProps) -> Html {
    let assessment = props.assessment;
    let answers = &props.answers;
    let back = action_link(&props.on_action, || Action::Back);
    let see_results = props.on_action.reform(|_: MouseEvent| Action::ShowResults);

    html! {
        <div class="dba-page dba-page--check">
            <a class="nhsuk-back-link" href="#" onclick={back}>{ Phrase::Back.text() }</a>
            <h1 id={HEADING_ID} tabindex="-1">{ Phrase::CheckYourAnswers.text() }</h1>
            { for assessment.sections.iter().enumerate().map(|(s, section)| html! {
                <>
                <h2 class="nhsuk-heading-m">{ section.title }</h2>
                <dl class="nhsuk-summary-list">
                    { for assessment.section_range(s).filter_map(|i| assessment.question(i)).map(|placed| {
                        let i = placed.index;
                        let response = answers.response(i);
                        let note = answers.note(i);
                        let change = action_link(&props.on_action, move || Action::Change(i));
                        html! {
                            <div class="nhsuk-summary-list__row">
                                <dt class="nhsuk-summary-list__key">{ placed.question.text }</dt>
                                <dd class="nhsuk-summary-list__value">
                                    <p class="dba-answer-level">{ response_label(response) }</p>
                                    if let Some(Response::Level(level)) = response {
                                        <p class="dba-answer-descriptor">{ placed.question.descriptor(level) }</p>
                                    }
                                    if !note.trim().is_empty() {
                                        <p class="dba-answer-note"><span class="dba-answer-note__label">{ Phrase::NotesLabel.text() }</span><bdi>{ note }</bdi></p>
                                    }
                                </dd>
                                <dd class="nhsuk-summary-list__actions">
                                    <a class="nhsuk-link" href="#" onclick={change}>
                                        { Phrase::Change.text() }<span class="nhsuk-u-visually-hidden">{ Sentence::ChangeAnswerTo(placed.question.text).text() }</span>
                                    </a>
                                </dd>
                            </div>
                        }
                    }) }
                </dl>
                </>
            }) }
            <h2 class="nhsuk-heading-m">{ Phrase::NowSeeYourResults.text() }</h2>
            <p>{ Phrase::WorkedOutInBrowser.text() }</p>
            <button class="nhsuk-button" type="button" onclick={see_results}>{ Phrase::SeeYourResults.text() }</button>
        </div>
    }
}
