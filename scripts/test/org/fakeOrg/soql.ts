/**
 * The SOQL the fake org understands: SELECT field paths FROM an object, an optional WHERE of
 * `path = literal` conditions joined by AND, an optional LIMIT. Anything else is MALFORMED_QUERY,
 * so a query the adapter would build wrongly fails here rather than passing silently.
 */
import { ApiError, type OrgData, type StoredRecord, type Value } from './data';
import type { FieldDescribe, ObjectDescribe } from './describe';

export interface Column {
  /** canonical spelling, as the results name it */
  name: string;
  steps: FieldDescribe[];
}

export interface ParsedQuery {
  object: ObjectDescribe;
  columns: Column[];
  conditions: Array<{ steps: FieldDescribe[]; value: Value }>;
  limit?: number;
}

const QUERY = /^\s*SELECT\s+(.+?)\s+FROM\s+([A-Za-z][A-Za-z0-9_]*)(?:\s+WHERE\s+(.+?))?(?:\s+LIMIT\s+(\d+))?\s*$/is;
const PATH = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const CONDITION = /^\s*([A-Za-z][A-Za-z0-9_.]*)\s*=\s*('(?:[^'\\]|\\.)*'|true|false|null|-?\d+(?:\.\d+)?)\s*$/i;

function malformed(soql: string): ApiError {
  return new ApiError(400, 'MALFORMED_QUERY', `unexpected token in query: ${soql}`);
}

export function parseSoql(data: OrgData, soql: string): ParsedQuery {
  const match = QUERY.exec(soql);
  if (!match) throw malformed(soql);
  const [, select = '', objectName = '', where, limit] = match;
  const object = data.object(objectName);
  const columns = select.split(',').map((part) => {
    const path = part.trim();
    if (!PATH.test(path)) throw malformed(soql);
    return data.resolvePath(object, path);
  });
  const conditions = (where ? where.split(/\s+AND\s+/i) : []).map((text) => {
    const condition = CONDITION.exec(text);
    if (!condition) throw malformed(soql);
    const [, path = '', literal = ''] = condition;
    const { steps } = data.resolvePath(object, path);
    const value =
      literal.toLowerCase() === 'null'
        ? null
        : literal.startsWith("'")
          ? literal.slice(1, -1).replace(/\\(.)/g, '$1')
          : literal.toLowerCase();
    return { steps, value };
  });
  return { object, columns, conditions, ...(limit ? { limit: Number(limit) } : {}) };
}

export function runQuery(data: OrgData, query: ParsedQuery): StoredRecord[] {
  const rows = data
    .all(query.object.name)
    .filter((record) =>
      query.conditions.every((condition) => data.valueAt(record, condition.steps) === condition.value),
    );
  return query.limit === undefined ? rows : rows.slice(0, query.limit);
}
