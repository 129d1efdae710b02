//! Collecting results to compare from pasted text and files: share links,
//! compare links and JSON result files, one per line or file, each checked,
//! with a plain-English problem for whatever cannot be added.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use super::{CompareError, Comparison, Entry, MAX_ENTRIES, Mode};
use crate::model::Assessment;
use crate::share;
use crate::text::compare::{Phrase, Sentence};

/// A piece of input that could not be added, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it came from: "Line 3" or "File board.json".
    pub source: String,
    /// What is wrong, in plain English.
    pub message: String,
}

/// Results gathered for comparing, and what could not be added.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Collection {
    /// The assessment of the entries, fixed by the first one added.
    pub assessment: Option<&'static Assessment>,
    /// Results added, in order.
    pub entries: Vec<Entry>,
    /// Problems with the last input added.
    pub problems: Vec<Problem>,
    /// The mode chosen, or `None` to follow [`Comparison::suggested_mode`].
    pub chosen_mode: Option<Mode>,
}

/// Where a piece of input came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin<'a> {
    /// Pasted into the box.
    Pasted,
    /// Read from a file with this name.
    File(&'a str),
}

impl Origin<'_> {
    fn line(self, number: usize) -> String {
        match self {
            Origin::Pasted => Sentence::Line(number).text(),
            Origin::File(file) => Sentence::FileLine { file, line: number }.text(),
        }
    }

    fn whole(self) -> String {
        match self {
            Origin::Pasted => Phrase::PastedText.text().to_owned(),
            Origin::File(file) => Sentence::File(file).text(),
        }
    }
}

/// What one line or file turned out to hold.
enum Found {
    Results(Vec<Entry>, &'static Assessment, Option<Mode>),
    Problem(CollectProblem),
}

/// Why a line, a file or a result in it could not be added. The wording is
/// in [`crate::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectProblem {
    /// Nothing was pasted.
    NothingPasted,
    /// A file held no results links or results.
    NoResultsInFile,
    /// A line holds no results link.
    NotALink,
    /// A share link that cannot be opened.
    BadLink(share::ShareError),
    /// A compare link that cannot be opened.
    BadCompareLink(share::ShareError),
    /// A JSON results file without its share code.
    NoShareCode,
    /// A JSON file that is not from this self-assessment.
    NotAResultsFile,
    /// A result of another assessment than the ones added.
    OtherAssessment {
        /// The title of the result's assessment.
        found: &'static str,
        /// The title of the results added so far.
        ours: &'static str,
    },
    /// The comparison is full ([`MAX_ENTRIES`]).
    Full,
    /// Results already added, by their numbers (from 1).
    AlreadyAdded(Vec<usize>),
    /// Some results of a compare link or file added, the others already
    /// there (by their numbers, from 1).
    PartlyAdded {
        /// How many were added.
        added: usize,
        /// The results they repeat.
        already: Vec<usize>,
    },
}

impl std::fmt::Display for CollectProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        crate::text::edition::errors::collect_problem(self, f)
    }
}

impl Collection {
    /// The mode in use: chosen, or suggested by the entries.
    pub fn mode(&self) -> Mode {
        self.chosen_mode
            .unwrap_or_else(|| Comparison::suggested_mode(&self.entries))
    }

    /// The comparison as it stands, if any result has been added.
    pub fn comparison(&self) -> Option<Comparison> {
        Some(Comparison {
            assessment: self.assessment?,
            mode: self.mode(),
            entries: self.entries.clone(),
        })
    }

    /// Whether the comparison can be shown, or what it needs; with nothing
    /// added yet, how to add results.
    pub fn readiness(&self) -> Result<(), CompareError> {
        match self.comparison() {
            Some(comparison) => comparison.readiness(),
            None => Err(CompareError::NothingAdded),
        }
    }

    /// A collection holding a whole comparison (from a compare link).
    pub fn from_comparison(comparison: Comparison) -> Collection {
        Collection {
            assessment: Some(comparison.assessment),
            entries: comparison.entries,
            problems: Vec::new(),
            chosen_mode: Some(comparison.mode),
        }
    }

