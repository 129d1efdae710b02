//! Words and sentences of a result's report: the results page and its
//! downloads.

use std::fmt::{self, Write};

use super::plural;
use crate::export::ExportFormat;
use crate::report::FirstReason;
use crate::text::report::{Phrase, Sentence};

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::Organisation => "Organisation",
        Phrase::Role => "Role",
        Phrase::Date => "Date",
        Phrase::Assessment => "Assessment",
        Phrase::OverallStage => "Overall stage",
        Phrase::NoAssuranceGaps => "Assurance gaps: none (no question was answered “Don’t know”).",
        Phrase::AnswersThatDisagree => "Answers that disagree",
        Phrase::NoFlags => "None: no checked pair of answers is two levels apart.",
        Phrase::Important => "Important",
        Phrase::ScoresBySection => "Scores by section",
        Phrase::Section => "Section",
        Phrase::Stage => "Stage",
        Phrase::Score => "Score",
        Phrase::AnswersByQuestion => "Answers by question",
        Phrase::Number => "No.",
        Phrase::Question => "Question",
        Phrase::Answer => "Answer",
        Phrase::Notes => "Notes",
        Phrase::ForDiscussion => "For discussion",
        Phrase::AllEmbedded => {
            "Every answer was Embedded. Discuss what keeps it that way, and whether the whole board would agree."
        }
        Phrase::DiscussionOrder => {
            "Start with what the board does not know, then the lowest levels. Embedded answers are not listed."
        }
        Phrase::HowWeScored => "How we scored this",
        Phrase::Source => "Source",
        Phrase::NoAnswersWithALevel => "No answers with a level",
        Phrase::DiscussFirst => "Discuss first",
        Phrase::DiscussFirstOrder => {
            "What the board does not know, then the lowest levels, then answers that disagree."
        }
        Phrase::NothingToDiscussFirst => {
            "Every answer was Embedded and none disagree: discuss what keeps it that way."
        }
        Phrase::SectionStages => "Stage by section",
        Phrase::AssuranceGapsKey => "Assurance gaps",
        Phrase::FormatName(ExportFormat::Markdown) => "Markdown",
        Phrase::FormatName(ExportFormat::Csv) => "CSV",
        Phrase::FormatName(ExportFormat::Json) => "JSON",
        Phrase::FormatPurpose(ExportFormat::Markdown) => "text for a board paper",
        Phrase::FormatPurpose(ExportFormat::Csv) => "for a spreadsheet",
        Phrase::FormatPurpose(ExportFormat::Json) => "for comparing results",
    }
}

#[inline(always)]
pub(crate) fn sentence(sentence: &Sentence<'_>, f: &mut String) -> fmt::Result {
    match *sentence {
        Sentence::ResultsTitle(title) => write!(f, "{title}: results"),
        Sentence::AssessmentVersion { id, version } => write!(f, "{id}, version {version}"),
        Sentence::AssuranceGaps(gaps) => write!(
            f,
            "Assurance gaps: {gaps} {} answered “Don’t know”, listed first under For discussion.",
            plural(gaps, "question", "questions"),
        ),
        Sentence::NotAnswered(count) => write!(
            f,
            "Not answered: {count} {}.",
            plural(count, "question", "questions")
        ),
        Sentence::QuestionReference {
            number,
            section,
            answer,
        } => write!(f, "Question {number} · {section} · {answer}"),
        Sentence::SectionScore(tally) => match tally.average_text() {
            Some(average) => write!(
                f,
                "{} of {} points (average {average} of 2)",
                tally.points,
                tally.max_points()
            ),
            None => f.write_str(phrase(Phrase::NoAnswersWithALevel)),
        },
        Sentence::FirstReason(reason, flagged) => {
            f.write_str(match reason {
                FirstReason::DontKnow => crate::text::common::Phrase::DontKnow.text(),
                FirstReason::Level(level) | FirstReason::Disagrees(level) => level.name(),
            })?;
            if flagged {
                f.write_str(", answers disagree")?;
            }
            Ok(())
        }
        Sentence::DontKnowCount(0) => f.write_str("None"),
        Sentence::DontKnowCount(count) => write!(
            f,
            "{count} {} answered “Don’t know”",
            plural(count, "question", "questions")
        ),
        Sentence::NumberedQuestion { number, question } => {
            write!(f, "Question {number}: {question}")
        }
    }
}
