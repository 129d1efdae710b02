// The compare view: board members (disagreement first), organisations
// across a system (side by side, never ranked), then and now; pasting links
// with names, bad input named line by line, the compare link round trip,
// downloads read back as files, and the ways in (start page, results page,
// shared result, start: "compare"). Results are made with links.mjs, an
// independent writer of share links, checked here against a link the widget
// made. Every expected value below is worked out by hand from the patterns.
// Nothing may leave loopback, and nothing may be stored in the browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  BASE_URL,
  QUESTIONS,
  SECTIONS,
  TITLE,
  activeElement,
  assertClean,
  checkA11y,
  completeToResults,
  download,
  launchBrowser,
  md,
  parseCsv,
  readSharePanel,
  requestsMade,
  sharePayload,
  todayLocal,
  waitForHeading,
  withWidget,
} from './support.mjs';
import { makeLink, makePayload } from './links.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The page address links are made on. */
const PAGE_URL = new URL('/', BASE_URL).href;
const COMPARE = 'Compare results';
const BOARD_HEADING = 'Where the board agrees and disagrees';
const SYSTEM_HEADING = 'Digital maturity across the system';
const THEN_NOW_HEADING = 'Then and now';
const DK = 'Don’t know';
const L = { A: 'Absent', S: 'Siloed', E: 'Embedded', D: DK };
const TITLE_SLUG = 'digital-strategy-board-self-assessment';

const link = (pattern, label) => makeLink(PAGE_URL, pattern, label);
const qid = (n) => QUESTIONS[n - 1].id;
const qtext = (n) => `${n}. ${QUESTIONS[n - 1].text}`;

// ---------------------------------------------------------------------------
// A board of three. Questions 1–3 are section 1, 4–13 section 2.
//
//            Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13
// Jane (ex)   E  E  S  A  E  S  D  E  S  S   E   A   S
// Exec 2      E  S  S  E  E  S  S  D  S  A   E   A   S
// Non-exec    A  S  S  E  S  D  S  A  E  S   E   D   S
//
// Two apart (Absent and Embedded): Q1, Q4, Q8 -> 3 questions.
// Executives' vs non-executives' averages (tenths, rounded half up):
//   Q1 20/0 (gap 20), Q2 15/10 (5), Q3 10/10, Q4 10/20 (10), Q5 20/10 (10),
//   Q6 10/none (no averages shown), Q7 10/10 (Q7's only executive level is Exec 2's), Q8 20/0 (20),
//   Q9 10/20 (10), Q10 5/10 (5), Q11 20/20, Q12 0/none (none shown), Q13 10/10.
//   Differ (a whole level or more): Q1, Q4, Q5, Q8, Q9 -> 5 questions.
// Don't know: Q6, Q7, Q8, Q12 one each -> 4 in all.
// Order, by (range, roles differ, gap, don't knows) descending, then number:
//   range 2: Q8 (T,20,1), Q1 (T,20,0), Q4 (T,10,0);
//   range 1: Q5 (T,10,0), Q9 (T,10,0), Q2 (F,5,0), Q10 (F,5,0);
//   range 0: Q6, Q7, Q12 (one don't know each), then Q3, Q11, Q13.
// Highlighted (two apart or roles differ): Q8, Q1, Q4, Q5, Q9, the first five.
// ---------------------------------------------------------------------------

const BOARD_LABEL = { organisation: 'Leeds Teaching Hospitals', date: '2025-03-04' };
const BOARD = [
  { pattern: 'EESAESDESSEAS', role: 'executive', prefix: 'Jane Smith: ' },
  { pattern: 'ESSEESSDSAEAS', role: 'executive', prefix: '' },
  { pattern: 'ASSESDSAESEDS', role: 'non-executive', prefix: '' },
];
const boardLinks = () => BOARD.map((m) => link(m.pattern, { ...BOARD_LABEL, role: m.role }));
const boardText = () => boardLinks().map((l, i) => `${BOARD[i].prefix}${l}`).join('\n');

const BOARD_ORDER = [8, 1, 4, 5, 9, 2, 10, 6, 7, 12, 3, 11, 13];
const TWO_EXEC_DIFFER = 'Two apart; executives and non-executives differ';
/** Per question: range, median, don't know, executives', non-executives', disagreement. */
const BOARD_SPREAD = {
  1: ['Absent to Embedded', 'Embedded', '0', '2.0', '0.0', TWO_EXEC_DIFFER],
  2: ['Siloed to Embedded', 'Siloed', '0', '1.5', '1.0', 'One apart'],
  3: ['All Siloed', 'Siloed', '0', '1.0', '1.0', 'All agree'],
  4: ['Absent to Embedded', 'Embedded', '0', '1.0', '2.0', TWO_EXEC_DIFFER],
  5: ['Siloed to Embedded', 'Embedded', '0', '2.0', '1.0', 'One apart; executives and non-executives differ'],
  // The one non-executive said don't know: no level to average.
  6: ['All Siloed', 'Siloed', '1', '1.0', 'No levels given', '1 don’t know'],
  7: ['All Siloed', 'Siloed', '1', '1.0', '1.0', '1 don’t know'],
  // Levels 0 and 2: the median falls between them, never on Siloed.
  8: ['Absent to Embedded', 'Between Absent and Embedded', '1', '2.0', '0.0', `${TWO_EXEC_DIFFER}; 1 don’t know`],
  9: ['Siloed to Embedded', 'Siloed', '0', '1.0', '2.0', 'One apart; executives and non-executives differ'],
  10: ['Absent to Siloed', 'Siloed', '0', '0.5', '1.0', 'One apart'],
  11: ['All Embedded', 'Embedded', '0', '2.0', '2.0', 'All agree'],
  12: ['All Absent', 'Absent', '1', '0.0', 'No levels given', '1 don’t know'],
  13: ['All Siloed', 'Siloed', '0', '1.0', '1.0', 'All agree'],
};
const BOARD_HIGHLIGHTED = [1, 4, 5, 8, 9];
const levels = (n, patterns) => patterns.map((p) => L[p[n - 1]]);
/** The board table's rows as the page should show them, most disagreement first. */
const boardRows = () =>
  BOARD_ORDER.map((n) => ({
    question: qid(n),
    disagree: BOARD_HIGHLIGHTED.includes(n),
    cells: [qtext(n), BOARD_SPREAD[n][5], ...BOARD_SPREAD[n].slice(0, 5), ...levels(n, BOARD.map((m) => m.pattern))],
  }));

// ---------------------------------------------------------------------------
// Reading the pages
// ---------------------------------------------------------------------------

/** Clicks a link or button by its accessible name and waits for `heading`. */
async function go(page, role, name, heading) {
  // A long list of results ends with a second Compare button: either will do.
  await page.getByRole(role, { name, exact: true }).first().click();
  await waitForHeading(page, heading);
}

/** From the start page to the compare page. */
const openCompare = (page) => go(page, 'link', COMPARE, COMPARE);

/** Pastes `text` into the links box and presses "Add results". */
async function addLinks(page, text) {
  await page.locator('#dba-compare-links').fill(text);
  await page.getByRole('button', { name: 'Add results', exact: true }).click();
}

/** Waits until the compare page's status says `text`. */
async function waitForStatus(page, text) {
  const status = page.locator('.dba-compare-status');
  try {
    await page.waitForFunction((expected) => document.querySelector('.dba-compare-status')?.textContent.trim() === expected, text, { timeout: 5000 });
  } catch {
    assert.fail(`expected the status "${text}", got "${await status.textContent()}"`);
  }
}

/** Reads the compare page into plain data. */
function readCompare(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    const cell = (el) => {
      // A cell's text as it reads in the table: without the headings a
      // stacked cell repeats for sighted users, nor the short forms shown
      // for the full words at desktop width (both hidden from screen readers).
      if (!el) return null;
      const copy = el.cloneNode(true);
      for (const hidden of copy.querySelectorAll('.nhsuk-table__heading, [aria-hidden="true"]')) hidden.remove();
      return copy.textContent.trim().replace(/\s+/g, ' ');
    };
    return {
      links: document.getElementById('dba-compare-links')?.value ?? null,
      status: text(document.querySelector('.dba-compare-status')),
      problemsHeading: text(document.querySelector('.dba-compare-problems h2')),
      problems: [...document.querySelectorAll('.dba-compare-problems li')].map(text),
      count: text([...document.querySelectorAll('h2')].find((h) => h.textContent.startsWith('Results added'))),
      // One row per result: the name shown, organisation, date, overall
      // stage, the name and role fields, Remove.
      entries: [...document.querySelectorAll('tr.dba-compare-entry')].map((tr, i) => {
        const cells = [...tr.children].map(cell);
        const role = document.getElementById(`dba-compare-role-${i + 1}`);
        return {
          legend: cells[0],
          facts: [cells[1], cells[2]].filter((c) => c).join(' · '),
          name: document.getElementById(`dba-compare-name-${i + 1}`)?.value ?? null,
          role: role ? role.options[role.selectedIndex].textContent.trim() : null,
        };
      }),
      overall: [...document.querySelectorAll('tr.dba-compare-entry')].map((tr) => cell(tr.children[3])),
      mode: document.querySelector('input[name="compare-mode"]:checked')?.id ?? null,
      errorSummary: document.getElementById('dba-error-summary')
        ? {
            heading: text(document.querySelector('#dba-error-summary h2')),
            items: [...document.querySelectorAll('#dba-error-summary li')].map(text),
            links: [...document.querySelectorAll('#dba-error-summary li a')].map((a) => a.getAttribute('href')),
          }
        : null,
      inlineError: text(document.getElementById('dba-compare-links-error')),
    };
  });
}

