//! The Markdown, CSV and JSON exports from the outside: exact CSV for a
//! small hand-made assessment, RFC 4180 quoting, the byte order mark, CRLF
//! and formula-injection guard; CSV and JSON read back by the `csv` crate
//! and serde_json (tests/support/downloads.rs, shared with
//! tests/compare.rs); hostile notes inert in every format; the board
//! paper's contents; and safe file names.

use digital_board_core::actions::{Commitment, MonthYear, Status};
use digital_board_core::content::default_assessment;
use digital_board_core::export::{
    CSV_COLUMNS, ExportFormat, ExportMeta, JSON_FORMAT, csv, file_name, json, markdown,
};
use digital_board_core::model::{Assessment, ConsistencyCheck, Level, Question, Section, Source};
use digital_board_core::report::{METHOD, discussion_order, tally_sentence};
use digital_board_core::scoring::{Answers, Response, score};
use serde_json::Value;

mod support;
use support::downloads::{csv_rows, json_doc, json_member_names};
use support::markdown::unescaped_pipes;
use support::rng::Rng;

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

/// A small assessment whose texts need quoting in CSV.
static TINY: Assessment = Assessment {
    id: "tiny-check",
    version: 3,
    title: "Tiny check",
    is_default: false,
    description: "For tests.",
    source: Source {
        title: "A guide",
        publisher: "A publisher",
        published: "May 2020",
        url: "https://example.org/guide",
        credit: "Its questions are quoted.",
    },
    stages: ["Not there yet.", "In parts.", "Throughout."],
    sections: &[
        Section {
            id: "first",
            title: "First, the basics",
            intro: "",
            questions: &[
                Question {
                    id: "q-one",
                    text: "Is it \"quoted\"?",
                    hint: &[],
                    levels: ["No", "Partly", "Yes"],
                    discuss: "Talk about one.",
                },
                Question {
                    id: "q-two",
                    text: "Two",
                    hint: &[],
                    levels: ["No", "Partly", "Yes"],
                    discuss: "Talk about two.",
                },
            ],
        },
        Section {
            id: "second",
            title: "Second",
            intro: "",
            questions: &[Question {
                id: "q-three",
                text: "Three",
                hint: &[],
                levels: ["No", "Partly", "Yes"],
                discuss: "Talk about three.",
            }],
        },
    ],
    consistency_checks: &[ConsistencyCheck {
        question: 2,
        section: 0,
        message: "Three and the first section disagree.",
    }],
    commitments: None,
    earlier_versions: &[],
};

const A: Option<Response> = Some(Response::Level(Level::Absent));
const S: Option<Response> = Some(Response::Level(Level::Siloed));
const E: Option<Response> = Some(Response::Level(Level::Embedded));
const D: Option<Response> = Some(Response::DontKnow);

/// The 13 answers used for the default assessment: grid all Embedded,
/// question 1 of the board questions Absent (so the consistency flag is
/// raised), two don't-knows.
const MIXED: [Option<Response>; 13] = [E, E, E, A, S, D, S, A, E, S, D, S, E];

fn meta(organisation: &str, role: &str, date: &str) -> ExportMeta {
    ExportMeta {
        organisation: Some(organisation.to_owned()),
        role: Some(role.to_owned()),
        date: Some(date.to_owned()),
        share_code: None,
        actions: Vec::new(),
    }
}

fn mixed_answers() -> Answers {
    Answers::from_responses(MIXED.to_vec())
}

fn with_note(mut answers: Answers, index: usize, note: &str) -> Answers {
    answers.notes[index] = note.to_owned();
    answers
}

const SCRIPT: &str = "<script>alert(\"x\")</script>";

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

#[test]
fn csv_is_exact_for_a_small_case() {
    let answers = Answers {
        responses: vec![S, D, None],
        notes: vec![
            String::new(),
            "  Needs \"work\", soon \n".to_owned(),
            String::new(),
        ],
    };
    let out = csv(
        &TINY,
        &answers,
        &meta("Trust A", "Non-executive", "2026-11-21"),
    );
    let expected = concat!(
        "\u{feff}",
        "assessment_id,assessment_version,organisation,role,date,question_number,question_id,section,question,answer,points,notes,",
        "record,action_number,action,action_lead,action_due,action_measure,action_questions,action_status\r\n",
        "tiny-check,3,Trust A,Non-executive,2026-11-21,1,q-one,\"First, the basics\",\"Is it \"\"quoted\"\"?\",Siloed,1,,question,,,,,,,\r\n",
        "tiny-check,3,Trust A,Non-executive,2026-11-21,2,q-two,\"First, the basics\",Two,Don’t know,,\"Needs \"\"work\"\", soon\",question,,,,,,,\r\n",
        "tiny-check,3,Trust A,Non-executive,2026-11-21,3,q-three,Second,Three,Not answered,,,question,,,,,,,\r\n",
    );
    assert_eq!(out, expected);
    // The header row, on its own, exactly.
    let header = out.trim_start_matches('\u{feff}').split("\r\n").next();
    assert_eq!(header, Some(CSV_COLUMNS.join(",").as_str()));
}

