//! The results page: overall stage, section scores, chart and table,
//! discussion points, consistency flags and the scoring method.

use yew::prelude::*;

use super::Action;
use super::level_chart::LevelChart;
use crate::components::HEADING_ID;
use crate::components::{action_link, tag_class};
use digital_board_core::date::Date;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::{Assessment, Level};
use digital_board_core::report::{
    METHOD, discussion_order, flag_detail, long_date, no_stage_reason, response_label, stage_label,
    tally_sentence,
};
use digital_board_core::scoring::{Answers, Response, score};
use digital_board_core::text::assessment::{Phrase, Sentence};
use digital_board_core::text::common::Phrase as CommonPhrase;
use digital_board_core::text::report::{Phrase as ReportPhrase, Sentence as ReportSentence};

/// Properties of [`ResultsPage`].
#[derive(Properties, PartialEq)]
pub struct ResultsPageProps {
    /// The assessment.
    pub assessment: &'static Assessment,
    /// The completed answers.
    pub answers: Answers,
    /// Receives "Change your answers" and "Start again".
    pub on_action: Callback<Action>,
    /// Someone else's results from a share link: no Change or Start again.
    #[prop_or_default]
    pub read_only: bool,
    /// Who the results are from, if given.
    #[prop_or_default]
    pub label: Option<Label>,
    /// When the results were made, if known.
    #[prop_or_default]
    pub date: Option<Date>,
    /// Shown before the page's own actions (the share panel).
    #[prop_or_default]
    pub children: Html,
}

/// "From Leeds Teaching Hospitals, Non-executive. Made on 21 November 2026."
fn provenance(label: Option<&Label>, date: Option<Date>) -> Option<String> {
    let organisation = label
        .map(|label| label.organisation.trim())
        .filter(|o| !o.is_empty());
    let role = label
        .filter(|label| label.role != Role::Unspecified)
        .map(|label| label.role.name());
    let date = date.map(long_date);
    (organisation.is_some() || role.is_some() || date.is_some()).then(|| {
        Sentence::Provenance {
            organisation,
            role,
            date: date.as_deref(),
        }
        .text()
    })
}

fn stage_tag(stage: Option<Level>, label: &'static str) -> Html {
    html! { <strong class={tag_class(stage)}>{ label }</strong> }
}

