/**
 * The snapshot store behaves like the org where the batch depends on it: upserts by key change
 * nothing the second time, and a relationship to a record that is not there is refused with the
 * org's error, naming the field.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ACCOUNT, DISPUTE, DISPUTE_INVOICE, INVOICE } from '../../src/records/schema';
import { SnapshotStore } from '../../src/store/snapshotStore';

const PROJECT_DIR = resolve(__dirname, '..', '..', '..');
let dir: string;
let store: SnapshotStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collections-store-'));
  store = new SnapshotStore(dir, PROJECT_DIR);
  await store.upsert(ACCOUNT, [{ Customer_Number__c: 'C1', Name: 'Acme' }]);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const invoice = (number: string, customer: string) => ({
  Invoice_Number__c: number,
  'Account__r.Customer_Number__c': customer,
  CurrencyIsoCode: 'USD',
  Invoice_Date__c: '2026-01-01',
  Due_Date__c: '2026-01-31',
  Amount__c: '10.00',
});

test('an invoice of an unknown customer is refused like the org does; the others are written', async () => {
  const result = await store.upsert(INVOICE, [invoice('INV-1', 'C1'), invoice('INV-2', 'C404')]);
  expect(result.created).toBe(1);
  expect(result.failures).toEqual([
    {
      key: 'INV-2',
      code: 'INVALID_FIELD',
      field: 'Account__r.Customer_Number__c',
      message: 'Foreign key external ID: C404 not found for field Customer_Number__c in entity Account',
    },
  ]);
  expect(readFileSync(join(dir, 'Invoice__c.csv'), 'utf8')).not.toContain('INV-2');
});

test('a parent written later in the same run is found (the key cache follows writes)', async () => {
  expect((await store.upsert(INVOICE, [invoice('INV-3', 'C2')])).failures).toHaveLength(1);
  await store.upsert(ACCOUNT, [{ Customer_Number__c: 'C2', Name: 'Beta' }]);
  expect((await store.upsert(INVOICE, [invoice('INV-3', 'C2')])).created).toBe(1);
});

test('a line of an unknown dispute Id is refused; the same rows again change nothing', async () => {
  await store.upsert(INVOICE, [invoice('INV-1', 'C1')]);
  const dispute = await store.upsert(DISPUTE, [
    { Id: '', 'Account__r.Customer_Number__c': 'C1', Status__c: 'Open', Opened_Date__c: '2026-02-01' },
  ]);
  const line = (disputeId: string) => ({
    Id: '',
    Dispute__c: disputeId,
    'Invoice__r.Invoice_Number__c': 'INV-1',
    CurrencyIsoCode: 'USD',
    Disputed_Amount__c: '5.00',
  });
  const lines = await store.upsert(DISPUTE_INVOICE, [line(dispute.ids[0] ?? ''), line('DISL99999999999999')]);
  expect(lines.created).toBe(1);
  expect(lines.failures.map((f) => [f.code, f.field])).toEqual([['INVALID_FIELD', 'Dispute__c']]);
  const again = await store.upsert(ACCOUNT, [{ Customer_Number__c: 'C1', Name: 'Acme' }]);
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
});

test('updates merge in place, keep the file order and its extra columns, and append new rows', async () => {
  await store.upsert(INVOICE, [invoice('INV-1', 'C1'), invoice('INV-2', 'C1'), invoice('INV-3', 'C1')]);
  // A column of a newer export that the schema does not know survives merges.
  const file = join(dir, 'Invoice__c.csv');
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  writeFileSync(file, [`${header},Legacy_Code__c`, ...lines.map((line) => `${line},keep`)].join('\n') + '\n');

  const result = await store.upsert(INVOICE, [
    { ...invoice('INV-2', 'C1'), Amount__c: '12.00' },
    invoice('INV-4', 'C1'),
    { ...invoice('INV-2', 'C1'), Amount__c: '12.50' },
    invoice('INV-1', 'C1'),
  ]);

  expect({ created: result.created, updated: result.updated, unchanged: result.unchanged }).toEqual({
    created: 1,
    updated: 2,
    unchanged: 1,
  });
  const rows = [];
  for await (const row of store.read(INVOICE)) rows.push(row);
  expect(rows.map((row) => [row.Invoice_Number__c, row.Amount__c, row.Legacy_Code__c])).toEqual([
    ['INV-1', '10.00', 'keep'],
    ['INV-2', '12.50', 'keep'],
    ['INV-3', '10.00', 'keep'],
    ['INV-4', '10.00', ''],
  ]);
});

test('a merge that changes nothing leaves the file untouched, byte for byte', async () => {
  await store.upsert(INVOICE, [invoice('INV-1', 'C1'), invoice('INV-2', 'C1')]);
  const file = join(dir, 'Invoice__c.csv');
  const before = readFileSync(file);
  const modified = statSync(file).mtimeMs;

  const result = await store.upsert(INVOICE, [invoice('INV-2', 'C1'), invoice('INV-1', 'C1')]);

  expect(result.unchanged).toBe(2);
  expect(readFileSync(file)).toEqual(before);
  expect(statSync(file).mtimeMs).toBe(modified);
  expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
});
