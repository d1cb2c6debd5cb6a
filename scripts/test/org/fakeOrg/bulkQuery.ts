/**
 * Bulk API 2.0 query jobs of the fake org ("Create a Query Job", "Get Information About a Query
 * Job", "Get Results for a Query Job"):
 *   - POST /jobs/query { operation, query } -> the job, state UploadComplete; a bad query is refused
 *     at once with [{ errorCode, message }];
 *   - GET /jobs/query/{id} -> InProgress, then JobComplete after `pollsUntilComplete` polls;
 *   - GET /jobs/query/{id}/results?maxRecords=&locator= -> one result set as CSV with a header row,
 *     the Sforce-NumberOfRecords header, and Sforce-Locator: the next set's locator, or "null" after
 *     the last. The fake's own page size (queryPageSize) caps maxRecords so tests cross pages.
 */
import { makeId } from './ids';
import { apiError, csv, errorResponse, json, parseJsonBody, type Route } from './protocol';
import type { FakeOrg } from './server';
import { parseSoql, runQuery } from './soql';

interface QueryJob {
  id: string;
  object: string;
  operation: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete';
  pollsLeft: number;
  columns: string[];
  rows: Array<Record<string, string>>;
  createdDate: string;
  apiVersion: string;
}

function locatorOf(offset: number): string {
  return Buffer.from(String(offset)).toString('base64').replace(/=+$/, '');
}

function offsetOf(locator: string): number {
  return Number(Buffer.from(locator, 'base64').toString('utf8'));
}

export function bulkQueryRoutes(org: FakeOrg): Route[] {
  const jobs = new Map<string, QueryJob>();
  let sequence = 0;

  const info = (job: QueryJob) => ({
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: org.data.userId,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Query',
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...(job.state === 'JobComplete'
      ? { numberRecordsProcessed: job.rows.length, retries: 0, totalProcessingTime: 42 }
      : {}),
  });

  const find = (id: string): QueryJob | undefined => jobs.get(id);

  return [
    {
      method: 'POST',
      pattern: /^\/jobs\/query\/?$/,
      versioned: true,
      handle: (request) => {
        try {
          const body = parseJsonBody<{ operation?: string; query?: string }>(request);
          if (body.operation !== 'query' && body.operation !== 'queryAll') {
            return apiError(400, 'INVALIDJOB', `Invalid operation: ${String(body.operation)}`);
          }
          org.queries.push(body.query ?? '');
          const query = parseSoql(org.data, body.query ?? '');
          const columns = query.columns.map((column) => column.name);
          const rows = runQuery(org.data, query).map((record) =>
            Object.fromEntries(
              query.columns.map((column) => [column.name, org.data.valueAt(record, column.steps) ?? '']),
            ),
          );
          const now = new Date().toISOString().replace('Z', '+0000');
          const job: QueryJob = {
            id: makeId('750', ++sequence),
            object: query.object.name,
            operation: body.operation,
            state: 'UploadComplete',
            pollsLeft: org.pollsUntilComplete,
            columns,
            rows,
            createdDate: now,
            apiVersion: request.version,
          };
          jobs.set(job.id, job);
          return json(200, info(job));
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/query\/([A-Za-z0-9]+)$/,
      versioned: true,
      handle: (_request, [id = '']) => {
        const job = find(id);
        if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        if (job.state !== 'JobComplete') {
          job.pollsLeft--;
          job.state = job.pollsLeft <= 0 ? 'JobComplete' : 'InProgress';
        }
        return json(200, info(job));
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/query\/([A-Za-z0-9]+)\/results$/,
      versioned: true,
      handle: (request, [id = '']) => {
        const job = find(id);
        if (!job) return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        if (job.state !== 'JobComplete') {
          return apiError(
            412,
            'JOB_NOT_COMPLETE',
            `can only download query results of successfully completed bulk job with status: JOB_COMPLETE. Current status: ${job.state}`,
          );
        }
        if (request.version !== job.apiVersion) {
          return apiError(409, 'API_VERSION_MISMATCH', 'Use the API version the query job was created with.');
        }
        const locator = request.query.get('locator');
        const offset = locator ? offsetOf(locator) : 0;
        const asked = Number(request.query.get('maxRecords') ?? org.queryPageSize);
        const size = Math.max(1, Math.min(asked, org.queryPageSize));
        const rows = job.rows.slice(offset, offset + size);
        const next = offset + size < job.rows.length ? locatorOf(offset + size) : 'null';
        return csv(200, job.columns, rows, { 'Sforce-Locator': next, 'Sforce-NumberOfRecords': String(rows.length) });
      },
    },
  ];
}
