import { createElement } from 'lwc';
import CollectionsInvoiceActions from 'c/collectionsInvoiceActions';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

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
jest.mock(
  '@salesforce/label/c.Collections_Invoices_Mixed_Currencies',
  () => ({ default: '{0} needs one currency, not {1}.' }),
  { virtual: true },
);
jest.mock('@salesforce/label/c.Collections_Invoices_No_Credits', () => ({ default: 'No credits: {0}.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Invoices_Selected', () => ({ default: '{0} selected' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const CASE_EUR = 'a03000000000001AAA';
const invoice = (id, number, currency, openBalance, caseId = CASE_EUR) => ({
  id,
  number,
  invoiceDate: '2026-01-01',
  dueDate: '2026-01-31',
  daysPastDue: 38,
  openBalance,
  disputedAmount: '0',
  currency,
  caseId,
});
const EUR_1 = invoice('a01000000000001AAA', 'INV-1001', 'EUR', '1200.5');
const EUR_2 = invoice('a01000000000002AAA', 'INV-1002', 'EUR', '800');
const USD_1 = invoice('a01000000000003AAA', 'INV-2001', 'USD', '500', 'a03000000000009AAA');
const CREDIT = invoice('a01000000000006AAA', 'CM-5001', 'EUR', '-100');

function createActions(invoices, props = {}) {
  const element = createElement('c-collections-invoice-actions', { is: CollectionsInvoiceActions });
  Object.assign(element, { invoices, accountId: ACCOUNT_ID, ...props });
  document.body.appendChild(element);
  return element;
}
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function press(element, id) {
  byId(element, id).click();
  await flushPromises();
}

describe('c-collections-invoice-actions', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('disables the actions while nothing is selected', async () => {
    // Arrange / Act
    const element = createActions([]);
    await flushPromises();

    // Assert
    ['send-reminder', 'log-call', 'raise-dispute', 'propose-plan'].forEach((id) =>
      expect(byId(element, id).disabled).toBe(true),
    );
    expect(byId(element, 'selected-count').textContent).toBe('0 selected');
  });

  it.each([
    ['send-reminder', 'c.Collections_Invoices_Send_Reminder'],
    ['raise-dispute', 'c.Collections_Invoices_Raise_Dispute'],
    ['propose-plan', 'c.Collections_Invoices_Propose_Plan'],
  ])('refuses a mixed-currency selection for %s and names the currencies', async (id, actionLabel) => {
    // Arrange
    const element = createActions([EUR_1, USD_1]);
    await flushPromises();

    // Act
    await press(element, id);

    // Assert: a message, no panel
    expect(byId(element, 'action-error').textContent).toBe(`${actionLabel} needs one currency, not EUR, USD.`);
    expect(byId(element, 'action-panel')).toBeNull();
  });

  it('lets a call span currencies', async () => {
    // Arrange
    const element = createActions([EUR_1, USD_1]);
    await flushPromises();

    // Act
    await press(element, 'log-call');

    // Assert: the call opens with the whole selection; no common case
    const call = byId(element, 'call');
    expect(byId(element, 'action-error')).toBeNull();
    expect(call.invoices).toEqual([EUR_1, USD_1]);
    expect(call.accountId).toBe(ACCOUNT_ID);
    expect(call.caseId).toBeUndefined();
  });

  it('refuses to dispute a credit memo', async () => {
    // Arrange
    const element = createActions([EUR_1, CREDIT]);
    await flushPromises();

    // Act
    await press(element, 'raise-dispute');

    // Assert
    expect(byId(element, 'action-error').textContent).toBe('No credits: CM-5001.');
    expect(byId(element, 'dispute')).toBeNull();
  });

  it('hosts the payment plan builder with the selection, the account and the case', async () => {
    // Arrange: on an account page, both invoices on the same EUR case
    const element = createActions([EUR_1, EUR_2]);
    await flushPromises();

    // Act
    await press(element, 'propose-plan');

    // Assert: the contract of docs/console-design.md
    const builder = byId(element, 'plan');
    expect(builder).not.toBeNull();
    expect(builder.invoices).toEqual([EUR_1, EUR_2]);
    expect(builder.invoices[0]).toMatchObject({
      id: EUR_1.id,
      number: 'INV-1001',
      dueDate: '2026-01-31',
      openBalance: '1200.5',
      currency: 'EUR',
    });
    expect(builder.accountId).toBe(ACCOUNT_ID);
    expect(builder.caseId).toBe(CASE_EUR);
    ['send-reminder', 'log-call', 'raise-dispute', 'propose-plan'].forEach((id) =>
      expect(byId(element, id).disabled).toBe(true),
    );
  });

  it("prefers the page's case", async () => {
    // Arrange: on a case page
    const element = createActions([EUR_1], { caseId: 'a03000000000005AAA' });
    await flushPromises();

    // Act
    await press(element, 'send-reminder');

    // Assert
    expect(byId(element, 'reminder').caseId).toBe('a03000000000005AAA');
  });

  it('closes the panel on close, without telling the table', async () => {
    // Arrange
    const element = createActions([EUR_1]);
    const done = jest.fn();
    element.addEventListener('done', done);
    await flushPromises();
    await press(element, 'propose-plan');

    // Act
    byId(element, 'plan').dispatchEvent(new CustomEvent('close'));
    await flushPromises();

    // Assert
    expect(byId(element, 'action-panel')).toBeNull();
    expect(done).not.toHaveBeenCalled();
  });

  it('passes done on to the table with the record created', async () => {
    // Arrange
    const element = createActions([EUR_1]);
    const done = jest.fn();
    element.addEventListener('done', done);
    await flushPromises();
    await press(element, 'propose-plan');

    // Act
    byId(element, 'plan').dispatchEvent(new CustomEvent('done', { detail: { recordId: 'a07000000000001AAA' } }));
    await flushPromises();

    // Assert
    expect(byId(element, 'action-panel')).toBeNull();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: 'a07000000000001AAA' });
  });

  it('is accessible with an action open', async () => {
    // Arrange
    const element = createActions([EUR_1, USD_1]);
    await flushPromises();
    await press(element, 'send-reminder');

    // Assert
    await expect(element).toBeAccessible();
  });
});
