//! Asks before the answers in this browser are deleted ("Start again",
//! "Clear my answers") or replaced ("Edit a copy" of a shared result):
//! nothing is lost by one stray click.

use yew::prelude::*;

use super::Action;
use crate::components::HEADING_ID;
use digital_board_core::text::assessment::Phrase;

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
                    { Phrase::KeepMyAnswers.text() }
                </button>
            </div>
        </div>
    }
}
