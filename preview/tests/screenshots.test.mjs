/**
 * A picture of every console component, as a collector sees it on the demo's data, in English and
 * French: docs/screenshots/<component>-<language>.png, linked from the README. The tests overwrite
 * them on every run, so the pictures in the repository are the ones the tests produce. Each also
 * checks that the component rendered its data and that the page reported no error.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, startPreview } from './harness.mjs';

/** Route, the element that shows it has data, and the file name of each picture. */
const COMPONENTS = [
  { name: 'worklist', route: '#/component/worklist', ready: '[data-id="case-row"]' },
  { name: 'open-invoices', route: '#/component/invoices', ready: 'lightning-datatable tbody tr' },
  { name: 'aging-summary', route: '#/component/aging', ready: '[data-id="aging-table"]' },
  { name: 'dispute-panel', route: '#/component/disputes', ready: '[data-id="dispute"]' },
  { name: 'payment-plan-builder', route: '#/component/plan', ready: '[data-id="schedule"]' },
];

let preview;

before(async () => {
  preview = await startPreview();
});

after(async () => {
  await preview?.close();
});

for (const language of ['en', 'fr']) {
  describe(`every component in ${language === 'en' ? 'English' : 'French'}`, () => {
    for (const component of COMPONENTS) {
      test(`${component.name} renders the demo's data`, async () => {
        const page = await preview.open(component.route, { language });
        await page.locator(component.ready).first().waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), language);
        await screenshot(page, page.locator('[data-preview]').first(), `${component.name}-${language}`);
        assert.deepEqual(page.problems, []);
        await page.closeAll();
      });
    }
  });
}
