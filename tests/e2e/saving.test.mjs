// Autosave and resume: answers are saved in localStorage as the user goes,
// offered again on return, removed by "Clear my answers" and "Start again";
// blocked, full or corrupt storage never stops the assessment.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ANSWER,
  QUESTIONS,
  TITLE,
  answerByMouse,
  assertClean,
  checkA11y,
  checkedAnswer,
  completeByMouse,
  launchBrowser,
  seeResults,
  startByMouse,
  waitForHeading,
  withWidget,
} from './support.mjs';

const STORAGE_KEY = 'digital-board-assessment:board-digital-strategy';
const CANNOT_SAVE = 'Your answers cannot be saved in this browser';
const UNREADABLE = 'Answers saved in this browser earlier could not be read';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const storedKeys = (page) => page.evaluate(() => Object.keys(window.localStorage));

async function reload(page) {
  await page.reload();
  await waitForHeading(page, TITLE, { focused: false });
}

test('answers are saved as you go and offered again after a reload', async () => {
  await withWidget(browser, {}, async (page) => {
    await startByMouse(page);
    await answerByMouse(page, 1, 'E', { next: QUESTIONS[1].text });
    await answerByMouse(page, 2, 'D', { note: 'Ask the CIO <b>first</b>', next: QUESTIONS[2].text });
    await answerByMouse(page, 3, 'A', { next: QUESTIONS[3].text });
    assert.deepEqual(await storedKeys(page), [STORAGE_KEY]);

    await reload(page);
    await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    await page.getByText('3 of 13 questions answered').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 0);
    await checkA11y(page, 'start page offering saved answers');

    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(page, QUESTIONS[3].text);
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, QUESTIONS[2].text);
    assert.equal(await checkedAnswer(page), 'A');
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, QUESTIONS[1].text);
    assert.equal(await page.locator('#dba-notes').inputValue(), 'Ask the CIO <b>first</b>');
    await assertClean(page);
  });
});

test('"Clear my answers" removes everything stored', async () => {
  await withWidget(browser, {}, async (page) => {
    await startByMouse(page);
    await answerByMouse(page, 1, 'S', { note: 'private note', next: QUESTIONS[1].text });
    await reload(page);
    // Asked first, with what would be lost; "Keep my answers" keeps them.
    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await waitForHeading(page, 'Delete your answers?');
    assert.match(await page.locator('.dba-page--confirm p').textContent(), /\(1 of 13 questions answered, with notes on 1\)/);
    await checkA11y(page, 'delete your answers?');
    await page.getByRole('button', { name: 'Keep my answers' }).click();
    await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
    assert.deepEqual(await storedKeys(page), [STORAGE_KEY]);

    await page.getByRole('button', { name: 'Clear my answers' }).click();
    await page.getByRole('button', { name: 'Delete my answers' }).click();
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    assert.equal(await page.getByRole('status').textContent(), 'Information: Your answers have been deleted from this browser.');
    assert.deepEqual(await storedKeys(page), []);
    await reload(page);
    assert.equal(await page.getByRole('heading', { name: 'You have saved answers' }).count(), 0);
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    await assertClean(page);
  });
});

test('"Start again" on the results page clears stored answers', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, 'EEEASDEASDESA', {}, { force: true });
    await seeResults(page, { force: true });
    assert.deepEqual(await storedKeys(page), [STORAGE_KEY]);
    await page.getByRole('button', { name: 'Start again' }).click();
    await waitForHeading(page, 'Delete your answers?');
    assert.deepEqual(await storedKeys(page), [STORAGE_KEY], 'nothing deleted before Yes');
    await page.getByRole('button', { name: 'Keep my answers' }).click();
    await waitForHeading(page, 'Your results');
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('button', { name: 'Delete my answers' }).click();
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    assert.deepEqual(await storedKeys(page), []);
    await assertClean(page);
  });
});

test('the organisation and role typed for sharing are saved with the answers', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, 'EEEASDEASDESA', {}, { force: true });
    await seeResults(page, { force: true });
    await page.locator('#dba-organisation').fill('Leeds Teaching Hospitals');
    await page.getByLabel('Non-executive', { exact: true }).check();
    await page.waitForFunction((key) => window.localStorage.getItem(key)?.includes('Leeds Teaching Hospitals'), STORAGE_KEY);

    await reload(page);
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('button', { name: 'See your results' }).click();
    await waitForHeading(page, 'Your results');
    assert.equal(await page.locator('#dba-organisation').inputValue(), 'Leeds Teaching Hospitals');
    assert.equal(await page.getByLabel('Non-executive', { exact: true }).isChecked(), true);
    assert.match(await page.locator('#dba-share-link').inputValue(), /#r=/);

    // Deleting the answers forgets them too.
    await page.getByRole('button', { name: 'Start again' }).click();
    await page.getByRole('button', { name: 'Delete my answers' }).click();
    await page.getByRole('button', { name: 'Start now' }).waitFor();
    assert.deepEqual(await storedKeys(page), []);
    await assertClean(page);
  });
});

for (const [label, initScript] of [
  [
    'blocked',
    () => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    },
  ],
  [
    'full',
    () => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  ],
]) {
  test(`storage ${label}: the widget says once that it cannot save, and still works`, async () => {
    await withWidget(browser, { initScript }, async (page) => {
      await startByMouse(page);
      await page.getByLabel(ANSWER.E.descriptor(QUESTIONS[0]), { exact: true }).check();
      await page.getByText(CANNOT_SAVE).waitFor();
      await checkA11y(page, `question page with the storage ${label} notice`);
      await page.getByRole('button', { name: 'Continue' }).click();
      await waitForHeading(page, QUESTIONS[1].text);
      await answerByMouse(page, 2, 'S', { next: QUESTIONS[2].text });
      assert.equal(await page.getByText(CANNOT_SAVE).count(), 0, 'said once only');
      for (let n = 3; n <= QUESTIONS.length; n += 1) {
        const next = n < QUESTIONS.length ? QUESTIONS[n].text : 'Check your answers';
        await answerByMouse(page, n, 'D', { next, force: true });
      }
      await seeResults(page);
      await page.locator('.dba-overall strong.nhsuk-tag').waitFor();
      await assertClean(page);
    });
  });
}

test('corrupt saved answers: a clear message, nothing loaded, and the widget works', async () => {
  const initScript = () => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('digital-board-assessment:board-digital-strategy', 'dba-saved 1\nboard-digital-strategy\n\u0000garbage');
    }
  };
  await withWidget(browser, { initScript }, async (page) => {
    await page.getByText(UNREADABLE).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'You have saved answers' }).count(), 0);
    await checkA11y(page, 'start page with unreadable saved answers');
    await startByMouse(page);
    assert.equal(await page.getByText(UNREADABLE).count(), 0);
    await answerByMouse(page, 1, 'E', { next: QUESTIONS[1].text });
    // The damaged record has been replaced by a readable one.
    await reload(page);
    await page.getByText('1 of 13 questions answered').waitFor();
    await assertClean(page);
  });
});
