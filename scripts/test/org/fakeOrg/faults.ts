/**
 * Faults the fake org injects, by script:
 *   - request faults, matched by method and path: drop the connection before or after processing
 *     the request, answer 503 without processing it, answer 504 after processing it (a gateway
 *     that gave up waiting), or never answer (a timeout for the client);
 *   - record faults, matched by one incoming value (e.g. Invoice_Number__c = INV-7): fail that
 *     record with a status code (UNABLE_TO_LOCK_ROW once, or a validation error every time), in
 *     sObject Collections and in Bulk API ingest jobs alike.
 * The daily API limit is a counter on the fake org itself (FakeOrg.exhaustApiLimitAfter).
 */

export type RequestFaultAction = 'drop-before' | 'drop-after' | 'status-503' | 'status-504-after' | 'hang';

export interface RequestFault {
  method?: string;
  /** tested against the path without the query string, e.g. /services/data/v66.0/jobs/ingest/750.../batches */
  path: RegExp;
  /** let this many matching requests through before striking */
  skip?: number;
  /** how many matching requests to strike (default 1) */
  times?: number;
  action: RequestFaultAction;
}

export interface RecordFault {
  object: string;
  /** the incoming value that picks the record: a field, or a relationship column */
  field: string;
  value: string;
  statusCode: string;
  message?: string;
  fields?: string[];
  /** how many writes of that record to fail (default 1; Infinity for every one) */
  times?: number;
}

export class FaultScript {
  private readonly requestFaults: Array<RequestFault & { seen: number; struck: number }> = [];
  private readonly recordFaults: Array<RecordFault & { struck: number }> = [];

  addRequestFault(fault: RequestFault): void {
    this.requestFaults.push({ ...fault, seen: 0, struck: 0 });
  }

  addRecordFault(fault: RecordFault): void {
    this.recordFaults.push({ ...fault, struck: 0 });
  }

  clear(): void {
    this.requestFaults.length = 0;
    this.recordFaults.length = 0;
  }

  /** The action to take for this request, if a fault strikes it. */
  requestAction(method: string, path: string): RequestFaultAction | undefined {
    for (const fault of this.requestFaults) {
      if (fault.method && fault.method !== method) continue;
      if (!fault.path.test(path)) continue;
      fault.seen++;
      if (fault.seen <= (fault.skip ?? 0)) continue;
      if (fault.struck >= (fault.times ?? 1)) continue;
      fault.struck++;
      return fault.action;
    }
    return undefined;
  }

  /** The failure for a record being written, if a fault strikes it. */
  recordFailure(object: string, values: ReadonlyMap<string, string>): RecordFault | undefined {
    for (const fault of this.recordFaults) {
      if (fault.object !== object || values.get(fault.field) !== fault.value) continue;
      if (fault.struck >= (fault.times ?? 1)) continue;
      fault.struck++;
      return fault;
    }
    return undefined;
  }

  /** Request faults that never struck as often as scripted (a test whose fault missed its mark). */
  unspent(): string[] {
    return this.requestFaults
      .filter((fault) => fault.struck < (fault.times ?? 1) && fault.times !== Infinity)
      .map((fault) => `${fault.method ?? '*'} ${String(fault.path)} ${fault.action}: struck ${fault.struck}`);
  }
}
