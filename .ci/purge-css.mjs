// Removes from the compiled stylesheet the rules the widget cannot use.
//
// Usage: node .ci/purge-css.mjs IN OUT
//   (.ci/build: sass writes IN, target/css/widget.full.css; this writes OUT,
//   www/widget.css.)
//
// sass compiles whole NHS.UK frontend components (every card variant, every
// button modifier, ...), but the widget's markup uses a few classes of each.
// This script:
//
// 1. Collects the classes our markup uses: every `nhsuk-…` and `dba-…` token
//    in the files that produce markup (SOURCES below: the Yew components in
//    src/, the pages, boot and embed scripts, the example host pages).
//    Tokens in comments count too; keeping a few extra rules is harmless.
//    A class built at run time (`format!("dba-page--{}", key)`) appears only
//    as a fragment ending in "-" or followed by "{": each fragment must be
//    listed in DYNAMIC_CLASS_PREFIXES (keep every class it can start) or in
//    NOT_CLASSES (an id or form name, not a class), otherwise the script
//    fails, so a new dynamic class cannot silently lose its styles. A
//    "{…}--modifier" or "{…}__element" in a format string fails likewise.
// 2. Parses the CSS with postcss and each selector with
//    postcss-selector-parser. A selector can match only if every class it
//    needs is used: classes in its compound selectors and, for :is(),
//    :where(), :has(), those of at least one of their arguments (classes
//    inside :not() and other functional pseudo-classes are not needed).
//    Only nhsuk-* and dba-* classes, and NHS.UK's state classes `.\:focus`,
//    `.\:hover`, `.\:active` (which its own examples use to show a state;
//    our markup never does), are judged; any other class is kept. Likewise
//    a data-* or aria-* attribute selector ([data-sort], [aria-sort=…], the
//    sortable table's) needs that attribute named somewhere in the sources
//    (the browser never adds one itself). A rule keeps the selectors of its
//    list that can match and goes only when none can; element selectors,
//    :root, @page and @font-face are kept.
//    @media/@supports/@container blocks left empty go, and so do @keyframes
//    no kept rule names.
// 3. Checks the result: every used class that a rule able to match our
//    markup styles, in the sass output or in NHS.UK frontend's full compiled
//    CSS (nhsuk-frontend.css), is still styled in OUT (NOT_NHSUK_STYLED
//    lists the deliberate exceptions). Any failure exits 1; OUT is then
//    left as it was.
//
// The output keeps sass's compressed text and rule order, so it is as
// deterministic as its input.

import { readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import postcss from 'postcss';
import selectorParser from 'postcss-selector-parser';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const NHSUK_FULL_CSS = join(ROOT, 'node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.css');

/** Files whose text is searched for class names: [directory, recursive, file-name test]. */
const SOURCES = [
  ['src', true, (name) => name.endsWith('.rs')],
  ['www', false, (name) => name.endsWith('.html') || name.endsWith('.js')],
  ['www/examples', true, (name) => name.endsWith('.html')],
];

// Classes built at run time. Each entry is a fragment exactly as it appears
// in the sources; every class starting with it is treated as used.
const DYNAMIC_CLASS_PREFIXES = [
  // src/ui/comparison_page.rs: format!("dba-page--{}", mode.key()), the
  // compare mode (board, system, then and now).
  'dba-page--',
  // src/ui/level_chart.rs: format!("dba-chart__bar dba-chart__bar--{}",
  // level.key()), one bar colour per level (absent, siloed, embedded).
  'dba-chart__bar--',
];

// Fragments built at run time that are ids or form-control names, never
// classes: nothing is kept for them.
const NOT_CLASSES = [
  'dba-compare-name-', // src/ui/compare_page.rs: id of result N's name field
  'dba-compare-role-', // src/ui/compare_page.rs: name of result N's role radios
  'dba-compare-mode-', // src/ui/compare_page.rs: ids of the compare-mode radios
  'dba-role-', // src/ui/share_panel.rs: ids of the role radios
  'dba-spread-caption-', // src/ui/spread_table.rs: id of a spread table's caption
];

// Used classes that NHS.UK frontend styles but www/styles/widget.scss
// deliberately does not compile the styles of.
const NOT_NHSUK_STYLED = [
  // The page header is hand-written in _widget.scss (the nhsuk header
  // component is mostly menu and search); its container needs no styles
  // beyond .nhsuk-width-container's.
  'nhsuk-header__container',
];

/** Classes this script judges; any other class is assumed to be used. */
const judged = (name) => /^(nhsuk|dba)-/.test(name) || [':focus', ':hover', ':active'].includes(name);

/** Functional pseudo-classes that match only if one of their arguments can. */
const NEEDS_AN_ARGUMENT = new Set([':is', ':where', ':has', ':matches', ':-webkit-any', ':-moz-any']);

const failures = [];
const fail = (message) => failures.push(message);
const lineOf = (text, index) => text.slice(0, index).split('\n').length;

function sourceFiles() {
  const files = [];
  for (const [dir, recursive, wanted] of SOURCES) {
    const entries = readdirSync(join(ROOT, dir), { recursive, withFileTypes: true });
    for (const entry of entries) {
      if (entry.isFile() && wanted(entry.name)) {
        files.push(relative(ROOT, join(entry.parentPath ?? entry.path, entry.name)));
      }
    }
  }
  return files.sort();
}

/**
 * What the markup uses: `used` classes, class `prefixes` built at run time,
 * and the data-* and aria-* `attributes` it can set (`anyName` holds "data"
 * or "aria" when such a name is built at run time).
 */
function scanSources() {
  const used = new Set();
  const attributes = new Set();
  const anyName = new Set();
  const prefixesSeen = new Set();
  const notClassesSeen = new Set();
  for (const file of sourceFiles()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    // data-x="…", setAttribute('aria-x', …), set_attribute("aria-x", …);
    // format!("data-{}", …) or 'aria-' + name could be any.
    for (const match of text.matchAll(/\b(data|aria)-[a-z0-9-]*/g)) {
      const next = text.slice(match.index + match[0].length, match.index + match[0].length + 2);
      if (match[0].endsWith('-') || next.startsWith('{') || next === '${') anyName.add(match[1]);
      else attributes.add(match[0]);
    }
    // element.dataset.fooBar and `const { fooBar } = element.dataset` name
    // data-foo-bar; any other use of dataset (dataset[key]) could be any.
    const dataName = (key) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    const destructured = new Set();
    for (const match of text.matchAll(/\{([\w\s,:]*)\}\s*=\s*[\w.]*\bdataset\b(?![.[])/g)) {
      destructured.add(match.index + match[0].length);
      for (const key of match[1].split(',')) {
        if (key.trim()) attributes.add(dataName(key.split(':')[0].trim()));
      }
    }
    for (const match of text.matchAll(/\bdataset\b(?:\.([A-Za-z0-9]+))?/g)) {
      if (match[1]) attributes.add(dataName(match[1]));
      else if (!destructured.has(match.index + match[0].length)) anyName.add('data');
    }
    // ARIA reflection: element.ariaSort (JS), set_aria_sort (web-sys).
    for (const [, name] of text.matchAll(/\baria([A-Z][A-Za-z]*)/g)) attributes.add(`aria-${name.toLowerCase()}`);
    for (const [, name] of text.matchAll(/\bset_aria_([a-z_]+)/g)) attributes.add(`aria-${name.replace(/_/g, '')}`);
    for (const match of text.matchAll(/(?:nhsuk|dba)-[A-Za-z0-9_-]*/g)) {
      const token = match[0];
      const next = text.slice(match.index + token.length, match.index + token.length + 2);
      const fragment = token.endsWith('-') || next.startsWith('{') || next === '${';
      if (!fragment) {
        used.add(token);
      } else if (DYNAMIC_CLASS_PREFIXES.includes(token)) {
        prefixesSeen.add(token);
      } else if (NOT_CLASSES.includes(token)) {
        notClassesSeen.add(token);
      } else {
        fail(
          `${file}:${lineOf(text, match.index)}: "${token}" is completed at run time. If it builds a ` +
            'class, add it to DYNAMIC_CLASS_PREFIXES in .ci/purge-css.mjs (its styles are then kept); ' +
            'if it builds an id or a name, add it to NOT_CLASSES.',
        );
      }
    }
    for (const match of text.matchAll(/\}(?:--|__)[A-Za-z{$]/g)) {
      fail(
        `${file}:${lineOf(text, match.index)}: a class name may be built as "{…}${match[0].slice(1)}…"; ` +
          'spell the class out, or list its start in DYNAMIC_CLASS_PREFIXES in .ci/purge-css.mjs',
      );
    }
  }
  for (const entry of [...DYNAMIC_CLASS_PREFIXES, ...NOT_CLASSES]) {
    if (!prefixesSeen.has(entry) && !notClassesSeen.has(entry)) {
      console.warn(`purge-css: note: safelist entry "${entry}" no longer appears in the sources; remove it`);
    }
  }
  return { used, prefixes: DYNAMIC_CLASS_PREFIXES, attributes, anyName };
}

// ---------------------------------------------------------------------------
// Selectors
// ---------------------------------------------------------------------------

function makeJudge({ used, prefixes, attributes, anyName }) {
  const classUsed = (name) => !judged(name) || used.has(name) || prefixes.some((p) => name.startsWith(p));

  // [data-sort], [aria-sort=ascending]: only if the markup can set it (the
  // browser never adds data-* or aria-* attributes itself). [class^=…],
  // [class*=…] and friends: only if some used class satisfies it.
  const attributeCanMatch = (node) => {
    const attribute = node.attribute.toLowerCase();
    const family = /^(data|aria)-/.exec(attribute)?.[1];
    if (family) return anyName.has(family) || attributes.has(attribute);
    if (attribute !== 'class' || !node.operator || node.value === undefined) return true;
    const value = node.value;
    if (!/^(nhsuk|dba)-/.test(value) || /\s/.test(value)) return true;
    const test = {
      '=': (c) => c === value,
      '~=': (c) => c === value,
      '|=': (c) => c === value || c.startsWith(`${value}-`),
      '^=': (c) => c.startsWith(value),
      '$=': (c) => c.endsWith(value),
      '*=': (c) => c.includes(value),
    }[node.operator];
    if (!test) return true;
    if ([...used].some(test)) return true;
    // A dynamic class is a prefix and a lower-case key.
    return prefixes.some((p) => value.startsWith(p) || p.startsWith(value) || p.includes(value));
  };

  const canMatch = (selector) => {
    let ok = true;
    selector.each((node) => {
      if (!ok) return false;
      if (node.type === 'class') ok = classUsed(node.value);
      else if (node.type === 'attribute') ok = attributeCanMatch(node);
      else if (node.type === 'pseudo' && NEEDS_AN_ARGUMENT.has(node.value.toLowerCase()) && node.nodes.length > 0) {
        ok = node.nodes.some(canMatch);
      }
      return ok;
    });
    return ok;
  };
  return canMatch;
}

/** Every class a selector styles (all but those inside :not() and the like). */
function stylesClasses(selector, into) {
  selector.each((node) => {
    if (node.type === 'class') into.add(node.value);
    else if (node.type === 'pseudo' && NEEDS_AN_ARGUMENT.has(node.value.toLowerCase())) {
      node.nodes.forEach((inner) => stylesClasses(inner, into));
    }
  });
}

const inKeyframes = (node) => {
  for (let p = node.parent; p; p = p.parent) {
    if (p.type === 'atrule' && /keyframes$/i.test(p.name)) return true;
  }
  return false;
};

/** The classes that selectors able to match our markup style in `css`. */
function styledClasses(css, canMatch) {
  const classes = new Set();
  postcss.parse(css).walkRules((rule) => {
    if (inKeyframes(rule)) return;
    for (const selector of selectorParser().astSync(rule.selector).nodes) {
      if (canMatch(selector)) stylesClasses(selector, classes);
    }
  });
  return classes;
}

// ---------------------------------------------------------------------------
// Purging
// ---------------------------------------------------------------------------

function purge(root, canMatch) {
  let rules = 0;
  let removed = 0;
  const droppedClasses = new Set();
  root.walkRules((rule) => {
    if (inKeyframes(rule)) return;
    rules += 1;
    const all = selectorParser().astSync(rule.selector).nodes;
    const kept = all.filter(canMatch);
    if (kept.length === 0) {
      all.forEach((s) => stylesClasses(s, droppedClasses));
      rule.remove();
      removed += 1;
    } else if (kept.length < all.length) {
      all.filter((s) => !kept.includes(s)).forEach((s) => stylesClasses(s, droppedClasses));
      rule.selector = kept.map((s) => s.toString().trim()).join(',');
    }
  });

  // Wrappers left empty, innermost first (walk visits parents first).
  const atRules = [];
  root.walkAtRules((at) => atRules.push(at));
  for (const at of atRules.reverse()) {
    if (/^(media|supports|container|layer|document|-moz-document)$/i.test(at.name) && at.nodes?.length === 0) {
      at.remove();
    }
  }

  // @keyframes no kept rule uses.
  const animations = new Set();
  root.walkDecls(/^(-webkit-|-moz-)?animation(-name)?$/i, (decl) => {
    for (const word of decl.value.split(/[\s,]+/)) animations.add(word);
  });
  root.walkAtRules(/keyframes$/i, (at) => {
    if (!animations.has(at.params.trim())) at.remove();
  });
  return { rules, removed, droppedClasses };
}

// ---------------------------------------------------------------------------

const args = process.argv.slice(2);
if (args.length !== 2 || args[0].startsWith('-')) {
  console.error('Usage: node .ci/purge-css.mjs IN OUT');
  process.exit(2);
}
const [input, output] = args;

const fullCss = readFileSync(input, 'utf8');
const classes = scanSources();
const canMatch = makeJudge(classes);
const root = postcss.parse(fullCss, { from: input });
const { rules, removed, droppedClasses } = purge(root, canMatch);
const css = root.toString();

// Check: every used class that a rule able to match our markup styles, in
// the sass output or in NHS.UK frontend's full CSS, is still styled.
const after = styledClasses(css, canMatch);
const compiled = styledClasses(fullCss, canMatch);
const nhsuk = styledClasses(readFileSync(NHSUK_FULL_CSS, 'utf8'), canMatch);
for (const name of [...classes.used].sort()) {
  if (after.has(name)) continue;
  if (compiled.has(name)) fail(`"${name}" is used and was styled by sass, but the purge removed all its rules`);
  else if (nhsuk.has(name) && !NOT_NHSUK_STYLED.includes(name)) {
    fail(
      `"${name}" is used and NHS.UK frontend styles it, but www/styles/widget.scss does not compile its ` +
        'styles (load the nhsuk-frontend module that defines it, or list it in NOT_NHSUK_STYLED)',
    );
  }
}

if (failures.length > 0) {
  console.error(`purge-css: ${failures.length} problem(s); ${output} not written:`);
  for (const message of failures) console.error(`  ${message}`);
  process.exit(1);
}

const temporary = `${output}.tmp`;
writeFileSync(temporary, css);
renameSync(temporary, output);
const unusedOwn = [...droppedClasses].filter((c) => c.startsWith('dba-') && !after.has(c)).sort();
console.error(
  `purge-css: ${classes.used.size} classes used; kept ${rules - removed} of ${rules} rules; ` +
    `${Buffer.byteLength(fullCss)} -> ${Buffer.byteLength(css)} bytes` +
    (unusedOwn.length ? `; unused in _widget.scss: ${unusedOwn.join(' ')}` : ''),
);
