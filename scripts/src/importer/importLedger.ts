/**
 * The ERP import from end to end: reads the mapping and the headers (stopping on anything that
 * makes a file unreadable, before a row is read), streams each file through its validator, reads
 * from the store only the accounts, invoices and applications the files name, then upserts
 * Account, Invoice__c, Payment__c and Payment_Application__c in that order, and writes the rejects
 * files. Every input row ends up either loaded or rejected (by validation, or by the store): the
 * report's counts always add up.
 */
import { createReadStream, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse } from 'csv-parse';
import { CollectionsError } from '../cli/errors';
import { CsvError, readCsvFile } from '../records/csv';
import { ACCOUNT, INVOICE, PAYMENT, PAYMENT_APPLICATION, type ObjectSchema, type Row } from '../records/schema';
import type { CollectionsStore, RowFailure } from '../store/store';
import { columnMap, headerProblems } from './columns';
import type { FileKind } from './formats';
import { InvoiceValidator, type InvoiceOutcome } from './invoices';
import { canonicalFormat, MappingError, parseMapping, type FileFormat } from './mapping';
import { PaymentValidator, type PaymentOutcome } from './payments';
import { formatRejects, rejectedRowCount, type Reject, type RejectsInput } from './rejects';
import { StoreViewBuilder, EMPTY_STORE_VIEW, type StoreView } from './storeView';

export interface ImportOptions {
  /** paths of the inputs (absolute, or relative to cwd) */
  invoices?: string;
  payments?: string;
  mapping?: string;
  /** one rejects file for every input; default: <input>.rejects.csv next to each input */
  rejects?: string;
  /** refuse everything when any row is rejected */
  allOrNone?: boolean;
  /** validate and write the rejects files, but write nothing to the store */
  dryRun?: boolean;
  /** the directory paths are relative to, and shown relative to */
  cwd: string;
}

export interface StoreCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** records the store refused */
  failed: number;
}

export interface FileReport {
  file: string;
  kind: FileKind;
  rowsIn: number;
  /** rows whose records are in the store (or, with --dry-run, would be written) */
  loaded: number;
  /** rows not loaded: invalid, refused by the store, or refused with the whole import (--all-or-none) */
  rejected: number;
  /** rows that failed validation */
  invalid: number;
  /** the rejects file written for this input, or null */
  rejectsFile: string | null;
  /** the store's counts for the records of this file */
  store: StoreCounts;
  /** the same, per object */
  objects: Record<string, StoreCounts>;
}

export interface StoreFailure extends RowFailure {
  object: string;
}

export interface ImportReport {
  target: string;
  dryRun: boolean;
  allOrNone: boolean;
  /** --all-or-none refused the import: nothing was written to the store */
  refused: boolean;
  files: FileReport[];
  /** rows that loaded with something to know (overpayments left unapplied) */
  notes: string[];
  failures: StoreFailure[];
}

export interface ImportRun {
  report: ImportReport;
  /** every reject of each file (validation and store), by the file as reported */
  rejects: Map<string, Reject[]>;
}

interface Input {
  kind: FileKind;
  path: string;
  display: string;
  header: string[];
  format: FileFormat;
  rejectsPath: string;
}

function display(cwd: string, path: string): string {
  return relative(cwd, path) || path;
}

/** The header row of a CSV file, or undefined for an empty file. */
async function readHeader(path: string, shown: string): Promise<string[] | undefined> {
  const stream = createReadStream(path);
  const parser = stream.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true, to: 1 }));
  try {
    for await (const record of parser as AsyncIterable<string[]>) return record;
    return undefined;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CsvError(shown, line, error instanceof Error ? error.message : String(error));
  } finally {
    stream.destroy();
  }
}

function readMapping(path: string, shown: string): { invoices: FileFormat; payments: FileFormat } {
  if (!existsSync(path))
    throw new CollectionsError('FileNotFound', `The mapping file ${shown} does not exist.`, [
      'Check the path given to --mapping.',
    ]);
  try {
    return parseMapping(readFileSync(path, 'utf8'), shown);
  } catch (error) {
    if (error instanceof MappingError) {
      throw new CollectionsError('MappingError', error.message, [
        'Correct the mapping file; docs/import.md describes its keys.',
      ]);
    }
    throw error;
  }
}

function defaultRejectsPath(input: string): string {
  const name = basename(input).replace(/\.csv$/i, '');
  return join(dirname(input), `${name}.rejects.csv`);
}

