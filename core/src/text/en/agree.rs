//! Words of the board's agreed position and of following up actions.

use std::fmt::{self, Write};

use crate::compare::agree::AgreeProblem;
use crate::scoring::Response;
use crate::text::agree::{Phrase, Sentence};
use crate::text::common::Phrase as Common;

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::RecordAgreed => "Record the board’s agreed answers",
        Phrase::AgreeIntro => {
            "For each question, choose the level the board agreed after discussing its members’ answers. The median of their answers is chosen to start with: change it wherever the board agreed otherwise."
        }
        Phrase::AgreeOutcome => {
            "When you save, the board’s agreed answers become this browser’s result, with the role Board. You can then agree the board’s actions, share the result and download the board paper. Next year, compare it with the new one to see what changed."
        }
        Phrase::ReasonLabel => "Why the board agreed this (optional)",
        Phrase::DissentLabel => "Any dissent to record (optional)",
        Phrase::DissentHint => "Who disagreed and why, if they want it on record.",
        Phrase::SaveAgreed => "Save the board’s agreed answers",
        Phrase::BackToComparison => "Back to the comparison",
        Phrase::FollowUpHeading => "Actions agreed last time",
        Phrase::FollowUpIntro => {
            "The earlier result carried the board’s actions. Record where each one stands: the change on the questions it was meant to answer is shown beside it."
        }
        Phrase::NoEarlierActions => {
            "The earlier result carried no actions. To follow them up, open the earlier result’s link made with “Include the board’s actions in the link” ticked, or its JSON file."
        }
        Phrase::StatusLegend => "Where does it stand?",
        Phrase::SinceThen => "Since then",
        Phrase::NoLinkedQuestions => "Not linked to a question.",
        Phrase::CarryStatuses => "Save the statuses with the later result",
        Phrase::CarryExplained => {
            "The actions and their statuses join the later result’s own actions in this browser, so they go in its link, its downloads and the board paper."
        }
        Phrase::ReplaceHeading => "Replace the answers in this browser?",
        Phrase::ReplaceText => {
            "This browser already has other answers. They will be replaced. To keep them, choose “Keep my answers” and download them or copy their link first."
        }
        Phrase::ReplaceButton => "Replace my answers",
        Phrase::BoardTakenUp => {
            "The board’s agreed answers are now this browser’s result. Check them, then agree the board’s actions."
        }
        Phrase::FollowUpTakenUp => {
            "Last time’s actions and their statuses are now with this result."
        }
        // Checked against MAX_ACTIONS in the test below.
        Phrase::TooManyToCarry => {
            "Last time’s actions were not added: with them this result would have more than 12 actions. Remove some actions here, then follow up again from the comparison."
        }
    }
}

#[inline(always)]
pub(crate) fn sentence(which: &Sentence<'_>, f: &mut String) -> fmt::Result {
    match *which {
        Sentence::Note { reason, dissent } => match (reason.is_empty(), dissent.is_empty()) {
            (_, true) => f.write_str(reason),
            (true, false) => write!(f, "Dissent: {dissent}"),
            (false, false) => write!(f, "{reason}\n\nDissent: {dissent}"),
        },
        Sentence::Suggested(Response::Level(level)) => write!(
            f,
            "Chosen to start with: {}, the median of the members’ answers.",
            level.name()
        ),
        Sentence::Suggested(Response::DontKnow) => write!(
            f,
            "Chosen to start with: {}, as every member answered.",
            Common::DontKnow.text()
        ),
        Sentence::SplitMiddle(low, high) => write!(
            f,
            "Nothing chosen to start with: the middle answers are {} and {}, so the board decides.",
            low.name(),
            high.name()
        ),
        Sentence::Counts(counts) => write!(
            f,
            "Members’ answers: {} {}, {} {}, {} {}, {} {}.",
            counts.absent,
            crate::model::Level::Absent.name(),
            counts.siloed,
            crate::model::Level::Siloed.name(),
            counts.embedded,
            crate::model::Level::Embedded.name(),
            counts.dont_know,
            Common::DontKnow.text()
        ),
        Sentence::Problem(number, AgreeProblem::NoLevel) => {
            write!(f, "Select the level the board agreed for question {number}")
        }
        // Checked against MAX_NOTE_BYTES in the test below.
        Sentence::Problem(number, AgreeProblem::TooLong) => write!(
            f,
            "The reason and dissent for question {number} must be 2000 characters or fewer together"
        ),
        Sentence::NoStatus(number) => write!(f, "Select where action {number} stands"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::MAX_NOTE_BYTES;

    #[test]
    fn the_limits_in_the_messages_match() {
        let message = phrase(Phrase::TooManyToCarry);
        assert!(
            message.contains(&format!(" {} actions", crate::actions::MAX_ACTIONS)),
            "{message}"
        );
        let message = Sentence::Problem(1, AgreeProblem::TooLong).text();
        assert!(
            message.contains(&format!(" {MAX_NOTE_BYTES} characters")),
            "{message}"
        );
    }
}
