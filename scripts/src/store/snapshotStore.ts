/**
 * The local snapshot: a directory with one Bulk API CSV per object (Account.csv, Invoice__c.csv...).
 * Upserts merge by the object's key in one streamed pass and replace the file atomically (write,
 * then rename), so an interrupted run never leaves half a file. Records without an external ID get a local Id, in the
 * style of Salesforce's, when they are first written.
 */
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSourcePolicy } from '../snapshot/sourcePolicy';
import type { Day } from '../domain/calendar';
import type { CollectionsPolicy } from '../domain/policy';
import type { Delivery } from '../records/planRecords';
import { writeToOutbox } from '../snapshot/outbox';
import { csvHeader, CsvFileWriter, readCsvFile } from '../records/csv';
import { SNAPSHOT_OBJECTS, type ObjectSchema, type Row } from '../records/schema';
import {
  emptyResult,
  type CollectionsStore,
  type OutgoingNotice,
  type RowFailure,
  type RowList,
  type UpsertResult,
} from './store';

export const DEFAULT_SNAPSHOT_DIR = '.collections';

/** Enough of a file's start to hold its header row (a Bulk CSV header of our objects is < 2 KB). */
const HEADER_BYTES = 64 * 1024;

/** A local Id: a fixed prefix per object and a counter, 18 characters like a Salesforce Id. */
function localId(object: string, sequence: number): string {
  const prefix = (object.replace(/[^A-Za-z]/g, '').slice(0, 3) + 'xxx').slice(0, 3).toUpperCase();
  return `${prefix}L${String(sequence).padStart(14, '0')}`;
}

/** The sender of the snapshot's messages (an org sends from its own addresses). */
export const SNAPSHOT_SENDER = 'Accounts Receivable <accounts.receivable@collections-console.invalid>';

/** The object a relationship column points to: by external ID (Account__r.Customer_Number__c) or by Id (Dispute__c). */
function findParent(column: string): { schema: ObjectSchema; field: string } | undefined {
  const dot = column.indexOf('.');
  if (dot !== -1) {
    const field = column.slice(dot + 1);
    const schema = SNAPSHOT_OBJECTS.find((candidate) => candidate.key === field && candidate.key !== 'Id');
    return schema ? { schema, field } : undefined;
  }
  const schema = SNAPSHOT_OBJECTS.find((candidate) => candidate.object === column && candidate.key === 'Id');
  return schema ? { schema, field: 'Id' } : undefined;
}

/** findParent per column name, worked out once: it is asked for every cell of every written row. */
const PARENTS = new Map<string, { schema: ObjectSchema; field: string } | undefined>();

function parentOf(column: string): { schema: ObjectSchema; field: string } | undefined {
  if (!PARENTS.has(column)) PARENTS.set(column, findParent(column));
  return PARENTS.get(column);
}

/** What became of an incoming row (SnapshotStore.upsert keeps one byte per row). */
const PENDING = 0;
const CREATED = 1;
const UPDATED = 2;
const UNCHANGED = 3;
const FAILED = 4;

/** Whether writing `row` over `current` changes a value (an Id in the row is not a change). */
function changes(current: Row, row: Row): boolean {
  for (const column in row) if (column !== 'Id' && (current[column] ?? '') !== row[column]) return true;
  return false;
}

export class SnapshotStore implements CollectionsStore {
  readonly description: string;
  readonly outboxDir: string;
  /** the keys of each object's rows, read when a child names them, dropped when the object is written */
  private readonly keyCache = new Map<string, Set<string>>();

  /** `shownFrom` is the directory paths in messages are relative to (the user's). */
  constructor(
    readonly dir: string,
    private readonly projectDir: string,
    shownFrom: string = process.cwd(),
  ) {
    this.description = `snapshot ${relative(shownFrom, dir) || '.'}`;
    this.outboxDir = join(dir, 'outbox');
  }

  async deliverNotices(items: readonly OutgoingNotice[], asOf: Day): Promise<Delivery[]> {
    return writeToOutbox(this.outboxDir, asOf, items, SNAPSHOT_SENDER);
  }

  fileOf(schema: ObjectSchema): string {
    return join(this.dir, `${schema.object}.csv`);
  }

  async *read(schema: ObjectSchema): AsyncIterable<Row> {
    const file = this.fileOf(schema);
    if (!existsSync(file)) return;
    for await (const { row } of readCsvFile(file, relative(process.cwd(), file))) yield row;
  }

