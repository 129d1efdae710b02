// The iframe embed: www/examples/iframe.html puts www/embed.html in a
// sandboxed iframe with the host snippet www/embed-host.js. A full
// assessment by mouse inside the frame; the iframe follows the content's
// height with no scrollbar of its own; the host scrolls to the focused
// heading; only messages from the widget's own frame and origin are obeyed;
// autosave, downloads, Copy link and Print work inside the sandbox; no CSP
// violation in the page or the frame; axe finds nothing in either.
//
// The support helpers take a Playwright Page, but only use methods a Frame
// has as well (getByRole, getByLabel, locator, evaluate, waitForFunction),
// so they are given the iframe's Frame directly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import {
  BASE_URL,
  QUESTIONS,
  STORAGE_KEY,
  TITLE,
  assertClean,
  completeByMouse,
  launchBrowser,
  readResults,
  seeResults,
  takeConsoleMessages,
  waitForHeading,
  withWidget,
} from './support.mjs';

const FRAME_TITLE = 'Digital strategy board self-assessment';
// The widget's iframe (the test adds a decoy with the same data attribute).
const IFRAME = `iframe[data-digital-board-assessment][title="${FRAME_TITLE}"]`;
const HEIGHT = 'digital-board-assessment:height';
// Chromium says this about any iframe with both flags whose document has the
// embedding page's origin, as the example page (served beside the widget)
// does. The widget needs both; see the README on serving it from its own
// origin, where the sandbox is a real boundary and the warning goes away.
const SAME_ORIGIN_SANDBOX_WARNING =
  /^warning: An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\./;

// Grid E E E -> Embedded; the rest Siloed: 6 + 10 = 16 of 26 -> 1.23 -> Siloed.
const PATTERN = 'EEE' + 'SSSSSSSSSS';

/**
 * Runs in the page and in every frame before any script: records CSP
 * violations, and the messages each document receives from others.
 */
function watchDocument() {
  window.__violations = [];
  window.__messages = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
  });
  window.addEventListener('message', (event) => {
    const type = event.data?.type;
    if (typeof type === 'string' && type.startsWith('digital-board-assessment:')) window.__messages.push(type);
  });
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The iframe's Frame, once the widget inside it shows its start page. */
async function widgetFrame(page) {
  const frame = await frameOf(page);
  // A fresh frame compiles the wasm first: on a loaded 2-core CI machine
  // that has taken over 5 s (a wait, not a speed check).
  await waitForHeading(frame, TITLE, { focused: false, timeout: 20000 });
  return frame;
}

/** The iframe's Frame, without waiting for any page of the widget. */
async function frameOf(page) {
  const frame = await (await page.locator(IFRAME).elementHandle()).contentFrame();
  assert.ok(frame, 'the iframe has a frame');
  return frame;
}

/** The iframe's size and, inside it, the document's. */
async function measure(page, frame) {
  const iframe = await page.locator(IFRAME).evaluate((el) => ({
    clientHeight: el.clientHeight,
    clientWidth: el.clientWidth,
    styleHeight: el.style.height,
  }));
  const inside = await frame.evaluate(() => {
    const root = document.documentElement;
    return {
      scrollHeight: root.scrollHeight,
      clientHeight: root.clientHeight,
      // A classic scrollbar takes this much of the frame's width.
      scrollbarWidth: window.innerWidth - root.clientWidth,
      overflowY: getComputedStyle(root).overflowY,
      embedded: root.classList.contains('dba-embedded'),
    };
  });
  return { iframe, inside };
}

/** Resolves once `frame` has rendered its next frame. */
const nextFrame = (frame) => frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));

/**
 * Waits until the iframe is as tall as its content (within 2 px), with the
 * height the host snippet set and the frame's scrollbar dropped, and
 * unchanged from one rendered frame to the next; then asserts it, and that
 * there is nothing to scroll in the frame. Returns the height.
 */