/// The results page.
#[function_component(ResultsPage)]
pub fn results_page(props: &ResultsPageProps) -> Html {
    let assessment = props.assessment;
    let answers = &props.answers;
    let results = score(assessment, answers);
    let overall = &results.overall;
    let discussion = discussion_order(answers);
    let review = action_link(&props.on_action, || Action::ReviewAnswers);
    let start_again = props.on_action.reform(|_: MouseEvent| Action::StartAgain);
    let gaps = results.assurance_gaps.len() as u32;

    html! {
        <div class="dba-page dba-page--results">
            <span class="nhsuk-caption-l">{ assessment.title }</span>
            <h1 id={HEADING_ID} tabindex="-1">{ if props.read_only { Phrase::SharedResults.text() } else { Phrase::YourResults.text() } }</h1>
            if let Some(text) = provenance(props.label.as_ref(), props.date) {
                <p class="nhsuk-body-l dba-provenance">{ text }</p>
            }
            <div class="nhsuk-card nhsuk-card--feature dba-overall">
                <div class="nhsuk-card__content">
                    <h2 class="nhsuk-card__heading">{ ReportPhrase::OverallStage.text() }</h2>
                    <p class="dba-overall__stage">{ stage_tag(overall.stage(), stage_label(overall)) }</p>
                    <p class="nhsuk-card__description">{ tally_sentence(overall) }</p>
                    if let Some(reason) = no_stage_reason(overall) {
                        <p class="nhsuk-card__description">{ reason }</p>
                    }
                    if gaps > 0 {
                        <p class="nhsuk-card__description">{ Sentence::AssuranceGaps(gaps).text() }</p>
                    }
                </div>
            </div>

            { for results.flags.iter().map(|flag| {
                html! {
                    <div class="nhsuk-card nhsuk-card--warning dba-flag">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading">{ Phrase::ImportantAnswersDisagree.text() }</h2>
                            <p class="nhsuk-card__description">{ flag.check.message }</p>
                            <p class="nhsuk-card__description">{ flag_detail(assessment, &results, flag) }</p>
                        </div>
                    </div>
                }
            }) }

            <div class="dba-table-wrapper">
                <table class="nhsuk-table">
                    <caption class="nhsuk-table__caption nhsuk-table__caption--m">{ ReportPhrase::ScoresBySection.text() }</caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Section.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Stage.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Score.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ CommonPhrase::DontKnow.text() }</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        { for assessment.sections.iter().zip(&results.sections).map(|(section, tally)| html! {
                            <tr class="nhsuk-table__row">
                                <th class="nhsuk-table__header" scope="row">{ section.title }</th>
                                <td class="nhsuk-table__cell">{ stage_tag(tally.stage(), stage_label(tally)) }</td>
                                <td class="nhsuk-table__cell">{ ReportSentence::SectionScore(tally).text() }</td>
                                <td class="nhsuk-table__cell">{ tally.dont_know }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h2 class="nhsuk-heading-m">{ Phrase::QuestionByQuestion.text() }</h2>
            <LevelChart {assessment} answers={answers.clone()} />
            <div class="dba-table-wrapper">
                <table class="nhsuk-table dba-answers-table">
                    <caption class="nhsuk-table__caption nhsuk-table__caption--s">{ if props.read_only { Phrase::SharedAnswersTableCaption.text() } else { Phrase::AnswersTableCaption.text() } }</caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Number.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Question.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ ReportPhrase::Answer.text() }</th>
                            <th class="nhsuk-table__header" scope="col">{ if props.read_only { ReportPhrase::Notes.text() } else { Phrase::YourNotes.text() } }</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        { for assessment.questions().map(|placed| html! {
                            <tr class="nhsuk-table__row">
                                <td class="nhsuk-table__cell">{ placed.index + 1 }</td>
                                <th class="nhsuk-table__header" scope="row">{ placed.question.text }</th>
                                <td class="nhsuk-table__cell">{ response_label(answers.response(placed.index)) }</td>
                                <td class="nhsuk-table__cell dba-answer-note">{ answers.note(placed.index).trim() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h2 class="nhsuk-heading-m">{ ReportPhrase::ForDiscussion.text() }</h2>
            if discussion.is_empty() {
                <p>{ ReportPhrase::AllEmbedded.text() }</p>
            } else {
                <p>{ ReportPhrase::DiscussionOrder.text() }</p>
                <ol class="nhsuk-list dba-discussion">
                    { for discussion.iter().filter_map(|&i| assessment.question(i)).map(|placed| {
                        let response = answers.response(placed.index);
                        let note = answers.note(placed.index);
                        html! {
                            <li class="nhsuk-card dba-discussion__item">
                                <div class="nhsuk-card__content">
                                    <h3 class="nhsuk-card__heading nhsuk-heading-s">{ placed.question.text }</h3>
                                    <p class="nhsuk-body-s dba-discussion__meta">
                                        { Sentence::DiscussionMeta {
                                            number: placed.index + 1,
                                            section: assessment.sections[placed.section].title,
                                        }.text() }
                                        <strong class={tag_class(response.and_then(Response::level))}>{ response_label(response) }</strong>
                                    </p>
                                    <p class="nhsuk-card__description">{ placed.question.discuss }</p>
                                    if !note.trim().is_empty() {
                                        <p class="nhsuk-card__description dba-answer-note"><span class="dba-answer-note__label">{ if props.read_only { Phrase::NotesLabel.text() } else { Phrase::YourNotesLabel.text() } }</span>{ note }</p>
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            }

            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">{ ReportPhrase::HowWeScored.text() }</span>
                </summary>
                <div class="nhsuk-details__text">
                    { for METHOD.iter().map(|p| html! { <p>{ *p }</p> }) }
                </div>
            </details>

            { super::source_credit::source_credit(&assessment.source) }

            { props.children.clone() }

            if !props.read_only {
                <div class="dba-actions dba-no-print">
                    <p><a class="nhsuk-link" href="#" onclick={review}>{ Phrase::ChangeYourAnswers.text() }</a></p>
                    <p>{ Phrase::SavedUntilStartAgain.text() }</p>
                    <p><a class="nhsuk-link" href="#" onclick={action_link(&props.on_action, || Action::OpenCompare(None))}>{ Phrase::CompareWithOthers.text() }</a></p>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={start_again}>{ Phrase::StartAgain.text() }</button>
                </div>
            }
        </div>
    }
}
