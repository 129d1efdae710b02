//! Prints the assessment's start page as HTML, rendered natively with yew's
//! `LocalServerRenderer` from the same component the widget mounts
//! (`StartPage`, in the same `dba-view` and `dba-app` wrappers that
//! `www/start.js` and `App` put around it), for `.ci/pages.mjs` to put into
//! `www/index.html` and `www/embed.html`: people read the start page while the
//! wasm arrives, and `www/start.js` swaps in the live widget, laid out the
//! same, once it has drawn its first screen.
//!
//! Usage: `cargo run --example prerender [ASSESSMENT_ID]` (default: the
//! default assessment).

use digital_board_assessment::assessment::start_page::{StartPage, StartPageProps};
use digital_board_core::content;
use digital_board_core::text::common::Phrase as CommonPhrase;
use yew::{Callback, LocalServerRenderer};

fn main() {
    let assessment = match std::env::args().nth(1) {
        Some(id) => content::find(&id).unwrap_or_else(|| {
            eprintln!("prerender: no built-in assessment with the id {id:?}");
            std::process::exit(2);
        }),
        None => content::default_assessment(),
    };
    let page = futures::executor::block_on(
        LocalServerRenderer::<StartPage>::with_props(StartPageProps {
            assessment,
            saved: None,
            on_action: Callback::noop(),
        })
        // Replaced, not hydrated: no hydration markers (see docs/performance.md).
        .hydratable(false)
        .render(),
    );
    // data-dba-prerendered: what www/boot.js and www/start.js look for;
    // data-dba-loading: what boot.js says on a held button (the words are
    // core's, as every sentence is).
    println!(
        r#"<div class="dba-view" data-dba-prerendered data-dba-loading="{}"><div class="dba-app">{page}</div></div>"#,
        CommonPhrase::Loading.text()
    );
}
