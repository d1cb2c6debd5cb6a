/**
 * Large writes through Bulk API 2.0 ingest jobs ("Create a Job", "Upload Job Data", "Upload
 * Complete", "Get Job Successful / Failed / Unprocessed Record Results"): one job per part of at
 * most maxJobBytes of CSV (Salesforce takes up to 100 MB a job), so the number of requests depends
 * on the data's size in tens of megabytes, not on its row count.
 *
 * Per job: create, upload the CSV, mark UploadComplete, poll until it ends, then read back the
 * successful results, the failed results (only when the job counted failures) and the unprocessed
 * records (only when the job did not complete). Results come in no particular order; each carries
 * the row's uploaded values, by which it is matched to the input: the external ID for upserts, the
 * Id for updates, all values for inserts.
 *
 * A lost answer to the upload is safe to recover from: the job is not processed before
 * UploadComplete, so it is aborted and the part goes again in a new job. A lost answer to
 * UploadComplete is resolved by asking the job's state.
 */
import { formatBulkCsv, parseCsv } from '../records/csv';
import type { Row } from '../records/schema';
import { jobId, waitForJob, type JobInfo, type PollOptions } from './bulkJobs';
import { OrgApiError, orgUnavailable, OutcomeUnknownError } from './errors';
import type { OrgHttp } from './http';
import { failed, parseBulkError, toCsvRow, type ItemOutcome, type WorkItem, type WriteTarget } from './records';
import { backoffDelay, type RetryPolicy } from './retry';

export interface IngestOptions {
  poll: PollOptions;
  retry: RetryPolicy;
  /** the CSV size of one job; Salesforce accepts up to 100 MB */
  maxJobBytes: number;
}

interface Part {
  items: WorkItem[];
  rows: Row[];
}

/** Splits the rows into parts whose CSV stays under the byte limit (estimated per row, generously). */
function splitBySize(items: readonly WorkItem[], rows: readonly Row[], maxBytes: number): Part[] {
  const parts: Part[] = [];
  let current: Part = { items: [], rows: [] };
  let bytes = 0;
  items.forEach((item, index) => {
    const row = rows[index] as Row;
    let size = 1;
    for (const value of Object.values(row)) size += Buffer.byteLength(value) * 2 + 3;
    if (current.items.length > 0 && bytes + size > maxBytes) {
      parts.push(current);
      current = { items: [], rows: [] };
      bytes = 0;
    }
    current.items.push(item);
    current.rows.push(row);
    bytes += size;
  });
  if (current.items.length > 0) parts.push(current);
  return parts;
}

/** Matches result rows (which echo the uploaded values) back to the input positions. */
class ResultMatcher {
  private readonly byKey = new Map<string, number[]>();

  constructor(
    private readonly target: WriteTarget,
    private readonly columns: readonly string[],
    part: Part,
  ) {
    part.items.forEach((item, index) => {
      const key = this.keyOf(part.rows[index] as Row);
      const positions = this.byKey.get(key);
      if (positions) positions.push(item.position);
      else this.byKey.set(key, [item.position]);
    });
  }

  private keyOf(row: Row): string {
    if (this.target.keyField) return row[this.target.keyField] ?? '';
    return JSON.stringify(this.columns.map((column) => row[column] ?? ''));
  }

  take(result: Row): number | undefined {
    return this.byKey.get(this.keyOf(result))?.shift();
  }
}

function jobRequestBody(target: WriteTarget): string {
  return JSON.stringify({
    object: target.schema.object,
    operation: target.operation,
    ...(target.operation === 'upsert' ? { externalIdFieldName: target.keyField } : {}),
    contentType: 'CSV',
    columnDelimiter: 'COMMA',
    lineEnding: 'LF',
  });
}

async function abortQuietly(http: OrgHttp, id: string): Promise<void> {
  try {
    await http.send({
      method: 'PATCH',
      path: `/jobs/ingest/${id}`,
      body: JSON.stringify({ state: 'Aborted' }),
      idempotent: true,
    });
  } catch (error) {
    if (!(error instanceof OutcomeUnknownError)) throw error;
  }
}

async function closeJob(http: OrgHttp, id: string, retry: RetryPolicy): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await http.ok({
        method: 'PATCH',
        path: `/jobs/ingest/${id}`,
        body: JSON.stringify({ state: 'UploadComplete' }),
        idempotent: false,
      });
      return;
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      const info = await http.json<JobInfo>({ method: 'GET', path: `/jobs/ingest/${id}`, idempotent: true });
      if (info.state !== 'Open') return;
      if (attempt >= retry.maxAttempts) throw orgUnavailable(`PATCH /jobs/ingest/${id}`, attempt, error);
      await retry.sleep(backoffDelay(retry, attempt));
    }
  }
}

