// The pages of a result (Check your answers, results, sharing, actions,
// shared results) are a wasm module of their own, split off the assessment
// (src/assessment/late.rs, .ci/build) and fetched once the first screen is
// drawn, while the member answers (issue 17). These tests drive the real
// build with that module on time, held back, and refused: "Loading…" in its
// place, then the page with focus on its heading; or a clear message, with
// nothing typed lost and "Try again" bringing the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUESTIONS,
  assertClean,
  checkA11y,
  answerByMouse,
  completeByMouse,
  expectedCheckAnswers,
  launchBrowser,
  readCheckAnswers,
  requestsMade,
  seeResults,
  startByMouse,
  takeConsoleMessages,
  waitForHeading,
  withWidget,
} from './support.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const LATE_MODULE = /\/pkg\/split_late\.[0-9a-f]{10,}\.wasm$/;
const FIRST_MODULE = /\/pkg\/digital_board_assessment_bg\.[0-9a-f]{10,}\.wasm$/;
const PATTERN = 'SSEAESDSSEAES';
const NOTES = { 2: 'Agreed at the May board', 13: 'Ask the CIO' };

/** Answers every question by mouse; after the last, whatever comes. */
async function answerAll(page, pattern, notes) {
  await startByMouse(page);
  for (const [i, code] of [...pattern].entries()) {
    await answerByMouse(page, i + 1, code, { note: notes[i + 1], next: QUESTIONS[i + 1]?.text });
  }
}

/** A route that answers only once `release()` is called. */
function heldBack() {
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  return {
    route: [LATE_MODULE, async (route) => {
      await released;
      await route.continue();
    }],
    release: () => release(),
  };
}

test('the pages of a result are fetched once the first screen is drawn, without a click, and only once', async () => {
  await withWidget(browser, {}, async (page) => {
    // The start page is the live widget now (withWidget waits for that);
    // its late module comes without anyone doing anything.
    await page.waitForFunction(
      (pattern) => performance.getEntriesByType('resource').some((entry) => new RegExp(pattern).test(entry.name) && entry.responseEnd > 0),
      LATE_MODULE.source,
    );
    const timing = await page.evaluate(
      ([late, first]) => {
        const find = (pattern) => performance.getEntriesByType('resource').find((entry) => new RegExp(pattern).test(entry.name));
        return { late: find(late)?.startTime, first: find(first)?.responseEnd };
      },
      [LATE_MODULE.source, FIRST_MODULE.source],
    );
    assert.ok(timing.late > timing.first, `the late module is asked for after the first has arrived: ${JSON.stringify(timing)}`);
    await completeByMouse(page, PATTERN, NOTES);
    await seeResults(page);
    assert.equal(requestsMade(page).filter((url) => LATE_MODULE.test(url)).length, 1, 'fetched once');
    await assertClean(page);
  });
});

test('held back: Check your answers says "Loading…" (focused), then comes with focus on its heading', async () => {
  const late = heldBack();
  await withWidget(browser, { routes: [late.route] }, async (page) => {
    await answerAll(page, PATTERN, NOTES);
    // Check your answers cannot come yet: "Loading…" in its place, focused.
    await waitForHeading(page, 'Loading…');
    assert.equal(await page.getByRole('status').filter({ hasText: 'Loading…' }).count(), 1, 'said to screen readers');
    await checkA11y(page, 'the late pages loading');
    late.release();
    await waitForHeading(page, 'Check your answers');
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(PATTERN, NOTES));
    await assertClean(page);
  });
});

test('arriving while a question is answered, it leaves focus where the member is', async () => {
  const late = heldBack();
  await withWidget(browser, { routes: [late.route] }, async (page) => {
    await startByMouse(page);
    // A keyboard user on question 1's answers when the module arrives.
    const first = page.getByRole('radio').first();
    await first.focus();
    await page.keyboard.press('Space');
    late.release();
    await page.waitForFunction(
      (pattern) => performance.getEntriesByType('resource').some((entry) => new RegExp(pattern).test(entry.name) && entry.responseEnd > 0),
      LATE_MODULE.source,
    );
    // Give the page the frames a redraw and a focus move would take.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
    assert.ok(await first.evaluate((radio) => radio === document.activeElement), 'focus stays on the answer');
    assert.ok(await first.isChecked());
    await waitForHeading(page, QUESTIONS[0].text, { focused: false });
    await assertClean(page);
  });
});

test('refused: a clear message, nothing typed lost, and "Try again" brings the page', async () => {
  let refuse = true;
  const route = [LATE_MODULE, (request) => (refuse ? request.abort('internetdisconnected') : request.continue())];
  await withWidget(browser, { routes: [route] }, async (page) => {
    await answerAll(page, PATTERN, NOTES);
    await waitForHeading(page, 'This page could not be loaded');
    assert.match(await page.locator('.dba-page').textContent(), /Your answers are kept\. Check your internet connection, then try again\./);
    await checkA11y(page, 'the late pages refused');
    // The loader logs why in the console: expected here, and only here.
    assert.ok(takeConsoleMessages(page, /split_late|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/).length > 0);

    // Still refused: the same message again, and the answers still kept.
    await page.getByRole('button', { name: 'Try again' }).click();
    await waitForHeading(page, 'This page could not be loaded');
    takeConsoleMessages(page, /split_late|Failed to fetch|ERR_INTERNET_DISCONNECTED|TypeError/);

    refuse = false;
    await page.getByRole('button', { name: 'Try again' }).press('Enter');
    await waitForHeading(page, 'Check your answers');
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(PATTERN, NOTES));
    await seeResults(page);
    await assertClean(page);
  });
});

test('a share link opens its result when the late module comes late', async () => {
  // A link made by this build: complete, then open the link in a fresh page
  // whose late module is held back.
  let link;
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, PATTERN, NOTES);
    await seeResults(page);
    link = await page.locator('#dba-share-link').inputValue();
    await assertClean(page);
  });
  const late = heldBack();
  await withWidget(browser, { path: new URL(link).pathname + new URL(link).hash, heading: false, routes: [late.route] }, async (page) => {
    await page.getByRole('heading', { name: 'Loading…' }).waitFor();
    late.release();
    await waitForHeading(page, 'Shared results', { focused: false });
    assert.equal(page.url(), link, 'the link stays in the address');
    await assertClean(page);
  });
});
