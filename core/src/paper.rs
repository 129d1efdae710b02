//! The board paper: a result or a comparison as a small document model
//! that any writer can render — the Word document (the `digital-board-docx`
//! crate, loaded only when someone downloads it) and anything else that
//! wants headings, key–value lines, tables and numbered items rather than
//! a page.
//!
//! The paper is laid out as an NHS board paper: title, who and when, the
//! purpose ("For discussion"), a summary, the section table, the discussion
//! items with the guide's prompts, every answer with the level description
//! the member chose and their notes, how it was scored, and the source.
//! It is built from the same report functions and text keys as the results
//! page and the Markdown, so the three say the same things in the same
//! words.
//!
//! Text in a [`Paper`] is plain: user text (notes, organisation, names) is
//! carried exactly as typed, trimmed, and a renderer must write it as text
//! (never as markup). Line breaks inside a note are kept.
//!
//! # What the Word download is made from
//!
//! A result's paper is made from a [`result_record`]: the text the widget
//! saves answers in (`crate::saved`, keyed by question id), not from a
//! share link, because a share link refuses notes over
//! [`crate::share::MAX_NOTE_BYTES`] bytes and the paper carries every note
//! in full. A comparison's paper is made from its compare link payload
//! (`crate::compare::codec`), which holds everything a comparison shows.

// A panic here aborts the widget silently (`panic = "abort"`), and the
// payloads come from the page: no indexing, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use crate::actions::Commitment;
use crate::compare::export::{
    column_headings, differ_text, gap_text, method, numbered_question, push_spread_cells,
    section_cell,
};
use crate::compare::{
    Change, Comparison, Mode, disagreement_order, section_tallies, spreads, system_summary,
    tally_range, then_and_now, then_and_now_who,
};
use crate::date::Date;
use crate::export::{ExportMeta, action_fields, is_iso_date};
use crate::label::{Label, Role};
use crate::model::{Assessment, Source};
use crate::report::{
    METHOD, discuss_first, discussion_order, flag_detail, long_date, no_stage_reason,
    response_label, stage_label, tally_sentence,
};
use crate::saved::{self, SavedError};
use crate::scoring::{Answers, Response, score};
use crate::share::ShareError;
use crate::text::actions::Phrase as ActionPhrase;
use crate::text::common::Phrase as CommonPhrase;
use crate::text::compare::{Phrase as ComparePhrase, Sentence as CompareSentence};
use crate::text::paper::Phrase;
use crate::text::report::{Phrase as ReportPhrase, Sentence as ReportSentence};

/// A board paper: a title and its blocks, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paper {
    /// The paper's title (its only first-level heading).
    pub title: String,
    /// Everything under the title.
    pub blocks: Vec<Block>,
}

/// One block of a paper.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading under the title: level 2 for the paper's parts, 3 within
    /// them.
    Heading {
        /// 2 or 3.
        level: u8,
        /// The heading's words.
        text: String,
    },
    /// A paragraph of runs, some of them bold.
    Paragraph(Vec<Run>),
    /// "Label: value" lines, the label bold: who and when, section stages.
    KeyValues(Vec<(String, String)>),
    /// A table with a header row.
    Table(Table),
    /// Numbered items, each a bold title with paragraphs under it.
    NumberedList(Vec<Item>),
    /// Bulleted paragraphs.
    BulletList(Vec<Vec<Run>>),
}

/// Text, bold or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The words, as they are to be read (never markup).
    pub text: String,
    /// Whether they are bold.
    pub bold: bool,
}

impl Run {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: false,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Run {
        Run {
            text: text.into(),
            bold: true,
        }
    }
}

/// A table: a caption, a header row and rows of plain-text cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What the table shows, said before it.
    pub caption: String,
    /// The header row.
    pub header: Vec<String>,
    /// The body rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
    /// The positions of columns holding numbers (aligned right).
    pub numeric: Vec<usize>,
}

/// One numbered item: a bold title and paragraphs under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The item's first line, bold.
    pub title: String,
    /// What follows it, one paragraph each.
    pub paragraphs: Vec<Vec<Run>>,
}

fn heading(blocks: &mut Vec<Block>, level: u8, text: impl Into<String>) {
    blocks.push(Block::Heading {
        level,
        text: text.into(),
    });
}

