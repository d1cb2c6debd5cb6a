/**
 * The approval check on a copy of the project with the fixture console: the approval process, the
 * workflow actions it runs, the queue that approves and the email template the alert sends.
 */
import { DEFAULT, type ProjectCopy } from './projectCopy';
import {
  APPROVAL,
  consoleCopy,
  EMAIL,
  EMAIL_META,
  expectFinding,
  fixtureProblems,
  lineOf,
  QUEUE,
  WORKFLOW,
} from './consoleFixture';

let copy: ProjectCopy;

beforeEach(() => {
  copy = consoleCopy();
});

afterEach(() => {
  copy.dispose();
});

test('the fixture approval process, workflow and template have no findings', async () => {
  expect(fixtureProblems(await copy.problems())).toEqual([]);
});

describe('approval processes', () => {
  test('an approval process for an object that does not exist is reported', async () => {
    const renamed = `${DEFAULT}/approvalProcesses/Payment_Plans__c.Fixture_Plan_Approval.approvalProcess-meta.xml`;
    copy.write(renamed, copy.read(APPROVAL));
    copy.remove(APPROVAL);
    expectFinding(
      await copy.problems(),
      renamed,
      2,
      'Payment_Plans__c.Fixture_Plan_Approval is for Payment_Plans__c, which is not an object of the project',
    );
  });

  test('fields of the entry criteria, step criteria and approval page that do not exist are reported', async () => {
    copy.replace(APPROVAL, 'Payment_Plan__c.Status__c', 'Payment_Plan__c.Stage__c');
    copy.replace(APPROVAL, 'Payment_Plan__c.Corporate_Amount__c', 'Payment_Plan__c.Corporate_Total__c');
    copy.replace(APPROVAL, '<field>Total_Amount__c</field>', '<field>Total__c</field>');
    const problems = await copy.problems();
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, 'Payment_Plan__c.Stage__c') - 1,
      'Payment_Plan__c.Fixture_Plan_Approval entry criteria: Payment_Plan__c has no field Stage__c',
    );
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, 'Corporate_Total__c') - 1,
      'step Finance entry criteria: Payment_Plan__c has no field Corporate_Total__c',
    );
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, '<field>Total__c</field>'),
      'approval page field Total__c is not a field of Payment_Plan__c',
    );
  });

  test('an email alert or field update the workflow file does not define is reported', async () => {
    copy.replace(APPROVAL, '<name>Fixture_Plan_Approved_Alert</name>', '<name>Fixture_Plan_Alert</name>');
    copy.replace(APPROVAL, '<name>Fixture_Set_Approved</name>', '<name>Fixture_Approve</name>');
    const problems = await copy.problems();
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, 'Fixture_Plan_Alert') - 1,
      `runs the email alert Fixture_Plan_Alert, which ${WORKFLOW} does not define`,
    );
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, 'Fixture_Approve<') - 1,
      'step Finance runs the field update Fixture_Approve',
    );
  });

  test('actions of an object without a workflow file are reported', async () => {
    copy.remove(WORKFLOW);
    expectFinding(
      await copy.problems(),
      APPROVAL,
      lineOf(copy, APPROVAL, 'Fixture_Set_Pending') - 1,
      'runs the field update Fixture_Set_Pending, which workflows/Payment_Plan__c.workflow-meta.xml (missing) does not define',
    );
  });

  test('an approver queue that does not exist is reported', async () => {
    copy.remove(QUEUE);
    expectFinding(
      await copy.problems(),
      APPROVAL,
      lineOf(copy, APPROVAL, '<name>Fixture_Plan_Approvers</name>') - 1,
      'assigns approval to the queue Fixture_Plan_Approvers, which queues/ does not define',
    );
  });

  test('an approval process without a description is reported', async () => {
    copy.replace(APPROVAL, /\s*<description>.*<\/description>/, '');
    expectFinding(await copy.problems(), APPROVAL, 2, 'Payment_Plan__c.Fixture_Plan_Approval has no <description>');
  });
});

describe('workflow actions and email templates', () => {
  test('a field update of a field that does not exist, or to a value the picklist lacks, is reported', async () => {
    copy.replace(WORKFLOW, '<literalValue>Approved</literalValue>', '<literalValue>Accepted</literalValue>');
    copy.replace(
      WORKFLOW,
      /(<fullName>Fixture_Set_Pending<\/fullName>[\s\S]*?)<field>Status__c<\/field>/,
      '$1<field>State__c</field>',
    );
    const problems = await copy.problems();
    expectFinding(
      problems,
      WORKFLOW,
      lineOf(copy, WORKFLOW, '<literalValue>Accepted'),
      'field update Fixture_Set_Approved: "Accepted" is not a value (API name) of Payment_Plan__c.Status__c',
    );
    expectFinding(
      problems,
      WORKFLOW,
      lineOf(copy, WORKFLOW, '<field>State__c'),
      'field update Fixture_Set_Pending: Payment_Plan__c has no field State__c',
    );
  });

  test('an alert sending an email template that does not exist is reported, as is the approval process using it', async () => {
    copy.remove(EMAIL);
    copy.remove(EMAIL_META);
    const problems = await copy.problems();
    expectFinding(
      problems,
      WORKFLOW,
      lineOf(copy, WORKFLOW, '<template>'),
      'email alert Fixture_Plan_Approved_Alert sends the email template Collections_Fixture/Fixture_Plan_Approved, which email/ does not define',
    );
    expectFinding(
      problems,
      APPROVAL,
      lineOf(copy, APPROVAL, '<emailTemplate>'),
      'uses the email template Collections_Fixture/Fixture_Plan_Approved, which email/ does not define',
    );
  });

  test('a merge field naming a custom field that does not exist is reported in the body', async () => {
    copy.replace(EMAIL, 'Payment_Plan__c.Total_Amount__c', 'Payment_Plan__c.Amount__c');
    expectFinding(
      await copy.problems(),
      EMAIL,
      lineOf(copy, EMAIL, 'Amount__c'),
      'merge field {!Payment_Plan__c.Amount__c}: Payment_Plan__c has no field Amount__c',
    );
  });

  test('an email template without a description is reported', async () => {
    copy.replace(EMAIL_META, /\s*<description>.*<\/description>/, '');
    expectFinding(
      await copy.problems(),
      EMAIL_META,
      2,
      'Collections_Fixture/Fixture_Plan_Approved has no <description>',
    );
  });
});
