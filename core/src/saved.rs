//! Answers saved in the browser as the user goes, so they can resume.
//!
//! The stored text is line-based and keyed by stable question id, so saved
//! answers survive a new content version (questions that no longer exist
//! are dropped, new ones start unanswered). Anything unreadable is reported
//! as an error and never partly loaded.

use super::model::{Assessment, Level};
use super::scoring::{Answers, Response};
use crate::actions::{Commitment, Draft, MAX_ACTIONS, MonthYear, Status};
use crate::label::{Label, Role};

/// Everything saved for an assessment: the answers with their notes, the
/// organisation and role typed for sharing, and the board's actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The answers and notes.
    pub answers: Answers,
    /// The organisation and role.
    pub label: Label,
    /// The board's actions, in the order agreed.
    pub actions: Vec<Commitment>,
    /// An action being typed, not yet saved: the one it changes (`None`
    /// for a new one) and its fields as typed.
    pub draft: Option<(Option<usize>, Draft)>,
}

/// First line of every saved record; bumped if the layout changes.
const HEADER: &str = "dba-saved 4";

/// The layout before the content version (on the assessment's line): still
/// read, its answers matched by id alone.
const HEADER_3: &str = "dba-saved 3";

/// The layout before actions (no action lines): still read.
const HEADER_2: &str = "dba-saved 2";

/// The first layout, without the organisation and role line: still read.
const HEADER_1: &str = "dba-saved 1";

/// What starts an action's line (never a question id: ids are kebab-case).
const ACTION_MARK: &str = "!action";

/// What starts the line of an action being typed, not yet saved.
const DRAFT_MARK: &str = "!draft";

/// The browser storage key of `assessment`'s record.
pub fn storage_key(assessment: &Assessment) -> String {
    format!("digital-board-assessment:{}", assessment.id)
}

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

pub(crate) fn response_code(response: Option<Response>) -> char {
    match response {
        None => '-',
        Some(Response::DontKnow) => 'd',
        Some(Response::Level(Level::Absent)) => 'a',
        Some(Response::Level(Level::Siloed)) => 's',
        Some(Response::Level(Level::Embedded)) => 'e',
    }
}

pub(crate) fn parse_response(code: &str) -> Option<Option<Response>> {
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
        Role::Board => 'b',
    }
}

fn parse_role(code: &str) -> Option<Role> {
    Some(match code {
        "-" => Role::Unspecified,
        "e" => Role::Executive,
        "n" => Role::NonExecutive,
        "b" => Role::Board,
        _ => return None,
    })
}

