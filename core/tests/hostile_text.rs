//! Hostile or odd text (issue 16): bidirectional controls in organisation
//! names, result names, notes and actions are removed from the CSV and
//! Markdown downloads (the letters kept, formulas still caught), kept as
//! typed in JSON, and isolated where the widget's sentences carry them.

use digital_board_core::actions::Commitment;
use digital_board_core::bidi;
use digital_board_core::compare::export as compare_export;
use digital_board_core::compare::{Comparison, Entry, Mode};
use digital_board_core::content::default_assessment;
use digital_board_core::export::{self, ExportMeta};
use digital_board_core::label::Role;
use digital_board_core::model::Level;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::text::assessment::Sentence as AssessmentSentence;

/// Every bidirectional control the issue names.
const CONTROLS: [char; 12] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

const ORGANISATION: &str = "\u{202E}Leeds Teaching Hospitals";
const NOTE: &str = "See \u{2067}the paper\u{200F} and \u{202B}minutes";
const FORMULA: &str = "\u{202E}=HYPERLINK(\"http://x\")";

fn answers() -> Answers {
    let count = default_assessment().question_count();
    let mut answers = Answers::from_responses(vec![Some(Response::Level(Level::Siloed)); count]);
    answers.notes = vec![String::new(); count];
    answers.notes[0] = NOTE.to_owned();
    answers.notes[1] = FORMULA.to_owned();
    answers
}

fn meta() -> ExportMeta {
    ExportMeta {
        organisation: Some(ORGANISATION.to_owned()),
        role: Some("Executive".to_owned()),
        date: Some("2026-11-21".to_owned()),
        share_code: None,
        actions: vec![Commitment {
            what: "Publish \u{202E}the strategy".to_owned(),
            lead: "\u{2066}Chief digital officer".to_owned(),
            by: None,
            measure: "\u{061C}Staff survey".to_owned(),
            questions: vec![0],
            status: None,
        }],
    }
}

fn assert_no_controls(file: &str, what: &str) {
    let found: Vec<char> = file.chars().filter(|&c| CONTROLS.contains(&c)).collect();
    assert!(found.is_empty(), "{what} holds {found:?}");
}

#[test]
fn the_csv_and_markdown_of_a_result_carry_no_bidi_controls() {
    let assessment = default_assessment();
    let csv = export::csv(assessment, &answers(), &meta());
    assert_no_controls(&csv, "the CSV");
    assert!(csv.contains("Leeds Teaching Hospitals"));
    assert!(csv.contains("See the paper and minutes"));
    assert!(csv.contains("Publish the strategy"), "{csv}");
    // A formula hidden behind an override is still made harmless.
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");

    let markdown = export::markdown(assessment, &answers(), &meta());
    assert_no_controls(&markdown, "the Markdown");
    assert!(markdown.contains("Leeds Teaching Hospitals"));
    assert!(markdown.contains("See the paper and minutes"));
    assert!(markdown.contains("Publish the strategy"));
    assert!(markdown.contains("Chief digital officer"));

    // The JSON is data: the text exactly as typed.
    let json = export::json(assessment, &answers(), &meta());
    assert!(json.contains(ORGANISATION));
    assert!(json.contains(NOTE));
}

#[test]
fn the_csv_and_markdown_of_a_comparison_carry_no_bidi_controls() {
    let count = default_assessment().question_count();
    let entry = |name: &str, organisation: &str, role| Entry {
        name: name.to_owned(),
        organisation: organisation.to_owned(),
        role,
        date: None,
        responses: vec![Some(Response::Level(Level::Embedded)); count],
        actions: Vec::new(),
    };
    for mode in [Mode::Board, Mode::System] {
        let comparison = Comparison {
            assessment: default_assessment(),
            mode,
            entries: vec![
                entry("\u{202E}Jane Smith", ORGANISATION, Role::Executive),
                entry("Bob \u{2067}Jones", "\u{202B}York", Role::NonExecutive),
            ],
        };
        let csv = compare_export::csv(&comparison);
        assert_no_controls(&csv, "the comparison CSV");
        assert!(csv.contains("Jane Smith"), "{csv}");
        let markdown = compare_export::markdown(&comparison, Some("2026-11-21"), None);
        assert_no_controls(&markdown, "the comparison Markdown");
        assert!(markdown.contains("Jane Smith"));
        assert!(markdown.contains("Bob Jones"));
    }
}

#[test]
fn sentences_isolate_the_user_text_they_carry() {
    // "From <RLO>Leeds, Executive." would show as "From .evitucexE ,sdeeL":
    // isolated, the override ends with the name.
    let from = AssessmentSentence::Provenance {
        organisation: Some(ORGANISATION),
        role: Some("Executive"),
        date: None,
    }
    .text();
    assert!(
        from.starts_with(&format!("From \u{2068}{ORGANISATION}\u{2069}, Executive.")),
        "{from:?}"
    );
    // Plain names are left exactly as typed.
    let plain = AssessmentSentence::Provenance {
        organisation: Some("Leeds"),
        role: Some("Executive"),
        date: None,
    }
    .text();
    assert!(plain.starts_with("From Leeds, Executive."), "{plain}");

    let count = default_assessment().question_count();
    let comparison = Comparison {
        assessment: default_assessment(),
        mode: Mode::Board,
        entries: vec![Entry {
            name: "\u{202E}Jane".to_owned(),
            organisation: String::new(),
            role: Role::Executive,
            date: None,
            responses: vec![Some(Response::DontKnow); count],
            actions: Vec::new(),
        }],
    };
    assert_eq!(
        compare_export::column_headings(&comparison),
        ["\u{2068}\u{202E}Jane\u{2069} (executive)"]
    );
    assert_eq!(bidi::isolate("Jane"), "Jane");
}
