/**
 * Bulk API 2.0 ingest jobs of the fake org ("Create a Job", "Upload Job Data", "Upload Complete",
 * "Get Information About an Ingest Job", "Get Job Successful / Failed / Unprocessed Record
 * Results"):
 *   - POST /jobs/ingest { object, operation, externalIdFieldName, contentType, lineEnding,
 *     columnDelimiter } -> the job, state Open, with its contentUrl;
 *   - PUT /jobs/ingest/{id}/batches (text/csv) -> 201, once per job;
 *   - PATCH /jobs/ingest/{id} { state: UploadComplete | Aborted } -> the job;
 *   - GET /jobs/ingest/{id} -> InProgress, then JobComplete (or Failed: a header naming an unknown
 *     field fails the whole job, "InvalidBatch : Field name not found") after `pollsUntilComplete`;
 *   - GET .../successfulResults: "sf__Id","sf__Created", then the uploaded columns;
 *     .../failedResults: "sf__Id","sf__Error" ("CODE:message:fields --"), then the uploaded columns;
 *     .../unprocessedrecords: the uploaded columns. In no particular order: the fake answers them
 *     in reverse, so that a client relying on the upload order fails here.
 */
import { parse } from 'csv-parse/sync';
import { RecordError, type Assignment } from './data';
import { makeId } from './ids';
import { apiError, csv, errorResponse, json, parseJsonBody, type Route } from './protocol';
import type { FakeOrg } from './server';

type Operation = 'insert' | 'update' | 'upsert';
type State = 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';

interface IngestJob {
  id: string;
  object: string;
  operation: Operation;
  externalIdFieldName?: string;
  state: State;
  pollsLeft: number;
  createdDate: string;
  apiVersion: string;
  header?: string[];
  rows?: Array<Record<string, string>>;
  successful: Array<Record<string, string>>;
  failed: Array<Record<string, string>>;
  unprocessed: Array<Record<string, string>>;
  errorMessage?: string;
}

