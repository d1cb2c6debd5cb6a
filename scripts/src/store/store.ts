/**
 * Where the collections data lives: an org (through jsforce) or a local snapshot directory. Both
 * speak in Bulk API CSV rows of the objects in records/schema.ts, so every command works the same
 * against either, and what the engine sees does not depend on the target.
 */
import type { Day } from '../domain/calendar';
import type { NoticeAction } from '../domain/engine/actions';
import type { CollectionsPolicy } from '../domain/policy';
import type { ComposedNotice } from '../notices/composeNotice';
import type { Delivery } from '../records/planRecords';
import type { ObjectSchema, Row } from '../records/schema';

export interface RowFailure {
  /** the row's key value (external ID or Id), or its position when it has none */
  key: string;
  /** a Salesforce error code (INVALID_FIELD, UNABLE_TO_LOCK_ROW...) or our own */
  code: string;
  message: string;
  /** the field concerned, when known */
  field?: string;
}

export interface UpsertResult {
  created: number;
  updated: number;
  /** rows whose values were already there: nothing written */
  unchanged: number;
  failures: RowFailure[];
  /** Ids of the rows, in input order, when the target assigns them (undefined for failed rows) */
  ids: Array<string | undefined>;
}

/**
 * Rows to write, read by position: an array, or rows kept packed until written
 * (batch/packedRows.ts), so that a million of them need not be objects at once.
 */
export interface RowList {
  readonly length: number;
  at(position: number): Row | undefined;
}

/** The rows of a RowList as an array (an array is returned as it is). */
export function rowArray(rows: RowList): readonly Row[] {
  if (Array.isArray(rows)) return rows as readonly Row[];
  return Array.from({ length: rows.length }, (_, position) => rows.at(position) as Row);
}

export interface CollectionsStore {
  /** what the store is, for messages: "snapshot .collections" or "org collections (00D...)" */
  readonly description: string;
  /** every row of an object, streamed */
  read(schema: ObjectSchema): AsyncIterable<Row>;
  /**
   * Creates or updates rows by the schema's key (an external ID, or Id for objects without one;
   * rows without an Id are created). Only the columns present in the rows are written.
   */
  upsert(schema: ObjectSchema, rows: RowList): Promise<UpsertResult>;
  /** the policy: custom metadata records of the org, or force-app's files for a snapshot */
  loadPolicy(): Promise<CollectionsPolicy>;
  /** API requests used so far, and what the org has left today (null for a snapshot) */
  usage(): { requests: number; remaining: number | null; max: number | null };
  /**
   * Sends notices to customers, one Delivery per item in the same order: the snapshot writes .eml
   * files to its outbox, the org sends emails (logged on the notice record). A send whose outcome
   * cannot be known (the request went out, the answer was lost) is 'Unconfirmed', never retried:
   * a customer must not get the same notice twice. A target that cannot send leaves this out.
   */
  deliverNotices?(items: readonly OutgoingNotice[], asOf: Day): Promise<Delivery[]>;
}

export interface OutgoingNotice {
  notice: NoticeAction;
  composed: ComposedNotice;
  /** the Dunning_Notice__c record the email is logged on (written before sending) */
  recordId: string | undefined;
}

export function emptyResult(): UpsertResult {
  return { created: 0, updated: 0, unchanged: 0, failures: [], ids: [] };
}
