//! Input that must not hold the page up, and files that must not be read as
//! something they are not (issue 16): pasted text and chosen files are
//! looked at only so far (bytes, lines, files), problems are listed only so
//! far and the rest counted, lines with no link at all are passed over with
//! a count, and a JSON file whose details disagree with its code is refused.

use digital_board_core::compare::collect::{
    Collection, FileInput, MAX_FILES, MAX_INPUT_BYTES, MAX_LINES, MAX_PROBLEMS,
    MAX_SHOWN_PASTE_BYTES, MAX_SHOWN_PASTE_LINES, MAX_TOTAL_BYTES, Origin, Problem, Skipped,
    reading_plan, shown_in_box,
};
use digital_board_core::compare::export as compare_export;
use digital_board_core::compare::{Comparison, Entry, Mode};
use digital_board_core::content::default_assessment;
use digital_board_core::export::{self, ExportMeta};
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Level;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::share::{self, SharedResult};

const BASE: &str = "https://intranet.example.nhs.uk/board/assess/";

fn result(seed: usize, organisation: &str) -> SharedResult {
    let count = default_assessment().question_count();
    let responses = (0..count)
        .map(|i| {
            Some(match (i + seed) % 4 {
                0 => Response::Level(Level::Absent),
                1 => Response::Level(Level::Siloed),
                2 => Response::Level(Level::Embedded),
                _ => Response::DontKnow,
            })
        })
        .collect();
    let label = Some(Label {
        organisation: organisation.to_owned(),
        role: Role::Executive,
    });
    SharedResult::new(
        default_assessment(),
        Answers::from_responses(responses),
        label,
        None,
    )
    .expect("a complete result")
}

fn link(seed: usize) -> String {
    share::link(BASE, &share::encode(&result(seed, "Leeds")))
}

fn results_file(seed: usize) -> String {
    let result = result(seed, "Leeds");
    export::json(
        default_assessment(),
        result.answers(),
        &ExportMeta {
            organisation: Some("Leeds".to_owned()),
            role: Some("Executive".to_owned()),
            date: None,
            share_code: Some(share::encode(&result)),
            actions: Vec::new(),
        },
    )
}

fn messages(collection: &Collection) -> Vec<&str> {
    collection
        .problems
        .iter()
        .map(|p| p.message.as_str())
        .collect()
}

const NOTHING_PASTED: &str = "Paste at least one results link, one per line.";
const DISAGREES: &str = "This file’s details do not match its share code, so it may have been edited or be another kind of file. It was not added. Download the file again from the results page, or paste the results link instead.";

#[test]
fn an_emails_greeting_and_signature_are_passed_over_with_a_count() {
    let text = format!(
        "Dear all,\n\nHere are our results:\nJane Smith: {}\n{}\n\nKind regards\nBob\n",
        link(0),
        link(1)
    );
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&text, Origin::Pasted), 2);
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(
        collection.skipped,
        Skipped {
            lines_without_links: 4,
            ..Skipped::default()
        }
    );
    assert_eq!(
        collection.skipped.sentences(),
        ["4 lines with no results link were skipped, such as greetings and signatures."]
    );
    // Text with no link at all still says what to paste.
    let mut collection = Collection::default();
    assert_eq!(collection.add_text("Hello\nthanks", Origin::Pasted), 0);
    assert_eq!(messages(&collection), [NOTHING_PASTED]);
    // Something meant as a link is still named with its reason.
    collection.add_text(
        "see https://intranet.example.nhs.uk/assess/",
        Origin::Pasted,
    );
    assert_eq!(collection.problems.len(), 1);
    assert_eq!(collection.problems[0].source, "Line 1");
}

