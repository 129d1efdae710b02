// The compare view at the sizes people use it (issue 18): a board of ten on
// a 1280 px laptop with every member's column in view and no tag cut; the
// same board on a 390 px and a 320 px phone, each question listing every
// member's answer; five trusts in system mode, led by where the system
// stands (never a ranking), with a chart that fits a phone; forty results
// added, one line each, Compare still within reach; and Remove by keyboard,
// focus kept sensibly. Results are made with links.mjs; every expected value
// is worked out from the patterns below. Axe on each screen.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  QUESTIONS,
  activeElement,
  assertClean,
  checkA11y,
  launchBrowser,
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
const COMPARE = 'Compare results';
const BOARD_HEADING = 'Where the board agrees and disagrees';
const SYSTEM_HEADING = 'Digital maturity across the system';
const L = { A: 'Absent', S: 'Siloed', E: 'Embedded', D: 'Don’t know' };
const qtext = (n) => `${n}. ${QUESTIONS[n - 1].text}`;

/** Opens compare from the start page, pastes `text` and adds it. */
async function gather(page, text, added) {
  await page.getByRole('link', { name: COMPARE, exact: true }).click();
  await waitForHeading(page, COMPARE);
  await page.locator('#dba-compare-links').fill(text);
  await page.getByRole('button', { name: 'Add results', exact: true }).click();
  await page.waitForFunction(
    (expected) => document.querySelector('.dba-compare-status')?.textContent.trim() === expected,
    `${added} results added.`,
  );
}

/** Gathers `text` and shows the comparison (`heading`). */
async function compare(page, text, added, heading) {
  await gather(page, text, added);
  await page.getByRole('button', { name: 'Compare', exact: true }).first().click();
  await waitForHeading(page, heading);
}

/** The page's width beyond the window, and wrappers that scroll sideways. */
function sideways(page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    regions: [...document.querySelectorAll('.dba-table-wrapper, .dba-chart')]
      .filter((w) => w.scrollWidth > w.clientWidth)
      .map((w) => w.querySelector('caption, figcaption')?.textContent.trim()),
  }));
}

// ---------------------------------------------------------------------------
// A board of ten: executives and non-executives in turn, named.
// ---------------------------------------------------------------------------

const TEN = [
  'Jane Smith', 'Robert Brown', 'Priya Patel', 'Mohammed Khan', 'Sarah O’Neill',
  'David Jones', 'Aisha Begum', 'Tom Williams', 'Grace Evans', 'Chidi Okafor',
].map((name, i) => ({
  name,
  role: i % 2 ? 'non-executive' : 'executive',
  // Ten different patterns, every level and "Don't know" among them.
  pattern: Array.from({ length: 13 }, (_, q) => 'ASED'[(q * 7 + i * 3 + ((q * i) % 5)) % 4]).join(''),
}));
const tenText = () =>
  TEN.map((m) => `${m.name}: ${makeLink(PAGE_URL, m.pattern, { organisation: 'Leeds Teaching Hospitals NHS Trust', role: m.role, date: '2026-11-21' })}`).join('\n');
const heading = (m) => `${m.name} (${m.role})`;

