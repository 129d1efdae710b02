#!/usr/bin/env node
// Writes the single-file edition of the widget: one self-contained HTML file
// (www/templates/index.html's markup, the stylesheet in a <style> element, and one
// inline module script: the wasm of the three bundles, base64, and their
// wasm-bindgen glue with www/start.js, bundled by esbuild) that works opened
// from disk (file://) and as an email attachment. It makes no request of any
// kind: no fetch, no external script, stylesheet, font or image, and its
// Content-Security-Policy (a <meta>, with the hashes of the inline script and
// stylesheet) lets the browser enforce that.
//
// Usage: node .ci/single-file.mjs [OUT]
//   OUT defaults to target/single-file/digital-board-assessment.html.
// Reads the release build in www/ (run .ci/build first, or .ci/single-file,
// which does both). Exit status: 0 written, 1 anything missing or unexpected.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WWW = join(ROOT, 'www');
// The three wasm bundles (.ci/build), www/pkg/FILE.HASH.js and
// FILE_bg.HASH.wasm (content-hashed names, .ci/pages.mjs), and what
// start.js is given for each (bundles.js): the assessment's and the compare
// view's mount function, the Word writer's two exports.
const BUNDLES = [
  { name: 'assessment', exports: ['mount'], file: 'digital_board_assessment' },
  { name: 'compare', exports: ['mount_compare'], file: 'digital_board_compare' },
  { name: 'docx', exports: ['result_docx', 'comparison_docx'], file: 'digital_board_docx', whole: true },
];
/** A bundle's export as named in the boot code (the glues share names). */
const alias = (bundle, name) => `${bundle.name}_${name}`;
/** What a bundle's loader returns: its one mount function, or an object of its exports. */
const loaded = (bundle) =>
  bundle.whole
    ? `{ ${bundle.exports.map((e) => `${e}: ${alias(bundle, e)}`).join(', ')} }`
    : alias(bundle, bundle.exports[0]);
const CSS = join(WWW, 'widget.css');
// The page's source: the served index.html also carries the start page
// rendered at build time, which from disk, with the wasm inline, would only
// stand in for a moment, and its boot script's part in that (holding a click
// until the widget runs) is not inlined here.
const HTML = join(WWW, 'templates', 'index.html');
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

/** www/pkg's content-hashed FILE.HASH.EXT (exactly one), by its plain name FILE.EXT. */
function hashedPkgFile(plain, what) {
  const dot = plain.lastIndexOf('.');
  const pattern = new RegExp(`^${plain.slice(0, dot)}\\.[0-9a-f]{10,}\\${plain.slice(dot)}$`);
  const dir = join(WWW, 'pkg');
  const found = existsSync(dir) ? readdirSync(dir).filter((name) => pattern.test(name)) : [];
  if (found.length !== 1) {
    fail(
      `expected one www/pkg/${plain.slice(0, dot)}.HASH${plain.slice(dot)} (${what}), found ${found.length}. ` +
        'Build the widget first: .ci/build (or run .ci/single-file, which builds and then writes the file).',
    );
  }
  return join(dir, found[0]);
}

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
// The script: the three glues, www/start.js and the boot code, bundled by esbuild
// ---------------------------------------------------------------------------

/**
 * One ES module with no import: esbuild bundles the boot code below with
 * what it imports (each bundle's wasm-bindgen glue, www/start.js), renaming
 * the names the glues all declare. The wasm bytes, base64, are in
 * WASM_BASE64, declared before it. Each glue's async init is given its bytes,
 * so it never resolves import.meta.url or fetches; not initSync, which
 * compiles on the main thread: Chromium up to 114 (Edge too) refuses that for
 * more than 4 KB.
 */
