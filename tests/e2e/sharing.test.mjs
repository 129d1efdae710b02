// Sharing results in the URL fragment: the round trip to a fresh browser,
// "Edit a copy" and "Start your own assessment", every kind of bad link
// (never touching saved answers), links pasted into an open page, Copy link
// with and without the Clipboard API, and the QR code and length limits.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  DOWNLOAD_BUTTONS,
  QUESTIONS,
  STORAGE_KEY,
  TITLE,
  answerByMouse,
  assertClean,
  checkA11y,
  completeToResults,
  expectedCheckAnswers,
  launchBrowser,
  readCheckAnswers,
  readResults,
  readSharePanel,
  sharePayload,
  startByMouse,
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

/** The page address share links are built on. */
const PAGE_URL = new URL('/', BASE_URL).href;
const SHARED_TITLE = `Shared results – ${TITLE}`;
const BAD_LINK = 'This results link does not work';

// The pattern of journey.test.mjs (a): overall Siloed, two don't-knows, one
// consistency flag, eight discussion points.
const PATTERN = 'EEE' + 'ASDEASDESA';
// Markup in notes must arrive as text: no element may be made from it.
const SCRIPT_NOTE = 'Risk register: <script>alert(1)</script> and <b>bold</b> “quoted” & more';
const NOTES = { 8: SCRIPT_NOTE, 13: 'Ask the SIRO' };
const ORGANISATION = 'Leeds Teaching Hospitals (RR8)';

// ---------------------------------------------------------------------------
// An independent encoder for the documented wire format (core/src/share/codec.rs),
// used to make valid links directly and links that are damaged in precise
// ways but carry a correct checksum.
// ---------------------------------------------------------------------------

const ANSWER_CODE = { D: 0, A: 1, S: 2, E: 3 };
const ROLE_CODE = { 'Other or not given': 0, Executive: 1, 'Non-executive': 2 };

function crc16(bytes) {
  let crc = 0xffff;
  for (const byte of bytes) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

function varint(value) {
  const out = [];
  while (value >= 0x80) {
    out.push((value & 0x7f) | 0x80);
    value >>>= 7;
  }
  out.push(value);
  return out;
}

function assessmentHash(id) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(id, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return ((hash >>> 16) ^ hash) & 0xffff;
}

const daysSince2020 = (iso) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2020, 0, 1)) / 86_400_000;

/** Version byte, varint length, body, CRC-16/CCITT-FALSE: base64url. */
function seal(body, version = 1) {
  const out = [version, ...varint(body.length + 2), ...body];
  const crc = crc16(out);
  return Buffer.from([...out, crc >> 8, crc & 0xff]).toString('base64url');
}

/**
 * A format-1 body. `answers` is a pattern string (or raw packed bytes via
 * `packed`); `label` { organisation, role }; `notes` { questionNumber: text }
 * (or raw note bytes via `rawNotes`); the other fields override the header.
 */
function body({
  pattern = PATTERN,
  date,
  label,
  notes,
  flags,
  assessment = 'board-digital-strategy',
  contentVersion = 1,
  count,
  packed,
  rawLabel,
  rawNotes,
  extra = [],
}) {
  const noteEntries = Object.entries(notes ?? {});
  const hash = assessmentHash(assessment);
  const out = [
    flags ?? ((date ? 1 : 0) | (label || rawLabel ? 2 : 0) | (noteEntries.length || rawNotes ? 4 : 0)),
    hash >> 8, hash & 0xff,
    contentVersion >> 8, contentVersion & 0xff,
  ];
  if (date) {
    const days = daysSince2020(date);
    out.push(days >> 8, days & 0xff);
  }
  out.push(count ?? pattern.length);
  if (packed) {
    out.push(...packed);
  } else {
    for (let i = 0; i < pattern.length; i += 4) {
      let byte = 0;
      [...pattern.slice(i, i + 4)].forEach((code, j) => {
        byte |= ANSWER_CODE[code] << (6 - 2 * j);
      });
      out.push(byte);
    }
  }
  if (rawLabel) {
    out.push(...rawLabel);
  } else if (label) {
    const organisation = Buffer.from(label.organisation, 'utf8');
    out.push(ROLE_CODE[label.role], organisation.length, ...organisation);
  }
  if (rawNotes) {
    out.push(...rawNotes);
  } else if (noteEntries.length) {
    out.push(noteEntries.length);
    for (const [number, text] of noteEntries) {
      const bytes = Buffer.from(text, 'utf8');
      out.push(Number(number) - 1, ...varint(bytes.length), ...bytes);
    }
  }
  out.push(...extra);
  return out;
}

const encode = (parts = {}) => seal(body(parts));

/** The sealed bytes of a payload. */
const bytesOf = (payload) => [...Buffer.from(payload, 'base64url')];

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

