import { createElement } from 'lwc';
import CollectionsWorklistCaseTable from 'c/collectionsWorklistCaseTable';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

// The records as the GraphQL adapter returns them; the table gets them ranked, as the cases list does.
const EDGES = require('./data/graphqlWorklistCases.json').uiapi.query.Collection_Case__c.edges;
const [kobe, gulf, rotterdam] = EDGES.map(({ node }) => node);
const RANKED = [
  { id: rotterdam.Id, name: 'CC-000001', score: 88.5, nextActionDate: '2026-03-04', node: rotterdam },
  { id: kobe.Id, name: 'CC-000002', score: 42, nextActionDate: '2026-03-06', node: kobe },
  { id: gulf.Id, name: 'CC-000003', score: null, nextActionDate: null, node: gulf },
];
const NBSP = '\u00a0';

async function createTable(cases) {
  const element = createElement('c-collections-worklist-case-table', { is: CollectionsWorklistCaseTable });
  element.cases = cases;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const all = (element, dataId) => [...element.shadowRoot.querySelectorAll(`[data-id="${dataId}"]`)];
const texts = (element, dataId) => all(element, dataId).map((node) => node.textContent);

describe('c-collections-worklist-case-table', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('numbers the cases in the order given and links each to its case page', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Act
    const links = all(element, 'case-link');

    // Assert
    expect(texts(element, 'rank')).toEqual(['1', '2', '3']);
    expect(links.map((link) => [link.recordId, link.objectApiName, link.label])).toEqual([
      ['a01000000000001AAA', 'Collection_Case__c', 'CC-000001'],
      ['a01000000000002AAA', 'Collection_Case__c', 'CC-000002'],
      ['a01000000000003AAA', 'Collection_Case__c', 'CC-000003'],
    ]);
  });

  it('shows each overdue amount in its case currency, with 0, 2 or 3 decimals', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Assert
    expect(texts(element, 'overdue')).toEqual(['€12,000.00', '¥1,500,000', `KWD${NBSP}1,234.500`]);
  });

  it('shows the score with one decimal, or that the case is not scored yet', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Assert
    expect(texts(element, 'score')).toEqual(['88.5', '42.0', 'c.Collections_Worklist_Not_Scored']);
  });

  it('shows the account, the translated status and next action, and the next action date', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Assert
    expect(texts(element, 'account')).toEqual(['Rotterdam Freight BV', 'Kobe Steelworks', '']);
    expect(texts(element, 'status')).toEqual(['Working', 'Promise to Pay', 'New']);
    expect(texts(element, 'next-action')).toEqual([
      'Suspension warningMar 4, 2026',
      'Follow up promiseMar 6, 2026',
      'Nonec.Collections_Worklist_No_Next_Action_Date',
    ]);
  });

  it('hands each case its priority reasons as the batch wrote them', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Assert
    expect(all(element, 'reasons').map((reasons) => reasons.text)).toEqual([
      rotterdam.Priority_Reasons__c.value,
      kobe.Priority_Reasons__c.value,
      '',
    ]);
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createTable(RANKED);

    // Assert
    await expect(element).toBeAccessible();
  });
});
