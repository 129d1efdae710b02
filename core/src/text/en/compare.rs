//! Words and sentences of comparisons: the compare view and its exports.

use std::fmt;

use super::plural;
use crate::compare::Mode;
use crate::text::compare::{Phrase, Sentence};

pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::ModeName(Mode::Board) => "Board members",
        Phrase::ModeName(Mode::System) => "Organisations across a system",
        Phrase::ModeName(Mode::ThenAndNow) => "Then and now",
        Phrase::ModeHint(Mode::Board) => {
            "Each member’s answers side by side, with the questions where the board disagrees first."
        }
        Phrase::ModeHint(Mode::System) => {
            "Organisations side by side by question and section, with the range across the system. Organisations are not ranked."
        }
        Phrase::ModeHint(Mode::ThenAndNow) => {
            "Two results of the same organisation, earlier and later, and the change in each answer."
        }
        Phrase::ModeHeading(Mode::Board) => "Where the board agrees and disagrees",
        Phrase::ModeHeading(Mode::System) => "Digital maturity across the system",
        Phrase::ModeHeading(Mode::ThenAndNow) => "Then and now",
        Phrase::NoLevelsGiven => "No levels given",
        Phrase::Member => "Member",
        Phrase::NoChange => "No change",
        Phrase::NowAnswered => "Now answered",
        Phrase::NowDontKnow => "Now don’t know",
        Phrase::PastedText => "The pasted text",
    }
}

pub(crate) fn sentence(sentence: &Sentence<'_>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match *sentence {
        Sentence::ResultNumber(index) => write!(f, "Result {}", index + 1),
        Sentence::OrganisationNumber(index) => write!(f, "Organisation {}", index + 1),
        Sentence::MemberNumber { role, number } => write!(f, "{role} {number}"),
        Sentence::Between(low, high) => write!(f, "Between {} and {}", low.name(), high.name()),
        Sentence::All(level) => write!(f, "All {}", level.name()),
        Sentence::Range(low, high) => write!(f, "{} to {}", low.name(), high.name()),
        Sentence::Up(n) => write!(f, "Up {n} {}", plural(n, "level", "levels")),
        Sentence::Down(n) => write!(f, "Down {n} {}", plural(n, "level", "levels")),
        Sentence::Line(number) => write!(f, "Line {number}"),
        Sentence::FileLine { file, line } => write!(f, "File {file}, line {line}"),
        Sentence::File(file) => write!(f, "File {file}"),
    }
}
