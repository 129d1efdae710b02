//! What went wrong, and what to do: the wording of the core's error enums.

use std::fmt;

use crate::actions::MAX_ACTIONS;
use crate::compare::collect::CollectProblem;
use crate::compare::{CompareError, MAX_ENTRIES};
use crate::report::long_date;
use crate::saved::SavedError;
use crate::share::{MAX_NOTE_BYTES, MAX_ORGANISATION_CHARS, ShareBuildError, ShareError};

/// Why a result cannot be made into a link.
pub(crate) fn share_build_error(error: &ShareBuildError) -> String {
    match error {
        ShareBuildError::WrongQuestionCount { expected, found } => {
            format!("These answers are for {found} questions, but the assessment has {expected}.")
        }
        ShareBuildError::Unanswered { question } => format!(
            "Answer question {} before sharing your results. You can choose “Don’t know”.",
            question + 1
        ),
        ShareBuildError::LabelTooLong => format!(
            "Organisation name or ODS code is too long to go in a link. Shorten it to {MAX_ORGANISATION_CHARS} characters or fewer."
        ),
        ShareBuildError::NoteTooLong { question } => format!(
            "Notes for question {} must be {MAX_NOTE_BYTES} characters or fewer to share them in a link.",
            question + 1
        ),
        ShareBuildError::TooManyQuestions => {
            "This assessment has too many questions to share in a link.".to_owned()
        }
        ShareBuildError::InvalidActions => format!(
            "A link can carry up to {MAX_ACTIONS} actions, each with what will be done and a lead. Download the results as a file to keep them all."
        ),
    }
}

/// Why a link cannot be opened, NHS style: what is wrong and what to do.
pub(crate) fn share_error(error: &ShareError, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    const ASK_AGAIN: &str =
        " Ask the sender to copy the whole link again, or to send the results as a file.";
    const REFRESH: &str = " Refresh the page to get the latest version and try again, or ask the sender to send the results as a file.";
    // What is wrong, then what to do (most often: ask again).
    let (wrong, what_to_do) = match *error {
        ShareError::Empty => ("This link does not contain any results.", ASK_AGAIN),
        ShareError::InvalidCharacters => (
            "This link contains characters that cannot be part of a results link. It may have been changed when it was copied or sent.",
            ASK_AGAIN,
        ),
        ShareError::Truncated => (
            "This link is incomplete. It may have been cut off when it was copied.",
            ASK_AGAIN,
        ),
        ShareError::ChecksumMismatch => (
            "This link has been changed or damaged, so we cannot show the results.",
            ASK_AGAIN,
        ),
        ShareError::UnknownFormat { .. } => (
            "This link was made with a newer version of this self-assessment.",
            REFRESH,
        ),
        ShareError::UnknownAssessment => (
            "This link is for an assessment this page does not have.",
            " Check you opened it on the same website the sender used, or ask the sender to send the results as a file.",
        ),
        ShareError::ContentVersion { link, ours } if link > ours => {
            write!(
                f,
                "This link was made with a newer version of the questions (version {link}) than this page has (version {ours})."
            )?;
            return f.write_str(REFRESH);
        }
        ShareError::ContentVersion { link, ours } => {
            return write!(
                f,
                "This link was made with an older version of the questions (version {link}). This page has version {ours}, and the answers cannot be matched to its questions. Ask the sender to send the results as a file, or start your own assessment."
            );
        }
        ShareError::InvalidAnswers => (
            "The answers in this link do not match the questions, so the link may have been changed.",
            ASK_AGAIN,
        ),
        ShareError::InvalidRole => (
            "This link contains a role we do not recognise, so it may have been changed.",
            ASK_AGAIN,
        ),
        ShareError::InvalidText => (
            "The organisation name or notes in this link cannot be read as text, so the link may have been changed.",
            ASK_AGAIN,
        ),
        ShareError::InvalidNotes => (
            "The notes in this link do not match the questions, so the link may have been changed.",
            ASK_AGAIN,
        ),
        ShareError::InvalidActions => (
            "The board’s actions in this link cannot be read, so the link may have been changed.",
            ASK_AGAIN,
        ),
        ShareError::TooLong => (
            "The organisation name or notes in this link are longer than a link can carry.",
            ASK_AGAIN,
        ),
        ShareError::TrailingBytes => (
            "This link has extra characters at the end. It may have been joined to other text when it was copied.",
            " Remove anything after the link, or ask the sender to copy the whole link again.",
        ),
    };
    f.write_str(wrong)?;
    f.write_str(what_to_do)
}

