// The board's agreed position and following up last time's actions (issue
// "Set actions, agree the board's position, and follow up"): the chair
// records the board's agreed answers from five members' links, by keyboard,
// starting from each question's median; the result becomes this browser's
// with the role Board (after asking, as the chair has answers of their
// own), with the reasons and dissent in its notes and downloads. Next year,
// then and now with last year's result lists its actions with the change on
// their questions and a status to record; the statuses join this year's
// result, its link and its downloads, and survive a reload. Axe on each
// new screen.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  activeElement,
  assertClean,
  checkA11y,
  completeToResults,
  download,
  launchBrowser,
  parseCsv,
  readSharePanel,
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

const PAGE_URL = new URL('/', BASE_URL).href;
const AGREE = 'Record the board’s agreed answers';
const BOARD_HEADING = 'Where the board agrees and disagrees';
const THEN_NOW_HEADING = 'Then and now';
const TRUST = 'Torbay and South Devon';

// Five members. Question 1: A, S, S, E, E → Siloed. Question 2: D, D, D,
// D, D → Don't know. Question 5: A, E, D, D, D → the middle is split: the
// board decides. Question 9: S, E, E, E, A → Embedded.
const MEMBERS = [
  { pattern: 'ADSSADSSSSSSS', role: 'executive' },
  { pattern: 'SDSSESSSESSSS', role: 'executive' },
  { pattern: 'SDSSDSSSESSSS', role: 'non-executive' },
  { pattern: 'EDSSDSSSESSSS', role: 'non-executive' },
  { pattern: 'EDSSDSSSASSSS', role: '' },
];
const memberLinks = () =>
  MEMBERS.map((m) => makeLink(PAGE_URL, m.pattern, { organisation: TRUST, role: m.role, date: '2026-12-01' }));

/** Presses Tab until the focused element's text or label starts with `start`. */
async function tabTo(page, start, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement;
      return (el?.labels?.[0]?.textContent ?? el?.textContent ?? '').trim().replace(/\s+/g, ' ');
    });
    if (label.startsWith(start)) return;
  }
  assert.fail(`Tab never reached "${start}"`);
}

/** Pastes `links` on the compare page, chooses nothing, and compares. */
async function compareLinks(page, links, heading) {
  await page.locator('#dba-compare-links').fill(links.join('\n'));
  await page.getByRole('button', { name: 'Add results', exact: true }).click();
  await page.waitForFunction(
    (count) => document.querySelector('.dba-compare-status')?.textContent.trim() === `${count} results added.`,
    links.length,
  );
  await page.getByRole('button', { name: 'Compare', exact: true }).first().click();
  await waitForHeading(page, heading);
}

/** The agree page: per question, the hint and the level checked. */
function readAgree(page) {
  return page.evaluate(() => {
    // innerText: a line break reads as a space, as it does on screen.
    const text = (el) => (el ? el.innerText.trim().replace(/\s+/g, ' ') : null);
    return {
      questions: [...document.querySelectorAll('.dba-agree__question')].map((group) => ({
        hint: text(group.querySelector('.nhsuk-hint')),
        checked: text(group.querySelector('input[type=radio]:checked')?.labels[0]),
        error: text(group.querySelector('.nhsuk-error-message')),
      })),
      summary: [...document.querySelectorAll('.nhsuk-error-summary a')].map((a) => [text(a), a.getAttribute('href')]),
    };
  });
}

