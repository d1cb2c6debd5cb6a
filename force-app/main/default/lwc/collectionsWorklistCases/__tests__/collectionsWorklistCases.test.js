import { createElement } from 'lwc';
import CollectionsWorklistCases from 'c/collectionsWorklistCases';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const CASES = require('./data/graphqlWorklistCases.json');
const NO_CASES = require('./data/graphqlWorklistCasesEmpty.json');

// The navigation service, recording where a click goes.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference) {
        mockNavigate(pageReference);
      }
      [GenerateUrl](pageReference) {
        return Promise.resolve(`/lightning/r/${pageReference.attributes.recordId}/view`);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});

const USER = '005000000000001AAA';
const TODAY = '2026-03-04';
const MINE_AND_OPEN = [{ OwnerId: { eq: USER } }, { Status__c: { ne: 'Closed' } }];
const RANKING = {
  Priority_Score__c: { order: 'DESC', nulls: 'LAST' },
  Next_Action_Date__c: { order: 'ASC', nulls: 'LAST' },
};

async function createCases() {
  const element = createElement('c-collections-worklist-cases', { is: CollectionsWorklistCases });
  element.userId = USER;
  element.today = TODAY;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const one = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);
// Row cells live in the case table, a child component with its own shadow root.
const inTable = (element, dataId) => [
  ...one(element, 'case-table').shadowRoot.querySelectorAll(`[data-id="${dataId}"]`),
];
const texts = (element, dataId) => inTable(element, dataId).map((node) => node.textContent);

async function changeFilters(element, detail) {
  element.shadowRoot
    .querySelector('c-collections-worklist-filters')
    .dispatchEvent(new CustomEvent('filterchange', { detail }));
  await flushPromises();
}

describe('c-collections-worklist-cases', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner until the cases arrive', async () => {
    // Arrange
    const element = await createCases();

    // Assert
    expect(one(element, 'spinner')).not.toBeNull();
    expect(one(element, 'case-table')).toBeNull();
    expect(one(element, 'empty')).toBeNull();
  });

  it('asks for my open cases, ranked by priority, one page', async () => {
    // Arrange
    await createCases();

    // Assert
    expect(graphql.getLastConfig().variables).toEqual({
      where: { and: MINE_AND_OPEN },
      orderBy: RANKING,
      first: 50,
    });
  });

  it('ranks the cases by priority score, unscored last, whatever order they arrive in', async () => {
    // Arrange
    const element = await createCases();

    // Act
    graphql.emit(CASES);
    await flushPromises();

    // Assert
    expect(one(element, 'spinner')).toBeNull();
    expect(texts(element, 'rank')).toEqual(['1', '2', '3']);
    expect(inTable(element, 'case-link').map((link) => link.label)).toEqual(['CC-000001', 'CC-000002', 'CC-000003']);
    expect(texts(element, 'score')).toEqual(['88.5', '42.0', 'c.Collections_Worklist_Not_Scored']);
  });

  it('gives the table the ranked cases with their records', async () => {
    // Arrange
    const element = await createCases();

    // Act
    graphql.emit(CASES);
    await flushPromises();

    // Assert
    const edges = CASES.uiapi.query.Collection_Case__c.edges;
    expect(one(element, 'case-table').cases).toEqual([
      { id: 'a01000000000001AAA', name: 'CC-000001', score: 88.5, nextActionDate: '2026-03-04', node: edges[2].node },
      { id: 'a01000000000002AAA', name: 'CC-000002', score: 42, nextActionDate: '2026-03-06', node: edges[0].node },
      { id: 'a01000000000003AAA', name: 'CC-000003', score: null, nextActionDate: null, node: edges[1].node },
    ]);
  });

  it('re-queries with the filters the collector sets, back on the first page', async () => {
    // Arrange
    const element = await createCases();
    graphql.emit(CASES);
    await flushPromises();
    one(element, 'show-more').click();
    await flushPromises();

    // Act
    await changeFilters(element, {
      status: 'Working',
      currency: 'EUR',
      dateMode: 'range',
      fromDate: '2026-03-01',
      toDate: '2026-03-31',
    });

    // Assert
    expect(graphql.getLastConfig().variables).toEqual({
      where: {
        and: [
          ...MINE_AND_OPEN,
          { Status__c: { eq: 'Working' } },
          { CurrencyIsoCode: { eq: 'EUR' } },
          { Next_Action_Date__c: { gte: { value: '2026-03-01' } } },
          { Next_Action_Date__c: { lte: { value: '2026-03-31' } } },
        ],
      },
      orderBy: RANKING,
      first: 50,
    });
    expect(one(element, 'spinner')).not.toBeNull();
  });

  it('asks for the next page of the same ranking on "show more"', async () => {
    // Arrange
    const element = await createCases();
    graphql.emit(CASES);
    await flushPromises();

    // Act
    one(element, 'show-more').click();
    await flushPromises();

    // Assert
    expect(graphql.getLastConfig().variables.first).toBe(100);
    expect(graphql.getLastConfig().variables.where).toEqual({ and: MINE_AND_OPEN });
  });

  it('opens the case page from a row', async () => {
    // Arrange
    const element = await createCases();
    graphql.emit(CASES);
    await flushPromises();

    // Act
    inTable(element, 'case-link')[0].shadowRoot.querySelector('a').click();

    // Assert
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: 'a01000000000001AAA', objectApiName: 'Collection_Case__c', actionName: 'view' },
    });
  });

  it('says so when no open case matches, without "show more"', async () => {
    // Arrange
    const element = await createCases();

    // Act
    graphql.emit(NO_CASES);
    await flushPromises();

    // Assert
    expect(one(element, 'empty').textContent).toBe('c.Collections_Worklist_Cases_Empty');
    expect(one(element, 'case-table')).toBeNull();
    expect(one(element, 'show-more')).toBeNull();
  });

  it('shows the error from the org instead of the list', async () => {
    // Arrange
    const element = await createCases();

    // Act
    graphql.emitErrors([{ message: 'Priority Score is not accessible to you.' }]);
    await flushPromises();

    // Assert
    expect(one(element, 'error').textContent).toBe('Priority Score is not accessible to you.');
    expect(one(element, 'spinner')).toBeNull();
    expect(one(element, 'case-table')).toBeNull();
    expect(one(element, 'empty')).toBeNull();
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createCases();
    graphql.emit(CASES);
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
