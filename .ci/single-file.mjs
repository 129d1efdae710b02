#!/usr/bin/env node
// Writes the single-file edition of the widget: one self-contained HTML file
// (www/index.html's markup, the stylesheet in a <style> element, the
// wasm-bindgen glue and the wasm of both bundles, base64, and www/start.js,
// in one inline module script) that
// works opened from disk (file://) and as an email attachment. It makes no
// request of any kind: no fetch, no external script, stylesheet, font or
// image, and its Content-Security-Policy (a <meta>, with the hashes of the
// inline script and stylesheet) lets the browser enforce that.
//
// Usage: node .ci/single-file.mjs [OUT]
//   OUT defaults to target/single-file/digital-board-assessment.html.
// Reads the release build in www/ (run .ci/build first, or .ci/single-file,
// which does both). Exit status: 0 written, 1 anything missing or unexpected.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
// The two wasm bundles (.ci/build): each glue's mount export, and the name
// of the function scope its glue is wrapped in (the two glues declare the
// same top-level names).
const BUNDLES = [
  { name: 'assessment', scope: 'assessmentBundle', mount: 'mount', file: 'digital_board_assessment' },
  { name: 'compare', scope: 'compareBundle', mount: 'mount_compare', file: 'digital_board_compare' },
].map((bundle) => ({
  ...bundle,
  glue: join(WWW, 'pkg', `${bundle.file}.js`),
  wasm: join(WWW, 'pkg', `${bundle.file}_bg.wasm`),
}));
const START = join(WWW, 'start.js');
const CSS = join(WWW, 'widget.css');
const HTML = join(WWW, 'index.html');
// NHS.UK frontend's images, which its CSS names as /assets/images/….
const NHSUK_ASSETS = join(ROOT, 'node_modules', 'nhsuk-frontend', 'dist', 'nhsuk');
const DEFAULT_OUT = join(ROOT, 'target', 'single-file', 'digital-board-assessment.html');

class BuildError extends Error {}
const fail = (message) => {
  throw new BuildError(message);
};
/** A path as printed: relative to the current directory if under it, else absolute. */
const show = (path) => {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
};

function readInput(path, what) {
  if (!existsSync(path)) {
    fail(
      `${show(path)} is missing (${what}). Build the widget first: .ci/build ` +
        '(or run .ci/single-file, which builds and then writes the file).',
    );
  }
  return readFileSync(path);
}

// ---------------------------------------------------------------------------
// The wasm-bindgen glue
// ---------------------------------------------------------------------------

/**
 * Checks the glue and finds the local names of its default export (the async
 * init) and `mount`, which the boot code calls from the same module. The
 * glue is inlined as it is: the init function uses import.meta.url (to find
 * the .wasm beside it) only when it is given no module, and the boot code
 * always gives it the bytes, so it never resolves a URL or fetches.
 */
async function readGlue({ glue: GLUE, mount: MOUNT, scope }) {
  const text = readInput(GLUE, 'the wasm-bindgen JS glue').toString('utf8');
  const where = `${show(GLUE)} (wasm-bindgen --target web glue)`;

  // A static import (wasm-bindgen emits them for JS snippets) would be a
  // request for another file.
  const imports = text.match(/^\s*import\s*(?!\.|\()[^;\n]*/gm);
  if (imports) {
    fail(`${where} imports other modules, which a single file cannot hold:\n  ${imports.join('\n  ')}`);
  }

  // The local binding behind each export, from the export statements.
  const locals = new Map();
  for (const [, isDefault, name] of text.matchAll(
    /^export\s+(default\s+)?(?:async\s+)?function\s*\*?\s*([\w$]+)/gm,
  )) {
    locals.set(isDefault ? 'default' : name, name);
  }
  for (const [, list] of text.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of list.split(',').map((s) => s.trim()).filter(Boolean)) {
      const [local, as] = item.split(/\s+as\s+/);
      locals.set((as ?? local).trim(), local.trim());
    }
  }
  // And what the module really exports, by loading it in Node (it only sets
  // up a TextDecoder at the top level). If a later wasm-bindgen's glue does
  // something Node cannot, the export statements above are enough.
  let exported = null;
  try {
    exported = await import(pathToFileURL(GLUE).href);
  } catch (error) {
    console.error(`note: could not load ${where} in Node to check its exports (${error.message}); read them from its text`);
  }
  const missing = ['default', 'initSync', MOUNT].filter((name) =>
    exported ? typeof exported[name] !== 'function' : !locals.has(name),
  );
  if (missing.length > 0) {
    const found = exported ? Object.keys(exported) : [...locals.keys()];
    fail(
      `${where} does not export ${missing.join(', ')} (it exports: ${found.join(', ') || 'nothing'}). ` +
        `Expected wasm-bindgen's --target web glue: default (async init), initSync and ${MOUNT}.`,
    );
  }
  const local = {};
  for (const name of ['default', MOUNT]) {
    if (!locals.has(name) || !/^[\w$]+$/.test(locals.get(name))) {
      fail(`${where}: could not find the local function behind the export "${name}" in its export statements`);
    }
    local[name] = locals.get(name);
  }
  // The init function must take { module_or_path } and compile bytes
  // without fetching them (wasm-bindgen's __wbg_load does, for anything
  // that is not a Response).
  if (!/\{\s*module_or_path\s*\}\s*=\s*module_or_path/.test(text) || !text.includes('WebAssembly.instantiate(')) {
    fail(
      `${where}: its init function does not look like wasm-bindgen's (it should take ` +
        '{ module_or_path } and instantiate bytes with WebAssembly.instantiate)',
    );
  }
  // In its own function scope, without its export statements: the value of
  // `scope` is { init, mount }.
  const body = text.replace(/^export\s*\{[^}]*\};?[ \t]*$/gm, '').replace(/^export\s+(?=(?:async\s+)?function\b)/gm, '');
  const left = body.match(/^\s*export\b.*$/m);
  if (left) fail(`${where}: an export the single file cannot hold: ${left[0].trim()}`);
  const wrapped = `const ${scope} = (() => {\n${body}\nreturn { init: ${local.default}, mount: ${local[MOUNT]} };\n})();`;
  return escapeForScript(wrapped, where);
}

