//! A hand-written SVG overlay chart: for each question, a band from the
//! system's lowest to highest level and a lettered marker per organisation.
//! The page always shows the same data as a table, so the chart is never
//! the only way to read it. Organisations keep the order they were added;
//! nothing is ranked.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::compare::{Comparison, Spread};
use crate::core::model::Level;

/// Properties of [`SystemChart`].
#[derive(Properties, PartialEq)]
pub struct SystemChartProps {
    /// The organisations compared.
    pub comparison: Rc<Comparison>,
    /// One spread per question, in question order.
    pub spreads: Rc<Vec<Spread>>,
}

const WIDTH: u32 = 640;
const LABEL_WIDTH: u32 = 130;
const PLOT_WIDTH: u32 = WIDTH - LABEL_WIDTH - 10;
const BAND: u32 = PLOT_WIDTH / 3;
const ROW_HEIGHT: u32 = 34;
const TOP: u32 = 28;
const MARKER_RADIUS: u32 = 10;

/// The marker letter of the organisation at `index`: A–Z, then AA, AB…
pub fn marker(index: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if index < 26 {
        letter(index).to_string()
    } else {
        format!("{}{}", letter(index / 26 - 1), letter(index))
    }
}

/// Centre x of a level's band.
fn level_x(level: Level) -> u32 {
    LABEL_WIDTH + BAND * level.points() + BAND / 2
}

/// The overlay chart with its legend.
#[function_component(SystemChart)]
pub fn system_chart(props: &SystemChartProps) -> Html {
    let comparison = &props.comparison;
    let assessment = comparison.assessment;
    let count = assessment.question_count() as u32;
    let height = TOP + count * ROW_HEIGHT + 6;
    html! {
        <figure class="dba-chart dba-system-chart" tabindex="0" aria-labelledby="dba-system-chart-caption">
            <figcaption class="nhsuk-body-s" id="dba-system-chart-caption">
                { "Level each organisation gave for each question, numbered as in the table below. The grey band runs from the lowest to the highest level in the system. Letters are organisations in the order added; “Don’t know” answers are not plotted." }
            </figcaption>
            <svg class="dba-chart__svg" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="dba-system-chart-caption" focusable="false">
                { for Level::ALL.iter().map(|&level| {
                    let x = LABEL_WIDTH + BAND * level.points();
                    html! {
                        <>
                        <line class="dba-chart__gridline" x1={x.to_string()} x2={x.to_string()} y1="18" y2={(height - 4).to_string()} />
                        <text class="dba-chart__axis" x={level_x(level).to_string()} y="14" text-anchor="middle">{ level.name() }</text>
                        </>
                    }
                }) }
                { for props.spreads.iter().map(|spread| {
                    let y = TOP + spread.question as u32 * ROW_HEIGHT;
                    let middle = y + ROW_HEIGHT / 2 - 2;
                    let band = spread.lowest.zip(spread.highest).map(|(low, high)| {
                        let x1 = level_x(low) - MARKER_RADIUS;
                        let x2 = level_x(high) + MARKER_RADIUS;
                        html! {
                            <rect class="dba-system-chart__range" x={x1.to_string()} y={(middle - MARKER_RADIUS - 2).to_string()}
                                width={(x2 - x1).to_string()} height={(2 * MARKER_RADIUS + 4).to_string()} rx={MARKER_RADIUS.to_string()} />
                        }
                    });
                    // Organisations at the same level sit side by side in its band.
                    let markers = Level::ALL.iter().flat_map(|&level| {
                        let at: Vec<usize> = comparison.entries.iter().enumerate()
                            .filter(|(_, e)| e.responses.get(spread.question).copied().flatten().and_then(|r| r.level()) == Some(level))
                            .map(|(i, _)| i)
                            .collect();
                        let step = (BAND - 2 * MARKER_RADIUS) / (at.len().max(1) as u32);
                        let step = step.min(2 * MARKER_RADIUS + 4);
                        let first = level_x(level) as i64 - (step as i64 * (at.len() as i64 - 1)) / 2;
                        at.into_iter().enumerate().map(move |(k, index)| {
                            let x = first + step as i64 * k as i64;
                            html! {
                                <g class="dba-system-chart__marker">
                                    <circle cx={x.to_string()} cy={middle.to_string()} r={MARKER_RADIUS.to_string()} />
                                    <text x={x.to_string()} y={(middle + 4).to_string()} text-anchor="middle">{ marker(index) }</text>
                                </g>
                            }
                        }).collect::<Vec<Html>>()
                    });
                    html! {
                        <g class="dba-chart__row" data-question={assessment.question(spread.question).map_or("", |p| p.question.id)}>
                            <text class="dba-chart__label" x={(LABEL_WIDTH - 8).to_string()} y={(middle + 5).to_string()} text-anchor="end">
                                { format!("Question {}", spread.question + 1) }
                            </text>
                            { for band }
                            { for markers }
                        </g>
                    }
                }) }
            </svg>
            <ul class="nhsuk-list dba-system-chart__legend">
                // The colon sits in the key, whose width would leave a gap before it.
                { for comparison.labels().into_iter().enumerate().map(|(i, label)| html! {
                    <li><span class="dba-system-chart__key">{ format!("{}:", marker(i)) }</span>{ format!(" {label}") }</li>
                }) }
            </ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_letters_then_pairs() {
        assert_eq!(marker(0), "A");
        assert_eq!(marker(25), "Z");
        assert_eq!(marker(26), "AA");
        assert_eq!(marker(27), "AB");
        assert_eq!(marker(52), "BA");
    }

    #[test]
    fn levels_sit_in_their_own_bands() {
        assert!(level_x(Level::Absent) < level_x(Level::Siloed));
        assert!(level_x(Level::Siloed) < level_x(Level::Embedded));
        assert!(level_x(Level::Embedded) + MARKER_RADIUS <= WIDTH);
    }
}
