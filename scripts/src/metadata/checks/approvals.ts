/**
 * Approval processes and what they name: the object (the file is Object.Name), the fields of entry
 * criteria, approval page and approver fields, the queues that approve, and the actions they run,
 * which live in the object's workflow file (workflows/Object.workflow-meta.xml): email alerts,
 * field updates, tasks, outbound messages. Workflow actions in turn name fields, queues and email
 * templates; email templates live under email/ and their merge fields name fields too. A deploy
 * rejects an approval process whose action, queue or field does not exist.
 * Sources: ApprovalProcess and Workflow in the Metadata API Developer Guide
 * (https://developer.salesforce.com/docs/platform/api-metadata/references/meta-types/metadata-approvalprocess.html,
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_workflow.htm).
 */
import { existsSync, readFileSync } from 'node:fs';
import { findingIn, type Finding } from '../findings';
import { checkFormula } from '../formula';
import { filesOfType, MetadataFile, ObjectModel, picklistValues, ProjectModel } from '../project';
import { resolveFieldPath } from '../relationships';
import { childNamed, childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'approvals';
/** The elements of an approval process and of its steps that hold actions. */
const ACTION_LISTS = ['initialSubmissionActions', 'finalApprovalActions', 'finalRejectionActions', 'recallActions'];
const STEP_ACTION_LISTS = ['approvalActions', 'rejectionActions'];
/** Workflow action types and the element of the workflow file that defines each. */
const WORKFLOW_ELEMENT: ReadonlyMap<string, { element: string; what: string }> = new Map([
  ['Alert', { element: 'alerts', what: 'email alert' }],
  ['FieldUpdate', { element: 'fieldUpdates', what: 'field update' }],
  ['Task', { element: 'tasks', what: 'task' }],
  ['OutboundMessage', { element: 'outboundMessages', what: 'outbound message' }],
  ['FlowAction', { element: 'flowActions', what: 'flow action' }],
]);

function finding(file: MetadataFile, element: XmlElement | undefined, message: string): Finding {
  return findingIn(CHECK, file, element, message);
}

class AutomationChecker {
  readonly findings: Finding[] = [];
  private readonly workflows: Map<string, MetadataFile>;
  private readonly queues: Set<string>;
  private readonly templates: Set<string>;

  constructor(private readonly project: ProjectModel) {
    this.workflows = new Map(filesOfType(project, 'Workflow').map((file) => [file.fullName, file]));
    this.queues = new Set(filesOfType(project, 'Queue').map((file) => file.fullName));
    this.templates = new Set(filesOfType(project, 'EmailTemplate').map((file) => file.fullName));
  }

  private report(file: MetadataFile, element: XmlElement | undefined, message: string): void {
    this.findings.push(finding(file, element, message));
  }

  /** Object.Field (or Object.Relationship__r.Field) as criteria items write it. */
  private checkFieldPath(
    file: MetadataFile,
    element: XmlElement,
    object: ObjectModel,
    path: string,
    context: string,
  ): void {
    if (path.startsWith('$')) return;
    const [prefix = '', ...rest] = path.split('.');
    const base = rest.length > 0 ? this.project.objects.get(prefix) : undefined;
    if (rest.length > 0 && !base) {
      this.report(file, element, `${context}: ${path} names ${prefix}, which is not an object of the project`);
      return;
    }
    const { problem } = resolveFieldPath(
      this.project.objects,
      base?.name ?? object.name,
      rest.length > 0 ? rest.join('.') : path,
    );
    if (problem) this.report(file, element, `${context}: ${problem}`);
  }

  private checkCriteria(
    file: MetadataFile,
    object: ObjectModel,
    criteria: XmlElement | undefined,
    context: string,
  ): void {
    if (!criteria) return;
    for (const item of childrenNamed(criteria, 'criteriaItems')) {
      for (const name of ['field', 'valueField']) {
        const value = textOf(item, name);
        if (value) this.checkFieldPath(file, item, object, value, context);
      }
    }
    const formula = textOf(criteria, 'formula');
    if (formula) this.checkFormulaText(file, childNamed(criteria, 'formula') ?? criteria, object, formula, context);
  }

  private checkFormulaText(
    file: MetadataFile,
    element: XmlElement,
    object: ObjectModel,
    formula: string,
    context: string,
  ): void {
    for (const reference of checkFormula(this.project.objects, object.name, formula)) {
      if (reference.problem) this.report(file, element, `${context}: ${reference.problem}`);
    }
  }

  private checkActions(
    file: MetadataFile,
    object: ObjectModel,
    list: XmlElement | undefined,
    processName: string,
  ): void {
    if (!list) return;
    const workflow = this.workflows.get(object.name);
    for (const action of childrenNamed(list, 'action')) {
      const name = textOf(action, 'name') ?? '';
      const type = textOf(action, 'type') ?? '';
      const kind = WORKFLOW_ELEMENT.get(type);
      if (!kind) continue;
      const defined =
        workflow?.root &&
        childrenNamed(workflow.root, kind.element).some((element) => textOf(element, 'fullName') === name);
      if (!defined)
        this.report(
          file,
          action,
          `${processName} runs the ${kind.what} ${name}, which ${workflow ? workflow.path : `workflows/${object.name}.workflow-meta.xml (missing)`} does not define`,
        );
    }
  }

  private checkApprover(file: MetadataFile, object: ObjectModel, approver: XmlElement, processName: string): void {
    const type = textOf(approver, 'type') ?? '';
    const name = textOf(approver, 'name') ?? '';
    if (type === 'queue' && !this.queues.has(name))
      this.report(
        file,
        approver,
        `${processName} assigns approval to the queue ${name}, which queues/ does not define`,
      );
    if (type === 'relatedUserField') {
      const field = object.fields.get(name);
      const target = field?.file?.root && textOf(field.file.root, 'referenceTo');
      if (!field)
        this.report(file, approver, `${processName}: approver field ${name} is not a field of ${object.name}`);
      else if (field.type !== 'Lookup' || (!field.standard && target !== 'User'))
        this.report(file, approver, `${processName}: approver field ${object.name}.${name} must be a lookup to User`);
    }
    if (type === 'userHierarchyField' && name) this.checkHierarchyField(file, approver, name, processName);
  }

  private checkHierarchyField(file: MetadataFile, element: XmlElement, name: string, processName: string): void {
    const user = this.project.objects.get('User');
    if (user && !user.fields.has(`${name}Id`) && !user.fields.has(name))
      this.report(file, element, `${processName}: ${name} is not a hierarchy field of User`);
  }

  checkApprovalProcess(file: MetadataFile): void {
    const root = file.root;
    if (!root) return;
    const [objectName = ''] = file.fullName.split('.');
    const object = this.project.objects.get(objectName);
    const name = file.fullName;
    if (!textOf(root, 'description'))
      this.report(file, root, `${name} has no <description>: say which records it approves, at which levels and why`);
    if (!object) {
      this.report(
        file,
        root,
        `${name} is for ${objectName}, which is not an object of the project (the file is named Object.Process)`,
      );
      return;
    }
    this.checkCriteria(file, object, childNamed(root, 'entryCriteria'), `${name} entry criteria`);
    const pageFields = childNamed(root, 'approvalPageFields');
    for (const field of pageFields ? childrenNamed(pageFields, 'field') : []) {
      if (!object.fields.has(field.text.trim()))
        this.report(file, field, `${name}: approval page field ${field.text.trim()} is not a field of ${objectName}`);
    }
    const template = textOf(root, 'emailTemplate');
    if (template && !this.templates.has(template))
      this.report(
        file,
        childNamed(root, 'emailTemplate'),
        `${name} uses the email template ${template}, which email/ does not define`,
      );
    const next = childNamed(root, 'nextAutomatedApprover');
    const hierarchy = next && textOf(next, 'userHierarchyField');
    if (next && hierarchy) this.checkHierarchyField(file, next, hierarchy, name);
    for (const list of ACTION_LISTS) this.checkActions(file, object, childNamed(root, list), name);
    for (const step of childrenNamed(root, 'approvalStep')) {
      const stepName = `${name} step ${textOf(step, 'name') ?? '?'}`;
      this.checkCriteria(file, object, childNamed(step, 'entryCriteria'), `${stepName} entry criteria`);
      const assigned = childNamed(step, 'assignedApprover');
      for (const approver of assigned ? childrenNamed(assigned, 'approver') : [])
        this.checkApprover(file, object, approver, stepName);
      for (const list of STEP_ACTION_LISTS) this.checkActions(file, object, childNamed(step, list), stepName);
    }
  }

  checkWorkflow(file: MetadataFile): void {
    const root = file.root;
    if (!root) return;
    const object = this.project.objects.get(file.fullName);
    if (!object) {
      this.report(file, root, `workflow for ${file.fullName}, which is not an object of the project`);
      return;
    }
    for (const alert of childrenNamed(root, 'alerts')) this.checkAlert(file, object, alert);
    for (const update of childrenNamed(root, 'fieldUpdates')) this.checkFieldUpdate(file, object, update);
    for (const rule of childrenNamed(root, 'rules')) {
      const ruleName = `rule ${textOf(rule, 'fullName') ?? '?'}`;
      this.checkCriteria(file, object, rule, ruleName);
      for (const action of childrenNamed(rule, 'actions')) {
        const kind = WORKFLOW_ELEMENT.get(textOf(action, 'type') ?? '');
        const actionName = textOf(action, 'name') ?? '';
        if (kind && !childrenNamed(root, kind.element).some((element) => textOf(element, 'fullName') === actionName))
          this.report(file, action, `${ruleName} runs the ${kind.what} ${actionName}, which this file does not define`);
      }
    }
  }

  private checkAlert(file: MetadataFile, object: ObjectModel, alert: XmlElement): void {
    const name = `email alert ${textOf(alert, 'fullName') ?? '?'}`;
    const template = textOf(alert, 'template');
    if (!template) this.report(file, alert, `${name} has no <template>`);
    else if (!this.templates.has(template))
      this.report(
        file,
        childNamed(alert, 'template'),
        `${name} sends the email template ${template}, which email/ does not define`,
      );
    for (const recipient of childrenNamed(alert, 'recipients')) {
      const field = textOf(recipient, 'field');
      if (field && !object.fields.has(field))
        this.report(file, recipient, `${name}: recipient field ${field} is not a field of ${object.name}`);
    }
  }

  private checkFieldUpdate(file: MetadataFile, object: ObjectModel, update: XmlElement): void {
    const name = `field update ${textOf(update, 'fullName') ?? '?'}`;
    let target = object;
    const targetObject = textOf(update, 'targetObject');
    if (targetObject) {
      // A cross-object update names the master-detail field that leads to the parent.
      const relation = object.fields.get(targetObject);
      const parent = relation?.file?.root && textOf(relation.file.root, 'referenceTo');
      const parentObject = parent ? this.project.objects.get(parent) : undefined;
      if (!parentObject) {
        this.report(
          file,
          childNamed(update, 'targetObject'),
          `${name}: target ${targetObject} is not a relationship field of ${object.name}`,
        );
        return;
      }
      target = parentObject;
    }
    const fieldName = textOf(update, 'field') ?? '';
    const field = target.fields.get(fieldName);
    if (!field) {
      this.report(file, childNamed(update, 'field') ?? update, `${name}: ${target.name} has no field ${fieldName}`);
      return;
    }
    const operation = textOf(update, 'operation');
    const literal = textOf(update, 'literalValue');
    if (operation === 'Literal' && literal !== undefined && field.type === 'Picklist' && !field.standard) {
      if (!picklistValues(field).has(literal))
        this.report(
          file,
          childNamed(update, 'literalValue'),
          `${name}: "${literal}" is not a value (API name) of ${target.name}.${fieldName}`,
        );
    }
    const formula = textOf(update, 'formula');
    if (operation === 'Formula' && formula)
      this.checkFormulaText(file, childNamed(update, 'formula') ?? update, target, formula, name);
    if (textOf(update, 'lookupValueType') === 'Queue') {
      const queue = textOf(update, 'lookupValue') ?? '';
      if (!this.queues.has(queue))
        this.report(
          file,
          childNamed(update, 'lookupValue') ?? update,
          `${name}: the queue ${queue} is not defined in queues/`,
        );
    }
  }

  checkEmailTemplate(file: MetadataFile): void {
    const root = file.root;
    if (!root) return;
    if (!textOf(root, 'description'))
      this.report(file, root, `${file.fullName} has no <description>: say who receives it and when`);
    const [folder] = file.fullName.split('/');
    const folders = new Set(filesOfType(this.project, 'EmailFolder').map((entry) => entry.fullName));
    if (folder !== undefined && folder !== 'unfiled$public' && !folders.has(folder))
      this.report(
        file,
        root,
        `${file.fullName} is in the folder ${folder}, which has no ${folder}.emailFolder-meta.xml`,
      );
    const body = file.absolutePath.replace(/-meta\.xml$/, '');
    if (body === file.absolutePath || !existsSync(body)) return;
    const text = [textOf(root, 'subject') ?? '', readFileSync(body, 'utf8')];
    // Merge fields of custom fields ({!Object.Field__c}); standard merge fields (Link, OwnerFullName...) are Salesforce's own.
    for (const [index, part] of text.entries()) {
      for (const match of part.matchAll(/\{!\s*([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z0-9_.]+__c)\s*\}/g)) {
        const objectName = match[1] ?? '';
        const object = this.project.objects.get(objectName);
        if (!object) continue;
        const { problem } = resolveFieldPath(this.project.objects, objectName, match[2] ?? '');
        if (problem) {
          const line = part.slice(0, match.index).split('\n').length;
          this.findings.push(
            index === 0
              ? finding(file, childNamed(root, 'subject'), `merge field ${match[0]} in the subject: ${problem}`)
              : {
                  check: CHECK,
                  file: file.path.replace(/-meta\.xml$/, ''),
                  line,
                  message: `merge field ${match[0]}: ${problem}`,
                },
          );
        }
      }
    }
  }
}

export function checkApprovals(project: ProjectModel): Finding[] {
  const checker = new AutomationChecker(project);
  for (const file of filesOfType(project, 'ApprovalProcess')) checker.checkApprovalProcess(file);
  for (const file of filesOfType(project, 'Workflow')) checker.checkWorkflow(file);
  for (const file of filesOfType(project, 'EmailTemplate')) checker.checkEmailTemplate(file);
  return checker.findings;
}
