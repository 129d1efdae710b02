// The standalone page under the strict Content-Security-Policy the bundled
// server sends: a full assessment, the share panel (QR code, link) and a
// shared link produce no `securitypolicyviolation` at all.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, completeByMouse, launchBrowser, seeResults, withWidget } from './support.mjs';

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
