//! Saving answers in the browser's localStorage. Every call copes with
//! storage that is blocked (private browsing, strict policies), full or
//! holding something unreadable: the widget keeps working without it.

use digital_board_core::actions::{Commitment, Draft};
use digital_board_core::label::Label;
use digital_board_core::model::Assessment;
use digital_board_core::saved::{self, Record, SavedError};
use digital_board_core::scoring::Answers;

fn key(assessment: &Assessment) -> String {
    format!("digital-board-assessment:{}", assessment.id)
}

fn local_storage() -> Option<web_sys::Storage> {
    // Throws (SecurityError) where storage is blocked; treat that as absent.
    web_sys::window()?.local_storage().ok().flatten()
}

/// What was found in storage when the widget opened.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Nothing saved (or storage unavailable).
    Nothing,
    /// Earlier answers to offer to resume, with the organisation and role
    /// typed for sharing them and the board's actions.
    Answers(Box<Record>),
    /// Something saved that could not be read.
    Unreadable(SavedError),
}

/// Reads saved answers for this assessment.
pub fn load(assessment: &'static Assessment) -> Found {
    let Some(text) = local_storage().and_then(|s| s.get_item(&key(assessment)).ok().flatten())
    else {
        return Found::Nothing;
    };
    match saved::from_text(assessment, &text) {
        Ok(record) if saved::has_progress(&record.answers) => Found::Answers(Box::new(record)),
        Ok(_) => Found::Nothing,
        Err(error) => Found::Unreadable(error),
    }
}

/// Saves answers with the organisation, role, actions and an action being
/// typed; `false` if storage is blocked or full.
pub fn save(
    assessment: &'static Assessment,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
    draft: Option<(Option<usize>, &Draft)>,
) -> bool {
    local_storage().is_some_and(|s| {
        s.set_item(
            &key(assessment),
            &saved::to_text_with_draft(assessment, answers, label, actions, draft),
        )
        .is_ok()
    })
}

/// Removes everything this widget stored for the assessment.
pub fn clear(assessment: &'static Assessment) {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(&key(assessment));
    }
}
