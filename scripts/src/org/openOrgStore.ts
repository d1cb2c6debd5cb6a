/**
 * The org as a CollectionsStore: auth from the sf CLI's store through @salesforce/core, reads by
 * Bulk API 2.0 query (result pages fetched by locator and streamed), writes by Bulk API 2.0 ingest
 * (upsert by external ID) or sObject Collections in chunks of 200, with retries and a clean stop at
 * the daily API limit. The only folder that imports jsforce.
 *
 * Credentials are never read here: @salesforce/core resolves the alias or username to the
 * authorization `sf org login` stored, refreshes the session when needed, and hands a connection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Org } from '@salesforce/core';
import type { CollectionsStore } from '../store/store';
import { CollectionsError } from '../cli/errors';
import { OrgStore, type OrgStoreTuning } from './orgStore';

export { OrgStore, type OrgStoreTuning } from './orgStore';

export interface OrgStoreOptions {
  /** alias or username known to the sf CLI */
  targetOrg: string;
  apiVersion?: string;
  /** the Salesforce DX project: its sourceApiVersion is used when no apiVersion is given */
  projectDir: string;
  /** retries, thresholds and clocks (tests) */
  tuning?: OrgStoreTuning;
}

function projectApiVersion(projectDir: string): string | undefined {
  try {
    const project = JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8')) as {
      sourceApiVersion?: unknown;
    };
    return typeof project.sourceApiVersion === 'string' ? project.sourceApiVersion : undefined;
  } catch {
    return undefined;
  }
}

const NOT_AUTHORIZED = new Set([
  'NamedOrgNotFoundError',
  'NoUsernameFoundError',
  'NoAuthInfoFound',
  'NoDefaultEnvError',
]);

/** Turns @salesforce/core's errors into ones that say what to do. */
function orgNotAvailable(targetOrg: string, error: unknown): CollectionsError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const theirActions = (error as { actions?: unknown }).actions;
  const extra = Array.isArray(theirActions) ? theirActions.map(String) : [];
  const login = `Run "sf org login web --alias ${targetOrg}" (or "sf org login jwt" on a server) to authorize the org, then run the command again.`;
  if (NOT_AUTHORIZED.has(name)) {
    return new CollectionsError(
      'OrgNotFound',
      `No authorized org is known to the sf CLI as "${targetOrg}": ${message}`,
      [login, 'Run "sf org list" to see the aliases and usernames that are authorized.', ...extra],
    );
  }
  return new CollectionsError(
    'OrgNotAvailable',
    `The org "${targetOrg}" cannot be used: ${name ? `${name}: ` : ''}${message}`,
    [...extra, login],
  );
}

export async function openOrgStore(options: OrgStoreOptions): Promise<CollectionsStore> {
  let org: Org;
  try {
    org = await Org.create({ aliasOrUsername: options.targetOrg });
  } catch (error) {
    throw orgNotAvailable(options.targetOrg, error);
  }
  const connection = org.getConnection(options.apiVersion ?? projectApiVersion(options.projectDir));
  return new OrgStore(connection, {
    description: `org ${options.targetOrg} (${org.getOrgId()})`,
    ...options.tuning,
  });
}
