/**
 * `collections run` end to end on a real snapshot directory: CSV files in, plan printed, notices
 * written to the outbox as .eml, records upserted; applying the same as-of date again changes
 * nothing (byte-identical files but the run log).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDay } from '../../src/domain/calendar';
import { runCli } from '../../src/cli/main';
import { seedStore } from '../../src/records/portfolioRecords';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { generatePortfolio } from '../../src/synthetic/generatePortfolio';
import { applyDayPlan } from '../../src/batch/nightlyRun';
import { planDay } from '../../src/domain/engine/planDay';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import type { Delivery } from '../../src/records/planRecords';
import type { OutgoingNotice } from '../../src/store/store';
import { captureIO, PROJECT_DIR, type CapturedIO } from '../commandIO';

let clock = Date.parse('2026-11-22T14:00:00Z');

/** An IO whose clock moves a second per reading, as a real one would between runs. */
const io = (cwd: string): CapturedIO => captureIO(cwd, () => new Date((clock += 1000)));

function snapshotFiles(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((name) => name.endsWith('.csv') && name !== 'Collections_Run__c.csv')
      .map((name) => [name, readFileSync(join(dir, name), 'utf8')]),
  );
}

let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collections-run-'));
  const portfolio = generatePortfolio({
    seed: 3,
    accounts: 40,
    invoicesPerAccount: 5,
    asOf: parseDay('2026-11-22'),
    historyDays: 150,
  });
  await seedStore(new SnapshotStore(join(dir, '.collections'), PROJECT_DIR), portfolio);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('the plan changes nothing; --apply writes notices and records; a second --apply changes nothing', async () => {
  const snapshot = join(dir, '.collections');
  const before = snapshotFiles(snapshot);

  const plan = io(dir);
  expect(await runCli(['run', '--as-of', '2026-11-22'], plan)).toBe(0);
  expect(plan.out[0]).toMatch(/^Plan for 2026-11-22 on snapshot .*: \d+ actions, \d+ cases refreshed$/);
  expect(snapshotFiles(snapshot)).toEqual(before);

  const first = io(dir);
  expect(await runCli(['run', '--as-of', '2026-11-22', '--apply', '--json'], first)).toBe(0);
  const result = JSON.parse(first.out.join('\n')).result;
  expect(result.applied.noticesSent).toBeGreaterThan(0);
  const emls = readdirSync(join(snapshot, 'outbox', '2026-11-22'));
  expect(emls).toHaveLength(result.applied.noticesSent);
  const afterFirst = snapshotFiles(snapshot);
  expect(afterFirst['Dunning_Notice__c.csv']).toBeDefined();

  const second = io(dir);
  expect(await runCli(['run', '--as-of', '2026-11-22', '--apply', '--json'], second)).toBe(0);
  const again = JSON.parse(second.out.join('\n')).result;
  expect(again.actions).toEqual([]);
  expect(snapshotFiles(snapshot)).toEqual(afterFirst);
  expect(readdirSync(join(snapshot, 'outbox', '2026-11-22'))).toEqual(emls);
  // every run left a run log record: plan, apply, apply
  expect(readFileSync(join(snapshot, 'Collections_Run__c.csv'), 'utf8').trim().split('\n')).toHaveLength(4);
});

test('an .eml notice names the overdue invoices, escapes the customer name and carries payment instructions', async () => {
  const store = new SnapshotStore(join(dir, '.collections'), PROJECT_DIR);
  await store.upsert({ object: 'Account', key: 'Customer_Number__c', columns: [] }, [
    { Customer_Number__c: 'CUST-000001', Name: '<b>Acme</b> & "Sons"' },
  ]);
  expect(await runCli(['run', '--as-of', '2026-11-22', '--apply'], io(dir))).toBe(0);
  const outbox = join(dir, '.collections', 'outbox', '2026-11-22');
  const files = readdirSync(outbox).filter((name) => name.startsWith('CUST-000001'));
  expect(files.length).toBeGreaterThan(0);
  const eml = readFileSync(join(outbox, files[0] as string), 'utf8');
  expect(eml).toMatch(/^Date: .+\r\nFrom: .+\r\nTo: ap\+1@customer\.example\r\nSubject: /);
  const parts = eml.split(/\r\n--=_[0-9a-f]+(?:--)?\r\n/);
  const html = Buffer.from(
    (parts.find((p) => p.includes('text/html')) ?? '').split('\r\n\r\n')[1] ?? '',
    'base64',
  ).toString('utf8');
  expect(html).toContain('&lt;b&gt;Acme&lt;/b&gt; &amp; &quot;Sons&quot;');
  expect(html).not.toContain('<b>Acme</b>');
  expect(html).toMatch(/INV-\d{8}/);
});

test('a bad --as-of is a usage error with exit code 2', async () => {
  const bad = io(dir);
  expect(await runCli(['run', '--as-of', '2026-02-30'], bad)).toBe(2);
  expect(bad.err[0]).toBe('Error (UsageError): --as-of: "2026-02-30" is not a date on the calendar');
});

test('an email whose answer was lost stays Planned, is never sent again, and the next run warns about it', async () => {
  const snapshot = join(dir, '.collections');
  /** A snapshot whose first email of a night is handed over but its answer lost. */
  class LossyStore extends SnapshotStore {
    lost: string | undefined;
    override async deliverNotices(items: readonly OutgoingNotice[], asOf: number): Promise<Delivery[]> {
      const delivered = await super.deliverNotices(items, asOf);
      this.lost = items[0]?.notice.key;
      return delivered.map((d, i) => (i === 0 ? { outcome: 'Unconfirmed', detail: 'connection dropped' } : d));
    }
  }
  const store = new LossyStore(snapshot, PROJECT_DIR);
  const policy = await store.loadPolicy();
  const portfolio = await portfolioFromStore(store, policy.corporateCurrency);
  const plan = planDay(portfolio, policy, parseDay('2026-11-22'));
  const outcome = await applyDayPlan(store, policy, portfolio, plan);
  expect(outcome.deliveryFailures.map((f) => f.key)).toEqual([store.lost]);

  const after = await portfolioFromStore(store, policy.corporateCurrency);
  const record = after.notices.find((n) => n.key === store.lost);
  expect(record?.status).toBe('Planned');
  for (const day of ['2026-11-22', '2026-11-23']) {
    expect(planDay(after, policy, parseDay(day)).actions.map((a) => a.key)).not.toContain(store.lost);
  }
  const next = io(dir);
  await runCli(['run', '--as-of', '2026-11-23'], next);
  expect(next.err.join('\n')).toContain(`1 email notice(s) of earlier runs were handed to the org but never confirmed`);
  expect(next.err.join('\n')).toContain(store.lost as string);
});
