//! Saving answers in the browser's localStorage. Every call copes with
//! storage that is blocked (private browsing, strict policies), full or
//! holding something unreadable: the widget keeps working without it.
//!
//! Other tabs of the same browser share the storage. A record is only
//! written over the one this page last knew of ([`save`] checks first), so
//! a tab never silently replaces what another tab saved meanwhile; the app
//! hears of other tabs' saves from the `storage` event ([`on_change`]). A
//! record this page cannot read (damaged, or from a newer version) is never
//! written over: it is copied to a key of its own first ([`set_aside`]).

use digital_board_core::actions::{Commitment, Draft};
use digital_board_core::date::Date;
use digital_board_core::label::Label;
use digital_board_core::model::Assessment;
use digital_board_core::saved::{self, Record, SavedError};
use digital_board_core::scoring::Answers;
use wasm_bindgen::JsCast;

use super::action::StoredChange;

/// Where a record is copied before it is knowingly saved over ("Keep these
/// answers"), so the tab whose answers they were asks rather than follows.
fn replaced_key(key: &str) -> String {
    format!("{key}.replaced")
}

/// The start of the keys of records set aside because they could not be read.
fn aside_prefix(key: &str) -> String {
    format!("{key}.unreadable")
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
    /// Something saved that could not be read, and its text (kept).
    Unreadable(SavedError, String),
}

/// The text stored for this assessment now, if any.
pub fn stored_text(assessment: &'static Assessment) -> Option<String> {
    local_storage()?
        .get_item(&saved::storage_key(assessment))
        .ok()
        .flatten()
}

/// Reads saved answers for this assessment.
pub fn load(assessment: &'static Assessment) -> Found {
    let Some(text) = stored_text(assessment) else {
        return Found::Nothing;
    };
    match saved::from_text(assessment, &text) {
        Ok(record) if saved::has_progress(&record.answers) => Found::Answers(Box::new(record)),
        Ok(_) => Found::Nothing,
        Err(error) => Found::Unreadable(error, text),
    }
}

/// How a save went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved: the text now stored.
    Done(String),
    /// Not saved: another tab had saved this (or deleted the record,
    /// `None`) since this page last knew what was stored.
    Changed(Option<String>),
    /// Storage is blocked or full.
    Failed,
}

/// Saves answers with the organisation, role, actions and an action being
/// typed, if what is stored is still `known` (what this page last saw).
pub fn save(
    assessment: &'static Assessment,
    known: Option<&str>,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
    draft: Option<(Option<usize>, &Draft)>,
) -> Saved {
    let Some((storage, key, now)) = stored_now(assessment) else {
        return Saved::Failed;
    };
    if now.as_deref() != known {
        return Saved::Changed(now);
    }
    let text = saved::to_text_with_draft(assessment, answers, label, actions, draft);
    match storage.set_item(&key, &text) {
        Ok(()) => Saved::Done(text),
        Err(_) => Saved::Failed,
    }
}

/// The storage, the answers' key and the record under it now; `None` if
/// storage is blocked or cannot be read.
fn stored_now(
    assessment: &'static Assessment,
) -> Option<(web_sys::Storage, String, Option<String>)> {
    let storage = local_storage()?;
    let key = saved::storage_key(assessment);
    let now = storage.get_item(&key).ok()?;
    Some((storage, key, now))
}

/// "Keep these answers": saves them over what another tab saved, noting
/// what was replaced so that tab asks too.
pub fn save_over(
    assessment: &'static Assessment,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
    draft: Option<(Option<usize>, &Draft)>,
) -> Saved {
    let Some((storage, key, theirs)) = stored_now(assessment) else {
        return Saved::Failed;
    };
    let noted = match &theirs {
        Some(theirs) => storage.set_item(&replaced_key(&key), theirs),
        None => storage.remove_item(&replaced_key(&key)),
    };
    let text = saved::to_text_with_draft(assessment, answers, label, actions, draft);
    match noted.and_then(|()| storage.set_item(&key, &text)) {
        Ok(()) => Saved::Done(text),
        Err(_) => Saved::Failed,
    }
}

/// Copies a record that could not be read to a key of its own (with the
/// date), so answers can be saved beside it; returns that key, or `None`
/// if storage would not take it (then nothing may be saved). A copy
/// already there is used again, never written over.
pub fn set_aside(
    assessment: &'static Assessment,
    text: &str,
    today: Option<Date>,
) -> Option<String> {
    let storage = local_storage()?;
    let base = format!(
        "{}.{}",
        aside_prefix(&saved::storage_key(assessment)),
        today.map(|d| d.to_string()).unwrap_or_default()
    );
    for n in 1..=9 {
        let key = if n == 1 {
            base.clone()
        } else {
            format!("{base}.{n}")
        };
        match storage.get_item(&key).ok()? {
            Some(there) if there == text => return Some(key),
            Some(_) => continue,
            None => {
                storage.set_item(&key, text).ok()?;
                // Kept only if it reads back whole.
                return (storage.get_item(&key).ok()??.as_str() == text).then_some(key);
            }
        }
    }
    None
}

/// The latest record set aside for this assessment (its key and text).
pub fn kept_aside(assessment: &'static Assessment) -> Option<(String, String)> {
    let storage = local_storage()?;
    let prefix = aside_prefix(&saved::storage_key(assessment));
    let mut keys: Vec<String> = (0..storage.length().ok()?)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(&prefix))
        .collect();
    keys.sort_unstable();
    let key = keys.pop()?;
    let text = storage.get_item(&key).ok()??;
    Some((key, text))
}

/// Removes the answers saved for the assessment, and the copy a "Keep
/// these answers" noted (records set aside because they could not be read
/// stay: they are not these answers, and are offered for download).
pub fn clear(assessment: &'static Assessment) {
    if let Some(storage) = local_storage() {
        let key = saved::storage_key(assessment);
        let _ = storage.remove_item(&key);
        let _ = storage.remove_item(&replaced_key(&key));
    }
}

/// Calls `changed` with each change another tab or window makes to a
/// saved record (the `storage` event; a page never hears its own). The
/// reducer decides what it means for this page.
pub fn on_change(changed: impl Fn(StoredChange) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        // `clear()` of the whole storage has no key: every record went.
        let key = event.key();
        if key
            .as_deref()
            .is_some_and(|key| !key.starts_with("digital-board-assessment:") || key.contains('.'))
        {
            return;
        }
        let replaced = key
            .as_deref()
            .and_then(|key| local_storage()?.get_item(&replaced_key(key)).ok().flatten());
        changed(StoredChange {
            key,
            old: event.old_value(),
            new: event.new_value(),
            replaced,
        });
    })
}
