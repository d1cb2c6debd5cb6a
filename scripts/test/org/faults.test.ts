/**
 * Faults, injected by the fake org: after the retries, the org holds exactly what a fault-free run
 * leaves; what cannot be retried is reported with its code; the daily API limit stops the run
 * cleanly with ApiLimitReached, and the same command run the next day completes it.
 */
import { CollectionsError, EXIT } from '../../src/cli/errors';
import { DISPUTE, INVOICE, type Row } from '../../src/records/schema';
import type { OrgStoreTuning } from '../../src/org/orgStore';
import type { FakeOrg, RecordFault, RequestFault } from './fakeOrg';
import { accountRows, disputeRows, invoiceNumber, invoiceRows, userRows } from './fixtures';
import { startFakeOrg, storeFor, useTemporaryHome } from './harness';

useTemporaryHome();

const COLUMNS = INVOICE.columns.map((column) => column.name);
const orgs: FakeOrg[] = [];

async function newOrg(): Promise<FakeOrg> {
  const org = await startFakeOrg();
  org.seed('User', userRows());
  org.seed('Account', accountRows(20));
  orgs.push(org);
  return org;
}

afterEach(async () => {
  for (const org of orgs.splice(0)) {
    expect(org.unhandled).toEqual([]);
    await org.close();
  }
});

interface Scenario {
  rows: Row[];
  tuning?: OrgStoreTuning;
  requestFaults?: RequestFault[];
  recordFaults?: RecordFault[];
}

/** Runs the same write on a fault-free org and on a faulty one; answers both outcomes. */
async function runWithAndWithoutFaults(scenario: Scenario) {
  const clean = await newOrg();
  const cleanStore = await storeFor(clean, scenario.tuning);
  const expected = await cleanStore.store.upsert(INVOICE, scenario.rows);

  const faulty = await newOrg();
  for (const fault of scenario.requestFaults ?? []) faulty.addRequestFault(fault);
  for (const fault of scenario.recordFaults ?? []) faulty.addRecordFault(fault);
  const { store, sleeps } = await storeFor(faulty, scenario.tuning);
  const result = await store.upsert(INVOICE, scenario.rows);
  expect(faulty.faults.unspent()).toEqual([]);
  return {
    expected,
    result,
    sleeps,
    store,
    faulty,
    cleanRequests: cleanStore.store.usage().requests,
    state: faulty.rows('Invoice__c', COLUMNS),
    cleanState: clean.rows('Invoice__c', COLUMNS),
  };
}

const SMALL = invoiceRows(450, 20);
const LARGE = invoiceRows(3000, 20);
const COLLECTIONS = /\/composite\/sobjects\/Invoice__c\/Invoice_Number__c$/;

