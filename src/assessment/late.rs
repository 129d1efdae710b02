//! The pages of a result, in a wasm module of their own: results (with
//! the share panel, its QR code and the downloads), shared results, the
//! actions, Check your answers, the bad-link page and the confirmations.
//! `.ci/build` splits them out of the assessment bundle (`wasm-split-cli`,
//! at the `#[wasm_split(late)]` point below), so the first screens load
//! without them; the view fetches them as soon as it starts, while the
//! member reads the start page and answers, and one copy of Yew serves
//! both modules. Until they arrive a page of theirs says "Loading…"; if
//! they cannot be fetched it says so, with "Try again" (nothing typed is
//! lost). Built natively (tests, the prerendered start page) there is no
//! split: the function is called directly.

use std::cell::Cell;

use wasm_split_helpers::SplitLoaderError;
use yew::prelude::*;

use super::action_form::ActionForm;
use super::actions_page::ActionsPage;
use super::check_answers_page::CheckAnswersPage;
use super::confirm_page::confirm_page;
use super::results_page::ResultsPage;
use super::share_panel::{self, SharePanel};
use super::shared_page::shared_page;
use super::{Action, Page, ReturnTo, State};
use crate::components::HEADING_ID;
use crate::components::bad_link_page::BadLinkPage;
use crate::dom;
use digital_board_core::date::Date;
use digital_board_core::report::answers_held;
use digital_board_core::text::agree::Phrase as AgreePhrase;
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// Draws a page of the late module.
type Render = fn(&State, &Callback<Action>, Option<Date>) -> Html;

/// Where the late module is.
#[derive(Clone, Copy)]
enum Arrival {
    /// Being fetched.
    Waiting,
    /// Here: its pages draw with this.
    Arrived(Render),
    /// Could not be fetched (the loader does not keep the failure, so a
    /// retry fetches afresh).
    Failed,
}

thread_local! {
    static ARRIVAL: Cell<Arrival> = const { Cell::new(Arrival::Waiting) };
}

/// The split point: everything only reachable from here goes into the
/// late module. Only in a build that splits it (cargo feature
/// `late-split`, which .ci/build sets for the assessment bundle and runs
/// wasm-split-cli on): anywhere else (the browser tests, the compare
/// bundle) it would be an import nothing provides, or an export keeping
/// all of these pages in a bundle that never shows them.
#[cfg(feature = "late-split")]
#[wasm_split_helpers::wasm_split(late, fallible)]
fn late_renderer() -> Result<Render, SplitLoaderError> {
    Ok(render_page)
}

/// Not split: called directly.
#[cfg(not(feature = "late-split"))]
async fn late_renderer() -> Result<Render, SplitLoaderError> {
    Ok(render_page)
}

/// Fetches the late module, if it has not arrived; `settled` runs once it
/// has, or could not be fetched.
pub fn load(settled: impl FnOnce() + 'static) {
    if let Arrival::Arrived(_) = ARRIVAL.get() {
        return settled();
    }
    ARRIVAL.set(Arrival::Waiting);
    wasm_bindgen_futures::spawn_local(async move {
        ARRIVAL.set(match late_renderer().await {
            Ok(render) => Arrival::Arrived(render),
            Err(_) => Arrival::Failed,
        });
        settled();
    });
}

/// A page of the late module, "Loading…" until it has arrived, or why it
/// cannot be shown.
pub fn render(state: &State, on_action: &Callback<Action>, today: Option<Date>) -> Html {
    match ARRIVAL.get() {
        Arrival::Arrived(render) => render(state, on_action, today),
        // A heading, where focus goes as on any page, in a live region.
        Arrival::Waiting => html! {
            <div class="dba-page" role="status">
                <h1 id={HEADING_ID} tabindex="-1">{ CommonPhrase::Loading.text() }</h1>
            </div>
        },
        Arrival::Failed => html! {
            <div class="dba-page">
                <h1 id={HEADING_ID} tabindex="-1">{ Phrase::LatePagesFailed.text() }</h1>
                <p>{ Phrase::LatePagesFailedText.text() }</p>
                <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::RetryLatePages)}>
                    { Phrase::TryAgain.text() }
                </button>
            </div>
        },
    }
}

/// The late module's pages.
fn render_page(state: &State, on_action: &Callback<Action>, today: Option<Date>) -> Html {
    let on_action = on_action.clone();
    let assessment = state.assessment;
    match &state.page {
        Page::CheckAnswers => html! {
            <CheckAnswersPage {assessment} answers={state.answers.clone()} {on_action} />
        },
        Page::Results => {
            let label = share_panel::given_label(&state.label);
            html! {
                <ResultsPage {assessment} answers={state.answers.clone()} on_action={on_action.clone()} {label} date={today} actions={state.actions.clone()}>
                    <SharePanel
                        {assessment}
                        answers={state.answers.clone()}
                        label={state.label.clone()}
                        include_notes={state.include_notes}
                        {today}
                        base_url={dom::page_url()}
                        actions={state.actions.clone()}
                        include_actions={state.include_actions}
                        {on_action}
                    />
                </ResultsPage>
            }
        }
        Page::Shared(result) => shared_page(result, &on_action),
        Page::BadLink(error) => html! {
            <BadLinkPage heading={Phrase::BrokenShareLink.text()} message={error.message()} on_start_own={on_action.reform(|_: MouseEvent| Action::StartOwn)} />
        },
        &Page::ConfirmStartAgain(return_to) => {
            let held = state.own_answers().map(answers_held).unwrap_or_default();
            confirm_page(
                Phrase::DeleteYourAnswers.text(),
                Sentence::ConfirmDelete {
                    held: &held,
                    from_results: return_to == ReturnTo::Results,
                }
                .text(),
                Phrase::DeleteMyAnswers.text(),
                Action::ConfirmStartAgain,
                &on_action,
            )
        }
        Page::ConfirmEditCopy(_, None) => {
            let held = state.own_answers().map(answers_held).unwrap_or_default();
            confirm_page(
                Phrase::ReplaceYourAnswers.text(),
                Sentence::ConfirmReplace { held: &held }.text(),
                Phrase::ReplaceMyAnswers.text(),
                Action::ConfirmEditCopy,
                &on_action,
            )
        }
        Page::ConfirmEditCopy(_, Some(_)) => confirm_page(
            AgreePhrase::ReplaceHeading.text(),
            AgreePhrase::ReplaceText.text().to_owned(),
            AgreePhrase::ReplaceButton.text(),
            Action::ConfirmEditCopy,
            &on_action,
        ),
        Page::Actions => html! {
            <ActionsPage
                {assessment}
                actions={state.actions.clone()}
                {today}
                on_add={on_action.reform(|()| Action::AddAction(None))}
                on_change={on_action.reform(Action::ChangeAction)}
                on_remove={on_action.reform(Action::RemoveAction)}
                on_back={on_action.reform(|()| Action::Back)}
                unsaved={state.draft.as_ref().map(|(target, _)| *target)}
            />
        },
        &Page::ActionForm(target) => html! {
            <ActionForm
                {assessment}
                draft={state.draft.as_ref().map(|(_, draft)| draft.clone()).unwrap_or_default()}
                errors={state.draft_errors.clone()}
                changing={target.is_some()}
                on_draft={on_action.reform(Action::EditDraft)}
                on_save={on_action.reform(|()| Action::SaveAction)}
                on_cancel={on_action.reform(|()| Action::CancelAction)}
            />
        },
        // Drawn by the first load (src/assessment/app.rs).
        Page::Start | Page::Question(_) => Html::default(),
    }
}
