//! Which results were made with an earlier version of the questions, and
//! what happened to their answers: said on the gather page after an
//! addition, and on the comparison page of a compare link opened from the
//! address ([`digital_board_core::compare::collect::Notice`]).

use yew::prelude::*;

use digital_board_core::compare::collect::Notice;
use digital_board_core::text::compare::Sentence;

/// The notices as an inset text (nothing when there are none), in the style
/// of the shared results page's version notice.
pub fn version_notices(notices: &[Notice]) -> Html {
    if notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="nhsuk-inset-text dba-version-notice dba-compare-notices" role="status">
            <ul class="nhsuk-list">
                { for notices.iter().map(|notice| html! {
                    <li><strong>{ Sentence::ProblemSource(&notice.source).text() }</strong>{ notice.message.clone() }</li>
                }) }
            </ul>
        </div>
    }
}
