/**
 * Small writes through sObject Collections (REST API "Upsert Records Using sObject Collections",
 * "Create Records Using sObject Collections", "Update Records Using sObject Collections"): up to 200
 * records a request, allOrNone false so that each record succeeds or fails on its own. Results come
 * back in the order of the request ({ id, success, errors: [{ statusCode, message, fields }],
 * created }); each failure is kept with its code.
 *   - upsert by external ID: PATCH /composite/sobjects/{Object}/{ExternalIdField}
 *   - update by Id: PATCH /composite/sobjects
 *   - insert: POST /composite/sobjects. An insert whose answer was lost cannot be sent again
 *     blindly (it would create the records twice): its rows are reported OUTCOME_UNKNOWN.
 */
import type { OrgHttp, OrgRequest } from './http';
import { OrgApiError, OutcomeUnknownError } from './errors';
import { assertApiName } from './soql';
import { failed, toJsonRecord, type ItemOutcome, type WorkItem, type WriteTarget } from './records';

interface SaveResult {
  id?: string | null;
  success: boolean;
  created?: boolean;
  errors?: Array<{ statusCode?: string; message?: string; fields?: string[] }>;
}

export const COLLECTION_LIMIT = 200;

function request(target: WriteTarget, body: string): OrgRequest {
  const object = assertApiName(target.schema.object);
  switch (target.operation) {
    case 'upsert':
      return {
        method: 'PATCH',
        path: `/composite/sobjects/${object}/${assertApiName(target.keyField ?? '')}`,
        body,
        idempotent: true,
      };
    case 'update':
      return { method: 'PATCH', path: '/composite/sobjects', body, idempotent: true };
    case 'insert':
      return { method: 'POST', path: '/composite/sobjects', body, idempotent: false };
  }
}

function outcomeOf(target: WriteTarget, result: SaveResult | undefined): ItemOutcome {
  if (!result) return failed('NO_RESULT', 'Salesforce returned no result for this record.');
  if (result.success) {
    const created = target.operation === 'insert' || result.created === true;
    return { kind: created ? 'created' : 'updated', id: result.id ?? undefined };
  }
  const errors = result.errors ?? [];
  const first = errors[0];
  return failed(
    first?.statusCode ?? 'UNKNOWN_ERROR',
    errors.map((error) => error.message ?? '').join('; ') || 'Salesforce rejected the record without a message.',
    errors.flatMap((error) => error.fields ?? []),
  );
}

export async function collectionsWrite(
  http: OrgHttp,
  target: WriteTarget,
  items: readonly WorkItem[],
  chunkSize: number = COLLECTION_LIMIT,
): Promise<Map<number, ItemOutcome>> {
  const outcomes = new Map<number, ItemOutcome>();
  const size = Math.min(chunkSize, COLLECTION_LIMIT);
  for (let start = 0; start < items.length; start += size) {
    const chunk = items.slice(start, start + size);
    const body = JSON.stringify({ allOrNone: false, records: chunk.map((item) => toJsonRecord(target, item.row)) });
    let response;
    try {
      response = await http.send(request(target, body));
    } catch (error) {
      if (!(error instanceof OutcomeUnknownError)) throw error;
      for (const item of chunk) {
        outcomes.set(
          item.position,
          failed(
            'OUTCOME_UNKNOWN',
            `${error.message} The record may have been created: look for it in the org before writing it again.`,
          ),
        );
      }
      continue;
    }
    if (response.status >= 400) {
      const error = OrgApiError.fromResponse(response.status, response.body);
      for (const item of chunk) outcomes.set(item.position, failed(error.errorCode, error.message, [...error.fields]));
      continue;
    }
    const results = JSON.parse(response.body) as SaveResult[];
    chunk.forEach((item, index) => outcomes.set(item.position, outcomeOf(target, results[index])));
  }
  return outcomes;
}