#[test]
fn csv_starts_with_a_bom_and_ends_every_line_with_crlf() {
    let out = csv(
        default_assessment(),
        &mixed_answers(),
        &ExportMeta::default(),
    );
    assert!(out.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    assert!(out.ends_with("\r\n"));
    let bytes = out.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert_eq!(bytes[i - 1], b'\r', "bare LF at byte {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    assert_eq!(out.matches("\r\n").count(), 14, "header plus 13 questions");
}

#[test]
fn csv_quotes_and_doubles_and_keeps_line_breaks_inside_fields() {
    let note = "He said \"no\", twice\r\nthen \"yes\"\nend";
    let answers = with_note(mixed_answers(), 4, note);
    let out = csv(
        default_assessment(),
        &answers,
        &meta("Trust \"B\", North", "Chair", "2026-11-21"),
    );
    assert!(out.contains("\"He said \"\"no\"\", twice\r\nthen \"\"yes\"\"\nend\""));
    assert!(out.contains(",\"Trust \"\"B\"\", North\",Chair,"));

    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 14);
    assert!(rows.iter().all(|row| row.len() == CSV_COLUMNS.len()));
    assert_eq!(rows[0], CSV_COLUMNS);
    assert_eq!(rows[5][11], note);
    assert_eq!(rows[5][2], "Trust \"B\", North");
    let a = default_assessment();
    assert_eq!(a.questions().count(), 13);
    for (row, placed) in rows[1..].iter().zip(a.questions()) {
        assert_eq!(row[0], "board-digital-strategy");
        assert_eq!(row[1], "1");
        assert_eq!(row[5], (placed.index + 1).to_string());
        assert_eq!(row[6], placed.question.id);
        assert_eq!(row[7], a.sections[placed.section].title);
        assert_eq!(row[8], placed.question.text);
    }
    let answers_column: Vec<&str> = rows[1..].iter().map(|r| r[9].as_str()).collect();
    let points_column: Vec<&str> = rows[1..].iter().map(|r| r[10].as_str()).collect();
    assert_eq!(
        answers_column,
        [
            "Embedded",
            "Embedded",
            "Embedded",
            "Absent",
            "Siloed",
            "Don’t know",
            "Siloed",
            "Absent",
            "Embedded",
            "Siloed",
            "Don’t know",
            "Siloed",
            "Embedded"
        ]
    );
    assert_eq!(
        points_column,
        [
            "2", "2", "2", "0", "1", "", "1", "0", "2", "1", "", "1", "2"
        ]
    );
}

#[test]
fn csv_cells_that_look_like_formulas_get_an_apostrophe() {
    let mut answers = mixed_answers();
    answers.notes[0] = "=HYPERLINK(\"http://evil.example\",\"Click\")".to_owned();
    answers.notes[1] = "+1".to_owned();
    answers.notes[2] = "-2+3".to_owned();
    answers.notes[3] = "@SUM(A1:A2)".to_owned();
    answers.notes[4] = "\t=1+1".to_owned();
    answers.notes[5] = "\r\n=1+1".to_owned();
    answers.notes[6] = "1 = 1, -fine-".to_owned();
    let out = csv(
        default_assessment(),
        &answers,
        &meta("=cmd|' /C calc'!A0", "@role", "-2026"),
    );
    let rows = csv_rows(&out);
    let notes: Vec<&str> = rows[1..8].iter().map(|r| r[11].as_str()).collect();
    assert_eq!(
        notes,
        [
            "'=HYPERLINK(\"http://evil.example\",\"Click\")",
            "'+1",
            "'-2+3",
            "'@SUM(A1:A2)",
            "'=1+1",
            "'=1+1",
            "1 = 1, -fine-",
        ]
    );
    assert_eq!(rows[1][2], "'=cmd|' /C calc'!A0");
    assert_eq!(rows[1][3], "'@role");
    assert_eq!(rows[1][4], "'-2026");
    // Quoted fields carry the apostrophe inside the quotes.
    assert!(out.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\",question,"));
    // No cell of any row starts with a formula character.
    for row in &rows {
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------

#[test]
fn json_is_valid_and_carries_the_whole_result() {
    let mut m = meta("Trust A", "Executive", "2026-11-21");
    m.share_code = Some("AQ8HAAkB".to_owned());
    m.role = Some("   ".to_owned());
    let answers = with_note(mixed_answers(), 5, "  We could not say.\n");
    let text = json(default_assessment(), &answers, &m);
    let doc = json_doc(&text);

    assert_eq!(doc["format"], JSON_FORMAT);
    assert_eq!(doc["format"], "digital-board-assessment-result");
    assert_eq!(doc["format_version"].as_u64(), Some(1));
    assert_eq!(doc["assessment"]["id"], "board-digital-strategy");
    assert_eq!(doc["assessment"]["version"].as_u64(), Some(1));
    assert_eq!(
        doc["assessment"]["title"],
        "Digital strategy board self-assessment"
    );
    assert_eq!(doc["organisation"], "Trust A");
    assert_eq!(
        doc.get("role"),
        Some(&Value::Null),
        "blank text is not given"
    );
    assert_eq!(doc["date"], "2026-11-21");
    assert_eq!(doc["share_code"], "AQ8HAAkB");

    let tally = ["points", "max_points", "scored", "dont_know"];
    // 14 points from 11 scored answers: average 1.27, Siloed.
    let overall = &doc["overall"];
    assert_eq!(overall["stage"], "Siloed");
    assert_eq!(
        tally.map(|k| overall[k].as_u64()),
        [Some(14), Some(22), Some(11), Some(2)]
    );

    let sections = doc["sections"].as_array().expect("sections");
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0]["id"], "trust-strategy");
    assert_eq!(
        sections[0]["title"],
        "Where digital sits in your trust strategy"
    );
    assert_eq!(sections[0]["stage"], "Embedded");
    assert_eq!(sections[0]["points"].as_u64(), Some(6));
    assert_eq!(sections[1]["id"], "questions-for-boards");
    assert_eq!(sections[1]["stage"], "Siloed");
    assert_eq!(
        tally.map(|k| sections[1][k].as_u64()),
        [Some(8), Some(16), Some(8), Some(2)]
    );

    let list = doc["answers"].as_array().expect("answers");
    assert_eq!(list.len(), 13);
    let a = default_assessment();
    assert_eq!(a.questions().count(), 13);
    for (item, placed) in list.iter().zip(a.questions()) {
        assert_eq!(item["question_id"], placed.question.id);
        assert_eq!(item["section_id"], a.sections[placed.section].id);
        assert_eq!(item["number"].as_u64(), Some(placed.index as u64 + 1));
        assert_eq!(item["question"], placed.question.text);
    }
    let keys: Vec<&Value> = list.iter().map(|item| &item["answer"]).collect();
    assert_eq!(
        keys,
        [
            "embedded",
            "embedded",
            "embedded",
            "absent",
            "siloed",
            "dont_know",
            "siloed",
            "absent",
            "embedded",
            "siloed",
            "dont_know",
            "siloed",
            "embedded",
        ]
        .map(Value::from)
        .iter()
        .collect::<Vec<_>>()
    );
    assert_eq!(list[0]["points"].as_u64(), Some(2));
    assert_eq!(list[3]["points"].as_u64(), Some(0));
    assert_eq!(list[4]["points"].as_u64(), Some(1));
    assert_eq!(
        list[5].get("points"),
        Some(&Value::Null),
        "don't know has no points"
    );
    assert_eq!(list[5]["notes"], "We could not say.");
    assert_eq!(list[4].get("notes"), Some(&Value::Null), "no notes is null");

    let flags = doc["consistency_flags"].as_array().expect("flags");
    assert_eq!(flags.len(), 1);
    assert_eq!(flags[0]["question_id"], "integrated-strategies");
    assert_eq!(flags[0]["section_id"], "trust-strategy");
    assert_eq!(flags[0]["message"], a.consistency_checks[0].message);

    // Members in the documented order.
    assert_eq!(
        json_member_names(&text),
        [
            "format",
            "format_version",
            "assessment",
            "organisation",
            "role",
            "date",
            "share_code",
            "overall",
            "sections",
            "answers",
            "consistency_flags",
            "actions"
        ]
    );
}

