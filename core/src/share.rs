//! The share-link codec: a completed result as a short, versioned, checked
//! binary, written in base64url for the URL fragment (which browsers never
//! send to a server).
//!
//! Hand-written rather than built on serde or a base64 crate: every byte of
//! the wasm counts, and the format is small enough to describe in full.
//!
//! # Wire format (format version 1)
//!
//! All integers are big-endian unless marked varint (unsigned LEB128, at most
//! 3 bytes). The *envelope* — the first two fields and the last — is frozen
//! for every future format version, so an old widget can always tell a link
//! from a newer widget (envelope intact) from a damaged one.
//!
//! | Bytes      | Field                                                             |
//! |------------|-------------------------------------------------------------------|
//! | 1          | format version, [`FORMAT_VERSION`]                                |
//! | varint     | number of bytes that follow, checksum included                    |
//! | 1          | flags: bit 0 date, bit 1 label, bit 2 notes; other bits 0         |
//! | 2          | assessment: [`assessment_hash`] of its id                         |
//! | 2          | content version ([`Assessment::version`])                         |
//! | 2          | date, if flagged: days since 2020-01-01                           |
//! | 1          | number of questions, n                                            |
//! | ⌈2n/8⌉     | answers, 2 bits each, first question in the high bits; spare bits 0 |
//! | 1 + 1 + k  | label, if flagged: role, byte length k (≤ 100), UTF-8 organisation |
//! | 1 + …      | notes, if flagged: count, then per note its question position (strictly increasing), varint byte length (1 to 2000) and UTF-8 text |
//! | 2          | checksum: CRC-16/CCITT-FALSE of every byte before it              |
//!
//! Answer codes: 0 Don't know, 1 Absent, 2 Siloed, 3 Embedded.
//!
//! New optional parts can be added without a new format version by giving
//! them a new flag bit and appending them; older widgets reject unknown flag
//! bits as "made by a newer version". Incompatible changes bump the version.
//!
//! A result with a date and no label or notes is 16 bytes: 22 characters.

use super::model::{Assessment, Level};
use super::scoring::{Answers, Response};
use std::fmt;

/// The format version written by [`encode`]; the first byte of every link.
pub const FORMAT_VERSION: u8 = 1;

/// Longest organisation name or ODS code a link carries, in UTF-8 bytes.
pub const MAX_LABEL_BYTES: usize = 255;

/// Longest organisation name the widget's field accepts, in characters:
/// any 80 characters of the Basic Multilingual Plane (up to 3 bytes each in
/// UTF-8) fit in [`MAX_LABEL_BYTES`].
pub const MAX_ORGANISATION_CHARS: usize = 80;

/// Longest note a link carries, in UTF-8 bytes.
pub const MAX_NOTE_BYTES: usize = 2000;

/// Longest link the UI offers: Teams and Outlook cut longer ones, so beyond
/// this the file export is offered instead.
pub const MAX_LINK_CHARS: usize = 1000;

/// What starts the URL fragment of a share link, so that other fragments
/// (such as the skip link's `#maincontent`) are not mistaken for results.
pub const FRAGMENT_PREFIX: &str = "r=";

const FLAG_DATE: u8 = 0b001;
const FLAG_LABEL: u8 = 0b010;
const FLAG_NOTES: u8 = 0b100;
const KNOWN_FLAGS: u8 = FLAG_DATE | FLAG_LABEL | FLAG_NOTES;

const CHECKSUM_BYTES: usize = 2;

// ---------------------------------------------------------------------------
// Values carried
// ---------------------------------------------------------------------------

/// The board member's role, as given when sharing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Role {
    /// Another role, or not given.
    #[default]
    Unspecified,
    /// An executive director.
    Executive,
    /// A non-executive director.
    NonExecutive,
}

impl Role {
    /// Every role, in the order offered to users.
    pub const ALL: [Role; 3] = [Role::Executive, Role::NonExecutive, Role::Unspecified];

    /// The role's name as shown to users.
    pub fn name(self) -> &'static str {
        match self {
            Role::Unspecified => "Other or not given",
            Role::Executive => "Executive",
            Role::NonExecutive => "Non-executive",
        }
    }

    pub(crate) fn code(self) -> u8 {
        match self {
            Role::Unspecified => 0,
            Role::Executive => 1,
            Role::NonExecutive => 2,
        }
    }

    pub(crate) fn from_code(code: u8) -> Option<Role> {
        match code {
            0 => Some(Role::Unspecified),
            1 => Some(Role::Executive),
            2 => Some(Role::NonExecutive),
            _ => None,
        }
    }
}

/// Who the result is from: optional, and chosen by the sender.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Label {
    /// Organisation name or ODS code, as typed (may be empty); at most
    /// [`MAX_LABEL_BYTES`] bytes.
    pub organisation: String,
    /// The sender's role.
    pub role: Role,
}

/// A calendar day from 2020-01-01 to 2199-06-06, stored as days since
/// 2020-01-01 (the form it takes in a link).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: u16,
}

/// Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar.
const UNIX_EPOCH_SHIFT: i64 = 719_468;
/// Days from 1970-01-01 to 2020-01-01.
const EPOCH_2020: i64 = 18_262;

impl Date {
    /// The day `days` after 2020-01-01.
    pub fn from_days(days: u16) -> Date {
        Date { days }
    }

    /// Days since 2020-01-01.
    pub fn days(self) -> u16 {
        self.days
    }

    /// The day with this Gregorian year, month (1–12) and day of month, or
    /// `None` if there is no such day or it falls outside 2020-01-01 to
    /// 2199-06-06.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        let days = days_from_civil(i64::from(year), i64::from(month), i64::from(day)) - EPOCH_2020;
        u16::try_from(days).ok().map(Date::from_days)
    }

    /// The Gregorian year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let (year, month, day) = civil_from_days(i64::from(self.days) + EPOCH_2020);
        // In range by construction: years 2020 to 2199, months and days small.
        (year as i32, month as u32, day as u32)
    }
}

impl fmt::Display for Date {
    /// ISO 8601, e.g. `2024-02-29`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a Gregorian date (Howard Hinnant's algorithm:
/// years start in March so the leap day comes last).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - UNIX_EPOCH_SHIFT
}

/// The Gregorian (year, month, day) of a day counted from 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + UNIX_EPOCH_SHIFT;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

// ---------------------------------------------------------------------------
// The shared result
// ---------------------------------------------------------------------------

/// Exactly what a share link carries: a complete set of answers to one
/// assessment, with the notes to include, an optional label and date.
///
/// Fields are private so every value is one [`encode`] can write and
/// [`decode`] reads back identically: build it with [`SharedResult::new`].
/// Notes are carried when non-empty; to share without them, use
/// [`SharedResult::without_notes`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedResult {
    assessment: &'static Assessment,
    answers: Answers,
    label: Option<Label>,
    date: Option<Date>,
}

/// Why a result cannot be made into a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareBuildError {
    /// The answers are for a different number of questions.
    WrongQuestionCount {
        /// Questions in the assessment.
        expected: usize,
        /// Responses or notes given.
        found: usize,
    },
    /// A question has no response yet: only complete results are shared.
    Unanswered {
        /// Position of the first unanswered question.
        question: usize,
    },
    /// The organisation name is over [`MAX_LABEL_BYTES`] bytes.
    LabelTooLong,
    /// A note is over [`MAX_NOTE_BYTES`] bytes.
    NoteTooLong {
        /// Position of the first question whose note is too long.
        question: usize,
    },
    /// The assessment has more questions than a link can number (255).
    TooManyQuestions,
}

impl ShareBuildError {
    /// What is wrong, in plain English.
    pub fn message(&self) -> String {
        match self {
            ShareBuildError::WrongQuestionCount { expected, found } => format!(
                "These answers are for {found} questions, but the assessment has {expected}."
            ),
            ShareBuildError::Unanswered { question } => format!(
                "Answer question {} before sharing your results. You can choose “Don’t know”.",
                question + 1
            ),
            ShareBuildError::LabelTooLong => format!(
                "Organisation name or ODS code is too long to go in a link. Shorten it to {MAX_ORGANISATION_CHARS} characters or fewer."
            ),
            ShareBuildError::NoteTooLong { question } => format!(
                "Notes for question {} must be {MAX_NOTE_BYTES} characters or fewer to share them in a link.",
                question + 1
            ),
            ShareBuildError::TooManyQuestions => {
                "This assessment has too many questions to share in a link.".to_owned()
            }
        }
    }
}

impl fmt::Display for ShareBuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ShareBuildError {}

impl SharedResult {
    /// A result ready to share. Every question needs a response (don't-knows
    /// included) and text must fit the link's caps. Notes may be fewer than
    /// the questions (missing ones are empty); they are padded to one per
    /// question.
    pub fn new(
        assessment: &'static Assessment,
        mut answers: Answers,
        label: Option<Label>,
        date: Option<Date>,
    ) -> Result<SharedResult, ShareBuildError> {
        let count = assessment.question_count();
        if count > usize::from(u8::MAX) {
            return Err(ShareBuildError::TooManyQuestions);
        }
        let extra_notes = answers.notes.get(count..).unwrap_or_default();
        if answers.responses.len() != count || extra_notes.iter().any(|n| !n.is_empty()) {
            return Err(ShareBuildError::WrongQuestionCount {
                expected: count,
                found: answers.responses.len().max(answers.notes.len()),
            });
        }
        if let Some(question) = answers.first_unanswered() {
            return Err(ShareBuildError::Unanswered { question });
        }
        if label
            .as_ref()
            .is_some_and(|l| l.organisation.len() > MAX_LABEL_BYTES)
        {
            return Err(ShareBuildError::LabelTooLong);
        }
        if let Some(question) = answers.notes.iter().position(|n| n.len() > MAX_NOTE_BYTES) {
            return Err(ShareBuildError::NoteTooLong { question });
        }
        answers.notes.resize(count, String::new());
        Ok(SharedResult {
            assessment,
            answers,
            label,
            date,
        })
    }

