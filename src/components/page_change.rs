//! The title and focus after a page change, for either view's app to call
//! when its reducer asks.

use yew::NodeRef;

use super::HEADING_ID;
use super::error_summary::ERROR_SUMMARY_ID;
use crate::dom;

/// Sets the document title to `title`, if the widget manages it, and
/// moves focus to the error summary (when `show_error`) or the page's
/// heading, once the new page is painted. `moves` counts page changes:
/// focus never moves on first load (`moves` 0), so an embedding page
/// keeps its focus.
pub fn show_page(root: &NodeRef, title: String, manage_title: bool, moves: u32, show_error: bool) {
    let focus_target = (moves > 0).then_some(if show_error {
        ERROR_SUMMARY_ID
    } else {
        HEADING_ID
    });
    let root = root.clone();
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
}
