//! Words and sentences of a result's report: the results page and its
//! downloads (Markdown, CSV) say the same things in the same words.

use super::edition;
use crate::export::ExportFormat;
use crate::scoring::Tally;

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The label "Organisation".
    Organisation,
    /// The label "Role".
    Role,
    /// The label "Date".
    Date,
    /// The label "Assessment".
    Assessment,
    /// The heading "Overall stage".
    OverallStage,
    /// There are no "Don't know" answers.
    NoAssuranceGaps,
    /// The heading over consistency flags.
    AnswersThatDisagree,
    /// No consistency flag was raised.
    NoFlags,
    /// What a consistency flag's message starts with.
    Important,
    /// The heading over the section table.
    ScoresBySection,
    /// The column "Section".
    Section,
    /// The column "Stage".
    Stage,
    /// The column "Score".
    Score,
    /// The heading over every answer.
    AnswersByQuestion,
    /// The column of question numbers.
    Number,
    /// The column "Question".
    Question,
    /// The column "Answer".
    Answer,
    /// The column, and label, "Notes".
    Notes,
    /// The heading "For discussion".
    ForDiscussion,
    /// Said when every answer was Embedded.
    AllEmbedded,
    /// How the discussion list is ordered.
    DiscussionOrder,
    /// The heading "How we scored this".
    HowWeScored,
    /// What the credit starts with.
    Source,
    /// A tally with no answer at a level.
    NoAnswersWithALevel,
    /// The heading over the few things to discuss first.
    DiscussFirst,
    /// How "Discuss first" is chosen.
    DiscussFirstOrder,
    /// Said instead of "Discuss first" items when there are none.
    NothingToDiscussFirst,
    /// The heading over the section stages in the summary.
    SectionStages,
    /// The label of the assurance gaps count in the summary.
    AssuranceGapsKey,
    /// A download format's name.
    FormatName(ExportFormat),
    /// What a download format is for, in words a board member knows.
    FormatPurpose(ExportFormat),
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::report::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// The title of a result's paper: "<assessment>: results".
    ResultsTitle(&'a str),
    /// Which assessment and content version.
    AssessmentVersion {
        /// The assessment's id.
        id: &'a str,
        /// Its content version.
        version: u16,
    },
    /// How many "Don't know" answers there are (one or more).
    AssuranceGaps(u32),
    /// How many questions have no answer (one or more).
    NotAnswered(u32),
    /// Where a discussion item comes from: number, section and answer.
    QuestionReference {
        /// The question's number, from 1.
        number: usize,
        /// Its section's title.
        section: &'a str,
        /// The answer given.
        answer: &'a str,
    },
    /// A section's score, as in the section table.
    SectionScore(&'a Tally),
    /// Why a question is among the first to discuss: "Don't know", its
    /// level, and whether its answers disagree.
    FirstReason(crate::report::FirstReason, bool),
    /// The assurance gaps count in the summary: "2 questions answered
    /// “Don't know”", or "None".
    DontKnowCount(u32),
    /// "Question 4: Is there …?"
    NumberedQuestion {
        /// The question's number, from 1.
        number: usize,
        /// The question.
        question: &'a str,
    },
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::report::sentence(self, &mut out);
        out
    }
}