fn paragraph(blocks: &mut Vec<Block>, text: impl Into<String>) {
    blocks.push(Block::Paragraph(vec![Run::plain(text)]));
}

/// "Label: value", the label bold.
fn labelled(label: &str, value: impl Into<String>) -> Vec<Run> {
    vec![Run::bold(format!("{label}: ")), Run::plain(value)]
}

/// A date given as "YYYY-MM-DD", as people write it ("7 December 2026");
/// other text as it is.
fn readable_date(text: &str) -> String {
    let parsed = is_iso_date(text)
        .then(|| {
            let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<u32>().ok();
            Date::from_ymd(number(0..4)? as i32, number(5..7)?, number(8..10)?)
        })
        .flatten();
    parsed.map_or_else(|| text.to_owned(), long_date)
}

/// The credit closing every paper: "Source: title, publisher, published
/// (url). credit".
fn source(blocks: &mut Vec<Block>, source: &Source) {
    blocks.push(Block::Paragraph(labelled(
        ReportPhrase::Source.text(),
        format!(
            "{}, {}, {} ({}). {}",
            source.title, source.publisher, source.published, source.url, source.credit
        ),
    )));
}

fn assessment_line(assessment: &Assessment) -> (String, String) {
    (
        ReportPhrase::Assessment.text().to_owned(),
        ReportSentence::AssessmentVersion {
            id: assessment.id,
            version: assessment.version,
        }
        .text(),
    )
}

fn purpose_line() -> (String, String) {
    (
        Phrase::Purpose.text().to_owned(),
        Phrase::ForDiscussion.text().to_owned(),
    )
}

/// A question's notes, trimmed, unless blank.
fn note(answers: &Answers, index: usize) -> Option<&str> {
    Some(answers.note(index).trim()).filter(|s| !s.is_empty())
}

/// The description of the level chosen, or "" for "Don't know" or none.
fn chosen_description(
    assessment: &'static Assessment,
    answers: &Answers,
    index: usize,
) -> &'static str {
    match (assessment.question(index), answers.response(index)) {
        (Some(placed), Some(Response::Level(level))) => placed.question.descriptor(level),
        _ => "",
    }
}

// ---------------------------------------------------------------------------
// A result
// ---------------------------------------------------------------------------

