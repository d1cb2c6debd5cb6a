/**
 * The demo end to end on real snapshot files: the same seed tells the same story byte for byte,
 * and the story keeps the rules (one notice per key, suspensions after a sent warning and the
 * notice period), and the demo never overwrites a directory it did not write.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDay } from '../../src/domain/calendar';
import { simulateDemo } from '../../src/demo/simulateDemo';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import { CollectionsError } from '../../src/cli/errors';
import { runCli } from '../../src/cli/main';

const PROJECT_DIR = resolve(__dirname, '..', '..', '..');
const OPTIONS = {
  projectDir: PROJECT_DIR,
  seed: 7,
  accounts: 30,
  invoicesPerAccount: 8,
  start: parseDay('2026-08-01'),
  end: parseDay('2026-10-31'),
};

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name), `${prefix}${entry.name}/`);
      else out[`${prefix}${entry.name}`] = readFileSync(join(d, entry.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'collections-demo-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('the same seed gives the same snapshot and outbox, and the story keeps the rules', async () => {
  const first = await simulateDemo({ ...OPTIONS, dir: join(root, 'a') });
  await simulateDemo({ ...OPTIONS, dir: join(root, 'b') });
  expect(files(join(root, 'b'))).toEqual(files(join(root, 'a')));
  expect(first.noticesSent).toBeGreaterThan(50);
  expect(first.failures).toBe(0);

  const portfolio = await portfolioFromStore(first.store, 'USD');
  const keys = portfolio.notices.map((n) => n.key);
  expect(new Set(keys).size).toBe(keys.length);
  const suspensions = portfolio.notices.filter((n) => n.action === 'Suspension');
  expect(suspensions.length).toBeGreaterThan(0);
  for (const suspension of suspensions) {
    const warning = portfolio.notices.find(
      (n) => n.caseKey === suspension.caseKey && n.action === 'Suspension_Warning',
    );
    expect(warning?.status).toBe('Sent');
    expect((suspension.sentDate ?? 0) - (warning?.sentDate ?? Infinity)).toBeGreaterThanOrEqual(15);
  }
  // every notice sent by email is in the outbox exactly once
  const emails = portfolio.notices.filter(
    (n) => n.status === 'Sent' && ['Courtesy_Reminder', 'Reminder', 'Suspension_Warning'].includes(n.action),
  );
  const outbox = readdirSync(first.store.outboxDir).flatMap((day) => readdirSync(join(first.store.outboxDir, day)));
  expect(outbox).toHaveLength(emails.length);
});

test('the demo refuses a directory holding data it did not write', async () => {
  const dir = join(root, 'real');
  mkdirSync(dir);
  writeFileSync(join(dir, 'Account.csv'), 'Customer_Number__c\nREAL-1\n');
  await expect(simulateDemo({ ...OPTIONS, end: parseDay('2026-08-03'), dir })).rejects.toThrow(CollectionsError);
  expect(readFileSync(join(dir, 'Account.csv'), 'utf8')).toBe('Customer_Number__c\nREAL-1\n');
});

test('collections demo ends with the report and the handoff packet of the last night', async () => {
  const out: string[] = [];
  const io = {
    log: (l: string) => out.push(l),
    error: () => undefined,
    cwd: root,
    projectDir: PROJECT_DIR,
    now: () => new Date('2026-11-22T12:00:00Z'),
    env: {},
  };
  const dir = join(root, 'cli');
  expect(await runCli(['demo', '--days', '100', '--accounts', '25', '--dir', dir, '--json'], io)).toBe(0);
  const result = JSON.parse(out.join('\n')).result;
  expect(result.report).toBe(join(dir, 'report', 'report.html'));
  expect(readFileSync(result.report, 'utf8')).toContain('<svg');
  expect(readdirSync(join(dir, 'report')).sort()).toEqual([
    'aging.csv',
    'report.html',
    'report.xlsx',
    'top-accounts.csv',
    'unapplied-cash.csv',
  ]);
  expect(readdirSync(result.handoff).some((name) => name.startsWith('summary-2026-11-22'))).toBe(true);
});