/// Escapes text onto one field of a line: `\` as `\\`, newline as `\n`,
/// CR as `\r`, tab as `\t`.
pub(crate) fn escape(note: &str) -> String {
    let mut out = String::with_capacity(note.len());
    for c in note.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

pub(crate) fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push(match chars.next()? {
                '\\' => '\\',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
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

fn status_code(status: Option<Status>) -> char {
    match status {
        None => '-',
        Some(Status::NotStarted) => 'n',
        Some(Status::InProgress) => 'p',
        Some(Status::Done) => 'd',
        Some(Status::Dropped) => 'x',
    }
}

fn parse_status(code: &str) -> Option<Option<Status>> {
    Some(match code {
        "-" => None,
        "n" => Some(Status::NotStarted),
        "p" => Some(Status::InProgress),
        "d" => Some(Status::Done),
        "x" => Some(Status::Dropped),
        _ => return None,
    })
}

/// `2027-03`, or `-` for no date.
fn month_code(by: Option<MonthYear>) -> String {
    by.map_or_else(|| "-".to_owned(), MonthYear::iso)
}

fn parse_month(code: &str) -> Option<Option<MonthYear>> {
    if code == "-" {
        return Some(None);
    }
    MonthYear::from_iso(code).map(Some)
}

/// An action's line: the mark, what, lead, month, measure, the question ids
/// it answers (comma-separated) and its status, tab-separated.
fn action_line(assessment: &'static Assessment, action: &Commitment) -> String {
    let ids: Vec<&str> = action
        .questions
        .iter()
        .filter_map(|&i| assessment.question(i).map(|p| p.question.id))
        .collect();
    format!(
        "{ACTION_MARK}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        escape(&action.what),
        escape(&action.lead),
        month_code(action.by),
        escape(&action.measure),
        ids.join(","),
        status_code(action.status)
    )
}

/// Reads an action's line (after its mark); questions no longer in the
/// content are dropped, as answers are.
fn parse_action(assessment: &'static Assessment, fields: &str) -> Option<Commitment> {
    let fields: Vec<&str> = fields.split('\t').collect();
    let [what, lead, by, measure, ids, status] = fields.as_slice() else {
        return None;
    };
    let mut questions: Vec<usize> = ids
        .split(',')
        .filter(|id| !id.is_empty())
        .filter_map(|id| assessment.index_of(id))
        .collect();
    questions.sort_unstable();
    questions.dedup();
    Some(Commitment {
        what: unescape(what)?,
        lead: unescape(lead)?,
        by: parse_month(by)?,
        measure: unescape(measure)?,
        questions,
        status: parse_status(status)?,
    })
    .filter(crate::actions::is_well_formed)
}

/// A draft's line: the mark, the action it changes (its number, or `-`
/// for a new one), then its fields as typed and its question ids.
fn draft_line(assessment: &'static Assessment, target: Option<usize>, draft: &Draft) -> String {
    let ids: Vec<&str> = draft
        .questions
        .iter()
        .filter_map(|&i| assessment.question(i).map(|p| p.question.id))
        .collect();
    format!(
        "{DRAFT_MARK}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
        target.map_or_else(|| "-".to_owned(), |t| (t + 1).to_string()),
        escape(&draft.what),
        escape(&draft.lead),
        escape(&draft.month),
        escape(&draft.year),
        escape(&draft.measure),
        ids.join(",")
    )
}

fn parse_draft(assessment: &'static Assessment, fields: &str) -> Option<(Option<usize>, Draft)> {
    let fields: Vec<&str> = fields.split('\t').collect();
    let [target, what, lead, month, year, measure, ids] = fields.as_slice() else {
        return None;
    };
    let target = match *target {
        "-" => None,
        number => Some(number.parse::<usize>().ok()?.checked_sub(1)?),
    };
    let questions = ids
        .split(',')
        .filter(|id| !id.is_empty())
        .filter_map(|id| assessment.index_of(id))
        .collect();
    Some((
        target,
        Draft {
            what: unescape(what)?,
            lead: unescape(lead)?,
            month: unescape(month)?,
            year: unescape(year)?,
            measure: unescape(measure)?,
            questions,
        },
    ))
}

/// The text to store for these answers, the organisation and role typed
/// for sharing them, the board's actions and an action being typed.
pub fn to_text(
    assessment: &'static Assessment,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
) -> String {
    to_text_with_draft(assessment, answers, label, actions, None)
}

/// [`to_text`], with an action being typed (kept across a reload).
pub fn to_text_with_draft(
    assessment: &'static Assessment,
    answers: &Answers,
    label: &Label,
    actions: &[Commitment],
    draft: Option<(Option<usize>, &Draft)>,
) -> String {
    let mut text = format!(
        "{HEADER}\n{}\t{}\n{}\t{}\n",
        assessment.id,
        assessment.version,
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
    for action in actions.iter().take(MAX_ACTIONS) {
        text.push_str(&action_line(assessment, action));
    }
    if let Some((target, draft)) = draft {
        text.push_str(&draft_line(assessment, target, draft));
    }
    text
}

/// Reads stored text back into answers (matching questions by id), the
/// organisation and role, and the actions, for `assessment`.
pub fn from_text(assessment: &'static Assessment, text: &str) -> Result<Record, SavedError> {
    let mut lines = text.lines();
    let (has_label, has_actions) = match lines.next() {
        Some(HEADER | HEADER_3) => (true, true),
        Some(HEADER_2) => (true, false),
        Some(HEADER_1) => (false, false),
        _ => return Err(SavedError::UnknownFormat),
    };
    let version = match lines.next() {
        // The header alone holds nothing: an empty record, not another
        // assessment's.
        None => {
            return Ok(Record {
                answers: Answers::empty(assessment.question_count()),
                label: Label::default(),
                actions: Vec::new(),
                draft: None,
            });
        }
        Some(line) => {
            // Layout 4 names the content version the answers were given to.
            let (id, version) = match line.split_once('\t') {
                Some((id, version)) => (
                    id,
                    Some(
                        version
                            .parse::<u16>()
                            .map_err(|_| SavedError::Damaged { line: 2 })?,
                    ),
                ),
                None => (line, None),
            };
            if id.is_empty() {
                return Err(SavedError::Damaged { line: 2 });
            }
            if id != assessment.id {
                return Err(SavedError::OtherAssessment);
            }
            // Answers to a newer version's questions cannot be read here
            // (the page keeps the record aside, untouched).
            if version.is_some_and(|v| v > assessment.version) {
                return Err(SavedError::UnknownFormat);
            }
            version
        }
    };
    // Questions reworded with a new meaning since the answers were saved
    // start unanswered, as they do for links of that version.
    let changed_meaning: &[&str] = version
        .filter(|&v| v < assessment.version)
        .and_then(|v| assessment.earlier_versions.iter().find(|e| e.version == v))
        .map_or(&[], |earlier| earlier.changed_meaning);
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
    let mut actions = Vec::new();
    let mut draft = None;
    for (offset, line) in lines.enumerate() {
        let damaged = SavedError::Damaged {
            line: offset + first_answer_line,
        };
        if let Some(fields) = line.strip_prefix(DRAFT_MARK).filter(|_| has_actions) {
            draft = Some(
                fields
                    .strip_prefix('\t')
                    .and_then(|fields| parse_draft(assessment, fields))
                    .ok_or(damaged)?,
            );
            continue;
        }
        if let Some(fields) = line.strip_prefix(ACTION_MARK).filter(|_| has_actions) {
            let action = fields
                .strip_prefix('\t')
                .and_then(|fields| parse_action(assessment, fields))
                .filter(|_| actions.len() < MAX_ACTIONS)
                .ok_or(damaged)?;
            actions.push(action);
            continue;
        }
        let mut fields = line.splitn(3, '\t');
        let (Some(id), Some(code), Some(note)) = (fields.next(), fields.next(), fields.next())
        else {
            return Err(damaged);
        };
        let response = parse_response(code).ok_or(damaged.clone())?;
        let note = unescape(note).ok_or(damaged)?;
        // Questions removed from the content since saving are dropped.
        if let Some(index) = assessment
            .index_of(id)
            .filter(|_| !changed_meaning.contains(&id))
        {
            answers.responses[index] = response;
            answers.notes[index] = note;
        }
    }
    // A draft of an action no longer there is a new one.
    if let Some((target, _)) = &mut draft
        && target.is_some_and(|t| t >= actions.len())
    {
        *target = None;
    }
    Ok(Record {
        answers,
        label,
        actions,
        draft,
    })
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

    fn actions() -> Vec<Commitment> {
        vec![
            Commitment {
                what: "Publish the strategy \\ with a backslash".into(),
                lead: "Chief digital officer".into(),
                by: MonthYear::new(2027, 3),
                measure: "Staff survey: 60% know the mission".into(),
                questions: vec![4, 12],
                status: Some(Status::InProgress),
            },
            Commitment {
                what: "Agree what we will not do".into(),
                lead: "Board".into(),
                by: None,
                measure: String::new(),
                questions: vec![],
                status: None,
            },
        ]
    }

    fn record() -> Record {
        Record {
            answers: sample(),
            label: label(),
            actions: actions(),
            draft: None,
        }
    }

    #[test]
    fn an_action_being_typed_survives_a_reload() {
        let a = default_assessment();
        let draft = Draft {
            what: "Half-typed\twith a tab".into(),
            lead: String::new(),
            month: "13".into(),
            year: "20".into(),
            measure: "line one\nline two".into(),
            questions: vec![12, 4],
        };
        for target in [None, Some(1)] {
            let text =
                to_text_with_draft(a, &sample(), &label(), &actions(), Some((target, &draft)));
            assert_eq!(
                from_text(a, &text),
                Ok(Record {
                    draft: Some((target, draft.clone())),
                    ..record()
                })
            );
        }
        // Changing an action since removed: kept as a new one.
        let text = to_text_with_draft(a, &sample(), &label(), &[], Some((Some(1), &draft)));
        assert_eq!(from_text(a, &text).unwrap().draft, Some((None, draft)));
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
        let text = to_text(a, &sample(), &label(), &actions());
        assert_eq!(from_text(a, &text), Ok(record()));
        for role in Role::ALL.into_iter().chain([Role::Board]) {
            let label = Label { role, ..label() };
            assert_eq!(
                from_text(a, &to_text(a, &sample(), &label, &[]))
                    .unwrap()
                    .label,
                label
            );
        }
        assert!(has_progress(&sample()));
        assert!(!has_progress(&Answers::empty(13)));
    }

    #[test]
    fn questions_are_matched_by_id_whatever_their_order() {
        let a = default_assessment();
        let text = to_text(a, &sample(), &label(), &actions());
        let mut lines: Vec<&str> = text.lines().collect();
        // The answers in reverse; the actions stay after them.
        lines[3..16].reverse();
        lines.push("a-question-since-removed\te\told note");
        assert_eq!(from_text(a, &lines.join("\n")), Ok(record()));
    }

    #[test]
    fn records_saved_before_the_organisation_line_are_still_read() {
        let a = default_assessment();
        let text = to_text(a, &sample(), &label(), &actions());
        let mut lines: Vec<&str> = text.lines().take(16).collect();
        lines[0] = "dba-saved 1";
        lines.remove(2);
        assert_eq!(
            from_text(a, &lines.join("\n")),
            Ok(Record {
                label: Label::default(),
                actions: vec![],
                ..record()
            })
        );
        // Layout 2: the organisation line, no actions.
        let mut lines: Vec<&str> = text.lines().take(16).collect();
        lines[0] = "dba-saved 2";
        assert_eq!(
            from_text(a, &lines.join("\n")),
            Ok(Record {
                actions: vec![],
                ..record()
            })
        );
        // An action line in layout 2 is not read as one.
        let mut lines: Vec<&str> = text.lines().collect();
        lines[0] = "dba-saved 2";
        assert_eq!(
            from_text(a, &lines.join("\n")),
            Err(SavedError::Damaged { line: 17 })
        );
    }

    #[test]
    fn actions_keep_their_questions_by_id_and_bad_action_lines_are_refused() {
        let a = default_assessment();
        let good = to_text(a, &sample(), &label(), &actions());
        let ids = format!(
            "\t{},{}\t",
            a.question(4).unwrap().question.id,
            a.question(12).unwrap().question.id
        );
        assert!(good.contains(&ids), "{good}");
        // A question since removed is dropped from the action, as answers are.
        let removed = good.replace(&ids, &ids.replacen('\t', "\tno-longer-asked,", 1));
        assert_eq!(from_text(a, &removed), Ok(record()));
        for (broken, line, why) in [
            (good.replace("\t2027-03\t", "\t2027-13\t"), 17, "month 13"),
            (
                good.replace("\t2027-03\t", "\tMarch\t"),
                17,
                "a month in words",
            ),
            (good.replace("\tp\n", "\tq\n"), 17, "an unknown status"),
            (
                good.replace("!action\tAgree", "!actionAgree"),
                18,
                "no tab after the mark",
            ),
            (
                good.replace("\tBoard\t", "\tBoard\textra\t"),
                18,
                "a field too many",
            ),
        ] {
            assert_eq!(
                from_text(a, &broken),
                Err(SavedError::Damaged { line }),
                "{why}"
            );
        }
        // At most MAX_ACTIONS are written, and a record with more is damaged.
        let many = vec![actions()[1].clone(); MAX_ACTIONS + 3];
        let text = to_text(a, &sample(), &label(), &many);
        assert_eq!(from_text(a, &text).unwrap().actions.len(), MAX_ACTIONS);
        let line = text.lines().last().unwrap().to_owned();
        assert!(matches!(
            from_text(a, &format!("{text}{line}\n")),
            Err(SavedError::Damaged { .. })
        ));
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
        let good = to_text(a, &sample(), &label(), &actions());
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
    fn a_bare_header_is_an_empty_record_not_another_assessment_s() {
        let a = default_assessment();
        let empty = Record {
            answers: Answers::empty(a.question_count()),
            label: Label::default(),
            actions: vec![],
            draft: None,
        };
        for header in ["dba-saved 1", "dba-saved 2", "dba-saved 3"] {
            assert_eq!(from_text(a, header), Ok(empty.clone()), "{header}");
            assert_eq!(from_text(a, &format!("{header}\n")), Ok(empty.clone()));
            // An empty id line is damage, not another assessment.
            assert_eq!(
                from_text(a, &format!("{header}\n\nx")),
                Err(SavedError::Damaged { line: 2 })
            );
        }
        assert_eq!(
            from_text(a, "dba-saved 3\nanother-assessment\n"),
            Err(SavedError::OtherAssessment)
        );
        assert_eq!(storage_key(a), format!("digital-board-assessment:{}", a.id));
    }

    #[test]
    fn every_prefix_of_a_record_is_either_refused_or_a_subset() {
        let a = default_assessment();
        let good = to_text(a, &sample(), &label(), &actions());
        for end in (0..good.len()).filter(|&i| good.is_char_boundary(i)) {
            if let Ok(read) = from_text(a, &good[..end]) {
                for i in 0..13 {
                    let r = read.answers.response(i);
                    assert!(r.is_none() || r == sample().response(i));
                }
                // An action is read whole or, where its line is cut, with
                // a shorter last field: never with another's fields.
                for (read, saved) in read.actions.iter().zip(actions()) {
                    assert_eq!((&read.what, &read.lead), (&saved.what, &saved.lead));
                }
            }
        }
    }
}
