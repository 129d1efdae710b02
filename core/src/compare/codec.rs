//! The compare link: a whole comparison in a URL fragment (`#c=…`), in the
//! same checked envelope as a share link ([`crate::share`]), and reading the
//! code back out of exported JSON files without a JSON parser.
//!
//! # Body (format version 1)
//!
//! | Bytes    | Field                                                        |
//! |----------|--------------------------------------------------------------|
//! | 1        | mode: 0 board, 1 system, 2 then and now                      |
//! | 2 + 2    | assessment hash and content version, as in a share link      |
//! | 1        | number of questions, n                                       |
//! | varint   | number of results (1 to [`MAX_ENTRIES`])                     |
//! | per result | flags: bits 0–1 role, bit 2 date, bit 3 name, bit 4 organisation, bit 5 organisation as the previous result, bit 6 unanswered; then the date (2), answers (⌈2n/8⌉), unanswered (⌈n/8⌉, as in a share link), name (1 + k) and organisation (1 + k) when flagged |
//!
//! A link made with an earlier content version the assessment file lists
//! is read in that version's layout (n is its number of questions) and its
//! answers moved to this version's questions by id, as a share link's are
//! (see [`crate::share::codec`]): questions added since are unanswered.
//!
//! Notes are never carried: a comparison shows levels only. A board of 12
//! with short names fits well under [`share::MAX_LINK_CHARS`].

// A panic here aborts the widget silently (`panic = "abort"`): reading
// untrusted input and comparing results must not index, unwrap or expect.
#![deny(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]

use super::collect::CollectProblem;
use super::{Comparison, Entry, MAX_ENTRIES, Mode};
use crate::date::Date;
use crate::label::Role;
use crate::model::{Assessment, VersionChange};
use crate::share::codec::{self, Reader};
use crate::share::encoding::base64url_encode;
use crate::share::{self, ShareError};

/// What starts the URL fragment of a compare link.
pub const FRAGMENT_PREFIX: &str = "c=";

/// The format version of the compare link body.
pub const FORMAT_VERSION: u8 = 1;

const ROLE_BITS: u8 = 0b11;
const HAS_DATE: u8 = 0b100;
const HAS_NAME: u8 = 0b1000;
const HAS_ORGANISATION: u8 = 0b1_0000;
const SAME_ORGANISATION: u8 = 0b10_0000;
const UNANSWERED: u8 = 0b100_0000;
const KNOWN_FLAGS: u8 = 0b111_1111;

/// The compare link payload (base64url) for a comparison.
pub fn encode(comparison: &Comparison) -> String {
    let assessment = comparison.assessment;
    let mut body = vec![comparison.mode.code()];
    body.extend(codec::assessment_hash(assessment.id).to_be_bytes());
    body.extend(assessment.version.to_be_bytes());
    body.push(assessment.question_count() as u8);
    let entries: Vec<&Entry> = comparison.entries.iter().take(MAX_ENTRIES).collect();
    codec::push_varint(&mut body, entries.len());
    let mut previous_organisation = "";
    for entry in entries {
        let name = clip_bytes(entry.name.trim(), usize::from(u8::MAX));
        let organisation = clip_bytes(entry.organisation.trim(), share::MAX_LABEL_BYTES);
        let mut flags = entry.role.code();
        if entry.date.is_some() {
            flags |= HAS_DATE;
        }
        if !name.is_empty() {
            flags |= HAS_NAME;
        }
        if entry.responses.iter().any(Option::is_none) {
            flags |= UNANSWERED;
        }
        if !organisation.is_empty() {
            flags |= if organisation == previous_organisation {
                SAME_ORGANISATION
            } else {
                HAS_ORGANISATION
            };
        }
        body.push(flags);
        if let Some(date) = entry.date {
            body.extend(date.days().to_be_bytes());
        }
        codec::push_packed(&mut body, &entry.responses);
        if flags & UNANSWERED != 0 {
            codec::push_unanswered(&mut body, &entry.responses);
        }
        for (flag, text) in [(HAS_NAME, name), (HAS_ORGANISATION, organisation)] {
            if flags & flag != 0 {
                body.push(text.len() as u8);
                body.extend(text.as_bytes());
            }
        }
        previous_organisation = organisation;
    }
    base64url_encode(&codec::seal(FORMAT_VERSION, &body))
}

