/**
 * What the fake org knows about its objects and fields, taken from force-app itself (through the
 * project loader the metadata checks use): field types, lookups and their target objects, external
 * IDs. So a column the adapter sends or asks for that the deployed metadata would not have is
 * refused here as Salesforce would refuse it.
 */
import { loadProject, type FieldModel, type ProjectModel } from '../../../src/metadata/project';
import { textOf } from '../../../src/metadata/xml';
import { STANDARD_KEY_PREFIXES } from './ids';

export interface FieldDescribe {
  name: string;
  /** the CustomField type: Text, Number, Lookup, MasterDetail, MetadataRelationship... */
  type: string;
  externalId: boolean;
  /** usable to find a record by its value (external IDs, Id, Username) */
  idLookup: boolean;
  /** for lookups: the object referred to, and the relationship name (Account__r, Owner) */
  referenceTo?: string;
  relationshipName?: string;
  /** Salesforce sets it: never written through the API */
  readOnly: boolean;
}

export interface ObjectDescribe {
  name: string;
  keyPrefix: string;
  fields: Map<string, FieldDescribe>;
}

export type OrgDescribe = Map<string, ObjectDescribe>;

const READ_ONLY_TYPES = new Set(['Id', 'AutoNumber', 'Formula', 'Summary']);
const SYSTEM_FIELDS = new Set([
  'Id',
  'IsDeleted',
  'CreatedDate',
  'CreatedById',
  'LastModifiedDate',
  'LastModifiedById',
  'SystemModstamp',
  'LastActivityDate',
  'LastViewedDate',
  'LastReferencedDate',
]);
const STANDARD_LOOKUPS: Readonly<Record<string, string>> = {
  OwnerId: 'User',
  CreatedById: 'User',
  LastModifiedById: 'User',
  ManagerId: 'User',
  AccountId: 'Account',
  WhatId: 'Account',
  WhoId: 'Contact',
};
const REFERENCE_TYPES = new Set(['Lookup', 'MasterDetail', 'MetadataRelationship']);

function fieldDescribe(objectName: string, field: FieldModel): FieldDescribe {
  const root = field.file?.root;
  const custom = field.name.endsWith('__c');
  const reference = REFERENCE_TYPES.has(field.type);
  const referenceTo = reference
    ? ((root && textOf(root, 'referenceTo')) ?? STANDARD_LOOKUPS[field.name] ?? undefined)
    : undefined;
  const externalId = (root && textOf(root, 'externalId')) === 'true';
  const isSystem = SYSTEM_FIELDS.has(field.name);
  const cmdtSystem =
    objectName.endsWith('__mdt') && ['QualifiedApiName', 'NamespacePrefix', 'Label'].includes(field.name);
  return {
    name: field.name,
    type: field.type,
    externalId,
    idLookup:
      externalId ||
      field.name === 'Id' ||
      (objectName === 'User' && field.name === 'Username') ||
      field.name === 'DeveloperName',
    ...(referenceTo
      ? { referenceTo, relationshipName: custom ? `${field.name.slice(0, -3)}__r` : field.name.replace(/Id$/, '') }
      : {}),
    readOnly: READ_ONLY_TYPES.has(field.type) || isSystem || cmdtSystem,
  };
}

const ORGANIZATION_FIELDS: ReadonlyArray<[string, string]> = [
  ['Id', 'Id'],
  ['Name', 'Text'],
  ['InstanceName', 'Text'],
  ['IsSandbox', 'Checkbox'],
  ['TrialExpirationDate', 'DateTime'],
  ['NamespacePrefix', 'Text'],
  ['OrganizationType', 'Text'],
  ['DefaultCurrencyIsoCode', 'Picklist'],
];

export function describeProject(project: ProjectModel): OrgDescribe {
  const describe: OrgDescribe = new Map();
  let custom = 0;
  let metadata = 0;
  for (const object of [...project.objects.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const keyPrefix =
      STANDARD_KEY_PREFIXES[object.name] ??
      (object.name.endsWith('__mdt')
        ? `m${String(metadata++).padStart(2, '0')}`
        : `a${String(custom++).padStart(2, '0')}`);
    const fields = new Map<string, FieldDescribe>();
    for (const field of object.fields.values()) fields.set(field.name, fieldDescribe(object.name, field));
    describe.set(object.name, { name: object.name, keyPrefix, fields });
  }
  const organization = new Map<string, FieldDescribe>();
  for (const [name, type] of ORGANIZATION_FIELDS) {
    organization.set(name, { name, type, externalId: false, idLookup: name === 'Id', readOnly: true });
  }
  describe.set('Organization', { name: 'Organization', keyPrefix: '00D', fields: organization });
  return describe;
}

let cached: OrgDescribe | undefined;

/** The describe of the project at `dir` (force-app), loaded once per test file. */
export function describeForceApp(dir: string): OrgDescribe {
  cached ??= describeProject(loadProject(dir));
  return cached;
}
