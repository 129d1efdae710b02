// The start page in the HTML itself (issue 17): index.html and embed.html
// carry the assessment's start page, rendered at build time from the
// widget's own component (examples/prerender.rs, .ci/pages.mjs), so it shows
// while the wasm arrives; www/start.js swaps in the live widget once it has
// drawn its first screen, laid out the same (no layout shift). A click on
// "Start now" before then is held (www/boot.js) and made on the live page;
// a page whose wasm cannot run keeps the start page under its message;
// share links and saved answers open their own screens without the start
// page ever being painted. And the content-hashed names the pages refer to.
//
// The wasm is held back by routing its request until the test lets it go:
// what happens "before the wasm is ready" is then certain, not a race.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  QUESTIONS,
  TITLE,
  assertClean,
  launchBrowser,
  openWidget,
  waitForHeading,
  withWidget,
} from './support.mjs';
import { makeLink } from './links.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PRERENDERED = '[data-dba-prerendered]';
const WASM = /\/pkg\/[\w]+_bg\.[0-9a-f]{10,}\.wasm$/;

/** Holds every wasm request of `context` until `release()` (or `abort()`). */
async function holdWasm(context) {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  await context.route(WASM, async (route) => {
    if ((await released) === 'abort') await route.abort();
    else await route.continue();
  });
  return { release: () => release('continue'), abort: () => release('abort') };
}

/**
 * Runs in the page before anything else: notes, in each animation frame,
 * whether the prerendered start page has a layout box (window.__prerenderPainted),
 * and sums the layout shifts (window.__cls).
 */
