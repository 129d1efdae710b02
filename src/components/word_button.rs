//! "Download Word document (.docx)": a result's or a comparison's board
//! paper as a Word document. The writer is its own wasm bundle, which the
//! page (www/start.js) loads only when this button is clicked, so the
//! button asks the page for the document with an event
//! ([`dom::DOWNLOAD_WORD_EVENT`]) and the page reports progress and
//! failure in the status line beside it.

use yew::prelude::*;

use crate::dom;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::paper::Phrase;

/// Which paper the Word document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordPaper {
    /// A result (own or shared): the payload is a result record,
    /// `digital_board_core::paper::result_record`.
    Result,
    /// A comparison: the payload is its compare link payload,
    /// `digital_board_core::compare::codec::encode`.
    Comparison,
}

/// The Word download button and its status line, for a download button
/// group: `{ WordButton { … }.html() }`. Its wrapper (`display: contents`)
/// leaves the button in the group's row, and the status line takes a row
/// of its own when it says something.
///
/// A plain value rendered by [`WordButton::html`], not a Yew component: as
/// a function component it cost each bundle 0.7 KB gzip more (measured
/// 2026-12-07), and it has no state of its own to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct WordButton {
    /// Which paper.
    pub paper: WordPaper,
    /// What the document is made from (see [`WordPaper`]).
    pub payload: AttrValue,
    /// The file's name, ending ".docx".
    pub file_name: AttrValue,
    /// The date of the result or comparison, "YYYY-MM-DD".
    pub date: Option<AttrValue>,
    /// A comparison's compare link, if one fits.
    pub link: Option<AttrValue>,
}

impl WordButton {
    /// The button, which asks the page for the document, and its status
    /// line, which the page writes.
    pub fn html(self) -> Html {
        let WordButton {
            paper,
            payload,
            file_name,
            date,
            link,
        } = self;
        let kind = match paper {
            WordPaper::Result => "result",
            WordPaper::Comparison => "comparison",
        };
        let onclick = Callback::from(move |event: MouseEvent| {
            // Sent from the button, so the page finds its status line.
            if let Some(button) = event.target() {
                dom::ask_for_word(
                    &button,
                    &[
                        ("kind", Some(kind)),
                        ("payload", Some(&payload)),
                        ("fileName", Some(&file_name)),
                        ("date", date.as_deref()),
                        ("link", link.as_deref()),
                        ("preparing", Some(Phrase::Preparing.text())),
                        ("failed", Some(Phrase::Failed.text())),
                        ("errorPrefix", Some(CommonPhrase::ErrorPrefix.text())),
                    ],
                );
            }
        });
        html! {
            <div class="dba-word">
                <button class="nhsuk-button nhsuk-button--secondary" type="button" {onclick}>
                    { Phrase::Download.text() }
                </button>
                // Written by www/start.js, never by Yew, which leaves it empty.
                <p class="dba-word__status" role="status"></p>
            </div>
        }
    }
}
