// In embed.html inside an iframe: tells the host page (embed-host.js) the
// content's height and where focus moved, so it can size and scroll the
// iframe; asks for its address, for links. Protocol: README, "Embedding →
// iframe". Not in a frame: does nothing.
//
// Messages go to window.parent with target origin '*': we cannot know which
// page embeds us, and they hold only layout numbers the embedding page can
// measure anyway, or nothing (never answers, notes or links). The host
// checks the sender.

import { isWidgetLink } from './start.js';

const PREFIX = 'digital-board-assessment:';
const MAX_HEIGHT = 20000; // hosts ignore more; taller content keeps its scrollbar

function start() {
  const parent = window.parent;
  const root = document.documentElement;
  let sent = -1;
  let sized = false;
  let focused = null;
  let scheduled = false;
  const post = (message) => parent.postMessage(message, '*');

  // <html> has no set height, so its box is the content's height
  // (scrollHeight never drops below the iframe's, so could never shrink it).
  function flush() {
    scheduled = false;
    const height = Math.ceil(root.getBoundingClientRect().height);
    if (height !== sent) post({ type: `${PREFIX}height`, height: (sent = height) });
    // Drop our scrollbar only once the host follows our height.
    root.classList.toggle('dba-embedded', sized && height <= MAX_HEIGHT);
    const element = focused;
    focused = null;
    if (element?.isConnected && document.activeElement === element) {
      // The top of the page it is on (.dba-app: its Back link, the
      // "Question 2 of 13" caption and any notice sit above the heading),
      // so the host shows the page from its top, not from the heading.
      const top = (element.closest('.dba-app') ?? element).getBoundingClientRect().top + scrollY;
      post({ type: `${PREFIX}focus`, top: Math.max(0, Math.round(top)) });
    }
  }
  function schedule() {
    if (!scheduled) requestAnimationFrame(flush);
    scheduled = true;
  }

  if (window.ResizeObserver) new ResizeObserver(schedule).observe(root);
  addEventListener('load', schedule);
  addEventListener('resize', schedule);

  // The widget focuses each new page's h1, or the error summary (both
  // tabindex="-1"); a frame as tall as its content cannot scroll to them.
  document.addEventListener('focusin', ({ target }) => {
    if (target instanceof Element && target.matches('h1, [tabindex="-1"]')) {
      focused = target;
      schedule();
    }
  });

  // Asked at start and, until answered, on hello.
  let addressed = false;
  const askAddress = () => addressed || post({ type: `${PREFIX}ask-address` });

  // The parent's own address (http(s), its origin, no fragment) for links
  // (src/dom.rs); its #r=/#c= link opens here, with no history entry.
  function takeAddress(origin, { url, link }) {
    let page;
    try {
      page = new URL(String(url));
    } catch {
      return;
    }
    if (typeof url !== 'string' || url.includes('#') || page.origin !== origin || !/^https?:$/.test(page.protocol)) return;
    addressed = true;
    root.dataset.dbaLinkBase = page.href;
    if (typeof link === 'string' && isWidgetLink(link) && link !== location.hash) location.replace(link);
  }

  // From the embedding page only; all it can do is ask for the height again
  // ("hello"), say it sized the frame ("sized"), or give its own address.
  addEventListener('message', ({ source, origin, data }) => {
    if (source !== parent || data === null || typeof data !== 'object') return;
    if (data.type === `${PREFIX}address`) return takeAddress(origin, data);
    if (data.type === `${PREFIX}hello`) {
      sent = -1;
      askAddress();
    } else if (data.type === `${PREFIX}sized`) sized = true;
    else return;
    schedule();
  });

  // The widget took its link off the address (src/dom.rs): the host too.
  addEventListener('dba-link-cleared', () => post({ type: `${PREFIX}cleared` }));

  // Links to other sites open in a new tab (allow-popups), not in the frame.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element && event.target.closest('a[href]');
    if (event.defaultPrevented || !link || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (url.origin === location.origin || !/^https?:$/.test(url.protocol)) return;
    link.target = '_blank';
    link.relList.add('noopener', 'noreferrer');
  });

  askAddress();
  schedule();
}

if (window.parent !== window) start();
