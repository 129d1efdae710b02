// Load-time benchmark: our widget against a SurveyJS peer page, a
// one-button Yew page (the floor for a Yew page) and our start page as
// static HTML and CSS with no script at all (the floor for the start page).
// Run by .ci/bench, which builds all four and serves each from its own
// `target/debug/serve`, every file precompressed with gzip (.gz beside it,
// no .br), so each is sent gzip-compressed as a production server would.
//
// Two profiles, in one run: `fast` (this machine, no throttling) and
// `throttled` (an old trust laptop on hospital Wi-Fi: 150 ms round trip,
// 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower, set through the DevTools
// Protocol: Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate).
// And in each, a warm-cache repeat visit of ours and the peer: one untimed
// visit in a fresh context (the page loaded, its files in the HTTP cache),
// then the timed run in the same context, as for a member opening the link
// again (our hashed files are cached for a year; the pages revalidate).
//
// Env: BENCH_OURS, BENCH_PEER, BENCH_MINIMAL, BENCH_STATIC (base URLs),
// BENCH_ROUNDS (default 15), BENCH_PROFILES (default "fast,throttled"),
// BENCH_OUT (report directory, default target/bench), BENCH_OURS_SIZE (the
// JSON written by `.ci/size --json`, optional).
//
// Method. Each load runs in a new browser context (a fresh, empty in-memory
// profile: no HTTP cache, no storage) in one headless Chromium; rounds
// alternate ours → peer → minimal, after one uncounted warm-up round. Node
// starts the navigation (`page.goto`, waiting only for the commit) and at
// once hands the whole run to ONE injected driver function (`drive` below,
// the same code and the same rules for every page) via a single
// `page.evaluate`, so no Chrome DevTools Protocol round trip falls inside
// any timed interval. The driver:
//   - waits for the first screen: it checks the condition once per
//     animation frame (requestAnimationFrame), as Playwright's raf polling
//     did;
//   - then, for every step, clicks with `element.click()` (a step of two
//     clicks, choice then Continue, yields one task between them, like two
//     separate user inputs, and checks the choice is now checked), and
//     waits, again frame by frame, until the next screen's condition holds.
//     The condition is first checked in the frame after the click, never
//     synchronously, so a page that renders synchronously and one that
//     renders in a microtask are treated alike: a step takes whole frames,
//     and the floor is one frame (about 16.7 ms at 60 Hz);
//   - takes every time stamp with the page's own `performance.now()`, whose
//     zero is the navigation's start (performance.timeOrigin), and returns
//     them. These are the reported figures.
// "Visible" means an element matching the condition with a layout box
// (getClientRects() not empty), checked in a requestAnimationFrame
// callback, i.e. in the frame that paints it. Node also times the whole load
// (before page.goto → evaluate resolved) as a cross-check (`resultsNode`),
// which adds two CDP round trips and nothing per step.
//
// Harness floor: on the minimal page the driver clicks its counter button
// 15 times (the same number of steps as ours), giving the per-step floor of
// this method; afterwards, outside the timed run, Node clicks it the old way
// (page.click with force: true, then waitForFunction with raf polling), one
// click and two clicks per wait, to show what the previous Node-driven
// method added to every step.
//
// What is timed: ours — navigation → start page's "Start now" visible
// (since issue 17 the start page is in the HTML: a click on it before the
// wasm runs is held and made on the live page, so `firstQuestion` includes
// waiting for the wasm)
// (`start`); click it → question 1 heading visible (`firstQuestion`, from
// navigation, click included); for each of the 13 questions the first radio
// (#dba-answer, "Absent") then "Continue" → the next heading (the last one:
// "Check your answers"); "See your results" → "Your results" (`results`).
// Every Continue advancing and "Your results" appearing at all prove the
// answers were recorded (the widget refuses both without an answer). Peer —
// navigation → question 1 title visible (`firstQuestion`); for each question
// the first choice's label then "Next" ("See your results" on the last) →
// the next question's title, or SurveyJS's completion page (`results`);
// afterwards Node checks that SurveyJS recorded all 13 answers as the first
// choice and is completed. Minimal — navigation → its button visible
// (`firstQuestion`). Static — navigation → its "Start now" visible (`start`). Per step, click → next screen visible, medians:
// `startClick` ("Start now"), `answerStep` (one question: choice, Continue,
// next page), `resultsStep` ("See your results"), `step` (minimal page).
//
// element.click() skips the browser's input pipeline (hit test, mousedown
// and mouseup, focus moving to the button), for every page alike. That
// pipeline is what made the old Node-driven steps slow: the first
// page.click() in a fresh page took 140–270 ms here (later ones ~30 ms),
// which was most of the old 130 ms "Start now" → question 1.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants } from 'node:zlib';
import { chromium } from 'playwright-core';
import { readAssessment } from './assessment.mjs';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const OUT = process.env.BENCH_OUT ?? join(repo, 'target/bench');
const PAGES = {
  ours: { url: process.env.BENCH_OURS, root: join(OUT, 'served', 'ours') },
  peer: { url: process.env.BENCH_PEER, root: join(OUT, 'served', 'peer') },
  minimal: { url: process.env.BENCH_MINIMAL, root: join(OUT, 'served', 'minimal') },
  static: { url: process.env.BENCH_STATIC, root: join(OUT, 'served', 'static') },
};
/** The conditions of each profile; null: none. */
const PROFILES = {
  fast: null,
  // The issue's trust laptop on hospital Wi-Fi. Throughputs in bytes/s.
  throttled: { latency: 150, download: 1.6e6 / 8, upload: 750e3 / 8, cpu: 4 },
};
const PROFILE_NAMES = (process.env.BENCH_PROFILES ?? 'fast,throttled').split(',').filter(Boolean);
for (const name of PROFILE_NAMES) if (!(name in PROFILES)) throw new Error(`BENCH_PROFILES: no profile ${name}`);
/** Pages also timed on a warm-cache repeat visit. */
const WARM = ['ours', 'peer'];
for (const [name, { url }] of Object.entries(PAGES)) {
  if (!url) throw new Error(`BENCH_${name.toUpperCase()} is not set (run .ci/bench)`);
}

