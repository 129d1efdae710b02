//! The floor for the benchmark (`.ci/bench`): the smallest Yew page, one
//! function component with one button, built exactly like the widget
//! (release profile, wasm-bindgen --target web, wasm-opt -Oz). Whatever the
//! widget costs beyond this page is the widget's own.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::prelude::wasm_bindgen;
use yew::prelude::*;

#[function_component]
fn App() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        move |_| count.set(*count + 1)
    };
    html! {
        <button type="button" {onclick}>{ format!("Clicked {} times", *count) }</button>
    }
}

#[wasm_bindgen(start)]
pub fn start() {
    let root = gloo::utils::document()
        .get_element_by_id("app")
        .expect("the page has #app");
    yew::Renderer::<App>::with_root(root).render();
}
