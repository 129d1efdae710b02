// For the page embedding iframe[data-digital-board-assessment] (embed.html):
// add once, anywhere, as a classic or module script. Makes each such iframe
// as tall as its content and scrolls the page to headings the widget
// focuses. Gives them this page's address for links, and opens a #r=/#c=
// link in it in them. Acts only on messages whose event.source
// is one of those iframes AND whose event.origin is that iframe's src
// origin. No globals.
// Protocol: README, "Embedding → iframe".
(() => {
  const PREFIX = 'digital-board-assessment:';
  const SELECTOR = 'iframe[data-digital-board-assessment]';
  const MAX = 20000;
  const MARGIN = 16;
  const LOADED = Symbol.for(PREFIX + 'host'); // loaded twice? once is enough
  if (window[LOADED]) return;
  Object.defineProperty(window, LOADED, { value: true });

  const frames = () => document.querySelectorAll(SELECTOR);

  // Defaults for pages where editors cannot add CSS. :where() has no
  // specificity, so the page's own rules win; a constructed stylesheet is
  // CSSOM, which a host CSP of style-src 'self' allows. border-box keeps
  // width:100% inside the column when the page's CSS gives iframes a
  // border or padding (the height set below allows for them).
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`:where(${SELECTOR}){display:block;box-sizing:border-box;width:100%;border:0}`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } catch {
    // older browsers: the default iframe width
  }

  // The origin of the iframe's src; null without one (iframe.src would be
  // this page's address), with srcdoc, or for anything but http(s).
  function originOf(iframe) {
    const src = iframe.getAttribute('src');
    if (!src || iframe.hasAttribute('srcdoc')) return null;
    try {
      const url = new URL(src, document.baseURI);
      return /^https?:$/.test(url.protocol) ? url.origin : null;
    } catch {
      return null;
    }
  }

  function tell(iframe, message) {
    const origin = originOf(iframe);
    // Skip while the iframe still holds its first, empty document (this
    // page's origin, so readable here): the browser would log a warning.
    if (!origin || !iframe.contentWindow || (origin !== location.origin && iframe.contentDocument)) return;
    iframe.contentWindow.postMessage(message, origin);
  }

  // A share (#r=) or compare (#c=) link, read as leniently as the widget
  // reads them (core/src/share): "#R=", "#r%3D", "#%20r=" from mail clients.
  const isLink = (hash) => /^#(?:\s|%20)*[rc](?:=|%3d)/i.test(hash);
  const withoutFragment = () => location.href.split('#')[0];
  const address = () => ({
    type: PREFIX + 'address',
    url: withoutFragment(),
    ...(isLink(location.hash) && { link: location.hash }),
  });

  const px = (style, property) => parseFloat(style[property]) || 0;
  const inRange = (n, min) => typeof n === 'number' && n >= min && n <= MAX; // false for NaN

  addEventListener('message', (event) => {
    const { data, source, origin } = event;
    if (data === null || typeof data !== 'object' || typeof data.type !== 'string' || !source) return;
    const iframe = [...frames()].find((frame) => frame.contentWindow === source);
    if (!iframe || origin !== originOf(iframe)) return;
    const style = getComputedStyle(iframe);
    if (data.type === PREFIX + 'height' && inRange(data.height, 100)) {
      const height = Math.ceil(data.height);
      const extra =
        style.boxSizing === 'border-box'
          ? px(style, 'borderTopWidth') + px(style, 'borderBottomWidth') + px(style, 'paddingTop') + px(style, 'paddingBottom')
          : 0;
      iframe.style.height = `${height + extra}px`;
      tell(iframe, { type: PREFIX + 'sized', height });
    } else if (data.type === PREFIX + 'focus' && inRange(data.top, 0)) {
      // Where that point is in this page's viewport; scroll only if out of view.
      const y = iframe.getBoundingClientRect().top + iframe.clientTop + px(style, 'paddingTop') + data.top;
      if (y < 0 || y > innerHeight - 2 * MARGIN) scrollTo({ top: Math.max(0, scrollY + y - MARGIN), left: scrollX });
    } else if (data.type === PREFIX + 'ask-address') {
      tell(iframe, address());
    } else if (data.type === PREFIX + 'cleared' && isLink(location.hash)) {
      // The user left the shared result.
      history.replaceState(history.state, '', withoutFragment());
    }
  });

  // A link pasted into the address bar.
  addEventListener('hashchange', () => isLink(location.hash) && frames().forEach((iframe) => tell(iframe, address())));

  // The frame sends its height when it starts; if that was before this
  // script ran, ask again now, when the page is parsed, and on each
  // iframe load (load does not bubble; a capturing listener sees it).
  const hello = (iframe) => tell(iframe, { type: PREFIX + 'hello' });
  frames().forEach(hello);
  document.addEventListener('DOMContentLoaded', () => frames().forEach(hello));
  document.addEventListener('load', ({ target }) => target.matches?.(SELECTOR) && hello(target), true);
})();
