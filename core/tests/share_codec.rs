//! The share-link codec from the outside: round trips, the answers-only
//! size, every bad-link case, and decoding random and mutated input without
//! panicking.
//!
//! Crafted links are built here from the documented wire format (see
//! `core::share`), using only the public checksum and base64url functions.

mod support;
use support::envelope::seal;
use support::rng::Rng;

use digital_board_core::actions::{Commitment, MAX_ACTIONS, MonthYear, Status};
use digital_board_core::content::{ASSESSMENTS, default_assessment};
use digital_board_core::date::Date;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::{Assessment, Level, Source};
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::codec::assessment_hash;
use digital_board_core::share::encoding::{base64url_decode, base64url_encode, crc16};
use digital_board_core::share::{
    FORMAT_VERSION, MAX_LABEL_BYTES, MAX_NOTE_BYTES, ShareBuildError, ShareError, SharedResult,
    decode, encode,
};

const RESPONSES: [Response; 4] = [
    Response::DontKnow,
    Response::Level(Level::Absent),
    Response::Level(Level::Siloed),
    Response::Level(Level::Embedded),
];

/// Text drawn from pieces that stress UTF-8 and escaping, at most `max` bytes.
fn random_text(rng: &mut Rng, max: usize) -> String {
    const PIECES: [&str; 12] = [
        "a",
        "Trust ",
        "RX1",
        "<script>alert(1)</script>",
        "&amp;",
        "\"'",
        "é",
        "—",
        "😀",
        "👩🏽‍⚕️",
        "\n",
        "\u{0}",
    ];
    let target = rng.below(max + 1);
    let mut text = String::new();
    while text.len() < target {
        let piece = rng.pick(&PIECES);
        if text.len() + piece.len() > max {
            break;
        }
        text.push_str(piece);
    }
    text
}

fn complete(responses: &[Response]) -> Answers {
    Answers::from_responses(responses.iter().copied().map(Some).collect())
}

fn random_result(rng: &mut Rng, assessment: &'static Assessment) -> SharedResult {
    let count = assessment.question_count();
    let mut answers = complete(&(0..count).map(|_| rng.pick(&RESPONSES)).collect::<Vec<_>>());
    if rng.chance(2) {
        for note in &mut answers.notes {
            if rng.chance(3) {
                // Mostly short notes, some at the cap, to keep links varied.
                let max = if rng.chance(10) { MAX_NOTE_BYTES } else { 60 };
                *note = random_text(rng, max);
            }
        }
    }
    let label = rng.chance(2).then(|| Label {
        organisation: random_text(rng, MAX_LABEL_BYTES),
        role: rng.pick(&[
            Role::Executive,
            Role::NonExecutive,
            Role::Unspecified,
            Role::Board,
        ]),
    });
    let date = (!rng.chance(4)).then(|| Date::from_days(rng.next() as u16));
    SharedResult::new(assessment, answers, label, date).expect("a complete result")
}

fn answers_only(responses: &[Response]) -> SharedResult {
    SharedResult::new(
        default_assessment(),
        complete(responses),
        None,
        Date::from_ymd(2025, 3, 14),
    )
    .unwrap()
}

fn sample_payloads() -> Vec<String> {
    let assessment = default_assessment();
    let n = assessment.question_count();
    let mut answers = complete(&vec![Response::Level(Level::Siloed); n]);
    answers.notes[0] = "Ask the CIO for the benefits plan.".to_owned();
    answers.notes[n - 1] = "<script>alert(1)</script> 😀".to_owned();
    let full = SharedResult::new(
        assessment,
        answers,
        Some(Label {
            organisation: "RX1 Example NHS Foundation Trust".to_owned(),
            role: Role::NonExecutive,
        }),
        Date::from_ymd(2024, 2, 29),
    )
    .unwrap();
    let mut long_note = complete(&vec![Response::DontKnow; n]);
    long_note.notes[5] = "x".repeat(300);
    let long_note = SharedResult::new(assessment, long_note, None, None).unwrap();
    let with_actions = full.clone().with_actions(sample_actions()).unwrap();
    vec![
        encode(&answers_only(&vec![Response::Level(Level::Embedded); n])),
        encode(&full),
        encode(&long_note),
        encode(&with_actions),
    ]
}

/// Two actions as the action form makes them: one with every field, a
/// non-ASCII measure and two questions, one with only what and lead.
fn sample_actions() -> Vec<Commitment> {
    vec![
        Commitment {
            what: "Publish a one-page strategy <b>for staff</b>".to_owned(),
            lead: "Chief digital officer".to_owned(),
            by: MonthYear::new(2027, 3),
            measure: "Staff survey: 60% know the mission – Zoë’s team ✓".to_owned(),
            questions: vec![4, 12],
            status: Some(Status::InProgress),
        },
        Commitment {
            what: "Agree what we will not do".to_owned(),
            lead: "Board".to_owned(),
            ..Commitment::default()
        },
    ]
}

