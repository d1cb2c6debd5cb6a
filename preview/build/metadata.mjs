/**
 * What the preview's stand-ins know about the org, read from force-app at build time so nothing is
 * copied by hand: the custom labels in English and their translations, and for each object the
 * describe information that getObjectInfo and the record adapters answer with (fields, data types,
 * picklist values, relationships, auto-number formats), with createable/updateable taken from the
 * preview user's permission set, as field-level security would decide them in the org, and the
 * object translations (objectTranslations/<Object>-<language>) of the object, field and picklist
 * value labels, which the org serves in the user's language.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

/** The elements that may repeat, by path, so a single one still reads as a list. */
const REPEATED = new Set([
  'CustomLabels.labels',
  'Translations.customLabels',
  'CustomField.valueSet.valueSetDefinition.value',
  'PermissionSet.objectPermissions',
  'PermissionSet.fieldPermissions',
  'CustomObjectTranslation.caseValues',
  'CustomFieldTranslation.picklistValues',
]);
const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name, jpath) => REPEATED.has(jpath),
});

function readXml(path) {
  return parser.parse(readFileSync(path, 'utf8'));
}

/** The custom labels as { en: { name: value }, [language]: { name: value } } (translations fall back to English). */
export function readLabels(sourceDir, languages) {
  const en = {};
  const labelsDir = join(sourceDir, 'labels');
  for (const file of readdirSync(labelsDir)
    .filter((name) => name.endsWith('.labels-meta.xml'))
    .sort()) {
    for (const label of readXml(join(labelsDir, file)).CustomLabels.labels ?? []) en[label.fullName] = label.value;
  }
  const result = { en };
  for (const language of languages) {
    const path = join(sourceDir, 'translations', `${language}.translation-meta.xml`);
    const translated = {};
    for (const entry of readXml(path).Translations.customLabels ?? []) translated[entry.name] = entry.label;
    const missing = Object.keys(en).filter((name) => translated[name] === undefined);
    result[language] = { ...en, ...translated };
    result[`${language}:missing`] = missing;
  }
  return result;
}

/** Standard fields the preview needs on standard objects, which force-app does not describe. */
const STANDARD_OBJECTS = {
  Account: { keyPrefix: '001', label: 'Account', labelPlural: 'Accounts', fields: { Name: 'String' } },
  User: { keyPrefix: '005', label: 'User', labelPlural: 'Users', fields: { Name: 'String', Username: 'String' } },
  Task: {
    keyPrefix: '00T',
    label: 'Task',
    labelPlural: 'Tasks',
    fields: {
      Subject: 'String',
      Type: 'Picklist',
      TaskSubtype: 'Picklist',
      Status: 'Picklist',
      ActivityDate: 'Date',
      WhatId: 'Reference',
      Description: 'TextArea',
      CallDisposition: 'String',
      IsClosed: 'Boolean',
      AccountId: 'Reference',
    },
    references: {
      WhatId: { referenceTo: ['Account', 'Collection_Case__c'], relationshipName: 'What' },
      AccountId: { referenceTo: ['Account'], relationshipName: 'Account', readOnly: true },
    },
  },
};

const DATA_TYPES = {
  Checkbox: 'Boolean',
  Currency: 'Currency',
  Date: 'Date',
  DateTime: 'DateTime',
  Email: 'Email',
  LongTextArea: 'TextArea',
  TextArea: 'TextArea',
  Lookup: 'Reference',
  MasterDetail: 'Reference',
  Number: 'Double',
  Picklist: 'Picklist',
  Summary: 'Currency',
  Text: 'String',
  Url: 'Url',
};

function field(apiName, dataType, extra = {}) {
  return {
    apiName,
    dataType,
    label: extra.label ?? apiName,
    required: false,
    unique: false,
    calculated: false,
    createable: true,
    updateable: true,
    referenceToInfos: [],
    relationshipName: null,
    picklistValues: null,
    restricted: false,
    ...extra,
  };
}

function systemFields(nameField) {
  return {
    Id: field('Id', 'String', { createable: false, updateable: false }),
    Name: nameField,
    OwnerId: field('OwnerId', 'Reference', {
      referenceToInfos: [{ apiName: 'User' }],
      relationshipName: 'Owner',
    }),
    CurrencyIsoCode: field('CurrencyIsoCode', 'Picklist', { label: 'Currency ISO Code' }),
    CreatedDate: field('CreatedDate', 'DateTime', { createable: false, updateable: false }),
    LastModifiedDate: field('LastModifiedDate', 'DateTime', { createable: false, updateable: false }),
  };
}

