//! The thin Yew layer: one component per file, one `State` + `Action`
//! reducer, side effects (title, focus) kept out of `reduce`.

pub mod app;
pub mod bad_link_page;
pub mod check_answers_page;
pub mod compare_page;
pub mod comparison_page;
pub mod dom;
pub mod error_summary;
pub mod level_chart;
pub mod link_box;
pub mod qr_code;
pub mod question_page;
pub mod results_page;
pub mod share_panel;
pub mod spread_table;
pub mod start_page;
pub mod state;
pub mod storage;
pub mod system_chart;
pub mod then_and_now_table;

use yew::prelude::*;

/// A link that runs `action` instead of following its `href`, so the host
/// page's URL (and its fragment) is never changed by navigation inside the
/// widget.
pub fn action_link(
    on_action: &Callback<state::Action>,
    action: impl Fn() -> state::Action + 'static,
) -> Callback<MouseEvent> {
    on_action.reform(move |event: MouseEvent| {
        event.prevent_default();
        action()
    })
}

/// CSS modifier of the NHS tag used for a level or a stage.
pub fn tag_class(level: Option<crate::core::model::Level>) -> &'static str {
    use crate::core::model::Level;
    match level {
        Some(Level::Absent) => "nhsuk-tag nhsuk-tag--red",
        Some(Level::Siloed) => "nhsuk-tag nhsuk-tag--yellow",
        Some(Level::Embedded) => "nhsuk-tag nhsuk-tag--green",
        None => "nhsuk-tag nhsuk-tag--grey",
    }
}
