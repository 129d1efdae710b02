//! The root component of the compare view, built as its own wasm bundle
//! (`mount_compare`) so the assessment does not carry it: owns the compare
//! state and performs its side effects.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::bad_link_page::{BROKEN_COMPARE_LINK, BadLinkPage};
use super::compare_page::ComparePage;
use super::compare_state::{CompareScreen, CompareState};
use super::comparison_page::ComparisonPage;
use super::dom;
use super::state::Action;
use digital_board_core::report::page_title;

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

/// The title of the screen being shown.
pub fn title_for(state: &CompareState) -> String {
    match state.screen {
        CompareScreen::Gather => page_title("Compare results", state.error.is_some()),
        CompareScreen::Comparison => page_title(state.collection.mode().heading(), false),
        CompareScreen::BadLink => page_title(BROKEN_COMPARE_LINK, true),
    }
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
        let opening = match digital_board_core::compare::codec::payload_from_fragment(&fragment) {
            Some(_) => Action::OpenFragment(fragment),
            None => Action::OpenCompare(shared_link),
        };
        let state = Rc::new(CompareState::default()).reduce(opening);
        CompareState {
            moves: u32::from(focus_heading),
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
                    EventListener::new(&mount_root, dom::OPEN_COMPARE_EVENT, move |event| {
                        let link = event
                            .dyn_ref::<web_sys::CustomEvent>()
                            .and_then(|event| event.detail().as_string());
                        dispatcher.dispatch(Action::OpenCompare(link));
                    })
                });
            move || drop((on_hash, on_open))
        });
    }

    // Once the user leaves a comparison opened from a compare link, its
    // link leaves the address.
    use_effect_with(state.screen, |screen| {
        if *screen == CompareScreen::Gather {
            dom::clear_compare_fragment();
        }
    });

    super::use_page_change(
        state.moves,
        title_for(&state),
        state.error.is_some(),
        props.manage_title,
        root_ref.clone(),
    );

    let on_action = {
        let dispatcher = state.dispatcher();
        let root = root_ref.clone();
        Callback::from(move |action| match action {
            // Back to the assessment, another bundle: the page switches. A
            // compare link leaves the address, so a reload does not bring
            // the comparison back.
            Action::LeaveCompare | Action::StartOwn => {
                dom::clear_compare_fragment();
                dom::tell_page(&root, dom::LEAVE_COMPARE_EVENT, None);
            }
            action => dispatcher.dispatch(action),
        })
    };

    let screen = match state.screen {
        CompareScreen::Gather => html! {
            <ComparePage
                collection={state.collection.clone()}
                text={state.text.clone()}
                added={state.added}
                error={state.error.clone().map(AttrValue::from)}
                {on_action}
            />
        },
        CompareScreen::Comparison => match state.collection.comparison() {
            Some(comparison) => html! {
                <ComparisonPage comparison={Rc::new(comparison)} base_url={dom::page_url()} today={*today} {on_action} />
            },
            None => html! {},
        },
        CompareScreen::BadLink => html! {
            <BadLinkPage heading={BROKEN_COMPARE_LINK} message={state.link_error.clone().unwrap_or_default()} {on_action} />
        },
    };
    html! { <div class="dba-app" ref={root_ref}>{ screen }</div> }
}