function customField(xml) {
  const type = xml.type;
  const calculated = !!xml.formula || type === 'Summary';
  const extra = {
    label: xml.label ?? xml.fullName,
    required: xml.required === 'true' || type === 'MasterDetail',
    unique: xml.unique === 'true',
    externalId: xml.externalId === 'true',
    calculated,
    createable: !calculated,
    updateable: !calculated && !(type === 'MasterDetail' && xml.reparentableMasterDetail !== 'true'),
    masterDetail: type === 'MasterDetail',
  };
  if (xml.referenceTo) {
    extra.referenceToInfos = [{ apiName: xml.referenceTo }];
    extra.relationshipName = xml.fullName.replace(/__c$/, '__r');
    extra.childRelationshipName = xml.relationshipName ? `${xml.relationshipName}__r` : null;
  }
  if (type === 'Picklist') {
    const values = xml.valueSet?.valueSetDefinition?.value ?? [];
    extra.picklistValues = values.map((value) => ({
      value: value.fullName,
      label: value.label ?? value.fullName,
      default: value.default === 'true',
    }));
    extra.restricted = xml.valueSet?.restricted === 'true';
  }
  if (xml.formula) extra.formula = xml.formula;
  if (type === 'Summary') {
    extra.summary = {
      operation: xml.summaryOperation,
      childObject: xml.summaryForeignKey.split('.')[0],
      foreignKey: xml.summaryForeignKey.split('.')[1],
      field: xml.summarizedField.split('.')[1],
    };
  }
  return field(xml.fullName, DATA_TYPES[type] ?? 'String', extra);
}

/** Object and field permissions of a permission set: { objects: { Obj: {allowCreate...} }, fields: Set('Obj.Field') }. */
function readPermissionSet(sourceDir, name) {
  const xml = readXml(join(sourceDir, 'permissionsets', `${name}.permissionset-meta.xml`)).PermissionSet;
  const objects = {};
  for (const entry of xml.objectPermissions ?? []) {
    objects[entry.object] = {
      create: entry.allowCreate === 'true',
      edit: entry.allowEdit === 'true',
      delete: entry.allowDelete === 'true',
      read: entry.allowRead === 'true',
    };
  }
  const editable = new Set((xml.fieldPermissions ?? []).filter((f) => f.editable === 'true').map((f) => f.field));
  return { objects, editable };
}

/**
 * Describe information per object: { apiName, label, keyPrefix, nameField, createable, updateable,
 * deletable, fields, childRelationships }. Key prefixes of custom objects are assigned in
 * alphabetical order (a00, a01...), as stable fake prefixes for the fixture Ids.
 */
export function readObjects(sourceDir, { permissionSet, currencies, languages = [] }) {
  const permissions = readPermissionSet(sourceDir, permissionSet);
  const objectsDir = join(sourceDir, 'objects');
  const objects = {};
  const customNames = readdirSync(objectsDir)
    .filter((name) => name.endsWith('__c'))
    .sort();
  const currencyValues = currencies.map((code) => ({ value: code, label: code, default: false }));
  const allNames = ['Account', 'Task', 'User', ...customNames];
  for (const apiName of allNames) {
    const standard = STANDARD_OBJECTS[apiName];
    const objectFile = join(objectsDir, apiName, `${apiName}.object-meta.xml`);
    const objectXml = !standard && existsSync(objectFile) ? readXml(objectFile).CustomObject : {};
    const autoNumber = objectXml.nameField?.type === 'AutoNumber';
    const nameField = field('Name', 'String', {
      label: objectXml.nameField?.label ?? 'Name',
      createable: !autoNumber,
      updateable: !autoNumber,
    });
    const fields = systemFields(nameField);
    fields.CurrencyIsoCode.picklistValues = currencyValues;
    fields.CurrencyIsoCode.restricted = true;
    for (const [name, dataType] of Object.entries(standard?.fields ?? {})) {
      const reference = standard.references?.[name];
      fields[name] = field(name, dataType, {
        ...(reference?.readOnly || name === 'IsClosed' ? { createable: false, updateable: false } : {}),
        ...(reference
          ? {
              referenceToInfos: reference.referenceTo.map((to) => ({ apiName: to })),
              relationshipName: reference.relationshipName,
            }
          : {}),
      });
    }
    const fieldsDir = join(objectsDir, apiName, 'fields');
    if (existsSync(fieldsDir)) {
      for (const file of readdirSync(fieldsDir).sort()) {
        const xml = readXml(join(fieldsDir, file)).CustomField;
        fields[xml.fullName] = customField(xml);
      }
    }
    // Field-level security: standard objects the permission set does not name (Task) stay open,
    // as the standard profile gives collectors their own activities.
    const access = permissions.objects[apiName] ?? { create: true, edit: true, delete: true, read: true };
    for (const info of Object.values(fields)) {
      const secured = info.apiName.endsWith('__c') && !info.required;
      const allowed = !secured || permissions.editable.has(`${apiName}.${info.apiName}`);
      info.createable = info.createable && access.create && allowed;
      info.updateable = info.updateable && access.edit && allowed;
    }
    objects[apiName] = {
      apiName,
      label: objectXml.label ?? standard?.label ?? apiName,
      labelPlural: objectXml.pluralLabel ?? standard?.labelPlural ?? `${objectXml.label ?? apiName}s`,
      keyPrefix: standard?.keyPrefix ?? `a${String(customNames.indexOf(apiName)).padStart(2, '0')}`,
      nameField: autoNumber ? { autoNumber: true, displayFormat: objectXml.nameField.displayFormat } : null,
      createable: access.create,
      updateable: access.edit,
      deletable: access.delete,
      defaultRecordTypeId: '012000000000000AAA',
      fields,
      childRelationships: [],
    };
  }
  for (const object of Object.values(objects)) {
    for (const info of Object.values(object.fields)) {
      const parent = objects[info.referenceToInfos[0]?.apiName];
      if (info.childRelationshipName && parent) {
        parent.childRelationships.push({
          childObjectApiName: object.apiName,
          fieldName: info.apiName,
          relationshipName: info.childRelationshipName,
        });
      }
    }
  }
  for (const language of languages) readObjectTranslations(sourceDir, objects, language);
  return objects;
}

