//! The board paper as a Word document (.docx), made in the browser.
//!
//! [`digital_board_core::paper`] lays a result or a comparison out as a
//! board paper; this crate writes that [`Paper`] with `docx-rs`: real Word
//! headings (the built-in Heading 1–3 styles, so the navigation pane and a
//! trust's template pick them up), tables with a header row that repeats
//! on each page, bold runs, numbered and bulleted lists, on A4 in Arial.
//!
//! It is its own wasm bundle (`www/pkg/digital_board_docx*`, built by
//! `.ci/build`), which `www/start.js` loads only when someone clicks
//! "Download Word document": the widget's first load does not carry
//! docx-rs. The exports take what the page has at hand:
//! - [`result_docx`]: a result record ([`paper::result_record`]: answers,
//!   every note in full, organisation and role) and the date;
//! - [`comparison_docx`]: a compare link payload, the date and the link.
//!
//! Text from users is written as text: docx-rs escapes XML, and characters
//! XML cannot hold (control characters) become spaces here.

use std::io::Cursor;

use digital_board_core::paper::{self, Block, Item, Paper, Run as PaperRun, Table as PaperTable};
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, IndentLevel, Level, LevelJc, LevelOverride,
    LevelText, LineSpacing, NumberFormat, Numbering, NumberingId, PageMargin, Paragraph, Run,
    RunFonts, Shading, SpecialIndentType, Start, Style, StyleType, Table, TableCell, TableRow,
    WidthType,
};
use wasm_bindgen::prelude::*;

/// The media type browsers are given for the file.
pub const MEDIA_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/// A4 in twentieths of a point, with 2 cm margins.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
const MARGIN: i32 = 1134;
const TEXT_WIDTH: usize = PAGE_WIDTH as usize - 2 * MARGIN as usize;
/// The width of a column of numbers.
const NUMBER_COLUMN: usize = 700;

/// Abstract numbering of numbered lists, and of bulleted ones.
const NUMBERED: usize = 1;
const BULLETED: usize = 2;

/// Indent of list items and of the paragraphs under them.
const LIST_INDENT: i32 = 567;

/// The result's Word document, from a [`paper::result_record`] and the
/// date ("YYYY-MM-DD"). Throws the reason, in words for the user, if the
/// record cannot be read.
#[wasm_bindgen]
pub fn result_docx(record: &str, date: Option<String>) -> Result<Vec<u8>, JsError> {
    result_document(record, date.as_deref()).map_err(|e| JsError::new(&e))
}

/// The comparison's Word document, from a compare link payload, the date
/// ("YYYY-MM-DD") and the compare link if one fits. Throws the compare
/// link's own error message if the payload cannot be read.
#[wasm_bindgen]
pub fn comparison_docx(
    payload: &str,
    date: Option<String>,
    link: Option<String>,
) -> Result<Vec<u8>, JsError> {
    comparison_document(payload, date.as_deref(), link.as_deref()).map_err(|e| JsError::new(&e))
}

/// [`result_docx`] for Rust callers and tests: the bytes, or the message.
pub fn result_document(record: &str, date: Option<&str>) -> Result<Vec<u8>, String> {
    let paper = paper::result_from_record(record, date).map_err(|e| e.message().to_owned())?;
    render(&paper)
}

/// [`comparison_docx`] for Rust callers and tests.
pub fn comparison_document(
    payload: &str,
    date: Option<&str>,
    link: Option<&str>,
) -> Result<Vec<u8>, String> {
    let paper = paper::comparison_from_payload(payload, date, link).map_err(|e| e.message())?;
    render(&paper)
}

/// A paper as the bytes of a .docx file.
pub fn render(paper: &Paper) -> Result<Vec<u8>, String> {
    let mut writer = Writer::default();
    writer.docx = writer
        .docx
        .add_paragraph(text_paragraph(&paper.title).style("Heading1"));
    for block in &paper.blocks {
        writer.block(block);
    }
    let mut built = writer.docx.build();
    // docx-rs 0.4 cannot mark a table's header row (w:tblHeader), which Word
    // repeats on each page and screen readers and converters read as
    // header cells. Header rows, and only they, are written with
    // w:cantSplit; the marker is added beside it.
    built.document = String::from_utf8_lossy(&built.document)
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .into_bytes();
    let mut bytes = Cursor::new(Vec::new());
    built.pack(&mut bytes).map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
}

/// The document as it is written, and the next numbering id (each
/// numbered list starts again at 1).
struct Writer {
    docx: Docx,
    next_numbering: usize,
}

impl Default for Writer {
    fn default() -> Writer {
        let arial = RunFonts::new()
            .ascii("Arial")
            .hi_ansi("Arial")
            .east_asia("Arial")
            .cs("Arial");
        let heading = |level: usize, size: usize| {
            // Word's own ids and names, so Word, its navigation pane and
            // converters treat them as headings.
            Style::new(format!("Heading{level}"), StyleType::Paragraph)
                .name(format!("heading {level}"))
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .bold()
                .size(size)
                .fonts(arial.clone())
                .outline_lvl(level - 1)
                .line_spacing(LineSpacing::new().before(240).after(120))
        };
        let level = |format: &str, text: &str| {
            Level::new(
                0,
                Start::new(1),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(LIST_INDENT),
                Some(SpecialIndentType::Hanging(LIST_INDENT)),
                None,
                None,
            )
        };
        let docx = Docx::new()
            .page_size(PAGE_WIDTH, PAGE_HEIGHT)
            .page_margin(
                PageMargin::new()
                    .top(MARGIN)
                    .bottom(MARGIN)
                    .left(MARGIN)
                    .right(MARGIN),
            )
            .default_fonts(arial.clone())
            .default_size(24)
            .add_style(heading(1, 36))
            .add_style(heading(2, 30))
            .add_style(heading(3, 26))
            .add_abstract_numbering(
                AbstractNumbering::new(NUMBERED).add_level(level("decimal", "%1.")),
            )
            .add_abstract_numbering(
                AbstractNumbering::new(BULLETED).add_level(level("bullet", "\u{2022}")),
            )
            .add_numbering(Numbering::new(BULLETED, BULLETED));
        Writer {
            docx,
            next_numbering: BULLETED + 1,
        }
    }
}

