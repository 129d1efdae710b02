// Starts the widget in one root element and switches between its two wasm
// bundles: the assessment (loaded at once) and the compare view (loaded only
// when someone compares: "Compare results", a compare link (#c=) in the
// address, or start="compare"). Each bundle renders into its own container
// in the root; the one not in use is taken out of the page, not destroyed, so
// the answers on screen and the results gathered for comparing survive going
// back and forth.
//
// The bundles ask for a switch with bubbling DOM events from their root
// (src/dom.rs):
//   dba-open-compare   detail: the link of a shared result to start with, or null
//   dba-leave-compare  detail: a result for the assessment to take up, or null
//                      (passed on to its container as dba-take-up)
// The compare view is told it is shown again by a non-bubbling
// dba-open-compare on its container.
//   dba-download-word  (src/dom.rs): load the Word bundle, make the file
//
// Back and Forward move between the widget's screens (README, "Back and
// Forward and the host page's history"). Each view says which screen it
// shows with a bubbling event from its root (src/dom.rs), detail: the
// screen's key:
//   dba-screen-push     the user moved to it: a new session-history entry
//   dba-screen-replace  at load, from a link, or by Back/Forward: this entry
// Entries keep the page's address and its own state; ours goes under
// HISTORY_KEY, per widget: { ...pageState, [HISTORY_KEY]: { [widgetId]:
// { view, screen } } }. On popstate an entry of ours shows its view, then
// tells the view its screen with a non-bubbling dba-show-screen on the
// view's container; any other entry is the page's and left alone. Nothing
// here ever calls history.back() or go().
//
// Used by boot.js, element.js and the single-file edition (.ci/single-file.mjs
// inlines this file without its `export` keywords).

const OPEN_COMPARE = 'dba-open-compare';
const LEAVE_COMPARE = 'dba-leave-compare';
const DOWNLOAD_WORD = 'dba-download-word';
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PUSH_SCREEN = 'dba-screen-push';
const REPLACE_SCREEN = 'dba-screen-replace';
const SHOW_SCREEN = 'dba-show-screen';
const TAKE_UP = 'dba-take-up';
/** Our key in history.state: the page's own members stay beside it. */
const HISTORY_KEY = 'digital-board-assessment';

/** Widgets started in this document: each one's entries carry its number. */
let widgetsStarted = 0;

/** Whether `value` is a plain object (what `{ ...value }` copies whole). */
const isPlainObject = (value) =>
  value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Whether the address holds a link of this letter ("#c=", "#r="), read as
 * leniently as core/src/share/mod.rs reads it: a mail client may change the
 * case, escape the "=" or put a space before it ("#C=", "#c%3D", "#%20c=").
 */
const isLinkOf = (letter, hash) => new RegExp(`^#(?:\\s|%20)*${letter}(?:=|%3d)`, 'i').test(hash);
/** Whether the address holds a compare link (core/src/compare/codec.rs: "#c="). */
const isCompareLink = (hash) => isLinkOf('c', hash);
/** Whether the address holds a share link (core/src/share/mod.rs: "#r="). */
const isShareLink = (hash) => isLinkOf('r', hash);
/** Whether `hash` is a share or compare link, as above (embed-frame.js). */
export const isWidgetLink = (hash) => isShareLink(hash) || isCompareLink(hash);

/** The start page rendered into the page's HTML at build time (www/boot.js). */
const PRERENDERED = '[data-dba-prerendered]';
/** What www/boot.js holds a click on, by its place in this list. */
const CLICKABLE = 'button, a[href]';

/**
 * Mounts a view into `container`, hidden beside the prerendered start page
 * `page`, and swaps them once the view has drawn its first screen (the first
 * screen it records): the same markup, so nothing moves. A click held on
 * `page` meanwhile (www/boot.js) is then made on the live page. Resolves once
 * swapped; `mount`'s error rejects.
 */
