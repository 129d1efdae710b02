// The custom element <digital-board-assessment>: one script tag, an open
// shadow root, styles that neither leak in nor out, and a full assessment
// on an ordinary intranet page and on a hostile one, under the strict CSP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { ANSWER, BASE_URL, QUESTIONS, assertClean, checkA11y, launchBrowser, takeConsoleMessages, withWidget } from './support.mjs';

const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

// Aggressive global CSS of the kind intranet themes ship.
const HOSTILE_CSS = `
* { font: 30px serif !important; color: #f0f !important; }
button { display: none !important; }
div, p, h1, h2, label, input { margin: 40px !important; border: 3px dashed red !important; }
input[type=radio] { appearance: none !important; width: 0 !important; }
svg { display: none !important; }
`;

const HOSTILE_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Hostile intranet page</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="hostile.css">
<script type="module" src="../element.js"></script>
</head><body>
<main><h1>Trust intranet</h1>
<button class="nhsuk-button" id="host-button" type="button">The host page's own button</button>
<digital-board-assessment organisation="RXX"></digital-board-assessment>
</main></body></html>`;

// Records CSP violations in every document, from before any script runs.
// axe itself injects a <style> when it walks a shadow root, which the strict
// CSP reports; so each test checks violations and the console first and
// runs axe last.
function watchViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
  });
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const widget = (page) => page.locator('digital-board-assessment');

/** The id of the element focused inside the widget's shadow root. */
const focusedInWidget = (page) =>
  page.evaluate(() => document.querySelector('digital-board-assessment').shadowRoot.activeElement?.id ?? null);

async function waitForWidgetHeading(page, text) {
  await widget(page).locator('h1#dba-heading', { hasText: text }).waitFor();
}

/**
 * The id of the element focused inside the widget once it is `id`, or, if
 * focus has not got there within a second, wherever it is then. Focus moves
 * just after the new page is painted, so a frame after the heading shows.
 */
async function focusInWidgetSettlesOn(page, id) {
  await page
    .waitForFunction(
      (expected) => document.querySelector('digital-board-assessment').shadowRoot.activeElement?.id === expected,
      id,
      { timeout: 1000 },
    )
    .catch(() => {});
  return focusedInWidget(page);
}

/** A whole assessment by mouse inside the shadow root; returns the stage shown. */
async function completeInElement(page, pattern) {
  await widget(page).getByRole('button', { name: 'Start now' }).click();
  for (const [i, code] of [...pattern].entries()) {
    const question = QUESTIONS[i];
    await waitForWidgetHeading(page, question.text);
    assert.equal(await focusInWidgetSettlesOn(page, 'dba-heading'), 'dba-heading', `focus on the heading of question ${i + 1}`);
    await widget(page).getByLabel(ANSWER[code].descriptor(question), { exact: true }).check();
    await widget(page).getByRole('button', { name: 'Continue' }).click();
  }
  await waitForWidgetHeading(page, 'Check your answers');
  await widget(page).getByRole('button', { name: 'See your results' }).click();
  await waitForWidgetHeading(page, 'Your results');
  return (await widget(page).locator('.dba-overall strong.nhsuk-tag').textContent()).trim();
}

// Grid E E E -> Embedded; the rest mostly Siloed: 6 + 10 = 16 of 26 -> 1.23 -> Siloed.
const PATTERN = 'EEE' + 'SSSSSSSSSS';

test('custom element on an intranet page: full assessment, focus and the host title left alone', async () => {
  await withWidget(browser, { path: '/examples/element.html', heading: false, initScript: watchViolations }, async (page) => {
    const hostTitle = await page.title();
    await widget(page).getByRole('heading', { name: 'Digital strategy board self-assessment' }).waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('digital-board-assessment').shadowRoot?.mode), 'open');

    // Our stylesheet does not leak out: the host's own text keeps the browser's defaults.
    const hostFont = await page.evaluate(() => getComputedStyle(document.querySelector('main > p')).fontFamily);
    assert.doesNotMatch(hostFont, /arial/i, 'the host page is not restyled by the widget');

    assert.equal(await completeInElement(page, PATTERN), 'Siloed');
    assert.equal(await page.title(), hostTitle, 'the widget leaves the host page title alone');
    // The organisation attribute reaches the share panel.
    assert.equal(await widget(page).locator('#dba-organisation').inputValue(), 'Example NHS Foundation Trust');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertClean(page);
    await checkA11y(page, 'custom element results page');
  });
});

test('custom element start page passes axe', async () => {
  await withWidget(browser, { path: '/examples/element.html', heading: false, initScript: watchViolations }, async (page) => {
    await widget(page).getByRole('button', { name: 'Start now' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertClean(page);
    await checkA11y(page, 'custom element start page');
  });
});

test('custom element on a hostile page: host CSS does not leak in and it still works', async () => {
  const options = { path: '/examples/hostile-host.html', heading: false, initScript: watchViolations };
  await withWidget(browser, { ...options, path: '/' }, async (page, context) => {
    await context.route('**/examples/hostile-host.html', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body: HOSTILE_PAGE }),
    );
    await context.route('**/examples/hostile.css', (route) =>
      route.fulfill({ contentType: 'text/css', headers: { 'content-security-policy': CSP }, body: HOSTILE_CSS }),
    );
    await page.goto(new URL('/examples/hostile-host.html', page.url()).href);
    await widget(page).getByRole('heading', { name: 'Digital strategy board self-assessment' }).waitFor();

    // The host's rules hit the host's own button...
    assert.equal(await page.locator('#host-button').isVisible(), false);
    // ...but not the widget's.
    const start = widget(page).getByRole('button', { name: 'Start now' });
    assert.equal(await start.isVisible(), true, '`button { display: none }` must not reach the widget');
    const style = await start.evaluate((button) => {
      const s = getComputedStyle(button);
      return { family: s.fontFamily, color: s.color, border: s.borderTopStyle };
    });
    assert.match(style.family, /arial/i);
    assert.notEqual(style.color, 'rgb(255, 0, 255)');
    assert.notEqual(style.border, 'dashed');

    assert.equal(await completeInElement(page, PATTERN), 'Siloed');
    assert.equal(await widget(page).locator('svg.dba-chart__svg').isVisible(), true, 'the chart is drawn');
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertClean(page);
    await checkA11y(page, 'custom element on a hostile page, results');
  });
});

/**
 * A static server for element.js alone that sends no
 * Access-Control-Allow-Origin, as IIS and Apache do unless told to.
 * (A Playwright route cannot stand in for it: Playwright adds that header
 * to cross-origin responses it fulfils.)
 */
async function serverWithoutCors() {
  const script = await readFile(new URL('../../www/element.js', import.meta.url));
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
    response.end(script);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('fallback content inside the element: shown when element.js cannot load, hidden once the widget starts', async () => {
  // The intranet on one origin, the widget on another (localhost and
  // 127.0.0.1 are different origins on the same loopback server), as on a
  // trust's CMS. Module scripts are fetched in CORS mode, so the widget's
  // server must send Access-Control-Allow-Origin; the bundled one does.
  const widgetOrigin = new URL(BASE_URL).origin;
  const hostUrl = new URL('/intranet/board-session.html', BASE_URL);
  hostUrl.hostname = hostUrl.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
  const FALLBACK = 'Open the digital strategy self-assessment';
  const hostPage = (scriptOrigin) => `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Board development session</title>