test('a board of ten at 1280 px: every member column in view, no tag cut, a key of numbers, names and letters', async () => {
  assert.equal(new Set(TEN.map((m) => m.pattern)).size, 10, 'ten different results');
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await compare(page, tenText(), 10, BOARD_HEADING);
    const layout = await page.evaluate(() => {
      const table = document.querySelector('table.dba-spread-table');
      const columns = [...table.querySelectorAll('thead th')];
      const first = columns.findIndex((th) => th.classList.contains('dba-spread-table__result'));
      const box = (el) => el.getBoundingClientRect();
      return {
        first,
        headers: columns.slice(first).map((th) => ({
          shown: th.querySelector('.dba-short').textContent,
          name: th.querySelector('.dba-full').textContent,
          ...(({ left, right }) => ({ left, right }))(box(th)),
        })),
        cells: [...table.querySelectorAll('tbody tr')].flatMap((tr) =>
          [...tr.querySelectorAll('td.dba-spread-table__result')].map((td) => {
            const tag = td.querySelector('.dba-answer-tag');
            return {
              left: box(td).left,
              right: box(td).right,
              cut: td.scrollWidth > td.clientWidth || tag.scrollWidth > tag.clientWidth,
              letter: tag.querySelector('.dba-short').textContent,
              letterShown: getComputedStyle(tag.querySelector('.dba-short')).display !== 'none',
            };
          })),
        key: [...document.querySelectorAll('.dba-spread-key__results li')].map((li) => li.textContent.trim()),
        levels: [...document.querySelectorAll('.dba-spread-key__levels li')].map((li) => li.textContent.trim().replace(/\s+/g, ' ')),
        keyShown: getComputedStyle(document.querySelector('.dba-spread-key')).display !== 'none',
        width: window.innerWidth,
      };
    });
    assert.deepEqual(layout.headers.map((h) => [h.shown, h.name]), TEN.map((m, i) => [String(i + 1), heading(m)]));
    for (const h of layout.headers) {
      assert.ok(h.left >= 0 && h.right <= layout.width, `column ${h.shown} (${h.name}) is at ${h.left}–${h.right}`);
    }
    assert.equal(layout.cells.length, 13 * 10);
    for (const [i, c] of layout.cells.entries()) {
      const where = `row ${Math.floor(i / 10) + 1}, member ${(i % 10) + 1}`;
      assert.ok(c.left >= 0 && c.right <= layout.width, `${where}: at ${c.left}–${c.right}, past the window`);
      assert.ok(!c.cut, `${where}: its tag is cut`);
      assert.ok(c.letterShown, `${where}: the one-letter tag shows`);
    }
    assert.ok(layout.keyShown, 'the key shows where the table uses numbers and letters');
    assert.deepEqual(layout.key, TEN.map((m, i) => `${i + 1} ${heading(m)}`));
    assert.deepEqual(layout.levels, ['E Embedded', 'S Siloed', 'A Absent', '? Don’t know']);
    assert.deepEqual(await sideways(page), { page: 0, regions: [] }, 'nothing scrolls sideways');
    await checkA11y(page, 'a board of ten at 1280 px');
    await assertClean(page);
  });
});

for (const width of [390, 320]) {
  test(`a board of ten at ${width} px: each question lists every member’s answer as “Name: Level”, nothing scrolls sideways`, async () => {
    await withWidget(browser, { viewport: { width, height: 800 } }, async (page) => {
      await compare(page, tenText(), 10, BOARD_HEADING);
      const rows = await page.evaluate(() => {
        const visible = (el) => {
          const r = el.getBoundingClientRect();
          return r.width > 1 && r.height > 1 && r.right <= window.innerWidth + 0.5 && r.left >= -0.5;
        };
        return [...document.querySelectorAll('table.dba-spread-table tbody tr')].map((tr) => ({
          question: tr.querySelector('th').textContent.trim(),
          answers: [...tr.querySelectorAll('td.dba-spread-table__result')].map((td) => {
            const name = td.querySelector('.nhsuk-table__heading');
            const level = td.querySelector('.dba-full');
            return {
              line: `${name.textContent.trim()}: ${level.textContent.trim()}`,
              shown: visible(name) && visible(level) && getComputedStyle(td).display !== 'none',
            };
          }),
        }));
      });
      assert.equal(rows.length, 13);
      for (const row of rows) {
        const n = Number(row.question.slice(0, row.question.indexOf('.')));
        assert.equal(row.question, qtext(n));
        assert.deepEqual(
          row.answers.map((a) => a.line),
          TEN.map((m) => `${heading(m)}: ${L[m.pattern[n - 1]]}`),
          `question ${n}: every member's answer`,
        );
        assert.ok(row.answers.every((a) => a.shown), `question ${n}: every answer in view`);
      }
      assert.deepEqual(await sideways(page), { page: 0, regions: [] }, 'nothing scrolls sideways');
      await checkA11y(page, `a board of ten at ${width} px`);
      await assertClean(page);
    });
  });
}

// ---------------------------------------------------------------------------
// Five trusts across a system.
//
//        Q1 Q2 Q3 | Q4 … Q12 Q13
// T1      A  A  D |  S …  S   E
// T2      A  D  D |  S …  S   E
// T3      A  S  A |  S …  S   E
// T4      S  E  D |  S …  S   E
// T5      E  E  A |  S …  S   E
//
// Most Absent or don't know: Q3 (all five: 2 Absent, 3 don't know), then Q1
// (three Absent); Q2 has two of five, not most. Widest range, Absent to
// Embedded: Q1 (3 Absent, 1 Siloed, 1 Embedded) and Q2 (1 Absent, 1 Siloed,
// 2 Embedded, 1 don't know).
// ---------------------------------------------------------------------------

