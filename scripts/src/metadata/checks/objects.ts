/**
 * Objects and what hangs on them: the object definition itself, its validation rules and its list
 * views. References inside them must name fields of the object; texts must fit Salesforce's limits.
 */
import { findingIn, type Finding } from '../findings';
import { checkFormula } from '../formula';
import { MetadataFile, ObjectModel, picklistValues, ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'objects';
const MAX_TRACKED_FIELDS = 20;
/** Column names list views use for standard fields of custom objects. */
const LIST_VIEW_STANDARD_COLUMNS = new Set([
  'NAME',
  'OWNER.ALIAS',
  'OWNER.FIRST_NAME',
  'OWNER.LAST_NAME',
  'CREATED_DATE',
  'LAST_UPDATE',
  'UPDATEDBY_USER.ALIAS',
  'CURRENCY_ISO_CODE',
]);

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

function checkObjectFile(object: ObjectModel, findings: Finding[]): void {
  const file = object.file;
  const root = file?.root;
  if (!file || !root) return;
  const require = (element: string, why: string): void => {
    if (!textOf(root, element)) findings.push(finding(file, root, `${object.name} has no <${element}>: ${why}`));
  };
  require('description', 'say why the object exists and who writes its records');
  require('label', 'the name people see');
  require('pluralLabel', 'the name of a list of records');
  if (object.kind === 'customMetadata') return;
  require('deploymentStatus', 'Deployed, or users cannot see it');
  require('sharingModel', 'say who sees its records');
  const nameField = childNamed(root, 'nameField');
  if (!nameField) {
    findings.push(finding(file, root, `${object.name} has no <nameField>`));
  } else {
    const type = textOf(nameField, 'type');
    if (type !== 'Text' && type !== 'AutoNumber')
      findings.push(
        finding(file, nameField, `${object.name}: the name field is Text or AutoNumber, not ${type ?? 'missing'}`),
      );
    if (type === 'AutoNumber' && !textOf(nameField, 'displayFormat'))
      findings.push(finding(file, nameField, `${object.name}: an AutoNumber name needs <displayFormat>`));
    if (!textOf(nameField, 'label'))
      findings.push(finding(file, nameField, `${object.name}: the name field has no <label>`));
  }
  const isDetail = [...object.fields.values()].some((field) => field.type === 'MasterDetail');
  const sharing = textOf(root, 'sharingModel');
  if (!isDetail && sharing === 'ControlledByParent') {
    findings.push(
      finding(
        file,
        childNamed(root, 'sharingModel'),
        `${object.name} has no master-detail field, so its sharing cannot be ControlledByParent`,
      ),
    );
  }
  const tracked = [...object.fields.values()].filter(
    (field) => field.file?.root && textOf(field.file.root, 'trackHistory') === 'true',
  );
  if (tracked.length > 0 && textOf(root, 'enableHistory') !== 'true') {
    findings.push(
      finding(
        file,
        root,
        `${object.name} tracks history on ${tracked.map((f) => f.name).join(', ')} but does not enable it (<enableHistory>true</enableHistory>)`,
      ),
    );
  }
  if (tracked.length > MAX_TRACKED_FIELDS) {
    findings.push(
      finding(
        file,
        root,
        `${object.name} tracks history on ${tracked.length} fields; Salesforce allows ${MAX_TRACKED_FIELDS}`,
      ),
    );
  }
}

function checkValidationRule(
  project: ProjectModel,
  object: ObjectModel,
  file: MetadataFile,
  findings: Finding[],
): void {
  const root = file.root;
  if (!root) return;
  const name = file.fullName;
  if (!textOf(root, 'description'))
    findings.push(finding(file, root, `${name} has no <description>: say what it protects`));
  const message = textOf(root, 'errorMessage') ?? '';
  if (message.length > 255)
    findings.push(
      finding(
        file,
        childNamed(root, 'errorMessage'),
        `${name}: the error message is ${message.length} characters; Salesforce allows 255`,
      ),
    );
  const formula = textOf(root, 'errorConditionFormula') ?? '';
  for (const reference of checkFormula(project.objects, object.name, formula)) {
    if (reference.problem)
      findings.push(finding(file, childNamed(root, 'errorConditionFormula'), `${name}: ${reference.problem}`));
  }
  const displayField = textOf(root, 'errorDisplayField');
  if (displayField && !object.fields.has(displayField)) {
    findings.push(
      finding(
        file,
        childNamed(root, 'errorDisplayField'),
        `${name}: error display field ${displayField} is not a field of ${object.name}`,
      ),
    );
  }
}

function checkListView(object: ObjectModel, file: MetadataFile, findings: Finding[]): void {
  const root = file.root;
  if (!root) return;
  const known = (name: string): boolean => LIST_VIEW_STANDARD_COLUMNS.has(name) || object.fields.has(name);
  for (const column of childrenNamed(root, 'columns')) {
    const name = column.text.trim();
    if (!known(name))
      findings.push(finding(file, column, `${file.fullName}: column ${name} is not a field of ${object.name}`));
  }
  for (const filter of childrenNamed(root, 'filters')) {
    const name = textOf(filter, 'field') ?? '';
    if (!known(name))
      findings.push(finding(file, filter, `${file.fullName}: filter field ${name} is not a field of ${object.name}`));
    const field = object.fields.get(name);
    if (field?.type !== 'Picklist' || field.standard) continue;
    const allowed = picklistValues(field);
    for (const value of (textOf(filter, 'value') ?? '').split(',')) {
      if (value && !allowed.has(value))
        findings.push(finding(file, filter, `${file.fullName}: "${value}" is not a value of ${object.name}.${name}`));
    }
  }
}

export function checkObjects(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const object of project.objects.values()) {
    const firstField = [...object.fields.values()].find((field) => field.file)?.file;
    if (object.kind !== 'standard' && !object.file && firstField) {
      findings.push(
        finding(
          firstField,
          undefined,
          `${object.name} has fields but no ${object.name}.object-meta.xml defining the object`,
        ),
      );
    }
    checkObjectFile(object, findings);
    for (const file of object.validationRules) checkValidationRule(project, object, file, findings);
    for (const file of object.listViews) checkListView(object, file, findings);
  }
  return findings;
}
