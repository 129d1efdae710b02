//! Words of the board's actions.

use std::fmt::{self, Write};

use crate::actions::{DraftError, Prompt, SHORT_LIST, Status};
use crate::text::actions::{Phrase, Sentence};
use crate::text::en::common::MONTHS;

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::Status(Status::NotStarted) => "Not started",
        Phrase::Status(Status::InProgress) => "In progress",
        Phrase::Status(Status::Done) => "Done",
        Phrase::Status(Status::Dropped) => "Dropped",
        Phrase::Heading => "Actions agreed",
        Phrase::Number => "No.",
        Phrase::Action => "Action",
        Phrase::Lead => "Lead",
        Phrase::Due => "By when",
        Phrase::Measure => "How we will know",
        Phrase::Questions => "Questions",
        Phrase::StatusLabel => "Status",
        Phrase::AgreeActions => "Agree actions",
        Phrase::ActionsIntro => {
            "“A good middle ground is to make some clear commitments that will build confidence in your strategy. Equally, breaking those commitments is a sure-fire way to diminish confidence.”"
        }
        Phrase::ActionsExplained => {
            "Record what the board agreed to do after discussing these results: what will be done, who leads it, by when, and how the board will know it worked. Actions are saved in this browser with the answers, and go in the downloads and, if you choose, the link."
        }
        Phrase::NoActionsYet => "No actions yet.",
        Phrase::AddAction => "Add an action",
        Phrase::Change => "Change",
        Phrase::Remove => "Remove",
        Phrase::BackToResults => "Back to the results",
        Phrase::Done => "Done: back to the results",
        Phrase::SignsHeading => "Good commitments are:",
        Phrase::SignsHint => {
            "The guide’s six signs, quoted. Tick each one the board agrees its actions meet."
        }
        Phrase::PromptsHeading => "Worth a second look",
        Phrase::AddHeading => "Add an action",
        Phrase::ChangeHeading => "Change this action",
        Phrase::WhatLabel => "What will be done?",
        Phrase::WhatHint => {
            "Specific and meaningful to everyone: no vague aspirations or insider jargon."
        }
        Phrase::LeadLabel => "Who will lead it?",
        Phrase::LeadHint => "A role is enough, for example Chief digital officer.",
        Phrase::DueLegend => "By when?",
        Phrase::DueHint => "The month and year to aim for, for example 3 2027.",
        Phrase::Month => "Month",
        Phrase::Year => "Year",
        Phrase::MeasureLabel => "How will the board know it worked? (optional)",
        Phrase::MeasureHint => "What will change for patients, staff or your measures?",
        Phrase::QuestionsLegend => "Which questions does it answer? (optional)",
        Phrase::QuestionsHint => "Tick any that apply.",
        Phrase::SaveAction => "Save action",
        Phrase::Cancel => "Cancel",
        Phrase::Removed => "The action has been removed.",
        Phrase::Saved => "The action has been saved.",
        Phrase::ContinueDraft => "Continue the action you were typing (not saved yet)",
        Phrase::IncludeActions => "Include the board’s actions in the link",
        Phrase::MaxActions => {
            "The board has as many actions as one result can hold (12). Remove one to add another."
        }
        Phrase::Error(DraftError::WhatMissing) => "Enter what the board will do",
        // Each limit is checked against its constant in the tests below.
        Phrase::Error(DraftError::WhatTooLong) => {
            "What the board will do must be 300 characters or fewer"
        }
        Phrase::Error(DraftError::LeadMissing) => {
            "Enter who will lead this action (a role is enough)"
        }
        Phrase::Error(DraftError::LeadTooLong) => "The lead must be 80 characters or fewer",
        Phrase::Error(DraftError::MonthMissing) => "The date must include a month",
        Phrase::Error(DraftError::YearMissing) => "The date must include a year",
        Phrase::Error(DraftError::MonthInvalid) => "Month must be a number from 1 to 12",
        Phrase::Error(DraftError::YearInvalid) => "Year must include 4 numbers, from 2020 to 2099",
        Phrase::Error(DraftError::MeasureTooLong) => {
            "How the board will know it worked must be 300 characters or fewer"
        }
    }
}

#[inline(always)]
pub(crate) fn sentence(which: &Sentence, f: &mut String) -> fmt::Result {
    match *which {
        Sentence::MonthYear(by) => write!(
            f,
            "{} {}",
            MONTHS.get(usize::from(by.month()) - 1).copied().unwrap_or_default(),
            by.year()
        ),
        Sentence::Numbered(number) => write!(f, "Action {number}"),
        Sentence::Which(number) => write!(f, " action {number}"),
        Sentence::LinkLengths { with, without } => write!(
            f,
            "With the actions the link is {with} characters long; without them, {without}."
        ),
        Sentence::ForQuestion(number) => write!(f, " for question {number}"),
        Sentence::Prompt(Prompt::NoDate) => f.write_str(
            "There is no date yet. Add the month and year the board will aim for, so it knows when to check.",
        ),
        Sentence::Prompt(Prompt::DateInPast(by)) => {
            f.write_str("The date, ")?;
            sentence(&Sentence::MonthYear(by), f)?;
            f.write_str(
                ", has passed. That is fine for an action carried over: otherwise, check the year.",
            )
        }
        Sentence::Prompt(Prompt::NoMeasure) => f.write_str(
            "Nothing says yet how the board will know it worked. What will change for patients, staff or your measures?",
        ),
        Sentence::Prompt(Prompt::TechnologyOnly) => f.write_str(
            "This names a technology but not what will change for patients or staff. What outcome should it bring?",
        ),
        Sentence::Prompt(Prompt::TooMany(count)) => write!(
            f,
            "The board has {count} actions. A short list of {SHORT_LIST} or fewer is easier for teams to take in: could some wait?"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::{MAX_LEAD_CHARS, MAX_MEASURE_CHARS, MAX_WHAT_CHARS};

    #[test]
    fn limits_in_messages_match() {
        for (error, limit) in [
            (DraftError::WhatTooLong, MAX_WHAT_CHARS),
            (DraftError::LeadTooLong, MAX_LEAD_CHARS),
            (DraftError::MeasureTooLong, MAX_MEASURE_CHARS),
        ] {
            let message = phrase(Phrase::Error(error));
            assert!(
                message.contains(&format!(" {limit} characters")),
                "{message}"
            );
        }
    }
}
