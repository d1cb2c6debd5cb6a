/**
 * Rows waiting to be written, each kept as one string of its cells instead of an object with a
 * string per field. A night at a million invoices holds a million invoice rows (and the night's
 * notices and cases) until every shard is decided; as objects they were the largest thing in
 * memory after the ledger itself. Read back a row at a time (a RowList, store/store.ts) when their object is written.
 */
import type { Row } from '../records/schema';

/** Cannot occur in a value the batch writes; a row with one in a cell is kept as it is. */
const SEPARATOR = '\u0000';

export class PackedRows {
  private columns: string[] | null = null;
  private readonly packed: Array<string | Row> = [];

  get length(): number {
    return this.packed.length;
  }

  add(row: Row): void {
    const columns = (this.columns ??= Object.keys(row));
    this.packed.push(this.pack(columns, row) ?? row);
  }

  /** The row added at `position`, as an object (the same columns, in the same order, as added). */
  at(position: number): Row | undefined {
    const entry = this.packed[position];
    if (typeof entry !== 'string') return entry;
    const columns = this.columns ?? [];
    const cells = entry.split(SEPARATOR);
    const row: Row = {};
    for (let i = 0; i < columns.length; i++) row[columns[i] as string] = cells[i] as string;
    return row;
  }

  /** The row as one string, or undefined when it does not have exactly these columns or a cell holds the separator. */
  private pack(columns: readonly string[], row: Row): string | undefined {
    const cells: string[] = [];
    for (const column in row) {
      const value = row[column];
      if (column !== columns[cells.length] || typeof value !== 'string' || value.includes(SEPARATOR)) return undefined;
      cells.push(value);
    }
    // join makes one flat string (concatenation would keep a tree of the pieces).
    return cells.length === columns.length ? cells.join(SEPARATOR) : undefined;
  }
}