async function expectHeightFollows(page, frame, label) {
  const follows = ({ iframe, inside }) =>
    Math.abs(iframe.clientHeight - inside.scrollHeight) <= 2 &&
    iframe.styleHeight === `${iframe.clientHeight}px` &&
    inside.embedded &&
    inside.scrollbarWidth === 0;
  let previous = null;
  let now = null;
  for (const deadline = Date.now() + 5000; Date.now() < deadline; ) {
    now = await measure(page, frame);
    if (follows(now) && JSON.stringify(now) === JSON.stringify(previous)) break;
    previous = now;
    // Each step of the exchange (the frame posts its height from a frame
    // callback, the host resizes the iframe, the frame drops its scrollbar)
    // shows by the frame's next render.
    await nextFrame(frame);
  }
  const { iframe, inside } = now;
  const report = `${label}: ${JSON.stringify(now)}`;
  assert.ok(Math.abs(iframe.clientHeight - inside.scrollHeight) <= 2, `iframe height follows the content, ${report}`);
  assert.equal(iframe.styleHeight, `${iframe.clientHeight}px`, `the host snippet set the height, ${report}`);
  assert.ok(inside.scrollHeight <= inside.clientHeight + 1, `nothing to scroll inside the frame, ${report}`);
  assert.equal(inside.embedded, true, `the frame knows the host follows its height, ${report}`);
  assert.equal(inside.overflowY, 'hidden', `no scrollbar in the frame (add .dba-embedded { overflow: hidden }), ${report}`);
  assert.equal(inside.scrollbarWidth, 0, `no scrollbar takes up the frame's width, ${report}`);
  return iframe.clientHeight;
}

/** Asserts the widget's main heading is inside the host page's viewport. */
async function expectHeadingInView(page, frame, label) {
  const box = await frame.locator('#dba-heading').boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box, `${label}: the heading is shown`);
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${label}: heading in view, at ${JSON.stringify(box)}`);
}

// Senders of a message, for `handled`: from a document to itself, from a
// frame to its parent, and from the page to the widget's iframe.
const toItself = (context) => (message) => context.evaluate((m) => window.postMessage(m, '*'), message);
const toParent = (frame) => (message) => frame.evaluate((m) => window.parent.postMessage(m, '*'), message);
const toWidgetFrame = (page) => (message) =>
  page.evaluate(([selector, m]) => {
    const iframe = document.querySelector(selector);
    iframe.contentWindow.postMessage(m, new URL(iframe.src).origin);
  }, [IFRAME, message]);

let markers = 0;
/**
 * Waits until `receiver` (the page or a frame) has handled every message
 * that each of `senders` has posted to it so far: each sends a marker (a
 * type nobody acts on) and messages from one sender arrive in the order they
 * were posted, so once `receiver` has every marker (watchDocument records
 * them) its listeners have run for everything before.
 */
async function handled(receiver, ...senders) {
  const expected = [];
  for (const send of senders) {
    const type = `digital-board-assessment:test-marker-${++markers}`;
    await send({ type });
    expected.push(type);
  }
  await receiver.waitForFunction((types) => types.every((type) => window.__messages.includes(type)), expected);
}

const iframeHeight = (page) => page.locator(IFRAME).evaluate((el) => el.clientHeight);

/**
 * axe (WCAG 2.0–2.2 A and AA) on the page and the frame inside it. Legacy
 * mode, as in checkA11y (no extra blank page): axe is injected into every
 * same-origin frame and the page's run includes them. Also asserts the
 * frame's content really was checked.
 */
async function checkA11yWithFrame(page, label) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  const report = results.violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `      - ${n.target.join(' >>> ')}`).join('\n')}`)
    .join('\n');
  assert.equal(results.violations.length, 0, `axe found ${results.violations.length} violation(s) on ${label}:\n${report}`);
  const inFrame = results.passes.some((rule) => rule.nodes.some((node) => node.target.length > 1));
  assert.ok(inFrame, `${label}: axe checked the content of the iframe too`);
}

async function expectNoViolations(page, frame) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation in the host page');
  assert.deepEqual(await frame.evaluate(() => window.__violations), [], 'no CSP violation in the frame');
}

