//! Words and sentences of the assessment view.

use std::fmt::{self, Write};

use crate::text::assessment::{Phrase, Sentence};

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::StartNow => "Start now",
        Phrase::YouHaveSavedAnswers => "You have saved answers",
        Phrase::ContinueWhereYouLeftOff => "Continue where you left off",
        Phrase::ClearMyAnswers => "Clear my answers",
        Phrase::HowToAnswer => {
            "For each question, choose the description that fits your trust best, or “Don’t know”. You will see your answers before your results."
        }
        Phrase::AnswersStayInBrowser => {
            "Your answers stay in this browser. Nothing is sent to a server. Answers are saved on this device as you go, so you can come back to them."
        }
        Phrase::CompareResults => "Compare results",
        Phrase::CompareResultsIntro => {
            "Board members, or organisations across a system, can put their shared results side by side to see where they differ. "
        }
        Phrase::SourceLabel => "Source: ",
        Phrase::Back => "Back",
        Phrase::NothingChosen => {
            "Select the description that fits your trust best, or select “Don’t know”"
        }
        Phrase::Or => "or",
        Phrase::NotesOptional => "Notes (optional)",
        Phrase::NotesHint => {
            "For example, evidence for your answer or what you would ask the board. Notes stay in this browser."
        }
        Phrase::Continue => "Continue",
        Phrase::CheckYourAnswers => "Check your answers",
        Phrase::NotesLabel => "Notes: ",
        Phrase::Change => "Change",
        Phrase::NowSeeYourResults => "Now see your results",
        Phrase::WorkedOutInBrowser => {
            "Your results are worked out in this browser. Nothing is sent anywhere."
        }
        Phrase::SeeYourResults => "See your results",
        Phrase::YourResults => "Your results",
        Phrase::SharedResults => "Shared results",
        Phrase::ImportantAnswersDisagree => "Important: answers that disagree",
        Phrase::QuestionByQuestion => "Question by question",
        Phrase::AnswersTableCaption => "Answers by question (the chart’s data, with your notes)",
        Phrase::SharedAnswersTableCaption => {
            "Answers by question (the chart’s data, with any notes shared)"
        }
        Phrase::YourNotes => "Your notes",
        Phrase::YourNotesLabel => "Your notes: ",
        Phrase::ChartCaption => {
            "Level given for each question, by question number as in the table below. Longer bars are further along: Absent, Siloed, Embedded. “Don’t know” is shown as an outlined bar."
        }
        Phrase::ChangeYourAnswers => "Change your answers",
        Phrase::SavedUntilStartAgain => {
            "Your answers are saved in this browser until you start again."
        }
        Phrase::CompareWithOthers => "Compare results with other board members or organisations",
        Phrase::StartAgain => "Start again",
        Phrase::WhatYouCanDoNext => "What you can do next",
        Phrase::ReadOnlyExplained => {
            "These results are read-only. “Edit a copy” puts these answers and notes into this browser so you can change them and make your own results; it keeps the organisation but not the role, which you choose when you share. If this browser has answers of your own, you will be asked before they are replaced."
        }
        Phrase::EditACopy => "Edit a copy",
        Phrase::CompareTheseResults => "Compare these results with others",
        Phrase::ShareYourResults => "Share your results",
        Phrase::ShareExplained => {
            "Anyone you send the link to sees these results. Your answers travel inside the link itself: nothing is stored on a server."
        }
        Phrase::OrganisationLabel => "Organisation name or ODS code (optional)",
        Phrase::RoleLegend => "Your role (optional)",
        Phrase::IncludeNotes => "Include my notes in the link",
        Phrase::NoteTooLongForLink => {
            "A note is too long to go in a link. Download the results as a file to keep your notes."
        }
        Phrase::ShareLinkLabel => "Link to these results",
        Phrase::ShareQrLabel => "QR code of the link to these results",
        Phrase::ShareQrCaption => {
            "Scan with a phone camera to open these results on another device."
        }
        Phrase::ShareLinkTooLongForQr => {
            "The link is too long for a QR code that phones can scan easily. Send the link instead, or untick your notes."
        }
        Phrase::LinkWouldBeTooLong => "The link would be too long",
        Phrase::NextSteps => "Next steps",
        Phrase::PrintOrDownload => "Print or download",
        Phrase::CompareWithColleagues => "Compare with colleagues",
        Phrase::CompareThese => "Compare these results",
        Phrase::SaveOrPrint => "Print or download",
        Phrase::SaveOrPrintExplained => {
            "Print your results, or save them as a PDF from the print window, for board papers. Or download them as a file: files are made in this browser."
        }
        Phrase::PrintOrSavePdf => "Print or save as PDF",
        Phrase::DeleteYourAnswers => "Delete your answers?",
        Phrase::DeleteMyAnswers => "Delete my answers",
        Phrase::ReplaceYourAnswers => "Replace your answers with this copy?",
        Phrase::ReplaceMyAnswers => "Replace my answers",
        Phrase::KeepMyAnswers => "Keep my answers",
        Phrase::BrokenShareLink => "This results link does not work",
        Phrase::LatePagesFailed => "This page could not be loaded",
        Phrase::LatePagesFailedText => {
            "Your answers are kept. Check your internet connection, then try again."
        }
        Phrase::TryAgain => "Try again",
        Phrase::CannotSave => {
            "Your answers cannot be saved in this browser, because storage is blocked or full. You can still finish the assessment, but if you close or reload this page your answers will be lost."
        }
        Phrase::AnswersDeleted => "Your answers have been deleted from this browser.",
        Phrase::ChangedInOtherTab => "Your answers were changed in another tab or window.",
        Phrase::DeletedInOtherTab => "Your answers were deleted in another tab or window.",
        Phrase::OtherTabChangedHeading => "Your answers were changed in another tab or window",
        Phrase::OtherTabDeletedHeading => "Your answers were deleted in another tab or window",
        Phrase::OtherTabExplained => {
            "The answers on this page are different. So that neither is lost, nothing on this page is saved until you choose. If you keep these answers, the other tab or window will ask the same question."
        }
        Phrase::UseOtherTabAnswers => "Use the answers from the other tab",
        Phrase::DeleteTheseAnswersToo => "Delete these answers too",
        Phrase::KeepTheseAnswers => "Keep these answers",
        Phrase::UnreadableWillBeKept => {
            "They may have been saved by a newer version of this self-assessment. They are kept exactly as they are: new answers will be saved beside them, not over them."
        }
        Phrase::UnreadableKeptAside => {
            "Answers saved in this browser earlier could not be read. They have been kept aside exactly as they were, and your new answers are saved beside them, not over them."
        }
        Phrase::UnreadableKeptEarlier => {
            "Answers saved in this browser earlier could not be read. They are kept aside, exactly as they were, beside your answers."
        }
        Phrase::DownloadUnreadable => "Download the answers that could not be read (text file)",
        Phrase::UnreadableFileName => "saved-answers-that-could-not-be-read.txt",
        Phrase::CannotSetAside => {
            "Answers saved in this browser earlier could not be read, and this browser would not let them be kept aside. So that they are not lost, your answers are not being saved. You can still finish the assessment, but if you close or reload this page your answers will be lost."
        }
    }
}

