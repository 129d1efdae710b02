// Shared helpers for the end-to-end tests of the self-assessment widget.
//
// Every test opens the widget with `openWidget`, which records three kinds
// of trouble for `assertClean` to check at the end of the test:
//
// * requests that left loopback. Two recorders, because Playwright's
//   `request` event does not see everything the browser fetches for a page
//   (favicons, for one): the `request`/`websocket` events, and a recording
//   proxy configured on the browser context. Loopback hosts bypass the proxy
//   (listed in its bypass list, and Chromium never proxies loopback unless
//   told to with <-loopback>), so every connection the proxy receives
//   is one that would have left the machine; the proxy records it and
//   refuses it, so nothing is ever sent out.
// * console messages of type "error" or "warning";
// * uncaught page errors.
//
// Then: the content (read from the assessment file), axe, waiting for pages,
// reading screens into plain data, and mouse helpers for getting around.
// The keyboard-only test presses its own keys.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import net from 'node:net';
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { parse as parseCsvText } from 'csv-parse/sync';

export const BASE_URL = process.env.DBA_BASE_URL || 'http://127.0.0.1:8080';

export const TITLE = 'Digital strategy board self-assessment';
export const HEADING_ID = 'dba-heading';
/** The print and download buttons, as on one's own and shared results. */
export const DOWNLOAD_BUTTONS = [
  'Print or save as PDF',
  'Download Word document (.docx)',
  'Download Markdown (text for a board paper)',
  'Download CSV (for a spreadsheet)',
  'Download JSON (for comparing results)',
];
export const NOTHING_CHOSEN = 'Select the description that fits your trust best, or select “Don’t know”';

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  // Chromium's own autofill service otherwise asks
  // content-autofill.googleapis.com about every form it sees (the question
  // page's form included). That is the browser's traffic, not the widget's;
  // turned off so the recording proxy sees only what the page causes.
  '--disable-features=AutofillServerCommunication',
];

/** Launches headless Debian Chromium (one per test file). */
export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
}

// ---------------------------------------------------------------------------
// Content: the assessment file is the single source of the wording shown.
// ---------------------------------------------------------------------------

/**
 * Reads the sections and questions of assessments/digital-strategy.toml.
 * A deliberately small reader for the subset of TOML that file uses:
 * `[[sections]]`, `[[sections.questions]]` and `key = "string"` lines.
 */
function readAssessment() {
  const url = new URL('../../assessments/digital-strategy.toml', import.meta.url);
  const sections = [];
  let target = null;
  for (const line of readFileSync(url, 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '[[sections]]') {
      target = { questions: [] };
      sections.push(target);
    } else if (trimmed === '[[sections.questions]]') {
      target = {};
      sections.at(-1).questions.push(target);
    } else if (trimmed.startsWith('[')) {
      target = null;
    } else if (target) {
      const match = /^([A-Za-z_-]+)\s*=\s*("(?:[^"\\]|\\.)*")\s*$/.exec(trimmed);
      if (match) target[match[1]] = JSON.parse(match[2]);
    }
  }
  return sections;
}

export const SECTIONS = readAssessment();

/** Every question in order, with its 1-based number and its section. */
export const QUESTIONS = SECTIONS.flatMap((section) =>
  section.questions.map((question) => ({ ...question, section })),
).map((question, i) => ({ ...question, number: i + 1 }));

assert.equal(QUESTIONS.length, 13, 'the assessment file should hold 13 questions');

/** Short codes for answers used by the tests. */
export const ANSWER = {
  A: { name: 'Absent', radioId: 'dba-answer', descriptor: (q) => q.absent, barClass: 'dba-chart__bar--absent' },
  S: { name: 'Siloed', radioId: 'dba-answer-2', descriptor: (q) => q.siloed, barClass: 'dba-chart__bar--siloed' },
  E: { name: 'Embedded', radioId: 'dba-answer-3', descriptor: (q) => q.embedded, barClass: 'dba-chart__bar--embedded' },
  D: { name: 'Don’t know', radioId: 'dba-answer-4', descriptor: () => 'Don’t know', barClass: 'dba-chart__bar--unknown' },
};

