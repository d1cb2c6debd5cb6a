/**
 * Stand-in for lightning/uiRecordApi. getRecord answers from the preview org with the record
 * representation of the fields asked (an unknown field in `fields` is an error, in `optionalFields`
 * it is left out, as in LDS) and emits again when that record changes. createRecord, updateRecord
 * and deleteRecord go to the org (org.js), which checks them as the org would and logs every call
 * in window.__writes.
 */
import * as org from './org';
import { deepFreeze, fieldPath, later } from './wire';

function notFound() {
  return {
    body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }],
    ok: false,
    status: 404,
    statusText: 'Not Found',
  };
}

export class getRecord {
  constructor(callback) {
    this.callback = callback;
  }

  connect() {
    this.unsubscribe = org.onChange((id) => {
      if (id === this.config?.recordId) this.emit();
    });
  }

  disconnect() {
    this.unsubscribe?.();
  }

  update(config) {
    if (!config?.recordId) return;
    const key = JSON.stringify(config);
    if (key === this.key) return;
    this.key = key;
    this.config = config;
    this.emit();
  }

  emit() {
    const { recordId, fields = [], optionalFields = [] } = this.config;
    return later(() => {
      const record = org.recordById(recordId);
      if (!record) {
        this.callback({ data: undefined, error: notFound() });
        return;
      }
      const apiName = record.attributes.type;
      const known = org.objectInfo(apiName).fields;
      const names = [];
      for (const [field, required] of [
        ...[fields].flat().map((f) => [f, true]),
        ...[optionalFields].flat().map((f) => [f, false]),
      ]) {
        const [object, name] = fieldPath(field);
        if (object === apiName && known[name]) names.push(name);
        else if (required) {
          this.callback({
            data: undefined,
            error: {
              body: [{ errorCode: 'INVALID_FIELD', message: `No such column '${name}' on entity '${apiName}'` }],
              ok: false,
              status: 400,
            },
          });
          return;
        }
      }
      this.callback({ data: deepFreeze(org.recordRepresentation(apiName, record, names)), error: undefined });
    });
  }
}

function fieldOf(record, field) {
  if (!record) return undefined;
  const [, path] = fieldPath(field);
  return path.split('.').reduce((current, name, index, all) => {
    const entry = current?.fields?.[name];
    return index === all.length - 1 ? entry : entry?.value;
  }, record);
}

export function getFieldValue(record, field) {
  return fieldOf(record, field)?.value;
}

export function getFieldDisplayValue(record, field) {
  return fieldOf(record, field)?.displayValue;
}

export function createRecord(recordInput) {
  return later(() => org.createRecord(recordInput));
}

export function updateRecord(recordInput) {
  return later(() => org.updateRecord(recordInput));
}

export function deleteRecord(recordId) {
  return later(() => {
    org.deleteRecord(recordId);
  });
}

export function notifyRecordUpdateAvailable() {
  return Promise.resolve();
}

export function getRecordNotifyChange() {}
