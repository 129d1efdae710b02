#!/usr/bin/env node
// Writes FILE.gz (gzip level 9) and FILE.br (brotli quality 11) beside every
// text or wasm file under a directory, for the server to send as they are to
// browsers that accept them (server/src/main.rs: ServeDir's precompressed
// variants, with Content-Encoding and Vary: Accept-Encoding), so nothing is
// compressed per request and the best settings cost nothing at serve time.
//
// Usage: node .ci/precompress.mjs DIR
//   .ci/build runs it on www/ as its last step. The copies are git-ignored.
//
// Skipped: files under 1 KB (a packet either way), hidden names, and any copy
// that would not be smaller: a .gz must beat the file, a .br must beat the
// .gz (else clients that accept br get the .gz, which is as good). Every
// copy from an earlier run is removed first, so none can be stale: a stale
// copy would be sent in place of the new file.
//
// Exit status: 0 written, 1 an error, 2 usage error.

import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The served types worth compressing (images other than SVG are compressed already).
const COMPRESSIBLE = /\.(html?|m?js|css|wasm|json|svg|txt|md|toml|webmanifest)$/i;
const COPY = /\.(gz|br)$/;
const MIN_BYTES = 1024;

const args = process.argv.slice(2);
if (args.length !== 1 || args[0].startsWith('-')) {
  console.error('Usage: node .ci/precompress.mjs DIR');
  process.exit(args[0] === '-h' || args[0] === '--help' ? 0 : 2);
}
const dir = args[0];
try {
  if (!statSync(dir).isDirectory()) throw new Error('not a directory');
} catch (err) {
  console.error(`precompress: cannot read the directory ${dir}: ${err.message}`);
  process.exit(2);
}

/** Every file under `root` (hidden names skipped), as paths joined to `root`. */
function files(root) {
  return readdirSync(root, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.')) return [];
    const path = join(root, entry.name);
    if (entry.isDirectory()) return files(path);
    return entry.isFile() ? [path] : [];
  });
}

const all = files(dir);
// Copies from an earlier run, of a compressible file or of one now gone.
let removed = 0;
for (const path of all.filter((path) => COPY.test(path) && COMPRESSIBLE.test(path.slice(0, -3)))) {
  rmSync(path);
  removed += 1;
}

let count = 0;
let rawTotal = 0;
let servedTotal = 0; // what a brotli-capable browser downloads, copies included
for (const path of all.filter((path) => COMPRESSIBLE.test(path) && !COPY.test(path))) {
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) continue;
  const gzip = gzipSync(data, { level: 9 });
  const brotli = brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: /\.wasm$/i.test(path)
        ? constants.BROTLI_MODE_GENERIC
        : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
  let best = data.length;
  if (gzip.length < best) {
    writeFileSync(`${path}.gz`, gzip);
    best = gzip.length;
  }
  if (brotli.length < best) {
    writeFileSync(`${path}.br`, brotli);
    best = brotli.length;
  }
  if (best < data.length) count += 1;
  rawTotal += data.length;
  servedTotal += best;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.error(
  `precompress: ${count} files in ${dir} ` +
    `(${kb(rawTotal)}) written as .gz/.br: ${kb(servedTotal)} for a browser that accepts brotli` +
    (removed ? `; ${removed} earlier copies replaced` : ''),
);
