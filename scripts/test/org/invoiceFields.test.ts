/**
 * The Invoice__c fields the night keeps (invoiceState.ts) written to the org by Bulk API and read
 * back as the org gives them (numbers without trailing zeros: "600" for 600.00): a rerun of the
 * night finds them true and writes no invoice.
 */
import { applyDayPlan } from '../../src/batch/nightlyRun';
import { parseDay } from '../../src/domain/calendar';
import { planDay } from '../../src/domain/engine/planDay';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import { ledgerRows } from '../../src/records/portfolioRecords';
import { readCustomMetadataRecords } from '../../src/snapshot/customMetadataFiles';
import type { FakeOrg } from './fakeOrg';
import { PROJECT_DIR, startFakeOrg, storeFor, useTemporaryHome } from './harness';
import { PortfolioBuilder } from '../domain/engine/scenario';

useTemporaryHome();

const AS_OF = parseDay('2026-02-01');

let org: FakeOrg;
beforeEach(async () => {
  org = await startFakeOrg();
});
afterEach(async () => {
  expect(org.unhandled).toEqual([]);
  await org.close();
});

test('the night writes the invoice fields to the org; the rerun reads them back and writes no invoice', async () => {
  // Arrange: a partly paid overdue invoice and a paid one, in the org
  org.seedCustomMetadata(readCustomMetadataRecords(PROJECT_DIR, ['force-app']));
  const builder = new PortfolioBuilder()
    .account('C1', { collector: null })
    .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
    .invoice('INV-2', 'C1', '300.00', 'USD', '2026-01-01', '2026-01-31')
    .payment('P-1', 'C1', '400.00', 'USD', '2026-01-20', 'INV-1')
    .payment('P-2', 'C1', '300.00', 'USD', '2026-01-25', 'INV-2');
  for (const [schema, rows] of ledgerRows(builder.portfolio)) org.seed(schema.object, rows);
  const { store } = await storeFor(org);
  const policy = await store.loadPolicy();

  // Act: the night, then the same night again from what the org holds
  const before = await portfolioFromStore(store, policy.corporateCurrency);
  const first = await applyDayPlan(store, policy, before, planDay(before, policy, AS_OF));
  const after = await portfolioFromStore(store, policy.corporateCurrency);
  const rerun = await applyDayPlan(store, policy, after, planDay(after, policy, AS_OF));

  // Assert
  expect(first.failures).toEqual([]);
  expect(first.written.Invoice__c).toMatchObject({ updated: 2, failed: 0 });
  const fields = ['Invoice_Number__c', 'Open_Balance__c', 'Status__c', 'Disputed_Amount__c', 'Last_Dunning_Date__c'];
  expect(org.rows('Invoice__c', [...fields, 'Last_Dunning_Level__c'])).toEqual([
    {
      Invoice_Number__c: 'INV-1',
      Open_Balance__c: '600',
      Status__c: 'Partially_Paid',
      Disputed_Amount__c: '',
      Last_Dunning_Date__c: '2026-02-01',
      Last_Dunning_Level__c: '1',
    },
    {
      Invoice_Number__c: 'INV-2',
      Open_Balance__c: '0',
      Status__c: 'Paid',
      Disputed_Amount__c: '',
      Last_Dunning_Date__c: '',
      Last_Dunning_Level__c: '',
    },
  ]);
  expect(after.invoices.map((invoice) => invoice.recorded)).toEqual([
    '600.00|Partially_Paid||2026-02-01|1',
    '0.00|Paid|||',
  ]);
  expect(rerun.failures).toEqual([]);
  expect(rerun.written.Invoice__c).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 0 });
});
