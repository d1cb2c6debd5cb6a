/**
 * The deploy's own first step, offline: source-deploy-retrieve converts the whole project from
 * source format to the Metadata API format that `sf project deploy` zips and sends. A component it
 * cannot convert would fail the deploy before the org sees it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MetadataConverter } from '@salesforce/source-deploy-retrieve';
import type { Finding } from '../findings';
import type { ProjectModel } from '../project';

export async function checkConversion(project: ProjectModel): Promise<Finding[]> {
  const outputDirectory = mkdtempSync(join(tmpdir(), 'collections-convert-'));
  try {
    await new MetadataConverter().convert(project.componentSet, 'metadata', {
      type: 'directory',
      outputDirectory,
      packageName: 'collections-console',
      genUniqueDir: false,
    });
    return [];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [
      {
        check: 'convert',
        file: 'sfdx-project.json',
        message: `source-deploy-retrieve cannot convert the project: ${message}`,
      },
    ];
  } finally {
    rmSync(outputDirectory, { recursive: true, force: true });
  }
}