#[inline(always)]
pub(crate) fn sentence(sentence: &Sentence<'_>, f: &mut String) -> fmt::Result {
    match *sentence {
        Sentence::SavedAnswers { answered, total } => write!(
            f,
            "This browser has your answers from earlier: {answered} of {total} questions answered."
        ),
        Sentence::QuestionsAndSections {
            questions,
            sections,
        } => write!(
            f,
            "There are {questions} questions in {sections} sections. It takes about 10 minutes."
        ),
        Sentence::SectionQuestions { section, questions } => {
            write!(f, "{section} ({questions} questions)")
        }
        Sentence::SourceCredit {
            publisher,
            published,
            credit,
        } => write!(f, ", {publisher}, {published}. {credit}"),
        Sentence::ProgressCaption { progress, section } => write!(f, "{progress} – {section}"),
        Sentence::QuestionTitle { progress, question } => write!(f, "{progress}: {question}"),
        Sentence::ChangeAnswerTo(question) => write!(f, " your answer to: {question}"),
        Sentence::Provenance {
            organisation,
            role,
            date,
        } => {
            // "From Leeds Teaching Hospitals, Non-executive. Made on 21
            // November 2026."
            let from = match (organisation, role) {
                // The organisation is isolated: an override in it must not
                // reverse the words after it (crate::bidi).
                (Some(organisation), Some(role)) => {
                    write!(f, "From {}, {role}.", crate::bidi::isolate(organisation))?;
                    true
                }
                (Some(one), None) | (None, Some(one)) => {
                    write!(f, "From {}.", crate::bidi::isolate(one))?;
                    true
                }
                (None, None) => false,
            };
            if let Some(date) = date {
                let space = if from { " " } else { "" };
                write!(f, "{space}Made on {date}.")?;
            }
            Ok(())
        }
        Sentence::DiscussionMeta { number, section } => {
            write!(f, "Question {number} · {section} · ")
        }
        Sentence::LinkLengths { with, without } => write!(
            f,
            "With notes the link is {with} characters long; without them, {without}."
        ),
        Sentence::LinkTooLong { length, max } => write!(
            f,
            "With your notes the link is {length} characters. Teams and Outlook cut links longer than {max} characters, so it would not open. Untick “{}”, or download the results as a file below.",
            phrase(Phrase::IncludeNotes)
        ),
        Sentence::Download(format) => {
            write!(f, "Download {} ({})", format.name(), format.purpose())
        }
        Sentence::ConfirmDelete { held, from_results } => {
            write!(
                f,
                "This deletes the answers saved in this browser ({held}). You cannot undo this."
            )?;
            if from_results {
                write!(
                    f,
                    " To keep a copy, choose “{}”, then save, print or share your results first.",
                    phrase(Phrase::KeepMyAnswers)
                )?;
            }
            Ok(())
        }
        Sentence::ConfirmReplace { held } => write!(
            f,
            "This browser already has answers of your own ({held}). Editing a copy of the shared results replaces them, and you cannot undo this."
        ),
    }
}
