/**
 * The report as files people open in Excel: aging.csv, top-accounts.csv and unapplied-cash.csv
 * (formatSpreadsheetCsv: formula-like text neutralised, BOM, CRLF) and report.xlsx with one sheet
 * per table. In the workbook, amounts and ratios are numbers with a number format, and every text
 * cell is a string cell in Text format ("@"), so a customer name such as "=HYPERLINK(...)" is shown
 * as text and never runs as a formula.
 */
import { activityMeasures } from './activity';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { parseDay } from '../domain/calendar';
import { AGING_BUCKETS } from '../domain/sharedRules';
import { formatSpreadsheetCsv } from '../records/csv';
import type { Report } from './model';

export type ColumnKind = 'text' | 'amount' | 'ratio' | 'integer';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
}

export type ExportValue = string | number | null;

export interface ExportTable {
  /** the sheet name (at most 31 characters) and, lower-cased and hyphenated, the CSV file's name */
  name: string;
  columns: readonly ExportColumn[];
  rows: ReadonlyArray<Record<string, ExportValue>>;
}

const text = (key: string, header: string): ExportColumn => ({ key, header, kind: 'text' });
const amount = (key: string, header: string): ExportColumn => ({ key, header, kind: 'amount' });
const ratio = (key: string, header: string): ExportColumn => ({ key, header, kind: 'ratio' });
const integer = (key: string, header: string): ExportColumn => ({ key, header, kind: 'integer' });

export function summaryTable(report: Report): ExportTable {
  return {
    name: 'Summary',
    columns: [
      text('asOf', 'As of'),
      text('currency', 'Currency'),
      amount('open', 'Open'),
      integer('count', 'Open documents'),
      ...AGING_BUCKETS.map((bucket) => amount(bucket, bucket === 'current' ? 'Current' : `${bucket} days`)),
      amount('creditSales', `Credit sales (${report.windowDays} days)`),
      ratio('dso', 'DSO'),
      ratio('bestPossibleDso', 'Best possible DSO'),
      ratio('averageDaysDelinquent', 'Average days delinquent'),
      ratio('cei', 'CEI %'),
      ratio('percentCurrent', '% current'),
      ratio('dsoCountback', 'Countback DSO'),
    ],
    rows: report.currencies.map((entry) => ({
      asOf: report.asOf,
      currency: entry.currency,
      open: entry.open.amount,
      count: entry.open.count,
      ...Object.fromEntries(entry.aging.map((total) => [total.bucket, total.amount])),
      creditSales: entry.creditSales,
      dso: entry.dso,
      bestPossibleDso: entry.bestPossibleDso,
      averageDaysDelinquent: entry.averageDaysDelinquent,
      cei: entry.cei,
      percentCurrent: entry.percentCurrent,
      dsoCountback: entry.dsoCountback,
    })),
  };
}

/** Aging per currency and bucket at each trend date; the last date is the report's as-of date. */
export function agingTable(report: Report): ExportTable {
  return {
    name: 'Aging',
    columns: [
      text('asOf', 'As of'),
      text('currency', 'Currency'),
      text('bucket', 'Bucket'),
      amount('amount', 'Amount'),
      integer('count', 'Documents'),
    ],
    rows: report.trend.flatMap((series) =>
      series.points.flatMap((point) =>
        point.aging.map((total) => ({
          asOf: point.asOf,
          currency: series.currency,
          bucket: total.bucket,
          amount: total.amount,
          count: total.count,
        })),
      ),
    ),
  };
}

export function topAccountsTable(report: Report): ExportTable {
  return {
    name: 'Top accounts',
    columns: [
      text('currency', 'Currency'),
      integer('rank', 'Rank'),
      text('customerNumber', 'Customer number'),
      text('name', 'Customer name'),
      text('collector', 'Collector'),
      amount('overdue', 'Overdue'),
      amount('open', 'Open'),
      integer('oldestDaysPastDue', 'Oldest days past due'),
    ],
    rows: report.topAccounts.flatMap((entry) =>
      entry.accounts.map((account, index) => ({
        currency: entry.currency,
        rank: index + 1,
        customerNumber: account.customerNumber,
        name: account.name,
        collector: account.collector,
        overdue: account.overdue,
        open: account.open,
        oldestDaysPastDue: account.oldestDaysPastDue,
      })),
    ),
  };
}

/** One row per suggested invoice; a payment without suggestions has one row with them blank. */
export function unappliedCashTable(report: Report): ExportTable {
  return {
    name: 'Unapplied cash',
    columns: [
      text('currency', 'Currency'),
      text('paymentReference', 'Payment reference'),
      text('customerNumber', 'Customer number'),
      text('receivedDate', 'Received'),
      amount('amount', 'Unapplied amount'),
      text('invoiceNumber', 'Suggested invoice'),
      amount('openBalance', 'Open balance'),
      text('why', 'Why'),
    ],
    rows: report.unappliedCash.flatMap((entry) =>
      entry.payments.flatMap((payment): Array<Record<string, ExportValue>> => {
        const base = {
          currency: entry.currency,
          paymentReference: payment.paymentReference,
          customerNumber: payment.customerNumber,
          receivedDate: payment.receivedDate,
          amount: payment.amount,
        };
        if (payment.suggestions.length === 0) return [{ ...base, invoiceNumber: null, openBalance: null, why: null }];
        return payment.suggestions.map((suggestion) => ({ ...base, ...suggestion }));
      }),
    ),
  };
}

