//! Result exports for download: Markdown (a board paper), CSV (one row per
//! question, for spreadsheets) and JSON (machine-readable, read back by the
//! comparison view; the format is described in docs/json-schema.md).
//!
//! All three are written by hand: no serde or JSON crate ships in the wasm.
//!
//! Text the user typed (organisation, role, date and notes) is inert in
//! every format:
//! - Markdown: every character Markdown or HTML gives a meaning to inline is
//!   backslash-escaped, control characters become spaces and line breaks
//!   become " / ", so `<script>` shows as literal text and a note can never
//!   end a table cell, start a heading or add a link. Content text is escaped
//!   the same way.
//! - CSV: fields are quoted per RFC 4180, and a cell that a spreadsheet would
//!   read as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage
//!   return) gets a leading apostrophe.
//! - JSON: strings are escaped per RFC 8259, and `<`, `>`, `&`, U+2028 and
//!   U+2029 are written as `\u` escapes too, so the file is inert even if
//!   pasted into an HTML page or a script.
//!
//! Organisation, role, date and notes are trimmed of surrounding whitespace,
//! and text that is empty after trimming counts as not given.

use std::fmt::{self, Write};

use crate::actions::{Commitment, MonthYear, Status};
use crate::model::{Assessment, Level, Source};
use crate::report::{
    METHOD, discussion_order, flag_detail, no_stage_reason, response_label, stage_label,
    tally_sentence,
};
use crate::scoring::{Answers, Response, Tally, score};
use crate::text::actions::{Phrase as ActionPhrase, Sentence as ActionSentence};
use crate::text::common;
use crate::text::report::{Phrase, Sentence};

/// The `format` member of every JSON export.
pub const JSON_FORMAT: &str = "digital-board-assessment-result";

/// The `format_version` member written by [`json`]; bumped only for changes
/// that older readers would misread.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// What the files say besides the answers: who and when, all optional, as
/// the user gave them, and the board's actions.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ExportMeta {
    /// Organisation name or ODS code.
    pub organisation: Option<String>,
    /// The board member's role, e.g. "Non-executive".
    pub role: Option<String>,
    /// The date of the assessment, "YYYY-MM-DD".
    pub date: Option<String>,
    /// The share-link payload, if one was made; carried by the JSON export
    /// only, so the comparison view can decode the result with the share
    /// codec instead of parsing JSON.
    pub share_code: Option<String>,
    /// The board's actions, in the order agreed (none if there are none).
    pub actions: Vec<Commitment>,
}

impl ExportMeta {
    fn organisation(&self) -> Option<&str> {
        given(&self.organisation)
    }

    fn role(&self) -> Option<&str> {
        given(&self.role)
    }

    fn date(&self) -> Option<&str> {
        given(&self.date)
    }

    fn share_code(&self) -> Option<&str> {
        given(&self.share_code)
    }
}

/// The text, trimmed, unless it is missing or blank.
fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// A question's notes, trimmed, unless blank.
fn note(answers: &Answers, index: usize) -> Option<&str> {
    Some(answers.note(index).trim()).filter(|s| !s.is_empty())
}

/// One of the three download formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportFormat {
    /// A board-paper document: [`markdown`].
    Markdown,
    /// One row per question: [`csv`].
    Csv,
    /// Machine-readable, for the comparison view: [`json`].
    Json,
}

impl ExportFormat {
    /// Every format, in the order offered to users.
    pub const ALL: [ExportFormat; 3] = [
        ExportFormat::Markdown,
        ExportFormat::Csv,
        ExportFormat::Json,
    ];

    /// The format's name as shown to users.
    pub fn name(self) -> &'static str {
        Phrase::FormatName(self).text()
    }

    /// What the file is for, in words a board member knows (shown after
    /// the format's name on its button).
    pub fn purpose(self) -> &'static str {
        Phrase::FormatPurpose(self).text()
    }

    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    /// The media type to download the file as.
    pub fn media_type(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "text/markdown;charset=utf-8",
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
        }
    }

    /// The file's contents.
    pub fn render(
        self,
        assessment: &'static Assessment,
        answers: &Answers,
        meta: &ExportMeta,
    ) -> String {
        match self {
            ExportFormat::Markdown => markdown(assessment, answers, meta),
            ExportFormat::Csv => csv(assessment, answers, meta),
            ExportFormat::Json => json(assessment, answers, meta),
        }
    }
}