function takeOver(page, container, place, mount) {
  return new Promise((resolve, reject) => {
    container.hidden = true;
    page.after(container);
    place();
    const swap = () => {
      clearTimeout(backstop);
      container.hidden = false;
      // Gone already if another view was shown meanwhile (hideAllBut).
      if (page.isConnected) {
        const held = page.dataset.dbaClicked;
        page.remove();
        // After the event that told us (the view is still in its effects).
        if (held !== undefined) setTimeout(() => container.querySelectorAll(CLICKABLE)[Number(held)]?.click());
      }
      resolve();
    };
    // Every screen of the assessment records itself at load (src/dom.rs),
    // but a shared result does not (it is not a screen of one's own): if a
    // link came after all, the view shows anyway.
    const backstop = setTimeout(swap, 1500);
    for (const type of [PUSH_SCREEN, REPLACE_SCREEN]) container.addEventListener(type, swap, { once: true });
    try {
      mount();
    } catch (error) {
      clearTimeout(backstop);
      reject(error);
    }
  });
}

/** `load` run once: every root shares one instance of each bundle. */
export function once(load) {
  let loading;
  return () => (loading ??= load());
}

/**
 * Replaces `container`'s content with an NHS-style error box (built with DOM
 * calls, no innerHTML, so nothing here is parsed as markup).
 */
function showFailure(container, heading, text) {
  const box = document.createElement('div');
  box.className = 'nhsuk-error-summary';
  box.setAttribute('role', 'alert');
  const title = document.createElement('h2');
  title.className = 'nhsuk-error-summary__heading';
  title.textContent = heading;
  const body = document.createElement('p');
  body.textContent = text;
  box.append(title, body);
  container.replaceChildren(box);
}

const TRY_AGAIN =
  'Reload the page to try again. If it still does not start, ' +
  'try an up-to-date version of Microsoft Edge, Chrome, Firefox or Safari.';

// A host page whose Content-Security-Policy lacks 'wasm-unsafe-eval' stops
// the browser compiling the wasm. Reloading or another browser cannot help
// that: the board member is pointed at the widget's own page, where it
// runs, and the detail is for the site's web team.
const CSP_BLOCKED = 'This self-assessment cannot run on this page';
const CSP_WHY = 'The security settings of this page stop it from starting.';
const CSP_ELSEWHERE = 'Open the self-assessment on its own page';
const CSP_NO_ELSEWHERE = 'Please tell the person who looks after this website.';
const CSP_DETAIL_SUMMARY = 'Technical details for the website’s web team';
const CSP_FIX =
  "The page’s Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src " +
  '(or in default-src if it has no script-src), or the browser will not run the widget’s ' +
  'WebAssembly. See the widget’s README, section Embedding.';

/** The widget's own page beside this script, unless that is this page (or unknown). */
function ownPage() {
  try {
    const page = new URL('./index.html', import.meta.url);
    const here = new URL(location.href);
    const same = (url) => url.origin === here.origin && url.pathname === here.pathname;
    return same(page) || same(new URL('./', page)) ? null : page.href;
  } catch {
    return null;
  }
}

/**
 * The CSP message: plain words and a link for the board member; the policy
 * for the web team in an NHS details component (DOM calls, no markup parsed).
 */
function showCspFailure(container) {
  const element = (tag, className, ...children) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.append(...children);
    return node;
  };
  const page = ownPage();
  let next;
  if (page) {
    const link = element('a', 'nhsuk-link', CSP_ELSEWHERE);
    link.href = page;
    // In a frame, a new tab: the frame is too small a place for it.
    if (window.top !== window) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    next = element('p', '', link);
  } else next = element('p', '', CSP_NO_ELSEWHERE);
  const details = element(
    'details',
    'nhsuk-details',
    element('summary', 'nhsuk-details__summary', element('span', 'nhsuk-details__summary-text', CSP_DETAIL_SUMMARY)),
    element('div', 'nhsuk-details__text', element('p', '', CSP_FIX)),
  );
  const box = element(
    'div',
    'nhsuk-error-summary',
    element('h2', 'nhsuk-error-summary__heading', CSP_BLOCKED),
    element('div', 'nhsuk-error-summary__body', element('p', '', CSP_WHY), next, details),
  );
  box.setAttribute('role', 'alert');
  container.replaceChildren(box);
}

