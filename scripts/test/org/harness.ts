/**
 * What the org tests share: a fake org per test, a real @salesforce/core Connection to it made
 * from an access token (no sf CLI auth files), an OrgStore with an instant, recording clock, and a
 * throwaway home directory so that @salesforce/core's key, alias and log files never touch the
 * user's own ~/.sfdx and ~/.sf.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { AuthInfo, Connection } from '@salesforce/core';
import { OrgStore, type OrgStoreTuning } from '../../src/org/orgStore';
import { describeForceApp, FakeOrg, type FakeOrgOptions } from './fakeOrg';

export const PROJECT_DIR = resolve(__dirname, '../../..');
export const API_VERSION = '66.0';

/** Points os.homedir() at a temporary directory for the whole test file. */
export function useTemporaryHome(): { dir: () => string } {
  let dir = '';
  let spy: jest.SpyInstance | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(os.tmpdir(), 'collections-org-home-'));
    // @salesforce/core creates a missing alias file when it sees ENOENT, but under jest the error
    // comes from another realm (instanceof Error is false) and escapes: start with an empty one.
    mkdirSync(join(dir, '.sfdx'), { recursive: true });
    mkdirSync(join(dir, '.sf'), { recursive: true });
    writeFileSync(join(dir, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
    spy = jest.spyOn(os, 'homedir').mockReturnValue(dir);
  });
  afterAll(() => {
    spy?.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}

export async function startFakeOrg(options: Partial<FakeOrgOptions> = {}): Promise<FakeOrg> {
  return FakeOrg.start({
    describe: describeForceApp(PROJECT_DIR),
    queryPageSize: 50,
    pollsUntilComplete: 2,
    ...options,
  });
}

/** A Connection from an access token and instance URL, as `sf org login access-token` would store. */
export async function connectTo(org: FakeOrg, version = API_VERSION): Promise<Connection> {
  const authInfo = await AuthInfo.create({
    accessTokenOptions: {
      accessToken: org.accessToken,
      instanceUrl: org.instanceUrl,
      loginUrl: org.instanceUrl,
      username: org.data.username,
      orgId: org.data.orgId,
      isDevHub: false,
      namespacePrefix: '',
    },
  });
  return Connection.create({ authInfo, connectionOptions: { version } });
}

export interface TestStore {
  store: OrgStore;
  /** every wait the store asked for, in ms (backoffs and polls); none is actually waited */
  sleeps: number[];
}

export async function storeFor(org: FakeOrg, tuning: OrgStoreTuning = {}): Promise<TestStore> {
  const sleeps: number[] = [];
  const store = new OrgStore(await connectTo(org), {
    pollIntervalMs: 1000,
    ...tuning,
    retry: {
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      random: () => 0.5,
      ...tuning.retry,
    },
  });
  return { store, sleeps };
}

export async function readAll(iterable: AsyncIterable<Record<string, string>>): Promise<Array<Record<string, string>>> {
  const rows: Array<Record<string, string>> = [];
  for await (const row of iterable) rows.push(row);
  return rows;
}

export function sortRows<T>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
