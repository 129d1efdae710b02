//! The NHS error summary: "There is a problem" and a message linking to
//! each field to fix. The app moves focus to it (by [`ERROR_SUMMARY_ID`]).

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
    /// Further messages, each with the id of its field, after the first.
    #[prop_or_default]
    pub more: Vec<(AttrValue, AttrValue)>,
}

/// One message, linking to its field: the link moves focus to the field
/// itself (not just the page's scroll position), in the same document or
/// shadow root.
fn item(message: &AttrValue, target: &AttrValue) -> Html {
    let jump = {
        let target = target.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            if let Some(link) = event.target_dyn_into::<web_sys::Node>() {
                crate::dom::focus_id(&link, &target);
            }
        })
    };
    html! { <li><a href={format!("#{target}")} onclick={jump}>{ message.clone() }</a></li> }
}

/// The summary.
#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    html! {
        <div class="nhsuk-error-summary" id={ERROR_SUMMARY_ID} tabindex="-1">
            <div role="alert">
                <h2 class="nhsuk-error-summary__heading">{ Phrase::ThereIsAProblem.text() }</h2>
                <div class="nhsuk-error-summary__body">
                    <ul class="nhsuk-list nhsuk-error-summary__list">
                        { item(&props.message, &props.target) }
                        { for props.more.iter().map(|(message, target)| item(message, target)) }
                    </ul>
                </div>
            </div>
        </div>
    }
}
