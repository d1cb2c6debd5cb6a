// The wire adapters' test utilities (emit, error, getLastConfig) are called directly, as in lwc-recipes.
import { createElement } from 'lwc';
import CollectionsDisputePanel from 'c/collectionsDisputePanel';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { formatAmount, formatDate } from 'c/collectionsFormat';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const disputes = require('./data/graphqlDisputes.json');
const resolvedDispute = require('./data/graphqlDisputesResolved.json');
const noDisputes = require('./data/graphqlDisputesNone.json');
const disputeInfo = require('./data/getObjectInfo.json');

// Labels with placeholders, so the sentences built from them can be checked word for word.
jest.mock('@salesforce/label/c.Collections_Disputes_Age_Days', () => ({ default: '{0} days' }), { virtual: true });
jest.mock('@salesforce/label/c.Collections_Disputes_Days_Left', () => ({ default: '{0} ({1} days left)' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Disputes_Due_Today', () => ({ default: '{0} (due today)' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Disputes_Past_Target', () => ({ default: '{0} ({1} days past target)' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Disputes_Invoice_Line', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.Collections_Disputes_Resolved_On', () => ({ default: 'Resolved on {0}' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
// 12:00 in Los Angeles (the user time zone in sfdx-lwc-jest) on 2026-03-04
const NOW = Date.parse('2026-03-04T20:00:00Z');

function createComponent(props = { recordId: ACCOUNT_ID, objectApiName: 'Account' }) {
  const element = createElement('c-collections-dispute-panel', { is: CollectionsDisputePanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const query = (root, selector) => root.shadowRoot.querySelector(selector);
const disputeItem = (element, id) => query(element, `[data-id="dispute"][data-dispute="${id}"]`);
const within = (item, dataId) => item.querySelector(`[data-id="${dataId}"]`);

const D1 = 'a06000000000000001';
const D2 = 'a06000000000000002';
const D3 = 'a06000000000000003';

describe('c-collections-dispute-panel', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner while the disputes load', async () => {
    // Arrange + Act
    const element = createComponent();
    await flushPromises();

    // Assert
    expect(query(element, '[data-id="loading"]')).not.toBeNull();
    expect(query(element, '[data-id="disputes"]')).toBeNull();
  });

  it.each([
    ['Account', { and: [{ Account__c: { eq: 'rec1' } }, { Status__c: { in: ['Open', 'In_Review'] } }] }],
    [
      'Collection_Case__c',
      { and: [{ Collection_Case__c: { eq: 'rec1' } }, { Status__c: { in: ['Open', 'In_Review'] } }] },
    ],
    ['Dispute__c', { Id: { eq: 'rec1' } }],
  ])('on a %s page asks for the right disputes', async (objectApiName, where) => {
    // Arrange + Act
    createComponent({ recordId: 'rec1', objectApiName });
    await flushPromises();

    // Assert
    expect(graphql.getLastConfig().variables).toEqual({ where });
  });

  it('shows age, target, team, status, amount and invoices of each open dispute', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(disputes);
    await flushPromises();

    // Assert: the first dispute is 31 days old and 7 days past its target
    const first = disputeItem(element, D1);
    expect(within(first, 'name').textContent).toBe('DSP-000001');
    expect(within(first, 'status').textContent).toBe('Open');
    expect(within(first, 'team').textContent).toBe('Billing');
    expect(within(first, 'reason').textContent).toBe('Pricing');
    expect(within(first, 'amount').textContent).toBe('$1,234.50');
    expect(within(first, 'opened').textContent).toBe(formatDate('2026-02-01'));
    expect(within(first, 'age').textContent).toBe('31 days');
    expect(within(first, 'target').textContent).toBe(`${formatDate('2026-02-25')} (7 days past target)`);
    expect([...first.querySelectorAll('[data-id="invoice"]')].map((li) => li.textContent)).toEqual([
      'INV-1001: $1,000.00',
      'INV-1002: $234.50',
    ]);
    // In review, not routed yet, in a 3-decimal currency, 10 days left
    const second = disputeItem(element, D2);
    expect(within(second, 'status').textContent).toBe('In Review');
    expect(within(second, 'team').textContent).toBe('c.Collections_Disputes_Not_Routed');
    expect(within(second, 'amount').textContent).toBe(formatAmount('12.345', 'KWD'));
    expect(within(second, 'amount').textContent).toContain('12.345');
    expect(within(second, 'target').textContent).toBe(`${formatDate('2026-03-14')} (10 days left)`);
    // Opened today, due today, no invoice lines
    const third = disputeItem(element, D3);
    expect(within(third, 'age').textContent).toBe('0 days');
    expect(within(third, 'amount').textContent).toBe(formatAmount(5000, 'JPY'));
    expect(within(third, 'target').textContent).toBe(`${formatDate('2026-03-04')} (due today)`);
    expect(within(third, 'no-invoices').textContent).toBe('c.Collections_Disputes_No_Invoices');
  });

  it('highlights only the disputes past their target date', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(disputes);
    await flushPromises();

    // Assert
    const first = disputeItem(element, D1);
    expect(first.classList).toContain('past-target');
    expect(within(first, 'past-target').label).toBe('c.Collections_Disputes_Past_Target_Badge');
    expect(within(first, 'target').querySelector('span').className).toBe('slds-text-color_error');
    for (const id of [D2, D3]) {
      expect(disputeItem(element, id).classList).not.toContain('past-target');
      expect(within(disputeItem(element, id), 'past-target')).toBeNull();
    }
  });

  it('says when the account has no open dispute', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emit(noDisputes);
    await flushPromises();

    // Assert
    expect(query(element, '[data-id="empty"]').textContent).toBe('c.Collections_Disputes_None_Open');
  });

  it('says when the dispute of a Dispute page cannot be read', async () => {
    // Arrange
    const element = createComponent({ recordId: D1, objectApiName: 'Dispute__c' });

    // Act
    graphql.emit(noDisputes);
    await flushPromises();

    // Assert
    expect(query(element, '[data-id="empty"]').textContent).toBe('c.Collections_Disputes_Not_Found');
  });

  it('shows GraphQL errors in words', async () => {
    // Arrange
    const element = createComponent();

    // Act
    graphql.emitErrors([{ message: 'Insufficient access to Dispute__c' }]);
    await flushPromises();

    // Assert
    expect(query(element, '[data-id="error"]').textContent).toBe('Insufficient access to Dispute__c');
    expect(query(element, '[data-id="loading"]')).toBeNull();
  });

  it('shows a resolved dispute with its resolution and credit memo, without a resolve button', async () => {
    // Arrange
    const element = createComponent({ recordId: 'a06000000000000009', objectApiName: 'Dispute__c' });
    getObjectInfo.emit(disputeInfo);

    // Act
    graphql.emit(resolvedDispute);
    await flushPromises();

    // Assert: it stopped ageing when resolved and is not past target any more
    const item = disputeItem(element, 'a06000000000000009');
    expect(within(item, 'resolution').textContent).toContain('Credit Memo Issued');
    expect(within(item, 'resolved-on').textContent).toBe(`Resolved on ${formatDate('2026-02-20')}`);
    expect(within(item, 'credit-memo').textContent).toBe('CM-77');
    expect(within(item, 'age').textContent).toBe('19 days');
    expect(within(item, 'target').textContent).toBe(formatDate('2026-02-15'));
    expect(item.classList).not.toContain('past-target');
    expect(within(item, 'resolve')).toBeNull();
  });

  it('shows and hides the history of one dispute', async () => {
    // Arrange
    const element = createComponent();
    graphql.emit(disputes);
    await flushPromises();
    const first = disputeItem(element, D1);

    // Act
    within(first, 'history-toggle').click();
    await flushPromises();

    // Assert
    expect(within(first, 'history').dispute).toEqual({
      id: D1,
      openedDate: '2026-02-01',
      targetDate: '2026-02-25',
      resolvedDate: null,
    });
    expect(within(first, 'history-toggle').label).toBe('c.Collections_Disputes_Hide_History');
    expect(within(disputeItem(element, D2), 'history')).toBeNull();

    // Act
    within(first, 'history-toggle').click();
    await flushPromises();

    // Assert
    expect(within(first, 'history')).toBeNull();
  });

  it('offers Resolve only to users who may edit the resolution, and only on open disputes', async () => {
    // Arrange
    const element = createComponent();
    graphql.emit(disputes);
    await flushPromises();

    // Act: a collector, who may read disputes but not resolve them
    getObjectInfo.emit({ ...disputeInfo, updateable: true, fields: { Resolution__c: { updateable: false } } });
    await flushPromises();

    // Assert
    expect(element.shadowRoot.querySelectorAll('[data-id="resolve"]')).toHaveLength(0);

    // Act: a member of a resolving team
    getObjectInfo.emit(disputeInfo);
    await flushPromises();

    // Assert
    expect(element.shadowRoot.querySelectorAll('[data-id="resolve"]')).toHaveLength(3);
  });

  it('opens the resolve form for one dispute, closes it on cancel', async () => {
    // Arrange
    const element = createComponent();
    getObjectInfo.emit(disputeInfo);
    graphql.emit(disputes);
    await flushPromises();
    const second = disputeItem(element, D2);

    // Act
    within(second, 'resolve').click();
    await flushPromises();

    // Assert
    const form = within(second, 'resolve-form');
    expect(form.dispute).toEqual({ id: D2, name: 'DSP-000002' });
    expect(form.today).toBe('2026-03-04');
    expect(within(second, 'resolve')).toBeNull();

    // Act
    form.dispatchEvent(new CustomEvent('close'));
    await flushPromises();

    // Assert
    expect(within(second, 'resolve-form')).toBeNull();
    expect(within(second, 'resolve')).not.toBeNull();
  });

  it('asks for the disputes again once one is resolved', async () => {
    // Arrange
    const element = createComponent();
    const refresh = jest.fn().mockResolvedValue();
    getObjectInfo.emit(disputeInfo);
    graphql.emit(disputes, undefined, refresh);
    await flushPromises();
    within(disputeItem(element, D1), 'resolve').click();
    await flushPromises();

    // Act
    within(disputeItem(element, D1), 'resolve-form').dispatchEvent(
      new CustomEvent('resolved', { detail: { recordId: D1 } }),
    );
    await flushPromises();

    // Assert
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(within(disputeItem(element, D1), 'resolve-form')).toBeNull();
  });

  it('is accessible', async () => {
    // Arrange
    const element = createComponent();

    // Act
    getObjectInfo.emit(disputeInfo);
    graphql.emit(disputes);
    await flushPromises();
    within(disputeItem(element, D1), 'history-toggle').click();
    within(disputeItem(element, D2), 'resolve').click();
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