    /// The assessment answered.
    pub fn assessment(&self) -> &'static Assessment {
        self.assessment
    }

    /// The responses (all present) and notes (one per question, empty when
    /// there is none).
    pub fn answers(&self) -> &Answers {
        &self.answers
    }

    /// The answers, e.g. to "Edit a copy".
    pub fn into_answers(self) -> Answers {
        self.answers
    }

    /// Who the result is from, if the sender said.
    pub fn label(&self) -> Option<&Label> {
        self.label.as_ref()
    }

    /// The day the result was made, if given.
    pub fn date(&self) -> Option<Date> {
        self.date
    }

    /// Whether any question has a note.
    pub fn has_notes(&self) -> bool {
        self.answers.notes.iter().any(|n| !n.is_empty())
    }

    /// The same result with no notes, for a link without them.
    pub fn without_notes(mut self) -> SharedResult {
        self.answers.notes.iter_mut().for_each(String::clear);
        self
    }
}

// ---------------------------------------------------------------------------
// Errors opening a link
// ---------------------------------------------------------------------------

/// Why a link cannot be opened. Every cause has its own variant so the UI
/// and tests can tell them apart; [`ShareError::message`] says what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    /// There is nothing after the `#`.
    Empty,
    /// Characters outside base64url (A–Z, a–z, 0–9, `-`, `_`).
    InvalidCharacters,
    /// The link stops before its end: cut off when copied.
    Truncated,
    /// The checksum does not match: the link was edited or damaged, or is
    /// not a results link at all.
    ChecksumMismatch,
    /// A format version (or optional part) this widget does not know: made
    /// by a newer version of the widget.
    UnknownFormat {
        /// The format version in the link.
        version: u8,
    },
    /// No built-in assessment has the link's assessment hash.
    UnknownAssessment,
    /// The assessment is known, but the link was made with another version
    /// of its questions.
    ContentVersion {
        /// Content version in the link.
        link: u16,
        /// Content version this widget has.
        ours: u16,
    },
    /// The answers do not fit the assessment (wrong number of questions, or
    /// stray bits after the last answer).
    InvalidAnswers,
    /// The role is not one this widget knows.
    InvalidRole,
    /// The organisation name or a note is not valid UTF-8.
    InvalidText,
    /// Notes for questions that do not exist, out of order or empty.
    InvalidNotes,
    /// The organisation name or a note is over its cap.
    TooLong,
    /// Something follows the end of the result.
    TrailingBytes,
}

impl ShareError {
    /// A clear explanation, in NHS style, of what is wrong and what to do.
    pub fn message(&self) -> String {
        const ASK_AGAIN: &str =
            "Ask the sender to copy the whole link again, or to send the results as a file.";
        match self {
            ShareError::Empty => {
                format!("This link does not contain any results. {ASK_AGAIN}")
            }
            ShareError::InvalidCharacters => format!(
                "This link contains characters that cannot be part of a results link. It may have been changed when it was copied or sent. {ASK_AGAIN}"
            ),
            ShareError::Truncated => format!(
                "This link is incomplete. It may have been cut off when it was copied. {ASK_AGAIN}"
            ),
            ShareError::ChecksumMismatch => format!(
                "This link has been changed or damaged, so we cannot show the results. {ASK_AGAIN}"
            ),
            ShareError::UnknownFormat { .. } => "This link was made with a newer version of this self-assessment. Refresh the page to get the latest version and try again, or ask the sender to send the results as a file.".to_owned(),
            ShareError::UnknownAssessment => "This link is for an assessment this page does not have. Check you opened it on the same website the sender used, or ask the sender to send the results as a file.".to_owned(),
            ShareError::ContentVersion { link, ours } if link > ours => format!(
                "This link was made with a newer version of the questions (version {link}) than this page has (version {ours}). Refresh the page to get the latest version and try again, or ask the sender to send the results as a file."
            ),
            ShareError::ContentVersion { link, ours } => format!(
                "This link was made with an older version of the questions (version {link}). This page has version {ours}, and the answers cannot be matched to its questions. Ask the sender to send the results as a file, or start your own assessment."
            ),
            ShareError::InvalidAnswers => format!(
                "The answers in this link do not match the questions, so the link may have been changed. {ASK_AGAIN}"
            ),
            ShareError::InvalidRole => format!(
                "This link contains a role we do not recognise, so it may have been changed. {ASK_AGAIN}"
            ),
            ShareError::InvalidText => format!(
                "The organisation name or notes in this link cannot be read as text, so the link may have been changed. {ASK_AGAIN}"
            ),
            ShareError::InvalidNotes => format!(
                "The notes in this link do not match the questions, so the link may have been changed. {ASK_AGAIN}"
            ),
            ShareError::TooLong => format!(
                "The organisation name or notes in this link are longer than a link can carry. {ASK_AGAIN}"
            ),
            ShareError::TrailingBytes => "This link has extra characters at the end. It may have been joined to other text when it was copied. Remove anything after the link, or ask the sender to copy the whole link again.".to_owned(),
        }
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ShareError {}

// ---------------------------------------------------------------------------
// Encoding and decoding
// ---------------------------------------------------------------------------

/// The 16-bit hash identifying an assessment in links: 32-bit FNV-1a of its
/// id, high half XORed into the low half.
pub fn assessment_hash(id: &str) -> u16 {
    let hash = id.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    });
    ((hash >> 16) ^ hash) as u16
}