    /// Adds the results in pasted text or a file: share links (one per
    /// line or several on a line, each optionally after a name such as
    /// "Jane Smith, Chair:", also wrapped by Microsoft Safe Links), compare
    /// links, or an exported JSON results or comparison file. Good results
    /// are added, duplicates and bad input are listed in
    /// [`Collection::problems`] (replacing the last input's). Returns how
    /// many results were added.
    pub fn add_text(&mut self, text: &str, origin: Origin<'_>) -> usize {
        self.problems.clear();
        let before = self.entries.len();
        match super::codec::json_code(text) {
            Some(Ok(code)) => {
                let found = read_code(&code, "");
                self.take(found, origin.whole());
            }
            Some(Err(problem)) => self.problems.push(Problem {
                source: origin.whole(),
                message: problem.to_string(),
            }),
            None => {
                let mut any = false;
                for (number, line) in text.lines().enumerate() {
                    for found in read_line(line) {
                        any = true;
                        self.take(found, origin.line(number + 1));
                    }
                }
                if !any {
                    let problem = match origin {
                        Origin::Pasted => CollectProblem::NothingPasted,
                        Origin::File(_) => CollectProblem::NoResultsInFile,
                    };
                    self.problems.push(Problem {
                        source: origin.whole(),
                        message: problem.to_string(),
                    });
                }
            }
        }
        self.entries.len() - before
    }

    fn take(&mut self, found: Found, source: String) {
        let (entries, assessment, mode) = match found {
            Found::Problem(problem) => {
                self.problems.push(Problem {
                    source,
                    message: problem.to_string(),
                });
                return;
            }
            Found::Results(entries, assessment, mode) => (entries, assessment, mode),
        };
        match self.assessment {
            Some(ours) if ours.id != assessment.id => {
                self.problems.push(Problem {
                    source,
                    message: CollectProblem::OtherAssessment {
                        found: assessment.title,
                        ours: ours.title,
                    }
                    .to_string(),
                });
                return;
            }
            _ => self.assessment = Some(assessment),
        }
        if self.entries.is_empty() && self.chosen_mode.is_none() {
            self.chosen_mode = mode;
        }
        let before = self.entries.len();
        let mut duplicates = Vec::new();
        for entry in entries {
            if self.entries.len() >= MAX_ENTRIES {
                self.problems.push(Problem {
                    source,
                    message: CollectProblem::Full.to_string(),
                });
                return;
            }
            match self.entries.iter().position(|e| e.same_result(&entry)) {
                Some(earlier) => duplicates.push(earlier + 1),
                None => self.entries.push(entry),
            }
        }
        let added = self.entries.len() - before;
        if !duplicates.is_empty() {
            // A compare link or file holds several results: say what was
            // added as well as what was already there.
            let problem = if added > 0 {
                CollectProblem::PartlyAdded {
                    added,
                    already: duplicates,
                }
            } else {
                CollectProblem::AlreadyAdded(duplicates)
            };
            self.problems.push(Problem {
                source,
                message: problem.to_string(),
            });
        }
    }

    /// Removes entry `index`.
    pub fn remove(&mut self, index: usize) {
        if index < self.entries.len() {
            self.entries.remove(index);
        }
        if self.entries.is_empty() {
            self.assessment = None;
            self.chosen_mode = None;
        }
    }
}

