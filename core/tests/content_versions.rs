//! Results made with an earlier content version open in a later one,
//! matched by question id (issue 16, "Content that changes").
//!
//! The build compiles only `assessments/`, so the version 1 and version 2
//! fixtures (`tests/fixtures/versions/`) are read here through the same
//! checking code the build runs (`build/assessment_file.rs`) and turned into
//! `Assessment` values the codecs take, as `generate_rust` would write them.
//! Links, compare links and JSON files made with version 1 are then decoded
//! against version 2, and version 2's against version 1.

#[path = "../build/assessment_file.rs"]
#[allow(dead_code)]
mod assessment_file;

use assessment_file::{CheckedFile, check_file, generate_rust};
use digital_board_core::actions::{Commitment, MonthYear, Status};
use digital_board_core::compare::{self, Comparison, Entry, Mode};
use digital_board_core::date::Date;
use digital_board_core::export::{self, ExportMeta};
use digital_board_core::label::{Label, Role};
use digital_board_core::model::{
    Assessment, EarlierVersion, Level, Question, Section, Source, VersionChange,
};
use digital_board_core::scoring::{Answers, Response, score};
use digital_board_core::share::{self, ShareError, SharedResult};
use digital_board_core::text::versions::Sentence;

fn leak(text: &str) -> &'static str {
    Box::leak(text.to_owned().into_boxed_str())
}

fn leak_all(texts: &[&str]) -> &'static [&'static str] {
    Box::leak(
        texts
            .iter()
            .map(|t| leak(t))
            .collect::<Vec<_>>()
            .into_boxed_slice(),
    )
}

/// A fixture file, checked as the build checks it.
fn checked(name: &str) -> CheckedFile {
    let path = format!(
        "{}/tests/fixtures/versions/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let source = std::fs::read_to_string(&path).expect("fixture");
    check_file(name, &source).unwrap_or_else(|d| panic!("{d}"))
}

/// The `Assessment` the build would generate from a checked file (the
/// fields these tests need; no consistency checks or commitments).
fn assessment(file: &CheckedFile) -> &'static [Assessment] {
    let c = &file.content;
    let sections: Vec<Section> = (c.sections.get_ref().iter())
        .map(|s| Section {
            id: leak(s.id.get_ref()),
            title: leak(s.title.get_ref()),
            intro: leak(s.intro.get_ref()),
            questions: Box::leak(
                (s.questions.get_ref().iter())
                    .map(|q| Question {
                        id: leak(q.id.get_ref()),
                        text: leak(q.text.get_ref()),
                        hint: leak_all(&[q.hint.get_ref()]),
                        levels: [
                            leak(q.absent.get_ref()),
                            leak(q.siloed.get_ref()),
                            leak(q.embedded.get_ref()),
                        ],
                        discuss: leak(q.discuss.get_ref()),
                    })
                    .collect::<Vec<_>>()
                    .into_boxed_slice(),
            ),
        })
        .collect();
    let earlier: Vec<EarlierVersion> = (c.earlier_versions.iter())
        .map(|e| EarlierVersion {
            version: u16::try_from(*e.version.get_ref()).expect("checked"),
            questions: leak_all(&e.question_ids()),
            changed_meaning: leak_all(&e.changed_meaning()),
        })
        .collect();
    let one = Assessment {
        id: leak(c.id.get_ref()),
        version: u16::try_from(*c.version.get_ref()).expect("checked"),
        title: leak(c.title.get_ref()),
        is_default: c.default,
        description: leak(c.description.get_ref()),
        source: Source {
            title: leak(c.source.title.get_ref()),
            publisher: leak(c.source.publisher.get_ref()),
            published: leak(c.source.published.get_ref()),
            url: leak(c.source.url.get_ref()),
            credit: leak(c.source.credit.get_ref()),
        },
        stages: [
            leak(c.stages.absent.get_ref()),
            leak(c.stages.siloed.get_ref()),
            leak(c.stages.embedded.get_ref()),
        ],
        sections: Box::leak(sections.into_boxed_slice()),
        consistency_checks: &[],
        commitments: None,
        earlier_versions: Box::leak(earlier.into_boxed_slice()),
    };
    Box::leak(vec![one].into_boxed_slice())
}

fn v1() -> &'static [Assessment] {
    assessment(&checked("v1.toml"))
}

