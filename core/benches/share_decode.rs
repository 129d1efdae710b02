//! `cargo bench -p digital-board-core --bench share_decode`: how long decoding a share link takes,
//! and a large fuzz run (a million random and mutated links) proving the
//! decoder never panics. The test suite runs a smaller version of the fuzz
//! (tests/share_codec.rs); this is the long run.

use digital_board_core::content::{ASSESSMENTS, default_assessment};
use digital_board_core::date::Date;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Level;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::{self, SharedResult};
use std::hint::black_box;
use std::time::Instant;

#[path = "../tests/support/rng.rs"]
mod rng;
use rng::Rng;

const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_=+/%#";

fn sample_payload(rng: &mut Rng, with_notes: bool) -> String {
    let assessment = default_assessment();
    let responses = (0..assessment.question_count())
        .map(|_| {
            Some(match rng.below(4) {
                0 => Response::DontKnow,
                n => Response::Level(Level::ALL[n - 1]),
            })
        })
        .collect();
    let mut answers = Answers::from_responses(responses);
    if with_notes {
        answers.notes[rng.below(13)] = "Ask the CCIO <script>alert(1)</script> 👍".to_owned();
    }
    let label = Label {
        organisation: "RXX Leeds".to_owned(),
        role: Role::NonExecutive,
    };
    let result = SharedResult::new(
        assessment,
        answers,
        Some(label),
        Date::from_ymd(2026, 11, 21),
    )
    .unwrap();
    share::encode(&result)
}

fn main() {
    let mut rng = Rng(0x5EED);

    // Speed: decode the same answers-only link many times.
    let payload = sample_payload(&mut rng, false);
    let rounds = 200_000;
    let start = Instant::now();
    for _ in 0..rounds {
        black_box(share::decode(black_box(&payload), ASSESSMENTS).is_ok());
    }
    let per_decode = start.elapsed() / rounds;
    println!(
        "decode answers-only link ({} chars): {per_decode:?} per decode",
        payload.len()
    );

    // Fuzz: random text and mutations of valid links never panic.
    let cases = 1_000_000;
    let start = Instant::now();
    let mut accepted = 0usize;
    for i in 0..cases {
        let mut text: Vec<u8> = if i % 4 == 0 {
            (0..rng.below(120))
                .map(|_| ALPHABET[rng.below(ALPHABET.len())])
                .collect()
        } else {
            sample_payload(&mut rng, i % 3 == 0).into_bytes()
        };
        for _ in 0..=rng.below(3) {
            if text.is_empty() {
                break;
            }
            let at = rng.below(text.len());
            match rng.below(3) {
                0 => text[at] = ALPHABET[rng.below(ALPHABET.len())],
                1 => {
                    text.remove(at);
                }
                _ => text.insert(at, ALPHABET[rng.below(ALPHABET.len())]),
            }
        }
        let text = String::from_utf8(text).expect("ASCII alphabet");
        if let Ok(result) = share::decode(&text, ASSESSMENTS) {
            // Anything accepted must be a result that encodes back to the same link.
            assert_eq!(
                share::encode(&result),
                text,
                "accepted a link that does not round-trip"
            );
            accepted += 1;
        }
    }
    println!(
        "fuzz: {cases} random and mutated links decoded without a panic in {:?} ({accepted} happened to be valid)",
        start.elapsed()
    );
}
