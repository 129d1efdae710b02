//! "Record the board's agreed answers": after a board comparison, one
//! question per group with the members' answers, the level the median
//! suggests (chosen to start with), and fields for the reason and any
//! dissent. Saving hands the board's result to the assessment view, where
//! it becomes this browser's result with the role Board.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::Action;
use crate::components::error_summary::ErrorSummary;
use crate::components::{HEADING_ID, action_link};
use digital_board_core::compare::agree::{AgreeProblem, Agreement, suggestion};
use digital_board_core::compare::export::{disagreement_text, numbered_question};
use digital_board_core::compare::{Comparison, LevelCounts, Mode, Spread};
use digital_board_core::date::Date;
use digital_board_core::model::Level;
use digital_board_core::scoring::Response;
use digital_board_core::text::agree::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::compare::Sentence as CompareSentence;

/// The answers offered for each question, in order.
const RESPONSES: [Response; 4] = [
    Response::Level(Level::Absent),
    Response::Level(Level::Siloed),
    Response::Level(Level::Embedded),
    Response::DontKnow,
];

/// The id of question `index`'s first radio (where its error links).
fn field_id(index: usize) -> String {
    format!("dba-agree-{index}")
}

/// What the page is given.
pub struct AgreePage<'a> {
    /// The board comparison the answers are agreed from.
    pub comparison: &'a Comparison,
    /// Each question's spread of answers, in question order.
    pub spreads: &'a [Spread],
    /// What has been recorded so far.
    pub agreement: &'a Agreement,
    /// What stopped the last "Save", if anything.
    pub problems: &'a [(usize, AgreeProblem)],
    /// Today, the board result's date.
    pub today: Option<Date>,
    /// Receives the page's actions.
    pub on_action: &'a Callback<Action>,
}

