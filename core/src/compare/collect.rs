//! Collecting results to compare from pasted text and files: share links,
//! compare links and JSON result files, one per line or file, each checked,
//! with a plain-English problem for whatever cannot be added.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use super::{CompareError, Comparison, Entry, MAX_ENTRIES, Mode};
use crate::content::ASSESSMENTS;
use crate::model::Assessment;
use crate::model::VersionChange;
use crate::share;
use crate::text::compare::{Phrase, Sentence};
use crate::text::versions::Sentence as VersionSentence;

/// A piece of input that could not be added, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it came from: "Line 3" or "File board.json".
    pub source: String,
    /// What is wrong, in plain English.
    pub message: String,
}

/// Most bytes of one pasted text, or of one file, looked at: a board's
/// links, or a results file with every note, are a few kilobytes; beyond
/// this is not ours (a log, a mailbox) and would only hold the page up.
pub const MAX_INPUT_BYTES: usize = 1 << 20;

/// Most bytes read from all the files chosen at once.
pub const MAX_TOTAL_BYTES: u64 = 8 << 20;

/// Most files read from one choice.
pub const MAX_FILES: usize = 100;

/// Most lines of one pasted text or file looked at: ten for each result a
/// comparison can hold, and few enough that a line-by-line look at the
/// worst input (every line a damaged link) stays well under 200 ms in the
/// browser.
pub const MAX_LINES: usize = 5_000;

/// Most problems listed for one addition; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// Most bytes of a paste the links box shows. A longer paste, or one of
/// [`MAX_SHOWN_PASTE_LINES`] lines or more, is read as soon as it is pasted
/// and never put in the box: the browser alone takes over 200 ms to lay out
/// 100,000 lines in a text box. A board's links are a few kilobytes.
pub const MAX_SHOWN_PASTE_BYTES: usize = 64 << 10;

/// Most lines of a paste the links box shows (see [`MAX_SHOWN_PASTE_BYTES`]).
pub const MAX_SHOWN_PASTE_LINES: usize = 1_000;

/// Whether a paste of `text` goes into the links box as usual, or is too
/// long to show there (and is read at once with [`Collection::add_long_paste`]).
pub fn shown_in_box(text: &str) -> bool {
    text.len() <= MAX_SHOWN_PASTE_BYTES
        && text.bytes().filter(|&b| b == b'\n').count() < MAX_SHOWN_PASTE_LINES
}

/// A result added from an earlier version of the questions, and what
/// happened to its answers: not a problem (it was added), but the page says
/// so beside the problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// Where it came from: "Line 3" or "File board.json".
    pub source: String,
    /// What happened to its answers, in plain English.
    pub message: String,
}

impl Notice {
    /// The notice of a result from `source` read with `change`. One place
    /// for the sentence, whose words are inlined where they are written.
    fn made_with_earlier(source: String, change: &VersionChange) -> Notice {
        Notice {
            source,
            message: VersionSentence::MadeWithEarlier(change).text(),
        }
    }
}

/// What the last addition left out or passed over, so the page can say so.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Skipped {
    /// Lines with no link at all (a greeting, a signature), passed over
    /// quietly.
    pub lines_without_links: usize,
    /// Lines after the first [`MAX_LINES`] of a text or file, not looked at.
    pub lines_not_read: usize,
    /// Problems found beyond the [`MAX_PROBLEMS`] listed.
    pub problems_not_listed: usize,
    /// Texts or files of which only the first [`MAX_INPUT_BYTES`] were read:
    /// the file's name (`None` for pasted text) and its whole size in bytes.
    pub cut: Vec<(Option<String>, u64)>,
    /// Files not read at all (beyond [`MAX_FILES`] or [`MAX_TOTAL_BYTES`]).
    pub files_not_read: usize,
    /// The addition was a paste too long to show in the box, read as it
    /// was pasted ([`Collection::add_long_paste`]).
    pub read_at_once: bool,
}

impl Skipped {
    /// Whether nothing was left out.
    pub fn is_empty(&self) -> bool {
        *self == Skipped::default()
    }

