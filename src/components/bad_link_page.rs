//! The page shown for a share or compare link that cannot be read.

use yew::prelude::*;

use super::HEADING_ID;

/// Heading (and title) for a share link that cannot be read.
pub const BROKEN_SHARE_LINK: &str = "This results link does not work";

/// Heading (and title) for a compare link that cannot be read.
pub const BROKEN_COMPARE_LINK: &str = "This compare link does not work";

/// Properties of [`BadLinkPage`].
#[derive(Properties, PartialEq)]
pub struct BadLinkPageProps {
    /// The heading: [`BROKEN_SHARE_LINK`] or [`BROKEN_COMPARE_LINK`].
    #[prop_or(BROKEN_SHARE_LINK)]
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
            <p>{ "Any answers saved in this browser have not been changed." }</p>
            <button class="nhsuk-button" type="button" onclick={props.on_start_own.clone()}>
                { "Start your own assessment" }
            </button>
        </div>
    }
}
