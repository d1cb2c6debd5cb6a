/**
 * The fake org's records: per object, by Id, each a map of field -> value (text as Bulk API CSV
 * shows it, null for blank). Writes check what Salesforce checks and the adapter depends on:
 * unknown or read-only fields, value types, lookups through relationship external IDs, external
 * ID uniqueness, required master-detail parents. Each record is written whole or not at all.
 */
import type { OrgDescribe, ObjectDescribe, FieldDescribe } from './describe';
import { makeId } from './ids';

export type Value = string | null;
export type StoredRecord = Map<string, Value>;

/** A per-record failure, as Salesforce reports it: a status code, a message, the fields. */
export class RecordError extends Error {
  constructor(
    readonly statusCode: string,
    message: string,
    readonly fields: string[] = [],
  ) {
    super(message);
  }
}

/** A request-level failure (bad object, bad query): HTTP status and errorCode. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

/** One value to set: a field directly, or a lookup through the parent's indexed field. */
export type Assignment =
  | { kind: 'field'; field: FieldDescribe; raw: unknown }
  | { kind: 'reference'; field: FieldDescribe; target: ObjectDescribe; match: FieldDescribe; value: string | null };

const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);

export class OrgData {
  private readonly records = new Map<string, Map<string, StoredRecord>>();
  /** object -> indexed field (external IDs, Username, DeveloperName) -> value -> Id */
  private readonly indexes = new Map<string, Map<string, Map<string, string>>>();
  private sequence = 0;
  readonly userId: string;
  readonly username: string;
  readonly orgId: string;

  constructor(
    readonly describe: OrgDescribe,
    readonly corporateCurrency = 'USD',
  ) {
    this.orgId = makeId('00D', 1);
    this.username = 'admin@collections.fake';
    this.userId = this.insertSystem('User', {
      Username: this.username,
      Name: 'Collections Admin',
      Email: 'admin@collections.fake',
      IsActive: 'true',
    });
    this.insertSystem('Organization', {
      Name: 'Collections Console Fake Org',
      InstanceName: 'FAKE1',
      IsSandbox: 'false',
      TrialExpirationDate: null,
      NamespacePrefix: null,
      OrganizationType: 'Developer Edition',
      DefaultCurrencyIsoCode: corporateCurrency,
    });
  }

  object(name: string): ObjectDescribe {
    const found =
      this.describe.get(name) ?? [...this.describe.values()].find((o) => o.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new ApiError(400, 'INVALID_TYPE', `sObject type '${name}' is not supported.`);
    return found;
  }

  field(object: ObjectDescribe, name: string): FieldDescribe | undefined {
    return (
      object.fields.get(name) ?? [...object.fields.values()].find((f) => f.name.toLowerCase() === name.toLowerCase())
    );
  }

  private table(object: string): Map<string, StoredRecord> {
    let table = this.records.get(object);
    if (!table) {
      table = new Map();
      this.records.set(object, table);
    }
    return table;
  }

  /** Every record of an object, in creation order. */
  all(object: string): StoredRecord[] {
    return [...this.table(this.object(object).name).values()];
  }

  byId(id: string): { object: ObjectDescribe; record: StoredRecord } | undefined {
    for (const object of this.describe.values()) {
      if (!id.startsWith(object.keyPrefix)) continue;
      const record = this.records.get(object.name)?.get(id);
      if (record) return { object, record };
    }
    return undefined;
  }

  findBy(object: ObjectDescribe, field: FieldDescribe, value: string): StoredRecord | undefined {
    if (field.name === 'Id') return this.table(object.name).get(value);
    const index = this.indexes.get(object.name)?.get(field.name);
    if (field.idLookup) {
      const id = index?.get(value);
      return id === undefined ? undefined : this.table(object.name).get(id);
    }
    for (const record of this.table(object.name).values()) {
      if (record.get(field.name) === value) return record;
    }
    return undefined;
  }

