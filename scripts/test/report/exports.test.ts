/** The CSV and XLSX exports: written, readable, and formula-like text kept as text. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValueType, Workbook, type Worksheet } from 'exceljs';
import { parseDay } from '../../src/domain/calendar';
import { parseCsv } from '../../src/records/csv';
import { parseTargets } from '../../src/report/activity';
import { buildReport } from '../../src/report/buildReport';
import { writeExports } from '../../src/report/exports';
import { AS_OF, FORMULA_NAME, handMadePortfolio, MALICIOUS_NAME } from './fixture';

const POLICY = { corporateCurrency: 'USD' };
const asOf = parseDay(AS_OF);

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'collections-report-exports-'));
  const report = buildReport(handMadePortfolio(), POLICY, asOf, 90, {
    collector: null,
  });
  files = await writeExports(report, join(dir, 'out'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string): { text: string; rows: Array<Record<string, string>> } {
  const text = readFileSync(join(dir, 'out', name), 'utf8');
  return { text, rows: parseCsv(text, name) };
}

test('writes the three CSV files and the workbook', () => {
  expect(files.map((file) => file.slice(join(dir, 'out').length + 1))).toEqual([
    'aging.csv',
    'top-accounts.csv',
    'unapplied-cash.csv',
    'report.xlsx',
  ]);
  for (const file of files) expect(existsSync(file)).toBe(true);
});

test('the CSV files are for spreadsheets: BOM, CRLF, formula-like text neutralised, numbers left alone', () => {
  const top = csv('top-accounts.csv');
  expect(top.text.startsWith('\uFEFFCurrency,Rank,Customer number,Customer name,')).toBe(true);
  expect(top.text).toContain('\r\n');
  expect(top.rows.map((row) => [row['Customer number'], row['Customer name'], row.Overdue])).toEqual([
    ['C-3', `'${FORMULA_NAME}`, '750.50'],
    ['C-2', MALICIOUS_NAME, '1050.00'],
    ['C-1', 'Acme Corp', '300.00'],
  ]);

  const unapplied = csv('unapplied-cash.csv');
  expect(
    unapplied.rows.map((row) => [row['Payment reference'], row['Unapplied amount'], row['Suggested invoice']]),
  ).toEqual([
    ['Zahlung RE inv-2002 teil', '500.00', 'INV-2002'],
    ['CHK-555', '500.00', ''],
    ['remit inv 1001', '1000.00', 'INV-1001'],
    ["'@wire 20260328", '800.00', 'INV-1003'],
    ['INV-1001', '1000.00', ''],
  ]);

  const aging = csv('aging.csv');
  // 3 currencies x 7 dates x 5 buckets
  expect(aging.rows).toHaveLength(105);
  expect(aging.rows.filter((row) => row['As of'] === '2026-03-31' && row.Currency === 'USD')).toEqual([
    { 'As of': '2026-03-31', Currency: 'USD', Bucket: 'current', Amount: '1000.00', Documents: '1' },
    { 'As of': '2026-03-31', Currency: 'USD', Bucket: '1-30', Amount: '300.00', Documents: '1' },
    { 'As of': '2026-03-31', Currency: 'USD', Bucket: '31-60', Amount: '0.00', Documents: '0' },
    { 'As of': '2026-03-31', Currency: 'USD', Bucket: '61-90', Amount: '800.00', Documents: '1' },
    { 'As of': '2026-03-31', Currency: 'USD', Bucket: '90+', Amount: '250.00', Documents: '1' },
  ]);
});

function rowWhere(sheet: Worksheet, column: number, value: string): number {
  for (let row = 2; row <= sheet.rowCount; row++) if (sheet.getCell(row, column).value === value) return row;
  throw new Error(`no row with ${value} in ${sheet.name}`);
}

test('the workbook reads back: text cells are strings, never formulas; amounts are numbers', async () => {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(join(dir, 'out', 'report.xlsx'));
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    'Summary',
    'Aging',
    'Top accounts',
    'Unapplied cash',
    'Corporate',
  ]);

  const top = workbook.getWorksheet('Top accounts');
  if (!top) throw new Error('no Top accounts sheet');
  expect(top.getRow(1).values).toEqual([
    undefined,
    'Currency',
    'Rank',
    'Customer number',
    'Customer name',
    'Collector',
    'Overdue',
    'Open',
    'Oldest days past due',
  ]);
  const c3 = rowWhere(top, 3, 'C-3');
  const name = top.getCell(c3, 4);
  expect(name.type).toBe(ValueType.String);
  expect(name.value).toBe(FORMULA_NAME);
  expect(name.formula).toBeUndefined();
  expect(name.numFmt).toBe('@');
  const overdue = top.getCell(c3, 6);
  expect(overdue.type).toBe(ValueType.Number);
  expect(overdue.value).toBe(750.5);
  expect(overdue.numFmt).toBe('#,##0.00');
  expect(top.getCell(rowWhere(top, 3, 'C-2'), 4).value).toBe(MALICIOUS_NAME);

  const unapplied = workbook.getWorksheet('Unapplied cash');
  if (!unapplied) throw new Error('no Unapplied cash sheet');
  const wire = unapplied.getCell(rowWhere(unapplied, 2, '@wire 20260328'), 2);
  expect(wire.type).toBe(ValueType.String);

  const summary = workbook.getWorksheet('Summary');
  if (!summary) throw new Error('no Summary sheet');
  const usd = rowWhere(summary, 2, 'USD');
  // As of, Currency, Open, Open documents, 5 buckets, Credit sales, DSO, best, ADD, CEI, % current, countback
  expect(summary.getRow(usd).values).toEqual([
    undefined,
    '2026-03-31',
    'USD',
    2350,
    4,
    1000,
    300,
    0,
    800,
    250,
    4500,
    47,
    20,
    27,
    30.77,
    42.55,
    67.78,
  ]);
});

test('a collector workbook has an Activity sheet with actual and target', async () => {
  const report = buildReport(handMadePortfolio(), POLICY, asOf, 90, {
    collector: 'alice@company.example',
    targets: parseTargets({ noticesSent: 10, amountCollected: { USD: '5000' } }),
  });
  const out = join(dir, 'alice');
  await writeExports(report, out);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(join(out, 'report.xlsx'));
  const activity = workbook.getWorksheet('Activity');
  if (!activity) throw new Error('no Activity sheet');
  const values = [];
  for (let row = 2; row <= activity.rowCount; row++) {
    const line = activity.getRow(row);
    values.push([
      line.getCell(4).value,
      line.getCell(5).value ?? null,
      line.getCell(6).value,
      line.getCell(7).value ?? null,
    ]);
  }
  expect(values).toEqual([
    ['Notices sent', null, 3, 10],
    ['Calls logged', null, 1, null],
    ['Promises obtained', null, 2, null],
    ['Promises kept', null, 1, null],
    ['Amount collected', 'EUR', 3500, null],
    ['Amount collected', 'USD', 4700, 5000],
  ]);
});
