// Loads the one-button Yew page; its #[wasm_bindgen(start)] renders the button.
import init from './pkg/minimal_yew.js';

await init();
