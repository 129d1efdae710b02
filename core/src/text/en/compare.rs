//! Words and sentences of comparisons: the compare view and its exports.

use std::fmt::{self, Write};

use super::plural;
use crate::bidi::isolate;
use crate::compare::{Mode, tenths_text};
use crate::export::ExportFormat;
use crate::model::Level;
use crate::text::common::Sentence as CommonSentence;
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
        Phrase::CompareLinkSource => "The compare link",
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
        Phrase::BrokenLink => "This compare link does not work",
        Phrase::CompareResults => "Compare results",
        Phrase::Back => "Back",
        Phrase::GatherLead => {
            "Put the results of several board members, several organisations, or one organisation at two dates side by side."
        }
        Phrase::GatherHow => {
            "Each person completes the assessment on their own and shares their results link. Paste the links here, or choose the results files they downloaded."
        }
        Phrase::NotSaved => {
            "The results stay in this browser and are not saved. To come back to this comparison, keep its compare link or download it as a file. Notes are not shown in comparisons."
        }
        Phrase::PasteReadAtOnce => {
            "The text you pasted was too long to show in the box, so it was read as soon as you pasted it."
        }
        Phrase::ResultsLinks => "Results links",
        Phrase::ResultsLinksHint => {
            "One link per line is clearest, but links copied from an email or a Teams chat work as they are. You can put a name before a link, for example “Jane Smith: https://…”."
        }
        Phrase::AddResults => "Add results",
        Phrase::ChooseFiles => "Or choose results files",
        Phrase::ChooseFilesHint => {
            "JSON files downloaded from a results page or from a comparison, or a text file of links. Files are read in this browser."
        }
        Phrase::ProblemsHeading => "Some results could not be added",
        Phrase::NoneYet => "None yet. Compare needs at least 2 results.",
        Phrase::AddAnother => "Compare needs at least 2 results: add another.",
        Phrase::Remove => "Remove",
        Phrase::WhatComparing => "What are you comparing?",
        Phrase::Compare => "Compare",
        Phrase::ChangeResults => "Change the results",
        Phrase::BoardAdvice => {
            "The questions the board disagrees on most come first: start the discussion there. Highlighted rows are two levels apart, or split between executives and non-executives."
        }
        Phrase::SystemAdvice => {
            "Organisations are shown in the order they were added, and nothing is totalled or ranked. Use the differences to find where organisations can learn from each other."
        }
        Phrase::BoardTableCaption => "Each member’s answer, most disagreement first",
        Phrase::SystemSectionsCaption => "Sections: stage and average level of each organisation",
        Phrase::SystemRangeOfAverages => "System range of averages",
        Phrase::NoAverages => "No averages",
        Phrase::QuestionByQuestion => "Question by question",
        Phrase::SystemTableCaption => {
            "Each organisation’s answer and the system range (the chart’s data)"
        }
        Phrase::SystemRange => "System range",
        Phrase::ExecutiveAverage => "Executive average",
        Phrase::NonExecutiveAverage => "Non-executive average",
        Phrase::ChartCaption => {
            "Level each organisation gave for each question, numbered as in the table below. The grey band runs from the lowest to the highest level in the system. Each circle is an organisation, numbered in the order added as in the tables; “Don’t know” answers are not plotted."
        }
        Phrase::SameOrganisationHeading => "Check these are the same organisation",
        Phrase::ThenNowSectionsCaption => "Sections then and now (stage and average level)",
        Phrase::ThenNowQuestionsCaption => "Each question then and now",
        Phrase::Then => "Then",
        Phrase::Now => "Now",
        Phrase::ShareHeading => "Share this comparison",
        Phrase::ShareExplainer => {
            "The link holds every result’s answers, names and roles (no notes). Anyone you send it to sees this comparison; nothing is stored on a server."
        }
        Phrase::QrLabel => "QR code of the compare link",
        Phrase::QrCaption => "Scan with a phone camera to open this comparison on another device.",
        Phrase::TooLongForQr => {
            "The link is too long for a QR code that phones can scan easily. Send the link instead."
        }
        Phrase::TooLongHeading => "This comparison is too long for a link",
        Phrase::SaveOrPrint => "Save or print",
        Phrase::Download(ExportFormat::Csv) => "Download CSV",
        Phrase::Download(ExportFormat::Markdown) => "Download Markdown",
        Phrase::Download(ExportFormat::Json) => "Download JSON",
        Phrase::Print => "Print",
        Phrase::LeaveComparison => "Leave the comparison",
        Phrase::NoOrganisation => "Organisation not named",
        Phrase::ShortAnswer(Some(Level::Absent)) => "A",
        Phrase::ShortAnswer(Some(Level::Siloed)) => "S",
        Phrase::ShortAnswer(Some(Level::Embedded)) => "E",
        Phrase::ShortAnswer(None) => "?",
        Phrase::Key => "Key",
        Phrase::ShownAs => "Shown as",
        Phrase::NameOptional => "Name (optional)",
        Phrase::Overall => "Overall stage",
        Phrase::SystemGapsHeading => "Where most organisations are Absent or don’t know",
        Phrase::NoSystemGaps => "No question has most organisations at Absent or “Don’t know”.",
        Phrase::SystemDifferHeading => "Where organisations differ most",
        Phrase::NoSystemDiffer => "Every organisation gave the same level on every question.",
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
        // A word and a sign, so a change never rests on colour alone
        // (the minus is U+2212, which no spreadsheet reads as a formula).
        Sentence::Up(n) => write!(f, "Up {n} {} (+{n})", plural(n, "level", "levels")),
        Sentence::Down(n) => write!(f, "Down {n} {} (\u{2212}{n})", plural(n, "level", "levels")),
        Sentence::Line(number) => write!(f, "Line {number}"),
        Sentence::FileLine { file, line } => write!(f, "File {file}, line {line}"),
        Sentence::File(file) => write!(f, "File {file}"),
        Sentence::Then(when) => write!(f, "Then: {when}"),
        Sentence::Now(when) => write!(f, "Now: {when}"),
        Sentence::ThenDated(when) => write!(f, "Then ({when})"),
        Sentence::NowDated(when) => write!(f, "Now ({when})"),
        Sentence::ChangeBetween { then, now } => write!(f, "Change from {then} to {now}"),
        Sentence::NameWithRole { name, role } => {
            write!(f, "{} ({})", isolate(name), role.to_lowercase())
        }
        Sentence::AverageRange(low, high) => {
            write!(f, "{} to {}", tenths_text(low), tenths_text(high))
        }
        Sentence::StageWithAverage { stage, average } => write!(f, "{stage} ({average})"),
        Sentence::TwinLabel { name, date, result } => {
            write!(f, "{} (", isolate(name))?;
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
                write!(f, "{joiner}{} has {count} results", isolate(name))?;
            }
            f.write_str(" in this comparison. The system’s range and median count an organisation once for each of its results, so they count ")?;
            match repeated {
                [(name, count)] => write!(f, "{} {count} times", isolate(name))?,
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
            // A sentence: only its first part starts with a capital; the
            // parts are joined by "; ", written as they come.
            let start = f.len();
            if two_apart {
                f.write_str("Two apart")?;
            } else if one_apart {
                f.write_str("One apart")?;
            }
            if roles_differ {
                f.write_str(if f.len() == start {
                    "Executives and non-executives differ"
                } else {
                    "; executives and non-executives differ"
                })?;
            }
            if dont_know > 0 {
                if f.len() > start {
                    f.write_str("; ")?;
                }
                write!(f, "{dont_know} don’t know")?;
            }
            if f.len() == start {
                f.write_str(phrase(Phrase::AllAgree))?;
            }
            Ok(())
        }
        Sentence::ResultsAdded(count) => match count {
            0 => f.write_str("No results were added."),
            1 => f.write_str("1 result added."),
            n => write!(f, "{n} results added."),
        },
        Sentence::ProblemSource(source) => write!(f, "{source}: "),
        Sentence::ResultsAddedHeading(count) => write!(f, "Results added ({count})"),
        Sentence::ResultLegend { number, heading } => write!(f, "Result {number}: {heading}"),
        Sentence::EntryFacts { organisation, date } => {
            if !organisation.is_empty() {
                write!(f, "{} · ", isolate(organisation))?;
            }
            match date {
                Some(date) => super::common::sentence(&CommonSentence::LongDate(date), f),
                None => f.write_str("No date"),
            }
        }
        Sentence::NameLabel(number) => write!(f, "Name for result {number} (optional)"),
        Sentence::RoleLegend(number) => write!(f, "Role for result {number}"),
        Sentence::RemoveWhich(number) => write!(f, " result {number}"),
        Sentence::LinesSkipped(n) => write!(
            f,
            "{} with no results link {} skipped, such as greetings and signatures.",
            counted(n, "line", "lines"),
            if n == 1 { "was" } else { "were" }
        ),
        Sentence::LinesNotRead { read, rest } => write!(
            f,
            "Only the first {} lines were read: {} more {} not. Add fewer links at a time.",
            grouped(read as u64),
            grouped(rest as u64),
            if rest == 1 { "was" } else { "were" }
        ),
        Sentence::InputCut { file, size, read } => {
            match file {
                Some(file) => write!(f, "Only the first {} of {file} ", megabytes(read))?,
                None => write!(f, "Only the first {} of the pasted text ", megabytes(read))?,
            }
            write!(f, "was read (it is {}).", megabytes(size))
        }
        Sentence::FilesNotRead { count, most, bytes } => write!(
            f,
            "{} not read: up to {} files and {} in all are read at a time.",
            if count == 1 {
                "1 file was".to_owned()
            } else {
                format!("{} files were", grouped(count as u64))
            },
            grouped(most as u64),
            megabytes(bytes)
        ),
        Sentence::MoreProblems(n) => write!(
            f,
            "And {} more {} not listed.",
            grouped(n as u64),
            if n == 1 { "problem" } else { "problems" }
        ),
        Sentence::ComparingMode(mode) => {
            write!(f, "{}: {}", phrase(Phrase::Comparing), mode.name())
        }
        Sentence::BoardSize {
            members,
            executives,
            non_executives,
        } => {
            count(f, members, "board member", "board members")?;
            if executives + non_executives > 0 {
                f.write_str(": ")?;
                count(f, executives as usize, "executive", "executives")?;
                f.write_str(", ")?;
                count(
                    f,
                    non_executives as usize,
                    "non-executive",
                    "non-executives",
                )?;
            }
            f.write_char('.')
        }
        Sentence::TwoApartCount(n) => {
            f.write_str("Answers two levels apart (Absent and Embedded) on ")?;
            count(f, n, "question", "questions")?;
            f.write_char('.')
        }
        Sentence::RolesDifferCount(n) => {
            f.write_str("Executives and non-executives differ by a level or more on ")?;
            count(f, n, "question", "questions")?;
            f.write_char('.')
        }
        Sentence::DontKnowCount(n) => {
            count(f, n as usize, "“Don’t know” answer", "“Don’t know” answers")?;
            f.write_str(" in all.")
        }
        Sentence::SystemSize {
            results,
            organisations,
        } => {
            if organisations < results {
                count(f, results, "result", "results")?;
                f.write_str(" from ")?;
            }
            count(f, organisations, "organisation", "organisations")?;
            f.write_str(" side by side.")
        }
        Sentence::TooLongForLink { length, max } => write!(
            f,
            "Its link would be {length} characters. Teams and Outlook cut links longer than {max} characters. Download the comparison as a JSON file instead: it opens here with “{}”.",
            phrase(Phrase::ChooseFiles)
        ),
        Sentence::QuestionNumber(index) => write!(f, "{}. ", index + 1),
        Sentence::ChartQuestion(index) => write!(f, "Question {}", index + 1),
        Sentence::MarkerKey(marker) => write!(f, "{marker}:"),
        Sentence::ChangeSummary {
            then,
            now,
            up,
            down,
            same,
        } => write!(
            f,
            "From {then} to {now}: {up} {} went up, {down} went down and {same} stayed the same.",
            questions(up)
        ),
        Sentence::MovedDontKnow(n) => write!(
            f,
            "{n} {} moved between “Don’t know” and a level.",
            questions(n)
        ),
        Sentence::WhoOnDates { who, then, now } => write!(f, "{}: {then} and {now}", isolate(who)),
        Sentence::WhosOnDates {
            then_who,
            then,
            now_who,
            now,
        } => write!(
            f,
            "{}, {then}, and {}, {now}",
            isolate(then_who),
            isolate(now_who)
        ),
        Sentence::LevelCounts(counts) => level_counts(f, counts),
        Sentence::GapCounts {
            counts,
            results,
            organisations,
        } => {
            let of = if organisations {
                plural(results as u32, "organisation", "organisations")
            } else {
                plural(results as u32, "result", "results")
            };
            write!(
                f,
                "{} of {results} {of} Absent or don’t know (",
                counts.absent_or_unknown()
            )?;
            // Only the answers counted: the rest are in the table.
            level_counts(
                f,
                crate::compare::LevelCounts {
                    siloed: 0,
                    embedded: 0,
                    ..counts
                },
            )?;
            f.write_char(')')
        }
        Sentence::DifferCounts { range, counts } => {
            write!(f, "{range} (")?;
            level_counts(f, counts)?;
            f.write_char(')')
        }
        Sentence::OrganisationsDiffer { then, now } => write!(
            f,
            "The earlier result is from “{then}” and the later one from “{now}”. Then and now compares one organisation over time."
        ),
    }
}

