//! Building blocks shared by the assessment and the compare view: the
//! error summary, the link box and its QR code, the bad link page, the
//! title and focus after a page change ([`page_change`]), the id of every
//! page's heading and two small helpers for markup.

pub mod bad_link_page;
pub mod error_summary;
pub mod link_box;
pub mod page_change;
pub mod qr_code;

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
