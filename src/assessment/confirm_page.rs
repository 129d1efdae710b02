//! Asks before the answers in this browser are deleted ("Start again",
//! "Clear my answers") or replaced ("Edit a copy" of a shared result):
//! nothing is lost by one stray click.

use yew::prelude::*;

use super::Action;
use crate::components::HEADING_ID;

/// Heading (and title) of the question asked before deleting answers.
pub const DELETE_HEADING: &str = "Delete your answers?";

/// Heading (and title) of the question asked before "Edit a copy"
/// replaces answers.
pub const REPLACE_HEADING: &str = "Replace your answers with this copy?";

/// A question (`heading`), what would be lost (`text`), a red button that
/// goes ahead (`confirm_label`, sending `confirm`) and "Keep my answers".
/// A plain function, not a component: it has no state of its own, and a
/// component would cost the wasm more than its markup.
pub fn confirm_page(
    heading: &'static str,
    text: String,
    confirm_label: &'static str,
    confirm: Action,
    on_action: &Callback<Action>,
) -> Html {
    html! {
        <div class="dba-page dba-page--confirm">
            <h1 id={HEADING_ID} tabindex="-1">{ heading }</h1>
            <p>{ text }</p>
            <div class="nhsuk-button-group">
                <button class="nhsuk-button nhsuk-button--warning" type="button" onclick={on_action.reform(move |_: MouseEvent| confirm.clone())}>
                    { confirm_label }
                </button>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::KeepAnswers)}>
                    { "Keep my answers" }
                </button>
            </div>
        </div>
    }
}
