/**
 * Writing to the org: small sets through sObject Collections (200 records a request), large sets
 * through Bulk API 2.0 ingest jobs; upserts by external ID, inserts and updates for objects keyed
 * by Id; only the columns present are written; rewriting the same rows creates nothing.
 */
import {
  ACCOUNT,
  DISPUTE,
  INSTALLMENT,
  INVOICE,
  PAYMENT_PLAN,
  type ObjectSchema,
  type Row,
} from '../../src/records/schema';
import type { FakeOrg } from './fakeOrg';
import { accountRows, disputeRows, installmentRows, invoiceRows, paymentPlanRows, userRows } from './fixtures';
import { readAll, sortRows, startFakeOrg, storeFor, useTemporaryHome } from './harness';

useTemporaryHome();

let org: FakeOrg;
beforeEach(async () => {
  org = await startFakeOrg();
  org.seed('User', userRows());
});
afterEach(async () => {
  expect(org.unhandled).toEqual([]);
  expect(org.faults.unspent()).toEqual([]);
  await org.close();
});

const columnsOf = (schema: ObjectSchema): string[] => schema.columns.map((column) => column.name);
const COLLECTIONS_UPSERT = /\/composite\/sobjects\/Invoice__c\/Invoice_Number__c$/;

describe('small sets: sObject Collections', () => {
  test('450 rows go in 3 requests of at most 200, and rewriting them creates nothing', async () => {
    org.seed('Account', accountRows(10));
    const { store } = await storeFor(org);
    const rows = invoiceRows(450, 10);

    const first = await store.upsert(INVOICE, rows);
    expect(first).toMatchObject({ created: 450, updated: 0, unchanged: 0, failures: [] });
    expect(first.ids.every((id) => typeof id === 'string' && id.length === 18)).toBe(true);
    expect(org.countRequests('PATCH', COLLECTIONS_UPSERT)).toBe(3);
    expect(store.usage().requests).toBe(3);
    expect(org.rows('Invoice__c', columnsOf(INVOICE))).toEqual(sortRows(rows));

    const again = await store.upsert(INVOICE, rows);
    expect(again).toMatchObject({ created: 0, updated: 450, failures: [] });
    expect(again.ids).toEqual(first.ids);
    expect(org.data.all('Invoice__c')).toHaveLength(450);
    expect(store.usage().requests).toBe(6);
  });

  test('relationship columns resolve to the parent records, blanks clear fields, absent columns are left alone', async () => {
    org.seed('Account', accountRows(3));
    const { store } = await storeFor(org);
    const [invoice] = invoiceRows(1, 3, 4) as [Row];
    expect(invoice['Account__r.Customer_Number__c']).toBe('CUST-000002');
    expect(invoice.PO_Number__c).toBe('PO-4');
    await store.upsert(INVOICE, [invoice]);
    const accountId = org.data
      .findBy(
        org.data.object('Account'),
        org.data.field(org.data.object('Account'), 'Customer_Number__c')!,
        'CUST-000002',
      )
      ?.get('Id');
    const stored = () => org.data.all('Invoice__c')[0];
    expect(stored()?.get('Account__c')).toBe(accountId);

    // A blank value clears the field; a column the row does not have is not touched.
    await store.upsert(INVOICE, [{ Invoice_Number__c: 'INV-000004', PO_Number__c: '' }]);
    expect(stored()?.get('PO_Number__c')).toBeNull();
    expect(stored()?.get('Amount__c')).toBe('104.25');
    await store.upsert(INVOICE, [{ Invoice_Number__c: 'INV-000004', Status__c: 'Disputed' }]);
    expect(stored()?.get('Status__c')).toBe('Disputed');
    expect(stored()?.get('Account__c')).toBe(accountId);

    // A blank relationship clears the lookup.
    await store.upsert(ACCOUNT, [{ Customer_Number__c: 'CUST-000001', 'Collector__r.Username': '' }]);
    expect(org.rows('Account', ['Customer_Number__c', 'Collector__r.Username'])[0]).toEqual({
      Customer_Number__c: 'CUST-000001',
      'Collector__r.Username': '',
    });
  });

  test('objects keyed by Id: rows without an Id are inserted, rows with one are updated; AutoNumber names are not sent', async () => {
    org.seed('Account', accountRows(5));
    const { store } = await storeFor(org);
    const disputes = disputeRows(5, 5).map((row) => ({ ...row, Name: 'ignored: Salesforce numbers disputes' }));
    const created = await store.upsert(DISPUTE, disputes);
    expect(created).toMatchObject({ created: 5, updated: 0, failures: [] });
    expect(org.countRequests('POST', /\/composite\/sobjects$/)).toBe(1);
    const ids = created.ids as string[];

    const changed = disputes.map((row, index) => ({ ...row, Id: ids[index] as string, Status__c: 'Resolved' }));
    const updated = await store.upsert(DISPUTE, [...changed.slice(0, 3), ...disputeRows(1, 5)]);
    expect(updated).toMatchObject({ created: 1, updated: 3, failures: [] });
    expect(updated.ids.slice(0, 3)).toEqual(ids.slice(0, 3));
    expect(org.countRequests('PATCH', /\/composite\/sobjects$/)).toBe(1);
    expect(org.data.all('Dispute__c').filter((record) => record.get('Status__c') === 'Resolved')).toHaveLength(3);
    expect(org.data.all('Dispute__c')).toHaveLength(6);
  });

  test('rows with the same key in one call are written in turn: the last one wins, as in the snapshot', async () => {
    org.seed('Account', accountRows(2));
    const { store } = await storeFor(org);
    const [row] = invoiceRows(1, 2) as [Row];
    const result = await store.upsert(INVOICE, [row, { ...row, Status__c: 'Paid' }]);
    expect(result).toMatchObject({ created: 1, updated: 1, failures: [] });
    expect(org.data.all('Invoice__c')[0]?.get('Status__c')).toBe('Paid');
  });

  test('a row without its external ID is reported, not sent', async () => {
    org.seed('Account', accountRows(2));
    const { store } = await storeFor(org);
    const result = await store.upsert(INVOICE, [{ ...(invoiceRows(1, 2)[0] as Row), Invoice_Number__c: '' }]);
    expect(result.failures).toEqual([
      { key: 'row 1', code: 'MISSING_KEY', message: 'Invoice_Number__c is blank', field: 'Invoice_Number__c' },
    ]);
    expect(store.usage().requests).toBe(0);
  });

  test('a column the schema does not know stops the write before anything is sent', async () => {
    const { store } = await storeFor(org);
    await expect(store.upsert(INVOICE, [{ Invoice_Number__c: 'INV-1', 'Name; DROP': 'x' }])).rejects.toMatchObject({
      code: 'UnknownColumn',
    });
    expect(org.requestCount).toBe(0);
  });
});

