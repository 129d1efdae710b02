//! A link to copy: the read-only field, "Copy link" with a fallback that
//! selects the text, and a QR code when the link is short enough to scan,
//! which can be shown larger for a shared screen.
//! Used for share links and compare links.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::qr_code::QrCode;
use crate::dom;
use digital_board_core::text::common::{Phrase, Sentence};

/// Longest link shown as a QR code: longer ones make codes too dense to
/// scan from a meeting-room screen.
pub const MAX_QR_LINK_CHARS: usize = 400;

/// Properties of [`LinkBox`].
#[derive(Properties, PartialEq)]
pub struct LinkBoxProps {
    /// Id of the field (unique on the page).
    pub id: AttrValue,
    /// The link (at most [`digital_board_core::share::MAX_LINK_CHARS`] characters).
    pub link: AttrValue,
    /// The field's label.
    pub label: AttrValue,
    /// Accessible name of the QR code.
    pub qr_label: AttrValue,
    /// Caption under the QR code.
    pub qr_caption: AttrValue,
    /// Said instead of the QR code when the link is too long for one.
    pub too_long_for_qr: AttrValue,
}

/// The link field, Copy link, and QR code.
#[function_component(LinkBox)]
pub fn link_box(props: &LinkBoxProps) -> Html {
    let copy_status = use_state(|| None::<bool>);
    let field = use_node_ref();
    // A larger code for a meeting-room screen, to scan from across the room.
    let large_qr = use_state(|| false);
    let qr_figure = use_node_ref();
    let toggle_qr = {
        let large_qr = large_qr.clone();
        Callback::from(move |_: MouseEvent| large_qr.set(!*large_qr))
    };
    {
        // Once it has grown, bring the whole code into view.
        let qr_figure = qr_figure.clone();
        use_effect_with(*large_qr, move |&large| {
            if let Some(figure) = qr_figure.cast::<web_sys::Element>().filter(|_| large) {
                figure.scroll_into_view();
            }
        });
    }
    let length = props.link.chars().count();
    // Opened from a file (the single-file edition): the link names a file
    // on this computer, so it cannot open on another device, by QR code or
    // otherwise.
    let from_file = props.link.starts_with("file:");
    let qr = length <= MAX_QR_LINK_CHARS && !from_file;
    let hint_id = format!("{}-hint", props.id);
    let copy = {
        let status = copy_status.clone();
        let link = props.link.to_string();
        let field = field.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let field = field.clone();
            dom::copy_to_clipboard(
                link.clone(),
                Callback::from(move |copied: bool| {
                    if !copied && let Some(input) = field.cast::<HtmlInputElement>() {
                        dom::select_all(&input);
                    }
                    status.set(Some(copied));
                }),
            );
        })
    };
    html! {
        <>
        <div class="nhsuk-form-group">
            <label class="nhsuk-label" for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="nhsuk-hint" id={hint_id.clone()}>{ Sentence::LinkLengthHint { length, qr, from_file }.text() }</div>
            <input ref={field} class="nhsuk-input" id={props.id.clone()} type="text" readonly=true value={props.link.clone()} aria-describedby={hint_id} />
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={copy}>{ Phrase::CopyLink.text() }</button>
        <p class="dba-copy-status" role="status">{ match *copy_status {
            Some(true) => Phrase::LinkCopied.text(),
            Some(false) => Phrase::CopyFailed.text(),
            None => "",
        } }</p>
        if qr {
            <figure ref={qr_figure} class={classes!("dba-qr-figure", large_qr.then_some("dba-qr-figure--large"))}>
                <QrCode text={props.link.clone()} label={props.qr_label.clone()} />
                <figcaption class="nhsuk-body-s">{ props.qr_caption.clone() }</figcaption>
            </figure>
            <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="button" onclick={toggle_qr}>
                { if *large_qr { Phrase::SmallerQrCode.text() } else { Phrase::LargerQrCode.text() } }
            </button>
        } else if !from_file {
            <p class="nhsuk-body-s">{ props.too_long_for_qr.clone() }</p>
        }
        </>
    }
}