fn v2() -> &'static [Assessment] {
    assessment(&checked("v2.toml"))
}

const A: Option<Response> = Some(Response::Level(Level::Absent));
const S: Option<Response> = Some(Response::Level(Level::Siloed));
const E: Option<Response> = Some(Response::Level(Level::Embedded));
const D: Option<Response> = Some(Response::DontKnow);

/// Version 1's questions: strategy, budgets, leadership, skills.
/// Version 2's: measures (added), strategy, skills (new meaning), budgets
/// (reworded, same meaning); leadership removed.
const V1_ANSWERS: [Option<Response>; 4] = [E, S, A, D];

fn action(questions: Vec<usize>) -> Commitment {
    Commitment {
        what: "Put digital in the strategy".to_owned(),
        lead: "Chief executive".to_owned(),
        by: MonthYear::new(2027, 3),
        measure: String::new(),
        questions,
        status: Some(Status::InProgress),
    }
}

/// A version 1 result with a note on every question, a label, a date and
/// two actions.
fn v1_result(v1: &'static [Assessment]) -> SharedResult {
    let answers = Answers {
        responses: V1_ANSWERS.to_vec(),
        notes: ["On strategy", "On budgets", "On leadership", "On skills"]
            .map(str::to_owned)
            .to_vec(),
    };
    let label = Label {
        organisation: "RX1 Trust".to_owned(),
        role: Role::Board,
    };
    SharedResult::new(&v1[0], answers, Some(label), Some(Date::from_days(2500)))
        .expect("complete")
        .with_actions(vec![action(vec![0, 2]), action(vec![1, 3])])
        .expect("well formed")
}

#[test]
fn the_fixtures_are_valid_and_the_build_writes_the_earlier_version() {
    let rust = generate_rust(&[checked("v2.toml")]);
    assert!(
        rust.contains(
            r#"crate::model::EarlierVersion { version: 1, questions: &["strategy", "budgets", "leadership", "skills"], changed_meaning: &["skills"] }"#
        ),
        "{rust}"
    );
    assert!(generate_rust(&[checked("v1.toml")]).contains("earlier_versions: &[\n  ],"));
}

#[test]
fn changes_since_matches_questions_by_id() {
    let v2 = &v2()[0];
    let change = v2.changes_since(1).expect("version 1 is listed");
    assert_eq!(
        change,
        VersionChange {
            from: 1,
            // strategy → 1, budgets → 3, leadership removed, skills changed.
            moves_to: vec![Some(1), Some(3), None, None],
            added: 1,
            removed: 1,
            changed: 1,
        }
    );
    assert_eq!(v2.changes_since(2), None, "its own version is not earlier");
    assert_eq!(v2.changes_since(3), None);
    assert_eq!(v1()[0].changes_since(0), None);
    assert_eq!(
        Sentence::MadeWithEarlier(&change).text(),
        "This result was made with an earlier version of the questions: 1 question added since is unanswered; 1 question whose meaning changed is unanswered; 1 removed question was left out."
    );
}

#[test]
fn a_version_1_link_opens_in_version_2_by_question_id() {
    let (v1, v2) = (v1(), v2());
    let payload = share::encode(&v1_result(v1));
    // Before this change: Err(ContentVersion { link: 1, ours: 2 }).
    let result = share::decode(&payload, v2).expect("an earlier version opens");
    assert!(std::ptr::eq(result.assessment(), &v2[0]));
    let answers = result.answers();
    // measures (added): unanswered; strategy: E; skills (meaning changed):
    // unanswered; budgets (same meaning): S. Leadership's A is left out.
    assert_eq!(answers.responses, vec![None, E, None, S]);
    assert_eq!(answers.notes, ["", "On strategy", "", "On budgets"]);
    // Actions follow their questions; leadership (removed) and skills (its
    // meaning changed) are no longer linked.
    assert_eq!(
        result.actions(),
        [action(vec![1]), action(vec![3])].as_slice()
    );
    assert_eq!(result.label().map(|l| l.role), Some(Role::Board));
    assert_eq!(result.date(), Some(Date::from_days(2500)));
    let change = result.version_change().expect("says what happened");
    assert_eq!(
        (change.from, change.added, change.removed, change.changed),
        (1, 1, 1, 1)
    );
    assert!(
        Sentence::MadeWithEarlier(change)
            .text()
            .starts_with("This result was made with an earlier version of the questions: ")
    );

    // The page can show it: scoring counts the unanswered apart.
    let results = score(&v2[0], answers);
    assert_eq!(results.overall.unanswered, 2);

    // Shared on as it is (its JSON file, "Edit a copy", the handover), the
    // unanswered questions stay unanswered, not "Don't know".
    let again = share::encode(&result);
    let reread = share::decode(&again, v2).expect("reads back");
    assert_eq!(reread.answers(), answers);
    assert_eq!(reread.actions(), result.actions());
    assert_eq!(reread.version_change(), None, "now a version 2 result");
}