// The same flags as the end-to-end tests (tests/e2e/support.mjs).
const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
  '--disable-features=AutofillServerCommunication',
];

const { questions } = readAssessment();
const TIMEOUT_MS = 60000;

// The injected driver. Runs inside the page (serialised by page.evaluate),
// so it may use nothing from this module. `first` and every `until` are
// conditions: { selector, text?, exact? } — some element matching
// `selector` with a layout box whose text contains `text` (equals it,
// trimmed, if `exact`). A click is a condition too (the first such element
// is clicked), plus `checked`: a selector that must match a checked input
// once the click has been handled.
async function drive({ first, steps, timeout }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const task = () => new Promise((resolve) => setTimeout(resolve, 0));
  const visible = ({ selector, text = null, exact = false }) =>
    [...document.querySelectorAll(selector)].filter(
      (el) =>
        el.getClientRects().length > 0 &&
        (text === null || (exact ? el.textContent.trim() === text : el.textContent.includes(text))),
    );
  // Resolves with the time of the first animation frame (after this call)
  // in which the condition holds.
  const until = async (condition, what) => {
    const deadline = performance.now() + timeout;
    for (;;) {
      await frame();
      if (visible(condition).length > 0) return performance.now();
      if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(condition)}`);
    }
  };
  const firstAt = await until(first, 'the first screen');
  const done = [];
  for (const step of steps) {
    const clickedAt = performance.now();
    for (const [i, click] of step.clicks.entries()) {
      const [target] = visible(click);
      if (!target) throw new Error(`${step.name}: nothing visible to click: ${JSON.stringify(click)}`);
      target.click();
      if (i + 1 < step.clicks.length) await task();
      if (click.checked && !document.querySelector(click.checked)?.checked) {
        throw new Error(`${step.name}: ${click.checked} is not checked after the click`);
      }
    }
    const at = await until(step.until, step.name);
    done.push({ name: step.name, ms: at - clickedAt, at });
  }
  return { first: firstAt, steps: done };
}

const heading = (text) => ({ selector: '#dba-heading', text, exact: true });
const PLANS = {
  ours: {
    first: { selector: 'button.nhsuk-button', text: 'Start now' },
    steps: [
      {
        name: 'Start now',
        clicks: [{ selector: 'button.nhsuk-button', text: 'Start now' }],
        until: heading(questions[0].text),
      },
      ...questions.map((q, i) => ({
        name: `question ${i + 1}`,
        clicks: [{ selector: '#dba-answer', checked: '#dba-answer' }, { selector: 'form button[type="submit"]' }],
        until: heading(i + 1 < questions.length ? questions[i + 1].text : 'Check your answers'),
      })),
      {
        name: 'See your results',
        clicks: [{ selector: 'button.nhsuk-button', text: 'See your results' }],
        until: heading('Your results'),
      },
    ],
  },
  peer: {
    first: { selector: '.sd-question__title', text: questions[0].text },
    steps: questions.map((q, i) => {
      const last = i + 1 === questions.length;
      return {
        name: `question ${i + 1}`,
        // The first choice's label (SurveyJS hides the input itself), then
        // Next, or "See your results" (SurveyJS's Complete) on the last page.
        clicks: [
          { selector: '.sd-item:first-child .sd-selectbase__label', checked: '.sd-item:first-child input' },
          { selector: last ? '.sd-navigation__complete-btn' : '.sd-navigation__next-btn' },
        ],
        until: last
          ? { selector: '.sd-completedpage', text: 'Your results' }
          : { selector: '.sd-question__title', text: questions[i + 1].text },
      };
    }),
  },
  static: { first: { selector: 'button.nhsuk-button', text: 'Start now' }, steps: [] },
  minimal: {
    first: { selector: 'button', text: 'Clicked 0 times', exact: true },
    // As many steps as ours has (Start now, 13 answers, See your results).
    steps: Array.from({ length: questions.length + 2 }, (_, i) => ({
      name: `click ${i + 1}`,
      clicks: [{ selector: 'button' }],
      until: { selector: 'button', text: `Clicked ${i + 1} times`, exact: true },
    })),
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// The old method's per-step cost, on the minimal page after its timed run:
// Node's page.click (force) + waitForFunction (raf polling), `clicks`
// clicks per wait. Returns the median per wait, in ms.
async function nodeDrivenFloor(page, from, clicks, repeats = 5) {
  const times = [];
  let count = from;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    for (let c = 0; c < clicks; c++) await page.click('button', { force: true });
    count += clicks;
    await page.waitForFunction((n) => document.querySelector('button')?.textContent === `Clicked ${n} times`, count, {
      polling: 'raf',
      timeout: TIMEOUT_MS,
    });
    times.push(performance.now() - t);
  }
  return { ms: median(times), count };
}

async function run(name, page, url, warm) {
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const { first, steps } = await page.evaluate(drive, { ...PLANS[name], timeout: TIMEOUT_MS });
  const resultsNode = performance.now() - t0;
  const ms = steps.map((s) => s.ms);
  switch (name) {
    case 'ours':
      return {
        start: first,
        firstQuestion: steps[0].at,
        results: steps.at(-1).at,
        resultsNode,
        startClick: steps[0].ms,
        answerStep: median(ms.slice(1, 1 + questions.length)),
        resultsStep: steps.at(-1).ms,
        steps: ms,
      };
    case 'peer': {
      // SurveyJS must have recorded every answer, as the first choice, and
      // completed only now. `survey` is peer.js's global.
      const recorded = await page.evaluate(() => ({ state: survey.state, data: survey.data }));
      const values = Object.values(recorded.data);
      if (recorded.state !== 'completed' || values.length !== questions.length || values.some((v) => v !== 'absent')) {
        throw new Error(`peer: SurveyJS did not record the 13 answers: ${JSON.stringify(recorded)}`);
      }
      return { firstQuestion: first, results: steps.at(-1).at, resultsNode, answerStep: median(ms), steps: ms };
    }
    case 'static':
      return { start: first };
    case 'minimal': {
      if (warm) return { firstQuestion: first, step: median(ms), steps: ms };
      const one = await nodeDrivenFloor(page, steps.length, 1);
      const two = await nodeDrivenFloor(page, one.count, 2);
      return { firstQuestion: first, step: median(ms), nodeClickWait: one.ms, nodeTwoClicksWait: two.ms, steps: ms };
    }
  }
  throw new Error(`no run for ${name}`);
}

/** Applies `profile`'s network and CPU conditions to `page` (DevTools Protocol). */
async function throttle(context, page, profile) {
  if (!profile) return;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.download,
    uploadThroughput: profile.upload,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
}

async function load(browser, name, { profile = null, warm = false, served = null } = {}) {
  // target/debug/serve sends the widget's strict CSP with every response;
  // SurveyJS needs inline styles, so the peer's context bypasses CSP (as a
  // trust deploying it would have to relax its policy).
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    serviceWorkers: 'block',
    bypassCSP: name === 'peer',
  });
  const page = await context.newPage();
  await throttle(context, page, profile);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(PAGES[name].url).origin && !/^(data|blob):/.test(r.url())) {
      errors.push(`request off its own server: ${r.url()}`);
    }
    served?.add(r.url());
  });
  page.on('response', (r) => {
    // Every file gzip-compressed on the wire, as the profiles say.
    const type = r.headers()['content-type'] ?? '';
    const small = Number(r.headers()['content-length'] ?? Infinity) < 1024; // not precompressed: a packet either way
    if (r.status() === 200 && !small && /html|javascript|css|wasm/.test(type) && r.headers()['content-encoding'] !== 'gzip') {
      errors.push(`${r.url()} was not sent gzip-compressed (${r.headers()['content-encoding'] ?? 'identity'})`);
    }
  });
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()} for ${r.url()}`));
  try {
    let result;
    try {
      const url = new URL('/', PAGES[name].url).href;
      if (warm) {
        // The first visit, untimed: everything it loads is in the cache.
        await page.goto(url, { waitUntil: 'networkidle', timeout: TIMEOUT_MS });
      }
      result = await run(name, page, url, warm);
    } catch (error) {
      // Say what the page reported too (e.g. files missing while www/ is rebuilt).
      if (!errors.length) throw error;
      throw new Error(`${name}: ${error.message}\nThe page also logged:\n  ${errors.join('\n  ')}`, { cause: error });
    }
    if (errors.length) throw new Error(`${name}: the page logged errors:\n  ${errors.join('\n  ')}`);
    return result;
  } finally {
    await context.close();
  }
}

