//! The start page: what this is, how long it takes, where answers go.

use yew::prelude::*;

use super::app::HEADING_ID;
use super::state::Action;
use crate::core::model::Assessment;

/// Properties of [`StartPage`].
#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    /// The assessment about to be answered.
    pub assessment: &'static Assessment,
    /// Receives "Start now".
    pub on_action: Callback<Action>,
}

/// The first screen.
#[function_component(StartPage)]
pub fn start_page(props: &StartPageProps) -> Html {
    let assessment = props.assessment;
    let source = &assessment.source;
    let start = props.on_action.reform(|_: MouseEvent| Action::Start);
    html! {
        <div class="dba-page dba-page--start">
            <h1 id={HEADING_ID} tabindex="-1">{ assessment.title }</h1>
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
                <p>{ "Your answers stay in this browser. Nothing is sent to a server." }</p>
            </div>
            <button class="nhsuk-button" type="button" onclick={start}>{ "Start now" }</button>
            <p class="nhsuk-body-s">
                { "Questions quoted from " }
                <a href={source.url} rel="noreferrer noopener">{ source.title }</a>
                { format!(", {}, {}.", source.publisher, source.published) }
            </p>
        </div>
    }
}
