//! Golden tests: the shipped assessment's content, and hand-worked scores
//! for whole answer sets.

use digital_board_core::content::{default_assessment, find};
use digital_board_core::model::Level::{self, *};
use digital_board_core::report::{discussion_order, stage_label, tally_sentence};
use digital_board_core::scoring::{Answers, Response, Tally, score};

/// The ten questions for boards, verbatim from section 2 of the guide.
const GUIDE_QUESTIONS: [&str; 10] = [
    "How integrated are your digital and business strategies?",
    "Does your digital strategy have a succinct mission that is understood across the trust?",
    "Do you understand your users and their biggest needs?",
    "Do you know what digital services you are operating and how they are performing?",
    "What are you not prioritising in your digital strategy?",
    "Have you committed to realistic and tangible actions?",
    "How will you know if your digital strategy is working?",
    "Can you explain how your organisation’s digital strategy aligns with your system strategy?",
    "How will your organisation change to enable digital transformation?",
    "What could go wrong?",
];

#[test]
fn the_default_assessment_has_the_grid_then_the_ten_questions() {
    let a = default_assessment();
    assert!(a.is_default);
    assert_eq!((a.id, a.version), ("board-digital-strategy", 1));
    assert_eq!(find("board-digital-strategy"), Some(a));
    assert_eq!(a.source.publisher, "NHS Providers and Public Digital");
    assert_eq!(a.source.published, "March 2021");
    assert_eq!(a.sections.len(), 2);
    assert_eq!(
        a.sections[0].title,
        "Where digital sits in your trust strategy"
    );
    assert_eq!(a.sections[1].title, "Questions for boards");
    let texts: Vec<&str> = a.sections[1].questions.iter().map(|q| q.text).collect();
    assert_eq!(texts, GUIDE_QUESTIONS);
    assert_eq!(a.question_count(), 13);
}

#[test]
fn the_grid_questions_use_the_guides_wording() {
    let grid = default_assessment().sections[0].questions;
    assert_eq!(
        grid[0].descriptor(Absent),
        "No mention of digital in business strategies or plans"
    );
    assert_eq!(
        grid[0].descriptor(Siloed),
        "Tokenistic mention of digital in business strategies and plans"
    );
    assert_eq!(
        grid[0].descriptor(Embedded),
        "Digital at heart of business strategy"
    );
    assert_eq!(
        grid[1].descriptor(Siloed),
        "Separate strategy, projects, budgets and objectives for digital"
    );
    assert_eq!(
        grid[2].descriptor(Siloed),
        "Weak link between digital and overall trust objectives"
    );
    assert_eq!(
        grid[2].descriptor(Embedded),
        "Digital transformation plays a key role in delivering corporate objectives"
    );
}

fn answers(levels: [Option<Level>; 13]) -> Answers {
    Answers::from_responses(
        levels
            .iter()
            .map(|l| Some(l.map_or(Response::DontKnow, Response::Level)))
            .collect(),
    )
}

#[test]
fn all_embedded_scores_full_marks() {
    let results = score(default_assessment(), &answers([Some(Embedded); 13]));
    assert_eq!(
        results.overall,
        Tally {
            questions: 13,
            scored: 13,
            points: 26,
            dont_know: 0,
            unanswered: 0
        }
    );
    assert_eq!(results.overall.stage(), Some(Embedded));
    assert_eq!(
        tally_sentence(&results.overall),
        "26 of 26 points from 13 scored answers (average 2.0 of 2)."
    );
    assert!(results.flags.is_empty() && results.assurance_gaps.is_empty());
    assert!(discussion_order(&answers([Some(Embedded); 13])).is_empty());
}

#[test]
fn all_absent_scores_nothing() {
    let results = score(default_assessment(), &answers([Some(Absent); 13]));
    assert_eq!(
        (results.overall.points, results.overall.max_points()),
        (0, 26)
    );
    assert_eq!(results.overall.stage(), Some(Absent));
    assert_eq!(
        results
            .sections
            .iter()
            .map(Tally::stage)
            .collect::<Vec<_>>(),
        [Some(Absent); 2]
    );
}

/// Grid all Embedded (6 of 6), board question 1 Absent, the other nine
/// Siloed (9 of 20, average 0.9 -> Siloed), overall 15 of 26 (average
/// 1.15 -> Siloed); the grid (Embedded) and question 1 (Absent) are two apart.
#[test]
fn grid_and_question_one_two_levels_apart_raise_the_flag() {
    let mut levels = [Some(Siloed); 13];
    levels[..3].copy_from_slice(&[Some(Embedded); 3]);
    levels[3] = Some(Absent);
    let results = score(default_assessment(), &answers(levels));
    assert_eq!(
        (results.sections[0].points, results.sections[0].stage()),
        (6, Some(Embedded))
    );
    assert_eq!(
        (results.sections[1].points, results.sections[1].stage()),
        (9, Some(Siloed))
    );
    assert_eq!(results.sections[1].average_text().as_deref(), Some("0.9"));
    assert_eq!(
        (results.overall.points, results.overall.stage()),
        (15, Some(Siloed))
    );
    assert_eq!(results.flags.len(), 1);
    let flag = results.flags[0];
    assert_eq!(
        (flag.question_level, flag.section_stage),
        (Absent, Embedded)
    );
    assert_eq!(flag.check.question, 3);
}

/// One level apart is not flagged: grid Siloed (3 of 6), question 1 Embedded.
#[test]
fn one_level_apart_is_not_flagged() {
    let mut levels = [Some(Siloed); 13];
    levels[3] = Some(Embedded);
    assert!(
        score(default_assessment(), &answers(levels))
            .flags
            .is_empty()
    );
}

/// Don't-knows: grid E, DK, DK (only 1 of 3 scored -> no stage, so no flag
/// even though question 1 is Absent); board: 2 DKs, Absent x3, Siloed x3,
/// Embedded x2 = 7 of 16 (average 0.875 -> Siloed); overall 9 of 18 over 9 scored
/// (average 1.0 -> Siloed), 4 assurance gaps.
#[test]
fn dont_knows_are_gaps_and_can_withhold_a_stage() {
    let levels = [
        Some(Embedded),
        None,
        None,
        Some(Absent),
        Some(Absent),
        None,
        Some(Siloed),
        Some(Absent),
        Some(Siloed),
        None,
        Some(Siloed),
        Some(Embedded),
        Some(Embedded),
    ];
    let answers = answers(levels);
    let results = score(default_assessment(), &answers);
    assert_eq!(results.sections[0].stage(), None);
    assert_eq!(stage_label(&results.sections[0]), "Not enough answers");
    assert!(results.flags.is_empty());
    assert_eq!(
        results.sections[1],
        Tally {
            questions: 10,
            scored: 8,
            points: 7,
            dont_know: 2,
            unanswered: 0
        }
    );
    assert_eq!(results.sections[1].stage(), Some(Siloed));
    assert_eq!((results.overall.points, results.overall.scored), (9, 9));
    assert_eq!(results.overall.stage(), Some(Siloed));
    assert_eq!(results.assurance_gaps, vec![1, 2, 5, 9]);
    assert_eq!(
        discussion_order(&answers),
        vec![1, 2, 5, 9, 3, 4, 7, 6, 8, 10]
    );
}
