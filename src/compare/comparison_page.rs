//! Results side by side: the board's disagreements, the system's range, or
//! then and now; the compare link, downloads (the Word document too) and
//! print.

use std::rc::Rc;

use yew::prelude::*;

use super::Action;
use super::follow_up_section::follow_up_section;
use super::spread_table::{SpreadTable, cell_heading};
use super::system_chart::SystemChart;
use super::then_and_now_table::ThenAndNowTable;
use super::version_notices::version_notices;
use crate::components::HEADING_ID;
use crate::components::action_link;
use crate::components::link_box::LinkBox;
use crate::components::word_button::{WordButton, WordPaper};
use crate::dom;
use digital_board_core::actions::Status;
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::collect::Notice;
use digital_board_core::compare::export::{
    self as compare_export, differ_text, gap_text, numbered_question, section_cell,
};
use digital_board_core::compare::{
    Comparison, Mode, disagreement_order, section_tallies, spreads, system_summary, tally_range,
    then_and_now,
};
use digital_board_core::date::Date;
use digital_board_core::export::ExportFormat;
use digital_board_core::share::MAX_LINK_CHARS;
use digital_board_core::text::agree::Phrase as AgreePhrase;
use digital_board_core::text::compare::{Phrase, Sentence};
use digital_board_core::text::report::Phrase as ReportPhrase;

/// Properties of [`ComparisonPage`].
#[derive(Properties, PartialEq)]
pub struct ComparisonPageProps {
    /// What is compared (ready: [`Comparison::readiness`] is `Ok`).
    pub comparison: Rc<Comparison>,
    /// The page address the compare link is built on.
    pub base_url: AttrValue,
    /// Today, for file names.
    pub today: Option<Date>,
    /// Receives "Change the results" and "Leave the comparison".
    pub on_action: Callback<Action>,
    /// The statuses recorded for last time's actions (then and now).
    #[prop_or_default]
    pub statuses: Vec<Option<Status>>,
    /// Last time's actions "Save the statuses" found with no status.
    #[prop_or_default]
    pub status_problems: Vec<usize>,
    /// Whether the later result could not take last time's actions.
    #[prop_or_default]
    pub carry_refused: bool,
    /// Results of the compare link opened, or of the last addition, made
    /// with an earlier version of the questions.
    #[prop_or_default]
    pub notices: Vec<Notice>,
}

