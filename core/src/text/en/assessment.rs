//! Words and sentences of the assessment view.

use std::fmt::{self, Write};

use crate::text::assessment::{Phrase, Sentence};

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::StartNow => "Start now",
    }
}

#[inline(always)]
pub(crate) fn sentence(sentence: &Sentence, f: &mut String) -> fmt::Result {
    match *sentence {
        Sentence::SavedAnswers { answered, total } => {
            write!(f, "{answered} of {total} questions answered")
        }
    }
}
