//! Answers saved in the browser as the user goes, so they can resume.
//!
//! The stored text is line-based and keyed by stable question id, so saved
//! answers survive a new content version (questions that no longer exist
//! are dropped, new ones start unanswered). Anything unreadable is reported
//! as an error and never partly loaded.

use super::model::{Assessment, Level};
use super::scoring::{Answers, Response};
use crate::label::{Label, Role};

/// First line of every saved record; bumped if the layout changes.
const HEADER: &str = "dba-saved 2";

/// The first layout, without the organisation and role line: still read.
const HEADER_1: &str = "dba-saved 1";

/// Why saved answers could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SavedError {
    /// Not a record this widget wrote (or one from a newer version).
    UnknownFormat,
    /// Saved for a different assessment.
    OtherAssessment,
    /// The record is damaged: a line could not be read.
    Damaged {
        /// 1-based line of the record that could not be read.
        line: usize,
    },
}

impl SavedError {
    /// What to tell the user.
    pub fn message(&self) -> &'static str {
        crate::text::edition::errors::saved_error(self)
    }
}

fn response_code(response: Option<Response>) -> char {
    match response {
        None => '-',
        Some(Response::DontKnow) => 'd',
        Some(Response::Level(Level::Absent)) => 'a',
        Some(Response::Level(Level::Siloed)) => 's',
        Some(Response::Level(Level::Embedded)) => 'e',
    }
}

fn parse_response(code: &str) -> Option<Option<Response>> {
    Some(match code {
        "-" => None,
        "d" => Some(Response::DontKnow),
        "a" => Some(Response::Level(Level::Absent)),
        "s" => Some(Response::Level(Level::Siloed)),
        "e" => Some(Response::Level(Level::Embedded)),
        _ => return None,
    })
}

fn role_code(role: Role) -> char {
    match role {
        Role::Unspecified => '-',
        Role::Executive => 'e',
        Role::NonExecutive => 'n',
    }
}

fn parse_role(code: &str) -> Option<Role> {
    Some(match code {
        "-" => Role::Unspecified,
        "e" => Role::Executive,
        "n" => Role::NonExecutive,
        _ => return None,
    })
}

/// Escapes a note onto one line: `\` as `\\`, newline as `\n`, CR as `\r`.
fn escape(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                'r' => '\r',
                _ => return None,
            });
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Whether there is anything worth saving (an answer or a note).
pub fn has_progress(answers: &Answers) -> bool {
    answers.answered() > 0 || answers.noted() > 0
}

/// The text to store for these answers and the organisation and role typed
/// for sharing them.
pub fn to_text(assessment: &'static Assessment, answers: &Answers, label: &Label) -> String {
    let mut text = format!(
        "{HEADER}\n{}\n{}\t{}\n",
        assessment.id,
        role_code(label.role),
        escape(&label.organisation)
    );
    for placed in assessment.questions() {
        let i = placed.index;
        text.push_str(placed.question.id);
        text.push('\t');
        text.push(response_code(answers.response(i)));
        text.push('\t');
        text.push_str(&escape(answers.note(i)));
        text.push('\n');
    }
    text
}

