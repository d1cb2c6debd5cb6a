/**
 * Reading the org: one Bulk API 2.0 query job per object, built from the schema's columns, result
 * sets fetched by Sforce-Locator and streamed; every object of the snapshot, across several pages.
 */
import { SNAPSHOT_OBJECTS, INVOICE, ACCOUNT } from '../../src/records/schema';
import { CollectionsError, EXIT } from '../../src/cli/errors';
import type { FakeOrg } from './fakeOrg';
import { readAll, sortRows, startFakeOrg, storeFor, useTemporaryHome } from './harness';
import { seedEverything } from './fixtures';

useTemporaryHome();

let org: FakeOrg;
beforeEach(async () => {
  org = await startFakeOrg({ queryPageSize: 7 });
  seedEverything(org, 20);
});
afterEach(async () => {
  expect(org.unhandled).toEqual([]);
  await org.close();
});

test('every object of the schema reads back through Bulk API query jobs across several locator pages', async () => {
  const { store } = await storeFor(org);
  for (const schema of SNAPSHOT_OBJECTS) {
    const from = org.requestCount;
    const rows = await readAll(store.read(schema));
    const columns = schema.columns.map((column) => column.name);
    expect(rows.length).toBe(20);
    for (const row of rows) expect(Object.keys(row)).toEqual(columns);
    expect(sortRows(rows)).toEqual(org.rows(schema.object, columns));
    // 20 rows, 7 a set: 3 result sets, after 1 job creation and 2 polls
    expect(org.countRequests('GET', /\/jobs\/query\/\w+\/results$/, from)).toBe(3);
    expect(org.requestCount - from).toBe(1 + 2 + 3);
  }
  expect(store.usage().requests).toBe(SNAPSHOT_OBJECTS.length * 6);
});

test('relationship columns come back as written and blank values as empty strings', async () => {
  const { store } = await storeFor(org);
  const invoices = await readAll(store.read(INVOICE));
  const first = invoices.find((row) => row.Invoice_Number__c === 'INV-000004');
  expect(first?.['Account__r.Customer_Number__c']).toBe('CUST-000005');
  expect(first?.PO_Number__c).toBe('PO-4');
  expect(invoices.find((row) => row.Invoice_Number__c === 'INV-000001')?.PO_Number__c).toBe('');
  const accounts = await readAll(store.read(ACCOUNT));
  expect(accounts.find((row) => row.Customer_Number__c === 'CUST-000007')?.Exemption_Reason__c).toBe(
    'Strategic "key" account',
  );
});

test('rows are handed on set by set: the first rows arrive before the last set is fetched', async () => {
  const { store } = await storeFor(org);
  const iterator = store.read(INVOICE)[Symbol.asyncIterator]();
  const first = await iterator.next();
  expect(first.done).toBe(false);
  expect(org.countRequests('GET', /\/results$/)).toBe(1);
  await iterator.return?.();
});

test('the query is built from the schema only, and the daily API usage is read from the answers', async () => {
  const { store } = await storeFor(org);
  expect(store.usage()).toEqual({ requests: 0, remaining: null, max: null });
  await readAll(store.read(INVOICE));
  expect(org.queries).toEqual([`SELECT ${INVOICE.columns.map((column) => column.name).join(', ')} FROM Invoice__c`]);
  expect(org.queries[0]).toContain('Account__r.Customer_Number__c');
  const usage = store.usage();
  expect(usage.max).toBe(100_000);
  expect(usage.remaining).toBe(100_000 - org.apiUsage.used);
  const refreshed = await store.refreshLimits();
  expect(refreshed).toEqual({ used: org.apiUsage.used, max: 100_000 });
  expect(store.usage().remaining).toBe(100_000 - org.apiUsage.used);
});

test('the daily limit reached in the middle of a read stops it with ApiLimitReached', async () => {
  const { store } = await storeFor(org);
  org.exhaustApiLimitAfter(4); // job, 2 polls, first result set
  const rows: unknown[] = [];
  const reading = (async () => {
    for await (const row of store.read(INVOICE)) rows.push(row);
  })();
  await expect(reading).rejects.toMatchObject({ code: 'ApiLimitReached', exitCode: EXIT.limit });
  await reading.catch((error: unknown) => expect(error).toBeInstanceOf(CollectionsError));
  expect(rows).toHaveLength(7);
  expect(org.log.at(-1)?.outcome).toBe(403);
});
