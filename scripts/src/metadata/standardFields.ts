/**
 * Fields Salesforce defines itself, which no file in the project declares. The lists are limited
 * to what the project may refer to; a reference to anything else is reported, so adding one is a
 * deliberate act. Sources: the Object Reference for Salesforce and Lightning Platform (Account,
 * Contact, User, Task, Group) and "System Fields" for custom objects. CurrencyIsoCode exists because
 * the project requires an org with multi-currency enabled (see config/project-scratch-def.json).
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
    ],
  ],
  ['Group', [...SYSTEM_FIELDS, ['Name', 'Text'], ['DeveloperName', 'Text'], ['Type', 'Picklist']]],
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
  if (kind === 'standard') return new Map(STANDARD_OBJECTS.get(objectName) ?? []);
  const fields = new Map(CUSTOM_OBJECT_FIELDS);
  const nameField = options.nameField && childNamed(options.nameField, 'nameField');
  fields.set('Name', (nameField && textOf(nameField, 'type')) ?? 'Text');
  if (!options.isDetail) fields.set('OwnerId', 'Lookup');
  return fields;
}