#[test]
fn a_version_2_link_in_version_1_says_it_is_newer() {
    let (v1, v2) = (v1(), v2());
    let result = share::decode(&share::encode(&v1_result(v1)), v2).expect("opens");
    let error = share::decode(&share::encode(&result), v1).expect_err("newer");
    assert_eq!(error, ShareError::ContentVersion { link: 2, ours: 1 });
    assert!(
        error.message().contains("made with a newer version"),
        "{}",
        error.message()
    );
}

#[test]
fn an_unlisted_earlier_version_is_still_refused() {
    let v2 = v2();
    // Version 2's file without its [[earlier_versions]] entry would not
    // build; an assessment at version 3 listing only version 2 stands in.
    let v3 = Box::leak(Box::new([Assessment {
        version: 3,
        earlier_versions: Box::leak(Box::new([EarlierVersion {
            version: 2,
            questions: leak_all(&["measures", "strategy", "skills", "budgets"]),
            changed_meaning: &[],
        }])),
        ..clone_assessment(&v2[0])
    }]));
    let payload = share::encode(&v1_result(v1()));
    assert_eq!(
        share::decode(&payload, v3).expect_err("version 1 is not listed"),
        ShareError::ContentVersion { link: 1, ours: 3 }
    );
}

fn clone_assessment(a: &Assessment) -> Assessment {
    Assessment {
        id: a.id,
        version: a.version,
        title: a.title,
        is_default: a.is_default,
        description: a.description,
        source: Source { ..a.source },
        stages: a.stages,
        sections: a.sections,
        consistency_checks: a.consistency_checks,
        commitments: a.commitments,
        earlier_versions: a.earlier_versions,
    }
}

#[test]
fn the_unanswered_part_is_checked() {
    let (v1, v2) = (v1(), v2());
    let result = share::decode(&share::encode(&v1_result(v1)), v2).expect("opens");
    let payload = share::encode(&result);
    let bytes = share::encoding::base64url_decode(&payload).expect("base64url");
    // The last byte before the checksum is the unanswered part: questions
    // 1 and 3 (0b1010_0000).
    let at = bytes.len() - 3;
    assert_eq!(bytes[at], 0b1010_0000);
    for (bits, why) in [
        (0, "none unanswered"),
        (0b0100_0000, "an answered question marked unanswered"),
        (0b1010_1000, "a spare bit"),
    ] {
        let mut edited = bytes.clone();
        edited[at] = bits;
        let len = edited.len();
        let crc = share::encoding::crc16(&edited[..len - 2]).to_be_bytes();
        edited[len - 2..].copy_from_slice(&crc);
        let edited = share::encoding::base64url_encode(&edited);
        assert_eq!(
            share::decode(&edited, v2),
            Err(ShareError::InvalidAnswers),
            "{why}"
        );
    }
}

fn entry(name: &str, responses: &[Option<Response>]) -> Entry {
    Entry {
        name: name.to_owned(),
        organisation: "RX1 Trust".to_owned(),
        role: Role::NonExecutive,
        date: Some(Date::from_days(2400)),
        responses: responses.to_vec(),
        actions: Vec::new(),
    }
}

