/**
 * A Salesforce org on 127.0.0.1 for tests: a real node:http server on a random port, which the real
 * jsforce client (through @salesforce/core's Connection) talks to over HTTP. It keeps its records
 * in memory (OrgData), answers the REST and Bulk API 2.0 calls the adapter and the sf CLI make in
 * their documented shapes (one file per API area), keeps the emails its Simple Email action sends
 * (emails), checks the bearer token, counts requests and the org's daily API usage
 * (Sforce-Limit-Info on every answer), and injects faults by script.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { CustomMetadataRecord } from '../../../src/domain/policy';
import type { Row } from '../../../src/records/schema';
import { bulkIngestRoutes } from './bulkIngest';
import { bulkQueryRoutes } from './bulkQuery';
import { collectionsRoutes } from './collections';
import { emailRoutes, type SentEmail } from './email';
import { OrgData, RecordError, type Assignment } from './data';
import type { OrgDescribe } from './describe';
import { FaultScript, type RecordFault, type RequestFault } from './faults';
import { apiError, type FakeRequest, type FakeResponse, type Route } from './protocol';
import { restRoutes } from './rest';

export interface FakeOrgOptions {
  describe: OrgDescribe;
  /** rows per Bulk API query result set, whatever maxRecords asks (small: tests cross pages) */
  queryPageSize?: number;
  /** polls of a Bulk API job before it completes */
  pollsUntilComplete?: number;
  /** the daily API usage the org starts with */
  apiUsage?: { used: number; max: number };
}

export interface LoggedRequest {
  method: string;
  path: string;
  /** the status answered, or what the fault did */
  outcome: number | 'dropped' | 'hung';
}

const VERSIONED = /^\/services\/data\/v(\d+\.\d)(\/.*)?$/;

