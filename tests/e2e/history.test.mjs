// The browser's Back and Forward buttons move between the widget's screens
// (questions, Check your answers, results, the compare view), in the page
// (index.html), inside the iframe (embed.html, whose entries are part of the
// host page's joint session history) and in the custom element, without
// changing the address and without disturbing a host page's own router: its
// entries and state survive, and its popstate handler sees its own route on
// our entries (ours sit under the key "digital-board-assessment").
// www/start.js keeps the entries; the apps ask for them (src/dom.rs).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ANSWER,
  BASE_URL,
  QUESTIONS,
  TITLE,
  activeElement,
  answerByMouse,
  assertClean,
  checkA11y,
  checkedAnswer,
  launchBrowser,
  readResults,
  seeResults,
  startByMouse,
  takeConsoleMessages,
  waitForHeading,
  withWidget,
} from './support.mjs';
import { makeLink } from './links.mjs';

const KEY = 'digital-board-assessment';
const CHECK = 'Check your answers';
const RESULTS = 'Your results';
const COMPARE = 'Compare results';
const BOARD_HEADING = 'Where the board agrees and disagrees';
// Grid E E E -> Embedded; the rest Siloed: 6 + 10 = 16 of 26 -> 1.23 -> Siloed.
const PATTERN = 'EEE' + 'SSSSSSSSSS';
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const SAME_ORIGIN_SANDBOX_WARNING =
  /^warning: An iframe which has both allow-scripts and allow-same-origin for its sandbox attribute can escape its sandboxing\./;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const heading = (n) => QUESTIONS[n - 1].text;

/** Our entry in the current history state ({ view, screen } of widget 0). */
const ourEntry = (context) => context.evaluate((key) => history.state?.[key]?.['0'] ?? null, KEY);