// ---------------------------------------------------------------------------
// File names
// ---------------------------------------------------------------------------

/// Longest organisation part of a file name, in characters.
const MAX_ORGANISATION_SLUG: usize = 40;

/// Longest assessment part of a file name, in characters.
const MAX_TITLE_SLUG: usize = 60;

/// A download file name made only of `a`–`z`, `0`–`9`, `-` and one `.`:
/// organisation (if given), assessment title and date (if given and in the
/// form YYYY-MM-DD), e.g. `digital-strategy-board-self-assessment-2026-11-21.md`.
///
/// Everything else in the organisation name, such as `/`, `..` or `:`, is
/// dropped, so the name is safe on every operating system. The extension is
/// reduced to lowercase ASCII letters and digits ("txt" if none are left).
pub fn file_name(assessment: &Assessment, meta: &ExportMeta, extension: &str) -> String {
    let mut name = String::new();
    if let Some(organisation) = meta.organisation() {
        name = slug(organisation, MAX_ORGANISATION_SLUG);
    }
    let mut title = slug(assessment.title, MAX_TITLE_SLUG);
    if title.is_empty() {
        title = slug(assessment.id, MAX_TITLE_SLUG);
    }
    if title.is_empty() {
        title = "assessment".to_owned();
    }
    for part in [Some(title.as_str()), meta.date().filter(|d| is_iso_date(d))]
        .into_iter()
        .flatten()
    {
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(part);
    }
    let extension: String = extension
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(10)
        .collect();
    name.push('.');
    name.push_str(if extension.is_empty() {
        "txt"
    } else {
        &extension
    });
    name
}

/// Lowercase ASCII letters and digits, with a single hyphen for each run of
/// anything else; no leading or trailing hyphen; at most `max` characters,
/// cut at a word boundary ("harrogate-and-district-nhs-foundation", not
/// "…-foundation-trus") unless the first word alone is longer.
pub(crate) fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    // Where the last hyphen went: the word boundary to cut back to. (Kept
    // by hand: `rfind` would cost the wasm more than this whole function.)
    let mut last_boundary = None;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() == max {
                if let Some(boundary) = last_boundary {
                    slug.truncate(boundary);
                }
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            if slug.len() + 1 >= max {
                break;
            }
            last_boundary = Some(slug.len());
            slug.push('-');
        }
    }
    slug.truncate(slug.trim_end_matches('-').len());
    slug
}

/// Whether the text is a plausible calendar date written YYYY-MM-DD.
pub(crate) fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| b[range].iter().all(u8::is_ascii_digit);
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' || !digits(0..4) {
        return false;
    }
    if !digits(5..7) || !digits(8..10) {
        return false;
    }
    let month = (b[5] - b'0') * 10 + (b[6] - b'0');
    let day = (b[8] - b'0') * 10 + (b[9] - b'0');
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

// ---------------------------------------------------------------------------
// Markdown
// ---------------------------------------------------------------------------

/// The result as a board-paper style Markdown document: who and when, the
/// overall stage, assurance gaps, consistency flags, scores by section,
/// every answer with its notes, the points for discussion, how it was scored
/// and where the questions come from.
pub fn markdown(assessment: &'static Assessment, answers: &Answers, meta: &ExportMeta) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_markdown(&mut out, assessment, answers, meta);
    out
}

