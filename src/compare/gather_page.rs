//! Gathering results to compare: paste share links or choose exported
//! files, name each result, say what is being compared.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::Action;
use super::version_notices::version_notices;
use crate::components::HEADING_ID;
use crate::components::action_link;
use crate::components::error_summary::ErrorSummary;
use digital_board_core::compare::collect::{
    Collection, FileInput, MAX_INPUT_BYTES, reading_plan, shown_in_box,
};
use digital_board_core::compare::export::column_headings;
use digital_board_core::compare::{Comparison, MAX_NAME_CHARS, Mode};
use digital_board_core::label::Role;
use digital_board_core::report::stage_label;
use digital_board_core::scoring::Tally;
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::compare::{Phrase, Sentence};
use digital_board_core::text::report::Phrase as ReportPhrase;

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
/// reducer; a file that cannot be read is reported like a bad one. Each
/// file's size is checked first and only the start the reading plan allows
/// is read (`Blob.slice`), so a 50 MB file costs what 1 MB does.
fn read_files(input: HtmlInputElement, on_action: Callback<Action>) {
    let Some(list) = input.files() else { return };
    let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    // Let the same file be chosen again after a fix.
    input.set_value("");
    let sizes: Vec<u64> = files.iter().map(|file| file.size() as u64).collect();
    let plan = reading_plan(&sizes);
    wasm_bindgen_futures::spawn_local(async move {
        let mut read = Vec::with_capacity(files.len());
        for ((file, size), bytes) in files.into_iter().zip(sizes).zip(plan) {
            let text = if bytes == 0 {
                None
            } else {
                match file.slice_with_f64_and_f64(0.0, bytes as f64) {
                    Ok(start) => wasm_bindgen_futures::JsFuture::from(start.text())
                        .await
                        .ok()
                        .and_then(|t| t.as_string()),
                    Err(_) => None,
                }
            };
            read.push(FileInput {
                name: file.name(),
                text: text.unwrap_or_default(),
                size,
            });
        }
        on_action.emit(Action::AddFiles(read));
    });
}

// A paste event's clipboard, read as a JS string: a 50 MB paste is
// measured and cut in the browser, and only its start copied into the wasm.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `paste` event.
    type PasteEvent;
    #[wasm_bindgen(method, getter = clipboardData)]
    fn clipboard_data(this: &PasteEvent) -> Option<PastedData>;
    /// A paste event's `DataTransfer`.
    type PastedData;
    #[wasm_bindgen(method, js_name = getData)]
    fn get_data(this: &PastedData, format: &str) -> js_sys::JsString;
}

/// Lets a paste into the links box happen as usual unless it is too long
/// to show there ([`shown_in_box`]): the browser alone takes over 200 ms to
/// lay out 100,000 lines. A long paste is read at once instead, without
/// ever entering the box, and at most its first [`MAX_INPUT_BYTES`] (and a
/// little) is copied out of the browser.
fn paste_into_links(event: &Event, on_action: &Callback<Action>) {
    let Some(data) = event.unchecked_ref::<PasteEvent>().clipboard_data() else {
        return;
    };
    let text = data.get_data("text/plain");
    // UTF-16 units: never more than the UTF-8 bytes, so a paste this short
    // is copied whole, to be looked at and, unless the box can show it, read.
    let units = text.length() as usize;
    let (start, size) = if units <= MAX_INPUT_BYTES {
        let whole = text.as_string().unwrap_or_default();
        if shown_in_box(&whole) {
            return;
        }
        let size = whole.len() as u64;
        (whole, size)
    } else {
        // One unit past the limit, so the cut is seen. The whole size is
        // its length in UTF-16 units: its bytes for links and plain text,
        // and near enough for a size said in MB (measuring UTF-8 bytes with
        // a Blob took 36 ms of a 6 MB paste's task).
        let start = text
            .slice(0, MAX_INPUT_BYTES as u32 + 1)
            .as_string()
            .unwrap_or_default();
        (start, units as u64)
    };
    event.prevent_default();
    on_action.emit(Action::AddLongPaste { start, size });
}

/// Id of the "Results added" heading, where focus goes when the last
/// result is removed.
const ADDED_ID: &str = "dba-compare-added";

/// More results than this, and the list ends with a second Compare button.
const LONG_LIST: usize = 5;

