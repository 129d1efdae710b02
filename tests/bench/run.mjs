// Load-time benchmark: our widget against a SurveyJS peer page and a
// one-button Yew page (the floor). Run by .ci/bench, which builds all three
// and serves each from its own `target/debug/serve`.
//
// Env: BENCH_OURS, BENCH_PEER, BENCH_MINIMAL (base URLs), BENCH_ROUNDS
// (default 15), BENCH_OUT (report directory, default target/bench),
// BENCH_OURS_SIZE (the JSON written by `.ci/size --json`, optional).
//
// Timing: every figure is measured in Node with performance.now(), from just
// before `page.goto()` to the moment Playwright reports the condition true
// (waitForFunction polling every animation frame), so all three pages carry
// the same small CDP round-trip overhead. Each load runs in a new browser
// context (a fresh, empty in-memory profile: no HTTP cache, no storage),
// in one headless Chromium; rounds alternate ours → peer → minimal. One
// warm-up round (not counted) comes first.
//
// "First question visible": ours — navigation → start page's "Start now"
// visible (reported as `start`), click it, → question 1 heading visible
// (`firstQuestion`, click included); peer — navigation → question 1 title
// visible; minimal — navigation → its button visible.
// "Results": navigation → results page after answering all 13 questions
// (first choice each time) by clicks as fast as Playwright can issue them
// (force: true, no actionability waits): ours — "Your results" heading;
// peer — SurveyJS's completion page.
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
  ours: { url: process.env.BENCH_OURS, root: join(repo, 'www') },
  peer: { url: process.env.BENCH_PEER, root: join(OUT, 'peer') },
  minimal: { url: process.env.BENCH_MINIMAL, root: join(OUT, 'minimal') },
};
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
const RAF = { polling: 'raf', timeout: 15000 };

const visibleHeading = (page, text) =>
  page.waitForFunction(
    (expected) => {
      const h = document.getElementById('dba-heading');
      return h !== null && h.textContent.trim() === expected && h.getClientRects().length > 0;
    },
    text,
    RAF,
  );

const visibleSelector = (page, selector, text = null) =>
  page.waitForFunction(
    ([sel, expected]) =>
      [...document.querySelectorAll(sel)].some(
        (el) => el.getClientRects().length > 0 && (expected === null || el.textContent.includes(expected)),
      ),
    [selector, text],
    RAF,
  );

const RUNS = {
  async ours(page, url) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await visibleSelector(page, 'button.nhsuk-button', 'Start now');
    const start = performance.now() - t0;
    await page.click('button.nhsuk-button:has-text("Start now")', { force: true });
    await visibleHeading(page, questions[0].text);
    const firstQuestion = performance.now() - t0;
    for (let i = 0; i < questions.length; i++) {
      await page.click('#dba-answer', { force: true });
      await page.click('form button[type="submit"]', { force: true });
      await visibleHeading(page, i + 1 < questions.length ? questions[i + 1].text : 'Check your answers');
    }
    await page.click('button.nhsuk-button:has-text("See your results")', { force: true });
    await visibleHeading(page, 'Your results');
    return { start, firstQuestion, results: performance.now() - t0 };
  },
  async peer(page, url) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await visibleSelector(page, '.sd-question__title', questions[0].text);
    const firstQuestion = performance.now() - t0;
    for (let i = 0; i < questions.length; i++) {
      // The first choice's label (SurveyJS hides the input itself).
      await page.click('.sd-item:first-child .sd-selectbase__label', { force: true });
      const last = i + 1 === questions.length;
      await page.click(last ? '.sd-navigation__complete-btn' : '.sd-navigation__next-btn', { force: true });
      if (!last) await visibleSelector(page, '.sd-question__title', questions[i + 1].text);
    }
    await visibleSelector(page, '.sd-completedpage', 'Your results');
    return { firstQuestion, results: performance.now() - t0 };
  },
  async minimal(page, url) {
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await visibleSelector(page, 'button', 'Clicked');
    return { firstQuestion: performance.now() - t0 };
  },
};

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function load(browser, name, served) {
  // target/debug/serve sends the widget's strict CSP with every response;
  // SurveyJS needs inline styles, so the peer's context bypasses CSP (as a
  // trust deploying it would have to relax its policy).
  const context = await browser.newContext({
    viewport: { width: 1024, height: 768 },
    serviceWorkers: 'block',
    bypassCSP: name === 'peer',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== new URL(PAGES[name].url).origin && !/^(data|blob):/.test(r.url())) {
      errors.push(`request off its own server: ${r.url()}`);
    }
    served?.add(r.url());
  });
  try {
    const result = await RUNS[name](page, new URL('/', PAGES[name].url).href);
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
const names = ['ours', 'peer', 'minimal'];
const samples = Object.fromEntries(names.map((n) => [n, []]));
const requested = Object.fromEntries(names.map((n) => [n, new Set()]));
try {
  for (const name of names) await load(browser, name, requested[name]); // warm-up, not counted
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of names) samples[name].push(await load(browser, name));
    const last = names.map((n) => `${n} ${Math.round(samples[n].at(-1).firstQuestion)}`).join(', ');
    process.stderr.write(`round ${round}/${ROUNDS}: first question (ms) ${last}\n`);
  }
} finally {
  await browser.close();
}

