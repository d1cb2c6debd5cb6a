/**
 * The org as a CollectionsStore: auth from the sf CLI's store through @salesforce/core, reads by
 * Bulk API 2.0 query (result pages fetched by locator and streamed), writes by Bulk API 2.0 ingest
 * (upsert by external ID) or sObject Collections in chunks of 200, with retries and a clean stop at
 * the daily API limit. The only folder that imports jsforce.
 */
import type { CollectionsStore } from '../store/store';
import { CollectionsError } from '../cli/errors';

export interface OrgStoreOptions {
  /** alias or username known to the sf CLI */
  targetOrg: string;
  apiVersion?: string;
  /** the Salesforce DX project (for the policy's field list) */
  projectDir: string;
}

export async function openOrgStore(options: OrgStoreOptions): Promise<CollectionsStore> {
  throw new CollectionsError(
    'OrgTargetNotAvailable',
    `Org targets are not available in this build (asked for ${options.targetOrg}).`,
    ['Use --snapshot DIR (or the default .collections) until the org adapter lands.'],
  );
}