/// Reads stored text back into answers (matching questions by id) and the
/// organisation and role for `assessment`.
pub fn from_text(
    assessment: &'static Assessment,
    text: &str,
) -> Result<(Answers, Label), SavedError> {
    let mut lines = text.lines();
    let has_label = match lines.next() {
        Some(HEADER) => true,
        Some(HEADER_1) => false,
        _ => return Err(SavedError::UnknownFormat),
    };
    if lines.next() != Some(assessment.id) {
        return Err(SavedError::OtherAssessment);
    }
    let mut label = Label::default();
    if has_label {
        let damaged = SavedError::Damaged { line: 3 };
        let (role, organisation) = lines
            .next()
            .and_then(|line| line.split_once('\t'))
            .ok_or(damaged.clone())?;
        label.role = parse_role(role).ok_or(damaged.clone())?;
        label.organisation = unescape(organisation).ok_or(damaged)?;
    }
    let first_answer_line = if has_label { 4 } else { 3 };
    let mut answers = Answers::empty(assessment.question_count());
    for (offset, line) in lines.enumerate() {
        let damaged = SavedError::Damaged {
            line: offset + first_answer_line,
        };
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(code), Some(note)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(damaged);
        };
        let response = parse_response(code).ok_or(damaged.clone())?;
        let note = unescape(note).ok_or(damaged)?;
        // Questions removed from the content since saving are dropped.
        if let Some(index) = assessment.index_of(id) {
            answers.responses[index] = response;
            answers.notes[index] = note;
        }
    }
    Ok((answers, label))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::default_assessment;

    fn sample() -> Answers {
        let mut answers = Answers::empty(default_assessment().question_count());
        answers.responses[0] = Some(Response::Level(Level::Embedded));
        answers.responses[4] = Some(Response::DontKnow);
        answers.responses[12] = Some(Response::Level(Level::Absent));
        answers.notes[4] =
            "Line one\nline two\twith a tab, a \\ backslash and <script>alert(1)</script>"
                .to_owned();
        answers
    }

    fn label() -> Label {
        Label {
            organisation: "Leeds \\ Teaching\nHospitals".into(),
            role: Role::NonExecutive,
        }
    }

    #[test]
    fn answers_notes_organisation_and_role_round_trip() {
        let a = default_assessment();
        let text = to_text(a, &sample(), &label());
        assert_eq!(from_text(a, &text), Ok((sample(), label())));
        for role in Role::ALL {
            let label = Label { role, ..label() };
            assert_eq!(
                from_text(a, &to_text(a, &sample(), &label)).unwrap().1,
                label
            );
        }
        assert!(has_progress(&sample()));
        assert!(!has_progress(&Answers::empty(13)));
    }

    #[test]
    fn questions_are_matched_by_id_whatever_their_order() {
        let a = default_assessment();
        let text = to_text(a, &sample(), &label());
        let mut lines: Vec<&str> = text.lines().collect();
        lines[3..].reverse();
        lines.push("a-question-since-removed\te\told note");
        assert_eq!(from_text(a, &lines.join("\n")), Ok((sample(), label())));
    }

    #[test]
    fn records_saved_before_the_organisation_line_are_still_read() {
        let a = default_assessment();
        let text = to_text(a, &sample(), &label());
        let mut lines: Vec<&str> = text.lines().collect();
        lines[0] = "dba-saved 1";
        lines.remove(2);
        assert_eq!(
            from_text(a, &lines.join("\n")),
            Ok((sample(), Label::default()))
        );
    }

    #[test]
    fn unreadable_records_are_refused_whole() {
        let a = default_assessment();
        assert_eq!(from_text(a, ""), Err(SavedError::UnknownFormat));
        assert_eq!(
            from_text(a, "dba-saved 9\nx"),
            Err(SavedError::UnknownFormat)
        );
        assert_eq!(
            from_text(a, "dba-saved 1\nanother"),
            Err(SavedError::OtherAssessment)
        );
        let good = to_text(a, &sample(), &label());
        let bad_code = good.replacen("\te\t", "\tz\t", 1);
        assert_eq!(
            from_text(a, &bad_code),
            Err(SavedError::Damaged { line: 4 })
        );
        let bad_escape = good.replacen("\te\t", "\te\tbroken \\q", 1);
        assert_eq!(
            from_text(a, &bad_escape),
            Err(SavedError::Damaged { line: 4 })
        );
        let bad_role = good.replacen("\nn\t", "\nx\t", 1);
        assert_eq!(
            from_text(a, &bad_role),
            Err(SavedError::Damaged { line: 3 })
        );
        let truncated = format!("{}\nintegrated-strategies", &good[..good.len() / 2]);
        assert!(matches!(
            from_text(a, &truncated),
            Err(SavedError::Damaged { .. })
        ));
    }

    #[test]
    fn every_prefix_of_a_record_is_either_refused_or_a_subset() {
        let a = default_assessment();
        let good = to_text(a, &sample(), &label());
        for end in (0..good.len()).filter(|&i| good.is_char_boundary(i)) {
            if let Ok((answers, _)) = from_text(a, &good[..end]) {
                for i in 0..13 {
                    let r = answers.response(i);
                    assert!(r.is_none() || r == sample().response(i));
                }
            }
        }
    }
}
