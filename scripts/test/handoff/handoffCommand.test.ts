/**
 * `collections handoff` end to end on a temporary snapshot holding the records of fixture.ts:
 * the CSV files and the summary, what it prints, the --json packet, and the empty case.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { parseCsv } from '../../src/records/csv';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { handoffExtra, handoffPortfolio, REFERRED, seedHandoff, SUSPENDED } from './fixture';
import { captureIO, PROJECT_DIR, type CapturedIO } from '../commandIO';

const io = (cwd: string): CapturedIO => captureIO(cwd, () => new Date('2026-11-30T15:00:00Z'));

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collections-handoff-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes the CSV files and the summary, and prints the summary and the paths', async () => {
  await seedHandoff(new SnapshotStore(join(dir, '.collections'), PROJECT_DIR), handoffPortfolio(), handoffExtra());
  const run = io(dir);
  expect(await runCli(['handoff', '--as-of', '2026-11-30'], run)).toBe(0);
  expect(run.err).toEqual([]);
  expect(readdirSync(join(dir, 'handoff')).sort()).toEqual([
    'handoff-2026-11-30-accounts.csv',
    'handoff-2026-11-30-disputes.csv',
    'handoff-2026-11-30-invoices.csv',
    'handoff-2026-11-30-notices.csv',
    'handoff-2026-11-30-plans.csv',
    'handoff-2026-11-30-promises.csv',
    'summary-2026-11-30.md',
  ]);
  const printed = run.out.join('\n');
  expect(printed).toContain('# Write-off handoff as of 2026-11-30');
  expect(printed).toContain(`## Suspendu SA (${SUSPENDED})`);
  expect(printed).toContain(`  ${join('handoff', 'summary-2026-11-30.md')}`);
  expect(readFileSync(join(dir, 'handoff', 'summary-2026-11-30.md'), 'utf8')).toContain(
    'delivery Bounced (550 mailbox unavailable)',
  );

  // read back from the snapshot: the delivery outcomes, the names of promises and disputes, the installments
  const notices = parseCsv(readFileSync(join(dir, 'handoff', 'handoff-2026-11-30-notices.csv'), 'utf8'), 'notices');
  expect(notices.map((row) => [row.Action, row.Status, row['Delivery outcome']])).toEqual([
    ['Courtesy_Reminder', 'Sent', 'Accepted'],
    ['Reminder', 'Sent', 'Accepted'],
    ['Reminder', 'Failed', 'Bounced'],
    ['Suspension_Warning', 'Sent', 'Accepted'],
    ['Suspension', 'Sent', 'Not_Applicable'],
    ['Write_Off_Referral', 'Sent', 'Not_Applicable'],
  ]);
  const promises = parseCsv(readFileSync(join(dir, 'handoff', 'handoff-2026-11-30-promises.csv'), 'utf8'), 'promises');
  expect(promises.map((row) => [row.Promise, row.Status, row['Amount received']])).toEqual([
    ['PTP-0001', 'Broken', '0.00'],
    ['PTP-0002', 'Kept', '500.00'],
  ]);
  const disputes = parseCsv(readFileSync(join(dir, 'handoff', 'handoff-2026-11-30-disputes.csv'), 'utf8'), 'disputes');
  expect(disputes.map((row) => [row.Dispute, row['Reason code'], row.Invoice, row['Disputed amount']])).toEqual([
    ['DSP-000001', 'Pricing', 'INV-S1', '300.00'],
  ]);
  const plans = parseCsv(readFileSync(join(dir, 'handoff', 'handoff-2026-11-30-plans.csv'), 'utf8'), 'plans');
  expect(plans.map((row) => [row.Plan, row.Status, row.Installment, row['Installment status']])).toEqual([
    ['PP-0001', 'Defaulted', '1', 'Paid'],
    ['PP-0001', 'Defaulted', '2', 'Missed'],
    ['PP-0001', 'Defaulted', '3', 'Scheduled'],
  ]);
});

test('--json returns the packet and the files', async () => {
  await seedHandoff(new SnapshotStore(join(dir, '.collections'), PROJECT_DIR), handoffPortfolio(), handoffExtra());
  const run = io(dir);
  expect(await runCli(['handoff', '--as-of', '2026-11-30', '--out-dir', 'out', '--json'], run)).toBe(0);
  const envelope = JSON.parse(run.out.join('\n'));
  expect(envelope.status).toBe(0);
  const packet = envelope.result;
  expect(packet.accounts.map((a: { customerNumber: string }) => a.customerNumber)).toEqual([REFERRED, SUSPENDED]);
  expect(packet.corporateCurrency).toBe('USD');
  expect(packet.corporateTotal).toBeNull();
  expect(packet.missingRates).toEqual(['GBP']);
  const suspended = packet.accounts[1];
  expect(suspended.corporateTotal).toBe('3422.22');
  expect(suspended.referrals.map((r: { key: string; status: string }) => `${r.key} ${r.status}`)).toEqual([
    'WOR-1 Approved',
  ]);
  expect(packet.files).toHaveLength(7);
  expect(packet.files.every((file: string) => file.startsWith(join(dir, 'out')) && existsSync(file))).toBe(true);
});

test('nothing referred: says so, exits 0 and writes nothing', async () => {
  const portfolio = handoffPortfolio();
  portfolio.accounts = portfolio.accounts.filter(
    (a) => a.customerNumber !== SUSPENDED && a.customerNumber !== REFERRED,
  );
  const extra = handoffExtra();
  extra.referrals = extra.referrals.filter((r) => r.customerNumber !== SUSPENDED);
  portfolio.notices = [];
  portfolio.promises = [];
  portfolio.disputes = [];
  portfolio.plans = [];
  portfolio.cases = [];
  portfolio.invoices = portfolio.invoices.filter((i) => i.customerNumber === 'CUST-PROP');
  portfolio.payments = [];
  portfolio.applications = [];
  await seedHandoff(new SnapshotStore(join(dir, '.collections'), PROJECT_DIR), portfolio, extra);
  const run = io(dir);
  expect(await runCli(['handoff', '--as-of', '2026-11-30'], run)).toBe(0);
  expect(run.out).toEqual([
    expect.stringMatching(/^No account is referred to write-off as of 2026-11-30 on snapshot /),
  ]);
  expect(existsSync(join(dir, 'handoff'))).toBe(false);
});