test('the board’s agreed answers from five members’ links, by keyboard: medians to start, a split question decided, reasons and dissent kept, taken up as the board’s after asking', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    // The chair has answered for themselves first.
    await completeToResults(page, 'SSSSSSSSSSSSS', {});
    await page.getByRole('link', { name: 'Compare results with other board members or organisations' }).click();
    await waitForHeading(page, 'Compare results');
    await compareLinks(page, memberLinks(), BOARD_HEADING);

    await tabTo(page, AGREE);
    await page.keyboard.press('Enter');
    await waitForHeading(page, AGREE);
    let shown = await readAgree(page);
    assert.equal(shown.questions.length, 13);
    assert.deepEqual(shown.questions[0], {
      hint: 'Two apart; executives and non-executives differ Members’ answers: 1 Absent, 2 Siloed, 2 Embedded, 0 Don’t know. Chosen to start with: Siloed, the median of the members’ answers.',
      checked: 'Siloed',
      error: null,
    });
    assert.equal(shown.questions[1].checked, 'Don’t know');
    assert.match(shown.questions[1].hint, /Chosen to start with: Don’t know, as every member answered\.$/);
    assert.deepEqual(shown.questions[4], {
      hint: 'Two apart; 3 don’t know Members’ answers: 1 Absent, 0 Siloed, 1 Embedded, 3 Don’t know. Nothing chosen to start with: the middle answers are Absent and Embedded, so the board decides.',
      checked: null,
      error: null,
    });
    assert.equal(shown.questions[8].checked, 'Embedded');
    await checkA11y(page, 'record the board’s agreed answers');

    // The board agreed Absent for question 1, with a reason and a dissent.
    await page.locator('#dba-agree-0').focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Strategy papers rarely mention digital.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('The CIO thinks Siloed.');

    // A reload loses nothing typed: the tab kept it, and the compare view
    // opens on it again.
    await page.reload();
    await waitForHeading(page, AGREE, { focused: false });
    assert.equal(await page.locator('#dba-agree-0-reason').inputValue(), 'Strategy papers rarely mention digital.');
    assert.equal(await page.locator('#dba-agree-0-dissent').inputValue(), 'The CIO thinks Siloed.');
    assert.equal((await readAgree(page)).questions[0].checked, 'Absent');
    await page.locator('#dba-agree-0-dissent').focus();

    // Saving with question 5 undecided: the summary says so, focus on it.
    await tabTo(page, 'Save the board’s agreed answers');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.nhsuk-error-summary');
    assert.equal((await activeElement(page)).id, 'dba-error-summary');
    shown = await readAgree(page);
    assert.deepEqual(shown.summary, [['Select the level the board agreed for question 5', '#dba-agree-4']]);
    assert.equal(shown.questions[4].error, 'Error: Select the level the board agreed for question 5');
    await checkA11y(page, 'agreed answers with an error');
    // The link moves focus to the question; the arrow keys choose.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal((await activeElement(page)).id, 'dba-agree-4');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    assert.equal((await readAgree(page)).questions[4].checked, 'Siloed');

    // Back to the comparison and in again: nothing is lost.
    await page.getByRole('link', { name: 'Back to the comparison' }).click();
    await waitForHeading(page, BOARD_HEADING);
    await page.getByRole('button', { name: AGREE }).click();
    await waitForHeading(page, AGREE);
    shown = await readAgree(page);
    assert.equal(shown.questions[0].checked, 'Absent');
    assert.equal(shown.questions[4].checked, 'Siloed');
    assert.equal(await page.locator('#dba-agree-0-dissent').inputValue(), 'The CIO thinks Siloed.');

    await tabTo(page, 'Save the board’s agreed answers');
    await page.keyboard.press('Enter');
    // The chair's own answers are not replaced without asking.
    await waitForHeading(page, 'Replace the answers in this browser?');
    await checkA11y(page, 'replace the answers with the board’s');
    await tabTo(page, 'Replace my answers');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Check your answers');
    assert.ok(
      await page.getByText('The board’s agreed answers are now this browser’s result. Check them, then agree the board’s actions.').isVisible(),
    );
    await page.getByRole('button', { name: /See your results/ }).click();
    await waitForHeading(page, 'Your results');

    // The board's result: role Board, the organisation, the reason and dissent.
    const share = await readSharePanel(page);
    assert.equal(await page.locator('input[name=role]:checked').evaluate((el) => el.labels[0].textContent.trim()), 'Board');
    assert.equal(await page.locator('#dba-organisation').inputValue(), TRUST);
    assert.ok(share.link.includes('#r='));
    const json = JSON.parse((await download(page, 'JSON')).text);
    assert.equal(json.role, 'Board');
    assert.equal(json.organisation, TRUST);
    const first = json.answers[0];
    assert.equal(first.answer, 'absent');
    assert.equal(first.notes, 'Strategy papers rarely mention digital.\n\nDissent: The CIO thinks Siloed.');
    assert.equal(json.answers[1].answer, 'dont_know');
    assert.equal(json.answers[4].answer, 'siloed');

    // Taken up: the tab keeps no agreement, so a reload opens the result.
    assert.equal(await page.evaluate(() => sessionStorage.getItem('dba-agreement')), null);

    // Saved as the board's: a reload keeps it.
    await page.reload();
    await page.getByRole('button', { name: /Continue/ }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('button', { name: /See your results/ }).click();
    await waitForHeading(page, 'Your results');
    assert.equal(await page.locator('input[name=role]:checked').evaluate((el) => el.labels[0].textContent.trim()), 'Board');
    await assertClean(page);
  });
});

// Last year's board result, with the board's actions (made by links.mjs, an
// independent writer of the link format), and this year's.
const LAST_YEAR = 'ASSASSSSSSSSS';
const THIS_YEAR = 'SSSEESSSSSSSS';
const ACTIONS = [
  { what: 'Publish a data strategy', lead: 'Chief digital officer', by: '2026-06', measure: 'Teams use it in planning', questions: [1, 4] },
  { what: 'Train the board on digital', lead: 'Chair', questions: [] },
  { what: 'Hire a CCIO', lead: 'Chief executive', by: '2026-03', questions: [2] },
];