#[test]
fn a_version_1_compare_link_opens_in_version_2() {
    let (v1, v2) = (v1(), v2());
    let comparison = Comparison {
        assessment: &v1[0],
        mode: Mode::Board,
        entries: vec![entry("Ann", &V1_ANSWERS), entry("Bob", &[A, A, E, S])],
    };
    let payload = compare::codec::encode(&comparison);
    // Before this change: Err(ContentVersion { link: 1, ours: 2 }).
    let opened = compare::codec::decode(&payload, v2).expect("an earlier version opens");
    assert!(std::ptr::eq(opened.assessment, &v2[0]));
    assert_eq!(opened.mode, Mode::Board);
    let answers: Vec<_> = opened.entries.iter().map(|e| e.responses.clone()).collect();
    assert_eq!(answers, [vec![None, E, None, S], vec![None, A, None, A]]);
    assert_eq!(opened.entries[1].name, "Bob");
    let (_, change) = compare::codec::decode_with_change(&payload, v2).expect("opens");
    assert_eq!(
        change,
        v2[0].changes_since(1),
        "the page can say what happened"
    );

    // Compare treats the unanswered as no answer, and every export works.
    let spreads = compare::spreads(&opened);
    assert_eq!(spreads.len(), 4);
    assert!(opened.entries.iter().all(|e| e.response(0).is_none()));
    let markdown = compare::export::markdown(&opened, None, None);
    assert!(
        markdown.contains("Does the board measure digital outcomes?"),
        "{markdown}"
    );
    assert!(!compare::export::csv(&opened).is_empty());
    let json = compare::export::json(&opened);

    // Its link and file carry the unanswered as unanswered.
    let again = compare::codec::decode(&compare::codec::encode(&opened), v2).expect("reads");
    assert_eq!(again.entries, opened.entries);
    let (_, change) =
        compare::codec::decode_with_change(&compare::codec::encode(&opened), v2).expect("reads");
    assert_eq!(change, None, "made with this version");
    let code = compare::codec::json_code(&json)
        .expect("ours")
        .expect("has a code");
    let payload = compare::codec::payload_from_fragment(&code).expect("a compare code");
    assert_eq!(
        compare::codec::decode(payload, v2).expect("reads").entries,
        opened.entries
    );

    // And version 2's compare link in version 1 is newer.
    let newer = compare::codec::decode(&compare::codec::encode(&opened), v1).expect_err("newer");
    assert_eq!(newer, ShareError::ContentVersion { link: 2, ours: 1 });
}

#[test]
fn a_version_1_json_file_opens_in_version_2() {
    let (v1, v2) = (v1(), v2());
    let result = v1_result(v1);
    let meta = ExportMeta {
        share_code: Some(share::encode(&result)),
        actions: result.actions().to_vec(),
        ..ExportMeta::default()
    };
    let json = export::json(&v1[0], result.answers(), &meta);
    // What the compare page reads of a results file: its share code.
    let code = compare::codec::json_code(&json)
        .expect("ours")
        .expect("has a code");
    let payload = share::payload_from_fragment(&code).expect("a share code");
    let opened = share::decode(payload, v2).expect("an earlier version opens");
    assert_eq!(opened.answers().responses, vec![None, E, None, S]);
    assert!(opened.version_change().is_some());
    let entry = Entry::from_shared(&opened, "Ann");
    assert_eq!(entry.responses, vec![None, E, None, S]);

    // Exported again from version 2, its answers and code agree: null for
    // the unanswered in both.
    let meta = ExportMeta {
        share_code: Some(share::encode(&opened)),
        ..ExportMeta::default()
    };
    let json = export::json(&v2[0], opened.answers(), &meta);
    assert_eq!(json.matches("\"answer\": null").count(), 2, "{json}");
    assert!(!export::markdown(&v2[0], opened.answers(), &meta).is_empty());
    assert!(!export::csv(&v2[0], opened.answers(), &meta).is_empty());
}

/// The shipped assessment is at version 1: a JSON file of version 2 (its
/// code made by a newer widget) is read as "made with a newer version".
#[test]
fn a_json_file_of_a_newer_version_says_so() {
    use digital_board_core::compare::collect::{Collection, Origin};
    use digital_board_core::content::default_assessment;
    let assessment = default_assessment();
    let count = assessment.question_count();
    let result = SharedResult::new(
        assessment,
        Answers::from_responses(vec![E; count]),
        None,
        None,
    )
    .expect("complete");
    let code = share::encode(&result);
    // The same result, as a widget with content version + 1 writes it.
    let mut bytes = share::encoding::base64url_decode(&code).expect("base64url");
    let version_at = 5; // format, length, flags, hash (2): then the version.
    let newer = assessment.version + 1;
    bytes[version_at..version_at + 2].copy_from_slice(&newer.to_be_bytes());
    let len = bytes.len();
    let crc = share::encoding::crc16(&bytes[..len - 2]).to_be_bytes();
    bytes[len - 2..].copy_from_slice(&crc);
    let newer_code = share::encoding::base64url_encode(&bytes);
    let meta = ExportMeta {
        share_code: Some(newer_code),
        ..ExportMeta::default()
    };
    let json = export::json(assessment, result.answers(), &meta).replacen(
        &format!("\"version\": {}", assessment.version),
        &format!("\"version\": {newer}"),
        1,
    );
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&json, Origin::File("newer.json")), 0);
    assert_eq!(collection.problems.len(), 1, "{:?}", collection.problems);
    assert!(
        collection.problems[0]
            .message
            .contains("made with a newer version"),
        "{:?}",
        collection.problems
    );
}

