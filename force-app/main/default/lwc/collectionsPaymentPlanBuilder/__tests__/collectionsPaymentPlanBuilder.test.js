// The wire adapters' test utilities (emit, error, getLastConfig) are called directly in tests.
import { createElement } from 'lwc';
import CollectionsPaymentPlanBuilder from 'c/collectionsPaymentPlanBuilder';
import { createRecord, deleteRecord, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';
import getObjectInfoFixture from './data/getObjectInfo.json';
import getPicklistValuesFixture from './data/getPicklistValues.json';
import getRecordFixture from './data/getRecord.json';
import createRecordFixture from './data/createRecord.json';

// Labels with parameters, as the org serves them, so the filled-in values can be checked.
jest.mock('@salesforce/label/c.Collections_Plans_Still_To_Schedule', () => ({ default: '{0} still to schedule' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Mixed_Currencies', () => ({ default: 'Mixed: {0}.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Cleanup_Failed', () => ({ default: 'Delete plan {0}.' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';
const CASE_ID = 'a02000000000001AAA';
const PLAN_ID = createRecordFixture.id;
// 2026-01-15 21:00 in Los Angeles (the time zone of the test user): already Jan 16 in UTC.
const NOW = Date.UTC(2026, 0, 16, 5, 0);

const USD_INVOICES = [
  { id: 'a05000000000001AAA', number: 'INV-1001', dueDate: '2025-11-30', openBalance: '600.000', currency: 'USD' },
  { id: 'a05000000000002AAA', number: 'INV-1002', dueDate: '2025-12-15', openBalance: '400', currency: 'USD' },
];

const plain = (text) => text.replace(/\s/g, ' ');

async function createBuilder(invoices = USD_INVOICES, props = { accountId: ACCOUNT_ID, caseId: CASE_ID }) {
  const element = createElement('c-collections-payment-plan-builder', { is: CollectionsPaymentPlanBuilder });
  Object.assign(element, { invoices, ...props });
  document.body.appendChild(element);
  getObjectInfo.emit(getObjectInfoFixture);
  await flushPromises();
  getPicklistValues.emit(getPicklistValuesFixture);
  await flushPromises();
  return element;
}

const own = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const terms = (element) => element.shadowRoot.querySelector('c-collections-plan-terms');
const table = (element) => element.shadowRoot.querySelector('c-collections-plan-schedule-table');
const termInput = (element, id) => terms(element).shadowRoot.querySelector(`[data-id="${id}"]`);
const inTable = (element, id) => [...table(element).shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
const tableTexts = (element, id) => inTable(element, id).map((node) => plain(node.textContent));

async function setTerm(element, id, value) {
  termInput(element, id).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

async function typeAmount(element, index, value) {
  inTable(element, 'row-amount-input')[index].dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

describe('c-collections-payment-plan-builder', () => {
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockReturnValue(NOW);
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.restoreAllMocks();
    createRecord.mockReset();
    updateRecord.mockReset();
    deleteRecord.mockReset();
  });

  describe('the schedule', () => {
    it('starts with three monthly equal installments from today in the user time zone', async () => {
      // Arrange
      const element = await createBuilder();

      // Assert
      expect(own(element, 'invoices').textContent).toBe('c.Collections_Plans_Invoices: INV-1001, INV-1002');
      expect(termInput(element, 'firstDate').value).toBe('2026-01-15');
      expect(termInput(element, 'firstDate').min).toBe('2026-01-15');
      expect(tableTexts(element, 'row-due-date')).toEqual(['Jan 15, 2026', 'Feb 15, 2026', 'Mar 15, 2026']);
      expect(tableTexts(element, 'row-amount')).toEqual(['$333.33', '$333.33', '$333.34']);
      expect(tableTexts(element, 'covered')).toEqual(['$1,000.00']);
      expect(inTable(element, 'difference')).toEqual([]);
      // No reason yet: the plan cannot be saved.
      expect(own(element, 'save').disabled).toBe(true);
      await expect(element).toBeAccessible();
    });

    it.each([
      ['JPY', ['7500', '2500'], ['¥3,333', '¥3,333', '¥3,334']],
      ['USD', ['600.01', '399.99'], ['$333.33', '$333.33', '$333.34']],
      ['KWD', ['7.5', '2.500'], ['KWD 3.333', 'KWD 3.333', 'KWD 3.334']],
    ])('computes %s installments in its minor units, rounding in the last one', async (currency, balances, amounts) => {
      // Arrange
      const invoices = balances.map((openBalance, index) => ({
        id: `a0500000000000${index}AAA`,
        number: `INV-${index}`,
        dueDate: '2025-12-01',
        openBalance,
        currency,
      }));

      // Act
      const element = await createBuilder(invoices);

      // Assert
      expect(tableTexts(element, 'row-amount').map(plain)).toEqual(amounts);
      expect(inTable(element, 'rounding')).toHaveLength(1);
    });

    it('recomputes live as the terms change: monthly from Jan 31 stays at month ends', async () => {
      // Arrange
      const element = await createBuilder();

      // Act
      await setTerm(element, 'firstDate', '2026-01-31');
      await setTerm(element, 'count', '4');

      // Assert
      expect(tableTexts(element, 'row-due-date')).toEqual([
        'Jan 31, 2026',
        'Feb 28, 2026',
        'Mar 31, 2026',
        'Apr 30, 2026',
      ]);
      expect(tableTexts(element, 'row-amount')).toEqual(['$250.00', '$250.00', '$250.00', '$250.00']);

      // Act
      await setTerm(element, 'frequency', 'Biweekly');

      // Assert
      expect(tableTexts(element, 'row-due-date')).toEqual([
        'Jan 31, 2026',
        'Feb 14, 2026',
        'Feb 28, 2026',
        'Mar 14, 2026',
      ]);
    });

    it('refuses a first date in the past and an impossible number of installments', async () => {
      // Arrange
      const element = await createBuilder();
      await setTerm(element, 'reason', 'Cash-flow difficulty.');

      // Act
      await setTerm(element, 'firstDate', '2026-01-14');

      // Assert
      expect(own(element, 'schedule-hint').textContent).toBe('c.Collections_Plans_Incomplete');
      expect(inTable(element, 'row')).toEqual([]);
      expect(own(element, 'save').disabled).toBe(true);

      // Act
      await setTerm(element, 'firstDate', '2026-01-15');
      await setTerm(element, 'count', '1000');

      // Assert
      expect(own(element, 'schedule-hint').textContent).toBe('c.Collections_Plans_Incomplete');
      expect(own(element, 'save').disabled).toBe(true);
    });

    it('refuses more installments than the amount has minor units', async () => {
      // Arrange
      const element = await createBuilder([{ ...USD_INVOICES[0], openBalance: '2', currency: 'JPY' }]);

      // Assert
      expect(own(element, 'schedule-hint').textContent).toBe('c.Collections_Plans_Too_Many_Installments');
      expect(own(element, 'save').disabled).toBe(true);
    });
  });

  describe('custom amounts', () => {
    it('start from the equal split and block saving until they add up to the amount covered', async () => {
      // Arrange
      const element = await createBuilder();
      await setTerm(element, 'reason', 'Cash-flow difficulty.');

      // Act
      await setTerm(element, 'mode', 'custom');

      // Assert
      expect(inTable(element, 'row-amount-input').map((input) => input.value)).toEqual(['333.33', '333.33', '333.34']);
      expect(own(element, 'save').disabled).toBe(false);

      // Act: one cent short
      await typeAmount(element, 2, '333.33');

      // Assert
      expect(tableTexts(element, 'difference')).toEqual(['$0.01 still to schedule']);
      expect(own(element, 'save').disabled).toBe(true);

      // Act: the rest in the first installment
      await typeAmount(element, 0, '333,34');

      // Assert
      expect(inTable(element, 'difference')).toEqual([]);
      expect(own(element, 'save').disabled).toBe(false);
      await expect(element).toBeAccessible();
    });

    it('block saving while an amount cannot be read', async () => {
      // Arrange
      const element = await createBuilder();
      await setTerm(element, 'reason', 'Cash-flow difficulty.');
      await setTerm(element, 'mode', 'custom');

      // Act
      await typeAmount(element, 1, '1,000');

      // Assert
      expect(inTable(element, 'row-error')).toHaveLength(1);
      expect(own(element, 'save').disabled).toBe(true);
    });

    it('keep what was typed when switching back and forth', async () => {
      // Arrange
      const element = await createBuilder();
      await setTerm(element, 'mode', 'custom');
      await typeAmount(element, 0, '500');

      // Act
      await setTerm(element, 'mode', 'equal');
      await setTerm(element, 'mode', 'custom');

      // Assert
      expect(inTable(element, 'row-amount-input').map((input) => input.value)).toEqual(['500', '333.33', '333.34']);
    });
  });

  describe('selections that cannot make a plan', () => {
    it('refuses mixed currencies and only offers to cancel', async () => {
      // Arrange
      const element = await createBuilder([USD_INVOICES[0], { ...USD_INVOICES[1], currency: 'EUR' }]);
      const close = jest.fn();
      element.addEventListener('close', close);

      // Act
      own(element, 'cancel').click();

      // Assert
      expect(own(element, 'selection-problem').textContent).toBe('Mixed: EUR, USD.');
      expect(terms(element)).toBeNull();
      expect(own(element, 'save')).toBeNull();
      expect(close).toHaveBeenCalledTimes(1);
      await expect(element).toBeAccessible();
    });

    it.each([
      ['no invoice', [], 'c.Collections_Plans_No_Invoices'],
      ['a credit only', [{ ...USD_INVOICES[0], openBalance: '-5' }], 'c.Collections_Plans_Nothing_Owed'],
      [
        'a balance in tenths of cents',
        [{ ...USD_INVOICES[0], openBalance: '5.125' }],
        'c.Collections_Plans_Bad_Balance',
      ],
    ])('explains why %s cannot make a plan', async (_, invoices, message) => {
      // Arrange
      const element = await createBuilder(invoices);

      // Assert
      expect(own(element, 'selection-problem').textContent).toBe(message);
      expect(own(element, 'save')).toBeNull();
    });
  });

  describe('saving and submitting', () => {
    async function fillAndSave(element) {
      await setTerm(element, 'firstDate', '2026-01-31');
      await setTerm(element, 'reason', '  Lost its largest customer; can pay monthly.  ');
      own(element, 'save').click();
      await flushPromises();
    }

    it('saves the Draft plan, its installments and the invoice links with exact inputs', async () => {
      // Arrange
      createRecord.mockResolvedValueOnce(createRecordFixture).mockResolvedValue({ id: 'a07000000000001AAA' });
      updateRecord.mockResolvedValue({});
      const element = await createBuilder();

      // Act
      await fillAndSave(element);

      // Assert
      expect(createRecord.mock.calls.map((call) => call[0])).toEqual([
        {
          apiName: 'Payment_Plan__c',
          fields: {
            Account__c: ACCOUNT_ID,
            Collection_Case__c: CASE_ID,
            CurrencyIsoCode: 'USD',
            Total_Amount__c: '1000.00',
            Frequency__c: 'Monthly',
            First_Installment_Date__c: '2026-01-31',
            Number_Of_Installments__c: 3,
            Reason__c: 'Lost its largest customer; can pay monthly.',
            Status__c: 'Draft',
          },
        },
        ...[
          ['2026-01-31', '333.33'],
          ['2026-02-28', '333.33'],
          ['2026-03-31', '333.34'],
        ].map(([dueDate, amount], index) => ({
          apiName: 'Payment_Plan_Installment__c',
          fields: {
            Payment_Plan__c: PLAN_ID,
            Installment_Number__c: index + 1,
            Due_Date__c: dueDate,
            Amount__c: amount,
          },
        })),
      ]);
      expect(updateRecord.mock.calls.map((call) => call[0])).toEqual([
        { fields: { Id: 'a05000000000001AAA', Payment_Plan__c: PLAN_ID } },
        { fields: { Id: 'a05000000000002AAA', Payment_Plan__c: PLAN_ID } },
      ]);
    });

    it('saves custom amounts as typed, in currency units', async () => {
      // Arrange
      createRecord.mockResolvedValueOnce(createRecordFixture).mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await createBuilder();
      await setTerm(element, 'mode', 'custom');
      await typeAmount(element, 0, '100');
      await typeAmount(element, 1, '400,5');
      await typeAmount(element, 2, '499.50');

      // Act
      await fillAndSave(element);

      // Assert
      expect(createRecord.mock.calls.slice(1).map((call) => call[0].fields.Amount__c)).toEqual([
        '100.00',
        '400.50',
        '499.50',
      ]);
    });

    it('shows a spinner and locks the form while the plan is being saved', async () => {
      // Arrange: the plan's create does not answer yet.
      let answer;
      createRecord.mockReturnValueOnce(
        new Promise((resolve) => {
          answer = resolve;
        }),
      );
      createRecord.mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await createBuilder();

      // Act
      await fillAndSave(element);

      // Assert
      expect(own(element, 'saving')).not.toBeNull();
      expect(own(element, 'save').disabled).toBe(true);
      expect(own(element, 'cancel').disabled).toBe(true);
      expect(termInput(element, 'count').disabled).toBe(true);

      // Act
      answer(createRecordFixture);
      await flushPromises();

      // Assert
      expect(own(element, 'saving')).toBeNull();
      expect(element.shadowRoot.querySelector('c-collections-plan-approval')).not.toBeNull();
    });

    it('shows the approval level of the saved plan, then submits it for approval', async () => {
      // Arrange
      createRecord.mockResolvedValueOnce(createRecordFixture).mockResolvedValue({ id: 'a07000000000001AAA' });
      updateRecord.mockResolvedValue({});
      const element = await createBuilder();
      const done = jest.fn();
      element.addEventListener('done', done);
      await fillAndSave(element);
      updateRecord.mockClear();

      // Act
      getRecord.emit(getRecordFixture);
      await flushPromises();
      const approval = element.shadowRoot.querySelector('c-collections-plan-approval');

      // Assert
      expect(approval.recordId).toBe(PLAN_ID);
      expect(getRecord.getLastConfig().recordId).toBe(PLAN_ID);
      expect(approval.shadowRoot.querySelector('[data-id="level"]').textContent).toBe('Senior Manager');
      expect(terms(element)).toBeNull();
      await expect(element).toBeAccessible();

      // Act
      approval.shadowRoot.querySelector('[data-id="submit"]').click();
      await flushPromises();

      // Assert
      expect(updateRecord.mock.calls.map((call) => call[0])).toEqual([
        { fields: { Id: PLAN_ID, Status__c: 'Pending_Approval' } },
      ]);
      expect(done).toHaveBeenCalledTimes(1);
      expect(done.mock.calls[0][0].detail).toEqual({ recordId: PLAN_ID });
    });

    it('reports the saved Draft when closed without submitting', async () => {
      // Arrange
      createRecord.mockResolvedValueOnce(createRecordFixture).mockResolvedValue({ id: 'a07000000000001AAA' });
      const element = await createBuilder();
      const done = jest.fn();
      element.addEventListener('done', done);
      await fillAndSave(element);

      // Act
      own(element, 'close').click();

      // Assert
      expect(done.mock.calls[0][0].detail).toEqual({ recordId: PLAN_ID });
    });

    it('shows the org error and keeps every input when the plan is refused', async () => {
      // Arrange
      createRecord.mockRejectedValueOnce({
        body: {
          output: {
            errors: [],
            fieldErrors: {
              Total_Amount__c: [
                {
                  errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                  message: 'The plan total must be greater than zero.',
                },
              ],
            },
          },
        },
      });
      const element = await createBuilder();
      const done = jest.fn();
      element.addEventListener('done', done);
      await setTerm(element, 'mode', 'custom');
      await typeAmount(element, 0, '500');
      await typeAmount(element, 1, '250');
      await typeAmount(element, 2, '250');

      // Act
      await fillAndSave(element);

      // Assert
      expect(own(element, 'save-error').textContent).toBe(
        'c.Collections_Plans_Save_Failed The plan total must be greater than zero.',
      );
      expect(termInput(element, 'mode').value).toBe('custom');
      expect(termInput(element, 'firstDate').value).toBe('2026-01-31');
      expect(termInput(element, 'reason').value).toBe('  Lost its largest customer; can pay monthly.  ');
      expect(inTable(element, 'row-amount-input').map((input) => input.value)).toEqual(['500', '250', '250']);
      expect(own(element, 'save').disabled).toBe(false);
      expect(own(element, 'saving')).toBeNull();
      expect(done).not.toHaveBeenCalled();
      await expect(element).toBeAccessible();
    });

    it('removes the half-saved plan when an installment fails, and keeps the inputs', async () => {
      // Arrange
      createRecord
        .mockResolvedValueOnce(createRecordFixture)
        .mockResolvedValueOnce({ id: 'a07000000000001AAA' })
        .mockRejectedValueOnce({ body: { message: 'An installment amount must be greater than zero.' } })
        .mockResolvedValue({ id: 'a07000000000003AAA' });
      deleteRecord.mockResolvedValue();
      const element = await createBuilder();

      // Act
      await fillAndSave(element);

      // Assert
      expect(deleteRecord).toHaveBeenCalledWith(PLAN_ID);
      expect(updateRecord).not.toHaveBeenCalled();
      expect(own(element, 'save-error').textContent).toBe(
        'c.Collections_Plans_Save_Failed An installment amount must be greater than zero.',
      );
      expect(tableTexts(element, 'row-amount')).toEqual(['$333.33', '$333.33', '$333.34']);
      expect(element.shadowRoot.querySelector('c-collections-plan-approval')).toBeNull();
    });

    it('names the plan to delete when removing the half-saved plan fails', async () => {
      // Arrange
      createRecord.mockResolvedValueOnce(createRecordFixture).mockRejectedValue({ body: { message: 'Refused.' } });
      deleteRecord.mockRejectedValue({ body: { message: 'Delete refused.' } });
      const element = await createBuilder();

      // Act
      await fillAndSave(element);

      // Assert
      expect(own(element, 'save-error').textContent).toBe('Delete plan PP-000042. Refused.');
    });
  });
});
