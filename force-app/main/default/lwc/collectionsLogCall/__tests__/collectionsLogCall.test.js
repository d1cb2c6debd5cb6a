import { createElement } from 'lwc';
import CollectionsLogCall from 'c/collectionsLogCall';
import { createRecord } from 'lightning/uiRecordApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

jest.mock('@salesforce/label/c.Collections_Actions_Call_Subject', () => ({ default: 'Call: {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.Collections_Actions_Call_Invoices_Line', () => ({ default: 'Invoices: {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Actions_Call_Amount_Too_High', () => ({ default: 'At most {0}.' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Collections_Actions_Amount_Format',
  () => ({ default: 'Amount in {0}, {1} decimals.' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Collections_Actions_Call_Date_Too_Far', () => ({ default: 'Within {0} days.' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Collections_Actions_Call_Promise_Failed',
  () => ({ default: 'The call was logged, but the promise was not saved: {0}' }),
  { virtual: true },
);

const ACCOUNT_ID = '001000000000001AAA';
const CASE_ID = 'a03000000000001AAA';
const NOW = Date.UTC(2026, 2, 10, 18, 0, 0); // 2026-03-10 in America/Los_Angeles
const invoice = (id, number, currency, openBalance) => ({
  id,
  number,
  invoiceDate: '2026-01-01',
  dueDate: '2026-01-31',
  daysPastDue: 38,
  openBalance,
  disputedAmount: '0',
  currency,
  caseId: CASE_ID,
});
const EUR = [
  invoice('a01000000000001AAA', 'INV-1001', 'EUR', '1200.5'),
  invoice('a01000000000002AAA', 'INV-1002', 'EUR', '800'),
];
const MIXED = [EUR[0], invoice('a01000000000003AAA', 'INV-2001', 'USD', '500')];

function createCall(invoices, caseId) {
  const element = createElement('c-collections-log-call', { is: CollectionsLogCall });
  Object.assign(element, { invoices, accountId: ACCOUNT_ID, caseId });
  document.body.appendChild(element);
  return element;
}
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const errors = (element) =>
  [...element.shadowRoot.querySelectorAll('[data-id="error-item"]')].map((item) => item.textContent);

async function type(element, id, value) {
  const input = byId(element, id);
  if (input.type === 'checkbox') {
    input.checked = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { checked: value } }));
  } else {
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  }
  await flushPromises();
}
async function save(element) {
  byId(element, 'save').click();
  await flushPromises();
}
async function promiseOf(element, amount, date) {
  await type(element, 'outcome', 'Promise_To_Pay');
  await type(element, 'amount', amount);
  await type(element, 'promised-date', date);
}

const TASK = {
  apiName: 'Task',
  fields: {
    Subject: 'Call: c.Collections_Actions_Call_Outcome_Promise',
    Type: 'Call',
    TaskSubtype: 'Call',
    Status: 'Completed',
    ActivityDate: '2026-03-10',
    WhatId: ACCOUNT_ID,
    CallDisposition: 'Promise_To_Pay',
    Description: 'Will pay half next week.\n\nInvoices: INV-1001, INV-1002',
  },
};

describe('c-collections-log-call', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    createRecord.mockImplementation((input) =>
      Promise.resolve({ id: input.apiName === 'Task' ? '00T000000000001AAA' : 'a05000000000009AAA' }),
    );
  });
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('asks for the outcome before saving anything', async () => {
    // Arrange
    const element = createCall(EUR);
    await flushPromises();

    // Act
    await save(element);

    // Assert
    expect(errors(element)).toEqual(['c.Collections_Actions_Call_Outcome_Required']);
    expect(createRecord).not.toHaveBeenCalled();
  });

  it('logs a completed call Task on the case, with the outcome in Call Result', async () => {
    // Arrange
    const element = createCall(EUR, CASE_ID);
    const done = jest.fn();
    element.addEventListener('done', done);
    await flushPromises();

    // Act
    await type(element, 'outcome', 'No_Answer');
    await save(element);

    // Assert
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(createRecord.mock.calls[0][0]).toEqual({
      apiName: 'Task',
      fields: {
        Subject: 'Call: c.Collections_Actions_Call_Outcome_No_Answer',
        Type: 'Call',
        TaskSubtype: 'Call',
        Status: 'Completed',
        ActivityDate: '2026-03-10',
        WhatId: CASE_ID,
        CallDisposition: 'No_Answer',
        Description: 'Invoices: INV-1001, INV-1002',
      },
    });
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: '00T000000000001AAA', promiseId: null });
  });

  it('logs the call and a promise to pay in the selection currency', async () => {
    // Arrange
    const element = createCall(EUR);
    const toast = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    await flushPromises();

    // Act: choosing "promised to pay" opens the promise
    await type(element, 'notes', 'Will pay half next week.');
    await promiseOf(element, '1000,5', '2026-03-17');
    await save(element);

    // Assert: Task then promise, linked to the account and the case of the invoices' currency
    expect(byId(element, 'wants-promise').checked).toBe(true);
    expect(createRecord.mock.calls.map((call) => call[0])).toEqual([
      TASK,
      {
        apiName: 'Promise_To_Pay__c',
        fields: {
          Account__c: ACCOUNT_ID,
          CurrencyIsoCode: 'EUR',
          Amount__c: '1000.50',
          Promised_Date__c: '2026-03-17',
          Logged_Date__c: '2026-03-10',
          Status__c: 'Open',
          Notes__c: 'Will pay half next week.',
        },
      },
    ]);
    expect(toast.mock.calls[0][0].detail.message).toBe('c.Collections_Actions_Call_Done_With_Promise');
  });

  it.each([
    ['0', '2026-03-17', ['c.Collections_Actions_Amount_Positive']],
    ['2000.51', '2026-03-17', ['At most €2,000.50.']],
    ['12.345', '2026-03-17', ['Amount in EUR, 2 decimals.']],
    ['abc', '2026-03-17', ['Amount in EUR, 2 decimals.']],
    ['2000.50', '2026-03-09', ['c.Collections_Actions_Call_Date_Past']],
    ['2000.50', '2026-04-10', ['Within 30 days.']],
    ['2000.50', '', ['c.Collections_Actions_Call_Date_Required']],
  ])('checks the promise: %s by "%s"', async (amount, date, expected) => {
    // Arrange
    const element = createCall(EUR);
    await flushPromises();

    // Act
    await promiseOf(element, amount, date);
    await save(element);

    // Assert: nothing saved, the message shown, what was typed kept
    expect(errors(element)).toEqual(expected);
    expect(createRecord).not.toHaveBeenCalled();
    expect(byId(element, 'amount').value).toBe(amount);
  });

  it('accepts the whole open balance and the last day of the horizon', async () => {
    // Arrange
    const element = createCall(EUR);
    await flushPromises();

    // Act
    await promiseOf(element, '2000.50', '2026-04-09');
    await save(element);

    // Assert
    expect(createRecord.mock.calls[1][0].fields).toMatchObject({
      Amount__c: '2000.50',
      Promised_Date__c: '2026-04-09',
    });
  });

  it.each([
    ['JPY', '150000', '150000', '1.5'],
    ['KWD', '12.345', '12.345', '12.3456'],
  ])('keeps %s amounts exact', async (currency, balance, typed, tooPrecise) => {
    // Arrange
    const element = createCall([invoice('a01000000000004AAA', 'INV-9', currency, balance)]);
    await flushPromises();

    // Act: too many decimals first, then a valid amount
    await promiseOf(element, tooPrecise, '2026-03-20');
    await save(element);
    const refused = errors(element);
    await type(element, 'amount', typed);
    await save(element);

    // Assert
    expect(refused.length).toBe(1);
    expect(createRecord.mock.calls[1][0].fields).toMatchObject({ CurrencyIsoCode: currency, Amount__c: typed });
  });

  it('says exactly that the call was logged when the promise fails, and retries only the promise', async () => {
    // Arrange: the promise is refused once
    createRecord
      .mockResolvedValueOnce({ id: '00T000000000001AAA' })
      .mockRejectedValueOnce({
        body: {
          output: {
            errors: [],
            fieldErrors: {
              Amount__c: [
                {
                  errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                  message: 'Enter the promised amount as a positive number.',
                },
              ],
            },
          },
        },
      })
      .mockResolvedValueOnce({ id: 'a05000000000009AAA' });
    const element = createCall(EUR);
    const done = jest.fn();
    element.addEventListener('done', done);
    await flushPromises();
    await type(element, 'notes', 'Will pay half next week.');
    await promiseOf(element, '1000.50', '2026-03-17');

    // Act
    await save(element);

    // Assert: the message, everything typed kept, the call fields locked
    expect(byId(element, 'save-error').textContent).toBe(
      'The call was logged, but the promise was not saved: Enter the promised amount as a positive number.',
    );
    expect(byId(element, 'amount').value).toBe('1000.50');
    expect(byId(element, 'outcome').disabled).toBe(true);
    expect(byId(element, 'save').label).toBe('c.Collections_Actions_Call_Save_Promise');
    expect(done).not.toHaveBeenCalled();

    // Act: save again
    await save(element);

    // Assert: one Task in all, the promise created the second time
    expect(createRecord.mock.calls.map((call) => call[0].apiName)).toEqual([
      'Task',
      'Promise_To_Pay__c',
      'Promise_To_Pay__c',
    ]);
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: '00T000000000001AAA', promiseId: 'a05000000000009AAA' });
  });

  it('keeps everything when the Task itself fails, and creates no promise', async () => {
    // Arrange
    createRecord.mockRejectedValueOnce({
      body: { message: 'You do not have access', errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY' },
    });
    const element = createCall(EUR);
    await flushPromises();
    await promiseOf(element, '100', '2026-03-17');

    // Act
    await save(element);

    // Assert
    expect(byId(element, 'save-error').textContent).toBe('c.Collections_Error_No_Access');
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(byId(element, 'amount').value).toBe('100');
    expect(byId(element, 'outcome').disabled).toBe(false);
  });

  it('offers no promise for invoices in several currencies but logs the call', async () => {
    // Arrange
    const element = createCall(MIXED);
    await flushPromises();

    // Act
    await type(element, 'outcome', 'Promise_To_Pay');
    await save(element);

    // Assert
    expect(byId(element, 'promise-one-currency').textContent).toBe('c.Collections_Actions_Call_Promise_One_Currency');
    expect(byId(element, 'wants-promise')).toBeNull();
    expect(byId(element, 'amount')).toBeNull();
    expect(createRecord.mock.calls.map((call) => call[0].apiName)).toEqual(['Task']);
  });

  it('closes on cancel', async () => {
    // Arrange
    const element = createCall(EUR);
    const close = jest.fn();
    element.addEventListener('close', close);
    await flushPromises();

    // Act
    byId(element, 'cancel').click();
    await flushPromises();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('is accessible with the promise open', async () => {
    // Arrange
    const element = createCall(EUR);
    await flushPromises();
    await promiseOf(element, '100', '2026-03-17');
    await save(element);

    // Assert
    await expect(element).toBeAccessible();
  });
});