/// "1 Absent, 2 Embedded, 1 don’t know": each answer given, in level
/// order, zeros left out.
fn level_counts(f: &mut String, counts: crate::compare::LevelCounts) -> fmt::Result {
    let parts = [
        (counts.absent, Level::Absent.name()),
        (counts.siloed, Level::Siloed.name()),
        (counts.embedded, Level::Embedded.name()),
        (counts.dont_know, "don’t know"),
    ];
    let mut first = true;
    for (n, name) in parts {
        if n > 0 {
            if !first {
                f.write_str(", ")?;
            }
            first = false;
            write!(f, "{n} {name}")?;
        }
    }
    Ok(())
}

/// A whole number with commas between thousands: "99,990".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "1 line" / "99,990 lines".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", grouped(n as u64), if n == 1 { one } else { many })
}

/// A size in megabytes (of 2^20 bytes): "50 MB", "1.4 MB" (one decimal
/// under 10 MB, so a cut is never said to be as big as the whole).
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + (1 << 19)) >> 20;
    if tenths < 100 && !tenths.is_multiple_of(10) {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    } else {
        format!("{} MB", grouped(((bytes + (1 << 19)) >> 20).max(1)))
    }
}

/// "1 question" / "2 questions", written out.
fn count(f: &mut String, n: usize, one: &'static str, many: &'static str) -> fmt::Result {
    write!(f, "{n} {}", plural(n as u32, one, many))
}

