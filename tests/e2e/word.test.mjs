// The Word board paper (.docx) of a result and of a comparison: downloaded
// from the button, read with an independent reader (mammoth, converting it
// to HTML as it would for a web page), and checked for real headings and
// tables, the description each answer chose, notes with markup and
// non-ASCII text kept as text, the purpose line and the source credit. The
// Word bundle is loaded only when the button is clicked, and when it cannot
// load the button says so while the other downloads still work.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import mammoth from 'mammoth';
import { makeLink } from './links.mjs';
import {
  BASE_URL,
  QUESTIONS,
  SECTIONS,
  TITLE,
  assertClean,
  checkA11y,
  completeToResults,
  download,
  parseCsv,
  launchBrowser,
  requestsMade,
  takeConsoleMessages,
  todayLocal,
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

const WORD_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
// Content-hashed names (.ci/pages.mjs): NAME.HASH.EXT.
const WORD_BUNDLE = /\/pkg\/digital_board_docx(_bg)?\.[0-9a-f]{10,}\.(wasm|js)$/;
const BUTTON = 'Download Word document (.docx)';
const PREPARING = 'Preparing the Word document…';
const FAILED =
  'Error: The Word document could not be made. Try again, or use one of the other downloads: they still work.';

// Journey (a)'s answers: overall Siloed; question 4 Absent against an
// Embedded section (a consistency flag); don't know on 6 and 10.
const PATTERN = 'EEE' + 'ASDEASDESA';
const NAME = { A: 'Absent', S: 'Siloed', E: 'Embedded', D: 'Don’t know' };
const LEVEL = { A: 'absent', S: 'siloed', E: 'embedded' };
const NOTE = '<b>bold</b> & Zoë’s “plan” ✓';
const NOTES = { 8: NOTE, 2: 'Agreed at the **March** board | see minutes' };
const ORGANISATION = 'Zoë’s Trust <NHS>';

/** Clicks the Word button; returns the download's name, media type-free bytes. */
async function downloadWord(page) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: BUTTON, exact: true }).click(),
  ]);
  assert.equal(await file.failure(), null, 'Word download failed');
  const { readFile } = await import('node:fs/promises');
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

/**
 * The document as mammoth reads it, parsed by the browser: headings by
 * level, tables (header cells and body rows, as text), every paragraph's
 * text, and whether any element came from the notes' markup.
 */
