/**
 * REST API resources of the fake org:
 *   - GET /services/data: the API versions (no auth, not counted against the limit);
 *   - GET /services/oauth2/userinfo and /sobjects/User/{id}: what `sf org login access-token` and
 *     @salesforce/core ask to learn the username and org;
 *   - GET /limits: DailyApiRequests and SingleEmail { Max, Remaining };
 *   - GET /query?q= and /query/{cursor}: SOQL, { totalSize, done, records, nextRecordsUrl };
 *     ScratchOrgInfo answers INVALID_TYPE as in an org that is not a Dev Hub.
 */
import { ApiError, type StoredRecord } from './data';
import type { FieldDescribe, ObjectDescribe } from './describe';
import { apiError, errorResponse, json, type FakeRequest, type FakeResponse, type Route } from './protocol';
import type { FakeOrg } from './server';
import { parseSoql, runQuery, type Column } from './soql';

const NUMBER_TYPES = new Set(['Number', 'Currency', 'Percent']);
export const LATEST_VERSION = '66.0';

function jsonValue(field: FieldDescribe, value: string | null): unknown {
  if (value === null) return field.type === 'Checkbox' ? false : null;
  if (field.type === 'Checkbox') return value === 'true';
  if (NUMBER_TYPES.has(field.type)) return Number(value);
  return value;
}

function attributes(version: string, object: ObjectDescribe, record: StoredRecord): Record<string, string> {
  return { type: object.name, url: `/services/data/v${version}/sobjects/${object.name}/${record.get('Id') ?? ''}` };
}

/** A record as REST API answers it: relationship columns become nested records (or null). */
function recordJson(
  org: FakeOrg,
  version: string,
  object: ObjectDescribe,
  record: StoredRecord,
  columns: readonly Column[],
): Record<string, unknown> {
  const result: Record<string, unknown> = { attributes: attributes(version, object, record) };
  for (const column of columns) {
    let target: Record<string, unknown> = result;
    let current: StoredRecord | undefined = record;
    const names = column.name.split('.');
    column.steps.forEach((step, index) => {
      const name = names[index] as string;
      if (index === column.steps.length - 1) {
        target[name] = current ? jsonValue(step, current.get(step.name) ?? null) : null;
        return;
      }
      const id = current?.get(step.name) ?? null;
      const parent = id === null ? undefined : org.data.byId(id);
      if (!parent) {
        target[name] = null;
        current = undefined;
        return;
      }
      const nested = (target[name] as Record<string, unknown> | null | undefined) ?? {
        attributes: attributes(version, parent.object, parent.record),
      };
      target[name] = nested;
      target = nested;
      current = parent.record;
    });
  }
  return result;
}

export function restRoutes(org: FakeOrg): Route[] {
  const cursors = new Map<string, Array<Record<string, unknown>>>();
  let cursorSequence = 0;

  const page = (
    version: string,
    records: Array<Record<string, unknown>>,
    offset: number,
    cursor?: string,
  ): FakeResponse => {
    const end = offset + org.restQueryPageSize;
    const done = end >= records.length;
    let id = cursor;
    if (!done && !id) {
      id = `01g${String(++cursorSequence).padStart(12, '0')}`;
      cursors.set(id, records);
    }
    return json(200, {
      totalSize: records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${id}-${end}` }),
      records: records.slice(offset, end),
    });
  };

  return [
    {
      method: 'GET',
      pattern: /^\/services\/data\/?$/,
      versioned: false,
      handle: () =>
        json(
          200,
          ['64.0', '65.0', LATEST_VERSION].map((version) => ({
            label: `Release ${version}`,
            url: `/services/data/v${version}`,
            version,
          })),
        ),
    },
    {
      method: 'GET',
      pattern: /^\/services\/oauth2\/userinfo$/,
      versioned: false,
      handle: () =>
        json(200, {
          sub: `${org.instanceUrl}/id/${org.data.orgId}/${org.data.userId}`,
          user_id: org.data.userId,
          organization_id: org.data.orgId,
          preferred_username: org.data.username,
          name: 'Collections Admin',
          email: org.data.username,
          email_verified: true,
          active: true,
          user_type: 'STANDARD',
          language: 'en_US',
          locale: 'en_US',
          utcOffset: 0,
          urls: { rest: `${org.instanceUrl}/services/data/v{version}/` },
        }),
    },
    {
      method: 'GET',
      pattern: /^\/sobjects\/User\/([A-Za-z0-9]{15,18})$/,
      versioned: true,
      handle: (request, [id = '']) => {
        const found = org.data.byId(id);
        if (!found || found.object.name !== 'User')
          return apiError(404, 'NOT_FOUND', 'The requested resource does not exist');
        const record: Record<string, unknown> = { attributes: attributes(request.version, found.object, found.record) };
        for (const field of found.object.fields.values())
          record[field.name] = jsonValue(field, found.record.get(field.name) ?? null);
        return json(200, record);
      },
    },
    {
      method: 'GET',
      pattern: /^\/limits\/?$/,
      versioned: true,
      handle: () =>
        json(200, {
          DailyApiRequests: { Max: org.apiUsage.max, Remaining: Math.max(0, org.apiUsage.max - org.apiUsage.used) },
          SingleEmail: { Max: org.singleEmail.max, Remaining: Math.max(0, org.singleEmail.max - org.singleEmail.used) },
          DailyBulkV2QueryJobs: { Max: 10000, Remaining: 10000 },
          DailyBulkApiBatches: { Max: 15000, Remaining: 15000 },
        }),
    },
    {
      method: 'GET',
      pattern: /^\/query\/?$/,
      versioned: true,
      handle: (request) => {
        const soql = request.query.get('q') ?? '';
        org.queries.push(soql);
        if (/\bFROM\s+ScratchOrgInfo\b/i.test(soql)) {
          return apiError(400, 'INVALID_TYPE', "sObject type 'ScratchOrgInfo' is not supported.");
        }
        try {
          const query = parseSoql(org.data, soql);
          const records = runQuery(org.data, query).map((record) =>
            recordJson(org, request.version, query.object, record, query.columns),
          );
          return page(request.version, records, 0);
        } catch (error) {
          return errorResponse(error);
        }
      },
    },
    {
      method: 'GET',
      pattern: /^\/query\/(01g[0-9]+)-(\d+)$/,
      versioned: true,
      handle: (request, [cursor = '', offset = '0']) => {
        const records = cursors.get(cursor);
        if (!records) return errorResponse(new ApiError(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator'));
        return page(request.version, records, Number(offset), cursor);
      },
    },
  ];
}

export type { FakeRequest };