const med = (name, key) => (samples[name][0]?.[key] === undefined ? null : median(samples[name].map((s) => s[key])));
const timings = Object.fromEntries(
  names.map((n) => [
    n,
    Object.fromEntries(['start', 'firstQuestion', 'results'].map((k) => [k, med(n, k)]).filter(([, v]) => v !== null)),
  ]),
);
const ratio = (a, b) => (a && b ? a / b : null);
const size = Object.fromEntries(names.map((n) => [n, sizes(n, requested[n])]));
let oursAllServed = null;
if (process.env.BENCH_OURS_SIZE && existsSync(process.env.BENCH_OURS_SIZE)) {
  oursAllServed = JSON.parse(readFileSync(process.env.BENCH_OURS_SIZE, 'utf8'));
}

const chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] })
  .toString()
  .trim();
const cpuModel = (/^model name\s*:\s*(.*)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown').trim();
const nproc = Number(execFileSync('nproc').toString().trim());

const report = {
  date: new Date().toISOString(),
  machine: { nproc, cpu: cpuModel, chromium: chromiumVersion, node: process.version },
  rounds: ROUNDS,
  method:
    'Node performance.now() from before page.goto() until the condition is seen (raf polling); ' +
    'new browser context per load; rounds alternate ours, peer, minimal; one uncounted warm-up round; ' +
    'answers by Playwright clicks with force: true.',
  median_ms: timings,
  ratios: {
    first_question_ours_over_peer: ratio(timings.ours.firstQuestion, timings.peer.firstQuestion),
    first_question_ours_over_minimal: ratio(timings.ours.firstQuestion, timings.minimal.firstQuestion),
    start_page_ours_over_minimal: ratio(timings.ours.start, timings.minimal.firstQuestion),
    results_ours_over_peer: ratio(timings.ours.results, timings.peer.results),
    gzip_ours_over_peer: ratio(size.ours.total_gzip_bytes, size.peer.total_gzip_bytes),
    gzip_ours_over_minimal: ratio(size.ours.total_gzip_bytes, size.minimal.total_gzip_bytes),
  },
  gzip_loaded_by_page: size,
  gzip_all_served_ours: oursAllServed,
  samples_ms: samples,
};
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);

const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const x = (v) => (v === null ? '–' : `${v.toFixed(2)}×`);
const lines = [
  `Benchmark, ${report.date.slice(0, 10)}: ${nproc} × ${cpuModel}, ${chromiumVersion}, headless; median of ${ROUNDS} loads each.`,
  '',
  '| page | gzip loaded (files) | start page visible | first question visible | results after 13 answers |',
  '| :--- | ---: | ---: | ---: | ---: |',
  ...names.map(
    (n) =>
      `| ${{ ours: 'ours (Yew widget)', peer: 'peer (SurveyJS)', minimal: 'minimal Yew (one button)' }[n]} | ` +
      `${kb(size[n].total_gzip_bytes)} (${size[n].files.length}) | ${ms(timings[n].start)} | ` +
      `${ms(timings[n].firstQuestion)} | ${ms(timings[n].results)} |`,
  ),
  `| **ours / peer** | ${x(report.ratios.gzip_ours_over_peer)} | | ${x(report.ratios.first_question_ours_over_peer)} | ${x(report.ratios.results_ours_over_peer)} |`,
  `| **ours / minimal** | ${x(report.ratios.gzip_ours_over_minimal)} | ${x(report.ratios.start_page_ours_over_minimal)} | ${x(report.ratios.first_question_ours_over_minimal)} | |`,
  '',
  ...names.flatMap((n) => [
    `${n}: ${size[n].files.map((f) => `${f.path} ${kb(f.gzip_bytes)}`).join(', ')}`,
  ]),
];
if (oursAllServed) lines.push(`ours, every served file (.ci/size): ${kb(oursAllServed.total_gzip_bytes)} gzip`);
lines.push('', `Report: ${join(OUT, 'report.json')}`);
console.log(lines.join('\n'));
