//! The Word documents read back as Word reads them: the .docx is a zip, and
//! word/document.xml holds the paragraphs (with their styles), the tables
//! and the text. Checked: the headings, the purpose line, the tables and
//! their header rows, the description each member chose, and notes with
//! markup, line breaks, control characters and non-ASCII text carried as
//! text, in full.

use std::io::{Cursor, Read};

use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::{Comparison, Entry, Mode};
use digital_board_core::content::default_assessment;
use digital_board_core::date::Date;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Level;
use digital_board_core::paper;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::SharedResult;
use digital_board_docx::{comparison_document, result_document};

const MARKUP_NOTE: &str = "<b>bold</b> & Zoë’s “plan” ✓ **not bold** | <script>alert(1)</script>";

/// A file's text from a .docx.
fn part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(docx)).expect("a .docx is a zip");
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the .docx"))
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// XML text back to the characters it stands for.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// One paragraph of document.xml: its style and its text (line breaks as
/// "\n").
#[derive(Debug)]
struct Para {
    style: Option<String>,
    text: String,
}

/// Every paragraph of document.xml, in order (a simple reader: enough for
/// what docx-rs writes).
fn paragraphs(xml: &str) -> Vec<Para> {
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        if rest.starts_with("<w:p>") || rest.starts_with("<w:p ") {
            let end = rest.find("</w:p>").expect("paragraph ends");
            let body = &rest[..end];
            let style = body.find("<w:pStyle w:val=\"").map(|at| {
                let value = &body[at + 17..];
                value[..value.find('"').unwrap()].to_owned()
            });
            let mut text = String::new();
            let mut inner = body;
            while let Some(at) = inner.find("<w:") {
                inner = &inner[at..];
                if inner.starts_with("<w:t>") || inner.starts_with("<w:t ") {
                    let open = inner.find('>').unwrap();
                    let close = inner.find("</w:t>").unwrap();
                    text.push_str(&unescape(&inner[open + 1..close]));
                    inner = &inner[close..];
                } else if inner.starts_with("<w:br ") || inner.starts_with("<w:br/") {
                    text.push('\n');
                    inner = &inner[3..];
                } else {
                    inner = &inner[3..];
                }
            }
            out.push(Para { style, text });
            rest = &rest[end..];
        } else {
            rest = &rest[1..];
        }
    }
    out
}

/// The text of each row of each table, cells joined by " | ".
fn tables(xml: &str) -> Vec<Vec<String>> {
    xml.split("<w:tbl>")
        .skip(1)
        .map(|table| {
            let table = &table[..table.find("</w:tbl>").unwrap()];
            table
                .split("<w:tr>")
                .skip(1)
                .map(|row| {
                    row.split("<w:tc>")
                        .skip(1)
                        .map(|cell| {
                            paragraphs(cell)
                                .into_iter()
                                .map(|p| p.text)
                                .collect::<String>()
                        })
                        .collect::<Vec<_>>()
                        .join(" | ")
                })
                .collect()
        })
        .collect()
}

fn headings(xml: &str, style: &str) -> Vec<String> {
    paragraphs(xml)
        .into_iter()
        .filter(|p| p.style.as_deref() == Some(style))
        .map(|p| p.text)
        .collect()
}

/// The pattern of the e2e tests: EEE ASDEASDESA.
fn answers() -> Answers {
    let mut answers = Answers::from_responses(
        "EEEASDEASDESA"
            .chars()
            .map(|c| {
                Some(match c {
                    'A' => Response::Level(Level::Absent),
                    'S' => Response::Level(Level::Siloed),
                    'E' => Response::Level(Level::Embedded),
                    _ => Response::DontKnow,
                })
            })
            .collect(),
    );
    answers.notes[7] = MARKUP_NOTE.to_owned();
    answers.notes[1] = "First line\nsecond line\u{7}with a bell".to_owned();
    // Longer than a share link carries (2,000 bytes): the paper has it all.
    answers.notes[12] = format!("{}end of the long note", "Ζ".repeat(1500));
    answers
}

fn label() -> Label {
    Label {
        organisation: "Zoë’s <Trust> & Partners".to_owned(),
        role: Role::NonExecutive,
    }
}

