//! Words and sentences of the assessment view: start, questions, check
//! your answers, results, sharing, saving and the confirm questions.

use super::edition;
use crate::export::ExportFormat;

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The start page's button.
    StartNow,
    /// The start page's heading over answers saved earlier.
    YouHaveSavedAnswers,
    /// The start page's button that opens answers saved earlier.
    ContinueWhereYouLeftOff,
    /// The start page's button that deletes answers saved earlier.
    ClearMyAnswers,
    /// The start page's paragraph on how to answer.
    HowToAnswer,
    /// The start page's inset text on where answers are kept.
    AnswersStayInBrowser,
    /// The start page's heading, and link, to the compare view.
    CompareResults,
    /// The start page's paragraph before the "Compare results" link (ends
    /// with a space, before the link).
    CompareResultsIntro,
    /// What the credit to the source starts with, on the start and results
    /// pages.
    SourceLabel,
    /// The back link on the question and Check your answers pages.
    Back,
    /// The question page's error: Continue pressed with nothing chosen.
    NothingChosen,
    /// The divider before "Don’t know" on the question page.
    Or,
    /// The question page's notes label.
    NotesOptional,
    /// The question page's hint under the notes label.
    NotesHint,
    /// The question page's button.
    Continue,
    /// The heading and title of the Check your answers page.
    CheckYourAnswers,
    /// Before a note on Check your answers and shared results.
    NotesLabel,
    /// Each answer's link on Check your answers.
    Change,
    /// The heading at the foot of Check your answers.
    NowSeeYourResults,
    /// The paragraph at the foot of Check your answers.
    WorkedOutInBrowser,
    /// The button at the foot of Check your answers.
    SeeYourResults,
    /// The heading and title of the user's own results.
    YourResults,
    /// The heading and title of results opened from a share link.
    SharedResults,
    /// The heading of a consistency flag's card on the results page.
    ImportantAnswersDisagree,
    /// The results page's heading over the chart and the answers table.
    QuestionByQuestion,
    /// The caption of the answers table on the user's own results.
    AnswersTableCaption,
    /// The caption of the answers table on shared results.
    SharedAnswersTableCaption,
    /// The notes column of the answers table on the user's own results.
    YourNotes,
    /// Before a note under For discussion on the user's own results.
    YourNotesLabel,
    /// The chart's caption on the results page.
    ChartCaption,
    /// The results page's link back to the answers.
    ChangeYourAnswers,
    /// The results page's line on how long answers are kept.
    SavedUntilStartAgain,
    /// The results page's link to the compare view.
    CompareWithOthers,
    /// The results page's button that deletes the answers (after asking).
    StartAgain,
    /// The heading of the shared results' actions.
    WhatYouCanDoNext,
    /// What the shared results' actions do.
    ReadOnlyExplained,
    /// The shared results' button that copies the answers into this browser.
    EditACopy,
    /// The shared results' link to the compare view.
    CompareTheseResults,
    /// The share panel's heading.
    ShareYourResults,
    /// What a share link carries, under the share panel's heading.
    ShareExplained,
    /// The label of the share panel's organisation field.
    OrganisationLabel,
    /// The legend of the share panel's role radios.
    RoleLegend,
    /// The share panel's checkbox that puts notes in the link.
    IncludeNotes,
    /// The notes checkbox's hint when a note cannot go in a link.
    NoteTooLongForLink,
    /// The label of the share link's field.
    ShareLinkLabel,
    /// The accessible name of the share link's QR code.
    ShareQrLabel,
    /// The caption under the share link's QR code.
    ShareQrCaption,
    /// Said instead of the share link's QR code when the link is too long.
    ShareLinkTooLongForQr,
    /// The heading of the warning that the link with notes is too long.
    LinkWouldBeTooLong,
    /// The heading over the next steps in the results' summary.
    NextSteps,
    /// The summary's link down to printing and downloads.
    PrintOrDownload,
    /// The summary's link to the compare view.
    CompareWithColleagues,
    /// A shared result's summary link to the compare view.
    CompareThese,
    /// The heading over printing and downloads.
    SaveOrPrint,
    /// What printing and downloads give.
    SaveOrPrintExplained,
    /// The print button.
    PrintOrSavePdf,
    /// The heading and title of the question asked before deleting answers.
    DeleteYourAnswers,
    /// The button that deletes the answers.
    DeleteMyAnswers,
    /// The heading and title of the question asked before "Edit a copy"
    /// replaces answers.
    ReplaceYourAnswers,
    /// The button that replaces the answers with the copy.
    ReplaceMyAnswers,
    /// The button that keeps the answers, on both confirm questions.
    KeepMyAnswers,
    /// The heading and title of the bad link page for a share link that
    /// cannot be read.
    BrokenShareLink,
    /// The heading when the pages of a result could not be fetched.
    LatePagesFailed,
    /// What to do about it.
    LatePagesFailedText,
    /// The button that fetches them again.
    TryAgain,
    /// The notice shown once when the browser will not let the widget save.
    CannotSave,
    /// The notice on the start page once answers have been deleted.
    AnswersDeleted,
    /// The notice when this page has followed answers saved in another tab.
    ChangedInOtherTab,
    /// The notice when this page has followed answers deleted in another tab.
    DeletedInOtherTab,
    /// The heading of the question asked when another tab saved answers
    /// over ones this page has.
    OtherTabChangedHeading,
    /// The heading of the question asked when another tab deleted answers
    /// this page has.
    OtherTabDeletedHeading,
    /// What the question about another tab's answers means.
    OtherTabExplained,
    /// The button taking up another tab's answers.
    UseOtherTabAnswers,
    /// The button following another tab that deleted its answers.
    DeleteTheseAnswersToo,
    /// The button keeping this page's answers (saved over the other tab's).
    KeepTheseAnswers,
    /// Said of a saved record that could not be read, before anything is saved.
    UnreadableWillBeKept,
    /// Said once a record that could not be read has been set aside.
    UnreadableKeptAside,
    /// Said on later visits of a record that could not be read, kept aside.
    UnreadableKeptEarlier,
    /// The button downloading a record that could not be read.
    DownloadUnreadable,
    /// The file name of a record that could not be read, downloaded.
    UnreadableFileName,
    /// The notice when a record that could not be read cannot be set aside.
    CannotSetAside,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::assessment::phrase(self)
    }
}

