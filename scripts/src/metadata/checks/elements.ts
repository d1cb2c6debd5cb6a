/**
 * Every element of every metadata file against the Metadata API's published types: names that
 * exist, in the WSDL's order, single where the type allows one, present where it is required, and
 * values that fit (booleans, numbers, enumerations). A misspelled element or a bad <type> converts
 * without complaint in source-deploy-retrieve; a deploy rejects it.
 */
import type { Finding } from '../findings';
import type { MetadataFile, ProjectModel } from '../project';
import { ElementSpec, isPrimitive, loadMetadataSchema, MetadataSchema } from '../schema';
import type { XmlElement } from '../xml';

const CHECK = 'elements';
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Elements the WSDL marks required but that source format derives from the file name. */
const DERIVED_FROM_FILE_NAME = new Set(['fullName']);
/**
 * A component's js-meta.xml follows the LWC configuration reference, not the WSDL sequence: its
 * examples put <targets> before <targetConfigs>, and <targetConfigs> holds XML (targetConfig,
 * property, objects) that the WSDL types as a plain string.
 * https://developer.salesforce.com/docs/platform/lwc/guide/reference-configuration-tags.html
 */
const UNORDERED_TYPES = new Set(['LightningComponentBundle']);
const FREE_FORM = new Set(['LightningComponentBundle.targetConfigs']);

function closest(name: string, candidates: string[]): string | undefined {
  const lower = name.toLowerCase();
  return (
    candidates.find((candidate) => candidate.toLowerCase() === lower) ??
    candidates.find((c) => distance(c.toLowerCase(), lower) <= 2)
  );
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}

class ElementValidator {
  readonly findings: Finding[] = [];

  constructor(
    private readonly schema: MetadataSchema,
    private readonly file: MetadataFile,
  ) {}

  private report(element: XmlElement, message: string): void {
    this.findings.push({ check: CHECK, file: this.file.path, line: element.line, message });
  }

  validateComplex(element: XmlElement, typeName: string, path: string): void {
    const specs = this.schema.types.get(typeName) ?? [];
    const byName = new Map(specs.map((spec, index) => [spec.name, { spec, index }]));
    if (element.text.trim() !== '') {
      this.report(element, `<${path}> holds text, but ${typeName} is made of elements`);
    }
    let lastIndex = -1;
    let lastName = '';
    const seen = new Set<string>();
    for (const child of element.children) {
      const entry = byName.get(child.name);
      if (!entry) {
        const hint = closest(child.name, [...byName.keys()]);
        this.report(
          child,
          `<${child.name}> is not an element of ${typeName}${hint ? ` (did you mean <${hint}>?)` : ''}`,
        );
        continue;
      }
      if (entry.index < lastIndex && !UNORDERED_TYPES.has(this.file.type)) {
        this.report(
          child,
          `<${child.name}> must come before <${lastName}> in ${typeName}: a deploy rejects elements out of the Metadata API's order`,
        );
      }
      if (seen.has(child.name) && !entry.spec.array) {
        this.report(child, `<${child.name}> appears more than once in ${typeName}, which allows one`);
      }
      seen.add(child.name);
      if (entry.index >= lastIndex) {
        lastIndex = entry.index;
        lastName = child.name;
      }
      this.validateValue(child, entry.spec, `${path}.${child.name}`);
    }
    for (const spec of specs) {
      if (!spec.optional && !spec.array && !seen.has(spec.name) && !DERIVED_FROM_FILE_NAME.has(spec.name)) {
        this.report(element, `<${path}> lacks the required element <${spec.name}> of ${typeName}`);
      }
    }
  }

  private validateValue(element: XmlElement, spec: ElementSpec, path: string): void {
    if (element.attributes['xsi:nil'] === 'true' || FREE_FORM.has(path)) return;
    const enumValues = this.schema.enums.get(spec.type);
    const value = element.text.trim();
    if (enumValues) {
      this.expectText(element, spec.name);
      if (!enumValues.has(value)) {
        const hint = closest(value, [...enumValues]);
        this.report(
          element,
          `<${spec.name}>${value}</${spec.name}> is not a value of ${spec.type}${hint ? ` (did you mean ${hint}?)` : ''}`,
        );
      }
      return;
    }
    if (!isPrimitive(spec.type) && this.schema.types.has(spec.type)) {
      this.validateComplex(element, spec.type, path);
      return;
    }
    if (spec.type === 'any') return;
    this.expectText(element, spec.name);
    if (spec.type === 'boolean' && value !== 'true' && value !== 'false') {
      this.report(element, `<${spec.name}> must be true or false, not "${value}"`);
    } else if (spec.type === 'number' && !NUMBER.test(value)) {
      this.report(element, `<${spec.name}> must be a number, not "${value}"`);
    }
  }

  private expectText(element: XmlElement, name: string): void {
    const [first] = element.children;
    if (first) this.report(first, `<${first.name}> cannot appear inside <${name}>, which holds a value`);
  }
}

export function validateElements(file: MetadataFile, schema: MetadataSchema): Finding[] {
  const root = file.root;
  if (!root) return [];
  const validator = new ElementValidator(schema, file);
  if (root.name !== file.type) {
    validator.findings.push({
      check: CHECK,
      file: file.path,
      line: root.line,
      message: `the root element is <${root.name}>, but the file name makes it a ${file.type}`,
    });
    return validator.findings;
  }
  if (!schema.types.has(file.type)) {
    validator.findings.push({
      check: CHECK,
      file: file.path,
      line: root.line,
      message: `${file.type} is not among the Metadata API's published types`,
    });
    return validator.findings;
  }
  if (root.attributes.xmlns !== 'http://soap.sforce.com/2006/04/metadata') {
    validator.findings.push({
      check: CHECK,
      file: file.path,
      line: root.line,
      message: `<${root.name}> must declare xmlns="http://soap.sforce.com/2006/04/metadata"`,
    });
  }
  validator.validateComplex(root, file.type, file.type);
  return validator.findings;
}

export function checkElements(project: ProjectModel): Finding[] {
  const schema = loadMetadataSchema();
  return project.files.flatMap((file) => validateElements(file, schema));
}
