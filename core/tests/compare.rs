//! Comparing results from the outside: the spread of a board's answers and
//! the order of disagreement, names and readiness in each mode, then and
//! now, gathering results from pasted text and files (good input added, bad
//! input named with its reason), the compare link (round trips, size, never
//! panicking), and the CSV, Markdown and JSON downloads.
//!
//! Every expected value is worked out by hand in the comments beside it,
//! from the answer patterns: A Absent (0), S Siloed (1), E Embedded (2),
//! D Don't know. Questions 1–3 are the first section, 4–13 the second.

use digital_board_core::compare::codec::{self as compare_codec, json_code};
use digital_board_core::compare::collect::{CollectProblem, Collection, Origin, Problem};
use digital_board_core::compare::export::{self as compare_export, METHOD};
use digital_board_core::compare::{
    Change, Comparison, Entry, LevelCounts, MAX_ENTRIES, MAX_NAME_CHARS, Mode, RoleGap, Spread,
    clip_name, disagreement_order, median_label, organisation_key, organisations_differ,
    range_label, section_tallies, spreads, system_summary, tally_range, tenths_text, then_and_now,
    then_and_now_who,
};
use digital_board_core::content::{ASSESSMENTS, default_assessment};
use digital_board_core::date::Date;
use digital_board_core::export::{self, ExportMeta};
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Level::{self, Absent, Embedded, Siloed};
use digital_board_core::paper;
use digital_board_core::scoring::{Answers, Response, Tally};
use digital_board_core::share::codec::assessment_hash;
use digital_board_core::share::encoding::base64url_decode;
use digital_board_core::share::{self, MAX_LINK_CHARS, ShareError, SharedResult};
use serde_json::Value;

mod support;
use support::downloads::{csv_rows, json_doc, json_member_names};
use support::envelope::seal;
use support::markdown::unescaped_pipes;
use support::rng::Rng;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// Where links are made in these tests.
const BASE: &str = "https://intranet.example.nhs.uk/board/digital-assessment/";

const DK: &str = "Don’t know";

/// Responses from a pattern of 13 letters: A, S, E or D.
fn responses(pattern: &str) -> Vec<Option<Response>> {
    assert_eq!(pattern.chars().count(), 13, "{pattern}");
    pattern
        .chars()
        .map(|c| {
            Some(match c {
                'A' => Response::Level(Absent),
                'S' => Response::Level(Siloed),
                'E' => Response::Level(Embedded),
                'D' => Response::DontKnow,
                other => panic!("not an answer letter: {other}"),
            })
        })
        .collect()
}

fn day(year: i32, month: u32, day: u32) -> Date {
    Date::from_ymd(year, month, day).expect("a day in range")
}

fn entry(name: &str, organisation: &str, role: Role, date: Option<Date>, pattern: &str) -> Entry {
    Entry {
        name: name.to_owned(),
        organisation: organisation.to_owned(),
        role,
        date,
        responses: responses(pattern),
        actions: Vec::new(),
    }
}

fn comparison(mode: Mode, entries: Vec<Entry>) -> Comparison {
    Comparison {
        assessment: default_assessment(),
        mode,
        entries,
    }
}

fn shared(
    pattern: &str,
    organisation: Option<&str>,
    role: Role,
    date: Option<Date>,
) -> SharedResult {
    let label = (organisation.is_some() || role != Role::Unspecified).then(|| Label {
        organisation: organisation.unwrap_or_default().to_owned(),
        role,
    });
    SharedResult::new(
        default_assessment(),
        Answers::from_responses(responses(pattern)),
        label,
        date,
    )
    .expect("a complete result")
}

fn payload(pattern: &str, organisation: Option<&str>, role: Role, date: Option<Date>) -> String {
    share::encode(&shared(pattern, organisation, role, date))
}

fn link(pattern: &str, organisation: Option<&str>, role: Role, date: Option<Date>) -> String {
    share::link(BASE, &payload(pattern, organisation, role, date))
}

/// The body inside a payload's envelope.
fn body_of(payload: &str) -> Vec<u8> {
    let bytes = base64url_decode(payload).expect("canonical base64url");
    let mut at = 1;
    while bytes[at] & 0x80 != 0 {
        at += 1;
    }
    bytes[at + 1..bytes.len() - 2].to_vec()
}

/// A random answer pattern for the 13 questions.
fn random_pattern(rng: &mut Rng) -> String {
    (0..13).map(|_| rng.pick(&['A', 'S', 'E', 'D'])).collect()
}

/// Up to `pieces` pieces of text that stress UTF-8 and escaping.
fn random_text(rng: &mut Rng, pieces: usize) -> String {
    const PIECES: [&str; 14] = [
        "Trust",
        " ",
        "Dr ",
        "RX1",
        "<script>",
        "|",
        "=cmd",
        "\"",
        "é",
        "–",
        "😀",
        "👩🏽‍⚕️",
        "Ysbyty",
        "\n",
    ];
    (0..rng.below(pieces + 1))
        .map(|_| rng.pick(&PIECES))
        .collect()
}

// A board of three: Jane Smith and a second executive, and a non-executive.
//
//            Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13
// Jane (ex)   A  E  E  S  S  D  A  S  D  E   D   A   E
// Exec 2      E  E  S  S  E  S  S  S  D  E   D   A   A
// Non-exec    S  A  A  E  S  E  D  S  E  D   D   A   S
const JANE: &str = "AEESSDASDEDAE";
const EXEC_2: &str = "EESSESSSDEDAA";
const NON_EXEC: &str = "SAAESEDSEDDAS";
const LEEDS: &str = "Leeds Teaching Hospitals";

fn board_of_three() -> Comparison {
    let date = Some(day(2025, 3, 4));
    comparison(
        Mode::Board,
        vec![
            entry("Jane Smith", LEEDS, Role::Executive, date, JANE),
            entry("", LEEDS, Role::Executive, date, EXEC_2),
            entry("", LEEDS, Role::NonExecutive, date, NON_EXEC),
        ],
    )
}

// Three organisations across a system.
//
//            Section 1   Section 2
// Airedale   E E E       S S S S S S S S S S
// Royal Devon A A S      D D D D D D S S A A
// Leeds      S E D       E E E E E S S S S S
const AIREDALE: &str = "Airedale NHS Foundation Trust";
const ROYAL_DEVON: &str = "Royal Devon University Healthcare NHS Foundation Trust";
const LEEDS_TRUST: &str = "Leeds Teaching Hospitals NHS Trust";

fn system_of_three() -> Comparison {
    let date = Some(day(2025, 9, 30));
    comparison(
        Mode::System,
        vec![
            entry("", AIREDALE, Role::Unspecified, date, "EEESSSSSSSSSS"),
            entry("", ROYAL_DEVON, Role::Unspecified, date, "AASDDDDDDSSAA"),
            entry("", LEEDS_TRUST, Role::Unspecified, date, "SEDEEEEESSSSS"),
        ],
    )
}

// One trust at two dates, added later first.
//
//        Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13
// Then    S  S  A  D  D  S  A  E  A  E   S   S   S
// Now     S  E  E  D  S  D  S  E  E  A   A   S   E
const TORBAY: &str = "Torbay and South Devon NHS Foundation Trust";
const THEN: &str = "SSADDSAEAESSS";
const NOW: &str = "SEEDSDSEEAASE";

fn then_and_now_pair() -> Comparison {
    comparison(
        Mode::ThenAndNow,
        vec![
            entry("", TORBAY, Role::Unspecified, Some(day(2025, 6, 1)), NOW),
            entry("", TORBAY, Role::Unspecified, Some(day(2024, 11, 30)), THEN),
        ],
    )
}

// ---------------------------------------------------------------------------
// Spreads and the order of disagreement
// ---------------------------------------------------------------------------

/// Lowest, highest, median in half points, don't knows, and executives'
/// and non-executives' averages in tenths.
type Expected = (
    Option<Level>,
    Option<Level>,
    Option<u32>,
    u32,
    Option<(u32, u32)>,
);

/// A median in half points (0 Absent … 4 Embedded), the sum of its two
/// middle levels.
fn halves(spread: &Spread) -> Option<u32> {
    spread
        .median
        .map(|(low, high)| low.points() + high.points())
}

fn assert_spreads(comparison: &Comparison, expected: &[Expected]) {
    let actual = spreads(comparison);
    assert_eq!(actual.len(), expected.len());
    for (index, (spread, &(lowest, highest, median, dont_know, roles))) in
        actual.iter().zip(expected).enumerate()
    {
        let question = index + 1;
        assert_eq!(spread.question, index);
        assert_eq!(spread.lowest, lowest, "lowest, Q{question}");
        assert_eq!(spread.highest, highest, "highest, Q{question}");
        assert_eq!(halves(spread), median, "median, Q{question}");
        assert_eq!(spread.dont_know, dont_know, "don't know, Q{question}");
        let roles = roles.map(|(executive_tenths, non_executive_tenths)| RoleGap {
            executive_tenths,
            non_executive_tenths,
        });
        assert_eq!(spread.roles(), roles, "roles, Q{question}");
    }
}

#[test]
fn a_board_of_three_spreads_question_by_question() {
    let board = board_of_three();
    #[rustfmt::skip]
    let expected: [Expected; 13] = [
        // Q1 A E S: levels 0 1 2, median 1 (2 halves); executives (0+2)/2 = 1.0.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((10, 10))),
        // Q2 E E A: levels 0 2 2, median 2; executives 2.0, non-executive 0.0.
        (Some(Absent), Some(Embedded), Some(4), 0, Some((20, 0))),
        // Q3 E S A: median 1; executives (2+1)/2 = 1.5.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((15, 0))),
        // Q4 S S E: median 1; executives 1.0, non-executive 2.0.
        (Some(Siloed), Some(Embedded), Some(2), 0, Some((10, 20))),
        // Q5 S E S: median 1; executives 1.5, non-executive 1.0.
        (Some(Siloed), Some(Embedded), Some(2), 0, Some((15, 10))),
        // Q6 D S E: two levels 1 and 2, median between them (3 halves);
        // executives' only level is Exec 2's 1.0.
        (Some(Siloed), Some(Embedded), Some(3), 1, Some((10, 20))),
        // Q7 A S D: levels 0 and 1 (1 half); the non-executive gave no level,
        // so no role averages.
        (Some(Absent), Some(Siloed), Some(1), 1, None),
        // Q8 S S S.
        (Some(Siloed), Some(Siloed), Some(2), 0, Some((10, 10))),
        // Q9 D D E: one level; no executive level.
        (Some(Embedded), Some(Embedded), Some(4), 2, None),
        // Q10 E E D: no non-executive level.
        (Some(Embedded), Some(Embedded), Some(4), 1, None),
        // Q11 D D D: no levels at all.
        (None, None, None, 3, None),
        // Q12 A A A.
        (Some(Absent), Some(Absent), Some(0), 0, Some((0, 0))),
        // Q13 E A S: median 1; executives (2+0)/2 = 1.0.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((10, 10))),
    ];
    assert_spreads(&board, &expected);

    let all = spreads(&board);
    let positions = |keep: fn(&Spread) -> bool| {
        all.iter()
            .filter(|s| keep(s))
            .map(|s| s.question + 1)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        all.iter().map(|s| s.range()).collect::<Vec<_>>(),
        [2, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 2]
    );
    // Absent and Embedded both given: Q1, Q2, Q3, Q13.
    assert_eq!(positions(|s| s.two_apart()), [1, 2, 3, 13]);
    // A whole level or more between the role averages: Q2 (2.0), Q3 (1.5),
    // Q4 and Q6 (1.0); Q5 is only 0.5 apart.
    assert_eq!(positions(|s| s.roles_differ()), [2, 3, 4, 6]);
    // Two apart, roles differ, or a don't know: all but Q5, Q8 and Q12.
    assert_eq!(
        positions(|s| s.needs_discussion()),
        [1, 2, 3, 4, 6, 7, 9, 10, 11, 13]
    );

    // In words.
    let labels: Vec<(String, String)> = all
        .iter()
        .map(|s| (range_label(s), median_label(s.median)))
        .collect();
    let words = |range: &str, median: &str| (range.to_owned(), median.to_owned());
    assert_eq!(labels[1], words("Absent to Embedded", "Embedded"));
    assert_eq!(labels[3], words("Siloed to Embedded", "Siloed"));
    assert_eq!(
        labels[5],
        words("Siloed to Embedded", "Between Siloed and Embedded")
    );
    assert_eq!(
        labels[6],
        words("Absent to Siloed", "Between Absent and Siloed")
    );
    assert_eq!(labels[7], words("All Siloed", "Siloed"));
    assert_eq!(labels[10], words("No levels given", "No levels given"));
    assert_eq!(labels[11], words("All Absent", "Absent"));
}

#[test]
fn disagreement_order_is_range_then_roles_then_dont_knows_then_question_order() {
    // Keys (range, roles differ, role gap in tenths, don't knows), from the
    // spreads above:
    //   range 2: Q2 (yes, 20, 0), Q3 (yes, 15, 0), Q1 (no, 0, 0), Q13 (no, 0, 0)
    //   range 1: Q6 (yes, 10, 1), Q4 (yes, 10, 0), Q5 (no, 5, 0), Q7 (no, 0, 1)
    //   range 0: Q11 (3 don't know), Q9 (2), Q10 (1), Q8, Q12
    // Q1 and Q13 tie, and Q8 and Q12: they stay in question order.
    let order = disagreement_order(&spreads(&board_of_three()));
    let numbers: Vec<usize> = order.iter().map(|i| i + 1).collect();
    assert_eq!(numbers, [2, 3, 1, 13, 6, 4, 5, 7, 11, 9, 10, 8, 12]);
    assert_eq!(order, [1, 2, 0, 12, 5, 3, 4, 6, 10, 8, 9, 7, 11]);
    assert_eq!(disagreement_order(&[]), Vec::<usize>::new());

    // Everyone agreeing on everything: question order.
    let agreed = comparison(
        Mode::Board,
        vec![
            entry("", "", Role::Executive, None, "SSSSSSSSSSSSS"),
            entry("", "", Role::NonExecutive, None, "SSSSSSSSSSSSS"),
        ],
    );
    assert_eq!(
        disagreement_order(&spreads(&agreed)),
        (0..13).collect::<Vec<_>>()
    );
}

