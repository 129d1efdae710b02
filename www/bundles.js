// The widget's wasm bundles, for start.js: the assessment (its glue
// imported here, so it downloads with the page's scripts), the compare
// view (imported only when someone compares) and the Word writer (imported
// only when someone downloads a Word document). Each loads once per page.
import init, { mount } from './pkg/digital_board_assessment.js';
import { once } from './start.js';

export const bundles = {
  assessment: once(async () => {
    await init();
    return mount;
  }),
  compare: once(async () => {
    const compare = await import('./pkg/digital_board_compare.js');
    await compare.default();
    return compare.mount_compare;
  }),
  docx: once(async () => {
    const docx = await import('./pkg/digital_board_docx.js');
    await docx.default();
    return docx;
  }),
};
