/**
 * Fields Salesforce defines itself, which no file in the project declares. The lists are limited
 * to what the project may refer to; a reference to anything else is reported, so adding one is a
 * deliberate act. Sources: the Object Reference for Salesforce and Lightning Platform (Account,
 * Contact, User, Task, Group, and the approval history objects ProcessInstance, ProcessInstanceStep,
 * ProcessInstanceWorkitem and ProcessInstanceHistory:
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_processinstance.htm
 * and the pages beside it) and "System Fields" for custom objects. CurrencyIsoCode exists because
 * the project requires an org with multi-currency enabled (see config/project-scratch-def.json).
 * Relationship names (Owner, What, Actor...) are the ones the Object Reference lists for each
 * lookup; the GraphQL and @salesforce/schema checks walk them.
 */
import type { XmlElement } from './xml';
import { textOf, childNamed } from './xml';

type FieldTypes = ReadonlyArray<readonly [string, string]>;

const SYSTEM_FIELDS: FieldTypes = [
  ['Id', 'Id'],
  ['IsDeleted', 'Checkbox'],
  ['CreatedDate', 'DateTime'],
  ['CreatedById', 'Lookup'],
  ['LastModifiedDate', 'DateTime'],
  ['LastModifiedById', 'Lookup'],
  ['SystemModstamp', 'DateTime'],
];

const CUSTOM_OBJECT_FIELDS: FieldTypes = [
  ...SYSTEM_FIELDS,
  ['CurrencyIsoCode', 'Picklist'],
  ['LastActivityDate', 'Date'],
  ['LastViewedDate', 'DateTime'],
  ['LastReferencedDate', 'DateTime'],
];

const CUSTOM_METADATA_FIELDS: FieldTypes = [
  ['Id', 'Id'],
  ['DeveloperName', 'Text'],
  ['MasterLabel', 'Text'],
  ['Label', 'Text'],
  ['Language', 'Picklist'],
  ['NamespacePrefix', 'Text'],
  ['QualifiedApiName', 'Text'],
];