  /** The column names of an existing file's header (read from its first bytes only). */
  private headerOf(schema: ObjectSchema): string[] | undefined {
    const file = this.fileOf(schema);
    if (!existsSync(file)) return undefined;
    const descriptor = openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(HEADER_BYTES);
      const length = readSync(descriptor, buffer, 0, HEADER_BYTES, 0);
      const text = buffer.toString('utf8', 0, length);
      const end = text.indexOf('\n');
      return csvHeader(end === -1 ? text : text.slice(0, end + 1));
    } finally {
      closeSync(descriptor);
    }
  }

  private async keysOf(schema: ObjectSchema, field: string): Promise<Set<string>> {
    let keys = this.keyCache.get(schema.object);
    if (!keys) {
      keys = new Set<string>();
      for await (const row of this.read(schema)) keys.add(row[field] ?? '');
      this.keyCache.set(schema.object, keys);
    }
    return keys;
  }

  /** Like the org: a relationship to a record that is not there is refused, naming the field. */
  private async missingParent(row: Row, parentKeys: Map<string, Set<string> | null>): Promise<RowFailure | undefined> {
    for (const column in row) {
      const value = row[column];
      if (!value) continue;
      let keys = parentKeys.get(column);
      const parent = parentOf(column);
      if (keys === undefined) {
        // Read once per column and upsert (awaited only then, not per row: a night upserts a
        // million invoice rows).
        keys = parent ? await this.keysOf(parent.schema, parent.field) : null;
        parentKeys.set(column, keys);
      }
      if (keys && parent && !keys.has(value)) {
        return {
          key: '',
          code: 'INVALID_FIELD',
          field: column,
          message: `Foreign key external ID: ${value} not found for field ${parent.field} in entity ${parent.schema.object}`,
        };
      }
    }
    return undefined;
  }

  /**
   * Merges the rows into the object's file in one streamed pass: existing rows are copied (changed
   * where an incoming row has their key) into a new file, new rows are appended, and the new file
   * replaces the old one only if something changed. Memory holds the incoming rows, not the file,
   * so a night's upserts into a million-row file do not hold the million rows; the incoming rows
   * are read by position (a night hands them over packed, batch/packedRows.ts) and the state of
   * each is kept in arrays, not in an object per row.
   */
  async upsert(schema: ObjectSchema, incoming: RowList): Promise<UpsertResult> {
    const result = emptyResult();
    const count = incoming.length;
    if (count === 0) return result;
    const columns = this.headerOf(schema) ?? schema.columns.map((c) => c.name);
    for (const column of schema.columns.map((c) => c.name)) if (!columns.includes(column)) columns.push(column);
    if (!columns.includes(schema.key)) columns.unshift(schema.key);
    const rowAt = (position: number): Row => incoming.at(position) as Row;

    // Each incoming row's key, state and Id, by position; rows without a key are new records
    // (Id-keyed objects). Positions by key, in input order.
    const keys: string[] = new Array(count);
    const states = new Uint8Array(count);
    const ids: Array<string | undefined> = new Array(count);
    const failures = new Map<number, RowFailure>();
    const byKey = new Map<string, number | number[]>();
    const parentKeys = new Map<string, Set<string> | null>();
    for (let position = 0; position < count; position++) {
      const row = rowAt(position);
      const key = row[schema.key] ?? '';
      keys[position] = key;
      if (!key && schema.key !== 'Id') {
        failures.set(position, {
          key: `row ${position + 1}`,
          code: 'MISSING_KEY',
          message: `${schema.key} is blank`,
          field: schema.key,
        });
        states[position] = FAILED;
        continue;
      }
      const missing = await this.missingParent(row, parentKeys);
      if (missing) {
        failures.set(position, { ...missing, key: key || `row ${position + 1}` });
        states[position] = FAILED;
        continue;
      }
      if (!key) continue;
      const earlier = byKey.get(key);
      if (earlier === undefined) byKey.set(key, position);
      else if (typeof earlier === 'number') byKey.set(key, [earlier, position]);
      else earlier.push(position);
    }

    mkdirSync(this.dir, { recursive: true });
    const file = this.fileOf(schema);
    const writer = new CsvFileWriter(`${file}.tmp-${process.pid}`, columns);
    let existingCount = 0;
    let changed = false;
    try {
      for await (const existing of this.read(schema)) {
        existingCount++;
        const key = existing[schema.key] ?? '';
        const positions = key ? byKey.get(key) : undefined;
        if (positions === undefined) {
          writer.write(existing);
          continue;
        }
        byKey.delete(key);
        let current = existing;
        for (const position of typeof positions === 'number' ? [positions] : positions) {
          const row = rowAt(position);
          const differs = changes(current, row);
          if (differs) current = { ...current, ...row, ...(schema.key === 'Id' ? { Id: key } : {}) };
          states[position] = differs ? UPDATED : UNCHANGED;
          ids[position] = existing.Id ?? key;
          if (differs) changed = true;
        }
        writer.write(current);
      }
      // What is left is new: appended in input order, with local Ids numbered after the existing rows.
      // The incoming rows are written as they are (no copy with every column): a night creates
      // a hundred thousand notices at a time.
      let sequence = existingCount;
      const createdByKey = new Map<string, { row: Row; id: string | undefined }>();
      for (let position = 0; position < count; position++) {
        if (states[position] !== PENDING) continue;
        const row = rowAt(position);
        const key = keys[position] || localId(schema.object, ++sequence);
        const earlier = createdByKey.get(key);
        if (earlier) {
          // The same new key twice in one call: the second row updates the first, as in the org.
          const differs = changes(earlier.row, row);
          if (differs) earlier.row = { ...earlier.row, ...row };
          states[position] = differs ? UPDATED : UNCHANGED;
          ids[position] = earlier.id ?? key;
          continue;
        }
        const id =
          schema.key === 'Id' ? key : columns.includes('Id') ? row.Id || localId(schema.object, ++sequence) : undefined;
        createdByKey.set(key, { row, id });
        states[position] = CREATED;
        ids[position] = id ?? key;
        changed = true;
      }
      for (const created of createdByKey.values())
        writer.write(created.row, created.id === undefined ? undefined : { Id: created.id });
      writer.close();
    } catch (error) {
      writer.discard();
      throw error;
    }
    if (changed) {
      renameSync(writer.path, file);
      this.keyCache.delete(schema.object);
    } else writer.discard();

    for (let position = 0; position < count; position++) {
      const failure = failures.get(position);
      if (failure) {
        result.failures.push(failure);
        result.ids.push(undefined);
        continue;
      }
      if (states[position] === CREATED) result.created++;
      else if (states[position] === UPDATED) result.updated++;
      else result.unchanged++;
      result.ids.push(ids[position]);
    }
    return result;
  }

  async loadPolicy(): Promise<CollectionsPolicy> {
    return loadSourcePolicy(this.projectDir);
  }

  usage(): { requests: number; remaining: number | null; max: number | null } {
    return { requests: 0, remaining: null, max: null };
  }
}