/// The comparison page.
#[function_component(ComparisonPage)]
pub fn comparison_page(props: &ComparisonPageProps) -> Html {
    let comparison = props.comparison.clone();
    let assessment = comparison.assessment;
    let mode = comparison.mode;
    let spreads = Rc::new(spreads(&comparison));
    let on_action = &props.on_action;

    let summary = match mode {
        Mode::Board => {
            let (executives, non_executives) = comparison.role_counts();
            let two_apart = spreads.iter().filter(|s| s.two_apart()).count();
            let roles_differ = spreads.iter().filter(|s| s.roles_differ()).count();
            let dont_know: u32 = spreads.iter().map(|s| s.dont_know).sum();
            let members = Sentence::BoardSize {
                members: comparison.entries.len(),
                executives,
                non_executives,
            };
            html! {
                <>
                <p class="nhsuk-body-l">{ members.text() }</p>
                <ul class="nhsuk-list nhsuk-list--bullet dba-compare-summary">
                    <li>{ Sentence::TwoApartCount(two_apart).text() }</li>
                    if executives > 0 && non_executives > 0 {
                        <li>{ Sentence::RolesDifferCount(roles_differ).text() }</li>
                    }
                    <li>{ Sentence::DontKnowCount(dont_know).text() }</li>
                </ul>
                <p>{ Phrase::BoardAdvice.text() }</p>
                <button class="nhsuk-button dba-no-print" type="button"
                    onclick={on_action.reform(|_: MouseEvent| Action::OpenAgree)}>
                    { AgreePhrase::RecordAgreed.text() }
                </button>
                </>
            }
        }
        Mode::System => {
            let lead = Sentence::SystemSize {
                results: comparison.entries.len(),
                organisations: comparison.organisation_count(),
            };
            // Where the system stands, by question: never a total or a
            // ranking of organisations.
            let stands = system_summary(&comparison, &spreads);
            let question = |index: usize| {
                html! { <strong>{ numbered_question(assessment, index) }</strong> }
            };
            html! {
                <>
                <p class="nhsuk-body-l">{ lead.text() }</p>
                <h2 class="nhsuk-heading-m">{ Phrase::SystemGapsHeading.text() }</h2>
                if stands.gaps.is_empty() {
                    <p>{ Phrase::NoSystemGaps.text() }</p>
                } else {
                    <ul class="nhsuk-list nhsuk-list--bullet dba-system-gaps">
                        { for stands.gaps.iter().map(|&(index, counts)| html! {
                            <li>{ question(index) }<br />{ gap_text(&comparison, counts) }</li>
                        }) }
                    </ul>
                }
                <h2 class="nhsuk-heading-m">{ Phrase::SystemDifferHeading.text() }</h2>
                if stands.differ.is_empty() {
                    <p>{ Phrase::NoSystemDiffer.text() }</p>
                } else {
                    <ul class="nhsuk-list nhsuk-list--bullet dba-system-differ">
                        { for stands.differ.iter().filter_map(|&(index, counts)| Some(html! {
                            <li>{ question(index) }<br />{ differ_text(spreads.get(index)?, counts) }</li>
                        })) }
                    </ul>
                }
                <p>{ Phrase::SystemAdvice.text() }</p>
                if let Some(warning) = comparison.repeats_warning() {
                    <div class="nhsuk-card nhsuk-card--warning dba-compare-repeats">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading">{ Phrase::RepeatsHeading.text() }</h2>
                            <p class="nhsuk-card__description">{ warning }</p>
                        </div>
                    </div>
                }
                </>
            }
        }
        Mode::ThenAndNow => html! {},
    };

    // Each section's tallies, one per result (the system's sections table).
    let tallies: Vec<_> = (0..assessment.sections.len())
        .map(|index| section_tallies(&comparison, index))
        .collect();
    let body = match mode {
        Mode::Board => html! {
            <SpreadTable comparison={comparison.clone()} spreads={spreads.clone()}
                order={disagreement_order(&spreads)} caption={Phrase::BoardTableCaption.text()} />
        },
        Mode::System => html! {
            <>
            // An organisation per row, so a whole ICS reads down the page
            // (and stacks on a phone) instead of running off its side.
            <div class="dba-table-wrapper" role="region" aria-labelledby="dba-system-sections" tabindex="0">
                <table class="nhsuk-table nhsuk-table--responsive dba-system-sections" role="table">
                    <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-system-sections">{ Phrase::SystemSectionsCaption.text() }</caption>
                    <thead class="nhsuk-table__head" role="rowgroup">
                        <tr class="nhsuk-table__row" role="row">
                            <th class="nhsuk-table__header" scope="col" role="columnheader">{ ReportPhrase::Organisation.text() }</th>
                            { for assessment.sections.iter().map(|section| html! {
                                <th class="nhsuk-table__header" scope="col" role="columnheader">{ section.title }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body" role="rowgroup">
                        { for comparison.labels().into_iter().enumerate().map(|(entry, label)| html! {
                            <tr class="nhsuk-table__row" role="row">
                                <th class="nhsuk-table__header" scope="row" role="rowheader"><span>{ Sentence::MarkerKey(&(entry + 1).to_string()).text() }{ " " }{ label }</span></th>
                                { for tallies.iter().zip(assessment.sections.iter()).map(|(section_tallies, section)| html! {
                                    <td class="nhsuk-table__cell" role="cell">
                                        { cell_heading(section.title) }
                                        <span>{ section_tallies.get(entry).map(section_cell).unwrap_or_default() }</span>
                                    </td>
                                }) }
                            </tr>
                        }) }
                        <tr class="nhsuk-table__row dba-system-sections__range" role="row">
                            <th class="nhsuk-table__header" scope="row" role="rowheader"><span>{ Phrase::SystemRangeOfAverages.text() }</span></th>
                            { for tallies.iter().zip(assessment.sections.iter()).map(|(section_tallies, section)| html! {
                                <td class="nhsuk-table__cell" role="cell">
                                    { cell_heading(section.title) }
                                    <span>{ tally_range(section_tallies).map_or_else(
                                        || Phrase::NoAverages.text().to_owned(),
                                        |(low, high)| Sentence::AverageRange(low, high).text(),
                                    ) }</span>
                                </td>
                            }) }
                        </tr>
                    </tbody>
                </table>
            </div>
            <h2 class="nhsuk-heading-m">{ Phrase::QuestionByQuestion.text() }</h2>
            <SystemChart comparison={comparison.clone()} spreads={spreads.clone()} />
            <SpreadTable comparison={comparison.clone()} spreads={spreads.clone()}
                order={(0..spreads.len()).collect::<Vec<_>>()} caption={Phrase::SystemTableCaption.text()} />
            </>
        },
        Mode::ThenAndNow => match then_and_now(&comparison) {
            Ok((then, now)) => html! {
                <>
                <ThenAndNowTable comparison={comparison.clone()} {then} {now} />
                { follow_up_section(&comparison, &props.statuses, &props.status_problems, props.carry_refused, on_action) }
                </>
            },
            Err(reason) => html! { <p>{ reason.to_string() }</p> },
        },
    };

    let payload = compare_codec::encode(&comparison);
    let link = compare_codec::link(&props.base_url, &payload);
    let length = link.chars().count();
    let date = props.today.map(|d| d.to_string());
    let download = |extension: &'static str, media_type: &'static str| {
        let comparison = comparison.clone();
        let date = date.clone();
        let link = (length <= MAX_LINK_CHARS).then(|| link.clone());
        Callback::from(move |_: MouseEvent| {
            let text = match extension {
                "csv" => compare_export::csv(&comparison),
                "md" => compare_export::markdown(&comparison, date.as_deref(), link.as_deref()),
                _ => compare_export::json(&comparison),
            };
            let name = compare_export::file_name(&comparison, date.as_deref(), extension);
            dom::download(&name, media_type, &text);
        })
    };

    html! {
        <div class={classes!("dba-page", "dba-page--comparison", format!("dba-page--{}", mode.key()))}>
            <a class="nhsuk-back-link dba-no-print" href="#" onclick={action_link(on_action, || Action::ChangeComparison)}>{ Phrase::ChangeResults.text() }</a>
            <span class="nhsuk-caption-l">{ Sentence::ComparingMode(mode).text() }</span>
            <h1 id={HEADING_ID} tabindex="-1">{ mode.heading() }</h1>
            { version_notices(&props.notices) }
            { summary }
            { body }

            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">{ Phrase::HowWorkedOut.text() }</span>
                </summary>
                <div class="nhsuk-details__text">
                    { for compare_export::method(mode).map(|p| html! { <p>{ p }</p> }) }
                </div>
            </details>

            <div class="dba-share dba-no-print">
                <h2 class="nhsuk-heading-m">{ Phrase::ShareHeading.text() }</h2>
                <p>{ Phrase::ShareExplainer.text() }</p>
                if length <= MAX_LINK_CHARS {
                    <LinkBox id="dba-compare-link" link={link.clone()} label={Phrase::CompareLink.text()}
                        qr_label={Phrase::QrLabel.text()}
                        qr_caption={Phrase::QrCaption.text()}
                        too_long_for_qr={Phrase::TooLongForQr.text()} />
                } else {
                    <div class="nhsuk-card nhsuk-card--warning">
                        <div class="nhsuk-card__content">
                            <h3 class="nhsuk-card__heading">{ Phrase::TooLongHeading.text() }</h3>
                            <p class="nhsuk-card__description">{ Sentence::TooLongForLink { length, max: MAX_LINK_CHARS }.text() }</p>
                        </div>
                    </div>
                }
                <h2 class="nhsuk-heading-m">{ Phrase::SaveOrPrint.text() }</h2>
                <div class="nhsuk-button-group">
                    { WordButton {
                        paper: WordPaper::Comparison,
                        payload: payload.clone().into(),
                        file_name: compare_export::file_name(&comparison, date.as_deref(), "docx").into(),
                        date: date.clone().map(AttrValue::from),
                        link: (length <= MAX_LINK_CHARS).then(|| AttrValue::from(link.clone())),
                    }.html() }
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("csv", "text/csv;charset=utf-8")}>{ Phrase::Download(ExportFormat::Csv).text() }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("md", "text/markdown;charset=utf-8")}>{ Phrase::Download(ExportFormat::Markdown).text() }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("json", "application/json")}>{ Phrase::Download(ExportFormat::Json).text() }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={Callback::from(|_: MouseEvent| dom::print())}>{ Phrase::Print.text() }</button>
                </div>
                <p><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::Leave)}>{ Phrase::LeaveComparison.text() }</a></p>
            </div>
        </div>
    }
}