/** Reads a table (by a selector or its caption) into head cells and rows. */
function readTable(page, { selector, caption }) {
  return page.evaluate(
    ([sel, cap]) => {
      const text = (el) => {
      // A cell's text as it reads in the table: without the headings a
      // stacked cell repeats for sighted users, nor the short forms shown
      // for the full words at desktop width (both hidden from screen readers).
      if (!el) return null;
      const copy = el.cloneNode(true);
      for (const hidden of copy.querySelectorAll('.nhsuk-table__heading, [aria-hidden="true"]')) hidden.remove();
      return copy.textContent.trim().replace(/\s+/g, ' ');
    };
      const table = sel
        ? document.querySelector(sel)
        : [...document.querySelectorAll('table')].find((t) => text(t.querySelector('caption')) === cap);
      if (!table) return null;
      return {
        caption: text(table.querySelector('caption')),
        head: [...table.querySelectorAll('thead th')].map(text),
        rows: [...table.querySelectorAll('tbody tr')].map((tr) => ({
          question: tr.getAttribute('data-question'),
          disagree: tr.classList.contains('dba-disagree'),
          cells: [...tr.children].map(text),
        })),
      };
    },
    [selector, caption],
  );
}

/** The comparison page's heading, caption, summary lines and compare link. */
function readComparison(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    const page = document.querySelector('.dba-page--comparison');
    const linkField = document.getElementById('dba-compare-link');
    const qr = document.querySelector('svg.dba-qr');
    return {
      heading: text(document.getElementById('dba-heading')),
      caption: text(page?.querySelector('.nhsuk-caption-l')),
      who: text(page?.querySelector('.dba-then-now-who')),
      lead: text(page?.querySelector('p.nhsuk-body-l:not(.dba-then-now-who)')),
      summary: [...document.querySelectorAll('.dba-compare-summary li')].map(text),
      link: linkField?.value ?? null,
      linkLabel: text(linkField?.labels?.[0]),
      linkHint: text(document.getElementById('dba-compare-link-hint')),
      qr: qr ? { role: qr.getAttribute('role'), label: qr.getAttribute('aria-label') } : null,
      shareText: text(document.querySelector('.dba-share')),
    };
  });
}

/** Everything stored in the browser for this page's origin. */
const storageSnapshot = (page) =>
  page.evaluate(() => ({
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
  }));




/** Pastes the board of three and compares it (mouse), ending on the comparison. */
async function compareBoard(page) {
  await openCompare(page);
  await addLinks(page, boardText());
  await waitForStatus(page, '3 results added.');
  await go(page, 'button', 'Compare', BOARD_HEADING);
}

// ---------------------------------------------------------------------------
// 1. Board members
// ---------------------------------------------------------------------------

test('board: three members pasted and compared by keyboard; summary, disagreement order, highlights, levels, medians; axe clean', async () => {
  await withWidget(browser, {}, async (page) => {
    const stored = await storageSnapshot(page);

    // Keyboard only from here: Enter on the start page's link.
    await page.getByRole('link', { name: COMPARE, exact: true }).focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, COMPARE);
    assert.equal(await page.title(), `${COMPARE} – ${TITLE}`);
    let shown = await readCompare(page);
    assert.equal(shown.count, 'Results added (0)');
    assert.equal(shown.mode, 'dba-compare-mode-board', 'board is the mode with nothing added');

    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).id, 'dba-compare-links', 'Tab from the heading reaches the links box');
    const lines = boardText().split('\n');
    for (const [i, line] of lines.entries()) {
      if (i > 0) await page.keyboard.press('Enter');
      await page.keyboard.insertText(line);
    }
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, 'Add results');
    await page.keyboard.press('Enter');
    await waitForStatus(page, '3 results added.');
    shown = await readCompare(page);
    assert.equal(shown.links, '', 'the box is emptied when every line was added');
    assert.deepEqual(shown.problems, []);
    assert.equal(shown.count, 'Results added (3)');
    // Unnamed members are numbered within their role, in the order added.
    assert.deepEqual(shown.entries, [
      // Named as the table's columns are, role and all.
      // One line each: the name shown, organisation, date and overall stage.
      { legend: 'Result 1: Jane Smith (executive)', facts: 'Leeds Teaching Hospitals · 4 March 2025', name: 'Jane Smith', role: 'Executive' },
      { legend: 'Result 2: Executive 2', facts: 'Leeds Teaching Hospitals · 4 March 2025', name: '', role: 'Executive' },
      { legend: 'Result 3: Non-executive 1', facts: 'Leeds Teaching Hospitals · 4 March 2025', name: '', role: 'Non-executive' },
    ]);
    // Each result's overall stage: Jane 15 points from 12 levels (1.25),
    // the second executive 14 from 12 (1.17), the non-executive 12 from 11
    // (1.09): all Siloed.
    assert.deepEqual(shown.overall, ['Siloed', 'Siloed', 'Siloed']);
    assert.equal(shown.mode, 'dba-compare-mode-board', 'one organisation, one date: board suggested');
    await checkA11y(page, 'compare page with three results');

    // Tab on: what is compared and Compare come before the results added
    // (name, role, Remove each).
    const stops = [];
    const expectedStops = [
      'dba-compare-files',
      'dba-compare-mode-board', 'Compare',
      'dba-compare-name-1', 'dba-compare-role-1', 'dba-compare-remove-1',
      'dba-compare-name-2', 'dba-compare-role-2', 'dba-compare-remove-2',
      'dba-compare-name-3', 'dba-compare-role-3', 'dba-compare-remove-3',
    ];
    for (const expected of expectedStops) {
      await page.keyboard.press('Tab');
      const active = await activeElement(page);
      stops.push(active.id || active.text);
      if (expected === 'dba-compare-name-3' && active.id === expected) await page.keyboard.type('Lee');
      if (expected === 'dba-compare-mode-board' && active.id === expected) {
        // Arrow keys move through the modes; Space keeps the checked one.
        await page.keyboard.press('ArrowDown');
        assert.equal((await readCompare(page)).mode, 'dba-compare-mode-system');
        await page.keyboard.press('ArrowUp');
        await page.keyboard.press('Space');
        assert.equal((await readCompare(page)).mode, 'dba-compare-mode-board');
      }
    }
    assert.deepEqual(stops, expectedStops, 'keyboard order through the compare page');
    assert.equal((await readCompare(page)).entries[2].legend, 'Result 3: Lee (non-executive)', 'the typed name is used');
    // Back up to Compare.
    for (let i = 0; i < 9; i += 1) await page.keyboard.press('Shift+Tab');
    assert.equal((await activeElement(page)).text, 'Compare');
    await page.keyboard.press('Space');
    await waitForHeading(page, BOARD_HEADING);
    assert.equal(await page.title(), `${BOARD_HEADING} – ${TITLE}`);

    const comparison = await readComparison(page);
    assert.equal(comparison.caption, 'Comparing: Board members');
    assert.equal(comparison.lead, '3 board members: 2 executives, 1 non-executive.');
    assert.deepEqual(comparison.summary, [
      'Answers two levels apart (Absent and Embedded) on 3 questions.',
      'Executives and non-executives differ by a level or more on 5 questions.',
      '4 “Don’t know” answers in all.',
    ]);

    const table = await readTable(page, { selector: 'table.dba-spread-table' });
    assert.equal(table.caption, 'Each member’s answer, most disagreement first');
    // How much the board disagrees first; each member's answer last (what
    // scrolls off a narrow screen).
    assert.deepEqual(table.head, [
      'Question', 'Disagreement', 'Range', 'Median', DK, 'Executive average', 'Non-executive average',
      'Jane Smith (executive)', 'Executive 2', 'Lee (non-executive)',
    ]);
    assert.deepEqual(table.rows.map((r) => r.question), BOARD_ORDER.map(qid), 'most disagreement first');
    assert.deepEqual(table.rows, boardRows());
    assert.deepEqual(
      table.rows.map((r) => r.disagree),
      [true, true, true, true, true, false, false, false, false, false, false, false, false],
      'the two-apart and role-split rows come first and are highlighted',
    );
    // The level tags carry the level's colour class, "Don't know" its own.
    const tags = await page.locator('tr[data-question="' + qid(8) + '"] td strong.nhsuk-tag').evaluateAll(
      (els) => els.map((el) => [el.querySelector('.dba-short').textContent, el.querySelector('.dba-full').textContent]),
    );
    // The full word for screen readers (and on a phone), one letter on a laptop.
    assert.deepEqual(tags, [['E', 'Embedded'], ['?', DK], ['A', 'Absent']]);
    assert.equal(await page.locator('tr.dba-disagree strong.dba-disagree__label').count(), 5);

    // The compare link: short enough for a QR code.
    assert.equal(comparison.linkLabel, 'Compare link');
    assert.ok(comparison.link.startsWith(`${PAGE_URL}#c=`), comparison.link);
    assert.equal(comparison.linkHint, `${comparison.link.length} characters. Send it by Teams or email, or show the QR code.`);
    assert.deepEqual(comparison.qr, { role: 'img', label: 'QR code of the compare link' });
    assert.ok(!comparison.shareText.includes('too long'));
    await checkA11y(page, 'board comparison');

    // "Leave the comparison" goes back where compare was opened: the start.
    await go(page, 'link', 'Leave the comparison', TITLE);
    assert.deepEqual(await storageSnapshot(page), stored, 'compare stores nothing');
    await assertClean(page);
  });
});

