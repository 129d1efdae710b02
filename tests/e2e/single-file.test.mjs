// The single-file edition (.ci/single-file): one HTML file with the wasm,
// JS and CSS inlined, opened from disk (file://) in Chromium. A full
// assessment by mouse, no request of any kind, no console message, axe on
// the start and results pages, downloads and share links from a file,
// autosave across a reload, and a file that refers to nothing outside itself.
//
// The file is built here (node .ci/single-file.mjs, from the release build
// in www/ that .ci/test has just made) when it is missing or older than
// what it is made from.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  QUESTIONS,
  SECTIONS,
  STORAGE_KEY,
  TITLE,
  answerByMouse,
  assertClean,
  checkA11y,
  completeByMouse,
  launchBrowser,
  readResults,
  readSharePanel,
  requestsMade,
  seeResults,
  sharePayload,
  startByMouse,
  waitForHeading,
  withFile,
} from './support.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILE = join(ROOT, 'target', 'single-file', 'digital-board-assessment.html');
const FILE_URL = pathToFileURL(FILE).href;
/** www/pkg's FILE_bg.HASH.wasm (content-hashed names, .ci/pages.mjs). */
const hashedWasm = (file, suffix = '_bg') => {
  const pattern = new RegExp(`^${file}${suffix}\\.[0-9a-f]{10,}\\.wasm$`);
  const name = readdirSync(join(ROOT, 'www', 'pkg')).find((n) => pattern.test(n));
  return join(ROOT, 'www', 'pkg', name ?? `${file}_bg.HASH.wasm`);
};
// The three bundles: the assessment, the compare view and the Word writer;
// and the assessment's late module (the pages of a result), split off.
const WASM = {
  assessment: hashedWasm('digital_board_assessment'),
  compare: hashedWasm('digital_board_compare'),
  docx: hashedWasm('digital_board_docx'),
  split_late: hashedWasm('split_late', ''),
};
// What the file is made from: rebuilt when any of these is newer.
const INPUTS = [
  ...readdirSync(join(ROOT, 'www', 'pkg')).map((name) => join(ROOT, 'www', 'pkg', name)),
  join(ROOT, 'www', 'widget.css'),
  join(ROOT, 'www', 'templates', 'index.html'),
  join(ROOT, 'www', 'start.js'),
  join(ROOT, '.ci', 'single-file.mjs'),
];

const CANNOT_SAVE = 'Your answers cannot be saved in this browser';
const [TRUST_STRATEGY, BOARD_QUESTIONS] = SECTIONS.map((s) => s.title);

// Journey (a)'s answers (see journey.test.mjs for the working):
// Trust strategy E E E -> Embedded; Questions for boards A S D E A S D E S A
// -> Siloed, 2 don't know; overall 13 of 22 from 11 scored -> Siloed.
const PATTERN = 'EEE' + 'ASDEASDESA';
const NOTES = { 8: 'Trade-offs paper <b>not</b> seen by the board & “due” in May' };