const storedAnswers = (page) => page.evaluate((key) => window.localStorage.getItem(key), STORAGE_KEY);
const storedKeys = (page) => page.evaluate(() => Object.keys(window.localStorage));

/** Puts a fragment into the address of the open page (a hashchange, no reload). */
const setHash = (page, hash) => page.evaluate((h) => { window.location.hash = h; }, hash);

/**
 * `setHash`, then waits for the hashchange event and the next animation
 * frame after it. The widget's listeners were added before this one, so
 * they have run, and Yew renders in a microtask: whatever the widget makes
 * of the fragment is on screen by then.
 */
const setHashAndRender = (page, hash) =>
  page.evaluate(
    (h) =>
      new Promise((resolve) => {
        window.addEventListener('hashchange', () => requestAnimationFrame(() => resolve()), { once: true });
        window.location.hash = h;
      }),
    hash,
  );

const provenance = (page) =>
  page.evaluate(() => document.querySelector('.dba-provenance')?.textContent.trim().replace(/\s+/g, ' ') ?? null);

/**
 * Opens `payload` in the open page, then "Edit a copy" and "See your
 * results": the user's own results page with these answers, quickly.
 */
async function ownResultsFrom(page, payload) {
  await setHash(page, `#r=${payload}`);
  await waitForHeading(page, 'Shared results');
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  await waitForHeading(page, 'Check your answers');
  await page.getByRole('button', { name: 'See your results' }).click();
  await waitForHeading(page, 'Your results');
}

/** What is on a shared (read-only) results page besides the results. */
function readSharedChrome(page) {
  return page.evaluate(() => ({
    title: document.title,
    buttons: [...document.querySelectorAll('#app button')].map((b) => b.textContent.trim()),
    changeLinks: [...document.querySelectorAll('#app a')].filter((a) => a.textContent.includes('Change')).length,
    sharePanel: document.querySelectorAll('.dba-share, #dba-share-link, #dba-organisation').length,
    inlineScripts: document.querySelectorAll('script:not([src])').length,
    markupElements: document.querySelectorAll('#app b, #app script').length,
    text: document.getElementById('app').textContent,
  }));
}

// ---------------------------------------------------------------------------
// Round trip
// ---------------------------------------------------------------------------