/// "question" / "questions".
fn questions(n: usize) -> &'static str {
    plural(n as u32, "question", "questions")
}

#[cfg(test)]
mod tests {
    use crate::date::Date;
    use crate::text::compare::Sentence;

    #[test]
    fn disagreement_joins_its_parts_as_a_sentence() {
        for two_apart in [false, true] {
            for one_apart in [false, true] {
                for roles_differ in [false, true] {
                    for dont_know in 0..3 {
                        // The parts, joined by "; ", only the first capitalised.
                        let mut parts: Vec<String> = Vec::new();
                        if two_apart {
                            parts.push("Two apart".into());
                        } else if one_apart {
                            parts.push("One apart".into());
                        }
                        if roles_differ {
                            parts.push(
                                if parts.is_empty() { "E" } else { "e" }.to_owned()
                                    + "xecutives and non-executives differ",
                            );
                        }
                        if dont_know > 0 {
                            parts.push(format!("{dont_know} don’t know"));
                        }
                        let expected = if parts.is_empty() {
                            "All agree".to_owned()
                        } else {
                            parts.join("; ")
                        };
                        let sentence = Sentence::Disagreement {
                            two_apart,
                            one_apart,
                            roles_differ,
                            dont_know,
                        };
                        assert_eq!(sentence.text(), expected);
                    }
                }
            }
        }
    }