// gzip -9 of every file a page actually requested, from its served directory.
function sizes(name, urls) {
  const base = new URL(PAGES[name].url);
  const files = [];
  for (const u of [...urls].sort()) {
    const url = new URL(u);
    if (url.origin !== base.origin) throw new Error(`${name} requested ${u}, off its own server`);
    let path = decodeURIComponent(url.pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = join(PAGES[name].root, path);
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    const body = readFileSync(file);
    files.push({
      path: path.slice(1),
      bytes: body.length,
      gzip_bytes: gzipSync(body, { level: constants.Z_BEST_COMPRESSION }).length,
    });
  }
  return {
    files,
    total_bytes: files.reduce((s, f) => s + f.bytes, 0),
    total_gzip_bytes: files.reduce((s, f) => s + f.gzip_bytes, 0),
  };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: LAUNCH_ARGS });
const names = Object.keys(PAGES);
/** Series timed: every page cold, and the warm-cache repeat visits. */
const SERIES = [...names.map((name) => ({ key: name, name, warm: false })), ...WARM.map((name) => ({ key: `${name}Warm`, name, warm: true }))];
const samples = Object.fromEntries(PROFILE_NAMES.map((p) => [p, Object.fromEntries(SERIES.map(({ key }) => [key, []]))]));
const requested = Object.fromEntries(names.map((n) => [n, new Set()]));
try {
  for (const name of names) await load(browser, name, { served: requested[name] }); // warm-up, not counted
  for (const profileName of PROFILE_NAMES) {
    const profile = PROFILES[profileName];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const { key, name, warm } of SERIES) samples[profileName][key].push(await load(browser, name, { profile, warm }));
      const last = SERIES.map(({ key }) => {
        const s = samples[profileName][key].at(-1);
        return `${key} ${Math.round(s.firstQuestion ?? s.start)}`;
      }).join(', ');
      process.stderr.write(`${profileName} round ${round}/${ROUNDS}: first screen (ms) ${last}\n`);
    }
  }
} finally {
  await browser.close();
}

