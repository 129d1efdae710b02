// Hostile or odd text (issue 16), at 320 px: a right-to-left override in an
// organisation name, a result's name and a note must not reverse the
// widget's own words after it, and long unbroken words (a 60-character
// name, a 230-character SharePoint link in a note) must not widen the page.
// Checked on one's own results, the shared result and the comparison (and
// the gather page between them): the document never scrolls sideways, and
// the widget's words next to the user's text read left to right.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BASE_URL,
  assertClean,
  completeToResults,
  launchBrowser,
  readSharePanel,
  waitForHeading,
  withWidget,
} from './support.mjs';
import { makeLink } from './links.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const VIEWPORT = { width: 320, height: 640 };
const PAGE_URL = new URL('/', BASE_URL).href;
const RLO = '\u202E';
const RLE = '\u202B';
/** A 60-character name of one word, after a right-to-left override. */
const LONG_WORD = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogochxx';
const ORGANISATION = `${RLO}${LONG_WORD}`;
/** A 230-character SharePoint link, and an override, in a note. */
const SHAREPOINT = `https://nhsengland.sharepoint.com/sites/BoardPapers/Shared%20Documents/2026/${'Digital-strategy-board-paper-'.repeat(5)}final.docx?d=w4f1c`;
const NOTE = `See ${SHAREPOINT} ${RLO}and the minutes`;
const NAME = `${RLO}${LONG_WORD}`;

/**
 * The document's width against the viewport's, and what reaches past it:
 * the page never scrolls sideways (a table may scroll inside its wrapper).
 */
function overflow(page) {
  return page.evaluate(() => {
    const { clientWidth, scrollWidth } = document.documentElement;
    const culprits = [];
    if (scrollWidth > clientWidth) {
      for (const el of document.querySelectorAll('body *')) {
        const rect = el.getBoundingClientRect();
        if (rect.width > 0 && rect.right > clientWidth + 0.5) {
          culprits.push(`${el.tagName.toLowerCase()}.${String(el.className).trim().split(/\s+/).join('.')} (${Math.round(rect.right)}px)`);
        }
      }
    }
    return { clientWidth, scrollWidth, culprits: culprits.slice(0, 6) };
  });
}

async function assertNoSidewaysScroll(page, screen) {
  const { clientWidth, scrollWidth, culprits } = await overflow(page);
  assert.ok(scrollWidth <= clientWidth, `${screen}: scrollWidth ${scrollWidth} > clientWidth ${clientWidth}: ${culprits.join(', ')}`);
}

/**
 * Whether `word`, the widget's own, reads left to right where it first
 * shows inside `selector`: its first letter is drawn left of its last (on
 * one line) or above it. A leaked override draws it reversed.
 */
async function assertReadsInOrder(page, selector, word, screen) {
  const found = await page.evaluate(([selector, word]) => {
    for (const element of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.data.indexOf(word);
        // Text hidden but for screen readers is drawn in a 1 px box.
        if (at < 0 || node.parentElement.closest('.nhsuk-u-visually-hidden')) continue;
        const box = (i) => {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          return range.getBoundingClientRect();
        };
        const first = box(at);
        const last = box(at + word.length - 1);
        // Not drawn at this width (the key shown from desktop width).
        if (first.width === 0) continue;
        const sameLine = Math.abs(first.top - last.top) < 2;
        return {
          text: node.data,
          inOrder: sameLine ? first.left < last.left : first.top < last.top,
        };
      }
    }
    return null;
  }, [selector, word]);
  assert.ok(found, `${screen}: “${word}” shows in ${selector}`);
  assert.ok(found.inOrder, `${screen}: “${word}” reads right to left in ${JSON.stringify(found.text)}`);
}

test('an override and long words in names and notes: nothing reversed, nothing wider than 320 px', async () => {
  let link;
  await withWidget(browser, { viewport: VIEWPORT }, async (page) => {
    await completeToResults(page, 'SSSSSSSSSSSSS', { 1: NOTE });
    await page.getByLabel('Organisation name or ODS code (optional)').fill(ORGANISATION);
    await page.getByLabel('Executive', { exact: true }).check();
    await page.getByLabel('Include my notes in the link').check();
    await assertNoSidewaysScroll(page, 'your results');
    await assertReadsInOrder(page, '.dba-provenance', 'Executive', 'your results');
    await assertReadsInOrder(page, '.dba-provenance', 'Made on', 'your results');
    link = (await readSharePanel(page)).link;
    assert.ok(link?.includes('#r='), `a link was made: ${link}`);
    await assertClean(page);
  });

  const path = `/${link.slice(link.indexOf('#'))}`;
  await withWidget(browser, { viewport: VIEWPORT, path, heading: 'Shared results' }, async (page) => {
    await assertNoSidewaysScroll(page, 'the shared result');
    await assertReadsInOrder(page, '.dba-provenance', 'Executive', 'the shared result');
    await assertReadsInOrder(page, '.dba-provenance', 'Made on', 'the shared result');
    assert.ok((await page.textContent('.dba-page')).includes(SHAREPOINT), 'the note shows whole');

    // Compare it with a second result whose organisation embeds right to left.
    await page.getByRole('link', { name: 'Compare these results', exact: false }).first().click();
    await waitForHeading(page, 'Compare results');
    const other = makeLink(PAGE_URL, 'EEEEEEEEEEEEE', { organisation: `${RLE}${LONG_WORD}`, role: 'non-executive' });
    await page.locator('#dba-compare-links').fill(other);
    await page.getByRole('button', { name: 'Add results', exact: true }).click();
    await page.waitForFunction(() => document.querySelectorAll('.dba-compare-entry').length === 2);
    await page.getByLabel('Board members', { exact: true }).check();
    await page.locator('#dba-compare-name-1').fill(NAME);
    await assertNoSidewaysScroll(page, 'the gather page');
    await assertReadsInOrder(page, '.dba-compare-entry__shown', '(executive)', 'the gather page');
    await assertReadsInOrder(page, '.dba-compare-entry__shown', 'Result 1', 'the gather page');

    await page.getByRole('button', { name: 'Compare', exact: true }).first().click();
    await waitForHeading(page, 'Where the board agrees and disagrees');
    await assertNoSidewaysScroll(page, 'the comparison');
    await assertReadsInOrder(page, '.dba-page', '(executive)', 'the comparison');
    await assertClean(page);
  });
});