<link rel="icon" href="data:,">
<script type="module" src="${scriptOrigin}/element.js"></script>
</head><body><main><h1>Board development session</h1>
<digital-board-assessment organisation="RXX"><a href="${widgetOrigin}/index.html">${FALLBACK}</a></digital-board-assessment>
</main></body></html>`;

  const noCors = await serverWithoutCors();
  try {
    await withWidget(browser, { path: '/', initScript: watchViolations }, async (page, context) => {
      // The page is made by the test, so Chromium treats it as public and
      // asks for Local Network Access to reach the loopback servers.
      await context.grantPermissions(['local-network-access'], { origin: hostUrl.origin });
      let scriptOrigin = noCors.origin;
      await context.route(hostUrl.href, (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(scriptOrigin) }),
      );
      const fallback = page.getByRole('link', { name: FALLBACK });

      // The script is refused, the element is never defined, and its
      // light-DOM content shows.
      const refused = new Promise((resolve) =>
        page.on('requestfailed', (request) => request.url().startsWith(noCors.origin) && resolve()),
      );
      // The browser's message about it (asserted on below, so no failure here).
      const blamed = page
        .waitForEvent('console', { predicate: (message) => message.text().includes('Access-Control-Allow-Origin'), timeout: 5000 })
        .catch(() => {});
      await page.goto(hostUrl.href);
      await refused;
      await blamed;
      assert.equal(await page.evaluate(() => customElements.get('digital-board-assessment')), undefined, 'the element was never defined');
      assert.equal(await fallback.isVisible(), true, 'the fallback link shows');
      assert.equal(await fallback.getAttribute('href'), `${widgetOrigin}/index.html`);
      const logged = takeConsoleMessages(page, /Access-Control-Allow-Origin|element\.js/);
      assert.ok(logged.some((line) => line.includes('Access-Control-Allow-Origin')), `the browser blamed the missing header: ${logged}`);
      await assertClean(page);

      // From the bundled server, which sends the header: the widget starts
      // and the link, still in the page, is not rendered (the shadow root
      // has no slot for it).
      scriptOrigin = widgetOrigin;
      await page.reload();
      await widget(page).getByRole('button', { name: 'Start now' }).waitFor();
      assert.equal(await page.locator('digital-board-assessment > a').count(), 1, 'the link is still in the light DOM');
      assert.equal(await page.locator('digital-board-assessment > a').isVisible(), false, 'the fallback link is hidden once the widget starts');
      assert.equal(await fallback.count(), 0, 'nor is it in the accessibility tree');
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await assertClean(page);
    });
  } finally {
    await noCors.close();
  }
});

// A CMS theme's `html { font-size: 62.5% }` (1rem = 10px) must not reach the
// widget: NHS.UK frontend sizes in rem, and element.js makes every rem px of
// the user's default size in the element's copy of the stylesheet.
const SMALL_ROOT_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet page with a 62.5% root</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="small-root.css">
<script type="module" src="../element.js"></script>
</head><body>
<main><h1>Trust intranet</h1><p id="host-text">The page’s own text.</p>
<digital-board-assessment organisation="RXX"></digital-board-assessment>
</main></body></html>`;