impl AgreePage<'_> {
    /// The page. A plain function rather than a component: it holds no
    /// state of its own, and a component would cost the wasm more.
    pub fn html(&self) -> Html {
        let on_action = self.on_action;
        let assessment = self.comparison.assessment;
        let summary: Vec<(AttrValue, AttrValue)> = self
            .problems
            .iter()
            .map(|&(index, problem)| {
                let target = match problem {
                    AgreeProblem::NoLevel => field_id(index),
                    AgreeProblem::TooLong => format!("dba-agree-{index}-reason"),
                };
                (
                    AttrValue::from(Sentence::Problem(index + 1, problem).text()),
                    AttrValue::from(target),
                )
            })
            .collect();
        let today = self.today;
        let onsubmit = on_action.reform(move |event: SubmitEvent| {
            event.prevent_default();
            Action::SaveAgreed(today)
        });
        let mut section = None;
        html! {
            <div class="dba-page dba-page--agree">
                <a class="nhsuk-back-link" href="#" onclick={action_link(on_action, || Action::CloseAgree)}>
                    { Phrase::BackToComparison.text() }
                </a>
                <form novalidate=true {onsubmit}>
                    if let Some(((message, target), more)) = summary.split_first() {
                        <ErrorSummary message={message.clone()} target={target.clone()} more={more.to_vec()} />
                    }
                    <span class="nhsuk-caption-l">{ CompareSentence::ComparingMode(Mode::Board).text() }</span>
                    <h1 id={HEADING_ID} tabindex="-1">{ Phrase::RecordAgreed.text() }</h1>
                    <p class="nhsuk-body-l">{ Phrase::AgreeIntro.text() }</p>
                    <p>{ Phrase::AgreeOutcome.text() }</p>
                    { for assessment.questions().map(|placed| {
                        let heading = (section != Some(placed.section)).then(|| {
                            section = Some(placed.section);
                            let title = assessment.sections.get(placed.section).map(|s| s.title);
                            html! { <h2 class="nhsuk-heading-l dba-agree__section">{ title }</h2> }
                        });
                        html! { <>{ heading }{ self.question(placed.index) }</> }
                    }) }
                    <button class="nhsuk-button" type="submit">{ Phrase::SaveAgreed.text() }</button>
                </form>
            </div>
        }
    }

    /// One question: the members' answers, the suggestion, the choice,
    /// the reason and the dissent.
    fn question(&self, index: usize) -> Html {
        let assessment = self.comparison.assessment;
        let chosen = self.agreement.responses.get(index).copied().flatten();
        let problem = self
            .problems
            .iter()
            .find(|(at, _)| *at == index)
            .map(|&(_, problem)| problem);
        let id = field_id(index);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let counts = LevelCounts::of(self.comparison, index);
        let suggested = match self.spreads.get(index) {
            Some(spread) => match (suggestion(spread), spread.median) {
                (Some(response), _) => Sentence::Suggested(response).text(),
                (None, Some((low, high))) => Sentence::SplitMiddle(low, high).text(),
                (None, None) => String::new(),
            },
            None => String::new(),
        };
        // Each message sits by what it is about: the choice, or the reason.
        let error_message = |id: &str, problem: AgreeProblem| {
            html! {
                <span class="nhsuk-error-message" id={format!("{id}-error")}>
                    <span class="nhsuk-u-visually-hidden">{ CommonPhrase::ErrorPrefix.text() }</span>
                    { Sentence::Problem(index + 1, problem).text() }
                </span>
            }
        };
        let no_level = problem == Some(AgreeProblem::NoLevel);
        let too_long = problem == Some(AgreeProblem::TooLong);
        let described_by = if no_level {
            format!("{hint_id} {error_id}")
        } else {
            hint_id.clone()
        };
        let text_field = |part: &'static str,
                          label: &'static str,
                          hint: Option<&'static str>,
                          value: &str| {
            let field = format!("{id}-{part}");
            let hint_id = format!("{field}-hint");
            let error = (too_long && part == "reason")
                .then(|| error_message(&field, AgreeProblem::TooLong));
            let described_by = match (hint, &error) {
                (Some(_), Some(_)) => Some(format!("{hint_id} {field}-error")),
                (Some(_), None) => Some(hint_id.clone()),
                (None, Some(_)) => Some(format!("{field}-error")),
                (None, None) => None,
            };
            let on_action = self.on_action.clone();
            let oninput = Callback::from(move |event: InputEvent| {
                let value = event
                    .target_dyn_into::<HtmlTextAreaElement>()
                    .map(|area| area.value())
                    .unwrap_or_default();
                on_action.emit(if part == "reason" {
                    Action::AgreeReason(index, value)
                } else {
                    Action::AgreeDissent(index, value)
                });
            });
            html! {
                <div class="nhsuk-form-group">
                    <label class="nhsuk-label" for={field.clone()}>{ label }</label>
                    if let Some(hint) = hint {
                        <div class="nhsuk-hint" id={hint_id}>{ hint }</div>
                    }
                    { error.clone() }
                    <textarea class={classes!("nhsuk-textarea", error.map(|_| "nhsuk-textarea--error"))}
                        id={field} rows="2" aria-describedby={described_by}
                        value={value.to_owned()} {oninput} />
                </div>
            }
        };
        let reason = self.agreement.reasons.get(index).map_or("", String::as_str);
        let dissent = self.agreement.dissent.get(index).map_or("", String::as_str);
        html! {
            <div class={classes!("nhsuk-form-group", "dba-agree__question", problem.map(|_| "nhsuk-form-group--error"))}>
                <fieldset class="nhsuk-fieldset" aria-describedby={described_by}>
                    <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">
                        { numbered_question(assessment, index) }
                    </legend>
                    <div class="nhsuk-hint" id={hint_id}>
                        if let Some(spread) = self.spreads.get(index) {
                            <strong>{ disagreement_text(spread) }</strong><br />
                        }
                        { Sentence::Counts(counts).text() }<br />{ suggested }
                    </div>
                    if no_level {
                        { error_message(&id, AgreeProblem::NoLevel) }
                    }
                    <div class="nhsuk-radios nhsuk-radios--inline">
                        { for RESPONSES.iter().enumerate().map(|(position, &response)| {
                            let input_id = if position == 0 { id.clone() } else { format!("{id}-{position}") };
                            let label = match response {
                                Response::Level(level) => level.name(),
                                Response::DontKnow => CommonPhrase::DontKnow.text(),
                            };
                            let onchange = self
                                .on_action
                                .reform(move |_: Event| Action::AgreeLevel(index, response));
                            html! {
                                <div class="nhsuk-radios__item">
                                    <input class="nhsuk-radios__input" id={input_id.clone()} name={id.clone()}
                                        type="radio" checked={chosen == Some(response)} {onchange} />
                                    <label class="nhsuk-label nhsuk-radios__label" for={input_id}>{ label }</label>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
                { text_field("reason", Phrase::ReasonLabel.text(), None, reason) }
                { text_field("dissent", Phrase::DissentLabel.text(), Some(Phrase::DissentHint.text()), dissent) }
            </div>
        }
    }
}
