//! Words of the board's actions ([`crate::actions`]): the action form, its
//! errors, the prompts about the signs of a good commitment, and statuses.

use super::edition;
use crate::actions::{DraftError, MonthYear, Prompt, Status};

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// An action's status.
    Status(Status),
    /// What to do about a field of the action form.
    Error(DraftError),
    /// The heading over the board's actions in results and files.
    Heading,
    /// The column of action numbers.
    Number,
    /// The column, and label, "Action".
    Action,
    /// The column, and label, of who leads an action.
    Lead,
    /// The column, and label, of when it is due.
    Due,
    /// The column, and label, of how the board will know it worked.
    Measure,
    /// The column, and label, of the questions an action answers.
    Questions,
    /// The column, and label, "Status".
    StatusLabel,
}

impl Phrase {
    /// The columns of the actions table, in order.
    pub const COLUMNS: [Phrase; 7] = [
        Phrase::Number,
        Phrase::Action,
        Phrase::Lead,
        Phrase::Due,
        Phrase::Measure,
        Phrase::Questions,
        Phrase::StatusLabel,
    ];
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::actions::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence {
    /// A month and year as people write it: "March 2027".
    MonthYear(MonthYear),
    /// A prompt about a sign of a good commitment.
    Prompt(Prompt),
}

impl Sentence {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::actions::sentence(self, &mut out);
        out
    }
}
