//! Someone else's results, opened from a share link: the results page,
//! read-only, with the same print and downloads as one's own, and what the
//! user can do with them.

use yew::prelude::*;

use super::Action;
use super::downloads::downloads;
use super::results_page::ResultsPage;
use super::share_panel::export_meta;
use crate::components::action_link;
use crate::dom;
use digital_board_core::share::{self, SharedResult};
use digital_board_core::text::assessment::Phrase;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::versions::Sentence as VersionSentence;

/// The shared results page. A plain function, not a component: it has no
/// state of its own, and a component would cost the wasm more than its
/// markup.
pub fn shared_page(result: &SharedResult, on_action: &Callback<Action>) -> Html {
    html! {
        <ResultsPage
            assessment={result.assessment()}
            answers={result.answers().clone()}
            on_action={on_action.clone()}
            read_only=true
            label={result.label().cloned()}
            date={result.date()}
            actions={result.actions().to_vec()}
            version_notice={result.version_change().map(|change| AttrValue::from(VersionSentence::MadeWithEarlier(change).text()))}
        >
            { downloads(
                result.assessment(),
                result.answers(),
                &export_meta(result.label(), result.date(), Some(share::encode(result)), result.actions()),
                &result.label().cloned().unwrap_or_default(),
            ) }
            <div class="dba-actions dba-no-print">
                <h2 class="nhsuk-heading-m">{ Phrase::WhatYouCanDoNext.text() }</h2>
                <p>{ Phrase::ReadOnlyExplained.text() }</p>
                <div class="nhsuk-button-group">
                    <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::StartOwn)}>
                        { CommonPhrase::StartOwnAssessment.text() }
                    </button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::EditCopy)}>
                        { Phrase::EditACopy.text() }
                    </button>
                </div>
                <p><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::OpenCompare(Some(dom::fragment())))}>{ Phrase::CompareTheseResults.text() }</a></p>
            </div>
        </ResultsPage>
    }
}