/** Back (or Forward) in the browser, then the heading the widget should show, focused. */
async function back(page, context, text) {
  await page.goBack();
  await waitForHeading(context, text);
}
async function forward(page, context, text) {
  await page.goForward();
  await waitForHeading(context, text);
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

test('page: Back and Forward through questions, Check your answers and results; the address never changes; focus on each heading; axe clean', async () => {
  // The page's own query and fragment stay as they are.
  await withWidget(browser, { path: '/index.html?from=intranet#maincontent' }, async (page) => {
    const address = page.url();
    const entries = await page.evaluate(() => history.length);
    assert.deepEqual(await ourEntry(page), { view: 'assessment', screen: 'start' }, 'the first entry is marked as the start page');
    assert.equal(await page.evaluate(() => history.length), entries, 'no entry at load');

    await startByMouse(page);
    await answerByMouse(page, 1, 'E', { next: heading(2) });
    await answerByMouse(page, 2, 'S', { next: heading(3) });
    assert.equal(await page.evaluate(() => history.length), entries + 3, 'an entry per screen');
    assert.deepEqual(await ourEntry(page), { view: 'assessment', screen: 'question-3' });

    await back(page, page, heading(2));
    assert.equal(await checkedAnswer(page), 'S', 'the answer is still chosen');
    assert.equal(page.url(), address, 'the address is unchanged');
    await checkA11y(page, 'question 2 after Back');
    await back(page, page, heading(1));
    assert.equal(await checkedAnswer(page), 'E');
    await back(page, page, TITLE);
    assert.equal(page.url(), address);
    await forward(page, page, heading(1));
    await forward(page, page, heading(2));
    await forward(page, page, heading(3));
    assert.equal(await page.evaluate(() => history.length), entries + 3, 'Back and Forward add no entries');

    // Keyboard: after Back, Tab from the focused heading reaches the page's
    // first control below it.
    await back(page, page, heading(2));
    // The widget moves focus once the page is painted (a frame, then a task).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).id, ANSWER.S.radioId, 'Tab from the heading reaches the answer chosen');
    await page.keyboard.press('Shift+Tab');
    await forward(page, page, heading(3));

    for (let n = 3; n <= QUESTIONS.length; n++) {
      await answerByMouse(page, n, PATTERN[n - 1], { next: n < QUESTIONS.length ? heading(n + 1) : CHECK });
    }
    await seeResults(page);
    await back(page, page, CHECK);
    await checkA11y(page, 'Check your answers after Back');
    await back(page, page, heading(13));
    assert.equal(await checkedAnswer(page), PATTERN[12]);
    await forward(page, page, CHECK);
    await forward(page, page, RESULTS);
    assert.equal((await readResults(page)).overall, 'Siloed');
    assert.equal(page.url(), address);
    await checkA11y(page, 'results after Forward');

    // A reload shows the start page with the saved answers on offer, as
    // before; Back from there still goes to Check your answers, with them.
    await page.reload();
    await waitForHeading(page, TITLE, { focused: false });
    await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
    await back(page, page, CHECK);
    await seeResults(page);
    assert.equal((await readResults(page)).overall, 'Siloed');
    await assertClean(page);
  });
});

test('page: the Back link and Forward; Back from a shared result returns to your own results; the compare view’s screens too', async () => {
  await withWidget(browser, {}, async (page) => {
    // The widget's Back link moves on in the history, as any link would.
    await startByMouse(page);
    await answerByMouse(page, 1, 'D', { next: heading(2) });
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, heading(1));
    await back(page, page, heading(2));
    await back(page, page, heading(1));
    await back(page, page, TITLE);

    // The compare view: gather, comparison, and back to the assessment.
    await page.getByRole('link', { name: COMPARE, exact: true }).click();
    await waitForHeading(page, COMPARE);
    assert.deepEqual(await ourEntry(page), { view: 'compare', screen: 'gather' });
    await back(page, page, TITLE);
    await forward(page, page, COMPARE);
    const base = new URL('/', BASE_URL).href;
    await page.locator('#dba-compare-links').fill(`${makeLink(base, 'EEEEEEEEEEEEE')}\n${makeLink(base, 'AAAAAAAAAAAAA')}`);
    await page.getByRole('button', { name: 'Add results', exact: true }).click();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await waitForHeading(page, BOARD_HEADING);
    await back(page, page, COMPARE);
    await forward(page, page, BOARD_HEADING);
    await checkA11y(page, 'the comparison after Forward');
    await back(page, page, COMPARE);
    await back(page, page, TITLE);
    assert.equal(page.url(), new URL('/', BASE_URL).href);

    // A share link opened in the page (a new entry, the browser's), then
    // Back: your own screen again, and the link gone.
    await page.goto(makeLink(base, 'SSSSSSSSSSSSS'));
    await waitForHeading(page, 'Shared results', { focused: false });
    await page.goBack();
    await waitForHeading(page, TITLE, { focused: false });
    assert.equal(await page.getByRole('heading', { name: 'Shared results' }).count(), 0);
    await assertClean(page);
  });
});

for (const width of [320, 390]) {
  test(`page at ${width} px: Back and Forward between questions`, async () => {
    await withWidget(browser, { viewport: { width, height: 740 } }, async (page) => {
      await startByMouse(page);
      await answerByMouse(page, 1, 'S', { next: heading(2) });
      await back(page, page, heading(1));
      assert.equal(await checkedAnswer(page), 'S');
      await back(page, page, TITLE);
      await forward(page, page, heading(1));
      await forward(page, page, heading(2));
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0);
      await checkA11y(page, `question 2 at ${width} px after Forward`);
      await assertClean(page);
    });
  });
}

// ---------------------------------------------------------------------------
// The iframe
// ---------------------------------------------------------------------------

/**
 * The browser's own Back (`step` -1) or Forward (1), as its buttons do it,
 * through the tab's joint session history: the frame's entries are in it.
 * (page.goBack() waits for the top document to navigate, which it does not.)
 */
async function step(page, delta) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
    await cdp.send('Page.navigateToHistoryEntry', { entryId: entries[currentIndex + delta].id });
  } finally {
    await cdp.detach();
  }
}

