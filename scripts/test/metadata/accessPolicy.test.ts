/**
 * The access rules of the data model, read from the permission sets as committed: who may edit
 * what. These are product rules, not deploy rules, so they are tests rather than checks.
 */
import { filesOfType, loadProject, ProjectModel } from '../../src/metadata/project';
import { childrenNamed, textOf } from '../../src/metadata/xml';
import { REPO_ROOT } from './projectCopy';

/** Fields only approval processes and the batch write: the outcome of an approval. */
const APPROVAL_OUTCOMES = [
  'Payment_Plan__c.Required_Approval_Level__c',
  'Payment_Plan__c.Approver__c',
  'Payment_Plan__c.Approval_Date__c',
  'Payment_Plan__c.Approval_Comments__c',
  'Dunning_Notice__c.Status__c',
  'Dunning_Notice__c.Approver__c',
  'Dunning_Notice__c.Approval_Date__c',
  'Write_Off_Referral__c.Approver__c',
  'Write_Off_Referral__c.Approval_Date__c',
];

/** What the batch alone decides about an account's standing on the timeline. */
const BATCH_DECISIONS = [
  'Account.Collections_Status__c',
  'Account.Suspension_Date__c',
  'Account.Suspension_Warning_Date__c',
];

let project: ProjectModel;

beforeAll(() => {
  project = loadProject(REPO_ROOT);
});

function editableFields(permissionSet: string): Set<string> {
  const file = filesOfType(project, 'PermissionSet').find((f) => f.fullName === permissionSet);
  if (!file?.root) throw new Error(`permission set ${permissionSet} not found`);
  return new Set(
    childrenNamed(file.root, 'fieldPermissions')
      .filter((entry) => textOf(entry, 'editable') === 'true')
      .map((entry) => textOf(entry, 'field') ?? ''),
  );
}

function objectAccess(permissionSet: string, object: string): Record<string, boolean> {
  const file = filesOfType(project, 'PermissionSet').find((f) => f.fullName === permissionSet);
  const entry = file?.root && childrenNamed(file.root, 'objectPermissions').find((e) => textOf(e, 'object') === object);
  if (!entry) return {};
  return Object.fromEntries(
    entry.children.filter((c) => c.name !== 'object').map((c) => [c.name, c.text.trim() === 'true']),
  );
}

/** The permission sets that hold a custom permission. */
function holdersOf(customPermission: string): string[] {
  return filesOfType(project, 'PermissionSet')
    .filter(
      (file) =>
        file.root !== undefined &&
        childrenNamed(file.root, 'customPermissions').some(
          (entry) => textOf(entry, 'name') === customPermission && textOf(entry, 'enabled') === 'true',
        ),
    )
    .map((file) => file.fullName)
    .sort();
}

test('a collector submits a plan by setting its status; a validation rule allows only Draft to Pending_Approval', () => {
  // Collectors edit Payment_Plan__c.Status__c (the console submits by setting Pending_Approval);
  // what they may set is held by the validation rule, and only the batch and admins may override it.
  expect(editableFields('Collections_Collector').has('Payment_Plan__c.Status__c')).toBe(true);
  const rule = filesOfType(project, 'ValidationRule').find(
    (file) => file.fullName === 'Payment_Plan__c.Status_Changes_Through_Approval',
  );
  expect(rule?.root && textOf(rule.root, 'active')).toBe('true');
  const formula = (rule?.root && textOf(rule.root, 'errorConditionFormula')) ?? '';
  expect(formula).toContain("AND(ISPICKVAL(PRIORVALUE(Status__c), 'Draft'), ISPICKVAL(Status__c, 'Pending_Approval'))");
  expect(formula).toContain('NOT($Permission.Collections_Override_Plan_Status)');
  expect(holdersOf('Collections_Override_Plan_Status')).toEqual(['Collections_Admin', 'Collections_Integration']);
});

test.each(['Collections_Collector', 'Collections_Manager'])('%s cannot edit approval outcomes', (permissionSet) => {
  const editable = editableFields(permissionSet);
  expect(APPROVAL_OUTCOMES.filter((field) => editable.has(field))).toEqual([]);
});

test.each(['Collections_Collector', 'Collections_Manager'])(
  '%s cannot move an account along the timeline by hand',
  (permissionSet) => {
    const editable = editableFields(permissionSet);
    expect(BATCH_DECISIONS.filter((field) => editable.has(field))).toEqual([]);
  },
);

test('only managers and admins grant collections exemptions', () => {
  expect(editableFields('Collections_Collector').has('Account.Collections_Exempt__c')).toBe(false);
  expect(editableFields('Collections_Manager').has('Account.Collections_Exempt__c')).toBe(true);
});

test('the batch user can write what the batch decides', () => {
  const editable = editableFields('Collections_Integration');
  for (const field of [...BATCH_DECISIONS, 'Dunning_Notice__c.Status__c', 'Collection_Case__c.Priority_Score__c']) {
    expect(editable.has(field)).toBe(true);
  }
});

test('collection cases are private and people get no view-all over them', () => {
  const object = project.objects.get('Collection_Case__c')?.file?.root;
  expect(object && textOf(object, 'sharingModel')).toBe('Private');
  for (const permissionSet of ['Collections_Collector', 'Collections_Manager']) {
    expect(objectAccess(permissionSet, 'Collection_Case__c')).toMatchObject({
      allowRead: true,
      viewAllRecords: false,
      modifyAllRecords: false,
    });
  }
});
