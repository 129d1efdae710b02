//! `cargo bench -p digital-board-core --bench compare`: how long one whole comparison of 200
//! results takes, from pasted links to downloads: reading 200 share links
//! (with names, organisations, roles and dates), the spread of every
//! question, the order of disagreement, every section's tallies and range,
//! the CSV and Markdown downloads, and the compare link written and read
//! back. The target is 50 ms; this prints the median of 30 runs and whether
//! it is under, without failing (timings vary by machine). Native code, so
//! the wasm in a browser will be somewhat slower.

use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::collect::{Collection, Origin};
use digital_board_core::compare::export as compare_export;
use digital_board_core::compare::{
    Mode, disagreement_order, section_tallies, spreads, tally_range,
};
use digital_board_core::content::{ASSESSMENTS, default_assessment};
use digital_board_core::date::Date;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Level;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::{self, SharedResult};
use std::hint::black_box;
use std::time::{Duration, Instant};

const RESULTS: usize = 200;
const RUNS: usize = 30;
const TARGET: Duration = Duration::from_millis(50);
const BASE: &str = "https://intranet.example.nhs.uk/board/digital-assessment/";

#[path = "../tests/support/rng.rs"]
mod rng;
use rng::Rng;

const TRUSTS: [&str; 8] = [
    "Airedale NHS Foundation Trust",
    "Bradford Teaching Hospitals NHS Foundation Trust",
    "Calderdale and Huddersfield NHS Foundation Trust",
    "Harrogate and District NHS Foundation Trust",
    "Leeds Teaching Hospitals NHS Trust",
    "Mid Yorkshire Teaching NHS Trust",
    "Royal Devon University Healthcare NHS Foundation Trust",
    "Ysbyty Gwynedd – Betsi Cadwaladr",
];

/// 200 pasted lines: a share link each, most after a name.
fn pasted_links(rng: &mut Rng) -> String {
    let assessment = default_assessment();
    let mut lines = Vec::with_capacity(RESULTS);
    for i in 0..RESULTS {
        let responses = (0..assessment.question_count())
            .map(|_| {
                Some(match rng.below(4) {
                    0 => Response::DontKnow,
                    n => Response::Level(Level::ALL[n - 1]),
                })
            })
            .collect();
        let label = Label {
            organisation: TRUSTS[rng.below(TRUSTS.len())].to_owned(),
            role: [Role::Executive, Role::NonExecutive, Role::Unspecified][rng.below(3)],
        };
        let date = Date::from_ymd(2024, 1, 1).map(|d| Date::from_days(d.days() + i as u16));
        let result = SharedResult::new(
            assessment,
            Answers::from_responses(responses),
            Some(label),
            date,
        )
        .expect("a complete result");
        let link = share::link(BASE, &share::encode(&result));
        lines.push(match i % 3 {
            0 => format!("Board member {}: {link}", i + 1),
            1 => format!("<{link}>"),
            _ => link,
        });
    }
    lines.join("\n")
}

/// Time spent in each step of one comparison.
#[derive(Default, Clone, Copy)]
struct Steps {
    add: Duration,
    analyse: Duration,
    downloads: Duration,
    link: Duration,
}

impl Steps {
    fn total(&self) -> Duration {
        self.add + self.analyse + self.downloads + self.link
    }
}

fn compare_once(text: &str, mode: Mode) -> Steps {
    let start = Instant::now();
    let mut collection = Collection::default();
    let added = collection.add_text(black_box(text), Origin::Pasted);
    assert_eq!(added, RESULTS, "{:?}", collection.problems.first());
    collection.chosen_mode = Some(mode);
    let comparison = collection.comparison().expect("a comparison");
    let add = start.elapsed();

    let start = Instant::now();
    let all = spreads(&comparison);
    black_box(disagreement_order(&all));
    for section in 0..comparison.assessment.sections.len() {
        black_box(tally_range(&section_tallies(&comparison, section)));
    }
    let analyse = start.elapsed();

    let start = Instant::now();
    black_box(compare_export::csv(&comparison));
    black_box(compare_export::markdown(
        &comparison,
        Some("2026-11-21"),
        None,
    ));
    let downloads = start.elapsed();

    let start = Instant::now();
    let payload = compare_codec::encode(&comparison);
    let decoded = compare_codec::decode(black_box(&payload), ASSESSMENTS).expect("it reads back");
    assert_eq!(decoded.entries.len(), RESULTS);
    let link = start.elapsed();

    Steps {
        add,
        analyse,
        downloads,
        link,
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn ms(duration: Duration) -> String {
    format!("{:.2} ms", duration.as_secs_f64() * 1000.0)
}

fn main() {
    let mut rng = Rng(0xC0_4FA2E);
    let text = pasted_links(&mut rng);
    println!(
        "{RESULTS} share links pasted ({} lines, {} characters)",
        text.lines().count(),
        text.len()
    );
    for mode in [Mode::Board, Mode::System] {
        // Warm up, then time.
        for _ in 0..3 {
            compare_once(&text, mode);
        }
        let runs: Vec<Steps> = (0..RUNS).map(|_| compare_once(&text, mode)).collect();
        let step = |f: fn(&Steps) -> Duration| median(runs.iter().map(f).collect());
        let total = step(Steps::total);
        println!(
            "{} mode, median of {RUNS}: {} per full comparison ({} to add the links, {} spreads, order and sections, {} CSV and Markdown, {} compare link encoded and decoded): {} the {} target",
            mode.key(),
            ms(total),
            ms(step(|s| s.add)),
            ms(step(|s| s.analyse)),
            ms(step(|s| s.downloads)),
            ms(step(|s| s.link)),
            if total < TARGET { "under" } else { "OVER" },
            ms(TARGET),
        );
    }
}
