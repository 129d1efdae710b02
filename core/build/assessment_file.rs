//! Reading, validating and code-generating `assessments/*.toml`.
//!
//! This file is not part of the library: `build.rs` includes it to turn the
//! content files into Rust statics at build time (so no TOML parser ships in
//! the wasm), and `tests/content_files.rs` includes it to test the validator
//! against broken fixtures. Every error names the file, line, column and
//! reason.

use serde::Deserialize;
use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// Most questions one assessment may have; the share link packs answers
/// into a fixed-size bit field, so this keeps links short.
pub const MAX_QUESTIONS: usize = 60;

/// Where and why a content file is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file as named to the validator (e.g. `assessments/x.toml`).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column number.
    pub column: usize,
    /// What is wrong, in plain words.
    pub reason: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.reason
        )
    }
}

/// One assessment file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssessmentFile {
    pub id: Spanned<String>,
    pub version: Spanned<i64>,
    pub title: Spanned<String>,
    #[serde(default)]
    pub default: bool,
    pub description: Spanned<String>,
    pub source: SourceEntry,
    pub stages: StagesEntry,
    pub sections: Spanned<Vec<SectionEntry>>,
    #[serde(default)]
    pub consistency: Vec<ConsistencyEntry>,
    /// What makes a good commitment, for the board's actions (optional).
    #[serde(default)]
    pub commitments: Option<CommitmentsEntry>,
    /// Each earlier content version's question ids, so results made with
    /// it open in this one (one entry per version from 1 to `version - 1`).
    #[serde(default)]
    pub earlier_versions: Vec<EarlierVersionEntry>,
}

/// An earlier content version: its question ids in its order, which of
/// them were reworded since, and which rewordings kept the meaning.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EarlierVersionEntry {
    pub version: Spanned<i64>,
    /// Every question id of that version, in its order.
    pub questions: Spanned<Vec<Spanned<String>>>,
    /// Ids in both that version and this one whose wording has changed
    /// since; every other id in both is worded as it was.
    pub reworded: Spanned<Vec<Spanned<String>>>,
    /// Of `reworded`, the ones whose meaning did not change: their answers
    /// are kept. Answers to the other reworded questions are left out.
    pub same_meaning: Spanned<Vec<Spanned<String>>>,
}

/// The signs of a good commitment (quoted from the source) and the words
/// the automatic "outcome-focused" prompt looks for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitmentsEntry {
    pub signs: Spanned<Vec<SignEntry>>,
    pub technology_words: Spanned<Vec<String>>,
    pub outcome_words: Spanned<Vec<String>>,
}

/// One sign of a good commitment.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignEntry {
    pub id: Spanned<String>,
    pub name: Spanned<String>,
    pub guidance: Spanned<String>,
}

/// The publication the questions come from.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    pub title: Spanned<String>,
    pub publisher: Spanned<String>,
    pub published: Spanned<String>,
    pub url: Spanned<String>,
    /// What is quoted from the publication and what was written for the
    /// assessment, in a sentence or two: shown with every result.
    pub credit: Spanned<String>,
}

/// What each overall stage means, one sentence each: shown first with a
/// result, beside its stage.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StagesEntry {
    pub absent: Spanned<String>,
    pub siloed: Spanned<String>,
    pub embedded: Spanned<String>,
}

/// A section of questions.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub intro: Spanned<String>,
    pub questions: Spanned<Vec<QuestionEntry>>,
}

/// A question with its three level descriptors.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub id: Spanned<String>,
    pub text: Spanned<String>,
    pub hint: Spanned<String>,
    pub absent: Spanned<String>,
    pub siloed: Spanned<String>,
    pub embedded: Spanned<String>,
    pub discuss: Spanned<String>,
}

impl EarlierVersionEntry {
    /// That version's question ids, in its order.
    pub fn question_ids(&self) -> Vec<&str> {
        self.questions
            .get_ref()
            .iter()
            .map(|id| id.get_ref().as_str())
            .collect()
    }

    /// The reworded ids not listed as `same_meaning`: their answers are
    /// left out.
    pub fn changed_meaning(&self) -> Vec<&str> {
        let same = |id: &&Spanned<String>| {
            self.same_meaning
                .get_ref()
                .iter()
                .any(|s| s.get_ref() == id.get_ref())
        };
        (self.reworded.get_ref().iter())
            .filter(|id| !same(id))
            .map(|id| id.get_ref().as_str())
            .collect()
    }
}

/// A pair of answers expected to agree (a question and a section's stage).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyEntry {
    pub question: Spanned<String>,
    pub section: Spanned<String>,
    pub message: Spanned<String>,
}

