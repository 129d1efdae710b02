//! The start page: what this is, how long it takes, where answers go.

use yew::prelude::*;

use super::Action;
use crate::components::{HEADING_ID, action_link};
use digital_board_core::model::Assessment;

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
                <h2 class="nhsuk-heading-m">{ "You have saved answers" }</h2>
                <p>{ format!(
                    "This browser has your answers from earlier: {answered} of {} questions answered.",
                    assessment.question_count()
                ) }</p>
                <div class="nhsuk-button-group">
                    <button class="nhsuk-button" type="button" onclick={props.on_action.reform(|_: MouseEvent| Action::Resume)}>
                        { "Continue where you left off" }
                    </button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={props.on_action.reform(|_: MouseEvent| Action::StartAgain)}>
                        { "Clear my answers" }
                    </button>
                </div>
            }
            <p class="nhsuk-body-l">{ assessment.description }</p>
            <p>{ format!(
                "There are {} questions in {} sections. It takes about 10 minutes.",
                assessment.question_count(),
                assessment.sections.len()
            ) }</p>
            <ul class="nhsuk-list nhsuk-list--bullet">
                { for assessment.sections.iter().map(|s| html! {
                    <li>{ format!("{} ({} questions)", s.title, s.questions.len()) }</li>
                }) }
            </ul>
            <p>{ "For each question, choose the description that fits your trust best, or “Don’t know”. You will see your answers before your results." }</p>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
                <p>{ "Your answers stay in this browser. Nothing is sent to a server. Answers are saved on this device as you go, so you can come back to them." }</p>
            </div>
            if props.saved.is_none() {
                <button class="nhsuk-button" type="button" onclick={start}>{ "Start now" }</button>
            }
            <h2 class="nhsuk-heading-m">{ "Compare results" }</h2>
            <p>
                { "Board members, or organisations across a system, can put their shared results side by side to see where they differ. " }
                <a class="nhsuk-link" href="#" onclick={action_link(&props.on_action, || Action::OpenCompare(None))}>{ "Compare results" }</a>
            </p>
            { super::source_credit::source_credit(&assessment.source) }
        </div>
    }
}
