//! The few direct page effects the widget needs: the document title and
//! moving focus after navigation.

use wasm_bindgen::JsCast;

/// Sets the document title.
pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// Moves focus to the element with this id (which carries `tabindex="-1"`
/// if it is not focusable by itself); does nothing if it is missing.
pub fn focus_id(id: &str) {
    if let Some(element) = gloo::utils::document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}
