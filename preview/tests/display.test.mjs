/**
 * What the collector reads, beyond the journeys: picklist values in the page's language (from
 * force-app's object translations, as the org serves them to a French user), a worklist whose
 * reasons stay short until asked for, and an open invoices table that cuts no value short on a
 * record page. Expectations come from the demo's data (preview/.build/org.json) and force-app's
 * labels, not from the screen.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readLabels } from '../build/metadata.mjs';
import { ROOT, startPreview } from './harness.mjs';

const LABELS = readLabels(join(ROOT, 'force-app/main/default'), []);

let preview;
let data;

before(async () => {
  preview = await startPreview();
  data = preview.data;
});

after(async () => {
  await preview?.close();
});

/** A picklist value's label in French, as force-app's object translation gives it. */
function french(apiName, field, value) {
  const entry = data.objects[apiName].fields[field].picklistValues.find((candidate) => candidate.value === value);
  assert.ok(entry?.translations?.fr, `${apiName}.${field} ${value} has a French translation`);
  return entry.translations.fr;
}

const textOf = async (locator) => (await locator.textContent()).trim();

describe('a French collector', () => {
  test("reads the dispute's status, team and reason in French", async () => {
    const page = await preview.open('#/component/disputes', { language: 'fr' });
    const shown = page.locator('[data-id="dispute"]').first();
    const id = await shown.getAttribute('data-dispute');
    const record = data.records.Dispute__c.find((candidate) => candidate.Id === id);
    assert.equal(
      await textOf(shown.locator('[data-id="status"]')),
      french('Dispute__c', 'Status__c', record.Status__c),
    );
    assert.equal(
      await textOf(shown.locator('[data-id="team"]')),
      french('Dispute__c', 'Routed_Team__c', record.Routed_Team__c),
    );
    assert.equal(
      await textOf(shown.locator('[data-id="reason"]')),
      french('Dispute__c', 'Reason_Code__c', record.Reason_Code__c),
    );
    assert.deepEqual(page.problems, []);
    await page.closeAll();
  });

  test('chooses a payment plan frequency and a case status among French values', async () => {
    const page = await preview.open('#/component/plan', { language: 'fr' });
    await page.locator('[data-id="frequency"] [role="combobox"]').first().click();
    const frequencies = await page.locator('[data-id="frequency"] lightning-base-combobox-item').allInnerTexts();
    const expected = data.objects.Payment_Plan__c.fields.Frequency__c.picklistValues.map(
      (entry) => entry.translations.fr,
    );
    assert.deepEqual(
      frequencies.map((text) => text.trim()),
      expected,
    );
    await page.closeAll();

    const worklist = await preview.open('#/component/worklist', { language: 'fr' });
    const statuses = (await worklist.locator('[data-id="case-row"] [data-id="status"]').allTextContents()).map((text) =>
      text.trim(),
    );
    const allowed = data.objects.Collection_Case__c.fields.Status__c.picklistValues.map(
      (entry) => entry.translations.fr,
    );
    assert.ok(statuses.length > 0);
    for (const status of statuses) assert.ok(allowed.includes(status), `${status} is a French case status`);
    assert.deepEqual(worklist.problems, []);
    await worklist.closeAll();
  });
});

describe('the worklist', () => {
  test("shows each case's two largest reasons, and all of them with their details on demand", async () => {
    const page = await preview.open('#/component/worklist');
    const rows = page.locator('[data-id="case-row"]');
    const count = await rows.count();
    assert.ok(count > 0);
    for (let index = 0; index < count; index++) {
      assert.ok((await rows.nth(index).locator('[data-id="reason"]').count()) <= 2);
    }
    assert.equal(await rows.locator('[data-id="reason-detail"]').count(), 0);
    // A collector scans the list: a row stays a few lines high (it was about 365 px).
    const height = (await page.locator('table[data-id="cases"]').boundingBox()).height;
    assert.ok(height / count < 130, `rows are ${Math.round(height / count)} px high`);

    const first = rows.first();
    const toggle = first.locator('[data-id="toggle"]');
    assert.equal(await textOf(toggle), LABELS.en.Collections_Worklist_Reasons_Show_All);
    const caseId = await first.locator('[data-id="case-link"]').evaluate((link) => link.recordId);
    const theCase = data.records.Collection_Case__c.find((record) => record.Id === caseId);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.equal(await textOf(toggle), LABELS.en.Collections_Worklist_Reasons_Show_Top);
    const lines = theCase.Priority_Reasons__c.split('\n').filter((line) => line.trim() !== '');
    assert.equal(await first.locator('[data-id="reason"]').count(), lines.length);
    assert.ok((await first.locator('[data-id="reason-detail"]').count()) > 0);
    assert.deepEqual(page.problems, []);
    await page.closeAll();
  });
});

describe('the open invoices on an Account page', () => {
  for (const language of ['en', 'fr']) {
    test(`cut no value or header short (${language})`, async () => {
      const page = await preview.open(`#/account/${data.accountId}`, { language });
      const table = page.locator('[data-preview="invoices"] lightning-datatable');
      await table.locator('tbody tr').first().waitFor();
      // The datatable cuts a value or header that does not fit with an ellipsis (.slds-truncate).
      const { checked, cut } = await table.locator('.slds-truncate').evaluateAll((nodes) => ({
        checked: nodes.length,
        cut: nodes.filter((node) => node.scrollWidth > node.clientWidth + 1).map((node) => node.innerText.trim()),
      }));
      assert.ok(checked > 20, `${checked} cells checked`);
      assert.deepEqual(cut, []);
      assert.deepEqual(page.problems, []);
      await page.closeAll();
    });
  }
});