#[test]
fn json_is_pretty_printed_with_two_spaces() {
    let text = json(&TINY, &Answers::empty(3), &ExportMeta::default());
    assert!(text.starts_with(
        "{\n  \"format\": \"digital-board-assessment-result\",\n  \"format_version\": 1,\n  \"assessment\": {\n    \"id\": \"tiny-check\",\n    \"version\": 3,\n"
    ));
    assert!(text.contains("\n  \"organisation\": null,\n"));
    assert!(text.contains("\n  \"consistency_flags\": [],\n  \"actions\": []\n}\n"));
    assert!(text.ends_with("}\n"));
    for line in text.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        assert_eq!(indent % 2, 0, "{line:?}");
        assert!(!line.ends_with(' '), "{line:?}");
    }
    // Nothing answered: no stage, every answer null.
    let doc = json_doc(&text);
    assert_eq!(doc.pointer("/overall/stage"), Some(&Value::Null));
    assert_eq!(doc["overall"]["scored"].as_u64(), Some(0));
    let list = doc["answers"].as_array().expect("answers");
    assert_eq!(list.len(), 3);
    for item in list {
        assert_eq!(item.get("answer"), Some(&Value::Null), "{item}");
        assert_eq!(item.get("points"), Some(&Value::Null), "{item}");
    }
}