// Seven members, to check rounding of the role averages and even medians.
//
//        Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10–Q13
// Ex 1    S  E  E  S  D  E  A  A  A  S
// Ex 2    A  S  E  S  D  E  D  A  S  S
// Ex 3    A  S  S  S  D  E  D  E  E  S
// Ex 4    A  S  A  A  D  E  D  E  E  S
// Non 1   E  S  S  E  E  D  E  D  D  S
// Non 2   S  A  S  E  E  D  D  D  D  S
// Non 3   S  A  A  S  E  D  D  D  D  S
#[test]
fn role_averages_round_half_up_to_tenths_and_medians_of_even_counts_fall_between() {
    let members = [
        (Role::Executive, "SEESDEAAASSSS"),
        (Role::Executive, "ASESDEDASSSSS"),
        (Role::Executive, "ASSSDEDEESSSS"),
        (Role::Executive, "ASAADEDEESSSS"),
        (Role::NonExecutive, "ESSEEDEDDSSSS"),
        (Role::NonExecutive, "SASEEDDDDSSSS"),
        (Role::NonExecutive, "SAASEDDDDSSSS"),
    ];
    let board = comparison(
        Mode::Board,
        members
            .iter()
            .map(|&(role, pattern)| entry("", "", role, None, pattern))
            .collect(),
    );
    let siloed = (Some(Siloed), Some(Siloed), Some(2), 0, Some((10, 10)));
    #[rustfmt::skip]
    let expected: [Expected; 13] = [
        // Q1 levels 1 0 0 0 | 2 1 1: sorted 0 0 0 1 1 1 2, median 1.
        // Executives 1/4 = 0.25, half up to 0.3; non-executives 4/3 = 1.33 -> 1.3.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((3, 13))),
        // Q2 levels 2 1 1 1 | 1 0 0: median 1.
        // Executives 5/4 = 1.25 -> 1.3; non-executives 1/3 = 0.33 -> 0.3.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((13, 3))),
        // Q3 levels 2 2 1 0 | 1 1 0: sorted 0 0 1 1 1 2 2, median 1.
        // Executives 5/4 -> 1.3; non-executives 2/3 = 0.67 -> 0.7.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((13, 7))),
        // Q4 levels 1 1 1 0 | 2 2 1: sorted 0 1 1 1 1 2 2, median 1.
        // Executives 3/4 = 0.75 -> 0.8; non-executives 5/3 = 1.67 -> 1.7.
        (Some(Absent), Some(Embedded), Some(2), 0, Some((8, 17))),
        // Q5 executives all don't know: levels 2 2 2; no executive average.
        (Some(Embedded), Some(Embedded), Some(4), 4, None),
        // Q6 non-executives all don't know: four levels 2, median (2+2).
        (Some(Embedded), Some(Embedded), Some(4), 3, None),
        // Q7 levels 0 and 2 only: the median falls between them (0+2).
        (Some(Absent), Some(Embedded), Some(2), 5, Some((0, 20))),
        // Q8 levels 0 0 2 2: the middle two are 0 and 2, so 2 halves.
        (Some(Absent), Some(Embedded), Some(2), 3, None),
        // Q9 levels 0 1 2 2: the middle two are 1 and 2, so 3 halves.
        (Some(Absent), Some(Embedded), Some(3), 3, None),
        siloed, siloed, siloed, siloed,
    ];
    assert_spreads(&board, &expected);

    let all = spreads(&board);
    // Differ means the averages as shown are 1.0 or more apart: Q1 0.3 and
    // 1.3 (exactly 1.0 as shown), Q2 1.3 and 0.3, Q7 0.0 and 2.0; not Q3
    // (0.6 apart) or Q4 (0.9 apart).
    let differ: Vec<usize> = all
        .iter()
        .filter(|s| s.roles_differ())
        .map(|s| s.question + 1)
        .collect();
    assert_eq!(differ, [1, 2, 7]);
    assert_eq!(median_label(all[8].median), "Between Siloed and Embedded");
    // Q7 and Q8 are Absent to Embedded without a single Siloed given, so
    // their median is between the two, never "Siloed".
    for q in [6, 7] {
        assert_eq!(all[q].median, Some((Absent, Embedded)));
        assert_eq!(median_label(all[q].median), "Between Absent and Embedded");
        assert_eq!(range_label(&all[q]), "Absent to Embedded");
    }
}

#[test]
fn role_gaps_differ_from_a_whole_level_apart() {
    let gap = |executive_tenths, non_executive_tenths| RoleGap {
        executive_tenths,
        non_executive_tenths,
    };
    assert!(gap(10, 20).differs());
    assert!(gap(20, 10).differs());
    assert!(gap(3, 13).differs());
    assert!(gap(0, 20).differs());
    assert!(!gap(13, 4).differs());
    assert!(!gap(5, 14).differs());
    assert!(!gap(0, 0).differs());
    assert!(!gap(20, 20).differs());

    assert_eq!(tenths_text(0), "0.0");
    assert_eq!(tenths_text(3), "0.3");
    assert_eq!(tenths_text(15), "1.5");
    assert_eq!(tenths_text(20), "2.0");

    assert_eq!(median_label(None), "No levels given");
    assert_eq!(median_label(Some((Absent, Absent))), "Absent");
    assert_eq!(
        median_label(Some((Absent, Siloed))),
        "Between Absent and Siloed"
    );
    assert_eq!(median_label(Some((Siloed, Siloed))), "Siloed");
    assert_eq!(
        median_label(Some((Siloed, Embedded))),
        "Between Siloed and Embedded"
    );
    // Never a level nobody gave.
    assert_eq!(
        median_label(Some((Absent, Embedded))),
        "Between Absent and Embedded"
    );
    assert_eq!(median_label(Some((Embedded, Embedded))), "Embedded");
}

#[test]
fn roles_are_only_averaged_when_both_groups_gave_levels() {
    // Two executives and someone of no stated role: no non-executive, so no
    // role averages anywhere, and nothing differs by role.
    let board = comparison(
        Mode::Board,
        vec![
            entry("", "", Role::Executive, None, "AAAAAAAAAAAAA"),
            entry("", "", Role::Executive, None, "EEEEEEEEEEEEE"),
            entry("", "", Role::Unspecified, None, "SSSSSSSSSSSSS"),
        ],
    );
    let all = spreads(&board);
    assert_eq!(all.len(), 13);
    for spread in all {
        assert_eq!(spread.roles(), None);
        assert!(!spread.roles_differ());
        // The executives' own average still stands (Absent and Embedded: 1.0);
        // a group with nobody in it has no figure.
        assert_eq!(
            (spread.executive_tenths, spread.non_executive_tenths),
            (Some(10), None)
        );
        assert_eq!(
            compare_export::role_averages(&spread, board.role_counts()),
            ("1.0".to_owned(), String::new())
        );
        // Levels 0 1 2: median 1, two apart.
        assert_eq!(spread.median, Some((Siloed, Siloed)));
        assert!(spread.two_apart());
    }
    assert_eq!(board.role_counts(), (2, 0));
    assert_eq!(board_of_three().role_counts(), (2, 1));

    // No entries: no levels, nothing to discuss.
    let empty = comparison(Mode::Board, Vec::new());
    let all = spreads(&empty);
    assert_eq!(all.len(), 13);
    for spread in all {
        assert_eq!(
            (spread.lowest, spread.highest, spread.median),
            (None, None, None)
        );
        assert_eq!((spread.dont_know, spread.range()), (0, 0));
        assert!(!spread.needs_discussion());
    }
}

// ---------------------------------------------------------------------------
// Sections across a system
// ---------------------------------------------------------------------------

#[test]
fn section_tallies_and_their_range_across_a_system() {
    let system = system_of_three();
    let tally = |questions, scored, points, dont_know| Tally {
        questions,
        scored,
        points,
        dont_know,
        unanswered: 0,
    };
    // Section 1: Airedale E E E = 6 points of 3 (2.0); Royal Devon A A S = 1
    // point (0.33, shown 0.3); Leeds S E D = 3 points from 2 (1.5).
    let first = section_tallies(&system, 0);
    assert_eq!(
        first,
        [tally(3, 3, 6, 0), tally(3, 3, 1, 0), tally(3, 2, 3, 1)]
    );
    assert_eq!(tally_range(&first), Some((3, 20)));
    // Section 2: Airedale ten S = 10 points (1.0); Royal Devon six don't
    // knows, S S A A = 2 points from 4 scored, fewer than half of 10, so it
    // has no stage and is left out of the range; Leeds five E and five S =
    // 15 points (1.5).
    let second = section_tallies(&system, 1);
    assert_eq!(
        second,
        [
            tally(10, 10, 10, 0),
            tally(10, 4, 2, 6),
            tally(10, 10, 15, 0)
        ]
    );
    assert_eq!(tally_range(&second), Some((10, 15)));

    assert_eq!(tally_range(&[]), None);
    assert_eq!(tally_range(&[tally(10, 4, 8, 6)]), None);
    assert_eq!(tally_range(&[tally(2, 1, 2, 1)]), Some((20, 20)));

    let cells: Vec<String> = first.iter().map(compare_export::section_cell).collect();
    assert_eq!(cells, ["Embedded (2.0)", "Absent (0.3)", "Embedded (1.5)"]);
    let cells: Vec<String> = second.iter().map(compare_export::section_cell).collect();
    assert_eq!(
        cells,
        ["Siloed (1.0)", "Not enough answers", "Embedded (1.5)"]
    );
}

// ---------------------------------------------------------------------------
// Names, readiness and the suggested mode
// ---------------------------------------------------------------------------

#[test]
fn display_names_number_board_members_within_their_role() {
    let board = comparison(
        Mode::Board,
        vec![
            entry("", LEEDS, Role::Executive, None, JANE),
            entry("", LEEDS, Role::NonExecutive, None, JANE),
            entry("   ", LEEDS, Role::Executive, None, JANE),
            entry("", LEEDS, Role::Unspecified, None, JANE),
            entry("  Jane Smith  ", LEEDS, Role::Executive, None, JANE),
            entry("", LEEDS, Role::Executive, None, JANE),
            entry("", LEEDS, Role::NonExecutive, None, JANE),
            entry("", LEEDS, Role::Unspecified, None, JANE),
        ],
    );
    let names: Vec<String> = (0..8).map(|i| board.display_name(i)).collect();
    // Named members count in their role's numbering: Jane is the third
    // executive, so the next one is Executive 4.
    assert_eq!(
        names,
        [
            "Executive 1",
            "Non-executive 1",
            "Executive 2",
            "Member 1",
            "Jane Smith",
            "Executive 4",
            "Non-executive 2",
            "Member 2",
        ]
    );
    assert_eq!(board.display_name(8), "");
}

#[test]
fn display_names_use_organisations_across_a_system_and_dates_over_time() {
    let system = comparison(
        Mode::System,
        vec![
            entry("", ROYAL_DEVON, Role::Executive, None, JANE),
            entry("", "", Role::Executive, None, JANE),
            entry("", "  RX1 ", Role::Unspecified, None, JANE),
            entry("Torbay", TORBAY, Role::NonExecutive, None, JANE),
        ],
    );
    let names: Vec<String> = (0..4).map(|i| system.display_name(i)).collect();
    assert_eq!(names, [ROYAL_DEVON, "Organisation 2", "RX1", "Torbay"]);

    let over_time = comparison(
        Mode::ThenAndNow,
        vec![
            entry("", TORBAY, Role::Unspecified, Some(day(2024, 2, 29)), JANE),
            entry("", TORBAY, Role::Unspecified, None, JANE),
            entry(
                "After the away day",
                TORBAY,
                Role::Unspecified,
                Some(day(2026, 11, 21)),
                JANE,
            ),
        ],
    );
    let names: Vec<String> = (0..3).map(|i| over_time.display_name(i)).collect();
    assert_eq!(
        names,
        ["29 February 2024", "Result 2", "After the away day"]
    );
}

#[test]
fn readiness_says_what_each_mode_still_needs() {
    let one = comparison(
        Mode::Board,
        vec![entry("", "", Role::Executive, None, JANE)],
    );
    assert_eq!(
        one.readiness().map_err(|e| e.to_string()),
        Err("Compare needs at least 2 results. You have added 1. Add another share link or exported results file.".to_owned())
    );
    let none = comparison(Mode::System, Vec::new());
    assert_eq!(
        none.readiness().map_err(|e| e.to_string()),
        Err("Compare needs at least 2 results. You have added 0. Add another share link or exported results file.".to_owned())
    );
    assert_eq!(board_of_three().readiness(), Ok(()));
    assert_eq!(system_of_three().readiness(), Ok(()));
    assert_eq!(then_and_now_pair().readiness(), Ok(()));

    // Then and now with three results.
    let mut three = then_and_now_pair();
    three.entries.push(entry(
        "",
        TORBAY,
        Role::Unspecified,
        Some(day(2023, 10, 1)),
        JANE,
    ));
    let reason = "Then and now compares 2 results of the same organisation. You have added 3. Remove results until 2 are left, or choose another kind of comparison.";
    assert_eq!(
        three.readiness().map_err(|e| e.to_string()),
        Err(reason.to_owned())
    );
    assert_eq!(
        then_and_now(&three).map_err(|e| e.to_string()),
        Err(reason.to_owned())
    );
    // The same three are fine as a board.
    three.mode = Mode::Board;
    assert_eq!(three.readiness(), Ok(()));

    // A result without a date.
    let mut undated = then_and_now_pair();
    undated.entries[1].date = None;
    assert_eq!(
        undated.readiness().map_err(|e| e.to_string()),
        Err("Then and now needs the date of both results, and at least one of these results has no date. Choose another kind of comparison.".to_owned())
    );

    // Both on the same day.
    let mut same_day = then_and_now_pair();
    same_day.entries[1].date = Some(day(2025, 6, 1));
    assert_eq!(
        same_day.readiness().map_err(|e| e.to_string()),
        Err("Both results are dated 1 June 2025. Then and now needs results from 2 different dates.".to_owned())
    );
}

#[test]
fn the_suggested_mode_follows_organisations_and_dates() {
    let at = |org: &str, date: Option<Date>| entry("", org, Role::Unspecified, date, JANE);
    let (june, march) = (Some(day(2025, 6, 1)), Some(day(2025, 3, 4)));
    let suggest = |entries: &[Entry]| Comparison::suggested_mode(entries);

    // One organisation (however it is written), two dates: then and now.
    assert_eq!(
        suggest(&[at("RX1", june), at("  rx1 ", march)]),
        Mode::ThenAndNow
    );
    // The same day, or a date missing: a board.
    assert_eq!(suggest(&[at("RX1", june), at("RX1", june)]), Mode::Board);
    assert_eq!(suggest(&[at("RX1", june), at("RX1", None)]), Mode::Board);
    // Two dates but only one organisation given: a board.
    assert_eq!(suggest(&[at("RX1", june), at("", march)]), Mode::Board);
    // Three results of one organisation: a board, whatever the dates.
    assert_eq!(
        suggest(&[at("RX1", june), at("RX1", march), at("RX1", None)]),
        Mode::Board
    );
    // Two or more organisations: a system, even with unnamed ones among them.
    assert_eq!(suggest(&[at("RX1", june), at("RR8", march)]), Mode::System);
    assert_eq!(
        suggest(&[at("RX1", None), at("", None), at("RR8", None)]),
        Mode::System
    );
    // No organisations, or nothing at all: a board.
    assert_eq!(suggest(&[at("", june), at("", march)]), Mode::Board);
    assert_eq!(suggest(&[]), Mode::Board);

    assert!(!organisations_differ(&at("RX1", None), &at(" rx1", None)));
    assert!(organisations_differ(&at("RX1", None), &at("RR8", None)));
    assert!(!organisations_differ(&at("", None), &at("RR8", None)));
}

