//! Words and sentences of comparisons: the compare view and its exports.

use std::fmt::{self, Write};

use super::plural;
use crate::compare::Mode;
use crate::text::compare::{Phrase, Sentence};

/// How a comparison was worked out, for the page and the paper (which of
/// these apply to a mode is [`crate::compare::export::method`]'s choice).
pub const COMPARE_METHOD: [&str; 5] = [
    "Each answer counts as a level: Absent 0, Siloed 1, Embedded 2. “Don’t know” answers are counted separately and left out of every level and average.",
    "Lowest and highest are the lowest and highest level anyone gave. The median is the middle level when the levels are put in order; with an even number of levels it can fall between two.",
    "“Two apart” means someone answered Absent and someone Embedded: the widest possible disagreement.",
    "Executives and non-executives differ when their average levels are a whole level or more apart.",
    "Results are shown in the order they were added. Nothing is totalled or ranked: maturity scores describe where an organisation is, and NHS England has warned against ranking organisations by them.",
];

#[inline(always)]
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
        Phrase::RepeatsHeading => "Organisations counted more than once",
        Phrase::AllAgree => "All agree",
        Phrase::NeedsTwoDatedResults => "Then and now needs 2 dated results",
        Phrase::Number => "Number",
        Phrase::Change => "Change",
        Phrase::Lowest => "Lowest",
        Phrase::Highest => "Highest",
        Phrase::Median => "Median",
        Phrase::Range => "Range",
        Phrase::ExecutivesAverage => "Executives’ average",
        Phrase::NonExecutivesAverage => "Non-executives’ average",
        Phrase::Disagreement => "Disagreement",
        Phrase::Comparing => "Comparing",
        Phrase::Results => "Results",
        Phrase::MadeOn => "Made on",
        Phrase::CompareLink => "Compare link",
        Phrase::ResultsCompared => "Results compared",
        Phrase::Name => "Name",
        Phrase::QuestionsByDisagreement => "Questions, most disagreement first",
        Phrase::Questions => "Questions",
        Phrase::Sections => "Sections",
        Phrase::RangeOfAverages => "Range of averages",
        Phrase::HowWorkedOut => "How this comparison was worked out",
    }
}

#[inline(always)]
pub(crate) fn sentence(sentence: &Sentence<'_>, f: &mut String) -> fmt::Result {
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
        Sentence::Then(when) => write!(f, "Then: {when}"),
        Sentence::Now(when) => write!(f, "Now: {when}"),
        Sentence::ThenDated(when) => write!(f, "Then ({when})"),
        Sentence::NowDated(when) => write!(f, "Now ({when})"),
        Sentence::ChangeBetween { then, now } => write!(f, "Change from {then} to {now}"),
        Sentence::NameWithRole { name, role } => {
            write!(f, "{name} ({})", role.to_lowercase())
        }
        Sentence::AverageRange(low, high) => write!(
            f,
            "{}.{} to {}.{}",
            low / 10,
            low % 10,
            high / 10,
            high % 10
        ),
        Sentence::StageWithAverage { stage, average } => write!(f, "{stage} ({average})"),
        Sentence::TwinLabel { name, date, result } => {
            write!(f, "{name} (")?;
            if let Some(date) = date {
                f.write_str(date)?;
            }
            if let Some(index) = result {
                let comma = if date.is_some() { ", " } else { "" };
                write!(f, "{comma}result {}", index + 1)?;
            }
            f.write_str(")")
        }
        Sentence::RepeatsWarning(repeated) => {
            for (i, (name, count)) in repeated.iter().enumerate() {
                let joiner = match i {
                    0 => "",
                    i if i + 1 == repeated.len() => " and ",
                    _ => ", ",
                };
                write!(f, "{joiner}{name} has {count} results")?;
            }
            f.write_str(" in this comparison. The system’s range and median count an organisation once for each of its results, so they count ")?;
            match repeated {
                [(name, count)] => write!(f, "{name} {count} times")?,
                _ => f.write_str("each of these organisations more than once")?,
            }
            write!(
                f,
                ". To see one organisation over time, choose “{}” and compare two of its results; to compare the system as it is now, remove the older results.",
                phrase(Phrase::ModeName(Mode::ThenAndNow))
            )
        }
        Sentence::Disagreement {
            two_apart,
            one_apart,
            roles_differ,
            dont_know,
        } => {
            // A sentence: only its first part starts with a capital.
            let mut parts: Vec<String> = Vec::new();
            if two_apart {
                parts.push("Two apart".to_owned());
            } else if one_apart {
                parts.push("One apart".to_owned());
            }
            if roles_differ {
                let first = parts.is_empty();
                parts.push(
                    if first {
                        "Executives and non-executives differ"
                    } else {
                        "executives and non-executives differ"
                    }
                    .to_owned(),
                );
            }
            if dont_know > 0 {
                parts.push(format!("{dont_know} don’t know"));
            }
            if parts.is_empty() {
                return f.write_str(phrase(Phrase::AllAgree));
            }
            f.write_str(&parts.join("; "))
        }
    }
}
