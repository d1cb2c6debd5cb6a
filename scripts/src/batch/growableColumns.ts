/**
 * Columns of numbers that grow as rows stream in: one typed array per field instead of one object
 * per record. A million invoices as objects cost about 300 bytes each in V8 (the object, its Money
 * object, the bigint and their headers); as columns, a few bytes per field, and nothing for the
 * garbage collector to trace.
 */

const FIRST_CAPACITY = 1024;

/** Whole numbers from -2^31 to 2^31-1: days, table indexes, row numbers. */
export class IntColumn {
  private values = new Int32Array(FIRST_CAPACITY);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  at(row: number): number {
    return this.values[row] as number;
  }
}

/**
 * Exact amounts in minor units. A value that does not fit in 64 bits (no real invoice, but the
 * ledger is read, not trusted) is kept aside rather than wrapped, so every amount reads back exact.
 */
export class MinorColumn {
  private values = new BigInt64Array(FIRST_CAPACITY);
  private readonly outsized = new Map<number, bigint>();
  length = 0;

  push(value: bigint): void {
    if (this.length === this.values.length) {
      const grown = new BigInt64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    if (BigInt.asIntN(64, value) !== value) this.outsized.set(this.length, value);
    this.values[this.length++] = value;
  }

  at(row: number): bigint {
    return this.outsized.get(row) ?? (this.values[row] as bigint);
  }
}

/** A few distinct strings met many times (currencies, picklist values), stored as their index. */
export class StringTable {
  private readonly indexes = new Map<string, number>();
  private readonly values: string[] = [];

  indexOf(value: string): number {
    let index = this.indexes.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.indexes.set(value, index);
    }
    return index;
  }

  valueAt(index: number): string {
    const value = this.values[index];
    if (value === undefined) throw new RangeError(`no string at index ${index}`);
    return value;
  }

  get size(): number {
    return this.values.length;
  }
}

/**
 * Row numbers grouped by a key number (a customer's index), each group in the order the rows
 * were added: a counting sort into one array of row numbers and one of group starts, built once
 * all rows are in. Two typed arrays, however many groups.
 */
export class RowGroups {
  private groupOf = new IntColumn();
  private rowOf = new IntColumn();
  private starts: Int32Array | null = null;
  private rows: Int32Array | null = null;

  add(group: number, row: number): void {
    if (this.starts) throw new Error('RowGroups: rows added after the groups were built');
    this.groupOf.push(group);
    this.rowOf.push(row);
  }

  /** Groups the rows added so far; `groups` is one more than the largest group number. */
  build(groups: number): void {
    const starts = new Int32Array(groups + 1);
    for (let i = 0; i < this.groupOf.length; i++) {
      const at = this.groupOf.at(i) + 1;
      starts[at] = (starts[at] as number) + 1;
    }
    for (let g = 0; g < groups; g++) starts[g + 1] = (starts[g + 1] as number) + (starts[g] as number);
    const next = starts.slice(0, groups);
    const rows = new Int32Array(this.groupOf.length);
    for (let i = 0; i < this.groupOf.length; i++) {
      const group = this.groupOf.at(i);
      rows[(next[group] as number)++] = this.rowOf.at(i);
    }
    this.starts = starts;
    this.rows = rows;
    this.groupOf = new IntColumn();
    this.rowOf = new IntColumn();
  }

  /** Calls `each` with the rows of a group, in the order they were added. */
  forEach(group: number, each: (row: number) => void): void {
    if (!this.starts || !this.rows) throw new Error('RowGroups: read before the groups were built');
    if (group + 1 >= this.starts.length) return;
    const end = this.starts[group + 1] as number;
    for (let i = this.starts[group] as number; i < end; i++) each(this.rows[i] as number);
  }
}

/**
 * Strings such as invoice numbers and payment references, kept as bytes in one buffer instead of
 * a string object each: a million invoice numbers are then about 13 MB outside the heap, not
 * 40 MB of small objects the garbage collector traces on every full collection. ASCII strings
 * (nearly every key an ERP exports) are copied byte for byte; null is a mark, and any other
 * string is kept as it is on the side, so every value reads back exactly.
 */
export class TextColumn {
  private bytes = Buffer.alloc(FIRST_CAPACITY * 16);
  private used = 0;
  /** where each value ends in `bytes`; negative (-end - 1) when the value is not there */
  private readonly ends = new IntColumn();
  /** non-ASCII values, by row (a row marked negative and not here is null) */
  private readonly aside = new Map<number, string>();

  get length(): number {
    return this.ends.length;
  }

  push(value: string | null): void {
    const row = this.ends.length;
    if (value !== null && this.used + value.length > this.bytes.length) {
      const grown = Buffer.alloc(Math.max(this.bytes.length * 2, this.used + value.length));
      this.bytes.copy(grown, 0, 0, this.used);
      this.bytes = grown;
    }
    if (value !== null) {
      let i = 0;
      for (; i < value.length; i++) {
        const code = value.charCodeAt(i);
        if (code > 127) break;
        this.bytes[this.used + i] = code;
      }
      if (i === value.length) {
        this.used += value.length;
        this.ends.push(this.used);
        return;
      }
      this.aside.set(row, value);
    }
    this.ends.push(-this.used - 1);
  }

  at(row: number): string | null {
    const end = this.ends.at(row);
    if (end < 0) return this.aside.get(row) ?? null;
    const before = row === 0 ? 0 : this.ends.at(row - 1);
    const start = before < 0 ? -before - 1 : before;
    return this.bytes.toString('latin1', start, end);
  }
}
