//! Words and sentences of comparisons: the compare view and its exports.

use std::fmt;

use super::edition;
use crate::compare::Mode;
use crate::model::Level;

/// A word or phrase with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// A mode's name as offered: "Board members".
    ModeName(Mode),
    /// One line saying what a mode shows.
    ModeHint(Mode),
    /// The heading of a mode's comparison page.
    ModeHeading(Mode),
    /// A spread with no levels at all.
    NoLevelsGiven,
    /// A board member with no role given, as numbered: "Member 2".
    Member,
    /// The same answer then and now.
    NoChange,
    /// "Don't know" then, a level now.
    NowAnswered,
    /// A level then, "Don't know" now.
    NowDontKnow,
    /// Where pasted input came from, as a whole.
    PastedText,
}

impl Phrase {
    /// The phrase in the edition built in.
    pub fn text(self) -> &'static str {
        edition::compare::phrase(self)
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// An undated result with no name, by position from 0: "Result 2".
    ResultNumber(usize),
    /// An organisation with no name, by position from 0: "Organisation 3".
    OrganisationNumber(usize),
    /// A board member numbered within their role: "Executive 2".
    MemberNumber {
        /// The role's name.
        role: &'a str,
        /// The number, from 1.
        number: usize,
    },
    /// A median between two levels.
    Between(Level, Level),
    /// Every answer at one level: "All Siloed".
    All(Level),
    /// The range of answers: "Absent to Embedded".
    Range(Level, Level),
    /// Up this many levels since the earlier result.
    Up(u32),
    /// Down this many levels since the earlier result.
    Down(u32),
    /// A pasted line, by number from 1.
    Line(usize),
    /// A line of a file, by number from 1.
    FileLine {
        /// The file's name.
        file: &'a str,
        /// The line, from 1.
        line: usize,
    },
    /// A file, as a whole.
    File(&'a str),
}

impl fmt::Display for Sentence<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        edition::compare::sentence(self, f)
    }
}
