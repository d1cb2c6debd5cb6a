/**
 * The policy of a Salesforce DX project: the custom metadata records in its package directories,
 * the very files that are deployed to the org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyFromRecords, type CollectionsPolicy } from '../domain/policy';
import { readCustomMetadataRecords } from './customMetadataFiles';

export function loadSourcePolicy(projectDir: string): CollectionsPolicy {
  const project = JSON.parse(readFileSync(join(projectDir, 'sfdx-project.json'), 'utf8')) as {
    packageDirectories?: Array<{ path: string }>;
  };
  const packageDirectories = (project.packageDirectories ?? []).map((entry) => entry.path);
  return policyFromRecords(readCustomMetadataRecords(projectDir, packageDirectories));
}