    #[test]
    fn the_compare_views_sentences() {
        let cases = [
            (Sentence::ResultsAdded(0), "No results were added."),
            (Sentence::ResultsAdded(1), "1 result added."),
            (Sentence::ResultsAdded(12), "12 results added."),
            (Sentence::ProblemSource("Line 2"), "Line 2: "),
            (Sentence::ResultsAddedHeading(3), "Results added (3)"),
            (
                Sentence::EntryFacts {
                    organisation: "Leeds",
                    date: Date::from_ymd(2025, 6, 1),
                },
                "Leeds · 1 June 2025",
            ),
            (
                Sentence::EntryFacts {
                    organisation: "",
                    date: None,
                },
                "No date",
            ),
            (
                Sentence::BoardSize {
                    members: 1,
                    executives: 0,
                    non_executives: 0,
                },
                "1 board member.",
            ),
            (
                Sentence::BoardSize {
                    members: 3,
                    executives: 1,
                    non_executives: 2,
                },
                "3 board members: 1 executive, 2 non-executives.",
            ),
            (
                Sentence::TwoApartCount(1),
                "Answers two levels apart (Absent and Embedded) on 1 question.",
            ),
            (
                Sentence::RolesDifferCount(0),
                "Executives and non-executives differ by a level or more on 0 questions.",
            ),
            (Sentence::DontKnowCount(1), "1 “Don’t know” answer in all."),
            (
                Sentence::SystemSize {
                    results: 4,
                    organisations: 2,
                },
                "4 results from 2 organisations side by side.",
            ),
            (
                Sentence::SystemSize {
                    results: 1,
                    organisations: 1,
                },
                "1 organisation side by side.",
            ),
            (
                Sentence::ComparingMode(crate::compare::Mode::ThenAndNow),
                "Comparing: Then and now",
            ),
            (Sentence::QuestionNumber(2), "3. "),
            (Sentence::ChartQuestion(0), "Question 1"),
            (Sentence::MarkerKey("AB"), "AB:"),
            (Sentence::RemoveWhich(2), " result 2"),
            (
                Sentence::LinesSkipped(99_990),
                "99,990 lines with no results link were skipped, such as greetings and signatures.",
            ),
            (
                Sentence::LinesSkipped(1),
                "1 line with no results link was skipped, such as greetings and signatures.",
            ),
            (
                Sentence::LinesNotRead {
                    read: 10_000,
                    rest: 90_000,
                },
                "Only the first 10,000 lines were read: 90,000 more were not. Add fewer links at a time.",
            ),
            (
                Sentence::InputCut {
                    file: Some("big.txt"),
                    size: 50 << 20,
                    read: 1 << 20,
                },
                "Only the first 1 MB of big.txt was read (it is 50 MB).",
            ),
            (
                Sentence::InputCut {
                    file: None,
                    size: 1_500_000,
                    read: 1 << 20,
                },
                "Only the first 1 MB of the pasted text was read (it is 1.4 MB).",
            ),
            (
                Sentence::FilesNotRead {
                    count: 3,
                    most: 100,
                    bytes: 8 << 20,
                },
                "3 files were not read: up to 100 files and 8 MB in all are read at a time.",
            ),
            (
                Sentence::MoreProblems(1_234_567),
                "And 1,234,567 more problems not listed.",
            ),
            (
                Sentence::ChangeSummary {
                    then: "1 June 2025",
                    now: "1 June 2026",
                    up: 1,
                    down: 0,
                    same: 12,
                },
                "From 1 June 2025 to 1 June 2026: 1 question went up, 0 went down and 12 stayed the same.",
            ),
            (
                Sentence::MovedDontKnow(2),
                "2 questions moved between “Don’t know” and a level.",
            ),
            (
                Sentence::TooLongForLink {
                    length: 1247,
                    max: 1000,
                },
                "Its link would be 1247 characters. Teams and Outlook cut links longer than 1000 characters. Download the comparison as a JSON file instead: it opens here with “Or choose results files”.",
            ),
        ];
        for (sentence, expected) in cases {
            assert_eq!(sentence.text(), expected);
        }
    }
}
