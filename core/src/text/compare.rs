//! Words and sentences of comparisons: the compare view and its exports.

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
    /// The heading over organisations counted more than once.
    RepeatsHeading,
    /// A comparison whose answers all agree.
    AllAgree,
    /// Then and now without two dated results (in the CSV).
    NeedsTwoDatedResults,
    /// The column of question numbers.
    Number,
    /// The column "Change".
    Change,
    /// The column "Lowest".
    Lowest,
    /// The column "Highest".
    Highest,
    /// The column "Median".
    Median,
    /// The column "Range".
    Range,
    /// The column of executives' averages.
    ExecutivesAverage,
    /// The column of non-executives' averages.
    NonExecutivesAverage,
    /// The column "Disagreement".
    Disagreement,
    /// The label of the comparison's mode.
    Comparing,
    /// The label of how many results.
    Results,
    /// The label of the day the comparison was made.
    MadeOn,
    /// The label of the compare link.
    CompareLink,
    /// The heading over the results compared.
    ResultsCompared,
    /// The column "Name".
    Name,
    /// A board's questions heading.
    QuestionsByDisagreement,
    /// A system's questions heading.
    Questions,
    /// The heading over a system's sections.
    Sections,
    /// The column of the range of section averages.
    RangeOfAverages,
    /// The heading over how the comparison was worked out.
    HowWorkedOut,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::compare::phrase(self)
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
    /// A then-and-now column: "Then: 1 June 2025".
    Then(&'a str),
    /// A then-and-now column: "Now: 1 June 2026".
    Now(&'a str),
    /// A then-and-now table column: "Then (1 June 2025)".
    ThenDated(&'a str),
    /// A then-and-now table column: "Now (1 June 2026)".
    NowDated(&'a str),
    /// The heading of a then-and-now table.
    ChangeBetween {
        /// The earlier date.
        then: &'a str,
        /// The later date.
        now: &'a str,
    },
    /// A board member's column heading with their role.
    NameWithRole {
        /// The name shown.
        name: &'a str,
        /// The role's name.
        role: &'a str,
    },
    /// A range of averages, in tenths: "0.8 to 1.6".
    AverageRange(u32, u32),
    /// A section's stage and average: "Siloed (1.2)".
    StageWithAverage {
        /// The stage's name.
        stage: &'a str,
        /// The average, as text.
        average: &'a str,
    },
    /// An entry's label where another has the same name: "Leeds (1 June
    /// 2025, result 2)".
    TwinLabel {
        /// The name shown.
        name: &'a str,
        /// The result's date, if it has one and the name is not it.
        date: Option<&'a str>,
        /// Its position from 0, when the date alone does not tell it apart.
        result: Option<usize>,
    },
    /// A system counting organisations more than once: which, how often,
    /// and what to do.
    RepeatsWarning(&'a [(&'a str, usize)]),
    /// What is notable about a question's spread: "Two apart; executives
    /// and non-executives differ; 2 don’t know" or "All agree".
    Disagreement {
        /// Someone answered Absent and someone Embedded.
        two_apart: bool,
        /// The answers are one level apart at most.
        one_apart: bool,
        /// Executives' and non-executives' averages differ by a level.
        roles_differ: bool,
        /// How many answered "Don't know".
        dont_know: u32,
    },
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::compare::sentence(self, &mut out);
        out
    }
}