#[test]
fn json_escapes_quotes_backslashes_controls_and_html_but_keeps_utf8() {
    let note =
        "Quote \" backslash \\ tab\t bell\u{7} nul\u{0} line\u{2028}sep & < > Ysbyty – café 🙂";
    let answers = with_note(mixed_answers(), 0, note);
    let text = json(default_assessment(), &answers, &ExportMeta::default());
    assert!(text.contains(
        r#""notes": "Quote \" backslash \\ tab\u0009 bell\u0007 nul\u0000 line\u2028sep \u0026 \u003c \u003e Ysbyty – café 🙂""#
    ));
    assert_eq!(json_doc(&text)["answers"][0]["notes"], note);
}

// ---------------------------------------------------------------------------
// Hostile text is inert everywhere
// ---------------------------------------------------------------------------

#[test]
fn script_in_notes_and_labels_is_text_in_every_format() {
    let hostile_org = "<img src=x onerror=alert(1)>";
    let answers = with_note(mixed_answers(), 3, SCRIPT);
    let m = meta(hostile_org, "<b>Chair</b>", "2026-11-21");
    let a = default_assessment();

    let j = json(a, &answers, &m);
    assert!(!j.contains('<') && !j.contains('>'), "{j}");
    assert!(j.contains(r#"\u003cscript\u003ealert(\"x\")\u003c/script\u003e"#));
    assert!(j.contains(r"\u003cimg src=x onerror=alert(1)\u003e"));
    let doc = json_doc(&j);
    assert_eq!(doc["answers"][3]["notes"], SCRIPT);
    assert_eq!(doc["organisation"], hostile_org);

    let md = markdown(a, &answers, &m);
    assert!(!md.contains("<script>"), "{md}");
    // Every `<` is backslash-escaped, bar the credit's autolink.
    for (at, _) in md.match_indices('<') {
        assert!(
            md[..at].ends_with('\\') || md[at..].starts_with("<https://"),
            "raw '<' at {at}: {md}"
        );
    }
    assert!(md.contains(r#"\<script\>alert("x")\</script\>"#));
    assert!(md.contains(r"- **Organisation:** \<img src=x onerror=alert(1)\>"));
    assert!(md.contains(r"- **Role:** \<b\>Chair\</b\>"));
    // Unescaped, the note reads exactly as typed.
    assert!(unescape_markdown(&md).contains(SCRIPT));

    // CSV is data: the note is carried verbatim, as text.
    let out = csv(a, &answers, &m);
    let rows = csv_rows(&out);
    assert_eq!(rows[4][11], SCRIPT);
    assert_eq!(rows[4][2], hostile_org);
}

#[test]
fn markdown_user_text_cannot_add_markup_or_break_a_table() {
    let note = "| cell | *bold* _em_ `code` [link](javascript:alert(1)) ![i](x) ~~s~~ &amp; \\ #tag\n# Heading\n\n- item\r\n> quote";
    let answers = with_note(mixed_answers(), 4, note);
    let m = meta("# Trust | *A*", "Chair", "2026-11-21");
    let md = markdown(default_assessment(), &answers, &m);
    let escaped = r"\| cell \| \*bold\* \_em\_ \`code\` \[link\](javascript:alert(1)) \!\[i\](x) \~\~s\~\~ \&amp; \\ \#tag / \# Heading / - item / \> quote";
    assert!(md.contains(escaped), "{md}");
    assert!(md.contains(r"- **Organisation:** \# Trust \| \*A\*"));

    // Every answers-table row still has exactly six cell borders.
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.starts_with("| No. |"))
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(table.len(), 2 + 13);
    for row in &table {
        assert_eq!(unescaped_pipes(row), 6, "{row}");
    }
    let row = table
        .iter()
        .find(|r| r.starts_with("| 5 |"))
        .expect("row 5");
    assert!(row.ends_with(&format!("| Siloed | {escaped} |")), "{row}");
    // The note never starts a line of its own.
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# Heading") || l.starts_with("> quote"))
    );
}

fn unescape_markdown(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// Up to 30 characters, mostly ones that mean something somewhere.
fn hostile_text(rng: &mut Rng) -> String {
    const ALPHABET: &[char] = &[
        '<', '>', '&', '"', '\'', '`', '*', '_', '[', ']', '(', ')', '!', '#', '|', '\\', '~', '$',
        '-', '+', '=', '@', '.', ':', '/', ',', ';', ' ', '\n', '\r', '\t', '\0', '\u{7f}',
        '\u{2028}', 'a', 'Z', '1', 'é', '–', '🙂',
    ];
    let len = rng.next() % 31;
    (0..len)
        .map(|_| ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize])
        .collect()
}

#[test]
fn random_hostile_text_survives_every_format() {
    let a = default_assessment();
    let mut rng = Rng(2026);
    for _ in 0..300 {
        let mut answers = Answers::empty(13);
        for i in 0..13 {
            answers.responses[i] = [None, A, S, E, D][(rng.next() % 5) as usize];
            answers.notes[i] = hostile_text(&mut rng);
        }
        let m = ExportMeta {
            organisation: Some(hostile_text(&mut rng)),
            role: Some(hostile_text(&mut rng)),
            date: Some(hostile_text(&mut rng)),
            share_code: Some(hostile_text(&mut rng)),
            actions: Vec::new(),
        };
        let trimmed = |s: &str| s.trim().to_owned();
        let or_null = |s: &str| {
            if s.trim().is_empty() {
                Value::Null
            } else {
                Value::from(s.trim())
            }
        };

        for format in ExportFormat::ALL {
            assert_safe(&file_name(a, &m, format.extension()));
        }

        // JSON: valid, inert, and every string reads back as given.
        let j = json(a, &answers, &m);
        assert!(!j.contains(['<', '>', '&', '\u{2028}']), "{j}");
        let doc = json_doc(&j);
        for (member, given) in [
            ("organisation", &m.organisation),
            ("role", &m.role),
            ("date", &m.date),
            ("share_code", &m.share_code),
        ] {
            assert_eq!(
                doc.get(member),
                Some(&or_null(given.as_deref().unwrap())),
                "{member}"
            );
        }
        let list = doc["answers"].as_array().expect("answers");
        assert_eq!(list.len(), 13);
        for (item, note) in list.iter().zip(&answers.notes) {
            assert_eq!(item.get("notes"), Some(&or_null(note)));
        }

        // CSV: parses back to 14 rows of every column; notes as given, bar
        // the apostrophe before a formula.
        let out = csv(a, &answers, &m);
        let rows = csv_rows(&out);
        assert_eq!(rows.len(), 14);
        for (i, row) in rows[1..].iter().enumerate() {
            assert_eq!(row.len(), CSV_COLUMNS.len());
            let note = trimmed(&answers.notes[i]);
            let expected = if note.starts_with(['=', '+', '-', '@']) {
                format!("'{note}")
            } else {
                note
            };
            assert_eq!(row[11], expected);
        }

        // Markdown: tables keep their shape (the sections table's head,
        // rule and 2 rows of 4 cells; the answers table's head, rule and 13
        // rows of 5) and every `<` is escaped.
        let md = markdown(a, &answers, &m);
        let mut pipes: Vec<usize> = md
            .lines()
            .filter(|l| l.starts_with('|'))
            .map(unescaped_pipes)
            .collect();
        pipes.sort_unstable();
        assert_eq!(pipes, [[5; 4].as_slice(), &[6; 15]].concat(), "{md}");
        for (at, _) in md.match_indices('<') {
            assert!(md[..at].ends_with('\\') || md[at..].starts_with("<https://"));
        }
        assert!(!md.contains(['\0', '\u{7f}', '\t']));
    }
}

// ---------------------------------------------------------------------------
// Markdown contents
// ---------------------------------------------------------------------------

#[test]
fn markdown_is_a_board_paper() {
    let a = default_assessment();
    let answers = with_note(mixed_answers(), 10, "Ask the CIO.");
    let m = meta("Leeds Teaching Hospitals", "Non-executive", "2026-11-21");
    let md = markdown(a, &answers, &m);
    let results = score(a, &answers);

    assert!(md.starts_with("# Digital strategy board self-assessment: results\n\n"));
    assert!(md.contains("- **Organisation:** Leeds Teaching Hospitals\n"));
    assert!(md.contains("- **Role:** Non-executive\n"));
    assert!(md.contains("- **Date:** 2026-11-21\n"));
    assert!(md.contains("- **Assessment:** board-digital-strategy, version 1\n"));
    assert!(md.contains("## Overall stage: Siloed\n"));
    let sentence = tally_sentence(&results.overall);
    assert_eq!(
        sentence,
        "14 of 22 points from 11 scored answers (average 1.3 of 2); 2 don’t know."
    );
    assert!(md.contains(&sentence));
    assert!(md.contains("Assurance gaps: 2 questions answered “Don’t know”"));

    // The consistency flag.
    assert!(md.contains("## Answers that disagree"));
    assert!(md.contains(&format!(
        "**Important:** {}",
        a.consistency_checks[0].message
    )));
    assert!(md.contains(
        "Answer to “How integrated are your digital and business strategies?”: Absent. Section “Where digital sits in your trust strategy” overall: Embedded (average 2.0 of 2 from 3 answers with a level)."
    ));

    // The section table.
    assert!(md.contains("| Section | Stage | Score | Don’t know |\n| --- | --- | --- | ---: |\n"));
    assert!(md.contains(
        "| Where digital sits in your trust strategy | Embedded | 6 of 6 points (average 2.0 of 2) | 0 |\n"
    ));
    assert!(
        md.contains("| Questions for boards | Siloed | 8 of 16 points (average 1.0 of 2) | 2 |\n")
    );

    // The answers table.
    assert!(md.contains("| No. | Section | Question | Answer | Notes |\n"));
    assert!(md.contains(
        "| 11 | Questions for boards | Can you explain how your organisation’s digital strategy aligns with your system strategy? | Don’t know | Ask the CIO. |\n"
    ));
    assert!(md.contains(
        "| 1 | Where digital sits in your trust strategy | How does digital feature in your trust’s business strategies and plans? | Embedded |  |\n"
    ));

    // For discussion: the guide's prompts, in discussion order.
    let order = discussion_order(&answers);
    assert_eq!(order, vec![5, 10, 3, 7, 4, 6, 9, 11]);
    let discussion = &md[md.find("## For discussion").expect("discussion")..];
    let listed: Vec<&str> = discussion
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.split_once(". **")?;
            n.parse::<usize>().ok()?;
            rest.strip_suffix("**")
        })
        .collect();
    let expected: Vec<&str> = order
        .iter()
        .map(|&i| a.question(i).expect("question").question.text)
        .collect();
    assert_eq!(listed, expected);
    let mut at = 0;
    for &i in &order {
        let prompt = a.question(i).expect("question").question.discuss;
        let found = discussion[at..].find(prompt).expect("prompt in order");
        at += found + prompt.len();
    }
    assert!(discussion.contains("   Question 11 · Questions for boards · Don’t know\n"));
    assert!(discussion.contains("   Notes: Ask the CIO.\n"));
    assert!(
        !discussion.contains("What could go wrong?"),
        "Embedded is not listed"
    );

    // How we scored this, and the credit.
    assert!(md.contains("## How we scored this"));
    for paragraph in METHOD {
        assert!(md.contains(paragraph), "{paragraph}");
    }
    assert!(md.trim_end().ends_with(
        &format!(
            "Source: *Building a digital strategy*, NHS Providers and Public Digital, March 2021 (<https://www.nhsproviders.org/building-a-digital-strategy>). {}",
            default_assessment().source.credit
        )
    ));
}

