/**
 * The policy's custom metadata records as the org holds them, read with REST API SOQL queries
 * (GET /query, following nextRecordsUrl): one query per type of POLICY_FIELDS, with DeveloperName
 * and MasterLabel. A metadata relationship field (Dunning_Step__mdt.Policy__c) answers the related
 * record's Id, so its DeveloperName is read through the relationship (Policy__r.DeveloperName):
 * the same value the XML files of force-app hold.
 */
import { CollectionsError } from '../cli/errors';
import { POLICY_FIELDS, type CustomMetadataRecord } from '../domain/policy';
import { OrgApiError } from './errors';
import type { OrgHttp } from './http';
import { selectQuery } from './soql';

interface QueryResult {
  done: boolean;
  nextRecordsUrl?: string;
  records: Array<Record<string, unknown>>;
}

function relationshipOf(field: string): string {
  return field.replace(/__c$/, '__r');
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** Runs one SOQL query through REST API, all pages. */
export async function restQuery(http: OrgHttp, soql: string): Promise<Array<Record<string, unknown>>> {
  const records: Array<Record<string, unknown>> = [];
  let page = await http.json<QueryResult>({
    method: 'GET',
    path: `/query?q=${encodeURIComponent(soql)}`,
    idempotent: true,
  });
  records.push(...page.records);
  while (!page.done && page.nextRecordsUrl) {
    if (!/^\/services\/data\/v[\d.]+\/query\/[A-Za-z0-9-]+$/.test(page.nextRecordsUrl)) {
      throw new CollectionsError(
        'OrgRequestFailed',
        `Unexpected nextRecordsUrl from Salesforce: ${page.nextRecordsUrl}`,
      );
    }
    page = await http.json<QueryResult>({ method: 'GET', path: page.nextRecordsUrl, idempotent: true });
    records.push(...page.records);
  }
  return records;
}

export async function queryPolicyRecords(http: OrgHttp): Promise<CustomMetadataRecord[]> {
  const result: CustomMetadataRecord[] = [];
  for (const [type, fields] of Object.entries(POLICY_FIELDS)) {
    const entries = Object.entries(fields);
    const isRelationship = (types: readonly string[]): boolean => types.includes('MetadataRelationship');
    const select = [
      'DeveloperName',
      'MasterLabel',
      ...entries.map(([field, types]) => (isRelationship(types) ? `${relationshipOf(field)}.DeveloperName` : field)),
    ];
    let records;
    try {
      records = await restQuery(http, selectQuery(type, select));
    } catch (error) {
      if (!(error instanceof OrgApiError)) throw error;
      throw new CollectionsError(
        'PolicyNotInOrg',
        `The org cannot answer the policy's custom metadata (${type}): ${error.errorCode}: ${error.message}`,
        ['Deploy force-app to the org (sf project deploy start --target-org <alias>), then run the command again.'],
      );
    }
    for (const record of records) {
      const values: Record<string, string | null> = {};
      for (const [field, types] of entries) {
        if (isRelationship(types)) {
          const related = record[relationshipOf(field)] as { DeveloperName?: unknown } | null | undefined;
          values[field] = text(related?.DeveloperName);
        } else values[field] = text(record[field]);
      }
      const developerName = text(record.DeveloperName) ?? '';
      result.push({ type, developerName, label: text(record.MasterLabel) ?? developerName, values });
    }
  }
  return result;
}
