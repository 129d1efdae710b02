// The standalone page under the strict Content-Security-Policy the bundled
// server sends: a full assessment, the share panel (QR code, link) and a
// shared link produce no `securitypolicyviolation` at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, checkA11y, completeByMouse, launchBrowser, seeResults, takeConsoleMessages, withWidget } from './support.mjs';

function watchViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`);
  });
}

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('the page is served with the strict CSP and nothing violates it', async () => {
  await withWidget(browser, { initScript: watchViolations }, async (page) => {
    const response = await page.request.get(page.url());
    const csp = response.headers()['content-security-policy'] ?? '';
    for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:"]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    await completeByMouse(page, 'EEEASDEASDESA', { 3: 'A note' }, { force: true });
    await seeResults(page, { force: true });
    await page.locator('svg.dba-qr').waitFor();
    await page.locator('#dba-include-notes').check();
    const link = await page.locator('#dba-share-link').inputValue();
    await page.goto(link);
    await page.reload();
    await page.getByRole('heading', { name: 'Shared results' }).waitFor();
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await assertClean(page);
  });
});

// A host page whose policy lacks 'wasm-unsafe-eval' (common on intranets
// that copied a strict policy from elsewhere): the browser refuses to
// compile the wasm. The widget tells the board member in plain words, with
// a link to its own page where it runs (unless this is that page), and the
// policy to change for the web team under "Technical details", instead of
// blaming the browser. The same pages under the strict policy start.
const BLOCKED_HEADING = 'This self-assessment cannot run on this page';
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

for (const [label, path, ready, ownPage] of [
  ['the standalone page', '/index.html', { role: 'heading', name: 'Digital strategy board self-assessment' }, null],
  ['the custom element', '/examples/element.html', { role: 'button', name: 'Start now' }, '/index.html'],
]) {
  test(`${label} under a CSP without ’wasm-unsafe-eval’ says so plainly, points to the widget’s own page and tells the web team; under the strict CSP it starts`, async () => {
    await withWidget(browser, { path: '/', initScript: watchViolations }, async (page, context) => {
      let csp = NO_WASM_CSP;
      await context.route(`**${path}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
      await page.goto(new URL(path, page.url()).href);
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: BLOCKED_HEADING }).waitFor();
      // Plain words first, for the board member.
      const paragraphs = await alert.locator('.nhsuk-error-summary__body > p').allTextContents();
      assert.equal(paragraphs[0], 'The security settings of this page stop it from starting.');
      const elsewhere = alert.getByRole('link', { name: 'Open the self-assessment on its own page' });
      if (ownPage) {
        // The widget's own page, beside its scripts, where it runs.
        assert.equal(await elsewhere.getAttribute('href'), new URL(ownPage, page.url()).href);
        assert.equal(await elsewhere.isVisible(), true);
      } else {
        assert.equal(await elsewhere.count(), 0, 'no link to the page itself');
        assert.equal(paragraphs[1], 'Please tell the person who looks after this website.');
      }
      // The detail, for the web team, behind "Technical details".
      const details = alert.locator('details.nhsuk-details');
      const summary = details.locator('summary');
      assert.equal((await summary.textContent()).trim(), 'Technical details for the website’s web team');
      const detail = details.locator('.nhsuk-details__text');
      assert.equal(await detail.isVisible(), false, 'closed until asked for');
      await summary.click();
      assert.match(await detail.textContent(), /Content-Security-Policy must allow 'wasm-unsafe-eval' in script-src/);
      assert.match(await detail.textContent(), /README, section Embedding/);
      assert.doesNotMatch(await alert.textContent(), /Microsoft Edge|up-to-date/, 'no advice to change browsers');
      assert.ok(
        (await page.evaluate(() => window.__violations)).some((v) => v.includes('wasm-eval')),
        'the browser reported the blocked wasm',
      );
      // Chromium logs the refusal; the widget logs the error it caught.
      const expected = takeConsoleMessages(page, /Content Security Policy|wasm-unsafe-eval|CompileError/);
      assert.ok(expected.length >= 1, 'the refusal was logged');
      await assertClean(page);
      await checkA11y(page, `the message on ${label}`);
      takeConsoleMessages(page, /Content Security Policy|wasm-unsafe-eval|CompileError/);

      csp = STRICT_CSP;
      await page.reload();
      await page.getByRole(ready.role, { name: ready.name }).waitFor();
      assert.equal(await page.getByRole('heading', { name: BLOCKED_HEADING }).count(), 0);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await assertClean(page);
    });
  });
}
