//! Downloads of a comparison: CSV (one row per question), Markdown (a board
//! or system paper) and JSON (the whole comparison, read back by the
//! compare view when its link would be too long). Text is made inert as in
//! [`super::export`].

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use std::fmt::{self, Write};

use super::codec;
use super::{
    Change, Comparison, LevelCounts, Mode, Spread, disagreement_order, median_label, range_label,
    section_tallies, spreads, system_summary, tally_range, tenths_text, then_and_now,
    then_and_now_who,
};
use crate::export::{Json, answer_key, csv_row, heading, is_iso_date, md, slug, source_line};
use crate::label::Role;
use crate::model::Assessment;
use crate::report::{long_date, response_label, stage_label};
use crate::text::common::Phrase as CommonPhrase;
use crate::text::compare::{Phrase, Sentence};
use crate::text::report::{Phrase as ReportPhrase, Sentence as ReportSentence};

/// The `format` member of a comparison JSON file.
pub const JSON_FORMAT: &str = "digital-board-assessment-comparison";

/// How the comparison was worked out, for the page and the paper.
pub const METHOD: [&str; 5] = crate::text::edition::compare::COMPARE_METHOD;

/// The notes of [`METHOD`] that apply to a mode: a board has all of them;
/// a system has no roles and no "two apart"; then and now has no range or
/// median either.
pub fn method(mode: Mode) -> impl Iterator<Item = &'static str> {
    let notes: &[usize] = match mode {
        Mode::Board => &[0, 1, 2, 3, 4],
        Mode::System => &[0, 1, 4],
        Mode::ThenAndNow => &[0, 4],
    };
    notes.iter().filter_map(|&i| METHOD.get(i).copied())
}

/// A download file name: assessment, "comparison", mode and date, e.g.
/// `digital-strategy-board-self-assessment-comparison-board-2026-11-21.csv`.
pub fn file_name(comparison: &Comparison, date: Option<&str>, extension: &str) -> String {
    let mut name = slug(comparison.assessment.title, 60);
    if name.is_empty() {
        name = "assessment".to_owned();
    }
    name.push_str("-comparison-");
    name.push_str(comparison.mode.key());
    if let Some(date) = date.filter(|d| is_iso_date(d)) {
        name.push('-');
        name.push_str(date);
    }
    name.push('.');
    name.push_str(extension);
    name
}

/// The names of the entries, as shown.
fn names(comparison: &Comparison) -> Vec<String> {
    (0..comparison.entries.len())
        .map(|i| comparison.display_name(i))
        .collect()
}

/// Every entry's column heading: its label ([`Comparison::labels`]), and
/// its role on a board. The results added are listed by these too.
pub fn column_headings(comparison: &Comparison) -> Vec<String> {
    let labels = comparison.labels();
    labels
        .into_iter()
        .zip(&comparison.entries)
        .map(|(name, entry)| match entry.role {
            role if comparison.mode == Mode::Board
                && role != Role::Unspecified
                && !name.starts_with(role.name()) =>
            {
                Sentence::NameWithRole {
                    name: &name,
                    role: role.name(),
                }
                .text()
            }
            _ => name,
        })
        .collect()
}

/// What is notable about a question's spread, e.g. "Two apart; executives
/// and non-executives differ; 2 don't know".
pub fn disagreement_text(spread: &Spread) -> String {
    Sentence::Disagreement {
        two_apart: spread.two_apart(),
        one_apart: spread.range() == 1,
        roles_differ: spread.roles_differ(),
        dont_know: spread.dont_know,
    }
    .text()
}

/// A spread table's cells after the question, as the Markdown and the
/// Word paper show them: each result's answer, the range, the median, the
/// number of don't-knows, and (comparing a board) the disagreement.
pub fn push_spread_cells(
    cells: &mut Vec<String>,
    comparison: &Comparison,
    index: usize,
    spread: &Spread,
) {
    cells.extend(
        comparison
            .entries
            .iter()
            .map(|e| response_label(e.response(index)).to_owned()),
    );
    cells.push(range_label(spread));
    cells.push(median_label(spread.median));
    cells.push(spread.dont_know.to_string());
    if comparison.mode == Mode::Board {
        cells.push(disagreement_text(spread));
    }
}

