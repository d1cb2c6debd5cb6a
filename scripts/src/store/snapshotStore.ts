/**
 * The local snapshot: a directory with one Bulk API CSV per object (Account.csv, Invoice__c.csv...).
 * Upserts merge by the object's key and rewrite the file atomically (write, then rename), so an
 * interrupted run never leaves half a file. Records without an external ID get a local Id, in the
 * style of Salesforce's, when they are first written.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadSourcePolicy } from '../snapshot/sourcePolicy';
import type { Day } from '../domain/calendar';
import type { CollectionsPolicy } from '../domain/policy';
import type { Delivery } from '../records/planRecords';
import { writeToOutbox } from '../snapshot/outbox';
import { csvHeader, formatBulkCsv, parseCsv, readCsvFile } from '../records/csv';
import { SNAPSHOT_OBJECTS, type ObjectSchema, type Row } from '../records/schema';
import { emptyResult, type CollectionsStore, type OutgoingNotice, type RowFailure, type UpsertResult } from './store';

export const DEFAULT_SNAPSHOT_DIR = '.collections';

/** A local Id: a fixed prefix per object and a counter, 18 characters like a Salesforce Id. */
function localId(object: string, sequence: number): string {
  const prefix = (object.replace(/[^A-Za-z]/g, '').slice(0, 3) + 'xxx').slice(0, 3).toUpperCase();
  return `${prefix}L${String(sequence).padStart(14, '0')}`;
}

/** The sender of the snapshot's messages (an org sends from its own addresses). */
export const SNAPSHOT_SENDER = 'Accounts Receivable <accounts.receivable@collections-console.invalid>';

/** The object a relationship column points to: by external ID (Account__r.Customer_Number__c) or by Id (Dispute__c). */
function parentOf(column: string): { schema: ObjectSchema; field: string } | undefined {
  const dot = column.indexOf('.');
  if (dot !== -1) {
    const field = column.slice(dot + 1);
    const schema = SNAPSHOT_OBJECTS.find((candidate) => candidate.key === field && candidate.key !== 'Id');
    return schema ? { schema, field } : undefined;
  }
  const schema = SNAPSHOT_OBJECTS.find((candidate) => candidate.object === column && candidate.key === 'Id');
  return schema ? { schema, field: 'Id' } : undefined;
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

  private readAll(schema: ObjectSchema): { columns: string[]; rows: Row[] } {
    const file = this.fileOf(schema);
    if (!existsSync(file)) return { columns: schema.columns.map((c) => c.name), rows: [] };
    const text = readFileSync(file, 'utf8');
    const rows = parseCsv(text, relative(process.cwd(), file));
    return { columns: csvHeader(text) ?? schema.columns.map((c) => c.name), rows };
  }

  private keysOf(schema: ObjectSchema, field: string): Set<string> {
    let keys = this.keyCache.get(schema.object);
    if (!keys) {
      keys = new Set(this.readAll(schema).rows.map((row) => row[field] ?? ''));
      this.keyCache.set(schema.object, keys);
    }
    return keys;
  }

  /** Like the org: a relationship to a record that is not there is refused, naming the field. */
  private missingParent(row: Row): RowFailure | undefined {
    for (const [column, value] of Object.entries(row)) {
      if (!value) continue;
      const parent = parentOf(column);
      if (parent && !this.keysOf(parent.schema, parent.field).has(value)) {
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

  async upsert(schema: ObjectSchema, incoming: readonly Row[]): Promise<UpsertResult> {
    const result = emptyResult();
    if (incoming.length === 0) return result;
    const { columns, rows } = this.readAll(schema);
    const allColumns = [...columns];
    for (const column of schema.columns.map((c) => c.name)) if (!allColumns.includes(column)) allColumns.push(column);
    if (!allColumns.includes(schema.key)) allColumns.unshift(schema.key);
    const byKey = new Map(rows.map((row, index) => [row[schema.key] ?? '', index]));
    let sequence = rows.length;
    for (const [position, row] of incoming.entries()) {
      let key = row[schema.key] ?? '';
      if (!key && schema.key !== 'Id') {
        result.failures.push({
          key: `row ${position + 1}`,
          code: 'MISSING_KEY',
          message: `${schema.key} is blank`,
          field: schema.key,
        });
        result.ids.push(undefined);
        continue;
      }
      const missing = this.missingParent(row);
      if (missing) {
        result.failures.push({ ...missing, key: key || `row ${position + 1}` });
        result.ids.push(undefined);
        continue;
      }
      if (!key) key = localId(schema.object, ++sequence);
      const index = byKey.get(key);
      if (index === undefined) {
        const created: Row = Object.fromEntries(allColumns.map((column) => [column, row[column] ?? '']));
        if (schema.key === 'Id') created.Id = key;
        if (allColumns.includes('Id') && !created.Id) created.Id = localId(schema.object, ++sequence);
        byKey.set(key, rows.length);
        rows.push(created);
        result.created++;
        result.ids.push(created.Id ?? key);
        continue;
      }
      const existing = rows[index] as Row;
      const changed = Object.entries(row).some(
        ([column, value]) => column !== 'Id' && (existing[column] ?? '') !== value,
      );
      if (changed) {
        rows[index] = { ...existing, ...row, ...(schema.key === 'Id' ? { Id: key } : {}) };
        result.updated++;
      } else result.unchanged++;
      result.ids.push(existing.Id ?? key);
    }
    if (result.created + result.updated > 0) {
      this.writeAll(schema, allColumns, rows);
      this.keyCache.delete(schema.object);
    }
    return result;
  }

  private writeAll(schema: ObjectSchema, columns: readonly string[], rows: readonly Row[]): void {
    mkdirSync(this.dir, { recursive: true });
    const file = this.fileOf(schema);
    const temporary = `${file}.tmp-${process.pid}`;
    writeFileSync(temporary, formatBulkCsv(columns, rows));
    renameSync(temporary, file);
  }

  async loadPolicy(): Promise<CollectionsPolicy> {
    return loadSourcePolicy(this.projectDir);
  }

  usage(): { requests: number; remaining: number | null; max: number | null } {
    return { requests: 0, remaining: null, max: null };
  }
}