// Browsers report it as a CompileError naming the policy (Chromium, Safari:
// "…Content Security Policy…"; Firefox: "…blocked by CSP"). The page's
// securitypolicyviolation event is no help here: Chromium fires it only
// after the error has reached us.
const blockedByCsp = (error) =>
  error instanceof WebAssembly.CompileError && /Content Security Policy|\bCSP\b|wasm-unsafe-eval/i.test(error.message);

/** Makes and downloads the Word document; progress or failure in the button's status line. */
async function downloadWord(event, loadDocx) {
  const detail = event.detail ?? {};
  const status = event.target.closest?.('.dba-word')?.querySelector('.dba-word__status');
  const say = (...nodes) => status?.replaceChildren(...nodes);
  say(detail.preparing ?? '');
  try {
    const docx = await loadDocx();
    const bytes =
      detail.kind === 'comparison'
        ? docx.comparison_docx(detail.payload, detail.date ?? undefined, detail.link ?? undefined)
        : docx.result_docx(detail.payload, detail.date ?? undefined);
    const url = URL.createObjectURL(new Blob([bytes], { type: WORD_TYPE }));
    const link = document.createElement('a');
    link.href = url;
    link.download = detail.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    say();
  } catch (error) {
    const message = document.createElement('span');
    message.className = 'nhsuk-error-message';
    const prefix = document.createElement('span');
    prefix.className = 'nhsuk-u-visually-hidden';
    prefix.textContent = detail.errorPrefix ?? '';
    message.append(prefix, detail.failed ?? '');
    say(message);
    throw error;
  }
}

/**
 * Starts the widget in `root`. `options`: assessment, organisation, start
 * ("questions" or "compare"), manageTitle. `bundles`: { assessment, compare,
 * docx }: the first two functions returning a promise of that bundle's mount
 * function, docx one returning a promise of the Word bundle's exports.
 * Resolves once the first view is on screen; rejects if it cannot load.
 */
