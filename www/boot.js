// Starts the widget in every element with data-dba-root (or #app).
// An external module, never inline, so a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') is enough. The compare view is a
// second wasm bundle, loaded only when someone compares (see start.js).
// The pages preload this module's imports and the assessment's glue
// (<link rel="modulepreload">), so they download at once, not one by one.
import { bundles } from './bundles.js';
import { startAll } from './start.js';

startAll(bundles);