#[test]
fn answers_saved_in_version_1_are_read_in_version_2_by_id_and_meaning() {
    use digital_board_core::saved;
    let (v1, v2) = (v1(), v2());
    let result = v1_result(v1);
    let label = result.label().cloned().unwrap_or_default();
    let text = saved::to_text(&v1[0], result.answers(), &label, &[]);
    assert!(text.starts_with("dba-saved 4\nversioned\t1\n"), "{text}");
    let record = saved::from_text(&v2[0], &text).expect("read in version 2");
    // measures (added), strategy, skills (new meaning), budgets (same meaning).
    assert_eq!(record.answers.responses, [None, E, None, S]);
    assert_eq!(record.answers.notes, ["", "On strategy", "", "On budgets"]);
    assert_eq!(record.label, label);

    // A record saved before the version was written (layout 3) is matched
    // by id alone, as it always was.
    let layout_3 = text.replacen("dba-saved 4\nversioned\t1\n", "dba-saved 3\nversioned\n", 1);
    let record = saved::from_text(&v2[0], &layout_3).expect("layout 3");
    assert_eq!(record.answers.responses, [None, E, D, S]);

    // Answers saved by a newer version are not read here (the page keeps
    // them aside); a damaged version number is damage on line 2.
    let newer = saved::to_text(&v2[0], &Answers::empty(4), &label, &[]);
    assert_eq!(
        saved::from_text(&v1[0], &newer),
        Err(saved::SavedError::UnknownFormat)
    );
    let damaged = text.replacen("versioned\t1", "versioned\tone", 1);
    assert_eq!(
        saved::from_text(&v2[0], &damaged),
        Err(saved::SavedError::Damaged { line: 2 })
    );
}

/// What the compare page says of a result made with version 1, opened in
/// version 2: one question added, one whose meaning changed, one removed.
const MADE_WITH_VERSION_1: &str = "This result was made with an earlier version of the questions: 1 question added since is unanswered; 1 question whose meaning changed is unanswered; 1 removed question was left out.";

#[test]
fn the_compare_page_says_which_results_were_made_with_an_earlier_version() {
    use digital_board_core::compare::collect::{Collection, Notice, Origin};
    let (v1, v2) = (v1(), v2());
    let v1_link = share::link("https://x.nhs.uk/a", &share::encode(&v1_result(v1)));
    let comparison = Comparison {
        assessment: &v1[0],
        mode: Mode::Board,
        entries: vec![entry("Ann", &V1_ANSWERS), entry("Bob", &[A, A, E, S])],
    };
    let v1_compare_link =
        compare::codec::link("https://x.nhs.uk/a", &compare::codec::encode(&comparison));
    let today = SharedResult::new(
        &v2[0],
        Answers::from_responses(vec![S, S, S, S]),
        None,
        None,
    )
    .expect("complete");
    let v2_link = share::link("https://x.nhs.uk/a", &share::encode(&today));

    let mut collection = Collection::default();
    let text = format!("Chair: {v1_link}\n{v2_link}\n{v1_compare_link}");
    assert_eq!(collection.add_text_against(&text, Origin::Pasted, v2), 4);
    assert!(collection.problems.is_empty(), "{:?}", collection.problems);
    assert_eq!(
        collection.notices,
        [
            Notice {
                source: "Line 1".to_owned(),
                message: MADE_WITH_VERSION_1.to_owned(),
            },
            Notice {
                source: "Line 3".to_owned(),
                message: MADE_WITH_VERSION_1.to_owned(),
            },
        ],
        "the link made with this version says nothing"
    );
    assert_eq!(collection.entries[0].responses, vec![None, E, None, S]);

    // The next addition says only its own.
    let another = SharedResult::new(
        &v2[0],
        Answers::from_responses(vec![A, S, E, D]),
        None,
        None,
    )
    .expect("complete");
    assert_eq!(
        collection.add_text_against(
            &share::link("https://x.nhs.uk/b", &share::encode(&another)),
            Origin::Pasted,
            v2
        ),
        1
    );
    assert!(collection.notices.is_empty());

    // A compare link opened from the page's address says so too.
    let payload = compare::codec::encode(&comparison);
    let (opened, change) = compare::codec::decode_with_change(&payload, v2).expect("opens");
    let from_link = Collection::from_compare_link(opened, change.as_ref());
    assert_eq!(
        from_link.notices,
        [Notice {
            source: "The compare link".to_owned(),
            message: MADE_WITH_VERSION_1.to_owned(),
        }]
    );
    let (opened, change) = compare::codec::decode_with_change(
        &compare::codec::encode(&from_link.comparison().expect("results")),
        v2,
    )
    .expect("opens");
    assert!(
        Collection::from_compare_link(opened, change.as_ref())
            .notices
            .is_empty()
    );

    // A result already there is not added again, and not noticed again.
    assert_eq!(collection.add_text_against(&v1_link, Origin::Pasted, v2), 0);
    assert!(collection.notices.is_empty());
    assert_eq!(collection.problems.len(), 1);
}

