/**
 * Flows and the fields they touch, where the object is known without running the flow: the
 * triggering object of a record-triggered flow (start/object) and its entry filters, the object of
 * each Get/Update/Create/Delete Records element with its filters, queried fields and field
 * assignments, $Record and $Record__Prior references, and references through variables, lookups
 * and loops whose object is declared. A deploy rejects a flow whose field does not exist, and a
 * flow that deploys inactive hides the mistake until someone activates it.
 * Source: Flow in the Metadata API Developer Guide
 * (https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_visual_workflow.htm).
 */
import { findingIn, type Finding } from '../findings';
import { resolveFieldPath } from '../relationships';
import { filesOfType, MetadataFile, ObjectModel, ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'flows';
const RECORD_ELEMENTS = ['recordLookups', 'recordUpdates', 'recordCreates', 'recordDeletes'];
/** Elements whose text is a reference to a flow resource, e.g. Get_Plan.Status__c. */
const REFERENCE_ELEMENTS = new Set([
  'elementReference',
  'leftValueReference',
  'assignToReference',
  'collectionReference',
]);
/** Elements whose text may hold {!merge} references. */
const TEXT_ELEMENTS = new Set(['expression', 'formulaExpression', 'text', 'stringValue', 'filterFormula']);

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

class FlowChecker {
  private readonly resources = new Map<string, ObjectModel>();
  private startObject: ObjectModel | undefined;

  constructor(
    private readonly project: ProjectModel,
    private readonly file: MetadataFile,
    private readonly root: XmlElement,
    private readonly findings: Finding[],
  ) {}

  private report(element: XmlElement | undefined, message: string): void {
    this.findings.push(finding(this.file, element, message));
  }

  private objectNamed(element: XmlElement, name: string, context: string): ObjectModel | undefined {
    const object = this.project.objects.get(name);
    if (!object) this.report(element, `${context}: ${name} is not an object of the project`);
    return object;
  }

  private field(object: ObjectModel, element: XmlElement | undefined, path: string, context: string): void {
    if (!path || !element) return;
    const { problem } = resolveFieldPath(this.project.objects, object.name, path);
    if (problem) this.report(element, `${context}: ${problem}`);
  }

  check(): void {
    const name = this.file.fullName;
    if (!textOf(this.root, 'description'))
      this.report(this.root, `${name} has no <description>: say what starts it and what it changes`);
    this.checkStart();
    this.collectResources();
    for (const kind of RECORD_ELEMENTS) {
      for (const element of childrenNamed(this.root, kind)) this.checkRecordElement(kind, element);
    }
    this.checkReferences(this.root);
  }

  private checkStart(): void {
    const start = childNamed(this.root, 'start');
    const objectName = start && textOf(start, 'object');
    if (!start || !objectName) return;
    this.startObject = this.objectNamed(childNamed(start, 'object') ?? start, objectName, 'start');
    if (!this.startObject) return;
    for (const filter of childrenNamed(start, 'filters'))
      this.field(this.startObject, filter, textOf(filter, 'field') ?? '', 'start filter');
    for (const path of childrenNamed(start, 'scheduledPaths')) {
      const recordField = textOf(path, 'recordField');
      if (recordField) this.field(this.startObject, path, recordField, `scheduled path ${textOf(path, 'name') ?? ''}`);
    }
  }

  /** Flow resources that hold records of a known object: sObject variables, lookups, loops over them. */
  private collectResources(): void {
    for (const variable of childrenNamed(this.root, 'variables')) {
      const objectType = textOf(variable, 'objectType');
      const name = textOf(variable, 'name');
      if (textOf(variable, 'dataType') !== 'SObject' || !objectType || !name) continue;
      const object = this.objectNamed(variable, objectType, `variable ${name}`);
      if (object) this.resources.set(name, object);
    }
    for (const lookup of childrenNamed(this.root, 'recordLookups')) {
      const name = textOf(lookup, 'name');
      const object = this.project.objects.get(textOf(lookup, 'object') ?? '');
      if (name && object && textOf(lookup, 'storeOutputAutomatically') === 'true') this.resources.set(name, object);
    }
    for (const loop of childrenNamed(this.root, 'loops')) {
      const name = textOf(loop, 'name');
      const collection = (textOf(loop, 'collectionReference') ?? '').split('.')[0] ?? '';
      const object = this.resources.get(collection);
      if (name && object) this.resources.set(name, object);
    }
  }

  private recordObject(kind: string, element: XmlElement, name: string): ObjectModel | undefined {
    const objectName = textOf(element, 'object');
    if (objectName) return this.objectNamed(childNamed(element, 'object') ?? element, objectName, `${kind} ${name}`);
    const input = textOf(element, 'inputReference') ?? '';
    if (input === '$Record') return this.startObject;
    return this.resources.get(input.split('.')[0] ?? '');
  }

  private checkRecordElement(kind: string, element: XmlElement): void {
    const name = textOf(element, 'name') ?? '?';
    const object = this.recordObject(kind, element, name);
    if (!object) return;
    const context = `${kind} ${name} (${object.name})`;
    for (const filter of childrenNamed(element, 'filters'))
      this.field(object, filter, textOf(filter, 'field') ?? '', context);
    for (const assignment of childrenNamed(element, 'inputAssignments'))
      this.field(object, assignment, textOf(assignment, 'field') ?? '', context);
    for (const assignment of childrenNamed(element, 'outputAssignments'))
      this.field(object, assignment, textOf(assignment, 'field') ?? '', context);
    for (const queried of childrenNamed(element, 'queriedFields'))
      this.field(object, queried, queried.text.trim(), context);
    const sortField = textOf(element, 'sortField');
    if (sortField) this.field(object, childNamed(element, 'sortField'), sortField, context);
  }

  /** $Record.Field, $Record__Prior.Field and Resource.Field wherever the flow refers to them. */
  private checkReferences(element: XmlElement): void {
    const text = element.text.trim();
    if (REFERENCE_ELEMENTS.has(element.name)) this.checkReference(element, text);
    else if (TEXT_ELEMENTS.has(element.name)) {
      for (const match of text.matchAll(/\{!\s*([$A-Za-z][A-Za-z0-9_.:]*)\s*\}/g))
        this.checkReference(element, match[1] ?? '');
    }
    for (const child of element.children) this.checkReferences(child);
  }

  private checkReference(element: XmlElement, reference: string): void {
    const [head = '', ...path] = reference.split('.');
    if (path.length === 0) return;
    const object = head === '$Record' || head === '$Record__Prior' ? this.startObject : this.resources.get(head);
    if (object) this.field(object, element, path.join('.'), reference);
  }
}

export function checkFlows(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  for (const file of filesOfType(project, 'Flow')) {
    if (file.root) new FlowChecker(project, file, file.root, findings).check();
  }
  return findings;
}
