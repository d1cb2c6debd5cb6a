/**
 * The org behind the preview's stand-ins: the demo's records in memory, described by force-app's
 * metadata (org.json, written by preview/build), and the writes a collector makes. It answers as
 * the org would, on what the console relies on:
 * - field-level security of the preview user's permission set: writing a field that is not
 *   createable/updateable fails with INVALID_FIELD_FOR_INSERT_UPDATE, an unknown field with
 *   INVALID_FIELD, a value outside a restricted picklist with INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST,
 *   a missing required field with REQUIRED_FIELD_MISSING, a lookup to nothing with
 *   INVALID_CROSS_REFERENCE_KEY, a repeated unique value (Dunning_Notice__c.Idempotency_Key__c...)
 *   with DUPLICATE_VALUE;
 * - new Ids, auto-numbered Names, picklist defaults, the owner, a detail's currency from its master;
 * - formula and roll-up summary fields computed when read (ORG_FORMULAS below, and Summary fields
 *   from their metadata);
 * - the org-side automation the console counts on, as small stand-ins (BEFORE_SAVE): flow
 *   Payment_Plan_Before_Save (corporate amount and approval level from the approval matrix) and the
 *   fields the platform derives on a Task (AccountId, IsClosed).
 * - labels in the page's language: object, field and picklist value labels (getObjectInfo,
 *   getPicklistValues, displayValue, error messages) come from force-app's object translations,
 *   as the org serves them to a user of that language;
 * Not modelled: sharing, validation rules, queues and routing, email sending.
 *
 * Every write is logged in window.__writes as { operation, apiName, fields, recordId, error } so
 * the browser tests can check exactly what the components asked the org to do.
 */
import { language } from 'preview:language';

const org = {
  objects: {},
  records: new Map(),
  byObject: new Map(),
  counters: new Map(),
  listeners: new Set(),
  config: {},
};

const writes = [];
window.__writes = writes;

/**
 * A label in the page's language. The build gives every label force-app translates a translation
 * into each of the preview's languages (preview/build/metadata.mjs fails otherwise); the labels it
 * does not translate (standard and system fields, currency codes) are shown as defined.
 */
function inLanguage(label, translations) {
  return translations?.[language] ?? label;
}

/** The objects as the org describes them to this page's user: labels in the page's language. */
function localized(objects) {
  return Object.fromEntries(
    Object.entries(objects).map(([apiName, { translations, pluralTranslations, fields, ...object }]) => [
      apiName,
      {
        ...object,
        label: inLanguage(object.label, translations),
        labelPlural: inLanguage(object.labelPlural, pluralTranslations),
        fields: Object.fromEntries(
          Object.entries(fields).map(([name, { translations: fieldTranslations, ...info }]) => [
            name,
            {
              ...info,
              label: inLanguage(info.label, fieldTranslations),
              picklistValues:
                info.picklistValues?.map(({ translations: valueTranslations, ...entry }) => ({
                  ...entry,
                  label: inLanguage(entry.label, valueTranslations),
                })) ?? null,
            },
          ]),
        ),
      },
    ]),
  );
}

