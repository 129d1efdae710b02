//! The start page: what this is, how long it takes, where answers go.

use yew::prelude::*;

use super::Action;
use crate::components::{HEADING_ID, action_link};
use digital_board_core::model::Assessment;
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// Properties of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    /// The assessment about to be answered.
    pub assessment: &'static Assessment,
    /// How many questions were answered in answers saved earlier, if any.
    #[prop_or_default]
    pub saved: Option<usize>,
    /// Receives "Start now", "Continue where you left off" and "Clear my answers".
    pub on_action: Callback<Action>,
}

/// The first screen.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let assessment = props.assessment;
    let start = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <div class="dba-page dba-page--start">
            <h1 id={HEADING_ID} tabindex="-1">{ assessment.title }</h1>
            // Above the fold for someone coming back: their answers come first.
            if let Some(answered) = props.saved {
                <h2 class="nhsuk-heading-m">{ Phrase::YouHaveSavedAnswers.text() }</h2>
                <p>{ Sentence::SavedAnswers { answered, total: assessment.question_count() }.text() }</p>
                <div class="nhsuk-button-group">
                    <button class="nhsuk-button" type="button" onclick={props.on_action.reform(|_: MouseEvent| Action::Resume)}>
                        { Phrase::ContinueWhereYouLeftOff.text() }
                    </button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={props.on_action.reform(|_: MouseEvent| Action::StartAgain)}>
                        { Phrase::ClearMyAnswers.text() }
                    </button>
                </div>
            }
            <p class="nhsuk-body-l">{ assessment.description }</p>
            <p>{ Sentence::QuestionsAndSections {
                questions: assessment.question_count(),
                sections: assessment.sections.len(),
            }.text() }</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for assessment.sections.iter().map(|s| html! {
                    <li>{ Sentence::SectionQuestions { section: s.title, questions: s.questions.len() }.text() }</li>
                }) }
            </ul>
            <p>{ Phrase::HowToAnswer.text() }</p>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">{ CommonPhrase::InformationPrefix.text() }</span>
                <p>{ Phrase::AnswersStayInBrowser.text() }</p>
            </div>
            if props.saved.is_none() {
                <button class="nhsuk-button" type="button" onclick={start}>{ Phrase::StartNow.text() }</button>
            }
            <h2 class="nhsuk-heading-m">{ Phrase::CompareResults.text() }</h2>
            <p>
                { Phrase::CompareResultsIntro.text() }
                <a class="nhsuk-link" href="#" onclick={action_link(&props.on_action, || Action::OpenCompare(None))}>{ Phrase::CompareResults.text() }</a>
            </p>
            { super::source_credit::source_credit(&assessment.source) }
        </div>
    }
}
