//! Words and sentences of the assessment view: start, questions, check
//! your answers, results, sharing, saving and the confirm questions.

use super::edition;

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The start page's button.
    StartNow,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::assessment::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence {
    /// Answers saved in this browser, offered on the start page.
    SavedAnswers {
        /// Questions answered.
        answered: usize,
        /// Questions in all.
        total: usize,
    },
}

impl Sentence {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::assessment::sentence(self, &mut out);
        out
    }
}