/// The longest prefix of `text` within `max` bytes, cut at a character.
fn clip_bytes(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Reads a compare link payload back. Never panics, whatever the input.
pub fn decode(payload: &str, assessments: &'static [Assessment]) -> Result<Comparison, ShareError> {
    decode_with_change(payload, assessments).map(|(comparison, _)| comparison)
}

/// Reads a compare link payload back, with how it was read from the earlier
/// content version it was made with (`None` when made with this one), so
/// the page can say so ([`crate::text::versions::Sentence::MadeWithEarlier`]).
pub fn decode_with_change(
    payload: &str,
    assessments: &'static [Assessment],
) -> Result<(Comparison, Option<VersionChange>), ShareError> {
    let (version, body) = codec::unseal(payload)?;
    if version != FORMAT_VERSION {
        return Err(ShareError::UnknownFormat { version });
    }
    let mut reader = Reader::new(&body);
    let mode = Mode::from_code(reader.u8()?).ok_or(ShareError::UnknownFormat { version })?;
    let (assessment, change) = codec::read_assessment(&mut reader, assessments)?;
    let questions = usize::from(reader.u8()?);
    if questions != codec::layout_count(assessment, change.as_ref()) {
        return Err(ShareError::InvalidAnswers);
    }
    let count = reader.varint(ShareError::InvalidAnswers)? as usize;
    if count == 0 || count > MAX_ENTRIES {
        return Err(ShareError::InvalidAnswers);
    }
    let mut entries: Vec<Entry> = Vec::with_capacity(count);
    for _ in 0..count {
        let flags = reader.u8()?;
        if flags & !KNOWN_FLAGS != 0
            || flags & HAS_ORGANISATION != 0 && flags & SAME_ORGANISATION != 0
        {
            return Err(ShareError::UnknownFormat { version });
        }
        let role = Role::from_code(flags & ROLE_BITS).ok_or(ShareError::InvalidRole)?;
        let date = if flags & HAS_DATE != 0 {
            Some(Date::from_days(reader.u16()?))
        } else {
            None
        };
        let mut responses = codec::read_packed(&mut reader, questions)?;
        if flags & UNANSWERED != 0 {
            codec::read_unanswered(&mut reader, &mut responses)?;
        }
        if let Some(change) = &change {
            let now = assessment.question_count();
            responses = codec::move_to_now(change, now, responses, None);
        }
        let mut text = |flag: u8| -> Result<String, ShareError> {
            if flags & flag == 0 {
                return Ok(String::new());
            }
            let len = usize::from(reader.u8()?);
            let text = reader.text(len)?;
            if text.is_empty() {
                return Err(ShareError::InvalidText);
            }
            Ok(text)
        };
        let name = text(HAS_NAME)?;
        let mut organisation = text(HAS_ORGANISATION)?;
        if flags & SAME_ORGANISATION != 0 {
            organisation = entries
                .last()
                .map(|e| e.organisation.clone())
                .filter(|o| !o.is_empty())
                .ok_or(ShareError::InvalidText)?;
        }
        entries.push(Entry {
            name,
            organisation,
            role,
            date,
            responses,
            actions: Vec::new(),
        });
    }
    if !reader.is_empty() {
        return Err(ShareError::TrailingBytes);
    }
    Ok((
        Comparison {
            assessment,
            mode,
            entries,
        },
        change,
    ))
}

/// The compare link: `base_url` without its fragment, then `#c=payload`.
pub fn link(base_url: &str, payload: &str) -> String {
    share::link_with_prefix(base_url, FRAGMENT_PREFIX, payload)
}

/// The payload in a URL fragment, if it is a compare link.
pub fn payload_from_fragment(fragment: &str) -> Option<&str> {
    share::payload_after_prefix(fragment, FRAGMENT_PREFIX)
}

/// The code in an exported JSON file, as a fragment (`c=…` from a
/// comparison file, `r=…` from a results file); `None` if the text is not
/// one of our JSON files; `Some(Err(reason))` if it is but carries no code.
///
/// Reads only the one string member it needs, so no JSON parser ships in
/// the wasm; the code is base64url, which JSON never escapes.
pub fn json_code(text: &str) -> Option<Result<String, CollectProblem>> {
    let text = text.trim_start_matches('\u{feff}').trim_start();
    if !text.starts_with('{') {
        return None;
    }
    for (key, prefix) in [
        ("\"compare_code\"", FRAGMENT_PREFIX),
        ("\"share_code\"", share::FRAGMENT_PREFIX),
    ] {
        // The member is the key followed by a colon: the same text as a
        // value (an organisation called "share_code") is passed over.
        let Some(rest) = text.match_indices(key).find_map(|(at, _)| {
            text[at + key.len()..]
                .trim_start()
                .strip_prefix(':')
                .map(str::trim_start)
        }) else {
            continue;
        };
        let code = rest
            .strip_prefix('"')
            .and_then(|r| r.split_once('"'))
            .map(|(code, _)| code)
            .filter(|code| !code.is_empty());
        return Some(match code {
            Some(code) => Ok(format!("{prefix}{code}")),
            None => Err(CollectProblem::NoShareCode),
        });
    }
    Some(Err(CollectProblem::NotAResultsFile))
}