async function readWord(bytes) {
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx is a zip');
  const { value: html, messages } = await mammoth.convertToHtml({ buffer: bytes });
  assert.deepEqual(
    messages.filter((m) => m.type === 'error'),
    [],
    'mammoth read the document without errors',
  );
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`);
    return {
      html,
      ...(await page.evaluate(() => {
        const text = (el) => el.textContent.replace(/\s+/g, ' ').trim();
        return {
          h1: [...document.querySelectorAll('h1')].map(text),
          h2: [...document.querySelectorAll('h2')].map(text),
          h3: [...document.querySelectorAll('h3')].map(text),
          tables: [...document.querySelectorAll('table')].map((table) => ({
            head: [...table.querySelectorAll('thead th')].map(text),
            rows: [...table.querySelectorAll('tbody tr, tr:not(thead tr)')]
              .filter((row) => !row.closest('thead'))
              .map((row) => [...row.querySelectorAll('td')].map(text)),
          })),
          paragraphs: [...document.querySelectorAll('p')].map(text),
          listItems: [...document.querySelectorAll('li')].map(text),
          strong: [...document.querySelectorAll('strong')].map(text),
          foreign: [...document.querySelectorAll('b, script, i')].length,
        };
      })),
    };
  } finally {
    await page.close();
  }
}

test('a result’s Word document: headings, tables, chosen descriptions, notes as text, purpose and credit; loaded only on demand', async () => {
  const today = todayLocal();
  await withWidget(browser, {}, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    await page.getByLabel('Organisation name or ODS code (optional)').fill(ORGANISATION);
    await page.getByLabel('Non-executive', { exact: true }).check();
    assert.deepEqual(
      requestsMade(page).filter((url) => WORD_BUNDLE.test(url)),
      [],
      'the Word bundle is not loaded before the button is clicked',
    );

    const word = await downloadWord(page);
    assert.equal(word.name, `zo-s-trust-nhs-digital-strategy-board-self-assessment-${today.iso}.docx`);
    assert.equal(
      requestsMade(page).filter((url) => WORD_BUNDLE.test(url)).length,
      2,
      'the Word bundle (glue and wasm) is loaded once clicked',
    );
    const doc = await readWord(word.bytes);

    assert.deepEqual(doc.h1, [`${TITLE}: results`]);
    assert.deepEqual(doc.h2, ['Summary', 'Scores by section', 'For discussion', 'Answers by question', 'How we scored this']);
    for (const line of [
      `Organisation: ${ORGANISATION}`,
      'Role: Non-executive',
      `Date: ${today.long}`,
      'Purpose: For discussion',
      'Overall stage: Siloed',
    ]) {
      assert.ok(doc.paragraphs.includes(line), `the paper says "${line}"`);
    }

    // The section table and a table of answers per section, with header cells.
    assert.equal(doc.tables.length, 3);
    assert.deepEqual(doc.tables[0].head, ['Section', 'Stage', 'Score', 'Don’t know']);
    assert.deepEqual(doc.tables[0].rows, [
      [SECTIONS[0].title, 'Embedded', '6 of 6 points (average 2.0 of 2)', '0'],
      [SECTIONS[1].title, 'Siloed', '7 of 16 points (average 0.9 of 2)', '2'],
    ]);
    for (const table of doc.tables.slice(1)) {
      assert.deepEqual(table.head, ['No.', 'Question', 'Answer', 'Description chosen', 'Notes']);
    }
    // Every question, with the description the member chose and the notes.
    assert.deepEqual(
      [...doc.tables[1].rows, ...doc.tables[2].rows],
      QUESTIONS.map((q, i) => {
        const code = PATTERN[i];
        return [String(q.number), q.text, NAME[code], code === 'D' ? '' : q[LEVEL[code]], NOTES[q.number]?.replace(/\s+/g, ' ') ?? ''];
      }),
    );

    // Notes are text: the markup is escaped in the HTML, never an element.
    assert.ok(doc.html.includes('&lt;b&gt;bold&lt;/b&gt; &amp; Zoë’s “plan” ✓'), 'the note, escaped');
    assert.equal(doc.foreign, 0, 'no element came from the notes');
    assert.ok(doc.paragraphs.includes(`Notes: ${NOTE}`), 'the note under For discussion');
    // For discussion: numbered items with the guide's prompt.
    assert.ok(doc.listItems.includes(QUESTIONS[7].text), 'question 8 is a numbered discussion item');
    assert.ok(doc.paragraphs.includes(`Description chosen: ${QUESTIONS[7].absent}`));
    assert.ok(doc.paragraphs.some((p) => p === QUESTIONS[7].discuss), 'the guide’s prompt');
    // The credit closes the paper.
    assert.ok(doc.paragraphs.at(-1).startsWith('Source: Building a digital strategy, NHS Providers and Public Digital, March 2021'));
    assert.equal(
      await page.locator('.dba-word__status').textContent(),
      '',
      'the status line is empty once the document is downloaded',
    );
    await assertClean(page);
  });
});

const PAGE_URL = new URL('/', BASE_URL).href;
const BOARD = [
  { pattern: 'EESAESDESSEAS', role: 'executive', name: 'Zoë <b>Smith</b>' },
  { pattern: 'ESSEESSDSAEAS', role: 'executive', name: 'Executive 2' },
  { pattern: 'ASSESDSAESEDS', role: 'non-executive', name: 'Lee' },
];

/** From the start page, pastes the board's links and compares them. */
async function compareBoard(page) {
  await page.getByRole('link', { name: 'Compare results', exact: true }).click();
  await waitForHeading(page, 'Compare results');
  await page
    .locator('#dba-compare-links')
    .fill(BOARD.map((m, i) => `${i === 1 ? '' : `${m.name}: `}${makeLink(PAGE_URL, m.pattern, { role: m.role })}`).join('\n'));
  await page.getByRole('button', { name: 'Add results', exact: true }).click();
  await page.waitForFunction(() => document.querySelector('.dba-compare-status')?.textContent.trim() === '3 results added.');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await waitForHeading(page, 'Where the board agrees and disagrees');
}

test('a comparison’s Word document, from the compare view: its tables and the purpose', async () => {
  const today = todayLocal();
  await withWidget(browser, {}, async (page) => {
    await compareBoard(page);
    await checkA11y(page, 'board comparison with the Word button');

    const word = await downloadWord(page);
    assert.equal(word.name, `digital-strategy-board-self-assessment-comparison-board-${today.iso}.docx`);
    const doc = await readWord(word.bytes);
    assert.deepEqual(doc.h1, [`${TITLE}: Where the board agrees and disagrees`]);
    assert.deepEqual(doc.h2, ['Summary', 'Results compared', 'Questions, most disagreement first', 'How this comparison was worked out']);
    assert.ok(doc.paragraphs.includes('Purpose: For discussion'));
    assert.ok(doc.paragraphs.includes(`Made on: ${today.long}`));
    assert.ok(doc.paragraphs.some((p) => p.startsWith(`Compare link: ${PAGE_URL}#c=`)));
    assert.ok(doc.paragraphs.includes('3 board members: 2 executives, 1 non-executive.'));
    assert.equal(doc.tables.length, 2);
    assert.deepEqual(doc.tables[0].head, ['Name', 'Organisation', 'Role', 'Date']);
    assert.deepEqual(
      doc.tables[0].rows.map((r) => r[0]),
      ['Zoë <b>Smith</b>', 'Executive 2', 'Lee'],
      'names as typed, markup as text',
    );
    assert.deepEqual(doc.tables[1].head, [
      'Question', 'Zoë <b>Smith</b> (executive)', 'Executive 2', 'Lee (non-executive)',
      'Range', 'Median', 'Don’t know', 'Disagreement',
    ]);
    assert.equal(doc.tables[1].rows.length, 13, 'a row per question');
    assert.ok(doc.tables[1].rows[0][0].startsWith('8. '), 'most disagreement first: question 8');
    assert.equal(doc.foreign, 0, 'no element came from the names');
    assert.ok(doc.paragraphs.at(-1).startsWith('Source: Building a digital strategy'));
    await assertClean(page);
  });
});