/// A sentence with values in it.
#[derive(Debug, Clone, Copy)]
pub enum Sentence<'a> {
    /// Answers saved in this browser, offered on the start page.
    SavedAnswers {
        /// Questions answered.
        answered: usize,
        /// Questions in all.
        total: usize,
    },
    /// The start page's line on the assessment's size and how long it takes.
    QuestionsAndSections {
        /// Questions in all.
        questions: usize,
        /// Sections in all.
        sections: usize,
    },
    /// A section in the start page's list, with its number of questions.
    SectionQuestions {
        /// The section's title.
        section: &'a str,
        /// Its questions.
        questions: usize,
    },
    /// The credit to the source after its linked title, on the start and
    /// results pages: ", publisher, date. What is quoted."
    SourceCredit {
        /// Who published it.
        publisher: &'a str,
        /// When, as the publication gives it.
        published: &'a str,
        /// What is quoted from it.
        credit: &'a str,
    },
    /// The question page's caption: "Question 3 of 13 – Section".
    ProgressCaption {
        /// Where the question comes ("Question 3 of 13").
        progress: &'a str,
        /// Its section's title.
        section: &'a str,
    },
    /// A question page's title (before the product): "Question 3 of 13:
    /// Question text".
    QuestionTitle {
        /// Where the question comes ("Question 3 of 13").
        progress: &'a str,
        /// The question's text.
        question: &'a str,
    },
    /// The visually hidden end of a Change link on Check your answers
    /// (starts with a space, after "Change").
    ChangeAnswerTo(&'a str),
    /// Who the results are from and when, under the results page's
    /// heading; given at least one of the three.
    Provenance {
        /// The organisation, if given.
        organisation: Option<&'a str>,
        /// The role's name, if given.
        role: Option<&'a str>,
        /// The date the results were made, if known.
        date: Option<&'a str>,
    },
    /// Where a discussion item comes from, before its answer's tag on the
    /// results page (ends with a space).
    DiscussionMeta {
        /// The question's number, from 1.
        number: usize,
        /// Its section's title.
        section: &'a str,
    },
    /// The notes checkbox's hint: the link's length with and without notes.
    LinkLengths {
        /// With notes, in characters.
        with: usize,
        /// Without notes, in characters.
        without: usize,
    },
    /// The warning that the link with notes is too long.
    LinkTooLong {
        /// The link's length, in characters.
        length: usize,
        /// The longest link that opens, in characters.
        max: usize,
    },
    /// A download button: "Download CSV (for a spreadsheet)".
    Download(ExportFormat),
    /// What deleting answers loses, on the question asked first.
    ConfirmDelete {
        /// What the answers hold ("9 of 13 questions answered").
        held: &'a str,
        /// Asked from the results page, which can still save them.
        from_results: bool,
    },
    /// What "Edit a copy" replaces, on the question asked first.
    ConfirmReplace {
        /// What the answers hold ("9 of 13 questions answered").
        held: &'a str,
    },
}

impl Sentence<'_> {
    /// The sentence in the edition built in. Inlined, so each call site
    /// carries only the words of its own variant.
    #[inline(always)]
    pub fn text(&self) -> String {
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = edition::assessment::sentence(self, &mut out);
        out
    }
}