#[test]
fn a_hundred_thousand_lines_are_looked_at_only_so_far() {
    // 100,000 short lines of no link: 1 MB looked at, 5,000 lines of it.
    let line = "Minutes of the board meeting, item";
    let text = vec![line; 100_000].join("\n");
    assert!(text.len() > MAX_INPUT_BYTES);
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&text, Origin::Pasted), 0);
    assert_eq!(messages(&collection), [NOTHING_PASTED]);
    let lines_in_a_megabyte = MAX_INPUT_BYTES / (line.len() + 1);
    assert_eq!(collection.skipped.lines_without_links, MAX_LINES);
    assert_eq!(
        collection.skipped.lines_not_read,
        lines_in_a_megabyte - MAX_LINES
    );
    assert_eq!(collection.skipped.cut, [(None, text.len() as u64)]);
    assert_eq!(
        collection.skipped.sentences(),
        [
            "5,000 lines with no results link were skipped, such as greetings and signatures."
                .to_owned(),
            "Only the first 1 MB of the pasted text was read (it is 3.3 MB).".to_owned(),
            // 1 MB holds 29,959 whole lines of 35 bytes.
            "Only the first 5,000 lines were read: 24,959 more were not. Add fewer links at a time."
                .to_owned(),
        ]
    );

    // 100,000 lines under the byte limit: the lines after 5,000 counted.
    let text = vec!["x"; 100_000].join("\n");
    collection.add_text(&text, Origin::Pasted);
    assert_eq!(collection.skipped.lines_not_read, 95_000);
    assert!(collection.skipped.cut.is_empty());
}

#[test]
fn a_paste_too_long_to_show_is_read_as_pasted_and_said_so() {
    // A board's links go into the box as usual.
    let links = (0..12).map(link).collect::<Vec<_>>().join("\n");
    assert!(shown_in_box(&links));
    assert!(shown_in_box(&"x\n".repeat(MAX_SHOWN_PASTE_LINES - 1)));
    assert!(!shown_in_box(&"x\n".repeat(MAX_SHOWN_PASTE_LINES)));
    assert!(!shown_in_box(&"x".repeat(MAX_SHOWN_PASTE_BYTES + 1)));

    // 100,000 lines, of which the browser handed over the first 1 MB and
    // a bit (the page never copies more out of a 50 MB clipboard).
    let mut lines = vec![
        "Dear all,".to_owned(),
        link(1),
        format!("Jane: {}", link(2)),
    ];
    while lines.len() < 100_000 {
        lines.push(format!("Kind regards, line {}", lines.len()));
    }
    let text = lines.join("\n");
    let start = &text[..MAX_INPUT_BYTES + 10];
    let mut collection = Collection::default();
    assert_eq!(collection.add_long_paste(start, text.len() as u64), 2);
    assert!(collection.problems.is_empty());
    assert!(collection.skipped.read_at_once);
    assert_eq!(collection.skipped.cut, [(None, text.len() as u64)]);
    let sentences = collection.skipped.sentences();
    assert_eq!(
        sentences[0],
        "The text you pasted was too long to show in the box, so it was read as soon as you pasted it."
    );
    assert_eq!(
        sentences[1],
        "4,998 lines with no results link were skipped, such as greetings and signatures."
    );
    assert!(sentences[2].starts_with("Only the first 1 MB of the pasted text was read (it is "));

    // The same paste whole, as a paste into the box would have been read:
    // the same results and the same lines looked at.
    let mut whole = Collection::default();
    assert_eq!(whole.add_text(&text, Origin::Pasted), 2);
    assert_eq!(whole.entries, collection.entries);
    assert_eq!(
        whole.skipped,
        Skipped {
            read_at_once: false,
            ..collection.skipped.clone()
        }
    );

    // A long paste under the byte limit, handed over whole: nothing cut.
    let short_lines = format!("{}\n{}", link(3), "x\n".repeat(2_000));
    let mut collection = Collection::default();
    assert_eq!(
        collection.add_long_paste(&short_lines, short_lines.len() as u64),
        1
    );
    assert!(collection.skipped.cut.is_empty());
    assert_eq!(collection.skipped.lines_without_links, 2_000);

    // The next addition, from the box, no longer says so.
    collection.add_text(&link(4), Origin::Pasted);
    assert!(!collection.skipped.read_at_once);
}

