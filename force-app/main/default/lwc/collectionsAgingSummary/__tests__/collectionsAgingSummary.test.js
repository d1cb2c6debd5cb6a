// The wire adapters' test utilities (emit, error, getLastConfig) are called directly, as in lwc-recipes.
import { createElement } from 'lwc';
import CollectionsAgingSummary from 'c/collectionsAgingSummary';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { formatAmount, formatDate } from 'c/collectionsFormat';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const summary = require('./data/graphqlAgingSummary.json');
const nothingOpen = require('./data/graphqlAgingSummaryNothingOpen.json');
const page1 = require('./data/graphqlAgingSummaryPage1.json');
const page2 = require('./data/graphqlAgingSummaryPage2.json');
const caseRecord = require('./data/getRecordCase.json');

// Labels with placeholders, so the sentences the component builds can be checked word for word.
jest.mock('@salesforce/label/c.Collections_Aging_Contact_Call', () => ({ default: '{0} (call on {1})' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Aging_Contact_Notice', () => ({ default: '{0} (reminder on {1})' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Aging_Next_Step_Dated', () => ({ default: '{0} on {1} ({2})' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Aging_Inexact', () => ({ default: '{0} does not fit {1}' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
// 12:00 in Los Angeles (the user time zone in sfdx-lwc-jest) on 2026-03-04
const NOW = Date.parse('2026-03-04T20:00:00Z');

function createComponent(props = { recordId: ACCOUNT_ID, objectApiName: 'Account' }) {
  const element = createElement('c-collections-aging-summary', { is: CollectionsAgingSummary });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const cellText = (element, id) => byId(element, id).textContent;

describe('c-collections-aging-summary', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner until the invoices arrive', async () => {
    // Arrange + Act
    const element = createComponent();
    await flushPromises();

    // Assert
    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'aging-table')).toBeNull();
    expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID, after: null });
  });

  it('sums each currency exactly in its own minor units, in separate rows', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(summary);
    await flushPromises();

    // Assert: one row per currency, never a total across currencies
    const rows = element.shadowRoot.querySelectorAll('tbody tr');
    expect([...rows].map((row) => row.dataset.id)).toEqual(['row-JPY', 'row-KWD', 'row-USD']);
    // JPY, 0 decimals: 1500 current, 2500 + 1 overdue
    expect(cellText(element, 'JPY-current')).toBe(formatAmount(1500n, 'JPY'));
    expect(cellText(element, 'JPY-1-30')).toBe(formatAmount(2500n, 'JPY'));
    expect(cellText(element, 'JPY-90+')).toBe(formatAmount(1n, 'JPY'));
    expect(cellText(element, 'JPY-overdue')).toBe(formatAmount(2501n, 'JPY'));
    expect(cellText(element, 'JPY-open')).toBe(formatAmount(4001n, 'JPY'));
    // USD, 2 decimals: 0.1 + 0.2 is exactly 0.30
    expect(cellText(element, 'USD-1-30')).toBe('$0.30');
    expect(cellText(element, 'USD-31-60')).toBe('$1,234.56');
    expect(cellText(element, 'USD-61-90')).toBe('$1,000,000.01');
    expect(cellText(element, 'USD-open')).toBe('$1,001,234.87');
    // KWD, 3 decimals: 12.345 + 0.105 over 90 days, 0.001 current
    expect(cellText(element, 'KWD-current')).toBe(formatAmount(1n, 'KWD'));
    expect(cellText(element, 'KWD-90+')).toBe(formatAmount(12450n, 'KWD'));
    expect(cellText(element, 'KWD-open')).toBe(formatAmount(12451n, 'KWD'));
    expect(cellText(element, 'KWD-open')).toContain('12.451');
  });

  it('shows status, days since the most recent contact and the next steps with their dates', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(summary);
    await flushPromises();

    // Assert: the reminder of 2026-03-01 is more recent than the call of 2026-02-20
    expect(byId(element, 'status').textContent).toBe('In Collections');
    expect(byId(element, 'last-contact').textContent).toBe(`3 (reminder on ${formatDate('2026-03-01')})`);
    const steps = [...element.shadowRoot.querySelectorAll('[data-id="next-step-item"]')].map((li) => li.textContent);
    expect(steps).toEqual([
      `Call on ${formatDate('2026-03-05')} (KWD)`,
      `Reminder on ${formatDate('2026-03-10')} (USD)`,
    ]);
  });

  it('says clearly when nothing is open', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(nothingOpen);
    await flushPromises();

    // Assert
    expect(byId(element, 'empty').textContent).toBe('c.Collections_Aging_Nothing_Open');
    expect(byId(element, 'aging-table')).toBeNull();
    expect(byId(element, 'last-contact').textContent).toBe('c.Collections_Aging_No_Contact');
    expect(byId(element, 'next-step').textContent).toBe('c.Collections_Aging_No_Next_Step');
    expect(byId(element, 'status').textContent).toBe('Current');
  });

  it('follows the cursor to the last page and sums every page', async () => {
    // Arrange
    const element = createComponent();

    // Act: the first page says there is more
    graphql.emit(page1);
    await flushPromises();

    // Assert: still loading, and asking for the next page
    expect(byId(element, 'loading')).not.toBeNull();
    expect(graphql.getLastConfig().variables).toEqual({ accountId: ACCOUNT_ID, after: 'cursor-1' });

    // Act: the last page
    graphql.emit(page2);
    await flushPromises();

    // Assert: 100.25 + 0.75 EUR and 50.50 + 49.50 USD, each in its own row
    expect(cellText(element, 'EUR-1-30')).toBe(formatAmount(10100n, 'EUR'));
    expect(cellText(element, 'EUR-open')).toBe(formatAmount(10100n, 'EUR'));
    expect(cellText(element, 'USD-current')).toBe('$50.50');
    expect(cellText(element, 'USD-90+')).toBe('$49.50');
    expect(cellText(element, 'USD-overdue')).toBe('$49.50');
    expect(cellText(element, 'USD-open')).toBe('$100.00');
    expect(byId(element, 'last-contact').textContent).toBe(`2 (call on ${formatDate('2026-03-02')})`);
  });

  it('reads the account of the case on a Collection Case page and shows only that case', async () => {
    // Arrange
    const element = createComponent({ recordId: 'a02000000000002AAA', objectApiName: 'Collection_Case__c' });
    await flushPromises();
    expect(getRecord.getLastConfig().recordId).toBe('a02000000000002AAA');

    // Act
    getRecord.emit(caseRecord);
    await flushPromises();
    graphql.emit(summary);
    await flushPromises();

    // Assert
    expect(graphql.getLastConfig().variables).toEqual({ accountId: '001000000000009AAA', after: null });
    const steps = [...element.shadowRoot.querySelectorAll('[data-id="next-step-item"]')].map((li) => li.textContent);
    expect(steps).toEqual([`Call on ${formatDate('2026-03-05')} (KWD)`]);
  });

  it('shows the error when the case cannot be read', async () => {
    // Arrange
    const element = createComponent({ recordId: 'a02000000000002AAA', objectApiName: 'Collection_Case__c' });

    // Act
    getRecord.error({ message: 'The requested resource does not exist' }, 404);
    await flushPromises();

    // Assert
    expect(byId(element, 'error').textContent).toBe('The requested resource does not exist');
  });

  it('shows GraphQL errors in words and no table', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emitErrors([{ message: 'No such column Aging_Bucket__c' }]);
    await flushPromises();

    // Assert
    expect(byId(element, 'error').textContent).toBe('No such column Aging_Bucket__c');
    expect(byId(element, 'aging-table')).toBeNull();
    expect(byId(element, 'loading')).toBeNull();
  });

  it('refuses to show totals it cannot add exactly', async () => {
    // Arrange
    const element = createComponent();
    const inexact = JSON.parse(JSON.stringify(summary));
    inexact.uiapi.query.Invoice__c.edges[4].node.Open_Balance__c.value = 0.205;

    // Act
    graphql.emit(inexact);
    await flushPromises();

    // Assert
    expect(byId(element, 'error').textContent).toBe('INV-5 does not fit USD');
    expect(byId(element, 'aging-table')).toBeNull();
  });

  it('is accessible', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(summary);
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
