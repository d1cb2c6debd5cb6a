// The wire adapters are the test doubles of sfdx-lwc-jest: emitting from them is how data arrives.
import { createElement } from 'lwc';
import CollectionsOpenInvoices from 'c/collectionsOpenInvoices';
import { graphql } from 'lightning/graphql';
import { getRecord } from 'lightning/uiRecordApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const PAGE_1 = require('./data/graphqlOpenInvoices.json');
const PAGE_2 = require('./data/graphqlOpenInvoicesPage2.json');
const SORTED = require('./data/graphqlOpenInvoicesSorted.json');
const EMPTY = require('./data/graphqlOpenInvoicesEmpty.json');
const CASE = require('./data/getRecord.json');

// The payment plan builder belongs to another feature: a stand-in with its public properties.
jest.mock(
  'c/collectionsPaymentPlanBuilder',
  () => {
    const { LightningElement, registerDecorators } = require('lwc');
    class PaymentPlanBuilder extends LightningElement {}
    registerDecorators(PaymentPlanBuilder, {
      publicProps: { invoices: { config: 0 }, accountId: { config: 0 }, caseId: { config: 0 } },
    });
    return { __esModule: true, default: PaymentPlanBuilder };
  },
  { virtual: true },
);

// Labels with their placeholders, so the tests can see the values put into them.
jest.mock('@salesforce/label/c.Collections_Invoices_Shown', () => ({ default: 'first {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Collections_Invoices_Shown_All', () => ({ default: 'all {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Collections_Invoices_Disputed_Marker', () => ({ default: 'Disputed: {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Invoices_Promise_Marker', () => ({ default: 'Promised by {0}' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const NOW = Date.UTC(2026, 2, 10, 18, 0, 0); // 2026-03-10 in America/Los_Angeles (the jest time zone)

function createTable(props = { recordId: ACCOUNT_ID, objectApiName: 'Account' }) {
  const element = createElement('c-collections-open-invoices', { is: CollectionsOpenInvoices });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const table = (element) => element.shadowRoot.querySelector('[data-id="invoices"]');
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-collections-open-invoices', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner until the first page arrives', async () => {
    // Arrange / Act: create the component; the wire has not emitted yet
    const element = createTable();
    await flushPromises();

    // Assert: loading, no table
    expect(byId(element, 'loading')).not.toBeNull();
    expect(table(element)).toBeNull();
  });

  it('queries the open invoices of the account by cursor, oldest due date first', async () => {
    // Arrange / Act
    createTable();
    await flushPromises();

    // Assert: the variables of the first page
    expect(graphql.getLastConfig().variables).toEqual({
      where: { and: [{ Account__c: { eq: ACCOUNT_ID } }, { Open_Balance__c: { ne: 0 } }] },
      orderBy: { Due_Date__c: { order: 'ASC', nulls: 'LAST' }, Invoice_Number__c: { order: 'ASC' } },
      first: 50,
      after: null,
      promiseWhere: { and: [{ Account__c: { eq: ACCOUNT_ID } }, { Status__c: { eq: 'Open' } }] },
      promiseFirst: 50,
    });
  });

  it('shows the invoices with days past due, amounts in their currency and the markers', async () => {
    // Arrange
    const element = createTable();

    // Act: the first page arrives
    graphql.emit(PAGE_1);
    await flushPromises();

    // Assert
    const rows = table(element).data;
    expect(rows.map((row) => row.number)).toEqual(['INV-1001', 'INV-1002', 'INV-2001']);
    expect(rows[0]).toMatchObject({
      invoiceDateText: 'Dec 16, 2025',
      dueDateText: 'Jan 15, 2026',
      daysPastDue: 54,
      amountText: '€1,500.00',
      openBalanceText: '€1,200.50',
      openBalance: '1200.5',
      currency: 'EUR',
      disputeText: '',
      // the earliest open promise of the currency
      promiseText: 'Promised by Mar 18, 2026',
    });
    expect(rows[1].disputeText).toBe('Disputed: €200.00');
    expect(rows[2]).toMatchObject({ daysPastDue: 0, openBalanceText: '$500.00', promiseText: '', disputeText: '' });
    expect(byId(element, 'shown').textContent).toBe('first 3');
    expect(byId(element, 'load-more')).not.toBeNull();
    expect(byId(element, 'loading')).toBeNull();
  });

  it('loads the next page on demand and appends it, in 0, 2 and 3 decimal currencies', async () => {
    // Arrange
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();

    // Act: load more, then the second page arrives
    byId(element, 'load-more').click();
    await flushPromises();
    const variables = graphql.getLastConfig().variables;
    graphql.emit(PAGE_2);
    await flushPromises();

    // Assert: asked after the first page's cursor, same page size and order; rows appended
    expect(variables.after).toBe('djE6Mg==');
    expect(variables.first).toBe(50);
    expect(variables.orderBy).toEqual({
      Due_Date__c: { order: 'ASC', nulls: 'LAST' },
      Invoice_Number__c: { order: 'ASC' },
    });
    const rows = table(element).data;
    expect(rows.map((row) => row.number)).toEqual([
      'INV-1001',
      'INV-1002',
      'INV-2001',
      'INV-3001',
      'INV-4001',
      'CM-5001',
    ]);
    expect(rows[3].openBalanceText).toBe('¥150,000');
    expect(rows[4].openBalanceText).toBe('KWD\u00a012.345');
    expect(rows[5].openBalanceText).toBe('-€100.00');
    expect(byId(element, 'load-more')).toBeNull();
    expect(byId(element, 'shown').textContent).toBe('all 6');
  });

  it('sorts through the server: a new order asks for the first page again', async () => {
    // Arrange: two pages loaded
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();
    byId(element, 'load-more').click();
    await flushPromises();
    graphql.emit(PAGE_2);
    await flushPromises();

    // Act: sort by open balance, largest first
    table(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'openBalanceText', sortDirection: 'desc' } }),
    );
    await flushPromises();
    const variables = graphql.getLastConfig().variables;
    graphql.emit(SORTED);
    await flushPromises();

    // Assert: re-queried from the start with the server's orderBy; the rows replaced, not merged
    expect(variables.after).toBeNull();
    expect(variables.orderBy).toEqual({
      Open_Balance__c: { order: 'DESC', nulls: 'LAST' },
      Invoice_Number__c: { order: 'ASC' },
    });
    expect(table(element).sortedBy).toBe('openBalanceText');
    expect(table(element).sortedDirection).toBe('desc');
    expect(table(element).data.map((row) => row.number)).toEqual(['INV-1001', 'INV-1002']);
  });

  it('sorts days past due by the due date in the opposite direction', async () => {
    // Arrange
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();

    // Act: most days past due first
    table(element).dispatchEvent(
      new CustomEvent('sort', { detail: { fieldName: 'daysPastDue', sortDirection: 'desc' } }),
    );
    await flushPromises();

    // Assert
    expect(graphql.getLastConfig().variables.orderBy.Due_Date__c).toEqual({ order: 'ASC', nulls: 'LAST' });
  });

  it('says so when nothing is open', async () => {
    // Arrange
    const element = createTable();

    // Act
    graphql.emit(EMPTY);
    await flushPromises();

    // Assert
    expect(byId(element, 'empty').textContent).toBe('c.Collections_Invoices_Empty');
    expect(table(element)).toBeNull();
  });

  it('shows the error of the query in words', async () => {
    // Arrange
    const element = createTable();

    // Act
    graphql.emitErrors([{ message: 'Invoice__c is not supported' }]);
    await flushPromises();

    // Assert
    expect(byId(element, 'error').textContent).toBe('Invoice__c is not supported');
    expect(byId(element, 'loading')).toBeNull();
  });

  it("on a collection case, lists its account's invoices in the case's currency", async () => {
    // Arrange
    const element = createTable({ recordId: 'a03000000000001AAA', objectApiName: 'Collection_Case__c' });
    await flushPromises();
    const before = graphql.getLastConfig().variables;

    // Act: the case is read
    getRecord.emit(CASE);
    await flushPromises();

    // Assert: no query before the case is known; then account and currency filters
    expect(before).toBeUndefined();
    const { variables } = graphql.getLastConfig();
    expect(variables.where.and).toEqual([
      { Account__c: { eq: ACCOUNT_ID } },
      { Open_Balance__c: { ne: 0 } },
      { CurrencyIsoCode: { eq: 'EUR' } },
    ]);
    expect(variables.promiseWhere.and).toContainEqual({ CurrencyIsoCode: { eq: 'EUR' } });

    // Act: invoices arrive; the actions get the case of the page
    graphql.emit(PAGE_1);
    await flushPromises();
    expect(byId(element, 'actions').caseId).toBe('a03000000000001AAA');
    expect(byId(element, 'actions').accountId).toBe(ACCOUNT_ID);
  });

  it('passes the selected invoices to the actions in the documented shape', async () => {
    // Arrange
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();

    // Act: select two rows
    const rows = table(element).data;
    table(element).dispatchEvent(new CustomEvent('rowselection', { detail: { selectedRows: [rows[0], rows[2]] } }));
    await flushPromises();

    // Assert
    const actions = byId(element, 'actions');
    expect(table(element).selectedRows).toEqual(['a01000000000001AAA', 'a01000000000003AAA']);
    expect(actions.accountId).toBe(ACCOUNT_ID);
    expect(actions.caseId).toBeUndefined();
    expect(actions.invoices).toEqual([
      {
        id: 'a01000000000001AAA',
        number: 'INV-1001',
        invoiceDate: '2025-12-16',
        dueDate: '2026-01-15',
        daysPastDue: 54,
        openBalance: '1200.5',
        disputedAmount: '0',
        currency: 'EUR',
        caseId: 'a03000000000001AAA',
      },
      {
        id: 'a01000000000003AAA',
        number: 'INV-2001',
        invoiceDate: '2026-03-01',
        dueDate: '2026-03-31',
        daysPastDue: 0,
        openBalance: '500',
        disputedAmount: null,
        currency: 'USD',
        caseId: null,
      },
    ]);
  });

  it('reads the invoices again when an action created something', async () => {
    // Arrange: first page loaded with a refresh function, a row selected
    const element = createTable();
    const refresh = jest.fn().mockResolvedValue();
    graphql.emit(PAGE_1, undefined, refresh);
    await flushPromises();
    table(element).dispatchEvent(
      new CustomEvent('rowselection', { detail: { selectedRows: [table(element).data[0]] } }),
    );
    await flushPromises();

    // Act: the action bar reports a created record
    byId(element, 'actions').dispatchEvent(new CustomEvent('done', { detail: { recordId: 'a06000000000001AAA' } }));
    await flushPromises();

    // Assert: refreshed, selection cleared
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(table(element).selectedRows).toEqual([]);
  });

  it('after paging, an action asks for the first page again', async () => {
    // Arrange: two pages
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();
    byId(element, 'load-more').click();
    await flushPromises();
    graphql.emit(PAGE_2);
    await flushPromises();

    // Act
    byId(element, 'actions').dispatchEvent(new CustomEvent('done', { detail: { recordId: 'a06000000000001AAA' } }));
    await flushPromises();

    // Assert
    expect(graphql.getLastConfig().variables.after).toBeNull();
    expect(byId(element, 'loading')).not.toBeNull();
  });

  it('fits the columns to a record page region: the essentials, each wide enough, markers wrapping', async () => {
    // Arrange: jsdom has no ResizeObserver, so the table keeps the columns of the narrowest width
    const element = createTable();

    // Act
    graphql.emit(PAGE_1);
    await flushPromises();

    // Assert
    const columns = table(element).columns;
    expect(columns.map((column) => column.fieldName)).toEqual([
      'number',
      'dueDateText',
      'daysPastDue',
      'openBalanceText',
      'disputeText',
      'promiseText',
    ]);
    expect(columns.map((column) => column.initialWidth)).toEqual([120, 120, 125, 140, undefined, undefined]);
    expect(columns.filter((column) => column.wrapText).map((column) => column.fieldName)).toEqual([
      'disputeText',
      'promiseText',
    ]);
    expect(table(element).wrapTableHeader).toBe('all');
  });

  it('adds the amount, then the invoice date, then the currency as the table gets wider', async () => {
    // Arrange: a ResizeObserver the test drives
    let report;
    const observe = jest.fn();
    global.ResizeObserver = jest.fn((callback) => {
      report = (width) => callback([{ contentRect: { width } }]);
      return { observe, disconnect: jest.fn() };
    });
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();
    const fields = () => table(element).columns.map((column) => column.fieldName);

    try {
      // Act / Assert: one step wider at a time
      report(980);
      await flushPromises();
      expect(fields()).toEqual([
        'number',
        'dueDateText',
        'daysPastDue',
        'openBalanceText',
        'disputeText',
        'promiseText',
      ]);
      report(981);
      await flushPromises();
      expect(fields()).toEqual([
        'number',
        'dueDateText',
        'daysPastDue',
        'amountText',
        'openBalanceText',
        'disputeText',
        'promiseText',
      ]);
      report(1106);
      await flushPromises();
      expect(fields()).toContain('invoiceDateText');
      expect(fields()).not.toContain('currency');
      report(1280);
      await flushPromises();
      expect(fields()).toEqual([
        'number',
        'invoiceDateText',
        'dueDateText',
        'daysPastDue',
        'amountText',
        'openBalanceText',
        'currency',
        'disputeText',
        'promiseText',
      ]);

      // Act: the table is removed
      resetDom();

      // Assert: it watched one element, and stopped watching it
      expect(observe).toHaveBeenCalledTimes(1);
      expect(global.ResizeObserver.mock.results[0].value.disconnect).toHaveBeenCalled();
    } finally {
      delete global.ResizeObserver;
    }
  });

  it('is accessible', async () => {
    // Arrange
    const element = createTable();
    graphql.emit(PAGE_1);
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