async function openInput(
  kind: FileKind,
  path: string,
  format: FileFormat,
  rejects: string | undefined,
  cwd: string,
): Promise<Input> {
  const shown = display(cwd, path);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new CollectionsError('FileNotFound', `The ${kind} file ${shown} does not exist.`, [
      `Check the path given to --${kind}.`,
    ]);
  }
  const header = await readHeader(path, shown);
  if (!header || header.every((name) => name.trim() === '')) {
    throw new CollectionsError('NoHeader', `${shown} has no header row.`, [
      `The first line of the ${kind} file names its columns; docs/import.md lists them.`,
    ]);
  }
  const problems = headerProblems(header, format);
  if (problems.length > 0) {
    throw new CollectionsError(
      'MissingColumns',
      `${shown}: ${problems.join('; ')}. The header is: ${header.join(',')}`,
      [`Add the columns to the file, or map the file's own columns to them with --mapping (docs/import.md).`],
    );
  }
  return { kind, path, display: shown, header, format, rejectsPath: rejects ?? defaultRejectsPath(path) };
}

function counts(): StoreCounts {
  return { created: 0, updated: 0, unchanged: 0, failed: 0 };
}

export async function importLedger(store: CollectionsStore, options: ImportOptions): Promise<ImportRun> {
  const { cwd } = options;
  const absolute = (path: string): string => resolve(cwd, path);
  if (!options.invoices && !options.payments) {
    throw new CollectionsError('NoInput', 'Nothing to import: give --invoices FILE, --payments FILE, or both.', [
      'Run "collections import --help" for the formats.',
    ]);
  }
  const mapping = options.mapping
    ? readMapping(absolute(options.mapping), display(cwd, absolute(options.mapping)))
    : undefined;
  const rejectsPath = options.rejects ? absolute(options.rejects) : undefined;

  const inputs: Input[] = [];
  if (options.invoices)
    inputs.push(
      await openInput(
        'invoices',
        absolute(options.invoices),
        mapping?.invoices ?? canonicalFormat('invoices'),
        rejectsPath,
        cwd,
      ),
    );
  if (options.payments)
    inputs.push(
      await openInput(
        'payments',
        absolute(options.payments),
        mapping?.payments ?? canonicalFormat('payments'),
        rejectsPath,
        cwd,
      ),
    );
  for (const input of inputs) {
    if (inputs.some((other) => other.path === input.rejectsPath)) {
      throw new CollectionsError(
        'RejectsOverInput',
        `The rejects file ${display(cwd, input.rejectsPath)} would overwrite an input.`,
        ['Name another file with --rejects.'],
      );
    }
  }
  const invoiceInput = inputs.find((input) => input.kind === 'invoices');
  const paymentInput = inputs.find((input) => input.kind === 'payments');

  // Read and check every row.
  const invoiceValidator = invoiceInput
    ? new InvoiceValidator(columnMap(invoiceInput.header, invoiceInput.format), invoiceInput.format)
    : undefined;
  const paymentValidator = paymentInput
    ? new PaymentValidator(columnMap(paymentInput.header, paymentInput.format), paymentInput.format)
    : undefined;
  if (invoiceInput && invoiceValidator)
    for await (const { row, line } of readCsvFile(invoiceInput.path, invoiceInput.display))
      invoiceValidator.add(row, line);
  if (paymentInput && paymentValidator)
    for await (const { row, line } of readCsvFile(paymentInput.path, paymentInput.display))
      paymentValidator.add(row, line);

  // What the store holds of the customers and invoices the files name.
  const wanted = [invoiceValidator?.referenced(), paymentValidator?.referenced()];
  const customers = new Set(wanted.flatMap((entry) => [...(entry?.customers ?? [])]));
  const invoiceNumbers = new Set(wanted.flatMap((entry) => [...(entry?.invoiceNumbers ?? [])]));
  const view = await readStoreView(store, customers, invoiceNumbers);

  const invoices = invoiceValidator?.finish(view);
  const payments = paymentValidator?.finish(view, invoices);

  const report: ImportReport = {
    target: store.description,
    dryRun: options.dryRun === true,
    allOrNone: options.allOrNone === true,
    refused: false,
    files: [],
    notes: payments?.notes ?? [],
    failures: [],
  };
  const invalid = new Map<Input, number>();
  if (invoiceInput && invoices) invalid.set(invoiceInput, rejectedRowCount(invoices.rejects));
  if (paymentInput && payments) invalid.set(paymentInput, rejectedRowCount(payments.rejects));
  report.refused = report.allOrNone && [...invalid.values()].some((count) => count > 0);

  // Write, in the order the relationships need.
  const objects = new Map<string, StoreCounts>();
  const storeRejects = new Map<FileKind, Reject[]>([
    ['invoices', []],
    ['payments', []],
  ]);
  if (!report.refused && !report.dryRun) {
    const upsert = async (
      schema: ObjectSchema,
      rows: Row[],
      kind: FileKind,
      lines: Map<string, number[]>,
      sources: Map<number, Row>,
    ): Promise<void> => {
      const tally = counts();
      objects.set(schema.object, tally);
      if (rows.length === 0) return;
      const result = await store.upsert(schema, rows);
      tally.created = result.created;
      tally.updated = result.updated;
      tally.unchanged = result.unchanged;
      tally.failed = result.failures.length;
      for (const failure of result.failures) {
        report.failures.push({ ...failure, object: schema.object });
        for (const line of lines.get(failure.key) ?? []) {
          storeRejects.get(kind)?.push({
            line,
            column: failure.field ?? '',
            value: '',
            reason: `not loaded: the store refused ${schema.object} ${failure.key}: ${failure.code}: ${failure.message}`,
            source: sources.get(line) ?? {},
          });
        }
      }
    };
    if (invoices) {
      const sources = new Map(invoices.accepted.map((line) => [line.line, line.source]));
      await upsert(ACCOUNT, invoices.accounts, 'invoices', invoices.accountLines, sources);
      await upsert(INVOICE, invoices.invoices, 'invoices', invoices.invoiceLines, sources);
    }
    if (payments) {
      const sources = new Map(payments.accepted.map((line) => [line.line, line.source]));
      await upsert(PAYMENT, payments.payments, 'payments', payments.paymentLines, sources);
      await upsert(PAYMENT_APPLICATION, payments.applications, 'payments', payments.applicationLines, sources);
    }
  }

  // Count, and write the rejects files.
  const rejects = new Map<string, Reject[]>();
  const outcomes: Array<[Input, InvoiceOutcome | PaymentOutcome]> = [];
  if (invoiceInput && invoices) outcomes.push([invoiceInput, invoices]);
  if (paymentInput && payments) outcomes.push([paymentInput, payments]);
  const rejectsInputs = new Map<string, RejectsInput[]>();
  for (const [input, outcome] of outcomes) {
    const all = [...outcome.rejects, ...(storeRejects.get(input.kind) ?? [])];
    rejects.set(input.display, all);
    const rejected = report.refused ? outcome.rowsIn : rejectedRowCount(all);
    const names =
      input.kind === 'invoices' ? [ACCOUNT.object, INVOICE.object] : [PAYMENT.object, PAYMENT_APPLICATION.object];
    const perObject = Object.fromEntries(names.map((name) => [name, objects.get(name) ?? counts()]));
    const total = counts();
    for (const tally of Object.values(perObject)) {
      total.created += tally.created;
      total.updated += tally.updated;
      total.unchanged += tally.unchanged;
      total.failed += tally.failed;
    }
    const fileReport: FileReport = {
      file: input.display,
      kind: input.kind,
      rowsIn: outcome.rowsIn,
      loaded: outcome.rowsIn - rejected,
      rejected,
      invalid: invalid.get(input) ?? 0,
      rejectsFile: null,
      store: total,
      objects: perObject,
    };
    report.files.push(fileReport);
    const group = rejectsInputs.get(input.rejectsPath) ?? [];
    group.push({ file: input.display, header: input.header, rejects: all });
    rejectsInputs.set(input.rejectsPath, group);
  }
  // A rejects file is written when there is something in it, or to replace one left by an earlier run.
  for (const [path, group] of rejectsInputs) {
    if (group.every((entry) => entry.rejects.length === 0) && !existsSync(path)) continue;
    writeFileSync(path, formatRejects(group));
    for (const entry of group) {
      const fileReport = report.files.find((candidate) => candidate.file === entry.file);
      if (fileReport) fileReport.rejectsFile = display(cwd, path);
    }
  }
  return { report, rejects };
}

async function readStoreView(
  store: CollectionsStore,
  customers: Set<string>,
  invoiceNumbers: Set<string>,
): Promise<StoreView> {
  if (customers.size === 0 && invoiceNumbers.size === 0) return EMPTY_STORE_VIEW;
  const builder = new StoreViewBuilder(customers, invoiceNumbers);
  if (customers.size > 0) for await (const row of store.read(ACCOUNT)) builder.addAccount(row);
  if (invoiceNumbers.size > 0) {
    for await (const row of store.read(INVOICE)) builder.addInvoice(row);
    for await (const row of store.read(PAYMENT_APPLICATION)) builder.addApplication(row);
  }
  return builder.build();
}