export class FakeOrg {
  readonly data: OrgData;
  /** the only session the org accepts (revokeSessions changes it) */
  accessToken: string;
  readonly faults = new FaultScript();
  readonly log: LoggedRequest[] = [];
  /** every SOQL query received (REST and Bulk API), in order */
  readonly queries: string[] = [];
  /** requests the fake does not serve: a test should see none */
  readonly unhandled: string[] = [];
  apiUsage: { used: number; max: number };
  queryPageSize: number;
  pollsUntilComplete: number;
  restQueryPageSize = 2000;
  /** every email the Simple Email action sent, in order (emails of a dropped answer included) */
  readonly emails: SentEmail[] = [];
  /** inputs a Simple Email request may carry (the adapter's assumption; none is documented) */
  emailInputLimit = 100;
  /** the daily single-email allowance (Limits resource "SingleEmail"); emails beyond it fail */
  singleEmail = { used: 0, max: 5000 };
  /** makes the next ingest job fail after processing this many rows (the rest unprocessed) */
  ingestJobFailure: { afterRows: number; message: string } | undefined;
  instanceUrl = '';
  private readonly routes: Route[];
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  private constructor(options: FakeOrgOptions) {
    this.data = new OrgData(options.describe);
    this.accessToken = `${this.data.orgId.slice(0, 15)}!FAKE.SESSION.TOKEN`;
    this.apiUsage = { ...(options.apiUsage ?? { used: 1000, max: 100_000 }) };
    this.queryPageSize = options.queryPageSize ?? 1000;
    this.pollsUntilComplete = options.pollsUntilComplete ?? 2;
    this.routes = [
      ...restRoutes(this),
      ...collectionsRoutes(this),
      ...bulkQueryRoutes(this),
      ...bulkIngestRoutes(this),
      ...emailRoutes(this),
    ];
    this.server = createServer((request, response) => void this.serve(request, response));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: FakeOrgOptions): Promise<FakeOrg> {
    const org = new FakeOrg(options);
    await new Promise<void>((resolve) => org.server.listen(0, '127.0.0.1', resolve));
    const address = org.server.address();
    if (!address || typeof address === 'string') throw new Error('the fake org has no port');
    org.instanceUrl = `http://127.0.0.1:${address.port}`;
    return org;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- scripting ----------------------------------------------------------------------------

  addRequestFault(fault: RequestFault): void {
    this.faults.addRequestFault(fault);
  }

  addRecordFault(fault: RecordFault): void {
    this.faults.addRecordFault(fault);
  }

  /** After `requests` more API requests, the org answers REQUEST_LIMIT_EXCEEDED. */
  exhaustApiLimitAfter(requests: number): void {
    this.apiUsage.max = this.apiUsage.used + requests;
  }

  /** Every session ends (an admin revoked them, or they expired): requests answer 401. */
  revokeSessions(): void {
    this.accessToken = `${this.data.orgId.slice(0, 15)}!NEW.SESSION.TOKEN`;
  }

  /** A new day: the rolling 24 hours free the allowance. */
  resetApiUsage(max = 100_000): void {
    this.apiUsage = { used: 0, max };
  }

  /** Called for each record written: throws the scripted failure when one strikes. */
  checkRecordFault(object: string, values: ReadonlyMap<string, string>): void {
    const fault = this.faults.recordFailure(object, values);
    if (fault) {
      throw new RecordError(
        fault.statusCode,
        fault.message ??
          (fault.statusCode === 'UNABLE_TO_LOCK_ROW'
            ? 'unable to obtain exclusive access to this record'
            : fault.statusCode),
        fault.fields ?? [],
      );
    }
  }

  get requestCount(): number {
    return this.log.length;
  }

  /** The emails logged on a record (relatedRecordId with logEmailOnSend). */
  emailsOn(recordId: string): SentEmail[] {
    return this.emails.filter((email) => email.recordId === recordId);
  }

  /** Requests logged since `from` (an index into the log) that match. */
  countRequests(method: string | undefined, path: RegExp, from = 0): number {
    return this.log.slice(from).filter((entry) => (!method || entry.method === method) && path.test(entry.path)).length;
  }

  // ---- seeding and inspecting -----------------------------------------------------------------

  /** Inserts records as a Bulk API CSV would (relationship columns by external ID). */
  seed(object: string, rows: readonly Row[]): string[] {
    const describe = this.data.object(object);
    return rows.map((row) => this.data.insert(describe.name, this.data.csvAssignments(describe, row, ['Id'])));
  }

  /** Deploys custom metadata records (as read from force-app's XML), parents first. */
  seedCustomMetadata(records: readonly CustomMetadataRecord[]): void {
    const relationshipFields = (record: CustomMetadataRecord) =>
      Object.keys(record.values).filter(
        (field) => this.data.field(this.data.object(record.type), field)?.type === 'MetadataRelationship',
      );
    const ordered = [...records].sort((a, b) => relationshipFields(a).length - relationshipFields(b).length);
    for (const record of ordered) {
      const object = this.data.object(record.type);
      const assignments: Assignment[] = [
        this.data.fieldAssignment(object, 'DeveloperName', record.developerName),
        this.data.fieldAssignment(object, 'MasterLabel', record.label),
      ];
      for (const [field, value] of Object.entries(record.values)) {
        const describe = this.data.field(object, field);
        if (describe?.type === 'MetadataRelationship' && describe.relationshipName) {
          assignments.push(this.data.referenceAssignment(object, describe.relationshipName, 'DeveloperName', value));
        } else assignments.push(this.data.fieldAssignment(object, field, value));
      }
      this.data.insert(object.name, assignments);
    }
  }

  /** An object's records as Bulk API query rows of these columns, sorted: the org's state to compare. */
  rows(object: string, columns: readonly string[]): Row[] {
    const describe = this.data.object(object);
    const paths = columns.map((column) => this.data.resolvePath(describe, column));
    return this.data
      .all(object)
      .map((record) =>
        Object.fromEntries(
          paths.map((path, index) => [columns[index] as string, this.data.valueAt(record, path.steps) ?? '']),
        ),
      )
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }

  // ---- serving ------------------------------------------------------------------------------

  private async serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    // Clients built on an instance URL with a trailing slash ask for //services/...: one slash is meant.
    const url = new URL(`http://fake${(request.url ?? '/').replace(/^\/{2,}/, '/')}`);
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    const method = request.method ?? 'GET';
    const entry: LoggedRequest = { method, path: url.pathname, outcome: 0 };
    this.log.push(entry);

    const action = this.faults.requestAction(method, url.pathname);
    if (action === 'drop-before') {
      entry.outcome = 'dropped';
      request.socket.destroy();
      return;
    }
    if (action === 'hang') {
      entry.outcome = 'hung';
      return;
    }
    const versioned = VERSIONED.exec(url.pathname);
    const fakeRequest: FakeRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: Buffer.concat(chunks).toString('utf8'),
      version: versioned?.[1] ?? '',
    };
    let answer =
      action === 'status-503'
        ? apiError(503, 'SERVER_UNAVAILABLE', 'Service Unavailable')
        : this.answer(fakeRequest, versioned?.[2]);
    // A gateway that gave up waiting: the org behind it processed the request all the same.
    if (action === 'status-504-after') answer = { status: 504, body: 'Gateway Timeout' };
    if (action === 'drop-after') {
      entry.outcome = 'dropped';
      request.socket.destroy();
      return;
    }
    entry.outcome = answer.status;
    const headers: Record<string, string> = { ...answer.headers };
    if (versioned?.[2]) headers['Sforce-Limit-Info'] = `api-usage=${this.apiUsage.used}/${this.apiUsage.max}`;
    response.writeHead(answer.status, headers);
    response.end(answer.body ?? '');
  }

  private answer(request: FakeRequest, apiPath: string | undefined): FakeResponse {
    const route = this.routes.find(
      (candidate) =>
        candidate.method === request.method &&
        candidate.pattern.test(candidate.versioned ? (apiPath ?? '') : request.path),
    );
    const needsAuth = request.path !== '/services/data' && request.path !== '/services/data/';
    if (needsAuth && request.headers.authorization !== `Bearer ${this.accessToken}`) {
      return apiError(401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    }
    if (apiPath) {
      if (this.apiUsage.used >= this.apiUsage.max) {
        return apiError(403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
      }
      this.apiUsage.used++;
    }
    if (!route) {
      this.unhandled.push(`${request.method} ${request.path}`);
      return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    const params = (route.pattern.exec(route.versioned ? (apiPath ?? '') : request.path) ?? []).slice(1) as string[];
    return route.handle(request, params);
  }
}
