// The wire adapters are the test doubles of sfdx-lwc-jest: emitting from them is how data arrives.
import { createElement } from 'lwc';
import CollectionsSendReminder from 'c/collectionsSendReminder';
import { getRecord, createRecord } from 'lightning/uiRecordApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const ACCOUNT = require('./data/getRecordAccount.json');
const CASE = require('./data/getRecordCase.json');

jest.mock('@salesforce/label/c.Collections_Actions_Reminder_Kind_Level', () => ({ default: 'Reminder level {0}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Collections_Actions_Reminder_Reason',
  () => ({ default: 'Console: {0}, {1} invoice(s)' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Collections_Error_Duplicate', () => ({ default: 'This was already done today.' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const CASE_ID = 'a03000000000001AAA';
const NOW = Date.UTC(2026, 2, 10, 18, 0, 0); // 2026-03-10 in America/Los_Angeles

const invoice = (id, number, currency, openBalance, daysPastDue, disputedAmount = '0') => ({
  id,
  number,
  invoiceDate: '2026-01-01',
  dueDate: '2026-01-31',
  daysPastDue,
  openBalance,
  disputedAmount,
  currency,
  caseId: CASE_ID,
});
const EUR_OVERDUE = [
  invoice('a01000000000001AAA', 'INV-1001', 'EUR', '1200.5', 54),
  invoice('a01000000000002AAA', 'INV-1002', 'EUR', '800', 18, '200'),
  invoice('a01000000000006AAA', 'CM-5001', 'EUR', '-100', 28),
];

function createReminder(invoices, caseId) {
  const element = createElement('c-collections-send-reminder', { is: CollectionsSendReminder });
  Object.assign(element, { invoices, accountId: ACCOUNT_ID, caseId });
  document.body.appendChild(element);
  return element;
}
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const forAccount = (config) => config.recordId === ACCOUNT_ID;
const forCase = (config) => config.recordId === CASE_ID;
const caseWith = (fields) => ({
  ...CASE,
  fields: {
    ...CASE.fields,
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { value: v, displayValue: null }])),
  },
});

async function loaded(invoices, caseRecord = CASE) {
  const element = createReminder(invoices, caseRecord ? CASE_ID : undefined);
  await flushPromises();
  getRecord.emit(ACCOUNT, forAccount);
  if (caseRecord) getRecord.emit(caseRecord, forCase);
  await flushPromises();
  return element;
}

async function send(element) {
  byId(element, 'send').click();
  await flushPromises();
  return createRecord.mock.calls[0][0];
}

describe('c-collections-send-reminder', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    createRecord.mockResolvedValue({ id: 'a08000000000001AAA' });
  });
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('shows a spinner until the account is read, and cannot send yet', async () => {
    // Arrange / Act
    const element = createReminder(EUR_OVERDUE, CASE_ID);
    await flushPromises();

    // Assert
    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'send').disabled).toBe(true);
  });

  it('previews recipient, language, level, invoices and amounts before sending', async () => {
    // Arrange / Act
    const element = await loaded(EUR_OVERDUE);

    // Assert: asked = 1200.50 + (800 - 200) disputed; net deducts the 100 credit
    expect(byId(element, 'recipient').textContent).toBe('ap@example.com');
    expect(byId(element, 'language').textContent).toBe('French');
    expect(byId(element, 'kind').textContent).toBe('Reminder level 2');
    expect(byId(element, 'asked').textContent).toBe('€1,800.50');
    expect(byId(element, 'net-due').textContent).toBe('€1,700.50');
    const lines = element.shadowRoot.querySelectorAll('[data-id="line"]');
    expect([...lines].map((line) => line.querySelector('th').textContent)).toEqual(['INV-1001', 'INV-1002', 'CM-5001']);
    expect(byId(element, 'send').disabled).toBe(false);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it("creates the case's next reminder under the batch's own key", async () => {
    // Arrange
    const element = await loaded(EUR_OVERDUE);
    const done = jest.fn();
    const toast = jest.fn();
    element.addEventListener('done', done);
    element.addEventListener('lightning__showtoast', toast);

    // Act
    const input = await send(element);

    // Assert: <Case_Key__c>|<step>, as scripts/src/domain/engine/timeline.ts writes it
    expect(input).toEqual({
      apiName: 'Dunning_Notice__c',
      fields: {
        Idempotency_Key__c: 'C042|EUR|2026-02-16|Reminder_2',
        Account__c: ACCOUNT_ID,
        Collection_Case__c: CASE_ID,
        CurrencyIsoCode: 'EUR',
        Action__c: 'Reminder',
        Policy_Step__c: 'Reminder_2',
        Level__c: 2,
        Channel__c: 'Email',
        As_Of_Date__c: '2026-03-10',
        Recipient_Email__c: 'ap@example.com',
        Language__c: 'fr',
        Invoice_Count__c: 3,
        Invoices_Covered__c: 'INV-1001\nINV-1002\nCM-5001',
        Overdue_Amount__c: '1800.50',
        Net_Amount_Due__c: '1700.50',
        Reason__c: 'Console: Reminder level 2, 3 invoice(s)',
        Requested_In_Console__c: true,
      },
    });
    // Status__c is not sent: it starts at its default, Planned, which collectors cannot edit
    expect(input.fields).not.toHaveProperty('Status__c');
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: 'a08000000000001AAA' });
    expect(toast.mock.calls[0][0].detail.variant).toBe('success');
  });

  it('shows "already done today" when the org refuses the key as a duplicate', async () => {
    // Arrange: the org's answer to a second press (unique external ID)
    createRecord.mockRejectedValue({
      body: {
        output: {
          errors: [{ errorCode: 'DUPLICATE_VALUE', message: 'duplicate value found: Idempotency_Key__c' }],
          fieldErrors: {},
        },
      },
    });
    const element = await loaded(EUR_OVERDUE);
    const done = jest.fn();
    element.addEventListener('done', done);

    // Act
    await send(element);

    // Assert
    expect(byId(element, 'error').textContent).toBe('This was already done today.');
    expect(done).not.toHaveBeenCalled();
    expect(byId(element, 'send').disabled).toBe(false);
  });

  it('sends a courtesy reminder under the batch courtesy key when nothing is past due', async () => {
    // Arrange: not due yet, no case
    const element = await loaded([invoice('a01000000000003AAA', 'INV-2001', 'USD', '500', 0)], null);

    // Act
    const input = await send(element);

    // Assert
    expect(input.fields).toMatchObject({
      Idempotency_Key__c: 'C042|USD|Courtesy_Reminder|2026-03-10',
      Action__c: 'Courtesy_Reminder',
      Policy_Step__c: 'Courtesy_Reminder',
      Overdue_Amount__c: '500.00',
      Net_Amount_Due__c: '500.00',
    });
    expect(input.fields).not.toHaveProperty('Level__c');
    expect(input.fields).not.toHaveProperty('Collection_Case__c');
    expect(byId(element, 'kind').textContent).toBe('c.Collections_Actions_Reminder_Kind_Courtesy');
  });

  it('without an open case, uses the key of Reminder 1 of the case the batch would open today (0 decimals)', async () => {
    // Arrange: JPY, overdue, no case yet
    const element = await loaded([invoice('a01000000000004AAA', 'INV-3001', 'JPY', '150000', 37)], null);

    // Act
    const input = await send(element);

    // Assert
    expect(input.fields).toMatchObject({
      Idempotency_Key__c: 'C042|JPY|2026-03-10|Reminder_1',
      Policy_Step__c: 'Reminder_1',
      Level__c: 1,
      CurrencyIsoCode: 'JPY',
      Overdue_Amount__c: '150000',
      Net_Amount_Due__c: '150000',
    });
    expect(byId(element, 'asked').textContent).toBe('¥150,000');
  });

  it('when the next step is not a reminder, sends one extra reminder a day outside the timeline (3 decimals)', async () => {
    // Arrange: a KWD case whose next step is the call
    const kwdCase = caseWith({
      Case_Key__c: 'C042|KWD|2026-02-01',
      Dunning_Level__c: 2,
      Next_Action__c: 'Call',
      CurrencyIsoCode: 'KWD',
    });
    const element = await loaded([invoice('a01000000000005AAA', 'INV-4001', 'KWD', '12.345', 38)], kwdCase);

    // Act
    const input = await send(element);

    // Assert: no Policy_Step__c, so the batch's timeline does not count it as a step
    expect(input.fields).toMatchObject({
      Idempotency_Key__c: 'C042|KWD|Console_Reminder|2026-03-10',
      Action__c: 'Reminder',
      Level__c: 2,
      Collection_Case__c: CASE_ID,
      Overdue_Amount__c: '12.345',
    });
    expect(input.fields).not.toHaveProperty('Policy_Step__c');
    expect(byId(element, 'kind').textContent).toBe('c.Collections_Actions_Reminder_Kind_Extra');
  });

  it('ignores a closed case', async () => {
    // Arrange
    const element = await loaded(EUR_OVERDUE, caseWith({ Status__c: 'Closed' }));

    // Act
    const input = await send(element);

    // Assert
    expect(input.fields.Idempotency_Key__c).toBe('C042|EUR|2026-03-10|Reminder_1');
    expect(input.fields).not.toHaveProperty('Collection_Case__c');
  });

  it('cannot send without a billing email', async () => {
    // Arrange / Act
    const noEmail = {
      ...ACCOUNT,
      fields: { ...ACCOUNT.fields, Billing_Email__c: { value: null, displayValue: null } },
    };
    const element = createReminder(EUR_OVERDUE, undefined);
    await flushPromises();
    getRecord.emit(noEmail, forAccount);
    await flushPromises();

    // Assert
    expect(byId(element, 'no-email').textContent).toBe('c.Collections_Actions_Reminder_No_Email');
    expect(byId(element, 'send').disabled).toBe(true);
  });

  it('shows why the account could not be read', async () => {
    // Arrange
    const element = createReminder(EUR_OVERDUE, undefined);
    await flushPromises();

    // Act
    getRecord.emitError({ body: { message: 'The requested resource does not exist' } }, forAccount);
    await flushPromises();

    // Assert
    expect(byId(element, 'load-error').textContent).toBe('The requested resource does not exist');
    expect(byId(element, 'send').disabled).toBe(true);
  });

  it('refuses invoices in several currencies', async () => {
    // Arrange / Act
    const element = await loaded([...EUR_OVERDUE, invoice('a01000000000003AAA', 'INV-2001', 'USD', '500', 3)]);

    // Assert
    expect(byId(element, 'mixed').textContent).toBe('c.Collections_Actions_One_Currency');
    expect(byId(element, 'send').disabled).toBe(true);
  });

  it('closes on cancel without creating anything', async () => {
    // Arrange
    const element = await loaded(EUR_OVERDUE);
    const close = jest.fn();
    element.addEventListener('close', close);

    // Act
    byId(element, 'cancel').click();
    await flushPromises();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('is accessible', async () => {
    // Arrange
    const element = await loaded(EUR_OVERDUE);

    // Assert
    await expect(element).toBeAccessible();
  });
});
