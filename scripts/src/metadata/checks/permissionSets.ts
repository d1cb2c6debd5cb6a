/**
 * Permission sets: every object, field, tab, app and custom metadata type they name exists; the
 * combinations Salesforce refuses (edit without read, access to required fields, editable formulas,
 * a detail object without its master) are reported; and every custom field that can carry
 * field-level security is granted by at least one permission set, or nobody could see it.
 */
import { findingIn, type Finding } from '../findings';
import { filesOfType, FieldModel, MetadataFile, ProjectModel } from '../project';
import { childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'permission-sets';
const READ_ONLY_TYPES = new Set(['Summary', 'AutoNumber']);

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

/** Fields Salesforce always shows and so refuses field permissions for. */
export function alwaysVisible(field: FieldModel): boolean {
  const root = field.file?.root;
  return field.type === 'MasterDetail' || (root !== undefined && textOf(root, 'required') === 'true');
}

function isReadOnly(field: FieldModel): boolean {
  const root = field.file?.root;
  return READ_ONLY_TYPES.has(field.type) || (root !== undefined && textOf(root, 'formula') !== undefined);
}

function masterOf(project: ProjectModel, objectName: string): string[] {
  const object = project.objects.get(objectName);
  if (!object) return [];
  return [...object.fields.values()]
    .filter((field) => field.type === 'MasterDetail' && field.file?.root)
    .map((field) => textOf(field.file?.root as XmlElement, 'referenceTo') ?? '');
}

interface ObjectAccess {
  read: boolean;
  element: XmlElement;
}

function checkObjectPermissions(
  project: ProjectModel,
  file: MetadataFile,
  root: XmlElement,
  findings: Finding[],
): Map<string, ObjectAccess> {
  const access = new Map<string, ObjectAccess>();
  for (const entry of childrenNamed(root, 'objectPermissions')) {
    const object = textOf(entry, 'object') ?? '';
    const flag = (name: string): boolean => textOf(entry, name) === 'true';
    if (!project.objects.has(object)) {
      findings.push(
        finding(
          file,
          entry,
          `object permissions for ${object}, which is neither in the project nor a standard object it knows`,
        ),
      );
      continue;
    }
    const needs = (granted: string, required: string[]): void => {
      if (!flag(granted)) return;
      const missing = required.filter((name) => !flag(name));
      if (missing.length > 0)
        findings.push(finding(file, entry, `${object}: ${granted} needs ${missing.join(', ')} as well`));
    };
    needs('allowCreate', ['allowRead']);
    needs('allowEdit', ['allowRead']);
    needs('allowDelete', ['allowRead', 'allowEdit']);
    needs('viewAllRecords', ['allowRead']);
    needs('modifyAllRecords', ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']);
    access.set(object, { read: flag('allowRead'), element: entry });
  }
  for (const [object, { read, element }] of access) {
    if (!read) continue;
    for (const master of masterOf(project, object)) {
      if (project.objects.get(master)?.kind === 'standard') continue;
      if (!access.get(master)?.read)
        findings.push(
          finding(
            file,
            element,
            `${object} is a detail of ${master}: read access to it needs read access to ${master}`,
          ),
        );
    }
  }
  return access;
}

function checkFieldPermissions(
  project: ProjectModel,
  file: MetadataFile,
  root: XmlElement,
  objectAccess: Map<string, ObjectAccess>,
  granted: Set<string>,
  findings: Finding[],
): void {
  for (const entry of childrenNamed(root, 'fieldPermissions')) {
    const name = textOf(entry, 'field') ?? '';
    const [objectName = '', fieldName = ''] = name.split('.');
    const field = project.objects.get(objectName)?.fields.get(fieldName);
    const editable = textOf(entry, 'editable') === 'true';
    const readable = textOf(entry, 'readable') === 'true';
    if (!field) {
      findings.push(finding(file, entry, `field permissions for ${name}, which does not exist`));
      continue;
    }
    if (alwaysVisible(field)) {
      findings.push(
        finding(
          file,
          entry,
          `${name} is required or master-detail: Salesforce refuses field permissions for it ("You cannot deploy to a required field")`,
        ),
      );
    }
    if (editable && isReadOnly(field))
      findings.push(
        finding(
          file,
          entry,
          `${name} is calculated (${field.type}${field.file?.root && textOf(field.file.root, 'formula') ? ' formula' : ''}) and cannot be editable`,
        ),
      );
    if (editable && !readable) findings.push(finding(file, entry, `${name} is editable but not readable`));
    if (readable && !objectAccess.get(objectName)?.read)
      findings.push(
        finding(file, entry, `${name} is granted, but the permission set gives no read access to ${objectName}`),
      );
    if (readable) granted.add(name);
  }
}

function checkNamedAccess(project: ProjectModel, file: MetadataFile, root: XmlElement, findings: Finding[]): void {
  const tabs = new Set(filesOfType(project, 'CustomTab').map((tab) => tab.fullName));
  const apps = new Set(filesOfType(project, 'CustomApplication').map((app) => app.fullName));
  for (const entry of childrenNamed(root, 'customMetadataTypeAccesses')) {
    const name = textOf(entry, 'name') ?? '';
    if (project.objects.get(name)?.kind !== 'customMetadata')
      findings.push(finding(file, entry, `custom metadata type ${name} does not exist`));
  }
  for (const entry of childrenNamed(root, 'tabSettings')) {
    const tab = textOf(entry, 'tab') ?? '';
    if (!tab.startsWith('standard-') && !tabs.has(tab))
      findings.push(finding(file, entry, `tab ${tab} does not exist`));
  }
  for (const entry of childrenNamed(root, 'applicationVisibilities')) {
    const app = textOf(entry, 'application') ?? '';
    if (!apps.has(app)) findings.push(finding(file, entry, `application ${app} does not exist`));
  }
}

export function checkPermissionSets(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const granted = new Set<string>();
  const permissionSets = filesOfType(project, 'PermissionSet');
  for (const file of permissionSets) {
    const root = file.root;
    if (!root) continue;
    const description = textOf(root, 'description') ?? '';
    if (!description)
      findings.push(
        finding(file, root, `${file.fullName} has no <description>: say who gets it and what it lets them do`),
      );
    if (description.length > 255)
      findings.push(
        finding(
          file,
          root,
          `${file.fullName}: the description is ${description.length} characters; Salesforce allows 255`,
        ),
      );
    if (!textOf(root, 'label')) findings.push(finding(file, root, `${file.fullName} has no <label>`));
    const objectAccess = checkObjectPermissions(project, file, root, findings);
    checkFieldPermissions(project, file, root, objectAccess, granted, findings);
    checkNamedAccess(project, file, root, findings);
  }
  if (permissionSets.length === 0) return findings;
  for (const object of project.objects.values()) {
    if (object.kind === 'customMetadata') continue;
    for (const field of object.fields.values()) {
      if (field.standard || !field.file || alwaysVisible(field)) continue;
      const name = `${object.name}.${field.name}`;
      if (!granted.has(name)) {
        findings.push({
          check: CHECK,
          file: field.file.path,
          message: `${name} is readable in no permission set, so no user could see it`,
        });
      }
    }
  }
  return findings;
}
