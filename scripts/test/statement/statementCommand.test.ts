/**
 * `collections statement` end to end on a temporary snapshot: the files per account, the printed
 * paths, the --json result, and the errors a user can act on.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';
import { seedStore } from '../../src/records/portfolioRecords';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { statementPortfolio } from './fixture';
import { captureIO, PROJECT_DIR, type CapturedIO } from '../commandIO';

const io = (cwd: string): CapturedIO => captureIO(cwd, () => new Date('2026-11-30T15:00:00Z'));

let dir: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collections-statement-'));
  await seedStore(new SnapshotStore(join(dir, '.collections'), PROJECT_DIR), statementPortfolio());
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('writes an HTML and a CSV statement per account and prints their paths', async () => {
  const run = io(dir);
  expect(
    await runCli(['statement', '--account', 'CUST-100', '--account', 'CUST-200', '--as-of', '2026-11-30'], run),
  ).toBe(0);
  expect(run.err).toEqual([]);
  expect(run.out[0]).toMatch(/^Statements as of 2026-11-30 \(payments from 2026-09-01\) on snapshot .*: 2 accounts$/);
  expect(run.out.slice(1)).toEqual([
    `  ${join('statements', 'CUST-100-2026-11-30.html')}`,
    `  ${join('statements', 'CUST-100-2026-11-30.csv')}`,
    `  ${join('statements', 'CUST-200-2026-11-30.html')}`,
    `  ${join('statements', 'CUST-200-2026-11-30.csv')}`,
  ]);
  expect(readdirSync(join(dir, 'statements')).sort()).toEqual([
    'CUST-100-2026-11-30.csv',
    'CUST-100-2026-11-30.html',
    'CUST-200-2026-11-30.csv',
    'CUST-200-2026-11-30.html',
  ]);
  const french = readFileSync(join(dir, 'statements', 'CUST-100-2026-11-30.html'), 'utf8');
  expect(french).toContain('Relevé de compte');
  expect(french).toContain('1\u202f700,00\u00a0€');
  const english = readFileSync(join(dir, 'statements', 'CUST-200-2026-11-30.csv'), 'utf8');
  expect(english).toContain('Balance due');
});

test('--json returns the statements, with --from and --out-dir', async () => {
  const run = io(dir);
  expect(
    await runCli(
      [
        'statement',
        '--account',
        'CUST-100',
        '--as-of',
        '2026-11-30',
        '--from',
        '2026-08-01',
        '--out-dir',
        'out/st',
        '--json',
      ],
      run,
    ),
  ).toBe(0);
  const envelope = JSON.parse(run.out.join('\n'));
  expect(envelope.status).toBe(0);
  const [statement] = envelope.result.statements;
  expect(envelope.result.from).toBe('2026-08-01');
  expect(statement.sections[0].payments.map((p: { paymentReference: string }) => p.paymentReference)).toEqual([
    'P-OLD',
    'P-FULL',
    'P-NEW',
  ]);
  expect(statement.sections.map((s: { balance: string }) => s.balance)).toEqual(['1700.00', '1234.56']);
  expect(existsSync(statement.files.html)).toBe(true);
  expect(statement.files.csv).toBe(join(dir, 'out', 'st', 'CUST-100-2026-11-30.csv'));
});

test('an unknown customer is an error naming it, and nothing is written', async () => {
  const run = io(dir);
  expect(
    await runCli(['statement', '--account', 'CUST-100', '--account', 'CUST-404', '--as-of', '2026-11-30'], run),
  ).toBe(1);
  expect(run.err[0]).toMatch(/^Error \(UnknownCustomer\): No account has the customer number "CUST-404" in snapshot/);
  expect(existsSync(join(dir, 'statements'))).toBe(false);
});

test('no --account, or a --from after the as-of date, is a usage error', async () => {
  const none = io(dir);
  expect(await runCli(['statement', '--as-of', '2026-11-30'], none)).toBe(2);
  expect(none.err[0]).toContain('--account');
  const late = io(dir);
  expect(
    await runCli(['statement', '--account', 'CUST-100', '--as-of', '2026-11-30', '--from', '2026-12-01'], late),
  ).toBe(2);
  expect(late.err[0]).toContain('--from 2026-12-01 is after the as-of date 2026-11-30');
});
