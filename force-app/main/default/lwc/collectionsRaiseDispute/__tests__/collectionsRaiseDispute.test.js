// The wire adapters are the test doubles of sfdx-lwc-jest: emitting from them is how data arrives.
import { createElement } from 'lwc';
import CollectionsRaiseDispute from 'c/collectionsRaiseDispute';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const OBJECT_INFO = require('./data/getObjectInfo.json');
const REASONS = require('./data/getPicklistValuesReason.json');
const TEAMS = require('./data/getPicklistValuesTeam.json');

jest.mock('@salesforce/label/c.Collections_Actions_Dispute_Amount_Too_High', () => ({ default: '{0}: at most {1}.' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.Collections_Actions_Amount_Format',
  () => ({ default: 'Amount in {0}, {1} decimals.' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.Collections_Actions_Dispute_Partial', () => ({ default: 'Not added: {0}.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Actions_Dispute_Line_Error', () => ({ default: 'Failed: {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Actions_Dispute_Target_Help', () => ({ default: '{0} days' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const CASE_ID = 'a03000000000001AAA';
const DISPUTE_ID = 'a09000000000001AAA';
const NOW = Date.UTC(2026, 2, 10, 18, 0, 0); // 2026-03-10 in America/Los_Angeles
const invoice = (id, number, currency, openBalance, disputedAmount = '0') => ({
  id,
  number,
  invoiceDate: '2026-01-01',
  dueDate: '2026-01-31',
  daysPastDue: 38,
  openBalance,
  disputedAmount,
  currency,
  caseId: CASE_ID,
});
const INV_1 = invoice('a01000000000001AAA', 'INV-1001', 'EUR', '1200.5');
const INV_2 = invoice('a01000000000002AAA', 'INV-1002', 'EUR', '800', '200');
const REFUSED_LINE = {
  body: {
    output: {
      errors: [],
      fieldErrors: {
        Disputed_Amount__c: [
          {
            errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            message: 'The Disputed Amount must be no more than the open balance.',
          },
        ],
      },
    },
  },
};

function createDispute(invoices, caseId = CASE_ID) {
  const element = createElement('c-collections-raise-dispute', { is: CollectionsRaiseDispute });
  Object.assign(element, { invoices, accountId: ACCOUNT_ID, caseId });
  document.body.appendChild(element);
  return element;
}
async function loaded(invoices, caseId) {
  const element = createDispute(invoices, caseId);
  await flushPromises();
  getObjectInfo.emit(OBJECT_INFO);
  await flushPromises();
  getPicklistValues.emit(REASONS, (config) => config.fieldApiName.fieldApiName === 'Reason_Code__c');
  getPicklistValues.emit(TEAMS, (config) => config.fieldApiName.fieldApiName === 'Routed_Team__c');
  await flushPromises();
  return element;
}
const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const all = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
const errors = (element) => all(element, 'error-item').map((item) => item.textContent);

async function change(input, value) {
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}
async function fill(element, { reason = 'Pricing', team = 'Billing', description } = {}) {
  await change(byId(element, 'reason'), reason);
  await change(byId(element, 'team'), team);
  if (description) await change(byId(element, 'description'), description);
}
async function save(element) {
  byId(element, 'save').click();
  await flushPromises();
}

describe('c-collections-raise-dispute', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
    createRecord.mockImplementation((input) =>
      Promise.resolve({
        id: input.apiName === 'Dispute__c' ? DISPUTE_ID : `a0A00000000000${input.fields.Invoice__c.slice(-4)}`,
      }),
    );
  });
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
  });

  it('waits for the picklists, then offers their values', async () => {
    // Arrange
    const element = createDispute([INV_1]);
    await flushPromises();
    const spinner = element.shadowRoot.querySelector('lightning-spinner');

    // Act
    getObjectInfo.emit(OBJECT_INFO);
    await flushPromises();
    const picklistConfig = getPicklistValues.getLastConfig();
    getPicklistValues.emit(REASONS, (config) => config.fieldApiName.fieldApiName === 'Reason_Code__c');
    getPicklistValues.emit(TEAMS, (config) => config.fieldApiName.fieldApiName === 'Routed_Team__c');
    await flushPromises();

    // Assert
    expect(spinner).not.toBeNull();
    expect(picklistConfig.recordTypeId).toBe('012000000000000AAA');
    expect(byId(element, 'reason').options.map((option) => option.value)).toEqual([
      'Pricing',
      'Quantity',
      'Not_Received',
      'Duplicate_Billing',
      'Other',
    ]);
    expect(byId(element, 'team').options.map((option) => option.value)).toEqual([
      'Sales_Operations',
      'Sales',
      'Billing',
      'Credit',
    ]);
    expect(element.shadowRoot.querySelector('lightning-spinner')).toBeNull();
  });

  it('starts each invoice at the part of its open balance not yet disputed', async () => {
    // Arrange / Act
    const element = await loaded([INV_1, INV_2]);

    // Assert
    expect(all(element, 'line-amount').map((input) => input.value)).toEqual(['1200.50', '600.00']);
    expect(all(element, 'line-amount').map((input) => input.label)).toEqual([
      'c.Collections_Actions_Dispute_Amount',
      'c.Collections_Actions_Dispute_Amount',
    ]);
    expect(byId(element, 'total').textContent).toBe('c.Collections_Actions_Dispute_Total €1,800.50');
  });

  it.each([
    ['Billing', '2026-03-15'],
    ['Credit', '2026-03-20'],
    ['Sales_Operations', '2026-03-20'],
    ['Sales', '2026-03-25'],
  ])('sets the target date from the team: %s', async (team, target) => {
    // Arrange
    const element = await loaded([INV_1]);

    // Act
    await change(byId(element, 'team'), team);

    // Assert
    expect(byId(element, 'target').value).toBe(target);
  });

  it('keeps a target date the collector typed when the team changes', async () => {
    // Arrange
    const element = await loaded([INV_1]);
    await change(byId(element, 'team'), 'Billing');

    // Act
    await change(byId(element, 'target'), '2026-04-01');
    await change(byId(element, 'team'), 'Sales');

    // Assert
    expect(byId(element, 'target').value).toBe('2026-04-01');
  });

  it('checks amounts per invoice, reason, team and target before saving', async () => {
    // Arrange
    const element = await loaded([INV_1, INV_2]);
    const [first, second] = all(element, 'line-amount');
    await change(first, '1200.51');
    await change(second, '0');
    await change(byId(element, 'target'), '2026-03-09');

    // Act
    await save(element);

    // Assert
    expect(errors(element)).toEqual([
      'INV-1001: INV-1001: at most €1,200.50.',
      'INV-1002: c.Collections_Actions_Amount_Positive',
      'c.Collections_Actions_Dispute_Reason_Required',
      'c.Collections_Actions_Dispute_Team_Required',
      'c.Collections_Actions_Dispute_Target_Past',
    ]);
    expect(createRecord).not.toHaveBeenCalled();
    expect(first.value).toBe('1200.51');
  });

  it('creates the dispute, then one line per invoice', async () => {
    // Arrange
    const element = await loaded([INV_1, INV_2]);
    const done = jest.fn();
    element.addEventListener('done', done);
    await fill(element, { description: '  Price agreed was 10% lower.  ' });
    await change(all(element, 'line-amount')[1], '150,25');

    // Act
    await save(element);

    // Assert
    expect(createRecord.mock.calls.map((call) => call[0])).toEqual([
      {
        apiName: 'Dispute__c',
        fields: {
          Account__c: ACCOUNT_ID,
          Collection_Case__c: CASE_ID,
          CurrencyIsoCode: 'EUR',
          Reason_Code__c: 'Pricing',
          Routed_Team__c: 'Billing',
          Status__c: 'Open',
          Opened_Date__c: '2026-03-10',
          Target_Resolution_Date__c: '2026-03-15',
          Description__c: 'Price agreed was 10% lower.',
        },
      },
      {
        apiName: 'Dispute_Invoice__c',
        fields: { Dispute__c: DISPUTE_ID, Invoice__c: INV_1.id, Disputed_Amount__c: '1200.50' },
      },
      {
        apiName: 'Dispute_Invoice__c',
        fields: { Dispute__c: DISPUTE_ID, Invoice__c: INV_2.id, Disputed_Amount__c: '150.25' },
      },
    ]);
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: DISPUTE_ID });
  });

  it('keeps the dispute, says which invoices failed, and retries only those', async () => {
    // Arrange: the second line is refused once
    createRecord
      .mockResolvedValueOnce({ id: DISPUTE_ID })
      .mockResolvedValueOnce({ id: 'a0A000000000001AAA' })
      .mockRejectedValueOnce(REFUSED_LINE)
      .mockResolvedValueOnce({ id: 'a0A000000000002AAA' });
    const element = await loaded([INV_1, INV_2]);
    const done = jest.fn();
    element.addEventListener('done', done);
    await fill(element);

    // Act
    await save(element);

    // Assert: a clear half, not a silent one
    expect(byId(element, 'save-error').textContent).toBe('Not added: INV-1002.');
    expect(all(element, 'line-message').map((line) => line.textContent)).toEqual([
      'c.Collections_Actions_Dispute_Line_Added',
      'Failed: The Disputed Amount must be no more than the open balance.',
    ]);
    expect(all(element, 'line-amount').map((input) => input.disabled)).toEqual([true, false]);
    expect(byId(element, 'reason').disabled).toBe(true);
    expect(byId(element, 'save').label).toBe('c.Collections_Actions_Dispute_Retry');
    expect(done).not.toHaveBeenCalled();

    // Act: lower the amount and add it again
    await change(all(element, 'line-amount')[1], '500');
    await save(element);

    // Assert: no second dispute; only the failed line again
    expect(createRecord.mock.calls.map((call) => call[0].apiName)).toEqual([
      'Dispute__c',
      'Dispute_Invoice__c',
      'Dispute_Invoice__c',
      'Dispute_Invoice__c',
    ]);
    expect(createRecord.mock.calls[3][0].fields).toEqual({
      Dispute__c: DISPUTE_ID,
      Invoice__c: INV_2.id,
      Disputed_Amount__c: '500.00',
    });
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('reports the dispute as created when the collector closes after a partial failure', async () => {
    // Arrange
    createRecord.mockResolvedValueOnce({ id: DISPUTE_ID }).mockRejectedValueOnce(REFUSED_LINE);
    const element = await loaded([INV_2]);
    const done = jest.fn();
    const close = jest.fn();
    element.addEventListener('done', done);
    element.addEventListener('close', close);
    await fill(element);
    await save(element);

    // Act
    byId(element, 'cancel').click();
    await flushPromises();

    // Assert
    expect(done.mock.calls[0][0].detail).toEqual({ recordId: DISPUTE_ID });
    expect(close).not.toHaveBeenCalled();
  });

  it('keeps everything typed when the dispute itself is refused', async () => {
    // Arrange
    createRecord.mockRejectedValueOnce({
      body: {
        output: {
          errors: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access' }],
          fieldErrors: {},
        },
      },
    });
    const element = await loaded([INV_1]);
    await fill(element, { description: 'Wrong price' });

    // Act
    await save(element);

    // Assert
    expect(byId(element, 'save-error').textContent).toBe('c.Collections_Error_No_Access');
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(byId(element, 'description').value).toBe('Wrong price');
    expect(byId(element, 'reason').disabled).toBe(false);
    expect(byId(element, 'save').label).toBe('c.Collections_Actions_Dispute_Save');
  });

  it.each([
    ['JPY', '150000', '150000', '1.5', 'Amount in JPY, 0 decimals.'],
    ['KWD', '12.345', '12.345', '12.3456', 'Amount in KWD, 3 decimals.'],
  ])('keeps %s amounts exact', async (currency, balance, expected, tooPrecise, message) => {
    // Arrange
    const element = await loaded([invoice('a01000000000004AAA', 'INV-9', currency, balance)], null);
    await fill(element);

    // Act: too many decimals, then the default amount again
    await change(byId(element, 'line-amount'), tooPrecise);
    await save(element);
    const refused = errors(element);
    await change(byId(element, 'line-amount'), balance);
    await save(element);

    // Assert
    expect(refused).toEqual([`INV-9: ${message}`]);
    expect(createRecord.mock.calls[0][0].fields).toMatchObject({ CurrencyIsoCode: currency });
    expect(createRecord.mock.calls[0][0].fields).not.toHaveProperty('Collection_Case__c');
    expect(createRecord.mock.calls[1][0].fields.Disputed_Amount__c).toBe(expected);
  });

  it('shows why the picklists could not be read', async () => {
    // Arrange
    const element = createDispute([INV_1]);
    await flushPromises();

    // Act
    getObjectInfo.error({ message: 'Dispute__c is not accessible' });
    await flushPromises();

    // Assert
    expect(byId(element, 'load-error').textContent).toBe('Dispute__c is not accessible');
    expect(byId(element, 'save').disabled).toBe(true);
  });

  it('refuses invoices in several currencies', async () => {
    // Arrange / Act
    const element = await loaded([INV_1, invoice('a01000000000003AAA', 'INV-2001', 'USD', '500')]);

    // Assert
    expect(byId(element, 'mixed').textContent).toBe('c.Collections_Actions_One_Currency');
    expect(byId(element, 'save').disabled).toBe(true);
  });

  it('closes on cancel before anything is created', async () => {
    // Arrange
    const element = await loaded([INV_1]);
    const close = jest.fn();
    element.addEventListener('close', close);

    // Act
    byId(element, 'cancel').click();
    await flushPromises();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('is accessible', async () => {
    // Arrange
    const element = await loaded([INV_1, INV_2]);
    await fill(element);

    // Assert
    await expect(element).toBeAccessible();
  });
});