test('when the Word bundle cannot load, the button says so and the other downloads still work (compare view)', async () => {
  await withWidget(browser, {}, async (page, context) => {
    let release;
    const held = new Promise((resolve) => {
      release = resolve;
    });
    // The glue is held, then refused, as a network failure or a blocked
    // request would be.
    await context.route(WORD_BUNDLE, async (route) => {
      await held;
      await route.abort('failed');
    });
    await compareBoard(page);
    const status = page.locator('.dba-word__status');
    await page.getByRole('button', { name: BUTTON, exact: true }).click();
    await page.waitForFunction(
      (text) => document.querySelector('.dba-word__status')?.textContent === text,
      PREPARING,
    );
    assert.equal(await status.getAttribute('role'), 'status');
    release();
    await page.waitForFunction(() => document.querySelector('.dba-word__status .nhsuk-error-message'));
    assert.equal((await status.textContent()).trim(), FAILED);
    assert.equal(await status.locator('.nhsuk-u-visually-hidden').textContent(), 'Error: ');
    const logged = takeConsoleMessages(page, /digital_board_docx|Failed to fetch|net::ERR_FAILED|dynamically imported module/i);
    assert.ok(logged.length > 0, 'the failure is logged for whoever debugs it');

    // The other downloads are untouched.
    const csv = await download(page, 'CSV');
    assert.ok(csv.name.endsWith('.csv'));
    const rows = parseCsv(csv.text.slice(1));
    assert.ok(rows[0].includes('result'), csv.text.slice(0, 300));
    assert.ok(rows.length > 13, 'a row per answer');
    await checkA11y(page, 'comparison with the Word download’s error');
    await assertClean(page);
  });
});

test('the media type is Word’s', () => {
  // What www/start.js gives the Blob, as the docx crate documents it.
  assert.equal(WORD_TYPE, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
});
