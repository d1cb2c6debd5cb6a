/**
 * The org as a CollectionsStore, on a connection from @salesforce/core.
 *
 * Reads: one Bulk API 2.0 query job per object, result sets fetched by locator and streamed.
 * Writes, by the schema's key:
 *   - an external ID: upsert by that field;
 *   - Id: rows without an Id are inserted, rows with one are updated.
 * Up to COLLECTIONS_THRESHOLD rows go through sObject Collections (200 a request, so at most 10
 * requests, answered at once); above it through a Bulk API 2.0 ingest job, whose cost is about 6
 * requests whatever the count, but which waits in the org's job queue and spends its daily batch
 * allocation. At 2000 rows Collections costs 10 requests against about 6 + polls for a job: the
 * difference is small and Collections gives every result at once; past it, a job wins more and
 * more (10,000 rows: about 7 requests instead of 50).
 *
 * Rows a record lock held back (UNABLE_TO_LOCK_ROW) are written again, alone, after a backoff;
 * every other per-record failure is reported with Salesforce's code, message and fields.
 * Salesforce does not say whether an update changed anything, so `unchanged` stays 0: a row that
 * exists is counted as updated.
 *
 * Notices are emailed by the org's Simple Email action, up to 100 a request, each logged on its
 * Dunning_Notice__c record (email.ts); an email whose answer was lost is Unconfirmed, never resent.
 */
