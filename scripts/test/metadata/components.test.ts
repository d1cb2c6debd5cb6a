/**
 * The component check on a copy of the project with the fixture console: clean, it finds nothing
 * in the fixture; each broken reference is reported at its file and line.
 */
import {
  BADGE_JS,
  CARD_HTML,
  CARD_JS,
  CARD_META,
  consoleCopy,
  expectFinding,
  fixtureProblems,
  lineOf,
} from './consoleFixture';
import type { ProjectCopy } from './projectCopy';

let copy: ProjectCopy;

beforeEach(() => {
  copy = consoleCopy();
});

afterEach(() => {
  copy.dispose();
});

test('the fixture console has no findings', async () => {
  expect(fixtureProblems(await copy.problems())).toEqual([]);
});

describe('imports', () => {
  test('a schema import of a field the object does not have is reported at the import', async () => {
    copy.replace(CARD_JS, 'Collection_Case__c.Status__c', 'Collection_Case__c.Stage__c');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Collection_Case__c.Stage__c'),
      '@salesforce/schema/Collection_Case__c.Stage__c: Collection_Case__c has no field Stage__c [components]',
    );
  });

  test('a schema import through a relationship that does not exist is reported', async () => {
    copy.replace(CARD_JS, 'Collection_Case__c.Account__r.Name', 'Collection_Case__c.Acount__r.Name');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Acount__r'),
      'Collection_Case__c has no relationship Acount__r',
    );
  });

  test('a schema import of an object the project does not have is reported', async () => {
    copy.replace(CARD_JS, "'@salesforce/schema/Collection_Case__c';", "'@salesforce/schema/Collection__c';");
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, "'@salesforce/schema/Collection__c'"),
      'Collection__c is not an object of the project',
    );
  });

  test('a label import of a label that does not exist is reported', async () => {
    copy.replace(BADGE_JS, 'c.Collections_Fixture_Empty', 'c.Collections_Fixture_Nothing');
    expectFinding(
      await copy.problems(),
      BADGE_JS,
      lineOf(copy, BADGE_JS, 'Collections_Fixture_Nothing'),
      'there is no custom label Collections_Fixture_Nothing',
    );
  });

  test('an import of a component that does not exist is reported', async () => {
    copy.replace(CARD_JS, "from 'c/collectionsFormat'", "from 'c/collectionsFormatter'");
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'c/collectionsFormatter'),
      'c/collectionsFormatter: there is no component collectionsFormatter',
    );
  });

  test('an Apex import is reported, for the project has no Apex class', async () => {
    copy.replace(
      CARD_JS,
      "import { formatAmount } from 'c/collectionsFormat';",
      "import { formatAmount } from 'c/collectionsFormat';\nimport getCases from '@salesforce/apex/CaseController.getCases';",
    );
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, '@salesforce/apex/'),
      'the project has no Apex class CaseController',
    );
  });
});

describe('templates and configuration', () => {
  test('a custom element naming no component is reported at its line; comments are ignored', async () => {
    copy.replace(
      CARD_HTML,
      '<c-fixture-badge status={status}></c-fixture-badge>',
      '<c-fixture-bagde></c-fixture-bagde>',
    );
    const problems = await copy.problems();
    expectFinding(
      problems,
      CARD_HTML,
      lineOf(copy, CARD_HTML, '<c-fixture-bagde>'),
      '<c-fixture-bagde> names the component fixtureBagde, which does not exist',
    );
    expect(problems.filter((line) => line.includes('commented-out'))).toEqual([]);
  });

  test('a component restricted to an object that does not exist is reported', async () => {
    copy.replace(CARD_META, '<object>Collection_Case__c</object>', '<object>Collection_Cases__c</object>');
    expectFinding(
      await copy.problems(),
      CARD_META,
      lineOf(copy, CARD_META, '<object>Collection_Cases__c</object>'),
      '<object>Collection_Cases__c</object> is not an object of the project',
    );
  });

  test('a targetConfig for a target the component does not declare is reported', async () => {
    copy.replace(CARD_META, '<target>lightning__HomePage</target>', '');
    expectFinding(
      await copy.problems(),
      CARD_META,
      lineOf(copy, CARD_META, 'targets="lightning__HomePage"'),
      'targetConfig for lightning__HomePage, which is not among the component',
    );
  });

  test('a component without a description is reported', async () => {
    copy.replace(CARD_META, /\s*<description>.*<\/description>/, '');
    expectFinding(
      await copy.problems(),
      CARD_META,
      lineOf(copy, CARD_META, '<LightningComponentBundle'),
      'fixtureCard has no <description>',
    );
  });
});