#[test]
fn markdown_without_meta_or_answers_says_so() {
    let md = markdown(
        default_assessment(),
        &Answers::empty(13),
        &ExportMeta::default(),
    );
    assert!(!md.contains("**Organisation:**"));
    assert!(!md.contains("**Role:**"));
    assert!(!md.contains("**Date:**"));
    assert!(md.contains("## Overall stage: Not enough answers\n"));
    assert!(md.contains("\nThere is no overall stage: a stage needs at least 7 of the 13 questions answered with a level (not “Don’t know”), and 0 are.\n"));
    assert!(md.contains("Not answered: 13 questions."));
    assert!(md.contains("None: no checked pair of answers is two levels apart."));
    assert!(md.contains("| Not answered |  |"));

    let all_embedded = Answers::from_responses(vec![E; 13]);
    let md = markdown(default_assessment(), &all_embedded, &ExportMeta::default());
    assert!(md.contains("## Overall stage: Embedded\n"));
    assert!(!md.contains("There is no overall stage"));
    assert!(md.contains("Assurance gaps: none"));
    assert!(md.contains("Every answer was Embedded."));
}

// ---------------------------------------------------------------------------
// File names and formats
// ---------------------------------------------------------------------------

fn assert_safe(name: &str) {
    assert!(
        name.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.'),
        "{name}"
    );
    assert_eq!(name.matches('.').count(), 1, "{name}");
    assert!(!name.starts_with(['-', '.']), "{name}");
    assert!(!name.contains("--"), "{name}");
    assert!(name.len() <= 120, "{name}");
}

