//! Share links: a completed result in the URL fragment (which browsers
//! never send to a server). [`SharedResult`] is exactly what a link carries;
//! [`codec`] writes and reads it (its wire format is documented there);
//! [`encoding`] holds the envelope's base64url and checksum, which the
//! compare link ([`crate::compare::codec`]) shares.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

pub mod codec;
pub mod encoding;

pub use codec::{FORMAT_VERSION, ShareError, decode, encode};

use std::fmt;

use crate::actions::{Commitment, MAX_ACTIONS};
use crate::date::Date;
use crate::label::Label;
use crate::model::{Assessment, VersionChange};
use crate::scoring::Answers;

/// Longest organisation name or ODS code a link carries, in UTF-8 bytes.
pub const MAX_LABEL_BYTES: usize = 255;

/// Longest organisation name the widget's field accepts, in characters:
/// any 80 characters of the Basic Multilingual Plane (up to 3 bytes each in
/// UTF-8) fit in [`MAX_LABEL_BYTES`].
pub const MAX_ORGANISATION_CHARS: usize = 80;

/// Longest note a link carries, in UTF-8 bytes.
pub const MAX_NOTE_BYTES: usize = 2000;

/// Longest link the UI offers: Teams and Outlook cut longer ones, so beyond
/// this the file export is offered instead.
pub const MAX_LINK_CHARS: usize = 1000;

/// What starts the URL fragment of a share link, so that other fragments
/// (such as the skip link's `#maincontent`) are not mistaken for results.
pub const FRAGMENT_PREFIX: &str = "r=";

/// Exactly what a share link carries: a complete set of answers to one
/// assessment, with the notes to include, an optional label and date.
///
/// Fields are private so every value is one [`encode`] can write and
/// [`decode`] reads back identically: build it with [`SharedResult::new`].
/// Notes are carried when non-empty; to share without them, use
/// [`SharedResult::without_notes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedResult {
    assessment: &'static Assessment,
    answers: Answers,
    label: Option<Label>,
    date: Option<Date>,
    actions: Vec<Commitment>,
    version_change: Option<VersionChange>,
}

/// Why a result cannot be made into a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareBuildError {
    /// The answers are for a different number of questions.
    WrongQuestionCount {
        /// Questions in the assessment.
        expected: usize,
        /// Responses or notes given.
        found: usize,
    },
    /// A question has no response yet: only complete results are shared.
    Unanswered {
        /// Position of the first unanswered question.
        question: usize,
    },
    /// The organisation name is over [`MAX_LABEL_BYTES`] bytes.
    LabelTooLong,
    /// A note is over [`MAX_NOTE_BYTES`] bytes.
    NoteTooLong {
        /// Position of the first question whose note is too long.
        question: usize,
    },
    /// The assessment has more questions than a link can number (255).
    TooManyQuestions,
    /// More than [`MAX_ACTIONS`] actions, or one that
    /// [`crate::actions::check`] would not have made.
    InvalidActions,
}

impl ShareBuildError {
    /// What is wrong, in plain English.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ShareBuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::text::edition::errors::share_build_error(self))
    }
}

impl std::error::Error for ShareBuildError {}

impl SharedResult {
    /// A result ready to share. Every question needs a response (don't-knows
    /// included) and text must fit the link's caps. Notes may be fewer than
    /// the questions (missing ones are empty); they are padded to one per
    /// question.
    pub fn new(
        assessment: &'static Assessment,
        mut answers: Answers,
        label: Option<Label>,
        date: Option<Date>,
    ) -> Result<SharedResult, ShareBuildError> {
        let count = assessment.question_count();
        if count > usize::from(u8::MAX) {
            return Err(ShareBuildError::TooManyQuestions);
        }
        let extra_notes = answers.notes.get(count..).unwrap_or_default();
        if answers.responses.len() != count || extra_notes.iter().any(|n| !n.is_empty()) {
            return Err(ShareBuildError::WrongQuestionCount {
                expected: count,
                found: answers.responses.len().max(answers.notes.len()),
            });
        }
        if let Some(question) = answers.first_unanswered() {
            return Err(ShareBuildError::Unanswered { question });
        }
        if label
            .as_ref()
            .is_some_and(|l| l.organisation.len() > MAX_LABEL_BYTES)
        {
            return Err(ShareBuildError::LabelTooLong);
        }
        if let Some(question) = answers.notes.iter().position(|n| n.len() > MAX_NOTE_BYTES) {
            return Err(ShareBuildError::NoteTooLong { question });
        }
        answers.notes.resize(count, String::new());
        Ok(SharedResult {
            assessment,
            answers,
            label,
            date,
            actions: Vec::new(),
            version_change: None,
        })
    }

    /// The same result carrying the board's actions (at most
    /// [`MAX_ACTIONS`], each one [`crate::actions::check`] made).
    pub fn with_actions(
        mut self,
        actions: Vec<Commitment>,
    ) -> Result<SharedResult, ShareBuildError> {
        let count = self.assessment.question_count();
        let fits = |a: &Commitment| {
            crate::actions::is_well_formed(a) && a.questions.iter().all(|&q| q < count)
        };
        if actions.len() > MAX_ACTIONS || !actions.iter().all(fits) {
            return Err(ShareBuildError::InvalidActions);
        }
        self.actions = actions;
        Ok(self)
    }

    /// The board's actions the result carries (none if the sender did not
    /// include them).
    pub fn actions(&self) -> &[Commitment] {
        &self.actions
    }

    /// How the result was read from the earlier content version it was
    /// made with (questions added since are unanswered, removed ones left
    /// out), to tell the reader; `None` when made with this version.
    pub fn version_change(&self) -> Option<&VersionChange> {
        self.version_change.as_ref()
    }

