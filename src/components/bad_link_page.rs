//! The page shown for a share or compare link that cannot be read.

use digital_board_core::text::common::Phrase;
use yew::prelude::*;

use super::HEADING_ID;

/// Properties of [`BadLinkPage`].
#[derive(Properties, PartialEq)]
pub struct BadLinkPageProps {
    /// The heading, which says which kind of link does not work (each
    /// view's own words).
    pub heading: &'static str,
    /// What is wrong with the link and what to do.
    pub message: AttrValue,
    /// "Start your own assessment": each view sends its own action.
    pub on_start_own: Callback<MouseEvent>,
}

/// An NHS-style error page for a damaged, edited or unknown link.
#[function_component(BadLinkPage)]
pub fn bad_link_page(props: &BadLinkPageProps) -> Html {
    html! {
        <div class="dba-page dba-page--bad-link">
            <h1 id={HEADING_ID} tabindex="-1">{ props.heading }</h1>
            <p class="dba-link-error">{ props.message.clone() }</p>
            <p>{ Phrase::AnswersUnchanged.text() }</p>
            <button class="nhsuk-button" type="button" onclick={props.on_start_own.clone()}>
                { Phrase::StartOwnAssessment.text() }
            </button>
        </div>
    }
}
