//! The credit to the publication an assessment comes from.

use digital_board_core::text::assessment::{Phrase, Sentence};
use yew::prelude::*;

/// The publication an assessment comes from, linked, and what in the
/// assessment is quoted from it (start and results pages).
pub fn source_credit(source: &'static digital_board_core::model::Source) -> Html {
    html! {
        <p class="nhsuk-body-s">
            { Phrase::SourceLabel.text() }
            <a href={source.url} rel="noreferrer noopener">{ source.title }</a>
            { Sentence::SourceCredit {
                publisher: source.publisher,
                published: source.published,
                credit: source.credit,
            }.text() }
        </p>
    }
}
