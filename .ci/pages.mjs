#!/usr/bin/env node
// Writes the served pages and content-hashed file names into www/, after the
// wasm bundles (www/pkg) and www/widget.css are built (.ci/build):
//
//   - wasm, JS and CSS get a content hash in their name, the last
//     dot-separated part before the extension, 10 lowercase hex digits
//     (www/pkg/digital_board_assessment_bg.3fa29c1d0b.wasm,
//     www/start.0c5e1f2a9b.js, www/widget.1d2e3f4a5b.css): the server gives
//     such names a year's immutable caching, so a repeat visit downloads only
//     the pages. Every reference follows: the glue's wasm, the modules'
//     imports, the pages' links. A file's hash covers the names it refers to,
//     so a change anywhere renames everything that leads to it.
//   - the JS is minified (esbuild: the sources' many comments are for
//     people, not for the wire);
//   - the pages whose names people and host pages use keep them, rewritten
//     from www/templates/: index.html and embed.html, with the assessment's
//     start page (PRERENDERED, from `cargo run --example prerender`) in their
//     widget root, and element.js.
//
// www/pkg's own files are renamed but for __wasm_split.js, the loader of the
// assessment's late module (see below); the JS sources in www/ (boot.js,
// bundles.js, start.js, embed-frame.js) stay as they are beside their hashed
// copies, and www/widget.css too (the example host pages link it). The
// generated files are git-ignored. Fails if a page or module would still
// refer to a file by its plain name, or to a file that is not there.
//
// Usage: node .ci/pages.mjs PRERENDERED

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
const TEMPLATES = join(WWW, 'templates');
/** A hashed name: NAME.HASH.EXT (the server's convention: 10+ lowercase hex digits). */
const HASHED = /^(.+)\.([0-9a-f]{10,})\.(js|css|wasm)$/;
const HASH_LENGTH = 10;

const fail = (message) => {
  console.error(`pages: error: ${message}`);
  process.exit(1);
};

const [prerenderedFile, ...extra] = process.argv.slice(2);
if (!prerenderedFile || extra.length > 0) fail('usage: node .ci/pages.mjs PRERENDERED');
const prerendered = readFileSync(prerenderedFile, 'utf8').trim();
if (!/^<div class="dba-view" data-dba-prerendered data-dba-loading="[^"<>&]+">[^]*<\/div>$/.test(prerendered) || prerendered.includes('<script')) {
  fail(`${prerenderedFile} is not the prerendered start page (examples/prerender.rs)`);
}

// Hashed copies from an earlier build (and their .gz/.br), in www/ itself.
for (const name of readdirSync(WWW)) {
  if (HASHED.test(name.replace(/\.(gz|br)$/, ''))) rmSync(join(WWW, name));
}

/** www-relative path (posix) → its hashed path, in the order they were made. */
const names = new Map();

/**
 * `text` (a file at www-relative `from`) with every quoted reference to a
 * file already hashed made its hashed name: 'start.js', "./start.js",
 * "pkg/x.js", relative to `from`'s directory, as import specifiers, URLs and
 * attribute values are.
 */
function rewrite(text, from) {
  const dir = posix.dirname(from);
  for (const [plain, hashed] of names) {
    const rel = posix.relative(dir, plain);
    const relHashed = posix.relative(dir, hashed);
    const escaped = rel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    text = text.replace(new RegExp(`(["'])(\\./)?${escaped}\\1`, 'g'), (_, quote, dot = '') => `${quote}${dot}${relHashed}${quote}`);
  }
  return text;
}

/** `text` of the JS file `path`, minified (names of exports and imports kept). */
function minify(text, path) {
  try {
    return transformSync(text, { loader: 'js', minify: true, legalComments: 'none', charset: 'utf8' }).code;
  } catch (error) {
    fail(`esbuild could not minify www/${path}: ${error.message}`);
  }
}