test('iframe: the host browser’s Back and Forward move between the frame’s screens; the host page’s address and state are untouched', async () => {
  await withWidget(browser, { path: '/examples/iframe.html?from=news', heading: false }, async (page) => {
    const back = async (_, frame, text) => {
      await step(page, -1);
      await waitForHeading(frame, text);
    };
    const forward = async (_, frame, text) => {
      await step(page, 1);
      await waitForHeading(frame, text);
    };
    const frameOf = async () => (await page.locator('iframe[data-digital-board-assessment]').elementHandle()).contentFrame();
    const frame = await frameOf();
    await waitForHeading(frame, TITLE, { focused: false });
    const address = page.url();
    assert.equal(await page.evaluate(() => history.state), null, 'the host page’s own state');

    await startByMouse(frame);
    await answerByMouse(frame, 1, PATTERN[0], { next: heading(2) });
    await back(page, frame, heading(1));
    assert.equal(await checkedAnswer(frame), PATTERN[0]);
    await back(page, frame, TITLE);
    await forward(page, frame, heading(1));
    await forward(page, frame, heading(2));
    assert.equal(page.url(), address, 'the host page’s address is unchanged');
    assert.equal(await page.evaluate(() => history.state), null, 'and so is its state: the entries are the frame’s');
    assert.deepEqual(await ourEntry(frame), { view: 'assessment', screen: 'question-2' });

    for (let n = 2; n <= QUESTIONS.length; n++) {
      await answerByMouse(frame, n, PATTERN[n - 1], { next: n < QUESTIONS.length ? heading(n + 1) : CHECK });
    }
    await seeResults(frame);
    await back(page, frame, CHECK);
    await back(page, frame, heading(13));
    await forward(page, frame, CHECK);
    await forward(page, frame, RESULTS);
    assert.equal((await readResults(frame)).overall, 'Siloed');
    assert.equal(page.url(), address);
    takeConsoleMessages(page, SAME_ORIGIN_SANDBOX_WARNING);
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// The custom element on a host page with its own pushState router
// ---------------------------------------------------------------------------

const ROUTER_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Intranet with a router</title>
<link rel="icon" href="data:,">
<script src="router.js"></script>
<script type="module" src="../element.js"></script>
</head><body>
<main><h1>Trust intranet</h1>
<p>Route: <span id="route">none</span></p>
<p><a id="to-board" href="?page=board#session">Board development session</a></p>
<digital-board-assessment organisation="RXX"></digital-board-assessment>
</main></body></html>`;

// A router of the kind intranets ship: ?page= addresses and { route, n }
// states of its own; on popstate it renders the route its state names.
const ROUTER_SCRIPT = `
window.__hostPops = [];
const show = (route) => { document.getElementById('route').textContent = route; };
history.replaceState({ route: 'intro', n: 1 }, '');
addEventListener('DOMContentLoaded', () => {
  show('intro');
  document.getElementById('to-board').addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState({ route: 'board', n: 2 }, '', '?page=board#session');
    show('board');
  });
});
addEventListener('popstate', (event) => {
  window.__hostPops.push(event.state);
  show(event.state && event.state.route ? event.state.route : 'NOT A ROUTE');
});
`;

const widget = (page) => page.locator('digital-board-assessment');

/** Waits for the element's heading to read `text` and, unless told, to have focus. */
async function elementHeading(page, text, { focused = true } = {}) {
  try {
    await page.waitForFunction(
      ([expected, mustFocus]) => {
        const shadow = document.querySelector('digital-board-assessment')?.shadowRoot;
        const h1 = shadow?.getElementById('dba-heading');
        return h1?.textContent.trim() === expected && (!mustFocus || shadow.activeElement === h1);
      },
      [text, focused],
      { timeout: 5000 },
    );
  } catch {
    const shown = await page.evaluate(() => {
      const shadow = document.querySelector('digital-board-assessment')?.shadowRoot;
      return { heading: shadow?.getElementById('dba-heading')?.textContent.trim(), focus: shadow?.activeElement?.id };
    });
    assert.fail(`expected the element's heading "${text}"${focused ? ', focused' : ''}; shown: ${JSON.stringify(shown)}`);
  }
}

async function answerInElement(page, n, code) {
  await elementHeading(page, heading(n), { focused: false });
  await widget(page).getByLabel(ANSWER[code].descriptor(QUESTIONS[n - 1]), { exact: true }).check();
  await widget(page).getByRole('button', { name: 'Continue' }).click();
  await elementHeading(page, n < QUESTIONS.length ? heading(n + 1) : CHECK);
}