/// Reads one pasted line: blank, a share link, a compare link, or neither.
fn read_line(line: &str) -> Vec<Found> {
    let line = line.trim();
    if line.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(hash) = next_marker(rest) {
        // The link is the last run of text without spaces before the '#',
        // from its first "http" if it has one ("Jane:https://…"); text before
        // it is a name, e.g. "Jane Smith (Chair): https://…", or, after an
        // earlier link on the line, ", Bob Jones: https://…". A space may be
        // wider than a byte (a no-break space pasted from Outlook or Teams).
        let before = &rest[..hash];
        let word = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let start = before[word..].find("http").map_or(word, |i| word + i);
        let name = before[..start]
            .trim_end_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, ':' | '-' | '–' | '—' | '<' | '(' | '[' | ',' | '"')
            })
            .trim_start_matches(|c: char| {
                // What may close the link before it: "<…>, ", "(…); ".
                c.is_whitespace()
                    || matches!(c, ',' | ';' | '|' | '.' | '>' | ')' | ']' | '"' | '\'')
            });
        // The code ends at a space, at what closes a link in text, or at
        // '&' (the next parameter of a Safe Links address, decoded below);
        // share and compare codes hold none of these.
        let after = &rest[hash + 1..];
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '"' | '\'' | ')' | ']' | '&'))
            .unwrap_or(after.len());
        let code = after[..end].trim_end_matches(['.', ',', ';']);
        found.push(read_code(code, name));
        rest = &after[end..];
    }
    if !found.is_empty() {
        return found;
    }
    // A link from an email or a Teams message may come wrapped by Microsoft
    // Safe Links ("https://…safelinks.protection.outlook.com/?url=https%3A%2F%2F…%23r%3D…"):
    // ours is inside it, percent-encoded.
    if let Some(decoded) = percent_decoded(line).filter(|decoded| next_marker(decoded).is_some()) {
        return read_line(&decoded);
    }
    if looks_like_payload(line) {
        return vec![read_code(&format!("{}{line}", share::FRAGMENT_PREFIX), "")];
    }
    vec![Found::Problem(CollectProblem::NotALink)]
}

/// Where the next share or compare fragment ("#r=" or "#c=") in `text`
/// starts (the index of its '#').
fn next_marker(text: &str) -> Option<usize> {
    [share::FRAGMENT_PREFIX, super::codec::FRAGMENT_PREFIX]
        .into_iter()
        .filter_map(|prefix| text.find(&format!("#{prefix}")))
        .min()
}

/// `text` with every "%XX" escape decoded, if it has any and the result is
/// UTF-8.
fn percent_decoded(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let escaped = (byte == b'%')
            .then(|| bytes.get(i + 1..i + 3))
            .flatten()
            .filter(|hex| hex.iter().all(u8::is_ascii_hexdigit))
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match escaped {
            Some(decoded) => {
                out.push(decoded);
                i += 3;
            }
            None => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A bare share code pasted without its link: long enough and only
/// base64url characters.
fn looks_like_payload(text: &str) -> bool {
    text.len() >= 16
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Decodes a fragment (`r=…` or `c=…`, no `#`) into entries.
fn read_code(code: &str, name: &str) -> Found {
    use crate::content::ASSESSMENTS;
    if let Some(payload) = code.strip_prefix(super::codec::FRAGMENT_PREFIX) {
        return match super::codec::decode(payload, ASSESSMENTS) {
            Ok(comparison) => Found::Results(
                comparison.entries,
                comparison.assessment,
                Some(comparison.mode),
            ),
            Err(error) => Found::Problem(CollectProblem::BadCompareLink(error)),
        };
    }
    let payload = share::payload_from_fragment(code).unwrap_or(code);
    match share::decode(payload, ASSESSMENTS) {
        Ok(result) => Found::Results(
            vec![Entry::from_shared(&result, name)],
            result.assessment(),
            None,
        ),
        Err(error) => Found::Problem(CollectProblem::BadLink(error)),
    }
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_unreadable_ones_are_problems() {
        assert!(read_line("   ").is_empty());
        assert!(matches!(read_line("hello there")[..], [Found::Problem(_)]));
        match &read_line("Jane Smith (Chair): https://x.nhs.uk/a#r=AAAA>.")[..] {
            [Found::Problem(problem)] => assert!(
                matches!(
                    problem,
                    CollectProblem::BadLink(
                        share::ShareError::Truncated | share::ShareError::ChecksumMismatch
                    )
                ),
                "{problem:?}"
            ),
            _ => panic!("a damaged code is a problem"),
        }
    }
}