export const questionTitle = (n) =>
  `Question ${n} of 13: ${QUESTIONS[n - 1].text} – ${TITLE}`;

// ---------------------------------------------------------------------------
// Recording what the page does
// ---------------------------------------------------------------------------

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/** Whether a URL stays on this machine (loopback, or needs no network). */
export function staysLocal(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
  return LOOPBACK_HOSTS.has(parsed.hostname);
}

/**
 * A proxy that records and refuses every connection it receives. Given to
 * a browser context with loopback bypassed, it sees exactly the traffic
 * that would have left loopback, whichever part of the browser made it.
 */
async function startRecordingProxy(record) {
  const sockets = new Set();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let head = '';
    socket.on('data', (chunk) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n');
      if (end === -1 && head.length < 8192) return;
      record(`proxy saw: ${head.slice(0, end === -1 ? 200 : end)}`);
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      socket.removeAllListeners('data');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const logs = new WeakMap();

/**
 * Opens a fresh context and page on the widget, records requests leaving
 * loopback, console errors and warnings and page errors, and waits for the
 * start page. Options: `viewport`, `contextOptions` (more for the browser
 * context, e.g. `isMobile`), `path` (default "/"), `initScript`
 * (a function run in the page before the widget loads), `heading` (the
 * main heading to wait for instead of the start page's, e.g. when `path`
 * is a share link).
 * Returns `{ context, page, close }`; call `close()` in a `finally`.
 */
/**
 * Opens `url` in a fresh context whose traffic goes through a recording
 * proxy (except `bypass`), noting every request `isLocal` rejects, every
 * console error or warning, page error and extra page; then waits for the
 * heading (see `openWidget`). Returns `{ context, page, close }`.
 */
async function openRecorded(browser, url, options, { bypass, isLocal, log }) {
  const proxy = await startRecordingProxy((line) => log.offLoopback.push(line));
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1024, height: 768 },
    // e.g. { isMobile: true, hasTouch: true } for a phone.
    ...options.contextOptions,
    proxy: { server: proxy.server, bypass },
    serviceWorkers: 'block',
  });
  // Runs in the page before the widget, e.g. to block or fill localStorage.
  if (options.initScript) await context.addInitScript(options.initScript);
  // [pattern, handler] pairs in force from the first request, e.g. to hold
  // back or refuse one file.
  for (const [pattern, handler] of options.routes ?? []) await context.route(pattern, handler);
  const noteRequest = (requestUrl, kind) => {
    log.requests?.push(requestUrl);
    if (!isLocal(requestUrl)) log.offLoopback.push(`${kind} ${requestUrl}`);
  };
  context.on('request', (request) => noteRequest(request.url(), `request (${request.resourceType()})`));
  const page = await context.newPage();
  context.on('page', (other) => {
    if (other !== page) log.pageErrors.push(`a new page was opened: ${other.url()}`);
  });
  page.on('websocket', (socket) => noteRequest(socket.url(), 'websocket'));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      const { url: where, lineNumber } = message.location();
      log.console.push(`${message.type()}: ${message.text()}${where ? ` (${where}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => log.pageErrors.push(String(error?.stack || error)));
  logs.set(page, log);

  const close = async () => {
    await context.close();
    await proxy.close();
  };
  try {
    await page.goto(url);
    // `heading: false` skips the wait (e.g. a widget inside a shadow root,
    // which document.getElementById cannot see).
    if (options.heading !== false) await waitForHeading(page, options.heading ?? TITLE, { focused: false });
    // The start page is in the HTML (tests/e2e/prerender.test.mjs): tests
    // start once the widget has taken over from it.
    if (options.heading !== false) await page.waitForFunction(() => !document.querySelector('[data-dba-prerendered]'));
  } catch (error) {
    await close();
    throw error;
  }
  return { context, page, close };
}