test('iframe embed: full assessment by mouse in a sandboxed iframe that follows its content', async () => {
  const options = { path: '/examples/iframe.html', heading: false, initScript: watchDocument };
  await withWidget(browser, options, async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
    let frame = await widgetFrame(page);
    const hostTitle = await page.title();

    // The embed page: compact chrome, one widget.
    const chrome = await frame.evaluate(() => ({
      widgets: document.querySelectorAll('.dba-widget').length,
      main: document.querySelectorAll('main').length,
      header: document.querySelectorAll('header, .nhsuk-header').length,
      skipLink: document.querySelectorAll('.nhsuk-skip-link').length,
      styleAttributes: document.querySelectorAll('[style]').length,
      inlineScripts: [...document.scripts].filter((s) => !s.src).length,
    }));
    assert.deepEqual(chrome, { widgets: 1, main: 1, header: 0, skipLink: 0, styleAttributes: 0, inlineScripts: 0 });

    const startHeight = await expectHeightFollows(page, frame, 'start page');
    await checkA11yWithFrame(page, 'the intranet page with the widget’s start page');

    await completeByMouse(frame, PATTERN);
    await expectHeightFollows(page, frame, 'Check your answers');
    await seeResults(frame);
    const resultsHeight = await expectHeightFollows(page, frame, 'results page');
    assert.notEqual(resultsHeight, startHeight, 'the iframe height changed with the content');
    assert.ok(resultsHeight > startHeight, `results (${resultsHeight}px) are taller than the start page (${startHeight}px)`);
    assert.equal((await readResults(frame)).overall, 'Siloed');

    // "See your results" is at the bottom of a long page; the results
    // heading, at the top of the frame, was scrolled back into view.
    await expectHeadingInView(page, frame, 'results page');
    const received = await page.evaluate(() => window.__messages);
    assert.ok(received.includes('digital-board-assessment:focus'), `the host heard about focus moves: ${received}`);
    assert.equal(await page.title(), hostTitle, 'the host page keeps its title');

    // Only messages from the widget's own frame and origin are obeyed.
    await page.evaluate((type) => window.postMessage({ type, height: 5000 }, '*'), HEIGHT);
    await page.evaluate(() => {
      const decoy = document.createElement('iframe');
      decoy.id = 'decoy';
      decoy.title = 'Decoy';
      document.body.append(decoy);
    });
    const decoy = await (await page.locator('#decoy').elementHandle()).contentFrame();
    await decoy.evaluate((type) => window.parent.postMessage({ type, height: 5000 }, '*'), HEIGHT);
    // Marked as ours, but its origin is not its src's (about:blank: none).
    await page.locator('#decoy').evaluate((el) => el.setAttribute('data-digital-board-assessment', ''));
    await decoy.evaluate((type) => window.parent.postMessage({ type, height: 5000 }, '*'), HEIGHT);
    // From the widget's frame, but not a height the host accepts.
    for (const height of [50, 20001, Infinity, NaN, '5000', null]) {
      await frame.evaluate(([type, h]) => window.parent.postMessage({ type, height: h }, '*'), [HEIGHT, height]);
    }
    await frame.evaluate(() => window.parent.postMessage({ type: 'digital-board-assessment:height' }, '*'));
    await frame.evaluate(() => window.parent.postMessage('digital-board-assessment:height', '*'));
    await handled(page, toItself(page), toParent(decoy), toParent(frame));
    assert.equal(await iframeHeight(page), resultsHeight, 'forged and malformed messages change nothing');
    assert.equal(await page.locator('#decoy').evaluate((el) => el.style.height), '', 'the decoy was not resized');
    await page.locator('#decoy').evaluate((el) => el.remove());

    // The frame's own well-formed message is obeyed; asking again ("hello")
    // brings the real height back.
    await frame.evaluate((type) => window.parent.postMessage({ type, height: 4321 }, '*'), HEIGHT);
    await handled(page, toParent(frame));
    assert.equal(await iframeHeight(page), 4321, 'a valid message from the frame is obeyed');
    await page.evaluate((selector) => {
      const iframe = document.querySelector(selector);
      iframe.contentWindow.postMessage({ type: 'digital-board-assessment:hello' }, new URL(iframe.src).origin);
    }, IFRAME);
    assert.equal(await expectHeightFollows(page, frame, 'after hello'), resultsHeight);

    // A focus message scrolls the host page only when that point of the
    // frame is out of view. (Chromium itself scrolls the page when the
    // widget focuses its heading; the message is for browsers that do not.)
    const frameTop = () => page.locator(IFRAME).evaluate((el) => el.getBoundingClientRect().top + el.clientTop);
    const postFocus = (top) =>
      frame.evaluate((t) => window.parent.postMessage({ type: 'digital-board-assessment:focus', top: t }, '*'), top);
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const scrolledTo = await page.evaluate(() => window.scrollY);
    assert.ok((await frameTop()) < -200, 'the top of the frame is out of view');
    await postFocus(resultsHeight - 200);
    await handled(page, toParent(frame));
    assert.equal(await page.evaluate(() => window.scrollY), scrolledTo, 'a point already in view: no scrolling');
    await postFocus(0);
    await handled(page, toParent(frame));
    assert.ok(Math.abs((await frameTop()) - 16) <= 1, `scrolled to 16 px above the frame's top: ${await frameTop()}`);
    await page.evaluate(() => window.postMessage({ type: 'digital-board-assessment:focus', top: 2000 }, '*'));
    await handled(page, toItself(page));
    assert.ok(Math.abs((await frameTop()) - 16) <= 1, 'a focus message from the host page itself is ignored');

    // Copy link: the clipboard is allowed (allow="clipboard-write").
    await frame.getByRole('button', { name: 'Copy link' }).click();
    await frame.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await frame.locator('#dba-share-link').inputValue();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // Downloads are allowed (allow-downloads).
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      frame.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    assert.equal(await download.failure(), null, 'the CSV download worked');
    assert.match(download.suggestedFilename(), /\.csv$/);

    // Print is allowed (allow-modals): without it Chromium ignores print()
    // and logs an error, which assertClean would report.
    await frame.evaluate(() => {
      window.__printed = 0;
      window.addEventListener('beforeprint', () => window.__printed++);
    });
    await frame.getByRole('button', { name: 'Print' }).click();
    await frame.waitForFunction(() => window.__printed === 1);

    // Links to the source open in a new tab (allow-popups), not inside the
    // frame. The click is stopped here, after embed-frame.js has seen it,
    // so no tab opens and nothing leaves loopback.
    await frame.evaluate(() => {
      window.addEventListener('click', (event) => {
        const link = event.target.closest('a');
        window.__followed = link && { target: link.target, rel: link.rel, prevented: event.defaultPrevented };
        event.preventDefault();
      });
    });
    await frame.getByRole('link', { name: 'Building a digital strategy', exact: true }).click();
    const followed = await frame.evaluate(() => window.__followed);
    assert.equal(followed.target, '_blank', 'the source link opens in a new tab');
    assert.match(followed.rel, /\bnoopener\b/);
    // Leave the link: axe would read its hover and focus styles (no
    // underline) as a link told apart by colour alone.
    await frame.evaluate(() => document.activeElement?.blur());
    await page.mouse.move(0, 0);

    await expectNoViolations(page, frame);
    await checkA11yWithFrame(page, 'the intranet page with the widget’s results');

    // Autosave works in the sandbox (allow-same-origin): after a reload the
    // widget offers the saved answers.
    assert.deepEqual(await frame.evaluate(() => Object.keys(localStorage)), [STORAGE_KEY]);
    await page.reload();
    frame = await widgetFrame(page);
    await frame.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    await frame.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(frame, 'Check your answers');
    await expectHeightFollows(page, frame, 'Check your answers after a reload');
    await expectHeadingInView(page, frame, 'Check your answers after a reload');
    await expectNoViolations(page, frame);

    // The share link made in the frame points at the intranet page (the
    // host script gave the frame its address). Pasted into the address bar
    // of the open page, it shows the shared results in the frame.
    assert.ok(link.startsWith(`${new URL('/examples/iframe.html', BASE_URL).href}#r=`), `the share link: ${link}`);
    await page.goto(link);
    await waitForHeading(frame, 'Shared results', { focused: false });
    assert.equal(page.url(), link);
    await expectNoViolations(page, frame);

    // The one message allowed: Chromium's note on the same-origin sandbox.
    const warnings = takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    assert.ok(warnings.length >= 1, 'Chromium warns about a same-origin sandboxed iframe');
    await assertClean(page);
  });
});

