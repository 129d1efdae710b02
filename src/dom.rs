//! The browser calls (web-sys) both views make: the document title, focus,
//! the address and its fragment, events telling the page to switch views,
//! downloads, printing and the clipboard. The apps call them when they
//! perform their reducers' effects; pages call the few a click needs.

use wasm_bindgen::JsCast;

/// Sets the document title.
pub fn set_title(title: &str) {
    gloo::utils::document().set_title(title);
}

/// Moves focus to the element with this id in the same document or shadow
/// root as `near` (which carries `tabindex="-1"` if it is not focusable by
/// itself); does nothing if it is missing. Looking up from `near` keeps
/// several widgets on a page, and widgets in shadow roots, apart.
pub fn focus_id(near: &web_sys::Node, id: &str) {
    if let Some(element) =
        find_by_id(near, id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

fn find_by_id(near: &web_sys::Node, id: &str) -> Option<web_sys::Element> {
    let root = near.get_root_node();
    if let Some(fragment) = root.dyn_ref::<web_sys::DocumentFragment>() {
        fragment.get_element_by_id(id)
    } else {
        root.dyn_ref::<web_sys::Document>()?.get_element_by_id(id)
    }
}

use digital_board_core::date::Date;
use digital_board_core::share;
use wasm_bindgen::prelude::Closure;
use yew::Callback;

/// Today's date where the user is (the board meeting's date, not UTC's),
/// for share links and exports.
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    Date::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
}

/// The address share and compare links are built on: the page's own or,
/// inside the iframe embed, the embedding page's, once its embed-host.js
/// has told www/embed-frame.js (which puts it in `data-dba-link-base`).
pub fn page_url() -> String {
    gloo::utils::document()
        .document_element()
        .and_then(|html| html.get_attribute("data-dba-link-base"))
        .unwrap_or_else(own_url)
}

fn own_url() -> String {
    gloo::utils::window().location().href().unwrap_or_default()
}

/// The page's URL fragment, including its `#` (empty if none).
pub fn fragment() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Takes a share link's fragment off the address (without a reload or a
/// history entry), once the user has left the shared result, so a reload
/// does not bring it back. Other fragments are left alone.
pub fn clear_share_fragment() {
    clear_fragment_if(|fragment| share::payload_from_fragment(fragment).is_some());
}

/// Takes a compare link's fragment off the address, as
/// [`clear_share_fragment`] does for share links.
pub fn clear_compare_fragment() {
    clear_fragment_if(|fragment| {
        digital_board_core::compare::codec::payload_from_fragment(fragment).is_some()
    });
}

fn clear_fragment_if(is_ours: impl Fn(&str) -> bool) {
    if !is_ours(&fragment()) {
        return;
    }
    let url = own_url();
    let without = url.split('#').next().unwrap_or_default();
    let window = gloo::utils::window();
    if let Ok(history) = window.history() {
        // The entry keeps its state: the host page's own, and the screen
        // www/start.js recorded for Back and Forward.
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(without));
    }
    // For www/embed-frame.js, which tells the embedding page to do the same.
    if let Ok(event) = web_sys::CustomEvent::new("dba-link-cleared") {
        let _ = window.dispatch_event(&event);
    }
}

/// Runs `f` just after the browser has painted the next frame (the
/// animation frame, then a task): moving focus or changing the title
/// forces style and layout work that would otherwise delay showing the page
/// the user asked for.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let then = Closure::once_into_js(move || {
        let task = Closure::once_into_js(f);
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(task.unchecked_ref(), 0);
    });
    let _ = window.request_animation_frame(then.unchecked_ref());
}

/// Event asking the page (www/start.js) to show the compare view, which is
/// its own wasm bundle. Its `detail` is the link of a shared result to start
/// the comparison with, or `null`.
pub const OPEN_COMPARE_EVENT: &str = "dba-open-compare";

/// Event asking the page to leave the compare view for the assessment.
pub const LEAVE_COMPARE_EVENT: &str = "dba-leave-compare";

/// Tells the page something (see [`OPEN_COMPARE_EVENT`]): a bubbling
/// event from the element `from` refers to (nothing if it is not rendered),
/// so the page hears it from inside a shadow root too.
pub fn tell_page(from: &yew::NodeRef, name: &str, detail: Option<&str>) {
    let Some(from) = from.cast::<web_sys::Element>() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_str));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = from.dispatch_event(&event);
    }
}

/// Event asking the page (www/start.js) to record the view's new screen in
/// a new session-history entry (same address); its `detail` is the
/// screen's key. Bubbles, as [`OPEN_COMPARE_EVENT`] does.
pub const PUSH_SCREEN_EVENT: &str = "dba-screen-push";

/// As [`PUSH_SCREEN_EVENT`], recording the screen in the current entry.
pub const REPLACE_SCREEN_EVENT: &str = "dba-screen-replace";

