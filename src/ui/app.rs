//! The root component: owns the state and performs its side effects.

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use super::bad_link_page::{BROKEN_SHARE_LINK, BadLinkPage};
use super::share_panel::{self, SharePanel};

use super::check_answers_page::CheckAnswersPage;
use super::confirm_page::confirm_page;
use super::dom;
use super::question_page::QuestionPage;
use super::results_page::ResultsPage;
use super::start_page::StartPage;
use super::state::{Action, Page, ReturnTo, State};
use super::storage;
use digital_board_core::model::Assessment;
use digital_board_core::report::{PRODUCT_NAME, answers_held, page_title, progress_label};
use digital_board_core::saved;
use digital_board_core::scoring::Answers;

/// Id of every page's main heading, which receives focus after navigation.
pub const HEADING_ID: &str = "dba-heading";

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

/// Heading (and title) of the question asked before deleting answers.
const DELETE_HEADING: &str = "Delete your answers?";

/// Heading (and title) of the question asked before "Edit a copy"
/// replaces answers.
const REPLACE_HEADING: &str = "Replace your answers with this copy?";

/// The title of the page being shown.
pub fn title_for(state: &State) -> String {
    match state.page {
        Page::Start => PRODUCT_NAME.to_owned(),
        Page::Question(index) => {
            let question = state
                .assessment
                .question(index)
                .map_or("", |p| p.question.text);
            page_title(
                &format!("{}: {question}", progress_label(index, state.assessment)),
                state.show_error,
            )
        }
        Page::CheckAnswers => page_title("Check your answers", false),
        Page::Results => page_title("Your results", false),
        Page::Shared => page_title("Shared results", false),
        Page::BadLink => page_title(BROKEN_SHARE_LINK, true),
        Page::ConfirmStartAgain(_) => page_title(DELETE_HEADING, false),
        Page::ConfirmEditCopy => page_title(REPLACE_HEADING, false),
    }
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
            storage::Found::Answers(saved, label) => State {
                label,
                ..State::opened(assessment, Some(saved), None)
            },
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
            ..state
        }
    });
    let root_ref = use_node_ref();
    let today = use_memo((), |_| dom::today());

    // A share link pasted into the address bar of an open page.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatcher.dispatch(Action::OpenFragment(dom::fragment()));
            });
            move || drop(listener)
        });
    }
    // Once the user leaves a shared result, its link leaves the address.
    // Not at load: nothing has been left, and a link put in the address a
    // moment ago (by embed-frame.js, from the host page) is not read yet.
    let loaded = use_mut_ref(|| false);
    use_effect_with(state.page, move |page| {
        let after_load = std::mem::replace(&mut *loaded.borrow_mut(), true);
        if after_load && !matches!(page, Page::Shared | Page::BadLink | Page::ConfirmEditCopy) {
            dom::clear_share_fragment();
        }
    });

    // Save as the user goes; say once if the browser will not let us.
    {
        let dispatcher = state.dispatcher();
        let failed = state.storage_failed;
        // The state's assessment, not the prop's: "Edit a copy" of a link
        // for another built-in assessment switches to it.
        let current = state.assessment;
        use_effect_with(
            (state.answers.clone(), state.label.clone()),
            move |(answers, label)| {
                if !failed
                    && saved::has_progress(answers)
                    && !storage::save(current, answers, label)
                {
                    dispatcher.dispatch(Action::StorageFailed);
                }
            },
        );
    }
    {
        let current = state.assessment;
        use_effect_with(state.clears, move |&clears| {
            if clears > 0 {
                storage::clear(current);
            }
        });
    }

    super::use_page_change(
        state.moves,
        title_for(&state),
        state.show_error,
        props.manage_title,
        root_ref.clone(),
    );

    let on_action = {
        let dispatcher = state.dispatcher();
        let root = root_ref.clone();
        Callback::from(move |action| match action {
            // The compare view is another wasm bundle: the page switches.
            Action::OpenCompare(shared_link) => {
                // As on leaving a shared result for any other page.
                dom::clear_share_fragment();
                dom::tell_page(&root, dom::OPEN_COMPARE_EVENT, shared_link.as_deref());
            }
            action => dispatcher.dispatch(action),
        })
    };

    let notice = state.notice.map(|text| {
        html! {
            <div class="nhsuk-inset-text dba-notice" role="status">
                <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
                <p>{ text }</p>
            </div>
        }
    });
    let assessment = state.assessment;
    let page = match state.page {
        Page::Start => html! {
            <StartPage {assessment} saved={state.resume.as_ref().map(Answers::answered)} {on_action} />
        },
        Page::Question(index) => html! {
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
                <ResultsPage {assessment} answers={state.answers.clone()} on_action={on_action.clone()} {label} date={*today}>
                    <SharePanel
                        {assessment}
                        answers={state.answers.clone()}
                        label={state.label.clone()}
                        include_notes={state.include_notes}
                        today={*today}
                        base_url={dom::page_url()}
                        {on_action}
                    />
                </ResultsPage>
            }
        }
        Page::Shared => match &state.shared {
            Some(result) => html! {
                <ResultsPage
                    assessment={result.assessment()}
                    answers={result.answers().clone()}
                    on_action={on_action.clone()}
                    read_only=true
                    label={result.label().cloned()}
                    date={result.date()}
                >
                    <div class="dba-actions dba-no-print">
                        <h2 class="nhsuk-heading-m">{ "What you can do next" }</h2>
                        <p>{ "These results are read-only. “Edit a copy” puts these answers into this browser so you can change them and make your own results. If this browser has answers of your own, you will be asked before they are replaced." }</p>
                        <div class="nhsuk-button-group">
                            <button class="nhsuk-button" type="button" onclick={on_action.reform(|_: MouseEvent| Action::StartOwn)}>
                                { "Start your own assessment" }
                            </button>
                            <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={on_action.reform(|_: MouseEvent| Action::EditCopy)}>
                                { "Edit a copy" }
                            </button>
                        </div>
                        <p><a class="nhsuk-link" href="#" onclick={super::action_link(&on_action, || Action::OpenCompare(Some(dom::fragment())))}>{ "Compare these results with others" }</a></p>
                    </div>
                </ResultsPage>
            },
            None => html! {},
        },
        Page::BadLink => html! {
            <BadLinkPage message={state.link_error.clone().unwrap_or_default()} {on_action} />
        },
        Page::ConfirmStartAgain(return_to) => {
            let held = state.own_answers().map(answers_held).unwrap_or_default();
            let keep_first = if return_to == ReturnTo::Results {
                " To keep a copy, choose “Keep my answers”, then save, print or share your results first."
            } else {
                ""
            };
            confirm_page(
                DELETE_HEADING,
                format!(
                    "This deletes the answers saved in this browser ({held}). You cannot undo this.{keep_first}"
                ),
                "Delete my answers",
                Action::ConfirmStartAgain,
                &on_action,
            )
        }
        Page::ConfirmEditCopy => {
            let held = state.own_answers().map(answers_held).unwrap_or_default();
            confirm_page(
                REPLACE_HEADING,
                format!(
                    "This browser already has answers of your own ({held}). Editing a copy of the shared results replaces them, and you cannot undo this."
                ),
                "Replace my answers",
                Action::ConfirmEditCopy,
                &on_action,
            )
        }
    };
    html! { <div class="dba-app" ref={root_ref}>{ notice }{ page }</div> }
}