test('share round trip: a fresh browser context sees exactly what the sender saw', async () => {
  const today = todayLocal();
  await withWidget(browser, {}, async (sender) => {
    await completeToResults(sender, PATTERN, NOTES);

    // Answers only, before any label: a short link on this page's address.
    let panel = await readSharePanel(sender);
    assert.equal(panel.linkLabel, 'Link to these results');
    assert.ok(panel.link.startsWith(`${PAGE_URL}#r=`), `link on the page address: ${panel.link}`);
    const answersOnly = sharePayload(panel.link);
    assert.ok(answersOnly.length <= 24, `answers-only payload is ≤ 24 characters: ${answersOnly} (${answersOnly.length})`);
    assert.match(answersOnly, /^[A-Za-z0-9_-]+$/, 'base64url');
    // It is exactly the documented wire format (answers and today's date).
    assert.equal(answersOnly, encode({ date: today.iso }), 'payload matches the format in share.rs');
    assert.equal(panel.linkHint, `${panel.link.length} characters. Send it by Teams or email, or show the QR code.`);
    assert.equal(panel.includeNotes, false, 'notes are not included unless ticked');

    // Organisation, role and notes.
    assert.deepEqual(
      await sender.evaluate(() => [...document.querySelectorAll('input[name="role"]')].map((r) => r.labels[0].textContent.trim())),
      ['Executive', 'Non-executive', 'Other or not given'],
    );
    await sender.getByLabel('Organisation name or ODS code (optional)').fill(ORGANISATION);
    await sender.getByLabel('Non-executive', { exact: true }).check();
    panel = await readSharePanel(sender);
    const withoutNotes = panel.link;
    assert.equal(sharePayload(withoutNotes), encode({ date: today.iso, label: { organisation: ORGANISATION, role: 'Non-executive' } }));
    await sender.getByLabel('Include my notes in the link').check();
    panel = await readSharePanel(sender);
    const link = panel.link;
    assert.notEqual(link, withoutNotes, 'ticking the notes changes the link');
    assert.ok(link.startsWith(`${PAGE_URL}#r=`), link);
    const hintCount = Number(/^(\d+) characters\./.exec(panel.linkHint)?.[1]);
    assert.equal(hintCount, link.length, `the hint gives the link's length: ${panel.linkHint}`);
    assert.equal(
      panel.includeNotesHint,
      `With notes the link is ${link.length} characters long; without them, ${withoutNotes.length}.`,
    );
    assert.ok(link.length <= 400, 'short enough for a QR code');
    assert.equal(panel.qr?.role, 'img');

    const sent = await readResults(sender);
    assert.equal(sent.overall, 'Siloed');
    assert.equal(await provenance(sender), `From ${ORGANISATION}, Non-executive. Made on ${today.long}.`);
    await checkA11y(sender, 'results with the share panel (organisation, role, notes ticked, QR code)');

    // A fresh context: nothing shared with the sender but the link.
    await withWidget(browser, { path: `/#r=${sharePayload(link)}`, heading: 'Shared results' }, async (receiver) => {
      const dialogs = [];
      receiver.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        dialog.dismiss().catch(() => {});
      });
      const received = await readResults(receiver);
      // The sender's notes are "Your notes"; the receiver sees them as "Notes".
      const asReceived = {
        ...sent,
        discussion: sent.discussion.map((d) => ({ ...d, note: d.note?.replace(/^Your notes: /, 'Notes: ') ?? d.note })),
      };
      assert.deepEqual(received, asReceived, 'same stage, sections, chart, answers, discussion, notes and flags');
      assert.equal(received.chartRows.length, 13);
      assert.deepEqual(
        received.discussion.map((d) => d.note).filter(Boolean),
        [`Notes: ${SCRIPT_NOTE}`, `Notes: ${NOTES[13]}`],
      );
      assert.equal(await provenance(receiver), `From ${ORGANISATION}, Non-executive. Made on ${today.long}.`);

      const chrome = await readSharedChrome(receiver);
      assert.equal(chrome.title, SHARED_TITLE);
      assert.deepEqual(chrome.buttons, [...DOWNLOAD_BUTTONS, 'Start your own assessment', 'Edit a copy'], 'read-only: print and downloads, no Start again');
      assert.equal(chrome.changeLinks, 0, 'read-only: no Change your answers');
      assert.equal(chrome.sharePanel, 0, 'no share panel on someone else’s results');
      assert.equal(chrome.inlineScripts, 0, 'the note did not become a script');
      assert.equal(chrome.markupElements, 0, 'the note did not become markup');
      assert.ok(chrome.text.includes(SCRIPT_NOTE), 'the note is shown as the literal text typed');
      assert.deepEqual(dialogs, [], 'no script from the note ran');
      await checkA11y(receiver, 'shared results');

      // Edit a copy: the shared answers become this browser's, and are saved.
      assert.deepEqual(await storedKeys(receiver), [], 'opening a link saves nothing');
      await receiver.getByRole('button', { name: 'Edit a copy' }).click();
      await waitForHeading(receiver, 'Check your answers');
      assert.deepEqual(await readCheckAnswers(receiver), expectedCheckAnswers(PATTERN, NOTES));
      assert.ok(!receiver.url().includes('#r='), `the link leaves the address: ${receiver.url()}`);
      await receiver.waitForFunction((key) => window.localStorage.getItem(key) !== null, STORAGE_KEY);
      assert.deepEqual(await storedKeys(receiver), [STORAGE_KEY]);
      await receiver.getByRole('button', { name: 'See your results' }).click();
      await waitForHeading(receiver, 'Your results');
      assert.deepEqual(await readResults(receiver), sent, 'the copy is the same result');
      // The copy takes the sender's organisation for its own links, but not
      // their role: the receiver chooses their own.
      assert.equal(await receiver.locator('#dba-organisation').inputValue(), ORGANISATION);
      assert.equal(await receiver.getByLabel('Non-executive', { exact: true }).isChecked(), false);
      assert.equal(await receiver.getByLabel('Other or not given', { exact: true }).isChecked(), true);

      // Saved for real: a reload offers them again, complete.
      await receiver.reload();
      await waitForHeading(receiver, TITLE, { focused: false });
      await receiver.getByText('13 of 13 questions answered').waitFor();
      await receiver.getByRole('button', { name: 'Continue where you left off' }).click();
      await waitForHeading(receiver, 'Check your answers');
      assert.deepEqual(await readCheckAnswers(receiver), expectedCheckAnswers(PATTERN, NOTES));
      await assertClean(receiver);
    });
    await assertClean(sender);
  });
});

test('"Start your own assessment" from a shared result: start page, link gone from the address, nothing saved', async () => {
  const payload = encode({ date: '2024-02-29', label: { organisation: 'RR8', role: 'Executive' } });
  await withWidget(browser, { path: `/#r=${payload}`, heading: 'Shared results' }, async (page) => {
    assert.equal(await provenance(page), 'From RR8, Executive. Made on 29 February 2024.');
    await page.getByRole('button', { name: 'Start your own assessment' }).click();
    await waitForHeading(page, TITLE);
    assert.equal(page.url(), PAGE_URL, 'history.replaceState took "#r=…" off the address');
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 1);
    assert.deepEqual(await storedKeys(page), []);
    // A reload stays on the start page.
    await page.reload();
    await waitForHeading(page, TITLE, { focused: false });
    assert.equal(await page.getByRole('heading', { name: 'Shared results' }).count(), 0);
    await assertClean(page);
  });
});