/// A version 1 results file and its code, as version 1's page wrote them.
fn v1_results_file(v1: &'static [Assessment]) -> String {
    let result = v1_result(v1);
    let meta = ExportMeta {
        share_code: Some(share::encode(&result)),
        ..ExportMeta::default()
    };
    export::json(&v1[0], result.answers(), &meta)
}

#[test]
fn a_version_1_results_file_is_checked_answer_by_answer_against_its_code() {
    use digital_board_core::compare::collect::{Collection, Origin};
    let (v1, v2) = (v1(), v2());
    let file = v1_results_file(v1);
    assert_eq!(file.matches("\"answer\": ").count(), 4, "{file}");

    // As written: added, and said to be from an earlier version.
    let mut collection = Collection::default();
    assert_eq!(
        collection.add_text_against(&file, Origin::File("v1.json"), v2),
        1
    );
    assert!(collection.problems.is_empty(), "{:?}", collection.problems);
    assert_eq!(collection.notices.len(), 1);
    assert_eq!(collection.notices[0].source, "File v1.json");
    assert_eq!(collection.notices[0].message, MADE_WITH_VERSION_1);
    assert_eq!(collection.entries[0].responses, vec![None, E, None, S]);

    // Version 1's answers are E, S, A, D (strategy, budgets, leadership,
    // skills): strategy and budgets moved; leadership (removed) and skills
    // (new meaning) are only counted.
    let refused = |edited: &str| {
        let mut collection = Collection::default();
        assert_eq!(
            collection.add_text_against(edited, Origin::File("v1.json"), v2),
            0,
            "{edited}"
        );
        assert_eq!(collection.problems.len(), 1);
        assert!(
            collection.problems[0]
                .message
                .starts_with("This file’s details do not match its share code"),
            "{:?}",
            collection.problems
        );
    };
    let nth_answer = |n: usize| {
        file.match_indices("\"answer\": ")
            .nth(n)
            .map(|(at, key)| at + key.len())
            .expect("four answers")
    };
    let edit = |n: usize, to: &str| {
        let at = nth_answer(n);
        let end = at + file[at..].find([',', '\n', '}']).expect("a value ends");
        format!("{}{to}{}", &file[..at], &file[end..])
    };
    // An answer that moved, changed in the file: refused.
    refused(&edit(0, "\"siloed\""));
    refused(&edit(1, "null"));
    // The removed question's or the changed one's answer edited: not
    // compared (the code has no answer for them today), so still read.
    for n in [2, 3] {
        let mut collection = Collection::default();
        assert_eq!(
            collection.add_text_against(&edit(n, "\"embedded\""), Origin::File("v1.json"), v2),
            1
        );
    }
    // The file says version 2 while its code is version 1's: refused.
    refused(&file.replacen("\"version\": 1", "\"version\": 2", 1));
}
