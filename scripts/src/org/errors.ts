/**
 * What can go wrong talking to the org, and what the user can do about it. Salesforce answers
 * errors as a JSON array of { errorCode, message, fields } (REST API "Status Codes and Error
 * Responses"); the daily limit is HTTP 403 with errorCode REQUEST_LIMIT_EXCEEDED.
 */
import { CollectionsError, EXIT } from '../cli/errors';

export interface ApiUsage {
  used: number;
  max: number;
}

/** An error answer of the org to one request. */
export class OrgApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields: readonly string[] = [],
  ) {
    super(message);
    this.name = 'OrgApiError';
  }

  /** Reads Salesforce's error body: [{ errorCode, message, fields }], one such object, or text. */
  static fromResponse(status: number, body: string): OrgApiError {
    let parsed: unknown;
    try {
      parsed = body ? JSON.parse(body) : undefined;
    } catch {
      parsed = undefined;
    }
    const first = Array.isArray(parsed) ? (parsed[0] as unknown) : parsed;
    if (first && typeof first === 'object') {
      const error = first as { errorCode?: unknown; message?: unknown; fields?: unknown };
      const fields = Array.isArray(error.fields) ? error.fields.map(String) : [];
      return new OrgApiError(
        status,
        typeof error.errorCode === 'string' ? error.errorCode : `HTTP_${status}`,
        typeof error.message === 'string' ? error.message : body,
        fields,
      );
    }
    return new OrgApiError(status, `HTTP_${status}`, body.trim().slice(0, 500) || `HTTP status ${status}`);
  }
}

/**
 * A request whose answer never came (connection dropped or timed out), or came from a gateway that
 * cannot say whether the org behind it acted (502, 504): it may or may not have been applied.
 */
export class OutcomeUnknownError extends Error {
  constructor(
    readonly request: string,
    cause: unknown,
    message = `${request}: the connection failed before Salesforce answered (${describeCause(cause)}).`,
  ) {
    super(message, { cause });
    this.name = 'OutcomeUnknownError';
  }
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: unknown }).cause;
  const code = inner && typeof inner === 'object' && 'code' in inner ? String((inner as { code: unknown }).code) : '';
  return [cause.message, code].filter(Boolean).join(': ');
}

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENETDOWN',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);

/**
 * A failure of the connection rather than an answer: a reset, a refused or dropped socket, a
 * timeout (undici reports these as TypeError('fetch failed') with the socket error as cause; our
 * own request timeout aborts the request).
 */
export function isConnectionFailure(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; depth++) {
    if (typeof current !== 'object') return false;
    const { name, code } = current as { name?: unknown; code?: unknown };
    if (name === 'AbortError' || name === 'TimeoutError') return true;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export function apiLimitReached(usage: ApiUsage | undefined, message: string): CollectionsError {
  const used = usage ? ` (${usage.used} of ${usage.max} requests used in the last 24 hours)` : '';
  return new CollectionsError(
    'ApiLimitReached',
    `The org's daily API request limit is reached${used}: ${message} The run stopped cleanly; nothing more was sent.`,
    [
      'Run the same command again tomorrow, when the rolling 24-hour window has freed requests: ' +
        'every write is an upsert by key, so the rerun is idempotent and completes what this run did not.',
      'To run sooner, ask the Salesforce admin which integrations are spending the allowance (Setup > System Overview).',
    ],
    EXIT.limit,
  );
}

export function orgUnavailable(what: string, attempts: number, cause: unknown): CollectionsError {
  const reason = cause instanceof OrgApiError ? `HTTP ${cause.status} ${cause.errorCode}` : describeCause(cause);
  return new CollectionsError(
    'OrgUnavailable',
    `Salesforce did not answer ${what} after ${attempts} attempts (${reason}).`,
    ['Check https://status.salesforce.com and the network, then run the same command again: it is idempotent.'],
  );
}

export function sessionExpired(what: string, message: string): CollectionsError {
  return new CollectionsError(
    'OrgSessionExpired',
    `${what} was refused: the session is no longer valid (${message}).`,
    ['Log in again with "sf org login web --alias <alias>", then run the same command again: it is idempotent.'],
  );
}

/** Any failure of a store operation, as an error the command line can show with what to do. */
export function asCollectionsError(what: string, error: unknown): unknown {
  if (error instanceof CollectionsError) return error;
  if (error instanceof OrgApiError) {
    return new CollectionsError('OrgRequestFailed', `${what} failed: ${error.errorCode}: ${error.message}`, [
      'Run the same command again with --json to see the details; it is idempotent.',
    ]);
  }
  if (error instanceof OutcomeUnknownError) {
    return new CollectionsError('OrgUnavailable', `${what} failed: ${error.message}`, [
      'Check the network, then run the same command again: it is idempotent.',
    ]);
  }
  return error;
}

export function orgRequestFailed(what: string, error: unknown): CollectionsError {
  if (error instanceof CollectionsError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const session = /INVALID_SESSION_ID|session/i.test(`${(error as { name?: string }).name ?? ''} ${message}`);
  return new CollectionsError(
    session ? 'OrgSessionExpired' : 'OrgRequestFailed',
    `${what} failed: ${message}`,
    session
      ? ['Log in again with "sf org login web --alias <alias>", then run the same command again.']
      : ['Run the command again with --json to see the details; the run is idempotent.'],
  );
}