/// A result's board paper: who and when, the purpose, the summary (overall
/// stage and what it means, section stages, assurance gaps, the things to
/// discuss first, answers that disagree), the
/// section table, the discussion items with the guide's prompts, every
/// answer with the description chosen and the notes, how it was scored and
/// the source.
pub fn result(assessment: &'static Assessment, answers: &Answers, meta: &ExportMeta) -> Paper {
    let results = score(assessment, answers);
    let overall = &results.overall;
    let mut blocks = Vec::new();

    let given = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut who = Vec::new();
    for (label, value) in [
        (ReportPhrase::Organisation, given(&meta.organisation)),
        (ReportPhrase::Role, given(&meta.role)),
        (
            ReportPhrase::Date,
            given(&meta.date).map(|d| readable_date(&d)),
        ),
    ] {
        if let Some(value) = value {
            who.push((label.text().to_owned(), value));
        }
    }
    who.push(purpose_line());
    who.push(assessment_line(assessment));
    blocks.push(Block::KeyValues(who));

    // Summary: what a board reads first.
    heading(&mut blocks, 2, Phrase::Summary.text());
    blocks.push(Block::Paragraph(labelled(
        ReportPhrase::OverallStage.text(),
        stage_label(overall),
    )));
    if let Some(stage) = overall.stage() {
        paragraph(&mut blocks, assessment.stage_meaning(stage));
    }
    paragraph(&mut blocks, tally_sentence(overall));
    if let Some(reason) = no_stage_reason(overall) {
        paragraph(&mut blocks, reason);
    }
    heading(&mut blocks, 3, ReportPhrase::SectionStages.text());
    blocks.push(Block::KeyValues(
        assessment
            .sections
            .iter()
            .zip(&results.sections)
            .map(|(section, tally)| (section.title.to_owned(), stage_label(tally).to_owned()))
            .collect(),
    ));
    let gaps = results.assurance_gaps.len() as u32;
    paragraph(
        &mut blocks,
        if gaps == 0 {
            ReportPhrase::NoAssuranceGaps.text().to_owned()
        } else {
            ReportSentence::AssuranceGaps(gaps).text()
        },
    );
    if overall.unanswered > 0 {
        paragraph(
            &mut blocks,
            ReportSentence::NotAnswered(overall.unanswered).text(),
        );
    }
    heading(&mut blocks, 3, ReportPhrase::DiscussFirst.text());
    let first = discuss_first(answers, &results);
    if first.is_empty() {
        paragraph(&mut blocks, ReportPhrase::NothingToDiscussFirst.text());
    } else {
        paragraph(&mut blocks, ReportPhrase::DiscussFirstOrder.text());
        blocks.push(Block::BulletList(
            first
                .iter()
                .filter_map(|point| {
                    let placed = assessment.question(point.question)?;
                    Some(vec![
                        Run::bold(
                            ReportSentence::NumberedQuestion {
                                number: placed.index + 1,
                                question: placed.question.text,
                            }
                            .text(),
                        ),
                        Run::plain(" – "),
                        Run::plain(ReportSentence::FirstReason(point.reason, point.flagged).text()),
                    ])
                })
                .collect(),
        ));
    }
    if !assessment.consistency_checks.is_empty() {
        heading(&mut blocks, 3, ReportPhrase::AnswersThatDisagree.text());
        if results.flags.is_empty() {
            paragraph(&mut blocks, ReportPhrase::NoFlags.text());
        }
        for flag in &results.flags {
            blocks.push(Block::Paragraph(labelled(
                ReportPhrase::Important.text(),
                flag.check.message,
            )));
            paragraph(&mut blocks, flag_detail(assessment, &results, flag));
        }
    }

    heading(&mut blocks, 2, ReportPhrase::ScoresBySection.text());
    blocks.push(Block::Table(Table {
        caption: ReportPhrase::ScoresBySection.text().to_owned(),
        header: vec![
            ReportPhrase::Section.text().to_owned(),
            ReportPhrase::Stage.text().to_owned(),
            ReportPhrase::Score.text().to_owned(),
            CommonPhrase::DontKnow.text().to_owned(),
        ],
        rows: assessment
            .sections
            .iter()
            .zip(&results.sections)
            .map(|(section, tally)| {
                vec![
                    section.title.to_owned(),
                    stage_label(tally).to_owned(),
                    ReportSentence::SectionScore(tally).text(),
                    tally.dont_know.to_string(),
                ]
            })
            .collect(),
        numeric: vec![3],
    }));

    heading(&mut blocks, 2, ReportPhrase::ForDiscussion.text());
    let discussion = discussion_order(answers);
    if discussion.is_empty() {
        paragraph(&mut blocks, ReportPhrase::AllEmbedded.text());
    } else {
        paragraph(&mut blocks, ReportPhrase::DiscussionOrder.text());
        let items = discussion
            .iter()
            .filter_map(|&i| assessment.question(i))
            .map(|placed| {
                let mut paragraphs = vec![vec![Run::plain(
                    ReportSentence::QuestionReference {
                        number: placed.index + 1,
                        section: assessment
                            .sections
                            .get(placed.section)
                            .map_or("", |s| s.title),
                        answer: response_label(answers.response(placed.index)),
                    }
                    .text(),
                )]];
                let chosen = chosen_description(assessment, answers, placed.index);
                if !chosen.is_empty() {
                    paragraphs.push(labelled(Phrase::ChosenDescription.text(), chosen));
                }
                paragraphs.push(vec![Run::plain(placed.question.discuss)]);
                if let Some(note) = note(answers, placed.index) {
                    paragraphs.push(labelled(ReportPhrase::Notes.text(), note));
                }
                Item {
                    title: placed.question.text.to_owned(),
                    paragraphs,
                }
            })
            .collect();
        blocks.push(Block::NumberedList(items));
    }

    // Every answer, a table per section (five columns fit a portrait page;
    // a sixth, the section, would not).
    heading(&mut blocks, 2, ReportPhrase::AnswersByQuestion.text());
    for (index, section) in assessment.sections.iter().enumerate() {
        blocks.push(Block::Table(Table {
            caption: section.title.to_owned(),
            header: vec![
                ReportPhrase::Number.text().to_owned(),
                ReportPhrase::Question.text().to_owned(),
                ReportPhrase::Answer.text().to_owned(),
                Phrase::ChosenDescription.text().to_owned(),
                ReportPhrase::Notes.text().to_owned(),
            ],
            rows: assessment
                .section_range(index)
                .filter_map(|i| assessment.question(i))
                .map(|placed| {
                    vec![
                        (placed.index + 1).to_string(),
                        placed.question.text.to_owned(),
                        response_label(answers.response(placed.index)).to_owned(),
                        chosen_description(assessment, answers, placed.index).to_owned(),
                        note(answers, placed.index).unwrap_or("").to_owned(),
                    ]
                })
                .collect(),
            numeric: vec![0],
        }));
    }

    if !meta.actions.is_empty() {
        heading(&mut blocks, 2, ActionPhrase::Heading.text());
        blocks.push(Block::Table(Table {
            caption: ActionPhrase::Heading.text().to_owned(),
            header: ActionPhrase::COLUMNS
                .map(|column| column.text().to_owned())
                .to_vec(),
            rows: meta
                .actions
                .iter()
                .enumerate()
                .map(|(i, action)| {
                    let mut row = vec![(i + 1).to_string()];
                    row.extend(action_fields(assessment, action));
                    row
                })
                .collect(),
            numeric: vec![0],
        }));
    }

    heading(&mut blocks, 2, ReportPhrase::HowWeScored.text());
    for line in METHOD {
        paragraph(&mut blocks, line);
    }
    source(&mut blocks, &assessment.source);

    Paper {
        title: ReportSentence::ResultsTitle(assessment.title).text(),
        blocks,
    }
}

