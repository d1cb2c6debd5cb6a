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
import { emptyResult, type CollectionsStore, type OutgoingNotice, type RowFailure, type UpsertResult } from './store';

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
    return items.map((item) => writeToOutbox(this.outboxDir, asOf, item.notice, item.composed, SNAPSHOT_SENDER));
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
  private async missingParent(row: Row): Promise<RowFailure | undefined> {
    for (const column in row) {
      const value = row[column];
      if (!value) continue;
      const parent = parentOf(column);
      if (parent && !(await this.keysOf(parent.schema, parent.field)).has(value)) {
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
   * so a night's upserts into a million-row file do not hold the million rows.
   */
  async upsert(schema: ObjectSchema, incoming: readonly Row[]): Promise<UpsertResult> {
    const result = emptyResult();
    if (incoming.length === 0) return result;
    const columns = this.headerOf(schema) ?? schema.columns.map((c) => c.name);
    for (const column of schema.columns.map((c) => c.name)) if (!columns.includes(column)) columns.push(column);
    if (!columns.includes(schema.key)) columns.unshift(schema.key);

    // Incoming rows by key, in input order; rows without a key are new records (Id-keyed objects).
    const outcomes: Array<{
      key: string;
      id?: string;
      failure?: RowFailure;
      state?: 'created' | 'updated' | 'unchanged';
    }> = [];
    const byKey = new Map<string, number[]>();
    for (const [position, row] of incoming.entries()) {
      const key = row[schema.key] ?? '';
      if (!key && schema.key !== 'Id') {
        outcomes.push({
          key,
          failure: {
            key: `row ${position + 1}`,
            code: 'MISSING_KEY',
            message: `${schema.key} is blank`,
            field: schema.key,
          },
        });
        continue;
      }
      const missing = await this.missingParent(row);
      if (missing) {
        outcomes.push({ key, failure: { ...missing, key: key || `row ${position + 1}` } });
        continue;
      }
      outcomes.push({ key });
      if (!key) continue;
      const positions = byKey.get(key);
      if (positions) positions.push(position);
      else byKey.set(key, [position]);
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
        if (!positions) {
          writer.write(existing);
          continue;
        }
        byKey.delete(key);
        let current = existing;
        for (const position of positions) {
          const row = incoming[position] as Row;
          const differs = Object.entries(row).some(
            ([column, value]) => column !== 'Id' && (current[column] ?? '') !== value,
          );
          if (differs) current = { ...current, ...row, ...(schema.key === 'Id' ? { Id: key } : {}) };
          (outcomes[position] as { state?: string }).state = differs ? 'updated' : 'unchanged';
          (outcomes[position] as { id?: string }).id = existing.Id ?? key;
          if (differs) changed = true;
        }
        writer.write(current);
      }
      // What is left is new: appended in input order, with local Ids numbered after the existing rows.
      // The incoming rows are written as they are (no copy with every column): a night creates
      // a hundred thousand notices at a time.
      let sequence = existingCount;
      const createdByKey = new Map<string, { row: Row; id: string | undefined }>();
      for (const [position, row] of incoming.entries()) {
        const outcome = outcomes[position] as { key: string; id?: string; failure?: RowFailure; state?: string };
        if (outcome.failure || outcome.state) continue;
        const key = outcome.key || localId(schema.object, ++sequence);
        const earlier = createdByKey.get(key);
        if (earlier) {
          // The same new key twice in one call: the second row updates the first, as in the org.
          const differs = Object.entries(row).some(
            ([column, value]) => column !== 'Id' && (earlier.row[column] ?? '') !== value,
          );
          if (differs) earlier.row = { ...earlier.row, ...row };
          outcome.state = differs ? 'updated' : 'unchanged';
          outcome.id = earlier.id ?? key;
          continue;
        }
        const id =
          schema.key === 'Id' ? key : columns.includes('Id') ? row.Id || localId(schema.object, ++sequence) : undefined;
        createdByKey.set(key, { row, id });
        outcome.state = 'created';
        outcome.id = id ?? key;
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

    for (const outcome of outcomes) {
      if (outcome.failure) {
        result.failures.push(outcome.failure);
        result.ids.push(undefined);
        continue;
      }
      if (outcome.state === 'created') result.created++;
      else if (outcome.state === 'updated') result.updated++;
      else result.unchanged++;
      result.ids.push(outcome.id);
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
