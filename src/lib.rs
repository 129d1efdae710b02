//! NHS board digital-strategy self-assessment widget.
//!
//! [`core`] holds the assessment model, content, scoring and report text
//! with no browser dependencies; [`ui`] is the Yew layer. `mount` is the
//! one entry point the page's boot script calls.

pub mod core;
pub mod ui;

use wasm_bindgen::prelude::*;

/// Renders the widget into `root`, running the assessment with id
/// `assessment_id` (or the default one when it is empty or unknown).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, assessment_id: Option<String>) {
    let assessment = assessment_id
        .as_deref()
        .and_then(core::content::find)
        .unwrap_or_else(core::content::default_assessment);
    yew::Renderer::<ui::app::App>::with_root_and_props(root, ui::app::AppProps { assessment })
        .render();
}
