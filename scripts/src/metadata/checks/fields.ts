/**
 * Fields, one by one: what each type needs to deploy (lengths, precision, relationships, picklist
 * values, roll-up targets, formula references) and what the house requires of every field (a
 * description for admins, help text for the person on the page).
 */
import type { Finding } from '../findings';
import { checkFormula } from '../formula';
import type { FieldModel, ObjectModel, ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'fields';
const LIMITS = { description: 1000, inlineHelpText: 510, label: 40, relationshipLabel: 80 };
const IDENTIFIER = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;
const EXTERNAL_ID_TYPES = new Set(['Text', 'Number', 'Email', 'AutoNumber']);
const UNIQUE_TYPES = new Set(['Text', 'Number', 'Email']);
const NUMERIC_TYPES = new Set(['Number', 'Currency', 'Percent']);
const CUSTOM_METADATA_TYPES = new Set([
  'Checkbox',
  'Date',
  'DateTime',
  'Email',
  'Number',
  'Percent',
  'Phone',
  'Picklist',
  'Text',
  'TextArea',
  'LongTextArea',
  'Url',
  'MetadataRelationship',
]);

class FieldChecker {
  readonly findings: Finding[] = [];
  private readonly relationshipNames = new Map<string, string>();

  constructor(private readonly project: ProjectModel) {}

  private report(field: FieldModel, element: XmlElement | undefined, message: string): void {
    const file = field.file;
    if (!file) return;
    const line = element?.line ?? file.root?.line;
    this.findings.push(
      line === undefined
        ? { check: CHECK, file: file.path, message }
        : { check: CHECK, file: file.path, line, message },
    );
  }

  check(object: ObjectModel, field: FieldModel): void {
    const root = field.file?.root;
    if (!root) return;
    const name = `${object.name}.${field.name}`;
    const fullName = textOf(root, 'fullName');
    if (fullName !== undefined && fullName !== field.name) {
      this.report(
        field,
        childNamed(root, 'fullName'),
        `<fullName>${fullName}</fullName> does not match the file name ${field.name}`,
      );
    }
    if (!field.name.endsWith('__c') || !IDENTIFIER.test(field.name.slice(0, -'__c'.length))) {
      this.report(
        field,
        root,
        `${name}: a custom field's API name is letters, digits and single underscores, ending in __c`,
      );
    }
    this.checkTexts(field, root, name);
    if (!field.type) {
      this.report(field, root, `${name} has no <type>`);
      return;
    }
    if (object.kind === 'customMetadata' && !CUSTOM_METADATA_TYPES.has(field.type)) {
      this.report(field, childNamed(root, 'type'), `${name}: custom metadata types cannot have ${field.type} fields`);
    }
    this.checkShape(object, field, root, name);
  }

  private checkTexts(field: FieldModel, root: XmlElement, name: string): void {
    const description = textOf(root, 'description');
    const help = textOf(root, 'inlineHelpText');
    const label = textOf(root, 'label');
    if (!description)
      this.report(
        field,
        root,
        `${name} has no <description>: say why it exists, who writes it and in which unit or currency`,
      );
    if (!label) this.report(field, root, `${name} has no <label>`);
    if (!help) {
      this.report(
        field,
        root,
        `${name} has no <inlineHelpText>: tell the person on the record page what to enter or how to read it`,
      );
    }
    if (help && description && help.toLowerCase() === description.toLowerCase()) {
      this.report(
        field,
        childNamed(root, 'inlineHelpText'),
        `${name}: the help text copies the description; write it for the person on the page`,
      );
    }
    for (const [element, limit] of Object.entries(LIMITS)) {
      const value = textOf(root, element);
      if (value !== undefined && value.length > limit) {
        this.report(
          field,
          childNamed(root, element),
          `${name}: <${element}> is ${value.length} characters; Salesforce allows ${limit}`,
        );
      }
    }
  }

  private checkShape(object: ObjectModel, field: FieldModel, root: XmlElement, name: string): void {
    const type = field.type;
    const has = (element: string): boolean => childNamed(root, element) !== undefined;
    const number = (element: string): number | undefined => {
      const value = textOf(root, element);
      return value === undefined ? undefined : Number(value);
    };
    const formula = textOf(root, 'formula');
    if (textOf(root, 'externalId') === 'true' && !EXTERNAL_ID_TYPES.has(type)) {
      this.report(field, childNamed(root, 'externalId'), `${name}: a ${type} field cannot be an external ID`);
    }
    if (textOf(root, 'unique') === 'true' && !UNIQUE_TYPES.has(type)) {
      this.report(field, childNamed(root, 'unique'), `${name}: a ${type} field cannot be unique`);
    }
    if (formula !== undefined) this.checkFormulaText(object, field, root, formula, 'formula');
    const defaultValue = textOf(root, 'defaultValue');
    if (defaultValue !== undefined && type !== 'Checkbox')
      this.checkFormulaText(object, field, root, defaultValue, 'defaultValue');

    switch (type) {
      case 'Text': {
        const length = number('length');
        if (formula === undefined && (length === undefined || length < 1 || length > 255)) {
          this.report(field, root, `${name}: a Text field needs a <length> from 1 to 255`);
        }
        break;
      }
      case 'LongTextArea':
      case 'Html': {
        const length = number('length');
        if (length === undefined || length < 256 || length > 131072) {
          this.report(field, root, `${name}: a ${type} field needs a <length> from 256 to 131072`);
        }
        if (!has('visibleLines')) this.report(field, root, `${name}: a ${type} field needs <visibleLines>`);
        break;
      }
      case 'Number':
      case 'Currency':
      case 'Percent': {
        const precision = number('precision');
        const scale = number('scale');
        if (
          precision === undefined ||
          scale === undefined ||
          precision < 1 ||
          precision > 18 ||
          scale < 0 ||
          scale > precision
        ) {
          this.report(
            field,
            root,
            `${name}: a ${type} field needs <precision> (1-18) and <scale> (0 to the precision)`,
          );
        }
        break;
      }
      case 'Checkbox':
        if (defaultValue !== 'true' && defaultValue !== 'false') {
          this.report(field, root, `${name}: a Checkbox needs <defaultValue> true or false`);
        }
        break;
      case 'Picklist':
      case 'MultiselectPicklist':
        this.checkPicklist(field, root, name);
        break;
      case 'Lookup':
      case 'MasterDetail':
      case 'MetadataRelationship':
        this.checkRelationship(object, field, root, name);
        break;
      case 'Summary':
        this.checkSummary(object, field, root, name);
        break;
      default:
        break;
    }
  }

  private checkFormulaText(
    object: ObjectModel,
    field: FieldModel,
    root: XmlElement,
    formula: string,
    element: string,
  ): void {
    for (const reference of checkFormula(this.project.objects, object.name, formula)) {
      if (reference.problem)
        this.report(
          field,
          childNamed(root, element),
          `${object.name}.${field.name} <${element}>: ${reference.problem}`,
        );
    }
  }

  private checkPicklist(field: FieldModel, root: XmlElement, name: string): void {
    const valueSet = childNamed(root, 'valueSet');
    if (!valueSet) {
      this.report(field, root, `${name}: a picklist needs a <valueSet>`);
      return;
    }
    if (textOf(valueSet, 'valueSetName') !== undefined) return;
    if (textOf(valueSet, 'restricted') !== 'true') {
      this.report(
        field,
        valueSet,
        `${name}: picklists are restricted here (<restricted>true</restricted>), so the tooling and the org agree on values`,
      );
    }
    const definition = childNamed(valueSet, 'valueSetDefinition');
    const values = definition ? childrenNamed(definition, 'value') : [];
    if (values.length === 0) this.report(field, valueSet, `${name}: the picklist has no values`);
    const seen = new Set<string>();
    let defaults = 0;
    for (const value of values) {
      const apiName = textOf(value, 'fullName') ?? '';
      if (seen.has(apiName.toLowerCase())) this.report(field, value, `${name}: the value ${apiName} appears twice`);
      seen.add(apiName.toLowerCase());
      if (textOf(value, 'default') === 'true') defaults++;
      if (!textOf(value, 'label')) this.report(field, value, `${name}: the value ${apiName} has no <label>`);
    }
    if (defaults > 1)
      this.report(field, valueSet, `${name}: ${defaults} values are marked default; a picklist has at most one`);
  }

  private checkRelationship(object: ObjectModel, field: FieldModel, root: XmlElement, name: string): void {
    const target = textOf(root, 'referenceTo');
    const relationshipName = textOf(root, 'relationshipName');
    if (!target) {
      this.report(field, root, `${name}: a ${field.type} field needs <referenceTo>`);
      return;
    }
    const targetObject = this.project.objects.get(target);
    if (!targetObject) {
      this.report(
        field,
        childNamed(root, 'referenceTo'),
        `${name} refers to ${target}, which is neither in the project nor a standard object the project knows`,
      );
    } else if (field.type === 'MetadataRelationship' && targetObject.kind !== 'customMetadata') {
      this.report(
        field,
        childNamed(root, 'referenceTo'),
        `${name}: a metadata relationship must point to a custom metadata type, not ${target}`,
      );
    }
    if (!relationshipName) {
      this.report(
        field,
        root,
        `${name}: a ${field.type} field needs <relationshipName> (the child relationship's API name)`,
      );
    } else {
      if (!IDENTIFIER.test(relationshipName)) {
        this.report(
          field,
          childNamed(root, 'relationshipName'),
          `${name}: relationship name ${relationshipName} must be letters, digits and single underscores`,
        );
      }
      const key = `${target}.${relationshipName.toLowerCase()}`;
      const other = this.relationshipNames.get(key);
      if (other) {
        this.report(
          field,
          childNamed(root, 'relationshipName'),
          `${name}: ${target} already has a child relationship ${relationshipName} (from ${other})`,
        );
      } else this.relationshipNames.set(key, name);
    }
    if (field.type === 'Lookup') {
      const constraint = textOf(root, 'deleteConstraint');
      if (!constraint)
        this.report(field, root, `${name}: say what happens when the ${target} is deleted (<deleteConstraint>)`);
      if (textOf(root, 'required') === 'true' && constraint === 'SetNull') {
        this.report(
          field,
          childNamed(root, 'deleteConstraint'),
          `${name}: a required lookup cannot be cleared on delete; use Restrict`,
        );
      }
      if (target === 'User' && constraint !== undefined && constraint !== 'SetNull') {
        this.report(field, childNamed(root, 'deleteConstraint'), `${name}: lookups to User only allow SetNull`);
      }
    }
    if (field.type === 'MasterDetail') {
      if (childNamed(root, 'required'))
        this.report(
          field,
          childNamed(root, 'required'),
          `${name}: master-detail fields are always required; drop <required>`,
        );
      const sharing = object.file?.root && textOf(object.file.root, 'sharingModel');
      if (sharing !== undefined && sharing !== 'ControlledByParent') {
        this.report(
          field,
          root,
          `${name}: ${object.name} is a master-detail child, so its sharingModel must be ControlledByParent, not ${sharing}`,
        );
      }
    }
  }

  private checkSummary(object: ObjectModel, field: FieldModel, root: XmlElement, name: string): void {
    const operation = textOf(root, 'summaryOperation');
    const foreignKey = textOf(root, 'summaryForeignKey') ?? '';
    const [childName, keyField] = foreignKey.split('.');
    const child = childName === undefined ? undefined : this.project.objects.get(childName);
    const key = keyField === undefined ? undefined : child?.fields.get(keyField);
    const keyTarget = key?.file?.root && textOf(key.file.root, 'referenceTo');
    if (!child || !key || key.type !== 'MasterDetail' || keyTarget !== object.name) {
      this.report(
        field,
        childNamed(root, 'summaryForeignKey') ?? root,
        `${name}: <summaryForeignKey>${foreignKey}</summaryForeignKey> must be a master-detail field pointing to ${object.name}`,
      );
      return;
    }
    if (operation === 'count') return;
    const summarized = textOf(root, 'summarizedField') ?? '';
    const [summarizedObject, summarizedName] = summarized.split('.');
    const target = summarizedName === undefined ? undefined : child.fields.get(summarizedName);
    if (summarizedObject !== childName || !target) {
      this.report(
        field,
        childNamed(root, 'summarizedField') ?? root,
        `${name}: <summarizedField>${summarized}</summarizedField> is not a field of ${childName}`,
      );
    } else if (operation === 'sum' && !NUMERIC_TYPES.has(target.type)) {
      this.report(
        field,
        childNamed(root, 'summarizedField'),
        `${name}: a sum needs a number, currency or percent field; ${summarized} is ${target.type}`,
      );
    }
  }
}

export function checkFields(project: ProjectModel): Finding[] {
  const checker = new FieldChecker(project);
  for (const object of project.objects.values()) {
    for (const field of object.fields.values()) {
      if (!field.standard) checker.check(object, field);
    }
  }
  return checker.findings;
}
