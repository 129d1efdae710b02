//! What can happen in the assessment view.

use std::rc::Rc;

use digital_board_core::actions::Draft;
use digital_board_core::label::Role;
use digital_board_core::scoring::Response;

use super::Screen;

/// Something the user did in the assessment, or the page's address
/// changing. The reducer ([`super::State`]) decides what each does on
/// each page.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// "Start now".
    Start,
    /// A radio was chosen for a question.
    Choose(usize, Response),
    /// The notes for a question changed.
    Note(usize, String),
    /// "Continue" on a question page.
    Continue,
    /// The "Back" link.
    Back,
    /// A "Change" link on Check your answers.
    Change(usize),
    /// "See your results" on Check your answers.
    ShowResults,
    /// "Change your answers" from the results page.
    ReviewAnswers,
    /// "Start again" or "Clear my answers": ask before deleting anything.
    StartAgain,
    /// "Delete my answers": forget every answer, here and in storage.
    ConfirmStartAgain,
    /// "Keep my answers": back from a question asked before deleting or
    /// replacing answers.
    KeepAnswers,
    /// "Continue where you left off" with answers saved earlier.
    Resume,
    /// Saving to the browser failed.
    StorageFailed,
    /// The page's URL fragment (at load or after a change): a share link
    /// opens its results; anything else is left alone.
    OpenFragment(String),
    /// "Start your own assessment" from a shared result or a bad link.
    StartOwn,
    /// "Edit a copy" of a shared result: its answers become this
    /// browser's (after asking, if this browser has answers of its own).
    EditCopy,
    /// "Replace my answers" with the copy of a shared result, or with the
    /// result the compare view handed over.
    ConfirmEditCopy,
    /// The compare view handed over a result to take up as this browser's
    /// own ([`digital_board_core::handover::Handover`]'s text): the board's
    /// agreed answers, or a later result with last time's actions.
    TakeUp(String),
    /// The organisation name or ODS code typed for sharing.
    SetOrganisation(String),
    /// The role chosen for sharing.
    SetRole(Role),
    /// Whether to include notes in the share link.
    IncludeNotes(bool),
    /// The browser's Back or Forward reached an entry of this screen: show
    /// it, or the nearest page the answers allow.
    ShowScreen(Screen),
    /// "Agree actions" from the results.
    OpenActions,
    /// "Add an action", for the question given (from its discussion item)
    /// or none.
    AddAction(Option<usize>),
    /// "Change" action N.
    ChangeAction(usize),
    /// "Remove" action N.
    RemoveAction(usize),
    /// The action form's fields, as typed.
    EditDraft(Draft),
    /// "Save action".
    SaveAction,
    /// "Cancel": leave the form, forgetting what was typed.
    CancelAction,
    /// Whether to include the board's actions in the share link.
    IncludeActions(bool),
    /// "Compare results": open the compare view, which is its own wasm
    /// bundle (`crate::compare`), starting with the shared result whose
    /// link (fragment) is given. The page switches views when told.
    OpenCompare(Option<String>),
    /// Another tab or window changed a saved record (the `storage` event),
    /// or this page found one changed when it went to save.
    StoredElsewhere(Rc<StoredChange>),
    /// "Use the answers from the other tab" (or "Delete these answers
    /// too"): this page takes up what the other tab saved.
    UseOtherTab,
    /// "Keep these answers": this page's answers are saved over the other
    /// tab's, which then asks the same question.
    KeepThisTab,
    /// A record that could not be read was set aside under this key.
    AsideKept(Rc<str>),
    /// A record that could not be read could not be set aside, so nothing
    /// may be saved.
    AsideFailed,
    /// The module of a result's pages ([`super::late`]) arrived, or could
    /// not be fetched: the page showing is drawn again.
    LatePagesSettled,
    /// "Try again" after that module could not be fetched.
    RetryLatePages,
}

/// A change to a saved record made elsewhere: the key changed (`None`:
/// the whole storage was cleared), its text before and after (`None`: no
/// record), and the text a "Keep these answers" last noted it replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredChange {
    /// The storage key.
    pub key: Option<String>,
    /// The record before the change.
    pub old: Option<String>,
    /// The record after the change.
    pub new: Option<String>,
    /// What the latest "Keep these answers" saved over.
    pub replaced: Option<String>,
}