fn write_markdown(
    out: &mut String,
    assessment: &'static Assessment,
    answers: &Answers,
    meta: &ExportMeta,
) -> fmt::Result {
    let results = score(assessment, answers);
    let overall = &results.overall;

    writeln!(
        out,
        "# {}",
        md(&Sentence::ResultsTitle(assessment.title).text())
    )?;
    writeln!(out)?;
    for (label, value) in [
        (Phrase::Organisation, meta.organisation()),
        (Phrase::Role, meta.role()),
        (Phrase::Date, meta.date()),
    ] {
        if let Some(value) = value {
            writeln!(out, "- **{}:** {}", label.text(), md(value))?;
        }
    }
    writeln!(
        out,
        "- **{}:** {}",
        Phrase::Assessment.text(),
        md(&Sentence::AssessmentVersion {
            id: assessment.id,
            version: assessment.version
        }
        .text())
    )?;
    writeln!(out)?;

    writeln!(
        out,
        "## {}: {}",
        Phrase::OverallStage.text(),
        stage_label(overall)
    )?;
    writeln!(out)?;
    writeln!(out, "{}", md(&tally_sentence(overall)))?;
    writeln!(out)?;
    if let Some(reason) = no_stage_reason(overall) {
        writeln!(out, "{}", md(&reason))?;
        writeln!(out)?;
    }
    let gaps = results.assurance_gaps.len() as u32;
    if gaps == 0 {
        line(out, Phrase::NoAssuranceGaps.text());
    } else {
        writeln!(out, "{}", Sentence::AssuranceGaps(gaps).text())?;
    }
    if overall.unanswered > 0 {
        writeln!(out)?;
        writeln!(out, "{}", Sentence::NotAnswered(overall.unanswered).text())?;
    }
    writeln!(out)?;

    if !assessment.consistency_checks.is_empty() {
        heading(out, Phrase::AnswersThatDisagree.text());
        writeln!(out)?;
        if results.flags.is_empty() {
            line(out, Phrase::NoFlags.text());
            writeln!(out)?;
        }
        for flag in &results.flags {
            writeln!(
                out,
                "**{}:** {}",
                Phrase::Important.text(),
                md(flag.check.message)
            )?;
            writeln!(out)?;
            writeln!(out, "{}", md(&flag_detail(assessment, &results, flag)))?;
            writeln!(out)?;
        }
    }

    heading(out, Phrase::ScoresBySection.text());
    writeln!(out)?;
    writeln!(
        out,
        "| {} | {} | {} | {} |",
        Phrase::Section.text(),
        Phrase::Stage.text(),
        Phrase::Score.text(),
        common::Phrase::DontKnow.text()
    )?;
    writeln!(out, "| --- | --- | --- | ---: |")?;
    for (section, tally) in assessment.sections.iter().zip(&results.sections) {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(section.title),
            stage_label(tally),
            Sentence::SectionScore(tally).text(),
            tally.dont_know
        )?;
    }
    writeln!(out)?;

    heading(out, Phrase::AnswersByQuestion.text());
    writeln!(out)?;
    writeln!(
        out,
        "| {} | {} | {} | {} | {} |",
        Phrase::Number.text(),
        Phrase::Section.text(),
        Phrase::Question.text(),
        Phrase::Answer.text(),
        Phrase::Notes.text()
    )?;
    writeln!(out, "| ---: | --- | --- | --- | --- |")?;
    for placed in assessment.questions() {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            placed.index + 1,
            md(section_title(assessment, placed.section)),
            md(placed.question.text),
            md(response_label(answers.response(placed.index))),
            md(note(answers, placed.index).unwrap_or(""))
        )?;
    }
    writeln!(out)?;

    heading(out, Phrase::ForDiscussion.text());
    writeln!(out)?;
    let discussion = discussion_order(answers);
    if discussion.is_empty() {
        line(out, Phrase::AllEmbedded.text());
    } else {
        line(out, Phrase::DiscussionOrder.text());
        for (n, placed) in discussion
            .iter()
            .filter_map(|&i| assessment.question(i))
            .enumerate()
        {
            let marker = format!("{}. ", n + 1);
            let indent = " ".repeat(marker.len());
            writeln!(out)?;
            writeln!(out, "{marker}**{}**", md(placed.question.text))?;
            writeln!(out)?;
            let reference = Sentence::QuestionReference {
                number: placed.index + 1,
                section: section_title(assessment, placed.section),
                answer: response_label(answers.response(placed.index)),
            };
            writeln!(out, "{indent}{}", md(&reference.text()))?;
            writeln!(out)?;
            writeln!(out, "{indent}{}", md(placed.question.discuss))?;
            if let Some(note) = note(answers, placed.index) {
                writeln!(out)?;
                writeln!(out, "{indent}{}: {}", Phrase::Notes.text(), md(note))?;
            }
        }
    }
    writeln!(out)?;

    if !meta.actions.is_empty() {
        write_actions(out, assessment, &meta.actions)?;
    }

    heading(out, Phrase::HowWeScored.text());
    for paragraph in METHOD {
        writeln!(out)?;
        writeln!(out, "{}", md(paragraph))?;
    }
    writeln!(out)?;

    writeln!(out, "---")?;
    writeln!(out)?;
    writeln!(out, "{}", source_line(&assessment.source))
}

