// Starts the widget in every element with data-dba-root (or #app).
// An external module, never inline, so a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') is enough. The compare view is a
// second wasm bundle, loaded only when someone compares (see start.js).
// The pages preload this module's imports, the assessment's glue
// (<link rel="modulepreload">) and its wasm (<link rel="preload">), so they
// download at once, not one by one.
import { bundles } from './bundles.js';
import { startAll } from './start.js';

await startAll(bundles);
// A page opened on a compare link starts with the compare view and has not
// used the assessment's preloaded wasm: load it now, so "Start your own
// assessment" opens at once (and the browser finds no unused preload).
// A failure here is reported when someone asks for the assessment.
bundles.assessment().catch(() => {});