fn response_code(response: Response) -> u8 {
    match response {
        Response::DontKnow => 0,
        Response::Level(Level::Absent) => 1,
        Response::Level(Level::Siloed) => 2,
        Response::Level(Level::Embedded) => 3,
    }
}

fn response_from_code(code: u8) -> Response {
    match code & 0b11 {
        0 => Response::DontKnow,
        1 => Response::Level(Level::Absent),
        2 => Response::Level(Level::Siloed),
        _ => Response::Level(Level::Embedded),
    }
}

/// Appends `value` as unsigned LEB128.
pub(crate) fn push_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// The link payload (base64url, no padding) for a result.
pub fn encode(result: &SharedResult) -> String {
    let assessment = result.assessment;
    let responses = &result.answers.responses;
    let notes: Vec<(usize, &String)> = (result.answers.notes.iter().enumerate())
        .filter(|(_, note)| !note.is_empty())
        .collect();

    let mut flags = 0;
    if result.date.is_some() {
        flags |= FLAG_DATE;
    }
    if result.label.is_some() {
        flags |= FLAG_LABEL;
    }
    if !notes.is_empty() {
        flags |= FLAG_NOTES;
    }

    let mut body = vec![flags];
    body.extend(assessment_hash(assessment.id).to_be_bytes());
    body.extend(assessment.version.to_be_bytes());
    if let Some(date) = result.date {
        body.extend(date.days.to_be_bytes());
    }
    // SharedResult::new checked the count fits in a byte and every question
    // is answered.
    push_responses(&mut body, responses);
    if let Some(label) = &result.label {
        body.push(label.role.code());
        body.push(label.organisation.len() as u8);
        body.extend(label.organisation.as_bytes());
    }
    if !notes.is_empty() {
        body.push(notes.len() as u8);
        for (position, note) in notes {
            body.push(position as u8);
            push_varint(&mut body, note.len());
            body.extend(note.as_bytes());
        }
    }
    base64url_encode(&seal(FORMAT_VERSION, &body))
}

/// Writes the number of responses and the responses, 2 bits each.
pub(crate) fn push_responses(body: &mut Vec<u8>, responses: &[Option<Response>]) {
    body.push(responses.len() as u8);
    push_packed(body, responses);
}

/// Writes responses 2 bits each, first in the high bits, spare bits 0.
pub(crate) fn push_packed(body: &mut Vec<u8>, responses: &[Option<Response>]) {
    for group in responses.chunks(4) {
        let byte = (group.iter().enumerate()).fold(0u8, |byte, (i, response)| {
            let code = response.map_or(0, response_code);
            byte | code << (6 - 2 * i)
        });
        body.push(byte);
    }
}

/// Reads an assessment hash and content version and finds that assessment.
pub(crate) fn read_assessment(
    reader: &mut Reader<'_>,
    assessments: &'static [Assessment],
) -> Result<&'static Assessment, ShareError> {
    let hash = reader.u16()?;
    let content_version = reader.u16()?;
    let mut candidates = assessments
        .iter()
        .filter(|a| assessment_hash(a.id) == hash)
        .peekable();
    let first = *candidates.peek().ok_or(ShareError::UnknownAssessment)?;
    // Hook for opening links made with other content versions: keep the
    // question ids of earlier versions, read the answers by the link's
    // version and match them to this version's questions by stable id.
    candidates
        .find(|a| a.version == content_version)
        .ok_or(ShareError::ContentVersion {
            link: content_version,
            ours: first.version,
        })
}

/// Reads what [`push_responses`] wrote, for `assessment`'s questions.
pub(crate) fn read_responses(
    reader: &mut Reader<'_>,
    assessment: &Assessment,
) -> Result<Vec<Option<Response>>, ShareError> {
    let count = usize::from(reader.u8()?);
    if count != assessment.question_count() {
        return Err(ShareError::InvalidAnswers);
    }
    read_packed(reader, count)
}

/// Reads `count` responses written by [`push_packed`].
pub(crate) fn read_packed(
    reader: &mut Reader<'_>,
    count: usize,
) -> Result<Vec<Option<Response>>, ShareError> {
    let packed = reader.bytes(count.div_ceil(4))?;
    let used_bits = 2 * (count % 4);
    if used_bits != 0 && packed.last().is_some_and(|&last| last << used_bits != 0) {
        return Err(ShareError::InvalidAnswers);
    }
    Ok((0..count)
        .map(|i| {
            let byte = packed.get(i / 4).copied().unwrap_or(0);
            Some(response_from_code(byte >> (6 - 2 * (i % 4))))
        })
        .collect())
}