#[test]
fn file_names_are_safe_for_hostile_organisation_names() {
    let a = default_assessment();
    let plain = ExportMeta {
        date: Some("2026-11-21".to_owned()),
        ..ExportMeta::default()
    };
    assert_eq!(
        file_name(a, &plain, "md"),
        "digital-strategy-board-self-assessment-2026-11-21.md"
    );
    assert_eq!(
        file_name(a, &ExportMeta::default(), "json"),
        "digital-strategy-board-self-assessment.json"
    );
    let cases = [
        ("../../etc/passwd", "etc-passwd-"),
        ("A/B:C*?", "a-b-c-"),
        ("C:\\Windows\\System32", "c-windows-system32-"),
        ("CON", "con-"),
        ("<script>alert(1)</script>", "script-alert-1-script-"),
        (
            "Ysbyty Gwynedd – Betsi Cadwaladr",
            "ysbyty-gwynedd-betsi-cadwaladr-",
        ),
        ("....", ""),
        ("🙂 / \u{0} \n", ""),
        ("   ", ""),
    ];
    for (organisation, prefix) in cases {
        let m = meta(organisation, "Chair", "2026-11-21");
        for format in ExportFormat::ALL {
            let name = file_name(a, &m, format.extension());
            assert_safe(&name);
            assert_eq!(
                name,
                format!(
                    "{prefix}digital-strategy-board-self-assessment-2026-11-21.{}",
                    format.extension()
                )
            );
        }
    }
    let long = meta(&"Very long trust name ".repeat(20), "", "2026-11-21");
    let name = file_name(a, &long, "csv");
    assert_safe(&name);
    assert!(name.starts_with("very-long-trust-name-very-long-trust-digital-"));

    // Long names are cut at a word boundary, never mid-word.
    let harrogate = meta(
        "Harrogate and District NHS Foundation Trust",
        "",
        "2026-11-21",
    );
    assert_eq!(
        file_name(a, &harrogate, "md"),
        "harrogate-and-district-nhs-foundation-digital-strategy-board-self-assessment-2026-11-21.md"
    );
    // A first word longer than the limit is cut (there is no boundary).
    let one_word = meta(&"X".repeat(50), "", "");
    assert_eq!(
        file_name(a, &one_word, "md"),
        format!(
            "{}-digital-strategy-board-self-assessment.md",
            "x".repeat(40)
        )
    );

    // Dates not in the form YYYY-MM-DD, and odd extensions.
    for date in [
        "../../x",
        "2026/11/21",
        "21-11-2026",
        "2026-13-01",
        "2026-11-21x",
    ] {
        let name = file_name(a, &meta("Trust", "", date), "md");
        assert_eq!(
            name, "trust-digital-strategy-board-self-assessment.md",
            "{date}"
        );
    }
    assert_eq!(
        file_name(a, &ExportMeta::default(), "../EXE"),
        "digital-strategy-board-self-assessment.exe"
    );
    assert_eq!(
        file_name(a, &ExportMeta::default(), ""),
        "digital-strategy-board-self-assessment.txt"
    );
    assert_eq!(
        file_name(&TINY, &ExportMeta::default(), "csv"),
        "tiny-check.csv"
    );
}