// Regression: names were once trimmed on every key press, so a space typed
// between two words vanished ("Jane Smith" became "JaneSmith"). Names are
// now trimmed only where they are shown, exported or put in a link.
test('a name typed key by key keeps its spaces', async () => {
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, boardText());
    await waitForStatus(page, '3 results added.');
    const field = page.locator('#dba-compare-name-2');
    await field.focus();
    await page.keyboard.type('Chief executive');
    assert.equal(await field.inputValue(), 'Chief executive', 'the name field keeps the typed space');
    assert.equal((await readCompare(page)).entries[1].legend, 'Result 2: Chief executive (executive)');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 2. Organisations across a system
//
//                 Q1 Q2 Q3 | Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13
// A Harrogate      E  E  S |  S  A  S  E  D  S  S   E   S   A
// B Airedale       S  S  S |  A  A  D  S  A  S  A   S   S   A
// C Calderdale     E  E  E |  E  E  S  E  E  S  E   E   E   S
// D Bradford       A  D  D |  S  S  S  D  S  A  S   D   S   S
//
// Section 1: A 5 points of 3 scored (1.7, Embedded), B 3/3 (1.0, Siloed),
//   C 6/3 (2.0, Embedded), D 1 scored of 3 (not enough answers);
//   range 1.0 to 2.0.
// Section 2: A 9/9 (1.0, Siloed), B 4/9 (0.4, Absent), C 17/10 (1.7,
//   Embedded), D 7/8 (0.9, Siloed); range 0.4 to 1.7.
// Markers: every answer but "Don't know": 12 + 12 + 13 + 9 = 46.
// ---------------------------------------------------------------------------

const TRUSTS = [
  { organisation: 'Harrogate and District NHS FT', pattern: 'EESSASEDSSESA' },
  { organisation: 'Airedale NHS FT', pattern: 'SSSAADSASASSA' },
  { organisation: 'Calderdale and Huddersfield NHS FT', pattern: 'EEEEESEESEEES' },
  { organisation: 'Bradford Teaching Hospitals NHS FT', pattern: 'ADDSSSDSASDSS' },
];
const SYSTEM_SPREAD = {
  1: ['Absent to Embedded', 'Between Siloed and Embedded', '0'],
  2: ['Siloed to Embedded', 'Embedded', '1'],
  3: ['Siloed to Embedded', 'Siloed', '1'],
  4: ['Absent to Embedded', 'Siloed', '0'],
  5: ['Absent to Embedded', 'Between Absent and Siloed', '0'],
  6: ['All Siloed', 'Siloed', '1'],
  7: ['Siloed to Embedded', 'Embedded', '1'],
  8: ['Absent to Embedded', 'Siloed', '1'],
  9: ['Absent to Siloed', 'Siloed', '0'],
  10: ['Absent to Embedded', 'Siloed', '0'],
  11: ['Siloed to Embedded', 'Embedded', '1'],
  12: ['Siloed to Embedded', 'Siloed', '0'],
  13: ['Absent to Siloed', 'Between Absent and Siloed', '0'],
};

test('system: four trusts suggest the system view; sections, overlay chart and table, in the order added, never ranked', async () => {
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, TRUSTS.map((t) => link(t.pattern, { organisation: t.organisation, role: '', date: '2025-06-30' })).join('\n'));
    await waitForStatus(page, '4 results added.');
    const shown = await readCompare(page);
    assert.equal(shown.mode, 'dba-compare-mode-system', 'several organisations: the system view is suggested');
    assert.deepEqual(shown.entries.map((e) => e.legend), TRUSTS.map((t, i) => `Result ${i + 1}: ${t.organisation}`));
    assert.ok(await page.locator('#dba-compare-mode-system').isChecked());
    await go(page, 'button', 'Compare', SYSTEM_HEADING);

    const comparison = await readComparison(page);
    assert.equal(comparison.caption, 'Comparing: Organisations across a system');
    assert.equal(comparison.lead, '4 organisations side by side.');
    const names = TRUSTS.map((t) => t.organisation);

    // Where the system stands, by question. No question has three of the
    // four trusts Absent or don't know; five run from Absent to Embedded.
    const summary = await page.evaluate(() => ({
      headings: [...document.querySelectorAll('.dba-page--comparison h2')].map((h) => h.textContent.trim()).slice(0, 2),
      differ: [...document.querySelectorAll('.dba-system-differ li')].map((li) => li.innerText.trim().split('\n')),
    }));
    assert.deepEqual(summary.headings, ['Where most organisations are Absent or don’t know', 'Where organisations differ most']);
    assert.ok(await page.getByText('No question has most organisations at Absent or “Don’t know”.', { exact: true }).isVisible());
    const counts = (n) => {
      const answers = TRUSTS.map((t) => t.pattern[n - 1]);
      const parts = [['A', 'Absent'], ['S', 'Siloed'], ['E', 'Embedded'], ['D', 'don’t know']]
        .map(([code, word]) => [answers.filter((a) => a === code).length, word])
        .filter(([count]) => count > 0)
        .map(([count, word]) => `${count} ${word}`);
      return `Absent to Embedded (${parts.join(', ')})`;
    };
    assert.deepEqual(summary.differ, [1, 4, 5, 8, 10].map((n) => [qtext(n), counts(n)]));

    // The sections: an organisation per row, numbered as in the chart.
    const sections = await readTable(page, { caption: 'Sections: stage and average level of each organisation' });
    assert.deepEqual(sections.head, ['Organisation', SECTIONS[0].title, SECTIONS[1].title]);
    assert.deepEqual(sections.rows.map((r) => r.cells), [
      [`1: ${names[0]}`, 'Embedded (1.7)', 'Siloed (1.0)'],
      [`2: ${names[1]}`, 'Siloed (1.0)', 'Absent (0.4)'],
      [`3: ${names[2]}`, 'Embedded (2.0)', 'Embedded (1.7)'],
      [`4: ${names[3]}`, 'Not enough answers', 'Siloed (0.9)'],
      ['System range of averages', '1.0 to 2.0', '0.4 to 1.7'],
    ]);

    // The per-question table: question order, every trust, the system range.
    const table = await readTable(page, { selector: 'table.dba-spread-table' });
    assert.equal(table.caption, 'Each organisation’s answer and the system range (the chart’s data)');
    assert.deepEqual(table.head, ['Question', ...names, 'System range', 'Median', DK]);
    assert.deepEqual(
      table.rows,
      QUESTIONS.map((q) => ({
        question: q.id,
        disagree: false,
        cells: [qtext(q.number), ...levels(q.number, TRUSTS.map((t) => t.pattern)), ...SYSTEM_SPREAD[q.number]],
      })),
    );

    // The chart: an image named by its caption, one lettered marker per
    // trust per answered question, in its level's band.
    const chart = await page.evaluate(() => {
      const svg = document.querySelector('svg.dba-chart__svg');
      const caption = document.getElementById(svg.getAttribute('aria-labelledby'));
      const box = svg.viewBox.baseVal;
      return {
        role: svg.getAttribute('role'),
        caption: caption?.textContent.trim(),
        width: box.width,
        axis: [...svg.querySelectorAll('text.dba-chart__axis')].map((t) => ({ name: t.textContent, x: Number(t.getAttribute('x')) })),
        rows: [...svg.querySelectorAll('g.dba-chart__row')].map((g) => ({
          question: g.getAttribute('data-question'),
          label: g.querySelector('.dba-chart__label').textContent,
          band: g.querySelector('rect.dba-system-chart__range') !== null,
          markers: [...g.querySelectorAll('g.dba-system-chart__marker')].map((m) => ({
            letter: m.querySelector('text').textContent,
            x: Number(m.querySelector('circle').getAttribute('cx')),
          })),
        })),
        legend: [...document.querySelectorAll('.dba-system-chart__legend li')].map((li) => li.textContent.trim()),
      };
    });
    assert.equal(chart.role, 'img');
    assert.ok(chart.caption.startsWith('Level each organisation gave for each question'), chart.caption);
    assert.ok(chart.caption.includes('“Don’t know” answers are not plotted'));
    assert.deepEqual(chart.legend, names.map((n, i) => `${i + 1}: ${n}`));
    assert.deepEqual(chart.axis.map((a) => a.name), ['Absent', 'Siloed', 'Embedded']);
    // Band edges: halfway between the axis labels' centres.
    const [absentX, siloedX, embeddedX] = chart.axis.map((a) => a.x);
    const levelAt = (x) => (x < (absentX + siloedX) / 2 ? 'A' : x < (siloedX + embeddedX) / 2 ? 'S' : 'E');
    assert.equal(chart.rows.length, 13);
    let markers = 0;
    for (const [i, row] of chart.rows.entries()) {
      const n = i + 1;
      assert.equal(row.question, qid(n));
      assert.equal(row.label, `Question ${n}`);
      assert.equal(row.band, true, `question ${n} has a range band`);
      const expected = TRUSTS.map((t, k) => ({ letter: String(k + 1), level: t.pattern[i] }))
        .filter((m) => m.level !== 'D')
        .sort((a, b) => 'ASE'.indexOf(a.level) - 'ASE'.indexOf(b.level));
      assert.deepEqual(
        row.markers.map((m) => ({ letter: m.letter, level: levelAt(m.x) })),
        expected,
        `question ${n}: one marker per trust that gave a level, at that level`,
      );
      markers += row.markers.length;
    }
    assert.equal(markers, 46);

    // Nothing is ranked: no league-table words, other than saying so.
    const text = await page.evaluate(() => document.querySelector('.dba-app').textContent.replace(/\s+/g, ' '));
    const allowed = [
      'Organisations are shown in the order they were added, and nothing is totalled or ranked.',
      'Nothing is totalled or ranked: maturity scores describe where an organisation is, and NHS England has warned against ranking organisations by them.',
    ];
    for (const sentence of allowed) assert.ok(text.includes(sentence), `says: ${sentence}`);
    const rest = allowed.reduce((t, sentence) => t.replaceAll(sentence, ''), text);
    for (const word of [/\brank/i, /\b(1st|2nd|3rd|4th)\b/i, /\bbest\b/i, /\bworst\b/i, /\btop\b/i, /\bbottom\b/i, /\bleague\b/i, /\bwinner/i, /\bscore ?board/i]) {
      assert.ok(!word.test(rest), `no ranking language: ${word} found in "${rest.match(word)?.[0]}"`);
    }
    await checkA11y(page, 'system comparison');
    await assertClean(page);
  });
});