export async function startWidget(root, options, bundles) {
  const manageTitle = options.manageTitle !== false;
  const views = { assessment: {}, compare: {} };
  let showing = null;
  const widgetId = String(widgetsStarted++);
  // A view being mounted for Back or Forward: its first entry is the one
  // the browser went to, not a new one.
  let restoring = null;
  // The { view, screen } last recorded.
  let shown = null;

  async function show(name, { sharedLink = null, focus = false, reopen = false, restoreTitle = false } = {}) {
    const view = views[name];
    if (showing && showing !== name && manageTitle) views[showing].title = document.title;
    if (!view.container) {
      // First time: load the bundle and mount it into a new container. When
      // the user asked for it, the container shows "Loading" at once (and
      // the bundle moves focus into it); at page load it replaces whatever
      // the page had in the root only once the bundle is ready.
      view.container = document.createElement('div');
      view.container.className = 'dba-view';
      const place = () => {
        if (view.container.isConnected) view.container.replaceChildren();
        else root.replaceChildren(view.container);
        hideAllBut(name);
      };
      if (focus) {
        const loading = document.createElement('p');
        loading.setAttribute('role', 'status');
        // The words a mounted view left (src/lib.rs): one has, whenever a
        // view is asked for by someone.
        loading.textContent = root.querySelector('[data-dba-loading]')?.dataset.dbaLoading ?? '';
        view.container.append(loading);
        root.append(view.container);
        hideAllBut(name);
      }
      // The start page in the page's HTML (www/boot.js), if it shows and the
      // assessment will open on it (no link has come since boot.js looked,
      // as embed-frame.js may bring one): the view replaces it only once it
      // has drawn its first screen.
      const prerendered = focus ? null : root.querySelector(`:scope > ${PRERENDERED}`);
      const handOver = name === 'assessment' && !isShareLink(location.hash) && prerendered?.getClientRects().length > 0;
      try {
        const mount = await bundles[name]();
        const run = () =>
          mount(view.container, {
            ...options,
            start: options.start === 'questions' ? 'questions' : undefined,
            sharedLink: sharedLink ?? undefined,
            focus,
          });
        if (handOver) await takeOver(prerendered, view.container, () => hideAllBut(name), run);
        else {
          place();
          run();
        }
      } catch (error) {
        if (handOver && prerendered.isConnected) {
          // The start page stays, under the message.
          prerendered.setAttribute('data-dba-failed', '');
          prerendered.querySelector('[role="status"]')?.remove();
          for (const held of prerendered.querySelectorAll('[data-dba-label]')) {
            held.textContent = held.dataset.dbaLabel;
            held.removeAttribute('aria-disabled');
          }
          view.container.hidden = false;
          view.container.replaceChildren();
          root.insertBefore(view.container, prerendered);
          showing = name;
        } else place();
        if (blockedByCsp(error)) showCspFailure(view.container);
        else {
          showFailure(
            view.container,
            name === 'compare' ? 'Compare results could not start' : 'The self-assessment could not start',
            name === 'compare'
              ? `Your browser could not load it. Your own answers are still saved in this browser. ${TRY_AGAIN}`
              : `Your browser could not load it. ${TRY_AGAIN}`,
          );
        }
        throw error;
      }
      return;
    }
    if (showing === name && !reopen) return;
    hideAllBut(name);
    if (name === 'compare' && reopen) {
      // The compare view goes to its first screen (title, focus) itself.
      view.container.dispatchEvent(new CustomEvent(OPEN_COMPARE, { detail: sharedLink }));
      return;
    }
    if (restoreTitle && manageTitle && view.title) document.title = view.title;
    if (focus) view.container.querySelector('#dba-heading')?.focus();
  }

  // The view not in use is taken out of the page, not hidden: both views
  // use the same element ids (the heading that receives focus, the error
  // summary), which must be unique in the page. Yew keeps running on the
  // detached container, and its listeners live on it.
  function hideAllBut(name) {
    // The start page from the HTML goes as soon as a view shows (one being
    // mounted behind it is hidden until it replaces it).
    if (!views[name].container?.hidden) root.querySelector(`:scope > ${PRERENDERED}`)?.remove();
    for (const [other, view] of Object.entries(views)) {
      if (!view.container) continue;
      if (other !== name) view.container.remove();
      else if (!view.container.isConnected) root.append(view.container);
    }
    showing = name;
  }

  const report = (error) => console.error(error);

  /** This widget's { view, screen } in a history state, if it holds one. */
  function entryIn(state) {
    const entry = isPlainObject(state) && isPlainObject(state[HISTORY_KEY]) ? state[HISTORY_KEY][widgetId] : null;
    return isPlainObject(entry) && Object.hasOwn(views, entry.view) && typeof entry.screen === 'string' ? entry : null;
  }

  /**
   * Records `view`'s `screen` in a new entry (`push`) or the current one.
   * The page's own state is copied into ours, so its router sees its own
   * route on our entries; a state that is not a plain object cannot carry
   * ours without losing something, so then no entry is made.
   */
  function record(view, screen, push) {
    views[view].screen = screen;
    if (restoring === view) {
      restoring = null;
      push = false;
    }
    const left = shown;
    shown = { view, screen };
    const state = history.state;
    if (state !== null && !isPlainObject(state)) return;
    const current = entryIn(state);
    if (push && current?.view === view && current.screen === screen) return;
    // No URL: the address stays as it is, the page's fragment and query too.
    // An entry the page made since (its router, a link to an anchor) shows
    // the screen being left when Back returns to it.
    if (push && !current && left) history.replaceState(withEntry(state, left), '');
    if (push) history.pushState(withEntry(history.state, shown), '');
    else history.replaceState(withEntry(state, shown), '');
  }

  /** `state` (the page's, or null) with `entry` as this widget's. */
  function withEntry(state, entry) {
    const ours = isPlainObject(state?.[HISTORY_KEY]) ? state[HISTORY_KEY] : {};
    return { ...state, [HISTORY_KEY]: { ...ours, [widgetId]: entry } };
  }

  for (const [type, push] of [
    [PUSH_SCREEN, true],
    [REPLACE_SCREEN, false],
  ]) {
    root.addEventListener(type, (event) => {
      // From the view on screen only (one taken out of the page cannot
      // reach the root anyway).
      const view = Object.keys(views).find((name) => views[name].container?.contains(event.target));
      if (view && view === showing && typeof event.detail === 'string') record(view, event.detail, push);
    });
  }

  // Back or Forward to an entry of ours: its view, then its screen. The
  // view tells us what it shows (dba-screen-replace), which may differ.
  addEventListener('popstate', ({ state }) => {
    const entry = entryIn(state);
    if (!entry || !root.isConnected) return;
    const { view, screen } = entry;
    const mounting = !views[view].container;
    if (mounting) restoring = view;
    show(view, { focus: view !== showing, restoreTitle: true })
      .then(() => {
        const tell = () => views[view].container.dispatchEvent(new CustomEvent(SHOW_SCREEN, { detail: screen }));
        // A view just mounted listens once it has rendered.
        if (mounting) setTimeout(tell, 0);
        else tell();
      })
      .catch((error) => {
        restoring = null;
        report(error);
      });
  });

  root.addEventListener(OPEN_COMPARE, (event) => {
    show('compare', { sharedLink: event.detail ?? null, focus: true, reopen: true }).catch(report);
  });
  // Leaving the compare view is a move of its own: the assessment's screen
  // gets a new entry (a view mounted now records its first screen itself).
  // A detail is a result for the assessment to take up (the board's agreed
  // answers, or last time's actions followed up): it is passed on once the
  // view is there, and the view moves to the screen that shows it.
  root.addEventListener(LEAVE_COMPARE, (event) => {
    const handover = typeof event.detail === 'string' ? event.detail : null;
    const mounting = !views.assessment.container;
    show('assessment', { focus: true, restoreTitle: true })
      .then(() => {
        if (views.assessment.screen && !handover) record('assessment', views.assessment.screen, true);
        if (!handover) return;
        const tell = () => views.assessment.container.dispatchEvent(new CustomEvent(TAKE_UP, { detail: handover }));
        // A view just mounted listens once it has rendered.
        if (mounting) setTimeout(tell, 0);
        else tell();
      })
      .catch(report);
  });
  root.addEventListener(DOWNLOAD_WORD, (event) => downloadWord(event, bundles.docx).catch(report));

  // A link pasted into the address bar of an open page: each bundle reads
  // its own kind of link; this shows the one it belongs to. Leaving a compare
  // link by the browser's Back button leaves the compare view.
  let lastHash = location.hash;
  addEventListener('hashchange', () => {
    const hash = location.hash;
    // Back or Forward to an entry of ours: popstate has shown it.
    if (entryIn(history.state)) {
      lastHash = hash;
      return;
    }
    if (isCompareLink(hash)) show('compare', { focus: true }).catch(report);
    else if (showing === 'compare' && (isShareLink(hash) || isCompareLink(lastHash))) {
      show('assessment', { focus: true }).catch(report);
    }
    lastHash = hash;
  });

  // The board's agreed answers were being recorded when the page was
  // reloaded (src/dom.rs AGREEMENT_KEY): the compare view brings them back.
  let agreeing = false;
  try {
    agreeing = sessionStorage.getItem('dba-agreement') !== null;
  } catch {
    // Storage blocked: nothing was kept.
  }
  const opening = isCompareLink(location.hash) || options.start === 'compare' || (agreeing && !isShareLink(location.hash));
  await show(opening ? 'compare' : 'assessment');
}

/**
 * Starts the widget in every element with data-dba-root (or #app) in the
 * page: data-assessment, data-organisation and data-start ("questions" or
 * "compare") on it choose the assessment, label and where to start.
 * Resolves once every root shows its first view (or its failure message).
 */
export function startAll(bundles) {
  const started = [...document.querySelectorAll('[data-dba-root], #app')].map((root) => {
    const { assessment, organisation, start } = root.dataset;
    return startWidget(root, { assessment, organisation, start }, bundles).catch((error) => console.error(error));
  });
  return Promise.all(started);
}