#[test]
fn one_rule_decides_whether_two_organisations_are_the_same_everywhere() {
    let (june, march) = (Some(day(2025, 6, 1)), Some(day(2025, 3, 4)));
    let at = |org: &str, date| entry("", org, Role::Executive, date, JANE);
    // Case (also beyond ASCII) and spacing do not matter; letters do.
    for (a, b, same) in [
        ("Ysbyty Gwynedd", "  ysbyty   GWYNEDD ", true),
        ("ÉCOLE NHS Trust", "école nhs trust", true),
        ("Hôpital\u{a0}Trust", "HÔPITAL trust", true),
        ("RX1", "RX2", false),
        ("Ecole NHS Trust", "École NHS Trust", false),
    ] {
        assert_eq!(
            organisation_key(a) == organisation_key(b),
            same,
            "{a} / {b}"
        );
        // Then and now of one organisation, or a system of two.
        let (then, now) = (at(a, march), at(b, june));
        assert_eq!(organisations_differ(&then, &now), !same, "{a} / {b}");
        assert_eq!(
            Comparison::suggested_mode(&[then, now]),
            if same { Mode::ThenAndNow } else { Mode::System },
            "{a} / {b}"
        );
        // The same answers, role and date: one result twice, or two.
        assert_eq!(at(a, june).same_result(&at(b, june)), same, "{a} / {b}");
    }
}

#[test]
fn modes_are_named_for_people_and_keyed_for_files() {
    assert_eq!(
        Mode::ALL.map(Mode::key),
        ["board", "system", "then-and-now"]
    );
    assert_eq!(
        Mode::ALL.map(Mode::name),
        [
            "Board members",
            "Organisations across a system",
            "Then and now"
        ]
    );
    assert!(Mode::System.hint().contains("not ranked"));
    assert_eq!(Mode::default(), Mode::Board);
}

#[test]
fn entries_from_shared_results_keep_levels_label_and_date_but_not_notes() {
    let mut answers = Answers::from_responses(responses(JANE));
    answers.notes[0] = "Ask the CIO.".to_owned();
    let result = SharedResult::new(
        default_assessment(),
        answers,
        Some(Label {
            organisation: LEEDS.to_owned(),
            role: Role::Executive,
        }),
        Some(day(2025, 3, 4)),
    )
    .unwrap();
    let long_name = format!("  {}  ", "é".repeat(70));
    let entry_from = Entry::from_shared(&result, &long_name);
    assert_eq!(entry_from.name, "é".repeat(MAX_NAME_CHARS));
    assert_eq!(
        Entry {
            name: String::new(),
            ..entry_from.clone()
        },
        entry("", LEEDS, Role::Executive, Some(day(2025, 3, 4)), JANE)
    );
    let unlabelled = Entry::from_shared(&shared(JANE, None, Role::Unspecified, None), "");
    assert_eq!(unlabelled, entry("", "", Role::Unspecified, None, JANE));

    assert_eq!(clip_name("  Jane Smith\n"), "Jane Smith");
    assert_eq!(clip_name(&"x".repeat(61)).len(), 60);

    // The same result whatever the chair called it, and whatever the case
    // of its organisation.
    let a = entry("Jane", "RX1 Trust", Role::Executive, None, JANE);
    let b = entry("Dr Smith", " rx1 trust ", Role::Executive, None, JANE);
    assert!(a.same_result(&b));
    for other in [
        entry("Jane", "RX1 Trust", Role::NonExecutive, None, JANE),
        entry(
            "Jane",
            "RX1 Trust",
            Role::Executive,
            Some(day(2025, 1, 1)),
            JANE,
        ),
        entry("Jane", "RX2 Trust", Role::Executive, None, JANE),
        entry("Jane", "RX1 Trust", Role::Executive, None, EXEC_2),
    ] {
        assert!(!a.same_result(&other), "{other:?}");
    }
}

// ---------------------------------------------------------------------------
// Then and now
// ---------------------------------------------------------------------------

#[test]
fn changes_between_two_answers() {
    let level = |l| Some(Response::Level(l));
    let dk = Some(Response::DontKnow);
    let cases = [
        (
            level(Siloed),
            level(Embedded),
            Change::Up(1),
            "Up 1 level (+1)",
        ),
        (
            level(Absent),
            level(Embedded),
            Change::Up(2),
            "Up 2 levels (+2)",
        ),
        (
            level(Embedded),
            level(Siloed),
            Change::Down(1),
            "Down 1 level (\u{2212}1)",
        ),
        (
            level(Embedded),
            level(Absent),
            Change::Down(2),
            "Down 2 levels (\u{2212}2)",
        ),
        (level(Siloed), level(Siloed), Change::Same, "No change"),
        (dk, dk, Change::Same, "No change"),
        (dk, level(Absent), Change::NowKnown, "Now answered"),
        (level(Embedded), dk, Change::NowUnknown, "Now don’t know"),
        (None, None, Change::Same, "No change"),
    ];
    for (then, now, change, label) in cases {
        assert_eq!(Change::between(then, now), change, "{then:?} -> {now:?}");
        assert_eq!(change.label(), label);
    }
}

#[test]
fn then_is_the_earlier_date_whichever_was_added_first() {
    // Added later first: the second entry is then.
    assert_eq!(then_and_now(&then_and_now_pair()), Ok((1, 0)));
    let mut swapped = then_and_now_pair();
    swapped.entries.reverse();
    assert_eq!(then_and_now(&swapped), Ok((0, 1)));
    // A day apart is enough.
    let mut close = then_and_now_pair();
    close.entries[1].date = Some(day(2025, 5, 31));
    assert_eq!(then_and_now(&close), Ok((1, 0)));

    let pair = then_and_now_pair();
    let changes: Vec<String> = (0..13)
        .map(|q| {
            Change::between(pair.entries[1].responses[q], pair.entries[0].responses[q]).label()
        })
        .collect();
    assert_eq!(
        changes,
        [
            // A word and a sign each: never colour alone.
            "No change",                 // Q1 S -> S
            "Up 1 level (+1)",           // Q2 S -> E
            "Up 2 levels (+2)",          // Q3 A -> E
            "No change",                 // Q4 D -> D
            "Now answered",              // Q5 D -> S
            "Now don’t know",            // Q6 S -> D
            "Up 1 level (+1)",           // Q7 A -> S
            "No change",                 // Q8 E -> E
            "Up 2 levels (+2)",          // Q9 A -> E
            "Down 2 levels (\u{2212}2)", // Q10 E -> A
            "Down 1 level (\u{2212}1)",  // Q11 S -> A
            "No change",                 // Q12 S -> S
            "Up 1 level (+1)",           // Q13 S -> E
        ]
    );
}

// ---------------------------------------------------------------------------
// Gathering results from pasted text and files
// ---------------------------------------------------------------------------

const ASK_AGAIN: &str =
    "Ask the sender to copy the whole link again, or to send the results as a file.";
const NOT_A_LINK: &str = "This is not a results link. Results links end in “#r=” followed by letters and numbers. Copy the whole link from the results page.";
const NO_SHARE_CODE: &str = "This results file has no share code, so it cannot be compared. Open the results again and download a new JSON file, or paste the results link instead.";
const NOT_RESULTS_FILE: &str = "This file is not a results file from this self-assessment. Choose a JSON file downloaded from a results page or a comparison, or paste results links instead.";

fn incomplete() -> String {
    format!("This link is incomplete. It may have been cut off when it was copied. {ASK_AGAIN}")
}

fn already_added(results: &str) -> String {
    format!(
        "Already added (the same answers, organisation, role and date as result {results}), so it was not added again."
    )
}

fn problem(source: &str, message: &str) -> Problem {
    Problem {
        source: source.to_owned(),
        message: message.to_owned(),
    }
}

/// A share payload for the default assessment's id with another content
/// version (all Siloed, no date or label), built from the wire format.
fn payload_with_content_version(version: u16) -> String {
    let mut body = vec![0];
    body.extend(assessment_hash(default_assessment().id).to_be_bytes());
    body.extend(version.to_be_bytes());
    // 13 answers, Siloed (code 2, bits 10): three full bytes and one in the
    // high bits of the last.
    body.extend([13, 0xaa, 0xaa, 0xaa, 0x80]);
    seal(1, &body)
}

#[test]
fn pasted_lines_add_the_good_results_and_name_each_bad_line() {
    let date = Some(day(2025, 3, 4));
    let org = Some(LEEDS);
    let p1 = payload(JANE, org, Role::Executive, date);
    let p2 = payload(EXEC_2, org, Role::Executive, date);
    let p3 = payload(NON_EXEC, org, Role::NonExecutive, date);
    let p4 = payload("SSSSSSSSSSSSS", org, Role::NonExecutive, date);
    let p5 = payload("EEEEEEEEEEEEE", org, Role::Unspecified, date);
    let p6 = payload("AAAAAAAAAAAAA", org, Role::Executive, date);
    let p7 = payload("DDDDDDDDDDDDD", org, Role::Executive, date);
    let p8 = payload("ASASASASASASA", org, Role::NonExecutive, date);
    let edited = {
        // One character in the middle of the body changed.
        let mut bytes = payload("ESESESESESESE", org, Role::Executive, date).into_bytes();
        bytes[12] = if bytes[12] == b'Q' { b'R' } else { b'Q' };
        String::from_utf8(bytes).unwrap()
    };
    let cut = &p3[..p3.len() - 3];
    let unknown_assessment = {
        let mut body = body_of(&p5);
        body[1..3].copy_from_slice(&assessment_hash("another-assessment").to_be_bytes());
        seal(1, &body)
    };
    let lines = [
        format!("Jane Smith (Chair): {BASE}#r={p1}"), // 1 added
        String::new(),                                // 2 blank
        format!("{BASE}#r={p2}."),                    // 3 added
        format!("<{BASE}#r={p4}>"),                   // 4 added
        "please see the board papers".to_owned(),     // 5 not a link
        format!("{BASE}#r=AQ8+HAAkAQ"),               // 6 bad characters
        format!("{BASE}#r={cut}"),                    // 7 cut off
        format!("Dr Jane Smith – {BASE}#r={p1}"),     // 8 duplicate of 1
        "   ".to_owned(),                             // 9 blank
        format!("Bob Jones, Non-executive — ({BASE}#r={p5}),"), // 10 added
        p6.clone(),                                   // 11 bare code, added
        format!("{BASE}#r={}", payload_with_content_version(2)), // 12 newer questions
        format!("{BASE}#r={}", payload_with_content_version(0)), // 13 older questions
        format!("{BASE}#r={unknown_assessment}"),     // 14 another assessment
        format!("Trust board: https://apps.example.nhs.uk/httpd/assess/#r={p7}"), // 15 added
        format!("{BASE}#r={edited}"),                 // 16 damaged
        format!("Ann Lee:\u{a0}intranet.example.nhs.uk/assess/#r={p8}"), // 17 added
        format!("Raj Patel\u{2003}#r={p3}"),          // 18 added
    ];
    let text = lines.join("\n");
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&text, Origin::Pasted), 8);
    assert_eq!(
        collection.problems,
        [
            // Line 5, with no link at all, is passed over and counted.
            problem(
                "Line 6",
                &format!(
                    "This link contains characters that cannot be part of a results link. It may have been changed when it was copied or sent. {ASK_AGAIN}"
                )
            ),
            problem("Line 7", &incomplete()),
            problem("Line 8", &already_added("1")),
            problem(
                "Line 12",
                "This link was made with a newer version of the questions (version 2) than this page has (version 1). Refresh the page to get the latest version and try again, or ask the sender to send the results as a file."
            ),
            problem(
                "Line 13",
                "This link was made with an older version of the questions (version 0). This page has version 1, and the answers cannot be matched to its questions. Ask the sender to send the results as a file, or start your own assessment."
            ),
            problem(
                "Line 14",
                "This link is for an assessment this page does not have. Check you opened it on the same website the sender used, or ask the sender to send the results as a file."
            ),
            problem(
                "Line 16",
                &format!(
                    "This link has been changed or damaged, so we cannot show the results. {ASK_AGAIN}"
                )
            ),
        ]
    );
    assert_eq!(
        collection.entries,
        [
            entry("Jane Smith (Chair)", LEEDS, Role::Executive, date, JANE),
            entry("", LEEDS, Role::Executive, date, EXEC_2),
            entry("", LEEDS, Role::NonExecutive, date, "SSSSSSSSSSSSS"),
            entry(
                "Bob Jones, Non-executive",
                LEEDS,
                Role::Unspecified,
                date,
                "EEEEEEEEEEEEE"
            ),
            entry("", LEEDS, Role::Executive, date, "AAAAAAAAAAAAA"),
            entry("Trust board", LEEDS, Role::Executive, date, "DDDDDDDDDDDDD"),
            entry("Ann Lee", LEEDS, Role::NonExecutive, date, "ASASASASASASA"),
            entry("Raj Patel", LEEDS, Role::NonExecutive, date, NON_EXEC),
        ]
    );
    assert_eq!(collection.assessment, Some(default_assessment()));
    // Share links alone choose no mode: it follows the results (one
    // organisation, one date: a board).
    assert_eq!(collection.chosen_mode, None);
    assert_eq!(collection.mode(), Mode::Board);
    let shown = collection.comparison().expect("a comparison");
    assert_eq!(shown.entries, collection.entries);

    // The next input replaces the problems.
    assert_eq!(
        collection.add_text(&format!("{BASE}#r={p2}"), Origin::Pasted),
        0
    );
    assert_eq!(
        collection.problems,
        [problem("Line 1", &already_added("2"))]
    );
    assert_eq!(collection.add_text("\n\n", Origin::Pasted), 0);
    assert_eq!(
        collection.problems,
        [problem(
            "The pasted text",
            "Paste at least one results link, one per line."
        )]
    );
}

#[test]
fn names_and_links_are_split_whatever_the_punctuation() {
    let p = payload(JANE, Some(LEEDS), Role::Executive, None);
    let url = format!("{BASE}#r={p}");
    let cases = [
        (format!("Jane Smith (Chair): {url}"), "Jane Smith (Chair)"),
        (format!("Jane Smith, Chair: {url}"), "Jane Smith, Chair"),
        (format!("Jane Smith:{url}"), "Jane Smith"),
        (format!("Jane Smith - {url}"), "Jane Smith"),
        (format!("Jane Smith – <{url}>"), "Jane Smith"),
        (format!("Jane Smith [{url}]"), "Jane Smith"),
        (format!("Jane Smith ({url})."), "Jane Smith"),
        (format!("  {url};  "), ""),
        (format!("{url}\" "), ""),
        (format!("\"{url}\""), ""),
        (format!("Jane Smith\u{a0}–\u{a0}{url}"), "Jane Smith"),
        (format!("Jane\u{3000}#r={p}"), "Jane"),
        (format!("#r={p}"), ""),
        (p.clone(), ""),
    ];
    for (line, name) in cases {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 1, "{line}");
        assert_eq!(collection.problems, Vec::<Problem>::new(), "{line}");
        assert_eq!(collection.entries[0].name, name, "{line}");
        assert_eq!(collection.entries[0].responses, responses(JANE));
    }
    // Names are cut to 60 characters.
    let mut collection = Collection::default();
    collection.add_text(&format!("{} {url}", "N".repeat(100)), Origin::Pasted);
    assert_eq!(collection.entries[0].name, "N".repeat(60));
}

