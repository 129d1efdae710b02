//! The board's agreed position (the guide's section 11: a board development
//! session ends with an agreed position): after comparing its members'
//! answers, the chair records the level the board agreed for each question,
//! with an optional reason and any dissent. The outcome is a normal result
//! whose role is [`Role::Board`]: shareable, exportable and comparable
//! next year like any other.

use super::{Comparison, Spread, organisation_key};
use crate::date::Date;
use crate::label::{Label, Role};
use crate::saved;
use crate::scoring::{Answers, Response};
use crate::share::{MAX_LABEL_BYTES, MAX_NOTE_BYTES, ShareBuildError, SharedResult};
use crate::text::agree::Sentence;

/// What the chair has recorded so far, one entry per question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agreement {
    /// The level (or "Don't know") the board agreed; `None` until chosen.
    pub responses: Vec<Option<Response>>,
    /// Why the board agreed it (may be empty).
    pub reasons: Vec<String>,
    /// Any dissent the board wants on record (may be empty).
    pub dissent: Vec<String>,
}

/// Why a question's agreed answer cannot be saved yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreeProblem {
    /// No level chosen.
    NoLevel,
    /// The reason and dissent together are too long for a result's note.
    TooLong,
}

/// The answer a question's spread suggests: the median when the middle
/// answers agree on one level; "Don't know" when every member said so;
/// none when the middle falls between two levels (the board decides).
pub fn suggestion(spread: &Spread) -> Option<Response> {
    match spread.median {
        Some((low, high)) if low == high => Some(Response::Level(low)),
        Some(_) => None,
        None if spread.dont_know > 0 => Some(Response::DontKnow),
        None => None,
    }
}

impl Agreement {
    /// A new agreement with each question's [`suggestion`] chosen, no
    /// reasons and no dissent.
    pub fn suggested(spreads: &[Spread]) -> Agreement {
        let count = spreads.len();
        Agreement {
            responses: spreads.iter().map(suggestion).collect(),
            reasons: vec![String::new(); count],
            dissent: vec![String::new(); count],
        }
    }

    /// The note kept with question `index`'s answer: the reason, then the
    /// dissent after its label, each trimmed; empty when neither was given.
    pub fn note(&self, index: usize) -> String {
        let field = |list: &[String]| list.get(index).map_or("", |text| text.trim()).to_owned();
        Sentence::Note {
            reason: &field(&self.reasons),
            dissent: &field(&self.dissent),
        }
        .text()
    }

    /// Each question that cannot be saved yet, with why, in question order.
    pub fn problems(&self) -> Vec<(usize, AgreeProblem)> {
        let mut problems = Vec::new();
        for (index, response) in self.responses.iter().enumerate() {
            if response.is_none() {
                problems.push((index, AgreeProblem::NoLevel));
            } else if self.note(index).len() > MAX_NOTE_BYTES {
                problems.push((index, AgreeProblem::TooLong));
            }
        }
        problems
    }

    /// The board's result: the agreed answers with their notes, the
    /// organisation most of the results name, the role Board and `today`.
    /// Fails (as [`SharedResult::new`] does) while any [`Agreement::problems`]
    /// remain.
    pub fn result(
        &self,
        comparison: &Comparison,
        today: Option<Date>,
    ) -> Result<SharedResult, ShareBuildError> {
        let answers = Answers {
            responses: self.responses.clone(),
            notes: (0..self.responses.len()).map(|i| self.note(i)).collect(),
        };
        let label = Label {
            organisation: board_organisation(comparison),
            role: Role::Board,
        };
        SharedResult::new(comparison.assessment, answers, Some(label), today)
    }
}

/// First line of an agreement kept while it is being recorded.
const DRAFT_HEADER: &str = "dba-agreement 1";

/// Its last line: text cut short is dropped, not read as shorter answers.
const DRAFT_END: &str = "end";

/// The agreement being recorded for `comparison`, as text to keep in the
/// tab's session storage, so a reload does not lose what was typed: a
/// header, the compare link's payload, then a line per question (answer
/// code, reason and dissent, tab-separated and escaped as saved answers
/// are) and an end line.
pub fn draft_text(comparison: &Comparison, agreement: &Agreement) -> String {
    let mut text = format!("{DRAFT_HEADER}\n{}\n", super::codec::encode(comparison));
    for (index, response) in agreement.responses.iter().enumerate() {
        let field = |list: &[String]| list.get(index).map_or(String::new(), |t| saved::escape(t));
        text.push(saved::response_code(*response));
        text.push('\t');
        text.push_str(&field(&agreement.reasons));
        text.push('\t');
        text.push_str(&field(&agreement.dissent));
        text.push('\n');
    }
    text.push_str(DRAFT_END);
    text.push('\n');
    text
}

