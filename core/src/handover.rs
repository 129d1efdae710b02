//! A result the compare view hands to the assessment view to take up as
//! this browser's own: the board's agreed answers, or the later result of a
//! then and now carrying last time's actions with their statuses. The two
//! views are separate wasm bundles, so the result travels through the page
//! (www/start.js) as text: a kind word, a colon and a share-link payload
//! ([`crate::share::encode`]: answers, notes, organisation, role, date and
//! actions, every cap checked both ways).

use crate::model::Assessment;
use crate::share::{self, SharedResult};

/// Why the result is handed over, which decides how it is taken up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handover {
    /// The board's agreed answers (role Board): they replace this browser's
    /// answers, after asking if it has its own.
    BoardAnswers,
    /// The later result of a then and now with last time's actions and
    /// their statuses: when it is this browser's own result, the actions
    /// join its own; otherwise it is taken up as the board's answers are.
    FollowUp,
}

impl Handover {
    fn key(self) -> &'static str {
        match self {
            Handover::BoardAnswers => "board",
            Handover::FollowUp => "follow-up",
        }
    }

    /// The text that carries `result` to the assessment view.
    pub fn to_text(self, result: &SharedResult) -> String {
        format!("{}:{}", self.key(), share::encode(result))
    }

    /// The handover and result in `text`, or `None` if it is not one (the
    /// page only ever passes what [`Handover::to_text`] made).
    pub fn from_text(
        text: &str,
        assessments: &'static [Assessment],
    ) -> Option<(Handover, SharedResult)> {
        let (key, payload) = text.split_once(':')?;
        let handover = [Handover::BoardAnswers, Handover::FollowUp]
            .into_iter()
            .find(|h| h.key() == key)?;
        Some((handover, share::decode(payload, assessments).ok()?))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::content::{ASSESSMENTS, default_assessment};
    use crate::label::{Label, Role};
    use crate::scoring::{Answers, Response};

    #[test]
    fn a_result_survives_the_handover_whole_and_nothing_else_is_taken() {
        let assessment = default_assessment();
        let mut answers = Answers::empty(assessment.question_count());
        answers.responses.fill(Some(Response::DontKnow));
        answers.notes[3] = "Reason: agreed.\n\nDissent: the CIO.".to_owned();
        let label = Label {
            organisation: "RX1".to_owned(),
            role: Role::Board,
        };
        let result = SharedResult::new(assessment, answers, Some(label), None).unwrap();
        for handover in [Handover::BoardAnswers, Handover::FollowUp] {
            let text = handover.to_text(&result);
            assert_eq!(
                Handover::from_text(&text, ASSESSMENTS),
                Some((handover, result.clone()))
            );
        }
        for bad in ["", "board", "board:", "other:AAAA", "board:not a payload"] {
            assert_eq!(Handover::from_text(bad, ASSESSMENTS), None, "{bad:?}");
        }
    }
}
