//! Browser tests (wasm-bindgen-test in headless Chromium): the real widget
//! mounted into a page, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use digital_board_assessment::mount;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// A fresh mount point holding a newly mounted widget, with nothing saved
/// by earlier tests (they share the page's localStorage).
async fn mounted() -> Element {
    local_storage().clear().unwrap();
    remount().await
}

/// Mounts the widget again, keeping whatever is in storage.
async fn remount() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    mount(root.clone(), wasm_bindgen::JsValue::UNDEFINED);
    settle().await;
    root
}

/// Lets yew's scheduler render and run effects, and the widget change the
/// title and focus, which it does just after the next paint (an animation
/// frame, then a task).
async fn settle() {
    TimeoutFuture::new(10).await;
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    TimeoutFuture::new(10).await;
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .dyn_into()
        .unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

fn button(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button {label:?}"))
        .dyn_into()
        .unwrap()
}

fn focused_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn start_page_leads_to_the_first_question_with_focus_and_title() {
    let root = mounted().await;
    assert_eq!(text(&root, "h1"), "Digital strategy board self-assessment");
    button(&root, "Start now").click();
    settle().await;
    assert_eq!(
        text(&root, "h1"),
        "How does digital feature in your trust’s business strategies and plans?"
    );
    assert!(text(&root, ".dba-progress").starts_with("Question 1 of 13"));
    assert!(
        document()
            .title()
            .starts_with("Question 1 of 13: How does digital feature")
    );
    assert_eq!(focused_id(), "dba-heading");
    root.remove();
}

#[wasm_bindgen_test]
async fn continuing_with_nothing_chosen_focuses_the_error_summary() {
    let root = mounted().await;
    button(&root, "Start now").click();
    settle().await;
    button(&root, "Continue").click();
    settle().await;
    assert_eq!(
        text(&root, ".nhsuk-error-summary__heading"),
        "There is a problem"
    );
    assert_eq!(focused_id(), "dba-error-summary");
    assert!(document().title().starts_with("Error: Question 1 of 13"));

    find(&root, "#dba-answer-3").click(); // Embedded
    settle().await;
    button(&root, "Continue").click();
    settle().await;
    assert!(
        root.query_selector(".nhsuk-error-summary")
            .unwrap()
            .is_none()
    );
    assert!(text(&root, ".dba-progress").starts_with("Question 2 of 13"));
    root.remove();
}

#[wasm_bindgen_test]
async fn answering_everything_shows_check_your_answers_then_results() {
    let root = mounted().await;
    button(&root, "Start now").click();
    settle().await;
    for _ in 0..13 {
        find(&root, "#dba-answer-4").click(); // Don't know
        settle().await;
        button(&root, "Continue").click();
        settle().await;
    }
    assert_eq!(text(&root, "h1"), "Check your answers");
    assert_eq!(
        root.query_selector_all(".nhsuk-summary-list__row")
            .unwrap()
            .length(),
        13
    );
    button(&root, "See your results").click();
    settle().await;
    assert_eq!(text(&root, "h1"), "Your results");
    // Thirteen don't-knows: no stage, thirteen assurance gaps to discuss.
    assert_eq!(
        text(&root, ".dba-overall strong.nhsuk-tag"),
        "Not enough answers"
    );
    assert_eq!(
        root.query_selector_all(".dba-discussion__item")
            .unwrap()
            .length(),
        13
    );
    assert_eq!(
        root.query_selector_all(".dba-chart__bar--unknown")
            .unwrap()
            .length(),
        13
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn answers_are_saved_and_offered_when_the_widget_opens_again() {
    let root = mounted().await;
    button(&root, "Start now").click();
    settle().await;
    find(&root, "#dba-answer-2").click(); // Siloed
    settle().await;
    let saved = local_storage()
        .get_item("digital-board-assessment:board-digital-strategy")
        .unwrap();
    assert!(saved.is_some_and(|text| text.contains("digital-in-business-plans\ts\t")));
    root.remove();

    let root = remount().await;
    assert!(text(&root, ".dba-page--start").contains("1 of 13 questions answered"));
    button(&root, "Continue where you left off").click();
    settle().await;
    assert!(text(&root, ".dba-progress").starts_with("Question 2 of 13"));
    root.remove();
}

#[wasm_bindgen_test]
async fn mount_options_open_at_the_first_question_and_leave_the_title_alone() {
    local_storage().clear().unwrap();
    document().set_title("Host page");
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"start".into(), &"questions".into()).unwrap();
    js_sys::Reflect::set(&options, &"manageTitle".into(), &false.into()).unwrap();
    mount(root.clone(), options.into());
    settle().await;
    assert!(text(&root, ".dba-progress").starts_with("Question 1 of 13"));
    find(&root, "#dba-answer-4").click();
    settle().await;
    button(&root, "Continue").click();
    settle().await;
    assert!(text(&root, ".dba-progress").starts_with("Question 2 of 13"));
    assert_eq!(document().title(), "Host page");
    root.remove();
}
