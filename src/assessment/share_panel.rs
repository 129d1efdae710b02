//! Share your results: the share link (with optional organisation, role
//! and notes), Copy link and a QR code; then print and the downloads.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::Action;
use super::downloads::downloads;
use crate::components::link_box::LinkBox;
use digital_board_core::actions::Commitment;
use digital_board_core::date::Date;
use digital_board_core::export::ExportMeta;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Assessment;
use digital_board_core::scoring::Answers;
use digital_board_core::share::{self, MAX_LINK_CHARS, MAX_ORGANISATION_CHARS, SharedResult};
use digital_board_core::text::actions::{Phrase as ActionPhrase, Sentence as ActionSentence};
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// Id of the share panel's heading, which the summary's "Share your
/// results" link leads to.
pub const SHARE_ID: &str = "dba-share";

/// Id of the read-only field holding the link.
const LINK_ID: &str = "dba-share-link";

/// Properties of [`SharePanel`].
#[derive(Properties, PartialEq)]
pub struct SharePanelProps {
    /// The assessment.
    pub assessment: &'static Assessment,
    /// The completed answers.
    pub answers: Answers,
    /// Organisation and role, as typed.
    pub label: Label,
    /// Whether the link carries the notes.
    pub include_notes: bool,
    /// The date the result is shared on.
    pub today: Option<Date>,
    /// The page address the link is built on.
    pub base_url: AttrValue,
    /// Receives label and notes choices.
    pub on_action: Callback<Action>,
    /// The board's actions, for the downloads and, if chosen, the link.
    #[prop_or_default]
    pub actions: Vec<Commitment>,
    /// Whether the link carries the actions.
    #[prop_or_default]
    pub include_actions: bool,
}

/// The label to carry, if the user gave one.
pub fn given_label(label: &Label) -> Option<Label> {
    let organisation = label.organisation.trim();
    (!organisation.is_empty() || label.role != Role::Unspecified).then(|| Label {
        organisation: organisation.to_owned(),
        role: label.role,
    })
}

/// What the exports say about who and when.
pub fn export_meta(
    label: Option<&Label>,
    date: Option<Date>,
    share_code: Option<String>,
    actions: &[Commitment],
) -> ExportMeta {
    ExportMeta {
        organisation: label.map(|l| l.organisation.clone()),
        role: label
            .filter(|l| l.role != Role::Unspecified)
            .map(|l| l.role.name().to_owned()),
        date: date.map(|d| d.to_string()),
        share_code,
        actions: actions.to_vec(),
    }
}

/// A small checkbox choosing what the link carries, with the link's
/// length either way as its hint.
fn include_checkbox(
    id: &'static str,
    label: &'static str,
    checked: bool,
    onchange: Callback<Event>,
    hint: String,
) -> Html {
    let hint_id = format!("{id}-hint");
    html! {
        <div class="nhsuk-form-group">
            <div class="nhsuk-checkboxes nhsuk-checkboxes--small">
                <div class="nhsuk-checkboxes__item">
                    <input class="nhsuk-checkboxes__input" {id} type="checkbox"
                        {checked} {onchange} aria-describedby={hint_id.clone()} />
                    <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>{ label }</label>
                    <div class="nhsuk-hint nhsuk-checkboxes__hint" id={hint_id}>{ hint }</div>
                </div>
            </div>
        </div>
    }
}

