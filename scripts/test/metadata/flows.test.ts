/**
 * The flow check on a copy of the project with the fixture console: the triggering object, and the
 * fields of record elements and references whose object is known.
 */
import type { ProjectCopy } from './projectCopy';
import { consoleCopy, expectFinding, fixtureProblems, FLOW, lineOf } from './consoleFixture';

let copy: ProjectCopy;

beforeEach(() => {
  copy = consoleCopy();
});

afterEach(() => {
  copy.dispose();
});

test('the fixture flow has no findings', async () => {
  expect(fixtureProblems(await copy.problems())).toEqual([]);
});

test('a record-triggered flow on an object that does not exist is reported', async () => {
  copy.replace(FLOW, '<object>Dispute__c</object>', '<object>Disputes__c</object>');
  expectFinding(
    await copy.problems(),
    FLOW,
    lineOf(copy, FLOW, '<object>Disputes__c'),
    'start: Disputes__c is not an object of the project',
  );
});

test('an entry filter on a field the triggering object lacks is reported', async () => {
  copy.replace(FLOW, '<field>Status__c</field>', '<field>State__c</field>');
  expectFinding(
    await copy.problems(),
    FLOW,
    lineOf(copy, FLOW, '<field>State__c') - 1,
    'start filter: Dispute__c has no field State__c',
  );
});

test('fields of a Get Records element that its object lacks are reported', async () => {
  copy.replace(FLOW, '<field>Id</field>', '<field>Case_Id__c</field>');
  copy.replace(FLOW, '<queriedFields>Escalated__c</queriedFields>', '<queriedFields>Is_Escalated__c</queriedFields>');
  const problems = await copy.problems();
  expectFinding(
    problems,
    FLOW,
    lineOf(copy, FLOW, '<field>Case_Id__c') - 1,
    'recordLookups Get_Case (Collection_Case__c): Collection_Case__c has no field Case_Id__c',
  );
  expectFinding(
    problems,
    FLOW,
    lineOf(copy, FLOW, 'Is_Escalated__c'),
    'recordLookups Get_Case (Collection_Case__c): Collection_Case__c has no field Is_Escalated__c',
  );
});

test('an assignment to a field of the record a lookup stored is reported', async () => {
  copy.replace(FLOW, '<field>Escalated__c</field>', '<field>Escalation__c</field>');
  expectFinding(
    await copy.problems(),
    FLOW,
    lineOf(copy, FLOW, '<field>Escalation__c') - 1,
    'recordUpdates Update_Case (Collection_Case__c): Collection_Case__c has no field Escalation__c',
  );
});

test('a $Record reference to a field the triggering object lacks is reported', async () => {
  copy.replace(FLOW, '{!$Record.Routed_Team__c}', '{!$Record.Team__c}');
  copy.replace(FLOW, '<elementReference>$Record.Collection_Case__c', '<elementReference>$Record.Case__c');
  const problems = await copy.problems();
  expectFinding(
    problems,
    FLOW,
    lineOf(copy, FLOW, '$Record.Team__c'),
    '$Record.Team__c: Dispute__c has no field Team__c',
  );
  expectFinding(
    problems,
    FLOW,
    lineOf(copy, FLOW, '$Record.Case__c'),
    '$Record.Case__c: Dispute__c has no field Case__c',
  );
});

test('a polymorphic reference is followed through the type it names', async () => {
  copy.replace(FLOW, '{!$Record.Routed_Team__c}', '{!$Record.Owner:User.Email} {!$Record.Owner:Account.Name}');
  const problems = await copy.problems();
  expectFinding(
    problems,
    FLOW,
    lineOf(copy, FLOW, 'Owner:Account'),
    '$Record.Owner:Account.Name: Dispute__c.Owner leads to User or Group, not Account',
  );
  expect(problems.filter((line) => line.includes('Owner:User'))).toEqual([]);
});

test('a flow without a description is reported', async () => {
  copy.replace(FLOW, /\s*<description>.*<\/description>/, '');
  expectFinding(await copy.problems(), FLOW, 2, 'Fixture_Dispute_Routing has no <description>');
});
