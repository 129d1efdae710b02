// <digital-board-assessment>: the widget as a custom element, for pages
// that allow one script tag. It renders into an open shadow root with its
// own copy of the stylesheet, so the host page's CSS does not leak in and
// ours does not leak out.
//
//   <script type="module" src="https://your-server/element.js"></script>
//   <digital-board-assessment organisation="RXX" start="questions"></digital-board-assessment>
//
// Attributes: assessment (id of a built-in assessment), organisation (name
// or ODS code for share links), start ("questions" to skip the start page,
// "compare" to open at compare results). The compare view is a second wasm
// bundle, loaded only when someone compares (see start.js).
//
// This is the source: .ci/pages.mjs writes www/element.js from it, with the
// content-hashed names of the modules and stylesheet it loads (the element's
// own name stays, as host pages use it).
//
// Fallback content: anything inside the element (say, a link to the
// widget's own page) shows until the element is defined, and so stays
// whenever this script cannot load (e.g. the widget's server sends no
// Access-Control-Allow-Origin). The shadow root has no <slot>, so once the
// widget starts those children are no longer rendered.
import { bundles } from './bundles.js';
import { startWidget } from './start.js';

const STYLESHEET = new URL('widget.css', import.meta.url).href;

// NHS.UK frontend sizes text and spacing in rem, which in a shadow root is
// still the host page's root font size: a CMS theme's
// `html { font-size: 62.5% }` would shrink the widget to 12 px text. So the
// element's copy of the stylesheet has every rem made px of the user's own
// default size (font-size: medium, what 1rem is on the widget's own page,
// which sets no root size): the widget looks the same on any page, and
// still follows the browser's text size setting. One fetch for every
// element on the page. A constructed stylesheet is CSSOM, which the host
// page's style-src does not govern; relative url()s resolve against
// widget.css, as from a <link>.
let sheet;
function elementSheet(medium) {
  sheet ??= fetch(STYLESHEET)
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${STYLESHEET}: ${response.status}`))))
    .then((css) => {
      const px = css.replace(/^\uFEFF/, '').replace(/(\d*\.?\d+)rem\b/g, (_, n) => `${+(n * medium).toFixed(3)}px`);
      const constructed = new CSSStyleSheet({ baseURL: STYLESHEET });
      constructed.replaceSync(px);
      return constructed;
    });
  return sheet;
}

/** The user's default font size in px (16 unless they changed it), measured in `shadow`. */
function mediumFontSize(shadow) {
  const probe = document.createElement('span');
  // Its own family: `medium` is smaller for a monospace one.
  probe.style.fontFamily = 'arial, sans-serif';
  probe.style.fontSize = 'medium';
  shadow.append(probe);
  const size = parseFloat(getComputedStyle(probe).fontSize) || 16;
  probe.remove();
  return size;
}

class DigitalBoardAssessment extends HTMLElement {
  connectedCallback() {
    // Moving the element in the page must not start a second widget.
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const root = document.createElement('div');
    root.className = 'dba-widget';
    // Hidden until styled, so the widget never shows unstyled.
    root.hidden = true;
    shadow.append(root);
    elementSheet(mediumFontSize(shadow))
      .then((styles) => {
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, styles];
      })
      .catch(() => {
        // No fetch (the host's connect-src) or no constructed stylesheets
        // (browsers before 2023): the stylesheet as it is, rem and all.
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = STYLESHEET;
        shadow.prepend(link);
      })
      .finally(() => {
        root.hidden = false;
      });

    startWidget(
      root,
      {
        assessment: this.getAttribute('assessment') ?? undefined,
        organisation: this.getAttribute('organisation') ?? undefined,
        start: this.getAttribute('start') ?? undefined,
        // The host page's title is its own.
        manageTitle: false,
      },
      bundles,
    ).catch((error) => console.error(error));
  }
}

if (!customElements.get('digital-board-assessment')) {
  customElements.define('digital-board-assessment', DigitalBoardAssessment);
}