    /// The assessment answered.
    pub fn assessment(&self) -> &'static Assessment {
        self.assessment
    }

    /// The responses (all present, except questions a result made with an
    /// earlier content version could not answer: see
    /// [`SharedResult::version_change`]) and notes (one per question, empty when
    /// there is none).
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The answers, e.g. to "Edit a copy".
    pub fn into_answers(self) -> Answers {
        self.answers
    }

    /// Who the result is from, if the sender said.
    pub fn label(&self) -> Option<&Label> {
        self.label.as_ref()
    }

    /// The day the result was made, if given.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// Whether any question has a note.
    pub fn has_notes(&self) -> bool {
        self.answers.notes.iter().any(|n| !n.is_empty())
    }

    /// The same result with no notes, for a link without them.
    pub fn without_notes(mut self) -> SharedResult {
        self.answers.notes.iter_mut().for_each(String::clear);
        self
    }
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

/// The share link: `base_url` without any fragment, then
/// `#` [`FRAGMENT_PREFIX`] `payload`.
pub fn link(base_url: &str, payload: &str) -> String {
    link_with_prefix(base_url, FRAGMENT_PREFIX, payload)
}

/// `base_url` without any fragment, then `#`, `prefix` and `payload`: the
/// shape of share and compare links.
pub(crate) fn link_with_prefix(base_url: &str, prefix: &str, payload: &str) -> String {
    let base = base_url.split('#').next().unwrap_or_default();
    format!("{base}#{prefix}{payload}")
}

/// Characters in the [`link`] for this base URL and payload, to compare
/// with [`MAX_LINK_CHARS`].
pub fn link_length(base_url: &str, payload: &str) -> usize {
    let base = base_url.split('#').next().unwrap_or_default();
    base.chars().count() + 1 + FRAGMENT_PREFIX.len() + payload.len()
}

/// Whether the link fits under [`MAX_LINK_CHARS`] for Teams and Outlook.
pub fn fits_in_link(base_url: &str, payload: &str) -> bool {
    link_length(base_url, payload) <= MAX_LINK_CHARS
}

/// The payload in a URL fragment (with or without its `#`), or `None` if the
/// fragment is not a share link (empty, or another fragment such as a skip
/// link's target).
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    payload_after_prefix(fragment, FRAGMENT_PREFIX)
}

/// What follows `prefix` (a letter and `=`) in a URL fragment (with or
/// without its `#`). Mail clients mangle the prefix, so it is read in any
/// case (`#R=`), with its `=` escaped (`#r%3D`) and after spaces, plain or
/// escaped (`#%20r=`): such a link opens, or gets the bad-link page, never
/// a silent start page. Any other fragment (`#maincontent`) is `None`.
pub(crate) fn payload_after_prefix<'a>(fragment: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = fragment.strip_prefix('#').unwrap_or(fragment);
    loop {
        let trimmed = rest.trim_start();
        let trimmed = trimmed.strip_prefix("%20").unwrap_or(trimmed);
        if trimmed.len() == rest.len() {
            break;
        }
        rest = trimmed;
    }
    let letter = prefix.strip_suffix('=')?;
    let rest = strip_prefix_ignoring_case(rest, letter)?;
    rest.strip_prefix('=')
        .or_else(|| strip_prefix_ignoring_case(rest, "%3D"))
}

/// `text` after `prefix` (ASCII), in any case.
fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| text.get(prefix.len()..))
        .flatten()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn links_put_the_payload_in_the_fragment() {
        let url = link("https://example.nhs.uk/assess/#maincontent", "AbC-_");
        assert_eq!(url, "https://example.nhs.uk/assess/#r=AbC-_");
        assert_eq!(
            link_length("https://example.nhs.uk/assess/#old", "AbC-_"),
            url.len()
        );
        assert_eq!(payload_from_fragment("#r=AbC-_"), Some("AbC-_"));
        assert_eq!(payload_from_fragment("r="), Some(""));
        assert_eq!(payload_from_fragment("#maincontent"), None);
        assert_eq!(payload_from_fragment("#results"), None);
        assert_eq!(payload_from_fragment("#%20results=1"), None);
        assert_eq!(payload_from_fragment(""), None);
        let base = "https://example.nhs.uk/";
        let fits = "A".repeat(MAX_LINK_CHARS - link_length(base, ""));
        assert!(fits_in_link(base, &fits));
        assert!(!fits_in_link(base, &format!("{fits}A")));
    }

    #[test]
    fn prefixes_mangled_by_mail_clients_are_read() {
        for fragment in [
            "#r=AbC-_",
            "#R=AbC-_",
            "#r%3DAbC-_",
            "#r%3dAbC-_",
            "#R%3DAbC-_",
            "#%20r=AbC-_",
            "#%20%20R%3dAbC-_",
            "# r=AbC-_",
            "r%3DAbC-_",
        ] {
            assert_eq!(payload_from_fragment(fragment), Some("AbC-_"), "{fragment}");
        }
        for fragment in ["#c=AbC", "#C=AbC", "#c%3DAbC", "#%20c=AbC"] {
            assert_eq!(payload_from_fragment(fragment), None, "{fragment}");
            assert_eq!(
                payload_after_prefix(fragment, "c="),
                Some("AbC"),
                "{fragment}"
            );
        }
        for fragment in ["#rr=AbC", "#r%3", "#r", "#%2", "#%20", "#r%20=AbC", "#é=x"] {
            assert_eq!(payload_from_fragment(fragment), None, "{fragment}");
        }
    }
}