#[test]
fn a_result_is_a_board_paper_with_headings_tables_descriptions_and_every_note() {
    let assessment = default_assessment();
    let record = paper::result_record(assessment, &answers(), &label(), &[]);
    let docx = result_document(&record, Some("2026-12-07")).expect("a document");
    assert_eq!(&docx[..2], b"PK", "a zip");
    let xml = part(&docx, "word/document.xml");

    assert_eq!(
        headings(&xml, "Heading1"),
        [format!("{}: results", assessment.title)]
    );
    assert_eq!(
        headings(&xml, "Heading2"),
        [
            "Summary",
            "Scores by section",
            "For discussion",
            "Answers by question",
            "How we scored this"
        ]
    );
    assert_eq!(
        headings(&xml, "Heading3"),
        ["Stage by section", "Discuss first", "Answers that disagree"]
    );

    let texts: Vec<String> = paragraphs(&xml).into_iter().map(|p| p.text).collect();
    for line in [
        "Organisation: Zoë’s <Trust> & Partners",
        "Role: Non-executive",
        "Date: 7 December 2026",
        "Purpose: For discussion",
        "Assessment: board-digital-strategy, version 1",
        "Overall stage: Siloed",
    ] {
        assert!(texts.iter().any(|t| t == line), "the paper says {line:?}");
    }

    // The summary: what the stage means, and the first things to discuss
    // (don't-knows 6 and 10, then the Absent answers 4, 8 and 13; 4 is the
    // flagged one, so it leads them).
    assert!(
        texts
            .iter()
            .any(|t| t == assessment.stage_meaning(Level::Siloed))
    );
    let first: Vec<&String> = texts
        .iter()
        .filter(|t| t.starts_with("Question ") && t.contains(" – "))
        .collect();
    let question = |n: usize| assessment.question(n - 1).unwrap().question.text;
    assert_eq!(
        first,
        [
            &format!("Question 6: {} – Don’t know", question(6)),
            &format!("Question 10: {} – Don’t know", question(10)),
            &format!("Question 4: {} – Absent, answers disagree", question(4)),
            &format!("Question 8: {} – Absent", question(8)),
            &format!("Question 13: {} – Absent", question(13)),
        ]
    );

    // Three tables (sections; the answers of each section), each with one
    // header row that repeats on every page.
    let tables = tables(&xml);
    assert_eq!(tables.len(), 3);
    assert_eq!(xml.matches("<w:tblHeader />").count(), 3);
    assert_eq!(tables[0][0], "Section | Stage | Score | Don’t know");
    assert_eq!(
        tables[0][1],
        format!(
            "{} | Embedded | 6 of 6 points (average 2.0 of 2) | 0",
            assessment.sections[0].title
        )
    );
    assert_eq!(
        tables[1][0],
        "No. | Question | Answer | Description chosen | Notes"
    );
    assert_eq!(
        tables[1].len() + tables[2].len(),
        2 + 13,
        "a row per question"
    );

    // Every answer with the description chosen, and the notes as typed.
    let rows: Vec<&String> = tables[1].iter().chain(&tables[2]).collect();
    for placed in assessment.questions() {
        let row = rows
            .iter()
            .find(|r| {
                r.starts_with(&format!(
                    "{} | {} |",
                    placed.index + 1,
                    placed.question.text
                ))
            })
            .unwrap_or_else(|| panic!("a row for question {}", placed.index + 1));
        match answers().response(placed.index) {
            Some(Response::Level(level)) => assert!(
                row.contains(&format!(
                    "| {} | {} |",
                    level.name(),
                    placed.question.descriptor(level)
                )),
                "{row}"
            ),
            _ => assert!(row.contains("| Don’t know |  |"), "{row}"),
        }
    }
    assert!(
        rows.iter()
            .any(|r| r.ends_with(&format!("| {MARKUP_NOTE}")))
    );
    assert!(
        rows.iter()
            .any(|r| r.ends_with("| First line\nsecond line with a bell"))
    );
    assert!(
        rows.iter()
            .any(|r| r.contains(&"Ζ".repeat(1500)) && r.ends_with("end of the long note"))
    );

    // Markup is text: escaped in the XML, never an element.
    assert!(
        xml.contains("&lt;b&gt;bold&lt;/b&gt; &amp; Zoë’s “plan” ✓ **not bold** | &lt;script&gt;")
    );
    assert!(!xml.contains("<b>") && !xml.contains("<script"));
    assert!(!xml.contains('\u{7}'), "no control characters in the XML");

    // For discussion: numbered items with the guide's prompt and the notes.
    let prompt = assessment.question(7).unwrap().question.discuss;
    assert!(texts.iter().any(|t| t == prompt));
    assert!(texts.iter().any(|t| t == &format!("Notes: {MARKUP_NOTE}")));
    assert!(xml.contains("<w:numPr>"), "numbered items");
    // The credit closes the paper.
    let last = texts.iter().rev().find(|t| !t.is_empty()).unwrap();
    assert!(
        last.starts_with("Source: Building a digital strategy, NHS Providers"),
        "{last}"
    );

    // A4, Arial.
    assert!(xml.contains("w:w=\"11906\"") && xml.contains("w:h=\"16838\""));
    assert!(part(&docx, "word/styles.xml").contains("w:ascii=\"Arial\""));
}