/// Event the page sends to the element a view is mounted in (it does not
/// bubble) when the browser's Back or Forward reach an entry recorded for
/// that view: its `detail` is the screen's key.
pub const SHOW_SCREEN_EVENT: &str = "dba-show-screen";

/// Asks the page to record `screen` (a key the view's `ShowScreen` action
/// reads back) in the session history, so Back and Forward move between
/// the widget's screens. The page keeps the address and the host page's
/// own history state; see www/start.js.
pub fn record_screen(from: &yew::NodeRef, screen: &str, how: crate::effects::History) {
    let name = match how {
        crate::effects::History::Push => PUSH_SCREEN_EVENT,
        crate::effects::History::Replace => REPLACE_SCREEN_EVENT,
    };
    tell_page(from, name, Some(screen));
}

/// The tab's session-storage key of the board's agreed answers being
/// recorded (`digital_board_core::compare::agree::draft_text`); www/start.js
/// opens the compare view at load when it is there.
pub const AGREEMENT_KEY: &str = "dba-agreement";

/// The text kept under `key` in this tab's session storage, if any (none
/// when storage is blocked).
pub fn session_text(key: &str) -> Option<String> {
    let storage = web_sys::window()?.session_storage().ok().flatten()?;
    storage.get_item(key).ok().flatten()
}

/// Keeps `text` under `key` in this tab's session storage, or removes it
/// (`None`). Blocked or full storage is not an error here: the text is
/// still on screen, only a reload would lose it.
pub fn keep_session_text(key: &str, text: Option<&str>) {
    let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return;
    };
    let _ = match text {
        Some(text) => storage.set_item(key, text),
        None => storage.remove_item(key),
    };
}

/// Event the page sends to the element the assessment view is mounted in
/// (it does not bubble) with a result the compare view handed over
/// (`digital_board_core::handover`), after switching views.
pub const TAKE_UP_EVENT: &str = "dba-take-up";

/// Listens for the page's [`SHOW_SCREEN_EVENT`] on the element the view
/// whose root is `root` is mounted in, and calls `show` with each screen
/// key; `None` if the view is not rendered. Drop the listener to stop.
pub fn on_show_screen(
    root: &yew::NodeRef,
    show: impl Fn(String) + 'static,
) -> Option<gloo::events::EventListener> {
    on_view_event(root, SHOW_SCREEN_EVENT, show)
}

/// Listens for the page's event `name` on the element the view whose root
/// is `root` is mounted in, and calls `f` with each event's text detail;
/// `None` if the view is not rendered. Drop the listener to stop.
pub fn on_view_event(
    root: &yew::NodeRef,
    name: &'static str,
    f: impl Fn(String) + 'static,
) -> Option<gloo::events::EventListener> {
    let mount_root = root.cast::<web_sys::Element>()?.parent_element()?;
    Some(gloo::events::EventListener::new(
        &mount_root,
        name,
        move |event| {
            if let Some(key) = event
                .dyn_ref::<web_sys::CustomEvent>()
                .and_then(|event| event.detail().as_string())
            {
                f(key);
            }
        },
    ))
}

/// Offers `text` as a file download, made in the browser (a `blob:` URL).
pub fn download(file_name: &str, media_type: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(media_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = gloo::utils::document()
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(file_name);
        link.click();
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
}

/// Opens the browser's print dialogue.
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Copies `text` with the Clipboard API and reports whether it worked;
/// `false` at once where the API is missing (e.g. pages not served securely).
pub fn copy_to_clipboard(text: String, done: Callback<bool>) {
    let navigator = gloo::utils::window().navigator();
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| !c.is_undefined());
    if !has_clipboard {
        done.emit(false);
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Focuses an input and selects its text, for copying by hand.
pub fn select_all(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
}

// ---------------------------------------------------------------------------
// The Word download (src/components/word_button.rs)
// ---------------------------------------------------------------------------

/// Event asking the page (www/start.js) for a Word document: the page loads
/// the Word bundle (www/pkg/digital_board_docx*, only now), makes the file
/// and downloads it. Bubbles from the button, so the page hears it from
/// inside a shadow root too. Its `detail` is an object: `kind` ("result" or
/// "comparison"), `payload` (a result record or a compare link payload),
/// `fileName`, `date` and `link` (or null), and the words the page shows in
/// the button's status line: `preparing`, `failed`, `errorPrefix`.
pub const DOWNLOAD_WORD_EVENT: &str = "dba-download-word";

/// Sends [`DOWNLOAD_WORD_EVENT`] from `from` with these detail members
/// (a member whose value is `None` is null).
pub fn ask_for_word(from: &web_sys::EventTarget, members: &[(&str, Option<&str>)]) {
    let detail = js_sys::Object::new();
    for (name, value) in members {
        let value = value.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_str);
        let _ = js_sys::Reflect::set(&detail, &wasm_bindgen::JsValue::from_str(name), &value);
    }
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(DOWNLOAD_WORD_EVENT, &init) {
        let _ = from.dispatch_event(&event);
    }
}