const KEYS = ['start', 'firstQuestion', 'results', 'resultsNode', 'startClick', 'answerStep', 'resultsStep', 'step'];
const timings = Object.fromEntries(
  PROFILE_NAMES.map((p) => [
    p,
    Object.fromEntries(
      SERIES.map(({ key }) => [
        key,
        Object.fromEntries(
          KEYS.map((k) => [k, samples[p][key][0]?.[k] === undefined ? null : median(samples[p][key].map((s) => s[k]))]).filter(
            ([, v]) => v !== null,
          ),
        ),
      ]),
    ),
  ]),
);
const harnessFloor = timings.fast
  ? {
      in_page_step: timings.fast.minimal.step,
      node_click_wait: median(samples.fast.minimal.map((s) => s.nodeClickWait)),
      node_two_clicks_wait: median(samples.fast.minimal.map((s) => s.nodeTwoClicksWait)),
    }
  : null;
const ratio = (a, b) => (a && b ? a / b : null);
const size = Object.fromEntries(names.map((n) => [n, sizes(n, requested[n])]));
let oursAllServed = null;
if (process.env.BENCH_OURS_SIZE && existsSync(process.env.BENCH_OURS_SIZE)) {
  oursAllServed = JSON.parse(readFileSync(process.env.BENCH_OURS_SIZE, 'utf8'));
}
const ratios = Object.fromEntries(
  PROFILE_NAMES.map((p) => {
    const t = timings[p];
    return [
      p,
      {
        start_page_ours_over_static: ratio(t.ours.start, t.static.start),
        first_question_ours_over_peer: ratio(t.ours.firstQuestion, t.peer.firstQuestion),
        first_question_ours_over_minimal: ratio(t.ours.firstQuestion, t.minimal.firstQuestion),
        results_ours_over_peer: ratio(t.ours.results, t.peer.results),
        answer_step_ours_over_peer: ratio(t.ours.answerStep, t.peer.answerStep),
        warm_first_question_ours_over_peer: ratio(t.oursWarm.firstQuestion, t.peerWarm.firstQuestion),
        warm_results_ours_over_peer: ratio(t.oursWarm.results, t.peerWarm.results),
      },
    ];
  }),
);
ratios.gzip_ours_over_peer = ratio(size.ours.total_gzip_bytes, size.peer.total_gzip_bytes);
ratios.gzip_ours_over_minimal = ratio(size.ours.total_gzip_bytes, size.minimal.total_gzip_bytes);

