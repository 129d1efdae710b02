// Exports: the downloaded Markdown, CSV and JSON files (names and contents,
// with notes as inert text), the JSON's share code read back as a link, and
// the printed board-paper layout of own and shared results.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  QUESTIONS,
  SECTIONS,
  TITLE,
  assertClean,
  completeToResults,
  download,
  launchBrowser,
  md,
  parseCsv,
  readResults,
  readSharePanel,
  sharePayload,
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

// The pattern of journey.test.mjs (a): overall Siloed (13 of 22 points from
// 11 scored, 2 don't know); Trust strategy Embedded 6 of 6; Questions for
// boards Siloed 7 of 16; question 4 Absent against an Embedded section: one
// consistency flag. For discussion: 6, 10 (Don't know); 4, 8, 13 (Absent);
// 5, 9, 12 (Siloed).
const PATTERN = 'EEE' + 'ASDEASDESA';
const DISCUSSION = [6, 10, 4, 8, 13, 5, 9, 12];
const SCRIPT_NOTE = 'Risk register, see <script>alert(1)</script> and <b>bold</b> "as agreed" & more';
const FORMULA_NOTE = '=HYPERLINK("http://evil.example/","click")';
const NOTES = { 2: FORMULA_NOTE, 8: SCRIPT_NOTE, 13: '   Ask the SIRO   ' };
/** Notes as exported: trimmed. */
const EXPORTED_NOTES = { 2: FORMULA_NOTE, 8: SCRIPT_NOTE, 13: 'Ask the SIRO' };
const ORGANISATION = 'Leeds Teaching Hospitals (RR8)';
const ORGANISATION_SLUG = 'leeds-teaching-hospitals-rr8';
const TITLE_SLUG = 'digital-strategy-board-self-assessment';

const NAME = { A: 'Absent', S: 'Siloed', E: 'Embedded', D: 'Don’t know' };
const KEY = { A: 'absent', S: 'siloed', E: 'embedded', D: 'dont_know' };
const POINTS = { A: 0, S: 1, E: 2, D: null };