test('iframe embed at 320 px wide: height follows, nothing scrolls sideways', async () => {
  const options = { path: '/examples/iframe.html', heading: false, initScript: watchDocument, viewport: { width: 320, height: 640 } };
  await withWidget(browser, options, async (page) => {
    const frame = await widgetFrame(page);
    const wide = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const startHeight = await expectHeightFollows(page, frame, 'start page at 320 px');
    assert.equal(await wide(), 0, 'nothing wider than the frame');
    await frame.getByRole('button', { name: 'Start now' }).click();
    await waitForHeading(frame, QUESTIONS[0].text);
    const questionHeight = await expectHeightFollows(page, frame, 'question 1 at 320 px');
    assert.notEqual(questionHeight, startHeight);
    assert.equal(await wide(), 0, 'nothing wider than the frame');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'the host page does not scroll sideways');
    await expectHeadingInView(page, frame, 'question 1 at 320 px');
    await expectNoViolations(page, frame);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });
});

test('iframe embed on a page whose CSS gives iframes a border and padding: the frame stays in its column and fits its content', async () => {
  await withWidget(browser, { path: '/', initScript: watchDocument }, async (page, context) => {
    // The example page with a plain intranet theme instead of the widget's
    // stylesheet (which makes every box border-box): a rule of the kind
    // themes ship, more specific than the host script's zero-specificity
    // defaults, and nothing about box-sizing.
    await context.route('**/examples/iframe.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('href="../widget.css"', 'href="host-theme.css"');
      await route.fulfill({ response, body });
    });
    await context.route('**/examples/host-theme.css', (route) =>
      route.fulfill({
        contentType: 'text/css',
        body: 'main { max-width: 640px; margin: 0 auto; padding: 0 16px } iframe { border: 5px solid green; padding: 4px }',
      }),
    );
    await page.goto(new URL('/examples/iframe.html', BASE_URL).href);
    const frame = await widgetFrame(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('main')).boxSizing), 'content-box', 'the page itself uses content-box');
    const edges = () =>
      page.locator(IFRAME).evaluate((iframe) => {
        const column = iframe.parentElement;
        const style = getComputedStyle(column);
        const box = column.getBoundingClientRect();
        return {
          frameLeft: iframe.getBoundingClientRect().left,
          frameRight: iframe.getBoundingClientRect().right,
          columnLeft: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
          columnRight: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
          border: getComputedStyle(iframe).borderRightWidth,
          pageOverflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
    // The frame's viewport against its content, once the height has settled
    // (asserted below, with the numbers, if it does not).
    const fits = async () => {
      await frame
        .waitForFunction(() => Math.abs(innerHeight - document.documentElement.scrollHeight) <= 2, null, { timeout: 5000 })
        .catch(() => {});
      return frame.evaluate(() => ({ viewport: innerHeight, content: document.documentElement.scrollHeight }));
    };
    for (const label of ['start page', 'question 1']) {
      if (label === 'question 1') {
        await frame.getByRole('button', { name: 'Start now' }).click();
        await waitForHeading(frame, QUESTIONS[0].text);
      }
      const e = await edges();
      assert.equal(e.border, '5px', `${label}: the page's rule applies`);
      assert.ok(e.frameRight <= e.columnRight + 0.5, `${label}: the frame's right edge stays within its column: ${JSON.stringify(e)}`);
      assert.ok(Math.abs(e.frameLeft - e.columnLeft) <= 0.5, `${label}: the frame starts at the column's left edge: ${JSON.stringify(e)}`);
      assert.equal(e.pageOverflow, 0, `${label}: the page does not scroll sideways`);
      const f = await fits();
      assert.ok(Math.abs(f.viewport - f.content) <= 2, `${label}: the frame's viewport is as tall as its content: ${JSON.stringify(f)}`);
    }
    await expectNoViolations(page, frame);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });
});

