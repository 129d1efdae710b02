//! The results page, own or shared: first the summary (one screen), then
//! the detail: scores by section, every answer (chart and table, with the
//! description chosen and the notes), the discussion list with the guide's
//! prompts, how it was scored and the credit; then what the caller adds
//! (sharing and downloads).

use yew::prelude::*;

use super::Action;
use super::downloads::DOWNLOADS_ID;
use super::level_chart::LevelChart;
use super::result_summary::{discussion_id, flag_id, result_summary};
use super::share_panel::SHARE_ID;
use crate::components::HEADING_ID;
use crate::components::{action_link, jump_link, tag_class};
use crate::dom;
use digital_board_core::actions::Commitment;
use digital_board_core::date::Date;
use digital_board_core::export::action_fields;
use digital_board_core::label::{Label, Role};
use digital_board_core::model::Assessment;
use digital_board_core::report::{
    METHOD, discussion_order, flag_detail, long_date, response_label, stage_label, tally_sentence,
};
use digital_board_core::scoring::{Answers, Response, score};
use digital_board_core::text::actions::{Phrase as ActionPhrase, Sentence as ActionSentence};
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
    /// Receives "Change your answers", "Start again" and the next steps.
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
    /// The board's actions, if any.
    #[prop_or_default]
    pub actions: Vec<Commitment>,
    /// Shown after the detail: sharing and downloads.
    #[prop_or_default]
    pub children: Html,
    /// Said under the heading: how a result made with an earlier version
    /// of the questions was read into this one.
    #[prop_or_default]
    pub version_notice: Option<AttrValue>,
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

/// The summary's next steps: for one's own results share, print or
/// download, compare; for a shared result print or download, compare these,
/// start one's own.
fn next_steps(on_action: &Callback<Action>, read_only: bool) -> Html {
    let print_or_download = jump_link(
        DOWNLOADS_ID.to_owned(),
        Phrase::PrintOrDownload.text().to_owned(),
    );
    html! {
        <div class="dba-next-steps dba-no-print">
            <h2 class="nhsuk-heading-s dba-next-steps__heading">{ Phrase::NextSteps.text() }</h2>
            <ul class="nhsuk-list dba-next-steps__list">
                if read_only {
                    <li>{ print_or_download }</li>
                    <li><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::OpenCompare(Some(dom::fragment())))}>{ Phrase::CompareThese.text() }</a></li>
                    <li><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::StartOwn)}>{ CommonPhrase::StartOwnAssessment.text() }</a></li>
                } else {
                    <li>{ jump_link(SHARE_ID.to_owned(), Phrase::ShareYourResults.text().to_owned()) }</li>
                    <li>{ print_or_download }</li>
                    <li><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::OpenActions)}>{ ActionPhrase::AgreeActions.text() }</a></li>
                    <li><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::OpenCompare(None))}>{ Phrase::CompareWithColleagues.text() }</a></li>
                }
            </ul>
        </div>
    }
}

/// An answer as the member gave it: its level's tag and the description
/// they chose, or "Don't know", or "Not answered".
fn answer_cell(
    question: &'static digital_board_core::model::Question,
    response: Option<Response>,
) -> Html {
    let level = response.and_then(Response::level);
    html! {
        <>
            <strong class={tag_class(level)}>{ response_label(response) }</strong>
            if let Some(level) = level {
                { " " }
                <span class="dba-answer-description">{ question.descriptor(level) }</span>
            }
        </>
    }
}

/// The heading a responsive NHS table shows beside each cell on a phone
/// (hidden from screen readers, which read the column header).
fn cell_heading(text: &'static str) -> Html {
    html! { <span class="nhsuk-table__heading" aria-hidden="true">{ text }{ " " }</span> }
}