  /** Stores a record and keeps the indexes of its lookup fields. */
  private store(object: ObjectDescribe, id: string, record: StoredRecord): void {
    const table = this.table(object.name);
    const previous = table.get(id);
    let indexes = this.indexes.get(object.name);
    if (!indexes) {
      indexes = new Map();
      this.indexes.set(object.name, indexes);
    }
    for (const field of object.fields.values()) {
      if (!field.idLookup || field.name === 'Id') continue;
      let index = indexes.get(field.name);
      if (!index) {
        index = new Map();
        indexes.set(field.name, index);
      }
      const old = previous?.get(field.name);
      if (old !== undefined && old !== null && index.get(old) === id) index.delete(old);
      const value = record.get(field.name);
      if (value !== undefined && value !== null) index.set(value, id);
    }
    table.set(id, record);
  }

  private nextId(object: ObjectDescribe): string {
    return makeId(object.keyPrefix, ++this.sequence);
  }

  private insertSystem(objectName: string, values: Record<string, Value>): string {
    const object = this.object(objectName);
    const id = this.nextId(object);
    this.store(object, id, new Map([['Id', id], ...Object.entries(values)]));
    return id;
  }

  // ---- reading input ----------------------------------------------------------------------

  private relationship(object: ObjectDescribe, name: string): FieldDescribe | undefined {
    const lower = name.toLowerCase();
    return [...object.fields.values()].find((f) => f.relationshipName?.toLowerCase() === lower);
  }

  /** A relationship path (Account__r.Customer_Number__c) as an assignment of the lookup field. */
  referenceAssignment(
    object: ObjectDescribe,
    relationshipName: string,
    matchName: string,
    value: string | null,
  ): Assignment {
    const field = this.relationship(object, relationshipName);
    if (!field?.referenceTo) {
      throw new RecordError(
        'INVALID_FIELD',
        `No such relation '${relationshipName}' on sobject of type ${object.name}`,
        [relationshipName],
      );
    }
    const target = this.object(field.referenceTo);
    const match = this.field(target, matchName);
    if (!match?.idLookup) {
      throw new RecordError(
        'INVALID_FIELD',
        `Field name provided, ${matchName} is not an External ID or indexed field for ${target.name}`,
        [field.name],
      );
    }
    return { kind: 'reference', field, target, match, value };
  }

  fieldAssignment(object: ObjectDescribe, name: string, raw: unknown): Assignment {
    const field = this.field(object, name);
    if (!field)
      throw new RecordError('INVALID_FIELD', `No such column '${name}' on sobject of type ${object.name}`, [name]);
    return { kind: 'field', field, raw };
  }

  /** A JSON record of sObject Collections: fields, and nested { Rel__r: { Field: value } } references. */
  jsonAssignments(object: ObjectDescribe, record: Record<string, unknown>, skip: readonly string[]): Assignment[] {
    const assignments: Assignment[] = [];
    for (const [name, raw] of Object.entries(record)) {
      if (name === 'attributes' || skip.includes(name)) continue;
      if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
        const entries = Object.entries(raw as Record<string, unknown>).filter(([key]) => key !== 'attributes');
        const [match] = entries;
        if (entries.length !== 1 || !match) {
          throw new RecordError('INVALID_FIELD', `A reference to ${name} needs exactly one external ID field`, [name]);
        }
        assignments.push(this.referenceAssignment(object, name, match[0], match[1] === null ? null : String(match[1])));
      } else assignments.push(this.fieldAssignment(object, name, raw));
    }
    return assignments;
  }

  /** A Bulk API CSV row: '' leaves a field as it is, #N/A clears it, Rel__r.Field columns are lookups. */
  csvAssignments(object: ObjectDescribe, row: Record<string, string>, skip: readonly string[]): Assignment[] {
    const assignments: Assignment[] = [];
    for (const [column, text] of Object.entries(row)) {
      if (skip.includes(column) || text === '') continue;
      const value = text === '#N/A' ? null : text;
      const dot = column.indexOf('.');
      if (dot > 0)
        assignments.push(this.referenceAssignment(object, column.slice(0, dot), column.slice(dot + 1), value));
      else assignments.push(this.fieldAssignment(object, column, value));
    }
    return assignments;
  }