export function corporateTable(report: Report): ExportTable {
  const { corporate } = report;
  return {
    name: 'Corporate',
    columns: [text('item', 'Item'), text('currency', 'Currency'), amount('amount', 'Amount'), text('detail', 'Detail')],
    rows: [
      { item: 'Open', currency: corporate.currency, amount: corporate.open, detail: null },
      { item: 'Overdue', currency: corporate.currency, amount: corporate.overdue, detail: null },
      ...corporate.ratesUsed.map((rate) => ({
        item: 'Rate used',
        currency: `${rate.from}/${rate.to}`,
        amount: null,
        detail: `1 ${rate.from} = ${rate.rate} ${rate.to}, dated ${rate.date}`,
      })),
      ...corporate.missingRates.map((currency) => ({
        item: 'Left out: no rate',
        currency,
        amount: null,
        detail: `no ${currency}/${corporate.currency} rate dated on or before ${report.asOf}`,
      })),
    ],
  };
}

export function activityTable(report: Report): ExportTable | null {
  const { activity } = report;
  if (!activity) return null;
  return {
    name: 'Activity',
    columns: [
      text('collector', 'Collector'),
      text('from', 'From'),
      text('to', 'To'),
      text('measure', 'Measure'),
      text('currency', 'Currency'),
      amount('actual', 'Actual'),
      amount('target', 'Target'),
    ],
    rows: activityMeasures(activity).map((line) => ({
      collector: report.collector,
      from: activity.windowStart,
      to: activity.windowEnd,
      measure: line.measure,
      currency: line.currency,
      actual: line.actual,
      target: line.target,
    })),
  };
}

/** Every table of the workbook, in sheet order. */
export function reportTables(report: Report): ExportTable[] {
  const tables = [
    summaryTable(report),
    agingTable(report),
    topAccountsTable(report),
    unappliedCashTable(report),
    corporateTable(report),
  ];
  const activity = activityTable(report);
  if (activity) tables.push(activity);
  return tables;
}

/** A table as spreadsheet CSV: blanks for nulls, numbers as written. */
export function tableCsv(table: ExportTable): string {
  return formatSpreadsheetCsv(
    table.columns.map((column) => column.header),
    table.rows.map((row) =>
      Object.fromEntries(
        table.columns.map((column) => {
          const value = row[column.key];
          return [column.header, value === null || value === undefined ? '' : String(value)];
        }),
      ),
    ),
  );
}

/** "#,##0.00" for an amount written with 2 decimals, "#,##0" for none. */
function amountFormat(value: string): string {
  const decimals = value.split('.')[1]?.length ?? 0;
  return decimals === 0 ? '#,##0' : `#,##0.${'0'.repeat(decimals)}`;
}

function addSheet(workbook: Workbook, table: ExportTable): Worksheet {
  const sheet = workbook.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.numFmt = '@';
  });
  for (const row of table.rows) {
    const line = sheet.addRow([]);
    table.columns.forEach((column, index) => {
      const value = row[column.key];
      if (value === null || value === undefined) return;
      const cell = line.getCell(index + 1);
      if (column.kind === 'text' || (typeof value === 'string' && column.kind !== 'amount')) {
        // a string value is a string cell: exceljs writes a formula only from { formula }
        cell.value = String(value);
        cell.numFmt = '@';
      } else if (column.kind === 'amount') {
        cell.value = Number(value);
        cell.numFmt = typeof value === 'string' ? amountFormat(value) : '#,##0';
      } else {
        cell.value = value;
        cell.numFmt = column.kind === 'ratio' ? '0.00' : '0';
      }
    });
  }
  table.columns.forEach((column, index) => {
    const longest = Math.max(
      column.header.length,
      ...table.rows.map((row) => String(row[column.key] ?? '').length + (column.kind === 'amount' ? 4 : 0)),
    );
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, longest + 2));
  });
  if (table.rows.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return sheet;
}

/** The workbook of every report table. Its dates are the as-of date, so the file does not depend on the clock. */
export function reportWorkbook(report: Report): Workbook {
  const workbook = new Workbook();
  const stamp = new Date(parseDay(report.asOf) * 86_400_000);
  workbook.creator = 'Collections Console';
  workbook.created = stamp;
  workbook.modified = stamp;
  for (const table of reportTables(report)) addSheet(workbook, table);
  return workbook;
}

export const EXPORT_FILES = {
  aging: 'aging.csv',
  topAccounts: 'top-accounts.csv',
  unappliedCash: 'unapplied-cash.csv',
  workbook: 'report.xlsx',
} as const;

/** Writes the CSV files and the workbook into `dir` (created if need be); returns their paths. */
export async function writeExports(report: Report, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const files: Array<[string, ExportTable]> = [
    [EXPORT_FILES.aging, agingTable(report)],
    [EXPORT_FILES.topAccounts, topAccountsTable(report)],
    [EXPORT_FILES.unappliedCash, unappliedCashTable(report)],
  ];
  const written: string[] = [];
  for (const [name, table] of files) {
    const path = join(dir, name);
    writeFileSync(path, tableCsv(table));
    written.push(path);
  }
  const workbookPath = join(dir, EXPORT_FILES.workbook);
  await reportWorkbook(report).xlsx.writeFile(workbookPath);
  written.push(workbookPath);
  return written;
}
