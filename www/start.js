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
//   dba-leave-compare
// The compare view is told it is shown again by a non-bubbling
// dba-open-compare on its container.
//   dba-download-word  (src/dom.rs): load the Word bundle, make the file
//
// Used by boot.js, element.js and the single-file edition (.ci/single-file.mjs
// inlines this file without its `export` keywords).

const OPEN_COMPARE = 'dba-open-compare';
const LEAVE_COMPARE = 'dba-leave-compare';
const DOWNLOAD_WORD = 'dba-download-word';
const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Whether the address holds a compare link (core/src/compare/codec.rs: "#c="). */
const isCompareLink = (hash) => hash.startsWith('#c=');
/** Whether the address holds a share link (core/src/share/mod.rs: "#r="). */
const isShareLink = (hash) => hash.startsWith('#r=');

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
// that, so the message is for the site's web team instead.
const CSP_BLOCKED = 'This page’s security settings block the self-assessment';
const CSP_FIX =
  'Please tell the site’s web team: the page’s Content-Security-Policy must allow ' +
  "'wasm-unsafe-eval' in script-src (see the widget’s README, section Embedding).";

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
        loading.textContent = 'Loading…';
        view.container.append(loading);
        root.append(view.container);
        hideAllBut(name);
      }
      try {
        const mount = await bundles[name]();
        place();
        mount(view.container, {
          ...options,
          start: options.start === 'questions' ? 'questions' : undefined,
          sharedLink: sharedLink ?? undefined,
          focus,
        });
      } catch (error) {
        place();
        if (blockedByCsp(error)) showFailure(view.container, CSP_BLOCKED, CSP_FIX);
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
    for (const [other, view] of Object.entries(views)) {
      if (!view.container) continue;
      if (other !== name) view.container.remove();
      else if (!view.container.isConnected) root.append(view.container);
    }
    showing = name;
  }

  const report = (error) => console.error(error);
  root.addEventListener(OPEN_COMPARE, (event) => {
    show('compare', { sharedLink: event.detail ?? null, focus: true, reopen: true }).catch(report);
  });
  root.addEventListener(LEAVE_COMPARE, () =>
    show('assessment', { focus: true, restoreTitle: true }).catch(report),
  );
  root.addEventListener(DOWNLOAD_WORD, (event) => downloadWord(event, bundles.docx).catch(report));

  // A link pasted into the address bar of an open page: each bundle reads
  // its own kind of link; this shows the one it belongs to. Leaving a compare
  // link by the browser's Back button leaves the compare view.
  let lastHash = location.hash;
  addEventListener('hashchange', () => {
    const hash = location.hash;
    if (isCompareLink(hash)) show('compare', { focus: true }).catch(report);
    else if (showing === 'compare' && (isShareLink(hash) || isCompareLink(lastHash))) {
      show('assessment', { focus: true }).catch(report);
    }
    lastHash = hash;
  });

  await show(isCompareLink(location.hash) || options.start === 'compare' ? 'compare' : 'assessment');
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