test('downloads: Markdown, CSV and JSON, named by organisation and date, notes inert, share code readable', async () => {
  const today = todayLocal();
  await withWidget(browser, {}, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    const results = await readResults(page);

    // Without an organisation: the file is named by assessment and date only.
    let csv = await download(page, 'CSV');
    assert.equal(csv.name, `${TITLE_SLUG}-${today.iso}.csv`);
    assert.equal(parseCsv(csv.bytes.toString('utf8').slice(1))[1][2], '', 'no organisation given');

    await page.getByLabel('Organisation name or ODS code (optional)').fill(ORGANISATION);
    await page.getByLabel('Non-executive', { exact: true }).check();
    const stem = `${ORGANISATION_SLUG}-${TITLE_SLUG}-${today.iso}`;

    // --- Markdown -----------------------------------------------------------
    const markdown = await download(page, 'Markdown');
    assert.equal(markdown.name, `${stem}.md`);
    const doc = markdown.bytes.toString('utf8');
    assert.ok(doc.startsWith(`# ${TITLE}: results\n`), doc.slice(0, 80));
    for (const line of [
      `- **Organisation:** ${ORGANISATION}`,
      '- **Role:** Non-executive',
      `- **Date:** ${today.iso}`,
      '- **Assessment:** board-digital-strategy, version 1',
      '## Overall stage: Siloed',
      `| ${SECTIONS[0].title} | Embedded | 6 of 6 points (average 2.0 of 2) | 0 |`,
      `| ${SECTIONS[1].title} | Siloed | 7 of 16 points (average 0.9 of 2) | 2 |`,
    ]) {
      assert.ok(doc.split('\n').includes(line), `Markdown has the line: ${line}`);
    }
    // Every question, with its answer and notes, in the answers table.
    for (const q of QUESTIONS) {
      const row = `| ${q.number} | ${md(q.section.title)} | ${md(q.text)} | ${md(NAME[PATTERN[q.number - 1]])} | ${md(EXPORTED_NOTES[q.number] ?? '')} |`;
      assert.ok(doc.split('\n').includes(row), `Markdown answers row for question ${q.number}: ${row}`);
    }
    // For discussion, in the results page's order.
    const discussed = [...doc.matchAll(/^\d+\. \*\*(.+)\*\*$/gm)].map((m) => m[1]);
    assert.deepEqual(discussed, DISCUSSION.map((n) => md(QUESTIONS[n - 1].text)));
    assert.deepEqual(discussed, results.discussion.map((d) => md(d.question)));
    // Markup in notes is escaped: no raw tag anywhere; the only "<" unescaped
    // opens the source's autolink.
    assert.ok(doc.includes(`Notes: ${md(SCRIPT_NOTE)}`), 'the note, escaped, under For discussion');
    assert.ok(doc.includes('\\<script\\>alert(1)\\</script\\> and \\<b\\>bold\\</b\\>'));
    assert.ok(!/<script|<b>/i.test(doc.replaceAll('\\<', '')), 'no raw <script> or <b> in the Markdown');
    assert.deepEqual(
      [...doc.matchAll(/(?<!\\)</g)].map((m) => doc.slice(m.index, doc.indexOf('>', m.index) + 1)),
      ['<https://www.nhsproviders.org/building-a-digital-strategy>'],
    );

    // --- CSV ----------------------------------------------------------------
    csv = await download(page, 'CSV');
    assert.equal(csv.name, `${stem}.csv`);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const text = csv.bytes.toString('utf8').slice(1);
    assert.ok(text.endsWith('\r\n'));
    assert.equal(text.split('\r\n').length - 1, 14, 'header and 13 rows, each ending CRLF');
    assert.ok(!/[^\r]\n/.test(text) && !/\r(?!\n)/.test(text), 'every line ends CRLF, no bare CR or LF');
    const rows = parseCsv(text);
    assert.deepEqual(rows[0], [
      'assessment_id', 'assessment_version', 'organisation', 'role', 'date', 'question_number',
      'question_id', 'section', 'question', 'answer', 'points', 'notes',
      'record', 'action_number', 'action', 'action_lead', 'action_due', 'action_measure', 'action_questions', 'action_status',
    ]);
    assert.equal(rows.length, 14);
    const expectedNote = (n) => {
      const note = EXPORTED_NOTES[n] ?? '';
      return /^[=+\-@\t\r]/.test(note) ? `'${note}` : note;
    };
    assert.deepEqual(
      rows.slice(1),
      QUESTIONS.map((q, i) => [
        'board-digital-strategy', '1', ORGANISATION, 'Non-executive', today.iso, String(q.number),
        q.id, q.section.title, q.text, NAME[PATTERN[i]], POINTS[PATTERN[i]] === null ? '' : String(POINTS[PATTERN[i]]),
        expectedNote(q.number), 'question', '', '', '', '', '', '', '',
      ]),
    );
    // As written: quoted (comma, quotes doubled), and the formula made inert.
    assert.ok(
      text.includes(',"Risk register, see <script>alert(1)</script> and <b>bold</b> ""as agreed"" & more",question,'),
      'the note with markup is one quoted cell, as typed',
    );
    assert.ok(text.includes(`,"'=HYPERLINK(""http://evil.example/"",""click"")",question,`), 'a leading apostrophe stops the formula');
    assert.equal(rows[2][11], `'${FORMULA_NOTE}`);

    // --- JSON ---------------------------------------------------------------
    const shareCode = sharePayload((await readSharePanel(page)).link);
    const json = await download(page, 'JSON');
    assert.equal(json.name, `${stem}.json`);
    const raw = json.bytes.toString('utf8');
    assert.notEqual(raw.charCodeAt(0), 0xfeff, 'no byte order mark');
    assert.ok(!/[<>&]/.test(raw), '<, > and & are written as \\u escapes');
    assert.ok(raw.includes('\\u003cscript\\u003e'));
    const result = JSON.parse(raw);
    assert.deepEqual(Object.keys(result), [
      'format', 'format_version', 'assessment', 'organisation', 'role', 'date', 'share_code',
      'overall', 'sections', 'answers', 'consistency_flags', 'actions',
    ]);
    assert.equal(result.format, 'digital-board-assessment-result');
    assert.equal(result.format_version, 1);
    assert.deepEqual(result.assessment, { id: 'board-digital-strategy', version: 1, title: TITLE });
    assert.equal(result.organisation, ORGANISATION);
    assert.equal(result.role, 'Non-executive');
    assert.equal(result.date, today.iso);
    assert.deepEqual(result.overall, { stage: 'Siloed', points: 13, max_points: 22, scored: 11, dont_know: 2 });
    assert.deepEqual(result.sections, [
      { id: 'trust-strategy', title: SECTIONS[0].title, stage: 'Embedded', points: 6, max_points: 6, scored: 3, dont_know: 0 },
      { id: 'questions-for-boards', title: SECTIONS[1].title, stage: 'Siloed', points: 7, max_points: 16, scored: 8, dont_know: 2 },
    ]);
    assert.equal(result.answers.length, 13);
    assert.deepEqual(
      result.answers,
      QUESTIONS.map((q, i) => ({
        question_id: q.id,
        section_id: q.section.id,
        number: q.number,
        question: q.text,
        answer: KEY[PATTERN[i]],
        points: POINTS[PATTERN[i]],
        notes: EXPORTED_NOTES[q.number] ?? null,
      })),
    );
    assert.deepEqual(
      result.consistency_flags.map(({ question_id, section_id }) => [question_id, section_id]),
      [['integrated-strategies', 'trust-strategy']],
    );
    // The share code is the link's payload without the notes (the notes are
    // in answers[].notes), with organisation, role and date.
    assert.equal(result.share_code, shareCode, 'share_code is the payload of the link shown (notes not ticked)');
    assert.ok(result.share_code.length < 80, `short: ${result.share_code}`);

    // Ticking the notes changes the link, not the share code.
    await page.getByLabel('Include my notes in the link').check();
    assert.notEqual(sharePayload((await readSharePanel(page)).link), shareCode);
    const again = JSON.parse((await download(page, 'JSON')).bytes.toString('utf8'));
    assert.equal(again.share_code, shareCode);

    // The share code opens as a link: the same result, without the notes.
    await withWidget(browser, { path: `/#r=${result.share_code}`, heading: 'Shared results' }, async (reader) => {
      const shown = await readResults(reader);
      assert.equal(shown.overall, 'Siloed');
      assert.deepEqual(shown.sections, results.sections);
      assert.deepEqual(shown.chartRows, results.chartRows);
      assert.deepEqual(shown.flags, results.flags);
      assert.deepEqual(
        shown.discussion,
        results.discussion.map((d) => ({ ...d, note: null })),
        'same discussion points, no notes',
      );
      assert.equal(
        await reader.locator('.dba-provenance').innerText(),
        `From ${ORGANISATION}, Non-executive. Made on ${today.long}.`,
      );
      await assertClean(reader);
    });
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// Print
// ---------------------------------------------------------------------------

/** Whether each named locator's elements are all visible (true), none (false) or some ('partly'). */
async function visibility(locators) {
  const result = {};
  for (const [name, locator] of Object.entries(locators)) {
    const count = await locator.count();
    assert.ok(count > 0, `${name} should exist on the page`);
    const shown = [];
    for (let i = 0; i < count; i++) shown.push(await locator.nth(i).isVisible());
    result[name] = shown.every(Boolean) ? true : shown.some(Boolean) ? 'partly' : false;
  }
  return result;
}

const every = (locators, value) => Object.fromEntries(Object.keys(locators).map((k) => [k, value]));

/** The text a printout shows (innerText leaves out what is not rendered). */
const printedText = (page) => page.evaluate(() => document.body.innerText);

test('print: a board-paper layout of own and shared results, without the share panel or the link', async () => {
  const today = todayLocal();
  await withWidget(browser, {}, async (page) => {
    await completeToResults(page, PATTERN, NOTES);
    await page.getByLabel('Organisation name or ODS code (optional)').fill(ORGANISATION);
    await page.getByLabel('Executive', { exact: true }).check();
    await page.getByLabel('Include my notes in the link').check();
    const { link } = await readSharePanel(page);
    assert.ok(link.length > 100, 'a long link, which must not be printed');
    const provenanceText = `From ${ORGANISATION}, Executive. Made on ${today.long}.`;

    await page.emulateMedia({ media: 'print' });
    const hidden = {
      'share panel': page.locator('.dba-share'),
      'link field': page.locator('#dba-share-link'),
      'QR code': page.locator('svg.dba-qr'),
      'organisation field': page.locator('#dba-organisation'),
      'header': page.locator('header.nhsuk-header'),
      'footer': page.locator('footer.nhsuk-footer'),
      'buttons': page.locator('button'),
      'Change your answers': page.getByRole('link', { name: 'Change your answers', includeHidden: true }),
    };
    assert.deepEqual(await visibility(hidden), every(hidden, false), 'printed results: hidden parts');
    const shown = {
      'heading': page.locator('h1#dba-heading'),
      'organisation, role and date': page.locator('.dba-provenance'),
      'overall stage': page.locator('.dba-overall'),
      'section table': page.locator('table').filter({ hasText: 'Scores by section' }),
      'chart': page.locator('svg.dba-chart__svg'),
      'answers table': page.locator('table.dba-answers-table'),
      'discussion points': page.locator('ol.dba-discussion > li'),
      'notes': page.locator('.dba-answer-note').filter({ hasText: 'alert(1)' }),
    };
    assert.deepEqual(await visibility(shown), every(shown, true), 'printed results: content');
    let printed = await printedText(page);
    assert.ok(printed.includes(provenanceText), 'organisation, role and date are printed');
    assert.ok(printed.includes(SCRIPT_NOTE), 'the note is printed as typed');
    assert.ok(!printed.includes('#r='), 'the share link is not printed');
    assert.ok(!printed.includes('Share your results'));
    // Links are not followed by their address in print.
    const after = await page.locator('.dba-page--results a[href^="http"]').first()
      .evaluate((a) => getComputedStyle(a, '::after').content);
    assert.equal(after, 'none', 'no printed URL after links');

    // Someone else's results print the same way, without "What you can do next".
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate((hash) => { window.location.hash = hash; }, `#r=${sharePayload(link)}`);
    await waitForHeading(page, 'Shared results');
    await page.emulateMedia({ media: 'print' });
    const sharedHidden = {
      'What you can do next': page.getByText('What you can do next'),
      'buttons': page.locator('button'),
    };
    assert.deepEqual(await visibility(sharedHidden), every(sharedHidden, false), 'printed shared results: hidden parts');
    assert.deepEqual(await visibility(shown), every(shown, true), 'printed shared results: content');
    printed = await printedText(page);
    assert.ok(printed.includes('Shared results'));
    assert.ok(printed.includes(provenanceText));
    assert.ok(!printed.includes('#r='));
    await page.emulateMedia({ media: 'screen' });
    await assertClean(page);
  });
});