export async function openWidget(browser, options = {}) {
  return openRecorded(browser, new URL(options.path ?? '/', BASE_URL).href, options, {
    bypass: '127.0.0.1,localhost,[::1]',
    isLocal: staysLocal,
    log: { offLoopback: [], console: [], pageErrors: [], requests: [] },
  });
}

/**
 * Opens the widget, runs `body(page, context)`, and always closes the
 * context. If the body fails, anything the page logged is added to the
 * error message, since it often explains the failure. The body is expected
 * to end with `await assertClean(page)`.
 */
export async function withWidget(browser, options, body) {
  const { page, context, close } = await openWidget(browser, options);
  try {
    await body(page, context);
  } catch (error) {
    const log = logs.get(page);
    const lines = [...log.offLoopback, ...log.console, ...log.pageErrors];
    if (lines.length > 0 && error instanceof Error) {
      error.message += `\n\nMeanwhile the page logged:\n  ${lines.join('\n  ')}`;
    }
    throw error;
  } finally {
    await close();
  }
}

/**
 * Asserts that, so far, nothing left loopback and the page logged no
 * console error or warning and threw no uncaught error.
 */
export async function assertClean(page) {
  const log = logs.get(page);
  assert.ok(log, 'assertClean: this page was not opened with openWidget');
  // Let anything already under way (a late console message) be reported
  // before looking.
  await nextRender(page);
  assert.deepEqual(log.offLoopback, [], `requests left loopback:\n  ${log.offLoopback.join('\n  ')}`);
  assert.deepEqual(log.console, [], `console errors or warnings:\n  ${log.console.join('\n  ')}`);
  assert.deepEqual(log.pageErrors, [], `page errors:\n  ${log.pageErrors.join('\n  ')}`);
}

/**
 * Waits for the page's next animation frame (the widget renders in a
 * microtask, so anything it was about to draw is drawn by then), then for
 * an answer from each of the page's frames. Each frame reports what it
 * logs in order, so by then everything logged before has been recorded.
 */
async function nextRender(page) {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  for (const frame of page.frames()) {
    // A frame removed meanwhile has nothing more to say.
    if (frame !== page.mainFrame()) await frame.evaluate(() => true).catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------

/** Runs axe (WCAG 2.0–2.2 A and AA) and asserts there are no violations. */
export async function checkA11y(page, label) {
  // Legacy mode runs axe.run() inside the page itself. The widget has no
  // frames, so it checks exactly the same; the default mode would also open
  // a blank page of its own for every run, which is slow (and would look
  // like the widget opening a window).
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .setLegacyMode(true)
    .analyze();
  const report = results.violations
    .map((v) => {
      const targets = v.nodes.map((node) => `      - ${node.target.join(' ')}`).join('\n');
      return `  ${v.id} (${v.impact}): ${v.help}\n    ${v.helpUrl}\n${targets}`;
    })
    .join('\n');
  assert.equal(
    results.violations.length,
    0,
    `axe found ${results.violations.length} violation(s) on ${label}:\n${report}`,
  );
}

// ---------------------------------------------------------------------------
// Waiting and reading
// ---------------------------------------------------------------------------

/**
 * Waits until the main heading (#dba-heading) reads `text`, and unless
 * `focused: false`, until it has focus (the widget moves focus there after
 * every navigation). Fails with what was showing and focused instead.
 */
export async function waitForHeading(page, text, { focused = true, timeout = 5000 } = {}) {
  try {
    await page.waitForFunction(
      ([id, expected, mustFocus]) => {
        const heading = document.getElementById(id);
        return (
          heading !== null &&
          heading.textContent.trim() === expected &&
          (!mustFocus || document.activeElement === heading)
        );
      },
      [HEADING_ID, text, focused],
      { timeout },
    );
  } catch {
    const state = await page
      .evaluate((id) => {
        const active = document.activeElement;
        return {
          heading: document.getElementById(id)?.textContent.trim() ?? null,
          active: active ? `<${active.tagName.toLowerCase()}${active.id ? ` id="${active.id}"` : ''}>` : 'nothing',
          title: document.title,
        };
      }, HEADING_ID)
      .catch(() => ({}));
    assert.fail(
      `expected heading "${text}"${focused ? ' to be showing and focused' : ''}; ` +
        `heading is ${JSON.stringify(state.heading)}, focus is on ${state.active}, title "${state.title}"`,
    );
  }
}

/** The focused element: its id, tag name and the start of its text. */
export async function activeElement(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? { id: el.id, tag: el.tagName.toLowerCase(), text: el.textContent.trim().replace(/\s+/g, ' ') } : null;
  });
}