// ---------------------------------------------------------------------------
// The wire format, rebuilt independently for crafted links
// ---------------------------------------------------------------------------

/// Splits a payload into its format version and body, checking the envelope.
fn open(payload: &str) -> (u8, Vec<u8>) {
    let bytes = base64url_decode(payload).expect("canonical base64url");
    let (content, crc) = bytes.split_at(bytes.len() - 2);
    assert_eq!(crc16(content), u16::from_be_bytes([crc[0], crc[1]]));
    let mut at = 1;
    let mut declared = 0usize;
    for shift in [0, 7, 14] {
        let byte = content[at];
        at += 1;
        declared |= usize::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            break;
        }
    }
    assert_eq!(declared, bytes.len() - at);
    (content[0], content[at..].to_vec())
}

/// The answers-only body for the default assessment, all Embedded.
fn plain_body() -> Vec<u8> {
    open(&sample_payloads()[0]).1
}

/// Body offsets for the answers-only layout: flags, hash, content version,
/// date, question count, then the answers.
const FLAGS: usize = 0;
const HASH: usize = 1;
const CONTENT_VERSION: usize = 3;
const COUNT: usize = 7;
const ANSWERS: usize = 8;

fn decode_builtin(payload: &str) -> Result<SharedResult, ShareError> {
    decode(payload, ASSESSMENTS)
}

// ---------------------------------------------------------------------------
// Round trips
// ---------------------------------------------------------------------------

#[test]
fn every_answer_value_round_trips_at_every_question_position() {
    for assessment in ASSESSMENTS.iter() {
        let n = assessment.question_count();
        let mut payloads = std::collections::HashSet::new();
        for position in 0..n {
            for value in RESPONSES {
                for background in RESPONSES {
                    let mut responses = vec![background; n];
                    responses[position] = value;
                    let result =
                        SharedResult::new(assessment, complete(&responses), None, None).unwrap();
                    let decoded = decode_builtin(&encode(&result)).unwrap();
                    assert_eq!(decoded, result);
                    assert_eq!(decoded.answers().response(position), Some(value));
                    payloads.insert(encode(&result));
                }
            }
        }
        // Different answers make different links: the 4 sets of one answer
        // throughout, and 12 with one answer changed at each position.
        assert_eq!(payloads.len(), 4 + 12 * n, "{}", assessment.id);
    }
    assert_eq!(default_assessment().question_count(), 13);
}

#[test]
fn random_complete_results_round_trip() {
    let mut rng = Rng(0x5eed_0001);
    for _ in 0..4000 {
        let assessment = rng.pick(&ASSESSMENTS.iter().collect::<Vec<_>>());
        let result = random_result(&mut rng, assessment);
        let payload = encode(&result);
        assert!(
            payload
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode_builtin(&payload), Ok(result));
    }
}

#[test]
fn notes_with_html_script_and_emoji_round_trip_byte_for_byte() {
    let assessment = default_assessment();
    let n = assessment.question_count();
    let mut answers = complete(&vec![Response::DontKnow; n]);
    let script = "<script>alert(1)</script>";
    let emoji = "Board 👩🏽‍⚕️ 😀 — “quoted” & <b>bold</b>\u{0}";
    answers.notes[0] = script.to_owned();
    answers.notes[n - 1] = emoji.to_owned();
    let label = Label {
        organisation: "<img src=x onerror=alert(1)> Trust 🏥".to_owned(),
        role: Role::Executive,
    };
    let result = SharedResult::new(assessment, answers, Some(label.clone()), None).unwrap();
    let decoded = decode_builtin(&encode(&result)).unwrap();
    assert_eq!(decoded.answers().note(0).as_bytes(), script.as_bytes());
    assert_eq!(decoded.answers().note(n - 1).as_bytes(), emoji.as_bytes());
    assert_eq!(decoded.label(), Some(&label));
    assert_eq!(decoded, result);
}

#[test]
fn text_at_the_caps_round_trips_and_over_them_is_refused() {
    let assessment = default_assessment();
    let n = assessment.question_count();
    let mut answers = complete(&vec![Response::Level(Level::Absent); n]);
    answers.notes = vec!["é".repeat(MAX_NOTE_BYTES / 2); n];
    let label = Label {
        organisation: "Z".repeat(MAX_LABEL_BYTES),
        role: Role::Unspecified,
    };
    let result = SharedResult::new(assessment, answers.clone(), Some(label.clone()), None).unwrap();
    assert_eq!(decode_builtin(&encode(&result)), Ok(result));

    let mut long_note = answers.clone();
    long_note.notes[4].push('x');
    assert_eq!(
        SharedResult::new(assessment, long_note, None, None),
        Err(ShareBuildError::NoteTooLong { question: 4 })
    );
    let long_label = Label {
        organisation: "Z".repeat(MAX_LABEL_BYTES + 1),
        ..label
    };
    assert_eq!(
        SharedResult::new(assessment, answers, Some(long_label), None),
        Err(ShareBuildError::LabelTooLong)
    );
}