/// A parsed and validated file, with the name it was read from.
#[derive(Debug)]
pub struct CheckedFile {
    pub name: String,
    pub source: String,
    pub content: AssessmentFile,
}

impl CheckedFile {
    fn diagnostic(&self, span: Range<usize>, reason: impl Into<String>) -> Diagnostic {
        diagnostic_at(&self.name, &self.source, span.start, reason)
    }
}

fn diagnostic_at(file: &str, source: &str, offset: usize, reason: impl Into<String>) -> Diagnostic {
    let offset = offset.min(source.len());
    let before = &source[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map_or(0, |tail| tail.chars().count())
        + 1;
    Diagnostic {
        file: file.to_owned(),
        line,
        column,
        reason: reason.into(),
    }
}

/// Parses one file and checks everything that can be checked within it.
pub fn check_file(name: &str, source: &str) -> Result<CheckedFile, Diagnostic> {
    let content: AssessmentFile = toml::from_str(source).map_err(|error| {
        let offset = error.span().map_or(0, |span| span.start);
        diagnostic_at(name, source, offset, error.message().trim().to_owned())
    })?;
    let file = CheckedFile {
        name: name.to_owned(),
        source: source.to_owned(),
        content,
    };
    validate(&file)?;
    Ok(file)
}

fn require_id(file: &CheckedFile, what: &str, value: &Spanned<String>) -> Result<(), Diagnostic> {
    let id = value.get_ref();
    let well_formed = !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if well_formed {
        Ok(())
    } else {
        Err(file.diagnostic(
            value.span(),
            format!(
                "{what} {id:?} is not a valid id: use 1 to 40 lowercase letters, digits and \
                 hyphens (kebab-case), not starting or ending with a hyphen"
            ),
        ))
    }
}

fn require_text(file: &CheckedFile, what: &str, value: &Spanned<String>) -> Result<(), Diagnostic> {
    let text = value.get_ref();
    if text.trim().is_empty() {
        return Err(file.diagnostic(value.span(), format!("{what} must not be empty")));
    }
    if let Some(bad) = text.find(['<', '>']) {
        return Err(file.diagnostic(
            value.span(),
            format!(
                "{what} contains {:?}: content is plain text, HTML and markup are not allowed",
                &text[bad..bad + 1]
            ),
        ));
    }
    Ok(())
}

fn validate(file: &CheckedFile) -> Result<(), Diagnostic> {
    let content = &file.content;
    require_id(file, "assessment id", &content.id)?;
    let version = *content.version.get_ref();
    if !(1..=65_535).contains(&version) {
        return Err(file.diagnostic(
            content.version.span(),
            format!("version {version} is out of range: use a whole number from 1 to 65535"),
        ));
    }
    require_text(file, "title", &content.title)?;
    require_text(file, "description", &content.description)?;
    let source = &content.source;
    require_text(file, "source title", &source.title)?;
    require_text(file, "source publisher", &source.publisher)?;
    require_text(file, "source published", &source.published)?;
    require_text(file, "source url", &source.url)?;
    require_text(file, "source credit", &source.credit)?;
    require_text(file, "stages absent", &content.stages.absent)?;
    require_text(file, "stages siloed", &content.stages.siloed)?;
    require_text(file, "stages embedded", &content.stages.embedded)?;
    if !source.url.get_ref().starts_with("https://") {
        return Err(file.diagnostic(source.url.span(), "source url must start with https://"));
    }

    let sections = content.sections.get_ref();
    if sections.is_empty() {
        return Err(file.diagnostic(
            content.sections.span(),
            "an assessment needs at least one section",
        ));
    }
    let mut section_ids: Vec<&str> = Vec::new();
    let mut question_ids: Vec<&str> = Vec::new();
    for section in sections {
        require_id(file, "section id", &section.id)?;
        if section_ids.contains(&section.id.get_ref().as_str()) {
            return Err(file.diagnostic(
                section.id.span(),
                format!(
                    "section id {:?} is used twice: ids must be unique",
                    section.id.get_ref()
                ),
            ));
        }
        section_ids.push(section.id.get_ref());
        require_text(file, "section title", &section.title)?;
        require_text(file, "section intro", &section.intro)?;
        if section.questions.get_ref().is_empty() {
            return Err(file.diagnostic(
                section.questions.span(),
                format!("section {:?} has no questions", section.id.get_ref()),
            ));
        }
        for question in section.questions.get_ref() {
            require_id(file, "question id", &question.id)?;
            if question_ids.contains(&question.id.get_ref().as_str()) {
                return Err(file.diagnostic(
                    question.id.span(),
                    format!(
                        "question id {:?} is used twice: ids must be unique in an assessment",
                        question.id.get_ref()
                    ),
                ));
            }
            question_ids.push(question.id.get_ref());
            require_text(file, "question text", &question.text)?;
            require_text(file, "hint", &question.hint)?;
            require_text(file, "absent", &question.absent)?;
            require_text(file, "siloed", &question.siloed)?;
            require_text(file, "embedded", &question.embedded)?;
            require_text(file, "discuss", &question.discuss)?;
            let levels = [&question.absent, &question.siloed, &question.embedded];
            for (i, level) in levels.iter().enumerate() {
                if levels[..i]
                    .iter()
                    .any(|earlier| earlier.get_ref().trim() == level.get_ref().trim())
                {
                    return Err(file.diagnostic(
                        level.span(),
                        "each level needs its own descriptor: this one repeats an earlier level's text",
                    ));
                }
            }
        }
    }
    if question_ids.len() > MAX_QUESTIONS {
        return Err(file.diagnostic(
            content.sections.span(),
            format!(
                "{} questions is too many: an assessment may have at most {MAX_QUESTIONS}",
                question_ids.len()
            ),
        ));
    }

    if let Some(commitments) = &content.commitments {
        validate_commitments(file, commitments)?;
    }
    validate_earlier_versions(file, version, &question_ids)?;

    for check in &content.consistency {
        let Some(section) = sections
            .iter()
            .find(|s| s.id.get_ref() == check.section.get_ref())
        else {
            return Err(file.diagnostic(
                check.section.span(),
                format!(
                    "consistency check names section {:?}, which does not exist",
                    check.section.get_ref()
                ),
            ));
        };
        if !question_ids.contains(&check.question.get_ref().as_str()) {
            return Err(file.diagnostic(
                check.question.span(),
                format!(
                    "consistency check names question {:?}, which does not exist",
                    check.question.get_ref()
                ),
            ));
        }
        if section
            .questions
            .get_ref()
            .iter()
            .any(|q| q.id.get_ref() == check.question.get_ref())
        {
            return Err(file.diagnostic(
                check.question.span(),
                format!(
                    "consistency check compares question {:?} with its own section {:?}: pick a question from another section",
                    check.question.get_ref(),
                    check.section.get_ref()
                ),
            ));
        }
        require_text(file, "consistency message", &check.message)?;
    }
    Ok(())
}

/// Checks `[[earlier_versions]]`: one entry for each version before this
/// one, each listing that version's question ids once, and `reworded` and
/// `same_meaning` naming only questions they can apply to.
fn validate_earlier_versions(
    file: &CheckedFile,
    version: i64,
    current_ids: &[&str],
) -> Result<(), Diagnostic> {
    let earlier = &file.content.earlier_versions;
    let mut seen: Vec<i64> = Vec::new();
    for entry in earlier {
        let number = *entry.version.get_ref();
        if number < 1 || number >= version {
            return Err(file.diagnostic(
                entry.version.span(),
                format!(
                    "earlier version {number} is not an earlier version: use a whole number \
                     from 1 to {}, below this file's version {version}",
                    version - 1
                ),
            ));
        }
        if seen.contains(&number) {
            return Err(file.diagnostic(
                entry.version.span(),
                format!("earlier version {number} is listed twice: list each version once"),
            ));
        }
        seen.push(number);
        let questions = entry.questions.get_ref();
        if questions.is_empty() {
            return Err(file.diagnostic(
                entry.questions.span(),
                format!("earlier version {number} lists no questions: list its question ids"),
            ));
        }
        if questions.len() > MAX_QUESTIONS {
            return Err(file.diagnostic(
                entry.questions.span(),
                format!(
                    "earlier version {number} lists {} questions: a version may have at most \
                     {MAX_QUESTIONS}",
                    questions.len()
                ),
            ));
        }
        let ids = check_id_list(file, number, "questions", questions)?;
        let reworded = check_id_list(file, number, "reworded", entry.reworded.get_ref())?;
        for id in entry.reworded.get_ref() {
            if !ids.contains(&id.get_ref().as_str()) {
                return Err(file.diagnostic(
                    id.span(),
                    format!(
                        "reworded names {:?}, which earlier version {number} does not list in \
                         its questions",
                        id.get_ref()
                    ),
                ));
            }
            if !current_ids.contains(&id.get_ref().as_str()) {
                return Err(file.diagnostic(
                    id.span(),
                    format!(
                        "reworded names {:?}, which is not a question in this version: a \
                         removed question is left out without being listed",
                        id.get_ref()
                    ),
                ));
            }
        }
        check_id_list(file, number, "same_meaning", entry.same_meaning.get_ref())?;
        for id in entry.same_meaning.get_ref() {
            if !reworded.contains(&id.get_ref().as_str()) {
                return Err(file.diagnostic(
                    id.span(),
                    format!(
                        "same_meaning names {:?}, which earlier version {number} does not list \
                         as reworded: list it in reworded too, or remove it here",
                        id.get_ref()
                    ),
                ));
            }
        }
    }
    if let Some(missing) = (1..version).find(|v| !seen.contains(v)) {
        return Err(file.diagnostic(
            file.content.version.span(),
            format!(
                "version {version} needs an [[earlier_versions]] entry for version {missing}: \
                 list its question ids, so results made with it still open"
            ),
        ));
    }
    Ok(())
}

/// Checks a list of question ids in an earlier version: each well formed
/// and listed once. Returns the ids.
fn check_id_list<'a>(
    file: &CheckedFile,
    version: i64,
    what: &str,
    ids: &'a [Spanned<String>],
) -> Result<Vec<&'a str>, Diagnostic> {
    let mut seen: Vec<&str> = Vec::new();
    for id in ids {
        require_id(file, &format!("{what} id"), id)?;
        if seen.contains(&id.get_ref().as_str()) {
            return Err(file.diagnostic(
                id.span(),
                format!(
                    "{what} of earlier version {version} lists {:?} twice: list each id once",
                    id.get_ref()
                ),
            ));
        }
        seen.push(id.get_ref());
    }
    Ok(seen)
}