/** The answer code ('A', 'S', 'E', 'D') of the checked radio, or null. */
export async function checkedAnswer(page) {
  const id = await page.evaluate(
    () => document.querySelector('input[name="answer"]:checked')?.id ?? null,
  );
  if (id === null) return null;
  return Object.keys(ANSWER).find((code) => ANSWER[code].radioId === id) ?? `unknown radio #${id}`;
}

// ---------------------------------------------------------------------------
// Driving the widget with the mouse (the keyboard test drives it itself)
// ---------------------------------------------------------------------------

/**
 * Mouse helpers take `force: true` to skip Playwright's actionability
 * checks (visible, stable, enabled, not covered) before each click. The
 * click is still a real mouse click at the element's position, so anything
 * covering the control would take the click and the next wait would fail.
 * Tests whose subject is something else use it to get to a screen faster;
 * the mouse journey test leaves it off.
 */

/** Clicks "Start now" and waits for question 1. */
export async function startByMouse(page, { force = false } = {}) {
  await page.getByRole('button', { name: 'Start now' }).click({ force });
  await waitForHeading(page, QUESTIONS[0].text);
}

/**
 * On question `n`, chooses `code` by clicking its radio (found by its
 * label), optionally types a note, and presses Continue. Waits for `next`
 * (a heading text) if given.
 */
export async function answerByMouse(page, n, code, { note, next, force = false } = {}) {
  const question = QUESTIONS[n - 1];
  await waitForHeading(page, question.text, { focused: false });
  await page.getByLabel(ANSWER[code].descriptor(question), { exact: true }).check({ force });
  if (note !== undefined) await page.locator('#dba-notes').fill(note, { force });
  await page.getByRole('button', { name: 'Continue' }).click({ force });
  if (next) await waitForHeading(page, next);
}

/**
 * Starts and answers every question by mouse, following `pattern` (a string
 * of 13 answer codes), with `notes` keyed by question number. Ends on Check
 * your answers.
 */
export async function completeByMouse(page, pattern, notes = {}, { force = false } = {}) {
  assert.equal(pattern.length, QUESTIONS.length, 'one answer code per question');
  await startByMouse(page, { force });
  for (const [i, code] of [...pattern].entries()) {
    const next = i + 1 < QUESTIONS.length ? QUESTIONS[i + 1].text : 'Check your answers';
    await answerByMouse(page, i + 1, code, { note: notes[i + 1], next, force });
  }
}

/** From Check your answers, clicks "See your results" and waits for them. */
export async function seeResults(page, { force = false } = {}) {
  await page.getByRole('button', { name: 'See your results' }).click({ force });
  await waitForHeading(page, 'Your results');
}