#[test]
fn only_complete_answer_sets_are_shared() {
    let assessment = default_assessment();
    let n = assessment.question_count();
    let mut answers = complete(&vec![Response::DontKnow; n]);
    answers.responses[7] = None;
    assert_eq!(
        SharedResult::new(assessment, answers, None, None),
        Err(ShareBuildError::Unanswered { question: 7 })
    );
    assert_eq!(
        SharedResult::new(assessment, Answers::empty(n), None, None),
        Err(ShareBuildError::Unanswered { question: 0 })
    );
    let short = complete(&vec![Response::DontKnow; n - 1]);
    assert_eq!(
        SharedResult::new(assessment, short, None, None),
        Err(ShareBuildError::WrongQuestionCount {
            expected: n,
            found: n - 1
        })
    );
    // Fewer notes than questions is fine: the rest are empty.
    let mut few_notes = complete(&vec![Response::DontKnow; n]);
    few_notes.notes = vec!["first".to_owned()];
    let result = SharedResult::new(assessment, few_notes, None, None).unwrap();
    assert_eq!(result.answers().notes.len(), n);
    assert_eq!(decode_builtin(&encode(&result)), Ok(result));
    for error in [
        ShareBuildError::Unanswered { question: 7 },
        ShareBuildError::LabelTooLong,
    ] {
        assert!(error.message().ends_with('.'));
    }
    assert!(
        ShareBuildError::Unanswered { question: 7 }
            .message()
            .contains("question 8")
    );
}

#[test]
fn sharing_without_notes_drops_them_all() {
    let mut rng = Rng(7);
    let assessment = default_assessment();
    let n = assessment.question_count();
    let mut answers = complete(&vec![Response::Level(Level::Siloed); n]);
    answers.notes[3] = random_text(&mut rng, 200) + "note";
    let result = SharedResult::new(assessment, answers, None, None).unwrap();
    assert!(result.has_notes());
    let bare = result.clone().without_notes();
    assert!(!bare.has_notes());
    assert!(encode(&bare).len() < encode(&result).len());
    let decoded = decode_builtin(&encode(&bare)).unwrap();
    assert_eq!(decoded.answers().responses, result.answers().responses);
    assert!(decoded.answers().notes.iter().all(String::is_empty));
}

// ---------------------------------------------------------------------------
// Size and identity
// ---------------------------------------------------------------------------

#[test]
fn answers_only_payload_is_22_characters() {
    let assessment = default_assessment();
    assert_eq!(assessment.question_count(), 13);
    let mut rng = Rng(3);
    for _ in 0..100 {
        let responses: Vec<Response> = (0..13).map(|_| rng.pick(&RESPONSES)).collect();
        let payload = encode(&answers_only(&responses));
        // 16 bytes: version, length, flags, hash (2), content version (2),
        // date (2), count, answers (4), checksum (2).
        assert_eq!(payload.len(), 22, "{payload}");
    }
    let no_date =
        SharedResult::new(assessment, complete(&[Response::DontKnow; 13]), None, None).unwrap();
    assert_eq!(encode(&no_date).len(), 19);
}

#[test]
fn built_in_assessments_have_distinct_hashes() {
    let mut seen: Vec<(u16, &str)> = ASSESSMENTS
        .iter()
        .map(|a| (assessment_hash(a.id), a.id))
        .collect();
    seen.sort_unstable();
    seen.dedup_by_key(|(hash, _)| *hash);
    assert_eq!(seen.len(), ASSESSMENTS.len());
}

#[test]
fn the_payload_follows_the_documented_layout() {
    let assessment = default_assessment();
    let (version, body) = open(&sample_payloads()[0]);
    assert_eq!(version, FORMAT_VERSION);
    assert_eq!(body[FLAGS], 0b001);
    assert_eq!(
        u16::from_be_bytes([body[HASH], body[HASH + 1]]),
        assessment_hash(assessment.id)
    );
    assert_eq!(
        u16::from_be_bytes([body[CONTENT_VERSION], body[CONTENT_VERSION + 1]]),
        assessment.version
    );
    let date = Date::from_ymd(2025, 3, 14).unwrap().days();
    assert_eq!(u16::from_be_bytes([body[5], body[6]]), date);
    assert_eq!(usize::from(body[COUNT]), 13);
    // 13 Embedded answers (code 3): 26 one-bits, then 6 spare zero bits.
    assert_eq!(&body[ANSWERS..], &[0xff, 0xff, 0xff, 0xc0]);
}

// ---------------------------------------------------------------------------
// Bad links
// ---------------------------------------------------------------------------

#[test]
fn an_empty_link_says_so() {
    assert_eq!(decode_builtin(""), Err(ShareError::Empty));
}