let browser;
before(async () => {
  const builtAt = existsSync(FILE) ? statSync(FILE).mtimeMs : -Infinity;
  if (INPUTS.some((input) => statSync(input).mtimeMs > builtAt)) {
    const run = spawnSync(process.execPath, [join(ROOT, '.ci', 'single-file.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, `node .ci/single-file.mjs failed:\n${run.stdout}${run.stderr}`);
  }
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/**
 * Asserts the page fetched nothing but the HTML file itself (and `also`,
 * files the test opened); data: and blob: URLs are allowed.
 */
function assertOnlyTheFile(page, also = []) {
  const requests = requestsMade(page);
  const allowed = new Set([FILE_URL, ...also]);
  const others = requests.filter(
    (url) => !allowed.has(url.split('#')[0]) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );
  assert.deepEqual(others, [], 'the page requested nothing but itself');
  assert.ok(requests.length > 0, 'the document request itself was seen');
}

// ---------------------------------------------------------------------------
// The file itself
// ---------------------------------------------------------------------------

test('the file holds everything: one inline module script and style, no reference to another file', () => {
  const html = readFileSync(FILE, 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  assert.equal(scripts.length, 1, 'exactly one <script>');
  assert.equal(scripts[0][1], ' type="module"', 'an inline module script, no src');
  assert.equal((html.match(/<\/script/gi) ?? []).length, 1, 'nothing in the script ends it early');
  const script = scripts[0][2];
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/gi)];
  assert.equal(styles.length, 1, 'exactly one <style>');
  const style = styles[0][1];
  assert.doesNotMatch(style, /^\s*\uFEFF/, 'no byte order mark in the <style> (it would break the first rule)');

  const markup = html.replace(script, '');
  assert.doesNotMatch(markup, /<script[^>]*\bsrc\s*=/i, 'no <script src=');
  assert.doesNotMatch(markup, /<link[^>]*rel="?stylesheet/i, 'no <link rel="stylesheet">');
  assert.doesNotMatch(style, /@import|@font-face/i, 'no @import or web font');
  const urls = [...style.matchAll(/url\(\s*["']?([^"')]*)/gi)].map((m) => m[1]);
  assert.ok(urls.length > 0, 'the stylesheet has its icons');
  assert.deepEqual(urls.filter((u) => !u.startsWith('data:')), [], 'every url() in the stylesheet is data:');
  // Every src/href in the markup: data: or in-page, except hyperlinks (<a>),
  // which the browser follows only when clicked.
  const references = [...markup.matchAll(/<(\w+)\b[^>]*?\b(?:src|href|srcset|poster)\s*=\s*"([^"]*)"/gi)]
    .filter(([, tag, target]) => tag.toLowerCase() !== 'a' && !/^(data:|#)/.test(target))
    .map(([whole]) => whole);
  assert.deepEqual(references, [], 'no element other than a hyperlink refers to another file');
  assert.match(markup, /<link rel="icon" href="data:,">/, 'an empty icon, so no /favicon.ico request');

  // The head comment says what this is, and the policy matches the content.
  assert.match(markup, /<!--\s*Digital strategy board self-assessment: single-file edition \(version [^)]+\)/);
  assert.match(markup, /Everything runs\s+in the browser/);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(markup)?.[1];
  assert.ok(csp, 'a Content-Security-Policy <meta>');
  const hash = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  assert.equal(
    csp,
    `default-src 'none'; script-src ${hash(script)} 'wasm-unsafe-eval'; style-src ${hash(style)}; ` +
      "img-src data:; base-uri 'none'",
  );

  // The wasm of the three bundles inside is this build's.
  const base64 = /const WASM_BASE64 = (\{[^}]*\});/.exec(script)?.[1];
  assert.ok(base64, 'the wasm is in the script, base64');
  const inlined = JSON.parse(base64);
  assert.deepEqual(Object.keys(inlined).sort(), ['assessment', 'compare', 'docx', 'split_late']);
  for (const [bundle, file] of Object.entries(WASM)) {
    assert.ok(Buffer.from(inlined[bundle], 'base64').equals(readFileSync(file)), `the inlined ${bundle} wasm is www/pkg’s`);
  }
});

// ---------------------------------------------------------------------------
// Opened from disk
// ---------------------------------------------------------------------------

test('from file://: a full assessment by mouse, results, downloads, a share link and Copy link, with no request at all', async () => {
  await withFile(browser, FILE_URL, {}, async (page, context) => {
    assert.equal(await page.title(), TITLE);
    await checkA11y(page, 'the start page from file://');

    await completeByMouse(page, PATTERN, NOTES);
    await seeResults(page);
    const results = await readResults(page);
    assert.equal(results.overall, 'Siloed');
    assert.match(results.overallText, /13 of 22 points from 11 scored answers \(average 1\.2 of 2\); 2 don’t know\./);
    assert.deepEqual(results.sections, [
      { section: TRUST_STRATEGY, stage: 'Embedded', score: '6 of 6 points (average 2.0 of 2)', dontKnow: '0' },
      { section: BOARD_QUESTIONS, stage: 'Siloed', score: '7 of 16 points (average 0.9 of 2)', dontKnow: '2' },
    ]);
    assert.equal(results.chartRows.length, 13);
    assert.equal(results.flags.length, 1, 'the consistency flag');
    assert.equal(results.discussion.find((d) => d.note)?.note, `Your notes: ${NOTES[8]}`);
    await checkA11y(page, 'the results page from file://');

    // A download is made in the page (a blob: URL), under the file's policy.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    const json = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(json.format, 'digital-board-assessment-result');
    assert.equal(json.overall.stage, 'Siloed');

    // The share link is built on the file's own address: it opens only
    // where that file is (see the README).
    const { link, linkHint, qr } = await readSharePanel(page);
    assert.ok(link.startsWith(`${FILE_URL}#r=`), `share link on the file's address, got ${link}`);
    // ... which the page says, offering the files instead, with no QR code
    // (a phone could not open it).
    assert.equal(
      linkHint,
      `${link.length} characters. This page was opened from a file, so the link opens these results only on this computer. To send them to someone, download a file instead.`,
    );
    assert.equal(qr, null, 'no QR code for a file: link');

    // The Word board paper is made from the file too (its bundle inlined).
    const [word] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Word document (.docx)' }).click(),
    ]);
    assert.equal(await word.failure(), null);
    assert.match(word.suggestedFilename(), /\.docx$/);
    const wordBytes = readFileSync(await word.path());
    assert.equal(wordBytes.subarray(0, 2).toString('latin1'), 'PK', 'a .docx (zip) file');
    // A file:// page is a secure context, so the Clipboard API is there and
    // Copy link uses it (the select-the-link fallback is sharing.test.mjs's).
    assert.equal(await page.evaluate(() => window.isSecureContext && navigator.clipboard !== undefined), true);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

    assertOnlyTheFile(page);
    await assertClean(page);
  });
});

test('from file://: a share link opens the shared result, compare starts with it (the second bundle), and "Start your own assessment" takes it off the address', async () => {
  // Made by the widget itself, from the same answers.
  let link;
  await withFile(browser, FILE_URL, {}, async (page) => {
    await completeByMouse(page, PATTERN, {}, { force: true });
    await seeResults(page, { force: true });
    ({ link } = await readSharePanel(page));
    await assertClean(page);
  });
  assert.ok(sharePayload(link), 'a share link');

  await withFile(browser, link, { heading: 'Shared results' }, async (page) => {
    const shared = await readResults(page);
    assert.equal(shared.overall, 'Siloed');
    assert.equal(shared.sections[1].score, '7 of 16 points (average 0.9 of 2)');
    // The compare view, from the file's second inlined bundle, and back.
    await page.getByRole('link', { name: 'Compare these results with others' }).click();
    await waitForHeading(page, 'Compare results');
    await page.getByRole('heading', { name: 'Results added (1)' }).waitFor();
    await checkA11y(page, 'the compare page from file://');
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await waitForHeading(page, 'Shared results');
    await page.getByRole('button', { name: 'Start your own assessment' }).click();
    await waitForHeading(page, TITLE);
    assert.equal(page.url(), FILE_URL, 'history.replaceState works on file://');
    assertOnlyTheFile(page);
    await assertClean(page);
  });
});

// Chromium gives every file:// page one shared localStorage (window.origin is
// "null", but storage is keyed on "file://"), so saving works, and another
// copy of the file, anywhere on the disk, sees the same saved answers.
test('from file://: answers are saved as you go and offered again after a reload; other copies of the file share them', async () => {
  const elsewhere = mkdtempSync(join(tmpdir(), 'dba-single-file-'));
  const copy = join(elsewhere, 'a copy with another name.html');
  copyFileSync(FILE, copy);
  try {
    await withFile(browser, FILE_URL, {}, async (page) => {
      await startByMouse(page);
      await answerByMouse(page, 1, 'E', { next: QUESTIONS[1].text });
      await answerByMouse(page, 2, 'D', { note: 'Ask the CIO', next: QUESTIONS[2].text });
      await answerByMouse(page, 3, 'A', { next: QUESTIONS[3].text });
      assert.deepEqual(await page.evaluate(() => Object.keys(window.localStorage)), [STORAGE_KEY]);
      assert.equal(await page.getByText(CANNOT_SAVE).count(), 0, 'no "cannot be saved" notice');

      await page.reload();
      await waitForHeading(page, TITLE, { focused: false });
      await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
      await page.getByText('3 of 13 questions answered').waitFor();
      await checkA11y(page, 'the start page offering saved answers, from file://');
      await page.getByRole('button', { name: 'Continue where you left off' }).click();
      await waitForHeading(page, QUESTIONS[3].text);
      assert.equal(await page.getByText(CANNOT_SAVE).count(), 0, 'no "cannot be saved" notice');

      // The same browser profile, another file: the saved answers are there.
      await page.goto(pathToFileURL(copy).href);
      await waitForHeading(page, TITLE, { focused: false });
      await page.getByRole('heading', { name: 'You have saved answers' }).waitFor();
      await page.getByText('3 of 13 questions answered').waitFor();

      assertOnlyTheFile(page, [pathToFileURL(copy).href]);
      await assertClean(page);
    });
  } finally {
    rmSync(elsewhere, { recursive: true, force: true });
  }
});