// A realistic system: 15 organisations in one ICS. Every one answered
// Question 1 Embedded, Question 2 Absent and Question 3 Siloed; the rest vary.
const FIFTEEN = Array.from({ length: 15 }, (_, i) => ({
  organisation: `Trust ${i + 1} NHS FT`,
  pattern: `EAS${Array.from({ length: 10 }, (_, q) => 'ASED'[(q * (i % 5 + 1) + i) % 4]).join('')}`,
}));

test('system: 15 organisations at one level wrap in their cell, none overlapping, none outside their level’s column or the row, in the order added', async () => {
  for (const width of [1024, 320]) {
    await withWidget(browser, { viewport: { width, height: 800 } }, async (page) => {
      await openCompare(page);
      await addLinks(page, FIFTEEN.map((t) => link(t.pattern, { organisation: t.organisation, role: '', date: '2025-06-30' })).join('\n'));
      await waitForStatus(page, '15 results added.');
      assert.equal((await readCompare(page)).mode, 'dba-compare-mode-system');
      await go(page, 'button', 'Compare', SYSTEM_HEADING);
      // Screen boxes: columns from the gridlines (one per level, at its
      // left edge, a band apart), each row's range band, each marker.
      const chart = await page.evaluate(() => {
        const box = (el) => {
          const r = el.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        const svg = document.querySelector('svg.dba-chart__svg');
        return {
          gridlines: [...svg.querySelectorAll('line.dba-chart__gridline')].map((l) => l.getBoundingClientRect().left),
          svg: box(svg),
          rows: [...svg.querySelectorAll('g.dba-chart__row')].map((g) => ({
            band: box(g.querySelector('rect.dba-system-chart__range')),
            markers: [...g.querySelectorAll('g.dba-system-chart__marker')].map((m) => ({ letter: m.textContent.trim(), ...box(m) })),
          })),
        };
      });
      const [absent, siloed, embedded] = chart.gridlines;
      const band = siloed - absent;
      const columns = { A: [absent, siloed], S: [siloed, embedded], E: [embedded, embedded + band] };
      assert.ok(embedded + band <= chart.svg.right + 0.5, `${width} px: the last column ends inside the chart`);
      const letters = FIFTEEN.map((_, k) => String(k + 1));
      const all = [];
      for (const [q, row] of chart.rows.entries()) {
        const expected = FIFTEEN.map((t, k) => ({ letter: letters[k], level: t.pattern[q] })).filter((m) => m.level !== 'D');
        assert.equal(row.markers.length, expected.length, `${width} px, question ${q + 1}: a marker per organisation with a level`);
        for (const m of row.markers) {
          const level = expected.find((e) => e.letter === m.letter).level;
          const [left, right] = columns[level];
          const where = `${width} px, question ${q + 1}, ${m.letter} (${L[level]})`;
          assert.ok(m.left >= left - 0.5 && m.right <= right + 0.5, `${where}: ${m.left}–${m.right} leaves its column ${left}–${right}`);
          assert.ok(m.top >= row.band.top - 0.5 && m.bottom <= row.band.bottom + 0.5, `${where}: outside the row’s range band`);
          all.push({ ...m, where });
        }
        if (q > 0) assert.ok(row.band.top >= chart.rows[q - 1].band.bottom, `${width} px: question ${q + 1}’s band overlaps the one above`);
      }
      for (const [q, level] of [[0, 'E'], [1, 'A'], [2, 'S']]) {
        const markers = chart.rows[q].markers;
        assert.equal(markers.length, 15, `question ${q + 1}: all 15 at ${L[level]}`);
        // Read line by line, left to right: the order added.
        const read = [...markers].sort((a, b) => (Math.abs(a.top - b.top) > 1 ? a.top - b.top : a.left - b.left));
        assert.deepEqual(read.map((m) => m.letter), letters, `question ${q + 1}: in the order added`);
        assert.ok(new Set(markers.map((m) => Math.round(m.top))).size > 1, `question ${q + 1}: the markers wrap onto more lines`);
      }
      // No two markers anywhere in the chart overlap.
      for (const [i, a] of all.entries()) {
        for (const b of all.slice(i + 1)) {
          const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
          assert.ok(!overlap, `${a.where} overlaps ${b.where}`);
        }
      }
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(pageWidth <= width, `${width} px: the page is ${pageWidth} px wide`);
      await assertClean(page);
    });
  }
});

// ---------------------------------------------------------------------------
// 3. Then and now
//
//            Q1 Q2 Q3 Q4 Q5 Q6 Q7 Q8 Q9 Q10 Q11 Q12 Q13
// Then        A  S  D  E  S  A  D  E  S  A   E   S   S     (1 October 2024)
// Now         S  E  S  S  S  E  D  A  S  E   E   A   D     (30 September 2025)
// Change     +1 +1 NA -1  = +2  = -2  = +2   =  -1  ND
//
// Up: Q1, Q2, Q6, Q10 (4); down: Q4, Q8, Q12 (3); same: Q5, Q7, Q9, Q11 (4);
// between "Don't know" and a level: Q3, Q13 (2).
// Sections then: 1 of 2 scored (0.5, Siloed); 10 of 9 (1.1, Siloed).
// Sections now: 4 of 3 (1.3, Siloed); 9 of 8 (1.1, Siloed).
// ---------------------------------------------------------------------------

const THEN = 'ASDESADESAESS';
const NOW = 'SESSSEDASEEAD';
// A word and a sign each, never colour alone (the minus is U+2212).
const CHANGES = ['Up 1 level (+1)', 'Up 1 level (+1)', 'Now answered', 'Down 1 level (−1)', 'No change', 'Up 2 levels (+2)', 'No change',
  'Down 2 levels (−2)', 'No change', 'Up 2 levels (+2)', 'No change', 'Down 1 level (−1)', 'Now don’t know'];

test('then and now: the later result added first is still "now"; counts and each change in words', async () => {
  await withWidget(browser, {}, async (page) => {
    const organisation = 'Leeds Teaching Hospitals';
    await openCompare(page);
    await addLinks(page, [
      link(NOW, { organisation, role: 'executive', date: '2025-09-30' }),
      link(THEN, { organisation: 'leeds teaching hospitals ', role: 'executive', date: '2024-10-01' }),
    ].join('\n'));
    await waitForStatus(page, '2 results added.');
    const shown = await readCompare(page);
    assert.equal(shown.mode, 'dba-compare-mode-then-and-now', 'one organisation at two dates: then and now suggested');
    assert.deepEqual(shown.entries.map((e) => e.legend), ['Result 1: 30 September 2025', 'Result 2: 1 October 2024']);
    await go(page, 'button', 'Compare', THEN_NOW_HEADING);

    const comparison = await readComparison(page);
    assert.equal(comparison.caption, 'Comparing: Then and now');
    // Whose results, and when, before anything else: a printout names the trust.
    assert.equal(comparison.who, 'Leeds Teaching Hospitals (executive): 1 October 2024 and 30 September 2025');
    assert.equal(
      comparison.lead,
      'From 1 October 2024 to 30 September 2025: 4 questions went up, 3 went down and 4 stayed the same.',
    );
    assert.ok(
      await page.getByText('2 questions moved between “Don’t know” and a level.', { exact: true }).isVisible(),
    );
    assert.equal(await page.getByText('Check these are the same organisation').count(), 0, 'names differ only in case and spaces');

    const sections = await readTable(page, { caption: 'Sections then and now (stage and average level)' });
    assert.deepEqual(sections.head, ['Section', 'Then: 1 October 2024', 'Now: 30 September 2025']);
    assert.deepEqual(sections.rows.map((r) => r.cells), [
      [SECTIONS[0].title, 'Siloed (0.5)', 'Siloed (1.3)'],
      [SECTIONS[1].title, 'Siloed (1.1)', 'Siloed (1.1)'],
    ]);
    const table = await readTable(page, { selector: 'table.dba-then-now-table' });
    assert.deepEqual(table.head, ['Question', 'Then', 'Now', 'Change']);
    assert.deepEqual(
      table.rows.map((r) => r.cells),
      QUESTIONS.map((q, i) => [qtext(q.number), L[THEN[i]], L[NOW[i]], CHANGES[i]]),
    );
    await checkA11y(page, 'then and now');

    // The downloads name whose results they are too: the Markdown under its
    // title, the CSV on every row (read with csv-parse), with the signs.
    const markdown = await download(page, 'Markdown');
    assert.equal(markdown.text.split('\n')[2], '**Leeds Teaching Hospitals (executive): 1 October 2024 and 30 September 2025**');
    assert.ok(markdown.text.includes(`| ${qtext(4)} | Embedded | Siloed | Down 1 level (−1) |`));
    const rows = parseCsv((await download(page, 'CSV')).text.slice(1));
    const column = (name) => rows[0].indexOf(name);
    assert.deepEqual(rows[0].slice(-2), ['result', 'change']);
    assert.equal(rows.length, 1 + 2 * 13);
    // The earlier result first, each row with its organisation, role, date and points.
    assert.deepEqual(
      rows.slice(1, 3).map((r) => ['organisation', 'role', 'date', 'answer', 'points', 'change'].map((c) => r[column(c)])),
      [
        ['leeds teaching hospitals', 'Executive', '2024-10-01', 'Absent', '0', 'Up 1 level (+1)'],
        ['Leeds Teaching Hospitals', 'Executive', '2025-09-30', 'Siloed', '1', 'Up 1 level (+1)'],
      ],
    );
    assert.deepEqual(rows.slice(1).filter((_, i) => i % 2).map((r) => r[column('change')]), CHANGES);

    // Back to the results: a third result makes then and now impossible,
    // and the page says why instead of comparing.
    await go(page, 'link', 'Change the results', COMPARE);
    await addLinks(page, link(THEN, { organisation, role: 'non-executive', date: '2023-10-01' }));
    await waitForStatus(page, '1 result added.');
    // The mode was only suggested, so it follows the results: one
    // organisation, three results is a board. Choose then and now again.
    assert.equal((await readCompare(page)).mode, 'dba-compare-mode-board');
    await page.getByLabel('Then and now', { exact: true }).check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await waitForHeading(page, COMPARE, { focused: false });
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    assert.equal(
      (await readCompare(page)).inlineError,
      'Error: Then and now compares 2 results of the same organisation. You have added 3. Remove results until 2 are left, or choose another kind of comparison.',
    );
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 4. Bad input
// ---------------------------------------------------------------------------

test('bad input: good lines added, each bad line named with its reason, the text kept; one result alone cannot be compared; nothing stored', async () => {
  await withWidget(browser, {}, async (page) => {
    const before = await storageSnapshot(page);
    await openCompare(page);

    // Nothing pasted.
    await page.getByRole('button', { name: 'Add results', exact: true }).click();
    await waitForStatus(page, 'No results were added.');
    assert.deepEqual((await readCompare(page)).problems, ['The pasted text: Paste at least one results link, one per line.']);

    const good1 = link(BOARD[0].pattern, { organisation: 'RR8', role: 'executive', date: '2025-01-15' });
    const good2 = link(BOARD[1].pattern, { organisation: 'RR8', role: 'non-executive', date: '2025-01-15' });
    const payload = sharePayload(good2);
    const at = 12;
    const edited = good2.replace(`#r=${payload}`, `#r=${payload.slice(0, at)}${payload[at] === 'Q' ? 'R' : 'Q'}${payload.slice(at + 1)}`);
    const text = [
      `Alice Brown: ${good1}`,
      '',
      good2.slice(0, -3), // cut off
      edited, // one character changed
      'please see the board papers',
      good1, // the same result again
      `  Dr Chen – ${good2}  `,
      '   ',
    ].join('\n');
    await addLinks(page, text);
    await waitForStatus(page, '2 results added.');
    const shown = await readCompare(page);
    assert.equal(shown.problemsHeading, 'Some results could not be added');
    assert.deepEqual(shown.problems, [
      'Line 3: This link is incomplete. It may have been cut off when it was copied. Ask the sender to copy the whole link again, or to send the results as a file.',
      'Line 4: This link has been changed or damaged, so we cannot show the results. Ask the sender to copy the whole link again, or to send the results as a file.',
      // Line 5, with no link at all, is passed over and counted (issue 16).
      'Line 6: Already added (the same answers, organisation, role and date as result 1), so it was not added again.',
    ]);
    assert.equal(shown.links, text, 'the pasted text stays, so line numbers still match');
    assert.deepEqual(shown.entries.map((e) => [e.legend, e.name, e.role]), [
      ['Result 1: Alice Brown (executive)', 'Alice Brown', 'Executive'],
      ['Result 2: Dr Chen (non-executive)', 'Dr Chen', 'Non-executive'],
    ]);
    await checkA11y(page, 'compare page with problems');

    // Remove one: a single result cannot be compared, and the error says so.
    await page.getByRole('button', { name: 'Remove result 2', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('tr.dba-compare-entry').length === 1);
    let after = await readCompare(page);
    assert.equal(after.count, 'Results added (1)');
    assert.deepEqual(after.problems, [], 'removing clears the last input’s problems');
    assert.ok(await page.getByText('Compare needs at least 2 results: add another.', { exact: true }).isVisible());
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    const reason = 'Compare needs at least 2 results. You have added 1. Add another share link or exported results file.';
    after = await readCompare(page);
    assert.deepEqual(after.errorSummary, { heading: 'There is a problem', items: [reason], links: ['#dba-compare-links'] });
    assert.equal(after.inlineError, `Error: ${reason}`);
    assert.equal(await page.title(), `Error: ${COMPARE} – ${TITLE}`);
    assert.equal(await page.locator('#dba-compare-links').getAttribute('aria-describedby'), 'dba-compare-links-hint dba-compare-links-error');
    await checkA11y(page, 'compare page with an error');
    // The error's link takes focus to the links box.
    await page.getByRole('link', { name: reason }).click();
    assert.equal((await activeElement(page)).id, 'dba-compare-links');

    // Then and now with results that have no date says why.
    await addLinks(page, link(BOARD[2].pattern));
    await waitForStatus(page, '1 result added.');
    await page.locator('#dba-compare-mode-then-and-now').check();
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    assert.equal(
      (await readCompare(page)).inlineError,
      'Error: Then and now needs the date of both results, and at least one of these results has no date. Choose another kind of comparison.',
    );

    assert.deepEqual(await storageSnapshot(page), before, 'nothing compared is stored in the browser');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 5. The compare link
// ---------------------------------------------------------------------------

const TWELVE = [
  ['Chair', 'non-executive'],
  ['Chief executive', 'executive'],
  ['Director of finance', 'executive'],
  ['Chief nursing officer', 'executive'],
  ['Medical director', 'executive'],
  ['Chief digital information officer', 'executive'],
  ['Chief operating officer', 'executive'],
  ['Non-executive director 1', 'non-executive'],
  ['Non-executive director 2', 'non-executive'],
  ['Non-executive director 3', 'non-executive'],
  ['Non-executive director 4', 'non-executive'],
  ['Non-executive director 5', 'non-executive'],
];
/** Twelve different patterns: each member's answers shifted along a cycle. */
const twelvePattern = (i) => Array.from({ length: 13 }, (_, q) => 'ASED'[(q * (i % 5 + 1) + i) % 4]).join('');

test('compare link: a named board of 12 fits in under 1,000 characters and opens the same comparison elsewhere; a damaged one says why', async () => {
  const organisation = 'Leeds Teaching Hospitals NHS Trust';
  const text = TWELVE.map(([name, role], i) => `${name}: ${link(twelvePattern(i), { organisation, role, date: '2025-05-20' })}`).join('\n');
  let sent;
  let table;
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, text);
    await waitForStatus(page, '12 results added.');
    await go(page, 'button', 'Compare', BOARD_HEADING);
    const comparison = await readComparison(page);
    sent = comparison.link;
    assert.ok(sent.length < 1000, `the compare link is ${sent.length} characters`);
    assert.equal(comparison.linkHint, `${sent.length} characters. Send it by Teams or email.`, 'no QR code, so the hint does not offer one');
    assert.equal(comparison.qr, null, 'too long for a QR code that scans easily');
    assert.ok(comparison.shareText.includes('The link is too long for a QR code that phones can scan easily. Send the link instead.'));
    assert.equal(comparison.lead, '12 board members: 6 executives, 6 non-executives.');
    table = await readTable(page, { selector: 'table.dba-spread-table' });
    // After the question, the disagreement and five columns of figures.
    assert.deepEqual(table.head.slice(7), TWELVE.map(([name, role]) =>
      (name.startsWith('Non-executive') ? name : `${name} (${role})`)));
    await assertClean(page);
  });

  // A fresh browser: the same heading and table, and every result named.
  const hash = sent.slice(sent.indexOf('#'));
  await withWidget(browser, { path: `/${hash}`, heading: BOARD_HEADING }, async (page) => {
    assert.equal(await page.title(), `${BOARD_HEADING} – ${TITLE}`);
    assert.deepEqual(await readTable(page, { selector: 'table.dba-spread-table' }), table);
    assert.equal((await readComparison(page)).link, sent, 'the same link again');
    await checkA11y(page, 'comparison opened from a compare link');
    await go(page, 'link', 'Change the results', COMPARE);
    assert.equal(new URL(page.url()).hash, '', 'the link leaves the address');
    const shown = await readCompare(page);
    assert.equal(shown.count, 'Results added (12)');
    assert.deepEqual(shown.entries.map((e) => [e.name, e.role]), TWELVE.map(([name, role]) => [name, role === 'executive' ? 'Executive' : 'Non-executive']));
    assert.ok(shown.entries.every((e) => e.facts === `${organisation} · 20 May 2025`));
    assert.equal(shown.mode, 'dba-compare-mode-board');
    await assertClean(page);
  });

  // Damaged: one character changed, and plain garbage.
  const at = hash.length - 20;
  const changed = `${hash.slice(0, at)}${hash[at] === 'A' ? 'B' : 'A'}${hash.slice(at + 1)}`;
  for (const [fragment, reason] of [
    [changed, 'This link has been changed or damaged, so we cannot show the results.'],
    [hash.slice(0, -10), 'This link is incomplete. It may have been cut off when it was copied.'],
    ['#c=garbage', 'This link has been changed or damaged, so we cannot show the results.'],
  ]) {
    await withWidget(browser, { path: `/${fragment}`, heading: 'This compare link does not work' }, async (page) => {
      assert.equal(await page.title(), `Error: This compare link does not work – ${TITLE}`);
      const message = await page.locator('.dba-link-error').textContent();
      assert.ok(message.startsWith(reason), `${fragment.slice(0, 30)}…: ${message}`);
      // Out of the compare view, the broken link off the address.
      await go(page, 'button', 'Start your own assessment', TITLE);
      assert.equal(new URL(page.url()).hash, '');
      await assertClean(page);
    });
  }
});

// ---------------------------------------------------------------------------
// 6. Downloads, and the JSON read back as a file
// ---------------------------------------------------------------------------

test('downloads: CSV and Markdown hold the names and levels; the JSON file chosen in a fresh page brings back the same comparison', async () => {
  const today = todayLocal();
  let json;
  let table;
  await withWidget(browser, {}, async (page) => {
    await compareBoard(page);
    table = await readTable(page, { selector: 'table.dba-spread-table' });
    const { link: compareLink } = await readComparison(page);
    const stem = `${TITLE_SLUG}-comparison-board-${today.iso}`;
    const names = ['Jane Smith (executive)', 'Executive 2', 'Non-executive 1'];

    // CSV: one row per answer (question by question, the members in the
    // order added), each with its result's organisation, role and date and
    // the answer's points, so it charts without recoding. Read with csv-parse.
    const csv = await download(page, 'CSV');
    assert.equal(csv.name, `${stem}.csv`);
    assert.equal(csv.text.charCodeAt(0), 0xfeff, 'byte order mark');
    const rows = parseCsv(csv.text.slice(1));
    assert.deepEqual(rows[0], [
      'assessment_id', 'assessment_version', 'organisation', 'role', 'date', 'question_number', 'question_id',
      'section', 'question', 'answer', 'points', 'result', 'lowest', 'highest', 'median', 'dont_know_count',
      'executives_average', 'non_executives_average', 'disagreement',
    ]);
    assert.equal(rows.length, 1 + 3 * 13);
    const POINTS = { A: '0', S: '1', E: '2', D: '' };
    const members = ['Jane Smith', 'Executive 2', 'Non-executive 1'];
    const roles = ['Executive', 'Executive', 'Non-executive'];
    for (const [i, row] of rows.slice(1).entries()) {
      const [n, m] = [Math.floor(i / 3) + 1, i % 3];
      const code = BOARD[m].pattern[n - 1];
      assert.deepEqual(row.slice(0, 12), [
        'board-digital-strategy', '1', 'Leeds Teaching Hospitals', roles[m], '2025-03-04', String(n), qid(n),
        QUESTIONS[n - 1].section.title, QUESTIONS[n - 1].text, L[code], POINTS[code], members[m],
      ], `question ${n}, ${members[m]}`);
    }
    // Question 8's figures, on each of its three rows.
    for (const row of rows.slice(1 + 3 * 7, 1 + 3 * 8)) {
      assert.deepEqual(row.slice(12), ['Absent', 'Embedded', 'Between Absent and Embedded', '1', '2.0', '0.0', `${TWO_EXEC_DIFFER}; 1 don’t know`]);
    }

    // Markdown: the paper, its table in the page's order.
    const markdown = await download(page, 'Markdown');
    assert.equal(markdown.name, `${stem}.md`);
    const doc = markdown.text.split('\n');
    assert.equal(doc[0], `# ${TITLE}: ${BOARD_HEADING}`);
    for (const line of [
      '- **Comparing:** Board members',
      '- **Results:** 3',
      `- **Made on:** ${today.iso}`,
      '| Jane Smith | Leeds Teaching Hospitals | Executive | 4 March 2025 |',
      '| Non-executive 1 | Leeds Teaching Hospitals | Non-executive | 4 March 2025 |',
      `| Question | ${names.join(' | ')} | Range | Median | ${DK} | Disagreement |`,
      `| 8. ${md(QUESTIONS[7].text)} | Embedded | ${DK} | Absent | Absent to Embedded | Between Absent and Embedded | 1 | ${TWO_EXEC_DIFFER}; 1 don’t know |`,
    ]) {
      assert.ok(doc.includes(line), `Markdown has the line: ${line}`);
    }
    assert.ok(markdown.text.includes(compareLink), 'the compare link is in the paper');
    const questionRows = doc.filter((l) => /^\| \d+\. /.test(l)).map((l) => Number(l.slice(2, l.indexOf('.'))));
    assert.deepEqual(questionRows, BOARD_ORDER, 'most disagreement first');

    // JSON.
    const file = await download(page, 'JSON');
    assert.equal(file.name, `${stem}.json`);
    json = file;
    const parsed = JSON.parse(file.text);
    assert.equal(parsed.format, 'digital-board-assessment-comparison');
    assert.equal(parsed.mode, 'board');
    assert.equal(`${PAGE_URL}#c=${parsed.compare_code}`, compareLink, 'compare_code is the link’s payload');
    assert.deepEqual(parsed.results.map((r) => [r.name, r.organisation, r.role, r.date]), [
      ['Jane Smith', 'Leeds Teaching Hospitals', 'Executive', '2025-03-04'],
      ['Executive 2', 'Leeds Teaching Hospitals', 'Executive', '2025-03-04'],
      ['Non-executive 1', 'Leeds Teaching Hospitals', 'Non-executive', '2025-03-04'],
    ]);
    const KEY = { A: 'absent', S: 'siloed', E: 'embedded', D: 'dont_know' };
    assert.deepEqual(parsed.results[2].answers, QUESTIONS.map((q, i) => ({ question_id: q.id, answer: KEY[BOARD[2].pattern[i]] })));
    await assertClean(page);
  });

  // A fresh page: choose the downloaded file.
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await page.locator('#dba-compare-files').setInputFiles({ name: json.name, mimeType: 'application/json', buffer: Buffer.from(json.text) });
    await waitForStatus(page, '3 results added.');
    const shown = await readCompare(page);
    assert.deepEqual(shown.problems, []);
    assert.deepEqual(shown.entries.map((e) => e.legend), ['Result 1: Jane Smith (executive)', 'Result 2: Executive 2', 'Result 3: Non-executive 1']);
    await go(page, 'button', 'Compare', BOARD_HEADING);
    const again = await readTable(page, { selector: 'table.dba-spread-table' });
    assert.deepEqual(again, table, 'the same comparison from the file');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 7. Files: a real results file, and files that are not results
// ---------------------------------------------------------------------------

test('files: a results JSON made by the widget (its link matches links.mjs), a text file of links, and files that hold no results', async () => {
  const today = todayLocal();
  const pattern = 'SEDASEDASEDAS';
  const organisation = 'Airedale NHS FT';
  await withWidget(browser, {}, async (page) => {
    await completeToResults(page, pattern);
    await page.getByLabel('Organisation name or ODS code (optional)').fill(organisation);
    await page.getByLabel('Non-executive', { exact: true }).check();
    const { link: widgetLink } = await readSharePanel(page);
    assert.equal(
      link(pattern, { organisation, role: 'non-executive', date: today.iso }),
      widgetLink,
      'links.mjs writes exactly the link the widget makes',
    );
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON (for comparing results)', exact: true }).click(),
    ]);
    const results = await readFile(await file.path());
    const stored = await storageSnapshot(page);

    await go(page, 'link', 'Compare results with other board members or organisations', COMPARE);
    const links = [
      `Harrogate: ${link(TRUSTS[0].pattern, { organisation: TRUSTS[0].organisation, role: '' })}`,
      'not a link',
      '',
    ].join('\r\n');
    await page.locator('#dba-compare-files').setInputFiles([
      { name: file.suggestedFilename(), mimeType: 'application/json', buffer: results },
      { name: 'links.txt', mimeType: 'text/plain', buffer: Buffer.from(links) },
      { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "not-results", "version": "1.0.0"}\n') },
      { name: 'old-results.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "digital-board-assessment-result", "share_code": ""}') },
      { name: 'minutes.txt', mimeType: 'text/plain', buffer: Buffer.from('Minutes of the board meeting\n') },
    ]);
    await waitForStatus(page, '2 results added.');
    const shown = await readCompare(page);
    // links.txt's line 2, with no link at all, is passed over and counted;
    // minutes.txt has no link at all (issue 16).
    assert.deepEqual(shown.problems, [
      'File package.json: This file is not a results file from this self-assessment. Choose a JSON file downloaded from a results page or a comparison, or paste results links instead.',
      'File old-results.json: This results file has no share code, so it cannot be compared. Open the results again and download a new JSON file, or paste the results link instead.',
      'File minutes.txt: This file does not contain any results links or results. Choose a results file (.json) downloaded from this self-assessment, or a text file of results links.',
    ]);
    assert.deepEqual(shown.entries, [
      { legend: `Result 1: ${organisation}`, facts: `${organisation} · ${today.long}`, name: '', role: 'Non-executive' },
      { legend: 'Result 2: Harrogate', facts: `${TRUSTS[0].organisation} · No date`, name: 'Harrogate', role: 'Other or not given' },
    ]);
    assert.equal(shown.mode, 'dba-compare-mode-system');
    // The same results file again is a duplicate, said so.
    await page.locator('#dba-compare-files').setInputFiles({ name: 'again.json', mimeType: 'application/json', buffer: results });
    await waitForStatus(page, 'No results were added.');
    assert.deepEqual((await readCompare(page)).problems, [
      'File again.json: Already added (the same answers, organisation, role and date as result 1), so it was not added again.',
    ]);
    await checkA11y(page, 'compare page after files');
    assert.deepEqual(await storageSnapshot(page), stored, 'only the own answers are stored; nothing compared is');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 8. Other ways in
// ---------------------------------------------------------------------------

test('a shared result\'s "Compare these results with others" starts the comparison with it; start: "compare" opens the compare page', async () => {
  const shared = link(BOARD[0].pattern, { organisation: 'RR8', role: 'executive', date: '2025-02-01' });
  await withWidget(browser, { path: `/#r=${sharePayload(shared)}`, heading: 'Shared results' }, async (page) => {
    await go(page, 'link', 'Compare these results with others', COMPARE);
    let shown = await readCompare(page);
    assert.equal(shown.count, 'Results added (1)');
    assert.deepEqual(shown.entries, [{ legend: 'Result 1: Executive 1', facts: 'RR8 · 1 February 2025', name: '', role: 'Executive' }]);
    assert.equal(new URL(page.url()).hash, '', 'the share link leaves the address');
    await addLinks(page, link(BOARD[2].pattern, { organisation: 'RR8', role: 'non-executive', date: '2025-02-01' }));
    await waitForStatus(page, '1 result added.');
    shown = await readCompare(page);
    assert.deepEqual(shown.entries.map((e) => e.legend), ['Result 1: Executive 1', 'Result 2: Non-executive 1']);
    await go(page, 'button', 'Compare', BOARD_HEADING);
    assert.equal((await readComparison(page)).lead, '2 board members: 1 executive, 1 non-executive.');
    // Back from the compare page returns to the shared result it came from.
    await go(page, 'link', 'Change the results', COMPARE);
    await go(page, 'link', 'Back', 'Shared results');
    await assertClean(page);
  });

  // Mounted with start: "compare" (data-start on the mount element).
  const initScript = () => {
    document.addEventListener('readystatechange', () => {
      const app = document.getElementById('app');
      if (app) app.dataset.start = 'compare';
    });
  };
  await withWidget(browser, { initScript, heading: COMPARE }, async (page) => {
    assert.equal((await readCompare(page)).count, 'Results added (0)');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    assert.equal(
      (await readCompare(page)).inlineError,
      'Error: Compare needs at least 2 results. You have added 0. Paste share links, one per line, or choose exported results files.',
    );
    await assertClean(page);
  });
});

// A share code pasted without its link around it is read as a result too.
test('a bare share code on its own line is read as a result', async () => {
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, [makePayload(BOARD[0].pattern), makePayload(BOARD[1].pattern)].join('\n'));
    await waitForStatus(page, '2 results added.');
    assert.deepEqual((await readCompare(page)).entries.map((e) => [e.legend, e.facts, e.role]), [
      ['Result 1: Member 1', 'No date', 'Other or not given'],
      ['Result 2: Member 2', 'No date', 'Other or not given'],
    ]);
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// 9. The compare view is a second wasm bundle (www/start.js switches)
// ---------------------------------------------------------------------------

// Content-hashed names (.ci/pages.mjs): NAME.HASH.EXT.
const COMPARE_BUNDLE = /\/pkg\/digital_board_compare(_bg)?\.[0-9a-f]{10,}\.(wasm|js)$/;

test('the compare bundle loads only when someone compares; going back keeps the results page, and the results gathered', async () => {
  await withWidget(browser, {}, async (page) => {
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await completeToResults(page, BOARD[0].pattern);
    assert.deepEqual(requested.filter((p) => COMPARE_BUNDLE.test(p)), [], 'no compare bundle for the assessment');
    const resultsTitle = await page.title();

    await go(page, 'link', 'Compare results with other board members or organisations', COMPARE);
    assert.deepEqual(
      requested
        .filter((p) => COMPARE_BUNDLE.test(p))
        .map((p) => p.replace(/\.[0-9a-f]{10,}\./, '.HASH.'))
        .sort(),
      ['/pkg/digital_board_compare.HASH.js', '/pkg/digital_board_compare_bg.HASH.wasm'],
    );
    assert.equal(await page.title(), `${COMPARE} – ${TITLE}`);
    assert.equal(await page.locator('#dba-heading').count(), 1, 'one heading with the id: the other view is out of the page');
    await addLinks(page, `${link(BOARD[1].pattern, BOARD_LABEL)}\n${link(BOARD[2].pattern, BOARD_LABEL)}`);
    await waitForStatus(page, '2 results added.');

    // Back: the results page as it was, focused, with its title.
    await go(page, 'link', 'Back', 'Your results');
    assert.equal(await page.title(), resultsTitle);
    assert.equal((await readSharePanel(page)).link !== null, true, 'the share panel is still there');

    // And again: the results gathered are still there, nothing loaded twice.
    await go(page, 'link', 'Compare results with other board members or organisations', COMPARE);
    assert.equal((await readCompare(page)).count, 'Results added (2)');
    assert.equal(requested.filter((p) => COMPARE_BUNDLE.test(p)).length, 2, 'each compare file requested once');
    await checkA11y(page, 'compare page opened a second time');
    await assertClean(page);
  });
});

test('a compare link pasted into an open page switches to the comparison; the browser’s Back button returns to the assessment', async () => {
  const members = BOARD.map((m) => link(m.pattern, { ...BOARD_LABEL, role: m.role }));
  let compareLink;
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, members.join('\n'));
    await waitForStatus(page, '3 results added.');
    await go(page, 'button', 'Compare', BOARD_HEADING);
    compareLink = (await readComparison(page)).link;
    await assertClean(page);
  });
  await withWidget(browser, {}, async (page) => {
    await page.evaluate((hash) => {
      location.hash = hash;
    }, compareLink.slice(compareLink.indexOf('#')));
    await waitForHeading(page, BOARD_HEADING);
    await page.goBack();
    await waitForHeading(page, TITLE);
    assert.equal(new URL(page.url()).hash, '');
    await page.getByRole('button', { name: 'Start now' }).click();
    await waitForHeading(page, QUESTIONS[0].text);
    await assertClean(page);
  });
});

test('when the compare bundle cannot load, the page says so and the own answers are kept', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeToResults(page, BOARD[0].pattern);
    await page.route(COMPARE_BUNDLE, (route) => route.abort());
    await page.getByRole('link', { name: 'Compare results with other board members or organisations' }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('heading', { name: 'Compare results could not start' }).waitFor();
    assert.match(await alert.textContent(), /Your own answers are still saved in this browser\. Reload the page to try again/);
    // A reload brings the saved answers back.
    await page.unroute(COMPARE_BUNDLE);
    await page.reload();
    await waitForHeading(page, TITLE, { focused: false });
    await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
  });
});

const ASSESSMENT_WASM = /^\/pkg\/digital_board_assessment_bg\.[0-9a-f]{10,}\.wasm$/;
const assessmentWasmRequests = (page) =>
  requestsMade(page).filter((url) => ASSESSMENT_WASM.test(new URL(url).pathname)).length;

/**
 * Runs in the page before the widget: notes the path of each fetch() that
 * has been answered, in window.__fetched. A preloaded resource is handed
 * to the first fetch() that asks for it, so once the assessment's wasm is
 * there, its preload has been used (or a second request made).
 */
function noteFetches() {
  window.__fetched = [];
  const fetch = window.fetch;
  window.fetch = function (...args) {
    const answer = fetch.apply(this, args);
    const path = new URL(String(args[0]?.url ?? args[0]), location.href).pathname;
    answer.then(() => window.__fetched.push(path), () => {});
    return answer;
  };
}

test('the page preloads the assessment’s wasm and uses that one download, also when it opens on a compare link', async () => {
  await withWidget(browser, {}, async (page) => {
    assert.equal(assessmentWasmRequests(page), 1, 'the preload and the bundle share one request');
    await assertClean(page);
  });
  const options = { path: '/#c=garbage', heading: 'This compare link does not work', initScript: noteFetches };
  await withWidget(browser, options, async (page) => {
    // Chromium warns about a preload still unused a few seconds after the
    // page loads (assertClean fails on any warning); once the background
    // load has fetched the wasm, the preload is used and no warning can come.
    await page
      .waitForFunction((source) => window.__fetched.some((path) => new RegExp(source).test(path)), ASSESSMENT_WASM.source, {
        timeout: 10000,
      })
      .catch(() => assert.fail('the compare view did not fetch the assessment’s wasm in the background'));
    assert.equal(assessmentWasmRequests(page), 1, 'the compare view loads the assessment in the background');
    await go(page, 'button', 'Start your own assessment', TITLE);
    assert.equal(assessmentWasmRequests(page), 1, 'nothing downloaded again');
    await page.getByRole('button', { name: 'Start now' }).click();
    await waitForHeading(page, QUESTIONS[0].text);
    await assertClean(page);
  });
});

// Links as they arrive in Outlook or Teams: wrapped by Safe Links, several on a line.
test('links wrapped by Outlook’s Safe Links, and several links on one line, are each read', async () => {
  const [jane, bob, raj] = BOARD.slice(0, 3).map((m) => link(m.pattern, BOARD_LABEL));
  const safeLink = (url) =>
    `https://eur03.safelinks.protection.outlook.com/?url=${encodeURIComponent(url)}&data=05%7C02%7C%7C0&sdata=x%2B%3D&reserved=0`;
  await withWidget(browser, {}, async (page) => {
    await openCompare(page);
    await addLinks(page, `Jane Smith: ${safeLink(jane)}\nBob Jones: ${bob}, Raj Patel: ${raj}`);
    await waitForStatus(page, '3 results added.');
    assert.deepEqual((await readCompare(page)).entries.map((e) => e.name), ['Jane Smith', 'Bob Jones', 'Raj Patel']);
    await assertClean(page);
  });
});

// A phone, or a narrow window beside the meeting's slides.
test('at 320 px wide no comparison scrolls the page sideways; wide tables scroll in their own region, captions in view', async () => {
  const systemText = TRUSTS.map((t) => link(t.pattern, { organisation: t.organisation, date: '2025-06-30' })).join('\n');
  for (const [text, heading] of [[boardText(), BOARD_HEADING], [systemText, SYSTEM_HEADING]]) {
    await withWidget(browser, { viewport: { width: 320, height: 640 } }, async (page) => {
      await openCompare(page);
      await addLinks(page, text);
      await go(page, 'button', 'Compare', heading);
      const layout = await page.evaluate(() => ({
        pageWidth: document.documentElement.scrollWidth,
        regions: [...document.querySelectorAll('.dba-table-wrapper')].map((wrapper) => {
          const caption = wrapper.querySelector('caption');
          return {
            caption: caption?.textContent.trim(),
            scrolls: wrapper.scrollWidth > wrapper.clientWidth,
            focusable: wrapper.tabIndex === 0,
            captionInView: caption ? caption.getBoundingClientRect().right <= wrapper.getBoundingClientRect().right + 0.5 : true,
          };
        }),
      }));
      assert.ok(layout.pageWidth <= 320, `${heading}: the page is ${layout.pageWidth} px wide`);
      // The tables stack on a phone: none needs to scroll sideways.
      assert.deepEqual(layout.regions.filter((r) => r.scrolls).map((r) => r.caption), [], `${heading}: tables scroll sideways`);
      for (const region of layout.regions) {
        assert.ok(region.captionInView, `${heading}: caption “${region.caption}” runs past the screen`);
        assert.ok(!region.scrolls || region.focusable, `${heading}: “${region.caption}” scrolls but cannot be reached by keyboard`);
      }
      await checkA11y(page, `${heading} at 320 px`);
      await assertClean(page);
    });
  }
});
