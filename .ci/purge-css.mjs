// Removes from the compiled stylesheet the rules the widget cannot use, with
// PurgeCSS, and checks that no class our markup uses lost its styles.
//
// Usage: node .ci/purge-css.mjs IN OUT
//   (.ci/build: sass writes IN, target/css/widget.full.css; this writes OUT,
//   www/widget.css.)
//
// sass compiles whole NHS.UK frontend components (every card variant, every
// button modifier, ...), but the widget's markup uses a few classes of each.
// PurgeCSS keeps a selector only if each class, element, id and attribute in
// it (those inside :not(), :has() and the like aside) is a word of the files
// that produce markup (SOURCES: the Yew components' html! in src/, the
// pages, boot and embed scripts, the example host pages); words in comments
// count too. So NHS.UK's JavaScript-only states (.nhsuk-frontend-supported …,
// its script adds that class; ours never does) and its demo state classes
// (.\:focus, .\:hover, .\:active) go, as do unused @keyframes.
//
// A class built at run time (`format!("dba-page--{}", key)`) appears only as
// a fragment ending in "-" or followed by "{" or "${": each fragment must be
// listed in DYNAMIC_CLASS_PREFIXES (every class it can start is kept) or in
// NOT_CLASSES (an id or form name), or the script fails, so a new dynamic
// class cannot silently lose its styles. It also fails if a class the
// markup uses is styled, by a selector whose classes the markup all uses, in
// IN or in NHS.UK frontend's full CSS, but by no rule of OUT (NOT_NHSUK_STYLED
// lists the deliberate exceptions). On failure OUT is left as it was.

import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import selectorParser from 'postcss-selector-parser';
import { PurgeCSS } from 'purgecss';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NHSUK_FULL_CSS = join(ROOT, 'node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.css');

/** Files whose words are the markup's classes: [directory, recursive, file-name test]. */
const SOURCES = [
  ['src', true, (name) => name.endsWith('.rs')],
  ['www', false, (name) => name.endsWith('.html') || name.endsWith('.js')],
  ['www/templates', false, (name) => name.endsWith('.html') || name.endsWith('.js')],
  ['www/examples', true, (name) => name.endsWith('.html')],
];

// Classes built at run time, each as its fragment appears in the sources.
const DYNAMIC_CLASS_PREFIXES = [
  'dba-page--', // src/compare/comparison_page.rs: format!("dba-page--{}", mode.key())
  'dba-chart__bar--', // src/assessment/level_chart.rs: "dba-chart__bar--{}", level.key()
];

// Fragments built at run time that are ids or form-control names, never classes.
const NOT_CLASSES = [
  'dba-compare-name-', // src/compare/gather_page.rs: id of result N's name field
  'dba-compare-role-', // src/compare/gather_page.rs: id of result N's role select
  'dba-compare-remove-', // src/compare/gather_page.rs: id of result N's Remove button
  'dba-compare-mode-', // src/compare/gather_page.rs: ids of the compare-mode radios
  'dba-action-q-', // src/assessment/action_form.rs: id of question N's checkbox
  'dba-agree-', // src/compare/agree_page.rs: ids and names of question N's fields
  'dba-status-', // src/compare/follow_up_section.rs: ids and names of action N's status radios
  'dba-discuss-', // src/assessment/result_summary.rs: id of question N under For discussion
  'dba-flag-', // src/assessment/result_summary.rs: id of the flag card on question N
  'dba-role-', // src/assessment/share_panel.rs: ids of the role radios
  'dba-sign-', // src/assessment/actions_page.rs: id of a sign of a good commitment's checkbox
  'dba-spread-caption-', // src/compare/spread_table.rs: id of a spread table's caption
];

// Used classes that NHS.UK frontend styles but www/styles/widget.scss
// deliberately does not compile: the page header is hand-written in
// _widget.scss, and its container needs only .nhsuk-width-container's styles.
const NOT_NHSUK_STYLED = ['nhsuk-header__container'];

const args = process.argv.slice(2);
if (args.length !== 2 || args[0].startsWith('-')) {
  console.error('Usage: node .ci/purge-css.mjs IN OUT');
  process.exit(2);
}
const [input, output] = args;
const failures = [];

