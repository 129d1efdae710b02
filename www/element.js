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
// Fallback content: anything inside the element (say, a link to the
// widget's own page) shows until the element is defined, and so stays
// whenever this script cannot load (e.g. the widget's server sends no
// Access-Control-Allow-Origin). The shadow root has no <slot>, so once the
// widget starts those children are no longer rendered.
import { bundles } from './bundles.js';
import { startWidget } from './start.js';

const STYLESHEET = new URL('widget.css', import.meta.url).href;

class DigitalBoardAssessment extends HTMLElement {
  connectedCallback() {
    // Moving the element in the page must not start a second widget.
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    const stylesheet = document.createElement('link');
    stylesheet.rel = 'stylesheet';
    stylesheet.href = STYLESHEET;
    const root = document.createElement('div');
    root.className = 'dba-widget';
    shadow.append(stylesheet, root);

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