import type { Connection } from '@salesforce/core';
import type { CollectionsPolicy } from '../domain/policy';
import { policyFromRecords } from '../domain/policy';
import { CollectionsError } from '../cli/errors';
import type { ObjectSchema, Row } from '../records/schema';
import type { Day } from '../domain/calendar';
import type { Delivery } from '../records/planRecords';
import {
  emptyResult,
  rowArray,
  type CollectionsStore,
  type OutgoingNotice,
  type RowList,
  type UpsertResult,
} from '../store/store';
import { bulkWrite } from './bulkIngest';
import { bulkQueryRows } from './bulkQuery';
import type { PollOptions } from './bulkJobs';
import { collectionsWrite, COLLECTION_LIMIT } from './collections';
import { queryPolicyRecords } from './customMetadata';
import { EMAIL_INPUT_LIMIT, sendNoticeEmails, type EmailSender } from './email';
import { asCollectionsError, OrgApiError, type ApiUsage } from './errors';
import { OrgHttp } from './http';
import { failed, targetFor, type ItemOutcome, type Operation, type WorkItem, type WriteTarget } from './records';
import { backoffDelay, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry';
import { schemaQuery } from './soql';

/** Up to this many rows, a write goes through sObject Collections; above it, a Bulk API 2.0 job. */
export const COLLECTIONS_THRESHOLD = 2000;

export interface OrgStoreTuning {
  /** for messages: "org <alias> (<org Id>)" */
  description?: string;
  /** backoff for 503s, dropped connections and locked rows; sleep and random are injectable */
  retry?: Partial<RetryPolicy>;
  collectionsThreshold?: number;
  collectionsChunkSize?: number;
  /** maxRecords of each Bulk query result set */
  queryPageSize?: number;
  /** CSV bytes per ingest job */
  maxJobBytes?: number;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  jobTimeoutMs?: number;
  /** how long one HTTP request may take before it counts as a lost connection */
  requestTimeoutMs?: number;
  /** the same for a Bulk API upload or result download (up to maxJobBytes) */
  transferTimeoutMs?: number;
  /**
   * Who notice emails are from. Default: none given, so Salesforce sends as the user the CLI is
   * logged in as (senderType CurrentUser). DefaultWorkflowUser sends as the org's default workflow
   * user; OrgWideEmailAddress as a verified organization-wide address (the usual choice for
   * customer mail: replies go to the receivables team, not to the integration user).
   */
  emailSender?: EmailSender;
  /** emails per Simple Email request, at most EMAIL_INPUT_LIMIT (100) */
  emailBatchSize?: number;
}

const RETRYABLE_RECORD_ERRORS = new Set(['UNABLE_TO_LOCK_ROW']);

export class OrgStore implements CollectionsStore {
  readonly description: string;
  private readonly http: OrgHttp;
  private readonly retry: RetryPolicy;
  private readonly poll: PollOptions;
  private readonly threshold: number;
  private readonly chunkSize: number;
  private readonly pageSize: number;
  private readonly maxJobBytes: number;
  private readonly emailSender: EmailSender | undefined;
  private readonly emailBatchSize: number;
  /** single emails the org can still send in this run; undefined until first asked */
  private emailsLeft: number | null | undefined;

  constructor(connection: Connection, tuning: OrgStoreTuning = {}) {
    this.retry = { ...DEFAULT_RETRY_POLICY, ...tuning.retry };
    this.http = new OrgHttp(connection, this.retry, {
      requestMs: tuning.requestTimeoutMs ?? 120_000,
      transferMs: tuning.transferTimeoutMs ?? 15 * 60_000,
    });
    this.poll = {
      intervalMs: tuning.pollIntervalMs ?? 2000,
      maxIntervalMs: tuning.maxPollIntervalMs ?? 15_000,
      timeoutMs: tuning.jobTimeoutMs ?? 30 * 60_000,
      sleep: this.retry.sleep,
    };
    this.threshold = tuning.collectionsThreshold ?? COLLECTIONS_THRESHOLD;
    this.chunkSize = tuning.collectionsChunkSize ?? COLLECTION_LIMIT;
    this.pageSize = tuning.queryPageSize ?? 50_000;
    this.maxJobBytes = tuning.maxJobBytes ?? 64 * 1024 * 1024;
    this.emailSender = tuning.emailSender;
    this.emailBatchSize = tuning.emailBatchSize ?? EMAIL_INPUT_LIMIT;
    const orgId = connection.getAuthInfoFields().orgId ?? 'unknown org';
    this.description = tuning.description ?? `org ${connection.getUsername() ?? connection.instanceUrl} (${orgId})`;
  }

  async *read(schema: ObjectSchema): AsyncIterable<Row> {
    try {
      yield* bulkQueryRows(this.http, schemaQuery(schema), { pageSize: this.pageSize, poll: this.poll });
    } catch (error) {
      if (!(error instanceof OrgApiError)) throw asCollectionsError(`Reading ${schema.object}`, error);
      throw new CollectionsError(
        'OrgQueryFailed',
        `Reading ${schema.object} from the org failed: ${error.errorCode}: ${error.message}`,
        [
          'Deploy force-app to the org (sf project deploy start) so that every field the tool reads exists.',
          'Give the integration user the Collections permission sets (field access), then run the command again.',
        ],
      );
    }
  }

  async upsert(schema: ObjectSchema, list: RowList): Promise<UpsertResult> {
    // The org's writes keep every row with its position until the answers are in.
    const rows = rowArray(list);
    const outcomes = new Map<number, ItemOutcome>();
    const groups = new Map<Operation, WorkItem[]>();
    const add = (operation: Operation, item: WorkItem): void => {
      const group = groups.get(operation);
      if (group) group.push(item);
      else groups.set(operation, [item]);
    };
    rows.forEach((row, position) => {
      const key = row[schema.key] ?? '';
      if (schema.key === 'Id') add(key ? 'update' : 'insert', { position, row });
      else if (key) add('upsert', { position, row });
      else outcomes.set(position, failed('MISSING_KEY', `${schema.key} is blank`, [schema.key]));
    });
    for (const [operation, items] of groups) {
      const target = targetFor(
        schema,
        operation,
        items.map((item) => item.row),
      );
      try {
        for (const round of roundsByKey(target, items)) await this.write(target, round, outcomes);
      } catch (error) {
        throw asCollectionsError(`Writing ${schema.object}`, error);
      }
    }
    return resultOf(schema, rows, outcomes);
  }

  /** Writes rows, then writes again, alone, those a record lock held back. */
  private async write(target: WriteTarget, items: WorkItem[], outcomes: Map<number, ItemOutcome>): Promise<void> {
    let pending = items;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const results =
        pending.length <= this.threshold
          ? await collectionsWrite(this.http, target, pending, this.chunkSize)
          : await bulkWrite(this.http, target, pending, {
              poll: this.poll,
              retry: this.retry,
              maxJobBytes: this.maxJobBytes,
            });
      const again: WorkItem[] = [];
      for (const item of pending) {
        const outcome =
          results.get(item.position) ?? failed('NO_RESULT', 'Salesforce returned no result for this row.');
        const retryable = outcome.kind === 'failed' && RETRYABLE_RECORD_ERRORS.has(outcome.error.code);
        if (retryable && attempt < this.retry.maxAttempts) again.push(item);
        else outcomes.set(item.position, outcome);
      }
      if (again.length > 0) await this.retry.sleep(backoffDelay(this.retry, attempt));
      pending = again;
    }
  }

  /**
   * Emails the notices through the Simple Email action, logged on their Dunning_Notice__c records
   * (see email.ts): Accepted, Failed with Salesforce's code and message, or Unconfirmed when a
   * request's answer was lost (never sent again). The as-of date is not needed: the org stamps the
   * email itself.
   *
   * Emails logged on a record count against the org's daily single-email allowance (5,000
   * external addresses a day; "SingleEmail" in the Limits resource). It is read once per run and
   * counted down here: notices beyond it are not attempted and come back Failed with that reason,
   * and a Failed notice goes out on the next run, under the same key, once the allowance is back.
   */
  async deliverNotices(items: readonly OutgoingNotice[], _asOf: Day): Promise<Delivery[]> {
    try {
      if (this.emailsLeft === undefined) this.emailsLeft = await this.singleEmailAllowance();
      const allowed = this.emailsLeft === null ? items.length : Math.min(items.length, this.emailsLeft);
      const sent =
        allowed > 0
          ? await sendNoticeEmails(this.http, items.slice(0, allowed), {
              ...(this.emailSender ? { sender: this.emailSender } : {}),
              batchSize: this.emailBatchSize,
            })
          : [];
      // Attempts count, whatever their outcome: an Unconfirmed email may have used the allowance.
      if (this.emailsLeft !== null) this.emailsLeft -= allowed;
      const held: Delivery[] = items.slice(allowed).map(() => ({
        outcome: 'Failed',
        detail: "not sent: the org's daily single-email limit is used up; it goes out on the next run",
      }));
      return [...sent, ...held];
    } catch (error) {
      throw asCollectionsError('Sending the notice emails', error);
    }
  }

  /** Emails the org can still send today (Limits resource "SingleEmail"), or null if it does not say. */
  private async singleEmailAllowance(): Promise<number | null> {
    const limits = await this.http.json<{ SingleEmail?: { Max?: number; Remaining?: number } }>({
      method: 'GET',
      path: '/limits',
      idempotent: true,
    });
    const remaining = limits.SingleEmail?.Remaining;
    return typeof remaining === 'number' ? Math.max(0, remaining) : null;
  }

  async loadPolicy(): Promise<CollectionsPolicy> {
    let records;
    try {
      records = await queryPolicyRecords(this.http);
    } catch (error) {
      throw asCollectionsError('Reading the policy', error);
    }
    return policyFromRecords(records);
  }

  usage(): { requests: number; remaining: number | null; max: number | null } {
    const usage = this.http.apiUsage;
    return {
      requests: this.http.requests,
      remaining: usage ? Math.max(0, usage.max - usage.used) : null,
      max: usage ? usage.max : null,
    };
  }

  /**
   * Reads the org's daily API allowance from the Limits resource (one request), for when no answer
   * has brought a Sforce-Limit-Info header yet.
   */
  async refreshLimits(): Promise<ApiUsage | undefined> {
    const limits = await this.http.json<{ DailyApiRequests?: { Max?: number; Remaining?: number } }>({
      method: 'GET',
      path: '/limits',
      idempotent: true,
    });
    const daily = limits.DailyApiRequests;
    if (daily && typeof daily.Max === 'number' && typeof daily.Remaining === 'number') {
      this.http.apiUsage = { used: daily.Max - daily.Remaining, max: daily.Max };
    }
    return this.http.apiUsage;
  }
}