    /// What was left out, one sentence each, in plain English (the count of
    /// problems not listed is the problem list's to show).
    pub fn sentences(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.read_at_once {
            out.push(Phrase::PasteReadAtOnce.text().to_owned());
        }
        if self.lines_without_links > 0 {
            out.push(Sentence::LinesSkipped(self.lines_without_links).text());
        }
        for (file, size) in &self.cut {
            out.push(
                Sentence::InputCut {
                    file: file.as_deref(),
                    size: *size,
                    read: MAX_INPUT_BYTES as u64,
                }
                .text(),
            );
        }
        if self.lines_not_read > 0 {
            out.push(
                Sentence::LinesNotRead {
                    read: MAX_LINES,
                    rest: self.lines_not_read,
                }
                .text(),
            );
        }
        if self.files_not_read > 0 {
            out.push(
                Sentence::FilesNotRead {
                    count: self.files_not_read,
                    most: MAX_FILES,
                    bytes: MAX_TOTAL_BYTES,
                }
                .text(),
            );
        }
        out
    }
}

/// A chosen file as the browser read it: at most the bytes
/// [`reading_plan`] gave it, from its start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileInput {
    /// The file's name.
    pub name: String,
    /// Its text, as far as it was read.
    pub text: String,
    /// Its whole size in bytes.
    pub size: u64,
}

/// How many bytes to read from the start of each chosen file, by their
/// sizes: at most [`MAX_INPUT_BYTES`] each, [`MAX_TOTAL_BYTES`] in all and
/// the first [`MAX_FILES`] files; 0 for a file not read. The browser checks
/// a file's size before reading it, so a 50 MB file costs 1 MB.
pub fn reading_plan(sizes: &[u64]) -> Vec<u64> {
    let mut left = MAX_TOTAL_BYTES;
    sizes
        .iter()
        .enumerate()
        .map(|(index, &size)| {
            let bytes = size.min(MAX_INPUT_BYTES as u64);
            if index >= MAX_FILES || bytes > left {
                left = 0;
                return 0;
            }
            left -= bytes;
            bytes
        })
        .collect()
}