/// A system summary's line for a question where most results are Absent
/// or "Don't know" ([`super::SystemSummary::gaps`]): "4 of 5 organisations
/// Absent or don’t know (3 Absent, 1 don’t know)".
pub fn gap_text(comparison: &Comparison, counts: LevelCounts) -> String {
    let results = comparison.entries.len();
    Sentence::GapCounts {
        counts,
        results,
        organisations: comparison.organisation_count() == results,
    }
    .text()
}

/// A system summary's line for a question with the widest range
/// ([`super::SystemSummary::differ`]): "Absent to Embedded (1 Absent, 2
/// Siloed, 2 Embedded)".
pub fn differ_text(spread: &Spread, counts: LevelCounts) -> String {
    Sentence::DifferCounts {
        range: &range_label(spread),
        counts,
    }
    .text()
}

/// A question as the system summary names it: "4. Does your board …".
pub fn numbered_question(assessment: &'static Assessment, index: usize) -> String {
    let (_, question) = question_text(assessment, index);
    Sentence::QuestionNumber(index).text() + question
}

/// Executives' and non-executives' averages on one question, e.g. ("2.0",
/// "1.0"), given how many of each the comparison holds (`role_counts`): ""
/// for a group with nobody in it, "No levels given" for one whose members
/// all answered "Don't know".
pub fn role_averages(
    spread: &Spread,
    (executives, non_executives): (u32, u32),
) -> (String, String) {
    let text = |members: u32, tenths: Option<u32>| match (members, tenths) {
        (0, _) => String::new(),
        (_, Some(tenths)) => tenths_text(tenths),
        (_, None) => median_label(None),
    };
    (
        text(executives, spread.executive_tenths),
        text(non_executives, spread.non_executive_tenths),
    )
}