const FIVE = [
  ['Harrogate and District NHS Foundation Trust', 'AADSSSSSSSSSE'],
  ['Airedale NHS Foundation Trust', 'ADDSSSSSSSSSE'],
  ['Calderdale and Huddersfield NHS Foundation Trust', 'ASASSSSSSSSSE'],
  ['Bradford Teaching Hospitals NHS Foundation Trust', 'SEDSSSSSSSSSE'],
  ['Leeds Teaching Hospitals NHS Trust', 'EEASSSSSSSSSE'],
];
const fiveText = () => FIVE.map(([organisation, pattern]) => makeLink(PAGE_URL, pattern, { organisation, role: '', date: '2026-06-30' })).join('\n');

for (const width of [1280, 390]) {
  test(`five trusts at ${width} px: the page leads with where the system stands, by question, never ranking; the chart fits`, async () => {
    await withWidget(browser, { viewport: { width, height: 800 } }, async (page) => {
      await compare(page, fiveText(), 5, SYSTEM_HEADING);
      const shown = await page.evaluate(() => {
        const lines = (sel) => [...document.querySelectorAll(`${sel} li`)].map((li) => li.innerText.trim().split('\n'));
        const heads = [...document.querySelectorAll('.dba-page--comparison h2')].map((h) => h.textContent.trim());
        return { heads, gaps: lines('.dba-system-gaps'), differ: lines('.dba-system-differ') };
      });
      // Before the sections, the chart and the tables.
      assert.deepEqual(shown.heads.slice(0, 2), ['Where most organisations are Absent or don’t know', 'Where organisations differ most']);
      assert.deepEqual(shown.gaps, [
        [qtext(3), '5 of 5 organisations Absent or don’t know (2 Absent, 3 don’t know)'],
        [qtext(1), '3 of 5 organisations Absent or don’t know (3 Absent)'],
      ]);
      assert.deepEqual(shown.differ, [
        [qtext(1), 'Absent to Embedded (3 Absent, 1 Siloed, 1 Embedded)'],
        [qtext(2), 'Absent to Embedded (1 Absent, 1 Siloed, 2 Embedded, 1 don’t know)'],
      ]);
      // About questions only: no organisation is named, totalled or ranked there.
      const summary = [...shown.gaps, ...shown.differ].flat().join(' ');
      for (const [organisation] of FIVE) assert.ok(!summary.includes(organisation), `the summary names ${organisation}`);
      assert.ok(!/\brank|\btotal|\bbest\b|\bworst\b|\btop\b/i.test(summary), summary);

      // The chart fits the column; its text stays readable.
      const chart = await page.evaluate(() => {
        const figure = document.querySelector('.dba-system-chart');
        const svg = figure.querySelector('svg');
        const size = (sel) => Math.min(...[...svg.querySelectorAll(sel)].map((t) => t.getBoundingClientRect().height));
        return {
          fits: svg.getBoundingClientRect().right <= figure.getBoundingClientRect().right + 0.5,
          scrolls: figure.scrollWidth > figure.clientWidth,
          label: size('.dba-chart__label'),
          marker: size('.dba-system-chart__marker text'),
          markers: [...svg.querySelectorAll('.dba-system-chart__marker text')].map((t) => t.textContent),
        };
      });
      assert.ok(chart.fits && !chart.scrolls, `${width} px: the chart runs past its column`);
      assert.ok(chart.label >= 11, `${width} px: question labels ${chart.label} px high`);
      assert.ok(chart.marker >= 8, `${width} px: marker numbers ${chart.marker} px high`);
      assert.ok(chart.markers.every((m) => /^[1-5]$/.test(m)), 'markers are the organisations’ numbers');
      assert.deepEqual(await sideways(page), { page: 0, regions: [] }, 'nothing scrolls sideways');
      await checkA11y(page, `five trusts at ${width} px`);
      await assertClean(page);
    });
  });
}

