/**
 * Opening the org the way the command line does: an alias resolved by @salesforce/core from the
 * auth the sf CLI stored. The real `sf org login access-token` logs in to the fake org (which
 * answers the calls it makes), then openOrgStore reads through that auth. Orgs the CLI does not
 * know are refused with the command that fixes it.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StateAggregator } from '@salesforce/core';
import { openOrgStore } from '../../src/org/openOrgStore';
import { ACCOUNT } from '../../src/records/schema';
import { accountRows, userRows } from './fixtures';
import { PROJECT_DIR, readAll, sortRows, startFakeOrg, useTemporaryHome } from './harness';

const home = useTemporaryHome();
const run = promisify(execFile);
const instant = { retry: { sleep: async () => undefined }, pollIntervalMs: 1 };

test('an alias the sf CLI does not know: OrgNotFound, with the login command to run', async () => {
  const error = await openOrgStore({ targetOrg: 'no-such-org', projectDir: PROJECT_DIR }).catch(
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({ code: 'OrgNotFound', exitCode: 1 });
  expect((error as { actions: string[] }).actions[0]).toContain('sf org login web --alias no-such-org');
});

test('after `sf org login access-token`, the alias opens the org through @salesforce/core', async () => {
  const org = await startFakeOrg();
  try {
    org.seed('User', userRows());
    const accounts = accountRows(12);
    org.seed('Account', accounts);
    const { stdout } = await run(
      join(PROJECT_DIR, 'node_modules', '.bin', 'sf'),
      [
        'org',
        'login',
        'access-token',
        '--instance-url',
        org.instanceUrl,
        '--alias',
        'fake-org',
        '--no-prompt',
        '--json',
      ],
      {
        cwd: home.dir(),
        env: {
          ...process.env,
          HOME: home.dir(),
          SF_ACCESS_TOKEN: org.accessToken,
          SF_DISABLE_TELEMETRY: 'true',
          SF_SKIP_NEW_VERSION_CHECK: 'true',
          SF_AUTOUPDATE_DISABLE: 'true',
        },
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({
      status: 0,
      result: { username: org.data.username, orgId: org.data.orgId },
    });
    const cliRequests = org.requestCount;
    expect(org.unhandled).toEqual([]);
    // the CLI wrote the alias in another process: forget what this one read before
    await StateAggregator.clearInstanceAsync();

    const store = await openOrgStore({ targetOrg: 'fake-org', projectDir: PROJECT_DIR, tuning: instant });
    expect(store.description).toBe(`org fake-org (${org.data.orgId})`);
    const rows = await readAll(store.read(ACCOUNT));
    expect(sortRows(rows)).toEqual(
      org.rows(
        'Account',
        ACCOUNT.columns.map((column) => column.name),
      ),
    );
    expect(org.unhandled).toEqual([]);
    // the store counts its own requests, not those of the login
    expect(store.usage().requests).toBe(org.countRequests(undefined, /\/jobs\/query/, cliRequests));
  } finally {
    await org.close();
  }
}, 30_000);
