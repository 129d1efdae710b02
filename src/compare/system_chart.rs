//! A hand-written SVG overlay chart: for each question, a band from the
//! system's lowest to highest level and a lettered marker per organisation.
//! Markers at one level wrap onto further lines ([`marker_offsets`]) and the
//! question's row grows to fit, so a whole ICS stays legible in its cell.
//! The page always shows the same data as a table, so the chart is never
//! the only way to read it. Organisations keep the order they were added,
//! numbered as in the tables; nothing is ranked. It is drawn 400 units
//! wide, so it fits a phone's width with its text still readable (about
//! 12 px at 390 px) rather than scrolling sideways.

use std::rc::Rc;

use yew::prelude::*;

use digital_board_core::compare::{Comparison, Spread};
use digital_board_core::model::Level;
use digital_board_core::text::compare::{Phrase, Sentence};

/// Properties of [`SystemChart`].
#[derive(Properties, PartialEq)]
pub struct SystemChartProps {
    /// The organisations compared.
    pub comparison: Rc<Comparison>,
    /// One spread per question, in question order.
    pub spreads: Rc<Vec<Spread>>,
}

const WIDTH: u32 = 400;
/// Room for "Question 13" at 14 units.
const LABEL_WIDTH: u32 = 88;
const PLOT_WIDTH: u32 = WIDTH - LABEL_WIDTH - 10;
const BAND: u32 = PLOT_WIDTH / 3;
/// A question's height when no level has more than one line of markers.
const ROW_HEIGHT: u32 = 34;
const TOP: u32 = 28;
const MARKER_RADIUS: u32 = 10;
/// Centre to centre of neighbouring markers: a diameter, both outlines
/// (2 units wide, half outside the circle) and a gap of 2.
const PITCH: u32 = 2 * MARKER_RADIUS + 4;
/// Markers on one line of a cell: as many as fit its band with room either
/// side (4: 92 units of 100). More wrap onto further lines.
const PER_LINE: usize = ((BAND - 2 * MARKER_RADIUS - 8) / PITCH + 1) as usize;

/// The marker of the organisation at `index`: its number, from 1, as the
/// tables and the results added number it.
pub fn marker(index: usize) -> String {
    (index + 1).to_string()
}

/// Centre x of a level's band.
fn level_x(level: Level) -> u32 {
    LABEL_WIDTH + BAND * level.points() + BAND / 2
}

/// Lines of markers a cell of `count` organisations takes (at least one).
fn lines(count: usize) -> u32 {
    count.div_ceil(PER_LINE).max(1) as u32
}

/// A question's height, from the most markers any of its levels has.
fn row_height(most: usize) -> u32 {
    ROW_HEIGHT + (lines(most) - 1) * PITCH
}

/// Where the markers of `count` organisations at one level sit, as offsets
/// from the cell's centre: in the order added, left to right in lines of
/// `PER_LINE`, each line centred, the lines centred on the row's middle.
/// None overlap, and all stay inside the level's band and the row
/// (`row_height`), however many organisations there are.
pub fn marker_offsets(count: usize) -> impl Iterator<Item = (i32, i32)> {
    let pitch = PITCH as i32;
    let lines = lines(count) as i32;
    (0..count).map(move |k| {
        let line = (k / PER_LINE) as i32;
        let on_line = (count - k / PER_LINE * PER_LINE).min(PER_LINE) as i32;
        let column = (k % PER_LINE) as i32;
        (
            pitch * (2 * column - on_line + 1) / 2,
            pitch * (2 * line - lines + 1) / 2,
        )
    })
}

/// How far a cell's markers reach from its centre, left or right, to their
/// edge.
fn reach(count: usize) -> u32 {
    PITCH * (count.clamp(1, PER_LINE) as u32 - 1) / 2 + MARKER_RADIUS
}