/// Why saved answers could not be loaded.
pub(crate) fn saved_error(error: &SavedError) -> &'static str {
    match error {
        SavedError::UnknownFormat | SavedError::Damaged { .. } => {
            "Answers saved in this browser earlier could not be read, so they were not loaded. You can start again."
        }
        SavedError::OtherAssessment => {
            "The answers saved in this browser are for a different assessment."
        }
    }
}

/// Why a comparison cannot be shown in its mode.
pub(crate) fn compare_error(error: &CompareError, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match error {
        CompareError::NothingAdded => f.write_str(
            "Compare needs at least 2 results. You have added 0. Paste share links, one per line, or choose exported results files.",
        ),
        CompareError::TooFew { count } => write!(
            f,
            "Compare needs at least 2 results. You have added {count}. Add another share link or exported results file."
        ),
        CompareError::NotTwo { count } => write!(
            f,
            "Then and now compares 2 results of the same organisation. You have added {count}. Remove results until 2 are left, or choose another kind of comparison."
        ),
        CompareError::Undated => f.write_str(
            "Then and now needs the date of both results, and at least one of these results has no date. Choose another kind of comparison.",
        ),
        CompareError::SameDate(date) => write!(
            f,
            "Both results are dated {}. Then and now needs results from 2 different dates.",
            long_date(*date)
        ),
    }
}

/// Why a line, a file or a result in it could not be added to a comparison.
pub(crate) fn collect_problem(problem: &CollectProblem, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    match problem {
        CollectProblem::NothingPasted => f.write_str("Paste at least one results link, one per line."),
        CollectProblem::NoResultsInFile => f.write_str(
            "This file does not contain any results links or results. Choose a results file (.json) downloaded from this self-assessment, or a text file of results links.",
        ),
        CollectProblem::NotALink => f.write_str(
            "This is not a results link. Results links end in “#r=” followed by letters and numbers. Copy the whole link from the results page.",
        ),
        CollectProblem::BadLink(error) => write!(f, "{error}"),
        CollectProblem::BadCompareLink(error) => f.write_str(
            &error
                .to_string()
                .replace("This link", "This compare link")
                .replace("this link", "this compare link"),
        ),
        CollectProblem::NoShareCode => f.write_str(
            "This results file has no share code, so it cannot be compared. Open the results again and download a new JSON file, or paste the results link instead.",
        ),
        CollectProblem::NotAResultsFile => f.write_str(
            "This file is not a results file from this self-assessment. Choose a JSON file downloaded from a results page or a comparison, or paste results links instead.",
        ),
        CollectProblem::FileDisagrees => f.write_str(
            "This file’s details do not match its share code, so it may have been edited or be another kind of file. It was not added. Download the file again from the results page, or paste the results link instead.",
        ),
        CollectProblem::NewerFile(version) => write!(
            f,
            "This file was made by a newer version of this self-assessment (file format {version}), so this page cannot read it. Refresh the page to get the latest version and try again, or paste the results link instead."
        ),
        CollectProblem::OtherAssessment { found, ours } => write!(
            f,
            "This result is for “{found}”, but the results added so far are for “{ours}”. Only results of the same assessment can be compared."
        ),
        CollectProblem::Full => write!(
            f,
            "A comparison can hold up to {MAX_ENTRIES} results, so the rest were not added."
        ),
        CollectProblem::AlreadyAdded(results) => {
            f.write_str("Already added (the same answers, organisation, role and date as result ")?;
            write_numbers(f, results)?;
            f.write_str("), so it was not added again.")
        }
        CollectProblem::PartlyAdded { added, already } => {
            let (was, result) = match already.len() {
                1 => ("was", "result"),
                _ => ("were", "results"),
            };
            write!(
                f,
                "{added} added; {} {was} already there (the same answers, organisation, role and date as {result} ",
                already.len()
            )?;
            write_numbers(f, already)?;
            f.write_str(").")
        }
    }
}

/// Result numbers as a list: "2, 1".
fn write_numbers(f: &mut fmt::Formatter<'_>, numbers: &[usize]) -> fmt::Result {
    for (i, number) in numbers.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{number}")?;
    }
    Ok(())
}
