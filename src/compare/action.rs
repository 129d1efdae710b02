//! What can happen in the compare view.

use digital_board_core::actions::Status;
use digital_board_core::compare::Mode;
use digital_board_core::date::Date;
use digital_board_core::label::Role;
use digital_board_core::scoring::Response;

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
    /// A paste too long to show in the box
    /// ([`digital_board_core::compare::collect::shown_in_box`]), read as it
    /// was pasted: as much of its text as was copied out of the clipboard,
    /// and its whole size (in UTF-16 units when it was too long to copy).
    AddLongPaste {
        /// The paste, or at least its first
        /// [`digital_board_core::compare::collect::MAX_INPUT_BYTES`].
        start: String,
        /// Its whole size, for saying how much was not read.
        size: u64,
    },
    /// Files chosen for comparing, each read only as far as
    /// [`digital_board_core::compare::collect::reading_plan`] allows.
    AddFiles(Vec<digital_board_core::compare::collect::FileInput>),
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
    /// "Record the board's agreed answers" from a board comparison.
    OpenAgree,
    /// The level (or "Don't know") the board agreed for a question.
    AgreeLevel(usize, Response),
    /// The reason typed for a question's agreed answer.
    AgreeReason(usize, String),
    /// The dissent typed for a question's agreed answer.
    AgreeDissent(usize, String),
    /// "Save the board's agreed answers", dated today (if known).
    SaveAgreed(Option<Date>),
    /// "Back to the comparison" from the agreed answers (kept as typed).
    CloseAgree,
    /// The status recorded for one of last time's actions.
    SetStatus(usize, Status),
    /// "Save the statuses with the later result".
    CarryStatuses,
    /// The page was reloaded while the board's agreed answers were being
    /// recorded: the text kept in the tab ([`digital_board_core::compare::agree::draft_text`]).
    RestoreAgreement(String),
}