/** www/start.js without its `export` keywords (it imports nothing). */
function readStart() {
  const text = readInput(START, 'the start-up code').toString('utf8');
  if (/^\s*import\b/m.test(text)) fail(`${show(START)} imports other modules, which a single file cannot hold`);
  return escapeForScript(text.replace(/^export\s+(?=(?:async\s+)?function\b|const\b)/gm, ''), show(START));
}

/**
 * Makes text safe inside <script>…</script>: "</script" would end the
 * element and "<!--" can change how the rest is parsed. Both can only appear
 * in strings, regular expressions or comments, where "<\/" and "<\!" mean
 * the same.
 */
function escapeForScript(text, where) {
  const escaped = text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  if (escaped !== text) console.error(`note: escaped "</script" or "<!--" in ${where}`);
  return escaped;
}

// ---------------------------------------------------------------------------
// The stylesheet
// ---------------------------------------------------------------------------

/** A compact data: URL for an SVG file (percent-encoded, not base64). */
function svgDataUrl(path) {
  const svg = readFileSync(path, 'utf8')
    .replace(/\s+/g, ' ')
    .replace(/>\s+</g, '><')
    .replace(/"/g, "'")
    .trim();
  const encoded = svg.replace(/[%#<>"{}|\\^`]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `data:image/svg+xml,${encoded}`;
}

/**
 * widget.css with every url() made a data: URL. NHS.UK frontend's rules for
 * search inputs and sortable tables (unused by the widget, but compiled in)
 * name its icons as /assets/images/…, which on file:// would point at the
 * root of the disk; they are inlined from node_modules/nhsuk-frontend.
 */
function readCss() {
  // Sass starts compressed output that has non-ASCII characters with a byte
  // order mark, which a stylesheet file may have but a <style> element may
  // not (it would become part of the first selector): it goes, as would a
  // @charset rule, which means nothing inside a page.
  let css = readInput(CSS, 'the compiled stylesheet')
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/^@charset\s+"[^"]*";/i, '');
  const where = show(CSS);
  if (/@import\b/i.test(css)) fail(`${where} has an @import, which would be a request`);
  if (/<\/style/i.test(css)) fail(`${where} contains "</style", which would end the <style> element`);
  css = css.replace(/url\(\s*(["']?)([^"')]*)\1\s*\)/gi, (whole, _quote, target) => {
    if (/^data:/i.test(target)) return whole;
    const asset = /^\/?(assets\/images\/[\w.-]+\.svg)$/.exec(target);
    const path = asset && join(NHSUK_ASSETS, asset[1]);
    if (!path || !existsSync(path)) {
      fail(`${where} refers to ${target}, which the single file cannot inline (only NHS.UK frontend's SVG icons are handled)`);
    }
    return `url("${svgDataUrl(path)}")`;
  });
  return css;
}

// ---------------------------------------------------------------------------
// The boot code (www/boot.js's, with the wasm from a string)
// ---------------------------------------------------------------------------

function bootCode(wasmBase64) {
  return `
// ---- Single-file boot (as www/boot.js and www/bundles.js, with the wasm from the strings below) ----
const WASM_BASE64 = ${JSON.stringify(wasmBase64)};

function decodeBase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The bytes go to the glue's async init (not initSync): it instantiates
// them with WebAssembly.instantiate, with no URL and no fetch. Chromium up
// to 114 (Edge too) refuses to compile more than 4 KB synchronously on the
// main thread, which initSync would.
const bundles = {
${BUNDLES.map(
  ({ name, scope }) => `  ${name}: once(async () => {
    await ${scope}.init({ module_or_path: decodeBase64(WASM_BASE64.${name}) });
    return ${scope}.mount;
  }),`,
).join('\n')}
};

startAll(bundles);
`;
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Version and commit for the head comment ("unknown" outside git). */
function provenance() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1] ?? 'unknown';
  const git = (...args) =>
    execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  let commit = null;
  try {
    commit = git('rev-parse', '--short', 'HEAD');
    const date = git('log', '-1', '--format=%cs');
    let dirty = false;
    try {
      git('diff', '--quiet', 'HEAD', '--');
    } catch {
      dirty = true;
    }
    commit = `commit ${commit} of ${date}${dirty ? ', with uncommitted changes' : ''}`;
  } catch {
    // Not a git checkout, or no git: the comment says so.
  }
  return `version ${version}, ${commit ?? 'commit unknown'}`;
}

/** Replaces the one match of `pattern` in `html`, failing if there is not exactly one. */
function replaceOnce(html, pattern, replacement, what) {
  const matches = html.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) {
    fail(`${show(HTML)}: expected exactly one ${what}, found ${matches.length}`);
  }
  // A function, so "$" in the replacement is taken literally.
  return html.replace(pattern, () => replacement);
}

/**
 * Fails if anything in the page's markup or stylesheet could still make a
 * request (the script is checked on its own: it may mention URLs in code).
 */
function checkSelfContained(html, script) {
  const problems = [];
  if ((html.match(/<\/script/gi) ?? []).length !== 1) problems.push('more than one </script');
  html = html.replace(script, '');
  for (const [tag] of html.matchAll(/<(?:script|link|img|iframe|source|embed|object|audio|video|base)\b[^>]*>/gi)) {
    const target = /\b(?:src|href|data|srcset|poster)\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (target !== undefined && !/^data:/i.test(target)) problems.push(tag);
  }
  for (const [whole, target] of html.matchAll(/url\(\s*["']?([^"')]*)/gi)) {
    if (!/^data:/i.test(target)) problems.push(whole);
  }
  if (problems.length > 0) fail(`the page would still refer to other files:\n  ${problems.join('\n  ')}`);
}

async function main() {
  const args = process.argv.slice(2);
  if (args.some((a) => a === '-h' || a === '--help')) {
    console.log('Usage: node .ci/single-file.mjs [OUT]  (default target/single-file/digital-board-assessment.html)');
    return;
  }
  if (args.length > 1 || args.some((a) => a.startsWith('-'))) {
    fail('usage: node .ci/single-file.mjs [OUT]');
  }
  const out = resolve(args[0] ?? DEFAULT_OUT);

  const wasmBase64 = {};
  const glues = [];
  for (const bundle of BUNDLES) {
    const wasm = readInput(bundle.wasm, `the compiled ${bundle.name} bundle`);
    if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d) fail(`${show(bundle.wasm)} is not a WebAssembly module`);
    wasmBase64[bundle.name] = wasm.toString('base64');
    glues.push(await readGlue(bundle));
  }
  const css = readCss();
  let html = readInput(HTML, 'the page').toString('utf8');

  const script = `\n${glues.join('\n')}\n${readStart()}\n${bootCode(wasmBase64)}`;
  const style = `\n${css}\n`;
  const csp = [
    "default-src 'none'",
    `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(style)}`,
    'img-src data:',
    "base-uri 'none'",
  ].join('; ');

  const comment = `<!--
  Digital strategy board self-assessment: single-file edition (${provenance()}).
  Built by .ci/single-file from www/index.html, www/widget.css and the
  widget's WebAssembly and JavaScript, all inlined here. Open this file in a
  browser (from disk, a shared drive or an email attachment). Everything runs
  in the browser: it fetches nothing, and answers are kept in this browser's
  local storage only. The Content-Security-Policy below holds the hashes of
  the inline script and stylesheet and allows no requests.
-->
  <meta http-equiv="Content-Security-Policy" content="${csp}">`;

  html = replaceOnce(html, /<meta charset="utf-8">/i, `<meta charset="utf-8">\n  ${comment}`, '<meta charset="utf-8">');
  html = replaceOnce(
    html,
    /<link rel="stylesheet" href="widget\.css">/,
    `<style>${style}</style>`,
    '<link rel="stylesheet" href="widget.css">',
  );
  html = replaceOnce(
    html,
    /<script type="module" src="boot\.js"><\/script>/,
    `<script type="module">${script}</script>`,
    '<script type="module" src="boot.js"></script>',
  );
  // boot.js's imports and the assessment's wasm, preloaded by the page:
  // inlined here.
  html = html.replace(/^[ \t]*<link rel="(?:module)?preload" href="[^"]*"[^>]*>\n/gm, '');
  if (!html.includes('<link rel="icon" href="data:,">')) {
    fail(`${show(HTML)}: expected <link rel="icon" href="data:,"> (without it browsers request /favicon.ico)`);
  }
  checkSelfContained(html, script);

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  const bytes = Buffer.byteLength(html);
  const gzipped = gzipSync(html, { level: 9 }).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`Wrote ${show(out)}`);
  console.log(`  ${bytes} bytes (${kb(bytes)}), ${gzipped} bytes gzip -9 (${kb(gzipped)})`);
}

main().catch((error) => {
  if (error instanceof BuildError) {
    console.error(`single-file: error: ${error.message}`);
  } else {
    console.error('single-file: error:', error);
  }
  process.exit(1);
});
