//! NHS board digital-strategy self-assessment widget.
//!
//! The pure core (`digital_board_core`) holds the assessment model,
//! content, scoring and report text with no browser dependencies; this
//! crate is the Yew layer, by feature: [`assessment`] (the assessment
//! view), [`compare`] (the compare view), [`components`] (what both use),
//! [`effects`] (the side effects a view's reducer asks for) and [`dom`]
//! (the browser calls). The page's boot
//! script calls `mount` (the assessment bundle) or `mount_compare` (the
//! compare bundle): the crate is built once per bundle, with the cargo
//! feature `assessment-bundle` or `compare-bundle` choosing the entry point,
//! so each wasm carries only the code its entry point reaches.

pub mod assessment;
pub mod compare;
pub mod components;
pub mod dom;
pub mod effects;

use wasm_bindgen::prelude::*;

/// Reads a text option (`None` if missing, not a string, or blank).
fn text_option(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|value| value.as_string())
        .filter(|value| !value.trim().is_empty())
}

/// Reads a true/false option.
fn bool_option(options: &JsValue, key: &str) -> Option<bool> {
    js_sys::Reflect::get(options, &JsValue::from_str(key))
        .ok()
        .and_then(|value| value.as_bool())
}

/// Renders the assessment into `root` (an element in the page or in a
/// shadow root). `options` is an optional object:
/// - `assessment`: id of a built-in assessment (default: the default one);
/// - `organisation`: organisation name or ODS code for share links;
/// - `start`: `"questions"` to open at the first question;
/// - `manageTitle`: `false` to leave the document title alone (default `true`);
/// - `focus`: `true` to move focus to the first page's heading (the page
///   showed the compare view first and the user left it).
///
/// "Compare results" asks the page to switch to the compare view (see
/// `www/start.js`). Exported by the assessment bundle.
#[cfg(feature = "assessment-bundle")]
#[wasm_bindgen]
pub fn mount(root: web_sys::Element, options: JsValue) {
    let assessment = text_option(&options, "assessment")
        .as_deref()
        .and_then(digital_board_core::content::find)
        .unwrap_or_else(digital_board_core::content::default_assessment);
    let props = assessment::app::AppProps {
        assessment,
        manage_title: bool_option(&options, "manageTitle").unwrap_or(true),
        organisation: text_option(&options, "organisation").map(Into::into),
        skip_start: text_option(&options, "start").as_deref() == Some("questions"),
        focus_heading: bool_option(&options, "focus").unwrap_or(false),
    };
    give_loading_words(&root);
    yew::Renderer::<assessment::app::App>::with_root_and_props(root, props).render();
}

/// Puts the words for "Loading…" on the view's element, where www/start.js
/// finds them when it loads the other view's bundle: core's words, as every
/// sentence is, and there by the time anyone asks for another view.
fn give_loading_words(root: &web_sys::Element) {
    let loading = digital_board_core::text::common::Phrase::Loading.text();
    let _ = root.set_attribute("data-dba-loading", loading);
}

/// Renders the compare view into `root`. `options` is an optional object:
/// - `sharedLink`: the link (or fragment) of a shared result to start with;
/// - `manageTitle` and `focus`: as for [`mount`].
///
/// A compare link (`#c=`) in the address opens its comparison. Exported by
/// the compare bundle, which the page loads only when someone compares.
#[cfg(feature = "compare-bundle")]
#[wasm_bindgen]
pub fn mount_compare(root: web_sys::Element, options: JsValue) {
    let props = compare::app::CompareAppProps {
        manage_title: bool_option(&options, "manageTitle").unwrap_or(true),
        shared_link: text_option(&options, "sharedLink").map(Into::into),
        focus_heading: bool_option(&options, "focus").unwrap_or(false),
    };
    give_loading_words(&root);
    yew::Renderer::<compare::app::CompareApp>::with_root_and_props(root, props).render();
}