/** Reads the results page into plain data. */
export async function readResults(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    const sectionTable = [...document.querySelectorAll('table')].find(
      (t) => text(t.querySelector('caption')) === 'Scores by section',
    );
    return {
      overall: text(document.querySelector('.dba-overall strong.nhsuk-tag')),
      overallClass: document.querySelector('.dba-overall strong.nhsuk-tag')?.className ?? null,
      // The summary card, then the points sentence under Scores by section.
      overallText: `${text(document.querySelector('.dba-summary'))} ${text(document.querySelector('.dba-tally'))}`,
      sections: sectionTable
        ? [...sectionTable.querySelectorAll('tbody tr')].map((row) => ({
            section: text(row.querySelector('th')),
            stage: text(row.querySelectorAll('td')[0]),
            score: text(row.querySelectorAll('td')[1]),
            dontKnow: text(row.querySelectorAll('td')[2]),
          }))
        : null,
      chartRows: [...document.querySelectorAll('svg.dba-chart__svg g.dba-chart__row')].map((g) => ({
        question: g.getAttribute('data-question'),
        label: text(g.querySelector('.dba-chart__label')),
        barClass: g.querySelector('rect.dba-chart__bar')?.getAttribute('class') ?? null,
        value: text(g.querySelector('.dba-chart__value')),
      })),
      // Each cell's value, without the column name a phone shows beside it;
      // the answer as its level (the tag).
      answersTable: [...document.querySelectorAll('table.dba-answers-table tbody tr')].map((row) =>
        [...row.querySelectorAll('th, td')].map((cell) =>
          text(cell.querySelector('.nhsuk-tag') ?? cell.querySelector(':scope > span:last-child')),
        ),
      ),
      // The description each member chose, '' for "Don't know".
      answerDescriptions: [...document.querySelectorAll('table.dba-answers-table tbody tr')].map(
        (row) => text(row.querySelector('.dba-answer-description')) ?? '',
      ),
      discussion: [...document.querySelectorAll('ol.dba-discussion > li')].map((li) => ({
        question: text(li.querySelector('h3')),
        tag: text(li.querySelector('.dba-discussion__meta strong')),
        note: text(li.querySelector('.dba-answer-note')),
      })),
      flags: [...document.querySelectorAll('.dba-flag')].map(text),
    };
  });
}

/** Reads a question page's visible structure into plain data. */
export function readQuestionPage(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    const radios = [...document.querySelectorAll('input[type="radio"][name="answer"]')];
    const notes = document.getElementById('dba-notes');
    return {
      title: document.title,
      backLink: text(document.querySelector('a.nhsuk-back-link')),
      caption: text(document.querySelector('.dba-progress')),
      legendHeading: text(document.querySelector('fieldset > legend > h1#dba-heading')),
      hint: text(document.getElementById('dba-hint')),
      radios: radios.map((radio) => ({
        id: radio.id,
        label: text(document.querySelector(`label[for="${radio.id}"]`)),
        hint: text(document.getElementById(radio.getAttribute('aria-describedby') ?? '')),
        checked: radio.checked,
      })),
      // What sits between the third and fourth radio.
      divider: text(radios[3]?.closest('.nhsuk-radios__item')?.previousElementSibling),
      notesLabel: text(notes?.labels?.[0]),
      notesValue: notes?.value ?? null,
      submit: [...document.querySelectorAll('form button[type="submit"]')].map(text),
      errorSummary: text(document.getElementById('dba-error-summary')),
      inlineError: text(document.querySelector('.nhsuk-error-message')),
    };
  });
}

/**
 * Asserts that question `n` is showing as specified: title, caption,
 * Back link, question as the legend's h1, hint, the three descriptors with
 * their level as item hint, "or", "Don’t know", notes and Continue.
 */
export async function assertQuestionPage(page, n, { error = false } = {}) {
  const question = QUESTIONS[n - 1];
  const shown = await readQuestionPage(page);
  const label = `question ${n}`;
  assert.equal(shown.title, `${error ? 'Error: ' : ''}${questionTitle(n)}`, `${label}: document title`);
  assert.equal(shown.backLink, 'Back', `${label}: Back link`);
  assert.equal(shown.caption, `Question ${n} of 13 – ${question.section.title}`, `${label}: caption`);
  assert.equal(shown.legendHeading, question.text, `${label}: the question is the legend's h1`);
  assert.ok(shown.hint?.startsWith(question.hint.slice(0, 60)), `${label}: hint, got ${shown.hint}`);
  assert.deepEqual(
    shown.radios.map(({ id, label: l, hint }) => ({ id, label: l, hint })),
    [
      { id: 'dba-answer', label: question.absent, hint: 'Absent' },
      { id: 'dba-answer-2', label: question.siloed, hint: 'Siloed' },
      { id: 'dba-answer-3', label: question.embedded, hint: 'Embedded' },
      { id: 'dba-answer-4', label: 'Don’t know', hint: null },
    ],
    `${label}: radios`,
  );
  assert.equal(shown.divider, 'or', `${label}: "or" divider before Don’t know`);
  assert.equal(shown.notesLabel, 'Notes (optional)', `${label}: notes label`);
  assert.deepEqual(shown.submit, ['Continue'], `${label}: Continue button`);
  if (error) {
    assert.ok(shown.errorSummary?.includes('There is a problem'), `${label}: error summary`);
  } else {
    assert.equal(shown.errorSummary, null, `${label}: no error summary`);
    assert.equal(shown.inlineError, null, `${label}: no inline error`);
  }
  return shown;
}

