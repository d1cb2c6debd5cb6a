/** The shapes the fake org's API areas share: a parsed request, a response, a route. */
import type { IncomingHttpHeaders } from 'node:http';
import { stringify } from 'csv-stringify/sync';
import { ApiError, RecordError } from './data';

export interface FakeRequest {
  method: string;
  /** the path without the query string */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** the API version of /services/data/vXX.X/... requests */
  version: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Route {
  method: string;
  /** matched against the path after /services/data/vXX.X, or the whole path for unversioned routes */
  pattern: RegExp;
  versioned: boolean;
  handle(request: FakeRequest, params: string[]): FakeResponse;
}

export function json(status: number, value: unknown): FakeResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json;charset=UTF-8' },
    body: JSON.stringify(value),
  };
}

export function csv(
  status: number,
  columns: readonly string[],
  rows: ReadonlyArray<Record<string, string>>,
  headers: Record<string, string> = {},
): FakeResponse {
  const body = stringify(
    rows.map((row) => columns.map((column) => row[column] ?? '')),
    { header: true, columns: [...columns], quoted: true, record_delimiter: 'unix' },
  );
  return { status, headers: { 'Content-Type': 'text/csv', ...headers }, body };
}

/** Salesforce's error body: [{ message, errorCode }] ("Status Codes and Error Responses"). */
export function apiError(status: number, errorCode: string, message: string): FakeResponse {
  return json(status, [{ message, errorCode }]);
}

export function errorResponse(error: unknown): FakeResponse {
  if (error instanceof ApiError) return apiError(error.status, error.errorCode, error.message);
  if (error instanceof RecordError) return apiError(400, error.statusCode, error.message);
  throw error;
}

export function parseJsonBody<T>(request: FakeRequest): T {
  try {
    return JSON.parse(request.body) as T;
  } catch {
    throw new ApiError(400, 'JSON_PARSER_ERROR', `The request body is not valid JSON: ${request.body.slice(0, 80)}`);
  }
}