describe('large sets: Bulk API 2.0 ingest jobs', () => {
  test('5,000 rows go in one job, and rewriting them creates nothing', async () => {
    org.seed('Account', accountRows(50));
    const { store } = await storeFor(org);
    const rows = invoiceRows(5000, 50);

    const first = await store.upsert(INVOICE, rows);
    expect(first).toMatchObject({ created: 5000, updated: 0, failures: [] });
    expect(org.rows('Invoice__c', columnsOf(INVOICE))).toEqual(sortRows(rows));
    // create, upload, UploadComplete, 2 polls, successful results (no failures: no failedResults)
    expect(org.countRequests('POST', /\/jobs\/ingest$/)).toBe(1);
    expect(org.countRequests('PUT', /\/batches$/)).toBe(1);
    expect(store.usage().requests).toBe(6);
    // the results come back in another order than the upload: ids still follow the input
    const byNumber = new Map(
      org.data.all('Invoice__c').map((record) => [record.get('Invoice_Number__c'), record.get('Id')]),
    );
    expect(first.ids).toEqual(rows.map((row) => byNumber.get(row.Invoice_Number__c)));

    const again = await store.upsert(INVOICE, rows);
    expect(again).toMatchObject({ created: 0, updated: 5000, failures: [] });
    expect(again.ids).toEqual(first.ids);
    expect(org.data.all('Invoice__c')).toHaveLength(5000);
  });

  test('blanks are sent as #N/A and clear fields; a column absent from a row leaves the field alone', async () => {
    org.seed('Account', accountRows(3));
    const { store } = await storeFor(org, { collectionsThreshold: 0 });
    const rows = invoiceRows(4, 3);
    await store.upsert(INVOICE, rows);
    expect(org.data.all('Invoice__c').filter((record) => record.get('PO_Number__c') !== null)).toHaveLength(1);
    await store.upsert(INVOICE, [
      { Invoice_Number__c: 'INV-000004', PO_Number__c: '' },
      { Invoice_Number__c: 'INV-000001', Status__c: 'Disputed', 'Account__r.Customer_Number__c': 'CUST-000003' },
    ]);
    const byNumber = new Map(org.rows('Invoice__c', columnsOf(INVOICE)).map((row) => [row.Invoice_Number__c, row]));
    expect(byNumber.get('INV-000004')).toMatchObject({ PO_Number__c: '', Amount__c: '104.25', Status__c: 'Open' });
    expect(byNumber.get('INV-000001')).toMatchObject({
      Status__c: 'Disputed',
      'Account__r.Customer_Number__c': 'CUST-000003',
      Amount__c: '101.25',
    });
  });

  test('objects keyed by Id: one insert job and one update job, results matched back to the input', async () => {
    org.seed('Account', accountRows(20));
    const { store } = await storeFor(org, { collectionsThreshold: 10 });
    const plans = await store.upsert(PAYMENT_PLAN, paymentPlanRows(30, 20));
    expect(plans).toMatchObject({ created: 30, failures: [] });
    const planIds = plans.ids as string[];
    const installments = installmentRows(planIds);
    const inserted = await store.upsert(INSTALLMENT, installments);
    expect(inserted).toMatchObject({ created: 30, failures: [] });
    for (const [index, id] of (inserted.ids as string[]).entries()) {
      expect(org.data.byId(id)?.record.get('Payment_Plan__c')).toBe(planIds[index]);
    }
    const paid = installments.map((row, index) => ({
      ...row,
      Id: inserted.ids[index] as string,
      Status__c: 'Paid',
      Amount_Paid__c: row.Amount__c as string,
    }));
    const updated = await store.upsert(INSTALLMENT, paid);
    expect(updated).toMatchObject({ created: 0, updated: 30, failures: [] });
    expect(org.countRequests('POST', /\/jobs\/ingest$/)).toBe(3);
    const read = await readAll(store.read(INSTALLMENT));
    expect(sortRows(read)).toEqual(sortRows(paid));
  });

  test('a job never exceeds the byte limit: a large set is split into several jobs', async () => {
    org.seed('Account', accountRows(10));
    const { store } = await storeFor(org, { collectionsThreshold: 0, maxJobBytes: 200_000 });
    const result = await store.upsert(INVOICE, invoiceRows(3000, 10));
    expect(result).toMatchObject({ created: 3000, failures: [] });
    const jobs = org.countRequests('POST', /\/jobs\/ingest$/);
    expect(jobs).toBeGreaterThan(1);
    expect(store.usage().requests).toBe(jobs * 6);
  });
});

describe('requests grow with the data size, not with the row count', () => {
  async function requestsFor(count: number, threshold?: number): Promise<number> {
    const { store } = await storeFor(org, threshold === undefined ? {} : { collectionsThreshold: threshold });
    const result = await store.upsert(INVOICE, invoiceRows(count, 100, count * 100));
    expect(result.failures).toEqual([]);
    return store.usage().requests;
  }

  test('10,000 rows cost the same order of requests as 1,000', async () => {
    org.seed('Account', accountRows(100));
    const thousand = await requestsFor(1000);
    const tenThousand = await requestsFor(10_000);
    const thousandByJob = await requestsFor(1000, 0);
    expect({ thousand, tenThousand, thousandByJob }).toEqual({ thousand: 5, tenThousand: 6, thousandByJob: 6 });
  });
});