/** Reads Check your answers: one entry per row, in page order. */
export function readCheckAnswers(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    return [...document.querySelectorAll('.nhsuk-summary-list__row')].map((row) => ({
      section: text(row.closest('dl')?.previousElementSibling),
      question: text(row.querySelector('dt')),
      level: text(row.querySelector('.dba-answer-level')),
      descriptor: text(row.querySelector('.dba-answer-descriptor')),
      note: text(row.querySelector('.dba-answer-note')),
      change: text(row.querySelector('.nhsuk-summary-list__actions a')),
    }));
  });
}

/** What Check your answers should show for an answer pattern and notes. */
export function expectedCheckAnswers(pattern, notes = {}) {
  return QUESTIONS.map((question, i) => {
    const answer = ANSWER[pattern[i]];
    return {
      section: question.section.title,
      question: question.text,
      level: answer.name,
      descriptor: pattern[i] === 'D' ? null : answer.descriptor(question),
      note: notes[i + 1] ? `Notes: ${notes[i + 1]}` : null,
      change: `Change your answer to: ${question.text}`,
    };
  });
}

// ---------------------------------------------------------------------------
// Sharing and exports
// ---------------------------------------------------------------------------

/** The localStorage key answers are saved under. */
export const STORAGE_KEY = 'digital-board-assessment:board-digital-strategy';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December'];

/**
 * Today as the widget dates results (local day): `iso` "2026-11-21" and `long`
 * "21 November 2026".
 */
export function todayLocal() {
  // The widget dates results by the user's local calendar day; Node and
  // Chromium here share the machine's time zone.
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return {
    iso: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
    long: `${now.getDate()} ${MONTHS[now.getMonth()]} ${now.getFullYear()}`,
  };
}

/** The payload of a share link (what follows "#r="), or null if none. */
export function sharePayload(link) {
  const at = link.indexOf('#r=');
  return at === -1 ? null : link.slice(at + 3);
}

/** Starts, answers every question by `pattern` with `notes`, and shows the results. */
export async function completeToResults(page, pattern, notes = {}) {
  await completeByMouse(page, pattern, notes, { force: true });
  await seeResults(page, { force: true });
}

/** Reads the "Share your results" panel into plain data (null fields when absent). */
export function readSharePanel(page) {
  return page.evaluate(() => {
    const text = (el) => (el ? el.textContent.trim().replace(/\s+/g, ' ') : null);
    const link = document.getElementById('dba-share-link');
    const qr = document.querySelector('svg.dba-qr');
    return {
      link: link?.value ?? null,
      linkLabel: text(link?.labels?.[0]),
      linkHint: text(document.getElementById('dba-share-link-hint')),
      includeNotes: document.getElementById('dba-include-notes')?.checked ?? null,
      includeNotesHint: text(document.getElementById('dba-include-notes-hint')),
      copyStatus: text(document.querySelector('.dba-share [role="status"]')),
      qr: qr
        ? {
            role: qr.getAttribute('role'),
            label: qr.getAttribute('aria-label'),
            moves: (qr.querySelector('path')?.getAttribute('d') ?? '').split('M').length - 1,
          }
        : null,
      tooLong: text([...document.querySelectorAll('.dba-share .nhsuk-card__heading')]
        .find((h) => h.textContent.includes('too long'))?.closest('.nhsuk-card')),
      panelText: text(document.querySelector('.dba-share')),
    };
  });
}