/// What the page hands the Word writer for a result: the answers, notes,
/// organisation, role and actions as saved in the browser
/// ([`saved::to_text`]: keyed by question id, every note in full).
pub fn result_record(
    assessment: &'static Assessment,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
) -> String {
    saved::to_text(assessment, answers, label, actions)
}

/// Reads a [`result_record`] back and makes its paper, dated `date`
/// ("YYYY-MM-DD", or any text to show as it is).
pub fn result_from_record(record: &str, date: Option<&str>) -> Result<Paper, SavedError> {
    // The record names its assessment on its second line; a record that
    // names none known is read as the default's, which says what is wrong.
    let id = record.lines().nth(1).unwrap_or_default();
    let assessment = crate::content::find(id).unwrap_or_else(crate::content::default_assessment);
    let saved::Record {
        answers,
        label,
        actions,
        ..
    } = saved::from_text(assessment, record)?;
    let meta = ExportMeta {
        organisation: Some(label.organisation),
        role: (label.role != Role::Unspecified).then(|| label.role.name().to_owned()),
        date: date.map(str::to_owned),
        share_code: None,
        actions,
    };
    Ok(result(assessment, &answers, &meta))
}

// ---------------------------------------------------------------------------
// A comparison
// ---------------------------------------------------------------------------