#[test]
fn random_text_is_refused() {
    for (text, expected) in [
        ("hello world", ShareError::InvalidCharacters),
        ("Zm9vYmFy", ShareError::ChecksumMismatch),
        ("helloworld", ShareError::ChecksumMismatch),
        ("maincontent", ShareError::ChecksumMismatch),
        ("r=abc", ShareError::InvalidCharacters),
        ("#AAAA", ShareError::InvalidCharacters),
        ("AAAA", ShareError::ChecksumMismatch),
        ("AQ", ShareError::Truncated),
    ] {
        assert_eq!(decode_builtin(text), Err(expected), "{text:?}");
    }
}

#[test]
fn characters_outside_base64url_are_refused() {
    let payload = &sample_payloads()[0];
    for bad in ['+', '/', '=', ' ', '%', '.', 'é', '😀', '\n'] {
        for at in [0, payload.len() / 2, payload.len()] {
            let mut text = payload.clone();
            text.insert(at, bad);
            assert_eq!(
                decode_builtin(&text),
                Err(ShareError::InvalidCharacters),
                "{text:?}"
            );
        }
    }
    // Padding is not part of the format.
    assert_eq!(
        decode_builtin(&format!("{payload}==")),
        Err(ShareError::InvalidCharacters)
    );
}

#[test]
fn every_prefix_of_a_valid_link_is_reported_as_incomplete() {
    for payload in sample_payloads() {
        for end in 0..payload.len() {
            let expected = if end == 0 {
                ShareError::Empty
            } else {
                ShareError::Truncated
            };
            assert_eq!(
                decode_builtin(&payload[..end]),
                Err(expected),
                "prefix of {end} characters of {payload}"
            );
        }
        // The whole link, one character on from the longest prefix, opens.
        assert!(decode_builtin(&payload).is_ok(), "{payload}");
    }
}

#[test]
fn every_single_bit_flip_is_detected() {
    let mut rng = Rng(11);
    let mut payloads = sample_payloads();
    // Short random links too (each flip decodes the whole link, so long
    // notes would only slow the test without reaching new code).
    while payloads.len() < 40 {
        let payload = encode(&random_result(&mut rng, default_assessment()));
        if payload.len() < 400 {
            payloads.push(payload);
        }
    }
    for payload in &payloads {
        // Flips of the characters as typed (7-bit ASCII stays a valid &str).
        for at in 0..payload.len() {
            for bit in 0..7 {
                let mut bytes = payload.clone().into_bytes();
                bytes[at] ^= 1 << bit;
                let text = String::from_utf8(bytes).unwrap();
                let error = decode_builtin(&text).expect_err(&text);
                assert!(
                    matches!(
                        error,
                        ShareError::InvalidCharacters
                            | ShareError::ChecksumMismatch
                            | ShareError::Truncated
                            | ShareError::TrailingBytes
                    ),
                    "{error:?} for {text}"
                );
            }
        }
        // Flips of the decoded bytes, re-encoded canonically. The length
        // (a varint after the version byte) is read before the checksum, so
        // a flip there may show as a cut-off or overlong link; a flip
        // anywhere else is the checksum's to catch.
        let bytes = base64url_decode(payload).unwrap();
        let length = 1..2 + bytes[1..].iter().take_while(|&&b| b & 0x80 != 0).count();
        for bit in 0..bytes.len() * 8 {
            let mut flipped = bytes.clone();
            flipped[bit / 8] ^= 0x80 >> (bit % 8);
            let text = base64url_encode(&flipped);
            let error = decode_builtin(&text).expect_err(&text);
            if length.contains(&(bit / 8)) {
                assert!(
                    matches!(
                        error,
                        ShareError::ChecksumMismatch
                            | ShareError::Truncated
                            | ShareError::TrailingBytes
                    ),
                    "{error:?} for {text}"
                );
            } else {
                assert_eq!(error, ShareError::ChecksumMismatch, "{text}");
            }
        }
    }
}

#[test]
fn an_edited_spare_bit_in_the_last_character_is_detected() {
    // 16 bytes take 22 characters: the last carries 4 unused bits.
    let payload = &sample_payloads()[0];
    let last = payload.as_bytes()[payload.len() - 1];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let value = alphabet.iter().position(|&c| c == last).unwrap();
    for spare in 1..16 {
        let edited = char::from(alphabet[value ^ spare]);
        let text = format!("{}{edited}", &payload[..payload.len() - 1]);
        assert_eq!(decode_builtin(&text), Err(ShareError::ChecksumMismatch));
    }
}

#[test]
fn a_newer_format_version_asks_for_an_update() {
    let body = plain_body();
    for version in [0, 2, 3, 200, 255] {
        let error = decode_builtin(&seal(version, &body)).unwrap_err();
        assert_eq!(error, ShareError::UnknownFormat { version });
        assert!(error.message().contains("newer version"));
    }
    // An optional part this widget does not know (flag bit 5) is "newer" too,
    // as a link with actions (bit 3) is to a widget from before them.
    let mut body = plain_body();
    body[FLAGS] |= 0b10_0000;
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &body)),
        Err(ShareError::UnknownFormat {
            version: FORMAT_VERSION
        })
    );
}

