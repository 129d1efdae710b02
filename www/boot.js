// Starts the widget in every element with data-dba-root (or #app).
// An external module, never inline, so a strict CSP
// (script-src 'self' 'wasm-unsafe-eval') is enough.
import init, { mount } from './pkg/digital_board_assessment.js';

const roots = document.querySelectorAll('[data-dba-root], #app');

function showStartFailure(root) {
  // Built with DOM calls (no innerHTML) so nothing here is parsed as markup.
  const box = document.createElement('div');
  box.className = 'nhsuk-error-summary';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h2');
  heading.className = 'nhsuk-error-summary__heading';
  heading.textContent = 'The self-assessment could not start';
  const body = document.createElement('p');
  body.textContent =
    'Your browser could not load it. Reload the page to try again. If it still does not start, ' +
    'try an up-to-date version of Microsoft Edge, Chrome, Firefox or Safari.';
  box.append(heading, body);
  root.replaceChildren(box);
}

try {
  await init();
  for (const root of roots) {
    root.replaceChildren();
    // data-assessment, data-organisation and data-start="questions" on the
    // mount element choose the assessment, label and where to start.
    mount(root, {
      assessment: root.dataset.assessment,
      organisation: root.dataset.organisation,
      start: root.dataset.start,
    });
  }
} catch (error) {
  roots.forEach(showStartFailure);
  throw error;
}