const STANDARD_OBJECTS: ReadonlyMap<string, FieldTypes> = new Map<string, FieldTypes>([
  [
    'Account',
    [
      ...SYSTEM_FIELDS,
      ['Name', 'Text'],
      ['OwnerId', 'Lookup'],
      ['CurrencyIsoCode', 'Picklist'],
      ['AccountNumber', 'Text'],
      ['ParentId', 'Lookup'],
      ['Type', 'Picklist'],
      ['Industry', 'Picklist'],
      ['Phone', 'Phone'],
      ['Website', 'Url'],
      ['BillingStreet', 'TextArea'],
      ['BillingCity', 'Text'],
      ['BillingState', 'Text'],
      ['BillingPostalCode', 'Text'],
      ['BillingCountry', 'Text'],
      ['LastActivityDate', 'Date'],
    ],
  ],
  [
    'Contact',
    [
      ...SYSTEM_FIELDS,
      ['Name', 'Text'],
      ['FirstName', 'Text'],
      ['LastName', 'Text'],
      ['Email', 'Email'],
      ['Phone', 'Phone'],
      ['AccountId', 'Lookup'],
      ['OwnerId', 'Lookup'],
      ['CurrencyIsoCode', 'Picklist'],
    ],
  ],
  [
    'User',
    [
      ...SYSTEM_FIELDS,
      ['Name', 'Text'],
      ['Email', 'Email'],
      ['Username', 'Text'],
      ['ManagerId', 'Lookup'],
      ['IsActive', 'Checkbox'],
      ['LanguageLocaleKey', 'Picklist'],
      ['LocaleSidKey', 'Picklist'],
      ['TimeZoneSidKey', 'Picklist'],
      ['DefaultCurrencyIsoCode', 'Picklist'],
      ['FirstName', 'Text'],
      ['LastName', 'Text'],
      ['Alias', 'Text'],
      ['Title', 'Text'],
      ['SmallPhotoUrl', 'Url'],
    ],
  ],
  [
    'Task',
    [
      ...SYSTEM_FIELDS,
      ['Subject', 'Text'],
      ['ActivityDate', 'Date'],
      ['Status', 'Picklist'],
      ['Priority', 'Picklist'],
      ['WhatId', 'Lookup'],
      ['WhoId', 'Lookup'],
      ['OwnerId', 'Lookup'],
      ['Description', 'LongTextArea'],
      ['TaskSubtype', 'Picklist'],
      ['CallDisposition', 'Text'],
      ['Type', 'Picklist'],
      ['CallType', 'Picklist'],
      ['CallDurationInSeconds', 'Number'],
      ['IsClosed', 'Checkbox'],
      ['CompletedDateTime', 'DateTime'],
      ['AccountId', 'Lookup'],
      ['CurrencyIsoCode', 'Picklist'],
    ],
  ],
  ['Group', [...SYSTEM_FIELDS, ['Name', 'Text'], ['DeveloperName', 'Text'], ['Type', 'Picklist']]],
  // Approval history, read by the components that show a plan's approval status and comments.
  [
    'ProcessInstance',
    [
      ...SYSTEM_FIELDS,
      ['Status', 'Picklist'],
      ['TargetObjectId', 'Lookup'],
      ['SubmittedById', 'Lookup'],
      ['LastActorId', 'Lookup'],
      ['CompletedDate', 'DateTime'],
      ['ProcessDefinitionId', 'Lookup'],
      ['ElapsedTimeInDays', 'Number'],
    ],
  ],
  [
    'ProcessInstanceStep',
    [
      ...SYSTEM_FIELDS,
      ['ProcessInstanceId', 'Lookup'],
      ['StepStatus', 'Picklist'],
      ['ActorId', 'Lookup'],
      ['OriginalActorId', 'Lookup'],
      ['Comments', 'TextArea'],
      ['StepNodeId', 'Lookup'],
      ['ElapsedTimeInDays', 'Number'],
    ],
  ],
  [
    'ProcessInstanceWorkitem',
    [
      ...SYSTEM_FIELDS,
      ['ProcessInstanceId', 'Lookup'],
      ['ActorId', 'Lookup'],
      ['OriginalActorId', 'Lookup'],
      ['ElapsedTimeInDays', 'Number'],
    ],
  ],
  [
    'ProcessInstanceHistory',
    [
      ...SYSTEM_FIELDS,
      ['ProcessInstanceId', 'Lookup'],
      ['TargetObjectId', 'Lookup'],
      ['StepStatus', 'Picklist'],
      ['ActorId', 'Lookup'],
      ['OriginalActorId', 'Lookup'],
      ['Comments', 'TextArea'],
      ['IsPending', 'Checkbox'],
      ['ProcessNodeId', 'Lookup'],
      ['RemindersSent', 'Number'],
      ['ElapsedTimeInDays', 'Number'],
    ],
  ],
  // Classic email templates, which flows look up by DeveloperName to send an alert or an email.
  [
    'EmailTemplate',
    [
      ...SYSTEM_FIELDS,
      ['Name', 'Text'],
      ['DeveloperName', 'Text'],
      ['Subject', 'Text'],
      ['Body', 'LongTextArea'],
      ['HtmlValue', 'LongTextArea'],
      ['Description', 'Text'],
      ['FolderId', 'Lookup'],
      ['IsActive', 'Checkbox'],
      ['TemplateType', 'Picklist'],
    ],
  ],
  // Advanced currency management's dated rates: the tooling reads them as the dated exchange rates.
  [
    'DatedConversionRate',
    [
      ['Id', 'Id'],
      ['IsoCode', 'Picklist'],
      ['ConversionRate', 'Number'],
      ['StartDate', 'Date'],
      ['NextStartDate', 'Date'],
    ],
  ],
]);

/**
 * The share object of a custom object whose records are not public read/write (Private or Read):
 * MyObject__Share, with the fields every share object has.
 * https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_bulk_sharing_creating_with_apex.htm
 */
const SHARE_FIELDS: FieldTypes = [
  ['Id', 'Id'],
  ['IsDeleted', 'Checkbox'],
  ['LastModifiedDate', 'DateTime'],
  ['LastModifiedById', 'Lookup'],
  ['ParentId', 'Lookup'],
  ['UserOrGroupId', 'Lookup'],
  ['AccessLevel', 'Picklist'],
  ['RowCause', 'Picklist'],
];
const SHARED_MODELS = new Set(['Private', 'Read']);

/** The share object's name for a custom object with this sharing model, or undefined when it has none. */
export function shareObjectName(objectName: string, sharingModel: string | undefined): string | undefined {
  return objectName.endsWith('__c') && sharingModel !== undefined && SHARED_MODELS.has(sharingModel)
    ? `${objectName.slice(0, -'__c'.length)}__Share`
    : undefined;
}