#[test]
fn a_shared_result_makes_the_same_paper_as_the_senders() {
    // The shared page has a SharedResult: its record is made the same way.
    let assessment = default_assessment();
    let mut short = answers();
    short.notes[12] = "Short".to_owned();
    let shared = SharedResult::new(assessment, short.clone(), Some(label()), None).unwrap();
    let record = paper::result_record(
        shared.assessment(),
        shared.answers(),
        shared.label().unwrap(),
        &[],
    );
    assert_eq!(
        result_document(&record, None),
        result_document(
            &paper::result_record(assessment, &short, &label(), &[]),
            None
        )
    );
}

#[test]
fn bidi_controls_typed_into_a_name_or_note_do_not_reach_the_paper() {
    // A right-to-left override in the organisation would reverse the
    // paper's own words after it in Word; the letters typed stay.
    let assessment = default_assessment();
    let mut typed = answers();
    typed.notes[0] = "Plan \u{202E}agreed\u{202C} in May \u{2067}ok\u{2069}".to_owned();
    let name = Label {
        organisation: "Leeds \u{202E}Trust".to_owned(),
        role: Role::Executive,
    };
    let record = paper::result_record(assessment, &typed, &name, &[]);
    let xml = part(
        &result_document(&record, None).expect("a document"),
        "word/document.xml",
    );
    for control in [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}',
    ] {
        assert!(
            !xml.contains(control),
            "U+{:04X} left in the paper",
            control as u32
        );
    }
    let text = unescape(&xml);
    assert!(
        text.contains("Leeds Trust"),
        "the name, without the override"
    );
    assert!(
        text.contains("Plan agreed in May ok"),
        "the note, without its controls"
    );
}

#[test]
fn records_that_cannot_be_read_say_why() {
    assert_eq!(
        result_document("not a record", None),
        Err(digital_board_core::saved::SavedError::UnknownFormat
            .message()
            .to_owned())
    );
    assert_eq!(
        result_document("dba-saved 2\nno-such-assessment\n-\t\n", None),
        Err(digital_board_core::saved::SavedError::OtherAssessment
            .message()
            .to_owned())
    );
}

fn entry(pattern: &str, name: &str, role: Role, date: Option<Date>) -> Entry {
    let responses = pattern
        .chars()
        .map(|c| {
            Some(match c {
                'A' => Response::Level(Level::Absent),
                'S' => Response::Level(Level::Siloed),
                'E' => Response::Level(Level::Embedded),
                _ => Response::DontKnow,
            })
        })
        .collect();
    let shared = SharedResult::new(
        default_assessment(),
        Answers::from_responses(responses),
        Some(Label {
            organisation: "Zoë’s <Trust>".to_owned(),
            role,
        }),
        date,
    )
    .unwrap();
    Entry::from_shared(&shared, name)
}

