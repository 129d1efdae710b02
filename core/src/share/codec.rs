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
//! | 1          | flags: bit 0 date, bit 1 label, bit 2 notes, bit 3 actions, bit 4 unanswered; other bits 0 |
//! | 2          | assessment: [`assessment_hash`] of its id                         |
//! | 2          | content version ([`Assessment::version`])                         |
//! | 2          | date, if flagged: days since 2020-01-01                           |
//! | 1          | number of questions, n                                            |
//! | ⌈2n/8⌉     | answers, 2 bits each, first question in the high bits; spare bits 0 |
//! | 1 + 1 + k  | label, if flagged: role, byte length k (≤ 255), UTF-8 organisation |
//! | 1 + …      | notes, if flagged: count, then per note its question position (strictly increasing), varint byte length (1 to 2000) and UTF-8 text |
//! | 1 + …      | actions, if flagged: count (1 to [`MAX_ACTIONS`]), then per action: what, lead (each varint byte length and UTF-8, not empty), due month (2: 0 none, else months since January 2020 plus 1), measure (varint byte length and UTF-8, may be empty), the questions it answers (⌈n/8⌉ bytes, a bit per question, first question in the high bit; spare bits 0) and status (1: 0 none, 1 not started, 2 in progress, 3 done, 4 dropped) |
//! | ⌈n/8⌉      | unanswered, if flagged: a bit per question, first question in the high bit, set for a question with no answer (its answer code 0); at least one set, spare bits 0 |
//! | 2          | checksum: CRC-16/CCITT-FALSE of every byte before it              |
//!
//! Answer codes: 0 Don't know, 1 Absent, 2 Siloed, 3 Embedded.
//!
//! # Earlier content versions
//!
//! A link names the content version it was made with, and its answers,
//! notes and actions are laid out by that version's questions. A link of an
//! earlier version the assessment file lists (`[[earlier_versions]]`) is
//! read in that layout and then moved to this version's questions by id
//! ([`Assessment::changes_since`]): questions added since, or reworded with
//! a change of meaning, are left unanswered (hence the unanswered part, so
//! such a result can be shared on as it is), and removed ones are left out.
//! The result says so ([`SharedResult::version_change`]).
//!
//! New optional parts can be added without a new format version by giving
//! them a new flag bit and appending them; older widgets reject unknown flag
//! bits as "made by a newer version". Incompatible changes bump the version.
//!
//! A result with a date and no label or notes is 16 bytes: 22 characters.

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use std::fmt;

use super::encoding::{base64url_encode, crc16, decode_base64url_lenient};
use super::{MAX_LABEL_BYTES, MAX_NOTE_BYTES, SharedResult};
use crate::actions::{self, Commitment, MAX_ACTIONS, MonthYear, Status};
use crate::date::Date;
use crate::label::{Label, Role};
use crate::model::{Assessment, Level, VersionChange};
use crate::scoring::{Answers, Response};

/// The format version written by [`encode`]; the first byte of every link.
pub const FORMAT_VERSION: u8 = 1;

const FLAG_DATE: u8 = 0b001;
const FLAG_LABEL: u8 = 0b010;
const FLAG_NOTES: u8 = 0b100;
const FLAG_ACTIONS: u8 = 0b1000;
const FLAG_UNANSWERED: u8 = 0b1_0000;
const KNOWN_FLAGS: u8 = FLAG_DATE | FLAG_LABEL | FLAG_NOTES | FLAG_ACTIONS | FLAG_UNANSWERED;

const CHECKSUM_BYTES: usize = 2;

// The organisation's length is one byte, which is what lets the decoder
// take any length it reads as within the cap.
const _: () = assert!(MAX_LABEL_BYTES == u8::MAX as usize);

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
    /// Actions that are empty, over their caps, dated impossibly, or
    /// naming questions that do not exist.
    InvalidActions,
    /// The organisation name or a note is over its cap.
    TooLong,
    /// Something follows the end of the result.
    TrailingBytes,
}