describe('transient faults are retried and leave the state of a fault-free run', () => {
  test.each<[string, RequestFault]>([
    [
      'a connection dropped before the request was read',
      { method: 'PATCH', path: COLLECTIONS, skip: 1, action: 'drop-before' },
    ],
    [
      'a connection dropped after the upsert was applied',
      { method: 'PATCH', path: COLLECTIONS, skip: 1, action: 'drop-after' },
    ],
    ['503 Service Unavailable, twice', { method: 'PATCH', path: COLLECTIONS, times: 2, action: 'status-503' }],
  ])('sObject Collections: %s', async (_name, fault) => {
    const run = await runWithAndWithoutFaults({ rows: SMALL, requestFaults: [fault] });
    expect(run.result).toEqual({ ...run.expected, created: run.result.created, updated: run.result.updated });
    expect(run.result.failures).toEqual([]);
    expect(run.state).toEqual(run.cleanState);
    const retries = fault.times ?? 1;
    expect(run.store.usage().requests).toBe(run.cleanRequests + retries);
    // exponential backoff, jittered by random() = 0.5: 1000 * 2^(n-1) * 0.75
    expect(run.sleeps).toEqual([750, 1500].slice(0, retries));
  });

  test('sObject Collections: a request that times out is sent again', async () => {
    const run = await runWithAndWithoutFaults({
      rows: SMALL,
      tuning: { requestTimeoutMs: 300 },
      requestFaults: [{ method: 'PATCH', path: COLLECTIONS, skip: 2, action: 'hang' }],
    });
    expect(run.result.failures).toEqual([]);
    expect(run.state).toEqual(run.cleanState);
  });

  test.each<[string, RequestFault]>([
    ['the job creation answer is lost', { method: 'POST', path: /\/jobs\/ingest$/, action: 'drop-after' }],
    ['the upload is cut before it arrives', { method: 'PUT', path: /\/batches$/, action: 'drop-before' }],
    ['the upload arrives but its answer is lost', { method: 'PUT', path: /\/batches$/, action: 'drop-after' }],
    [
      'UploadComplete is cut before it arrives',
      { method: 'PATCH', path: /\/jobs\/ingest\/\w+$/, action: 'drop-before' },
    ],
    [
      'UploadComplete arrives but its answer is lost',
      { method: 'PATCH', path: /\/jobs\/ingest\/\w+$/, action: 'drop-after' },
    ],
    ['a poll answers 503', { method: 'GET', path: /\/jobs\/ingest\/\w+$/, action: 'status-503' }],
    [
      'the results answer 503 three times',
      { method: 'GET', path: /successfulResults$/, times: 3, action: 'status-503' },
    ],
  ])('Bulk API ingest: %s', async (_name, fault) => {
    const run = await runWithAndWithoutFaults({ rows: LARGE, requestFaults: [fault] });
    expect(run.result.failures).toEqual([]);
    expect(run.result.created).toBe(3000);
    expect(run.result.ids).toEqual(
      LARGE.map((row) =>
        run.faulty.data
          .all('Invoice__c')
          .find((r) => r.get('Invoice_Number__c') === row.Invoice_Number__c)
          ?.get('Id'),
      ),
    );
    expect(run.state).toEqual(run.cleanState);
    expect(run.store.usage().requests).toBeLessThanOrEqual(run.cleanRequests + 6);
  });

  test('records locked once are written again, alone, after a backoff (sObject Collections)', async () => {
    const locked = [3, 250, 449].map(invoiceNumber);
    const run = await runWithAndWithoutFaults({
      rows: SMALL,
      recordFaults: locked.map((value) => ({
        object: 'Invoice__c',
        field: 'Invoice_Number__c',
        value,
        statusCode: 'UNABLE_TO_LOCK_ROW',
      })),
    });
    expect(run.result.failures).toEqual([]);
    expect(run.result.created).toBe(450);
    expect(run.state).toEqual(run.cleanState);
    // 3 chunks, then one request with the 3 locked records
    expect(run.store.usage().requests).toBe(4);
    expect(run.sleeps).toEqual([750]);
  });

  test('records locked once in a Bulk API job are written again, alone (through sObject Collections)', async () => {
    const locked = [1, 1500, 3000].map(invoiceNumber);
    const run = await runWithAndWithoutFaults({
      rows: LARGE,
      recordFaults: locked.map((value) => ({
        object: 'Invoice__c',
        field: 'Invoice_Number__c',
        value,
        statusCode: 'UNABLE_TO_LOCK_ROW',
      })),
    });
    expect(run.result.failures).toEqual([]);
    expect(run.result.created).toBe(3000);
    expect(run.state).toEqual(run.cleanState);
    // the job (6 requests), its failedResults, then one sObject Collections request
    expect(run.store.usage().requests).toBe(8);
    expect(run.faulty.countRequests('GET', /failedResults$/)).toBe(1);
  });
});