/** Creates a job, uploads the CSV and closes it; a lost upload answer restarts with a new job. */
async function submitJob(http: OrgHttp, target: WriteTarget, csv: string, options: IngestOptions): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const id = jobId(
      await http.json<JobInfo>({
        method: 'POST',
        path: '/jobs/ingest',
        body: jobRequestBody(target),
        idempotent: true,
      }),
    );
    try {
      await http.ok({
        method: 'PUT',
        path: `/jobs/ingest/${id}/batches`,
        body: csv,
        contentType: 'text/csv',
        idempotent: false,
        transfer: true,
      });
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) {
        if (error instanceof OrgApiError) await abortQuietly(http, id);
        throw error;
      }
      await abortQuietly(http, id);
      if (attempt >= options.retry.maxAttempts) throw orgUnavailable(`PUT /jobs/ingest/${id}/batches`, attempt, error);
      await options.retry.sleep(backoffDelay(options.retry, attempt));
      continue;
    }
    await closeJob(http, id, options.retry);
    return id;
  }
}

async function resultRows(http: OrgHttp, id: string, resource: string): Promise<Row[]> {
  const body = await http.ok({
    method: 'GET',
    path: `/jobs/ingest/${id}/${resource}`,
    accept: 'text/csv',
    idempotent: true,
    transfer: true,
  });
  return parseCsv(body, `ingest job ${id} ${resource}`);
}

async function collect(
  http: OrgHttp,
  target: WriteTarget,
  columns: readonly string[],
  part: Part,
  info: JobInfo,
  outcomes: Map<number, ItemOutcome>,
): Promise<void> {
  const id = info.id;
  const matcher = new ResultMatcher(target, columns, part);
  const processed = info.numberRecordsProcessed ?? part.items.length;
  const failures = info.numberRecordsFailed ?? 0;
  if (processed - failures > 0) {
    for (const row of await resultRows(http, id, 'successfulResults')) {
      const position = matcher.take(row);
      if (position === undefined) continue;
      const kind = (row.sf__Created ?? '').toLowerCase() === 'true' ? 'created' : 'updated';
      outcomes.set(position, { kind, id: row.sf__Id || undefined });
    }
  }
  if (failures > 0 || info.state !== 'JobComplete') {
    for (const row of await resultRows(http, id, 'failedResults')) {
      const position = matcher.take(row);
      if (position === undefined) continue;
      outcomes.set(position, { kind: 'failed', error: parseBulkError(row.sf__Error ?? '') });
    }
  }
  const reason = `Bulk API job ${id} ended ${info.state}${info.errorMessage ? `: ${info.errorMessage}` : ''}`;
  if (info.state !== 'JobComplete') {
    for (const row of await resultRows(http, id, 'unprocessedrecords')) {
      const position = matcher.take(row);
      if (position !== undefined)
        outcomes.set(position, failed('UNPROCESSED', `${reason}; this row was not processed.`));
    }
  }
  for (const item of part.items) {
    if (!outcomes.has(item.position)) {
      outcomes.set(item.position, failed('NO_RESULT', `${reason}; Salesforce returned no result for this row.`));
    }
  }
}

export async function bulkWrite(
  http: OrgHttp,
  target: WriteTarget,
  items: readonly WorkItem[],
  options: IngestOptions,
): Promise<Map<number, ItemOutcome>> {
  const outcomes = new Map<number, ItemOutcome>();
  const columns = target.columns.map((column) => column.name);
  const rows = items.map((item) => toCsvRow(target, item.row));
  for (const part of splitBySize(items, rows, options.maxJobBytes)) {
    let info: JobInfo;
    try {
      const id = await submitJob(http, target, formatBulkCsv(columns, part.rows), options);
      info = await waitForJob(http, 'ingest', id, options.poll);
    } catch (error) {
      // The org refused the job itself (an unknown field, no access...): every row of it failed.
      if (!(error instanceof OrgApiError)) throw error;
      for (const item of part.items)
        outcomes.set(item.position, failed(error.errorCode, error.message, [...error.fields]));
      continue;
    }
    await collect(http, target, columns, part, info, outcomes);
  }
  return outcomes;
}
