//! The root component: owns the state and performs its side effects.

use yew::prelude::*;

use super::check_answers_page::CheckAnswersPage;
use super::dom;
use super::question_page::{ERROR_SUMMARY_ID, QuestionPage};
use super::results_page::ResultsPage;
use super::start_page::StartPage;
use super::state::{Action, Page, State};
use super::storage;
use crate::core::model::Assessment;
use crate::core::report::{PRODUCT_NAME, page_title, progress_label};
use crate::core::saved;

/// Id of every page's main heading, which receives focus after navigation.
pub const HEADING_ID: &str = "dba-heading";

/// Properties of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The assessment to run.
    pub assessment: &'static Assessment,
}

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
    }
}

/// The widget.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let assessment = props.assessment;
    let state = use_reducer(move || match storage::load(assessment) {
        storage::Found::Nothing => State::new(assessment),
        storage::Found::Answers(saved) => State::opened(assessment, Some(saved), None),
        storage::Found::Unreadable(error) => State::opened(assessment, None, Some(error.message())),
    });

    // Save as the user goes; say once if the browser will not let us.
    {
        let dispatcher = state.dispatcher();
        let failed = state.storage_failed;
        use_effect_with(state.answers.clone(), move |answers| {
            if !failed && saved::has_progress(answers) && !storage::save(assessment, answers) {
                dispatcher.dispatch(Action::StorageFailed);
            }
        });
    }
    use_effect_with(state.clears, move |&clears| {
        if clears > 0 {
            storage::clear(assessment);
        }
    });

    {
        let title = title_for(&state);
        let focus_target = (state.moves > 0).then_some(if state.show_error {
            ERROR_SUMMARY_ID
        } else {
            HEADING_ID
        });
        use_effect_with((state.moves, title), move |(_, title)| {
            dom::set_title(title);
            if let Some(id) = focus_target {
                dom::focus_id(id);
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
                <span class="nhsuk-u-visually-hidden">{ "Information: " }</span>
                <p>{ text }</p>
            </div>
        }
    });
    let page = match state.page {
        Page::Start => html! {
            <StartPage {assessment} saved={state.resume.as_ref().map(|a| a.responses.iter().filter(|r| r.is_some()).count())} {on_action} />
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
        Page::Results => html! {
            <ResultsPage {assessment} answers={state.answers.clone()} {on_action} />
        },
    };
    html! { <>{ notice }{ page }</> }
}
