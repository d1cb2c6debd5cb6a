/**
 * The policy read from the org's custom metadata records is the policy of force-app's XML files:
 * the fake org is seeded from those very files, and the adapter queries it with SOQL.
 */
import { loadSourcePolicy } from '../../src/snapshot/sourcePolicy';
import { POLICY_FIELDS } from '../../src/domain/policy';
import { readCustomMetadataRecords } from '../../src/snapshot/customMetadataFiles';
import { describeForceApp, type FakeOrg } from './fakeOrg';
import { PROJECT_DIR, startFakeOrg, storeFor, useTemporaryHome } from './harness';

useTemporaryHome();

let org: FakeOrg;
beforeEach(async () => {
  org = await startFakeOrg();
  org.seedCustomMetadata(readCustomMetadataRecords(PROJECT_DIR, ['force-app']));
});
afterEach(async () => {
  expect(org.unhandled).toEqual([]);
  await org.close();
});

test('the policy from the org equals the policy from the source files, in one query per type', async () => {
  const { store } = await storeFor(org);
  const policy = await store.loadPolicy();
  expect(policy).toEqual(loadSourcePolicy(PROJECT_DIR));
  expect(policy.steps.length).toBeGreaterThan(3);
  expect(store.usage().requests).toBe(Object.keys(POLICY_FIELDS).length);
});

test('the metadata relationship is read through Policy__r.DeveloperName (Policy__c holds the record Id)', async () => {
  const { store } = await storeFor(org);
  await store.loadPolicy();
  const stepQuery = org.queries.find((query) => query.endsWith('FROM Dunning_Step__mdt'));
  expect(stepQuery).toMatch(/^SELECT DeveloperName, MasterLabel, Policy__r\.DeveloperName, Sequence__c, /);
  const step = org.data.all('Dunning_Step__mdt')[0];
  expect(step?.get('Policy__c')).toMatch(/^m\d{2}/);
});

test('query results over several pages are followed through nextRecordsUrl', async () => {
  org.restQueryPageSize = 2;
  const { store } = await storeFor(org);
  const policy = await store.loadPolicy();
  expect(policy).toEqual(loadSourcePolicy(PROJECT_DIR));
  expect(org.countRequests('GET', /\/query\/01g/)).toBeGreaterThan(5);
});

test('an org without the custom metadata types says to deploy force-app', async () => {
  const describe = new Map([...describeForceApp(PROJECT_DIR)].filter(([name]) => name !== 'Dunning_Policy__mdt'));
  const bare = await startFakeOrg({ describe });
  try {
    const { store } = await storeFor(bare);
    await expect(store.loadPolicy()).rejects.toMatchObject({
      code: 'PolicyNotInOrg',
      actions: [expect.stringContaining('sf project deploy start')],
    });
  } finally {
    await bare.close();
  }
});