impl ShareError {
    /// A clear explanation, in NHS style, of what is wrong and what to do.
    pub fn message(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::edition::errors::share_error(self, f)
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
    if !result.actions.is_empty() {
        flags |= FLAG_ACTIONS;
    }
    let unanswered = responses.iter().any(Option::is_none);
    if unanswered {
        flags |= FLAG_UNANSWERED;
    }

    let mut body = vec![flags];
    body.extend(assessment_hash(assessment.id).to_be_bytes());
    body.extend(assessment.version.to_be_bytes());
    if let Some(date) = result.date {
        body.extend(date.days().to_be_bytes());
    }
    // SharedResult::new checked the count fits in a byte and every question
    // is answered; only a result read from an earlier content version has
    // questions without an answer (code 0, marked in the unanswered part).
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
    if !result.actions.is_empty() {
        // SharedResult::with_actions checked there are at most MAX_ACTIONS.
        body.push(result.actions.len() as u8);
        for action in &result.actions {
            push_action(&mut body, action, responses.len());
        }
    }
    if unanswered {
        push_unanswered(&mut body, responses);
    }
    base64url_encode(&seal(FORMAT_VERSION, &body))
}

fn push_text(body: &mut Vec<u8>, text: &str) {
    push_varint(body, text.len());
    body.extend(text.as_bytes());
}

/// 0 for none; else months since January 2020, plus 1.
fn month_code(by: Option<MonthYear>) -> u16 {
    by.map_or(0, |by| (by.year() - 2020) * 12 + u16::from(by.month()))
}

fn month_from_code(code: u16) -> Option<Option<MonthYear>> {
    if code == 0 {
        return Some(None);
    }
    let months = code - 1;
    MonthYear::new(2020 + months / 12, (months % 12) as u8 + 1).map(Some)
}

fn status_code(status: Option<Status>) -> u8 {
    match status {
        None => 0,
        Some(Status::NotStarted) => 1,
        Some(Status::InProgress) => 2,
        Some(Status::Done) => 3,
        Some(Status::Dropped) => 4,
    }
}

fn status_from_code(code: u8) -> Option<Option<Status>> {
    Some(match code {
        0 => None,
        1 => Some(Status::NotStarted),
        2 => Some(Status::InProgress),
        3 => Some(Status::Done),
        4 => Some(Status::Dropped),
        _ => return None,
    })
}

/// One action: what, lead, month, measure, the questions as bits, status.
fn push_action(body: &mut Vec<u8>, action: &Commitment, question_count: usize) {
    push_text(body, &action.what);
    push_text(body, &action.lead);
    body.extend(month_code(action.by).to_be_bytes());
    push_text(body, &action.measure);
    let mut bits = vec![0u8; question_count.div_ceil(8)];
    for &question in &action.questions {
        if let Some(byte) = bits.get_mut(question / 8) {
            *byte |= 0x80 >> (question % 8);
        }
    }
    body.extend(bits);
    body.push(status_code(action.status));
}

/// Reads a text written by [`push_text`], at most `max_bytes` long.
fn read_text(reader: &mut Reader<'_>, max_bytes: usize) -> Result<String, ShareError> {
    let len = usize::try_from(reader.varint(ShareError::InvalidActions)?)
        .map_err(|_| ShareError::TooLong)?;
    if len > max_bytes {
        return Err(ShareError::TooLong);
    }
    reader.text(len)
}

/// Reads what [`push_action`] wrote, for an assessment of `count`
/// questions; the action must be one [`actions::check`] could have made.
fn read_action(reader: &mut Reader<'_>, count: usize) -> Result<Commitment, ShareError> {
    // A character is at most 4 bytes of UTF-8.
    let what = read_text(reader, 4 * actions::MAX_WHAT_CHARS)?;
    let lead = read_text(reader, 4 * actions::MAX_LEAD_CHARS)?;
    let by = month_from_code(reader.u16()?).ok_or(ShareError::InvalidActions)?;
    let measure = read_text(reader, 4 * actions::MAX_MEASURE_CHARS)?;
    let questions = read_bits(reader, count, ShareError::InvalidActions)?;
    let status = status_from_code(reader.u8()?).ok_or(ShareError::InvalidActions)?;
    let action = Commitment {
        what,
        lead,
        by,
        measure,
        questions,
        status,
    };
    if actions::is_well_formed(&action) {
        Ok(action)
    } else {
        Err(ShareError::InvalidActions)
    }
}

/// Writes a bit per question, set where there is no response.
pub(crate) fn push_unanswered(body: &mut Vec<u8>, responses: &[Option<Response>]) {
    let mut bits = vec![0u8; responses.len().div_ceil(8)];
    for (question, _) in responses.iter().enumerate().filter(|(_, r)| r.is_none()) {
        if let Some(byte) = bits.get_mut(question / 8) {
            *byte |= 0x80 >> (question % 8);
        }
    }
    body.extend(bits);
}

/// Reads what [`push_unanswered`] wrote into `responses`: at least one
/// question unanswered, each one's code 0 (so each result has one link).
pub(crate) fn read_unanswered(
    reader: &mut Reader<'_>,
    responses: &mut [Option<Response>],
) -> Result<(), ShareError> {
    let unanswered = read_bits(reader, responses.len(), ShareError::InvalidAnswers)?;
    if unanswered.is_empty() {
        return Err(ShareError::InvalidAnswers);
    }
    for question in unanswered {
        let response = responses
            .get_mut(question)
            .ok_or(ShareError::InvalidAnswers)?;
        if *response != Some(Response::DontKnow) {
            return Err(ShareError::InvalidAnswers);
        }
        *response = None;
    }
    Ok(())
}

/// Reads a bit per question for `count` questions (first question in the
/// high bit) as the positions set; `spare_bit` if a spare bit is set.
fn read_bits(
    reader: &mut Reader<'_>,
    count: usize,
    spare_bit: ShareError,
) -> Result<Vec<usize>, ShareError> {
    let bits = reader.bytes(count.div_ceil(8))?;
    let set: Vec<usize> = (0..bits.len() * 8)
        .filter(|&i| {
            bits.get(i / 8)
                .is_some_and(|byte| byte & (0x80 >> (i % 8)) != 0)
        })
        .collect();
    match set.last() {
        Some(&last) if last >= count => Err(spare_bit),
        _ => Ok(set),
    }
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

/// Reads an assessment hash and content version and finds that assessment,
/// with how to read a result of an earlier content version its file lists
/// (`None` for this version). A newer version, or an earlier one not
/// listed, is [`ShareError::ContentVersion`].
pub(crate) fn read_assessment(
    reader: &mut Reader<'_>,
    assessments: &'static [Assessment],
) -> Result<(&'static Assessment, Option<VersionChange>), ShareError> {
    let hash = reader.u16()?;
    let content_version = reader.u16()?;
    let mut first = None;
    let mut earlier = None;
    for candidate in assessments.iter().filter(|a| assessment_hash(a.id) == hash) {
        if candidate.version == content_version {
            return Ok((candidate, None));
        }
        first.get_or_insert(candidate);
        if earlier.is_none() && candidate.version > content_version {
            earlier = candidate
                .changes_since(content_version)
                .map(|change| (candidate, Some(change)));
        }
    }
    let first = first.ok_or(ShareError::UnknownAssessment)?;
    earlier.ok_or(ShareError::ContentVersion {
        link: content_version,
        ours: first.version,
    })
}

/// The number of questions a result of `assessment` is laid out by: its
/// own, or the earlier version's it was made with.
pub(crate) fn layout_count(assessment: &Assessment, change: Option<&VersionChange>) -> usize {
    change.map_or(assessment.question_count(), |c| c.moves_to.len())
}

/// Moves what was given per question of an earlier version to this
/// version's positions (`count` of them); what has nowhere to go is left
/// out, and positions nothing moves to get `empty`.
pub(crate) fn move_to_now<T: Clone>(
    change: &VersionChange,
    count: usize,
    earlier: Vec<T>,
    empty: T,
) -> Vec<T> {
    let mut now = vec![empty; count];
    for (value, to) in earlier.into_iter().zip(&change.moves_to) {
        if let Some(slot) = to.and_then(|to| now.get_mut(to)) {
            *slot = value;
        }
    }
    now
}

/// Reads what [`push_responses`] wrote, for `count` questions.
pub(crate) fn read_responses(
    reader: &mut Reader<'_>,
    count: usize,
) -> Result<Vec<Option<Response>>, ShareError> {
    if usize::from(reader.u8()?) != count {
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
    let (assessment, change) = read_assessment(&mut reader, assessments)?;

    let date = if flags & FLAG_DATE != 0 {
        Some(Date::from_days(reader.u16()?))
    } else {
        None
    };

    let count = layout_count(assessment, change.as_ref());
    let mut responses = read_responses(&mut reader, count)?;

    let label = if flags & FLAG_LABEL != 0 {
        let role = Role::from_code(reader.u8()?).ok_or(ShareError::InvalidRole)?;
        // One length byte: never over MAX_LABEL_BYTES (checked below).
        let len = usize::from(reader.u8()?);
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
    let mut actions = Vec::new();
    if flags & FLAG_ACTIONS != 0 {
        let action_count = usize::from(reader.u8()?);
        if action_count == 0 || action_count > MAX_ACTIONS {
            return Err(ShareError::InvalidActions);
        }
        for _ in 0..action_count {
            actions.push(read_action(&mut reader, count)?);
        }
    }
    if flags & FLAG_UNANSWERED != 0 {
        read_unanswered(&mut reader, &mut responses)?;
    }
    if !reader.is_empty() {
        return Err(ShareError::TrailingBytes);
    }

    if let Some(change) = &change {
        let now = assessment.question_count();
        responses = move_to_now(change, now, responses, None);
        notes = move_to_now(change, now, notes, String::new());
        for action in &mut actions {
            action.questions = (action.questions.iter())
                .filter_map(|&q| change.moves_to.get(q).copied().flatten())
                .collect();
            action.questions.sort_unstable();
        }
    }
    Ok(SharedResult {
        assessment,
        answers: Answers { responses, notes },
        label,
        date,
        actions,
        version_change: change,
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

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

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
