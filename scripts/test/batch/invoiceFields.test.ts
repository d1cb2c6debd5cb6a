/**
 * The night keeps the Invoice__c fields the console reads true (invoiceState.ts), through
 * `collections run --apply` on a snapshot: the first night writes the invoices whose records are
 * not, a second apply of the same night writes nothing, and the next night only what moved.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseCsv } from '../../src/records/csv';
import { disputeRows, seedStore } from '../../src/records/portfolioRecords';
import * as S from '../../src/records/schema';
import type { Row } from '../../src/records/schema';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { captureIO, PROJECT_DIR } from '../commandIO';
import { PortfolioBuilder } from '../domain/engine/scenario';

let clock = Date.parse('2026-02-01T23:00:00Z');
let dir: string;
let snapshot: string;
let store: SnapshotStore;

const FIELDS = [
  'Open_Balance__c',
  'Status__c',
  'Disputed_Amount__c',
  'Last_Dunning_Date__c',
  'Last_Dunning_Level__c',
] as const;

/** Each invoice's five kept fields, as the snapshot's Invoice__c.csv holds them. */
function invoiceFields(): Record<string, string> {
  const rows = parseCsv(readFileSync(join(snapshot, 'Invoice__c.csv'), 'utf8'), 'Invoice__c.csv');
  return Object.fromEntries(
    rows.map((row) => [row.Invoice_Number__c, FIELDS.map((field) => row[field] ?? '').join('|')]),
  );
}

function snapshotFiles(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(snapshot)
      .filter((name) => name.endsWith('.csv') && name !== 'Collections_Run__c.csv')
      .map((name) => [name, readFileSync(join(snapshot, name), 'utf8')]),
  );
}

/** `collections run --as-of <day> --apply --json`: what it wrote to Invoice__c. */
async function applyNight(
  day: string,
): Promise<{ created: number; updated: number; unchanged: number; failed: number }> {
  const io = captureIO(dir, () => new Date((clock += 1000)));
  expect(await runCli(['run', '--as-of', day, '--apply', '--json'], io)).toBe(0);
  const { written } = JSON.parse(io.out.join('\n')).result.applied;
  return written.Invoice__c;
}

async function write(schema: S.ObjectSchema, rows: Row[]): Promise<string | undefined> {
  const result = await store.upsert(schema, rows);
  expect(result.failures).toEqual([]);
  return result.ids[0];
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collections-invoices-'));
  snapshot = join(dir, '.collections');
  store = new SnapshotStore(snapshot, PROJECT_DIR);
  // Arrange: a partly paid overdue invoice, a paid one whose record is already true (written as a
  // person would, "0" for 0.00), an invoice under dispute, an unused credit memo
  const builder = new PortfolioBuilder()
    .account('C1')
    .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
    .invoice('INV-2', 'C1', '300.00', 'USD', '2026-01-01', '2026-01-31')
    .invoice('INV-3', 'C1', '500.00', 'USD', '2026-01-01', '2026-02-15')
    .invoice('CM-1', 'C1', '-200.00', 'USD', '2026-01-10', '2026-01-10')
    .payment('P-1', 'C1', '400.00', 'USD', '2026-01-20', 'INV-1')
    .payment('P-2', 'C1', '300.00', 'USD', '2026-01-25', 'INV-2')
    .dispute('D-1', 'C1', '2026-01-28', [['INV-3', '120.00', 'USD']]);
  await seedStore(store, builder.portfolio);
  const [dispute] = builder.portfolio.disputes;
  if (!dispute) throw new Error('a dispute expected');
  const rows = disputeRows({ ...dispute, id: '' });
  const id = await write(S.DISPUTE, [rows.dispute]);
  await write(S.DISPUTE_INVOICE, rows.lines(id ?? ''));
  await write(S.INVOICE, [
    { Invoice_Number__c: 'INV-2', Open_Balance__c: '0', Status__c: 'Paid', Disputed_Amount__c: '0' },
  ]);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('run --apply writes the open balances, statuses, disputes and reminders; the same night again writes nothing', async () => {
  // Act: the first night (Reminder_1 for INV-1, overdue since 2026-01-31)
  const first = await applyNight('2026-02-01');

  // Assert: the three invoices whose records were not true, and only the five fields
  expect(first).toEqual({ created: 0, updated: 3, unchanged: 0, failed: 0 });
  expect(invoiceFields()).toEqual({
    'INV-1': '600.00|Partially_Paid||2026-02-01|1',
    'INV-2': '0|Paid|0||',
    'INV-3': '500.00|Open|120.00||',
    'CM-1': '-200.00|Open|||',
  });
  const rows = parseCsv(readFileSync(join(snapshot, 'Invoice__c.csv'), 'utf8'), 'Invoice__c.csv');
  expect(rows.find((row) => row.Invoice_Number__c === 'INV-1')).toMatchObject({
    Amount__c: '1000.00',
    Due_Date__c: '2026-01-31',
    'Account__r.Customer_Number__c': 'C1',
  });
  const afterFirst = snapshotFiles();

  // Act and assert: the same night again changes nothing
  expect(await applyNight('2026-02-01')).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 0 });
  expect(snapshotFiles()).toEqual(afterFirst);
});

test('the next night writes only the invoices that moved: a payment and a resolved dispute', async () => {
  await applyNight('2026-02-01');

  // Arrange: INV-1 paid in full on 2026-02-02, the dispute on INV-3 resolved that day
  await write(S.PAYMENT, [
    {
      Payment_Reference__c: 'P-3',
      Name: 'P-3',
      'Account__r.Customer_Number__c': 'C1',
      CurrencyIsoCode: 'USD',
      Received_Date__c: '2026-02-02',
      Amount__c: '600.00',
    },
  ]);
  await write(S.PAYMENT_APPLICATION, [
    {
      Application_Key__c: 'P-3/INV-1',
      'Payment__r.Payment_Reference__c': 'P-3',
      'Invoice__r.Invoice_Number__c': 'INV-1',
      CurrencyIsoCode: 'USD',
      Applied_Date__c: '2026-02-02',
      Amount__c: '600.00',
    },
  ]);
  const [dispute] = parseCsv(readFileSync(join(snapshot, 'Dispute__c.csv'), 'utf8'), 'Dispute__c.csv');
  await write(S.DISPUTE, [{ Id: dispute?.Id ?? '', Status__c: 'Resolved', Resolved_Date__c: '2026-02-02' }]);

  // Act
  const next = await applyNight('2026-02-02');

  // Assert: the reminder's date and level stay on the paid invoice
  expect(next).toEqual({ created: 0, updated: 2, unchanged: 0, failed: 0 });
  expect(invoiceFields()).toEqual({
    'INV-1': '0.00|Paid||2026-02-01|1',
    'INV-2': '0|Paid|0||',
    'INV-3': '500.00|Open|||',
    'CM-1': '-200.00|Open|||',
  });
});

test('a kept field the batch cannot read does not stop the night: it is rewritten', async () => {
  // Arrange: three decimals in a USD balance (the org's Currency(15,3) fields allow them)
  await write(S.INVOICE, [{ Invoice_Number__c: 'INV-3', Open_Balance__c: '500.001', Status__c: 'Open' }]);

  // Act
  const night = await applyNight('2026-02-01');

  // Assert
  expect(night.failed).toBe(0);
  expect(invoiceFields()['INV-3']).toBe('500.00|Open|120.00||');
});