#[test]
fn names_before_links_and_trailing_punctuation_are_split_off() {
    // A line as a chair pastes it: a name, then a link that ends in
    // punctuation from the text around it.
    let date = Some(day(2025, 3, 4));
    let p = payload(JANE, Some(LEEDS), Role::Executive, date);
    let line = format!("Jane Smith (Chair): https://x.nhs.uk/a#r={p}>.");
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&line, Origin::Pasted), 1);
    assert_eq!(collection.problems, Vec::<Problem>::new());
    // The name part is everything before the link, less the ": ".
    assert_eq!(collection.entries[0].name, "Jane Smith (Chair)");
    // The link part is the code alone, without the "(Chair):" before it or
    // the ">." after it: the entry is exactly the result the code holds.
    let result = share::decode(&p, ASSESSMENTS).expect("a valid code");
    assert_eq!(
        collection.entries,
        [Entry::from_shared(&result, "Jane Smith (Chair)")]
    );
    assert_eq!(
        collection.entries[0],
        entry("Jane Smith (Chair)", LEEDS, Role::Executive, date, JANE)
    );

    // A short code is read as the code alone too: the reason given is the
    // share codec's for "AAAA" (cut off or damaged), not for "AAAA>."
    // (characters that cannot be in a link).
    let mut collection = Collection::default();
    let line = "Jane Smith (Chair): https://x.nhs.uk/a#r=AAAA>.";
    assert_eq!(collection.add_text(line, Origin::Pasted), 0);
    let reason = share::decode("AAAA", ASSESSMENTS).expect_err("not a result");
    assert_ne!(
        share::decode("AAAA>.", ASSESSMENTS),
        Err(reason.clone()),
        "the test tells the two apart"
    );
    assert_eq!(
        collection.problems,
        [problem(
            "Line 1",
            &CollectProblem::BadLink(reason).to_string()
        )]
    );
    assert!(collection.entries.is_empty());
}

/// `text` percent-encoded as JavaScript's encodeURIComponent does (and as
/// Microsoft Safe Links encode the address they wrap): everything but ASCII
/// letters, digits and `-_.!~*'()`.
fn encode_uri_component(text: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const URI_COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'!')
        .remove(b'~')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    utf8_percent_encode(text, URI_COMPONENT).to_string()
}

#[test]
fn several_links_on_one_line_are_each_read_with_their_own_name() {
    let jane = payload(JANE, Some(LEEDS), Role::Executive, None);
    let bob = payload(NON_EXEC, Some(LEEDS), Role::NonExecutive, None);
    let raj = payload(EXEC_2, Some(LEEDS), Role::Executive, None);
    let cases = [
        (
            format!(
                "Jane Smith: {BASE}#r={jane}, Bob Jones: {BASE}#r={bob}; Raj Patel – {BASE}#r={raj}."
            ),
            ["Jane Smith", "Bob Jones", "Raj Patel"],
        ),
        (
            format!("{BASE}#r={jane} {BASE}#r={bob} {BASE}#r={raj}"),
            ["", "", ""],
        ),
        (
            format!("<{BASE}#r={jane}>, <{BASE}#r={bob}> | Raj: {BASE}#r={raj}"),
            ["", "", "Raj"],
        ),
    ];
    for (line, names) in cases {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 3, "{line}");
        assert_eq!(collection.problems, Vec::<Problem>::new(), "{line}");
        let read: Vec<(&str, Vec<Option<Response>>)> = collection
            .entries
            .iter()
            .map(|e| (e.name.as_str(), e.responses.clone()))
            .collect();
        assert_eq!(
            read,
            [
                (names[0], responses(JANE)),
                (names[1], responses(NON_EXEC)),
                (names[2], responses(EXEC_2)),
            ],
            "{line}"
        );
    }
    // A bad link beside a good one: the good one is added, the line named.
    let mut collection = Collection::default();
    let line = format!(
        "Jane: {BASE}#r={jane} and Bob: {BASE}#r={}",
        &bob[..bob.len() - 4]
    );
    assert_eq!(collection.add_text(&line, Origin::Pasted), 1);
    assert_eq!(collection.entries[0].name, "Jane");
    assert_eq!(collection.problems.len(), 1);
    assert_eq!(collection.problems[0].source, "Line 1");
}

#[test]
fn links_wrapped_by_microsoft_safe_links_are_unwrapped() {
    let jane = payload(JANE, Some(LEEDS), Role::Executive, Some(day(2025, 3, 4)));
    let url = format!("{BASE}#r={jane}");
    let outlook = format!(
        "https://eur03.safelinks.protection.outlook.com/?url={}&data=05%7C02%7Cjane.smith%40nhs.net%7C4f1c%7C0%7C0%7C638&sdata=k2Jx%2BqV%3D&reserved=0",
        encode_uri_component(&url)
    );
    let teams = format!(
        "https://statics.teams.cdn.office.net/evergreen-assets/safelinks/1/atp-safelinks.html?url={}&locale=en-gb&dest=https%3A%2F%2Fteams.microsoft.com",
        encode_uri_component(&url)
    );
    for (line, name) in [
        (
            format!("Jane Smith (Chair): {outlook}"),
            "Jane Smith (Chair)",
        ),
        (format!("<{outlook}>"), ""),
        (teams.clone(), ""),
        (format!("Jane\u{a0}– {teams}"), "Jane"),
    ] {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 1, "{line}");
        assert_eq!(collection.problems, Vec::<Problem>::new(), "{line}");
        assert_eq!(collection.entries[0].name, name, "{line}");
        assert_eq!(collection.entries[0].responses, responses(JANE), "{line}");
        assert_eq!(collection.entries[0].date, Some(day(2025, 3, 4)), "{line}");
    }
    // Percent signs that wrap no link, and a wrapped link that was cut off.
    let cut_off = outlook.replace(
        &encode_uri_component(&url),
        &encode_uri_component(&url[..url.len() - 5]),
    );
    for (line, reason) in [
        (
            "We are 100% behind this %E2%80%94 see https://example.nhs.uk/%ZZ".to_owned(),
            NOT_A_LINK.to_owned(),
        ),
        (cut_off, ShareError::Truncated.message()),
    ] {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 0, "{line}");
        assert_eq!(collection.problems, [problem("Line 1", &reason)], "{line}");
    }
}

#[test]
fn an_empty_link_or_a_link_to_nothing_says_so() {
    let mut collection = Collection::default();
    collection.add_text(
        &format!(
            "{BASE}#r=\n{BASE}#r= and more\nr={}",
            payload(JANE, None, Role::Unspecified, None)
        ),
        Origin::Pasted,
    );
    let empty = format!("This link does not contain any results. {ASK_AGAIN}");
    assert_eq!(
        collection.problems,
        [
            problem("Line 1", &empty),
            problem("Line 2", &empty),
            // A bare code with its "r=" but no '#' is not taken for one.
            problem("Line 3", NOT_A_LINK),
        ]
    );
    assert!(collection.entries.is_empty());
    assert_eq!(collection.assessment, None);
    assert_eq!(collection.comparison(), None);
}

#[test]
fn a_compare_link_adds_every_result_it_holds_and_its_mode() {
    let system = system_of_three();
    let compare_link = compare_codec::link(BASE, &compare_codec::encode(&system));
    let mut collection = Collection::default();
    assert_eq!(
        collection.add_text(&format!("Our ICS: {compare_link}\n"), Origin::Pasted),
        3
    );
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(collection.entries, system.entries);
    assert_eq!(collection.chosen_mode, Some(Mode::System));
    assert_eq!(collection.comparison(), Some(system.clone()));

    // Again: every one is a duplicate.
    assert_eq!(collection.add_text(&compare_link, Origin::Pasted), 0);
    assert_eq!(
        collection.problems,
        [problem("Line 1", &already_added("1, 2, 3"))]
    );

    // Some already there, some new: both are said (issue 18: "3 added; 2
    // were already there", not only the duplicates).
    let date = Some(day(2025, 9, 30));
    let airedale = link("EEESSSSSSSSSS", Some(AIREDALE), Role::Unspecified, date);
    let royal_devon = link("AASDDDDDDSSAA", Some(ROYAL_DEVON), Role::Unspecified, date);
    let leeds = link("SEDEEEEESSSSS", Some(LEEDS_TRUST), Role::Unspecified, date);
    let mut collection = Collection::default();
    collection.add_text(&format!("{royal_devon}\n{airedale}"), Origin::Pasted);
    assert_eq!(collection.add_text(&compare_link, Origin::Pasted), 1);
    assert_eq!(
        collection.problems,
        [problem(
            "Line 1",
            "1 added; 2 were already there (the same answers, organisation, role and date as results 2, 1)."
        )]
    );
    assert_eq!(collection.entries.len(), 3);
    let mut collection = Collection::default();
    collection.add_text(&leeds, Origin::Pasted);
    assert_eq!(collection.add_text(&compare_link, Origin::Pasted), 2);
    assert_eq!(
        collection.problems,
        [problem(
            "Line 1",
            "2 added; 1 was already there (the same answers, organisation, role and date as result 1)."
        )]
    );

    // A compare link of a board added to results gathered so far: its
    // results join them, and the mode is still the one they suggest.
    let mut collection = Collection::default();
    collection.add_text(
        &link(THEN, Some(LEEDS), Role::NonExecutive, None),
        Origin::Pasted,
    );
    let board_link = compare_codec::link(BASE, &compare_codec::encode(&board_of_three()));
    assert_eq!(collection.add_text(&board_link, Origin::Pasted), 3);
    assert_eq!(collection.chosen_mode, None);
    assert_eq!(collection.entries.len(), 4);
    assert_eq!(collection.entries[1..], board_of_three().entries[..]);

    // Removing results: the last one out forgets the assessment and mode.
    let mut collection = Collection::from_comparison(system_of_three());
    assert_eq!(collection.chosen_mode, Some(Mode::System));
    collection.remove(7);
    assert_eq!(collection.entries.len(), 3);
    collection.remove(1);
    assert_eq!(
        collection
            .entries
            .iter()
            .map(|e| e.organisation.as_str())
            .collect::<Vec<_>>(),
        [AIREDALE, LEEDS_TRUST]
    );
    collection.remove(0);
    collection.remove(0);
    assert_eq!(collection.assessment, None);
    assert_eq!(collection.chosen_mode, None);
    assert_eq!(collection.comparison(), None);
}

#[test]
fn a_damaged_compare_link_says_it_is_a_compare_link() {
    let payload = compare_codec::encode(&board_of_three());
    let cut = &payload[..payload.len() - 10];
    let mut collection = Collection::default();
    let text = format!("{BASE}#c={cut}\n{BASE}#c=garbage");
    assert_eq!(collection.add_text(&text, Origin::Pasted), 0);
    assert_eq!(
        collection.problems,
        [
            problem(
                "Line 1",
                &format!(
                    "This compare link is incomplete. It may have been cut off when it was copied. {ASK_AGAIN}"
                )
            ),
            problem(
                "Line 2",
                &format!(
                    "This compare link has been changed or damaged, so we cannot show the results. {ASK_AGAIN}"
                )
            ),
        ]
    );
}

#[test]
fn exported_json_files_are_read_back_by_their_code() {
    // A results file, with a label that tries to look like a compare code:
    // JSON escapes its quotes, so it cannot be mistaken for one.
    let organisation = "Airedale \", \"compare_code\": \"AAAA";
    let date = Some(day(2026, 11, 21));
    let result = shared(THEN, Some(organisation), Role::NonExecutive, date);
    let meta = ExportMeta {
        organisation: Some(organisation.to_owned()),
        role: Some("Non-executive".to_owned()),
        date: Some("2026-11-21".to_owned()),
        share_code: Some(share::encode(&result)),
        actions: Vec::new(),
    };
    let results_file = export::json(default_assessment(), result.answers(), &meta);
    let mut collection = Collection::default();
    assert_eq!(
        collection.add_text(&results_file, Origin::File("airedale.json")),
        1
    );
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(
        collection.entries,
        [entry("", organisation, Role::NonExecutive, date, THEN)]
    );
    // The same file again is a duplicate, named by the file.
    assert_eq!(
        collection.add_text(&results_file, Origin::File("again.json")),
        0
    );
    assert_eq!(
        collection.problems,
        [problem("File again.json", &already_added("1"))]
    );

    // A comparison file: every result, and the comparison's mode.
    let board = board_of_three();
    let comparison_file = compare_export::json(&board);
    let mut collection = Collection::default();
    assert_eq!(
        collection.add_text(&comparison_file, Origin::File("board.json")),
        3
    );
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(collection.comparison(), Some(board.clone()));

    // With a byte order mark and blank lines before it, pasted.
    let mut collection = Collection::default();
    let pasted = format!("\u{feff}\n  {comparison_file}");
    assert_eq!(collection.add_text(&pasted, Origin::Pasted), 3);
    assert_eq!(collection.chosen_mode, Some(Mode::Board));

    // A results file saved without a share code.
    let old = export::json(
        default_assessment(),
        result.answers(),
        &ExportMeta {
            share_code: None,
            actions: Vec::new(),
            ..meta
        },
    );
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&old, Origin::File("old.json")), 0);
    assert_eq!(
        collection.problems,
        [problem("File old.json", NO_SHARE_CODE)]
    );
    assert_eq!(collection.add_text(&old, Origin::Pasted), 0);
    assert_eq!(
        collection.problems,
        [problem("The pasted text", NO_SHARE_CODE)]
    );
    let blank = r#"{"format": "digital-board-assessment-result", "share_code": ""}"#;
    collection.add_text(blank, Origin::File("blank.json"));
    assert_eq!(
        collection.problems,
        [problem("File blank.json", NO_SHARE_CODE)]
    );

    // JSON that is not ours.
    collection.add_text(
        "{\"name\": \"not-results\", \"version\": \"1.0.0\"}\n",
        Origin::File("package.json"),
    );
    assert_eq!(
        collection.problems,
        [problem("File package.json", NOT_RESULTS_FILE)]
    );

    // A results file whose code is damaged: the share codec's reason.
    let damaged = results_file.replacen("\"share_code\": \"", "\"share_code\": \"x", 1);
    collection.add_text(&damaged, Origin::File("damaged.json"));
    assert_eq!(collection.problems.len(), 1);
    assert_eq!(collection.problems[0].source, "File damaged.json");
    assert!(
        collection.problems[0]
            .message
            .starts_with("This link has been changed or damaged"),
        "{:?}",
        collection.problems
    );
    assert!(collection.entries.is_empty());
}

