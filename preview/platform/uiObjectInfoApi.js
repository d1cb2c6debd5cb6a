/**
 * Stand-in for lightning/uiObjectInfoApi: object info and picklist values from force-app's
 * metadata (read at build time, preview/build/metadata.mjs), with createable and updateable as the
 * preview user's permission set decides them. Labels are in the page's language, from force-app's
 * object translations (org.js), as the UI API answers a user of that language.
 */
import * as org from './org';
import { deepFreeze, fieldPath, later } from './wire';

class Adapter {
  constructor(callback) {
    this.callback = callback;
  }
  connect() {}
  disconnect() {}
  update(config) {
    const key = JSON.stringify(config);
    if (key === this.key || !this.ready(config)) return;
    this.key = key;
    later(() => this.callback(this.answer(config)));
  }
}

function unknown(message) {
  return { data: undefined, error: { body: [{ errorCode: 'NOT_FOUND', message }], ok: false, status: 404 } };
}

export class getObjectInfo extends Adapter {
  ready(config) {
    return !!config?.objectApiName;
  }
  answer({ objectApiName }) {
    const apiName = typeof objectApiName === 'string' ? objectApiName : objectApiName.objectApiName;
    const info = org.objectInfo(apiName);
    if (!info) return unknown(`The requested resource does not exist: ${apiName}`);
    return {
      data: deepFreeze({
        ...info,
        nameFields: ['Name'],
        recordTypeInfos: {
          [info.defaultRecordTypeId]: {
            available: true,
            defaultRecordTypeMapping: true,
            master: true,
            name: 'Master',
            recordTypeId: info.defaultRecordTypeId,
          },
        },
      }),
      error: undefined,
    };
  }
}

export class getPicklistValues extends Adapter {
  ready(config) {
    return !!config?.recordTypeId && !!config?.fieldApiName;
  }
  answer({ fieldApiName }) {
    const [objectApiName, name] = fieldPath(fieldApiName);
    const info = org.objectInfo(objectApiName)?.fields[name];
    if (!info?.picklistValues) return unknown(`No picklist ${objectApiName}.${name}`);
    const values = info.picklistValues.map(({ value, label }) => ({ attributes: null, label, validFor: [], value }));
    const fallback = info.picklistValues.find((entry) => entry.default);
    return {
      data: deepFreeze({
        controllerValues: {},
        defaultValue: fallback
          ? { attributes: null, label: fallback.label, validFor: [], value: fallback.value }
          : null,
        values,
      }),
      error: undefined,
    };
  }
}
