//! The root component of the compare view, built as its own wasm bundle
//! (`mount_compare`) so the assessment does not carry it: owns the compare
//! state, renders its screen and performs the side effects the reducer
//! asks for.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::agree_page::AgreePage;
use super::comparison_page::ComparisonPage;
use super::gather_page::GatherPage;
use super::{Action, Effect, Screen, State, Step};
use crate::components::bad_link_page::BadLinkPage;
use crate::components::page_change::show_page;
use crate::dom;
use crate::effects::{Effects, History};
use digital_board_core::compare::follow_up::earlier_actions;
use digital_board_core::compare::spreads;
use digital_board_core::text::compare::Phrase;

/// Properties of [`CompareApp`].
#[derive(Properties, PartialEq)]
pub struct CompareAppProps {
    /// Whether the view sets the document title (off in someone else's page).
    #[prop_or(true)]
    pub manage_title: bool,
    /// The link of a shared result to start the comparison with.
    #[prop_or_default]
    pub shared_link: Option<AttrValue>,
    /// Move focus to the first screen's heading: the user opened the view
    /// from the assessment (not at page load).
    #[prop_or_default]
    pub focus_heading: bool,
}

/// The compare view.
#[function_component(CompareApp)]
pub fn compare_app(props: &CompareAppProps) -> Html {
    let shared_link = props.shared_link.as_ref().map(|link| link.to_string());
    let focus_heading = props.focus_heading;
    let state = use_reducer(move || {
        // A compare link in the address opens its comparison; otherwise the
        // gathering screen, with the shared result if there is one.
        let fragment = dom::fragment();
        let from_link =
            digital_board_core::compare::codec::payload_from_fragment(&fragment).is_some();
        // After a reload while the board's agreed answers were being
        // recorded, they come back (unless a link asks for something else).
        let kept = (!from_link && shared_link.is_none())
            .then(|| dom::session_text(dom::AGREEMENT_KEY))
            .flatten();
        let opening = match kept {
            _ if from_link => Action::OpenFragment(fragment),
            Some(text) => Action::RestoreAgreement(text),
            None => Action::Open(shared_link),
        };
        let state = Rc::new(State::default()).reduce(opening);
        // The first screen's history entry: a new one when the user opened
        // the view; the current one at load or for a link in the address
        // (the browser made its entry).
        let how = if focus_heading && !from_link {
            History::Push
        } else {
            History::Replace
        };
        State {
            moves: u32::from(focus_heading),
            // At load, only the title (and focus, if asked): the address
            // holds no compare link to clear when the screen is Gather.
            effects: Effects::default().request(vec![Effect::RecordScreen(how), Effect::ShowPage]),
            ..(*state).clone()
        }
    });
    let root_ref = use_node_ref();
    let today = use_memo((), |_| dom::today());

    // A compare link pasted into the address bar of an open page, and the
    // page (www/start.js) showing this view again from the assessment.
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
            let on_open = root
                .cast::<web_sys::Element>()
                .and_then(|element| element.parent_element())
                .map(|mount_root| {
                    let dispatcher = dispatcher.clone();
                    EventListener::new(&mount_root, dom::OPEN_COMPARE_EVENT, move |event| {
                        let link = event
                            .dyn_ref::<web_sys::CustomEvent>()
                            .and_then(|event| event.detail().as_string());
                        dispatcher.dispatch(Action::Open(link));
                    })
                });
            // The browser's Back and Forward reaching one of this view's
            // entries (www/start.js tells the view which screen).
            let on_screen = dom::on_show_screen(&root, move |key| {
                if let Some(step) = Step::from_key(&key) {
                    dispatcher.dispatch(Action::ShowScreen(step));
                }
            });
            move || drop((on_hash, on_open, on_screen))
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
                    Effect::ClearCompareFragment => dom::clear_compare_fragment(),
                    // A compare link leaves the address, so a reload does
                    // not bring the comparison back.
                    Effect::Leave => {
                        dom::clear_compare_fragment();
                        dom::tell_page(&root, dom::LEAVE_COMPARE_EVENT, None);
                    }
                    // The page shows the assessment, which takes the
                    // result up (www/start.js passes it on).
                    Effect::KeepAgreement(text) => {
                        dom::keep_session_text(dom::AGREEMENT_KEY, text.as_deref())
                    }
                    Effect::HandOver(text) => {
                        dom::clear_compare_fragment();
                        dom::tell_page(&root, dom::LEAVE_COMPARE_EVENT, Some(text));
                    }
                    Effect::RecordScreen(how) => {
                        if let Some(step) = current.screen.step() {
                            dom::record_screen(&root, step.key(), *how);
                        }
                    }
                    Effect::ShowPage => show_page(
                        &root,
                        current.title(),
                        manage_title,
                        current.moves,
                        current.shows_errors(),
                    ),
                }
            }
        });
    }

    let on_action = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(action))
    };

    let screen = match &state.screen {
        Screen::Gather => html! {
            <GatherPage
                collection={state.collection.clone()}
                text={state.text.clone()}
                added={state.added}
                error={state.error.as_ref().map(|error| AttrValue::from(error.to_string()))}
                {on_action}
            />
        },
        Screen::Comparison(comparison) => {
            let statuses = state.statuses_for(earlier_actions(comparison));
            html! {
                <ComparisonPage comparison={comparison.clone()} base_url={dom::page_url()} today={*today}
                    {statuses} status_problems={state.status_problems.clone()} carry_refused={state.carry_refused}
                    notices={state.collection.notices.clone()}
                    {on_action} />
            }
        }
        Screen::Agree(comparison) => match &state.agreement {
            Some((_, agreement)) => AgreePage {
                comparison,
                spreads: &spreads(comparison),
                agreement,
                problems: &state.agree_problems,
                today: *today,
                on_action: &on_action,
            }
            .html(),
            None => html! {},
        },
        Screen::BadLink(error) => html! {
            <BadLinkPage heading={Phrase::BrokenLink.text()} message={error.message()} on_start_own={on_action.reform(|_: MouseEvent| Action::Leave)} />
        },
    };
    html! { <div class="dba-app" ref={root_ref}>{ screen }</div> }
}
