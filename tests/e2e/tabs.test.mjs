// Saved answers shared between tabs, and records the widget cannot read.
// Two pages of one browser context share localStorage as two tabs do: a
// tab follows the other's saves when it has nothing of its own to lose,
// asks when it has, and a record it cannot read is kept aside, never
// written over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL,
  QUESTIONS,
  STORAGE_KEY,
  TITLE,
  ANSWER,
  answerByMouse,
  checkA11y,
  checkedAnswer,
  launchBrowser,
  startByMouse,
  waitForHeading,
} from './support.mjs';

const CHANGED = 'Your answers were changed in another tab or window';
const USE_THEIRS = 'Use the answers from the other tab';
const KEEP_THESE = 'Keep these answers';
const UNREADABLE = 'Answers saved in this browser earlier could not be read';
const DOWNLOAD = 'Download the answers that could not be read (text file)';
const NEWER = 'dba-saved 9\nboard-digital-strategy\na record from a newer version';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Opens the widget in `count` tabs of one fresh context (one storage), runs
 * `body(tabs, context)`, and asserts no tab logged an error or warning.
 */
async function withTabs(count, { initScript } = {}, body) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block', acceptDownloads: true });
  const problems = [];
  try {
    if (initScript) await context.addInitScript(initScript);
    const tabs = [];
    for (let i = 0; i < count; i += 1) {
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(`tab ${i + 1} ${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`tab ${i + 1}: ${error}`));
      await page.goto(new URL('/', BASE_URL).href);
      await waitForHeading(page, TITLE, { focused: false });
      tabs.push(page);
    }
    await body(tabs, context);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
  }
}

const stored = (page, key = STORAGE_KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const storedKeys = (page) => page.evaluate(() => Object.keys(localStorage).sort());
/** The answer codes stored for questions 1 to n (`-` for none). */
async function storedAnswers(page, n) {
  const text = (await stored(page)) ?? '';
  return QUESTIONS.slice(0, n).map((q) => {
    const line = text.split('\n').find((l) => l.startsWith(`${q.id}\t`));
    return line ? line.split('\t')[1] : '?';
  });
}

/**
 * Holds back the `storage` events of a tab (as when both tabs save at
 * the same moment, before either hears of the other), until `release`.
 */
async function holdEvents(page) {
  // Listeners on the window run in the order they were added: this one
  // must come before the widget's, so it is added before the page loads.
  await page.addInitScript(() => {
    window.__held = true;
    window.addEventListener('storage', (event) => window.__held && event.stopImmediatePropagation(), true);
  });
  await page.reload();
  await waitForHeading(page, TITLE, { focused: false });
}
const release = (page) => page.evaluate(() => (window.__held = false));

test("a tab with nothing of its own follows the other tab's answers at once", async () => {
  await withTabs(2, {}, async ([a, b]) => {
    await startByMouse(a);
    await answerByMouse(a, 1, 'E', { next: QUESTIONS[1].text });
    // Tab B, on the start page, offers the answers just saved in A.
    await b.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    await b.getByText('1 of 13 questions answered').waitFor();
    await b.getByText(`${CHANGED}.`).waitFor();
    await checkA11y(b, 'start page after another tab saved');
    await b.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(b, QUESTIONS[1].text);

    // A answers question 2: B, showing it and with nothing new of its own,
    // shows A's answer.
    await answerByMouse(a, 2, 'S', { next: QUESTIONS[2].text });
    await b.waitForFunction(() => document.querySelector('input[type=radio]:checked') !== null);
    assert.equal(await checkedAnswer(b), 'S');
    await b.getByText(`${CHANGED}.`).waitFor();
    assert.equal(await b.getByRole('button', { name: USE_THEIRS }).count(), 0, 'nothing to ask');
    assert.deepEqual(await storedAnswers(a, 2), ['e', 's']);

    // B goes on from there; A follows in turn.
    await answerByMouse(b, 2, 'D', { next: QUESTIONS[2].text });
    await a.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(a, QUESTIONS[1].text);
    assert.equal(await checkedAnswer(a), 'D');
    assert.deepEqual(await storedAnswers(a, 2), ['e', 'd']);

    // "Clear my answers" in A: B follows to the start page.
    await b.reload();
    await b.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    await b.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(b, QUESTIONS[2].text);
    await a.reload();
    await a.getByRole('button', { name: 'Clear my answers' }).click();
    await a.getByRole('button', { name: 'Delete my answers' }).click();
    await b.getByRole('button', { name: 'Start now' }).waitFor();
    await b.getByText('Your answers were deleted in another tab or window.').waitFor();
    assert.deepEqual(await storedKeys(b), []);
  });
});

test('answers typed in both tabs: the question is asked and nothing is lost', async () => {
  await withTabs(2, {}, async ([a, b]) => {
    await holdEvents(b);
    await startByMouse(a);
    await answerByMouse(a, 1, 'E', { note: 'typed in A', next: QUESTIONS[1].text });
    // B has not heard of A's save yet, and answers too: it does not save
    // over A's answers, keeps its own and asks.
    await startByMouse(b);
    await b.getByLabel(ANSWER.D.descriptor(QUESTIONS[0]), { exact: true }).check();
    await b.locator('#dba-notes').fill('typed in B');
    await b.getByRole('heading', { name: CHANGED }).waitFor();
    assert.deepEqual(await storedAnswers(a, 1), ['e'], "A's answers are not saved over");
    assert.match(await stored(a), /typed in A/);
    assert.equal(await checkedAnswer(b), 'D', "B's answer stays on its page");
    assert.equal(await b.locator('#dba-notes').inputValue(), 'typed in B');
    await checkA11y(b, 'the question about the other tab');
    await release(b);

    // B keeps its answers: they are saved over A's, and A asks in turn.
    await b.getByRole('button', { name: KEEP_THESE }).click();
    await b.getByRole('heading', { name: CHANGED }).waitFor({ state: 'detached' });
    assert.deepEqual(await storedAnswers(a, 1), ['d']);
    assert.match(await stored(a), /typed in B/);
    await a.getByRole('heading', { name: CHANGED }).waitFor();
    await a.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(a, QUESTIONS[0].text);
    assert.equal(await checkedAnswer(a), 'E', "A's answer stays until A chooses");
    assert.equal(await a.locator('#dba-notes').inputValue(), 'typed in A');
    await checkA11y(a, 'the question asked again in the other tab');

    // A takes up B's answers: both tabs now agree, and nothing is asked.
    await a.getByRole('button', { name: USE_THEIRS }).click();
    await a.getByRole('heading', { name: CHANGED }).waitFor({ state: 'detached' });
    assert.equal(await checkedAnswer(a), 'D');
    assert.equal(await a.locator('#dba-notes').inputValue(), 'typed in B');
    assert.deepEqual(await storedAnswers(a, 1), ['d']);
    assert.equal(await b.getByRole('heading', { name: CHANGED }).count(), 0);

    // "Clear my answers" leaves nothing behind, not even the copy noted
    // when B kept its answers.
    await a.reload();
    await a.getByRole('button', { name: 'Clear my answers' }).click();
    await a.getByRole('button', { name: 'Delete my answers' }).click();
    await a.getByRole('button', { name: 'Start now' }).waitFor();
    // The deletion is an effect performed just after the page renders.
    await a.waitForFunction(() => localStorage.length === 0, null, { timeout: 2000 }).catch(() => {});
    assert.deepEqual(await storedKeys(a), []);
  });
});

/** Plants `text` as the saved record once (not again after a reload). */
const plant = (text) => [
  ([key, value]) => {
    if (!sessionStorage.getItem('planted')) {
      sessionStorage.setItem('planted', '1');
      localStorage.setItem(key, value);
    }
  },
  [STORAGE_KEY, text],
];

async function downloadUnreadable(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: DOWNLOAD }).click()]);
  assert.equal(await file.failure(), null);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

test('a record that cannot be read is kept aside, downloadable, and new answers saved beside it', async () => {
  const [script, arg] = plant(NEWER);
  const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: true });
  try {
    await context.addInitScript(script, arg);
    const page = await context.newPage();
    await page.goto(new URL('/', BASE_URL).href);
    await waitForHeading(page, TITLE, { focused: false });
    await page.getByText(UNREADABLE).waitFor();
    await page.getByText('They are kept exactly as they are').waitFor();
    await checkA11y(page, 'start page with a record that cannot be read');
    const before = await downloadUnreadable(page);
    assert.equal(before.text, NEWER);
    assert.match(before.name, /\.txt$/);

    await startByMouse(page);
    await page.getByLabel(ANSWER.E.descriptor(QUESTIONS[0]), { exact: true }).check();
    await page.getByText('They have been kept aside exactly as they were').waitFor();
    await checkA11y(page, 'question page once a record was kept aside');
    const keys = await storedKeys(page);
    const aside = keys.filter((k) => k.startsWith(`${STORAGE_KEY}.unreadable`));
    assert.equal(aside.length, 1, keys.join(', '));
    assert.match(aside[0], /\.unreadable\.\d{4}-\d{2}-\d{2}$/);
    assert.equal(await stored(page, aside[0]), NEWER, 'kept exactly');
    assert.equal((await downloadUnreadable(page)).text, NEWER);
    assert.deepEqual(await storedAnswers(page, 1), ['e'], 'new answers saved beside it');
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, QUESTIONS[1].text);

    // Later: the answers are offered, and the record kept aside still is.
    await page.reload();
    await page.getByText('1 of 13 questions answered').waitFor();
    await page.getByText('They are kept aside, exactly as they were').waitFor();
    assert.equal((await downloadUnreadable(page)).text, NEWER);
    assert.equal((await storedKeys(page)).length, 2, 'the answers and the record kept aside');
  } finally {
    await context.close();
  }
});

test('a record that cannot be set aside is not saved over, and the page says so', async () => {
  const [script, arg] = plant(NEWER);
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    await context.addInitScript(script, arg);
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (String(key).includes('.unreadable')) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return setItem.call(this, key, value);
      };
    });
    const page = await context.newPage();
    await page.goto(new URL('/', BASE_URL).href);
    await page.getByText(UNREADABLE).waitFor();
    await startByMouse(page);
    await page.getByLabel(ANSWER.E.descriptor(QUESTIONS[0]), { exact: true }).check();
    await page.getByText('would not let them be kept aside').waitFor();
    await page.getByLabel(ANSWER.S.descriptor(QUESTIONS[0]), { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, QUESTIONS[1].text);
    assert.equal(await stored(page), NEWER, 'never written over');
  } finally {
    await context.close();
  }
});
