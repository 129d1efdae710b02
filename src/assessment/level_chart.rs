//! A hand-written SVG chart of the level given for each question. The
//! results page always shows a data table beside it, so the chart is an
//! addition, never the only way to read the results.

use yew::prelude::*;

use digital_board_core::model::{Assessment, Level};
use digital_board_core::report::response_label;
use digital_board_core::scoring::{Answers, Response};
use digital_board_core::text::assessment::Phrase;

/// Properties of [`LevelChart`].
#[derive(Properties, PartialEq)]
pub struct LevelChartProps {
    /// The assessment.
    pub assessment: &'static Assessment,
    /// The answers to chart.
    pub answers: Answers,
}

// Narrow enough to fit a 320 px screen with 13 px text (rows are numbered,
// not titled: the table below names each question).
const WIDTH: u32 = 400;
const LABEL_WIDTH: u32 = 36;
const ROW_HEIGHT: u32 = 30;
const BAR_HEIGHT: u32 = 20;
const TOP: u32 = 28;

/// Width of the plotting area, split into three equal level bands.
const PLOT_WIDTH: u32 = WIDTH - LABEL_WIDTH - 10;

fn bar_width(response: Option<Response>) -> u32 {
    match response {
        // Absent still gets a visible stub so every answer can be seen.
        Some(Response::Level(level)) => PLOT_WIDTH * (level.points() + 1) / 3,
        Some(Response::DontKnow) | None => PLOT_WIDTH,
    }
}

fn bar_class(response: Option<Response>) -> String {
    match response {
        Some(Response::Level(level)) => format!("dba-chart__bar dba-chart__bar--{}", level.key()),
        Some(Response::DontKnow) | None => "dba-chart__bar dba-chart__bar--unknown".to_owned(),
    }
}

/// Bar chart: one row per question, bars reaching the chosen level.
#[function_component(LevelChart)]
pub fn level_chart(props: &LevelChartProps) -> Html {
    let assessment = props.assessment;
    let count = assessment.question_count() as u32;
    let height = TOP + count * ROW_HEIGHT + 6;
    let band = PLOT_WIDTH / 3;
    html! {
        <figure class="dba-chart" aria-labelledby="dba-chart-caption">
            <figcaption class="nhsuk-body-s" id="dba-chart-caption">
                { Phrase::ChartCaption.text() }
            </figcaption>
            <svg class="dba-chart__svg dba-chart__svg--fits" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="dba-chart-caption" focusable="false">
                { for Level::ALL.iter().map(|level| {
                    let x = LABEL_WIDTH + band * level.points();
                    html! {
                        <>
                        <line class="dba-chart__gridline" x1={x.to_string()} x2={x.to_string()} y1="18" y2={(height - 4).to_string()} />
                        <text class="dba-chart__axis" x={(x + band / 2).to_string()} y="14" text-anchor="middle">{ level.name() }</text>
                        </>
                    }
                }) }
                { for assessment.questions().map(|placed| {
                    let response = props.answers.response(placed.index);
                    let y = TOP + placed.index as u32 * ROW_HEIGHT;
                    let mid = (y + BAR_HEIGHT / 2 + 5).to_string();
                    html! {
                        <g class="dba-chart__row" data-question={placed.question.id}>
                            <text class="dba-chart__label" x={(LABEL_WIDTH - 8).to_string()} y={mid.clone()} text-anchor="end">
                                { (placed.index + 1).to_string() }
                            </text>
                            <rect class="dba-chart__track" x={LABEL_WIDTH.to_string()} y={y.to_string()} width={PLOT_WIDTH.to_string()} height={BAR_HEIGHT.to_string()} />
                            <rect class={bar_class(response)} x={LABEL_WIDTH.to_string()} y={y.to_string()} width={bar_width(response).to_string()} height={BAR_HEIGHT.to_string()} />
                            <text class="dba-chart__value" x={(LABEL_WIDTH + 8).to_string()} y={mid}>{ response_label(response) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_grow_with_the_level_and_unknowns_span_the_plot() {
        let widths = [Level::Absent, Level::Siloed, Level::Embedded]
            .map(|l| bar_width(Some(Response::Level(l))));
        assert!(widths[0] > 0 && widths[0] < widths[1] && widths[1] < widths[2]);
        assert_eq!(widths[2], PLOT_WIDTH);
        assert_eq!(bar_width(Some(Response::DontKnow)), PLOT_WIDTH);
    }
}