#[test]
fn text_files_are_read_line_by_line_and_files_without_links_say_so() {
    let good = link(JANE, Some(AIREDALE), Role::Unspecified, None);
    let mut collection = Collection::default();
    let file = format!("Harrogate: {good}\r\nnot a link\r\n\r\n");
    assert_eq!(collection.add_text(&file, Origin::File("links.txt")), 1);
    // Line 2, with no link at all, is passed over and counted.
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(collection.skipped.lines_without_links, 1);
    assert_eq!(collection.entries[0].name, "Harrogate");

    collection.add_text(
        "Minutes of the board\n\nItem 1\n",
        Origin::File("minutes.txt"),
    );
    assert_eq!(
        collection.problems,
        [problem(
            "File minutes.txt",
            "This file does not contain any results links or results. Choose a results file (.json) downloaded from this self-assessment, or a text file of results links."
        )]
    );
    collection.add_text("", Origin::File("empty.txt"));
    assert_eq!(
        collection.problems,
        [problem(
            "File empty.txt",
            "This file does not contain any results links or results. Choose a results file (.json) downloaded from this self-assessment, or a text file of results links."
        )]
    );
    collection.add_text("", Origin::Pasted);
    assert_eq!(
        collection.problems,
        [problem(
            "The pasted text",
            "Paste at least one results link, one per line."
        )]
    );
    assert_eq!(collection.entries.len(), 1);
}

#[test]
fn a_comparison_holds_at_most_500_results() {
    // 501 different results: the same answers on 501 different days.
    let lines: Vec<String> = (0..=MAX_ENTRIES as u16)
        .map(|days| link(JANE, None, Role::Unspecified, Some(Date::from_days(days))))
        .collect();
    assert_eq!(lines.len(), 501);
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&lines.join("\n"), Origin::Pasted), 500);
    assert_eq!(
        collection.problems,
        [problem(
            "Line 501",
            "A comparison can hold up to 500 results, so the rest were not added."
        )]
    );
    assert_eq!(
        collection.entries.last().and_then(|e| e.date),
        Some(Date::from_days(499))
    );
}

// ---------------------------------------------------------------------------
// The compare link
// ---------------------------------------------------------------------------

fn decode(payload: &str) -> Result<Comparison, ShareError> {
    compare_codec::decode(payload, ASSESSMENTS)
}

#[test]
fn comparisons_round_trip_in_every_mode() {
    let june = Some(day(2025, 6, 1));
    let entries = vec![
        entry("Jane Smith", LEEDS, Role::Executive, june, JANE),
        entry("", LEEDS, Role::NonExecutive, None, EXEC_2),
        entry(
            "Siân Owen — Cadeirydd 🏥",
            "Ysbyty Gwynedd, Betsi Cadwaladr",
            Role::Unspecified,
            Some(day(2020, 1, 1)),
            NON_EXEC,
        ),
        entry("", "", Role::Executive, Some(day(2199, 6, 6)), THEN),
        entry(
            "<script>alert(1)</script>",
            "Ysbyty Gwynedd, Betsi Cadwaladr",
            Role::NonExecutive,
            june,
            NOW,
        ),
        entry(
            "=cmd|' /C calc'!A0",
            "",
            Role::Unspecified,
            None,
            "DDDDDDDDDDDDD",
        ),
        entry("", "RX1", Role::Executive, june, "EEEEEEEEEEEEE"),
        entry("👩🏽‍⚕️", "RX1", Role::Executive, june, "AAAAAAAAAAAAA"),
        entry("", "rx1", Role::Executive, june, "SSSSSSSSSSSSS"),
    ];
    for mode in Mode::ALL {
        for count in 1..=entries.len() {
            let original = comparison(mode, entries[..count].to_vec());
            let payload = compare_codec::encode(&original);
            assert!(
                payload
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            );
            assert_eq!(decode(&payload), Ok(original), "{mode:?}, {count} results");
        }
    }
    for comparison in [board_of_three(), system_of_three(), then_and_now_pair()] {
        let payload = compare_codec::encode(&comparison);
        assert_eq!(decode(&payload), Ok(comparison));
    }
}

#[test]
fn random_comparisons_round_trip() {
    let mut rng = Rng(0xc0_3a4e);
    for _ in 0..500 {
        let count = 1 + rng.below(14);
        let mut entries: Vec<Entry> = Vec::new();
        for _ in 0..count {
            let organisation = match rng.below(3) {
                0 => String::new(),
                1 => entries
                    .last()
                    .map_or(String::new(), |e| e.organisation.clone()),
                _ => random_text(&mut rng, 12).trim().to_owned(),
            };
            entries.push(Entry {
                name: clip_name(&random_text(&mut rng, 15)),
                organisation,
                role: rng.pick(&[
                    Role::Executive,
                    Role::NonExecutive,
                    Role::Unspecified,
                    Role::Board,
                ]),
                date: (rng.below(3) > 0).then(|| Date::from_days(rng.next() as u16)),
                responses: responses(&random_pattern(&mut rng)),
                actions: Vec::new(),
            });
        }
        let original = comparison(rng.pick(&Mode::ALL), entries);
        assert_eq!(decode(&compare_codec::encode(&original)), Ok(original));
    }
}

#[test]
fn names_and_organisations_are_trimmed_and_capped_in_the_link() {
    let long = comparison(
        Mode::System,
        vec![
            // 150 two-byte characters are 300 bytes: cut at 254, a whole
            // character under the 255-byte cap.
            entry(
                &"é".repeat(150),
                &"a".repeat(300),
                Role::Unspecified,
                None,
                JANE,
            ),
            entry("  Jane  ", "  RX1  ", Role::Executive, None, JANE),
        ],
    );
    let decoded = decode(&compare_codec::encode(&long)).unwrap();
    assert_eq!(decoded.entries[0].name, "é".repeat(127));
    assert_eq!(decoded.entries[0].organisation, "a".repeat(255));
    assert_eq!(decoded.entries[1].name, "Jane");
    assert_eq!(decoded.entries[1].organisation, "RX1");
}

#[test]
fn the_link_follows_the_documented_layout() {
    let bare = |organisation: &str| entry("", organisation, Role::Unspecified, None, JANE);
    // Body: mode, hash (2), content version (2), question count, result
    // count = 7 bytes; each result with no name, date or organisation is its
    // flags and 4 bytes of answers = 5. Two: 17 bytes. Sealed with version,
    // length and checksum: 21 bytes, 7 groups of 3, 28 characters.
    let two = comparison(Mode::Board, vec![bare(""), bare("")]);
    let payload = compare_codec::encode(&two);
    assert_eq!(payload.len(), 28);
    let body = body_of(&payload);
    assert_eq!(body.len(), 17);
    assert_eq!(body[0], 0, "board");
    assert_eq!(
        &body[1..3],
        &assessment_hash(default_assessment().id).to_be_bytes()
    );
    assert_eq!(&body[3..5], &default_assessment().version.to_be_bytes());
    assert_eq!((body[5], body[6]), (13, 2));
    // Jane's answers A E E S | S D A S | D E D A | E: codes 1 3 3 2, 2 0 1 2,
    // 0 3 0 1, 3 then spare zero bits.
    assert_eq!(
        &body[7..12],
        &[
            0,
            0b01_11_11_10,
            0b10_00_01_10,
            0b00_11_00_01,
            0b11_00_00_00
        ]
    );

    // Organisation "RX1" on both: the first carries it (1 + 3 bytes), the
    // second only says "as before". Body 21 bytes, sealed 25: 8 groups of
    // 3 (32 characters) and one byte left (2 characters) = 34.
    let same = comparison(Mode::System, vec![bare("RX1"), bare("RX1")]);
    let payload = compare_codec::encode(&same);
    assert_eq!(payload.len(), 34);
    let body = body_of(&payload);
    assert_eq!(body[0], 1, "system");
    assert_eq!(body[7], 0b1_0000, "has an organisation");
    assert_eq!(&body[12..16], &[3, b'R', b'X', b'1']);
    assert_eq!(body[16], 0b10_0000, "the same organisation as before");
    // Different organisations: 25 bytes, sealed 29 = 9 groups (36) + 2 bytes (3) = 39.
    let different = comparison(Mode::System, vec![bare("RX1"), bare("RX2")]);
    assert_eq!(compare_codec::encode(&different).len(), 39);

    // An executive with a date and a name: role 1, date bit 4, name bit 8.
    let named = comparison(
        Mode::ThenAndNow,
        vec![entry(
            "Jo",
            "",
            Role::Executive,
            Some(Date::from_days(0x0102)),
            JANE,
        )],
    );
    let body = body_of(&compare_codec::encode(&named));
    assert_eq!(body[0], 2, "then and now");
    assert_eq!(body[7], 0b1101);
    assert_eq!(&body[8..10], &[1, 2]);
    assert_eq!(&body[14..], &[2, b'J', b'o']);
}

#[test]
fn a_board_of_twelve_and_a_system_of_twelve_fit_in_a_link() {
    let names = [
        ("Chair", Role::NonExecutive),
        ("Chief executive", Role::Executive),
        ("Director of finance", Role::Executive),
        ("Chief nursing officer", Role::Executive),
        ("Medical director", Role::Executive),
        ("Chief digital information officer", Role::Executive),
        ("Chief operating officer", Role::Executive),
        ("Non-executive director 1", Role::NonExecutive),
        ("Non-executive director 2", Role::NonExecutive),
        ("Non-executive director 3", Role::NonExecutive),
        ("Non-executive director 4", Role::NonExecutive),
        ("Non-executive director 5", Role::NonExecutive),
    ];
    let mut rng = Rng(12);
    let date = Some(day(2025, 5, 20));
    let board = comparison(
        Mode::Board,
        names
            .iter()
            .map(|&(name, role)| entry(name, ROYAL_DEVON, role, date, &random_pattern(&mut rng)))
            .collect(),
    );
    let payload = compare_codec::encode(&board);
    let link = compare_codec::link(BASE, &payload);
    // Body: 7 bytes of header; each member flags 1 + date 2 + answers 4 +
    // name length 1 = 8 bytes, 96 in all, plus the names' 252 characters
    // (5 + 15 + 19 + 21 + 16 + 33 + 23 + 5 × 24); the organisation once,
    // 1 + 54. 7 + 96 + 252 + 55 = 410 bytes. Sealed: version, a two-byte
    // length (412), checksum: 415 bytes = 138 groups of 3 (552 characters)
    // and one byte (2) = 554 characters. The base (57 characters) and
    // "#c=" before it: 614 in all.
    assert_eq!(payload.len(), 554);
    assert_eq!(link, format!("{BASE}#c={payload}"));
    assert_eq!(link.len(), 614, "{link}");
    assert!(link.len() <= MAX_LINK_CHARS);
    assert_eq!(
        decode(compare_codec::payload_from_fragment(&link[BASE.len()..]).unwrap()),
        Ok(board)
    );

    // Twelve trusts of an integrated care system, by their full names.
    let trusts = [
        "Airedale NHS Foundation Trust",
        "Bradford Teaching Hospitals NHS Foundation Trust",
        "Calderdale and Huddersfield NHS Foundation Trust",
        "Harrogate and District NHS Foundation Trust",
        "Leeds Teaching Hospitals NHS Trust",
        "Mid Yorkshire Teaching NHS Trust",
        "Leeds and York Partnership NHS Foundation Trust",
        "Leeds Community Healthcare NHS Trust",
        "Bradford District Care NHS Foundation Trust",
        "South West Yorkshire Partnership NHS Foundation Trust",
        "Yorkshire Ambulance Service NHS Trust",
        ROYAL_DEVON,
    ];
    let system = comparison(
        Mode::System,
        trusts
            .iter()
            .map(|&trust| {
                entry(
                    "",
                    trust,
                    Role::Unspecified,
                    date,
                    &random_pattern(&mut rng),
                )
            })
            .collect(),
    );
    let link = compare_codec::link(BASE, &compare_codec::encode(&system));
    assert!(link.len() <= MAX_LINK_CHARS, "{} characters", link.len());
    assert_eq!(
        decode(compare_codec::payload_from_fragment(&link[BASE.len()..]).unwrap()),
        Ok(system)
    );
}

#[test]
fn links_and_fragments() {
    assert_eq!(
        compare_codec::link("https://example.nhs.uk/assess/#r=old", "AbC-_"),
        "https://example.nhs.uk/assess/#c=AbC-_"
    );
    assert_eq!(compare_codec::payload_from_fragment("#c=AbC"), Some("AbC"));
    assert_eq!(compare_codec::payload_from_fragment("c=AbC"), Some("AbC"));
    assert_eq!(compare_codec::payload_from_fragment("#r=AbC"), None);
    assert_eq!(compare_codec::payload_from_fragment(""), None);
}

#[test]
fn json_code_reads_only_the_code_member() {
    assert_eq!(json_code("https://x/#r=AAAA"), None);
    assert_eq!(json_code(""), None);
    assert_eq!(json_code("[1, 2]"), None);
    assert_eq!(
        json_code("\u{feff} \n{\"share_code\"  :\n \"AbC-_\"}"),
        Some(Ok("r=AbC-_".to_owned()))
    );
    assert_eq!(
        json_code("{\"compare_code\": \"XyZ\", \"share_code\": \"AbC\"}"),
        Some(Ok("c=XyZ".to_owned()))
    );
    assert_eq!(
        json_code("{\"share_code\": null}"),
        Some(Err(CollectProblem::NoShareCode))
    );
    assert_eq!(
        json_code("{\"share_code\": \"\"}"),
        Some(Err(CollectProblem::NoShareCode))
    );
    assert_eq!(
        json_code("{\"notes\": \"share_code\"}"),
        Some(Err(CollectProblem::NotAResultsFile))
    );
    // A key with no colon after it is not the member: a results file from
    // an organisation called "share_code" is still read.
    let result = shared(JANE, Some("share_code"), Role::Executive, None);
    let code = share::encode(&result);
    let file = export::json(
        default_assessment(),
        result.answers(),
        &ExportMeta {
            organisation: Some("share_code".to_owned()),
            share_code: Some(code.clone()),
            actions: Vec::new(),
            ..ExportMeta::default()
        },
    );
    assert!(file.find("\"share_code\"") < file.find("\"share_code\":"));
    assert_eq!(json_code(&file), Some(Ok(format!("r={code}"))));
    assert_eq!(
        json_code("{\"x\": [\"share_code\"], \"share_code\": \"AbC\"}"),
        Some(Ok("r=AbC".to_owned()))
    );
}

#[test]
fn every_prefix_of_a_compare_link_is_incomplete() {
    for comparison in [board_of_three(), system_of_three(), then_and_now_pair()] {
        let payload = compare_codec::encode(&comparison);
        for end in 0..payload.len() {
            let expected = if end == 0 {
                ShareError::Empty
            } else {
                ShareError::Truncated
            };
            assert_eq!(decode(&payload[..end]), Err(expected), "{end} of {payload}");
        }
        // One character more, the whole link, and it opens.
        assert_eq!(decode(&payload), Ok(comparison));
    }
}