/// A comparison's board paper: what was compared and the purpose, the
/// summary the page gives, the results compared, the mode's tables, how it
/// was worked out and the source. `date` is the day it was made
/// ("YYYY-MM-DD"), `link` the compare link if one fits.
pub fn comparison(comparison: &Comparison, date: Option<&str>, link: Option<&str>) -> Paper {
    let assessment = comparison.assessment;
    let mode = comparison.mode;
    let mut blocks = Vec::new();

    // Then and now names whose results they are first, so a printout
    // cannot be any trust's.
    if let Some(who) = then_and_now_who(comparison) {
        blocks.push(Block::Paragraph(vec![Run::bold(who)]));
    }
    let mut about = vec![
        (
            ComparePhrase::Comparing.text().to_owned(),
            mode.name().to_owned(),
        ),
        (
            ComparePhrase::Results.text().to_owned(),
            comparison.entries.len().to_string(),
        ),
    ];
    if let Some(date) = date {
        about.push((ComparePhrase::MadeOn.text().to_owned(), readable_date(date)));
    }
    about.push(purpose_line());
    about.push(assessment_line(assessment));
    if let Some(link) = link {
        about.push((
            ComparePhrase::CompareLink.text().to_owned(),
            link.to_owned(),
        ));
    }
    blocks.push(Block::KeyValues(about));

    let spreads = spreads(comparison);
    // The page's summary, where the mode has one.
    match mode {
        Mode::Board => {
            let (executives, non_executives) = comparison.role_counts();
            heading(&mut blocks, 2, Phrase::Summary.text());
            paragraph(
                &mut blocks,
                CompareSentence::BoardSize {
                    members: comparison.entries.len(),
                    executives,
                    non_executives,
                }
                .text(),
            );
            let mut points = vec![vec![Run::plain(
                CompareSentence::TwoApartCount(spreads.iter().filter(|s| s.two_apart()).count())
                    .text(),
            )]];
            if executives > 0 && non_executives > 0 {
                points.push(vec![Run::plain(
                    CompareSentence::RolesDifferCount(
                        spreads.iter().filter(|s| s.roles_differ()).count(),
                    )
                    .text(),
                )]);
            }
            points.push(vec![Run::plain(
                CompareSentence::DontKnowCount(spreads.iter().map(|s| s.dont_know).sum()).text(),
            )]);
            blocks.push(Block::BulletList(points));
            paragraph(&mut blocks, ComparePhrase::BoardAdvice.text());
        }
        Mode::System => {
            heading(&mut blocks, 2, Phrase::Summary.text());
            paragraph(
                &mut blocks,
                CompareSentence::SystemSize {
                    results: comparison.entries.len(),
                    organisations: comparison.organisation_count(),
                }
                .text(),
            );
            // Where the system stands, by question; never by organisation.
            let summary = system_summary(comparison, &spreads);
            heading(&mut blocks, 3, ComparePhrase::SystemGapsHeading.text());
            if summary.gaps.is_empty() {
                paragraph(&mut blocks, ComparePhrase::NoSystemGaps.text());
            } else {
                blocks.push(Block::BulletList(
                    summary
                        .gaps
                        .iter()
                        .map(|&(index, counts)| {
                            labelled(
                                &numbered_question(assessment, index),
                                gap_text(comparison, counts),
                            )
                        })
                        .collect(),
                ));
            }
            heading(&mut blocks, 3, ComparePhrase::SystemDifferHeading.text());
            if summary.differ.is_empty() {
                paragraph(&mut blocks, ComparePhrase::NoSystemDiffer.text());
            } else {
                blocks.push(Block::BulletList(
                    summary
                        .differ
                        .iter()
                        .filter_map(|&(index, counts)| {
                            Some(labelled(
                                &numbered_question(assessment, index),
                                differ_text(spreads.get(index)?, counts),
                            ))
                        })
                        .collect(),
                ));
            }
            paragraph(&mut blocks, ComparePhrase::SystemAdvice.text());
            if let Some(warning) = comparison.repeats_warning() {
                blocks.push(Block::Paragraph(labelled(
                    ComparePhrase::RepeatsHeading.text(),
                    warning,
                )));
            }
        }
        Mode::ThenAndNow => {}
    }

    heading(&mut blocks, 2, ComparePhrase::ResultsCompared.text());
    blocks.push(Block::Table(Table {
        caption: ComparePhrase::ResultsCompared.text().to_owned(),
        header: vec![
            ComparePhrase::Name.text().to_owned(),
            ReportPhrase::Organisation.text().to_owned(),
            ReportPhrase::Role.text().to_owned(),
            ReportPhrase::Date.text().to_owned(),
        ],
        rows: comparison
            .entries
            .iter()
            .zip(comparison.labels())
            .map(|(entry, name)| {
                vec![
                    name,
                    entry.organisation.trim().to_owned(),
                    match entry.role {
                        Role::Unspecified => String::new(),
                        role => role.name().to_owned(),
                    },
                    entry.date.map(long_date).unwrap_or_default(),
                ]
            })
            .collect(),
        numeric: Vec::new(),
    }));

    match mode {
        Mode::ThenAndNow => then_and_now_blocks(&mut blocks, comparison),
        Mode::Board | Mode::System => {
            let order: Vec<usize> = if mode == Mode::Board {
                heading(
                    &mut blocks,
                    2,
                    ComparePhrase::QuestionsByDisagreement.text(),
                );
                disagreement_order(&spreads)
            } else {
                heading(&mut blocks, 2, ComparePhrase::Sections.text());
                let mut header = vec![ReportPhrase::Section.text().to_owned()];
                header.extend(comparison.labels());
                header.push(ComparePhrase::RangeOfAverages.text().to_owned());
                blocks.push(Block::Table(Table {
                    caption: ComparePhrase::SystemSectionsCaption.text().to_owned(),
                    header,
                    rows: assessment
                        .sections
                        .iter()
                        .enumerate()
                        .map(|(index, section)| {
                            let tallies = section_tallies(comparison, index);
                            let mut cells = vec![section.title.to_owned()];
                            cells.extend(tallies.iter().map(section_cell));
                            cells.push(tally_range(&tallies).map_or_else(String::new, |(l, h)| {
                                CompareSentence::AverageRange(l, h).text()
                            }));
                            cells
                        })
                        .collect(),
                    numeric: Vec::new(),
                }));
                heading(&mut blocks, 2, ComparePhrase::Questions.text());
                (0..spreads.len()).collect()
            };
            let mut header = vec![ReportPhrase::Question.text().to_owned()];
            header.extend(column_headings(comparison));
            header.extend(
                [
                    ComparePhrase::Range.text(),
                    ComparePhrase::Median.text(),
                    CommonPhrase::DontKnow.text(),
                ]
                .map(String::from),
            );
            let board = mode == Mode::Board;
            if board {
                header.push(ComparePhrase::Disagreement.text().to_owned());
            }
            let dont_know_column = comparison.entries.len() + 3;
            let rows = order
                .into_iter()
                .filter_map(|index| {
                    let spread = spreads.get(index)?;
                    let placed = assessment.question(index)?;
                    let mut cells = vec![format!("{}. {}", index + 1, placed.question.text)];
                    push_spread_cells(&mut cells, comparison, index, spread);
                    Some(cells)
                })
                .collect();
            blocks.push(Block::Table(Table {
                caption: if board {
                    ComparePhrase::BoardTableCaption.text()
                } else {
                    ComparePhrase::SystemTableCaption.text()
                }
                .to_owned(),
                header,
                rows,
                numeric: vec![dont_know_column],
            }));
        }
    }

    heading(&mut blocks, 2, ComparePhrase::HowWorkedOut.text());
    blocks.push(Block::BulletList(
        method(mode).map(|line| vec![Run::plain(line)]).collect(),
    ));
    source(&mut blocks, &assessment.source);

    Paper {
        title: format!("{}: {}", assessment.title, mode.heading()),
        blocks,
    }
}

