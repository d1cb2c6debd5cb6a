/**
 * `collections report` end to end: a snapshot directory of Bulk API CSV files, the policy from
 * force-app, a CommandIO made here (clock included), reportCommand.run and the command line's
 * --json envelope.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FlagValues } from '../../src/cli/command';
import { reportCommand } from '../../src/cli/commands/report';
import { CollectionsError, EXIT } from '../../src/cli/errors';
import { runCli } from '../../src/cli/main';
import { parseDay } from '../../src/domain/calendar';
import { buildReport } from '../../src/report/buildReport';
import type { Report } from '../../src/report/model';
import { AS_OF, handMadePortfolio, writeSnapshot } from './fixture';
import { captureIO, type CapturedIO } from '../commandIO';

let dir: string;

const io = (now = '2026-04-01T02:00:00Z'): CapturedIO => captureIO(dir, () => new Date(now));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'collections-report-'));
  writeSnapshot(join(dir, 'snap'), handMadePortfolio());
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  flags: FlagValues,
  output = io(),
): Promise<{ result: Report & { files: string[] }; warnings: string[]; out: string[] }> {
  const outcome = await reportCommand.run({ snapshot: 'snap', ...flags }, output);
  expect(outcome.exitCode).toBe(EXIT.ok);
  return { result: outcome.result as Report & { files: string[] }, warnings: outcome.warnings ?? [], out: output.out };
}

test('reads the snapshot and gives the same report as the builder on the same portfolio', async () => {
  const { result, out } = await run({ 'as-of': AS_OF, json: true });
  const expected = buildReport(handMadePortfolio(), { corporateCurrency: 'USD' }, parseDay(AS_OF), 90);
  expect(JSON.stringify(result)).toBe(JSON.stringify({ ...expected, files: [] }));
  expect(out).toEqual([]); // --json: main prints the envelope
});

test('--json through the command line: the sf envelope with the result in the specified order', async () => {
  const output = io();
  const code = await runCli(['report', '--snapshot', 'snap', '--as-of', AS_OF, '--json'], output);
  expect(code).toBe(EXIT.ok);
  const envelope = JSON.parse(output.out.join('\n')) as { status: number; result: Report; warnings: string[] };
  expect(Object.keys(envelope)).toEqual(['status', 'result', 'warnings']);
  expect(envelope.status).toBe(0);
  expect(Object.keys(envelope.result).slice(0, 3)).toEqual(['asOf', 'windowDays', 'currencies']);
  expect(envelope.result.windowDays).toBe(90);
  const usd = envelope.result.currencies.find((entry) => entry.currency === 'USD');
  expect(Object.keys(usd ?? {})).toEqual([
    'currency',
    'open',
    'aging',
    'creditSales',
    'dso',
    'bestPossibleDso',
    'averageDaysDelinquent',
    'cei',
    'percentCurrent',
    'dsoCountback',
  ]);
  expect(usd?.open).toEqual({ amount: '2350.00', count: 4 });
  expect(usd?.cei).toBe(30.77);
});

test("the as-of date defaults to today in the policy's time zone", async () => {
  // 02:00 UTC on April 1st is still March 31st in Toronto
  const { result } = await run({ json: true }, io('2026-04-01T02:00:00Z'));
  expect(result.asOf).toBe('2026-03-31');
  const later = await run({ json: true }, io('2026-04-01T05:00:00Z'));
  expect(later.result.asOf).toBe('2026-04-01');
});

test('the readable summary, the HTML page and the exports next to it', async () => {
  const { result, out } = await run({ 'as-of': AS_OF, out: 'out/report.html' });
  const text = out.join('\n');
  expect(text).toContain('Collections report as of 2026-03-31, window 90 days');
  expect(text).toContain('USD: open USD 2,350.00 in 4 documents; credit sales in the window USD 4,500.00');
  expect(text).toMatch(/ {2}61-90 +USD 800\.00 +1/);
  expect(text).toContain('  DSO 47.00 days | best possible DSO 20.00 days | average days delinquent 27.00 days');
  expect(text).toContain('  CEI 30.77% | current 42.55% | countback DSO 67.78 days');
  expect(text).toContain('Corporate roll-up in USD: open USD 4,788.13, overdue USD 2,288.13');
  expect(text).toContain('  rate: 1 USD = 0.8 EUR, dated 2026-03-01');
  expect(text).toContain('  left out, no exchange rate dated on or before 2026-03-31: GBP');
  expect(text).toContain(
    'Unapplied cash: EUR 500.00 in 1 payment (1 with suggested invoices); USD 3,300.00 in 4 payments (2 with suggested invoices)',
  );
  expect(out.slice(-6)).toEqual([
    'Written:',
    `  ${join('out', 'report.html')}`,
    `  ${join('out', 'aging.csv')}`,
    `  ${join('out', 'top-accounts.csv')}`,
    `  ${join('out', 'unapplied-cash.csv')}`,
    `  ${join('out', 'report.xlsx')}`,
  ]);
  expect(result.files).toEqual(
    ['report.html', 'aging.csv', 'top-accounts.csv', 'unapplied-cash.csv', 'report.xlsx'].map((name) =>
      join(dir, 'out', name),
    ),
  );
  for (const file of result.files) expect(existsSync(file)).toBe(true);
  expect(readFileSync(join(dir, 'out', 'report.html'), 'utf8')).toContain(
    '<svg class="chart aging" data-currency="USD"',
  );
});

test('--out-dir alone writes the exports only', async () => {
  const { result } = await run({ 'as-of': AS_OF, 'out-dir': 'exports', json: true });
  expect(result.files.map((file) => file.slice(dir.length + 1))).toEqual(
    ['aging.csv', 'top-accounts.csv', 'unapplied-cash.csv', 'report.xlsx'].map((name) => join('exports', name)),
  );
});

test('--collector with --targets: the activity against the targets, in the summary too', async () => {
  writeFileSync(
    join(dir, 'targets.json'),
    JSON.stringify({ noticesSent: 10, promisesKept: 2, amountCollected: { USD: '5000' } }),
  );
  const { result, out } = await run({
    'as-of': AS_OF,
    window: '90',
    collector: 'ALICE@company.example',
    targets: 'targets.json',
  });
  expect(result.collectorAccounts).toBe(2);
  expect(result.activity).toMatchObject({ noticesSent: 3, callsLogged: 1, promisesObtained: 2, promisesKept: 1 });
  expect(result.activity?.targets).toMatchObject({ noticesSent: 10, promisesKept: 2, callsLogged: null });
  const text = out.join('\n');
  expect(text).toContain('; collector ALICE@company.example (2 accounts)');
  expect(text).toContain('Activity of ALICE@company.example from 2026-01-01 to 2026-03-31 (actual of target):');
  expect(text).toContain('  notices sent 3 of 10 (30%) | calls logged 1');
  expect(text).toContain('  promises obtained 2 | promises kept 1 of 2 (50%)');
  expect(text).toContain('  amount collected EUR 3,500.00');
  expect(text).toContain('  amount collected USD 4,700.00 of USD 5,000.00');
});

test('a collector without accounts is a warning, not an error', async () => {
  const { result, warnings } = await run({ 'as-of': AS_OF, collector: 'nobody', json: true });
  expect(result.currencies).toEqual([]);
  expect(warnings).toEqual([
    'No account has the collector nobody. Collectors: Alice@Company.example, alice@company.example, bob@company.example.',
  ]);
});

test('a shorter window changes the window KPIs', async () => {
  const { result } = await run({ 'as-of': AS_OF, window: '30', json: true });
  const usd = result.currencies.find((entry) => entry.currency === 'USD');
  // sales dated in (2026-03-01, 2026-03-31]: none (INV-1001 is dated 2026-03-01): DSO has no denominator
  expect(usd).toMatchObject({ creditSales: '0.00', dso: null });
  expect(result.activity).toBeNull();
});

test.each([
  [{ window: '0' }, '--window must be a whole number of days'],
  [{ window: '9x' }, '--window must be a whole number of days'],
  [{ 'as-of': '2026-02-30' }, '--as-of: "2026-02-30" is not a date on the calendar'],
  [{ targets: 'targets.json' }, '--targets sets the targets of one collector'],
])('%j is a usage error', async (flags, message) => {
  const promise = reportCommand.run({ snapshot: 'snap', ...flags }, io());
  await expect(promise).rejects.toThrow(CollectionsError);
  await expect(reportCommand.run({ snapshot: 'snap', ...flags }, io())).rejects.toMatchObject({
    exitCode: EXIT.usage,
    message: expect.stringContaining(message),
  });
});

test('a bad targets file names the problem', async () => {
  writeFileSync(join(dir, 'targets.json'), '{"noticesSend": 3}');
  await expect(run({ collector: 'bob@company.example', targets: 'targets.json' })).rejects.toMatchObject({
    code: 'TargetsError',
    message: expect.stringContaining('unknown target "noticesSend"'),
  });
  await expect(run({ collector: 'bob@company.example', targets: 'missing.json' })).rejects.toMatchObject({
    code: 'TargetsError',
  });
  const output = io();
  expect(
    await runCli(['report', '--snapshot', 'snap', '--collector', 'bob', '--targets', 'targets.json', '--json'], output),
  ).toBe(EXIT.failed);
  expect(JSON.parse(output.out.join('\n'))).toMatchObject({ status: EXIT.failed, name: 'TargetsError' });
});

test('help lists the flags', async () => {
  const output = io();
  expect(await runCli(['report', '--help'], output)).toBe(EXIT.ok);
  const help = output.out.join('\n');
  for (const flag of [
    '--as-of',
    '--window',
    '--collector',
    '--targets',
    '--out ',
    '--out-dir',
    '--json',
    '--target-org',
    '--snapshot',
    '--api-version',
  ]) {
    expect(help).toContain(flag);
  }
});

test('a directory that cannot be written is a WriteError', async () => {
  writeFileSync(join(dir, 'a-file'), 'not a directory');
  await expect(run({ 'as-of': AS_OF, 'out-dir': 'a-file/exports', json: true })).rejects.toMatchObject({
    code: 'WriteError',
  });
  await expect(run({ 'as-of': AS_OF, out: 'a-file/report.html', json: true })).rejects.toMatchObject({
    code: 'WriteError',
  });
});