impl Writer {
    fn block(&mut self, block: &Block) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(2, 3);
                docx.add_paragraph(
                    text_paragraph(text)
                        .style(&format!("Heading{level}"))
                        .keep_next(true),
                )
            }
            Block::Paragraph(runs) => docx.add_paragraph(spaced(runs_paragraph(runs))),
            Block::KeyValues(lines) => lines.iter().fold(docx, |docx, (label, value)| {
                docx.add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(clean(&format!("{label}: "))).bold())
                        .add_run(text_run(value))
                        .line_spacing(LineSpacing::new().after(60)),
                )
            }),
            Block::Table(table) => docx
                .add_paragraph(
                    Paragraph::new()
                        .add_run(Run::new().add_text(clean(&table.caption)).bold())
                        .keep_next(true)
                        .line_spacing(LineSpacing::new().before(120).after(60)),
                )
                .add_table(table_of(table))
                .add_paragraph(Paragraph::new()),
            Block::NumberedList(items) => {
                let id = self.next_numbering;
                self.next_numbering += 1;
                let docx = docx.add_numbering(
                    Numbering::new(id, NUMBERED).add_override(LevelOverride::new(0).start(1)),
                );
                items
                    .iter()
                    .fold(docx, |docx, item| list_item(docx, id, item))
            }
            Block::BulletList(points) => points.iter().fold(docx, |docx, runs| {
                docx.add_paragraph(
                    spaced(runs_paragraph(runs))
                        .numbering(NumberingId::new(BULLETED), IndentLevel::new(0)),
                )
            }),
        };
    }
}

/// A numbered item: its title, bold and numbered, then its paragraphs
/// indented under it.
fn list_item(docx: Docx, numbering: usize, item: &Item) -> Docx {
    let docx = docx.add_paragraph(
        Paragraph::new()
            .add_run(text_run(&item.title).bold())
            .numbering(NumberingId::new(numbering), IndentLevel::new(0))
            .keep_next(true)
            .line_spacing(LineSpacing::new().before(120).after(60)),
    );
    item.paragraphs.iter().fold(docx, |docx, runs| {
        docx.add_paragraph(
            runs_paragraph(runs)
                .indent(Some(LIST_INDENT), None, None, None)
                .line_spacing(LineSpacing::new().after(60)),
        )
    })
}

fn table_of(table: &PaperTable) -> Table {
    let columns = table.header.len().max(1);
    let numbers = table.numeric.iter().filter(|&&c| c < columns).count();
    let rest = columns.saturating_sub(numbers).max(1);
    let wide = TEXT_WIDTH.saturating_sub(numbers * NUMBER_COLUMN) / rest;
    let grid: Vec<usize> = (0..columns)
        .map(|c| {
            if table.numeric.contains(&c) {
                NUMBER_COLUMN
            } else {
                wide
            }
        })
        .collect();
    let cell = |column: usize, text: &str, header: bool| {
        let mut run = text_run(text);
        if header {
            run = run.bold();
        }
        let mut paragraph = Paragraph::new().add_run(run);
        if table.numeric.contains(&column) {
            paragraph = paragraph.align(AlignmentType::Right);
        }
        let cell = TableCell::new()
            .add_paragraph(paragraph)
            .width(grid.get(column).copied().unwrap_or(wide), WidthType::Dxa);
        if header {
            cell.shading(Shading::new().fill("E8EDEE"))
        } else {
            cell
        }
    };
    let header = TableRow::new(
        table
            .header
            .iter()
            .enumerate()
            .map(|(c, text)| cell(c, text, true))
            .collect(),
    )
    // The marker `render` turns into a repeating header row.
    .cant_split();
    let mut rows = vec![header];
    rows.extend(table.rows.iter().map(|row| {
        TableRow::new(
            (0..columns)
                .map(|c| cell(c, row.get(c).map_or("", String::as_str), false))
                .collect(),
        )
    }));
    Table::new(rows)
        .set_grid(grid)
        .width(TEXT_WIDTH, WidthType::Dxa)
}

/// A paragraph of one plain run.
fn text_paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(text_run(text))
}

/// Space after a body paragraph.
fn spaced(paragraph: Paragraph) -> Paragraph {
    paragraph.line_spacing(LineSpacing::new().after(120))
}

fn runs_paragraph(runs: &[PaperRun]) -> Paragraph {
    runs.iter().fold(Paragraph::new(), |paragraph, run| {
        let mut text = text_run(&run.text);
        if run.bold {
            text = text.bold();
        }
        paragraph.add_run(text)
    })
}

/// A run of text as typed: each line break kept as a line break in Word.
fn text_run(text: &str) -> Run {
    let mut run = Run::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        run = run.add_text(clean(line));
    }
    run
}

/// Text XML can hold: control characters (which no XML 1.0 document may
/// contain, and which would make Word refuse the file) become spaces.
/// Bidirectional controls typed into a name or note go, as in the CSV and
/// Markdown downloads ([`digital_board_core::bidi`]): in Word they would
/// reverse the paper's own words after them; every letter typed is kept.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| !digital_board_core::bidi::is_control(c))
        .map(|c| if c.is_control() && c != '\t' { ' ' } else { c })
        .collect()
}
