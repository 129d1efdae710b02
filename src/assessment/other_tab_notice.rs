//! The question asked when another tab or window saved (or deleted)
//! answers over ones this page has: which answers to keep. Shown above
//! whatever page is showing, which stays usable; nothing is saved until
//! the user chooses (see `tabs_reducer.rs`).

use yew::prelude::*;

use super::Action;
use digital_board_core::text::assessment::Phrase;

/// The id of the question's heading, which names its region.
pub const OTHER_TAB_HEADING_ID: &str = "dba-other-tab-heading";

/// The question, for a save (`deleted` false) or a deletion in the other
/// tab. A plain function, not a component: it has no state of its own.
pub fn other_tab_notice(deleted: bool, on_action: &Callback<Action>) -> Html {
    let (heading, use_theirs) = if deleted {
        (
            Phrase::OtherTabDeletedHeading,
            Phrase::DeleteTheseAnswersToo,
        )
    } else {
        (Phrase::OtherTabChangedHeading, Phrase::UseOtherTabAnswers)
    };
    html! {
        <section class="nhsuk-inset-text dba-notice dba-other-tab dba-no-print" aria-labelledby={OTHER_TAB_HEADING_ID}>
            <h2 class="nhsuk-heading-s" id={OTHER_TAB_HEADING_ID}>{ heading.text() }</h2>
            <p>{ Phrase::OtherTabExplained.text() }</p>
            <div class="nhsuk-button-group">
                <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::UseOtherTab)}>
                    { use_theirs.text() }
                </button>
                <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::KeepThisTab)}>
                    { Phrase::KeepTheseAnswers.text() }
                </button>
            </div>
        </section>
    }
}