/// Results gathered for comparing, and what could not be added.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Collection {
    /// The assessment of the entries, fixed by the first one added.
    pub assessment: Option<&'static Assessment>,
    /// Results added, in order.
    pub entries: Vec<Entry>,
    /// Problems with the last input added (at most [`MAX_PROBLEMS`]).
    pub problems: Vec<Problem>,
    /// What the last input added left out or passed over.
    pub skipped: Skipped,
    /// Results the last input added that were made with an earlier version
    /// of the questions (at most [`MAX_PROBLEMS`]).
    pub notices: Vec<Notice>,
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
    /// Results read, their assessment, the compare mode of a compare link
    /// or file, and how they were read from an earlier content version.
    Results(
        Vec<Entry>,
        &'static Assessment,
        Option<Mode>,
        Option<VersionChange>,
    ),
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
    /// A JSON file whose format, assessment or answers disagree with its
    /// code: edited by hand, or another kind of file.
    FileDisagrees,
    /// A JSON file of a newer file format than this page reads.
    NewerFile(u32),
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
            chosen_mode: Some(comparison.mode),
            ..Collection::default()
        }
    }

    /// A collection holding the comparison of a compare link opened from the
    /// page's address, saying so if it was made with an earlier version of
    /// the questions (`change`, from
    /// [`super::codec::decode_with_change`]).
    pub fn from_compare_link(comparison: Comparison, change: Option<&VersionChange>) -> Collection {
        let mut collection = Collection::from_comparison(comparison);
        collection.notices.extend(change.map(|change| {
            Notice::made_with_earlier(Phrase::CompareLinkSource.text().to_owned(), change)
        }));
        collection
    }

    /// Adds the results in pasted text or a file: share links (one per
    /// line or several on a line, each optionally after a name such as
    /// "Jane Smith, Chair:", also wrapped by Microsoft Safe Links), compare
    /// links, or an exported JSON results or comparison file. Good results
    /// are added, duplicates and bad input are listed in
    /// [`Collection::problems`] (replacing the last input's), and what was
    /// passed over in [`Collection::skipped`]. Only the first
    /// [`MAX_INPUT_BYTES`] and [`MAX_LINES`] are looked at, so no input
    /// holds the page up. Returns how many results were added.
    pub fn add_text(&mut self, text: &str, origin: Origin<'_>) -> usize {
        self.add_text_against(text, origin, ASSESSMENTS)
    }

    /// [`Collection::add_text`] reading links and files against
    /// `assessments` instead of those built in, as the codecs take them: for
    /// content versions other than the one built (tests). The widget passes
    /// only [`ASSESSMENTS`], so the optimiser drops what the built-in
    /// content never needs (reading earlier versions, while it has none).
    pub fn add_text_against(
        &mut self,
        text: &str,
        origin: Origin<'_>,
        assessments: &'static [Assessment],
    ) -> usize {
        self.add_text_of_size(text, text.len() as u64, origin, assessments)
    }

    /// Adds the results in a paste too long to show in the box
    /// ([`shown_in_box`]), read as it was pasted: `start` is as much of it
    /// as the browser handed over (the whole paste, or at least its first
    /// [`MAX_INPUT_BYTES`]), `size` its whole size in bytes. As
    /// [`Collection::add_text`] otherwise, and the page says it was read at
    /// once. Returns how many results were added.
    pub fn add_long_paste(&mut self, start: &str, size: u64) -> usize {
        let added = self.add_text_of_size(start, size, Origin::Pasted, ASSESSMENTS);
        self.skipped.read_at_once = true;
        added
    }

    /// [`Collection::add_text`] of a text whose whole size is `size` bytes,
    /// of which `text` is the start (all of it, or more than can be read).
    fn add_text_of_size(
        &mut self,
        text: &str,
        size: u64,
        origin: Origin<'_>,
        assessments: &'static [Assessment],
    ) -> usize {
        self.problems.clear();
        self.notices.clear();
        self.skipped = Skipped::default();
        let before = self.entries.len();
        let size = size.max(text.len() as u64);
        if size > MAX_INPUT_BYTES as u64 || size > text.len() as u64 {
            let name = match origin {
                Origin::Pasted => None,
                Origin::File(name) => Some(name.to_owned()),
            };
            self.skipped.cut.push((name, size));
            // The last line read may be a link cut in two.
            self.add_input(
                whole_lines(clip(text, MAX_INPUT_BYTES)),
                origin,
                assessments,
            );
        } else {
            self.add_input(text, origin, assessments);
        }
        self.entries.len() - before
    }

    /// Adds the results in chosen files, read as [`reading_plan`] says:
    /// each as [`Collection::add_text`] would, with the problems and what
    /// was passed over of them all together. Returns how many results were
    /// added.
    pub fn add_files(&mut self, files: &[FileInput]) -> usize {
        self.problems.clear();
        self.notices.clear();
        self.skipped = Skipped::default();
        let before = self.entries.len();
        let sizes: Vec<u64> = files.iter().map(|file| file.size).collect();
        for (file, bytes) in files.iter().zip(reading_plan(&sizes)) {
            if bytes == 0 && file.size > 0 {
                self.skipped.files_not_read += 1;
                continue;
            }
            // Never more than planned, whatever the browser handed over.
            let bytes = usize::try_from(bytes).unwrap_or(MAX_INPUT_BYTES);
            let mut text = clip(&file.text, bytes);
            if file.size > bytes as u64 || file.text.len() > bytes {
                self.skipped.cut.push((
                    Some(file.name.clone()),
                    file.size.max(file.text.len() as u64),
                ));
                // The last line read may be a link cut in two.
                text = whole_lines(text);
            }
            self.add_input(text, Origin::File(&file.name), ASSESSMENTS);
        }
        self.entries.len() - before
    }

    /// Adds one text or file, already cut to size, adding to the problems
    /// and what was skipped.
    fn add_input(&mut self, text: &str, origin: Origin<'_>, assessments: &'static [Assessment]) {
        if let Some(code) = super::codec::json_code(text) {
            match code.and_then(|code| {
                let found = read_code(&code, "", assessments);
                check_json(text, &found).map(|()| found)
            }) {
                Ok(found) => self.take(found, origin, None),
                Err(problem) => self.problem(origin, None, problem),
            }
            return;
        }
        let mut any = false;
        let mut lines = text.lines().enumerate();
        for (number, line) in lines.by_ref().take(MAX_LINES) {
            match read_line(line, assessments) {
                Read::Blank => {}
                Read::NoLink => self.skipped.lines_without_links += 1,
                Read::Found(found) => {
                    for found in found {
                        any = true;
                        self.take(found, origin, Some(number + 1));
                    }
                }
            }
        }
        self.skipped.lines_not_read += lines.count();
        if !any {
            let problem = match origin {
                Origin::Pasted => CollectProblem::NothingPasted,
                Origin::File(_) => CollectProblem::NoResultsInFile,
            };
            self.problem(origin, None, problem);
        }
    }

    /// Lists a problem, or counts it once [`MAX_PROBLEMS`] are listed (its
    /// words are written only when listed).
    fn problem(&mut self, origin: Origin<'_>, line: Option<usize>, problem: CollectProblem) {
        if self.problems.len() >= MAX_PROBLEMS {
            self.skipped.problems_not_listed += 1;
            return;
        }
        self.problems.push(Problem {
            source: match line {
                Some(number) => origin.line(number),
                None => origin.whole(),
            },
            message: problem.to_string(),
        });
    }

    fn take(&mut self, found: Found, origin: Origin<'_>, line: Option<usize>) {
        let (entries, assessment, mode, change) = match found {
            Found::Problem(problem) => return self.problem(origin, line, problem),
            Found::Results(entries, assessment, mode, change) => {
                (entries, assessment, mode, change)
            }
        };
        match self.assessment {
            Some(ours) if ours.id != assessment.id => {
                let problem = CollectProblem::OtherAssessment {
                    found: assessment.title,
                    ours: ours.title,
                };
                return self.problem(origin, line, problem);
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
                return self.problem(origin, line, CollectProblem::Full);
            }
            match self.entries.iter().position(|e| e.same_result(&entry)) {
                Some(earlier) => duplicates.push(earlier + 1),
                None => self.entries.push(entry),
            }
        }
        let added = self.entries.len() - before;
        if let Some(change) = change.filter(|_| added > 0 && self.notices.len() < MAX_PROBLEMS) {
            let source = match line {
                Some(number) => origin.line(number),
                None => origin.whole(),
            };
            self.notices
                .push(Notice::made_with_earlier(source, &change));
        }
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
            self.problem(origin, line, problem);
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

/// What one pasted line holds.
enum Read {
    /// Nothing but spaces.
    Blank,
    /// No link at all (a greeting, a signature): passed over quietly.
    NoLink,
    /// Results, or problems with what looks like a link.
    Found(Vec<Found>),
}

/// Reads one pasted line: blank, a share link, a compare link, or neither.
/// Cheap for a line with no link: a scan for '#', '%', "://" and spaces.
fn read_line(line: &str, assessments: &'static [Assessment]) -> Read {
    let line = line.trim();
    if line.is_empty() {
        return Read::Blank;
    }
    let mut found = Vec::new();
    let mut rest = line;
    while let Some(hash) = next_marker(rest) {
        // The link is the last run of text without spaces before the '#',
        // from its first "http" if it has one ("Jane:https://…"); text before
        // it is a name, e.g. "Jane Smith (Chair): https://…", or, after an
        // earlier link on the line, ", Bob Jones: https://…". A space may be
        // wider than a byte (a no-break space pasted from Outlook or Teams).
        let (before, after) = rest.split_at(hash);
        let word = before
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let start = before
            .get(word..)
            .and_then(|w| w.find("http"))
            .map_or(word, |i| word + i);
        let name = before
            .get(..start)
            .unwrap_or_default()
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
        let after = after.get(1..).unwrap_or_default();
        let end = after
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '"' | '\'' | ')' | ']' | '&'))
            .unwrap_or(after.len());
        let (code, next) = after.split_at(end);
        let code = code.trim_end_matches(['.', ',', ';']);
        found.push(read_code(code, name, assessments));
        rest = next;
    }
    if !found.is_empty() {
        return Read::Found(found);
    }
    // A link from an email or a Teams message may come wrapped by Microsoft
    // Safe Links ("https://…safelinks.protection.outlook.com/?url=https%3A%2F%2F…%23r%3D…"):
    // ours is inside it, percent-encoded.
    if let Some(decoded) = percent_decoded(line).filter(|decoded| next_marker(decoded).is_some()) {
        return read_line(&decoded, assessments);
    }
    if looks_like_payload(line) {
        return Read::Found(vec![read_code(
            &format!("{}{line}", share::FRAGMENT_PREFIX),
            "",
            assessments,
        )]);
    }
    // An address, or one long word (a code cut or mangled), was meant as a
    // link: say why it is not one. Other text is passed over.
    let one_word = !line.contains(char::is_whitespace) && line.len() >= 16;
    if one_word || line.contains("://") || line.contains("www.") || line.contains('#') {
        return Read::Found(vec![Found::Problem(CollectProblem::NotALink)]);
    }
    Read::NoLink
}

