/**
 * All offline metadata checks, in the order a deploy would meet the problems: files that cannot be
 * resolved or parsed, elements the Metadata API does not know, then the content and the references
 * between components: objects and fields, permission sets, Lightning web components, labels and
 * their translations, Lightning pages, approval processes with their workflow actions and email
 * templates, and flows.
 */
import { checkApprovals } from './checks/approvals';
import { checkComponents } from './checks/components';
import { checkConversion } from './checks/convert';
import { checkCustomMetadata } from './checks/customMetadata';
import { checkDataModelPage } from './checks/docs';
import { checkElements } from './checks/elements';
import { checkFields } from './checks/fields';
import { checkFlexipages } from './checks/flexipages';
import { checkFlows } from './checks/flows';
import { checkLabels } from './checks/labels';
import { checkObjects } from './checks/objects';
import { checkObjectTranslations } from './checks/objectTranslations';
import { checkPermissionSets } from './checks/permissionSets';
import { checkReferences } from './checks/references';
import { checkToolingReferences, FieldUse } from './checks/toolingReferences';
import type { Finding } from './findings';
import { loadProject, ProjectModel } from './project';

export interface CheckReport {
  project: ProjectModel;
  findings: Finding[];
}

export async function runChecks(projectDir: string, toolingUses: readonly FieldUse[] = []): Promise<CheckReport> {
  const project = loadProject(projectDir);
  const findings = [
    ...project.loadFindings,
    ...(await checkConversion(project)),
    ...checkElements(project),
    ...checkObjects(project),
    ...checkFields(project),
    ...checkCustomMetadata(project),
    ...checkPermissionSets(project),
    ...checkReferences(project),
    ...checkComponents(project),
    ...checkLabels(project),
    ...checkObjectTranslations(project),
    ...checkFlexipages(project),
    ...checkApprovals(project),
    ...checkFlows(project),
    ...checkToolingReferences(project, toolingUses),
    ...checkDataModelPage(project),
  ];
  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { project, findings };
}
