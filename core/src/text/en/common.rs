//! Words and sentences shared by every screen and export.

use std::fmt::{self, Write};

use super::plural;
use crate::model::Level;
use crate::text::common::{Phrase, Sentence};

/// "How we scored this", one paragraph per item (the rules are in
/// `crate::scoring`).
pub const SCORING_METHOD: [&str; 6] = [
    "Each answer scores points: Absent 0, Siloed 1, Embedded 2.",
    "“Don’t know” scores nothing and is left out of the average. Each one is listed as an assurance gap: something the board cannot yet assure itself about.",
    "A section’s score is its points out of the most its scored answers could earn, and its average is points divided by scored answers (from 0 to 2).",
    "The stage is the level nearest the average: Absent below 0.5, Siloed from 0.5 up to 1.5, Embedded from 1.5 to 2.",
    "A stage needs at least half of the questions answered with a level. With fewer, we say there are not enough answers to give one.",
    "The overall score counts every question once. A consistency flag is raised when the answer to a question and the stage of a section that asks about the same thing are two levels apart (one Absent, the other Embedded).",
];

/// The months' names, January first (dates and an action's due month).
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::Level(Level::Absent) => "Absent",
        Phrase::Level(Level::Siloed) => "Siloed",
        Phrase::Level(Level::Embedded) => "Embedded",
        Phrase::DontKnow => "Don’t know",
        Phrase::NotAnswered => "Not answered",
        Phrase::NotEnoughAnswers => "Not enough answers",
        Phrase::Executive => "Executive",
        Phrase::NonExecutive => "Non-executive",
        Phrase::OtherRole => "Other or not given",
        Phrase::Board => "Board",
        Phrase::InformationPrefix => "Information: ",
        Phrase::Loading => "Loading…",
        Phrase::ErrorPrefix => "Error: ",
        Phrase::ThereIsAProblem => "There is a problem",
        Phrase::AnswersUnchanged => "Any answers saved in this browser have not been changed.",
        Phrase::StartOwnAssessment => "Start your own assessment",
        Phrase::CopyLink => "Copy link",
        Phrase::LinkCopied => "Link copied. Paste it into Teams or an email.",
        Phrase::CopyFailed => {
            "Your browser did not let us copy the link. It is selected above: press Ctrl+C (or Command+C on a Mac) to copy it."
        }
        Phrase::SmallerQrCode => "Show a smaller QR code",
        Phrase::LargerQrCode => "Show a larger QR code",
    }
}

#[inline(always)]
pub(crate) fn sentence(sentence: &Sentence<'_>, f: &mut String) -> fmt::Result {
    match *sentence {
        Sentence::Progress { index, count } => write!(f, "Question {} of {count}", index + 1),
        Sentence::PageTitle {
            page,
            product,
            error,
        } => {
            let prefix = if error {
                phrase(Phrase::ErrorPrefix)
            } else {
                ""
            };
            write!(f, "{prefix}{page} – {product}")
        }
        Sentence::AnswersHeld {
            answered,
            total,
            noted,
        } => {
            write!(f, "{answered} of {total} questions answered")?;
            if noted > 0 {
                write!(f, ", with notes on {noted}")?;
            }
            Ok(())
        }
        Sentence::LongDate(date) => {
            let (year, month, day) = date.ymd();
            let month = (month as usize)
                .checked_sub(1)
                .and_then(|m| MONTHS.get(m))
                .copied()
                .unwrap_or_default();
            write!(f, "{day} {month} {year}")
        }
        Sentence::TallySummary(tally) => {
            match tally.average_text() {
                Some(average) => write!(
                    f,
                    "{} of {} points from {} scored {} (average {average} of 2)",
                    tally.points,
                    tally.max_points(),
                    tally.scored,
                    plural(tally.scored, "answer", "answers")
                )?,
                None => f.write_str("No answers with a level")?,
            }
            if tally.dont_know > 0 {
                write!(f, "; {} don’t know", tally.dont_know)?;
            }
            f.write_char('.')
        }
        Sentence::NoStage(tally) => write!(
            f,
            "There is no overall stage: a stage needs at least {} of the {} questions answered with a level (not “Don’t know”), and {} {}.",
            tally.levels_needed(),
            tally.questions,
            tally.scored,
            plural(tally.scored, "is", "are")
        ),
        Sentence::FlagDetail {
            question,
            level,
            section,
            tally,
            stage,
        } => write!(
            f,
            "Answer to “{question}”: {}. Section “{section}” overall: {} (average {} of 2 from {} {} with a level).",
            phrase(Phrase::Level(level)),
            phrase(Phrase::Level(stage)),
            tally.average_text().unwrap_or_default(),
            tally.scored,
            plural(tally.scored, "answer", "answers")
        ),
        Sentence::LinkLengthHint {
            length,
            from_file: true,
            ..
        } => write!(
            f,
            "{length} characters. This page was opened from a file, so the link opens these results only on this computer. To send them to someone, download a file instead."
        ),
        Sentence::LinkLengthHint {
            length, qr: true, ..
        } => write!(
            f,
            "{length} characters. Send it by Teams or email, or show the QR code."
        ),
        Sentence::LinkLengthHint { length, .. } => {
            write!(f, "{length} characters. Send it by Teams or email.")
        }
    }
}
