//! What happened to a saved record this page could not read (damaged, or
//! saved by a newer version): it is kept, never saved over, and can be
//! downloaded as a text file (see `tabs_reducer.rs`).

use yew::prelude::*;

use super::Unreadable;
use crate::dom;
use digital_board_core::text::assessment::Phrase;
use digital_board_core::text::common::Phrase as CommonPhrase;

/// The notice: before anything is saved, why it could not be read and that
/// it will be kept; once set aside on this page (`just_kept`), that it has
/// been; on later visits, that it is kept aside. With its download.
/// A plain function, not a component: it has no state of its own.
pub fn unreadable_notice(unreadable: &Unreadable, just_kept: bool) -> Html {
    let said = match (&unreadable.aside, just_kept) {
        (None, _) => html! {
            <>
                <p>{ unreadable.message }</p>
                <p>{ Phrase::UnreadableWillBeKept.text() }</p>
            </>
        },
        (Some(_), true) => html! { <p>{ Phrase::UnreadableKeptAside.text() }</p> },
        (Some(_), false) => html! { <p>{ Phrase::UnreadableKeptEarlier.text() }</p> },
    };
    let text = unreadable.text.clone();
    let download = Callback::from(move |_: MouseEvent| {
        dom::download(
            Phrase::UnreadableFileName.text(),
            "text/plain;charset=utf-8",
            &text,
        );
    });
    html! {
        <div class="nhsuk-inset-text dba-notice dba-unreadable dba-no-print" role="status">
            <span class="nhsuk-u-visually-hidden">{ CommonPhrase::InformationPrefix.text() }</span>
            { said }
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download}>
                { Phrase::DownloadUnreadable.text() }
            </button>
        </div>
    }
}
