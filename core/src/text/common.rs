//! Words and sentences shared by every screen and export.

use super::edition;
use crate::date::Date;
use crate::model::Level;
use crate::scoring::Tally;

/// A word or phrase with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// A level's name: "Absent", "Siloed", "Embedded".
    Level(Level),
    /// The "Don’t know" response.
    DontKnow,
    /// A question with no response yet.
    NotAnswered,
    /// A tally with too few levels for a stage.
    NotEnoughAnswers,
    /// The role "Executive".
    Executive,
    /// The role "Non-executive".
    NonExecutive,
    /// Another role, or none given.
    OtherRole,
    /// The role of a result recording the board's agreed position.
    Board,
    /// Visually hidden before an inset text's words: "Information: ".
    InformationPrefix,
    /// What shows while a part of the widget is still arriving.
    Loading,
    /// Visually hidden before an error message, and first in an error
    /// page's title: "Error: ".
    ErrorPrefix,
    /// The error summary's heading.
    ThereIsAProblem,
    /// The bad link page's reassurance that saved answers are untouched.
    AnswersUnchanged,
    /// The button on the bad link page and shared results that starts the
    /// user's own assessment.
    StartOwnAssessment,
    /// The link box's copy button.
    CopyLink,
    /// The link box's status once the link is copied.
    LinkCopied,
    /// The link box's status when the browser would not copy the link.
    CopyFailed,
    /// The link box's button that shrinks the QR code back.
    SmallerQrCode,
    /// The link box's button that shows the QR code larger.
    LargerQrCode,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::common::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// "Question 3 of 13" (`index` counts from 0).
    Progress {
        /// Position of the question, from 0.
        index: usize,
        /// Questions in the assessment.
        count: usize,
    },
    /// A document title, NHS style: "Page – Service", "Error: " first when
    /// the page shows an error.
    PageTitle {
        /// The page's own title.
        page: &'a str,
        /// The product: the assessment's title.
        product: &'a str,
        /// Whether the page shows an error.
        error: bool,
    },
    /// What a set of answers holds, said before it is deleted or replaced.
    AnswersHeld {
        /// Questions answered.
        answered: usize,
        /// Questions in all.
        total: usize,
        /// Questions with a note.
        noted: usize,
    },
    /// A date as people in the UK write it.
    LongDate(Date),
    /// A tally in one sentence: points, scored answers, average, don't knows.
    TallySummary(&'a Tally),
    /// Why a tally has no stage.
    NoStage(&'a Tally),
    /// The two sides of a consistency flag.
    FlagDetail {
        /// The question's text.
        question: &'a str,
        /// Its answer.
        level: Level,
        /// The section's title.
        section: &'a str,
        /// The section's tally, and the stage it reached.
        tally: &'a Tally,
        /// The section's stage.
        stage: Level,
    },
    /// The hint under a link field: its length and how to pass it on (by
    /// QR code only when it is short enough for one; on this computer only
    /// when the page was opened from a file).
    LinkLengthHint {
        /// The link's length, in characters.
        length: usize,
        /// Whether a QR code is shown.
        qr: bool,
        /// Whether the page was opened from a file (a `file:` link).
        from_file: bool,
    },
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::common::sentence(self, &mut out);
        out
    }
}