/// The body of a valid comparison of `count` bare results, up to and
/// including the result count.
fn compare_header(mode: u8, count: u8) -> Vec<u8> {
    let mut body = vec![mode];
    body.extend(assessment_hash(default_assessment().id).to_be_bytes());
    body.extend(default_assessment().version.to_be_bytes());
    body.extend([13, count]);
    body
}

/// All Siloed: 13 answers in 4 bytes.
const SILOED: [u8; 4] = [0xaa, 0xaa, 0xaa, 0x80];

#[test]
fn crafted_compare_links_are_refused_with_a_reason() {
    let with = |extra: &[u8]| {
        let mut body = compare_header(0, 1);
        body.extend(extra);
        seal(1, &body)
    };
    let bare_result = [&[0u8][..], &SILOED].concat();
    assert!(decode(&with(&bare_result)).is_ok());

    let other_assessment = {
        let mut body = compare_header(0, 1);
        body[1..3].copy_from_slice(&assessment_hash("another-assessment").to_be_bytes());
        body.extend(&bare_result);
        seal(1, &body)
    };
    let newer_content = {
        let mut body = compare_header(0, 1);
        body[3..5].copy_from_slice(&2u16.to_be_bytes());
        body.extend(&bare_result);
        seal(1, &body)
    };
    let wrong_count = {
        let mut body = compare_header(0, 1);
        body[5] = 12;
        body.extend(&bare_result);
        seal(1, &body)
    };
    let no_results = seal(1, &compare_header(0, 0));
    // 501 results, as a varint: 0xf5 0x03.
    let too_many = {
        let mut body = compare_header(0, 0);
        body.pop();
        body.extend([0xf5, 0x03]);
        seal(1, &body)
    };
    let cases: Vec<(String, ShareError)> = vec![
        (seal(2, &[]), ShareError::UnknownFormat { version: 2 }),
        (
            {
                let mut body = compare_header(3, 1);
                body.extend(&bare_result);
                seal(1, &body)
            },
            ShareError::UnknownFormat { version: 1 },
        ),
        (other_assessment, ShareError::UnknownAssessment),
        (
            newer_content,
            ShareError::ContentVersion { link: 2, ours: 1 },
        ),
        (wrong_count, ShareError::InvalidAnswers),
        (no_results, ShareError::InvalidAnswers),
        (too_many, ShareError::InvalidAnswers),
        // Flag bit 7 is not defined.
        (
            with(&[&[0b1000_0000u8][..], &SILOED].concat()),
            ShareError::UnknownFormat { version: 1 },
        ),
        // Flag bit 6 (unanswered) without its part, or marking none.
        (
            with(&[&[0b100_0000u8][..], &SILOED].concat()),
            ShareError::Truncated,
        ),
        (
            with(&[&[0b100_0000u8][..], &SILOED, &[0, 0]].concat()),
            ShareError::InvalidAnswers,
        ),
        // An organisation, and the same as before, at once.
        (
            with(&[&[0b11_0000u8][..], &SILOED, &[1, b'x']].concat()),
            ShareError::UnknownFormat { version: 1 },
        ),
        // (Role 3 is the board's agreed position: every 2-bit role is valid.)
        // "The same organisation as before" on the first result.
        (
            with(&[&[0b10_0000u8][..], &SILOED].concat()),
            ShareError::InvalidText,
        ),
        // An empty name.
        (
            with(&[&[0b1000u8][..], &SILOED, &[0]].concat()),
            ShareError::InvalidText,
        ),
        // A name that is not UTF-8.
        (
            with(&[&[0b1000u8][..], &SILOED, &[2, 0xc3, 0x28]].concat()),
            ShareError::InvalidText,
        ),
        // A name longer than what follows.
        (
            with(&[&[0b1000u8][..], &SILOED, &[5, b'a']].concat()),
            ShareError::Truncated,
        ),
        // Spare bits set after the last answer.
        (
            with(&[0, 0xaa, 0xaa, 0xaa, 0x81]),
            ShareError::InvalidAnswers,
        ),
        // A byte after the last result.
        (
            with(&[&bare_result[..], &[0]].concat()),
            ShareError::TrailingBytes,
        ),
        // Fewer results than the count.
        (
            {
                let mut body = compare_header(0, 2);
                body.extend(&bare_result);
                seal(1, &body)
            },
            ShareError::Truncated,
        ),
    ];
    for (payload, expected) in cases {
        assert_eq!(decode(&payload), Err(expected.clone()), "{expected:?}");
    }

    // Share links are not compare links, nor the other way round.
    let share_payload = payload(JANE, Some(LEEDS), Role::Executive, Some(day(2025, 3, 4)));
    assert!(decode(&share_payload).is_err());
    let compare_payload = compare_codec::encode(&board_of_three());
    assert!(share::decode(&compare_payload, ASSESSMENTS).is_err());
}

#[test]
fn random_and_mutated_compare_links_never_panic() {
    let mut rng = Rng(0xfa11_5afe);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let payloads: Vec<String> = [board_of_three(), system_of_three(), then_and_now_pair()]
        .iter()
        .map(compare_codec::encode)
        .collect();
    let bodies: Vec<Vec<u8>> = payloads.iter().map(|p| body_of(p)).collect();
    let mut accepted_edits = 0;
    let mut opened = 0;
    for round in 0..6000 {
        let text = match round % 4 {
            // Random base64url text.
            0 => (0..rng.below(80))
                .map(|_| char::from(rng.pick(alphabet)))
                .collect(),
            // A well-formed start, then random bytes, in a valid envelope.
            1 => {
                let mut body = compare_header(rng.below(4) as u8, 1 + rng.below(3) as u8);
                body.extend((0..rng.below(40)).map(|_| rng.next() as u8));
                seal(1, &body)
            }
            // A valid body with a few bytes edited, re-sealed.
            2 => {
                let mut body = bodies[rng.below(bodies.len())].clone();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(body.len() + 1);
                    match rng.below(3) {
                        0 => body.insert(at, rng.next() as u8),
                        1 if at < body.len() => {
                            body.remove(at);
                        }
                        _ if at < body.len() => body[at] ^= 1 << rng.below(8),
                        _ => body.truncate(at / 2),
                    }
                }
                seal(1, &body)
            }
            // A valid link with a few characters edited.
            _ => {
                let original = &payloads[rng.below(payloads.len())];
                let mut bytes = original.clone().into_bytes();
                for _ in 0..1 + rng.below(3) {
                    let at = rng.below(bytes.len());
                    match rng.below(3) {
                        0 => bytes.insert(at, rng.pick(alphabet)),
                        1 => {
                            bytes.remove(at);
                        }
                        _ => bytes[at] = rng.pick(alphabet),
                    }
                }
                let text = String::from_utf8(bytes).unwrap();
                if decode(&text).is_ok() {
                    // Only when the edits cancelled out: the checksum
                    // catches the rest.
                    assert_eq!(&text, original);
                    accepted_edits += 1;
                }
                text
            }
        };
        if let Ok(comparison) = decode(&text) {
            opened += 1;
            // Anything accepted is a comparison that links again, to the
            // same comparison once its text is trimmed.
            let again = compare_codec::encode(&comparison);
            let reread = decode(&again).expect("an accepted comparison links again");
            assert_eq!(compare_codec::encode(&reread), again);
            assert_eq!(reread.mode, comparison.mode);
            assert_eq!(reread.entries.len(), comparison.entries.len());
            for (a, b) in reread.entries.iter().zip(&comparison.entries) {
                assert_eq!(
                    (a.role, a.date, &a.responses),
                    (b.role, b.date, &b.responses)
                );
            }
        }
    }
    assert!(accepted_edits < 60, "{accepted_edits}");
    // Some edited bodies still make a comparison (a changed answer, say),
    // so the checks above on what is accepted did run.
    assert!(opened > accepted_edits, "{opened}");

    // And pasted as text: never a panic, whatever the line holds.
    for round in 0..500 {
        let mut text = String::new();
        for _ in 0..1 + rng.below(4) {
            match rng.below(4) {
                0 => text.push_str(&random_text(&mut rng, 8)),
                1 => text.push_str(&format!("{BASE}#r={}", random_pattern(&mut rng))),
                2 => text.push_str(&format!("{BASE}#c={}", payloads[rng.below(3)])),
                _ => text.push_str(rng.pick(&[
                    "\n",
                    " ",
                    "\u{a0}",
                    "#",
                    "{",
                    "\"share_code\": \"",
                    "<",
                    "http",
                ])),
            }
        }
        let mut collection = Collection::default();
        let origin = if round % 2 == 0 {
            Origin::Pasted
        } else {
            Origin::File("fuzz.txt")
        };
        let added = collection.add_text(&text, origin);
        assert_eq!(added, collection.entries.len());
    }
}

// ---------------------------------------------------------------------------
// Downloads
// ---------------------------------------------------------------------------

fn question_text(index: usize) -> &'static str {
    default_assessment()
        .question(index)
        .expect("a question")
        .question
        .text
}

const FIRST_SECTION: &str = "Where digital sits in your trust strategy";
const SECOND_SECTION: &str = "Questions for boards";

/// A comparison CSV's rows as maps from column name to cell, checking on
/// the way that the header is the documented one and every row as long.
fn csv_records(
    text: &str,
    mode_columns: &[&str],
) -> Vec<std::collections::HashMap<String, String>> {
    let rows = csv_rows(text);
    let mut header: Vec<&str> = compare_export::CSV_COLUMNS.to_vec();
    header.push(compare_export::CSV_RESULT);
    header.extend(mode_columns);
    assert_eq!(rows[0], header);
    // The columns a single result's CSV starts with, in its order: the
    // two kinds of file stack into one table.
    assert_eq!(rows[0][..11], export::CSV_COLUMNS[..11]);
    rows[1..]
        .iter()
        .map(|row| {
            assert_eq!(row.len(), header.len(), "{row:?}");
            header
                .iter()
                .map(|h| h.to_string())
                .zip(row.iter().cloned())
                .collect()
        })
        .collect()
}

/// The points of an answer as the CSV writes them.
fn points_of(answer: &str) -> &'static str {
    match answer {
        "Absent" => "0",
        "Siloed" => "1",
        "Embedded" => "2",
        _ => "",
    }
}

fn board_columns() -> Vec<&'static str> {
    compare_export::CSV_SPREAD_COLUMNS
        .iter()
        .chain(&compare_export::CSV_BOARD_COLUMNS)
        .copied()
        .collect()
}

#[test]
fn board_csv_has_a_row_per_answer_with_points_role_and_date() {
    let records = csv_records(&compare_export::csv(&board_of_three()), &board_columns());
    assert_eq!(records.len(), 3 * 13, "a row per member per question");
    // Question by question, the members in the order added within each.
    let order: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r["question_number"].as_str(), r["result"].as_str()))
        .collect();
    let names = ["Jane Smith", "Executive 2", "Non-executive 1"];
    let expected: Vec<(String, &str)> = (1..=13)
        .flat_map(|n| names.iter().map(move |name| (n.to_string(), *name)))
        .collect();
    assert_eq!(
        order,
        expected
            .iter()
            .map(|(n, name)| (n.as_str(), *name))
            .collect::<Vec<_>>()
    );
    for r in &records {
        assert_eq!(r["assessment_id"], "board-digital-strategy");
        assert_eq!(r["assessment_version"], "1");
        assert_eq!(r["organisation"], LEEDS);
        assert_eq!(r["date"], "2025-03-04");
        assert_eq!(r["points"], points_of(&r["answer"]), "{r:?}");
        let n: usize = r["question_number"].parse().unwrap();
        assert_eq!(
            r["question_id"],
            default_assessment().question(n - 1).unwrap().question.id
        );
        assert_eq!(r["question"], question_text(n - 1));
        let section = if n <= 3 {
            FIRST_SECTION
        } else {
            SECOND_SECTION
        };
        assert_eq!(r["section"], section);
    }
    let roles: Vec<&str> = records[..3].iter().map(|r| r["role"].as_str()).collect();
    assert_eq!(roles, ["Executive", "Executive", "Non-executive"]);

    // Each question's three answers, then its figures (the same on its
    // three rows): lowest, highest, median, don't knows, executives',
    // non-executives', disagreement.
    let row = |n: usize, cells: [&str; 10]| {
        let rows = &records[3 * (n - 1)..3 * n];
        let answers: Vec<&str> = rows.iter().map(|r| r["answer"].as_str()).collect();
        assert_eq!(answers, cells[..3], "question {n}");
        for r in rows {
            let figures: Vec<&str> = board_columns().iter().map(|c| r[*c].as_str()).collect();
            assert_eq!(figures, cells[3..], "question {n}");
        }
    };
    row(
        2,
        [
            "Embedded",
            "Embedded",
            "Absent",
            "Absent",
            "Embedded",
            "Embedded",
            "0",
            "2.0",
            "0.0",
            "Two apart; executives and non-executives differ",
        ],
    );
    row(
        5,
        [
            "Siloed",
            "Embedded",
            "Siloed",
            "Siloed",
            "Embedded",
            "Siloed",
            "0",
            "1.5",
            "1.0",
            "One apart",
        ],
    );
    row(
        6,
        [
            DK,
            "Siloed",
            "Embedded",
            "Siloed",
            "Embedded",
            "Between Siloed and Embedded",
            "1",
            "1.0",
            "2.0",
            "One apart; executives and non-executives differ; 1 don’t know",
        ],
    );
    row(
        7,
        [
            "Absent",
            "Siloed",
            DK,
            "Absent",
            "Siloed",
            "Between Absent and Siloed",
            "1",
            // The executives average 0.5; the one non-executive said don't know.
            "0.5",
            "No levels given",
            "One apart; 1 don’t know",
        ],
    );
    row(
        11,
        [
            DK,
            DK,
            DK,
            "",
            "",
            "No levels given",
            "3",
            "No levels given",
            "No levels given",
            "3 don’t know",
        ],
    );
    row(
        12,
        [
            "Absent",
            "Absent",
            "Absent",
            "Absent",
            "Absent",
            "Absent",
            "0",
            "0.0",
            "0.0",
            "All agree",
        ],
    );
    // Don't know has no points: empty, never 0.
    assert_eq!(records[3 * 10]["points"], "");
}