test('iframe embed on another origin: the host page’s CSP allows the widget, origins are checked, no sandbox warning', async () => {
  // The intranet at one origin, the widget at another: localhost and
  // 127.0.0.1 are different origins on the same (loopback) server.
  const widgetOrigin = new URL(BASE_URL).origin;
  const hostUrl = new URL(BASE_URL);
  hostUrl.hostname = hostUrl.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const hostOrigin = hostUrl.origin;
  // What an intranet with a strict CSP of its own adds for the widget.
  const hostCsp =
    `default-src 'self'; script-src 'self' ${widgetOrigin}; frame-src ${widgetOrigin}; ` +
    "style-src 'self'; img-src 'self' data:; base-uri 'none'; frame-ancestors 'self'";

  await withWidget(browser, { path: '/', initScript: watchDocument }, async (page, context) => {
    // The host page below is made by the test (route.fulfill), so Chromium
    // cannot tell it came from loopback and treats it as a public page;
    // loading the snippet from the widget's (loopback) server then needs
    // Local Network Access, which a real intranet page on the trust's own
    // network would not.
    await context.grantPermissions(['local-network-access', 'clipboard-read', 'clipboard-write'], { origin: hostOrigin });
    await context.grantPermissions(['clipboard-write'], { origin: widgetOrigin });
    // The host page, with the snippet pointing at the widget's server.
    await context.route(`${hostOrigin}/examples/iframe.html`, async (route) => {
      const response = await route.fetch();
      const body = (await response.text())
        .replace('src="../embed.html"', `src="${widgetOrigin}/embed.html"`)
        .replace('src="../embed-host.js"', `src="${widgetOrigin}/embed-host.js"`);
      await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': hostCsp } });
    });
    // The bundled server only lets its own origin frame the widget
    // (frame-ancestors 'self'); a deployment lists the intranet's origin.
    await context.route(`${widgetOrigin}/embed.html`, async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      if (!csp.includes(hostOrigin)) {
        headers['content-security-policy'] = csp.replace("frame-ancestors 'self'", `frame-ancestors 'self' ${hostOrigin}`);
      }
      await route.fulfill({ response, headers });
    });

    await page.goto(`${hostOrigin}/examples/iframe.html`);
    const frame = await widgetFrame(page);
    assert.equal(await frame.evaluate(() => location.origin), widgetOrigin);
    const startHeight = await expectHeightFollows(page, frame, 'start page, cross-origin');

    // A message from the host page itself is ignored.
    await page.evaluate((type) => window.postMessage({ type, height: 5000 }, '*'), HEIGHT);
    await handled(page, toItself(page));
    assert.equal(await iframeHeight(page), startHeight);

    await completeByMouse(frame, PATTERN);
    await seeResults(frame);
    const resultsHeight = await expectHeightFollows(page, frame, 'results page, cross-origin');
    assert.ok(resultsHeight > startHeight);
    await expectHeadingInView(page, frame, 'results page, cross-origin');
    assert.equal(await frame.evaluate(() => Object.keys(localStorage).length), 1, 'autosave works cross-origin');

    // Copy link from a frame on another origin: allowed by allow="clipboard-write"
    // (a same-origin frame would inherit the page's permission anyway).
    await frame.getByRole('button', { name: 'Copy link' }).click();
    await frame.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    const link = await frame.locator('#dba-share-link').inputValue();
    assert.ok(link.startsWith(`${hostOrigin}/examples/iframe.html#r=`), `the share link points at the host page: ${link}`);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    // The frame takes an address only from its parent, and only one on the
    // parent's own origin.
    const linkBase = () => frame.evaluate(() => document.documentElement.dataset.dbaLinkBase);
    assert.equal(await linkBase(), `${hostOrigin}/examples/iframe.html`);
    await page.evaluate(
      ([selector, origin]) =>
        document.querySelector(selector).contentWindow.postMessage(
          { type: 'digital-board-assessment:address', url: 'https://elsewhere.example/page', link: '#r=x' },
          origin,
        ),
      [IFRAME, widgetOrigin],
    );
    await frame.evaluate(() =>
      window.postMessage({ type: 'digital-board-assessment:address', url: `${location.origin}/elsewhere`, link: '#r=x' }, '*'),
    );
    await handled(frame, toWidgetFrame(page), toItself(frame));
    assert.equal(await linkBase(), `${hostOrigin}/examples/iframe.html`, 'forged addresses change nothing');
    assert.equal(await frame.evaluate(() => location.hash), '', 'and open nothing');
    await expectNoViolations(page, frame);

    // The link opens the host page, with the shared results in its frame.
    await page.goto('about:blank');
    await page.goto(link);
    const shared = await frameOf(page);
    await waitForHeading(shared, 'Shared results', { focused: false });
    assert.equal(await shared.evaluate(() => location.origin), widgetOrigin);
    assert.equal(page.url(), link);
    await expectNoViolations(page, shared);
    assert.deepEqual(takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING), [], 'no sandbox warning across origins');
    await assertClean(page);
  });
});