// ---------------------------------------------------------------------------
// Forty results added.
// ---------------------------------------------------------------------------

const FORTY = Array.from({ length: 40 }, (_, i) => makeLink(PAGE_URL, Array.from({ length: 13 }, (_, q) => 'ASED'[(q + i) % 4]).join(''), {
  organisation: `Trust ${i + 1} NHS Foundation Trust`,
  role: '',
  date: '2026-06-30',
}));

test('forty results: one line each at 1280 px, and Compare within a screen of “Add results”, above the list (and again below it)', async () => {
  await withWidget(browser, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await gather(page, FORTY.join('\n'), 40);
    const layout = await page.evaluate(() => {
      const top = (el) => el.getBoundingClientRect().top + window.scrollY;
      const buttons = [...document.querySelectorAll('button')].filter((b) => b.textContent.trim() === 'Compare');
      const rows = [...document.querySelectorAll('tr.dba-compare-entry')];
      return {
        add: top([...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Add results')),
        compare: buttons.map((b) => ({ top: top(b), bottom: top(b) + b.getBoundingClientRect().height })),
        list: top(document.querySelector('table.dba-compare-entries')),
        rows: rows.map((tr) => ({
          height: tr.getBoundingClientRect().height,
          text: tr.querySelector('th').textContent.trim(),
          cells: [...tr.children].map((c) => Math.round(c.getBoundingClientRect().top)),
          remove: tr.querySelector('button').textContent.trim(),
        })),
      };
    });
    assert.equal(layout.rows.length, 40);
    for (const [i, row] of layout.rows.entries()) {
      assert.equal(row.text, `Result ${i + 1}: Trust ${i + 1} NHS Foundation Trust`);
      assert.equal(new Set(row.cells).size, 1, `result ${i + 1}: its cells on one line`);
      assert.ok(row.height <= 80, `result ${i + 1} is ${row.height} px high`);
      assert.equal(row.remove, `Remove result ${i + 1}`);
    }
    assert.equal(layout.compare.length, 2, 'a Compare button above the list and one after it');
    const [above, below] = layout.compare;
    assert.ok(above.bottom < layout.list, 'the first Compare comes before the list');
    assert.ok(above.bottom - layout.add <= 800, `Compare is ${above.bottom - layout.add} px below “Add results”`);
    assert.ok(below.top > layout.rows.length * 40 + layout.list - 1, 'the second ends the list');
    // Either shows the comparison.
    await page.getByRole('button', { name: 'Compare', exact: true }).first().click();
    await waitForHeading(page, SYSTEM_HEADING);
    await page.getByRole('link', { name: 'Change the results', exact: true }).click();
    await waitForHeading(page, COMPARE);
    await checkA11y(page, 'forty results added');
    await assertClean(page);
  });
});

test('Remove by keyboard: focus moves to the Remove button that takes its place, the last one, then the heading', async () => {
  await withWidget(browser, {}, async (page) => {
    await gather(page, FORTY.slice(0, 3).join('\n'), 3);
    assert.equal(await page.locator('button', { hasText: /^Compare$/ }).count(), 1, 'a short list has one Compare button');
    // From result 2's name field: Tab to its role, then its Remove button.
    await page.locator('#dba-compare-name-2').focus();
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).id, 'dba-compare-role-2');
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, 'Remove result 2');
    const legends = () => page.locator('tr.dba-compare-entry th').allTextContents();

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('tr.dba-compare-entry').length === 2);
    assert.deepEqual((await legends()).map((t) => t.trim()), ['Result 1: Trust 1 NHS Foundation Trust', 'Result 2: Trust 3 NHS Foundation Trust']);
    await page.waitForFunction(() => document.activeElement?.id === 'dba-compare-remove-2');
    assert.equal((await activeElement(page)).text, 'Remove result 2', 'the next result’s Remove button, now result 2');

    // The last one removed: the one before it.
    await page.keyboard.press('Space');
    await page.waitForFunction(() => document.querySelectorAll('tr.dba-compare-entry').length === 1);
    await page.waitForFunction(() => document.activeElement?.id === 'dba-compare-remove-1');

    // None left: the list's heading.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'dba-compare-added');
    assert.equal((await activeElement(page)).text, 'Results added (0)');
    await checkA11y(page, 'every result removed');
    await assertClean(page);
  });
});