/// The share and export panel under the user's own results.
#[function_component(SharePanel)]
pub fn share_panel(props: &SharePanelProps) -> Html {
    let assessment = props.assessment;
    let label = given_label(&props.label);
    let has_notes = props.answers.notes.iter().any(|n| !n.trim().is_empty());
    let without_notes = Answers::from_responses(props.answers.responses.clone());
    let has_actions = !props.actions.is_empty();
    let carry_actions = props.include_actions && has_actions;
    let build_with = |answers: Answers, actions: bool| {
        SharedResult::new(assessment, answers, label.clone(), props.today).and_then(|result| {
            if actions {
                result.with_actions(props.actions.clone())
            } else {
                Ok(result)
            }
        })
    };
    let build = |answers: Answers| build_with(answers, carry_actions);
    let with_notes_result = build(props.answers.clone());
    let without_notes_result = build(without_notes.clone());

    let payload_of = |result: &Result<SharedResult, _>| result.as_ref().ok().map(share::encode);
    let payload_with = payload_of(&with_notes_result);
    let payload_without = payload_of(&without_notes_result);
    let notes_chosen = props.include_notes && has_notes;
    let length_of = |payload: &Option<String>| {
        payload
            .as_ref()
            .map(|p| share::link_length(&props.base_url, p))
    };
    let chosen = if notes_chosen {
        &payload_with
    } else {
        &payload_without
    };
    // The link's length with and without the actions, the notes as chosen:
    // the chosen link is one of the two, so only the other is made.
    let other = has_actions.then(|| {
        let answers = if notes_chosen {
            props.answers.clone()
        } else {
            without_notes
        };
        payload_of(&build_with(answers, !carry_actions))
    });
    let (with_actions, without_actions) = match other.flatten() {
        other if carry_actions => (chosen.clone(), other),
        other => (other, chosen.clone()),
    };
    let link = chosen.as_ref().map(|p| share::link(&props.base_url, p));
    let link_length = length_of(chosen);

    let on_organisation = props.on_action.reform(|e: InputEvent| {
        Action::SetOrganisation(e.target_unchecked_into::<HtmlInputElement>().value())
    });
    let on_notes = props.on_action.reform(|e: Event| {
        Action::IncludeNotes(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let on_actions = props.on_action.reform(|e: Event| {
        Action::IncludeActions(e.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let meta = export_meta(
        label.as_ref(),
        props.today,
        payload_without.clone(),
        &props.actions,
    );
    let label_error = matches!(with_notes_result, Err(share::ShareBuildError::LabelTooLong));

    html! {
        <>
        <div class="dba-share dba-no-print">
            <h2 class="nhsuk-heading-m" id={SHARE_ID} tabindex="-1">{ Phrase::ShareYourResults.text() }</h2>
            <p>{ Phrase::ShareExplained.text() }</p>
            <div class={classes!("nhsuk-form-group", label_error.then_some("nhsuk-form-group--error"))}>
                <label class="nhsuk-label" for="dba-organisation">{ Phrase::OrganisationLabel.text() }</label>
                if label_error {
                    <span class="nhsuk-error-message" id="dba-organisation-error">
                        <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>
                        { share::ShareBuildError::LabelTooLong.message() }
                    </span>
                }
                <input class={classes!("nhsuk-input", label_error.then_some("nhsuk-input--error"))}
                    id="dba-organisation" name="organisation" type="text" autocomplete="organization"
                    aria-describedby={label_error.then_some("dba-organisation-error")}
                    maxlength={MAX_ORGANISATION_CHARS.to_string()} value={props.label.organisation.clone()} oninput={on_organisation} />
            </div>
            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ Phrase::RoleLegend.text() }</legend>
                    <div class="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
                        // The board's agreed answers are offered as the
                        // board's while they are: members choose their own.
                        { for Role::ALL.iter().chain((props.label.role == Role::Board).then_some(&Role::Board)).enumerate().map(|(i, &role)| {
                            let id = format!("dba-role-{}", i + 1);
                            html! {
                                <div class="nhsuk-radios__item">
                                    <input class="nhsuk-radios__input" id={id.clone()} name="role" type="radio"
                                        checked={props.label.role == role}
                                        onchange={props.on_action.reform(move |_: Event| Action::SetRole(role))} />
                                    <label class="nhsuk-label nhsuk-radios__label" for={id}>{ role.name() }</label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            if has_notes {
                { include_checkbox(
                    "dba-include-notes",
                    Phrase::IncludeNotes.text(),
                    props.include_notes,
                    on_notes,
                    match (length_of(&payload_with), length_of(&payload_without)) {
                        (Some(with), Some(without)) => Sentence::LinkLengths { with, without }.text(),
                        _ => Phrase::NoteTooLongForLink.text().to_owned(),
                    },
                ) }
            }
            if has_actions {
                { include_checkbox(
                    "dba-include-actions",
                    ActionPhrase::IncludeActions.text(),
                    props.include_actions,
                    on_actions,
                    match (length_of(&with_actions), length_of(&without_actions)) {
                        (Some(with), Some(without)) => ActionSentence::LinkLengths { with, without }.text(),
                        _ => String::new(),
                    },
                ) }
            }
            { match (link, link_length) {
                (Some(link), Some(length)) if length <= MAX_LINK_CHARS => html! {
                    <LinkBox id={LINK_ID} {link} label={Phrase::ShareLinkLabel.text()}
                        qr_label={Phrase::ShareQrLabel.text()}
                        qr_caption={Phrase::ShareQrCaption.text()}
                        too_long_for_qr={Phrase::ShareLinkTooLongForQr.text()} />
                },
                (_, Some(length)) => html! {
                    <div class="nhsuk-card nhsuk-card--warning">
                        <div class="nhsuk-card__content">
                            <h3 class="nhsuk-card__heading">{ Phrase::LinkWouldBeTooLong.text() }</h3>
                            <p class="nhsuk-card__description">{ Sentence::LinkTooLong { length, max: MAX_LINK_CHARS }.text() }</p>
                        </div>
                    </div>
                },
                _ => html! {},
            } }

        </div>
        { downloads(assessment, &props.answers, &meta, &props.label) }
        </>
    }
}
