//! The root component of the assessment view: owns the state, renders its
//! page and performs the side effects the reducer asks for.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::late;
use super::other_tab_notice::other_tab_notice;
use super::question_page::QuestionPage;
use super::start_page::StartPage;
use super::storage;
use super::unreadable_notice::unreadable_notice;
use super::{Action, Effect, Page, Screen, State, StoredChange, Unreadable};
use crate::components::page_change::show_page;
use crate::dom;
use crate::effects::{Effects, History};
use digital_board_core::model::Assessment;
use digital_board_core::saved;
use digital_board_core::scoring::Answers;
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
    // What this page last knew to be stored (the key and its text): a save
    // goes ahead only over that, never over another tab's (storage.rs).
    let known = use_mut_ref(|| (saved::storage_key(assessment), None::<String>));
    let state = use_reducer({
        let known = known.clone();
        move || {
            known.borrow_mut().1 = storage::stored_text(assessment);
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
                // Kept, never saved over: set aside before the first save.
                storage::Found::Unreadable(error, text) => State {
                    unreadable: Some(Rc::new(Unreadable {
                        text: text.into(),
                        message: error.message(),
                        aside: None,
                    })),
                    show_unreadable: true,
                    ..State::new(assessment)
                },
            };
            // One set aside on an earlier visit is offered on the start page.
            let state = match storage::kept_aside(assessment) {
                Some((key, text)) if state.unreadable.is_none() => State {
                    unreadable: Some(Rc::new(Unreadable {
                        text: text.into(),
                        message: "",
                        aside: Some(key.into()),
                    })),
                    ..state
                },
                _ => state,
            };
            // A share link in the address opens its results straight away
            // (without moving focus: this is the page load).
            let mut state = (*Rc::new(state).reduce(Action::OpenFragment(dom::fragment()))).clone();
            // The page's organisation, unless the user typed one that was saved.
            if let Some(organisation) = organisation.filter(|_| state.label.organisation.is_empty())
            {
                state.label.organisation = organisation.to_string();
            }
            if skip_start && state.page == Page::Start && state.resume.is_none() {
                state.page = Page::Question(0);
            }
            State {
                moves: u32::from(focus_heading),
                // At load, only the history entry, the title (and focus, if
                // asked) and fetching the pages of a result (`late`): nothing
                // has been left or changed yet, and a link put
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
                    // The pages of a result, fetched now, while the member
                    // answers.
                    Effect::LoadLatePages,
                ]),
                ..state
            }
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
            let on_screen = {
                let dispatcher = dispatcher.clone();
                dom::on_show_screen(&root, move |key| {
                    if let Some(screen) = Screen::from_key(&key) {
                        dispatcher.dispatch(Action::ShowScreen(screen));
                    }
                })
            };
            // A result the compare view handed over (the board's agreed
            // answers, or last time's actions followed up).
            let on_take_up = dom::on_view_event(&root, dom::TAKE_UP_EVENT, move |text| {
                dispatcher.dispatch(Action::TakeUp(text));
            });
            move || drop((on_hash, on_screen, on_take_up))
        });
    }

    // Other tabs' saves, as they happen.
    {
        let dispatcher = state.dispatcher();
        let known = known.clone();
        use_effect_with((), move |_| {
            let listener = storage::on_change(move |change| {
                // What is stored now, as far as this page knows.
                {
                    let mut known = known.borrow_mut();
                    if change.key.as_ref().is_none_or(|key| *key == known.0) {
                        known.1 = change.new.clone();
                    }
                }
                dispatcher.dispatch(Action::StoredElsewhere(Rc::new(change)));
            });
            move || drop(listener)
        });
    }

    // The one place side effects happen: those the reducer asked for.
    {
        let state = state.clone();
        let root = root_ref.clone();
        let manage_title = props.manage_title;
        let known = known.clone();
        use_effect_with(state.effects.seq(), move |_| {
            let current: &State = &state;
            // Nothing is saved over a record that could not be set aside.
            let mut aside_failed = false;
            for effect in current.effects.list() {
                match effect {
                    // The state's assessment, not the prop's: "Edit a copy"
                    // of a link for another built-in assessment switches to it.
                    Effect::SaveAnswers if aside_failed => {}
                    Effect::SaveAnswers => save(&state, &known, false),
                    Effect::SaveOver => save(&state, &known, true),
                    Effect::SetAside => {
                        if let Some(unreadable) = &current.unreadable {
                            match storage::set_aside(
                                current.assessment,
                                &unreadable.text,
                                dom::today(),
                            ) {
                                Some(key) => state.dispatch(Action::AsideKept(key.into())),
                                None => {
                                    aside_failed = true;
                                    state.dispatch(Action::AsideFailed);
                                }
                            }
                        }
                    }
                    Effect::ClearStorage => {
                        storage::clear(current.assessment);
                        *known.borrow_mut() = (saved::storage_key(current.assessment), None);
                    }
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
                    Effect::LoadLatePages => {
                        let dispatcher = state.dispatcher();
                        late::load(move || dispatcher.dispatch(Action::LatePagesSettled));
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

    // Asking which answers to keep, above any page.
    let other_tab = state
        .other_tab
        .as_ref()
        .map(|other| other_tab_notice(other.theirs.is_none(), &on_action));
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
        // The rest are in the late module, fetched as the view starts
        // (`Page::is_late`).
        Page::CheckAnswers
        | Page::Results
        | Page::Shared(_)
        | Page::BadLink(_)
        | Page::ConfirmStartAgain(_)
        | Page::ConfirmEditCopy(..)
        | Page::Actions
        | Page::ActionForm(_) => late::render(&state, &on_action, *today),
    };
    // What happened to a record that could not be read: on the start page,
    // and on the page where it happened.
    let unreadable = state
        .unreadable
        .as_ref()
        .filter(|_| state.show_unreadable || state.page == Page::Start)
        .map(|unreadable| unreadable_notice(unreadable, state.show_unreadable));
    html! { <div class="dba-app" ref={root_ref}>{ notice }{ unreadable }{ other_tab }{ page }</div> }
}

/// Saves the state's answers (the state's assessment, not the prop's: "Edit
/// a copy" of a link for another built-in assessment switches to it), only
/// over what this page last knew to be stored (`known`), unless `over`
/// ("Keep these answers"). A record changed meanwhile by another tab is
/// left as it is and the reducer decides ([`Action::StoredElsewhere`]).
fn save(state: &UseReducerHandle<State>, known: &RefCell<(String, Option<String>)>, over: bool) {
    let current: &State = state;
    let assessment = current.assessment;
    let key = saved::storage_key(assessment);
    let draft = current
        .draft
        .as_ref()
        .map(|(target, draft)| (*target, draft));
    let mut known = known.borrow_mut();
    if known.0 != key {
        // Another assessment: what is stored for it now.
        *known = (key.clone(), storage::stored_text(assessment));
    }
    let (answers, label, actions) = (&current.answers, &current.label, &current.actions);
    let outcome = if over {
        storage::save_over(assessment, answers, label, actions, draft)
    } else {
        storage::save(
            assessment,
            known.1.as_deref(),
            answers,
            label,
            actions,
            draft,
        )
    };
    match outcome {
        storage::Saved::Done(text) => known.1 = Some(text),
        storage::Saved::Changed(now) => {
            let change = StoredChange {
                key: Some(key),
                old: std::mem::replace(&mut known.1, now.clone()),
                new: now,
                replaced: None,
            };
            drop(known);
            state.dispatch(Action::StoredElsewhere(Rc::new(change)));
        }
        storage::Saved::Failed => state.dispatch(Action::StorageFailed),
    }
}