fn question_text(assessment: &'static Assessment, index: usize) -> (&'static str, &'static str) {
    assessment.question(index).map_or(("", ""), |placed| {
        (
            assessment
                .sections
                .get(placed.section)
                .map_or("", |s| s.title),
            placed.question.text,
        )
    })
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// The columns every comparison CSV starts with: the same, in the same
/// order, as the first eleven of a single result's CSV
/// ([`crate::export::CSV_COLUMNS`]), so the two kinds of file stack into
/// one table. Then [`CSV_RESULT`], then the mode's own
/// ([`CSV_SPREAD_COLUMNS`], [`CSV_BOARD_COLUMNS`] or [`CSV_CHANGE`]).
pub const CSV_COLUMNS: [&str; 11] = match crate::export::CSV_COLUMNS.split_first_chunk() {
    // The single result's first eleven, so the two cannot drift apart (a
    // shorter list would stop the build here, not at run time).
    Some((first, _)) => *first,
    None => panic!("a single result's CSV has at least eleven columns"),
};

/// The column naming each row's result as the comparison's tables do.
pub const CSV_RESULT: &str = "result";

/// A board's and a system's figures for the row's question (the same on
/// each of the question's rows).
pub const CSV_SPREAD_COLUMNS: [&str; 4] = ["lowest", "highest", "median", "dont_know_count"];

/// A board's further figures for the row's question.
pub const CSV_BOARD_COLUMNS: [&str; 3] = [
    "executives_average",
    "non_executives_average",
    "disagreement",
];

/// Then and now's column: how the question's answer changed.
pub const CSV_CHANGE: &str = "change";

/// The comparison as CSV for a spreadsheet (RFC 4180, UTF-8 with a byte
/// order mark, CRLF line ends, formula-safe cells): a header row, then one
/// row per answer, question by question and within each question the
/// results in the order added (then and now: the earlier first). Every row
/// carries its result's organisation, role and date (`YYYY-MM-DD`), the
/// answer as shown and its `points` (0 Absent, 1 Siloed, 2 Embedded; empty
/// for "Don't know"), so it can be charted or pivoted without recoding.
pub fn csv(comparison: &Comparison) -> String {
    let assessment = comparison.assessment;
    let mut out = String::from('\u{feff}');
    let pair = match comparison.mode {
        Mode::ThenAndNow => match then_and_now(comparison) {
            Ok(pair) => Some(pair),
            Err(_) => {
                csv_row(&mut out, [Phrase::NeedsTwoDatedResults.text()]);
                return out;
            }
        },
        Mode::Board | Mode::System => None,
    };
    let board = comparison.mode == Mode::Board;
    let mut header: Vec<&str> = CSV_COLUMNS.to_vec();
    header.push(CSV_RESULT);
    match comparison.mode {
        Mode::ThenAndNow => header.push(CSV_CHANGE),
        Mode::Board => header.extend(CSV_SPREAD_COLUMNS.iter().chain(&CSV_BOARD_COLUMNS)),
        Mode::System => header.extend(CSV_SPREAD_COLUMNS),
    }
    csv_row(&mut out, header);
    let version = assessment.version.to_string();
    let labels = comparison.labels();
    let role_counts = comparison.role_counts();
    // Then and now: the earlier result first, whatever the order added.
    let order: Vec<usize> = match pair {
        Some((then, now)) => vec![then, now],
        None => (0..comparison.entries.len()).collect(),
    };
    let spreads = spreads(comparison);
    for placed in assessment.questions() {
        let index = placed.index;
        let section = assessment
            .sections
            .get(placed.section)
            .map_or("", |s| s.title);
        // The question's own figures, the same on each of its rows.
        let figures: Vec<String> = match (pair, spreads.get(index)) {
            (Some((then, now)), _) => {
                let response = |i: usize| comparison.entry(i).and_then(|e| e.response(index));
                vec![Change::between(response(then), response(now)).label()]
            }
            (None, Some(spread)) => {
                let mut figures = vec![
                    spread.lowest.map_or("", |l| l.name()).to_owned(),
                    spread.highest.map_or("", |l| l.name()).to_owned(),
                    median_label(spread.median),
                    spread.dont_know.to_string(),
                ];
                if board {
                    let (executives, non_executives) = role_averages(spread, role_counts);
                    figures.extend([executives, non_executives, disagreement_text(spread)]);
                }
                figures
            }
            (None, None) => Vec::new(),
        };
        let number = (index + 1).to_string();
        for &i in &order {
            let (Some(entry), Some(label)) = (comparison.entry(i), labels.get(i)) else {
                continue;
            };
            let response = entry.response(index);
            let role = match entry.role {
                Role::Unspecified => "",
                role => role.name(),
            };
            let date = entry.date.map(|d| d.to_string()).unwrap_or_default();
            let points = response
                .and_then(crate::scoring::Response::level)
                .map_or(String::new(), |level| level.points().to_string());
            let mut row: Vec<&str> = vec![
                assessment.id,
                &version,
                entry.organisation.trim(),
                role,
                &date,
                &number,
                placed.question.id,
                section,
                placed.question.text,
                response_label(response),
                &points,
                label,
            ];
            row.extend(figures.iter().map(String::as_str));
            csv_row(&mut out, row);
        }
    }
    out
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// The comparison as a Markdown paper: what was compared, the tables the
/// page shows, and how it was worked out. `link` is the compare link, if
/// one fits.
pub fn markdown(comparison: &Comparison, date: Option<&str>, link: Option<&str>) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_markdown(&mut out, comparison, date, link);
    out
}

fn table_row(out: &mut String, cells: &[String]) -> fmt::Result {
    writeln!(out, "| {} |", cells.join(" | "))
}

fn table_head(out: &mut String, cells: &[String]) -> fmt::Result {
    table_row(out, cells)?;
    let rule: Vec<String> = cells.iter().map(|_| "---".to_owned()).collect();
    table_row(out, &rule)
}

fn write_markdown(
    out: &mut String,
    comparison: &Comparison,
    date: Option<&str>,
    link: Option<&str>,
) -> fmt::Result {
    let assessment = comparison.assessment;
    writeln!(
        out,
        "# {}: {}",
        md(assessment.title),
        md(comparison.mode.heading())
    )?;
    writeln!(out)?;
    // Then and now names whose results they are first, so a printout
    // cannot be any trust's.
    if let Some(who) = then_and_now_who(comparison) {
        writeln!(out, "**{}**", md(&who))?;
        writeln!(out)?;
    }
    writeln!(
        out,
        "- **{}:** {}",
        Phrase::Comparing.text(),
        comparison.mode.name()
    )?;
    writeln!(
        out,
        "- **{}:** {}",
        Phrase::Results.text(),
        comparison.entries.len()
    )?;
    if let Some(date) = date {
        writeln!(out, "- **{}:** {}", Phrase::MadeOn.text(), md(date))?;
    }
    writeln!(
        out,
        "- **{}:** {}",
        ReportPhrase::Assessment.text(),
        md(&ReportSentence::AssessmentVersion {
            id: assessment.id,
            version: assessment.version
        }
        .text())
    )?;
    if let Some(link) = link {
        writeln!(
            out,
            "- **{}:** {}",
            Phrase::CompareLink.text(),
            crate::export::md_url(link)
        )?;
    }
    writeln!(out)?;

    // A system leads with where it stands, as its page does.
    if comparison.mode == Mode::System {
        write_system_summary(out, comparison, &spreads(comparison))?;
    }
    let names = comparison.labels();
    heading(out, Phrase::ResultsCompared.text());
    writeln!(out)?;
    table_head(
        out,
        &[
            Phrase::Name.text().to_owned(),
            ReportPhrase::Organisation.text().to_owned(),
            ReportPhrase::Role.text().to_owned(),
            ReportPhrase::Date.text().to_owned(),
        ],
    )?;
    for (entry, name) in comparison.entries.iter().zip(&names) {
        table_row(
            out,
            &[
                md(name),
                md(&entry.organisation),
                match entry.role {
                    Role::Unspecified => String::new(),
                    role => role.name().to_owned(),
                },
                entry.date.map(long_date).unwrap_or_default(),
            ],
        )?;
    }
    writeln!(out)?;

    match comparison.mode {
        Mode::ThenAndNow => write_then_and_now(out, comparison)?,
        Mode::Board | Mode::System => {
            let spreads = spreads(comparison);
            let order: Vec<usize> = if comparison.mode == Mode::Board {
                heading(out, Phrase::QuestionsByDisagreement.text());
                disagreement_order(&spreads)
            } else {
                write_sections(out, comparison)?;
                heading(out, Phrase::Questions.text());
                (0..spreads.len()).collect()
            };
            writeln!(out)?;
            let mut head = vec![ReportPhrase::Question.text().to_owned()];
            head.extend(column_headings(comparison).iter().map(|h| md(h)));
            head.extend(
                [
                    Phrase::Range.text(),
                    Phrase::Median.text(),
                    CommonPhrase::DontKnow.text(),
                ]
                .map(String::from),
            );
            if comparison.mode == Mode::Board {
                head.push(Phrase::Disagreement.text().to_owned());
            }
            table_head(out, &head)?;
            for index in order {
                let Some(spread) = spreads.get(index) else {
                    continue;
                };
                let (_, question) = question_text(assessment, index);
                let mut cells = vec![format!("{}. {}", index + 1, md(question))];
                push_spread_cells(&mut cells, comparison, index, spread);
                table_row(out, &cells)?;
            }
            writeln!(out)?;
        }
    }

    heading(out, Phrase::HowWorkedOut.text());
    writeln!(out)?;
    for line in method(comparison.mode) {
        writeln!(out, "- {}", md(line))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", source_line(&assessment.source))
}

/// Where the system stands: the questions most results are Absent or
/// "Don't know" on, and those they differ most on.
fn write_system_summary(
    out: &mut String,
    comparison: &Comparison,
    spreads: &[Spread],
) -> fmt::Result {
    let assessment = comparison.assessment;
    let summary = system_summary(comparison, spreads);
    heading(out, Phrase::SystemGapsHeading.text());
    writeln!(out)?;
    if summary.gaps.is_empty() {
        writeln!(out, "{}", md(Phrase::NoSystemGaps.text()))?;
    }
    for &(index, counts) in &summary.gaps {
        writeln!(
            out,
            "- **{}:** {}",
            md(&numbered_question(assessment, index)),
            gap_text(comparison, counts)
        )?;
    }
    writeln!(out)?;
    heading(out, Phrase::SystemDifferHeading.text());
    writeln!(out)?;
    if summary.differ.is_empty() {
        writeln!(out, "{}", md(Phrase::NoSystemDiffer.text()))?;
    }
    for &(index, counts) in &summary.differ {
        if let Some(spread) = spreads.get(index) {
            writeln!(
                out,
                "- **{}:** {}",
                md(&numbered_question(assessment, index)),
                differ_text(spread, counts)
            )?;
        }
    }
    writeln!(out)
}

fn write_sections(out: &mut String, comparison: &Comparison) -> fmt::Result {
    let assessment = comparison.assessment;
    if let Some(warning) = comparison.repeats_warning() {
        writeln!(
            out,
            "**{}:** {}\n",
            Phrase::RepeatsHeading.text(),
            md(&warning)
        )?;
    }
    heading(out, Phrase::Sections.text());
    writeln!(out)?;
    let mut head = vec![ReportPhrase::Section.text().to_owned()];
    head.extend(comparison.labels().iter().map(|l| md(l)));
    head.push(Phrase::RangeOfAverages.text().to_owned());
    table_head(out, &head)?;
    for (index, section) in assessment.sections.iter().enumerate() {
        let tallies = section_tallies(comparison, index);
        let mut cells = vec![md(section.title)];
        cells.extend(tallies.iter().map(section_cell));
        cells.push(
            tally_range(&tallies).map_or_else(String::new, |(low, high)| {
                Sentence::AverageRange(low, high).text()
            }),
        );
        table_row(out, &cells)?;
    }
    writeln!(out)?;
    Ok(())
}

/// A section's stage and average, e.g. "Siloed (1.2)".
pub fn section_cell(tally: &crate::scoring::Tally) -> String {
    match tally.average_text().filter(|_| tally.has_enough_answers()) {
        Some(average) => Sentence::StageWithAverage {
            stage: stage_label(tally),
            average: &average,
        }
        .text(),
        None => stage_label(tally).to_owned(),
    }
}

fn write_then_and_now(out: &mut String, comparison: &Comparison) -> fmt::Result {
    let (then, now) = match then_and_now(comparison) {
        Ok(pair) => pair,
        Err(reason) => return writeln!(out, "{}\n", md(&reason.to_string())),
    };
    let assessment = comparison.assessment;
    let date = |i: usize| {
        comparison
            .entry(i)
            .and_then(|e| e.date)
            .map(long_date)
            .unwrap_or_default()
    };
    let (then_date, now_date) = (date(then), date(now));
    writeln!(
        out,
        "## {}",
        Sentence::ChangeBetween {
            then: &then_date,
            now: &now_date
        }
        .text()
    )?;
    writeln!(out)?;
    table_head(
        out,
        &[
            ReportPhrase::Question.text().to_owned(),
            Sentence::ThenDated(&then_date).text(),
            Sentence::NowDated(&now_date).text(),
            Phrase::Change.text().to_owned(),
        ],
    )?;
    for placed in assessment.questions() {
        let a = comparison
            .entry(then)
            .and_then(|e| e.response(placed.index));
        let b = comparison.entry(now).and_then(|e| e.response(placed.index));
        table_row(
            out,
            &[
                format!("{}. {}", placed.index + 1, md(placed.question.text)),
                response_label(a).into(),
                response_label(b).into(),
                Change::between(a, b).label(),
            ],
        )?;
    }
    writeln!(out)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

/// The whole comparison as JSON: format tag, assessment, mode, the
/// `compare_code` the compare view reads back, and every result's answers
/// by question id.
pub fn json(comparison: &Comparison) -> String {
    let assessment = comparison.assessment;
    let code = codec::encode(comparison);
    let names = names(comparison);
    let results = comparison
        .entries
        .iter()
        .zip(&names)
        .map(|(entry, name)| {
            Json::Object(vec![
                ("name", Json::String(name)),
                (
                    "organisation",
                    Json::text(Some(entry.organisation.trim()).filter(|o| !o.is_empty())),
                ),
                (
                    "role",
                    Json::text((entry.role != Role::Unspecified).then(|| entry.role.name())),
                ),
                ("date", Json::Owned(entry.date.map(|d| d.to_string()))),
                (
                    "answers",
                    Json::Array(
                        assessment
                            .questions()
                            .map(|placed| {
                                Json::Object(vec![
                                    ("question_id", Json::String(placed.question.id)),
                                    (
                                        "answer",
                                        Json::text(answer_key(entry.response(placed.index))),
                                    ),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ])
        })
        .collect();
    let document = Json::Object(vec![
        ("format", Json::String(JSON_FORMAT)),
        ("format_version", Json::Number(1)),
        (
            "assessment",
            Json::Object(vec![
                ("id", Json::String(assessment.id)),
                ("version", Json::Number(u32::from(assessment.version))),
                ("title", Json::String(assessment.title)),
            ]),
        ),
        ("mode", Json::String(comparison.mode.key())),
        ("compare_code", Json::String(&code)),
        ("results", Json::Array(results)),
    ]);
    let mut out = String::new();
    document.write(&mut out, 0);
    out.push('\n');
    out
}
