//! Results side by side: the board's disagreements, the system's range, or
//! then and now; the compare link, downloads and print.

use std::rc::Rc;

use yew::prelude::*;

use super::Action;
use super::spread_table::SpreadTable;
use super::system_chart::SystemChart;
use super::then_and_now_table::ThenAndNowTable;
use crate::components::HEADING_ID;
use crate::components::action_link;
use crate::components::link_box::LinkBox;
use crate::dom;
use digital_board_core::compare::codec as compare_codec;
use digital_board_core::compare::export::{self as compare_export, REPEATS_HEADING, section_cell};
use digital_board_core::compare::{
    Comparison, Mode, disagreement_order, section_tallies, spreads, tally_range, tenths_text,
    then_and_now,
};
use digital_board_core::date::Date;
use digital_board_core::report::plural;
use digital_board_core::share::MAX_LINK_CHARS;

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
}

/// "1 thing" / "2 things".
fn count(n: usize, one: &'static str, many: &'static str) -> String {
    format!("{n} {}", plural(n as u32, one, many))
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
            let mut members = count(comparison.entries.len(), "board member", "board members");
            if executives + non_executives > 0 {
                members.push_str(&format!(
                    ": {}, {}",
                    count(executives as usize, "executive", "executives"),
                    count(non_executives as usize, "non-executive", "non-executives")
                ));
            }
            html! {
                <>
                <p class="nhsuk-body-l">{ format!("{members}.") }</p>
                <ul class="nhsuk-list nhsuk-list--bullet dba-compare-summary">
                    <li>{ format!("Answers two levels apart (Absent and Embedded) on {}.", count(two_apart, "question", "questions")) }</li>
                    if executives > 0 && non_executives > 0 {
                        <li>{ format!("Executives and non-executives differ by a level or more on {}.", count(roles_differ, "question", "questions")) }</li>
                    }
                    <li>{ format!("{} in all.", count(dont_know as usize, "“Don’t know” answer", "“Don’t know” answers")) }</li>
                </ul>
                <p>{ "The questions the board disagrees on most come first: start the discussion there. Highlighted rows are two levels apart, or split between executives and non-executives." }</p>
                </>
            }
        }
        Mode::System => {
            let (results, organisations) =
                (comparison.entries.len(), comparison.organisation_count());
            let mut lead = count(organisations, "organisation", "organisations");
            if organisations < results {
                lead = format!("{} from {lead}", count(results, "result", "results"));
            }
            html! {
                <>
                <p class="nhsuk-body-l">{ format!("{lead} side by side.") }</p>
                <p>{ "Organisations are shown in the order they were added, and nothing is totalled or ranked. Use the differences to find where organisations can learn from each other." }</p>
                if let Some(warning) = comparison.repeats_warning() {
                    <div class="nhsuk-card nhsuk-card--warning dba-compare-repeats">
                        <div class="nhsuk-card__content">
                            <h2 class="nhsuk-card__heading">{ REPEATS_HEADING.text() }</h2>
                            <p class="nhsuk-card__description">{ warning }</p>
                        </div>
                    </div>
                }
                </>
            }
        }
        Mode::ThenAndNow => html! {},
    };

    let body = match mode {
        Mode::Board => html! {
            <SpreadTable comparison={comparison.clone()} spreads={spreads.clone()}
                order={disagreement_order(&spreads)} caption="Each member’s answer, most disagreement first" />
        },
        Mode::System => html! {
            <>
            <div class="dba-table-wrapper" role="region" aria-labelledby="dba-system-sections" tabindex="0">
                <table class="nhsuk-table">
                    <caption class="nhsuk-table__caption nhsuk-table__caption--s" id="dba-system-sections">{ "Sections: stage and average level of each organisation" }</caption>
                    <thead class="nhsuk-table__head">
                        <tr class="nhsuk-table__row">
                            <th class="nhsuk-table__header" scope="col">{ "Section" }</th>
                            { for comparison.labels().into_iter().map(|label| html! {
                                <th class="nhsuk-table__header" scope="col">{ label }</th>
                            }) }
                            <th class="nhsuk-table__header" scope="col">{ "System range of averages" }</th>
                        </tr>
                    </thead>
                    <tbody class="nhsuk-table__body">
                        { for assessment.sections.iter().enumerate().map(|(index, section)| {
                            let tallies = section_tallies(&comparison, index);
                            html! {
                                <tr class="nhsuk-table__row">
                                    <th class="nhsuk-table__header" scope="row">{ section.title }</th>
                                    { for tallies.iter().map(|t| html! { <td class="nhsuk-table__cell">{ section_cell(t) }</td> }) }
                                    <td class="nhsuk-table__cell">{ tally_range(&tallies).map_or_else(
                                        || "No averages".to_owned(),
                                        |(low, high)| format!("{} to {}", tenths_text(low), tenths_text(high)),
                                    ) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
            <h2 class="nhsuk-heading-m">{ "Question by question" }</h2>
            <SystemChart comparison={comparison.clone()} spreads={spreads.clone()} />
            <SpreadTable comparison={comparison.clone()} spreads={spreads.clone()}
                order={(0..spreads.len()).collect::<Vec<_>>()} caption="Each organisation’s answer and the system range (the chart’s data)" />
            </>
        },
        Mode::ThenAndNow => match then_and_now(&comparison) {
            Ok((then, now)) => {
                html! { <ThenAndNowTable comparison={comparison.clone()} {then} {now} /> }
            }
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
            <a class="nhsuk-back-link dba-no-print" href="#" onclick={action_link(on_action, || Action::ChangeComparison)}>{ "Change the results" }</a>
            <span class="nhsuk-caption-l">{ format!("Comparing: {}", mode.name()) }</span>
            <h1 id={HEADING_ID} tabindex="-1">{ mode.heading() }</h1>
            { summary }
            { body }

            <details class="nhsuk-details">
                <summary class="nhsuk-details__summary">
                    <span class="nhsuk-details__summary-text">{ "How this comparison was worked out" }</span>
                </summary>
                <div class="nhsuk-details__text">
                    { for compare_export::method(mode).map(|p| html! { <p>{ p }</p> }) }
                </div>
            </details>

            <div class="dba-share dba-no-print">
                <h2 class="nhsuk-heading-m">{ "Share this comparison" }</h2>
                <p>{ "The link holds every result’s answers, names and roles (no notes). Anyone you send it to sees this comparison; nothing is stored on a server." }</p>
                if length <= MAX_LINK_CHARS {
                    <LinkBox id="dba-compare-link" link={link.clone()} label="Compare link"
                        qr_label="QR code of the compare link"
                        qr_caption="Scan with a phone camera to open this comparison on another device."
                        too_long_for_qr="The link is too long for a QR code that phones can scan easily. Send the link instead." />
                } else {
                    <div class="nhsuk-card nhsuk-card--warning">
                        <div class="nhsuk-card__content">
                            <h3 class="nhsuk-card__heading">{ "This comparison is too long for a link" }</h3>
                            <p class="nhsuk-card__description">{ format!(
                                "Its link would be {length} characters. Teams and Outlook cut links longer than {MAX_LINK_CHARS} characters. Download the comparison as a JSON file instead: it opens here with “Or choose results files”."
                            ) }</p>
                        </div>
                    </div>
                }
                <h2 class="nhsuk-heading-m">{ "Save or print" }</h2>
                <div class="nhsuk-button-group">
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("csv", "text/csv;charset=utf-8")}>{ "Download CSV" }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("md", "text/markdown;charset=utf-8")}>{ "Download Markdown" }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={download("json", "application/json")}>{ "Download JSON" }</button>
                    <button class="nhsuk-button nhsuk-button--secondary" type="button" onclick={Callback::from(|_: MouseEvent| dom::print())}>{ "Print" }</button>
                </div>
                <p><a class="nhsuk-link" href="#" onclick={action_link(on_action, || Action::Leave)}>{ "Leave the comparison" }</a></p>
            </div>
        </div>
    }
}