/// The signs the widget's automatic prompts name (see `core::actions`):
/// an assessment that lists signs lists each of these once.
const PROMPTED_SIGNS: [&str; 4] = [
    "measurable",
    "outcome-focused",
    "time-bound",
    "limited-in-number",
];

fn validate_commitments(
    file: &CheckedFile,
    commitments: &CommitmentsEntry,
) -> Result<(), Diagnostic> {
    let signs = commitments.signs.get_ref();
    let mut ids: Vec<&str> = Vec::new();
    for sign in signs {
        require_id(file, "commitment sign id", &sign.id)?;
        if ids.contains(&sign.id.get_ref().as_str()) {
            return Err(file.diagnostic(
                sign.id.span(),
                format!("commitment sign id {:?} is used twice", sign.id.get_ref()),
            ));
        }
        ids.push(sign.id.get_ref());
        require_text(file, "commitment sign name", &sign.name)?;
        require_text(file, "commitment sign guidance", &sign.guidance)?;
    }
    if let Some(missing) = PROMPTED_SIGNS.iter().find(|id| !ids.contains(id)) {
        return Err(file.diagnostic(
            commitments.signs.span(),
            format!("commitment signs must include {missing:?}: the widget's prompts name it"),
        ));
    }
    for (what, words) in [
        ("technology_words", &commitments.technology_words),
        ("outcome_words", &commitments.outcome_words),
    ] {
        if words.get_ref().is_empty() {
            return Err(
                file.diagnostic(words.span(), format!("{what} must list at least one word"))
            );
        }
        if let Some(bad) = words
            .get_ref()
            .iter()
            .find(|w| w.trim().is_empty() || w.trim() != w.as_str())
        {
            return Err(file.diagnostic(
                words.span(),
                format!(
                    "{what} has {bad:?}: each entry is a word or phrase without surrounding spaces"
                ),
            ));
        }
    }
    Ok(())
}

