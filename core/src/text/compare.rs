//! Words and sentences of comparisons: the compare view and its exports.

use super::edition;
use crate::compare::Mode;
use crate::date::Date;
use crate::export::ExportFormat;
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
    /// Where a compare link opened from the address came from.
    CompareLinkSource,
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
    /// The heading over how the comparison was worked out (the paper's
    /// heading and the comparison page's details).
    HowWorkedOut,

    // The compare view's pages.
    /// The heading, and title, of a compare link that cannot be read.
    BrokenLink,
    /// The gather page's heading and title: "Compare results".
    CompareResults,
    /// The gather page's back link, to the assessment.
    Back,
    /// The gather page's lead paragraph.
    GatherLead,
    /// The gather page's paragraph on how results are gathered.
    GatherHow,
    /// The gather page's inset text: nothing is saved.
    NotSaved,
    /// A paste too long to show in the links box, read as it was pasted.
    PasteReadAtOnce,
    /// The label of the gather page's paste box.
    ResultsLinks,
    /// The hint of the gather page's paste box.
    ResultsLinksHint,
    /// The button adding the pasted results.
    AddResults,
    /// The label of the gather page's file chooser (and quoted in
    /// [`Sentence::TooLongForLink`]).
    ChooseFiles,
    /// The hint of the gather page's file chooser.
    ChooseFilesHint,
    /// The heading over what could not be added.
    ProblemsHeading,
    /// Under "Results added" when there are none.
    NoneYet,
    /// Under "Results added" when there is one.
    AddAnother,
    /// A result's remove button (its number follows, visually hidden:
    /// [`Sentence::RemoveWhich`]).
    Remove,
    /// The heading over the kinds of comparison to choose from.
    WhatComparing,
    /// The gather page's button showing the comparison.
    Compare,
    /// The comparison page's back link, to the gather page.
    ChangeResults,
    /// Under a board's summary: where to start.
    BoardAdvice,
    /// Under a system's summary: nothing is ranked.
    SystemAdvice,
    /// The caption of a board's spread table.
    BoardTableCaption,
    /// The caption of a system's sections table.
    SystemSectionsCaption,
    /// The column of a system's sections table after the organisations.
    SystemRangeOfAverages,
    /// A section of a system with no organisation's average.
    NoAverages,
    /// The heading over a system's chart and question table.
    QuestionByQuestion,
    /// The caption of a system's spread table.
    SystemTableCaption,
    /// The spread table's range column on a system.
    SystemRange,
    /// The spread table's column of executives' averages.
    ExecutiveAverage,
    /// The spread table's column of non-executives' averages.
    NonExecutiveAverage,
    /// The system chart's caption, saying how to read it.
    ChartCaption,
    /// The heading over a then-and-now of two organisations.
    SameOrganisationHeading,
    /// The caption of the then-and-now sections table.
    ThenNowSectionsCaption,
    /// The caption of the then-and-now questions table.
    ThenNowQuestionsCaption,
    /// The then-and-now questions table's column "Then".
    Then,
    /// The then-and-now questions table's column "Now".
    Now,
    /// The heading over the compare link.
    ShareHeading,
    /// What the compare link holds, under its heading.
    ShareExplainer,
    /// The accessible name of the compare link's QR code.
    QrLabel,
    /// The caption under the compare link's QR code.
    QrCaption,
    /// Said instead of a QR code when the compare link is too long for one.
    TooLongForQr,
    /// The heading of a comparison too long for a link.
    TooLongHeading,
    /// The heading over the downloads and print.
    SaveOrPrint,
    /// A comparison page's download button: "Download CSV".
    Download(ExportFormat),
    /// The comparison page's print button.
    Print,
    /// The comparison page's link back to the assessment.
    LeaveComparison,

    // Issue 18: then and now names the organisation; wide tables; the
    // results added, one line each; the system summary.
    /// Said for a result that names no organisation.
    NoOrganisation,
    /// An answer as a one-character tag in a wide table ("E"); `None` is
    /// "Don't know".
    ShortAnswer(Option<crate::model::Level>),
    /// The heading of a wide table's key (its numbers and short tags).
    Key,
    /// The results-added table's column of names as the tables show them.
    ShownAs,
    /// The results-added table's column of typed names.
    NameOptional,
    /// The results-added table's column of each result's overall stage.
    Overall,
    /// A system's summary: the heading over questions where most results
    /// are Absent or "Don't know".
    SystemGapsHeading,
    /// A system's summary when no question has most results Absent or
    /// "Don't know".
    NoSystemGaps,
    /// A system's summary: the heading over the questions with the widest
    /// range.
    SystemDifferHeading,
    /// A system's summary when every result gave the same level on every
    /// question.
    NoSystemDiffer,
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

    // The compare view's pages.
    /// The gather page's status after adding: "3 results added."
    ResultsAdded(usize),
    /// Where a problem found in what was added came from, before it:
    /// "Line 2: ".
    ProblemSource(&'a str),
    /// The heading over the results added: "Results added (3)".
    ResultsAddedHeading(usize),
    /// A result's legend on the gather page: "Result 1: Leeds".
    ResultLegend {
        /// The result's number, from 1.
        number: usize,
        /// Its column heading ([`crate::compare::export::column_headings`]).
        heading: &'a str,
    },
    /// A result's organisation and date on the gather page: "Leeds · 1
    /// June 2025", "No date".
    EntryFacts {
        /// The organisation, trimmed ("" if none).
        organisation: &'a str,
        /// The result's date.
        date: Option<Date>,
    },
    /// The label of a result's name field, by number from 1.
    NameLabel(usize),
    /// The legend of a result's roles, by number from 1.
    RoleLegend(usize),
    /// Visually hidden after "Remove": " result 2" (number from 1).
    RemoveWhich(usize),
    /// Lines with no link at all, passed over: "2 lines with no results
    /// link were skipped".
    LinesSkipped(usize),
    /// Lines beyond the most looked at.
    LinesNotRead {
        /// Lines read.
        read: usize,
        /// Lines after them, not read.
        rest: usize,
    },
    /// Pasted text or a file cut short.
    InputCut {
        /// The file's name, or `None` for pasted text.
        file: Option<&'a str>,
        /// Its whole size, in bytes.
        size: u64,
        /// Bytes read, from its start.
        read: u64,
    },
    /// Files not read at all.
    FilesNotRead {
        /// How many.
        count: usize,
        /// Most files read at once.
        most: usize,
        /// Most bytes read at once.
        bytes: u64,
    },
    /// Problems found but not listed: "And 99,990 more problems".
    MoreProblems(usize),
    /// The caption over a comparison page's heading: "Comparing: Board
    /// members".
    ComparingMode(Mode),
    /// A board's summary: "3 board members: 2 executives, 1
    /// non-executive."
    BoardSize {
        /// Results compared.
        members: usize,
        /// Executives among them.
        executives: u32,
        /// Non-executives among them.
        non_executives: u32,
    },
    /// A board's summary list: questions with answers two levels apart.
    TwoApartCount(usize),
    /// A board's summary list: questions where the roles differ.
    RolesDifferCount(usize),
    /// A board's summary list: "Don't know" answers in all.
    DontKnowCount(u32),
    /// A system's summary: "4 results from 2 organisations side by side."
    SystemSize {
        /// Results compared.
        results: usize,
        /// Organisations they are from.
        organisations: usize,
    },
    /// A comparison too long for a link: how long, and what to do.
    TooLongForLink {
        /// The link's length, in characters.
        length: usize,
        /// The longest link that works, in characters.
        max: usize,
    },
    /// A question's number before its text in the tables: "3. " (position
    /// from 0).
    QuestionNumber(usize),
    /// A question's label in the system chart: "Question 3" (position
    /// from 0).
    ChartQuestion(usize),
    /// A marker's key in the system chart's legend: "A:".
    MarkerKey(&'a str),
    /// The then-and-now summary: what went up, down and stayed the same.
    ChangeSummary {
        /// The earlier date.
        then: &'a str,
        /// The later date.
        now: &'a str,
        /// Questions that went up.
        up: usize,
        /// Questions that went down.
        down: usize,
        /// Questions that stayed the same.
        same: usize,
    },
    /// Then and now: questions moved between "Don't know" and a level.
    MovedDontKnow(usize),
    /// Then and now: whose results and when, one organisation (and role):
    /// "Leeds Teaching Hospitals: 1 October 2024 and 30 September 2025".
    WhoOnDates {
        /// The organisation, with the role if given.
        who: &'a str,
        /// The earlier date.
        then: &'a str,
        /// The later date.
        now: &'a str,
    },
    /// Then and now of two organisations or roles: each with its date.
    WhosOnDates {
        /// The earlier result's organisation (and role).
        then_who: &'a str,
        /// The earlier date.
        then: &'a str,
        /// The later result's organisation (and role).
        now_who: &'a str,
        /// The later date.
        now: &'a str,
    },
    /// How many results gave each answer, zeros left out: "1 Absent, 2
    /// Embedded, 1 don’t know".
    LevelCounts(crate::compare::LevelCounts),
    /// A system's gap: "4 of 5 organisations Absent or don’t know (3
    /// Absent, 1 don’t know)".
    GapCounts {
        /// The answers to the question.
        counts: crate::compare::LevelCounts,
        /// Results compared.
        results: usize,
        /// Whether every result is a different organisation (else
        /// "results").
        organisations: bool,
    },
    /// A system's widest range and its answers: "Absent to Embedded (1
    /// Absent, 2 Siloed, 2 Embedded)".
    DifferCounts {
        /// The range, as words ([`crate::compare::range_label`]).
        range: &'a str,
        /// The answers to the question.
        counts: crate::compare::LevelCounts,
    },
    /// Then and now of two organisations: which, and what it is for.
    OrganisationsDiffer {
        /// The earlier result's organisation, trimmed.
        then: &'a str,
        /// The later result's organisation, trimmed.
        now: &'a str,
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