#[test]
fn an_unknown_assessment_is_refused() {
    let mut body = plain_body();
    let other = assessment_hash("some-other-assessment").to_be_bytes();
    body[HASH..HASH + 2].copy_from_slice(&other);
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &body)),
        Err(ShareError::UnknownAssessment)
    );
    assert_eq!(
        decode(&sample_payloads()[0], &[]),
        Err(ShareError::UnknownAssessment)
    );
}

/// The default assessment's id at content version 2, with no questions.
static NEWER_CONTENT: [Assessment; 1] = [Assessment {
    id: "board-digital-strategy",
    version: 2,
    title: "Newer",
    is_default: true,
    description: "",
    source: Source {
        title: "",
        publisher: "",
        published: "",
        url: "",
        credit: "",
    },
    stages: ["", "", ""],
    sections: &[],
    consistency_checks: &[],
    earlier_versions: &[],
    commitments: None,
}];

#[test]
fn another_content_version_says_which_versions_differ() {
    let ours = default_assessment().version;
    // A link from an older content version than this widget has.
    let error = decode(&sample_payloads()[0], &NEWER_CONTENT).unwrap_err();
    assert_eq!(
        error,
        ShareError::ContentVersion {
            link: ours,
            ours: 2
        }
    );
    assert!(error.message().contains(&format!("version {ours}")));
    assert!(error.message().contains("version 2"));
    // A link from a newer content version.
    let mut body = plain_body();
    body[CONTENT_VERSION..CONTENT_VERSION + 2].copy_from_slice(&(ours + 1).to_be_bytes());
    let error = decode_builtin(&seal(FORMAT_VERSION, &body)).unwrap_err();
    assert_eq!(
        error,
        ShareError::ContentVersion {
            link: ours + 1,
            ours
        }
    );
    assert!(error.message().contains("Refresh the page"));
}

#[test]
fn trailing_garbage_is_refused() {
    for payload in sample_payloads() {
        for extra in ["A", "AA", "AAAA", "xyz", "abcdefgh", "-_-_"] {
            assert_eq!(
                decode_builtin(&format!("{payload}{extra}")),
                Err(ShareError::TrailingBytes),
                "{payload}{extra}"
            );
        }
        // Two links pasted together.
        assert_eq!(
            decode_builtin(&format!("{payload}{payload}")),
            Err(ShareError::TrailingBytes)
        );
    }
    // Bytes after the last part, inside a valid envelope.
    let mut body = plain_body();
    body.push(0);
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &body)),
        Err(ShareError::TrailingBytes)
    );
}

#[test]
fn answers_that_do_not_fit_the_questions_are_refused() {
    let mut wrong_count = plain_body();
    wrong_count[COUNT] = 12;
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &wrong_count)),
        Err(ShareError::InvalidAnswers)
    );
    for spare in [0x01, 0x20] {
        let mut spare_bits = plain_body();
        spare_bits[ANSWERS + 3] |= spare;
        assert_eq!(
            decode_builtin(&seal(FORMAT_VERSION, &spare_bits)),
            Err(ShareError::InvalidAnswers)
        );
    }
    let mut short = plain_body();
    short.pop();
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &short)),
        Err(ShareError::Truncated)
    );
}

/// The answers-only body with a label part appended.
fn body_with_label(role: u8, organisation: &[u8]) -> Vec<u8> {
    let mut body = plain_body();
    body[FLAGS] |= 0b010;
    body.push(role);
    body.push(organisation.len() as u8);
    body.extend(organisation);
    body
}

/// The answers-only body with a notes part appended: (position, length, text).
fn body_with_notes(notes: &[(u8, &[u8], &[u8])]) -> Vec<u8> {
    let mut body = plain_body();
    body[FLAGS] |= 0b100;
    body.push(notes.len() as u8);
    for (position, length, text) in notes {
        body.push(*position);
        body.extend(*length);
        body.extend(*text);
    }
    body
}

#[test]
fn labels_are_checked() {
    let ok = decode_builtin(&seal(FORMAT_VERSION, &body_with_label(2, b"RX1"))).unwrap();
    assert_eq!(
        ok.label(),
        Some(&Label {
            organisation: "RX1".to_owned(),
            role: Role::NonExecutive
        })
    );
    // Role 3 is the board's agreed position (added with issue 15).
    let board = decode_builtin(&seal(FORMAT_VERSION, &body_with_label(3, b"RX1"))).unwrap();
    assert_eq!(board.label().map(|label| label.role), Some(Role::Board));
    for (body, expected) in [
        (body_with_label(4, b"RX1"), ShareError::InvalidRole),
        (body_with_label(255, b""), ShareError::InvalidRole),
        (body_with_label(1, &[0xff, 0xfe]), ShareError::InvalidText),
        (body_with_label(1, &[b'a', 0xc3]), ShareError::InvalidText),
    ] {
        assert_eq!(decode_builtin(&seal(FORMAT_VERSION, &body)), Err(expected));
    }
    let mut cut = body_with_label(1, b"RX1");
    cut.pop();
    assert_eq!(
        decode_builtin(&seal(FORMAT_VERSION, &cut)),
        Err(ShareError::Truncated)
    );
}

