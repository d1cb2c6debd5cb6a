/**
 * sObject Collections of the fake org, in the documented shapes:
 *   - PATCH /composite/sobjects/{Object}/{ExternalIdField}: upsert, results { id, success, errors, created };
 *   - POST /composite/sobjects: create, results { id, success, errors };
 *   - PATCH /composite/sobjects: update by the records' id, results { id, success, errors }.
 * At most 200 records a request (more: 400 EXCEEDED_ID_LIMIT); allOrNone false, each record on
 * its own; results in the order of the request; failures { success: false, errors: [{ statusCode,
 * message, fields }] }.
 */
import { RecordError, type Assignment } from './data';
import { apiError, errorResponse, json, parseJsonBody, type Route } from './protocol';
import type { FakeOrg } from './server';

interface CollectionsBody {
  allOrNone?: boolean;
  records?: Array<Record<string, unknown>>;
}

type SaveResult = { id: string; success: true; errors: []; created?: boolean } | { success: false; errors: unknown[] };

function flatValues(record: Record<string, unknown>): Map<string, string> {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(record)) {
    if (name === 'attributes') continue;
    if (value !== null && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value as Record<string, unknown>)) {
        if (inner !== 'attributes') values.set(`${name}.${inner}`, String(innerValue));
      }
    } else values.set(name, value === null ? '' : String(value));
  }
  return values;
}

function failure(error: unknown): SaveResult {
  if (!(error instanceof RecordError)) throw error;
  return { success: false, errors: [{ statusCode: error.statusCode, message: error.message, fields: error.fields }] };
}

export function collectionsRoutes(org: FakeOrg): Route[] {
  /** Validates the body and runs `write` for each record, each on its own. */
  const each = (body: CollectionsBody, write: (record: Record<string, unknown>) => SaveResult) => {
    const records = body.records;
    if (!Array.isArray(records)) return apiError(400, 'JSON_PARSER_ERROR', 'records is required');
    if (records.length > 200) {
      return apiError(
        400,
        'EXCEEDED_ID_LIMIT',
        'record limit reached. cannot submit more than 200 records into this call',
      );
    }
    if (body.allOrNone === true) {
      return apiError(400, 'NOT_SUPPORTED_BY_FAKE_ORG', 'allOrNone true is not modelled by the fake org');
    }
    return json(
      200,
      records.map((record) => write(record)),
    );
  };

  const typeOf = (record: Record<string, unknown>): string => {
    const type = (record.attributes as { type?: unknown } | undefined)?.type;
    if (typeof type !== 'string') throw new RecordError('INVALID_TYPE', 'Each record needs attributes.type', []);
    return type;
  };

  const assignmentsOf = (object: string, record: Record<string, unknown>, skip: string[]): Assignment[] => {
    org.checkRecordFault(object, flatValues(record));
    return org.data.jsonAssignments(org.data.object(object), record, skip);
  };

  return [
    {
      method: 'PATCH',
      pattern: /^\/composite\/sobjects\/([A-Za-z0-9_]+)\/([A-Za-z0-9_]+)$/,
      versioned: true,
      handle: (request, [objectName = '', keyField = '']) => {
        try {
          const object = org.data.object(objectName);
          return each(parseJsonBody<CollectionsBody>(request), (record) => {
            try {
              if (typeOf(record) !== object.name) {
                throw new RecordError('INVALID_TYPE', `Records must be of type ${object.name}`, []);
              }
              const { id, created } = org.data.upsert(object.name, keyField, assignmentsOf(object.name, record, []));
              return { id, success: true, errors: [], created };
            } catch (error) {
              return failure(error);
            }
          });
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
    {
      method: 'POST',
      pattern: /^\/composite\/sobjects\/?$/,
      versioned: true,
      handle: (request) => {
        try {
          return each(parseJsonBody<CollectionsBody>(request), (record) => {
            try {
              const object = typeOf(record);
              if ('id' in record || 'Id' in record)
                throw new RecordError('INVALID_FIELD', 'Cannot specify Id in an insert call', ['Id']);
              const id = org.data.insert(object, assignmentsOf(object, record, []));
              return { id, success: true, errors: [] };
            } catch (error) {
              return failure(error);
            }
          });
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
    {
      method: 'PATCH',
      pattern: /^\/composite\/sobjects\/?$/,
      versioned: true,
      handle: (request) => {
        try {
          return each(parseJsonBody<CollectionsBody>(request), (record) => {
            try {
              const object = typeOf(record);
              const id = typeof record.id === 'string' ? record.id : '';
              const existing = org.data.byId(id);
              if (!existing || existing.object.name !== org.data.object(object).name) {
                throw new RecordError('MALFORMED_ID', `Id in update: ${id || '(none)'} is not an Id of ${object}`, [
                  'Id',
                ]);
              }
              org.data.update(object, id, assignmentsOf(object, record, ['id']));
              return { id, success: true, errors: [] };
            } catch (error) {
              return failure(error);
            }
          });
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
  ];
}