test('iframe embed: share links point at the host page, which opens them in its frame and forgets them once left', async () => {
  // The intranet page's address, with a query and a fragment of its own.
  const hostUrl = new URL('/examples/iframe.html?from=news', BASE_URL).href;
  let link;
  await withWidget(browser, { path: '/examples/iframe.html?from=news#maincontent', heading: false, initScript: watchDocument }, async (page) => {
    const frame = await widgetFrame(page);
    await completeByMouse(frame, PATTERN);
    await seeResults(frame);
    link = await frame.locator('#dba-share-link').inputValue();
    assert.ok(link.startsWith(`${hostUrl}#r=`), `the share link is the host page’s address (without its fragment) and #r=: ${link}`);
    assert.equal(page.url(), `${hostUrl}#maincontent`, 'the host page’s address is unchanged');
    assert.equal(await frame.evaluate(() => location.hash), '');
    await expectNoViolations(page, frame);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });

  // A colleague opens the link: the intranet page, the shared results in its frame.
  await withWidget(browser, { path: link, heading: false, initScript: watchDocument }, async (page) => {
    const frame = await frameOf(page);
    await waitForHeading(frame, 'Shared results', { focused: false });
    assert.equal((await readResults(frame)).overall, 'Siloed');
    assert.equal(page.url(), link, 'the link stays in the host page’s address while its results are shown');
    await expectHeightFollows(page, frame, 'shared results');

    // Leaving the shared results takes the link off the host page's address
    // too (no history entry), so a reload does not open them again.
    const entries = await page.evaluate(() => history.length);
    await frame.getByRole('button', { name: 'Start your own assessment' }).click();
    await page.waitForFunction(() => location.hash === '');
    assert.equal(page.url(), hostUrl, 'only the link left the host page’s address');
    assert.equal(await page.evaluate(() => history.length), entries, 'no history entry');
    await page.reload();
    const reloaded = await widgetFrame(page);
    assert.equal(await reloaded.getByRole('heading', { name: 'Shared results' }).count(), 0);
    await expectNoViolations(page, reloaded);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });

  // The same link as a mail client may leave it ("#R%3D…"): the host page
  // still hands it to its frame, which opens the shared results.
  const mangled = link.replace('#r=', '#R%3D');
  await withWidget(browser, { path: mangled, heading: false, initScript: watchDocument }, async (page) => {
    const frame = await frameOf(page);
    await waitForHeading(frame, 'Shared results', { focused: false });
    assert.equal((await readResults(frame)).overall, 'Siloed');
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });

  // A compare link (#c=) in the host page's address opens the compare view
  // in the frame (this one is damaged, which the compare view says).
  await withWidget(browser, { path: '/examples/iframe.html#c=garbage', heading: false, initScript: watchDocument }, async (page) => {
    const frame = await frameOf(page);
    await waitForHeading(frame, 'This compare link does not work', { focused: false });
    assert.equal(page.url(), new URL('/examples/iframe.html#c=garbage', BASE_URL).href);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });
});