export function bulkIngestRoutes(org: FakeOrg): Route[] {
  const jobs = new Map<string, IngestJob>();
  let sequence = 0;

  const info = (job: IngestJob) => ({
    id: job.id,
    operation: job.operation,
    object: job.object,
    createdById: org.data.userId,
    createdDate: job.createdDate,
    systemModstamp: job.createdDate,
    state: job.state,
    ...(job.externalIdFieldName ? { externalIdFieldName: job.externalIdFieldName } : {}),
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    jobType: 'V2Ingest',
    contentUrl: `services/data/v${job.apiVersion}/jobs/ingest/${job.id}/batches`,
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    numberRecordsProcessed: job.successful.length + job.failed.length,
    numberRecordsFailed: job.failed.length,
    retries: 0,
    totalProcessingTime: 0,
    apiActiveProcessingTime: 0,
    apexProcessingTime: 0,
    ...(job.errorMessage ? { errorMessage: job.errorMessage } : {}),
  });

  const writeRow = (job: IngestJob, row: Record<string, string>): { id: string; created: boolean } => {
    const object = org.data.object(job.object);
    org.checkRecordFault(object.name, new Map(Object.entries(row)));
    if (job.operation === 'update') {
      const id = row.Id ?? '';
      const existing = org.data.byId(id);
      if (!existing || existing.object.name !== object.name)
        throw new RecordError('MALFORMED_ID', `invalid Id: ${id}`, ['Id']);
      org.data.update(object.name, id, org.data.csvAssignments(object, row, ['Id']));
      return { id, created: false };
    }
    const assignments: Assignment[] = org.data.csvAssignments(object, row, []);
    if (job.operation === 'insert') return { id: org.data.insert(object.name, assignments), created: true };
    return org.data.upsert(object.name, job.externalIdFieldName ?? '', assignments);
  };

  const process = (job: IngestJob): void => {
    const header = job.header ?? [];
    const rows = job.rows ?? [];
    const object = org.data.object(job.object);
    for (const column of header) {
      const known =
        column === 'Id' ||
        (column.includes('.')
          ? [...object.fields.values()].some(
              (f) => f.relationshipName?.toLowerCase() === column.split('.')[0]?.toLowerCase(),
            )
          : org.data.field(object, column) !== undefined);
      if (!known) {
        job.state = 'Failed';
        job.errorMessage = `InvalidBatch : Field name not found : ${column}`;
        job.unprocessed = rows;
        return;
      }
    }
    const failure = org.ingestJobFailure;
    org.ingestJobFailure = undefined;
    for (const [index, row] of rows.entries()) {
      if (failure && index >= failure.afterRows) {
        job.state = 'Failed';
        job.errorMessage = failure.message;
        job.unprocessed = rows.slice(index);
        return;
      }
      try {
        const { id, created } = writeRow(job, row);
        job.successful.push({ sf__Id: id, sf__Created: String(created), ...row });
      } catch (error) {
        if (!(error instanceof RecordError)) throw error;
        job.failed.push({
          sf__Id: '',
          sf__Error: `${error.statusCode}:${error.message}:${error.fields.join(',')} --`,
          ...row,
        });
      }
    }
    job.state = 'JobComplete';
  };

  const notFound = () => apiError(404, 'NOT_FOUND', 'The requested resource does not exist');

  const results = (which: 'successfulResults' | 'failedResults' | 'unprocessedrecords') => ({
    method: 'GET',
    pattern: new RegExp(`^/jobs/ingest/([A-Za-z0-9]+)/${which}/?$`),
    versioned: true,
    handle: (_request: unknown, [id = '']: string[]) => {
      const job = jobs.get(id);
      if (!job) return notFound();
      if (!['JobComplete', 'Failed', 'Aborted'].includes(job.state)) {
        return apiError(400, 'INVALIDJOBSTATE', `Job ${id} is not complete: ${job.state}`);
      }
      const header = job.header ?? [];
      const [prefix, rows] =
        which === 'successfulResults'
          ? [['sf__Id', 'sf__Created'], job.successful]
          : which === 'failedResults'
            ? [['sf__Id', 'sf__Error'], job.failed]
            : [[], job.unprocessed];
      return csv(200, [...prefix, ...header], [...rows].reverse());
    },
  });

  return [
    {
      method: 'POST',
      pattern: /^\/jobs\/ingest\/?$/,
      versioned: true,
      handle: (request) => {
        try {
          const body = parseJsonBody<{
            object?: string;
            operation?: string;
            externalIdFieldName?: string;
            contentType?: string;
          }>(request);
          const object = org.data.object(body.object ?? '');
          if (!['insert', 'update', 'upsert'].includes(body.operation ?? '')) {
            return apiError(400, 'INVALIDJOB', `InvalidJob : Invalid operation: ${String(body.operation)}`);
          }
          if (body.contentType && body.contentType !== 'CSV')
            return apiError(400, 'INVALIDJOB', 'InvalidJob : contentType must be CSV');
          if (body.operation === 'upsert') {
            const key = org.data.field(object, body.externalIdFieldName ?? '');
            if (!key || !(key.externalId || key.name === 'Id')) {
              return apiError(
                400,
                'INVALIDJOB',
                `InvalidJob : Field ${String(body.externalIdFieldName)} is not an external id field`,
              );
            }
          }
          const now = new Date().toISOString().replace('Z', '+0000');
          const job: IngestJob = {
            id: makeId('750', 500_000 + ++sequence),
            object: object.name,
            operation: body.operation as Operation,
            ...(body.externalIdFieldName ? { externalIdFieldName: body.externalIdFieldName } : {}),
            state: 'Open',
            pollsLeft: org.pollsUntilComplete,
            createdDate: now,
            apiVersion: request.version,
            successful: [],
            failed: [],
            unprocessed: [],
          };
          jobs.set(job.id, job);
          return json(200, info(job));
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
    {
      method: 'PUT',
      pattern: /^\/jobs\/ingest\/([A-Za-z0-9]+)\/batches\/?$/,
      versioned: true,
      handle: (request, [id = '']) => {
        const job = jobs.get(id);
        if (!job) return notFound();
        if (job.state !== 'Open' || job.rows)
          return apiError(400, 'INVALIDJOBSTATE', `Job ${id} does not accept data: ${job.state}`);
        if (!String(request.headers['content-type'] ?? '').startsWith('text/csv')) {
          return apiError(400, 'INVALIDCONTENTTYPE', 'Upload job data as text/csv');
        }
        const records = parse(request.body, { bom: true, relax_column_count: false }) as string[][];
        const [header = [], ...values] = records;
        job.header = header;
        job.rows = values.map((row) => Object.fromEntries(header.map((column, index) => [column, row[index] ?? ''])));
        return { status: 201 };
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/jobs\/ingest\/([A-Za-z0-9]+)\/?$/,
      versioned: true,
      handle: (request, [id = '']) => {
        const job = jobs.get(id);
        if (!job) return notFound();
        const body = parseJsonBody<{ state?: string }>(request);
        if (body.state === 'UploadComplete') {
          if (job.state !== 'Open') return apiError(400, 'INVALIDJOBSTATE', `Job ${id} is ${job.state}, not Open`);
          if (!job.rows) {
            job.state = 'Failed';
            job.errorMessage = 'InvalidBatch : No data was uploaded';
          } else job.state = 'UploadComplete';
          return json(200, info(job));
        }
        if (body.state === 'Aborted') {
          if (['JobComplete', 'Failed', 'Aborted'].includes(job.state)) {
            return apiError(400, 'INVALIDJOBSTATE', `Job ${id} is already ${job.state}`);
          }
          job.state = 'Aborted';
          job.unprocessed = job.rows ?? [];
          return json(200, info(job));
        }
        return apiError(400, 'INVALIDJOBSTATE', `Cannot change the job's state to ${String(body.state)}`);
      },
    },
    {
      method: 'GET',
      pattern: /^\/jobs\/ingest\/([A-Za-z0-9]+)\/?$/,
      versioned: true,
      handle: (_request, [id = '']) => {
        const job = jobs.get(id);
        if (!job) return notFound();
        if (job.state === 'UploadComplete' || job.state === 'InProgress') {
          job.pollsLeft--;
          if (job.pollsLeft <= 0) process(job);
          else job.state = 'InProgress';
        }
        return json(200, info(job));
      },
    },
    results('successfulResults'),
    results('failedResults'),
    results('unprocessedrecords'),
  ];
}