/// Wraps a body in the envelope: version, length, body, checksum.
pub(crate) fn seal(version: u8, body: &[u8]) -> Vec<u8> {
    let mut out = vec![version];
    push_varint(&mut out, body.len() + CHECKSUM_BYTES);
    out.extend(body);
    out.extend(crc16(&out).to_be_bytes());
    out
}

/// Whether the last two bytes are the checksum of the rest.
fn checksum_ok(sealed: &[u8]) -> bool {
    sealed
        .split_last_chunk::<CHECKSUM_BYTES>()
        .is_some_and(|(content, crc)| crc16(content) == u16::from_be_bytes(*crc))
}

/// Reads a link payload back into a result, finding its assessment among
/// `assessments`. Never panics, whatever the input.
pub fn decode(
    payload: &str,
    assessments: &'static [Assessment],
) -> Result<SharedResult, ShareError> {
    let (version, body) = unseal(payload)?;
    if version != FORMAT_VERSION {
        return Err(ShareError::UnknownFormat { version });
    }
    read_body(&body, assessments)
}

/// Reads base64url text back into the format version and body of a sealed
/// envelope, checking its length and checksum. Shared with the compare
/// link, which uses the same envelope.
pub(crate) fn unseal(payload: &str) -> Result<(u8, Vec<u8>), ShareError> {
    if payload.is_empty() {
        return Err(ShareError::Empty);
    }
    let decoded = decode_base64url_lenient(payload).ok_or(ShareError::InvalidCharacters)?;
    let (version, body) = open_envelope(&decoded.bytes)?;
    if decoded.dangling_char {
        // One character more than whole bytes need: something was appended.
        return Err(ShareError::TrailingBytes);
    }
    if decoded.spare_bits_set {
        // The last character was edited in bits the bytes do not use.
        return Err(ShareError::ChecksumMismatch);
    }
    Ok((version, body.to_vec()))
}

/// Checks the frozen envelope and returns the format version and body.
///
/// A shortfall is reported as truncation only when the version byte is one
/// this widget writes: random text would otherwise read as "incomplete".
fn open_envelope(bytes: &[u8]) -> Result<(u8, &[u8]), ShareError> {
    let mut reader = Reader::new(bytes);
    let version = reader.u8()?;
    let cut_off = if version == FORMAT_VERSION {
        ShareError::Truncated
    } else {
        ShareError::ChecksumMismatch
    };
    let declared = match reader.varint(ShareError::ChecksumMismatch) {
        Ok(declared) => usize::try_from(declared).map_err(|_| ShareError::ChecksumMismatch)?,
        Err(ShareError::Truncated) => return Err(cut_off),
        Err(_) => return Err(ShareError::ChecksumMismatch),
    };
    let header_len = bytes.len() - reader.remaining();
    if reader.remaining() < declared {
        return Err(cut_off);
    }
    if declared < CHECKSUM_BYTES {
        return Err(ShareError::ChecksumMismatch);
    }
    let sealed_len = header_len + declared;
    let sealed = bytes.get(..sealed_len).ok_or(ShareError::Truncated)?;
    if !checksum_ok(sealed) {
        return Err(ShareError::ChecksumMismatch);
    }
    if bytes.len() > sealed_len {
        return Err(ShareError::TrailingBytes);
    }
    let body = sealed
        .get(header_len..sealed_len - CHECKSUM_BYTES)
        .ok_or(ShareError::Truncated)?;
    Ok((version, body))
}

/// Reads a checked format-1 body.
fn read_body(body: &[u8], assessments: &'static [Assessment]) -> Result<SharedResult, ShareError> {
    let mut reader = Reader::new(body);
    let flags = reader.u8()?;
    if flags & !KNOWN_FLAGS != 0 {
        // An optional part added by a newer widget.
        return Err(ShareError::UnknownFormat {
            version: FORMAT_VERSION,
        });
    }
    let assessment = read_assessment(&mut reader, assessments)?;

    let date = if flags & FLAG_DATE != 0 {
        Some(Date::from_days(reader.u16()?))
    } else {
        None
    };

    let responses = read_responses(&mut reader, assessment)?;
    let count = responses.len();

    let label = if flags & FLAG_LABEL != 0 {
        let role = Role::from_code(reader.u8()?).ok_or(ShareError::InvalidRole)?;
        let len = usize::from(reader.u8()?);
        if len > MAX_LABEL_BYTES {
            return Err(ShareError::TooLong);
        }
        let organisation = reader.text(len)?;
        Some(Label { organisation, role })
    } else {
        None
    };

    let mut notes = vec![String::new(); count];
    if flags & FLAG_NOTES != 0 {
        let note_count = reader.u8()?;
        if note_count == 0 {
            return Err(ShareError::InvalidNotes);
        }
        let mut next_free = 0;
        for _ in 0..note_count {
            let position = usize::from(reader.u8()?);
            if position < next_free {
                return Err(ShareError::InvalidNotes);
            }
            let len = usize::try_from(reader.varint(ShareError::InvalidNotes)?)
                .map_err(|_| ShareError::TooLong)?;
            if len > MAX_NOTE_BYTES {
                return Err(ShareError::TooLong);
            }
            if len == 0 {
                return Err(ShareError::InvalidNotes);
            }
            let text = reader.text(len)?;
            *notes.get_mut(position).ok_or(ShareError::InvalidNotes)? = text;
            next_free = position + 1;
        }
    }
    if !reader.is_empty() {
        return Err(ShareError::TrailingBytes);
    }

    Ok(SharedResult {
        assessment,
        answers: Answers { responses, notes },
        label,
        date,
    })
}

