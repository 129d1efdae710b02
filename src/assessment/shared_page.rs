//! Someone else's results, opened from a share link: the results page,
//! read-only, and what the user can do with them.

use yew::prelude::*;

use super::Action;
use super::results_page::ResultsPage;
use crate::components::action_link;
use crate::dom;
use digital_board_core::share::SharedResult;

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
        >
            <div class="dba-actions dba-no-print">
                <h2 class="nhsuk-heading-m">{ "What you can do next" }</h2>
                <p>{ "These results are read-only. “Edit a copy” puts these answers into this browser so you can change them and make your own results. If this browser has answers of your own, you will be asked before they are replaced." }</p>
                <div class="nhsuk-button-group">
                    <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::StartOwn)}>
                        { "Start your own assessment" }
                    </button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::EditCopy)}>
                        { "Edit a copy" }
                    </button>
                </div>
                <p><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::OpenCompare(Some(dom::fragment())))}>{ "Compare these results with others" }</a></p>
            </div>
        </ResultsPage>
    }
}