/// The board's actions as a Markdown table.
fn write_actions(out: &mut String, assessment: &Assessment, actions: &[Commitment]) -> fmt::Result {
    heading(out, ActionPhrase::Heading.text());
    writeln!(out)?;
    let columns = ActionPhrase::COLUMNS.map(ActionPhrase::text);
    writeln!(out, "| {} |", columns.join(" | "))?;
    writeln!(out, "| ---: | --- | --- | --- | --- | --- | --- |")?;
    for (number, action) in actions.iter().enumerate() {
        let [what, lead, due, measure, questions, status] = action_fields(assessment, action);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} |",
            number + 1,
            md(&what),
            md(&lead),
            md(&due),
            md(&measure),
            md(&questions),
            md(&status)
        )?;
    }
    writeln!(out)
}

/// An action's fields as the files show them: what, lead, the due month
/// ("March 2027", "" if none), how the board will know, the questions'
/// numbers ("2, 5") and the status ("" if none).
pub fn action_fields(assessment: &Assessment, action: &Commitment) -> [String; 6] {
    let questions: Vec<String> = action
        .questions
        .iter()
        .filter(|&&q| q < assessment.question_count())
        .map(|q| (q + 1).to_string())
        .collect();
    [
        action.what.clone(),
        action.lead.clone(),
        action
            .by
            .map(|by| ActionSentence::MonthYear(by).text())
            .unwrap_or_default(),
        action.measure.clone(),
        questions.join(", "),
        action
            .status
            .map(|s| s.name().to_owned())
            .unwrap_or_default(),
    ]
}

/// The credit closing every Markdown paper (results and comparisons):
/// "Source: *title*, publisher, published (<url>). credit".
pub(crate) fn source_line(source: &Source) -> String {
    format!(
        "{}: *{}*, {}, {} ({}). {}",
        Phrase::Source.text(),
        md(source.title),
        md(source.publisher),
        md(source.published),
        md_url(source.url),
        md(source.credit)
    )
}

/// A Markdown heading of the second level, as its own line. (Written out
/// rather than by `writeln!`: one call per heading costs the wasm less.)
pub(crate) fn heading(out: &mut String, text: &str) {
    out.push_str("## ");
    line(out, text);
}

/// `text` as a line of its own.
pub(crate) fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}

/// A section's title, by position ("" if there is none).
fn section_title(assessment: &Assessment, section: usize) -> &'static str {
    assessment.sections.get(section).map_or("", |s| s.title)
}

/// Text as inert Markdown on one line, safe in a paragraph, list item or
/// table cell: lines are trimmed and joined with " / ", other control
/// characters become spaces, bidirectional controls are removed (so a
/// right-to-left override in a name cannot reverse the paper's words after
/// it: [`crate::bidi`]), and every character that Markdown or HTML could
/// give a meaning inline is backslash-escaped.
pub(crate) fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        if !out.is_empty() {
            out.push_str(" / ");
        }
        for c in line.chars() {
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' | '&' | '!'
                | '$' => {
                    out.push('\\');
                    out.push(c);
                }
                c if c.is_control() => out.push(' '),
                c if crate::bidi::is_control(c) => {}
                c => out.push(c),
            }
        }
    }
    out
}

/// A URL as a Markdown autolink, or as escaped text if it cannot be one.
pub(crate) fn md_url(url: &str) -> String {
    if !url.is_empty()
        && url
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b'<' && b != b'>')
    {
        format!("<{url}>")
    } else {
        md(url)
    }
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// The CSV header row's column names.
pub const CSV_COLUMNS: [&str; 20] = [
    "assessment_id",
    "assessment_version",
    "organisation",
    "role",
    "date",
    "question_number",
    "question_id",
    "section",
    "question",
    "answer",
    "points",
    "notes",
    "record",
    "action_number",
    "action",
    "action_lead",
    "action_due",
    "action_measure",
    "action_questions",
    "action_status",
];

/// The `record` of a question's row and of an action's row.
const CSV_QUESTION: &str = "question";
const CSV_ACTION: &str = "action";

