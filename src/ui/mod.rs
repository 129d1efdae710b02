//! The thin Yew layer: one component per file, a `State` + `Action`
//! reducer for the assessment (`app`) and a `CompareState` one for the
//! compare view (`compare_app`, its own wasm bundle), side effects (title,
//! focus, storage, address) kept out of `reduce`.

pub mod app;
pub mod bad_link_page;
pub mod check_answers_page;
pub mod compare_app;
pub mod compare_page;
pub mod compare_state;
pub mod comparison_page;
pub mod confirm_page;
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

/// After each page change (`moves` counts them) sets the document title, if
/// the widget manages it, and moves focus to the error summary (when
/// `show_error`) or the page's heading, once the new page is painted. Focus
/// never moves on first load (`moves` 0), so an embedding page keeps its
/// focus.
#[hook]
pub fn use_page_change(
    moves: u32,
    title: String,
    show_error: bool,
    manage_title: bool,
    root: NodeRef,
) {
    let focus_target = (moves > 0).then_some(if show_error {
        error_summary::ERROR_SUMMARY_ID
    } else {
        app::HEADING_ID
    });
    use_effect_with((moves, title), move |(_, title)| {
        let title = title.clone();
        let change = move || {
            // Not for a view the user has left (or a widget removed) since.
            let Some(root) = root.get().filter(|root| root.is_connected()) else {
                return;
            };
            if manage_title {
                dom::set_title(&title);
            }
            if let Some(id) = focus_target {
                dom::focus_id(&root, id);
            }
        };
        // At load there is nothing to show sooner: the title at once.
        if moves == 0 {
            change()
        } else {
            dom::after_paint(change)
        }
    });
}

/// The publication an assessment comes from, linked, and what in the
/// assessment is quoted from it (start and results pages).
pub fn source_credit(source: &'static digital_board_core::model::Source) -> Html {
    html! {
        <p class="nhsuk-body-s">
            { "Source: " }
            <a href={source.url} rel="noreferrer noopener">{ source.title }</a>
            { format!(", {}, {}. {}", source.publisher, source.published, source.credit) }
        </p>
    }
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
