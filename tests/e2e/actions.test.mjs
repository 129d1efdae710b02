// The board's actions (issue "Set actions, agree the board's position, and
// follow up"): adding, changing and removing actions by keyboard, NHS-style
// errors, the prompts about the guide's signs of a good commitment, nothing
// typed lost by Back or a reload, the actions on the results page, in the
// downloads (CSV, JSON, Word read by mammoth) and, when chosen, in the share
// link, which reopens them identically in a fresh browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
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

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const PATTERN = 'ESEDSAESDSAES';
const WHAT = 'Publish a one-page strategy <b>for staff</b> – Zoë’s idea ✓';

/** Presses Tab until the focused element's text or label starts with `start`. */
async function tabTo(page, start, limit = 60) {
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

/** The actions page read into plain data. */
function readActions(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    return {
      actions: [...document.querySelectorAll('.dba-action')].map((li) => ({
        fields: [...li.querySelectorAll('.nhsuk-summary-list__row')].map((row) => [
          text(row.querySelector('dt')),
          text(row.querySelector('dd')),
        ]),
        prompts: [...li.querySelectorAll('.dba-action__prompts li')].map(text),
      })),
      warning: text(document.querySelector('.dba-actions-warning')),
      signs: [...document.querySelectorAll('input[id^="dba-sign-"]')].map((input) => input.labels[0].textContent.trim()),
    };
  });
}

test('actions by keyboard: errors, prompts, change, remove, and nothing typed lost by Back or a reload', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await completeToResults(page, PATTERN, {});
    // From the summary's next steps, by keyboard.
    await tabTo(page, 'Agree actions');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Agree actions');
    const empty = await readActions(page);
    assert.deepEqual(empty.actions, []);
    assert.deepEqual(empty.signs, ['Tangible', 'Measurable', 'Outcome-focused', 'Realistic', 'Time-bound', 'Limited in number']);
    await checkA11y(page, 'agree actions, none yet');

    await tabTo(page, 'Add an action');
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Add an action');
    // Save with nothing: the error summary, focused, links each field.
    await tabTo(page, 'Save action');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    assert.deepEqual(
      await page.locator('.nhsuk-error-summary__list a').allTextContents(),
      ['Enter what the board will do', 'Enter who will lead this action (a role is enough)'],
    );
    assert.match(await page.title(), /^Error: Add an action – /);
    await checkA11y(page, 'action form with errors');
    // The summary's first link takes focus to the field; type by keyboard.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal((await activeElement(page)).id, 'dba-action-what');
    await page.keyboard.type('Buy a new EPR');
    await tabTo(page, 'Who will lead it?');
    await page.keyboard.type('CIO');
    // Back (the browser's): the list; Forward: the form, as typed.
    await page.goBack();
    await waitForHeading(page, 'Agree actions');
    await page.goForward();
    await waitForHeading(page, 'Add an action');
    assert.equal(await page.locator('#dba-action-what').inputValue(), 'Buy a new EPR');
    // A reload keeps it too (saved as typed), offered on the actions page.
    await page.reload();
    await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await page.getByRole('button', { name: 'See your results' }).click();
    await waitForHeading(page, 'Your results');
    await page.getByRole('link', { name: 'Agree actions' }).first().click();
    await waitForHeading(page, 'Agree actions');
    await page.getByRole('link', { name: 'Continue the action you were typing (not saved yet)' }).click();
    await waitForHeading(page, 'Add an action');
    assert.equal(await page.locator('#dba-action-what').inputValue(), 'Buy a new EPR');
    assert.equal(await page.locator('#dba-action-lead').inputValue(), 'CIO');
    await page.getByRole('button', { name: 'Save action' }).click();
    await waitForHeading(page, 'Agree actions');

    // The prompts where the widget can tell, named by the guide's signs.
    let read = await readActions(page);
    assert.deepEqual(read.actions[0].fields, [['Action', 'Buy a new EPR'], ['Lead', 'CIO']]);
    assert.deepEqual(read.actions[0].prompts.map((p) => p.split(':')[0]), ['Measurable', 'Outcome-focused', 'Time-bound']);

    // Change it: a measure about people and a past month.
    await page.getByRole('link', { name: 'Change action 1' }).click();
    await waitForHeading(page, 'Change this action');
    await page.getByLabel('What will be done?').fill(WHAT);
    await page.getByLabel('How will the board know it worked? (optional)').fill('60% of staff know the mission');
    await page.getByLabel('Month').fill('13');
    await page.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Save action' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    assert.match(await page.locator('#dba-action-due-error').innerText(), /Month must be a number from 1 to 12$/);
    await page.getByLabel('Month').fill('6');
    await page.locator('#dba-action-q-5').check();
    await page.getByRole('button', { name: 'Save action' }).click();
    await waitForHeading(page, 'Agree actions');
    read = await readActions(page);
    assert.deepEqual(read.actions[0].fields, [
      ['Action', WHAT],
      ['Lead', 'CIO'],
      ['By when', 'June 2025'],
      ['How we will know', '60% of staff know the mission'],
      ['Questions', '5'],
    ]);
    assert.deepEqual(read.actions[0].prompts, [
      'Time-bound: The date, June 2025, has passed. That is fine for an action carried over: otherwise, check the year.',
    ]);

    // Six actions: the guide's "limited in number".
    for (let n = 2; n <= 6; n += 1) {
      await page.getByRole('button', { name: 'Add an action' }).click();
      await waitForHeading(page, 'Add an action');
      await page.getByLabel('What will be done?').fill(`Action number ${n} so patients wait less`);
      await page.getByLabel('Who will lead it?').fill('COO');
      await page.getByRole('button', { name: 'Save action' }).click();
      await waitForHeading(page, 'Agree actions');
    }
    read = await readActions(page);
    assert.equal(read.actions.length, 6);
    assert.match(read.warning, /Limited in number: The board has 6 actions\./);
    // Remove one: said, and five left without the warning.
    await page.getByRole('link', { name: 'Remove action 6' }).click();
    await page.getByRole('status').filter({ hasText: 'The action has been removed.' }).waitFor();
    read = await readActions(page);
    assert.equal(read.actions.length, 5);
    assert.equal(read.warning, null);
    await checkA11y(page, 'agree actions with five');

    // Saved: a reload brings them back.
    await page.reload();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await page.getByRole('button', { name: 'See your results' }).click();
    await waitForHeading(page, 'Your results');
    const table = await page.locator('table.dba-actions-table tbody tr').count();
    assert.equal(table, 5, 'the results page lists the actions');
    await assertClean(page);
  });
});