/// A bounds-checked cursor over untrusted bytes: every read either succeeds
/// or reports [`ShareError::Truncated`], so decoding cannot index out of range.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        Reader { rest: bytes }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.rest.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ShareError> {
        let (&first, rest) = self.rest.split_first().ok_or(ShareError::Truncated)?;
        self.rest = rest;
        Ok(first)
    }

    pub(crate) fn u16(&mut self) -> Result<u16, ShareError> {
        let (bytes, rest) = self
            .rest
            .split_first_chunk::<2>()
            .ok_or(ShareError::Truncated)?;
        self.rest = rest;
        Ok(u16::from_be_bytes(*bytes))
    }

    pub(crate) fn bytes(&mut self, len: usize) -> Result<&'a [u8], ShareError> {
        let (taken, rest) = self
            .rest
            .split_at_checked(len)
            .ok_or(ShareError::Truncated)?;
        self.rest = rest;
        Ok(taken)
    }

    /// Unsigned LEB128 of at most 3 bytes (values below 2^21): a longer one
    /// is over every cap. A padded form (a last byte of 0 after the first) is
    /// refused with `non_canonical`, so each result has exactly one link.
    pub(crate) fn varint(&mut self, non_canonical: ShareError) -> Result<u32, ShareError> {
        let mut value = 0;
        for shift in [0, 7, 14] {
            let byte = self.u8()?;
            if byte == 0 && shift > 0 {
                return Err(non_canonical);
            }
            value |= u32::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(ShareError::TooLong)
    }

    pub(crate) fn text(&mut self, len: usize) -> Result<String, ShareError> {
        let bytes = self.bytes(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| ShareError::InvalidText)
    }
}

// ---------------------------------------------------------------------------
// Links
// ---------------------------------------------------------------------------

/// The share link: `base_url` without any fragment, then
/// `#` [`FRAGMENT_PREFIX`] `payload`.
pub fn link(base_url: &str, payload: &str) -> String {
    link_with_prefix(base_url, FRAGMENT_PREFIX, payload)
}

/// `base_url` without any fragment, then `#`, `prefix` and `payload`: the
/// shape of share and compare links.
pub(crate) fn link_with_prefix(base_url: &str, prefix: &str, payload: &str) -> String {
    let base = base_url.split('#').next().unwrap_or_default();
    format!("{base}#{prefix}{payload}")
}

/// Characters in the [`link`] for this base URL and payload, to compare
/// with [`MAX_LINK_CHARS`].
pub fn link_length(base_url: &str, payload: &str) -> usize {
    let base = base_url.split('#').next().unwrap_or_default();
    base.chars().count() + 1 + FRAGMENT_PREFIX.len() + payload.len()
}

/// Whether the link fits under [`MAX_LINK_CHARS`] for Teams and Outlook.
pub fn fits_in_link(base_url: &str, payload: &str) -> bool {
    link_length(base_url, payload) <= MAX_LINK_CHARS
}

/// The payload in a URL fragment (with or without its `#`), or `None` if the
/// fragment is not a share link (empty, or another fragment such as a skip
/// link's target).
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    payload_after_prefix(fragment, FRAGMENT_PREFIX)
}

/// What follows `prefix` in a URL fragment (with or without its `#`).
pub(crate) fn payload_after_prefix<'a>(fragment: &'a str, prefix: &str) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.strip_prefix(prefix)
}

// ---------------------------------------------------------------------------
// Building blocks: base64url and CRC-16
// ---------------------------------------------------------------------------

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Base64url (RFC 4648 §5) without padding.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk
            .iter()
            .enumerate()
            .fold(0u32, |group, (i, &b)| group | u32::from(b) << (16 - 8 * i));
        // Three bytes make four characters; one or two make two or three.
        for i in 0..=chunk.len() {
            let sextet = (group >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(BASE64URL[sextet as usize]));
        }
    }
    out
}

/// Strict base64url without padding: `None` for any character outside the
/// alphabet, a dangling final character, or non-zero unused bits.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    decode_base64url_lenient(text)
        .filter(|d| !d.dangling_char && !d.spare_bits_set)
        .map(|d| d.bytes)
}