describe('GraphQL queries', () => {
  test('a node field the object does not have is reported at its line', async () => {
    copy.replace(CARD_JS, 'Status__c {', 'Stage__c {');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Stage__c {'),
      'GraphQL query: Collection_Case__c has no field or relationship Stage__c',
    );
  });

  test('a field of a parent relationship is held against the parent object', async () => {
    copy.replace(CARD_JS, /Account__r \{\s*Name \{/, 'Account__r {\n                                Nmae {');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Nmae {'),
      'Account has no field or relationship Nmae',
    );
  });

  test('a field of a child relationship is held against the child object', async () => {
    copy.replace(
      CARD_JS,
      'Id\n                                        Open_Balance__c {',
      'Id\n                                        Open_Amount__c {',
    );
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Open_Amount__c {'),
      'Invoice__c has no field or relationship Open_Amount__c',
    );
  });

  test('a child relationship that does not exist is reported', async () => {
    copy.replace(CARD_JS, 'Invoices__r(first: 50', 'Invoice__r(first: 50');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Invoice__r(first'),
      'Collection_Case__c has no field or relationship Invoice__r',
    );
  });

  test('a field in where, orderBy or groupBy that does not exist is reported', async () => {
    copy.replace(CARD_JS, 'orderBy: { Next_Action_Date__c:', 'orderBy: { Next_Action__Date__c:');
    copy.replace(CARD_JS, 'groupBy: { CurrencyIsoCode:', 'groupBy: { Currency__c:');
    const problems = await copy.problems();
    expectFinding(
      problems,
      CARD_JS,
      lineOf(copy, CARD_JS, 'Next_Action__Date__c'),
      'orderBy: Collection_Case__c has no field or relationship Next_Action__Date__c',
    );
    expectFinding(
      problems,
      CARD_JS,
      lineOf(copy, CARD_JS, 'groupBy: { Currency__c'),
      'groupBy: Invoice__c has no field or relationship Currency__c',
    );
  });

  test('an aggregate over a field that does not exist is reported', async () => {
    copy.replace(CARD_JS, /Open_Balance__c \{\s*sum/, 'Balance__c {\n                                    sum');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Balance__c {', 'aggregate {'),
      'Invoice__c has no field or relationship Balance__c',
    );
  });

  test('an object the project does not have is reported', async () => {
    copy.replace(CARD_JS, 'Invoice__c(groupBy', 'Invoices__c(groupBy');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Invoices__c(groupBy'),
      'GraphQL query: Invoices__c is not an object of the project',
    );
  });

  test('a lookup selected like its relationship is reported with the relationship name', async () => {
    copy.replace(CARD_JS, /Account__r \{\s*Name \{/, 'Account__c {\n                                Name {');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'Name {', 'Account__c {'),
      'Collection_Case__c.Account__c is a field: select value, displayValue, format or label, not Name (its relationship is Account__r)',
    );
  });

  test('a typed fragment on the wrong object of a polymorphic owner is reported', async () => {
    copy.replace(CARD_JS, '... on User {', '... on Account {');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, '... on Account {'),
      'Collection_Case__c.Owner leads to User or Group, not Account',
    );
  });

  test('a query that does not parse is reported at the line of the error', async () => {
    copy.replace(CARD_JS, 'totalCount\n', 'totalCount(\n');
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'totalCount(') + 1,
      'the GraphQL query does not parse: expected a name but found "}"',
    );
  });

  test('a query built with substitutions is reported, for its names cannot be checked', async () => {
    copy.replace(
      CARD_JS,
      'Id\n                            Status__c {',
      'Id\n                            ${STATUS_FIELD} {',
    );
    expectFinding(
      await copy.problems(),
      CARD_JS,
      lineOf(copy, CARD_JS, 'const CASE_QUERY = gql`'),
      'a gql query with ${...} substitutions cannot be checked',
    );
  });
});