/** The singular or plural name of an object in a translation: the plain nominative form. */
function caseValue(caseValues, plural) {
  return caseValues.find(
    (entry) =>
      entry.plural === String(plural) &&
      [undefined, 'Nominative'].includes(entry.caseType) &&
      [undefined, 'None'].includes(entry.article) &&
      [undefined, 'false'].includes(entry.possessive),
  )?.value;
}

/**
 * Adds `translations: { [language]: label }` to the objects, fields and picklist values that
 * force-app translates into `language`, as the org serves them to a user of that language (UI API
 * labels, getPicklistValues, GraphQL displayValue). Picklist values are named by their English
 * label (<masterLabel>), not their API name:
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customobjecttranslation.htm
 * A translation of an object, field or value that does not exist fails the build, as an unknown
 * custom label does; so does a custom field or picklist value left untranslated, which the page
 * would otherwise show in English without anyone noticing.
 */
export function readObjectTranslations(sourceDir, objects, language) {
  const dir = join(sourceDir, 'objectTranslations');
  const problems = [];
  for (const folder of readdirSync(dir)
    .filter((name) => name.endsWith(`-${language}`))
    .sort()) {
    const apiName = folder.slice(0, -`-${language}`.length);
    const object = objects[apiName];
    if (!object) {
      problems.push(`${folder}: no object ${apiName}`);
      continue;
    }
    for (const file of readdirSync(join(dir, folder)).sort()) {
      const xml = readXml(join(dir, folder, file));
      if (xml.CustomObjectTranslation) {
        const names = xml.CustomObjectTranslation;
        const singular = caseValue(names.caseValues ?? [], false);
        if (singular) object.translations = { ...object.translations, [language]: singular };
        const plural = caseValue(names.caseValues ?? [], true);
        if (plural) object.pluralTranslations = { ...object.pluralTranslations, [language]: plural };
        if (names.nameFieldLabel)
          object.fields.Name.translations = { ...object.fields.Name.translations, [language]: names.nameFieldLabel };
        continue;
      }
      const translation = xml.CustomFieldTranslation;
      const info = object.fields[translation?.name];
      if (!info) {
        problems.push(`${folder}/${file}: no field ${apiName}.${translation?.name}`);
        continue;
      }
      if (translation.label) info.translations = { ...info.translations, [language]: translation.label };
      for (const entry of translation.picklistValues ?? []) {
        const value = info.picklistValues?.find((candidate) => candidate.label === entry.masterLabel);
        if (!value)
          problems.push(`${folder}/${file}: ${apiName}.${info.apiName} has no value labelled ${entry.masterLabel}`);
        else if (entry.translation) value.translations = { ...value.translations, [language]: entry.translation };
      }
    }
  }
  for (const object of Object.values(objects)) {
    for (const info of Object.values(object.fields)) {
      if (!info.apiName.endsWith('__c')) continue;
      if (!info.translations?.[language]) problems.push(`${object.apiName}.${info.apiName}: no ${language} label`);
      for (const value of info.picklistValues ?? []) {
        if (!value.translations?.[language])
          problems.push(`${object.apiName}.${info.apiName}: value ${value.label} has no ${language} translation`);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(`Object translations (${language}) the preview cannot serve:\n  ${problems.join('\n  ')}`);
  }
}