/// Base64url bytes, with how the end departs from the canonical form (so
/// the decoder can tell truncation from edits).
struct Base64Decoded {
    bytes: Vec<u8>,
    /// One character beyond the last whole byte (length ≡ 1 mod 4).
    dangling_char: bool,
    /// The last character has unused bits that are not zero.
    spare_bits_set: bool,
}

fn sextet(c: u8) -> Option<u32> {
    let value = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// Decodes base64url, `None` only for characters outside the alphabet.
fn decode_base64url_lenient(text: &str) -> Option<Base64Decoded> {
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3 + 2);
    let mut buffer = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        // Only the low 12 bits can still be needed; masking keeps it bounded.
        buffer = ((buffer << 6) | sextet(c)?) & 0xfff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push((buffer >> bits) as u8);
        }
    }
    Some(Base64Decoded {
        bytes,
        dangling_char: bits == 6,
        spare_bits_set: bits < 6 && buffer & ((1 << bits) - 1) != 0,
    })
}

/// CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF, no reflection):
/// catches every error burst up to 16 bits, so any single edited character.
/// Bitwise rather than table-driven to keep the wasm small.
pub fn crc16(bytes: &[u8]) -> u16 {
    bytes.iter().fold(0xffff, |crc, &byte| {
        (0..8).fold(crc ^ (u16::from(byte) << 8), |crc, _| {
            if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).as_deref(), Some(plain.as_bytes()));
        }
    }

    #[test]
    fn base64url_uses_the_url_safe_alphabet() {
        // Standard base64 would be "+/8=": url-safe swaps + and / and drops "=".
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("-_8"), Some(vec![0xfb, 0xff]));
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(base64url_decode(&base64url_encode(&all)), Some(all));
    }

    #[test]
    fn base64url_rejects_non_canonical_text() {
        for bad in ["Zm9v+", "Zm9v/", "Zm9v=", "Zm 9v", "Zm9vé", "Z"] {
            assert_eq!(base64url_decode(bad), None, "{bad}");
        }
        // "Zh" carries the same byte as "Zg" but with a spare bit set.
        assert_eq!(base64url_decode("Zh"), None);
        let lenient = decode_base64url_lenient("Zh").unwrap();
        assert_eq!(lenient.bytes, b"f");
        assert!(lenient.spare_bits_set && !lenient.dangling_char);
        let dangling = decode_base64url_lenient("Zm9vY").unwrap();
        assert_eq!(dangling.bytes, b"foo");
        assert!(dangling.dangling_char);
    }

    #[test]
    fn crc16_ccitt_false_check_value() {
        assert_eq!(crc16(b"123456789"), 0x29b1);
        assert_eq!(crc16(b""), 0xffff);
    }

    #[test]
    fn crc16_detects_every_single_bit_flip() {
        let data = b"digital strategy";
        let good = crc16(data);
        for bit in 0..data.len() * 8 {
            let mut flipped = data.to_vec();
            flipped[bit / 8] ^= 0x80 >> (bit % 8);
            assert_ne!(crc16(&flipped), good, "bit {bit}");
        }
    }

    #[test]
    fn dates_convert_to_and_from_the_calendar() {
        assert_eq!(Date::from_ymd(2020, 1, 1), Some(Date::from_days(0)));
        assert_eq!(Date::from_ymd(2020, 12, 31), Some(Date::from_days(365)));
        assert_eq!(Date::from_ymd(2021, 1, 1), Some(Date::from_days(366)));
        let leap_day = Date::from_ymd(2024, 2, 29).unwrap();
        assert_eq!(leap_day.ymd(), (2024, 2, 29));
        assert_eq!(leap_day.days(), 1520);
        assert_eq!(leap_day.to_string(), "2024-02-29");
        // 2100 is not a leap year: 28 February is followed by 1 March.
        assert_eq!(Date::from_ymd(2100, 2, 29), None);
        let feb_28 = Date::from_ymd(2100, 2, 28).unwrap();
        let mar_1 = Date::from_ymd(2100, 3, 1).unwrap();
        assert_eq!(mar_1.days() - feb_28.days(), 1);
        assert_eq!(mar_1.ymd(), (2100, 3, 1));
        // 2000 was (before range), 2400 would be: the rule, checked directly.
        assert!(is_leap_year(2000) && is_leap_year(2400) && !is_leap_year(1900));
    }

    #[test]
    fn every_date_in_range_round_trips_in_order() {
        let mut previous = (2019, 12, 31);
        for days in 0..=u16::MAX {
            let date = Date::from_days(days);
            let (year, month, day) = date.ymd();
            assert_eq!(Date::from_ymd(year, month, day), Some(date));
            assert!((year, month, day) > previous);
            assert!(day <= days_in_month(year, month));
            previous = (year, month, day);
        }
        assert_eq!(previous, (2199, 6, 6));
    }

    #[test]
    fn dates_outside_the_range_or_calendar_are_refused() {
        assert_eq!(Date::from_ymd(2019, 12, 31), None);
        assert_eq!(Date::from_ymd(2199, 6, 7), None);
        assert_eq!(Date::from_ymd(2024, 0, 1), None);
        assert_eq!(Date::from_ymd(2024, 13, 1), None);
        assert_eq!(Date::from_ymd(2024, 4, 31), None);
        assert_eq!(Date::from_ymd(2024, 1, 0), None);
        assert_eq!(Date::from_ymd(i32::MIN, 1, 1), None);
        assert_eq!(Date::from_ymd(i32::MAX, 12, 31), None);
    }

    #[test]
    fn days_from_civil_matches_known_unix_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(2020, 1, 1), EPOCH_2020);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn reader_stays_in_bounds() {
        let mut reader = Reader::new(&[1, 2, 3]);
        assert_eq!(reader.u16(), Ok(0x0102));
        assert_eq!(reader.u16(), Err(ShareError::Truncated));
        assert_eq!(reader.bytes(2), Err(ShareError::Truncated));
        assert_eq!(reader.u8(), Ok(3));
        assert_eq!(reader.u8(), Err(ShareError::Truncated));
        assert_eq!(reader.bytes(0), Ok(&[][..]));
        assert_eq!(reader.bytes(usize::MAX), Err(ShareError::Truncated));
        assert!(reader.is_empty());
    }

    #[test]
    fn reader_reads_varints_up_to_three_bytes() {
        let mut out = Vec::new();
        for value in [0, 1, 127, 128, 2000, 16_383, 16_384, 0x1f_ffff] {
            out.clear();
            push_varint(&mut out, value);
            let mut reader = Reader::new(&out);
            assert_eq!(reader.varint(ShareError::InvalidNotes), Ok(value as u32));
            assert!(reader.is_empty());
        }
        let read = |bytes: &[u8]| Reader::new(bytes).varint(ShareError::InvalidNotes);
        assert_eq!(read(&[0x80, 0x80, 0x80, 0x01]), Err(ShareError::TooLong));
        assert_eq!(read(&[0x80]), Err(ShareError::Truncated));
        // 5 padded to two bytes: refused, so each value has one encoding.
        assert_eq!(read(&[0x85, 0x00]), Err(ShareError::InvalidNotes));
    }

    #[test]
    fn reader_text_must_be_utf8() {
        assert_eq!(Reader::new("é".as_bytes()).text(2), Ok("é".to_owned()));
        assert_eq!(Reader::new(&[0xc3]).text(1), Err(ShareError::InvalidText));
        assert_eq!(
            Reader::new(&[0xff, 0xfe]).text(2),
            Err(ShareError::InvalidText)
        );
    }

    #[test]
    fn answer_codes_round_trip() {
        for code in 0..4 {
            assert_eq!(response_code(response_from_code(code)), code);
        }
    }

    #[test]
    fn assessment_hash_is_fnv1a_folded() {
        // FNV-1a 32 of "" is the offset basis 0x811c9dc5; folded: 0x811c ^ 0x9dc5.
        assert_eq!(assessment_hash(""), 0x811c ^ 0x9dc5);
        // FNV-1a 32 of "a" is 0xe40c292c.
        assert_eq!(assessment_hash("a"), 0xe40c ^ 0x292c);
    }

    #[test]
    fn links_put_the_payload_in_the_fragment() {
        let url = link("https://example.nhs.uk/assess/#maincontent", "AbC-_");
        assert_eq!(url, "https://example.nhs.uk/assess/#r=AbC-_");
        assert_eq!(
            link_length("https://example.nhs.uk/assess/#old", "AbC-_"),
            url.len()
        );
        assert_eq!(payload_from_fragment("#r=AbC-_"), Some("AbC-_"));
        assert_eq!(payload_from_fragment("r="), Some(""));
        assert_eq!(payload_from_fragment("#maincontent"), None);
        assert_eq!(payload_from_fragment(""), None);
        let base = "https://example.nhs.uk/";
        let fits = "A".repeat(MAX_LINK_CHARS - link_length(base, ""));
        assert!(fits_in_link(base, &fits));
        assert!(!fits_in_link(base, &format!("{fits}A")));
    }

    #[test]
    fn every_error_has_a_message_saying_what_to_do() {
        let errors = [
            ShareError::Empty,
            ShareError::InvalidCharacters,
            ShareError::Truncated,
            ShareError::ChecksumMismatch,
            ShareError::UnknownFormat { version: 2 },
            ShareError::UnknownAssessment,
            ShareError::ContentVersion { link: 1, ours: 2 },
            ShareError::ContentVersion { link: 3, ours: 2 },
            ShareError::InvalidAnswers,
            ShareError::InvalidRole,
            ShareError::InvalidText,
            ShareError::InvalidNotes,
            ShareError::TooLong,
            ShareError::TrailingBytes,
        ];
        for error in errors {
            let message = error.message();
            assert!(message.starts_with("This ") || message.starts_with("The "));
            assert!(message.ends_with('.'), "{message}");
            assert!(message.contains("sender") || message.contains("Refresh"));
        }
        assert!(
            ShareError::ContentVersion { link: 1, ours: 2 }
                .message()
                .contains("version 1")
        );
    }
}
