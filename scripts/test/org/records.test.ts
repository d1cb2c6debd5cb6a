/**
 * How rows become request bodies: nested references and nulls in JSON, #N/A in CSV, only the
 * columns a row has; how Bulk API errors are read; how long the backoff waits.
 */
import { DISPUTE, INVOICE, ACCOUNT, type Row } from '../../src/records/schema';
import { parseBulkError, targetFor, toCsvRow, toJsonRecord, lookupFieldOf } from '../../src/org/records';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../src/org/retry';
import { isConnectionFailure, OrgApiError } from '../../src/org/errors';
import { schemaQuery, selectQuery } from '../../src/org/soql';

describe('sObject Collections records', () => {
  test('relationship columns become nested references; blanks become null; types follow the schema', () => {
    const rows = [
      {
        Invoice_Number__c: 'INV-1',
        'Account__r.Customer_Number__c': 'CUST-1',
        Amount__c: '1250.50',
        Last_Dunning_Level__c: '2',
        PO_Number__c: '',
      },
    ];
    const target = targetFor(INVOICE, 'upsert', rows);
    expect(toJsonRecord(target, rows[0]!)).toEqual({
      attributes: { type: 'Invoice__c' },
      Invoice_Number__c: 'INV-1',
      Account__r: { Customer_Number__c: 'CUST-1' },
      Amount__c: 1250.5,
      Last_Dunning_Level__c: 2,
      PO_Number__c: null,
    });
  });

  test('a blank relationship clears the lookup field; checkboxes are booleans', () => {
    const rows = [{ Customer_Number__c: 'CUST-1', 'Collector__r.Username': '', Collections_Exempt__c: 'true' }];
    expect(toJsonRecord(targetFor(ACCOUNT, 'upsert', rows), rows[0]!)).toEqual({
      attributes: { type: 'Account' },
      Customer_Number__c: 'CUST-1',
      Collector__c: null,
      Collections_Exempt__c: true,
    });
    expect(lookupFieldOf('Owner')).toBe('OwnerId');
  });

  test('updates by Id send the id; inserts never send Id; AutoNumber fields are never sent', () => {
    const row = { Id: 'a0X000000000001AAA', Name: 'D-0001', Status__c: 'Resolved' };
    expect(toJsonRecord(targetFor(DISPUTE, 'update', [row]), row)).toEqual({
      attributes: { type: 'Dispute__c' },
      id: 'a0X000000000001AAA',
      Status__c: 'Resolved',
    });
    const insert = { Id: '', Name: '', Status__c: 'Open' };
    expect(toJsonRecord(targetFor(DISPUTE, 'insert', [insert]), insert)).toEqual({
      attributes: { type: 'Dispute__c' },
      Status__c: 'Open',
    });
  });
});

describe('Bulk API CSV rows', () => {
  test('present blanks are #N/A, absent columns empty; relationship columns stay columns', () => {
    const rows: Row[] = [
      { Invoice_Number__c: 'INV-1', PO_Number__c: '', 'Account__r.Customer_Number__c': 'CUST-1' },
      { Invoice_Number__c: 'INV-2', Status__c: 'Paid' },
    ];
    const target = targetFor(INVOICE, 'upsert', rows);
    expect(target.columns.map((column) => column.name)).toEqual([
      'Invoice_Number__c',
      'Account__r.Customer_Number__c',
      'Status__c',
      'PO_Number__c',
    ]);
    expect(rows.map((row) => toCsvRow(target, row))).toEqual([
      { Invoice_Number__c: 'INV-1', 'Account__r.Customer_Number__c': 'CUST-1', Status__c: '', PO_Number__c: '#N/A' },
      { Invoice_Number__c: 'INV-2', 'Account__r.Customer_Number__c': '', Status__c: 'Paid', PO_Number__c: '' },
    ]);
  });

  test('sf__Error cells give the code, the message and the fields', () => {
    expect(parseBulkError('REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --')).toEqual({
      code: 'REQUIRED_FIELD_MISSING',
      message: 'Required fields are missing: [Name]',
      fields: ['Name'],
    });
    expect(parseBulkError('UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--')).toEqual({
      code: 'UNABLE_TO_LOCK_ROW',
      message: 'unable to obtain exclusive access to this record',
      fields: [],
    });
    expect(parseBulkError('INVALID_FIELD:Foreign key external ID: 12:30 not found:Account__c,Owner --').fields).toEqual(
      ['Account__c', 'Owner'],
    );
  });
});

describe('SOQL from the schema only', () => {
  test('the Bulk query selects the schema columns, relationship columns as written', () => {
    expect(schemaQuery(DISPUTE)).toBe(
      'SELECT Id, Name, Account__r.Customer_Number__c, Status__c, Routed_Team__c, Reason_Code__c, Opened_Date__c, Target_Resolution_Date__c, Resolved_Date__c FROM Dispute__c',
    );
  });

  test('anything that is not an API name is refused', () => {
    expect(() => selectQuery('Account WHERE Name != null', ['Id'])).toThrow(/not a Salesforce API name/);
    expect(() => selectQuery('Account', ['Name, (SELECT Id FROM Contacts)'])).toThrow(/not a Salesforce API name/);
  });
});

describe('retries', () => {
  test('the backoff doubles, is capped, and is jittered between half and all of it', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0 };
    expect([1, 2, 3, 4, 5, 6, 7].map((retry) => backoffDelay(policy, retry))).toEqual([
      500, 1000, 2000, 4000, 8000, 15000, 15000,
    ]);
    expect(backoffDelay({ ...policy, random: () => 0.999999 }, 2)).toBe(2000);
  });

  test('connection failures are told apart from answers', () => {
    expect(isConnectionFailure(new TypeError('fetch failed', { cause: { code: 'UND_ERR_SOCKET' } }))).toBe(true);
    expect(isConnectionFailure(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(true);
    expect(isConnectionFailure(new DOMException('This operation was aborted', 'AbortError'))).toBe(true);
    expect(isConnectionFailure(new Error('INVALID_FIELD'))).toBe(false);
    expect(
      OrgApiError.fromResponse(
        403,
        '[{"message":"TotalRequests Limit exceeded.","errorCode":"REQUEST_LIMIT_EXCEEDED"}]',
      ),
    ).toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    });
  });
});
