import { createRecord, deleteRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { PlanSaveError, saveDraftPlan, submitRecordInput } from 'c/collectionsPlanSave';
import createRecordPlan from './data/createRecord.json';

const PLAN_ID = createRecordPlan.id;

/** A KWD plan (3 decimals) over two invoices, with the rounding in the last installment. */
function plan(overrides) {
  return {
    accountId: '001000000000001AAA',
    caseId: 'a02000000000001AAA',
    currencyCode: 'KWD',
    totalMinor: 1000001n,
    frequency: 'Monthly',
    firstDate: '2026-01-31',
    reason: 'Seasonal business; pays after the harvest.',
    rows: [
      { number: 1, dueDate: '2026-01-31', amountMinor: 500000n },
      { number: 2, dueDate: '2026-02-28', amountMinor: 500001n },
    ],
    invoiceIds: ['a05000000000001AAA', 'a05000000000002AAA'],
    ...overrides,
  };
}

/** createRecord answers the plan first, then each installment with its own Id. */
function createAnswers(...installmentResults) {
  createRecord.mockResolvedValueOnce(createRecordPlan);
  for (const result of installmentResults) {
    if (result instanceof Error) createRecord.mockRejectedValueOnce(result);
    else createRecord.mockResolvedValueOnce({ id: result });
  }
}

describe('c-collections-plan-save', () => {
  afterEach(() => {
    jest.clearAllMocks();
    createRecord.mockReset();
    updateRecord.mockReset();
    deleteRecord.mockReset();
  });

  it('creates the Draft plan, its installments and the invoice links with exact inputs', async () => {
    // Arrange
    createAnswers('a07000000000001AAA', 'a07000000000002AAA');
    updateRecord.mockResolvedValue({});

    // Act
    const planId = await saveDraftPlan(plan());

    // Assert
    expect(planId).toBe(PLAN_ID);
    expect(createRecord.mock.calls).toEqual([
      [
        {
          apiName: 'Payment_Plan__c',
          fields: {
            Account__c: '001000000000001AAA',
            Collection_Case__c: 'a02000000000001AAA',
            CurrencyIsoCode: 'KWD',
            Total_Amount__c: '1000.001',
            Frequency__c: 'Monthly',
            First_Installment_Date__c: '2026-01-31',
            Number_Of_Installments__c: 2,
            Reason__c: 'Seasonal business; pays after the harvest.',
            Status__c: 'Draft',
          },
        },
      ],
      [
        {
          apiName: 'Payment_Plan_Installment__c',
          fields: {
            Payment_Plan__c: PLAN_ID,
            Installment_Number__c: 1,
            Due_Date__c: '2026-01-31',
            Amount__c: '500.000',
          },
        },
      ],
      [
        {
          apiName: 'Payment_Plan_Installment__c',
          fields: {
            Payment_Plan__c: PLAN_ID,
            Installment_Number__c: 2,
            Due_Date__c: '2026-02-28',
            Amount__c: '500.001',
          },
        },
      ],
    ]);
    expect(updateRecord.mock.calls).toEqual([
      [{ fields: { Id: 'a05000000000001AAA', Payment_Plan__c: PLAN_ID } }],
      [{ fields: { Id: 'a05000000000002AAA', Payment_Plan__c: PLAN_ID } }],
    ]);
    expect(deleteRecord).not.toHaveBeenCalled();
  });

  it('leaves the case out when the builder runs on an account', async () => {
    // Arrange
    createAnswers('a07000000000001AAA', 'a07000000000002AAA');

    // Act
    await saveDraftPlan(plan({ caseId: undefined }));

    // Assert
    expect(createRecord.mock.calls[0][0].fields).not.toHaveProperty('Collection_Case__c');
  });

  it('writes amounts in the currency units of 0 and 2-decimal currencies', async () => {
    // Arrange
    createAnswers('a07000000000001AAA');

    // Act
    await saveDraftPlan(
      plan({
        currencyCode: 'JPY',
        totalMinor: 12345n,
        rows: [{ number: 1, dueDate: '2026-02-01', amountMinor: 12345n }],
      }),
    );
    createAnswers('a07000000000002AAA');
    await saveDraftPlan(
      plan({ currencyCode: 'USD', totalMinor: 5n, rows: [{ number: 1, dueDate: '2026-02-01', amountMinor: 5n }] }),
    );

    // Assert
    expect(createRecord.mock.calls[0][0].fields.Total_Amount__c).toBe('12345');
    expect(createRecord.mock.calls[1][0].fields.Amount__c).toBe('12345');
    expect(createRecord.mock.calls[2][0].fields.Total_Amount__c).toBe('0.05');
    expect(createRecord.mock.calls[3][0].fields.Amount__c).toBe('0.05');
  });

  it('writes a long plan ten records at a time, all of them', async () => {
    // Arrange: 24 installments; count the writes in flight at once.
    const rows = Array.from({ length: 24 }, (_, index) => ({
      number: index + 1,
      dueDate: '2026-02-01',
      amountMinor: 1n,
    }));
    let inFlight = 0;
    let mostInFlight = 0;
    createRecord.mockResolvedValueOnce(createRecordPlan);
    createRecord.mockImplementation(async () => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      return { id: 'a07000000000001AAA' };
    });

    // Act
    await saveDraftPlan(plan({ currencyCode: 'USD', totalMinor: 24n, rows }));

    // Assert
    expect(createRecord).toHaveBeenCalledTimes(25);
    expect(createRecord.mock.calls.slice(1).map((call) => call[0].fields.Installment_Number__c)).toEqual(
      rows.map((row) => row.number),
    );
    expect(mostInFlight).toBe(10);
  });

  it('deletes the plan when an installment fails, so no half plan stays behind', async () => {
    // Arrange
    const failure = { body: { message: 'An installment amount must be greater than zero.' } };
    createAnswers('a07000000000001AAA', Object.assign(new Error('failed'), failure));
    deleteRecord.mockResolvedValue();

    // Act
    const error = await saveDraftPlan(plan()).catch((caught) => caught);

    // Assert
    expect(error).toBeInstanceOf(PlanSaveError);
    expect(error.cause.body).toEqual(failure.body);
    expect(error.plan).toBeNull();
    expect(deleteRecord).toHaveBeenCalledWith(PLAN_ID);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('deletes the plan when an invoice cannot be linked, and lets LDS reload the invoices', async () => {
    // Arrange
    createAnswers('a07000000000001AAA', 'a07000000000002AAA');
    updateRecord.mockResolvedValueOnce({}).mockRejectedValueOnce({ body: { errorCode: 'ENTITY_IS_LOCKED' } });
    deleteRecord.mockResolvedValue();

    // Act
    const error = await saveDraftPlan(plan()).catch((caught) => caught);

    // Assert
    expect(error).toBeInstanceOf(PlanSaveError);
    expect(error.cause).toEqual({ body: { errorCode: 'ENTITY_IS_LOCKED' } });
    expect(deleteRecord).toHaveBeenCalledWith(PLAN_ID);
    expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([
      { recordId: 'a05000000000001AAA' },
      { recordId: 'a05000000000002AAA' },
    ]);
  });

  it('names the half-saved plan when deleting it fails too', async () => {
    // Arrange
    createAnswers(new Error('installment refused'));
    deleteRecord.mockRejectedValue(new Error('delete refused'));

    // Act
    const error = await saveDraftPlan(plan()).catch((caught) => caught);

    // Assert
    expect(error).toBeInstanceOf(PlanSaveError);
    expect(error.cause.message).toBe('installment refused');
    expect(error.plan).toEqual({ id: PLAN_ID, name: 'PP-000042' });
  });

  it('deletes nothing when the plan itself is refused', async () => {
    // Arrange
    createRecord.mockRejectedValueOnce({ body: { message: 'The plan total must be greater than zero.' } });

    // Act
    const error = await saveDraftPlan(plan()).catch((caught) => caught);

    // Assert
    expect(error).toBeInstanceOf(PlanSaveError);
    expect(error.plan).toBeNull();
    expect(createRecord).toHaveBeenCalledTimes(1);
    expect(deleteRecord).not.toHaveBeenCalled();
  });

  it('submits by setting the status to Pending_Approval', () => {
    expect(submitRecordInput(PLAN_ID)).toEqual({ fields: { Id: PLAN_ID, Status__c: 'Pending_Approval' } });
  });
});