const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim();
const cpuModel = (/^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown').trim();
const nproc = Number(execFileSync('nproc').toString().trim());

const report = {
  date: new Date().toISOString(),
  machine: { nproc, cpu: cpuModel, chromium: chromiumVersion, node: process.version },
  rounds: ROUNDS,
  profiles: Object.fromEntries(PROFILE_NAMES.map((p) => [p, PROFILES[p]])),
  method:
    'In-page driver: after page.goto (commit) Node makes ONE page.evaluate of the same driver function for every page, ' +
    'which waits frame by frame (requestAnimationFrame) for the first screen, then for each step clicks with ' +
    'element.click() (choice, one task, then Continue/Next) and waits frame by frame (first check in the frame after ' +
    "the click) until the next screen is visible (layout box, expected text); times are the page's performance.now() " +
    'from navigation start (timeOrigin), so no CDP round trip is inside any figure (resultsNode: the same run timed ' +
    'in Node from before page.goto, as a cross-check). New browser context per load; rounds alternate ours, peer, ' +
    'minimal, static, ours warm, peer warm; one uncounted warm-up round. Warm: an untimed first visit (networkidle) ' +
    'in the same context. Throttled: CDP Network.emulateNetworkConditions and Emulation.setCPUThrottlingRate set ' +
    'before navigation. Every file precompressed .gz and sent gzip. Peer: SurveyJS checked afterwards to have ' +
    'recorded all 13 answers.',
  median_ms: timings,
  harness_floor_ms: harnessFloor,
  ratios,
  gzip_loaded_by_page: size,
  gzip_all_served_ours: oursAllServed,
  samples_ms: samples,
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const x = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}×`);
const LABELS = {
  ours: 'ours (Yew widget)',
  peer: 'peer (SurveyJS)',
  minimal: 'minimal Yew (one button)',
  static: 'static start page (no script)',
  oursWarm: 'ours, repeat visit (warm cache)',
  peerWarm: 'peer, repeat visit (warm cache)',
};
const lines = [
  `Benchmark, ${report.date.slice(0, 10)}: ${nproc} × ${cpuModel}, ${chromiumVersion}, headless; median of ${ROUNDS} loads each.`,
];
for (const p of PROFILE_NAMES) {
  const t = timings[p];
  const r = ratios[p];
  const conditions = PROFILES[p]
    ? `${PROFILES[p].latency} ms RTT, ${(PROFILES[p].download * 8) / 1e6} Mbit/s down, ${(PROFILES[p].upload * 8) / 1e3} kbit/s up, CPU ${PROFILES[p].cpu}× slower`
    : 'no throttling';
  lines.push(
    '',
    `**${p}** (${conditions}; files sent gzip-compressed):`,
    '',
    '| page | gzip loaded (files) | start page visible | first question visible | one answer step | results after 13 answers |',
    '| :--- | ---: | ---: | ---: | ---: | ---: |',
    ...SERIES.map(({ key, name, warm }) => {
      const v = t[key];
      const loaded = warm ? '(cached)' : `${kb(size[name].total_gzip_bytes)} (${size[name].files.length})`;
      return (
        `| ${LABELS[key]} | ${loaded} | ${ms(v.start)} | ` +
        `${ms(v.firstQuestion)}${name === 'ours' ? ` (click ${ms(v.startClick)})` : ''} | ` +
        `${ms(v.answerStep ?? v.step)}${name === 'minimal' ? ' (one click)' : ''} | ${ms(v.results)} |`
      );
    }),
    `| **ours / peer** | ${x(ratios.gzip_ours_over_peer)} | | ${x(r.first_question_ours_over_peer)} | ` +
      `${x(r.answer_step_ours_over_peer)} | ${x(r.results_ours_over_peer)} |`,
    `| **ours / static** | | ${x(r.start_page_ours_over_static)} | | | |`,
    `| **ours / minimal** | ${x(ratios.gzip_ours_over_minimal)} | | ${x(r.first_question_ours_over_minimal)} | | |`,
    `| **warm: ours / peer** | | | ${x(r.warm_first_question_ours_over_peer)} | | ${x(r.warm_results_ours_over_peer)} |`,
  );
}
lines.push('');
if (harnessFloor) {
  lines.push(
    'Times from navigation start, measured in the page by one injected driver (element.click(), then frame-by-frame ' +
      'checks): no CDP round trip inside any figure; a step takes whole frames. Harness floor per step (fast): ' +
      `${ms(harnessFloor.in_page_step)} with this driver (minimal page, one click → repainted); ` +
      `the old Node-driven page.click + waitForFunction took ${ms(harnessFloor.node_click_wait)} for one click, ` +
      `${ms(harnessFloor.node_two_clicks_wait)} for two (as each answer needed).`,
  );
}
for (const p of PROFILE_NAMES) {
  lines.push(`Cross-check (${p}), timed in Node from before page.goto: results ours ${ms(timings[p].ours.resultsNode)}, peer ${ms(timings[p].peer.resultsNode)}.`);
}
lines.push('', ...names.map((n) => `${n}: ${size[n].files.map((f) => `${f.path} ${kb(f.gzip_bytes)}`).join(', ')}`));
if (oursAllServed) lines.push(`ours, every served file (.ci/size): ${kb(oursAllServed.total_gzip_bytes)} gzip`);
lines.push('', `Report: ${join(OUT, 'report.json')}`);
console.log(lines.join('\n'));
