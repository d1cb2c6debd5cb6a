/**
 * Custom metadata records (the policy): each belongs to a type the project defines, names only
 * fields of that type, and holds values that fit them: the xsi:type matches the field type, picklist
 * values are among the field's values, a metadata relationship names a record that exists.
 */
import { findingIn, type Finding } from '../findings';
import { filesOfType, FieldModel, MetadataFile, picklistValues, ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'custom-metadata';
const DEVELOPER_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const XSI_TYPES: Record<string, string[]> = {
  Checkbox: ['xsd:boolean'],
  Number: ['xsd:double', 'xsd:int', 'xsd:long'],
  Percent: ['xsd:double'],
  Date: ['xsd:date'],
  DateTime: ['xsd:dateTime'],
};

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

function checkValue(
  records: Set<string>,
  file: MetadataFile,
  field: FieldModel,
  value: XmlElement,
  findings: Finding[],
): void {
  const name = `${field.object}.${field.name}`;
  const text = value.text.trim();
  if (value.attributes['xsi:nil'] === 'true') {
    if (field.file?.root && textOf(field.file.root, 'required') === 'true')
      findings.push(finding(file, value, `${name} is required but left blank`));
    return;
  }
  const xsiType = value.attributes['xsi:type'] ?? '';
  const expected = XSI_TYPES[field.type] ?? ['xsd:string'];
  if (!expected.includes(xsiType)) {
    findings.push(
      finding(
        file,
        value,
        `${name} is a ${field.type} field: its value needs xsi:type="${expected[0] ?? ''}", not "${xsiType}"`,
      ),
    );
  }
  if (field.type === 'Checkbox' && text !== 'true' && text !== 'false')
    findings.push(finding(file, value, `${name} must be true or false, not "${text}"`));
  if ((field.type === 'Number' || field.type === 'Percent') && !/^-?\d+(\.\d+)?$/.test(text))
    findings.push(finding(file, value, `${name} must be a number, not "${text}"`));
  if (field.type === 'Picklist' && !picklistValues(field).has(text))
    findings.push(finding(file, value, `${name}: "${text}" is not one of its picklist values`));
  if (field.type === 'MetadataRelationship') {
    const target = field.file?.root && textOf(field.file.root, 'referenceTo');
    const key = `${(target ?? '').replace(/__mdt$/, '')}.${text}`;
    if (!records.has(key))
      findings.push(finding(file, value, `${name} points to ${key}, which is not a record in the project`));
  }
}

export function checkCustomMetadata(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const recordFiles = filesOfType(project, 'CustomMetadata');
  const records = new Set(recordFiles.map((file) => file.fullName));
  for (const file of recordFiles) {
    const root = file.root;
    if (!root) continue;
    const [typeName = '', recordName = ''] = file.fullName.split('.');
    const type = project.objects.get(`${typeName}__mdt`);
    if (!type || type.kind !== 'customMetadata') {
      findings.push(
        finding(file, root, `record of ${typeName}__mdt, a custom metadata type the project does not define`),
      );
      continue;
    }
    if (!DEVELOPER_NAME.test(recordName) || recordName.length > 40) {
      findings.push(
        finding(
          file,
          root,
          `record name ${recordName} must be at most 40 letters, digits and single underscores, starting with a letter`,
        ),
      );
    }
    const label = textOf(root, 'label') ?? '';
    if (!label || label.length > 40)
      findings.push(finding(file, root, `the record needs a <label> of at most 40 characters`));
    const seen = new Set<string>();
    for (const entry of childrenNamed(root, 'values')) {
      const fieldName = textOf(entry, 'field') ?? '';
      const field = type.fields.get(fieldName);
      if (!field || field.standard) {
        findings.push(finding(file, entry, `${type.name} has no field ${fieldName}`));
        continue;
      }
      if (seen.has(fieldName)) findings.push(finding(file, entry, `${fieldName} is given twice`));
      seen.add(fieldName);
      const value = childNamed(entry, 'value');
      if (value) checkValue(records, file, field, value, findings);
    }
    for (const field of type.fields.values()) {
      if (
        !field.standard &&
        field.file?.root &&
        textOf(field.file.root, 'required') === 'true' &&
        !seen.has(field.name)
      ) {
        findings.push(finding(file, root, `${type.name}.${field.name} is required but the record gives no value`));
      }
    }
  }
  return findings;
}