test('a link pasted into an open page (hashchange) opens the shared result; other fragments are ignored', async () => {
  // Journey (b)'s pattern, made by this test's encoder: Embedded overall.
  const payload = encode({ pattern: 'ESEESEDEEAESE', date: '2026-01-05', notes: { 10: 'Ask the CIO' } });
  await withWidget(browser, {}, async (page) => {
    await startByMouse(page);
    await answerByMouse(page, 1, 'A', { next: QUESTIONS[1].text });
    const saved = await storedAnswers(page);

    // The skip link's fragment, or any other, is not a results link.
    await setHashAndRender(page, '#maincontent');
    await waitForHeading(page, QUESTIONS[1].text, { focused: false });

    await setHash(page, `#r=${payload}`);
    await waitForHeading(page, 'Shared results'); // and focus moves to it
    assert.equal(await page.title(), SHARED_TITLE);
    const shown = await readResults(page);
    assert.equal(shown.overall, 'Embedded');
    assert.match(shown.overallText, /19 of 24 points from 12 scored answers \(average 1\.6 of 2\); 1 don’t know\./);
    assert.deepEqual(
      shown.discussion.map((d) => [d.question, d.tag, d.note]),
      [
        [QUESTIONS[6].text, 'Don’t know', null],
        [QUESTIONS[9].text, 'Absent', 'Notes: Ask the CIO'],
        [QUESTIONS[1].text, 'Siloed', null],
        [QUESTIONS[4].text, 'Siloed', null],
        [QUESTIONS[11].text, 'Siloed', null],
      ],
    );
    assert.equal(await provenance(page), 'Made on 5 January 2026.');
    assert.equal(await storedAnswers(page), saved, 'the answers in progress are still saved, unchanged');

    await page.getByRole('button', { name: 'Start your own assessment' }).click();
    await waitForHeading(page, TITLE);
    assert.ok(!page.url().includes('#r='), page.url());
    assert.equal(await storedAnswers(page), saved);
    await assertClean(page);
  });
});