/// Checks rules that span files: unique assessment ids and exactly one default.
pub fn check_set(files: &[CheckedFile]) -> Result<(), Diagnostic> {
    if files.is_empty() {
        return Err(Diagnostic {
            file: "assessments/".to_owned(),
            line: 1,
            column: 1,
            reason: "no assessment files (*.toml) found: at least one is needed".to_owned(),
        });
    }
    for (i, file) in files.iter().enumerate() {
        if let Some(first) = files[..i]
            .iter()
            .find(|f| f.content.id.get_ref() == file.content.id.get_ref())
        {
            return Err(file.diagnostic(
                file.content.id.span(),
                format!(
                    "assessment id {:?} is already used by {}",
                    file.content.id.get_ref(),
                    first.name
                ),
            ));
        }
    }
    let defaults: Vec<&CheckedFile> = files.iter().filter(|f| f.content.default).collect();
    match defaults.as_slice() {
        [_] => Ok(()),
        [] => Err(Diagnostic {
            file: files[0].name.clone(),
            line: 1,
            column: 1,
            reason: "no assessment sets `default = true`: exactly one file must".to_owned(),
        }),
        [_, second, ..] => Err(Diagnostic {
            file: second.name.clone(),
            line: 1,
            column: 1,
            reason: format!(
                "more than one assessment sets `default = true` ({}): exactly one may",
                defaults
                    .iter()
                    .map(|f| f.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
    }
}

fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

fn tidy(text: &Spanned<String>) -> String {
    text.get_ref()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Rust source declaring `ASSESSMENTS`, for `include!` in `src/core/content.rs`.
pub fn generate_rust(files: &[CheckedFile]) -> String {
    use std::fmt::Write;
    let mut out = String::from("/// Every assessment in `assessments/`, in file-name order.\n");
    out.push_str("pub static ASSESSMENTS: &[Assessment] = &[\n");
    for file in files {
        let c = &file.content;
        let sections = c.sections.get_ref();
        let _ = writeln!(
            out,
            "Assessment {{ id: {:?}, version: {}, title: {:?}, is_default: {}, description: {:?},",
            c.id.get_ref(),
            c.version.get_ref(),
            tidy(&c.title),
            c.default,
            tidy(&c.description)
        );
        let _ = writeln!(
            out,
            "  source: Source {{ title: {:?}, publisher: {:?}, published: {:?}, url: {:?}, credit: {:?} }},",
            tidy(&c.source.title),
            tidy(&c.source.publisher),
            tidy(&c.source.published),
            c.source.url.get_ref().trim(),
            tidy(&c.source.credit)
        );
        let _ = writeln!(
            out,
            "  stages: [{:?}, {:?}, {:?}],",
            tidy(&c.stages.absent),
            tidy(&c.stages.siloed),
            tidy(&c.stages.embedded)
        );
        out.push_str("  sections: &[\n");
        for section in sections {
            let _ = writeln!(
                out,
                "    Section {{ id: {:?}, title: {:?}, intro: {:?}, questions: &[",
                section.id.get_ref(),
                tidy(&section.title),
                tidy(&section.intro)
            );
            for q in section.questions.get_ref() {
                let _ = writeln!(
                    out,
                    "      Question {{ id: {:?}, text: {:?}, hint: &{:?}, levels: [{:?}, {:?}, {:?}], discuss: {:?} }},",
                    q.id.get_ref(),
                    tidy(&q.text),
                    paragraphs(q.hint.get_ref()),
                    tidy(&q.absent),
                    tidy(&q.siloed),
                    tidy(&q.embedded),
                    tidy(&q.discuss)
                );
            }
            out.push_str("    ] },\n");
        }
        out.push_str("  ],\n  consistency_checks: &[\n");
        for check in &c.consistency {
            let section = sections
                .iter()
                .position(|s| s.id.get_ref() == check.section.get_ref());
            let question = sections
                .iter()
                .flat_map(|s| s.questions.get_ref())
                .position(|q| q.id.get_ref() == check.question.get_ref());
            let _ = writeln!(
                out,
                "    ConsistencyCheck {{ question: {}, section: {}, message: {:?} }},",
                question.expect("validated"),
                section.expect("validated"),
                tidy(&check.message)
            );
        }
        out.push_str("  ],\n");
        match &c.commitments {
            None => out.push_str("  commitments: None,\n"),
            Some(commitments) => {
                out.push_str("  commitments: Some(&Commitments { signs: &[\n");
                for sign in commitments.signs.get_ref() {
                    let _ = writeln!(
                        out,
                        "    CommitmentSign {{ id: {:?}, name: {:?}, guidance: {:?} }},",
                        sign.id.get_ref(),
                        tidy(&sign.name),
                        tidy(&sign.guidance)
                    );
                }
                let _ = writeln!(
                    out,
                    "  ], technology_words: &{:?}, outcome_words: &{:?} }}),",
                    commitments.technology_words.get_ref(),
                    commitments.outcome_words.get_ref()
                );
            }
        }
        out.push_str("  earlier_versions: &[\n");
        for earlier in &c.earlier_versions {
            let _ = writeln!(
                out,
                "    crate::model::EarlierVersion {{ version: {}, questions: &{:?}, changed_meaning: &{:?} }},",
                earlier.version.get_ref(),
                earlier.question_ids(),
                earlier.changed_meaning()
            );
        }
        out.push_str("  ],\n");
        out.push_str("},\n");
    }
    out.push_str("];\n");
    out
}
