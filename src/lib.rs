//! NHS board digital-strategy self-assessment widget.
//!
//! [`core`] holds the assessment model, content, scoring and report text
//! with no browser dependencies; [`ui`] is the Yew layer. `mount` is the
//! one entry point the page's boot script calls.

pub mod core;
pub mod ui;

use wasm_bindgen::prelude::*;

/// Renders the widget into `root` (an element in the page or in a shadow
/// root). `options` is an optional object:
/// - `assessment`: id of a built-in assessment (default: the default one);
/// - `organisation`: organisation name or ODS code for share links;
/// - `start`: `"questions"` to open at the first question, `"compare"` at
///   the compare page;
/// - `manageTitle`: `false` to leave the document title alone (default `true`).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let text = |key: &str| {
        js_sys::Reflect::get(&options, &JsValue::from_str(key))
            .ok()
            .and_then(|value| value.as_string())
            .filter(|value| !value.trim().is_empty())
    };
    let assessment = text("assessment")
        .as_deref()
        .and_then(core::content::find)
        .unwrap_or_else(core::content::default_assessment);
    let manage_title = js_sys::Reflect::get(&options, &JsValue::from_str("manageTitle"))
        .ok()
        .and_then(|value| value.as_bool())
        .unwrap_or(true);
    let props = ui::app::AppProps {
        assessment,
        manage_title,
        organisation: text("organisation").map(Into::into),
        skip_start: text("start").as_deref() == Some("questions"),
        open_compare: text("start").as_deref() == Some("compare"),
    };
    yew::Renderer::<ui::app::App>::with_root_and_props(root, props).render();
}