function watchPage() {
  window.__prerenderPainted = false;
  window.__cls = 0;
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__cls += entry.value;
      window.__shifts.push(entry.sources?.map((s) => s.node?.nodeName ?? '?').join(',') ?? '');
    }
  }).observe({ type: 'layout-shift', buffered: true });
  const look = () => {
    const page = document.querySelector('[data-dba-prerendered]');
    if (page && page.getClientRects().length > 0) window.__prerenderPainted = true;
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

/** Opens `path` with the wasm held; the start page from the HTML is what shows. */
async function openHeld(path, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  await context.addInitScript(watchPage);
  const hold = await holdWasm(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(new URL(path, BASE_URL).href, { waitUntil: options.waitUntil ?? 'domcontentloaded' });
  return { context, page, hold, errors };
}

/** The position and size of `locator`'s box, rounded to 1/100 px. */
const box = async (locator) => {
  const { x, y, width, height } = await locator.boundingBox();
  return [x, y, width, height].map((n) => Math.round(n * 100) / 100);
};

test('the pages carry the start page and refer to content-hashed files that are served', async () => {
  for (const path of ['/', '/embed.html']) {
    const response = await fetch(new URL(path, BASE_URL));
    assert.equal(response.status, 200, path);
    const html = await response.text();
    assert.match(html, /<div class="dba-view" data-dba-prerendered data-dba-loading="Loading…"><div class="dba-app"><div class="dba-page dba-page--start">/, path);
    assert.match(html, new RegExp(`<h1 id="dba-heading" tabindex="-1">${TITLE}</h1>`), path);
    assert.match(html, /<button type="button" class="nhsuk-button">Start now<\/button>/, path);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: no inline script`);
    assert.doesNotMatch(html, / style=/, `${path}: no style attribute`);
    const refs = [...html.matchAll(/\b(?:src|href)="([^":#]+\.(?:js|css|wasm))"/g)].map(([, ref]) => ref);
    assert.ok(refs.length >= 6, `${path} refers to its files: ${refs}`);
    for (const ref of refs) {
      assert.match(ref, /\.[0-9a-f]{10,}\.(js|css|wasm)$/, `${path}: ${ref} has a content-hashed name`);
      const file = await fetch(new URL(ref, new URL(path, BASE_URL)));
      assert.equal(file.status, 200, `${path}: ${ref} is served`);
    }
  }
  // element.js keeps its name (host pages use it) and refers to hashed files.
  const element = await (await fetch(new URL('/element.js', BASE_URL))).text();
  const imports = [...element.matchAll(/["'](\.\/[\w./-]+\.(?:js|css)|widget[\w.]*\.css)["']/g)].map(([, ref]) => ref);
  assert.ok(imports.length >= 3, `element.js refers to: ${imports}`);
  for (const ref of imports) assert.match(ref, /\.[0-9a-f]{10,}\.(js|css)$/, `element.js: ${ref}`);
});

for (const path of ['/', '/embed.html']) {
  test(`${path}: the start page shows before the wasm, and the widget takes over in the same place with no layout shift`, async () => {
    const { context, page, hold } = await openHeld(path);
    try {
      const start = page.getByRole('button', { name: 'Start now' });
      await start.waitFor();
      assert.equal(await page.locator(PRERENDERED).count(), 1, 'the start page from the HTML');
      const before = { heading: await box(page.locator('#dba-heading')), button: await box(start) };
      hold.release();
      await page.waitForFunction((selector) => !document.querySelector(selector), PRERENDERED);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const after = { heading: await box(page.locator('#dba-heading')), button: await box(start) };
      assert.deepEqual(after, before, 'the live start page is laid out exactly as the one from the HTML');
      assert.equal(await page.locator('.dba-view').count(), 1, 'one view');
      assert.equal(await page.locator('.dba-view[hidden]').count(), 0, 'the view is shown');
      const { cls, shifts, painted } = await page.evaluate(() => ({
        cls: window.__cls,
        shifts: window.__shifts,
        painted: window.__prerenderPainted,
      }));
      assert.equal(painted, true, 'the start page from the HTML was painted');
      assert.equal(cls, 0, `no layout shift (shifted: ${shifts.join('; ')})`);
      // The live widget: its button works as ever.
      await start.click();
      await waitForHeading(page, QUESTIONS[0].text);
    } finally {
      await context.close();
    }
  });
}

test('"Start now" clicked before the wasm is ready: "Loading…", then question 1 once it is', async () => {
  const { context, page, hold } = await openHeld('/');
  try {
    await page.getByRole('button', { name: 'Start now' }).click();
    // After a moment the button says so (and a status for screen readers).
    await page.getByRole('button', { name: 'Loading…' }).waitFor();
    assert.equal(await page.getByRole('status').filter({ hasText: 'Loading…' }).count(), 1);
    assert.equal(await page.locator(PRERENDERED).count(), 1, 'still the start page from the HTML');
    hold.release();
    await waitForHeading(page, QUESTIONS[0].text);
    assert.equal(await page.locator(PRERENDERED).count(), 0);
    // The live start page was recorded first: Back returns to it.
    await page.goBack();
    await waitForHeading(page, TITLE);
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 1);
  } finally {
    await context.close();
  }
});

test('a page whose wasm cannot run keeps the start page, under the clear message', async () => {
  const { context, page, hold } = await openHeld('/');
  try {
    await page.getByRole('button', { name: 'Start now' }).click();
    hold.abort();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'The self-assessment could not start' }).waitFor();
    assert.match(await alert.textContent(), /Reload the page to try again/);
    // The start page is still there to read, after the message, and its
    // button no longer says "Loading…".
    assert.equal(await page.locator(`${PRERENDERED}[data-dba-failed]`).count(), 1);
    assert.ok(await page.locator(PRERENDERED).isVisible());
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 1);
    assert.equal(await page.getByRole('status').count(), 0);
    const order = await page.evaluate(
      (selector) =>
        document.querySelector('[role="alert"]').compareDocumentPosition(document.querySelector(selector)) &
        Node.DOCUMENT_POSITION_FOLLOWING,
      PRERENDERED,
    );
    assert.ok(order, 'the message comes first');
  } finally {
    await context.close();
  }
});

test('a share link and saved answers open their own screens: the start page from the HTML is never painted', async () => {
  const link = makeLink(new URL('/', BASE_URL).href, 'ASEDASEDASEDA');
  {
    const { context, page, hold } = await openHeld(link);
    try {
      // Everything but the wasm has loaded and been laid out.
      await page.waitForFunction(() => document.readyState !== 'loading');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      assert.equal(await page.evaluate(() => window.__prerenderPainted), false, 'not painted while the wasm loads');
      hold.release();
      await waitForHeading(page, 'Shared results', { focused: false });
      assert.equal(await page.evaluate(() => window.__prerenderPainted), false, 'never painted');
      assert.equal(await page.locator(PRERENDERED).count(), 0);
    } finally {
      await context.close();
    }
  }
  // Saved answers: answer question 1, then open the page again.
  await withWidget(browser, { initScript: watchPage }, async (page, context) => {
    await page.getByRole('button', { name: 'Start now' }).click();
    await waitForHeading(page, QUESTIONS[0].text);
    await page.locator('#dba-answer').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, QUESTIONS[1].text);
    const hold = await holdWasm(context);
    await page.goto(new URL('/', BASE_URL).href, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await page.evaluate(() => window.__prerenderPainted), false, 'not painted while the wasm loads');
    hold.release();
    await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    assert.equal(await page.evaluate(() => window.__prerenderPainted), false, 'never painted');
    await assertClean(page);
  });
});

// (Playwright's javaScriptEnabled: false stops scripts, but the parser still
// treats <noscript> as with scripting on, so its message is not checked here.)
test('with no script at all, the start page is there to read', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(new URL('/', BASE_URL).href);
    assert.equal(await page.getByRole('heading', { level: 1, name: TITLE }).count(), 1);
    assert.ok(await page.getByRole('button', { name: 'Start now' }).isVisible());
    assert.ok(await page.getByText('There are 13 questions in 2 sections.').isVisible());
  } finally {
    await context.close();
  }
});

test('the live widget replaced the start page from the HTML, and the page is clean', async () => {
  await withWidget(browser, {}, async (page) => {
    await page.waitForFunction((selector) => !document.querySelector(selector), PRERENDERED);
    assert.equal(await page.locator('#dba-heading').count(), 1, 'one heading with the id');
    await assertClean(page);
  });
});
