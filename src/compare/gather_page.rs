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
use digital_board_core::report::long_date;

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
            <a class="nhsuk-back-link" href="#" onclick={action_link(on_action, || Action::Leave)}>{ "Back" }</a>
            if let Some(error) = &props.error {
                <ErrorSummary message={error.clone()} target={LINKS_ID} />
            }
            <h1 id={HEADING_ID} tabindex="-1">{ "Compare results" }</h1>
            <p class="nhsuk-body-l">{ "Put the results of several board members, several organisations, or one organisation at two dates side by side." }</p>
            <p>{ "Each person completes the assessment on their own and shares their results link. Paste the links here, or choose the results files they downloaded." }</p>
            <div class="nhsuk-inset-text">
                <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
                <p>{ "The results stay in this browser and are not saved. To come back to this comparison, keep its compare link or download it as a file. Notes are not shown in comparisons." }</p>
            </div>

            <div class={classes!("nhsuk-form-group", props.error.is_some().then_some("nhsuk-form-group--error"))}>
                <label class="nhsuk-label nhsuk-label--s" for={LINKS_ID}>{ "Results links" }</label>
                <div class="nhsuk-hint" id="dba-compare-links-hint">
                    { "One link per line is clearest, but links copied from an email or a Teams chat work as they are. You can put a name before a link, for example “Jane Smith: https://…”." }
                </div>
                if let Some(error) = &props.error {
                    <span class="nhsuk-error-message" id="dba-compare-links-error">
                        <span class="nhsuk-u-visually-hidden">{ "Error: " }</span>
                        { error.clone() }
                    </span>
                }
                <textarea class={classes!("nhsuk-textarea", props.error.is_some().then_some("nhsuk-textarea--error"))}
                    id={LINKS_ID} name="links" rows="5" spellcheck="false" autocomplete="off"
                    aria-describedby={if props.error.is_some() { "dba-compare-links-hint dba-compare-links-error" } else { "dba-compare-links-hint" }}
                    value={props.text.clone()} oninput={on_text} />
            </div>
            <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::Add)}>
                { "Add results" }
            </button>

            <div class="nhsuk-form-group">
                <label class="nhsuk-label nhsuk-label--s" for="dba-compare-files">{ "Or choose results files" }</label>
                <div class="nhsuk-hint" id="dba-compare-files-hint">
                    { "JSON files downloaded from a results page or from a comparison, or a text file of links. Files are read in this browser." }
                </div>
                <input class="dba-file-input" id="dba-compare-files" type="file" multiple=true
                    accept=".json,.txt,application/json,text/plain" aria-describedby="dba-compare-files-hint" onchange={on_files} />
            </div>

            <div class="dba-compare-status" role="status">
                if let Some(added) = props.added {
                    <p>{ match added {
                        0 => "No results were added.".to_owned(),
                        1 => "1 result added.".to_owned(),
                        n => format!("{n} results added."),
                    } }</p>
                }
            </div>
            if !collection.problems.is_empty() {
                <div class="nhsuk-card nhsuk-card--warning dba-compare-problems">
                    <div class="nhsuk-card__content">
                        <h2 class="nhsuk-card__heading">{ "Some results could not be added" }</h2>
                        <ul class="nhsuk-list">
                            { for collection.problems.iter().map(|p| html! {
                                <li><strong>{ format!("{}: ", p.source) }</strong>{ p.message.clone() }</li>
                            }) }
                        </ul>
                    </div>
                </div>
            }

            <h2 class="nhsuk-heading-m">{ format!("Results added ({count})") }</h2>
            if count == 0 {
                <p>{ "None yet. Compare needs at least 2 results." }</p>
            } else if count == 1 {
                <p>{ "Compare needs at least 2 results: add another." }</p>
            }
            if let Some(comparison) = &comparison {
                <ol class="nhsuk-list dba-compare-entries">
                    // Named as the comparison's table will name them.
                    { for comparison.entries.iter().zip(column_headings(comparison)).enumerate().map(|(index, (entry, heading))| {
                        let number = index + 1;
                        let name_id = format!("dba-compare-name-{number}");
                        let role_name = format!("dba-compare-role-{number}");
                        let mut facts = Vec::new();
                        if !entry.organisation.trim().is_empty() {
                            facts.push(entry.organisation.trim().to_owned());
                        }
                        facts.push(match entry.date {
                            Some(date) => long_date(date),
                            None => "No date".to_owned(),
                        });
                        html! {
                            <li class="dba-compare-entry">
                                <fieldset class="nhsuk-fieldset">
                                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                                        { format!("Result {number}: {heading}") }
                                    </legend>
                                    <p class="nhsuk-body-s dba-compare-entry__facts">{ facts.join(" · ") }</p>
                                    <div class="nhsuk-form-group">
                                        <label class="nhsuk-label" for={name_id.clone()}>{ format!("Name for result {number} (optional)") }</label>
                                        <input class="nhsuk-input dba-compare-name" id={name_id} type="text" autocomplete="off"
                                            maxlength={MAX_NAME_CHARS.to_string()} value={entry.name.clone()}
                                            oninput={on_action.reform(move |e: InputEvent| Action::SetName(index, e.target_unchecked_into::<HtmlInputElement>().value()))} />
                                    </div>
                                    <div class="nhsuk-form-group">
                                        <fieldset class="nhsuk-fieldset">
                                            <legend class="nhsuk-fieldset__legend">{ format!("Role for result {number}") }</legend>
                                            <div class="nhsuk-radios nhsuk-radios--small nhsuk-radios--inline">
                                                { for Role::ALL.iter().map(|&role| {
                                                    let id = format!("{role_name}-{}", role.name().to_lowercase().replace(' ', "-"));
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
                                        { "Remove" }<span class="nhsuk-u-visually-hidden">{ format!(" result {number}") }</span>
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
                        <h2 class="nhsuk-fieldset__heading">{ "What are you comparing?" }</h2>
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
                { "Compare" }
            </button>
        </div>
    }
}