async function bundleScript(wasmBase64) {
  const glue = Object.fromEntries(
    BUNDLES.map(({ file }) => [file, relative(WWW, hashedPkgFile(`${file}.js`, 'the wasm-bindgen JS glue'))]),
  );
  const boot = `
import { once, startAll } from './start.js';
${BUNDLES.map(
  (bundle) =>
    `import ${bundle.name}Init, { ${bundle.exports.map((e) => `${e} as ${alias(bundle, e)}`).join(', ')} } from './${glue[bundle.file]}';`,
).join('\n')}

const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
startAll({
${BUNDLES.map(
  (bundle) => `  ${bundle.name}: once(async () => {
    await ${bundle.name}Init({ module_or_path: bytes(WASM_BASE64.${bundle.name}) });
    return ${loaded(bundle)};
  }),`,
).join('\n')}
});
`;
  // The split assessment's loader fetches its late module by URL: here it
  // gets the inline bytes instead, as a Response (no request is made).
  const inlineSplitModules = {
    name: 'inline-split-modules',
    setup(build) {
      build.onLoad({ filter: /[\\/]__wasm_split\.js$/ }, ({ path }) => {
        const fetchModule = /fetch\(new URL\(["']\.\/(split_\w+)\.[0-9a-f]{10,}\.wasm["'],\s*import\.meta\.url\)\)/g;
        const source = readFileSync(path, 'utf8');
        const contents = source.replace(fetchModule, (_, name) => {
          if (!(name in wasmBase64)) fail(`${show(path)} fetches ${name}, which is not in www/pkg`);
          return `Promise.resolve(new Response(Uint8Array.from(atob(WASM_BASE64.${name}),(c)=>c.charCodeAt(0)),{headers:{'Content-Type':'application/wasm'}}))`;
        });
        if (contents === source) fail(`${show(path)}: no split module fetch found to inline`);
        return { contents, loader: 'js' };
      });
    },
  };
  const { outputFiles } = await build({
    stdin: { contents: boot, resolveDir: WWW, sourcefile: 'single-file-boot.js' },
    plugins: [inlineSplitModules],
    bundle: true,
    format: 'esm',
    write: false,
    logLevel: 'silent',
    banner: { js: `const WASM_BASE64 = ${JSON.stringify(wasmBase64)};` },
  }).catch((error) => fail(`esbuild could not bundle the script:\n  ${error.message}`));
  const script = outputFiles[0].text;
  if (/\bimport\s*\(/.test(script)) fail('the bundled script still imports a module at run time (import())');
  // "</script" would end the element and "<!--" can change how the rest is
  // parsed; both can only be in strings, regular expressions or comments,
  // where "<\/" and "<\!" mean the same.
  return script.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
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
  for (const bundle of BUNDLES) {
    const path = hashedPkgFile(`${bundle.file}_bg.wasm`, `the compiled ${bundle.name} bundle`);
    const wasm = readInput(path, `the compiled ${bundle.name} bundle`);
    if (wasm.length < 8 || wasm.readUInt32BE(0) !== 0x0061736d) fail(`${show(path)} is not a WebAssembly module`);
    wasmBase64[bundle.name] = wasm.toString('base64');
  }
  // The assessment's split-off modules (split_NAME.HASH.wasm, .ci/build),
  // which its loader would fetch: inline too, as split_NAME.
  for (const name of readdirSync(join(WWW, 'pkg')).filter((n) => /^split_\w+\.[0-9a-f]{10,}\.wasm$/.test(n))) {
    wasmBase64[name.split('.')[0]] = readInput(join(WWW, 'pkg', name), 'a split-off module').toString('base64');
  }
  const css = readCss();
  let html = readInput(HTML, 'the page')
    .toString('utf8')
    .replace(/<!-- The start page, rendered at build time[^>]*-->/, '');

  const script = `\n${await bundleScript(wasmBase64)}`;
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
  Built by .ci/single-file from www/templates/index.html, www/widget.css and the
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
    /<script src="boot\.js"><\/script>/,
    `<script type="module">${script}</script>`,
    '<script src="boot.js"></script>',
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