// ---------------------------------------------------------------------------
// Pages opened from disk (the single-file edition)
// ---------------------------------------------------------------------------

const NO_NETWORK_SCHEMES = new Set(['file:', 'data:', 'blob:']);

/**
 * Like `openWidget`, for a page opened from a `file:` URL (`url`, which may
 * carry a fragment), and stricter: every request whose URL is not `file:`,
 * `data:` or `blob:` is recorded for `assertClean`, loopback included (the
 * recording proxy is given loopback too). Every request's URL is also kept,
 * for `requestsMade`. Options: `viewport`, `initScript` and `heading`, as for
 * `openWidget`. Returns `{ context, page, close }`.
 */
export async function openFile(browser, url, options = {}) {
  const isLocal = (requestUrl) => {
    try {
      return NO_NETWORK_SCHEMES.has(new URL(requestUrl).protocol);
    } catch {
      return false;
    }
  };
  return openRecorded(browser, url, options, {
    bypass: '<-loopback>',
    isLocal,
    log: { offLoopback: [], console: [], pageErrors: [], requests: [] },
  });
}

/** The URL of every request a page opened with `openWidget` or `openFile` has made so far. */
export function requestsMade(page) {
  const log = logs.get(page);
  assert.ok(log?.requests, 'requestsMade: this page was not opened with openWidget or openFile');
  return [...log.requests];
}

/**
 * `withWidget` for a page opened from disk: opens `url` with `openFile`, runs
 * `body(page, context)`, adds anything the page logged to a failure, and
 * always closes the context.
 */
export async function withFile(browser, url, options, body) {
  const { page, context, close } = await openFile(browser, url, options);
  try {
    await body(page, context);
  } catch (error) {
    const log = logs.get(page);
    const lines = [...log.offLoopback, ...log.console, ...log.pageErrors];
    if (lines.length > 0 && error instanceof Error) {
      error.message += `\n\nMeanwhile the page logged:\n  ${lines.join('\n  ')}`;
    }
    throw error;
  } finally {
    await close();
  }
}

/**
 * Removes the console messages matching `pattern` from what `assertClean`
 * checks, and returns their text. For a test that expects one known browser
 * message (assert on what this returns), without letting anything else by.
 */
export function takeConsoleMessages(page, pattern) {
  const log = logs.get(page);
  assert.ok(log, 'takeConsoleMessages: this page was not opened with openWidget');
  const taken = log.console.filter((line) => pattern.test(line));
  log.console = log.console.filter((line) => !pattern.test(line));
  return taken;
}

// ---------------------------------------------------------------------------
// Downloads and the formats they are in
// ---------------------------------------------------------------------------

/** Clicks a "Download …" button; returns the file's suggested name, bytes and text. */
export async function download(page, format) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    // "Download CSV (for a spreadsheet)" on results, "Download CSV" on comparisons.
    page.getByRole('button', { name: new RegExp(`^Download ${format}\\b`) }).click(),
  ]);
  assert.equal(await file.failure(), null, `${format} download failed`);
  const bytes = await readFile(await file.path());
  return { name: file.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}

/**
 * Reads a CSV download with an independent RFC 4180 parser (csv-parse):
 * rows of fields, quotes removed, doubled quotes undone. Our files end
 * every record, the last included, with CRLF.
 */
export function parseCsv(text) {
  assert.ok(text.endsWith('\r\n'), 'the CSV ends with a line break');
  return parseCsvText(text, { record_delimiter: '\r\n' });
}

/** Markdown inline escaping as documented in core/src/export.rs. */
export const md = (text) => text.trim().replace(/[\\`*_[\]<>|#~&!$]/g, (c) => `\\${c}`);