#[test]
fn notes_are_checked() {
    let ok = body_with_notes(&[(0, &[2], b"hi"), (12, &[1], b"!")]);
    let decoded = decode_builtin(&seal(FORMAT_VERSION, &ok)).unwrap();
    assert_eq!(
        (decoded.answers().note(0), decoded.answers().note(12)),
        ("hi", "!")
    );
    // 2001 as a varint: 0xd1 0x0f.
    let over = vec![b'a'; MAX_NOTE_BYTES + 1];
    let cases: [(Vec<u8>, ShareError); 9] = [
        (
            body_with_notes(&[(13, &[1], b"a")]),
            ShareError::InvalidNotes,
        ),
        (
            body_with_notes(&[(3, &[1], b"a"), (3, &[1], b"b")]),
            ShareError::InvalidNotes,
        ),
        (
            body_with_notes(&[(4, &[1], b"a"), (3, &[1], b"b")]),
            ShareError::InvalidNotes,
        ),
        (body_with_notes(&[(0, &[0], b"")]), ShareError::InvalidNotes),
        (body_with_notes(&[]), ShareError::InvalidNotes),
        (
            body_with_notes(&[(0, &[0x81, 0x00], b"a")]),
            ShareError::InvalidNotes,
        ),
        (
            body_with_notes(&[(0, &[0xd1, 0x0f], &over)]),
            ShareError::TooLong,
        ),
        (
            body_with_notes(&[(0, &[0xff, 0xff, 0xff, 0x7f], b"")]),
            ShareError::TooLong,
        ),
        (
            body_with_notes(&[(0, &[2], &[0xed, 0xa0])]),
            ShareError::InvalidText,
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(
            decode_builtin(&seal(FORMAT_VERSION, &body)),
            Err(expected.clone()),
            "{expected:?}"
        );
    }
}

#[test]
fn every_single_character_replacement_is_detected() {
    // The checksum catches any error burst up to 16 bits; one character is 6.
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let payload = &sample_payloads()[1];
    for at in 0..payload.len() {
        for &c in alphabet {
            if payload.as_bytes()[at] == c {
                continue;
            }
            let mut bytes = payload.clone().into_bytes();
            bytes[at] = c;
            let text = String::from_utf8(bytes).unwrap();
            assert!(decode_builtin(&text).is_err(), "{text}");
        }
    }
}

// ---------------------------------------------------------------------------
// Never panics
// ---------------------------------------------------------------------------

#[test]
fn random_input_never_panics() {
    let mut rng = Rng(0xdec0de);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // Only a well-formed start (below) can open; count those that did.
    let mut opened = 0;
    for round in 0..20_000 {
        let len = rng.below(64);
        let mut well_formed = false;
        let text: String = match round % 3 {
            // Base64url text: reaches the envelope checks.
            0 => (0..len).map(|_| char::from(rng.pick(alphabet))).collect(),
            // Any characters at all.
            1 => (0..len)
                .filter_map(|_| char::from_u32(rng.below(0x1_0000) as u32))
                .collect(),
            // Random bytes in a valid envelope: reaches the body parser.
            _ => {
                let mut body = Vec::new();
                if rng.chance(4) {
                    // A well-formed start (flags, assessment, date, answers)
                    // so the random tail reaches the label and notes parsers.
                    well_formed = true;
                    let a = default_assessment();
                    let flags = rng.next() as u8 & 0b111;
                    body.push(flags);
                    body.extend(assessment_hash(a.id).to_be_bytes());
                    body.extend(a.version.to_be_bytes());
                    if flags & 1 != 0 {
                        body.extend((rng.next() as u16).to_be_bytes());
                    }
                    body.push(a.question_count() as u8);
                    body.extend((rng.next() as u32 & !0x3f).to_be_bytes());
                    if flags & 0b110 == 0b100 && rng.chance(2) {
                        // A plausible note count and position.
                        body.extend([1 + rng.below(3) as u8, rng.below(14) as u8]);
                    }
                }
                body.extend((0..len).map(|_| rng.next() as u8));
                seal(FORMAT_VERSION, &body)
            }
        };
        match decode_builtin(&text) {
            Ok(result) => {
                // Random text, random characters and random bodies never
                // pass for a result; what opens encodes back to the input.
                assert!(well_formed, "{text}");
                assert_eq!(encode(&result), text);
                opened += 1;
            }
            Err(error) => assert_refusal_explained(&error),
        }
    }
    // Some well-formed starts did open, so the round trip above was
    // checked.
    assert!(opened > 0);
}

/// A refusal a person can act on: a sentence saying what happened.
fn assert_refusal_explained(error: &ShareError) {
    let message = error.message();
    assert!(
        message.len() > 20 && message.ends_with('.'),
        "{error:?}: {message:?}"
    );
}

#[test]
fn mutated_links_never_panic() {
    let mut rng = Rng(0xbadc0de);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut payloads = sample_payloads();
    payloads.extend((0..50).map(|_| encode(&random_result(&mut rng, default_assessment()))));
    let mut sealed_bodies: Vec<Vec<u8>> = payloads.iter().map(|p| open(p).1).collect();
    sealed_bodies.truncate(20);
    // How each kind of edit turned out: opened, or refused and why.
    let mut edited_text = Outcomes::default();
    let mut edited_body = Outcomes::default();
    for round in 0..30_000 {
        let payload = &payloads[rng.below(payloads.len())].clone();
        let mut bytes = payload.clone().into_bytes();
        let text = if round % 2 == 0 {
            // Edits of the link text: insert, delete or replace characters.
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(bytes.len() + 1);
                match rng.below(3) {
                    0 => bytes.insert(at, rng.pick(alphabet)),
                    1 if at < bytes.len() => {
                        bytes.remove(at);
                    }
                    _ if at < bytes.len() => bytes[at] = rng.pick(alphabet),
                    _ => bytes.push(rng.pick(alphabet)),
                }
            }
            String::from_utf8(bytes).unwrap()
        } else {
            // Edits of a body re-sealed with a valid checksum: these get past
            // the envelope and test the structural checks.
            let mut body = sealed_bodies[rng.below(sealed_bodies.len())].clone();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(body.len() + 1);
                match rng.below(3) {
                    0 => body.insert(at, rng.next() as u8),
                    1 if at < body.len() => {
                        body.remove(at);
                    }
                    _ if at < body.len() => body[at] ^= 1 << rng.below(8),
                    _ => body.truncate(at.saturating_sub(1)),
                }
            }
            seal(FORMAT_VERSION, &body)
        };
        let outcomes = if round % 2 == 0 {
            &mut edited_text
        } else {
            &mut edited_body
        };
        match decode_builtin(&text) {
            Ok(result) => {
                // Whatever is accepted is exactly what that result encodes to.
                assert_eq!(encode(&result), text);
                if round % 2 == 0 {
                    // An edited link only opens if the edits cancelled out (a
                    // character replaced by itself). Several edits could in
                    // principle meet the 1 in 65,536 checksum collision; this
                    // fixed seed does not.
                    assert_eq!(&text, payload);
                }
                outcomes.opened += 1;
            }
            Err(error) => {
                assert_refusal_explained(&error);
                let kind = format!("{error:?}");
                let kind = kind.split([' ', '{']).next().unwrap_or_default();
                *outcomes.refused.entry(kind.to_owned()).or_default() += 1;
            }
        }
    }
    // Edited link text is refused by the envelope (length and checksum),
    // never by the checks on what it holds: an edit never gets past it.
    assert_eq!(
        edited_text.refused.keys().collect::<Vec<_>>(),
        ["ChecksumMismatch", "TrailingBytes", "Truncated"],
        "{edited_text:?}"
    );
    // Edited bodies in a valid envelope are refused by the structural
    // checks, each of them reached, never by the envelope; some edits (of
    // a note's text, say) still make a result, checked above.
    assert_eq!(
        edited_body.refused.keys().collect::<Vec<_>>(),
        [
            "ContentVersion",
            "InvalidActions",
            "InvalidAnswers",
            "InvalidNotes",
            "InvalidRole",
            "InvalidText",
            "TooLong",
            "TrailingBytes",
            "Truncated",
            "UnknownAssessment",
            "UnknownFormat",
        ],
        "{edited_body:?}"
    );
    assert!(edited_body.opened > 0, "{edited_body:?}");
}

