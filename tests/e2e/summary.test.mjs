// The results' summary (issue "A summary a board can act on"): the overall
// stage and what it means, the section stages, the assurance gaps, the
// things to discuss first and the next steps fit the first laptop screen and
// come first on a phone; each "Discuss first" line leads, by keyboard, to
// its detail without touching the address; a shared result offers Print and
// every download, and "Edit a copy" does not carry the sender's role over;
// nothing is clipped at 390 px; printing gives the whole result.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  QUESTIONS,
  activeElement,
  assertClean,
  checkA11y,
  completeToResults,
  download,
  parseCsv,
  waitForHeading,
  withWidget,
} from './support.mjs';
import { makeLink } from './links.mjs';

let browser;
before(async () => {
  const { launchBrowser } = await import('./support.mjs');
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

// Embedded trust strategy; board questions: 4 Don't know, 6 Absent,
// 9 Don't know, 11 Absent, 2 and others Siloed. Overall Siloed.
const PATTERN = 'ESEDSAESDSAES';
const LONG_NOTE =
  'Ask the CIO <b>now</b> & Zoë’s “plan” ✓ — a long note that must wrap on a phone screen without being clipped or widening the page: ' +
  'Supercalifragilisticexpialidociousandthensomemoreletterswithoutanyspaces';
const NOTES = { 2: LONG_NOTE, 5: 'Board away day in March' };
const DISCUSS_FIRST = [4, 9, 6, 11, 2]; // don't-knows, then Absent, then Siloed (question order within each)

/** Where each part of the summary sits on the page (document coordinates). */
function summaryBoxes(page) {
  return page.evaluate(() => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY, right: r.right, text: el.innerText.trim().replace(/\s+/g, ' ') };
    };
    const summary = document.querySelector('.dba-summary');
    return {
      overall: box(summary?.querySelector('.dba-summary__stage')),
      meaning: box(summary?.querySelector('.dba-summary__meaning')),
      sections: [...(summary?.querySelectorAll('.dba-summary__list .nhsuk-summary-list__row') ?? [])].map(box),
      first: [...(summary?.querySelectorAll('.dba-first > li') ?? [])].map(box),
      firstLinks: [...(summary?.querySelectorAll('.dba-first a') ?? [])].map((a) => a.getAttribute('href')),
      nextSteps: [...document.querySelectorAll('.dba-next-steps a')].map(box),
      detail: box([...document.querySelectorAll('h2')].find((h) => h.textContent.trim() === 'Scores by section')),
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      height: document.documentElement.scrollHeight,
    };
  });
}

test('the summary fits the first 1280×800 screen: stage, meaning, sections, gaps, discuss first, next steps', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    const boxes = await summaryBoxes(page);
    console.log(`results page height at 1280×800: ${boxes.height} px`);
    assert.match(boxes.overall.text, /^Overall stage Siloed$/);
    assert.match(boxes.meaning.text, /kept apart from the trust’s strategy/);
    assert.deepEqual(
      boxes.sections.map((row) => row.text),
      ['Where digital sits in your trust strategy Embedded', 'Questions for boards Siloed', 'Assurance gaps 2 questions answered “Don’t know”'],
    );
    assert.deepEqual(boxes.firstLinks, DISCUSS_FIRST.map((n) => `#dba-discuss-${n}`));
    assert.deepEqual(
      boxes.first.map((item) => item.text),
      DISCUSS_FIRST.map((n, i) => `${['Don’t know', 'Don’t know', 'Absent', 'Absent', 'Siloed'][i]} Question ${n}: ${QUESTIONS[n - 1].text}`),
    );
    assert.deepEqual(
      boxes.nextSteps.map((link) => link.text),
      ['Share your results', 'Print or download', 'Agree actions', 'Compare with colleagues'],
    );
    for (const [name, part] of Object.entries({
      overall: boxes.overall,
      meaning: boxes.meaning,
      ...Object.fromEntries(boxes.sections.map((row, i) => [`section row ${i + 1}`, row])),
      ...Object.fromEntries(boxes.first.map((item, i) => [`discuss first ${i + 1}`, item])),
      ...Object.fromEntries(boxes.nextSteps.map((link) => [link.text, link])),
    })) {
      assert.ok(part.bottom <= 800, `${name} ends at ${Math.round(part.bottom)} px, below the first 800 px screen`);
    }
    assert.ok(boxes.detail.top > boxes.nextSteps.at(-1).bottom, 'the detail follows the summary');
    await checkA11y(page, 'results with the summary at 1280×800');
    await assertClean(page);
  });
});