test('"Edit a copy" asks before replacing answers saved here, and "Keep my answers" keeps them', async () => {
  const payload = encode({ pattern: 'ESEESEDEEAESE', date: '2026-01-05' });
  await withWidget(browser, {}, async (page) => {
    await startByMouse(page);
    await answerByMouse(page, 1, 'A', { note: 'our own view', next: QUESTIONS[1].text });
    const saved = await storedAnswers(page);

    await setHash(page, `#r=${payload}`);
    await waitForHeading(page, 'Shared results');
    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await waitForHeading(page, 'Replace your answers with this copy?');
    assert.match(
      await page.locator('.dba-page--confirm p').textContent(),
      /\(1 of 13 questions answered, with notes on 1\)\. Editing a copy of the shared results replaces them/,
    );
    assert.ok(page.url().includes(`#r=${payload}`), 'the link stays in the address while asking');
    await checkA11y(page, 'replace your answers?');

    await page.getByRole('button', { name: 'Keep my answers' }).click();
    await waitForHeading(page, 'Shared results');
    assert.equal(await storedAnswers(page), saved, 'kept');

    await page.getByRole('button', { name: 'Edit a copy' }).click();
    await page.getByRole('button', { name: 'Replace my answers' }).click();
    await waitForHeading(page, 'Check your answers');
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers('ESEESEDEEAESE', {}));
    await page.waitForFunction(([key, before]) => window.localStorage.getItem(key) !== before, [STORAGE_KEY, saved]);
    assert.notEqual(await storedAnswers(page), saved, 'replaced by the copy');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// Bad links
// ---------------------------------------------------------------------------

const ASK_AGAIN = 'Ask the sender to copy the whole link again, or to send the results as a file.';
const MESSAGE = {
  empty: `This link does not contain any results. ${ASK_AGAIN}`,
  characters: `This link contains characters that cannot be part of a results link. It may have been changed when it was copied or sent. ${ASK_AGAIN}`,
  truncated: `This link is incomplete. It may have been cut off when it was copied. ${ASK_AGAIN}`,
  checksum: `This link has been changed or damaged, so we cannot show the results. ${ASK_AGAIN}`,
  format: 'This link was made with a newer version of this self-assessment. Refresh the page to get the latest version and try again, or ask the sender to send the results as a file.',
  assessment: 'This link is for an assessment this page does not have. Check you opened it on the same website the sender used, or ask the sender to send the results as a file.',
  newerContent: 'This link was made with a newer version of the questions (version 2) than this page has (version 1). Refresh the page to get the latest version and try again, or ask the sender to send the results as a file.',
  olderContent: 'This link was made with an older version of the questions (version 0). This page has version 1, and the answers cannot be matched to its questions. Ask the sender to send the results as a file, or start your own assessment.',
  answers: `The answers in this link do not match the questions, so the link may have been changed. ${ASK_AGAIN}`,
  role: `This link contains a role we do not recognise, so it may have been changed. ${ASK_AGAIN}`,
  text: `The organisation name or notes in this link cannot be read as text, so the link may have been changed. ${ASK_AGAIN}`,
  notes: `The notes in this link do not match the questions, so the link may have been changed. ${ASK_AGAIN}`,
  tooLong: `The organisation name or notes in this link are longer than a link can carry. ${ASK_AGAIN}`,
  trailing: 'This link has extra characters at the end. It may have been joined to other text when it was copied. Remove anything after the link, or ask the sender to copy the whole link again.',
};

const GOOD = encode({ date: '2026-11-21' });
const GOOD_WITH_NOTES = encode({ date: '2026-11-21', label: { organisation: 'RR8', role: 'Executive' }, notes: { 8: 'A note long enough to cut in the middle' } });
/** `payload` with the character at `i` replaced by another base64url one. */
const editAt = (payload, i) => payload.slice(0, i) + (payload[i] === 'A' ? 'B' : 'A') + payload.slice(i + 1);
/** Valid sealed bytes with the version byte changed (and the checksum fixed). */
const resealAs = (payload, version) => {
  const bytes = bytesOf(payload);
  const lengthBytes = bytes[1] < 0x80 ? 1 : 2;
  return seal(bytes.slice(1 + lengthBytes, -2), version);
};

const BAD_LINKS = [
  ['nothing after "#r="', '', 'empty'],
  ['random text', 'hello-board-members', 'checksum'],
  ['random base64url of the right length', 'Zm9vYmFyYmF6cXV4cXV1eg', 'checksum'],
  ['a space (sent as %20)', `${GOOD.slice(0, 10)} ${GOOD.slice(10)}`, 'characters'],
  ['standard base64 "+" and "/"', `${GOOD.slice(0, 5)}+/${GOOD.slice(7)}`, 'characters'],
  ['"=" padding', `${GOOD}==`, 'characters'],
  ['a non-ASCII letter', `${GOOD.slice(0, 8)}é${GOOD.slice(9)}`, 'characters'],
  ['truncated to two characters', GOOD.slice(0, 2), 'truncated'],
  ['truncated by half', GOOD.slice(0, 11), 'truncated'],
  ['truncated by one character', GOOD.slice(0, -1), 'truncated'],
  ['truncated in the notes', GOOD_WITH_NOTES.slice(0, -20), 'truncated'],
  ['one character edited in the answers', editAt(GOOD, 14), 'checksum'],
  ['the first character edited', editAt(GOOD, 0), 'checksum'],
  ['the last character edited', editAt(GOOD, GOOD.length - 1), 'checksum'],
  ['one character edited in a note', editAt(GOOD_WITH_NOTES, 60), 'checksum'],
  ['trailing text', `${GOOD}Thanks`, 'trailing'],
  ['one trailing character', `${GOOD}x`, 'trailing'],
  ['two links joined', `${GOOD}${GOOD}`, 'trailing'],
  // Damaged in particular ways, with a correct checksum.
  ['format version 2', resealAs(GOOD, 2), 'format'],
  ['an unknown optional part (flag bit 5)', encode({ date: '2026-11-21', flags: 0b100001 }), 'format'],
  ['another assessment', encode({ date: '2026-11-21', assessment: 'some-other-assessment' }), 'assessment'],
  ['a newer version of the questions', encode({ date: '2026-11-21', contentVersion: 2 }), 'newerContent'],
  ['an older version of the questions', encode({ date: '2026-11-21', contentVersion: 0 }), 'olderContent'],
  ['12 answers', encode({ pattern: PATTERN.slice(0, 12) }), 'answers'],
  ['stray bits after the last answer', encode({ packed: [0xfd, 0x8d, 0x8e, 0x43] }), 'answers'],
  ['an unknown role', encode({ rawLabel: [7, 3, ...Buffer.from('RR8')] }), 'role'],
  ['an organisation that is not UTF-8', encode({ rawLabel: [1, 2, 0xc3, 0x28] }), 'text'],
  ['notes out of order', encode({ rawNotes: [2, 5, 1, 0x41, 2, 1, 0x42] }), 'notes'],
  ['a note for question 14', encode({ rawNotes: [1, 13, 1, 0x41] }), 'notes'],
  ['an empty note', encode({ rawNotes: [1, 0, 0] }), 'notes'],
  ['a note over 2000 bytes', encode({ rawNotes: [1, 0, ...varint(2001), ...Buffer.alloc(2001, 0x41)] }), 'tooLong'],
  ['a byte after the result, inside the checksum', encode({ date: '2026-11-21', extra: [0] }), 'trailing'],
];

/**
 * Puts `#r=payload` into the open page's address and waits until the widget
 * has shown `heading` and moved focus to it. Focus is taken off first, so
 * the wait also works when the page before showed the same heading (one bad
 * link after another): focus returns only once the new link is read.
 */
async function pasteLink(page, payload, heading) {
  await page.evaluate(() => document.activeElement?.blur());
  await setHash(page, `#r=${payload}`);
  await waitForHeading(page, heading);
}

// Opened by a new page load as well as pasted: the cases a board member
// would meet, one of each cause.
const LOADED = new Set(['nothing after "#r="', 'random text', 'a space (sent as %20)', 'truncated by half',
  'one character edited in the answers', 'trailing text', 'another assessment', 'a newer version of the questions']);

test('every kind of bad link: a clear error page, and saved answers untouched', async () => {
  await withWidget(browser, {}, async (page) => {
    // Answers in progress, saved in this browser.
    await startByMouse(page, { force: true });
    await answerByMouse(page, 1, 'S', { note: 'Saved <i>before</i> any link', next: QUESTIONS[1].text, force: true });
    await page.waitForFunction((key) => window.localStorage.getItem(key) !== null, STORAGE_KEY);
    const saved = await storedAnswers(page);

    const assertBadLinkPage = async (label, kind, how) => {
      const shown = await page.evaluate(() => ({
        title: document.title,
        message: document.querySelector('.dba-link-error')?.textContent.trim() ?? null,
        text: document.getElementById('app').textContent,
        buttons: [...document.querySelectorAll('#app button')].map((b) => b.textContent.trim()),
      }));
      const where = `${label} (${how})`;
      assert.equal(shown.title, `Error: ${BAD_LINK} – ${TITLE}`, `${where}: title`);
      assert.equal(shown.message, MESSAGE[kind], `${where}: message`);
      assert.ok(shown.text.includes('Any answers saved in this browser have not been changed.'), `${where}: reassurance`);
      assert.deepEqual(shown.buttons, ['Start your own assessment'], `${where}: one way on`);
      assert.equal(await storedAnswers(page), saved, `${where}: saved answers are byte-identical`);
    };

    for (const [i, [label, payload, kind]] of BAD_LINKS.entries()) {
      // Pasted into the open page: a hashchange; focus moves to the heading.
      await pasteLink(page, payload, BAD_LINK);
      await assertBadLinkPage(label, kind, 'pasted into the open page');
      if (i === 0) await checkA11y(page, `the bad-link page (${label})`);
      if (!LOADED.has(label)) continue;

      // Opened afresh (as from Teams or email): the page loads on the link.
      await page.reload();
      await waitForHeading(page, BAD_LINK, { focused: false });
      await assertBadLinkPage(label, kind, 'opened in a new page load');
      // Start your own: the start page, still offering the saved answers.
      await page.getByRole('button', { name: 'Start your own assessment' }).click();
      await waitForHeading(page, TITLE);
      assert.ok(!page.url().includes('#r='), `${label}: the bad link leaves the address`);
      await page.getByRole('button', { name: 'Continue where you left off' }).waitFor();
      await page.getByText('1 of 13 questions answered').waitFor();
      assert.equal(await storedAnswers(page), saved, `${label}: saved answers are byte-identical`);
    }
    assert.equal(LOADED.size, BAD_LINKS.filter(([label]) => LOADED.has(label)).length, 'every LOADED case exists');

    // And the saved answers still load.
    await page.reload();
    await waitForHeading(page, BAD_LINK, { focused: false });
    await page.getByRole('button', { name: 'Start your own assessment' }).click();
    await page.getByRole('button', { name: 'Continue where you left off' }).click();
    await waitForHeading(page, QUESTIONS[1].text);
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, QUESTIONS[0].text);
    assert.equal(await page.locator('#dba-notes').inputValue(), 'Saved <i>before</i> any link');
    assert.equal(await storedAnswers(page), saved);
    await assertClean(page);
  });
});

test('the encoder used above makes links the widget reads (so its damaged links test what they say)', async () => {
  // Each bad link above differs from one of these in only the part named.
  const good = [
    ['answers and date', GOOD],
    ['label and notes', GOOD_WITH_NOTES],
    ['version re-sealed as 1', resealAs(GOOD, 1)],
    ['no date', encode({})],
    ['label with a one-byte role', encode({ rawLabel: [2, 3, ...Buffer.from('RR8')] })],
    ['two notes in order', encode({ rawNotes: [2, 1, 1, 0x41, 5, 1, 0x42] })],
    ['a note of 2000 bytes', encode({ rawNotes: [1, 0, ...varint(2000), ...Buffer.alloc(2000, 0x41)] })],
  ];
  await withWidget(browser, {}, async (page) => {
    for (const [label, payload] of good) {
      await pasteLink(page, payload, 'Shared results');
      assert.equal((await readResults(page)).overall, 'Siloed', label);
    }
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// Copy link
// ---------------------------------------------------------------------------

const COPIED = 'Link copied. Paste it into Teams or an email.';
const SELECTED = 'Your browser did not let us copy the link. It is selected above: press Ctrl+C (or Command+C on a Mac) to copy it.';

test('Copy link puts the link on the clipboard and says so', async () => {
  await withWidget(browser, {}, async (page, context) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE_URL).origin });
    await ownResultsFrom(page, encode({ date: '2026-11-21', notes: { 3: 'Board away day' } }));
    await page.getByLabel('Organisation name or ODS code (optional)').fill('RR8');
    const { link, copyStatus } = await readSharePanel(page);
    assert.equal(copyStatus, '', 'nothing said before copying');

    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    assert.equal((await readSharePanel(page)).copyStatus, COPIED);
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    await checkA11y(page, 'results after Copy link');
    await assertClean(page);
  });
});

for (const [label, initScript] of [
  [
    'refused by the browser',
    () => {
      Object.defineProperty(Clipboard.prototype, 'writeText', {
        configurable: true,
        value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')),
      });
    },
  ],
  [
    'missing (as on a page not served securely)',
    () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    },
  ],
]) {
  test(`Copy link with the Clipboard API ${label}: the link is selected for copying by hand`, async () => {
    await withWidget(browser, { initScript }, async (page) => {
      await ownResultsFrom(page, GOOD);
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('status').filter({ hasText: 'did not let us copy' }).waitFor();
      assert.equal((await readSharePanel(page)).copyStatus, SELECTED);
      const selection = await page.evaluate(() => {
        const field = document.getElementById('dba-share-link');
        return {
          focused: document.activeElement === field,
          start: field.selectionStart,
          end: field.selectionEnd,
          length: field.value.length,
          selected: window.getSelection().toString() || field.value.slice(field.selectionStart, field.selectionEnd),
          value: field.value,
        };
      });
      assert.equal(selection.focused, true, 'focus on the link field');
      assert.equal(selection.start, 0, 'selection starts at the beginning');
      assert.equal(selection.end, selection.length, 'selection covers the whole link');
      assert.equal(selection.selected, selection.value);
      await assertClean(page);
    });
  });
}

// ---------------------------------------------------------------------------
// QR code and length limits
// ---------------------------------------------------------------------------

// A board session: the chair puts the QR code on the meeting room's screen.
test('a larger QR code for a shared screen: most of the screen’s height, wholly in view, and back', async () => {
  await withWidget(browser, { viewport: { width: 1024, height: 768 } }, async (page) => {
    await ownResultsFrom(page, encode({ date: '2026-11-21' }));
    const qr = page.locator('svg.dba-qr');
    const small = await qr.boundingBox();
    assert.ok(small.width < 250, `small to begin with: ${small.width}`);
    const moves = (await readSharePanel(page)).qr.moves;

    await page.getByRole('button', { name: 'Show a larger QR code' }).click();
    await page.getByRole('button', { name: 'Show a smaller QR code' }).waitFor();
    // Grown, then scrolled into view a frame later (to within a pixel:
    // scrolling is by whole pixels, the layout above it is not).
    await page.waitForFunction(() => {
      const box = document.querySelector('svg.dba-qr').getBoundingClientRect();
      return box.width > 500 && box.top > -1 && box.bottom < innerHeight + 1;
    });
    const large = await qr.boundingBox();
    assert.ok(large.width >= 0.75 * 768 && Math.abs(large.width - large.height) < 1, `large and square: ${JSON.stringify(large)}`);
    assert.equal((await readSharePanel(page)).qr.moves, moves, 'the same code, only larger');
    await checkA11y(page, 'results with the larger QR code');

    await page.getByRole('button', { name: 'Show a smaller QR code' }).click();
    await page.getByRole('button', { name: 'Show a larger QR code' }).waitFor();
    assert.equal((await qr.boundingBox()).width, small.width);
    await assertClean(page);
  });
});

test('QR code for short links, explained when too long to scan, and a warning past 1,000 characters', async () => {
  // 400 ASCII characters of notes: a link between 400 and 1,000 characters.
  const mediumNote = 'Discussed at the March board; '.repeat(14).slice(0, 400);
  const longNote = 'The strategy refresh is behind plan. '.repeat(41).slice(0, 1500);
  await withWidget(browser, {}, async (page) => {
    await ownResultsFrom(page, encode({ date: '2026-11-21', notes: { 5: mediumNote } }));

    // Without notes: short, with a scannable QR code.
    let panel = await readSharePanel(page);
    assert.ok(panel.link.length <= 400, `short link: ${panel.link.length}`);
    assert.deepEqual(
      { role: panel.qr?.role, label: panel.qr?.label },
      { role: 'img', label: 'QR code of the link to these results' },
    );
    assert.ok(panel.qr.moves > 100, `one "M" per dark module: ${panel.qr.moves}`);
    assert.ok(panel.panelText.includes('Scan with a phone camera to open these results on another device.'));
    const box = await page.locator('svg.dba-qr').boundingBox();
    assert.ok(box && box.width >= 150 && Math.abs(box.width - box.height) < 1, `QR code is square and visible: ${JSON.stringify(box)}`);

    // With the notes: between 400 and 1,000 characters, no QR code, and why.
    await page.getByLabel('Include my notes in the link').check();
    panel = await readSharePanel(page);
    assert.ok(panel.link.length > 400 && panel.link.length <= 1000, `medium link: ${panel.link.length}`);
    assert.equal(panel.linkHint, `${panel.link.length} characters. Send it by Teams or email.`, 'no QR code, so the hint does not offer one');
    assert.equal(panel.qr, null, 'no QR code for a link over 400 characters');
    assert.ok(
      panel.panelText.includes('The link is too long for a QR code that phones can scan easily. Send the link instead, or untick your notes.'),
      'the missing QR code is explained',
    );
    assert.equal(panel.tooLong, null);

    // A 1,500-character note: the link would be cut by Teams and Outlook.
    await page.getByRole('link', { name: 'Change your answers' }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('link', { name: `Change your answer to: ${QUESTIONS[4].text}` }).click();
    await waitForHeading(page, QUESTIONS[4].text);
    await page.locator('#dba-notes').fill(longNote);
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, 'Check your answers');
    await page.getByRole('button', { name: 'See your results' }).click();
    await waitForHeading(page, 'Your results');

    panel = await readSharePanel(page);
    assert.equal(panel.includeNotes, true, 'the choice to include notes is kept');
    const [, withNotes, without] = /^With notes the link is (\d+) characters long; without them, (\d+)\.$/.exec(panel.includeNotesHint) ?? [];
    assert.ok(Number(withNotes) > 1000, `with notes: ${panel.includeNotesHint}`);
    assert.ok(panel.tooLong?.startsWith('The link would be too long'), `warning card: ${panel.tooLong}`);
    assert.ok(
      panel.tooLong.includes(`With your notes the link is ${withNotes} characters. Teams and Outlook cut links longer than 1000 characters`),
      panel.tooLong,
    );
    assert.equal(panel.link, null, 'no link field');
    assert.equal(panel.qr, null, 'no QR code');
    assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0, 'no Copy link');
    assert.equal(await page.getByRole('button', { name: 'Download JSON' }).count(), 1, 'the file export is offered');
    await checkA11y(page, 'results with the link-too-long warning');

    // Untick: the short link and its QR code are back.
    await page.getByLabel('Include my notes in the link').uncheck();
    panel = await readSharePanel(page);
    assert.equal(panel.link.length, Number(without));
    assert.equal(panel.tooLong, null);
    assert.notEqual(panel.qr, null);
    await assertClean(page);
  });
});