export async function loadOrg(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Cannot load ${url}: ${response.status}`);
  const data = await response.json();
  org.objects = localized(data.objects);
  org.config = data;
  for (const [apiName, records] of Object.entries(data.records)) {
    for (const record of records) insert(apiName, { ...record });
  }
  return data;
}

export function orgConfig() {
  return org.config;
}

export function objectInfo(apiName) {
  return org.objects[apiName];
}

function insert(apiName, record) {
  record.attributes = { type: apiName };
  org.records.set(record.Id, record);
  if (!org.byObject.has(apiName)) org.byObject.set(apiName, []);
  org.byObject.get(apiName).push(record);
  const format = org.objects[apiName]?.nameField?.displayFormat;
  if (format) {
    const number = Number(/(\d+)$/.exec(record.Name ?? '')?.[1] ?? 0);
    org.counters.set(`name:${apiName}`, Math.max(org.counters.get(`name:${apiName}`) ?? 0, number));
  }
  const idNumber = Number(record.Id.slice(3, 15));
  org.counters.set(`id:${apiName}`, Math.max(org.counters.get(`id:${apiName}`) ?? 0, idNumber));
}

export function recordsOf(apiName) {
  return org.byObject.get(apiName) ?? [];
}

export function recordById(id) {
  return id ? org.records.get(id) : undefined;
}

/** Called with the Id of every record created, updated or deleted. */
export function onChange(listener) {
  org.listeners.add(listener);
  return () => org.listeners.delete(listener);
}

function changed(id) {
  for (const listener of [...org.listeners]) listener(id);
}

/** Today's calendar date in the company's time zone, from the (preview's) clock. */
export function today() {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: org.config.timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(Date.now()));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;

function daysPastDue(record) {
  return record.Open_Balance__c > 0 && record.Due_Date__c ? dayNumber(today()) - dayNumber(record.Due_Date__c) : 0;
}

/** The formulas of force-app's formula fields the console reads (Invoice__c/fields/*.field-meta.xml). */
const ORG_FORMULAS = {
  'Invoice__c.Days_Past_Due__c': daysPastDue,
  'Invoice__c.Aging_Bucket__c': (record) => {
    const days = daysPastDue(record);
    if (days <= 0) return 'Current';
    if (days <= 30) return '1-30';
    if (days <= 60) return '31-60';
    return days <= 90 ? '61-90' : '90+';
  },
};

/** A field's value as the org returns it, computing formula and roll-up summary fields. */
export function fieldValue(apiName, record, fieldName) {
  const info = org.objects[apiName]?.fields[fieldName];
  if (info?.summary) {
    const { childObject, foreignKey, field } = info.summary;
    const total = recordsOf(childObject)
      .filter((child) => child[foreignKey] === record.Id)
      .reduce((sum, child) => sum + Math.round(Number(child[field] ?? 0) * 1000), 0);
    return total / 1000;
  }
  if (info?.calculated) {
    const formula = ORG_FORMULAS[`${apiName}.${fieldName}`];
    if (!formula) console.warn(`preview: no stand-in for formula ${apiName}.${fieldName}`);
    return formula ? formula(record) : null;
  }
  return record[fieldName] ?? null;
}

/** The displayValue the UI API gives: the label of a picklist value, else null. */
export function displayValue(apiName, fieldName, value) {
  const info = org.objects[apiName]?.fields[fieldName];
  if (!info?.picklistValues || value === null || value === undefined) return null;
  return info.picklistValues.find((entry) => entry.value === value)?.label ?? value;
}

/** The object of an Id, from its key prefix. */
export function objectOfId(id) {
  const prefix = String(id ?? '').slice(0, 3);
  return Object.values(org.objects).find((object) => object.keyPrefix === prefix)?.apiName;
}

/** A record as getRecord and createRecord return it (record representation), with every field. */
export function recordRepresentation(apiName, record, fieldNames) {
  const fields = {};
  for (const name of fieldNames ?? Object.keys(org.objects[apiName].fields)) {
    const value = fieldValue(apiName, record, name);
    fields[name] = { value, displayValue: displayValue(apiName, name, value) };
  }
  return {
    apiName,
    id: record.Id,
    childRelationships: {},
    eTag: `preview-${record.Id}`,
    fields,
    lastModifiedById: org.config.user.Id,
    lastModifiedDate: record.LastModifiedDate ?? null,
    recordTypeId: '012000000000000AAA',
    recordTypeInfo: null,
    systemModstamp: record.LastModifiedDate ?? null,
    weakEtag: 0,
  };
}

/** The rejection LDS gives for a record the org refused (a UI API RecordError body). */
class OrgError extends Error {
  constructor(errorCode, message, field) {
    super(message);
    this.errorCode = errorCode;
    this.field = field;
  }
}

function rejection(errors, status = 400) {
  const pageErrors = [];
  const fieldErrors = {};
  for (const error of errors) {
    const entry = {
      constituentField: null,
      duplicateRecordError: null,
      errorCode: error.errorCode,
      field: error.field ?? null,
      fieldLabel: error.field ?? null,
      message: error.message,
    };
    if (error.field && error.errorCode !== 'DUPLICATE_VALUE') (fieldErrors[error.field] ??= []).push(entry);
    else pageErrors.push(entry);
  }
  return {
    body: {
      enhancedErrorType: 'RecordError',
      message: 'An error occurred while trying to update the record. Please try again.',
      output: { errors: pageErrors, fieldErrors },
    },
    ok: false,
    status,
    statusText: 'Bad Request',
  };
}

function nextId(apiName) {
  const n = (org.counters.get(`id:${apiName}`) ?? 0) + 1;
  org.counters.set(`id:${apiName}`, n);
  return `${org.objects[apiName].keyPrefix}${String(n).padStart(12, '0')}AAA`;
}

function nextName(apiName) {
  const format = org.objects[apiName].nameField?.displayFormat;
  if (!format) return undefined;
  const n = (org.counters.get(`name:${apiName}`) ?? 0) + 1;
  org.counters.set(`name:${apiName}`, n);
  return format.replace(/\{(0+)\}/, (match, zeros) => String(n).padStart(zeros.length, '0'));
}

/** The value as the field stores it, or an OrgError. */
function coerce(apiName, info, value) {
  if (value === null || value === undefined || value === '') return null;
  switch (info.dataType) {
    case 'Currency':
    case 'Double': {
      const number = typeof value === 'number' ? value : Number(String(value));
      if (!Number.isFinite(number) || (typeof value === 'string' && !/^-?\d+(\.\d+)?$/.test(value))) {
        throw new OrgError(
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${info.label}: value not of required type: ${value}`,
          info.apiName,
        );
      }
      return number;
    }
    case 'Boolean':
      if (typeof value !== 'boolean') {
        throw new OrgError(
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${info.label}: value not of required type: ${value}`,
          info.apiName,
        );
      }
      return value;
    case 'Date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value))) {
        throw new OrgError(
          'INVALID_TYPE_ON_FIELD_IN_RECORD',
          `${info.label}: value not of required type: ${value}`,
          info.apiName,
        );
      }
      return String(value);
    case 'Picklist':
      if (info.restricted && !info.picklistValues.some((entry) => entry.value === value)) {
        throw new OrgError(
          'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          `${info.label}: bad value for restricted picklist field: ${value}`,
          info.apiName,
        );
      }
      return String(value);
    case 'Reference': {
      const target = recordById(value);
      const allowed = info.referenceToInfos.map((reference) => reference.apiName);
      if (!target || !allowed.includes(target.attributes.type)) {
        throw new OrgError(
          'INVALID_CROSS_REFERENCE_KEY',
          `${info.label}: id value of incorrect type: ${value}`,
          info.apiName,
        );
      }
      return value;
    }
    default:
      return String(value);
  }
}

function assignFields(apiName, record, fields, operation) {
  const object = org.objects[apiName];
  const errors = [];
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'Id') continue;
    const info = object.fields[name];
    try {
      if (!info) throw new OrgError('INVALID_FIELD', `No such column '${name}' on sobject of type ${apiName}`);
      const allowed = operation === 'create' ? info.createable : info.updateable;
      if (!allowed) {
        throw new OrgError(
          'INVALID_FIELD_FOR_INSERT_UPDATE',
          `Unable to create/update fields: ${name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
          name,
        );
      }
      record[name] = coerce(apiName, info, value);
    } catch (error) {
      if (!(error instanceof OrgError)) throw error;
      errors.push(error);
    }
  }
  return errors;
}

