// Writes the static floor for the benchmark: www/index.html (after
// .ci/build: the start page rendered into it) with every script and preload
// taken out, and its stylesheet beside it. What a start page of plain HTML
// and CSS costs to show is the floor for ours (issue 17).
//
// Usage: node tests/bench/build-static.mjs OUT_DIR
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const out = process.argv[2];
if (!out) throw new Error('usage: node tests/bench/build-static.mjs OUT_DIR');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let html = readFileSync(join(www, 'index.html'), 'utf8');
if (!html.includes('data-dba-prerendered')) throw new Error('www/index.html has no prerendered start page: run .ci/build');
html = html
  .replace(/^[ \t]*<script\b[^>]*><\/script>\n/gm, '')
  .replace(/^[ \t]*<link rel="(?:module)?preload"[^>]*>\n/gm, '')
  .replace(/^[ \t]*<!-- A classic script[^>]*-->\n/gm, '');
if (/<script\b/.test(html)) throw new Error('a script is left in the static page');
const sheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map(([, href]) => href);
if (sheets.length !== 1) throw new Error(`expected one stylesheet, found ${sheets.length}`);
for (const sheet of sheets) copyFileSync(join(www, sheet), join(out, sheet));
writeFileSync(join(out, 'index.html'), html);
console.error(`static floor: ${join(out, 'index.html')} (${html.length} bytes) and ${sheets.join(', ')}`);
