//! Asks before the answers in this browser are deleted ("Start again",
//! "Clear my answers") or replaced ("Edit a copy" of a shared result):
//! nothing is lost by one stray click.

use yew::prelude::*;

use super::app::HEADING_ID;
use super::state::Action;

/// Properties of [`ConfirmPage`].
#[derive(Properties, PartialEq)]
pub struct ConfirmPageProps {
    /// The question, as the heading.
    pub heading: &'static str,
    /// What would be lost, and anything else to know first.
    pub text: String,
    /// The label of the button that goes ahead.
    pub confirm_label: &'static str,
    /// What that button does.
    pub confirm: Action,
    /// Receives `confirm` and "Keep my answers".
    pub on_action: Callback<Action>,
}

/// A question with a red button to go ahead and a way back.
#[function_component(ConfirmPage)]
pub fn confirm_page(props: &ConfirmPageProps) -> Html {
    let confirm = props.confirm.clone();
    html! {
        <div class="dba-page dba-page--confirm">
            <h1 id={HEADING_ID} tabindex="-1">{ props.heading }</h1>
            <p>{ props.text.clone() }</p>
            <div class="nhsuk-button-group">
                <button class="nhsuk-button nhsuk-button--warning" type="button" onclick={props.on_action.reform(move |_: MouseEvent| confirm.clone())}>
                    { props.confirm_label }
                </button>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={props.on_action.reform(|_: MouseEvent| Action::KeepAnswers)}>
                    { "Keep my answers" }
                </button>
            </div>
        </div>
    }
}
