// The page's boot script (index.html, embed.html): starts the widget in
// every element with data-dba-root (or #app). An external script, never
// inline, so a strict CSP (script-src 'self' 'wasm-unsafe-eval') is enough.
//
// A classic script in <head>, not a module: it runs before the browser
// parses the body, so before the first paint. The pages carry the start
// page itself, rendered at build time from the widget's own component
// (.ci/pages.mjs, examples/prerender.rs), in an element with
// data-dba-prerendered; people read it while the wasm arrives, and
// www/start.js swaps in the live widget once it has drawn its first screen.
// This script:
//   - hides that start page before it is ever painted when the widget will
//     open on another screen: a share (#r=) or compare (#c=) link in the
//     address, or answers saved in this browser (the start page then offers
//     to continue);
//   - holds a click on its buttons (and its "#" links) until the widget is
//     running, then start.js repeats it on the live page; "Loading…" on the
//     button if that takes more than a moment;
//   - then loads the widget's modules and starts it (the pages preload them
//     with <link rel="modulepreload">, and the assessment's wasm, so all of
//     it downloads at once). The compare view is a second bundle, loaded
//     only when someone compares (see start.js).
(() => {
  const PRERENDERED = '[data-dba-prerendered]';
  /** What start.js repeats a held click on, by its place in this list. */
  const CLICKABLE = 'button, a[href]';
  /** After this long, a held click says "Loading…". */
  const MOMENT_MS = 300;

  // Saved answers: saved.rs keys them "digital-board-assessment:<id>".
  const savedAnswers = () => {
    try {
      for (let i = 0; i < localStorage.length; i++) {
        if (localStorage.key(i)?.startsWith('digital-board-assessment:')) return true;
      }
    } catch {
      // Storage blocked: the widget finds nothing saved either.
    }
    return false;
  };

  // As leniently as start.js (and core/src/share) read them: "#C=", "#r%3D".
  if (/^#(?:\s|%20)*[rc](?:=|%3d)/i.test(location.hash) || savedAnswers()) {
    // A constructed stylesheet: CSSOM, which style-src does not govern, and
    // in force before the body is parsed. Without it (browsers before 2023)
    // the start page goes once parsed, which may be after a first paint.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`${PRERENDERED}{display:none}`);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      document.addEventListener('DOMContentLoaded', () => {
        for (const page of document.querySelectorAll(PRERENDERED)) page.hidden = true;
      });
    }
  }

  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target.closest(CLICKABLE) : null;
      const page = target?.closest(PRERENDERED);
      // Links to other pages (the guide's credit) are links already.
      if (!page || (target.matches('a') && target.getAttribute('href') !== '#')) return;
      event.preventDefault();
      if (page.hasAttribute('data-dba-failed')) {
        // The widget could not start: its message, above, says why.
        page.parentElement?.querySelector('[role="alert"]')?.scrollIntoView();
        return;
      }
      page.dataset.dbaClicked = String([...page.querySelectorAll(CLICKABLE)].indexOf(target));
      setTimeout(() => {
        if (!page.isConnected || page.hasAttribute('data-dba-failed') || target.hasAttribute('data-dba-label')) return;
        // The label changes in place (the button keeps its line), and a
        // visually hidden status says it too.
        target.dataset.dbaLabel = target.textContent;
        // The words, from core's text, are on the prerendered page.
        const loading = page.dataset.dbaLoading ?? '';
        target.textContent = loading;
        target.setAttribute('aria-disabled', 'true');
        const status = document.createElement('span');
        status.className = 'nhsuk-u-visually-hidden';
        status.setAttribute('role', 'status');
        status.textContent = loading;
        page.append(status);
      }, MOMENT_MS);
    },
    true,
  );

  // Relative to the page (a classic script's import() resolves against the
  // document), which is beside these modules.
  const start = async () => {
    const [{ bundles }, { startAll }] = await Promise.all([import('./bundles.js'), import('./start.js')]);
    await startAll(bundles);
    // A page opened on a compare link starts with the compare view and has not
    // used the assessment's preloaded wasm: load it now, so "Start your own
    // assessment" opens at once (and the browser finds no unused preload).
    // A failure here is reported when someone asks for the assessment.
    bundles.assessment().catch(() => {});
  };
  // The roots are in the body: start once it is parsed, and painted (the
  // start page first; the wasm downloads meanwhile, preloaded), or a moment
  // later where nothing is painted (a tab in the background).
  const afterPaint = (then) => {
    let done = false;
    const once = () => done || ((done = true), then());
    requestAnimationFrame(() => setTimeout(once));
    setTimeout(once, 100);
  };
  const run = () => afterPaint(() => start().catch((error) => console.error(error)));
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run, { once: true });
  else run();
})();
