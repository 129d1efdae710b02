//! Gathering results to compare: paste share links or choose exported
//! files, name each result, say what is being compared.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::Action;
use crate::components::HEADING_ID;
use crate::components::action_link;
use crate::components::error_summary::ErrorSummary;
use digital_board_core::compare::collect::Collection;
use digital_board_core::compare::export::column_headings;
use digital_board_core::compare::{MAX_NAME_CHARS, Mode};
use digital_board_core::label::Role;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::compare::{Phrase, Sentence};

/// Id of the paste box, the target of the error summary's link.
pub const LINKS_ID: &str = "dba-compare-links";

/// Properties of [`GatherPage`].
#[derive(Properties, PartialEq)]
pub struct GatherPageProps {
    /// Results gathered so far.
    pub collection: Rc<Collection>,
    /// The paste box's text.
    pub text: AttrValue,
    /// How many results the last addition added.
    pub added: Option<usize>,
    /// Why the comparison cannot be shown yet.
    pub error: Option<AttrValue>,
    /// Receives every change.
    pub on_action: Callback<Action>,
}

/// Reads the chosen files' text in the browser and hands it to the
/// reducer; a file that cannot be read is reported like a bad one.
fn read_files(input: HtmlInputElement, on_action: Callback<Action>) {
    let Some(list) = input.files() else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    // Let the same file be chosen again after a fix.
    input.set_value("");
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for file in files {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|t| t.as_string())
                .unwrap_or_default();
            read.push((file.name(), text));
        }
        on_action.emit(Action::AddFiles(read));
    });
}

/// A role's part of its radio's id: fixed, so the ids (which tests and
/// styles rely on) do not change with the role's name in an edition.
fn role_key(role: Role) -> &'static str {
    match role {
        Role::Executive => "executive",
        Role::NonExecutive => "non-executive",
        Role::Unspecified => "other-or-not-given",
    }
}