/** Hashes www-relative `path` (after rewriting its references if text); `keep`: copy, else rename. */
function hash(path, { keep = false } = {}) {
  const file = join(WWW, path);
  if (!existsSync(file)) fail(`www/${path} is missing: build the widget first (.ci/build)`);
  let body = readFileSync(file);
  if (path.endsWith('.js')) body = Buffer.from(minify(rewrite(body.toString('utf8'), path), path));
  else if (!path.endsWith('.wasm')) body = Buffer.from(rewrite(body.toString('utf8'), path));
  const digest = createHash('sha256').update(body).digest('hex').slice(0, HASH_LENGTH);
  const hashed = path.replace(/\.(js|css|wasm)$/, `.${digest}.$1`);
  writeFileSync(join(WWW, hashed), body);
  if (!keep) rmSync(file);
  names.set(path, hashed);
}

// Leaves first: each file after everything it refers to.
const pkg = readdirSync(join(WWW, 'pkg')).sort();
for (const name of pkg.filter((n) => n.endsWith('.wasm'))) hash(`pkg/${name}`);
// The split assessment's loader (.ci/build) and its glue import each other,
// so one of them keeps its name: the loader, which the glue imports by it.
// Rewritten and minified in place after the glue is hashed, it fetches the
// late module and imports the glue by their hashed names.
const LOADER = 'pkg/__wasm_split.js';
for (const name of pkg.filter((n) => n.endsWith('.js') && !HASHED.test(n) && `pkg/${n}` !== LOADER)) hash(`pkg/${name}`);
if (pkg.includes('__wasm_split.js')) {
  writeFileSync(join(WWW, LOADER), minify(rewrite(readFileSync(join(WWW, LOADER), 'utf8'), LOADER), LOADER));
}
for (const path of ['widget.css', 'start.js', 'bundles.js', 'boot.js', 'embed-frame.js']) hash(path, { keep: true });

// The pages and element.js, from their templates.
const PLACEHOLDER = '<!-- The start page, rendered at build time (.ci/pages.mjs). -->';
for (const name of ['index.html', 'embed.html', 'element.js']) {
  let text = readFileSync(join(TEMPLATES, name), 'utf8');
  if (name.endsWith('.html')) {
    if (text.split(PLACEHOLDER).length !== 2) fail(`www/templates/${name}: expected one "${PLACEHOLDER}"`);
    text = text.replace(PLACEHOLDER, () => prerendered);
  }
  text = rewrite(text, name);
  writeFileSync(join(WWW, name), name.endsWith('.js') ? minify(text, name) : text);
}

// Nothing served may refer to a plain name, or to a file that is missing.
const problems = [];
for (const path of [...names.values(), 'index.html', 'embed.html', 'element.js', ...(pkg.includes('__wasm_split.js') ? [LOADER] : [])]) {
  if (path.endsWith('.wasm')) continue;
  const text = readFileSync(join(WWW, path), 'utf8');
  // Not an object key: the glue names the wasm's import module "./NAME_bg.js".
  for (const [, , target] of text.matchAll(/(["'])((?:\.\/)?[\w./-]+\.(?:js|css|wasm))\1(?!\s*:)/g)) {
    const served = posix.normalize(posix.join(posix.dirname(path), target));
    if (!existsSync(join(WWW, served))) problems.push(`www/${path} refers to ${target}, which is not in www/`);
    else if (names.has(served)) problems.push(`www/${path} refers to ${target} by its plain name`);
  }
}
if (problems.length > 0) fail(`\n  ${problems.join('\n  ')}`);

writeFileSync(
  join(ROOT, 'target', 'hashed-names.json'),
  `${JSON.stringify(Object.fromEntries(names), null, 2)}\n`,
);
console.error(
  `pages: ${names.size} hashed names; index.html and embed.html with the start page (${prerendered.length} bytes); ` +
    `element.js (${relative(process.cwd(), join(ROOT, 'target', 'hashed-names.json'))})`,
);