test('iframe embed without the host snippet: the size its attributes give, the frame scrolls, links open embed.html; the snippet added late takes over', async () => {
  await withWidget(browser, { path: '/', initScript: watchDocument }, async (page, context) => {
    await context.route('**/examples/iframe.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<script src="../embed-host.js"></script>', '');
      await route.fulfill({ response, body });
    });
    await page.goto(new URL('/examples/iframe.html', BASE_URL).href);
    const frame = await widgetFrame(page);
    // The frame has sent its first height (to nobody: nothing here answers).
    await page.waitForFunction((type) => window.__messages.includes(type), HEIGHT);
    const start = await measure(page, frame);
    assert.equal(start.iframe.styleHeight, '', 'nobody set a height');
    assert.equal(await page.locator(IFRAME).evaluate((el) => el.getBoundingClientRect().height), 1100, 'the height attribute applies');
    const columnWidth = await page.locator('main').evaluate((main) => main.clientWidth - parseFloat(getComputedStyle(main).paddingLeft) - parseFloat(getComputedStyle(main).paddingRight));
    const frameWidth = await page.locator(IFRAME).evaluate((el) => el.getBoundingClientRect().width);
    assert.ok(Math.abs(frameWidth - columnWidth) <= 1, `width="100%" fills the column: ${frameWidth} of ${columnWidth}px`);
    assert.equal(start.inside.embedded, false, 'the frame keeps its own scrollbar');
    assert.notEqual(start.inside.overflowY, 'hidden');
    await completeByMouse(frame, PATTERN);
    await seeResults(frame);
    const { inside } = await measure(page, frame);
    assert.ok(inside.scrollHeight > inside.clientHeight, 'the results are taller than the frame: it scrolls');

    // Share links point at embed.html, which opens them on its own.
    const link = await frame.locator('#dba-share-link').inputValue();
    assert.ok(link.startsWith(new URL('/embed.html#r=', BASE_URL).href), `the share link: ${link}`);
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.dbaLinkBase), undefined);

    // The host script added late (after the frame sent its first height to
    // nobody) asks for the height and the iframe follows from then on.
    const heard = await page.evaluate(() => window.__messages);
    assert.ok(heard.includes(HEIGHT), `the frame sent its height to nobody: ${heard}`);
    assert.deepEqual(await frame.evaluate(() => window.__messages), [], 'nothing has answered the frame');
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.src = '../embed-host.js';
      document.body.append(script);
    });
    await expectHeightFollows(page, frame, 'results, host script added late');
    // And gives the frame its address for links made from then on.
    await frame.waitForFunction((url) => document.documentElement.dataset.dbaLinkBase === url, new URL('/examples/iframe.html', BASE_URL).href);
    await expectNoViolations(page, frame);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });
});