#[test]
fn problems_are_listed_only_so_far_and_the_rest_counted() {
    let bad = format!("{BASE}#r=AAAAAAAAAAAAAAAAAAAAAA");
    let text = vec![bad.as_str(); 100_000].join("\n");
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&text, Origin::Pasted), 0);
    assert_eq!(collection.problems.len(), MAX_PROBLEMS);
    assert_eq!(collection.problems[0].source, "Line 1");
    assert_eq!(
        collection.skipped.problems_not_listed,
        MAX_LINES - MAX_PROBLEMS
    );
    assert!(collection.skipped.lines_not_read > 0);
    // A good link among them is still added.
    let text = format!("{text}\n{}", link(3));
    let text = text.replacen(&bad, &link(2), 1);
    assert_eq!(collection.add_text(&text, Origin::Pasted), 1);
}

#[test]
fn files_are_read_only_so_far_by_their_size() {
    // A 50 MB file costs 1 MB; the 101st file is not read, nor what goes
    // beyond 8 MB in all.
    assert_eq!(reading_plan(&[50 << 20]), [MAX_INPUT_BYTES as u64]);
    assert_eq!(reading_plan(&[0, 10]), [0, 10]);
    let many = reading_plan(&vec![100; MAX_FILES + 1]);
    assert_eq!(many.iter().filter(|&&b| b == 100).count(), MAX_FILES);
    assert_eq!(many[MAX_FILES], 0);
    let big = reading_plan(&[50 << 20; 10]);
    assert_eq!(
        big.iter().sum::<u64>(),
        MAX_TOTAL_BYTES,
        "8 files of 1 MB, then none: {big:?}"
    );
    assert_eq!(big[8..], [0, 0]);

    // A file cut short: its last, cut line is not taken for a bad link.
    let mut text = format!("{}\n", link(0));
    while text.len() < MAX_INPUT_BYTES - 100 {
        text.push_str("Minutes of the board meeting\n");
    }
    text.push_str(&link(1));
    let read = text[..MAX_INPUT_BYTES.min(text.len()) - 20].to_owned();
    let mut collection = Collection::default();
    let added = collection.add_files(&[
        FileInput {
            name: "big.txt".to_owned(),
            text: read,
            size: 50 << 20,
        },
        FileInput {
            name: "links.txt".to_owned(),
            text: link(2),
            size: link(2).len() as u64,
        },
    ]);
    assert_eq!(added, 2);
    assert_eq!(collection.problems, Vec::<Problem>::new());
    assert_eq!(
        collection.skipped.cut,
        [(Some("big.txt".to_owned()), 50 << 20)]
    );
    assert!(
        collection
            .skipped
            .sentences()
            .contains(&"Only the first 1 MB of big.txt was read (it is 50 MB).".to_owned())
    );

    // Files beyond the limit are counted, not read.
    let files: Vec<FileInput> = (0..MAX_FILES + 3)
        .map(|i| FileInput {
            name: format!("{i}.txt"),
            text: "hello".to_owned(),
            size: 5,
        })
        .collect();
    collection.add_files(&files);
    assert_eq!(collection.skipped.files_not_read, 3);
    assert_eq!(
        collection.problems.len(),
        MAX_PROBLEMS,
        "one per file, listed so far"
    );
    assert_eq!(
        collection.skipped.problems_not_listed,
        MAX_FILES - MAX_PROBLEMS
    );
    assert!(collection.skipped.sentences().contains(
        &"3 files were not read: up to 100 files and 8 MB in all are read at a time.".to_owned()
    ));
}