test('then and now with last year’s actions: the change on their questions, a status for each by keyboard, carried into this year’s result, its link and CSV, and kept after a reload', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    // This year's answers are this browser's own.
    await completeToResults(page, THIS_YEAR, {});
    await page.getByRole('link', { name: 'Compare results with other board members or organisations' }).click();
    await waitForHeading(page, 'Compare results');
    await compareLinks(
      page,
      [
        makeLink(PAGE_URL, THIS_YEAR, { organisation: TRUST, role: 'board', date: '2026-12-01' }),
        makeLink(PAGE_URL, LAST_YEAR, { organisation: TRUST, role: 'board', date: '2025-11-28', actions: ACTIONS }),
      ],
      THEN_NOW_HEADING,
    );
    const items = await page.evaluate(() =>
      [...document.querySelectorAll('.dba-follow-up__action')].map((item) => ({
        heading: item.querySelector('h3').textContent.trim(),
        rows: [...item.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
          row.querySelector('dt').textContent.trim(),
          row.querySelector('dd').innerText.trim().replace(/\s+/g, ' '),
        ]),
      })),
    );
    assert.equal(items.length, 3);
    assert.equal(items[0].heading, 'Action 1: Publish a data strategy');
    assert.deepEqual(items[0].rows.slice(0, 3), [
      ['Lead', 'Chief digital officer'],
      ['By when', 'June 2026'],
      ['How we will know', 'Teams use it in planning'],
    ]);
    // Question 1 went from Absent to Siloed, question 4 from Absent to Embedded.
    assert.match(items[0].rows[3][1], /^1\. .* – Up 1 level \(\+1\) 4\. .* – Up 2 levels \(\+2\)$/);
    assert.deepEqual(items[1].rows.at(-1), ['Since then', 'Not linked to a question.']);
    await checkA11y(page, 'then and now with last year’s actions');

    // Saving with no statuses: each action is named, linked to its choice.
    await tabTo(page, 'Save the statuses with the later result');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.nhsuk-error-summary');
    assert.equal((await activeElement(page)).id, 'dba-error-summary');
    const summary = await page.locator('.nhsuk-error-summary a').allTextContents();
    assert.deepEqual(summary.map((s) => s.trim()), [
      'Select where action 1 stands',
      'Select where action 2 stands',
      'Select where action 3 stands',
    ]);
    await checkA11y(page, 'statuses missing');
    // By keyboard: from each error link to its radios. Done; In progress;
    // Dropped (Status order: Not started, In progress, Done, Dropped).
    const choose = async (index, rightPresses) => {
      await page.locator('.nhsuk-error-summary a').nth(index).focus();
      await page.keyboard.press('Enter');
      assert.equal((await activeElement(page)).id, `dba-status-${index}`);
      await page.keyboard.press('Space');
      for (let i = 0; i < rightPresses; i += 1) await page.keyboard.press('ArrowRight');
    };
    await choose(0, 2);
    await choose(1, 1);
    await choose(2, 3);
    await tabTo(page, 'Save the statuses with the later result');
    await page.keyboard.press('Enter');

    // This browser's own result is the later one: the actions join it.
    await waitForHeading(page, 'Agree actions');
    assert.ok(await page.getByText('Last time’s actions and their statuses are now with this result.').isVisible());
    const statuses = await page.evaluate(() =>
      [...document.querySelectorAll('.dba-action')].map((li) =>
        [...li.querySelectorAll('.nhsuk-summary-list__row')]
          .filter((row) => row.querySelector('dt').textContent.trim() === 'Status')
          .map((row) => row.querySelector('dd').textContent.trim())[0] ?? null,
      ),
    );
    assert.deepEqual(statuses, ['Done', 'In progress', 'Dropped']);
    await checkA11y(page, 'actions followed up');

    // In the CSV and, when chosen, the link; and after a reload.
    await page.getByRole('button', { name: /back to the results/i }).first().click();
    await waitForHeading(page, 'Your results');
    const rows = parseCsv((await download(page, 'CSV')).text);
    const header = rows[0];
    const actionRows = rows.filter((row) => row[header.indexOf('record')] === 'action');
    assert.deepEqual(
      actionRows.map((row) => [row[header.indexOf('action')], row[header.indexOf('action_status')]]),
      [
        ['Publish a data strategy', 'Done'],
        ['Train the board on digital', 'In progress'],
        ['Hire a CCIO', 'Dropped'],
      ],
    );
    await page.reload();
    await page.getByRole('button', { name: /Continue/ }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('button', { name: /See your results/ }).click();
    await waitForHeading(page, 'Your results');
    assert.equal(await page.locator('.dba-actions-table tbody tr').count(), 3, 'the actions, kept');
    await assertClean(page);
  });
});
