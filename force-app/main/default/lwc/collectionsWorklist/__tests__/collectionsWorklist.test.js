import { createElement } from 'lwc';
import CollectionsWorklist from 'c/collectionsWorklist';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const CASES = require('./data/graphqlWorklistCases.json');
const DUE = require('./data/graphqlWorklistPromisesDue.json');

// sfdx-lwc-jest gives @salesforce/user/Id this value and @salesforce/i18n/timeZone America/Los_Angeles.
const USER = '005000000000000000';
// 07:30 UTC on March 5 is still March 4 in Los Angeles: "today" must be the user's day.
const NOW = Date.UTC(2026, 2, 5, 7, 30);

// Each list has its own GraphQL wire; these tell them apart by their variables.
const conditionsOf = (config) => config.variables?.where?.and ?? [];
const isCases = (config) => conditionsOf(config).some((condition) => 'OwnerId' in condition);
const isDue = (config) => conditionsOf(config).some((condition) => condition.Status__c?.eq === 'Open');
const isBroken = (config) => conditionsOf(config).some((condition) => condition.Status__c?.eq === 'Broken');

async function createWorklist() {
  const element = createElement('c-collections-worklist', { is: CollectionsWorklist });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const one = (root, dataId) => root.shadowRoot.querySelector(`[data-id="${dataId}"]`);

describe('c-collections-worklist', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    resetDom();
    jest.restoreAllMocks();
    jest.clearAllMocks();
  });

  it('gives every list the current user and today in the user time zone', async () => {
    // Arrange
    const element = await createWorklist();

    // Act
    const cases = one(element, 'cases');
    const due = one(element, 'promises-due');
    const broken = one(element, 'promises-broken');

    // Assert
    expect([cases.userId, cases.today]).toEqual([USER, '2026-03-04']);
    expect([due.kind, due.userId, due.today]).toEqual(['dueToday', USER, '2026-03-04']);
    expect([broken.kind, broken.userId, broken.today]).toEqual(['broken', USER, '2026-03-04']);
  });

  it('shows every list loading until its data arrives', async () => {
    // Arrange
    const element = await createWorklist();

    // Assert
    for (const list of ['cases', 'promises-due', 'promises-broken']) {
      expect(one(one(element, list), 'spinner')).not.toBeNull();
    }
  });

  it('fills each list from its own query, and an error in one leaves the others', async () => {
    // Arrange
    const element = await createWorklist();

    // Act
    graphql.emit(CASES, isCases);
    graphql.emit(DUE, isDue);
    graphql.emitErrors([{ message: 'Promise To Pay is not available.' }], isBroken);
    await flushPromises();

    // Assert
    const cases = one(element, 'cases');
    const due = one(element, 'promises-due');
    const broken = one(element, 'promises-broken');
    expect(one(cases, 'case-table').shadowRoot.querySelectorAll('[data-id="case-row"]')).toHaveLength(3);
    expect(due.shadowRoot.querySelectorAll('[data-id="promise-row"]')).toHaveLength(2);
    expect(one(broken, 'error').textContent).toBe('Promise To Pay is not available.');
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createWorklist();
    graphql.emit(CASES, isCases);
    graphql.emit(DUE, isDue);
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