#[test]
fn system_and_then_and_now_csv() {
    let records = csv_records(
        &compare_export::csv(&system_of_three()),
        &compare_export::CSV_SPREAD_COLUMNS,
    );
    assert_eq!(records.len(), 3 * 13);
    let results: Vec<&str> = records[..3].iter().map(|r| r["result"].as_str()).collect();
    assert_eq!(results, [AIREDALE, ROYAL_DEVON, LEEDS_TRUST]);
    assert!(
        records
            .iter()
            .all(|r| r["role"].is_empty() && r["date"] == "2025-09-30")
    );
    // Q3: E, S, D: levels 1 and 2, median between.
    let q3: Vec<[&str; 7]> = records[6..9]
        .iter()
        .map(|r| {
            [
                r["organisation"].as_str(),
                r["answer"].as_str(),
                r["points"].as_str(),
                r["lowest"].as_str(),
                r["highest"].as_str(),
                r["median"].as_str(),
                r["dont_know_count"].as_str(),
            ]
        })
        .collect();
    let figures = ["Siloed", "Embedded", "Between Siloed and Embedded", "1"];
    let with = |organisation, answer, points| {
        let mut row = [organisation, answer, points, "", "", "", ""];
        row[3..].copy_from_slice(&figures);
        row
    };
    assert_eq!(
        q3,
        [
            with(AIREDALE, "Embedded", "2"),
            with(ROYAL_DEVON, "Siloed", "1"),
            with(LEEDS_TRUST, DK, ""),
        ]
    );

    let records = csv_records(
        &compare_export::csv(&then_and_now_pair()),
        &[compare_export::CSV_CHANGE],
    );
    assert_eq!(records.len(), 2 * 13);
    // The earlier result first, though it was added second.
    let dates: Vec<&str> = records[..2].iter().map(|r| r["date"].as_str()).collect();
    assert_eq!(dates, ["2024-11-30", "2025-06-01"]);
    assert!(records.iter().all(|r| r["organisation"] == TORBAY));
    let cells = |n: usize| -> [String; 5] {
        let (then, now) = (&records[2 * (n - 1)], &records[2 * (n - 1) + 1]);
        assert_eq!(then["change"], now["change"]);
        [
            then["answer"].clone(),
            then["points"].clone(),
            now["answer"].clone(),
            now["points"].clone(),
            now["change"].clone(),
        ]
    };
    assert_eq!(
        cells(3),
        ["Absent", "0", "Embedded", "2", "Up 2 levels (+2)"]
    );
    assert_eq!(cells(5), [DK, "", "Siloed", "1", "Now answered"]);
    assert_eq!(
        cells(10),
        ["Embedded", "2", "Absent", "0", "Down 2 levels (\u{2212}2)"]
    );

    // Then and now that cannot be made says so.
    let mut undated = then_and_now_pair();
    undated.entries[0].date = None;
    assert_eq!(
        compare_export::csv(&undated),
        "\u{feff}Then and now needs 2 dated results\r\n"
    );
}

// The reviewer's system: Leeds at three dates (the second written
// differently) and Harrogate.
//
//                        Q1 Q2 … Q13
// Leeds 1 Nov 2025        A  A    A
// Leeds 1 Nov 2026        S  S    S
// Harrogate               E  E    E
// Leeds 22 Nov 2026       E  E    E
const HARROGATE: &str = "Harrogate and District NHS Foundation Trust";

fn leeds_three_times() -> Comparison {
    let leeds = |date, pattern| entry("", LEEDS_TRUST, Role::Unspecified, Some(date), pattern);
    let mut second = leeds(day(2026, 11, 1), "SSSSSSSSSSSSS");
    second.organisation = " leeds teaching hospitals  NHS trust".to_owned();
    comparison(
        Mode::System,
        vec![
            leeds(day(2025, 11, 1), "AAAAAAAAAAAAA"),
            second,
            entry(
                "",
                HARROGATE,
                Role::Unspecified,
                Some(day(2025, 11, 1)),
                "EEEEEEEEEEEEE",
            ),
            leeds(day(2026, 11, 22), "EEEEEEEEEEEEE"),
        ],
    )
}

#[test]
fn one_organisation_added_three_times_is_told_apart_by_date_in_every_download() {
    let system = leeds_three_times();
    let leeds = [
        format!("{LEEDS_TRUST} (1 November 2025)"),
        "leeds teaching hospitals  NHS trust (1 November 2026)".to_owned(),
        HARROGATE.to_owned(),
        format!("{LEEDS_TRUST} (22 November 2026)"),
    ];
    assert_eq!(system.labels(), leeds);
    assert_eq!(compare_export::column_headings(&system), leeds);

    let records = csv_records(
        &compare_export::csv(&system),
        &compare_export::CSV_SPREAD_COLUMNS,
    );
    let results: Vec<&str> = records[..4].iter().map(|r| r["result"].as_str()).collect();
    assert_eq!(results, leeds);

    let md = compare_export::markdown(&system, None, None);
    let all = tables(&md);
    let names: Vec<&str> = all[0][2..]
        .iter()
        .map(|row| row[2..].split(" | ").next().unwrap())
        .collect();
    assert_eq!(names, leeds);
    let head = |first: &str, last: &str| format!("| {first} | {} | {last}", leeds.join(" | "));
    assert!(
        all[1][0].starts_with(&head("Section", "Range of averages")),
        "{}",
        all[1][0]
    );
    assert!(
        all[2][0].starts_with(&head("Question", "Range")),
        "{}",
        all[2][0]
    );
    // The system counts Leeds three times, and the paper says so.
    assert!(md.contains(&format!(
        "**Organisations counted more than once:** {LEEDS_TRUST} has 3 results in this comparison."
    )));
    assert!(md.contains("choose “Then and now” and compare two of its results"));
    // The JSON keeps each result's own name; its date is beside it.
    let json = json_doc(&compare_export::json(&system));
    assert_eq!(json["results"][0]["name"], LEEDS_TRUST);
    assert_eq!(json["results"][0]["date"], "2025-11-01");

    // Three different organisations: no dates added, no warning.
    let md = compare_export::markdown(&system_of_three(), None, None);
    assert!(!md.contains("counted more than once"));
    assert_eq!(
        system_of_three().labels(),
        [AIREDALE, ROYAL_DEVON, LEEDS_TRUST]
    );
}

#[test]
fn a_median_of_absent_and_embedded_is_between_them_in_every_download() {
    // Two members, Absent and Embedded on every question: the middle of an
    // even count is between two levels nobody else gave.
    let board = comparison(
        Mode::Board,
        vec![
            entry("", LEEDS, Role::Executive, None, "AAAAAAAAAAAAA"),
            entry("", LEEDS, Role::NonExecutive, None, "EEEEEEEEEEEEE"),
        ],
    );
    let records = csv_records(&compare_export::csv(&board), &board_columns());
    assert!(
        records
            .iter()
            .all(|r| r["median"] == "Between Absent and Embedded")
    );
    let md = compare_export::markdown(&board, None, None);
    assert_eq!(
        md.matches("| Absent to Embedded | Between Absent and Embedded |")
            .count(),
        13
    );
    assert!(!md.contains("| Siloed |"));
}

/// Each Markdown table's lines, every one with as many cells as its head.
fn tables(md: &str) -> Vec<Vec<&str>> {
    let mut tables: Vec<Vec<&str>> = Vec::new();
    let mut previous_was_table = false;
    for line in md.lines() {
        let is_table = line.starts_with('|');
        if is_table && !previous_was_table {
            tables.push(Vec::new());
        }
        if is_table {
            let table = tables.last_mut().unwrap();
            if let Some(head) = table.first() {
                assert_eq!(unescaped_pipes(line), unescaped_pipes(head), "{line}");
            }
            table.push(line);
        }
        previous_was_table = is_table;
    }
    tables
}

#[test]
fn board_markdown_lists_questions_most_disagreement_first() {
    let board = board_of_three();
    let compare_link = compare_codec::link(BASE, &compare_codec::encode(&board));
    let md = compare_export::markdown(&board, Some("2026-11-21"), Some(&compare_link));
    let lines: Vec<&str> = md.lines().collect();
    let link_line = format!("- **Compare link:** <{compare_link}>");
    assert_eq!(
        lines[..8],
        [
            "# Digital strategy board self-assessment: Where the board agrees and disagrees",
            "",
            "- **Comparing:** Board members",
            "- **Results:** 3",
            "- **Made on:** 2026-11-21",
            "- **Assessment:** board-digital-strategy, version 1",
            link_line.as_str(),
            "",
        ]
    );
    let all = tables(&md);
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[0],
        [
            "| Name | Organisation | Role | Date |",
            "| --- | --- | --- | --- |",
            "| Jane Smith | Leeds Teaching Hospitals | Executive | 4 March 2025 |",
            "| Executive 2 | Leeds Teaching Hospitals | Executive | 4 March 2025 |",
            "| Non-executive 1 | Leeds Teaching Hospitals | Non-executive | 4 March 2025 |",
        ]
    );
    assert!(md.contains("## Questions, most disagreement first\n\n| Question |"));
    let questions = &all[1];
    assert_eq!(
        questions[0],
        "| Question | Jane Smith (executive) | Executive 2 | Non-executive 1 | Range | Median | Don’t know | Disagreement |"
    );
    let order: Vec<usize> = questions[2..]
        .iter()
        .map(|row| row[2..row.find('.').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(order, [2, 3, 1, 13, 6, 4, 5, 7, 11, 9, 10, 8, 12]);
    assert_eq!(
        questions[2 + 4],
        format!(
            "| 6. {} | Don’t know | Siloed | Embedded | Siloed to Embedded | Between Siloed and Embedded | 1 | One apart; executives and non-executives differ; 1 don’t know |",
            question_text(5)
        )
    );
    assert_eq!(
        questions[2 + 12],
        format!(
            "| 12. {} | Absent | Absent | Absent | All Absent | Absent | 0 | All agree |",
            question_text(11)
        )
    );
    assert!(md.contains("## How this comparison was worked out\n"));
    for line in METHOD {
        assert!(md.contains(line), "{line}");
    }
    // The credit as the results paper gives it: what is quoted, what is ours.
    assert!(md.trim_end().ends_with(&format!(
        "\n\nSource: *Building a digital strategy*, NHS Providers and Public Digital, March 2021 (<https://www.nhsproviders.org/building-a-digital-strategy>). {}",
        default_assessment().source.credit
    )));
    assert!(!md.contains("Questions from"));
    assert!(!md.contains("## Sections"));
}

#[test]
fn system_markdown_shows_sections_side_by_side_and_never_ranks() {
    let system = system_of_three();
    let md = compare_export::markdown(&system, None, None);
    assert!(!md.contains("**Made on:**"));
    assert!(!md.contains("**Compare link:**"));
    assert!(md.starts_with(
        "# Digital strategy board self-assessment: Digital maturity across the system\n"
    ));
    let all = tables(&md);
    assert_eq!(all.len(), 3);
    let sections = [
        format!("| Section | {AIREDALE} | {ROYAL_DEVON} | {LEEDS_TRUST} | Range of averages |"),
        "| --- | --- | --- | --- | --- |".to_owned(),
        format!(
            "| {FIRST_SECTION} | Embedded (2.0) | Absent (0.3) | Embedded (1.5) | 0.3 to 2.0 |"
        ),
        format!(
            "| {SECOND_SECTION} | Siloed (1.0) | Not enough answers | Embedded (1.5) | 1.0 to 1.5 |"
        ),
    ];
    assert_eq!(all[1], sections);
    // Questions in question order, with no disagreement column.
    let questions = &all[2];
    assert_eq!(
        questions[0],
        format!(
            "| Question | {AIREDALE} | {ROYAL_DEVON} | {LEEDS_TRUST} | Range | Median | Don’t know |"
        )
    );
    let order: Vec<usize> = questions[2..]
        .iter()
        .map(|row| row[2..row.find('.').unwrap()].parse().unwrap())
        .collect();
    assert_eq!(order, (1..=13).collect::<Vec<_>>());
    assert!(md.contains("## Sections\n") && md.contains("## Questions\n"));

    // The method notes are about organisations: nothing on board roles or
    // "two apart", which a system's tables do not show; the same credit.
    let notes: Vec<&str> = md
        .lines()
        .skip_while(|l| *l != "## How this comparison was worked out")
        .filter_map(|l| l.strip_prefix("- "))
        .collect();
    assert_eq!(notes, [METHOD[0], METHOD[1], METHOD[4]]);
    assert_eq!(
        compare_export::method(Mode::System).collect::<Vec<_>>(),
        notes
    );
    assert!(!md.contains("xecutives") && !md.contains("wo apart"));
    assert!(md.contains(default_assessment().source.credit));

    // Never ranked: no rank, position, total or score anywhere but the
    // method's own sentence that says so, and the columns stay in the order
    // added (Airedale, with the highest averages, first only because it was
    // added first).
    for line in md.lines() {
        let lower = line.to_lowercase();
        if lower.contains("rank") {
            assert!(line.contains("Nothing is totalled or ranked"), "{line}");
        }
        if line.starts_with('|') {
            for word in ["rank", "position", "total", "score", "1st", "top"] {
                assert!(!lower.contains(word), "{line}");
            }
        }
    }
    let mut reversed = system.clone();
    reversed.entries.reverse();
    let md = compare_export::markdown(&reversed, None, None);
    assert!(md.contains(&format!(
        "| Section | {LEEDS_TRUST} | {ROYAL_DEVON} | {AIREDALE} | Range of averages |"
    )));
    assert!(md.contains(&format!(
        "| {FIRST_SECTION} | Embedded (1.5) | Absent (0.3) | Embedded (2.0) | 0.3 to 2.0 |"
    )));
}

#[test]
fn then_and_now_markdown_shows_each_change() {
    let md = compare_export::markdown(&then_and_now_pair(), None, None);
    // Whose results, and when, straight under the title: a printout names
    // the trust.
    assert!(md.starts_with(&format!(
        "# Digital strategy board self-assessment: Then and now\n\n**{TORBAY}: 30 November 2024 and 1 June 2025**\n\n"
    )));
    assert!(md.contains(
        "| 1 June 2025 | Torbay and South Devon NHS Foundation Trust |  | 1 June 2025 |\n"
    ));
    assert!(md.contains("## Change from 30 November 2024 to 1 June 2025\n"));
    // Only the notes that apply to two results of one organisation.
    assert!(md.contains(&format!("\n- {}\n- {}\n\nSource: *", METHOD[0], METHOD[4])));
    assert!(!md.contains("median") && !md.contains("xecutives"));
    let all = tables(&md);
    let changes = &all[1];
    assert_eq!(
        changes[0],
        "| Question | Then (30 November 2024) | Now (1 June 2025) | Change |"
    );
    assert_eq!(changes.len(), 15);
    assert_eq!(
        changes[2 + 9],
        format!(
            "| 10. {} | Embedded | Absent | Down 2 levels (\u{2212}2) |",
            question_text(9)
        )
    );
    assert_eq!(
        changes[2 + 5],
        format!(
            "| 6. {} | Siloed | Don’t know | Now don’t know |",
            question_text(5)
        )
    );

    let mut three = then_and_now_pair();
    three.entries.push(entry(
        "",
        TORBAY,
        Role::Unspecified,
        Some(day(2023, 10, 1)),
        JANE,
    ));
    let md = compare_export::markdown(&three, None, None);
    assert!(
        md.contains(
            "\nThen and now compares 2 results of the same organisation. You have added 3."
        )
    );
    assert!(!md.contains("## Change from"));
}

#[test]
fn json_carries_the_compare_code_and_every_answer() {
    let board = board_of_three();
    let text = compare_export::json(&board);
    let doc = json_doc(&text);
    assert_eq!(
        json_member_names(&text),
        [
            "format",
            "format_version",
            "assessment",
            "mode",
            "compare_code",
            "results"
        ]
    );
    assert_eq!(doc["format"], "digital-board-assessment-comparison");
    assert_eq!(doc["format_version"].as_u64(), Some(1));
    assert_eq!(doc["assessment"]["id"], "board-digital-strategy");
    assert_eq!(doc["assessment"]["version"].as_u64(), Some(1));
    assert_eq!(doc["mode"], "board");

    let results = doc["results"].as_array().expect("results");
    let people: Vec<[Value; 4]> = results
        .iter()
        .map(|r| ["name", "organisation", "role", "date"].map(|k| r[k].clone()))
        .collect();
    let s = Value::from;
    assert_eq!(
        people,
        [
            [s("Jane Smith"), s(LEEDS), s("Executive"), s("2025-03-04")],
            [s("Executive 2"), s(LEEDS), s("Executive"), s("2025-03-04")],
            [
                s("Non-executive 1"),
                s(LEEDS),
                s("Non-executive"),
                s("2025-03-04")
            ],
        ]
    );
    let answers: Vec<(Value, Value)> = results[2]["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| (a["question_id"].clone(), a["answer"].clone()))
        .collect();
    assert_eq!(answers.len(), 13);
    // The non-executive: S A A E S E D S E D D A S.
    assert_eq!(answers[0], (s("digital-in-business-plans"), s("siloed")));
    assert_eq!(answers[1], (s("digital-strategy-and-budgets"), s("absent")));
    assert_eq!(answers[3], (s("integrated-strategies"), s("embedded")));
    assert_eq!(answers[6], (s("services-and-performance"), s("dont_know")));
    assert_eq!(answers[12], (s("what-could-go-wrong"), s("siloed")));

    // The code is the compare link's payload, read back without parsing.
    let code = doc["compare_code"].as_str().expect("a compare code");
    assert_eq!(code, compare_codec::encode(&board));
    assert_eq!(json_code(&text), Some(Ok(format!("c={code}"))));
    assert_eq!(decode(code), Ok(board));

    // Organisations, roles and dates not given are null.
    let system = comparison(
        Mode::System,
        vec![
            entry("", "", Role::Unspecified, None, JANE),
            entry("", "RX1", Role::Unspecified, None, JANE),
        ],
    );
    let doc = json_doc(&compare_export::json(&system));
    assert_eq!(doc["mode"], "system");
    assert_eq!(doc["results"][0]["name"], "Organisation 1");
    for member in ["organisation", "role", "date"] {
        assert_eq!(
            doc["results"][0].get(member),
            Some(&Value::Null),
            "{member}"
        );
    }
    assert_eq!(doc["results"][1]["name"], "RX1");
    assert_eq!(
        json_doc(&compare_export::json(&then_and_now_pair()))["mode"],
        "then-and-now"
    );
}

#[test]
fn hostile_names_are_inert_in_every_download() {
    let script = "<script>alert(1)</script>";
    let formula = "=cmd|' /C calc'!A0";
    let image = "<img src=x onerror=alert(1)>";
    let markup = "# A | *B* [c](javascript:x)\nsecond line";
    let hostile = comparison(
        Mode::Board,
        vec![
            entry(script, image, Role::Executive, None, JANE),
            entry(formula, "@SUM(A1)", Role::NonExecutive, None, EXEC_2),
            entry(markup, "-1+2", Role::Unspecified, None, NON_EXEC),
        ],
    );

    // CSV: data, not formulas; names as typed otherwise.
    let rows = csv_rows(&compare_export::csv(&hostile));
    let records = csv_records(&compare_export::csv(&hostile), &board_columns());
    let cells =
        |column: &str| -> Vec<&str> { records[..3].iter().map(|r| r[column].as_str()).collect() };
    assert_eq!(cells("result"), [script, &format!("'{formula}"), markup]);
    assert_eq!(cells("organisation"), [image, "'@SUM(A1)", "'-1+2"]);
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }

    // Markdown: every `<` escaped, tables keep their shape, nothing starts a
    // line of its own.
    let compare_link = compare_codec::link(BASE, &compare_codec::encode(&hostile));
    let md = compare_export::markdown(&hostile, Some("2026-11-21"), Some(&compare_link));
    for (at, _) in md.match_indices('<') {
        assert!(
            md[..at].ends_with('\\') || md[at..].starts_with("<https://"),
            "raw '<' at {at}: {md}"
        );
    }
    assert!(md.contains(
        r"| \<script\>alert(1)\</script\> | \<img src=x onerror=alert(1)\> | Executive |  |"
    ));
    assert!(md.contains(r"\# A \| \*B\* \[c\](javascript:x) / second line"));
    assert!(md.contains(r"=cmd\|' /C calc'\!A0 (non-executive)"));
    assert!(!md.lines().any(|l| l.starts_with("second line")));
    // The members table and the questions table, each with its head, its
    // rule and a row for every member or question.
    let all = tables(&md);
    assert_eq!(
        all.iter().map(Vec::len).collect::<Vec<_>>(),
        [2 + 3, 2 + 13]
    );

    // JSON: no character that means something in HTML, and the names read
    // back exactly.
    let text = compare_export::json(&hostile);
    assert!(!text.contains(['<', '>', '&']), "{text}");
    let doc = json_doc(&text);
    assert_eq!(doc["results"][0]["name"], script);
    assert_eq!(doc["results"][0]["organisation"], image);
    assert_eq!(doc["results"][1]["name"], formula);
    assert_eq!(doc["results"][2]["name"], markup);
    // And the file is read back to the same comparison.
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&text, Origin::File("hostile.json")), 3);
    assert_eq!(collection.comparison(), Some(hostile));
}