/// The result as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte order mark
/// so Excel reads it as UTF-8): a header row ([`CSV_COLUMNS`]), then one row
/// per question in order (`record` "question"). `answer` is the label shown
/// on the results page ("Absent", "Siloed", "Embedded", "Don’t know" or "Not
/// answered"); `points` is 0, 1 or 2, and empty without a level. Then one
/// row per action of the board (`record` "action"), with the assessment,
/// organisation, role and date, the question columns empty, and the
/// action's number, text, lead, due month (YYYY-MM), measure, the numbers of
/// the questions it answers ("2; 5") and its status (last column).
pub fn csv(assessment: &'static Assessment, answers: &Answers, meta: &ExportMeta) -> String {
    let mut out = String::from('\u{feff}');
    csv_row(&mut out, CSV_COLUMNS);
    let version = assessment.version.to_string();
    let organisation = meta.organisation().unwrap_or("");
    let role = meta.role().unwrap_or("");
    let date = meta.date().unwrap_or("");
    for placed in assessment.questions() {
        let response = answers.response(placed.index);
        let number = (placed.index + 1).to_string();
        let points = response
            .and_then(Response::level)
            .map_or(String::new(), |level| level.points().to_string());
        csv_row(
            &mut out,
            [
                assessment.id,
                &version,
                organisation,
                role,
                date,
                &number,
                placed.question.id,
                assessment.sections[placed.section].title,
                placed.question.text,
                response_label(response),
                &points,
                note(answers, placed.index).unwrap_or(""),
                CSV_QUESTION,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
        );
    }
    for (number, action) in meta.actions.iter().enumerate() {
        let [what, lead, _, measure, _, status] = action_fields(assessment, action);
        let due = action.by.map(MonthYear::iso).unwrap_or_default();
        let questions: Vec<String> = action
            .questions
            .iter()
            .map(|q| (q + 1).to_string())
            .collect();
        let number = (number + 1).to_string();
        csv_row(
            &mut out,
            [
                assessment.id,
                &version,
                organisation,
                role,
                date,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                CSV_ACTION,
                &number,
                &what,
                &lead,
                &due,
                &measure,
                &questions.join("; "),
                &status,
            ],
        );
    }
    out
}

pub(crate) fn csv_row<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        csv_field(out, field.as_ref());
    }
    out.push_str("\r\n");
}

/// One field: bidirectional controls removed ([`crate::bidi`]: a
/// right-to-left override must not reverse a cell, nor hide a formula's
/// '=' behind it), an apostrophe before anything a spreadsheet would run as
/// a formula, then quoted (quotes doubled) if it holds a comma, quote or
/// line break.
pub(crate) fn csv_field(out: &mut String, field: &str) {
    let field = crate::bidi::without_controls(field);
    let formula = field.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let quoted = field.contains([',', '"', '\r', '\n']);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    for c in field.chars() {
        if c == '"' {
            out.push('"');
        }
        out.push(c);
    }
    if quoted {
        out.push('"');
    }
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

/// A JSON value, borrowed from the assessment, answers and meta.
pub(crate) enum Json<'a> {
    Null,
    Number(u32),
    String(&'a str),
    /// Text made on the fly, or null.
    Owned(Option<String>),
    Array(Vec<Json<'a>>),
    Object(Vec<(&'static str, Json<'a>)>),
}

impl<'a> Json<'a> {
    pub(crate) fn text(value: Option<&'a str>) -> Json<'a> {
        value.map_or(Json::Null, Json::String)
    }

    fn stage(tally: &Tally) -> Json<'static> {
        Json::text(tally.stage().map(Level::name))
    }

    /// Pretty-printed, two spaces per level, nested values starting at
    /// `indent`.
    pub(crate) fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Number(n) => out.push_str(&n.to_string()),
            Json::String(s) => json_string(out, s),
            Json::Owned(Some(s)) => json_string(out, s),
            Json::Owned(None) => out.push_str("null"),
            Json::Array(items) if items.is_empty() => out.push_str("[]"),
            Json::Object(members) if members.is_empty() => out.push_str("{}"),
            Json::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    json_break(out, i > 0, indent + 1);
                    item.write(out, indent + 1);
                }
                json_break(out, false, indent);
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    json_break(out, i > 0, indent + 1);
                    json_string(out, key);
                    out.push_str(": ");
                    value.write(out, indent + 1);
                }
                json_break(out, false, indent);
                out.push('}');
            }
        }
    }
}

