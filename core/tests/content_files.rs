//! The content-file validator: every broken fixture fails with the right
//! line and reason, as does each rule broken in a copy of the base fixture.
//! (The shipped assessments are checked by the build itself: build.rs runs
//! the same validator and refuses to compile the crate otherwise.)

#[path = "../build/assessment_file.rs"]
#[allow(dead_code)]
mod assessment_file;

use assessment_file::{CheckedFile, check_file, check_set};
use std::path::Path;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn toml_files(dir: &str) -> Vec<std::path::PathBuf> {
    let mut paths: Vec<_> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(dir))
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    paths
}

/// Each broken fixture starts `# expect: LINE: REASON` and must fail there.
#[test]
fn every_broken_fixture_fails_with_its_line_and_reason() {
    let fixtures = toml_files("tests/fixtures/broken");
    assert!(
        fixtures.len() >= 10,
        "expected the full set of broken fixtures"
    );
    for path in fixtures {
        let source = read(&path);
        let expect = source
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .expect("expect line");
        let (line, reason) = expect.split_once(": ").expect("LINE: REASON");
        let name = format!("broken/{}", path.file_name().unwrap().to_string_lossy());
        let diagnostic = check_file(&name, &source).expect_err(&name);
        assert_eq!(diagnostic.file, name);
        assert_eq!(
            diagnostic.line.to_string(),
            line,
            "{name}: wrong line in {diagnostic}"
        );
        assert!(
            diagnostic.reason.contains(reason.trim()),
            "{name}: expected {reason:?} in {diagnostic}"
        );
        assert!(
            diagnostic
                .to_string()
                .starts_with(&format!("{name}:{line}:"))
        );
    }
}

#[test]
fn the_base_fixture_is_valid() {
    let source = read(Path::new("tests/fixtures/valid-minimal.toml"));
    let file = check_file("valid-minimal.toml", &source).expect("valid");
    check_set(&[file]).expect("a single default file is a valid set");
}

#[test]
fn two_defaults_or_a_repeated_id_fail_across_files() {
    let load = |dir: &str| -> Vec<CheckedFile> {
        toml_files(dir)
            .iter()
            .map(|p| {
                check_file(&p.file_name().unwrap().to_string_lossy(), &read(p))
                    .expect("each file is valid")
            })
            .collect()
    };
    let two_defaults =
        check_set(&load("tests/fixtures/broken-set/two-defaults")).expect_err("two defaults");
    assert!(
        two_defaults
            .reason
            .contains("more than one assessment sets `default = true`"),
        "{two_defaults}"
    );
    assert!(two_defaults.reason.contains("a.toml") && two_defaults.reason.contains("b.toml"));

    let base = read(Path::new("tests/fixtures/valid-minimal.toml"));
    let copy = base.replace("default = true", "default = false");
    let files = vec![
        check_file("a.toml", &base).unwrap(),
        check_file("b.toml", &copy).unwrap(),
    ];
    let repeated = check_set(&files).expect_err("same id twice");
    assert_eq!((repeated.file.as_str(), repeated.line), ("b.toml", 2));
    assert!(
        repeated
            .reason
            .contains("\"minimal\" is already used by a.toml"),
        "{repeated}"
    );

    let none = check_set(&[check_file("b.toml", &copy).unwrap()]).expect_err("no default");
    assert!(none.reason.contains("no assessment sets `default = true`"));
    assert!(check_set(&[]).is_err());
}

/// Every question needs each of its texts, and ids must not repeat: the
/// base fixture with one rule broken at a time fails at that line.
#[test]
fn each_question_needs_every_text_and_ids_do_not_repeat() {
    let base = read(Path::new("tests/fixtures/valid-minimal.toml"));
    // A second section, at lines 29 to 40.
    let second = |section: &str, question: &str| {
        format!(
            "{base}\n[[sections]]\nid = \"{section}\"\ntitle = \"Second\"\nintro = \"Intro.\"\n\n\
             [[sections.questions]]\nid = \"{question}\"\ntext = \"Again?\"\nhint = \"Yes.\"\n\
             absent = \"No\"\nsiloed = \"Partly\"\nembedded = \"Yes\"\ndiscuss = \"Discuss.\"\n"
        )
    };
    check_file("two-sections.toml", &second("second", "second-question"))
        .expect("two sections are valid");
    let blank = |line: &str| {
        let (field, _) = line.split_once(" = ").expect("a field");
        base.replace(line, &format!("{field} = \" \""))
    };
    let cases = [
        (blank("hint = \"Yes.\""), 28, "hint must not be empty"),
        (blank("absent = \"No\""), 29, "absent must not be empty"),
        (blank("siloed = \"Partly\""), 30, "siloed must not be empty"),
        (
            blank("embedded = \"Yes\""),
            31,
            "embedded must not be empty",
        ),
        (
            blank("discuss = \"Discuss.\""),
            32,
            "discuss must not be empty",
        ),
        (
            second("only", "second-question"),
            35,
            "section id \"only\" is used twice",
        ),
        (
            second("second", "only-question"),
            40,
            "question id \"only-question\" is used twice",
        ),
    ];
    for (source, line, reason) in cases {
        let diagnostic = check_file("x.toml", &source).expect_err(reason);
        assert_eq!(diagnostic.line, line, "{diagnostic}");
        assert!(diagnostic.reason.contains(reason), "{diagnostic}");
    }
}

#[test]
fn generated_code_escapes_text_safely() {
    let source = read(Path::new("tests/fixtures/valid-minimal.toml")).replace(
        "hint = \"Yes.\"",
        "hint = \"Quote \\\" and backslash \\\\ and ‘curly’.\\n\\nSecond paragraph.\"",
    );
    let file = check_file("x.toml", &source).expect("valid");
    let rust = assessment_file::generate_rust(&[file]);
    assert!(
        rust.contains(r#"hint: &["Quote \" and backslash \\ and ‘curly’.", "Second paragraph."]"#),
        "{rust}"
    );
}
