// The standalone page under the strict Content-Security-Policy the bundled
// server sends: a full assessment, the share panel (QR code, link) and a
// shared link produce no `securitypolicyviolation` at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, completeByMouse, launchBrowser, seeResults, takeConsoleMessages, withWidget } from './support.mjs';

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
// compile the wasm, and the widget says so to the site's web team instead
// of blaming the browser. The same pages under the strict policy start.
const BLOCKED_HEADING = 'This page’s security settings block the self-assessment';
const NO_WASM_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:";
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

for (const [label, path, ready] of [
  ['the standalone page', '/index.html', { role: 'heading', name: 'Digital strategy board self-assessment' }],
  ['the custom element', '/examples/element.html', { role: 'button', name: 'Start now' }],
]) {
  test(`${label} under a CSP without ’wasm-unsafe-eval’ tells the web team; under the strict CSP it starts`, async () => {
    await withWidget(browser, { path: '/', initScript: watchViolations }, async (page, context) => {
      let csp = NO_WASM_CSP;
      await context.route(`**${path}`, async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      });
      await page.goto(new URL(path, page.url()).href);
      const alert = page.getByRole('alert');
      await alert.getByRole('heading', { name: BLOCKED_HEADING }).waitFor();
      const text = await alert.textContent();
      assert.match(text, /web team/);
      assert.match(text, /'wasm-unsafe-eval' in script-src/);
      assert.match(text, /README, section Embedding/);
      assert.doesNotMatch(text, /Microsoft Edge|up-to-date/, 'no advice to change browsers');
      assert.ok(
        (await page.evaluate(() => window.__violations)).some((v) => v.includes('wasm-eval')),
        'the browser reported the blocked wasm',
      );
      // Chromium logs the refusal; the widget logs the error it caught.
      const expected = takeConsoleMessages(page, /Content Security Policy|wasm-unsafe-eval|CompileError/);
      assert.ok(expected.length >= 1, 'the refusal was logged');
      await assertClean(page);

      csp = STRICT_CSP;
      await page.reload();
      await page.getByRole(ready.role, { name: ready.name }).waitFor();
      assert.equal(await page.getByRole('heading', { name: BLOCKED_HEADING }).count(), 0);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      await assertClean(page);
    });
  });
}