/**
 * Rows with the same key go in successive rounds, in input order, so that the last one wins as it
 * does in the snapshot (one request cannot upsert the same record twice).
 */
function roundsByKey(target: WriteTarget, items: readonly WorkItem[]): WorkItem[][] {
  const rounds: WorkItem[][] = [];
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = target.keyField ? (item.row[target.keyField] ?? '') : undefined;
    const round = key === undefined ? 0 : (seen.get(key) ?? -1) + 1;
    if (key !== undefined) seen.set(key, round);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}

function resultOf(schema: ObjectSchema, rows: readonly Row[], outcomes: Map<number, ItemOutcome>): UpsertResult {
  const result = emptyResult();
  rows.forEach((row, position) => {
    const outcome = outcomes.get(position) ?? failed('NO_RESULT', 'The row was not written.');
    if (outcome.kind === 'failed') {
      const key = row[schema.key] || `row ${position + 1}`;
      const field = outcome.error.fields.join(', ');
      result.failures.push({
        key,
        code: outcome.error.code,
        message: outcome.error.message,
        ...(field ? { field } : {}),
      });
      result.ids.push(undefined);
      return;
    }
    if (outcome.kind === 'created') result.created++;
    else result.updated++;
    result.ids.push(outcome.id);
  });
  return result;
}
