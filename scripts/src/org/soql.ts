/**
 * SOQL built from code only: object and field names come from records/schema.ts and
 * domain/policy.ts, and each is checked to be an API name before it goes into a query or a URL,
 * so no text from data or from the command line can change what is asked.
 */
import type { ObjectSchema } from '../records/schema';

const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function assertApiName(name: string): string {
  if (!API_NAME.test(name)) throw new Error(`not a Salesforce API name: ${JSON.stringify(name)}`);
  return name;
}

/** A field or a child-to-parent path through relationships: Account__r.Customer_Number__c. */
export function assertFieldPath(path: string): string {
  for (const part of path.split('.')) assertApiName(part);
  return path;
}

export function selectQuery(object: string, fields: readonly string[]): string {
  if (fields.length === 0) throw new Error(`no fields to select from ${object}`);
  return `SELECT ${fields.map(assertFieldPath).join(', ')} FROM ${assertApiName(object)}`;
}

/** The Bulk API query of an object: its schema columns, relationship columns as written. */
export function schemaQuery(schema: ObjectSchema): string {
  return selectQuery(
    schema.object,
    schema.columns.map((column) => column.name),
  );
}