test('actions travel in the link when chosen, reopen identically, and are in every download', async () => {
  let link;
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await completeToResults(page, PATTERN, {});
    // "Add an action" from a discussion item links its question.
    await page.getByRole('link', { name: 'Add an action for question 4' }).click();
    await waitForHeading(page, 'Add an action');
    assert.equal(await page.locator('#dba-action-q-4').isChecked(), true);
    await page.getByLabel('What will be done?').fill(WHAT);
    await page.getByLabel('Who will lead it?').fill('Chief digital officer');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2027');
    await page.getByLabel('How will the board know it worked? (optional)').fill('Staff survey');
    await page.getByRole('button', { name: 'Save action' }).click();
    await waitForHeading(page, 'Agree actions');
    await page.getByRole('button', { name: 'Done: back to the results' }).click();
    await waitForHeading(page, 'Your results');

    // Not in the link until chosen; the lengths are said.
    const without = (await readSharePanel(page)).link;
    await page.getByLabel('Include the board’s actions in the link').check();
    link = (await readSharePanel(page)).link;
    assert.ok(link.length > without.length);
    assert.equal(
      await page.locator('#dba-include-actions-hint').innerText(),
      `With the actions the link is ${link.length} characters long; without them, ${without.length}.`,
    );

    const csv = parseCsv((await download(page, 'CSV')).text.slice(1));
    const header = csv[0];
    const action = csv.find((row) => row[header.indexOf('record')] === 'action');
    assert.equal(action[header.indexOf('action')], WHAT);
    assert.equal(action[header.indexOf('action_due')], '2027-03');
    assert.equal(action[header.indexOf('action_questions')], '4');
    const json = JSON.parse((await download(page, 'JSON')).text);
    assert.equal(json.actions[0].what, WHAT);
    assert.equal(json.actions[0].lead, 'Chief digital officer');

    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Word document (.docx)' }).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    const { value: html } = await mammoth.convertToHtml({ buffer: await readFile(await word.path()) });
    assert.match(html, /<h2>Actions agreed<\/h2>/);
    assert.ok(html.includes('Publish a one-page strategy &lt;b&gt;for staff&lt;/b&gt; – Zoë’s idea ✓'), 'the action as text');
    assert.ok(html.includes('March 2027'));
    await assertClean(page);
  });

  // A fresh browser: the shared result shows the same actions.
  await withWidget(browser, { path: `/${link.slice(link.indexOf('#'))}`, heading: 'Shared results' }, async (page) => {
    const rows = await page.locator('table.dba-actions-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td > span:last-child')].map((td) => td.textContent.trim())),
    );
    assert.deepEqual(rows, [['1', WHAT, 'Chief digital officer', 'March 2027', 'Staff survey', '4', '']]);
    await checkA11y(page, 'shared results with actions');
    await assertClean(page);
  });
});

test('on a 390 px phone the actions page and form fit the screen', async () => {
  await withWidget(browser, { viewport: { width: 390, height: 844 } }, async (page) => {
    await completeToResults(page, PATTERN, {});
    await page.getByRole('link', { name: 'Add an action for question 4' }).click();
    await waitForHeading(page, 'Add an action');
    await page.getByLabel('What will be done?').fill(`${'x'.repeat(120)} ${WHAT}`);
    await page.getByLabel('Who will lead it?').fill('CIO');
    await page.getByRole('button', { name: 'Save action' }).click();
    await waitForHeading(page, 'Agree actions');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await checkA11y(page, 'agree actions at 390 px');
    await assertClean(page);
  });
});