#[test]
fn each_format_renders_its_own_file() {
    let a = default_assessment();
    let answers = mixed_answers();
    let m = meta("Trust", "Chair", "2026-11-21");
    assert_eq!(
        ExportFormat::Markdown.render(a, &answers, &m),
        markdown(a, &answers, &m)
    );
    assert_eq!(
        ExportFormat::Csv.render(a, &answers, &m),
        csv(a, &answers, &m)
    );
    assert_eq!(
        ExportFormat::Json.render(a, &answers, &m),
        json(a, &answers, &m)
    );
    let extensions = ExportFormat::ALL.map(ExportFormat::extension);
    assert_eq!(extensions, ["md", "csv", "json"]);
    assert_eq!(ExportFormat::Csv.media_type(), "text/csv;charset=utf-8");
    assert_eq!(ExportFormat::Json.media_type(), "application/json");
}

#[test]
fn the_download_readers_are_strict() {
    // serde_json refuses whatever RFC 8259 does not allow.
    let bad = [
        "",
        "{",
        "{\"a\":1,}",
        "[1,]",
        "[01]",
        "[1.]",
        "[-]",
        "{'a':1}",
        "{\"a\" 1}",
        "\"tab\there\"",
        "\"\\x\"",
        "\"\\ud800\"",
        "nul",
        "[1] 2",
        "[+1]",
    ];
    for text in bad {
        assert!(
            std::panic::catch_unwind(|| json_doc(text)).is_err(),
            "accepted {text:?}"
        );
    }
    // A repeated member name is valid JSON, which serde_json takes (the
    // last one wins); we never write one, so the reader refuses it.
    for text in [
        "{\"a\":1,\"a\":2}",
        "{\"a\":[{\"b\":1,\"c\":{\"b\":1,\"b\":1}}]}",
    ] {
        assert!(serde_json::from_str::<Value>(text).is_ok(), "{text}");
        assert!(
            std::panic::catch_unwind(|| json_doc(text)).is_err(),
            "accepted {text:?}"
        );
    }
    let text = " {\"z\": [1, -2.5e3, true, false, null, \"\\u00e9\\ud83d\\ude42\\n\"], \"a\": {}} ";
    assert_eq!(
        json_doc(text),
        serde_json::json!({"z": [1, -2.5e3, true, false, null, "é🙂\n"], "a": {}})
    );
    assert_eq!(json_member_names(text), ["z", "a"], "in the order written");

    // CSV: RFC 4180, CRLF after every record, quotes only where needed.
    assert_eq!(
        csv_rows("\u{feff}a,\"b,\"\"c\"\"\r\nd\",\r\n'=1,é 🙂,\"\"\"\"\r\n"),
        [["a", "b,\"c\"\r\nd", ""], ["'=1", "é 🙂", "\""]]
    );
    let bad = [
        "a,b\r\n",                    // no byte order mark
        "\u{feff}a,b\nc,d\r\n",       // a bare LF ends a record
        "\u{feff}a,b\rc,d\r\n",       // a bare CR ends a record
        "\u{feff}a,b\r\nc,d",         // no CRLF after the last record
        "\u{feff}a,b\r\n\r\nc,d\r\n", // a blank line
        "\u{feff}a,b\r\nc\r\n",       // a short record
        "\u{feff}a\"b,c\r\n",         // a quote in an unquoted field
        "\u{feff}\"a\"b,c\r\n",       // text after a closing quote
        "\u{feff}\"a,b\r\n",          // a quoted field left open
        "\u{feff}\"a\",b\r\n",        // quoted for no reason
    ];
    for text in bad {
        assert!(
            std::panic::catch_unwind(|| csv_rows(text)).is_err(),
            "accepted {text:?}"
        );
    }
}