  // ---- writing ----------------------------------------------------------------------------

  private coerce(object: ObjectDescribe, field: FieldDescribe, raw: unknown): Value {
    const invalid = (): RecordError =>
      new RecordError('INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.name}: value not of required type: ${String(raw)}`, [
        field.name,
      ]);
    if (field.type === 'Checkbox') {
      if (raw === null || raw === false || raw === 'false' || raw === '0') return 'false';
      if (raw === true || raw === 'true' || raw === '1') return 'true';
      throw invalid();
    }
    if (raw === null || raw === undefined || raw === '') return null;
    if (typeof raw === 'object') throw invalid();
    const text = String(raw);
    if (NUMBER_TYPES.has(field.type)) {
      const number = typeof raw === 'number' ? raw : Number(text.trim());
      if (!Number.isFinite(number) || text.trim() === '') throw invalid();
      return String(number);
    }
    if (field.type === 'Date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) throw invalid();
    if (field.type === 'Lookup' || field.type === 'MasterDetail' || field.type === 'MetadataRelationship') {
      const target = this.byId(text);
      if (!target || (field.referenceTo && target.object.name !== field.referenceTo)) {
        throw new RecordError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id: ${text}`, [field.name]);
      }
    }
    return text;
  }

  private apply(
    object: ObjectDescribe,
    record: StoredRecord,
    assignments: readonly Assignment[],
    ownId?: string,
  ): void {
    for (const assignment of assignments) {
      const { field } = assignment;
      if (field.readOnly) {
        throw new RecordError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${field.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          [field.name],
        );
      }
      if (assignment.kind === 'field') {
        record.set(field.name, this.coerce(object, field, assignment.raw));
        continue;
      }
      if (assignment.value === null) {
        record.set(field.name, null);
        continue;
      }
      const parent = this.findBy(assignment.target, assignment.match, assignment.value);
      if (!parent) {
        throw new RecordError(
          'INVALID_FIELD',
          `Foreign key external ID: ${assignment.value} not found for field ${assignment.match.name} in entity ${assignment.target.name}`,
          [field.name],
        );
      }
      record.set(field.name, parent.get('Id') ?? null);
    }
    for (const field of object.fields.values()) {
      const value = record.get(field.name);
      if (field.type === 'MasterDetail' && (value === null || value === undefined)) {
        throw new RecordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${field.name}]`, [field.name]);
      }
      if ((field.externalId || field.name === 'Username') && value !== null && value !== undefined) {
        const other = this.findBy(object, field, value);
        if (other && other.get('Id') !== ownId) {
          throw new RecordError(
            'DUPLICATE_VALUE',
            `duplicate value found: ${field.name} duplicates value on record with id: ${other.get('Id') ?? ''}`,
            [field.name],
          );
        }
      }
    }
  }

  private stamp(object: ObjectDescribe, record: StoredRecord): void {
    const now = new Date().toISOString().replace('Z', '+0000');
    if (object.fields.has('LastModifiedDate')) record.set('LastModifiedDate', now);
    if (object.fields.has('LastModifiedById')) record.set('LastModifiedById', this.userId);
  }

  insert(objectName: string, assignments: readonly Assignment[]): string {
    const object = this.object(objectName);
    const record: StoredRecord = new Map();
    const id = this.nextId(object);
    this.apply(object, record, assignments, id);
    record.set('Id', id);
    for (const field of object.fields.values()) {
      if (!record.has(field.name)) record.set(field.name, field.type === 'Checkbox' ? 'false' : null);
    }
    if (object.fields.has('CurrencyIsoCode') && !record.get('CurrencyIsoCode'))
      record.set('CurrencyIsoCode', this.corporateCurrency);
    if (object.fields.has('OwnerId') && !record.get('OwnerId')) record.set('OwnerId', this.userId);
    const name = object.fields.get('Name');
    if (name?.type === 'AutoNumber')
      record.set(
        'Name',
        `${object.keyPrefix.toUpperCase()}-${String(this.table(object.name).size + 1).padStart(6, '0')}`,
      );
    else if (name && !record.get('Name') && object.name.endsWith('__c')) record.set('Name', id);
    if (object.fields.has('CreatedDate')) record.set('CreatedDate', new Date().toISOString().replace('Z', '+0000'));
    if (object.fields.has('CreatedById')) record.set('CreatedById', this.userId);
    this.stamp(object, record);
    this.store(object, id, record);
    return id;
  }

  update(objectName: string, id: string, assignments: readonly Assignment[]): void {
    const object = this.object(objectName);
    const existing = this.table(object.name).get(id);
    if (!existing) throw new RecordError('ENTITY_IS_DELETED', 'entity is deleted', []);
    const copy = new Map(existing);
    this.apply(object, copy, assignments, id);
    this.stamp(object, copy);
    this.store(object, id, copy);
  }

  /** Upsert by an external ID field whose value is among the assignments. */
  upsert(objectName: string, keyName: string, assignments: readonly Assignment[]): { id: string; created: boolean } {
    const object = this.object(objectName);
    const key = this.field(object, keyName);
    if (!key || !(key.externalId || key.name === 'Id')) {
      throw new RecordError(
        'INVALID_FIELD',
        `Field ${keyName} is not an external ID or indexed field for ${object.name}`,
        [keyName],
      );
    }
    const keyAssignment = assignments.find((a) => a.kind === 'field' && a.field.name === key.name);
    const keyValue = keyAssignment?.kind === 'field' && keyAssignment.raw !== null ? String(keyAssignment.raw) : '';
    if (!keyValue) throw new RecordError('MISSING_ARGUMENT', `${key.name} not specified`, [key.name]);
    const existing = this.findBy(object, key, keyValue);
    if (existing) {
      const id = existing.get('Id') as string;
      this.update(object.name, id, assignments);
      return { id, created: false };
    }
    return { id: this.insert(object.name, assignments), created: true };
  }

  // ---- reading ----------------------------------------------------------------------------

  /** Checks a field path (Account__r.Customer_Number__c) and gives its canonical spelling. */
  resolvePath(object: ObjectDescribe, path: string): { name: string; steps: FieldDescribe[] } {
    const parts = path.split('.');
    const steps: FieldDescribe[] = [];
    const names: string[] = [];
    let current = object;
    parts.forEach((part, index) => {
      if (index < parts.length - 1) {
        const relationship = this.relationship(current, part);
        if (!relationship?.referenceTo || !relationship.relationshipName) {
          throw new ApiError(
            400,
            'INVALID_FIELD',
            `Didn't understand relationship '${part}' in field path. No such column '${part}' on entity '${current.name}'.`,
          );
        }
        steps.push(relationship);
        names.push(relationship.relationshipName);
        current = this.object(relationship.referenceTo);
      } else {
        const field = this.field(current, part);
        if (!field) throw new ApiError(400, 'INVALID_FIELD', `No such column '${part}' on entity '${current.name}'.`);
        steps.push(field);
        names.push(field.name);
      }
    });
    return { name: names.join('.'), steps };
  }

  /** A record's value at a resolved path, following lookups. */
  valueAt(record: StoredRecord, steps: readonly FieldDescribe[]): Value {
    let current: StoredRecord | undefined = record;
    for (const [index, step] of steps.entries()) {
      if (!current) return null;
      const value: Value = current.get(step.name) ?? null;
      if (index === steps.length - 1) return value;
      current = value === null ? undefined : this.byId(value)?.record;
    }
    return null;
  }
}
