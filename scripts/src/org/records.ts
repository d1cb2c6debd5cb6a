/**
 * Rows (Bulk API CSV columns, '' for blank) as the org's write APIs take them.
 *   - sObject Collections (JSON): a relationship column `Account__r.Customer_Number__c` becomes a
 *     nested reference `{ Account__r: { Customer_Number__c: 'X' } }`; a blank value becomes null,
 *     and a blank relationship clears the lookup field itself (Account__c: null).
 *   - Bulk API 2.0 (CSV): relationship columns stay columns; a blank value is sent as #N/A, which
 *     clears the field ("Valid CSV Record Rows": an empty value is ignored on update).
 * Only the columns a row carries are written: in CSV, a column another row has but this one lacks
 * is left empty, which Salesforce ignores.
 */
import { CollectionsError } from '../cli/errors';
import type { ColumnSpec, ObjectSchema, Row } from '../records/schema';
import { assertFieldPath } from './soql';

/** Field types Salesforce computes: never written. */
const READ_ONLY_TYPES = new Set(['AutoNumber', 'Formula', 'Summary', 'Id']);
const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

export type Operation = 'upsert' | 'insert' | 'update';

/** What one write sends: the object, how rows are matched, and which columns. */
export interface WriteTarget {
  schema: ObjectSchema;
  operation: Operation;
  /** the external ID field for upserts, Id for updates, none for inserts */
  keyField: string | undefined;
  /** the columns to send, in schema order (the key first) */
  columns: readonly ColumnSpec[];
}

export function isWritable(column: ColumnSpec): boolean {
  return !(column.types.length > 0 && column.types.every((type) => READ_ONLY_TYPES.has(type)));
}

/**
 * The columns of `rows` that a write of `operation` sends. A column the schema does not know is a
 * programming error (rows are built from the schema), never pasted into a request.
 */
export function writeColumns(schema: ObjectSchema, operation: Operation, rows: readonly Row[]): ColumnSpec[] {
  const known = new Map(schema.columns.map((column) => [column.name, column]));
  const present = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) present.add(name);
  for (const name of present) {
    if (!known.has(name) && name !== 'Id') {
      throw new CollectionsError(
        'UnknownColumn',
        `${schema.object} has no column ${JSON.stringify(name)} in records/schema.ts; the rows cannot be written.`,
        ['Only the columns of records/schema.ts are written to the org: fix the producer of these rows.'],
      );
    }
  }
  const columns = schema.columns.filter(
    (column) => present.has(column.name) && column.name !== 'Id' && column.name !== schema.key && isWritable(column),
  );
  // Inserts are for objects keyed by Id: Salesforce assigns it.
  if (operation === 'insert') return columns;
  const keyName = operation === 'update' ? 'Id' : schema.key;
  return [known.get(keyName) ?? { name: keyName, types: [] }, ...columns];
}

export function targetFor(schema: ObjectSchema, operation: Operation, rows: readonly Row[]): WriteTarget {
  const columns = writeColumns(schema, operation, rows);
  for (const column of columns) assertFieldPath(column.name);
  const keyField = operation === 'upsert' ? schema.key : operation === 'update' ? 'Id' : undefined;
  return { schema, operation, keyField, columns };
}

/** The lookup field behind a relationship name: Account__r -> Account__c, Owner -> OwnerId. */
export function lookupFieldOf(relationship: string): string {
  return relationship.endsWith('__r') ? `${relationship.slice(0, -3)}__c` : `${relationship}Id`;
}

function jsonValue(column: ColumnSpec, value: string): string | number | boolean | null {
  if (column.types.includes('Checkbox')) return value.toLowerCase() === 'true' || value === '1';
  if (value === '') return null;
  if (column.types.some((type) => NUMBER_TYPES.has(type))) {
    const number = Number(value);
    return Number.isFinite(number) ? number : value;
  }
  return value;
}

/** One row as an sObject Collections record: only its own columns, typed by the schema. */
export function toJsonRecord(target: WriteTarget, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = { attributes: { type: target.schema.object } };
  for (const column of target.columns) {
    const value = row[column.name];
    if (value === undefined) continue;
    const dot = column.name.indexOf('.');
    if (dot < 0) {
      record[column.name === 'Id' ? 'id' : column.name] = jsonValue(column, value);
      continue;
    }
    const relationship = column.name.slice(0, dot);
    const field = column.name.slice(dot + 1);
    if (value === '') record[lookupFieldOf(relationship)] = null;
    else record[relationship] = { [field]: value };
  }
  return record;
}

/** One row as Bulk API CSV values: blank present = #N/A (clear), absent = '' (leave as is). */
export function toCsvRow(target: WriteTarget, row: Row): Row {
  const csv: Row = {};
  for (const column of target.columns) {
    const value = row[column.name];
    if (value === undefined) csv[column.name] = '';
    else if (column.types.includes('Checkbox')) csv[column.name] = value === '' ? 'false' : value;
    else csv[column.name] = value === '' && column.name !== target.keyField ? '#N/A' : value;
  }
  return csv;
}

export interface RecordError {
  code: string;
  message: string;
  fields: string[];
}

/**
 * A Bulk API 2.0 sf__Error cell: "STATUS_CODE:message:Field1,Field2 --" (the message may itself
 * hold colons; the fields part is the text between the last colon and the closing " --").
 */
export function parseBulkError(cell: string): RecordError {
  const text = cell.trim();
  const colon = text.indexOf(':');
  if (colon < 0) return { code: text || 'UNKNOWN_ERROR', message: text, fields: [] };
  const code = text.slice(0, colon);
  let rest = text.slice(colon + 1);
  let fields: string[] = [];
  const tail = /:([^:]*?)\s*--\s*$/.exec(rest);
  if (tail) {
    fields = (tail[1] ?? '')
      .split(',')
      .map((field) => field.trim())
      .filter(Boolean);
    rest = rest.slice(0, tail.index);
  }
  return { code, message: rest.trim(), fields };
}

/** One row to write, with its place in the caller's input. */
export interface WorkItem {
  position: number;
  row: Row;
}

/** What became of one row. */
export type ItemOutcome =
  { kind: 'created' | 'updated'; id: string | undefined } | { kind: 'failed'; error: RecordError };

export function failed(code: string, message: string, fields: string[] = []): ItemOutcome {
  return { kind: 'failed', error: { code, message, fields } };
}
