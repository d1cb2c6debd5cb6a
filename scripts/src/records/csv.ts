/**
 * CSV as the Bulk API 2.0 reads and writes it (RFC 4180, comma, header row of field names, LF),
 * and CSV meant for people's spreadsheets, where a text cell that starts with = + - @ (or a tab or
 * carriage return) would run as a formula: those cells get a leading apostrophe, so Excel and
 * Sheets show the text instead of evaluating it. Numbers such as -150.00 stay numbers.
 */
import { closeSync, createReadStream, openSync, rmSync, writeSync } from 'node:fs';
import { parse } from 'csv-parse';
import { parse as parseSync } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Row } from './schema';

export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'CsvError';
  }
}

const PARSE_OPTIONS = { columns: true, bom: true, skip_empty_lines: true, relax_column_count: false } as const;

/** Reads a whole CSV text into rows keyed by the header's column names. */
export function parseCsv(text: string, file: string): Row[] {
  try {
    return parseSync(text, PARSE_OPTIONS) as Row[];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CsvError(file, line, error instanceof Error ? error.message : String(error));
  }
}

/** The column names of a CSV text's header row, or undefined when it has none. */
export function csvHeader(text: string): string[] | undefined {
  const [header] = parseSync(text, { bom: true, to_line: 1 }) as string[][];
  return header;
}

/** Streams a CSV file row by row, with the line each row ends on (for messages that name it). */
export async function* readCsvFile(
  path: string,
  displayPath: string = path,
): AsyncGenerator<{ row: Row; line: number }> {
  const parser = createReadStream(path).pipe(parse({ ...PARSE_OPTIONS, info: true }));
  try {
    for await (const record of parser as AsyncIterable<{ record: Row; info: { lines: number } }>) {
      yield { row: record.record, line: record.info.lines };
    }
  } catch (error) {
    if (error instanceof CsvError) throw error;
    const line = (error as { lines?: number }).lines;
    throw new CsvError(displayPath, line, error instanceof Error ? error.message : String(error));
  }
}

/** Bulk API CSV: exact values, a header of the given columns, LF line endings. */
export function formatBulkCsv(columns: readonly string[], rows: readonly Row[]): string {
  return stringify(
    rows.map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns: [...columns], record_delimiter: 'unix' },
  );
}

/**
 * Writes Bulk API CSV to a file row by row, in chunks, quoted exactly as formatBulkCsv quotes: for
 * files too large to build as one string.
 */
export class CsvFileWriter {
  private readonly descriptor: number;
  private pending: string[] = [];
  private open = true;

  constructor(
    readonly path: string,
    private readonly columns: readonly string[],
  ) {
    this.descriptor = openSync(path, 'w');
    writeSync(this.descriptor, stringify([[...columns]], { record_delimiter: 'unix' }));
  }

  /** Writes a row; `overrides` wins over the row's own values (e.g. an Id assigned on the way). */
  write(row: Row, overrides?: Row): void {
    const cells = this.columns.map((column) => overrides?.[column] ?? row[column] ?? '');
    // Most rows need no quoting: joined as they are, which is what csv-stringify writes for them
    // (it quotes a cell holding the delimiter, a quote or the record delimiter, and nothing else
    // by default); a row that needs quoting goes through csv-stringify itself.
    this.pending.push(
      cells.some((cell) => NEEDS_QUOTES.test(cell))
        ? stringify([cells], { record_delimiter: 'unix' })
        : `${cells.join(',')}\n`,
    );
    if (this.pending.length >= WRITE_CHUNK_ROWS) this.flush();
  }

  close(): void {
    if (!this.open) return;
    this.flush();
    this.open = false;
    closeSync(this.descriptor);
  }

  /** Closes and removes the file (nothing changed, or the write failed half way). */
  discard(): void {
    try {
      this.close();
    } finally {
      rmSync(this.path, { force: true });
    }
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    writeSync(this.descriptor, this.pending.join(''));
    this.pending = [];
  }
}

const WRITE_CHUNK_ROWS = 5000;
const NEEDS_QUOTES = /[",\n]/;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** A cell as a spreadsheet should see it: text that would start a formula is prefixed with '. */
export function spreadsheetSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** CSV for people: every cell made spreadsheet-safe, CRLF as Excel expects, UTF-8 BOM so accents survive. */
export function formatSpreadsheetCsv(columns: readonly string[], rows: ReadonlyArray<Record<string, string>>): string {
  const body = stringify(
    rows.map((row) => columns.map((column) => spreadsheetSafe(row[column] ?? ''))),
    { header: true, columns: columns.map(spreadsheetSafe), record_delimiter: 'windows' },
  );
  return `\uFEFF${body}`;
}