test('an organisation name the field accepts still makes a link, whatever its letters', async () => {
  // 80 characters, the field's maxlength; the en dashes and the Welsh
  // letter take more than one byte each in UTF-8.
  const organisation = 'Bwrdd Iechyd Prifysgol Aneurin Bevan – Gwasanaethau Digidol – Ŵyl Technolegau ŵŵ';
  assert.equal([...organisation].length, 80);
  assert.ok(Buffer.byteLength(organisation) > 80);
  await withWidget(browser, {}, async (page) => {
    await ownResultsFrom(page, GOOD);
    assert.equal(await page.locator('#dba-organisation').getAttribute('maxlength'), '80');
    await page.getByLabel('Organisation name or ODS code (optional)').fill(organisation);
    assert.equal(await page.locator('#dba-organisation').inputValue(), organisation, 'the field accepts the whole name');
    const panel = await readSharePanel(page);
    assert.ok(!panel.panelText.includes('too long to go in a link'), panel.panelText);
    assert.notEqual(panel.link, null, 'a link is made for an organisation name the field accepts');
    // The receiver sees the name exactly.
    const receiver = await browser.newContext();
    try {
      const other = await receiver.newPage();
      await other.goto(panel.link);
      await other.getByText(`From ${organisation}`).waitFor();
    } finally {
      await receiver.close();
    }
    await assertClean(page);
  });
});
