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
