/**
 * Every HTTP request the org adapter makes goes through here, on the connection that
 * @salesforce/core built from the sf CLI's auth (so jsforce adds the session, refreshes it, honours
 * proxies). This layer counts each request, reads the org's API usage from the Sforce-Limit-Info
 * header, stops at REQUEST_LIMIT_EXCEEDED, and retries what is safe to retry with backoff:
 *   - 503: the server did not process the request, so any request is retried;
 *   - 502/504: a gateway's answer; the org behind it may have processed the request, so only
 *     requests marked idempotent are retried, others raise OutcomeUnknownError;
 *   - a dropped connection or a timeout: only requests marked idempotent are retried (reads,
 *     upserts by key, job creation). Others raise OutcomeUnknownError for the caller to resolve.
 * jsforce's own retries are switched off so that each attempt is counted and waits on our clock.
 * Raw responses (status, headers, body) are needed for Bulk API 2.0's Sforce-Locator paging, which
 * jsforce's Connection.request does not expose; HttpApi is jsforce's own class for that, as used by
 * its Bulk API 2.0 client.
 */
import HttpApi from '@jsforce/jsforce-node/lib/http-api';
import type { HttpResponse, Schema } from '@jsforce/jsforce-node';
import type { Connection } from '@salesforce/core';
import {
  apiLimitReached,
  isConnectionFailure,
  OrgApiError,
  orgRequestFailed,
  orgUnavailable,
  OutcomeUnknownError,
  sessionExpired,
  type ApiUsage,
} from './errors';
import { backoffDelay, type RetryPolicy } from './retry';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OrgRequest {
  method: HttpMethod;
  /** relative to /services/data/vXX.X (e.g. /jobs/query), or absolute from the host (/services/...) */
  path: string;
  body?: string;
  /** the body's media type; JSON unless told */
  contentType?: string;
  /** the answer's media type; JSON unless told */
  accept?: string;
  /** safe to send again when no answer came: reads, upserts by key, creating a job */
  idempotent: boolean;
  /** moves a Bulk API data set (upload or results): allowed the longer transfer timeout */
  transfer?: boolean;
}

export interface OrgResponse {
  status: number;
  /** lower-case header names */
  headers: Readonly<Record<string, string>>;
  body: string;
}

/** Answers the raw response instead of jsforce's parsed body or error: status handling is ours. */
class RawHttpApi extends HttpApi<Schema> {
  override isErrorResponse(): boolean {
    return false;
  }

  override async getResponseBody(response: HttpResponse): Promise<HttpResponse> {
    return response;
  }
}

const RETRYABLE_STATUSES = new Set([502, 503, 504]);

export class OrgHttp {
  /** HTTP requests sent, retries and failed attempts included */
  requests = 0;
  /** the org's daily API usage, from the latest Sforce-Limit-Info header */
  apiUsage: ApiUsage | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly retry: RetryPolicy,
    private readonly timeouts: { requestMs: number; transferMs: number },
  ) {}

  private url(path: string): string {
    const instance = this.connection.instanceUrl.replace(/\/+$/, '');
    return path.startsWith('/services/')
      ? `${instance}${path}`
      : `${instance}/services/data/v${this.connection.version}${path}`;
  }

  private async once(request: OrgRequest): Promise<OrgResponse> {
    const timeout = request.transfer ? this.timeouts.transferMs : this.timeouts.requestMs;
    const api = new RawHttpApi(this.connection, { retry: { maxRetries: 0 }, timeout });
    const headers: Record<string, string> = { Accept: request.accept ?? 'application/json' };
    if (request.body !== undefined) headers['Content-Type'] = request.contentType ?? 'application/json';
    const response = (await api.request<HttpResponse | undefined>({
      method: request.method,
      url: this.url(request.path),
      headers,
      ...(request.body !== undefined ? { body: request.body } : {}),
    })) as HttpResponse | undefined;
    if (!response)
      throw Object.assign(new Error('Salesforce closed the connection without an answer'), { code: 'ECONNRESET' });
    return { status: response.statusCode, headers: response.headers, body: response.body ?? '' };
  }

  private readUsage(headers: Readonly<Record<string, string>>): void {
    const match = /api-usage=(\d+)\/(\d+)/.exec(headers['sforce-limit-info'] ?? '');
    if (match) this.apiUsage = { used: Number(match[1]), max: Number(match[2]) };
  }

  /** Sends a request, retrying what is safe; answers whatever status the org gave in the end. */
  async send(request: OrgRequest): Promise<OrgResponse> {
    const what = `${request.method} ${request.path.split('?')[0]}`;
    for (let attempt = 1; ; attempt++) {
      this.requests++;
      let response: OrgResponse;
      try {
        response = await this.once(request);
      } catch (error) {
        if (!isConnectionFailure(error)) throw orgRequestFailed(what, error);
        if (!request.idempotent) throw new OutcomeUnknownError(what, error);
        if (attempt >= this.retry.maxAttempts) throw orgUnavailable(what, attempt, error);
        await this.retry.sleep(backoffDelay(this.retry, attempt));
        continue;
      }
      this.readUsage(response.headers);
      if (response.status === 401) {
        // jsforce has already tried to refresh the session, if the auth allows it
        throw sessionExpired(what, OrgApiError.fromResponse(response.status, response.body).message);
      }
      if (response.status === 403 && response.body.includes('REQUEST_LIMIT_EXCEEDED')) {
        if (this.apiUsage) this.apiUsage = { ...this.apiUsage, used: Math.max(this.apiUsage.used, this.apiUsage.max) };
        throw apiLimitReached(this.apiUsage, OrgApiError.fromResponse(response.status, response.body).message);
      }
      if (RETRYABLE_STATUSES.has(response.status)) {
        if (!request.idempotent && response.status !== 503) {
          throw new OutcomeUnknownError(
            what,
            OrgApiError.fromResponse(response.status, response.body),
            `${what}: a gateway answered HTTP ${response.status}, which does not say whether Salesforce processed the request.`,
          );
        }
        if (attempt >= this.retry.maxAttempts) {
          throw orgUnavailable(what, attempt, OrgApiError.fromResponse(response.status, response.body));
        }
        await this.retry.sleep(backoffDelay(this.retry, attempt));
        continue;
      }
      return response;
    }
  }

  /** Sends a request and answers its body; an error status becomes an OrgApiError. */
  async ok(request: OrgRequest): Promise<string> {
    const response = await this.send(request);
    if (response.status >= 400) throw OrgApiError.fromResponse(response.status, response.body);
    return response.body;
  }

  /** Sends a request and parses its JSON answer. */
  async json<T>(request: OrgRequest): Promise<T> {
    const body = await this.ok(request);
    return (body ? JSON.parse(body) : undefined) as T;
  }
}