/// Where the next share or compare fragment ("#r=" or "#c=", also as mail
/// clients mangle it: "#R=", "#r%3D") in `text` starts (the index of its
/// '#').
fn next_marker(text: &str) -> Option<usize> {
    text.match_indices('#').map(|(at, _)| at).find(|&at| {
        text.get(at..).is_some_and(|fragment| {
            // Spaces end a link in text: "# r=" is not one.
            !fragment
                .get(1..)
                .unwrap_or_default()
                .starts_with(char::is_whitespace)
                && (share::payload_from_fragment(fragment).is_some()
                    || super::codec::payload_from_fragment(fragment).is_some())
        })
    })
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
fn read_code(code: &str, name: &str, assessments: &'static [Assessment]) -> Found {
    if let Some(payload) = super::codec::payload_from_fragment(code) {
        return match super::codec::decode_with_change(payload, assessments) {
            Ok((comparison, change)) => Found::Results(
                comparison.entries,
                comparison.assessment,
                Some(comparison.mode),
                change,
            ),
            Err(error) => Found::Problem(CollectProblem::BadCompareLink(error)),
        };
    }
    let payload = share::payload_from_fragment(code).unwrap_or(code);
    match share::decode(payload, assessments) {
        Ok(result) => Found::Results(
            vec![Entry::from_shared(&result, name)],
            result.assessment(),
            None,
            result.version_change().cloned(),
        ),
        Err(error) => Found::Problem(CollectProblem::BadLink(error)),
    }
}

/// The first `bytes` of `text` at most, ending on a character boundary.
fn clip(text: &str, bytes: usize) -> &str {
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or_default()
}

/// `text` up to its last line break: what follows may be a line cut in two.
fn whole_lines(text: &str) -> &str {
    text.rfind('\n')
        .map_or(text, |at| text.get(..at).unwrap_or_default())
}

/// Checks an exported JSON file against its code, so a file is never read
/// as something it is not: its `format` must be ours (a results file's
/// for a share code, a comparison's for a compare code), its
/// `format_version` one this page reads, its assessment the code's, and
/// every `answer` in it the code's answer, in order. A file without
/// answers (cut down by hand to its code) is read by its code.
fn check_json(text: &str, found: &Found) -> Result<(), CollectProblem> {
    use crate::export::{JSON_FORMAT, JSON_FORMAT_VERSION, answer_key};
    let Found::Results(entries, assessment, mode, change) = found else {
        return Ok(());
    };
    let expected = match mode {
        None => JSON_FORMAT,
        Some(_) => super::export::JSON_FORMAT,
    };
    match json_member(text, "format").and_then(json_str) {
        Some(format) if format == expected => {}
        Some(format) if format == JSON_FORMAT || format == super::export::JSON_FORMAT => {
            return Err(CollectProblem::FileDisagrees);
        }
        _ => return Err(CollectProblem::NotAResultsFile),
    }
    match json_member(text, "format_version").map(|v| v.parse::<u32>()) {
        Some(Ok(version)) if version <= JSON_FORMAT_VERSION => {}
        Some(Ok(version)) => return Err(CollectProblem::NewerFile(version)),
        _ => return Err(CollectProblem::NotAResultsFile),
    }
    // The assessment's id and version come first in the file; "id" and
    // "version" are not members anywhere before them.
    let version = json_member(text, "version").and_then(|v| v.parse::<u16>().ok());
    if json_member(text, "id").and_then(json_str) != Some(assessment.id)
        || version.is_none_or(|v| v > assessment.version)
    {
        return Err(CollectProblem::FileDisagrees);
    }
    // The file's version is its code's: a code of an earlier version was
    // read with that version's questions.
    if version != Some(change.as_ref().map_or(assessment.version, |c| c.from)) {
        return Err(CollectProblem::FileDisagrees);
    }
    // A file lists the answers to the questions of the version it was made
    // with, in order: one of an earlier version has each answer compared
    // with where its code's answer moved to (an answer left out, to a
    // question since removed or whose meaning changed, is only counted).
    let mut written = json_members(text, "answer");
    let mut any = false;
    for entry in entries {
        let count = change
            .as_ref()
            .map_or(entry.responses.len(), |c| c.moves_to.len());
        for i in 0..count {
            // Where the file's answer `i` is today; `None` for an answer
            // left out (its question removed, or its meaning changed).
            let position = match &change {
                Some(change) => change.moves_to.get(i).copied().flatten(),
                None => Some(i),
            };
            let want = position.map(|p| answer_key(entry.response(p)));
            match (written.next(), want) {
                (None, _) if !any => return Ok(()),
                (None, _) => return Err(CollectProblem::FileDisagrees),
                // The code has no answer for it today: only counted.
                (Some(_), None) => {}
                (Some(value), Some(want))
                    if json_str(value) == want && (want.is_some() || value == "null") =>
                {
                    any = true;
                }
                (Some(_), Some(_)) => return Err(CollectProblem::FileDisagrees),
            }
        }
    }
    match written.next() {
        Some(_) => Err(CollectProblem::FileDisagrees),
        None => Ok(()),
    }
}

/// The raw values of every member called `key` in a JSON text, in order: a
/// string with its quotes, or a number, `null`, `true` or `false` (an object
/// or array value is passed over). Inside a JSON string every '"' is
/// escaped, so `"key":` is always a member, never text in a value.
fn json_members<'a>(text: &'a str, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    let quoted = format!("\"{key}\"");
    let at: Vec<usize> = text
        .match_indices(&quoted)
        .map(|(at, _)| at + quoted.len())
        .collect();
    at.into_iter().filter_map(move |at| {
        let value = text.get(at..)?.trim_start().strip_prefix(':')?.trim_start();
        if let Some(string) = value.strip_prefix('"') {
            // The end is the first '"' not escaped.
            let bytes = string.as_bytes();
            let mut i = 0;
            while let Some(&byte) = bytes.get(i) {
                match byte {
                    b'\\' => i += 2,
                    b'"' => return value.get(..i + 2),
                    _ => i += 1,
                }
            }
            return None;
        }
        let end = value
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')))
            .unwrap_or(value.len());
        value.get(..end).filter(|v| !v.is_empty())
    })
}

/// The first member called `key`'s raw value.
fn json_member<'a>(text: &'a str, key: &'a str) -> Option<&'a str> {
    json_members(text, key).next()
}

/// A raw JSON string value without its quotes, if it is a string with no
/// escapes (every value checked here is plain ASCII).
fn json_str(value: &str) -> Option<&str> {
    value
        .strip_prefix('"')?
        .strip_suffix('"')
        .filter(|inner| !inner.contains('\\'))
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    #[test]
    fn blank_lines_are_skipped_and_unreadable_ones_are_problems() {
        assert!(matches!(
            read_line("   ", crate::content::ASSESSMENTS),
            Read::Blank
        ));
        assert!(matches!(
            read_line("hello there", crate::content::ASSESSMENTS),
            Read::NoLink
        ));
        let Read::Found(found) = read_line(
            "Jane Smith (Chair): https://x.nhs.uk/a#r=AAAA>.",
            crate::content::ASSESSMENTS,
        ) else {
            panic!("a damaged link is found");
        };
        match &found[..] {
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
