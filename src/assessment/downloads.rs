//! "Print or download": print (or save as PDF) and the file downloads, for
//! one's own results and for a shared result alike. Files are made in the
//! browser.

use yew::prelude::*;

use crate::components::word_button::{WordButton, WordPaper};
use crate::dom;
use digital_board_core::export::{ExportFormat, ExportMeta, file_name};
use digital_board_core::label::Label;
use digital_board_core::model::Assessment;
use digital_board_core::paper;
use digital_board_core::scoring::Answers;
use digital_board_core::text::assessment::{Phrase, Sentence};

/// Id of the heading the summary's "Print or download" link leads to.
pub const DOWNLOADS_ID: &str = "dba-downloads";

/// The print button, the Word board paper and one download button per
/// format. A plain
/// function, not a component: it has no state, and a component would cost
/// the wasm more than its markup.
pub fn downloads(
    assessment: &'static Assessment,
    answers: &Answers,
    meta: &ExportMeta,
    label: &Label,
) -> Html {
    let download = |format: ExportFormat| {
        let answers = answers.clone();
        let meta = meta.clone();
        Callback::from(move |_: MouseEvent| {
            let name = file_name(assessment, &meta, format.extension());
            dom::download(
                &name,
                format.media_type(),
                &format.render(assessment, &answers, &meta),
            );
        })
    };
    html! {
        <div class="dba-downloads dba-no-print">
            <h2 class="nhsuk-heading-m" id={DOWNLOADS_ID} tabindex="-1">{ Phrase::SaveOrPrint.text() }</h2>
            <p>{ Phrase::SaveOrPrintExplained.text() }</p>
            <div class="nhsuk-button-group">
                <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={Callback::from(|_: MouseEvent| dom::print())}>
                    { Phrase::PrintOrSavePdf.text() }
                </button>
                { WordButton {
                    paper: WordPaper::Result,
                    payload: paper::result_record(assessment, answers, label, &meta.actions).into(),
                    file_name: file_name(assessment, meta, "docx").into(),
                    date: meta.date.clone().map(AttrValue::from),
                    link: None,
                }.html() }
                { for ExportFormat::ALL.iter().map(|&format| html! {
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download(format)}>
                        { Sentence::Download(format).text() }
                    </button>
                }) }
            </div>
        </div>
    }
}