export function knownStandardObjects(): string[] {
  return [...STANDARD_OBJECTS.keys()];
}

export interface StandardFieldOptions {
  /** detail objects of a master-detail have no owner */
  isDetail: boolean;
  /** the object-meta.xml root, whose <nameField> gives the Name field's type */
  nameField?: XmlElement;
}

export function standardFieldsOf(
  objectName: string,
  kind: 'custom' | 'customMetadata' | 'standard',
  options: StandardFieldOptions,
): Map<string, string> {
  if (kind === 'customMetadata') return new Map(CUSTOM_METADATA_FIELDS);
  if (kind === 'standard' && objectName.endsWith('__Share')) return new Map(SHARE_FIELDS);
  if (kind === 'standard') return new Map(STANDARD_OBJECTS.get(objectName) ?? []);
  const fields = new Map(CUSTOM_OBJECT_FIELDS);
  const nameField = options.nameField && childNamed(options.nameField, 'nameField');
  fields.set('Name', (nameField && textOf(nameField, 'type')) ?? 'Text');
  if (!options.isDetail) fields.set('OwnerId', 'Lookup');
  return fields;
}

/** A relationship leading to any object (a polymorphic lookup such as Task.What). */
export const ANY_OBJECT = '*';

/** Parent relationships of standard lookups: name -> the objects it may lead to. */
const STANDARD_PARENTS: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>> = new Map([
  ['Account', new Map([['Parent', ['Account']]])],
  ['Contact', new Map([['Account', ['Account']]])],
  ['User', new Map([['Manager', ['User']]])],
  [
    'Task',
    new Map([
      ['What', [ANY_OBJECT]],
      ['Who', ['Contact']],
      ['Account', ['Account']],
    ]),
  ],
  [
    'ProcessInstance',
    new Map([
      ['TargetObject', [ANY_OBJECT]],
      ['SubmittedBy', ['User']],
      ['LastActor', ['User']],
    ]),
  ],
  ...['ProcessInstanceStep', 'ProcessInstanceWorkitem', 'ProcessInstanceHistory'].map(
    (name) =>
      [
        name,
        new Map([
          ['ProcessInstance', ['ProcessInstance']],
          ['Actor', ['User', 'Group']],
          ['OriginalActor', ['User', 'Group']],
          ...(name === 'ProcessInstanceHistory' ? [['TargetObject', [ANY_OBJECT]] as const] : []),
        ]),
      ] as const,
  ),
]);

/** Relationships every object with the lookup has: owners may be users or queues. */
const COMMON_PARENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['Owner', ['User', 'Group']],
  ['CreatedBy', ['User']],
  ['LastModifiedBy', ['User']],
]);

/** The standard parent relationship `name` of an object, when its lookup field exists there. */
export function standardParentRelationship(
  objectName: string,
  fields: ReadonlyMap<string, unknown>,
  name: string,
): readonly string[] | undefined {
  if (!fields.has(`${name}Id`)) return undefined;
  if (objectName.endsWith('__Share')) {
    if (name === 'Parent') return [`${objectName.slice(0, -'__Share'.length)}__c`];
    if (name === 'UserOrGroup') return ['User', 'Group'];
  }
  return STANDARD_PARENTS.get(objectName)?.get(name) ?? COMMON_PARENTS.get(name);
}

/** Child relationships Salesforce defines between standard objects, and on every object that can be approved or have activities. */
export function standardChildRelationships(
  objectName: string,
  kind: 'custom' | 'customMetadata' | 'standard',
  objectRoot?: XmlElement,
): Map<string, string> {
  const children = new Map<string, string>();
  if (kind === 'customMetadata') return children;
  if (objectName === 'Account') {
    children.set('Contacts', 'Contact');
    children.set('Tasks', 'Task');
  }
  if (objectName === 'Contact') children.set('Tasks', 'Task');
  if (objectName === 'ProcessInstance') {
    children.set('Steps', 'ProcessInstanceStep');
    children.set('Workitems', 'ProcessInstanceWorkitem');
    children.set('StepsAndWorkitems', 'ProcessInstanceHistory');
  }
  if (kind === 'custom' && objectRoot && textOf(objectRoot, 'enableActivities') === 'true')
    children.set('Tasks', 'Task');
  if (kind === 'custom' || objectName === 'Account') {
    children.set('ProcessInstances', 'ProcessInstance');
    children.set('ProcessSteps', 'ProcessInstanceHistory');
  }
  return children;
}
