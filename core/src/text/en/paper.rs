//! Words of the board paper and its download button.

use crate::text::paper::Phrase;

#[inline(always)]
pub(crate) fn phrase(phrase: Phrase) -> &'static str {
    match phrase {
        Phrase::Purpose => "Purpose",
        Phrase::ForDiscussion => "For discussion",
        Phrase::Summary => "Summary",
        Phrase::ChosenDescription => "Description chosen",
        Phrase::Download => "Download Word document (.docx)",
        Phrase::Preparing => "Preparing the Word document…",
        Phrase::Failed => {
            "The Word document could not be made. Try again, or use one of the other downloads: they still work."
        }
    }
}
