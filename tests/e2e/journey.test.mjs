// Whole journeys through the widget: by mouse, by keyboard only, the error
// path, changing answers, Back links, Start again, and the host page's URL.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ANSWER,
  HEADING_ID,
  NOTHING_CHOSEN,
  QUESTIONS,
  SECTIONS,
  TITLE,
  activeElement,
  answerByMouse,
  assertClean,
  assertQuestionPage,
  checkA11y,
  checkedAnswer,
  completeByMouse,
  expectedCheckAnswers,
  launchBrowser,
  questionTitle,
  readCheckAnswers,
  readQuestionPage,
  readResults,
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

const [TRUST_STRATEGY, BOARD_QUESTIONS] = SECTIONS.map((s) => s.title);
const Q = (n) => QUESTIONS[n - 1].text;
const RESULTS_TITLE = `Your results – ${TITLE}`;
const CHECK_TITLE = `Check your answers – ${TITLE}`;
// Getting to a screen quickly, where the mouse is not the subject (see
// `force` in support.mjs); test (a) clicks with every actionability check.
const QUICK = { force: true };

// ---------------------------------------------------------------------------
// (a) Complete by mouse
// ---------------------------------------------------------------------------

// Questions:         1 2 3 | 4 5 6 7 8 9 10 11 12 13
const MOUSE_PATTERN = 'EEE' + 'ASDEASDESA';
// Trust strategy (Q1-3): E E E = 2+2+2 = 6 of 6 from 3 scored, average 2.0
//   -> Embedded (2.0 >= 1.5).
// Questions for boards (Q4-13): A S D E A S D E S A
//   scored 8 (two Don't know), points 0+1+2+0+1+2+1+0 = 7 of 16,
//   average 7/8 = 0.875 -> "0.9"; 0.5 <= 0.875 < 1.5 -> Siloed; 2 don't know.
// Overall: 13 points of 22 from 11 scored, average 13/11 = 1.18 -> "1.2"
//   -> Siloed; 11 of 13 scored is at least half, so a stage is given.
// Consistency: section "Where digital sits" is Embedded and question 4
//   ("How integrated are your digital and business strategies?") is Absent:
//   two levels apart -> one warning card.
// For discussion: Don't know Q6, Q10; then Absent Q4, Q8, Q13; then Siloed
//   Q5, Q9, Q12. Embedded (Q1, Q2, Q3, Q7, Q11) not listed.
// The note contains markup-like text, which must be shown as typed.
const MOUSE_NOTE = 'Trade-offs paper <b>not</b> seen by the board & “due” in May';
const MOUSE_NOTES = { 8: MOUSE_NOTE };

