//! Building blocks shared by the assessment and the compare view: the
//! error summary, the link box and its QR code, the bad link page, the
//! title and focus after a page change ([`page_change`]), the Word download
//! button ([`word_button`]), the id of every page's heading and two small
//! helpers for markup.

pub mod bad_link_page;
pub mod error_summary;
pub mod link_box;
pub mod page_change;
pub mod qr_code;
pub mod word_button;

use yew::prelude::*;

/// Id of every page's main heading, which receives focus after navigation.
pub const HEADING_ID: &str = "dba-heading";

/// A link that runs `action` instead of following its `href`, so the host
/// page's URL (and its fragment) is never changed by navigation inside the
/// widget.
pub fn action_link<A: 'static>(
    on_action: &Callback<A>,
    action: impl Fn() -> A + 'static,
) -> Callback<MouseEvent> {
    on_action.reform(move |event: MouseEvent| {
        event.prevent_default();
        action()
    })
}

/// CSS modifier of the NHS tag used for a level or a stage.
pub fn tag_class(level: Option<digital_board_core::model::Level>) -> &'static str {
    use digital_board_core::model::Level;
    match level {
        Some(Level::Absent) => "nhsuk-tag nhsuk-tag--red",
        Some(Level::Siloed) => "nhsuk-tag nhsuk-tag--yellow",
        Some(Level::Embedded) => "nhsuk-tag nhsuk-tag--green",
        None => "nhsuk-tag nhsuk-tag--grey",
    }
}

/// A link to a part of the same page (by the id of its heading or item,
/// which carries `tabindex="-1"`): it moves focus there, which scrolls it
/// into view, without changing the address (its fragment may be a share
/// link).
pub fn jump_link(target: String, text: String) -> Html {
    let href = format!("#{target}");
    let onclick = Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        if let Some(from) = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
        {
            crate::dom::focus_id(&from, &target);
        }
    });
    html! { <a class="nhsuk-link" {href} {onclick}>{ text }</a> }
}