/// The overlay chart with its legend.
#[function_component(SystemChart)]
pub fn system_chart(props: &SystemChartProps) -> Html {
    let comparison = &props.comparison;
    let assessment = comparison.assessment;
    // Each question's organisations at each level, in the order added, and
    // the row's top and height: a row grows to fit its fullest level.
    let mut top = TOP;
    let rows: Vec<(&Spread, [Vec<usize>; 3], u32, u32)> = props
        .spreads
        .iter()
        .map(|spread| {
            let at = Level::ALL.map(|level| {
                comparison
                    .entries
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.responses
                            .get(spread.question)
                            .copied()
                            .flatten()
                            .and_then(|r| r.level())
                            == Some(level)
                    })
                    .map(|(i, _)| i)
                    .collect::<Vec<usize>>()
            });
            let height = row_height(at.iter().map(Vec::len).max().unwrap_or(0));
            top += height;
            (spread, at, top - height, height)
        })
        .collect();
    let height = top + 6;
    html! {
        <figure class="dba-chart dba-system-chart" tabindex="0" aria-labelledby="dba-system-chart-caption">
            <figcaption class="nhsuk-body-s" id="dba-system-chart-caption">
                { Phrase::ChartCaption.text() }
            </figcaption>
            <svg class="dba-chart__svg dba-chart__svg--fits" viewBox={format!("0 0 {WIDTH} {height}")} role="img" aria-labelledby="dba-system-chart-caption" focusable="false">
                { for Level::ALL.iter().map(|&level| {
                    let x = LABEL_WIDTH + BAND * level.points();
                    html! {
                        <>
                        <line class="dba-chart__gridline" x1={x.to_string()} x2={x.to_string()} y1="18" y2={(height - 4).to_string()} />
                        <text class="dba-chart__axis" x={level_x(level).to_string()} y="14" text-anchor="middle">{ level.name() }</text>
                        </>
                    }
                }) }
                { for rows.iter().map(|(spread, at, y, row)| {
                    let middle = y + row / 2 - 2;
                    let lines = (row - ROW_HEIGHT) / PITCH + 1;
                    let count = |level: Level| at[level.points() as usize].len();
                    // The band reaches round the markers at both ends, on every line.
                    let band = spread.lowest.zip(spread.highest).map(|(low, high)| {
                        let x1 = level_x(low) - reach(count(low)) - 2;
                        let x2 = level_x(high) + reach(count(high)) + 2;
                        let half = (lines - 1) * PITCH / 2 + MARKER_RADIUS + 2;
                        html! {
                            <rect class="dba-system-chart__range" x={x1.to_string()} y={(middle - half).to_string()}
                                width={(x2 - x1).to_string()} height={(2 * half).to_string()} rx={(MARKER_RADIUS + 2).to_string()} />
                        }
                    });
                    let markers = Level::ALL.iter().flat_map(|&level| {
                        let at = &at[level.points() as usize];
                        at.iter().zip(marker_offsets(at.len())).map(move |(&index, (dx, dy))| {
                            let x = level_x(level) as i32 + dx;
                            let y = middle as i32 + dy;
                            html! {
                                <g class="dba-system-chart__marker">
                                    <circle cx={x.to_string()} cy={y.to_string()} r={MARKER_RADIUS.to_string()} />
                                    // Three digits only fit the circle smaller.
                                    <text class={classes!((index >= 99).then_some("dba-system-chart__marker--small"))} x={x.to_string()} y={(y + 4).to_string()} text-anchor="middle">{ marker(index) }</text>
                                </g>
                            }
                        })
                    });
                    html! {
                        <g class="dba-chart__row" data-question={assessment.question(spread.question).map_or("", |p| p.question.id)}>
                            <text class="dba-chart__label" x={(LABEL_WIDTH - 8).to_string()} y={(middle + 5).to_string()} text-anchor="end">
                                { Sentence::ChartQuestion(spread.question).text() }
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
                    <li><span class="dba-system-chart__key">{ Sentence::MarkerKey(&marker(i)).text() }</span>{ format!(" {label}") }</li>
                }) }
            </ul>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_numbers_from_one() {
        assert_eq!(marker(0), "1");
        assert_eq!(marker(9), "10");
        assert_eq!(marker(499), "500");
    }

    #[test]
    fn levels_sit_in_their_own_bands() {
        assert!(level_x(Level::Absent) < level_x(Level::Siloed));
        assert!(level_x(Level::Siloed) < level_x(Level::Embedded));
        assert!(level_x(Level::Embedded) + MARKER_RADIUS <= WIDTH);
    }

    #[test]
    fn up_to_four_markers_sit_on_one_line() {
        assert_eq!(PER_LINE, 4);
        assert_eq!(row_height(4), ROW_HEIGHT);
        assert_eq!(marker_offsets(1).collect::<Vec<_>>(), [(0, 0)]);
        assert_eq!(
            marker_offsets(3).collect::<Vec<_>>(),
            [(-24, 0), (0, 0), (24, 0)]
        );
        assert_eq!(row_height(5), ROW_HEIGHT + PITCH);
    }

    #[test]
    fn markers_never_overlap_and_stay_in_their_cell() {
        // A marker's outline is 2 units wide, half of it outside the circle.
        let outer = MARKER_RADIUS as i32 + 1;
        for count in 1..=40 {
            let at: Vec<(i32, i32)> = marker_offsets(count).collect();
            assert_eq!(at.len(), count);
            // Read left to right, then line by line: the order added.
            assert!(at.windows(2).all(|w| (w[0].1, w[0].0) < (w[1].1, w[1].0)));
            for (k, a) in at.iter().enumerate() {
                for b in &at[k + 1..] {
                    let (dx, dy) = (a.0 - b.0, a.1 - b.1);
                    assert!(
                        dx * dx + dy * dy >= (2 * outer + 2).pow(2),
                        "{count}: {a:?} {b:?}"
                    );
                }
                // Inside the band, clear of its gridlines, within reach.
                assert!(a.0.abs() + outer < BAND as i32 / 2, "{count}: {a:?}");
                assert!(a.0.abs() + MARKER_RADIUS as i32 <= reach(count) as i32);
                // Inside the row, whose middle is 2 above its centre, with
                // the range band's 2 units round every line.
                let row = row_height(count) as i32;
                let middle = row / 2 - 2;
                assert!(middle + a.1 - outer - 2 >= 0, "{count}: {a:?}");
                assert!(middle + a.1 + outer + 2 <= row, "{count}: {a:?}");
            }
            // The range band round a full line stays inside the band too.
            assert!(reach(count) + 2 < BAND / 2);
        }
    }
}