test('(a) complete by mouse: exact stages, section scores, chart, discussion order, flag and note', async () => {
  await withWidget(browser, {}, async (page) => {
    // Start page.
    assert.equal(await page.title(), TITLE);
    assert.equal(await page.locator('h1').innerText(), 'Digital strategy board self-assessment');
    const startText = await page.locator('#app').innerText();
    assert.match(startText, /about 10 minutes/);
    assert.match(startText, /There are 13 questions in 2 sections\./);
    assert.match(startText, /Your answers stay in this browser\. Nothing is sent to a server\./);
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 1);

    await startByMouse(page);
    for (const [i, code] of [...MOUSE_PATTERN].entries()) {
      const n = i + 1;
      // Every question page has the full structure and title.
      const shown = await assertQuestionPage(page, n);
      assert.equal(await checkedAnswer(page), null, `question ${n} starts with nothing chosen`);
      assert.equal(shown.notesValue, '', `question ${n} starts with empty notes (the last question's are not carried over)`);
      const next = n < 13 ? Q(n + 1) : 'Check your answers';
      await answerByMouse(page, n, code, { note: MOUSE_NOTES[n], next });
    }

    // Check your answers: every answer in its section, with the note.
    assert.equal(await page.title(), CHECK_TITLE);
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(MOUSE_PATTERN, MOUSE_NOTES));

    await seeResults(page);
    assert.equal(await page.title(), RESULTS_TITLE);
    const results = await readResults(page);

    assert.equal(results.overall, 'Siloed', 'overall stage tag');
    assert.match(results.overallClass, /\bnhsuk-tag--yellow\b/);
    assert.match(results.overallText, /13 of 22 points from 11 scored answers \(average 1\.2 of 2\); 2 don’t know\./);
    assert.match(
      results.overallText,
      /Assurance gaps\s?2 questions answered “Don’t know”/,
    );

    assert.deepEqual(results.sections, [
      { section: TRUST_STRATEGY, stage: 'Embedded', score: '6 of 6 points (average 2.0 of 2)', dontKnow: '0' },
      { section: BOARD_QUESTIONS, stage: 'Siloed', score: '7 of 16 points (average 0.9 of 2)', dontKnow: '2' },
    ]);

    // Chart: one row per question, in order, each bar classed by its answer.
    assert.equal(results.chartRows.length, 13, 'one chart row per question');
    assert.deepEqual(
      results.chartRows,
      QUESTIONS.map((q, i) => ({
        question: q.id,
        label: `${i + 1}`,
        barClass: `dba-chart__bar ${ANSWER[MOUSE_PATTERN[i]].barClass}`,
        value: ANSWER[MOUSE_PATTERN[i]].name,
      })),
    );
    // ... and the same data as a table.
    assert.deepEqual(
      results.answersTable,
      QUESTIONS.map((q, i) => [String(i + 1), q.text, ANSWER[MOUSE_PATTERN[i]].name, MOUSE_NOTES[i + 1] ?? '']),
    );
    // ... with the description each answer chose, not only its level.
    assert.deepEqual(
      results.answerDescriptions,
      QUESTIONS.map((q, i) => (MOUSE_PATTERN[i] === 'D' ? '' : ANSWER[MOUSE_PATTERN[i]].descriptor(q))),
    );

    // For discussion: don't-knows first (in question order), then Absent, then Siloed.
    assert.deepEqual(
      results.discussion.map((d) => [d.question, d.tag]),
      [
        [Q(6), 'Don’t know'],
        [Q(10), 'Don’t know'],
        [Q(4), 'Absent'],
        [Q(8), 'Absent'],
        [Q(13), 'Absent'],
        [Q(5), 'Siloed'],
        [Q(9), 'Siloed'],
        [Q(12), 'Siloed'],
      ],
    );
    // The note is shown with its question, as text (not markup).
    assert.deepEqual(
      results.discussion.map((d) => d.note),
      [null, null, null, `Your notes: ${MOUSE_NOTE}`, null, null, null, null],
    );
    assert.equal(await page.locator('.dba-page--results b').count(), 0, 'the note was not parsed as HTML');

    // Consistency warning.
    assert.equal(results.flags.length, 1, 'one consistency flag');
    assert.match(results.flags[0], /Important: answers that disagree/);
    assert.ok(
      results.flags[0].includes(
        `Answer to “${Q(4)}”: Absent. Section “${TRUST_STRATEGY}” overall: Embedded (average 2.0 of 2 from 3 answers with a level).`,
      ),
      `flag names both answers: ${results.flags[0]}`,
    );

    // How we scored this: collapsed until opened.
    const method = page.getByText('Each answer scores points: Absent 0, Siloed 1, Embedded 2.');
    assert.equal(await method.isVisible(), false);
    await page.getByText('How we scored this').click();
    assert.equal(await method.isVisible(), true);

    assert.equal(await page.getByRole('link', { name: 'Change your answers' }).count(), 1);
    assert.equal(await page.getByRole('button', { name: 'Start again' }).count(), 1);

    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (b) Complete by keyboard only
// ---------------------------------------------------------------------------

// Questions:            1 2 3 | 4 5 6 7 8 9 10 11 12 13
const KEYBOARD_PATTERN = 'ESE' + 'ESEDEEAESE';
// Trust strategy: E S E = 5 of 6 from 3, average 1.67 -> "1.7" -> Embedded.
// Questions for boards: E S E D E E A E S E: scored 9, points
//   2+1+2+2+2+0+2+1+2 = 14 of 18, average 1.56 -> "1.6" -> Embedded; 1 don't know.
// Overall: 19 of 24 from 12 scored, average 1.58 -> "1.6" -> Embedded.
// Consistency: section Embedded, question 4 Embedded -> no flag.
// For discussion: Q7 (Don't know), Q10 (Absent), then Q2, Q5, Q12 (Siloed).
const KEYBOARD_NOTE = 'Ask the CIO for the risk register';

// Keys that choose each answer once Tab has put focus on the radio group
// with nothing chosen yet (focus lands on the first radio, unselected).
const KEYS = {
  A: ['Space'], // select the focused first radio
  S: ['ArrowDown'], // arrows move the selection
  E: ['ArrowDown', 'ArrowDown'],
  D: ['ArrowUp'], // wraps round to the last radio, Don't know
};

test('(b) complete by keyboard only: Tab, arrows, Space and Enter, focus on each h1', async () => {
  await withWidget(browser, {}, async (page) => {
    // Proof that no mouse was used: count pointer and mouse presses.
    await page.evaluate(() => {
      window.__pointerPresses = 0;
      for (const type of ['pointerdown', 'mousedown']) {
        document.addEventListener(type, () => window.__pointerPresses++, true);
      }
    });

    // Tab to "Start now" (past the skip link) and press Enter.
    const tabbed = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const el = await activeElement(page);
      tabbed.push(el.text);
      if (el.tag === 'button' && el.text === 'Start now') break;
    }
    assert.equal(tabbed.at(-1), 'Start now', `Tab reaches Start now; focus went through ${JSON.stringify(tabbed)}`);
    await page.keyboard.press('Enter');
    await waitForHeading(page, Q(1)); // fails unless the h1 has focus

    for (const [i, code] of [...KEYBOARD_PATTERN].entries()) {
      const n = i + 1;
      assert.equal((await activeElement(page)).id, HEADING_ID, `question ${n}: focus on the h1`);
      assert.equal(await page.title(), questionTitle(n));

      await page.keyboard.press('Tab');
      assert.equal((await activeElement(page)).id, 'dba-answer', `question ${n}: Tab enters the radios`);
      for (const key of KEYS[code]) await page.keyboard.press(key);
      assert.equal(await checkedAnswer(page), code, `question ${n}: ${KEYS[code].join(', ')} chose ${code}`);
      assert.equal((await activeElement(page)).id, ANSWER[code].radioId, `question ${n}: focus on the chosen radio`);

      if (n === 4) {
        // Enter inside the form submits it too, straight from the radio.
        await page.keyboard.press('Enter');
        await waitForHeading(page, Q(n + 1));
        continue;
      }
      await page.keyboard.press('Tab');
      assert.equal((await activeElement(page)).id, 'dba-notes', `question ${n}: Tab leaves the group for the notes`);
      if (n === 10) await page.keyboard.type(KEYBOARD_NOTE);

      await page.keyboard.press('Tab');
      assert.equal((await activeElement(page)).text, 'Continue', `question ${n}: Tab reaches Continue`);
      // Enter on Continue, except once Space, which also presses a button.
      await page.keyboard.press(n === 7 ? 'Space' : 'Enter');
      await waitForHeading(page, n < 13 ? Q(n + 1) : 'Check your answers');
    }

    // Check your answers: Tab goes through the 13 Change links, then the button.
    assert.equal(await page.title(), CHECK_TITLE);
    assert.deepEqual(
      await readCheckAnswers(page),
      expectedCheckAnswers(KEYBOARD_PATTERN, { 10: KEYBOARD_NOTE }),
    );
    const stops = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const el = await activeElement(page);
      stops.push(el.text);
      if (el.text === 'See your results') break;
    }
    assert.deepEqual(stops, [...QUESTIONS.map((q) => `Change your answer to: ${q.text}`), 'See your results']);
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Your results');
    assert.equal(await page.title(), RESULTS_TITLE);

    const results = await readResults(page);
    assert.equal(results.overall, 'Embedded');
    assert.match(results.overallClass, /\bnhsuk-tag--green\b/);
    assert.match(results.overallText, /19 of 24 points from 12 scored answers \(average 1\.6 of 2\); 1 don’t know\./);
    assert.match(results.overallText, /Assurance gaps\s?1 question answered “Don’t know”/);
    assert.deepEqual(results.sections, [
      { section: TRUST_STRATEGY, stage: 'Embedded', score: '5 of 6 points (average 1.7 of 2)', dontKnow: '0' },
      { section: BOARD_QUESTIONS, stage: 'Embedded', score: '14 of 18 points (average 1.6 of 2)', dontKnow: '1' },
    ]);
    assert.deepEqual(
      results.chartRows.map((r) => r.barClass),
      [...KEYBOARD_PATTERN].map((code) => `dba-chart__bar ${ANSWER[code].barClass}`),
    );
    assert.deepEqual(
      results.discussion.map((d) => [d.question, d.tag, d.note]),
      [
        [Q(7), 'Don’t know', null],
        [Q(10), 'Absent', `Your notes: ${KEYBOARD_NOTE}`],
        [Q(2), 'Siloed', null],
        [Q(5), 'Siloed', null],
        [Q(12), 'Siloed', null],
      ],
    );
    assert.deepEqual(results.flags, [], 'no consistency flag when the answers agree');

    assert.equal(await page.evaluate(() => window.__pointerPresses), 0, 'no mouse or pointer presses');
    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (c) Error path
// ---------------------------------------------------------------------------

test('(c) Continue with nothing chosen: focused error summary, Error: title, inline error, fixable', async () => {
  await withWidget(browser, {}, async (page) => {
    const url = page.url();
    await startByMouse(page);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The error summary appears and takes focus.
    await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    const summary = page.locator('#dba-error-summary');
    assert.equal(await summary.getByRole('heading', { level: 2 }).innerText(), 'There is a problem');
    const summaryLink = summary.getByRole('link', { name: NOTHING_CHOSEN, exact: true });
    assert.equal(await summaryLink.count(), 1, 'summary links to the problem');
    assert.equal(await summary.locator('[role="alert"]').count(), 1, 'summary is announced');

    // Still question 1, now marked as an error everywhere.
    const shown = await assertQuestionPage(page, 1, { error: true });
    assert.ok(shown.title.startsWith('Error: '), `title starts with "Error: ": ${shown.title}`);
    assert.equal(shown.inlineError, `Error: ${NOTHING_CHOSEN}`);
    assert.equal(await page.locator('.nhsuk-form-group--error fieldset').count(), 1, 'form group marked as error');
    const describedBy = await page.locator('fieldset').getAttribute('aria-describedby');
    assert.ok(
      describedBy.split(/\s+/).includes('dba-answer-error'),
      `fieldset is described by the inline error: ${describedBy}`,
    );
    await checkA11y(page, 'question 1 in its error state');

    // The summary link moves focus to the first radio, without changing the URL.
    await summaryLink.click();
    assert.equal((await activeElement(page)).id, 'dba-answer', 'focus on the first radio');
    assert.equal(await checkedAnswer(page), null, 'following the link chooses nothing');
    assert.equal(page.url(), url, 'the summary link did not change the URL');

    // Choosing an answer and continuing clears the error.
    await page.getByLabel('Don’t know', { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, Q(2));
    await assertQuestionPage(page, 2);

    // Going back, question 1 keeps its answer and shows no error.
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, Q(1));
    await assertQuestionPage(page, 1);
    assert.equal(await checkedAnswer(page), 'D');
    assert.equal(page.url(), url);

    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (d) Change from Check your answers, and Back links
// ---------------------------------------------------------------------------

// All Siloed, then question 5 changed to Embedded.
const CHANGE_PATTERN = 'SSSSSSSSSSSSS';

test('(d) Change returns to Check your answers with the new answer; so does Back from a change', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, CHANGE_PATTERN, {}, QUICK);
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(CHANGE_PATTERN));

    // Change question 5 (the link's full name includes the question).
    await page.getByRole('link', { name: `Change your answer to: ${Q(5)}`, exact: true }).click();
    await waitForHeading(page, Q(5));
    await assertQuestionPage(page, 5);
    assert.equal(await checkedAnswer(page), 'S', 'the current answer is pre-selected');
    await page.getByLabel(QUESTIONS[4].embedded, { exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back to Check your answers, not on to question 6.
    await waitForHeading(page, 'Check your answers');
    const changed = 'SSSS' + 'E' + 'SSSSSSSS';
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(changed));

    // Back from a changed question also returns to Check your answers,
    // leaving the answer as it was.
    await page.getByRole('link', { name: `Change your answer to: ${Q(2)}`, exact: true }).click();
    await waitForHeading(page, Q(2));
    assert.equal(await checkedAnswer(page), 'S');
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, 'Check your answers');
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers(changed));

    // Back from Check your answers goes to the last question; Continue
    // from there returns.
    await page.getByRole('link', { name: 'Back' }).click();
    await waitForHeading(page, Q(13));
    assert.equal(await checkedAnswer(page), 'S');
    await page.getByRole('button', { name: 'Continue' }).click();
    await waitForHeading(page, 'Check your answers');

    // The results use the changed answer.
    await seeResults(page);
    const results = await readResults(page);
    assert.deepEqual(results.answersTable[4].slice(0, 3), ['5', Q(5), 'Embedded']);
    // Questions for boards: 9 Siloed + 1 Embedded = 11 of 20, average 1.1 -> Siloed.
    assert.equal(results.sections[1].score, '11 of 20 points (average 1.1 of 2)');

    // "Change your answers" leads back to Check your answers.
    await page.getByRole('link', { name: 'Change your answers' }).click();
    await waitForHeading(page, 'Check your answers');
    assert.equal(await page.title(), CHECK_TITLE);

    await assertClean(page);
  });
});

test('(d) Back links step back one page at a time, keeping answers, and from question 1 to the start page', async () => {
  await withWidget(browser, {}, async (page) => {
    await startByMouse(page);
    await answerByMouse(page, 1, 'A', { next: Q(2) });
    await answerByMouse(page, 2, 'S', { note: 'second', next: Q(3) });
    await answerByMouse(page, 3, 'E', { next: Q(4) });

    const back = page.getByRole('link', { name: 'Back' });
    for (const [n, code] of [[3, 'E'], [2, 'S'], [1, 'A']]) {
      await back.click();
      await waitForHeading(page, Q(n));
      assert.equal(await page.title(), questionTitle(n));
      assert.equal(await checkedAnswer(page), code, `question ${n} keeps its answer`);
    }
    assert.equal((await readQuestionPage(page)).notesValue, '', 'question 1 has no note');

    // Back from question 1: the start page, heading focused.
    await back.click();
    await waitForHeading(page, TITLE);
    assert.equal(await page.title(), TITLE);
    assert.equal(await page.getByRole('button', { name: 'Start now' }).count(), 1);

    // Start now again: the answers given so far are still there.
    await startByMouse(page);
    assert.equal(await checkedAnswer(page), 'A');
    await answerByMouse(page, 1, 'A', { next: Q(2) });
    assert.equal((await readQuestionPage(page)).notesValue, 'second', 'question 2 keeps its note');

    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (e) Start again (and the all-Absent and all-Embedded results either side)
// ---------------------------------------------------------------------------

test('(e) Start again clears every answer and note', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, 'AAAAAAAAAAAAA', { 1: 'first note' }, QUICK);
    await seeResults(page, QUICK);
    // All Absent: 0 points from 13 -> average 0.0 -> Absent.
    const allAbsent = await readResults(page);
    assert.equal(allAbsent.overall, 'Absent');
    assert.match(allAbsent.overallClass, /\bnhsuk-tag--red\b/);
    assert.equal(allAbsent.discussion.length, 13);

    await page.getByRole('button', { name: 'Start again' }).click();
    await waitForHeading(page, 'Delete your answers?');
    await page.getByRole('button', { name: 'Delete my answers' }).click();
    await waitForHeading(page, TITLE); // the start page, heading focused
    assert.equal(await page.title(), TITLE);

    await startByMouse(page);
    await assertQuestionPage(page, 1);
    const shown = await readQuestionPage(page);
    assert.deepEqual(shown.radios.map((r) => r.checked), [false, false, false, false], 'no radio checked');
    assert.equal(shown.notesValue, '', 'the note is gone');

    // Nothing is remembered further on either: every page starts empty,
    // and the results come from the new answers alone.
    for (let n = 1; n <= 13; n++) {
      assert.equal(await checkedAnswer(page), null, `question ${n} has nothing checked`);
      assert.equal((await readQuestionPage(page)).notesValue, '', `question ${n} has no note`);
      await answerByMouse(page, n, 'E', { next: n < 13 ? Q(n + 1) : 'Check your answers', ...QUICK });
    }
    assert.deepEqual(await readCheckAnswers(page), expectedCheckAnswers('EEEEEEEEEEEEE'));
    await seeResults(page, QUICK);
    // All Embedded: 26 of 26 points from 13, average 2.0 -> Embedded, and
    // nothing to discuss.
    const allEmbedded = await readResults(page);
    assert.equal(allEmbedded.overall, 'Embedded');
    assert.match(allEmbedded.overallText, /26 of 26 points from 13 scored answers \(average 2\.0 of 2\)\./);
    assert.match(allEmbedded.overallText, /Assurance gaps\s?None/);
    assert.deepEqual(allEmbedded.discussion, []);
    const discussionText = await page
      .getByRole('heading', { name: 'For discussion' })
      .evaluate((h) => h.nextElementSibling.textContent.trim());
    assert.match(discussionText, /^Every answer was Embedded\./);

    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (f) The host page's URL never changes
// ---------------------------------------------------------------------------

test('(f) the URL never changes through a whole journey; the only history entries are one per screen, for Back', async () => {
  await withWidget(browser, {}, async (page) => {
    const url = page.url();
    const historyLength = await page.evaluate(() => history.length);
    const navigations = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });
    const steps = [];
    const step = async (name, action) => {
      await action();
      steps.push(name);
      assert.equal(page.url(), url, `URL changed after: ${steps.join(' → ')}`);
    };

    await step('Start now', () => startByMouse(page));
    const onQuestion1 = await page.evaluate(() => history.length);
    await step('Continue with nothing chosen', async () => {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'dba-error-summary');
    });
    await step('error summary link', () => page.locator('#dba-error-summary a').click());
    assert.equal(await page.evaluate(() => history.length), onQuestion1, 'an error and its link add no entry');
    await step('answer question 1', () => answerByMouse(page, 1, 'S', { next: Q(2) }));
    await step('Back', async () => {
      await page.getByRole('link', { name: 'Back' }).click();
      await waitForHeading(page, Q(1));
    });
    await step('Back to start', async () => {
      await page.getByRole('link', { name: 'Back' }).click();
      await waitForHeading(page, TITLE);
    });
    await step('answer everything', () => completeByMouse(page, 'SEADSEADSEADS', {}, QUICK));
    await step('Back from Check your answers', async () => {
      await page.getByRole('link', { name: 'Back' }).click();
      await waitForHeading(page, Q(13));
    });
    await step('Continue to Check your answers', async () => {
      await page.getByRole('button', { name: 'Continue' }).click();
      await waitForHeading(page, 'Check your answers');
    });
    await step('Change', async () => {
      await page.getByRole('link', { name: `Change your answer to: ${Q(1)}` }).click();
      await waitForHeading(page, Q(1));
    });
    await step('Continue after Change', () => answerByMouse(page, 1, 'E', { next: 'Check your answers' }));
    await step('See your results', () => seeResults(page));
    await step('How we scored this', () => page.getByText('How we scored this').click());
    await step('Change your answers', async () => {
      await page.getByRole('link', { name: 'Change your answers' }).click();
      await waitForHeading(page, 'Check your answers');
    });
    await step('See your results again', () => seeResults(page));
    await step('Start again', async () => {
      await page.getByRole('button', { name: 'Start again' }).click();
      await waitForHeading(page, 'Delete your answers?');
      await page.getByRole('button', { name: 'Delete my answers' }).click();
      await waitForHeading(page, TITLE);
    });

    // The widget's history entries (tests/e2e/history.test.mjs) are
    // same-document navigations to the same address; nothing else.
    assert.deepEqual(navigations.filter((to) => to !== url), [], 'no navigation elsewhere (not even a fragment change) after loading');
    assert.equal(await page.evaluate(() => history.length), historyLength + navigations.length, 'one entry per screen');
    assert.equal(await page.evaluate(() => location.hash), '');

    await assertClean(page);
  });
});

// ---------------------------------------------------------------------------
// (g) Too few answers with a level for a stage
// ---------------------------------------------------------------------------

// Questions:              1 2 3 | 4 5 6 7 8 9 10 11 12 13
const NOT_ENOUGH_PATTERN = 'DDE' + 'DDDDDAEESS';
// Trust strategy: D D E: 1 scored of 3, and 1 < 3/2 -> "Not enough answers";
//   score 2 of 2 (average 2.0); 2 don't know.
// Questions for boards: D D D D D A E E S S: 5 scored of 10 (exactly half,
//   enough), points 0+2+2+1+1 = 6 of 10, average 1.2 -> Siloed; 5 don't know.
// Overall: 6 scored of 13 (less than half) -> "Not enough answers", even
//   though the points are 8 of 12 (average 1.33 -> "1.3"); 7 don't know.
// No flag: the trust-strategy section has no stage to compare.
// For discussion: Q1, Q2, Q4, Q5, Q6, Q7, Q8 (Don't know), Q9 (Absent),
//   Q12, Q13 (Siloed).

test('(g) too few answers with a level gives "Not enough answers"', async () => {
  await withWidget(browser, {}, async (page) => {
    await completeByMouse(page, NOT_ENOUGH_PATTERN, {}, QUICK);
    await seeResults(page, QUICK);
    const results = await readResults(page);
    assert.equal(results.overall, 'Not enough answers');
    assert.match(results.overallClass, /\bnhsuk-tag--grey\b/);
    assert.match(results.overallText, /8 of 12 points from 6 scored answers \(average 1\.3 of 2\); 7 don’t know\./);
    assert.match(results.overallText, /Assurance gaps\s?7 questions answered “Don’t know”/);
    assert.deepEqual(results.sections, [
      { section: TRUST_STRATEGY, stage: 'Not enough answers', score: '2 of 2 points (average 2.0 of 2)', dontKnow: '2' },
      { section: BOARD_QUESTIONS, stage: 'Siloed', score: '6 of 10 points (average 1.2 of 2)', dontKnow: '5' },
    ]);
    assert.deepEqual(results.flags, []);
    assert.deepEqual(
      results.discussion.map((d) => d.question),
      [1, 2, 4, 5, 6, 7, 8, 9, 12, 13].map(Q),
    );

    await assertClean(page);
  });
});