/// The gather page: the compare view's first screen.
#[function_component(GatherPage)]
pub fn gather_page(props: &GatherPageProps) -> Html {
    let collection = &props.collection;
    let on_action = &props.on_action;
    let mode = collection.mode();
    let comparison = collection.comparison();
    let count = collection.entries.len();

    let on_text = on_action.reform(|e: InputEvent| {
        Action::SetText(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let on_files = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            {
                read_files(input, on_action.clone());
            }
        })
    };

    html! {
        <div class="dba-page dba-page--compare">
            <a class="nhsuk-back-link" href="#" onclick={action_link(on_action, || Action::Leave)}>{ Phrase::Back.text() }</a>
            if let Some(error) = &props.error {
                <ErrorSummary message={error.clone()} target={LINKS_ID} />
            }
            <h1 id={HEADING_ID} tabindex="-1">{ Phrase::CompareResults.text() }</h1>
            <p class="nhsuk-body-l">{ Phrase::GatherLead.text() }</p>
            <p>{ Phrase::GatherHow.text() }</p>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">{ CommonPhrase::InformationPrefix.text() }</span>
                <p>{ Phrase::NotSaved.text() }</p>
            </div>

            <div class={classes!("nhsuk-form-group", props.error.is_some().then_some("nhsuk-form-group--error"))}>
                <label class="nhsuk-label nhsuk-label--s" for={LINKS_ID}>{ Phrase::ResultsLinks.text() }</label>
                <div class="nhsuk-hint" id="dba-compare-links-hint">
                    { Phrase::ResultsLinksHint.text() }
                </div>
                if let Some(error) = &props.error {
                    <span class="nhsuk-error-message" id="dba-compare-links-error">
                        <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>
                        { error.clone() }
                    </span>
                }
                <textarea class={classes!("nhsuk-textarea", props.error.is_some().then_some("nhsuk-textarea--error"))}
                    id={LINKS_ID} name="links" rows="5" spellcheck="false" autocomplete="off"
                    aria-describedby={if props.error.is_some() { "dba-compare-links-hint dba-compare-links-error" } else { "dba-compare-links-hint" }}
                    value={props.text.clone()} oninput={on_text} />
            </div>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::Add)}>
                { Phrase::AddResults.text() }
            </button>

            <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="dba-compare-files">{ Phrase::ChooseFiles.text() }</label>
                <div class="nhsuk-hint" id="dba-compare-files-hint">
                    { Phrase::ChooseFilesHint.text() }
                </div>
                <input class="dba-file-input" id="dba-compare-files" type="file" multiple=true
                    accept=".json,.txt,application/json,text/plain" aria-describedby="dba-compare-files-hint" onchange={on_files} />
            </div>

            <div class="dba-compare-status" role="status">
                if let Some(added) = props.added {
                    <p>{ Sentence::ResultsAdded(added).text() }</p>
                }
            </div>
            if !collection.problems.is_empty() {
                <div class="nhsuk-card nhsuk-card--warning dba-compare-problems">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">{ Phrase::ProblemsHeading.text() }</h2>
                        <ul class="nhsuk-list">
                            { for collection.problems.iter().map(|p| html! {
                                <li><strong>{ Sentence::ProblemSource(&p.source).text() }</strong>{ p.message.clone() }</li>
                            }) }
                        </ul>
                    </div>
                </div>
            }

            <h2 class="nhsuk-heading-m">{ Sentence::ResultsAddedHeading(count).text() }</h2>
            if count == 0 {
                <p>{ Phrase::NoneYet.text() }</p>
            } else if count == 1 {
                <p>{ Phrase::AddAnother.text() }</p>
            }
            if let Some(comparison) = &comparison {
                <ol class="nhsuk-list dba-compare-entries">
                    // Named as the comparison's table will name them.
                    { for comparison.entries.iter().zip(column_headings(comparison)).enumerate().map(|(index, (entry, heading))| {
                        let number = index + 1;
                        let name_id = format!("dba-compare-name-{number}");
                        let role_name = format!("dba-compare-role-{number}");
                        html! {
                            <li class="dba-compare-entry">
                                <fieldset class="nhsuk-fieldset">
                                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                                        { Sentence::ResultLegend { number, heading: &heading }.text() }
                                    </legend>
                                    <p class="nhsuk-body-s dba-compare-entry__facts">{ Sentence::EntryFacts { organisation: entry.organisation.trim(), date: entry.date }.text() }</p>
                                    <div class="nhsuk-form-group">
                                        <label class="nhsuk-label" for={name_id.clone()}>{ Sentence::NameLabel(number).text() }</label>
                                        <input class="nhsuk-input dba-compare-name" id={name_id} type="text" autocomplete="off"
                                            maxlength={MAX_NAME_CHARS.to_string()} value={entry.name.clone()}
                                            oninput={on_action.reform(move |e: InputEvent| Action::SetName(index, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                                    </div>
                                    <div class="nhsuk-form-group">
                                        <fieldset class="nhsuk-fieldset">
                                            <legend class="nhsuk-fieldset__legend">{ Sentence::RoleLegend(number).text() }</legend>
                                            <div class="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
                                                { for Role::ALL.iter().map(|&role| {
                                                    let id = format!("{role_name}-{}", role_key(role));
                                                    html! {
                                                        <div class="nhsuk-radios__item">
                                                            <input class="nhsuk-radios__input" id={id.clone()} name={role_name.clone()} type="radio"
                                                                checked={entry.role == role}
                                                                onchange={on_action.reform(move |_: Event| Action::SetRole(index, role))} />
                                                            <label class="nhsuk-label nhsuk-radios__label" for={id}>{ role.name() }</label>
                                                        </div>
                                                    }
                                                }) }
                                            </div>
                                        </fieldset>
                                    </div>
                                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small dba-compare-remove" type="button"
                                        onclick={on_action.reform(move |_: MouseEvent| Action::Remove(index))}>
                                        { Phrase::Remove.text() }<span class="nhsuk-u-visually-hidden">{ Sentence::RemoveWhich(number).text() }</span>
                                    </button>
                                </fieldset>
                            </li>
                        }
                    }) }
                </ol>
            }

            <div class="nhsuk-form-group">
                <fieldset class="nhsuk-fieldset">
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
                        <h2 class="nhsuk-fieldset__heading">{ Phrase::WhatComparing.text() }</h2>
                    </legend>
                    <div class="nhsuk-radios">
                        { for Mode::ALL.iter().map(|&choice| {
                            let id = format!("dba-compare-mode-{}", choice.key());
                            let hint_id = format!("{id}-hint");
                            html! {
                                <div class="nhsuk-radios__item">
                                    <input class="nhsuk-radios__input" id={id.clone()} name="compare-mode" type="radio"
                                        checked={mode == choice} aria-describedby={hint_id.clone()}
                                        onchange={on_action.reform(move |_: Event| Action::SetMode(choice))} />
                                    <label class="nhsuk-label nhsuk-radios__label" for={id}>{ choice.name() }</label>
                                    <div class="nhsuk-hint nhsuk-radios__hint" id={hint_id}>{ choice.hint() }</div>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>

            <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::ShowComparison)}>
                { Phrase::Compare.text() }
            </button>
        </div>
    }
}
