/**
 * The Lightning page check on a copy of the project with the fixture console: the components a page
 * places, its object and fields, and the app's page assignments.
 */
import type { ProjectCopy } from './projectCopy';
import {
  APP,
  CARD_META,
  consoleCopy,
  expectFinding,
  fixtureProblems,
  HOME_PAGE,
  lineOf,
  RECORD_PAGE,
} from './consoleFixture';

let copy: ProjectCopy;

beforeEach(() => {
  copy = consoleCopy();
});

afterEach(() => {
  copy.dispose();
});

test('the fixture pages and app have no findings', async () => {
  expect(fixtureProblems(await copy.problems())).toEqual([]);
});

describe('components on a page', () => {
  test('a component that does not exist is reported', async () => {
    copy.replace(RECORD_PAGE, 'c:fixtureCard', 'c:fixtureCards');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, 'c:fixtureCards'),
      'c:fixtureCards: there is no component fixtureCards',
    );
  });

  test('a component that is not exposed is reported', async () => {
    copy.replace(CARD_META, '<isExposed>true</isExposed>', '<isExposed>false</isExposed>');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, 'c:fixtureCard'),
      'c:fixtureCard is not exposed',
    );
  });

  test('a component without the target of the page type is reported', async () => {
    copy.replace(CARD_META, /\s*<target>lightning__HomePage<\/target>/, '');
    copy.replace(CARD_META, /\s*<targetConfig targets="lightning__HomePage">[\s\S]*?<\/targetConfig>/, '');
    expectFinding(
      await copy.problems(),
      HOME_PAGE,
      lineOf(copy, HOME_PAGE, 'c:fixtureCard'),
      'c:fixtureCard does not declare the target lightning__HomePage, which a HomePage needs',
    );
  });

  test("a component limited to other objects than the record page's is reported", async () => {
    copy.replace(CARD_META, '<object>Collection_Case__c</object>', '<object>Dispute__c</object>');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, 'c:fixtureCard'),
      'c:fixtureCard is limited to Dispute__c on record pages, not Collection_Case__c',
    );
  });

  test('a property the component does not define for the target is reported', async () => {
    copy.replace(RECORD_PAGE, '<name>title</name>', '<name>heading</name>');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, '<componentInstanceProperties>'),
      'c:fixtureCard has no property heading for lightning__RecordPage',
    );
  });

  test('a custom component placed without its namespace is reported', async () => {
    copy.replace(
      RECORD_PAGE,
      '<componentName>c:fixtureCard</componentName>',
      '<componentName>fixtureCard</componentName>',
    );
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, '<componentName>fixtureCard'),
      'fixtureCard: a custom component is placed as c:fixtureCard',
    );
  });
});

describe('the page object and fields', () => {
  test('a page for an object that does not exist is reported', async () => {
    copy.replace(RECORD_PAGE, '<sobjectType>Collection_Case__c</sobjectType>', '<sobjectType>Case__c</sobjectType>');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, '<sobjectType>'),
      'Fixture_Case_Record_Page is for Case__c, which is not an object of the project',
    );
  });

  test('a field the object does not have is reported', async () => {
    copy.replace(RECORD_PAGE, '<fieldItem>Record.Status__c</fieldItem>', '<fieldItem>Record.Stage__c</fieldItem>');
    expectFinding(
      await copy.problems(),
      RECORD_PAGE,
      lineOf(copy, RECORD_PAGE, '<fieldItem>'),
      'Record.Stage__c: Collection_Case__c has no field Stage__c',
    );
  });
});

describe("the app's page assignments", () => {
  test('an override naming a page that does not exist is reported', async () => {
    copy.replace(APP, '<content>Fixture_Case_Record_Page</content>', '<content>Fixture_Case_Page</content>');
    expectFinding(
      await copy.problems(),
      APP,
      lineOf(copy, APP, '<content>Fixture_Case_Page'),
      'actionOverrides: there is no Lightning page Fixture_Case_Page',
    );
  });

  test("a record page assigned to another object's record view is reported", async () => {
    copy.replace(
      APP,
      '<pageOrSobjectType>Collection_Case__c</pageOrSobjectType>',
      '<pageOrSobjectType>Dispute__c</pageOrSobjectType>',
    );
    expectFinding(
      await copy.problems(),
      APP,
      lineOf(copy, APP, '<content>Fixture_Case_Record_Page'),
      'Fixture_Case_Record_Page overrides the Dispute__c record page but is a RecordPage for Collection_Case__c',
    );
  });

  test('a record page assigned as the home page is reported', async () => {
    copy.replace(APP, '<content>Fixture_Home_Page</content>', '<content>Fixture_Case_Record_Page</content>');
    expectFinding(
      await copy.problems(),
      APP,
      lineOf(copy, APP, '<content>Fixture_Case_Record_Page', '<profileActionOverrides>'),
      'Fixture_Case_Record_Page overrides the home page but is a RecordPage, not a HomePage',
    );
  });
});
