/**
 * What Bulk API 2.0 query and ingest jobs share: the job info ("Get Information About a Query
 * Job" / "Get Information About an Ingest Job") and waiting for a job to finish by polling, with a
 * growing interval and a time limit.
 */
import { CollectionsError } from '../cli/errors';
import type { OrgHttp } from './http';
import type { Sleep } from './retry';

export type JobKind = 'query' | 'ingest';

export interface JobInfo {
  id: string;
  state: 'Open' | 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  object?: string;
  operation?: string;
  numberRecordsProcessed?: number;
  numberRecordsFailed?: number;
  errorMessage?: string;
}

export interface PollOptions {
  /** the first wait before asking for the job's state; it grows by half at each poll */
  intervalMs: number;
  maxIntervalMs: number;
  /** how long a job may take before the run gives up on it */
  timeoutMs: number;
  sleep: Sleep;
}

const FINAL_STATES = new Set(['JobComplete', 'Failed', 'Aborted']);
const JOB_ID = /^[A-Za-z0-9]{15,18}$/;

/** A job Id from the org, checked before it goes into a URL. */
export function jobId(info: { id?: unknown }): string {
  if (typeof info.id !== 'string' || !JOB_ID.test(info.id)) {
    throw new CollectionsError(
      'OrgRequestFailed',
      `Salesforce answered a job without a valid Id: ${JSON.stringify(info.id)}`,
    );
  }
  return info.id;
}

export async function waitForJob(http: OrgHttp, kind: JobKind, id: string, poll: PollOptions): Promise<JobInfo> {
  let waited = 0;
  let interval = poll.intervalMs;
  for (;;) {
    await poll.sleep(interval);
    waited += interval;
    const info = await http.json<JobInfo>({ method: 'GET', path: `/jobs/${kind}/${id}`, idempotent: true });
    if (FINAL_STATES.has(info.state)) return info;
    if (waited >= poll.timeoutMs) {
      throw new CollectionsError(
        'BulkJobTimeout',
        `Bulk API ${kind} job ${id} is still ${info.state} after ${Math.round(waited / 1000)} s.`,
        [
          `Follow the job in Setup > Bulk Data Load Jobs (job ${id}); when it has finished, run the same command again: it is idempotent.`,
        ],
      );
    }
    interval = Math.min(poll.maxIntervalMs, Math.round(interval * 1.5));
  }
}