/// The comparison and agreement [`draft_text`] kept, or `None` if `text`
/// is not one whole (damaged text is dropped, never half read).
pub fn from_draft_text(
    text: &str,
    assessments: &'static [crate::model::Assessment],
) -> Option<(Comparison, Agreement)> {
    let mut lines = text.lines();
    if lines.next()? != DRAFT_HEADER {
        return None;
    }
    let comparison = super::codec::decode(lines.next()?, assessments).ok()?;
    let count = comparison.assessment.question_count();
    let mut agreement = Agreement {
        responses: Vec::with_capacity(count),
        reasons: Vec::with_capacity(count),
        dissent: Vec::with_capacity(count),
    };
    let mut ended = false;
    for line in lines {
        if ended {
            return None;
        }
        if line == DRAFT_END {
            ended = true;
            continue;
        }
        let mut fields = line.split('\t');
        agreement
            .responses
            .push(saved::parse_response(fields.next()?)?);
        agreement.reasons.push(saved::unescape(fields.next()?)?);
        agreement.dissent.push(saved::unescape(fields.next()?)?);
        if fields.next().is_some() {
            return None;
        }
    }
    (ended && agreement.responses.len() == count).then_some((comparison, agreement))
}

/// The organisation the board's result names: the one most of the results
/// name (the first spelling met, and the first of a tie), else none.
pub fn board_organisation(comparison: &Comparison) -> String {
    let named: Vec<(&str, String)> = comparison
        .entries
        .iter()
        .map(|entry| entry.organisation.trim())
        .filter(|name| !name.is_empty() && name.len() <= MAX_LABEL_BYTES)
        .map(|name| (name, organisation_key(name)))
        .collect();
    let count = |key: &str| named.iter().filter(|(_, k)| k == key).count();
    let mut best: Option<(&str, usize)> = None;
    for (name, key) in &named {
        let times = count(key);
        if best.is_none_or(|(_, most)| times > most) {
            best = Some((name, times));
        }
    }
    best.map(|(name, _)| name.to_owned()).unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::indexing_slicing, clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::compare::{Entry, Mode, spreads};
    use crate::content::default_assessment;
    use crate::model::Level::{Absent, Embedded, Siloed};

    fn member(organisation: &str, role: Role, responses: &[Option<Response>]) -> Entry {
        let count = default_assessment().question_count();
        let mut responses = responses.to_vec();
        responses.resize(count, Some(Response::Level(Siloed)));
        Entry {
            name: String::new(),
            organisation: organisation.to_owned(),
            role,
            date: None,
            responses,
            actions: Vec::new(),
        }
    }

    fn level(level: crate::model::Level) -> Option<Response> {
        Some(Response::Level(level))
    }

    fn board(entries: Vec<Entry>) -> Comparison {
        Comparison {
            assessment: default_assessment(),
            mode: Mode::Board,
            entries,
        }
    }

    #[test]
    fn the_median_is_suggested_unless_the_middle_is_split() {
        let dk = Some(Response::DontKnow);
        let comparison = board(vec![
            member(
                "RX1",
                Role::Executive,
                &[level(Absent), level(Absent), dk, level(Absent)],
            ),
            member(
                "RX1",
                Role::Executive,
                &[level(Siloed), level(Embedded), dk, dk],
            ),
            member(
                "RX1",
                Role::NonExecutive,
                &[level(Embedded), level(Embedded), dk, dk],
            ),
            member(
                "RX1",
                Role::NonExecutive,
                &[level(Siloed), level(Absent), dk, dk],
            ),
            member(
                "RX1",
                Role::Unspecified,
                &[level(Embedded), level(Siloed), dk, dk],
            ),
        ]);
        let spreads = spreads(&comparison);
        let agreement = Agreement::suggested(&spreads);
        // Absent, Siloed, Siloed, Embedded, Embedded: the middle is Siloed.
        assert_eq!(agreement.responses[0], level(Siloed));
        // Absent, Absent, Siloed, Embedded, Embedded: Siloed again, a level
        // two members gave.
        assert_eq!(agreement.responses[1], level(Siloed));
        // Everyone said "Don't know".
        assert_eq!(agreement.responses[2], dk);
        // One level among "Don't know"s: that level.
        assert_eq!(agreement.responses[3], level(Absent));
        assert!(agreement.problems().is_empty());

        // Two members split: no suggestion, and the question is a problem.
        let split = board(vec![
            member("", Role::Executive, &[level(Absent)]),
            member("", Role::NonExecutive, &[level(Embedded)]),
        ]);
        let agreement = Agreement::suggested(&spreads_of(&split));
        assert_eq!(agreement.responses[0], None);
        assert_eq!(agreement.problems(), [(0, AgreeProblem::NoLevel)]);
        assert!(agreement.result(&split, None).is_err());
    }

    fn spreads_of(comparison: &Comparison) -> Vec<Spread> {
        spreads(comparison)
    }

    #[test]
    fn reasons_and_dissent_make_the_note_and_the_result_is_the_boards() {
        let comparison = board(vec![
            member("Leeds Teaching Hospitals", Role::Executive, &[]),
            member("RR8", Role::NonExecutive, &[]),
            member("leeds  teaching hospitals", Role::NonExecutive, &[]),
        ]);
        let mut agreement = Agreement::suggested(&spreads_of(&comparison));
        agreement.reasons[0] = "  Data sharing is ad hoc. ".to_owned();
        agreement.dissent[0] = "The CIO thinks Embedded.".to_owned();
        agreement.dissent[1] = "Two members abstained.".to_owned();
        agreement.reasons[2] = "Agreed without dissent.".to_owned();
        assert_eq!(
            agreement.note(0),
            "Data sharing is ad hoc.\n\nDissent: The CIO thinks Embedded."
        );
        assert_eq!(agreement.note(1), "Dissent: Two members abstained.");
        assert_eq!(agreement.note(2), "Agreed without dissent.");
        assert_eq!(agreement.note(3), "");

        let today = Date::from_ymd(2026, 12, 7);
        let result = agreement.result(&comparison, today).unwrap();
        let label = result.label().unwrap();
        assert_eq!(label.role, Role::Board);
        // Two of the three name Leeds (spelt two ways): the first spelling.
        assert_eq!(label.organisation, "Leeds Teaching Hospitals");
        assert_eq!(result.date(), today);
        assert_eq!(result.answers().notes[0], agreement.note(0));
        assert_eq!(result.answers().responses, agreement.responses);
    }

    #[test]
    fn a_note_too_long_for_a_result_is_a_problem_not_cut() {
        let comparison = board(vec![member("", Role::Executive, &[])]);
        let mut agreement = Agreement::suggested(&spreads_of(&comparison));
        agreement.reasons[4] = "a".repeat(MAX_NOTE_BYTES - 20);
        assert!(agreement.problems().is_empty());
        agreement.dissent[4] = "b".repeat(30);
        assert_eq!(agreement.problems(), [(4, AgreeProblem::TooLong)]);
        assert!(agreement.result(&comparison, None).is_err());
    }

    #[test]
    fn an_agreement_being_typed_survives_a_reload_whole_or_not_at_all() {
        let comparison = board(vec![
            member("RX1", Role::Executive, &[level(Absent)]),
            member("RX1", Role::NonExecutive, &[level(Embedded)]),
        ]);
        let mut agreement = Agreement::suggested(&spreads_of(&comparison));
        agreement.responses[0] = Some(Response::DontKnow);
        agreement.reasons[0] = "Two lines\nand a \\ and a\ttab".to_owned();
        agreement.dissent[12] = "The CIO".to_owned();
        let text = draft_text(&comparison, &agreement);
        let (back, kept) = from_draft_text(&text, crate::content::ASSESSMENTS).unwrap();
        assert_eq!(kept, agreement);
        assert_eq!(back.entries.len(), 2);
        assert_eq!(back.entries[1].response(0), level(Embedded));
        // Every cut short, and damaged lines, are dropped whole.
        for end in 0..text.len() - 1 {
            if text.is_char_boundary(end) {
                let cut = &text[..end];
                // A cut at a line's end can still be whole only at the end.
                assert_eq!(
                    from_draft_text(cut, crate::content::ASSESSMENTS),
                    None,
                    "{end}"
                );
            }
        }
        let damaged = text.replacen("\nd\t", "\nx\t", 1);
        assert_eq!(from_draft_text(&damaged, crate::content::ASSESSMENTS), None);
        assert_eq!(
            from_draft_text("dba-agreement 2\n", crate::content::ASSESSMENTS),
            None
        );
    }

    #[test]
    fn no_organisation_named_leaves_it_empty() {
        let comparison = board(vec![
            member(" ", Role::Executive, &[]),
            member("", Role::NonExecutive, &[]),
        ]);
        assert_eq!(board_organisation(&comparison), "");
    }
}
