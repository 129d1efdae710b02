//! What can happen in the compare view.

use digital_board_core::compare::Mode;
use digital_board_core::label::Role;

use super::Step;

/// Something the user did in the compare view, or the page telling it
/// something. The reducer ([`super::State`]) decides what each does on
/// each screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The page's URL fragment (at load or after a change): a compare link
    /// opens its comparison; anything else is the assessment's.
    OpenFragment(String),
    /// The view opened, or shown again, from the assessment's "Compare
    /// results"; from a shared result, with its link (fragment).
    Open(Option<String>),
    /// The text in the paste box changed.
    SetText(String),
    /// "Add results" with the pasted text.
    Add,
    /// Files chosen for comparing, as (name, text).
    AddFiles(Vec<(String, String)>),
    /// "Remove" on a result.
    Remove(usize),
    /// The name typed for a result.
    SetName(usize, String),
    /// The role chosen for a result.
    SetRole(usize, Role),
    /// The kind of comparison chosen.
    SetMode(Mode),
    /// "Compare": show the comparison if it can be shown.
    ShowComparison,
    /// "Change the results" from the comparison.
    ChangeComparison,
    /// The browser's Back or Forward reached an entry of this step: show
    /// it if the results gathered allow.
    ShowScreen(Step),
    /// "Back" from the gather page, "Leave the comparison", or "Start your
    /// own assessment" from a bad compare link: back to the assessment.
    Leave,
}