#[test]
fn a_comparison_is_a_board_paper_with_its_tables() {
    let comparison = Comparison {
        assessment: default_assessment(),
        mode: Mode::Board,
        entries: vec![
            entry("EEEASDEASDESA", "Ann <b>", Role::Executive, None),
            entry("AEEASDEASDESS", "Zoë", Role::NonExecutive, None),
            entry("SEEDSDEASDESE", "", Role::NonExecutive, None),
        ],
    };
    let payload = compare_codec::encode(&comparison);
    let link = format!("https://example.nhs.uk/#c={payload}");
    let docx = comparison_document(&payload, Some("2026-12-07"), Some(&link)).unwrap();
    let xml = part(&docx, "word/document.xml");
    assert_eq!(
        headings(&xml, "Heading1"),
        [format!(
            "{}: {}",
            comparison.assessment.title,
            Mode::Board.heading()
        )]
    );
    assert_eq!(
        headings(&xml, "Heading2"),
        [
            "Summary",
            "Results compared",
            "Questions, most disagreement first",
            "How this comparison was worked out"
        ]
    );
    let texts: Vec<String> = paragraphs(&xml).into_iter().map(|p| p.text).collect();
    for line in [
        "Purpose: For discussion",
        "Made on: 7 December 2026",
        &format!("Compare link: {link}"),
    ] {
        assert!(texts.iter().any(|t| t == line), "the paper says {line:?}");
    }
    let tables = tables(&xml);
    assert_eq!(tables.len(), 2);
    assert_eq!(tables[0][0], "Name | Organisation | Role | Date");
    assert_eq!(tables[0][1], "Ann <b> | Zoë’s <Trust> | Executive | ");
    assert_eq!(tables[1].len(), 1 + 13, "a header and a row per question");
    assert!(
        tables[1][0].starts_with(
            "Question | Ann <b> (executive) | Zoë (non-executive) | Non-executive 2 |"
        ),
        "{}",
        tables[1][0]
    );
    // Question 1 is two apart (E, A, S): first by disagreement.
    assert!(tables[1][1].starts_with("1. "), "{}", tables[1][1]);
    assert_eq!(xml.matches("<w:tblHeader />").count(), 2);
    assert!(!xml.contains("<b>"));
}

#[test]
fn comparison_payloads_that_cannot_be_read_say_why_as_links_do() {
    let error = comparison_document("", None, None).unwrap_err();
    assert_eq!(
        error,
        digital_board_core::share::ShareError::Empty.message()
    );
    assert!(comparison_document("AAAA", None, None).is_err());
}

#[test]
fn a_result_with_actions_has_the_actions_table() {
    use digital_board_core::actions::{Commitment, MonthYear, Status};
    let assessment = default_assessment();
    let actions = vec![
        Commitment {
            what: "Publish a one-page strategy <b>for staff</b>".to_owned(),
            lead: "Chief digital officer – Zoë".to_owned(),
            by: MonthYear::new(2027, 3),
            measure: "60% of staff know the mission ✓".to_owned(),
            questions: vec![4],
            status: Some(Status::Done),
        },
        Commitment {
            what: "Agree what we will not do".to_owned(),
            lead: "Board".to_owned(),
            ..Commitment::default()
        },
    ];
    let record = paper::result_record(assessment, &answers(), &label(), &actions);
    let xml = part(
        &result_document(&record, Some("2026-12-07")).expect("a document"),
        "word/document.xml",
    );
    let h2 = headings(&xml, "Heading2");
    let at = h2
        .iter()
        .position(|h| h == "Actions agreed")
        .expect("an actions heading");
    assert_eq!(
        h2.get(at + 1).map(String::as_str),
        Some("How we scored this")
    );
    let table = tables(&xml)
        .into_iter()
        .find(|t| {
            t.first()
                .is_some_and(|h| h.starts_with("No. | Action | Lead"))
        })
        .expect("the actions table");
    assert_eq!(
        table,
        [
            "No. | Action | Lead | By when | How we will know | Questions | Status",
            "1 | Publish a one-page strategy <b>for staff</b> | Chief digital officer – Zoë | March 2027 | 60% of staff know the mission ✓ | 5 | Done",
            "2 | Agree what we will not do | Board |  |  |  | ",
        ]
    );
    // Without actions, no such part.
    let plain = paper::result_record(assessment, &answers(), &label(), &[]);
    let xml = part(&result_document(&plain, None).unwrap(), "word/document.xml");
    assert!(
        !headings(&xml, "Heading2")
            .iter()
            .any(|h| h == "Actions agreed")
    );
}
