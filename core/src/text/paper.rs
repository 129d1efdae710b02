//! Words of the board paper (the Word document of a result or a
//! comparison, [`crate::paper`]) and of the button that downloads it.

use super::edition;

/// A word, heading or sentence with nothing to fill in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phrase {
    /// The label "Purpose", in the paper's opening lines.
    Purpose,
    /// What the paper is for, after "Purpose": "For discussion".
    ForDiscussion,
    /// The heading "Summary".
    Summary,
    /// The column, and label, of the level description the member chose.
    ChosenDescription,
    /// The download button: "Download Word document (.docx)".
    Download,
    /// The button's status while the document is made.
    Preparing,
    /// The button's error when the document could not be made.
    Failed,
}

impl Phrase {
    /// The phrase in the edition built in. Inlined, so each call site
    /// carries only the words it can show (each wasm bundle only its own).
    #[inline(always)]
    pub fn text(self) -> &'static str {
        edition::paper::phrase(self)
    }
}
