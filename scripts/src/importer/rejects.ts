/**
 * Rejected rows and the rejects file: one line per problem (a row with two problems appears twice),
 * with the input line, the file's column, the value and the reason, followed by the row's own
 * columns so it can be corrected and imported again. Written with formatSpreadsheetCsv: a cell
 * that starts with = + - @ reaches a spreadsheet as text, never as a formula.
 */
import { formatSpreadsheetCsv } from '../records/csv';
import type { Row } from '../records/schema';

export interface Problem {
  /** the column as the file names it ('' when the problem is not about one column) */
  column: string;
  /** the cell as written */
  value: string;
  reason: string;
}

export interface Reject extends Problem {
  /** the line of the input file the row ends on (1 is the header) */
  line: number;
  /** the row as read, by the file's column names */
  source: Row;
}

export const REJECT_COLUMNS = ['line', 'column', 'value', 'reason'] as const;

/** The number of distinct rows among rejects (a row can be rejected for more than one reason). */
export function rejectedRowCount(rejects: readonly Reject[]): number {
  return new Set(rejects.map((reject) => reject.line)).size;
}

/** A reject on one line for a terminal: `12: due_date "2026-02-30": ...` (the value quoted, control characters escaped). */
export function formatRejectLine(reject: Reject): string {
  const where =
    reject.column === '' ? '' : ` ${reject.column}${reject.value === '' ? '' : ` ${JSON.stringify(reject.value)}`}`;
  return `${reject.line}:${where}: ${reject.reason}`;
}

export interface RejectsInput {
  /** the input's name, written in a leading "file" column when several inputs share one rejects file */
  file?: string;
  header: readonly string[];
  rejects: readonly Reject[];
}

/**
 * The rejects file's text. With one input: line,column,value,reason and the input's columns. With
 * several: a leading "file" column, and the union of their columns. An input column named like one
 * of ours is written as "<name> (input)".
 */
export function formatRejects(inputs: readonly RejectsInput[]): string {
  const combined = inputs.length > 1;
  const own: string[] = combined ? ['file', ...REJECT_COLUMNS] : [...REJECT_COLUMNS];
  const rename = (name: string): string => (own.includes(name) ? `${name} (input)` : name);
  const sourceColumns: string[] = [];
  for (const input of inputs)
    for (const name of input.header) if (!sourceColumns.includes(rename(name))) sourceColumns.push(rename(name));
  const rows: Array<Record<string, string>> = [];
  for (const input of inputs) {
    for (const reject of [...input.rejects].sort((a, b) => a.line - b.line)) {
      const row: Record<string, string> = {};
      for (const [name, value] of Object.entries(reject.source)) row[rename(name)] = value;
      if (combined) row.file = input.file ?? '';
      row.line = String(reject.line);
      row.column = reject.column;
      row.value = reject.value;
      row.reason = reject.reason;
      rows.push(row);
    }
  }
  return formatSpreadsheetCsv([...own, ...sourceColumns], rows);
}