test('on a 390 px phone the summary comes first and nothing is clipped (notes wrap, the answers table reflows)', async () => {
  await withWidget(browser, { viewport: { width: 390, height: 844 } }, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    const boxes = await summaryBoxes(page);
    console.log(`results page height at 390 px: ${boxes.height} px`);
    // First after the heading: the stage, then the rest of the summary.
    const firstBlock = await page.evaluate(() => {
      const heading = document.getElementById('dba-heading');
      let next = heading.nextElementSibling;
      while (next && next.classList.contains('dba-provenance')) next = next.nextElementSibling;
      return next?.className;
    });
    assert.match(firstBlock, /dba-summary/);
    assert.ok(boxes.overall.top < 844, 'the overall stage is on the first phone screen');
    assert.ok(boxes.first.at(-1).bottom < boxes.detail.top && boxes.nextSteps.at(-1).bottom < boxes.detail.top);
    // Nothing wider than the screen, and the note wraps inside it.
    assert.equal(boxes.scrollWidth, boxes.clientWidth, 'no horizontal scrolling');
    const note = await page.evaluate(() => {
      const cell = [...document.querySelectorAll('table.dba-answers-table .dba-answer-note')].find((c) => c.textContent.includes('Zoë'));
      const r = cell.getBoundingClientRect();
      return { right: r.right, lines: Math.round(r.height / parseFloat(getComputedStyle(cell).lineHeight)), text: cell.lastElementChild.textContent };
    });
    assert.equal(note.text, LONG_NOTE, 'the note is shown whole, as text');
    assert.ok(note.right <= 390, `the note ends at ${note.right} px`);
    assert.ok(note.lines > 3, 'the note wraps over several lines');
    // The table is stacked: each row's cells one under another, labelled.
    const stacked = await page.evaluate(() => {
      const row = document.querySelectorAll('table.dba-answers-table tbody tr')[1];
      const [number, question, answer] = row.children;
      return {
        display: getComputedStyle(question).display,
        below: question.getBoundingClientRect().top >= number.getBoundingClientRect().bottom,
        answer: answer.textContent.trim().replace(/\s+/g, ' '),
      };
    });
    assert.equal(stacked.display, 'flex');
    assert.ok(stacked.below, 'cells stack');
    assert.equal(stacked.answer, `Answer Siloed ${QUESTIONS[1].siloed}`, 'the description chosen, not only the level');
    await checkA11y(page, 'results with the summary at 390 px');
    await assertClean(page);
  });
});

test('by keyboard, a "Discuss first" line leads to its detail, and the address keeps its fragment', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    const address = page.url();
    // From the focused heading, Tab to the first "Discuss first" link.
    let focused = null;
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      focused = await activeElement(page);
      if (focused.text?.startsWith('Question 4:')) break;
    }
    assert.match(focused.text, /^Question 4: /, 'the first discuss-first link is reached by Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'dba-discuss-4');
    const target = await page.evaluate(() => {
      const r = document.activeElement.getBoundingClientRect();
      return { text: document.activeElement.querySelector('h3').textContent, top: r.top, bottom: r.bottom };
    });
    assert.equal(target.text, QUESTIONS[3].text);
    assert.ok(target.top >= 0 && target.top < 800, 'scrolled into view');
    assert.equal(page.url(), address, 'the address is unchanged');
    // "Print or download" leads to the buttons.
    await page.getByRole('link', { name: 'Print or download' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'dba-downloads');
    await assertClean(page);
  });
});

test('a shared result offers Print and every download, and "Edit a copy" leaves the role to the user', async () => {
  const link = makeLink(new URL('/', BASE_URL).href, PATTERN, { organisation: 'Zoë’s Trust', role: 'non-executive', date: '2026-11-21' });
  await withWidget(browser, { path: `/${link.slice(link.indexOf('#'))}`, heading: 'Shared results', viewport: { width: 1280, height: 800 } }, async (page) => {
    assert.deepEqual(
      await page.evaluate(() => [...document.querySelectorAll('.dba-next-steps a')].map((a) => a.textContent.trim())),
      ['Print or download', 'Compare these results', 'Start your own assessment'],
    );
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).count(), 1);
    assert.equal(await page.getByRole('heading', { name: 'Share your results' }).count(), 0, 'no share panel for someone else’s results');
    const csv = await download(page, 'CSV');
    assert.equal(csv.name, 'zo-s-trust-digital-strategy-board-self-assessment-2026-11-21.csv');
    const rows = parseCsv(csv.text);
    assert.equal(rows.length, 1 + QUESTIONS.length);
    assert.ok(rows.slice(1).every((row) => row.includes('Zoë’s Trust') && row.includes('Non-executive')), 'who it is from travels with the file');
    const markdown = await download(page, 'Markdown');
    assert.match(markdown.text, /Zoë’s Trust/);
    const json = await download(page, 'JSON');
    assert.equal(JSON.parse(json.text).format, 'digital-board-assessment-result');
    await checkA11y(page, 'shared results with downloads');

    // Edit a copy: the answers and organisation come over; the sender's
    // role does not.
    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('button', { name: 'See your results' }).click();
    await waitForHeading(page, 'Your results');
    assert.equal(await page.getByLabel('Organisation name or ODS code (optional)').inputValue(), 'Zoë’s Trust');
    assert.equal(await page.getByLabel('Non-executive', { exact: true }).isChecked(), false, 'the sender’s role is not carried over');
    assert.equal(await page.getByLabel('Other or not given', { exact: true }).isChecked(), true);
    await assertClean(page);
  });
});

test('printing gives the whole result: the detail, "How we scored this" open, no buttons', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
      const method = document.querySelector('.dba-page details .nhsuk-details__text');
      return {
        summary: visible(document.querySelector('.dba-summary')),
        answers: visible(document.querySelector('table.dba-answers-table')),
        discussion: document.querySelectorAll('ol.dba-discussion > li').length,
        method: method.getBoundingClientRect().height > 0,
        buttons: [...document.querySelectorAll('.dba-page button')].filter(visible).length,
        nextSteps: visible(document.querySelector('.dba-next-steps')),
      };
    });
    assert.deepEqual(printed, { summary: true, answers: true, discussion: 9, method: true, buttons: 0, nextSteps: false });
    await assertClean(page);
  });
});