describe('failures that cannot be retried are reported with their code', () => {
  const permanent = (values: number[]): RecordFault[] =>
    values.map((n) => ({
      object: 'Invoice__c',
      field: 'Invoice_Number__c',
      value: invoiceNumber(n),
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Open balance cannot exceed the amount',
      fields: ['Open_Balance__c'],
      times: Infinity,
    }));

  test.each([
    ['sObject Collections', SMALL, [7, 300]],
    ['Bulk API ingest (failedResults)', LARGE, [7, 2999]],
  ] as const)('%s', async (_name, rows, numbers) => {
    const run = await runWithAndWithoutFaults({ rows, recordFaults: permanent([...numbers]) });
    expect(run.result.created).toBe(rows.length - 2);
    expect(run.result.failures).toEqual(
      numbers.map((n) => ({
        key: invoiceNumber(n),
        code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Open balance cannot exceed the amount',
        field: 'Open_Balance__c',
      })),
    );
    expect(run.result.ids.filter((id) => id === undefined)).toHaveLength(2);
    const failed = new Set(numbers.map(invoiceNumber));
    expect(run.state).toEqual(run.cleanState.filter((row) => !failed.has(row.Invoice_Number__c as string)));
  });

  test.each([
    ['sObject Collections', 10],
    ['Bulk API ingest', 0],
  ] as const)('a parent that does not exist (%s): INVALID_FIELD, the other rows written', async (_name, threshold) => {
    const org = await newOrg();
    const { store } = await storeFor(org, { collectionsThreshold: threshold });
    const rows = invoiceRows(3, 20);
    rows[1] = { ...(rows[1] as Row), 'Account__r.Customer_Number__c': 'CUST-999999' };
    const result = await store.upsert(INVOICE, rows);
    expect(result.created).toBe(2);
    expect(result.failures).toEqual([
      {
        key: invoiceNumber(2),
        code: 'INVALID_FIELD',
        message: 'Foreign key external ID: CUST-999999 not found for field Customer_Number__c in entity Account',
        field: 'Account__c',
      },
    ]);
  });

  test('a lock that never frees is reported as UNABLE_TO_LOCK_ROW after the last attempt', async () => {
    const org = await newOrg();
    org.addRecordFault({
      object: 'Invoice__c',
      field: 'Invoice_Number__c',
      value: invoiceNumber(2),
      statusCode: 'UNABLE_TO_LOCK_ROW',
      times: Infinity,
    });
    const { store, sleeps } = await storeFor(org);
    const result = await store.upsert(INVOICE, invoiceRows(3, 20));
    expect(result.failures).toEqual([
      {
        key: invoiceNumber(2),
        code: 'UNABLE_TO_LOCK_ROW',
        message: 'unable to obtain exclusive access to this record',
      },
    ]);
    expect(sleeps).toEqual([750, 1500, 3000, 6000]);
    expect(store.usage().requests).toBe(5);
  });

  test('an insert whose answer was lost is not sent again (it would create the records twice)', async () => {
    const org = await newOrg();
    org.addRequestFault({ method: 'POST', path: /\/composite\/sobjects$/, action: 'drop-after' });
    const { store } = await storeFor(org);
    const result = await store.upsert(DISPUTE, disputeRows(3, 20));
    expect(result.created).toBe(0);
    expect(result.failures.map((failure) => [failure.key, failure.code])).toEqual([
      ['row 1', 'OUTCOME_UNKNOWN'],
      ['row 2', 'OUTCOME_UNKNOWN'],
      ['row 3', 'OUTCOME_UNKNOWN'],
    ]);
    expect(org.data.all('Dispute__c')).toHaveLength(3);
    expect(store.usage().requests).toBe(1);
  });

  test('a Bulk API job that fails midway: every row it did not process is reported, and a rerun completes it', async () => {
    const clean = await newOrg();
    await (await storeFor(clean)).store.upsert(INVOICE, LARGE);
    const org = await newOrg();
    org.ingestJobFailure = { afterRows: 1000, message: 'InternalServerError : the batch could not be processed' };
    const { store } = await storeFor(org);
    const result = await store.upsert(INVOICE, LARGE);
    expect(result.created).toBe(1000);
    expect(result.failures).toHaveLength(2000);
    expect(new Set(result.failures.map((failure) => failure.code))).toEqual(new Set(['UNPROCESSED']));
    expect(result.failures[0]?.message).toMatch(/ended Failed: InternalServerError : the batch could not be processed/);
    expect(org.countRequests('GET', /unprocessedrecords$/)).toBe(1);

    const rerun = await (await storeFor(org)).store.upsert(INVOICE, LARGE);
    expect(rerun).toMatchObject({ created: 2000, updated: 1000, failures: [] });
    expect(org.rows('Invoice__c', COLUMNS)).toEqual(clean.rows('Invoice__c', COLUMNS));
  });

  test('a session that is no longer valid stops the run with OrgSessionExpired and the login command', async () => {
    const org = await newOrg();
    const { store } = await storeFor(org);
    org.revokeSessions();
    await expect(store.upsert(INVOICE, invoiceRows(3, 20))).rejects.toMatchObject({
      code: 'OrgSessionExpired',
      actions: [expect.stringContaining('sf org login web')],
    });
    expect(org.data.all('Invoice__c')).toHaveLength(0);
  });

  test('an org that keeps answering 503 stops the run with OrgUnavailable after the last attempt', async () => {
    const org = await newOrg();
    org.addRequestFault({ method: 'PATCH', path: COLLECTIONS, times: 5, action: 'status-503' });
    const { store } = await storeFor(org);
    await expect(store.upsert(INVOICE, invoiceRows(3, 20))).rejects.toMatchObject({ code: 'OrgUnavailable' });
    expect(store.usage().requests).toBe(5);
  });
});

describe('the daily API limit', () => {
  test.each([
    ['sObject Collections', SMALL, 2],
    ['Bulk API ingest', LARGE, 4],
  ] as const)(
    'reached in the middle of a write (%s): ApiLimitReached, exit code 4, and the same command tomorrow completes it',
    async (_name, rows, allowed) => {
      const clean = await newOrg();
      await (await storeFor(clean)).store.upsert(INVOICE, rows);

      const org = await newOrg();
      org.exhaustApiLimitAfter(allowed);
      const { store } = await storeFor(org);
      const error = await store.upsert(INVOICE, rows).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(CollectionsError);
      expect(error).toMatchObject({ code: 'ApiLimitReached', exitCode: EXIT.limit });
      const { actions, message } = error as CollectionsError;
      expect(message).toContain('daily API request limit');
      expect(actions.join(' ')).toMatch(/same command again tomorrow/);
      expect(actions.join(' ')).toMatch(/idempotent/);
      // it stopped at the first refusal: nothing was sent after it
      expect(org.log.at(-1)?.outcome).toBe(403);
      expect(org.log.filter((entry) => entry.outcome === 403)).toHaveLength(1);
      expect(store.usage()).toMatchObject({ requests: allowed + 1, remaining: 0 });

      org.resetApiUsage();
      const tomorrow = await (await storeFor(org)).store.upsert(INVOICE, rows);
      expect(tomorrow.failures).toEqual([]);
      expect(org.rows('Invoice__c', COLUMNS)).toEqual(clean.rows('Invoice__c', COLUMNS));
    },
  );
});