fn json_break(out: &mut String, comma: bool, indent: usize) {
    if comma {
        out.push(',');
    }
    out.push('\n');
    for _ in 0..indent {
        out.push_str("  ");
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, and
/// `<`, `>`, `&`, U+2028 and U+2029 too so that it is inert in HTML and
/// script; all other characters as UTF-8.
pub(crate) fn json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0'..='\u{1f}' | '\u{7f}' | '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The answer's key in JSON.
pub(crate) fn answer_key(response: Option<Response>) -> Option<&'static str> {
    match response? {
        Response::Level(level) => Some(level.key()),
        Response::DontKnow => Some("dont_know"),
    }
}

/// The board's actions in JSON: number, what, lead, due ("YYYY-MM" or
/// null), measure (null if none), the ids of the questions it answers, and
/// status (`not_started`, `in_progress`, `done`, `dropped` or null).
fn json_actions<'a>(assessment: &'static Assessment, actions: &'a [Commitment]) -> Vec<Json<'a>> {
    actions
        .iter()
        .enumerate()
        .map(|(i, action)| {
            let questions = action
                .questions
                .iter()
                .filter_map(|&q| assessment.question(q))
                .map(|p| Json::String(p.question.id))
                .collect();
            Json::Object(vec![
                ("number", Json::Number(i as u32 + 1)),
                ("what", Json::String(&action.what)),
                ("lead", Json::String(&action.lead)),
                ("due", Json::Owned(action.by.map(MonthYear::iso))),
                (
                    "measure",
                    Json::text(Some(action.measure.as_str()).filter(|m| !m.is_empty())),
                ),
                ("question_ids", Json::Array(questions)),
                ("status", Json::text(action.status.map(Status::key))),
            ])
        })
        .collect()
}

/// The tally's counts, as in `overall` and each of `sections`.
fn tally_members(tally: &Tally) -> [(&'static str, Json<'static>); 5] {
    [
        ("stage", Json::stage(tally)),
        ("points", Json::Number(tally.points)),
        ("max_points", Json::Number(tally.max_points())),
        ("scored", Json::Number(tally.scored)),
        ("dont_know", Json::Number(tally.dont_know)),
    ]
}

/// The result as JSON (RFC 8259), pretty-printed with a two-space indent:
/// the format tag and version, the assessment's id, version and title, who
/// and when, the share-link payload, overall and section tallies, every
/// answer with its notes, the consistency flags and the board's actions. The format is described
/// in docs/json-schema.md; readers match answers by `question_id`.
pub fn json(assessment: &'static Assessment, answers: &Answers, meta: &ExportMeta) -> String {
    let results = score(assessment, answers);
    let sections = assessment
        .sections
        .iter()
        .zip(&results.sections)
        .map(|(section, tally)| {
            let mut members = vec![
                ("id", Json::String(section.id)),
                ("title", Json::String(section.title)),
            ];
            members.extend(tally_members(tally));
            Json::Object(members)
        })
        .collect();
    let answer_list = assessment
        .questions()
        .map(|placed| {
            let response = answers.response(placed.index);
            Json::Object(vec![
                ("question_id", Json::String(placed.question.id)),
                (
                    "section_id",
                    Json::String(assessment.sections[placed.section].id),
                ),
                ("number", Json::Number(placed.index as u32 + 1)),
                ("question", Json::String(placed.question.text)),
                ("answer", Json::text(answer_key(response))),
                (
                    "points",
                    response
                        .and_then(Response::level)
                        .map_or(Json::Null, |level| Json::Number(level.points())),
                ),
                ("notes", Json::text(note(answers, placed.index))),
            ])
        })
        .collect();
    let flags = results
        .flags
        .iter()
        .map(|flag| {
            Json::Object(vec![
                (
                    "question_id",
                    Json::text(
                        assessment
                            .question(flag.check.question)
                            .map(|p| p.question.id),
                    ),
                ),
                (
                    "section_id",
                    Json::String(assessment.sections[flag.check.section].id),
                ),
                ("message", Json::String(flag.check.message)),
            ])
        })
        .collect();
    let document = Json::Object(vec![
        ("format", Json::String(JSON_FORMAT)),
        ("format_version", Json::Number(JSON_FORMAT_VERSION)),
        (
            "assessment",
            Json::Object(vec![
                ("id", Json::String(assessment.id)),
                ("version", Json::Number(u32::from(assessment.version))),
                ("title", Json::String(assessment.title)),
            ]),
        ),
        ("organisation", Json::text(meta.organisation())),
        ("role", Json::text(meta.role())),
        ("date", Json::text(meta.date())),
        ("share_code", Json::text(meta.share_code())),
        (
            "overall",
            Json::Object(tally_members(&results.overall).into()),
        ),
        ("sections", Json::Array(sections)),
        ("answers", Json::Array(answer_list)),
        ("consistency_flags", Json::Array(flags)),
        (
            "actions",
            Json::Array(json_actions(assessment, &meta.actions)),
        ),
    ]);
    let mut out = String::new();
    document.write(&mut out, 0);
    out.push('\n');
    out
}