#[test]
fn download_file_names() {
    assert_eq!(
        compare_export::file_name(&board_of_three(), Some("2026-11-21"), "csv"),
        "digital-strategy-board-self-assessment-comparison-board-2026-11-21.csv"
    );
    assert_eq!(
        compare_export::file_name(&system_of_three(), Some("../../x"), "md"),
        "digital-strategy-board-self-assessment-comparison-system.md"
    );
    assert_eq!(
        compare_export::file_name(&then_and_now_pair(), None, "json"),
        "digital-strategy-board-self-assessment-comparison-then-and-now.json"
    );
}

// ---------------------------------------------------------------------------
// Issue 18: then and now names the organisation; the system summary
// ---------------------------------------------------------------------------

// Five trusts. Most are Absent or don't know on Q3 (all five) and Q1
// (three Absent); Q1 and Q2 run from Absent to Embedded, the widest range.
//
//        Q1 Q2 Q3 | Q4 … Q12 Q13
// T1      A  A  D |  S …  S   E
// T2      A  D  D |  S …  S   E
// T3      A  S  A |  S …  S   E
// T4      S  E  D |  S …  S   E
// T5      E  E  A |  S …  S   E
const FIVE: [&str; 5] = [
    "AADSSSSSSSSSE",
    "ADDSSSSSSSSSE",
    "ASASSSSSSSSSE",
    "SEDSSSSSSSSSE",
    "EEASSSSSSSSSE",
];

fn system_of_five() -> Comparison {
    comparison(
        Mode::System,
        FIVE.iter()
            .enumerate()
            .map(|(i, p)| entry("", &format!("Trust {}", i + 1), Role::Unspecified, None, p))
            .collect(),
    )
}

fn counts(absent: u32, siloed: u32, embedded: u32, dont_know: u32) -> LevelCounts {
    LevelCounts {
        absent,
        siloed,
        embedded,
        dont_know,
    }
}

#[test]
fn a_systems_summary_is_its_gaps_and_widest_ranges_by_question_never_by_organisation() {
    let system = system_of_five();
    let spread = spreads(&system);
    let summary = system_summary(&system, &spread);
    // Most Absent or don't know: all five on Q3 first, then three on Q1.
    // Q2 has two of five: not most.
    assert_eq!(
        summary.gaps,
        [(2, counts(2, 0, 0, 3)), (0, counts(3, 1, 1, 0))]
    );
    // The widest range is Absent to Embedded, on Q1 and Q2, in question order.
    assert_eq!(
        summary.differ,
        [(0, counts(3, 1, 1, 0)), (1, counts(1, 1, 2, 1))]
    );
    assert_eq!(
        compare_export::gap_text(&system, summary.gaps[0].1),
        "5 of 5 organisations Absent or don’t know (2 Absent, 3 don’t know)"
    );
    assert_eq!(
        compare_export::gap_text(&system, summary.gaps[1].1),
        "3 of 5 organisations Absent or don’t know (3 Absent)"
    );
    assert_eq!(
        compare_export::differ_text(&spread[1], summary.differ[1].1),
        "Absent to Embedded (1 Absent, 1 Siloed, 2 Embedded, 1 don’t know)"
    );
    assert_eq!(
        compare_export::numbered_question(default_assessment(), 2),
        format!("3. {}", question_text(2))
    );

    // The order the organisations were added in changes nothing: the
    // summary is about questions.
    let mut reversed = system.clone();
    reversed.entries.reverse();
    assert_eq!(system_summary(&reversed, &spreads(&reversed)), summary);

    // Exactly half is not most; levels that agree have no widest range.
    let even = comparison(
        Mode::System,
        vec![
            entry("", "Trust 1", Role::Unspecified, None, "ASSSSSSSSSSSS"),
            entry("", "Trust 2", Role::Unspecified, None, "DSSSSSSSSSSSS"),
            entry("", "Trust 3", Role::Unspecified, None, "SSSSSSSSSSSSS"),
            entry("", "Trust 4", Role::Unspecified, None, "SSSSSSSSSSSSS"),
        ],
    );
    let summary = system_summary(&even, &spreads(&even));
    assert_eq!(summary.gaps, []);
    // Q1 runs from Absent to Siloed: the widest range here is one level.
    assert_eq!(summary.differ, [(0, counts(1, 2, 0, 1))]);
    let same = comparison(
        Mode::System,
        vec![
            entry("", "Trust 1", Role::Unspecified, None, "SSSSSSSSSSSSS"),
            entry("", "Trust 2", Role::Unspecified, None, "SSSSSSSSSSSSS"),
        ],
    );
    assert_eq!(system_summary(&same, &spreads(&same)).differ, []);

    // One organisation twice: its results are counted as results.
    let mut repeated = system_of_five();
    repeated.entries[4].organisation = "Trust 1".to_owned();
    assert_eq!(
        compare_export::gap_text(&repeated, summary_gap(&repeated)),
        "5 of 5 results Absent or don’t know (2 Absent, 3 don’t know)"
    );
}

fn summary_gap(comparison: &Comparison) -> LevelCounts {
    system_summary(comparison, &spreads(comparison)).gaps[0].1
}

#[test]
fn a_systems_markdown_and_paper_lead_with_where_it_stands() {
    let system = system_of_five();
    let md = compare_export::markdown(&system, None, None);
    let gaps = md
        .find("## Where most organisations are Absent or don’t know\n")
        .expect("gaps");
    let differ = md
        .find("## Where organisations differ most\n")
        .expect("differ");
    let results = md.find("## Results compared\n").expect("results");
    assert!(gaps < differ && differ < results, "{md}");
    assert!(md.contains(&format!(
        "- **3. {}:** 5 of 5 organisations Absent or don’t know (2 Absent, 3 don’t know)\n- **1. {}:** 3 of 5",
        question_text(2),
        question_text(0)
    )));
    assert!(md.contains(&format!(
        "- **2. {}:** Absent to Embedded (1 Absent, 1 Siloed, 2 Embedded, 1 don’t know)\n",
        question_text(1)
    )));
    // A system with nothing to say says so.
    let same = comparison(
        Mode::System,
        vec![
            entry("", "Trust 1", Role::Unspecified, None, "SSSSSSSSSSSSS"),
            entry("", "Trust 2", Role::Unspecified, None, "SSSSSSSSSSSSS"),
        ],
    );
    let md = compare_export::markdown(&same, None, None);
    assert!(md.contains("No question has most organisations at Absent or “Don’t know”."));
    assert!(md.contains("Every organisation gave the same level on every question."));

    // The Word paper's summary says the same.
    let paper = paper::comparison(&system, None, None);
    let headings: Vec<&str> = paper
        .blocks
        .iter()
        .filter_map(|b| match b {
            paper::Block::Heading { level: 3, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Where most organisations are Absent or don’t know",
            "Where organisations differ most"
        ]
    );
    let bullets: Vec<String> = paper
        .blocks
        .iter()
        .filter_map(|b| match b {
            paper::Block::BulletList(items) => Some(items),
            _ => None,
        })
        .flatten()
        .map(|runs| runs.iter().map(|r| r.text.as_str()).collect())
        .collect();
    assert!(bullets.contains(&format!(
        "3. {}: 5 of 5 organisations Absent or don’t know (2 Absent, 3 don’t know)",
        question_text(2)
    )));
    // Never a total or ranking per organisation.
    for line in md.lines().chain(bullets.iter().map(String::as_str)) {
        for word in ["rank", "total", "score", "1st", "top"] {
            assert!(
                !line.to_lowercase().contains(word)
                    || line.contains("Nothing is totalled or ranked"),
                "{line}"
            );
        }
    }
}

#[test]
fn then_and_now_names_whose_results_and_when_everywhere() {
    let pair = then_and_now_pair();
    let expected = format!("{TORBAY}: 30 November 2024 and 1 June 2025");
    assert_eq!(then_and_now_who(&pair).as_deref(), Some(expected.as_str()));
    // The paper says it first, in bold.
    let paper = paper::comparison(&pair, None, None);
    assert_eq!(
        paper.blocks.first(),
        Some(&paper::Block::Paragraph(vec![paper::Run::bold(expected)]))
    );

    // With the role, when both results give the same one.
    let mut executive = then_and_now_pair();
    for e in &mut executive.entries {
        e.role = Role::Executive;
    }
    assert_eq!(
        then_and_now_who(&executive).unwrap(),
        format!("{TORBAY} (executive): 30 November 2024 and 1 June 2025")
    );
    // Two organisations or roles: each with its own date.
    let mut two = then_and_now_pair();
    two.entries[1].organisation = LEEDS.to_owned();
    two.entries[0].role = Role::NonExecutive;
    assert_eq!(
        then_and_now_who(&two).unwrap(),
        format!("{LEEDS}, 30 November 2024, and {TORBAY} (non-executive), 1 June 2025")
    );
    // Case and spacing do not make another organisation.
    let mut spaced = then_and_now_pair();
    spaced.entries[1].organisation = format!("  {} ", TORBAY.to_uppercase());
    assert!(
        then_and_now_who(&spaced)
            .unwrap()
            .ends_with(": 30 November 2024 and 1 June 2025")
    );
    // No organisation named: said, not left blank.
    let mut unnamed = then_and_now_pair();
    for e in &mut unnamed.entries {
        e.organisation.clear();
    }
    assert_eq!(
        then_and_now_who(&unnamed).unwrap(),
        "Organisation not named: 30 November 2024 and 1 June 2025"
    );
    // Not a then and now: nothing to name.
    let mut three = then_and_now_pair();
    three.entries.push(three.entries[0].clone());
    assert_eq!(then_and_now_who(&three), None);
    assert_eq!(then_and_now_who(&board_of_three()), None);
}