/**
 * Computed sizes on the start page: the heading, the lead paragraph, a
 * plain paragraph, a list item and the Start now button (font size, line
 * height and the spacing around them), in the page or in the element.
 */
function startPageSizes(inElement) {
  const root = inElement ? document.querySelector('digital-board-assessment').shadowRoot : document;
  const page = root.querySelector('.dba-page--start');
  const measure = (element) => {
    const style = getComputedStyle(element);
    return [style.fontSize, style.lineHeight, style.marginBottom, style.paddingTop, style.paddingLeft].join(' ');
  };
  return {
    h1: measure(page.querySelector('h1')),
    lead: measure(page.querySelector('p.nhsuk-body-l')),
    body: measure(page.querySelector('p:not([class])')),
    listItem: measure(page.querySelector('li')),
    button: measure(page.querySelector('button.nhsuk-button')),
    insetText: measure(page.querySelector('.nhsuk-inset-text')),
  };
}

for (const width of [320, 390, 1280]) {
  test(`custom element at ${width} px: text and spacing as on the widget’s own page, on a page with html { font-size: 62.5% } and on a plain one`, async () => {
    const viewport = { width, height: 900 };
    let standalone;
    await withWidget(browser, { viewport }, async (page) => {
      standalone = await page.evaluate(startPageSizes, false);
      await assertClean(page);
    });
    // Arial body text on the widget's own page: 16 px on a phone, 19 px from 641 px.
    assert.equal(standalone.body.split(' ')[0], width > 640 ? '19px' : '16px', JSON.stringify(standalone));

    await withWidget(browser, { path: '/', viewport, initScript: watchViolations }, async (page, context) => {
      let rootSize = '62.5%';
      await context.route('**/examples/small-root.html', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': CSP }, body: SMALL_ROOT_PAGE }),
      );
      await context.route('**/examples/small-root.css', (route) =>
        route.fulfill({ contentType: 'text/css', body: `html { font-size: ${rootSize} } body { font-size: 1.4rem }` }),
      );
      for (const size of ['100%', '62.5%']) {
        rootSize = size;
        await page.goto(new URL('/examples/small-root.html', BASE_URL).href);
        await widget(page).getByRole('button', { name: 'Start now' }).waitFor();
        const hostRem = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
        assert.equal(hostRem, size === '62.5%' ? '10px' : '16px', 'the host page’s root size applies to the host page');
        assert.deepEqual(await page.evaluate(startPageSizes, true), standalone, `root font size ${size}: the same sizes as the widget’s own page`);
      }
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await assertClean(page);
      await checkA11y(page, `custom element at ${width} px on a page with a 62.5% root`);
    });
  });
}
