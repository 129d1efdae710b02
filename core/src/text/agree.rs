//! Words of the board's agreed position and of following up last time's
//! actions ([`crate::compare::agree`], [`crate::compare::follow_up`]), and
//! of taking either up as this browser's result ([`crate::handover`]).

use super::edition;
use crate::compare::LevelCounts;
use crate::compare::agree::AgreeProblem;
use crate::model::Level;
use crate::scoring::Response;

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The button on a board comparison, and the heading and title of the
    /// page it opens.
    RecordAgreed,
    /// What the page is for.
    AgreeIntro,
    /// What saving does.
    AgreeOutcome,
    /// The label of a question's reason.
    ReasonLabel,
    /// The label of a question's dissent.
    DissentLabel,
    /// The hint under it.
    DissentHint,
    /// The button that saves the board's agreed answers.
    SaveAgreed,
    /// The link back to the comparison.
    BackToComparison,
    /// The heading over last time's actions in a then and now.
    FollowUpHeading,
    /// What to do with them.
    FollowUpIntro,
    /// Said when the earlier result carried no actions.
    NoEarlierActions,
    /// The legend of an action's status.
    StatusLegend,
    /// Before the change on an action's questions.
    SinceThen,
    /// An action linked to no question.
    NoLinkedQuestions,
    /// The button that carries the statuses to the later result.
    CarryStatuses,
    /// What that does.
    CarryExplained,
    /// The heading of the page asking before the board's answers (or a
    /// later result) replace this browser's own.
    ReplaceHeading,
    /// What would be lost.
    ReplaceText,
    /// The button that replaces them.
    ReplaceButton,
    /// The notice after the board's answers were taken up.
    BoardTakenUp,
    /// The notice after last time's actions joined this browser's result.
    FollowUpTakenUp,
    /// The notice when last time's actions would make this browser's list
    /// of actions too long.
    TooManyToCarry,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show.
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::agree::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// The note kept with an agreed answer: the reason, then the dissent.
    Note {
        /// Why the board agreed it (may be empty).
        reason: &'a str,
        /// Any dissent (may be empty).
        dissent: &'a str,
    },
    /// The answer suggested for a question.
    Suggested(Response),
    /// No suggestion: the middle answers are two levels.
    SplitMiddle(Level, Level),
    /// How the members answered a question.
    Counts(LevelCounts),
    /// A question's problem, numbered from 1.
    Problem(usize, AgreeProblem),
    /// An action with no status chosen, numbered from 1.
    NoStatus(usize),
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::agree::sentence(self, &mut out);
        out
    }
}
