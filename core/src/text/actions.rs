//! Words of the board's actions ([`crate::actions`]): the action form, its
//! errors, the prompts about the signs of a good commitment, and statuses.

use super::edition;
use crate::actions::{DraftError, MonthYear, Prompt, Status};

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// An action's status.
    Status(Status),
    /// What to do about a field of the action form.
    Error(DraftError),
    /// The heading over the board's actions in results and files.
    Heading,
    /// The column of action numbers.
    Number,
    /// The column, and label, "Action".
    Action,
    /// The column, and label, of who leads an action.
    Lead,
    /// The column, and label, of when it is due.
    Due,
    /// The column, and label, of how the board will know it worked.
    Measure,
    /// The column, and label, of the questions an action answers.
    Questions,
    /// The column, and label, "Status".
    StatusLabel,
    /// The heading and title of the actions page, and the results page's
    /// link to it.
    AgreeActions,
    /// The guide's words opening the actions page.
    ActionsIntro,
    /// What the actions page is for.
    ActionsExplained,
    /// Said when there are no actions yet.
    NoActionsYet,
    /// The button, and link, that adds an action.
    AddAction,
    /// The link that changes an action.
    Change,
    /// The link that removes an action.
    Remove,
    /// The actions page's link back to the results.
    BackToResults,
    /// The actions page's button back to the results.
    Done,
    /// The heading over the guide's signs of a good commitment.
    SignsHeading,
    /// What to do with the signs.
    SignsHint,
    /// The heading over the prompts about one action.
    PromptsHeading,
    /// The heading and title of the form adding an action.
    AddHeading,
    /// The heading and title of the form changing an action.
    ChangeHeading,
    /// The label of what will be done.
    WhatLabel,
    /// The hint under it.
    WhatHint,
    /// The label of the lead.
    LeadLabel,
    /// The hint under it.
    LeadHint,
    /// The legend of the due month.
    DueLegend,
    /// The hint under it.
    DueHint,
    /// The label "Month".
    Month,
    /// The label "Year".
    Year,
    /// The label of how the board will know.
    MeasureLabel,
    /// The hint under it.
    MeasureHint,
    /// The legend of the questions an action answers.
    QuestionsLegend,
    /// The hint under it.
    QuestionsHint,
    /// The form's button.
    SaveAction,
    /// The form's link away without saving.
    Cancel,
    /// The notice once an action is removed.
    Removed,
    /// The notice once an action is saved.
    Saved,
    /// The actions page's link back to an action typed and not saved.
    ContinueDraft,
    /// The share panel's checkbox that puts the actions in the link.
    IncludeActions,
    /// Said instead of "Add an action" once there are as many as a result
    /// holds.
    MaxActions,
}

impl Phrase {
    /// The columns of the actions table, in order.
    pub const COLUMNS: [Phrase; 7] = [
        Phrase::Number,
        Phrase::Action,
        Phrase::Lead,
        Phrase::Due,
        Phrase::Measure,
        Phrase::Questions,
        Phrase::StatusLabel,
    ];
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::actions::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence {
    /// A month and year as people write it: "March 2027".
    MonthYear(MonthYear),
    /// A prompt about a sign of a good commitment.
    Prompt(Prompt),
    /// An action's heading on the actions page: "Action 2".
    Numbered(usize),
    /// The hidden part of a Change or Remove link: "action 2".
    Which(usize),
    /// The link's length with and without the actions.
    LinkLengths {
        /// With them.
        with: usize,
        /// Without them.
        without: usize,
    },
    /// The hidden part of a discussion item's "Add an action": " for
    /// question 4".
    ForQuestion(usize),
}

impl Sentence {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::actions::sentence(self, &mut out);
        out
    }
}