test('embed.html opened on its own (not in a frame) works and posts nothing', async () => {
  await withWidget(browser, { path: '/embed.html', initScript: watchDocument }, async (page) => {
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('dba-embedded')), false);
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.documentElement).overflowY), 'hidden');
    assert.deepEqual(await page.evaluate(() => window.__messages), []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertClean(page);
  });
});

// Phones' screens: an iPhone 12–15 and a small one.
for (const [width, height] of [[390, 844], [320, 568]]) {
  test(`iframe embed on a ${width} × ${height} px phone: after Continue the new page’s top (Back link, "Question 2 of 13") is in view`, async () => {
    // Chromium's mobile emulation scrolls a focused heading to the top of
    // the screen, as phones do.
    const viewport = { width, height };
    const contextOptions = { isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
    const options = { path: '/examples/iframe.html', heading: false, initScript: watchDocument, viewport, contextOptions };
    await withWidget(browser, options, async (page) => {
      const frame = await widgetFrame(page);
      await frame.getByRole('button', { name: 'Start now' }).click();
      await waitForHeading(frame, QUESTIONS[0].text);
      // Continue is at the foot of a long page: the reader scrolls down to
      // it, and the top of the page goes above the screen.
      await expectHeightFollows(page, frame, `question 1 at ${width} px`);
      await frame.getByLabel('Don’t know', { exact: true }).check();
      await frame.getByRole('button', { name: 'Continue' }).scrollIntoViewIfNeeded();
      const above = await frame.locator('.nhsuk-back-link').boundingBox();
      assert.ok(above.y + above.height < 0, `the Back link is above the top: ${JSON.stringify(above)}`);
      const focusMessages = () => page.evaluate(() => window.__messages.filter((type) => type.endsWith(':focus')).length);
      const before = await focusMessages();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await waitForHeading(frame, QUESTIONS[1].text);
      // The host has heard where focus went, and acted on it.
      await page.waitForFunction((n) => window.__messages.filter((type) => type.endsWith(':focus')).length > n, before);
      await handled(page, toParent(frame));
      await nextFrame(frame);
      for (const [label, locator] of [
        ['the caption', frame.locator('.dba-progress', { hasText: 'Question 2 of 13' })],
        ['the Back link', frame.getByRole('link', { name: 'Back', exact: true })],
        ['the heading', frame.locator('#dba-heading')],
      ]) {
        const box = await locator.boundingBox();
        assert.ok(box, `${label} is shown`);
        // Playwright gives frame boxes in the host page's viewport.
        assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `${label} is in view at ${width} px: ${JSON.stringify(box)}`);
      }
      await expectNoViolations(page, frame);
      takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
      await assertClean(page);
      await checkA11yWithFrame(page, `question 2 in the iframe at ${width} px`);
    });
  });
}
