//! The root component of the assessment view: owns the state, renders its
//! page and performs the side effects the reducer asks for.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::action_form::ActionForm;
use super::actions_page::ActionsPage;
use super::check_answers_page::CheckAnswersPage;
use super::confirm_page::confirm_page;
use super::question_page::QuestionPage;
use super::results_page::ResultsPage;
use super::share_panel::{self, SharePanel};
use super::shared_page::shared_page;
use super::start_page::StartPage;
use super::storage;
use super::{Action, Effect, Page, ReturnTo, Screen, State};
use crate::components::bad_link_page::BadLinkPage;
use crate::components::page_change::show_page;
use crate::dom;
use crate::effects::{Effects, History};
use digital_board_core::model::Assessment;
use digital_board_core::report::answers_held;
use digital_board_core::scoring::Answers;
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The assessment to run.
    pub assessment: &'static Assessment,
    /// Whether the widget sets the document title. Off when embedded in
    /// someone else's page (the custom element), whose title is its own.
    #[prop_or(true)]
    pub manage_title: bool,
    /// Organisation name or ODS code to put in share links and exports.
    #[prop_or_default]
    pub organisation: Option<AttrValue>,
    /// Open at the first question rather than the start page (unless
    /// there are saved answers to offer or a share link to show).
    #[prop_or_default]
    pub skip_start: bool,
    /// Move focus to the first page's heading: the page showed the compare
    /// view first and the user has just left it.
    #[prop_or_default]
    pub focus_heading: bool,
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let assessment = props.assessment;
    let organisation = props.organisation.clone();
    let skip_start = props.skip_start;
    let focus_heading = props.focus_heading;
    let state = use_reducer(move || {
        let state = match storage::load(assessment) {
            storage::Found::Nothing => State::new(assessment),
            // The organisation and role typed last time fill the share panel.
            storage::Found::Answers(saved) => {
                let saved = *saved;
                State {
                    label: saved.label,
                    actions: saved.actions,
                    draft: saved.draft,
                    ..State::opened(assessment, Some(saved.answers), None)
                }
            }
            storage::Found::Unreadable(error) => {
                State::opened(assessment, None, Some(error.message()))
            }
        };
        // A share link in the address opens its results straight away
        // (without moving focus: this is the page load).
        let mut state = (*Rc::new(state).reduce(Action::OpenFragment(dom::fragment()))).clone();
        // The page's organisation, unless the user typed one that was saved.
        if let Some(organisation) = organisation.filter(|_| state.label.organisation.is_empty()) {
            state.label.organisation = organisation.to_string();
        }
        if skip_start && state.page == Page::Start && state.resume.is_none() {
            state.page = Page::Question(0);
        }
        State {
            moves: u32::from(focus_heading),
            // At load, only the history entry and the title (and focus, if
            // asked): nothing has been left or changed yet, and a link put
            // in the address a moment ago (by embed-frame.js, from the host
            // page) is not read yet. The entry is the current one at page
            // load; a new one when the user has just left the compare view.
            effects: Effects::default().request(vec![
                Effect::RecordScreen(if focus_heading {
                    History::Push
                } else {
                    History::Replace
                }),
                Effect::ShowPage,
            ]),
            ..state
        }
    });
    let root_ref = use_node_ref();
    let today = use_memo((), |_| dom::today());

    // A share link pasted into the address bar of an open page, and the
    // browser's Back and Forward reaching one of this view's entries
    // (www/start.js tells the view which screen).
    {
        let dispatcher = state.dispatcher();
        let root = root_ref.clone();
        use_effect_with((), move |_| {
            let on_hash = {
                let dispatcher = dispatcher.clone();
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    dispatcher.dispatch(Action::OpenFragment(dom::fragment()));
                })
            };
            let on_screen = dom::on_show_screen(&root, move |key| {
                if let Some(screen) = Screen::from_key(&key) {
                    dispatcher.dispatch(Action::ShowScreen(screen));
                }
            });
            move || drop((on_hash, on_screen))
        });
    }

    // The one place side effects happen: those the reducer asked for.
    {
        let state = state.clone();
        let root = root_ref.clone();
        let manage_title = props.manage_title;
        use_effect_with(state.effects.seq(), move |_| {
            let current: &State = &state;
            for effect in current.effects.list() {
                match effect {
                    // The state's assessment, not the prop's: "Edit a copy"
                    // of a link for another built-in assessment switches to it.
                    Effect::SaveAnswers => {
                        if !storage::save(
                            current.assessment,
                            &current.answers,
                            &current.label,
                            &current.actions,
                            current
                                .draft
                                .as_ref()
                                .map(|(target, draft)| (*target, draft)),
                        ) {
                            state.dispatch(Action::StorageFailed);
                        }
                    }
                    Effect::ClearStorage => storage::clear(current.assessment),
                    Effect::ClearShareFragment => dom::clear_share_fragment(),
                    Effect::OpenCompare(shared_link) => {
                        // As on leaving a shared result for any other page.
                        dom::clear_share_fragment();
                        dom::tell_page(&root, dom::OPEN_COMPARE_EVENT, shared_link.as_deref());
                    }
                    Effect::RecordScreen(how) => {
                        if let Some(screen) = current.page.screen() {
                            dom::record_screen(&root, &screen.key(), *how);
                        }
                    }
                    Effect::ShowPage => show_page(
                        &root,
                        current.title(),
                        manage_title,
                        current.moves,
                        current.show_error,
                    ),
                }
            }
        });
    }

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };

    let notice = state.notice.map(|text| {
        html! {
            <div class="nhsuk-inset-text dba-notice" role="status">
                <span class="nhsuk-u-visually-hidden">{ CommonPhrase::InformationPrefix.text() }</span>
                <p>{ text }</p>
            </div>
        }
    });
    let assessment = state.assessment;
    let page = match &state.page {
        Page::Start => html! {
            <StartPage {assessment} saved={state.resume.as_ref().map(Answers::answered)} {on_action} />
        },
        &Page::Question(index) => html! {
            <QuestionPage
                {assessment}
                {index}
                response={state.answers.response(index)}
                note={state.answers.note(index).to_owned()}
                show_error={state.show_error}
                {on_action}
            />
        },
        Page::CheckAnswers => html! {
            <CheckAnswersPage {assessment} answers={state.answers.clone()} {on_action} />
        },
        Page::Results => {
            let label = share_panel::given_label(&state.label);
            html! {
                <ResultsPage {assessment} answers={state.answers.clone()} on_action={on_action.clone()} {label} date={*today} actions={state.actions.clone()}>
                    <SharePanel
                        {assessment}
                        answers={state.answers.clone()}
                        label={state.label.clone()}
                        include_notes={state.include_notes}
                        today={*today}
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
        Page::ConfirmEditCopy(_) => {
            let held = state.own_answers().map(answers_held).unwrap_or_default();
            confirm_page(
                Phrase::ReplaceYourAnswers.text(),
                Sentence::ConfirmReplace { held: &held }.text(),
                Phrase::ReplaceMyAnswers.text(),
                Action::ConfirmEditCopy,
                &on_action,
            )
        }
        Page::Actions => html! {
            <ActionsPage
                {assessment}
                actions={state.actions.clone()}
                today={*today}
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
    };
    html! { <div class="dba-app" ref={root_ref}>{ notice }{ page }</div> }
}