/// How a run of decodes turned out: how many opened, and how many were
/// refused with each kind of error.
#[derive(Debug, Default)]
struct Outcomes {
    opened: usize,
    refused: std::collections::BTreeMap<String, usize>,
}

#[test]
fn decoding_survives_extreme_lengths() {
    for text in [
        "A".to_owned(),
        "A".repeat(5),
        "_".repeat(10_000),
        "A".repeat(100_001),
        seal(FORMAT_VERSION, &[]),
        seal(FORMAT_VERSION, &[0]),
        seal(FORMAT_VERSION, &[0xff; 3]),
        base64url_encode(&[FORMAT_VERSION, 0xff, 0xff, 0xff, 0x7f]),
        base64url_encode(&[FORMAT_VERSION, 0x01, 0x00]),
        base64url_encode(&[FORMAT_VERSION, 0x00]),
        base64url_encode(&[FORMAT_VERSION, 0x80, 0x00, 0, 0]),
    ] {
        assert!(decode_builtin(&text).is_err(), "{text:.40}");
    }
}

// ---------------------------------------------------------------------------
// The board's actions (flag bit 3)
// ---------------------------------------------------------------------------

#[test]
fn actions_travel_in_the_link_and_read_back_identically() {
    let result = answers_only(&[Response::Level(Level::Siloed); 13])
        .with_actions(sample_actions())
        .unwrap();
    let payload = encode(&result);
    let read = decode_builtin(&payload).unwrap();
    assert_eq!(read, result);
    assert_eq!(read.actions(), sample_actions().as_slice());
    // Every prefix is refused, never read as fewer actions.
    for end in 0..payload.len() {
        assert!(decode_builtin(&payload[..end]).is_err(), "prefix of {end}");
    }
    // A result without actions writes no actions part (and no flag).
    let without = answers_only(&[Response::Level(Level::Siloed); 13]);
    assert_eq!(open(&encode(&without)).1[FLAGS] & 0b1000, 0);
    assert_eq!(open(&payload).1[FLAGS] & 0b1000, 0b1000);
}

