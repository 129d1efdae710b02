//! The NHS error summary: "There is a problem" and one message linking to
//! the field to fix. The app moves focus to it (by [`ERROR_SUMMARY_ID`]).

use digital_board_core::text::common::Phrase;
use yew::prelude::*;

/// Id of the error summary, which receives focus when it appears.
pub const ERROR_SUMMARY_ID: &str = "dba-error-summary";

/// Properties of [`ErrorSummary`].
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// What is wrong.
    pub message: AttrValue,
    /// Id of the field the message links to.
    pub target: AttrValue,
}

/// The summary. Its link moves focus to the field itself (not just the
/// page's scroll position), in the same document or shadow root.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let jump = {
        let target = props.target.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(link) = event.target_dyn_into::<web_sys::Node>() {
                crate::dom::focus_id(&link, &target);
            }
        })
    };
    html! {
        <div class="nhsuk-error-summary" id={ERROR_SUMMARY_ID} tabindex="-1">
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{ Phrase::ThereIsAProblem.text() }</h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        <li><a href={format!("#{}", props.target)} onclick={jump}>{ props.message.clone() }</a></li>
                    </ul>
                </div>
            </div>
        </div>
    }
}