/// The roles a result can be given here: a member's, or the board's agreed
/// position (a result recorded as the board's, or one that stands for it).
const ROLE_OPTIONS: [Role; 4] = [
    Role::Executive,
    Role::NonExecutive,
    Role::Unspecified,
    Role::Board,
];

/// The role chosen in a role `<select>`, whose options are [`ROLE_OPTIONS`]
/// in order. Read through `selectedIndex` (web-sys's `HtmlSelectElement` is
/// not among the crate's features, and enabling it rebuilds web-sys for one
/// property).
fn chosen_role(event: &Event) -> Role {
    event
        .target()
        .and_then(|select| js_sys::Reflect::get(&select, &"selectedIndex".into()).ok())
        .and_then(|index| index.as_f64())
        .and_then(|index| ROLE_OPTIONS.get(index as usize).copied())
        .unwrap_or(Role::Unspecified)
}

/// Id of result `number`'s Remove button (from 1).
fn remove_id(number: usize) -> String {
    format!("dba-compare-remove-{number}")
}

/// The results added, one line each from desktop width: the name the tables
/// will show, organisation, date and overall stage, then the name and role
/// fields and Remove. Below desktop width each result stacks (NHS.UK's
/// responsive table), its fields labelled by their column's name.
fn entries_table(
    comparison: &Comparison,
    on_action: &Callback<Action>,
    on_remove: &Callback<usize>,
    list_ref: &NodeRef,
) -> Html {
    let heading = |text: &'static str| {
        html! { <span class="nhsuk-table__heading" aria-hidden="true">{ text }{ " " }</span> }
    };
    html! {
        <table class="nhsuk-table nhsuk-table--responsive dba-compare-entries" role="table" ref={list_ref.clone()}>
            <thead class="nhsuk-table__head" role="rowgroup">
                <tr class="nhsuk-table__row" role="row">
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::ShownAs.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Organisation.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Date.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::Overall.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ Phrase::NameOptional.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Role.text() }</th>
                    <th class="nhsuk-table__header" scope="col" role="columnheader"><span class="nhsuk-u-visually-hidden">{ Phrase::Remove.text() }</span></th>
                </tr>
            </thead>
            <tbody class="nhsuk-table__body" role="rowgroup">
                // Named as the comparison's tables will name them.
                { for comparison.entries.iter().zip(column_headings(comparison)).enumerate().map(|(index, (entry, shown))| {
                    let number = index + 1;
                    let name_id = format!("dba-compare-name-{number}");
                    let role_id = format!("dba-compare-role-{number}");
                    let overall = Tally::of(&entry.responses);
                    html! {
                        <tr class="nhsuk-table__row dba-compare-entry" role="row">
                            <th class="nhsuk-table__header dba-compare-entry__shown" scope="row" role="rowheader">
                                <span>{ Sentence::ResultLegend { number, heading: &shown }.text() }</span>
                            </th>
                            <td class="nhsuk-table__cell" role="cell">{ heading(ReportPhrase::Organisation.text()) }<span><bdi>{ entry.organisation.trim() }</bdi></span></td>
                            <td class="nhsuk-table__cell" role="cell">{ heading(ReportPhrase::Date.text()) }<span>{ Sentence::EntryFacts { organisation: "", date: entry.date }.text() }</span></td>
                            <td class="nhsuk-table__cell" role="cell">{ heading(Phrase::Overall.text()) }<span>{ stage_label(&overall) }</span></td>
                            <td class="nhsuk-table__cell" role="cell">
                                { heading(Phrase::NameOptional.text()) }
                                <span>
                                    <label class="nhsuk-u-visually-hidden" for={name_id.clone()}>{ Sentence::NameLabel(number).text() }</label>
                                    <input class="nhsuk-input dba-compare-name" id={name_id} type="text" autocomplete="off"
                                        maxlength={MAX_NAME_CHARS.to_string()} value={entry.name.clone()}
                                        oninput={on_action.reform(move |e: InputEvent| Action::SetName(index, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                                </span>
                            </td>
                            <td class="nhsuk-table__cell" role="cell">
                                { heading(ReportPhrase::Role.text()) }
                                <span>
                                    <label class="nhsuk-u-visually-hidden" for={role_id.clone()}>{ Sentence::RoleLegend(number).text() }</label>
                                    <select class="nhsuk-select dba-compare-role" id={role_id}
                                        onchange={on_action.reform(move |e: Event| Action::SetRole(index, chosen_role(&e)))}>
                                        { for ROLE_OPTIONS.iter().map(|&role| html! {
                                            <option selected={entry.role == role}>{ role.name() }</option>
                                        }) }
                                    </select>
                                </span>
                            </td>
                            <td class="nhsuk-table__cell" role="cell">
                                <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small dba-compare-remove" type="button" id={remove_id(number)}
                                    onclick={on_remove.reform(move |_: MouseEvent| index)}>
                                    { Phrase::Remove.text() }<span class="nhsuk-u-visually-hidden">{ Sentence::RemoveWhich(number).text() }</span>
                                </button>
                            </td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
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

    // "Remove" moves focus to the next result's Remove button (the one that
    // took its place), the last one's, or the heading when none is left:
    // never to the top of the page.
    let list_ref = use_node_ref();
    let added_ref = use_node_ref();
    let refocus = use_state(|| None::<usize>);
    {
        let (refocus, list_ref, added_ref) = (refocus.clone(), list_ref.clone(), added_ref.clone());
        use_effect_with(count, move |&count| {
            if let Some(removed) = *refocus {
                let target = match count.checked_sub(1) {
                    Some(last) => list_ref.cast::<web_sys::Element>().and_then(|list| {
                        list.query_selector(&format!("#{}", remove_id(removed.min(last) + 1)))
                            .ok()
                            .flatten()
                    }),
                    None => added_ref.cast::<web_sys::Element>(),
                };
                if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                {
                    let _ = target.focus();
                }
                refocus.set(None);
            }
        });
    }
    let on_remove = {
        let (refocus, on_action) = (refocus.clone(), on_action.clone());
        Callback::from(move |index: usize| {
            refocus.set(Some(index));
            on_action.emit(Action::Remove(index));
        })
    };
    let compare_button = html! {
        <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::ShowComparison)}>
            { Phrase::Compare.text() }
        </button>
    };

    let on_text = on_action.reform(|e: InputEvent| {
        Action::SetText(e.target_unchecked_into::<HtmlTextAreaElement>().value())
    });
    let on_paste = {
        let on_action = on_action.clone();
        Callback::from(move |e: Event| paste_into_links(&e, &on_action))
    };
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
                <textarea class={classes!("nhsuk-textarea", "dba-compare-links", props.error.is_some().then_some("nhsuk-textarea--error"))}
                    id={LINKS_ID} name="links" rows="5" spellcheck="false" autocomplete="off"
                    aria-describedby={if props.error.is_some() { "dba-compare-links-hint dba-compare-links-error" } else { "dba-compare-links-hint" }}
                    value={props.text.clone()} oninput={on_text} onpaste={on_paste} />
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
            // What the last addition passed over or left unread, said plainly.
            <div class="dba-compare-skipped" role="status">
                if props.added.is_some() {
                    { for collection.skipped.sentences().into_iter().map(|sentence| html! {
                        <p>{ sentence }</p>
                    }) }
                }
            </div>
            { version_notices(&collection.notices) }
            if !collection.problems.is_empty() {
                <div class="nhsuk-card nhsuk-card--warning dba-compare-problems">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">{ Phrase::ProblemsHeading.text() }</h2>
                        <ul class="nhsuk-list">
                            { for collection.problems.iter().map(|p| html! {
                                <li><strong>{ Sentence::ProblemSource(&p.source).text() }</strong>{ p.message.clone() }</li>
                            }) }
                            if collection.skipped.problems_not_listed > 0 {
                                <li class="dba-compare-more-problems">{ Sentence::MoreProblems(collection.skipped.problems_not_listed).text() }</li>
                            }
                        </ul>
                    </div>
                </div>
            }

            // What is compared and the Compare button come before the
            // results added, so forty results never push them out of reach.
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

            { compare_button.clone() }

            <h2 class="nhsuk-heading-m" id={ADDED_ID} tabindex="-1" ref={added_ref.clone()}>{ Sentence::ResultsAddedHeading(count).text() }</h2>
            if count == 0 {
                <p>{ Phrase::NoneYet.text() }</p>
            } else if count == 1 {
                <p>{ Phrase::AddAnother.text() }</p>
            }
            if let Some(comparison) = &comparison {
                { entries_table(comparison, on_action, &on_remove, &list_ref) }
                // A long list ends with Compare too, for whoever named the
                // results at its foot.
                if count > LONG_LIST {
                    { compare_button }
                }
            }
        </div>
    }
}