fn then_and_now_blocks(blocks: &mut Vec<Block>, comparison: &Comparison) {
    let (then, now) = match then_and_now(comparison) {
        Ok(pair) => pair,
        Err(reason) => return paragraph(blocks, reason.to_string()),
    };
    let date = |i: usize| {
        comparison
            .entry(i)
            .and_then(|e| e.date)
            .map(long_date)
            .unwrap_or_default()
    };
    let (then_date, now_date) = (date(then), date(now));
    heading(
        blocks,
        2,
        CompareSentence::ChangeBetween {
            then: &then_date,
            now: &now_date,
        }
        .text(),
    );
    let response =
        |entry: usize, index: usize| comparison.entry(entry).and_then(|e| e.response(index));
    blocks.push(Block::Table(Table {
        caption: ComparePhrase::ThenNowQuestionsCaption.text().to_owned(),
        header: vec![
            ReportPhrase::Question.text().to_owned(),
            CompareSentence::ThenDated(&then_date).text(),
            CompareSentence::NowDated(&now_date).text(),
            ComparePhrase::Change.text().to_owned(),
        ],
        rows: comparison
            .assessment
            .questions()
            .map(|placed| {
                let (a, b) = (response(then, placed.index), response(now, placed.index));
                vec![
                    format!("{}. {}", placed.index + 1, placed.question.text),
                    response_label(a).to_owned(),
                    response_label(b).to_owned(),
                    Change::between(a, b).label(),
                ]
            })
            .collect(),
        numeric: Vec::new(),
    }));
}

/// Reads a compare link payload back and makes its paper (see
/// [`comparison`]). Errors are the compare link's own, worded as on the
/// page.
pub fn comparison_from_payload(
    payload: &str,
    date: Option<&str>,
    link: Option<&str>,
) -> Result<Paper, ShareError> {
    let comparison = crate::compare::codec::decode(payload, crate::content::ASSESSMENTS)?;
    Ok(self::comparison(&comparison, date, link))
}