function checkRecord(apiName, record) {
  const errors = [];
  for (const info of Object.values(org.objects[apiName].fields)) {
    const value = record[info.apiName];
    if (info.required && !info.calculated && (value === null || value === undefined)) {
      errors.push(
        new OrgError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${info.apiName}]`, info.apiName),
      );
    }
    if (info.unique && value !== null && value !== undefined) {
      const other = recordsOf(apiName).find(
        (candidate) => candidate.Id !== record.Id && candidate[info.apiName] === value,
      );
      if (other) {
        errors.push(
          new OrgError(
            'DUPLICATE_VALUE',
            `duplicate value found: ${info.apiName} duplicates value on record with id: ${other.Id}`,
            info.apiName,
          ),
        );
      }
    }
  }
  return errors;
}

function periodsPerYear(frequency) {
  return { Weekly: 52, Biweekly: 26, Monthly: 12, Quarterly: 4 }[frequency] ?? 12;
}

/** Stand-ins for the org's before-save automation, per object. */
const BEFORE_SAVE = {
  // flow Payment_Plan_Before_Save: the total in the corporate currency at the latest dated rate,
  // then the lowest-ranked matrix level whose amount and length limits both hold.
  Payment_Plan__c(record) {
    const { corporateCurrency, rates, approvalMatrix } = org.config;
    const rate =
      record.CurrencyIsoCode === corporateCurrency
        ? 1
        : rates.filter((entry) => entry.isoCode === record.CurrencyIsoCode).at(-1)?.rate;
    if (!rate || record.Total_Amount__c === null) return;
    const corporate = Math.round((record.Total_Amount__c / rate) * 100) / 100;
    record.Corporate_Amount__c = corporate;
    const months = record.Number_Of_Installments__c * 12;
    const level = approvalMatrix.find(
      (row) =>
        (row.maxCorporateAmount === null || corporate <= row.maxCorporateAmount) &&
        (row.maxPlanMonths === null || months <= row.maxPlanMonths * periodsPerYear(record.Frequency__c)),
    );
    record.Required_Approval_Level__c = level?.level ?? null;
  },
  // The platform derives a Task's account from what it is about, and IsClosed from its status.
  Task(record) {
    const what = recordById(record.WhatId);
    record.AccountId = what?.attributes.type === 'Account' ? what.Id : (what?.Account__c ?? null);
    record.IsClosed = record.Status === 'Completed';
  },
};

function log(entry) {
  writes.push(JSON.parse(JSON.stringify(entry)));
}

function masterCurrency(apiName, record) {
  for (const info of Object.values(org.objects[apiName].fields)) {
    if (info.masterDetail && record[info.apiName]) return recordById(record[info.apiName])?.CurrencyIsoCode;
  }
  return undefined;
}

export function createRecord({ apiName, fields }) {
  const object = org.objects[apiName];
  if (!object) {
    log({ operation: 'create', apiName, fields, error: 'INVALID_TYPE' });
    throw rejection([{ errorCode: 'INVALID_TYPE', message: `sObject type '${apiName}' is not supported.` }]);
  }
  const record = { Id: undefined };
  const errors = object.createable
    ? assignFields(apiName, record, fields ?? {}, 'create')
    : [new OrgError('INSUFFICIENT_ACCESS_OR_READONLY', `You don't have permission to create ${object.label} records.`)];
  for (const info of Object.values(object.fields)) {
    if (record[info.apiName] === undefined && info.picklistValues) {
      const fallback = info.picklistValues.find((entry) => entry.default)?.value;
      if (fallback !== undefined) record[info.apiName] = fallback;
    }
  }
  record.CurrencyIsoCode = masterCurrency(apiName, record) ?? record.CurrencyIsoCode ?? org.config.corporateCurrency;
  record.OwnerId ??= org.config.user.Id;
  record.CreatedDate = new Date(Date.now()).toISOString();
  record.LastModifiedDate = record.CreatedDate;
  BEFORE_SAVE[apiName]?.(record);
  errors.push(...checkRecord(apiName, record));
  if (errors.length > 0) {
    log({ operation: 'create', apiName, fields, error: errors.map((e) => e.errorCode).join(',') });
    throw rejection(errors);
  }
  record.Id = nextId(apiName);
  const name = nextName(apiName);
  if (name) record.Name = name;
  insert(apiName, record);
  log({ operation: 'create', apiName, fields, recordId: record.Id });
  changed(record.Id);
  return recordRepresentation(apiName, record);
}

export function updateRecord({ fields }) {
  const id = fields?.Id;
  const record = recordById(id);
  const apiName = record?.attributes.type;
  if (!record) {
    log({ operation: 'update', apiName: objectOfId(id), fields, error: 'NOT_FOUND' });
    throw rejection([{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }], 404);
  }
  const copy = { ...record };
  const errors = org.objects[apiName].updateable
    ? assignFields(apiName, copy, fields, 'update')
    : [new OrgError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')];
  BEFORE_SAVE[apiName]?.(copy);
  errors.push(...checkRecord(apiName, copy));
  if (errors.length > 0) {
    log({ operation: 'update', apiName, fields, recordId: id, error: errors.map((e) => e.errorCode).join(',') });
    throw rejection(errors);
  }
  Object.assign(record, copy, { LastModifiedDate: new Date(Date.now()).toISOString() });
  log({ operation: 'update', apiName, fields, recordId: id });
  changed(id);
  return recordRepresentation(apiName, record);
}

export function deleteRecord(id) {
  const record = recordById(id);
  const apiName = record?.attributes.type;
  if (!record || !org.objects[apiName].deletable) {
    log({ operation: 'delete', apiName: apiName ?? objectOfId(id), recordId: id, error: 'DELETE_FAILED' });
    throw rejection([{ errorCode: 'DELETE_FAILED', message: 'insufficient access rights on object id' }]);
  }
  org.records.delete(id);
  org.byObject.set(
    apiName,
    recordsOf(apiName).filter((candidate) => candidate !== record),
  );
  // Master-detail children go with their master; lookups to it are cleared.
  for (const object of Object.values(org.objects)) {
    for (const info of Object.values(object.fields)) {
      if (info.dataType !== 'Reference') continue;
      for (const child of [...recordsOf(object.apiName)]) {
        if (child[info.apiName] !== id) continue;
        if (info.masterDetail) deleteRecord(child.Id);
        else child[info.apiName] = null;
      }
    }
  }
  log({ operation: 'delete', apiName, recordId: id });
  changed(id);
}
