// Accessibility: axe (WCAG 2.0–2.2 A and AA) on every screen, reflow at
// 320 CSS pixels without horizontal scrolling, and the printed results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUESTIONS,
  TITLE,
  answerByMouse,
  assertClean,
  checkA11y,
  completeByMouse,
  launchBrowser,
  seeResults,
  startByMouse,
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

// Gives a results page with everything on it: a consistency flag, "Don't
// know" assurance gaps, Absent and Siloed discussion points and a note.
// Trust strategy E E E -> Embedded; question 4 Absent -> two levels apart.
const FULL_PATTERN = 'EEE' + 'ASDEASDESA';
const NOTES = { 8: 'Ask for the trade-offs paper' };
// Getting to a screen quickly (see `force` in support.mjs); the reflow test
// below clicks with every actionability check, at 320 px.
const QUICK = { force: true };

/** Clicks Continue with nothing chosen and waits for the error summary. */
async function showError(page) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
}

test('axe: start page, a question page and its error state have no violations', async () => {
  await withWidget(browser, {}, async (page) => {
    await checkA11y(page, 'the start page');

    await startByMouse(page);
    await checkA11y(page, 'question 1');

    await showError(page);
    await checkA11y(page, 'question 1 in its error state');

    await assertClean(page);
  });
});

test('axe: Check your answers and the results page (flag, gaps, discussion, method open) have no violations', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, FULL_PATTERN, NOTES, QUICK);
    await checkA11y(page, 'Check your answers');

    await seeResults(page);
    assert.equal(await page.locator('.dba-flag').count(), 1, 'the consistency flag is showing');
    assert.equal(await page.locator('ol.dba-discussion > li').count(), 8, 'discussion points are showing');
    await checkA11y(page, 'the results page');

    await page.getByText('How we scored this').click();
    await checkA11y(page, 'the results page with “How we scored this” open');

    await assertClean(page);
  });
});

/**
 * Measures horizontal overflow at the current viewport: the document's
 * scroll width and, if it is too wide, the elements reaching past the edge.
 */
function measureOverflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits = [];
    if (scrollWidth > width) {
      for (const el of document.querySelectorAll('body *')) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && rect.right > width + 0.5) {
          const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${
            typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''
          }`;
          culprits.push(`${name} (right edge ${Math.round(rect.right)}px)`);
        }
      }
    }
    return { scrollWidth, culprits: culprits.slice(0, 8) };
  });
}

test('reflow at 320 px wide: no horizontal scrolling on any screen', async () => {
  await withWidget(browser, { viewport: { width: 320, height: 640 } }, async (page) => {
    const problems = [];
    const check = async (screen) => {
      const { scrollWidth, culprits } = await measureOverflow(page);
      if (scrollWidth > 320) {
        problems.push(`${screen}: scrollWidth ${scrollWidth}px; too wide: ${culprits.join(', ')}`);
      }
    };

    await check('start page');
    await startByMouse(page);
    await showError(page);
    await check('question 1 in its error state');

    // Every question page, as it is answered.
    for (const [i, code] of [...FULL_PATTERN].entries()) {
      const n = i + 1;
      await waitForHeading(page, QUESTIONS[i].text, { focused: false });
      await check(`question ${n}`);
      await answerByMouse(page, n, code, {
        note: NOTES[n],
        next: n < QUESTIONS.length ? QUESTIONS[n].text : 'Check your answers',
      });
    }
    await check('Check your answers');

    await seeResults(page);
    await check('the results page');
    // The chart fits the column whole (it used to scroll inside itself and
    // cut "Embedded" off), and its text stays at least 12 px.
    const chart = await page.evaluate(() => {
      const figure = document.querySelector('figure.dba-chart');
      const svg = figure.querySelector('svg');
      const label = svg.querySelector('.dba-chart__value').getBoundingClientRect();
      return {
        scrolls: figure.scrollWidth > figure.clientWidth,
        svgRight: svg.getBoundingClientRect().right,
        figureRight: figure.getBoundingClientRect().right,
        textHeight: label.height,
      };
    });
    assert.equal(chart.scrolls, false, 'the chart does not scroll sideways');
    assert.ok(chart.svgRight <= chart.figureRight + 0.5, JSON.stringify(chart));
    assert.ok(chart.textHeight >= 12, `chart text ${chart.textHeight}px high`);
    await page.getByText('How we scored this').click();
    await check('the results page with “How we scored this” open');

    assert.deepEqual(problems, [], `horizontal scrolling at 320 px:\n  ${problems.join('\n  ')}`);
    await assertClean(page);
  });
});

/**
 * Pairs of buttons in one group that touch or overlap (less than 8 px apart
 * side by side, or on top of each other), by their text.
 */
function touchingButtons(page, groupSelector) {
  return page.evaluate((selector) => {
    const touching = [];
    for (const group of document.querySelectorAll(selector)) {
      const buttons = [...group.querySelectorAll('.nhsuk-button')].map((b) => [b.textContent.trim(), b.getBoundingClientRect()]);
      for (const [i, [a, ra]] of buttons.entries()) {
        for (const [b, rb] of buttons.slice(i + 1)) {
          const apartSideways = Math.max(rb.left - ra.right, ra.left - rb.right);
          const apartUpDown = Math.max(rb.top - ra.bottom, ra.top - rb.bottom);
          if (apartSideways < 8 && apartUpDown < 8) touching.push(`${a} / ${b}`);
        }
      }
    }
    return touching;
  }, groupSelector);
}

test('buttons side by side keep apart: saved answers on the start page, and Print or download, on a laptop and a phone', async () => {
  for (const width of [1024, 360]) {
    await withWidget(browser, { viewport: { width, height: 800 } }, async (page) => {
      await completeByMouse(page, FULL_PATTERN);
      await seeResults(page);
      assert.deepEqual(await touchingButtons(page, '.nhsuk-button-group'), [], `results page at ${width} px`);
      assert.equal(await page.locator('.nhsuk-button-group .nhsuk-button').count(), 5, 'the download and print buttons are in a group');
      await page.reload();
      await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
      assert.deepEqual(await touchingButtons(page, '.nhsuk-button-group'), [], `start page at ${width} px`);
      assert.equal(await page.locator('.nhsuk-button-group .nhsuk-button').count(), 2);
      await assertClean(page);
    });
  }
});

/** Whether each of these locators is visible, by a readable name. */
async function visibility(entries) {
  const result = {};
  for (const [name, locator] of Object.entries(entries)) {
    const count = await locator.count();
    assert.ok(count > 0, `${name} should exist on the page`);
    const shown = [];
    for (let i = 0; i < count; i++) shown.push(await locator.nth(i).isVisible());
    result[name] = shown.every(Boolean) ? true : shown.some(Boolean) ? 'partly' : false;
  }
  return result;
}

const all = (entries, value) => Object.fromEntries(Object.keys(entries).map((k) => [k, value]));

test('print: header, footer, Back link and buttons are hidden; results headings stay', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, FULL_PATTERN, NOTES, QUICK);
    await page.emulateMedia({ media: 'print' });

    // Check your answers, printed: no Back link, Change links or button.
    const checkHidden = {
      'header': page.locator('header.nhsuk-header'),
      'footer': page.locator('footer.nhsuk-footer'),
      'skip link': page.locator('.nhsuk-skip-link'),
      'Back link': page.locator('a.nhsuk-back-link'),
      'Change links': page.locator('.nhsuk-summary-list__actions a'),
      'See your results button': page.getByRole('button', { name: 'See your results', includeHidden: true }),
    };
    assert.deepEqual(await visibility(checkHidden), all(checkHidden, false), 'printed Check your answers');
    assert.equal(await page.locator('h1').isVisible(), true, 'Check your answers heading is printed');

    await page.emulateMedia({ media: 'screen' });
    await seeResults(page);
    await page.emulateMedia({ media: 'print' });

    const resultsHidden = {
      'header': page.locator('header.nhsuk-header'),
      'footer': page.locator('footer.nhsuk-footer'),
      'skip link': page.locator('.nhsuk-skip-link'),
      'buttons': page.locator('button, .nhsuk-button'),
      'Start again button': page.getByRole('button', { name: 'Start again', includeHidden: true }),
      'Change your answers link': page.getByRole('link', { name: 'Change your answers', includeHidden: true }),
    };
    assert.deepEqual(await visibility(resultsHidden), all(resultsHidden, false), 'printed results: hidden parts');
    assert.equal(await page.locator('a.nhsuk-back-link').count(), 0, 'the results page has no Back link');

    const resultsShown = {
      'h1 Your results': page.getByRole('heading', { level: 1, name: 'Your results' }),
      'Overall stage heading': page.getByRole('heading', { name: 'Overall stage' }),
      'overall stage tag': page.locator('.dba-overall strong.nhsuk-tag'),
      'consistency flag heading': page.getByRole('heading', { name: 'Important: answers that disagree' }),
      'Scores by section caption': page.locator('caption', { hasText: 'Scores by section' }),
      'Question by question heading': page.getByRole('heading', { name: 'Question by question' }),
      'chart': page.locator('svg.dba-chart__svg'),
      'Answers by question caption': page.locator('caption', { hasText: 'Answers by question' }),
      'For discussion heading': page.getByRole('heading', { name: 'For discussion' }),
      'discussion headings': page.locator('ol.dba-discussion h3'),
    };
    assert.deepEqual(await visibility(resultsShown), all(resultsShown, true), 'printed results: content');

    // The scoring method prints even though its details element is closed.
    const method = page.getByText('Each answer scores points: Absent 0, Siloed 1, Embedded 2.');
    assert.equal(await method.isVisible(), true, '“How we scored this” is printed while closed');

    // Back on screen, the controls return.
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.getByRole('button', { name: 'Start again' }).isVisible(), true);
    assert.equal(await page.locator('header.nhsuk-header').isVisible(), true);
    assert.equal(await page.title(), `Your results – ${TITLE}`);

    await assertClean(page);
  });
});