/// Two actions as the action form makes them, one with markup, a formula
/// and non-ASCII text.
fn sample_actions() -> Vec<Commitment> {
    vec![
        Commitment {
            what: "=Publish the strategy <b>for staff</b> | now".to_owned(),
            lead: "Chief digital officer – Zoë".to_owned(),
            by: MonthYear::new(2027, 3),
            measure: "60% of staff know the mission ✓".to_owned(),
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

#[test]
fn the_board_s_actions_are_in_every_format() {
    let a = default_assessment();
    let m = ExportMeta {
        actions: sample_actions(),
        ..meta("Trust A", "Non-executive", "2026-12-07")
    };
    let answers = mixed_answers();

    // Markdown: a table after For discussion, user text inert.
    let md = markdown(a, &answers, &m);
    let at = md.find("## Actions agreed").expect("an actions section");
    assert!(md.find("## For discussion").unwrap() < at);
    assert!(at < md.find("## How we scored this").unwrap());
    assert!(
        md.contains("| No. | Action | Lead | By when | How we will know | Questions | Status |")
    );
    assert!(md.contains(
        "| 1 | =Publish the strategy \\<b\\>for staff\\</b\\> \\| now | Chief digital officer – Zoë | March 2027 | 60% of staff know the mission ✓ | 5, 13 | In progress |"
    ), "{md}");
    assert!(md.contains("| 2 | Agree what we will not do | Board |  |  |  |  |"));
    // Without actions there is no section.
    assert!(!markdown(a, &answers, &meta("T", "R", "2026-12-07")).contains("Actions agreed"));

    // CSV: one row per action after the questions, formula-safe.
    let rows = csv_rows(&csv(a, &answers, &m));
    assert_eq!(rows.len(), 1 + 13 + 2);
    let column = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    assert!(
        rows[1..14]
            .iter()
            .all(|r| r[column("record")] == "question")
    );
    let first = &rows[14];
    assert_eq!(first[column("record")], "action");
    assert_eq!(first[column("organisation")], "Trust A");
    assert_eq!(first[column("question_id")], "");
    assert_eq!(first[column("action_number")], "1");
    assert_eq!(
        first[column("action")],
        "'=Publish the strategy <b>for staff</b> | now"
    );
    assert_eq!(first[column("action_lead")], "Chief digital officer – Zoë");
    assert_eq!(first[column("action_due")], "2027-03");
    assert_eq!(
        first[column("action_measure")],
        "60% of staff know the mission ✓"
    );
    assert_eq!(first[column("action_questions")], "5; 13");
    assert_eq!(first[column("action_status")], "In progress");
    assert_eq!(rows[15][column("action_due")], "");

    // JSON: every field, questions by id, nulls where not given.
    let doc: Value = serde_json::from_str(&json(a, &answers, &m)).expect("valid JSON");
    let list = doc["actions"].as_array().expect("actions");
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["number"], 1);
    assert_eq!(
        list[0]["what"],
        "=Publish the strategy <b>for staff</b> | now"
    );
    assert_eq!(list[0]["due"], "2027-03");
    assert_eq!(list[0]["status"], "in_progress");
    assert_eq!(
        list[0]["question_ids"],
        serde_json::json!([
            a.question(4).unwrap().question.id,
            a.question(12).unwrap().question.id
        ])
    );
    assert_eq!(list[1]["due"], Value::Null);
    assert_eq!(list[1]["measure"], Value::Null);
    assert_eq!(list[1]["status"], Value::Null);
    assert_eq!(list[1]["question_ids"], serde_json::json!([]));
}