const route = (page) => page.locator('#route').textContent();

for (const width of [1280, 390]) {
  test(`custom element at ${width} px on a page with its own router: Back and Forward through our screens, then to the page’s own entries, whose state survives`, async () => {
    await withWidget(browser, { path: '/', viewport: { width, height: 800 } }, async (page, context) => {
      await context.route('**/intranet/router.html*', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': STRICT_CSP }, body: ROUTER_PAGE }),
      );
      await context.route('**/intranet/router.js', (route) =>
        route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: ROUTER_SCRIPT }),
      );
      await page.goto(new URL('/intranet/router.html', BASE_URL).href);
      await widget(page).getByRole('button', { name: 'Start now' }).waitFor();
      assert.equal(await route(page), 'intro');
      // The widget added its own member to the page's state, and kept the page's.
      assert.deepEqual(await page.evaluate(() => history.state), {
        route: 'intro',
        n: 1,
        [KEY]: { 0: { view: 'assessment', screen: 'start' } },
      });

      // The page's router moves to its own route (an entry of its own).
      await page.locator('#to-board').click();
      assert.equal(await route(page), 'board');
      const address = new URL('/intranet/router.html?page=board#session', BASE_URL).href;
      assert.equal(page.url(), address);
      const entries = await page.evaluate(() => history.length);

      await widget(page).getByRole('button', { name: 'Start now' }).click();
      await elementHeading(page, heading(1));
      assert.deepEqual(await page.evaluate(() => history.state), {
        route: 'board',
        n: 2,
        [KEY]: { 0: { view: 'assessment', screen: 'question-1' } },
      }, 'our entry carries the page’s own state too');
      for (let n = 1; n <= QUESTIONS.length; n++) await answerInElement(page, n, PATTERN[n - 1]);
      await widget(page).getByRole('button', { name: 'See your results' }).click();
      await elementHeading(page, RESULTS);
      assert.equal(await page.evaluate(() => history.length), entries + QUESTIONS.length + 2);

      const back = async (text) => {
        await page.goBack();
        await elementHeading(page, text);
      };
      const forward = async (text) => {
        await page.goForward();
        await elementHeading(page, text);
      };
      await back(CHECK);
      await back(heading(13));
      await forward(CHECK);
      await forward(RESULTS);
      assert.equal(page.url(), address, 'the address never changed');
      await back(CHECK);
      for (let n = QUESTIONS.length; n >= 1; n--) await back(heading(n));
      // The page's "board" entry: the widget's start page, the page's route.
      await back(TITLE);
      assert.equal(page.url(), address);
      assert.equal(await route(page), 'board');
      // Every entry the page's router saw so far was on its "board" route.
      const pops = await page.evaluate(() => window.__hostPops);
      assert.ok(pops.length >= QUESTIONS.length + 4, `the router heard each Back and Forward: ${pops.length}`);
      assert.deepEqual(new Set(pops.map((state) => `${state.route} ${state.n}`)), new Set(['board 2']));

      // Back once more: the page's own first entry, its state intact; the
      // widget, which started on it, shows its start page.
      await page.goBack();
      await page.waitForFunction(() => document.getElementById('route').textContent === 'intro');
      assert.equal(page.url(), new URL('/intranet/router.html', BASE_URL).href);
      const first = await page.evaluate(() => history.state);
      assert.equal(first.route, 'intro');
      assert.equal(first.n, 1);
      await elementHeading(page, TITLE, { focused: false });

      // And all the way forward again.
      await page.goForward();
      await page.waitForFunction(() => document.getElementById('route').textContent === 'board');
      await forward(heading(1));
      await forward(heading(2));
      assert.equal(await page.evaluate(() => history.length), entries + QUESTIONS.length + 2, 'nothing added by Back and Forward');
      await checkA11y(page, 'the element on a router page, question 2 after Forward');
      await assertClean(page);
    });
  });
}

test('a page state that is not an object is left alone: no entries are made on it', async () => {
  await withWidget(browser, { path: '/', initScript: () => history.replaceState('the page’s own', '') }, async (page) => {
    await startByMouse(page);
    assert.equal(await page.evaluate(() => history.state), 'the page’s own');
    await assertClean(page);
  });
});
