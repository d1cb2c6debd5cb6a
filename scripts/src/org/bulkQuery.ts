/**
 * Reading an object through a Bulk API 2.0 query job ("Create a Query Job", "Get Results for a
 * Query Job"): create the job, wait for JobComplete, then fetch the results one set at a time,
 * passing the Sforce-Locator of each answer to get the next, until it is the string "null". Each
 * set is parsed and its rows handed on before the next is fetched, so memory holds one set
 * (maxRecords rows) whatever the object's size. jsforce's own result reader is not used: it fails
 * when results span several locator pages (jsforce issue 1546).
 */
import { CollectionsError } from '../cli/errors';
import { parseCsv } from '../records/csv';
import type { Row } from '../records/schema';
import { jobId, waitForJob, type JobInfo, type PollOptions } from './bulkJobs';
import { OrgApiError } from './errors';
import type { OrgHttp } from './http';

export interface QueryOptions {
  /** maxRecords: rows per result set */
  pageSize: number;
  poll: PollOptions;
}

export async function* bulkQueryRows(http: OrgHttp, soql: string, options: QueryOptions): AsyncGenerator<Row> {
  const created = await http.json<JobInfo>({
    method: 'POST',
    path: '/jobs/query',
    body: JSON.stringify({
      operation: 'query',
      query: soql,
      contentType: 'CSV',
      columnDelimiter: 'COMMA',
      lineEnding: 'LF',
    }),
    // a query job changes no data: creating a second one after a lost answer is harmless
    idempotent: true,
  });
  const id = jobId(created);
  const info = await waitForJob(http, 'query', id, options.poll);
  if (info.state !== 'JobComplete') {
    throw new CollectionsError(
      'OrgQueryFailed',
      `Bulk API query job ${id} ended ${info.state}: ${info.errorMessage ?? 'no reason given'} (${soql}).`,
      ['Run the same command again; if it fails again, look at the job in Setup > Bulk Data Load Jobs.'],
    );
  }
  let locator: string | undefined;
  let page = 0;
  do {
    const parameters = new URLSearchParams({ maxRecords: String(options.pageSize) });
    if (locator) parameters.set('locator', locator);
    const response = await http.send({
      method: 'GET',
      path: `/jobs/query/${id}/results?${parameters.toString()}`,
      accept: 'text/csv',
      idempotent: true,
      transfer: true,
    });
    if (response.status >= 400) throw OrgApiError.fromResponse(response.status, response.body);
    page++;
    for (const row of parseCsv(response.body, `query job ${id} result set ${page}`)) yield row;
    locator = response.headers['sforce-locator'];
  } while (locator && locator !== 'null');
}