// The sources, and the classes they use: whole nhsuk-*/dba-* words; fragments
// must be listed above.
const sources = SOURCES.flatMap(([dir, recursive, wanted]) =>
  readdirSync(join(ROOT, dir), { recursive, withFileTypes: true })
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath ?? entry.path, entry.name))),
).sort();
const used = new Set();
for (const file of sources) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  for (const { 0: word, index } of text.matchAll(/(?:nhsuk|dba)-[\w-]*/g)) {
    const next = text.slice(index + word.length, index + word.length + 2);
    if (!word.endsWith('-') && !next.startsWith('{') && next !== '${') used.add(word);
    else if (![...DYNAMIC_CLASS_PREFIXES, ...NOT_CLASSES].includes(word)) {
      failures.push(
        `${file}:${text.slice(0, index).split('\n').length}: "${word}" is completed at run time. If it builds ` +
          'a class, add it to DYNAMIC_CLASS_PREFIXES in .ci/purge-css.mjs (its styles are then kept); if an id ' +
          'or a name, to NOT_CLASSES.',
      );
    }
  }
}

const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fullCss = readFileSync(input, 'utf8');
const [result] = await new PurgeCSS().purge({
  content: sources.map((file) => join(ROOT, file)),
  css: [{ raw: fullCss }],
  safelist: {
    // :host styles the custom element (www/element.js) from its shadow root.
    standard: [':host', ...DYNAMIC_CLASS_PREFIXES.map((prefix) => new RegExp(`^${escapeRegExp(prefix)}`))],
  },
  // [type=…] selectors are kept whatever the value, as before PurgeCSS: among
  // them NHS.UK's search input, whose icon is the stylesheet's only url(),
  // which the single-file edition inlines (and tests/e2e/single-file.test.mjs
  // checks that it does). Without this: about 200 bytes less gzip.
  dynamicAttributes: ['type'],
  keyframes: true,
  rejected: true,
});
// PurgeCSS leaves @supports and @media blocks it emptied (innermost first).
let css = result.css;
while (css !== (css = css.replace(/@(?:media|supports|container|layer)[^{};]*\{\}/g, '')));

// The check: used classes styled in IN or NHS.UK frontend by a selector that
// needs only used classes must still be styled in OUT.
const needs = (selector) => {
  const classes = [];
  selectorParser((root) =>
    root.walkClasses((node) => {
      for (let p = node.parent; p; p = p.parent) if (p.type === 'pseudo' && !/^:(is|where)$/i.test(p.value)) return;
      classes.push(node.value);
    }),
  ).processSync(selector);
  return classes;
};
const isUsed = (name) => used.has(name) || DYNAMIC_CLASS_PREFIXES.some((prefix) => name.startsWith(prefix));
const selectorsOf = (text) => {
  const selectors = [];
  postcss.parse(text).walkRules((rule) => selectors.push(...rule.selectors));
  return selectors;
};
const styled = new Set(selectorsOf(css).flatMap(needs));
for (const [selectors, problem] of [
  [result.rejected, 'was styled by sass, but PurgeCSS dropped all its rules (safelist it in .ci/purge-css.mjs)'],
  [
    selectorsOf(readFileSync(NHSUK_FULL_CSS, 'utf8')),
    'NHS.UK frontend styles it, but www/styles/widget.scss does not compile its styles (load the ' +
      'nhsuk-frontend module that defines it, or list it in NOT_NHSUK_STYLED)',
  ],
]) {
  const lost = selectors
    .map(needs)
    .filter((classes) => classes.length > 0 && classes.every(isUsed))
    .flat()
    .filter((name) => !styled.has(name) && !NOT_NHSUK_STYLED.includes(name));
  for (const name of new Set(lost)) failures.push(`"${name}" is used and ${problem}`);
}

if (failures.length > 0) {
  console.error(`purge-css: ${failures.length} problem(s); ${output} not written:`);
  for (const message of failures) console.error(`  ${message}`);
  process.exit(1);
}
writeFileSync(`${output}.tmp`, css);
renameSync(`${output}.tmp`, output);
const unusedOwn = [...new Set(result.rejected.flatMap(needs))].filter((c) => c.startsWith('dba-') && !styled.has(c));
console.error(
  `purge-css: ${used.size} classes used; ${result.rejected.length} selectors dropped; ` +
    `${Buffer.byteLength(fullCss)} -> ${Buffer.byteLength(css)} bytes` +
    (unusedOwn.length ? `; unused in _widget.scss: ${unusedOwn.sort().join(' ')}` : ''),
);