#[test]
fn a_json_file_that_disagrees_with_its_code_is_refused() {
    let good = results_file(0);
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&good, Origin::File("good.json")), 1);
    assert_eq!(collection.problems, Vec::<Problem>::new());

    // An answer edited by hand: the code says otherwise.
    let first = result(0, "Leeds").answers().responses[0];
    assert_eq!(first, Some(Response::Level(Level::Absent)));
    let edited = good.replacen("\"answer\": \"absent\"", "\"answer\": \"embedded\"", 1);
    assert_ne!(edited, good);
    // Another assessment, format or a newer version.
    let other_assessment = good.replacen(
        &format!("\"id\": \"{}\"", default_assessment().id),
        "\"id\": \"another-assessment\"",
        1,
    );
    let comparison_format = good.replacen(
        "\"format\": \"digital-board-assessment-result\"",
        "\"format\": \"digital-board-assessment-comparison\"",
        1,
    );
    let other_format = good.replacen(
        "\"format\": \"digital-board-assessment-result\"",
        "\"format\": \"something-else\"",
        1,
    );
    let no_format = good.replacen("\"format\": \"digital-board-assessment-result\",", "", 1);
    let newer = good.replacen("\"format_version\": 1", "\"format_version\": 2", 1);
    let newer_content = good.replacen(
        &format!("\"version\": {}", default_assessment().version),
        &format!("\"version\": {}", default_assessment().version + 1),
        1,
    );
    let missing_answer = good.replacen("\"answer\": \"absent\"", "\"answer\": null", 1);
    const NOT_OURS: &str = "This file is not a results file from this self-assessment. Choose a JSON file downloaded from a results page or a comparison, or paste results links instead.";
    for (file, reason) in [
        (&edited, DISAGREES),
        (&other_assessment, DISAGREES),
        (&comparison_format, DISAGREES),
        (&newer_content, DISAGREES),
        (&missing_answer, DISAGREES),
        (&other_format, NOT_OURS),
        (&no_format, NOT_OURS),
        (
            &newer,
            "This file was made by a newer version of this self-assessment (file format 2), so this page cannot read it. Refresh the page to get the latest version and try again, or paste the results link instead.",
        ),
    ] {
        assert_ne!(file, &good);
        let mut collection = Collection::default();
        assert_eq!(
            collection.add_text(file, Origin::File("x.json")),
            0,
            "{file}"
        );
        assert_eq!(messages(&collection), [reason], "{file}");
        assert!(collection.entries.is_empty());
    }

    // A note that looks like an answer is text, not a member.
    let noted = good.replacen(
        "\"notes\": null",
        "\"notes\": \"\\\"answer\\\": \\\"embedded\\\"\"",
        1,
    );
    assert_ne!(noted, good);
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&noted, Origin::File("noted.json")), 1);

    // A comparison file: its results' answers are checked too.
    let entries: Vec<Entry> = (0..3)
        .map(|i| Entry::from_shared(&result(i, &format!("Trust {i}")), ""))
        .collect();
    let board = Comparison {
        assessment: default_assessment(),
        mode: Mode::System,
        entries,
    };
    let file = compare_export::json(&board);
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&file, Origin::File("board.json")), 3);
    let at = file.rfind("\"answer\": \"").expect("answers");
    let mut edited = file.clone();
    let value_at = at + "\"answer\": \"".len();
    let old = if file[value_at..].starts_with("absent") {
        "absent"
    } else {
        "siloed"
    };
    edited.replace_range(
        value_at..value_at + old.len(),
        if old == "absent" { "siloed" } else { "absent" },
    );
    let mut collection = Collection::default();
    assert_eq!(collection.add_text(&edited, Origin::File("board.json")), 0);
    assert_eq!(messages(&collection), [DISAGREES]);
    let as_results = file.replacen(
        "\"format\": \"digital-board-assessment-comparison\"",
        "\"format\": \"digital-board-assessment-result\"",
        1,
    );
    collection.add_text(&as_results, Origin::File("board.json"));
    assert_eq!(messages(&collection), [DISAGREES]);
}

#[test]
fn links_whose_prefix_a_mail_client_mangled_are_read_from_pasted_text() {
    let payload = share::encode(&result(0, "Leeds"));
    for line in [
        format!("{BASE}#R={payload}"),
        format!("{BASE}#r%3D{payload}"),
        format!("{BASE}#%20r={payload}"),
        format!("Jane: {BASE}#R%3d{payload}"),
    ] {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 1, "{line}");
        assert_eq!(collection.problems, Vec::<Problem>::new(), "{line}");
    }
    let compare = digital_board_core::compare::codec::encode(&Comparison {
        assessment: default_assessment(),
        mode: Mode::Board,
        entries: vec![Entry::from_shared(&result(1, "Leeds"), "Jane")],
    });
    for line in [
        format!("{BASE}#C={compare}"),
        format!("{BASE}#c%3D{compare}"),
    ] {
        let mut collection = Collection::default();
        assert_eq!(collection.add_text(&line, Origin::Pasted), 1, "{line}");
    }
}