/// The answers-only body with an actions part, written by hand from the
/// documented wire format: one action, what "A", lead "B", then `tail`
/// (month, measure, question bits, status).
fn body_with_action(count: u8, what: &[u8], tail: &[u8]) -> Vec<u8> {
    let mut body = plain_body();
    body[FLAGS] |= 0b1000;
    body.push(count);
    body.push(what.len() as u8);
    body.extend(what);
    body.extend([1, b'B']);
    body.extend(tail);
    body
}

/// Month none, measure empty, no questions (13 questions: two bytes of
/// bits), no status.
const PLAIN_TAIL: [u8; 6] = [0, 0, 0, 0, 0, 0];

#[test]
fn a_hand_written_actions_part_reads_as_documented() {
    let read = decode_builtin(&seal(
        FORMAT_VERSION,
        &body_with_action(1, b"A", &PLAIN_TAIL),
    ))
    .unwrap();
    assert_eq!(
        read.actions(),
        [Commitment {
            what: "A".to_owned(),
            lead: "B".to_owned(),
            ..Commitment::default()
        }]
    );
    // March 2027 is 7 years and 2 months after January 2020: code 87;
    // measure "M"; questions 1 and 13 (bits 0x80 and 0x08 of the second
    // byte); status 3, done.
    let tail = [0, 87, 1, b'M', 0x80, 0x08, 3];
    let read = decode_builtin(&seal(FORMAT_VERSION, &body_with_action(1, b"A", &tail))).unwrap();
    let action = &read.actions()[0];
    assert_eq!(action.by, MonthYear::new(2027, 3));
    assert_eq!(action.measure, "M");
    assert_eq!(action.questions, vec![0, 12]);
    assert_eq!(action.status, Some(Status::Done));
}

#[test]
fn impossible_actions_are_refused_with_their_own_reason() {
    let refused = |body: Vec<u8>| decode_builtin(&seal(FORMAT_VERSION, &body)).unwrap_err();
    for (body, why) in [
        (body_with_action(0, b"A", &PLAIN_TAIL), "a count of none"),
        (
            body_with_action(MAX_ACTIONS as u8 + 1, b"A", &PLAIN_TAIL),
            "too many",
        ),
        (body_with_action(1, b"", &PLAIN_TAIL), "nothing to do"),
        (body_with_action(1, b" A", &PLAIN_TAIL), "untidy text"),
        (
            body_with_action(1, b"A", &[0xFF, 0xFF, 0, 0, 0, 0]),
            "a month after 2099",
        ),
        (
            body_with_action(1, b"A", &[0, 0, 0, 0, 0b100, 0]),
            "question 14 of 13",
        ),
        (body_with_action(1, b"A", &[0, 0, 0, 0, 0, 5]), "status 5"),
    ] {
        assert_eq!(refused(body), ShareError::InvalidActions, "{why}");
    }
    // Text over its cap, and text that is not UTF-8.
    let mut long = body_with_action(1, b"A", &PLAIN_TAIL);
    let at = long.len() - PLAIN_TAIL.len() - 2;
    long.splice(at..at + 2, [0xD1, 0x02]); // lead: 337 bytes, over 4 × 80
    assert_eq!(refused(long), ShareError::TooLong);
    assert_eq!(
        refused(body_with_action(1, &[0xFF], &PLAIN_TAIL)),
        ShareError::InvalidText
    );
    assert!(ShareError::InvalidActions.message().contains("actions"));
}

#[test]
fn with_actions_refuses_what_a_link_cannot_carry() {
    let result = answers_only(&[Response::DontKnow; 13]);
    let one = sample_actions().remove(1);
    assert!(
        result
            .clone()
            .with_actions(vec![one.clone(); MAX_ACTIONS])
            .is_ok()
    );
    for (actions, why) in [
        (vec![one.clone(); MAX_ACTIONS + 1], "too many"),
        (
            vec![Commitment {
                questions: vec![13],
                ..one.clone()
            }],
            "question 14 of 13",
        ),
        (
            vec![Commitment {
                lead: String::new(),
                ..one.clone()
            }],
            "no lead",
        ),
    ] {
        assert_eq!(
            result.clone().with_actions(actions).unwrap_err(),
            ShareBuildError::InvalidActions,
            "{why}"
        );
    }
}