/// The board's actions as a table, stacked on a phone.
fn actions_table(assessment: &'static Assessment, actions: &[Commitment]) -> Html {
    html! {
        <table class="nhsuk-table nhsuk-table--responsive dba-actions-table" role="table">
            <caption class="nhsuk-u-visually-hidden">{ ActionPhrase::Heading.text() }</caption>
            <thead class="nhsuk-table__head" role="rowgroup">
                <tr class="nhsuk-table__row" role="row">
                    { for ActionPhrase::COLUMNS.iter().map(|column| html! {
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ column.text() }</th>
                    }) }
                </tr>
            </thead>
            <tbody class="nhsuk-table__body">
                { for actions.iter().enumerate().map(|(i, action)| {
                    let fields = action_fields(assessment, action);
                    let number = (i + 1).to_string();
                    html! {
                        <tr class="nhsuk-table__row" role="row">
                            { for ActionPhrase::COLUMNS.iter().zip(std::iter::once(&number).chain(fields.iter())).map(|(column, value)| html! {
                                <td class="nhsuk-table__cell" role="cell">{ cell_heading(column.text()) }<span><bdi>{ value.clone() }</bdi></span></td>
                            }) }
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
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
    let notes_heading = if props.read_only {
        ReportPhrase::Notes.text()
    } else {
        Phrase::YourNotes.text()
    };

    html! {
        <div class="dba-page dba-page--results">
            <span class="nhsuk-caption-m">{ assessment.title }</span>
            <h1 id={HEADING_ID} tabindex="-1" class="dba-results-heading">{ if props.read_only { Phrase::SharedResults.text() } else { Phrase::YourResults.text() } }</h1>
            if let Some(text) = provenance(props.label.as_ref(), props.date) {
                <p class="dba-provenance">{ text }</p>
            }
            if let Some(notice) = &props.version_notice {
                <div class="nhsuk-inset-text dba-version-notice" role="status"><p>{ notice.clone() }</p></div>
            }
            { result_summary(assessment, answers, &results, next_steps(&props.on_action, props.read_only)) }

            <h2 class="nhsuk-heading-m">{ ReportPhrase::ScoresBySection.text() }</h2>
            <p class="dba-tally">{ tally_sentence(overall) }</p>
            <div class="dba-table-wrapper">
                <table class="nhsuk-table">
                    <caption class="nhsuk-u-visually-hidden">{ ReportPhrase::ScoresBySection.text() }</caption>
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
                                <td class="nhsuk-table__cell"><strong class={tag_class(tally.stage())}>{ stage_label(tally) }</strong></td>
                                <td class="nhsuk-table__cell">{ ReportSentence::SectionScore(tally).text() }</td>
                                <td class="nhsuk-table__cell">{ tally.dont_know }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>

            <h2 class="nhsuk-heading-m">{ Phrase::QuestionByQuestion.text() }</h2>
            <LevelChart {assessment} answers={answers.clone()} />
            <table class="nhsuk-table nhsuk-table--responsive dba-answers-table" role="table">
                <caption class="nhsuk-table__caption nhsuk-table__caption--s">{ if props.read_only { Phrase::SharedAnswersTableCaption.text() } else { Phrase::AnswersTableCaption.text() } }</caption>
                <thead class="nhsuk-table__head" role="rowgroup">
                    <tr class="nhsuk-table__row" role="row">
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Number.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Question.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Answer.text() }</th>
                        <th class="nhsuk-table__header" scope="col" role="columnheader">{ notes_heading }</th>
                    </tr>
                </thead>
                <tbody class="nhsuk-table__body">
                    { for assessment.questions().map(|placed| html! {
                        <tr class="nhsuk-table__row" role="row">
                            <td class="nhsuk-table__cell" role="cell">{ cell_heading(ReportPhrase::Number.text()) }<span>{ placed.index + 1 }</span></td>
                            <th class="nhsuk-table__header" scope="row" role="rowheader">{ cell_heading(ReportPhrase::Question.text()) }<span>{ placed.question.text }</span></th>
                            <td class="nhsuk-table__cell" role="cell">{ cell_heading(ReportPhrase::Answer.text()) }<span>{ answer_cell(placed.question, answers.response(placed.index)) }</span></td>
                            <td class="nhsuk-table__cell dba-answer-note" role="cell">{ cell_heading(notes_heading) }<span>{ answers.note(placed.index).trim() }</span></td>
                        </tr>
                    }) }
                </tbody>
            </table>

            <h2 class="nhsuk-heading-m">{ ReportPhrase::ForDiscussion.text() }</h2>
            { for results.flags.iter().map(|flag| html! {
                <div class="nhsuk-card nhsuk-card--warning dba-flag" id={flag_id(flag.check.question)} tabindex="-1">
                    <div class="nhsuk-card__content">
                        <h3 class="nhsuk-card__heading">{ Phrase::ImportantAnswersDisagree.text() }</h3>
                        <p class="nhsuk-card__description">{ flag.check.message }</p>
                        <p class="nhsuk-card__description">{ flag_detail(assessment, &results, flag) }</p>
                    </div>
                </div>
            }) }
            if discussion.is_empty() {
                <p>{ ReportPhrase::AllEmbedded.text() }</p>
            } else {
                <p>{ ReportPhrase::DiscussionOrder.text() }</p>
                <ol class="nhsuk-list dba-discussion">
                    { for discussion.iter().filter_map(|&i| assessment.question(i)).map(|placed| {
                        let response = answers.response(placed.index);
                        let note = answers.note(placed.index);
                        html! {
                            <li class="nhsuk-card dba-discussion__item" id={discussion_id(placed.index)} tabindex="-1">
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
                                        <p class="nhsuk-card__description dba-answer-note"><span class="dba-answer-note__label">{ if props.read_only { Phrase::NotesLabel.text() } else { Phrase::YourNotesLabel.text() } }</span><bdi>{ note }</bdi></p>
                                    }
                                    if !props.read_only {
                                        <p class="nhsuk-body-s dba-no-print">
                                            <a class="nhsuk-link" href="#" onclick={action_link(&props.on_action, move || Action::AddAction(Some(placed.index)))}>
                                                { ActionPhrase::AddAction.text() }
                                                <span class="nhsuk-u-visually-hidden">{ ActionSentence::ForQuestion(placed.index + 1).text() }</span>
                                            </a>
                                        </p>
                                    }
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            }

            if !props.actions.is_empty() || !props.read_only {
                <h2 class="nhsuk-heading-m">{ ActionPhrase::Heading.text() }</h2>
                if props.actions.is_empty() {
                    <p>{ ActionPhrase::NoActionsYet.text() }</p>
                } else {
                    { actions_table(assessment, &props.actions) }
                }
                if !props.read_only {
                    <p class="dba-no-print"><a class="nhsuk-link" href="#" onclick={action_link(&props.on_action, || Action::OpenActions)}>{ ActionPhrase::AgreeActions.text() }</a></p>
                }
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
