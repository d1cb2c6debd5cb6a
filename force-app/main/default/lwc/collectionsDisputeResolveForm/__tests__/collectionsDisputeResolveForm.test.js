// The wire adapters' test utilities (emit, error, getLastConfig) are called directly, as in lwc-recipes.
import { createElement } from 'lwc';
import CollectionsDisputeResolveForm from 'c/collectionsDisputeResolveForm';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const objectInfo = require('./data/getObjectInfo.json');
const resolutionValues = require('./data/getPicklistValues.json');

jest.mock('@salesforce/label/c.Collections_Disputes_Resolved_Toast', () => ({ default: '{0} is resolved.' }), {
  virtual: true,
});

jest.mock('@salesforce/label/c.Collections_Disputes_Resolve_Title', () => ({ default: 'Resolve {0}' }), {
  virtual: true,
});

const DISPUTE = { id: 'a06000000000000001', name: 'DSP-000001' };
const TODAY = '2026-03-04';

/** The org's answer when validation rule Resolution_Required_When_Resolved fires. */
const VALIDATION_ERROR = {
  body: {
    message: 'An error occurred while trying to update the record. Please try again.',
    output: {
      errors: [],
      fieldErrors: {
        Resolution__c: [
          {
            errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            field: 'Resolution__c',
            message:
              'Choose a Resolution before setting the status to Resolved, so the collector knows whether the customer must still pay.',
          },
        ],
      },
    },
  },
  ok: false,
  status: 400,
  statusText: 'Bad Request',
};

async function createComponent() {
  const element = createElement('c-collections-dispute-resolve-form', { is: CollectionsDisputeResolveForm });
  element.dispute = DISPUTE;
  element.today = TODAY;
  document.body.appendChild(element);
  getObjectInfo.emit(objectInfo);
  await flushPromises();
  getPicklistValues.emit(resolutionValues);
  await flushPromises();
  return element;
}

const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

async function choose(element, dataId, value) {
  byId(element, dataId).dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

async function save(element) {
  byId(element, 'save').click();
  await flushPromises();
}

describe('c-collections-dispute-resolve-form', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('offers the resolutions the org returns for the record type', async () => {
    // Arrange + Act
    const element = await createComponent();

    // Assert
    expect(getPicklistValues.getLastConfig()).toEqual({
      recordTypeId: '012000000000000AAA',
      fieldApiName: { objectApiName: 'Dispute__c', fieldApiName: 'Resolution__c' },
    });
    expect(byId(element, 'resolution').options).toEqual([
      { label: 'Credit Memo Issued', value: 'Credit_Memo_Issued' },
      { label: 'Invoice Corrected', value: 'Invoice_Corrected' },
      { label: 'Customer Liable', value: 'Customer_Liable' },
      { label: 'Partially Upheld', value: 'Partially_Upheld' },
      { label: 'Withdrawn', value: 'Withdrawn' },
    ]);
    expect(byId(element, 'title').textContent).toBe('Resolve DSP-000001');
  });

  it.each([
    ['Credit_Memo_Issued', true],
    ['Partially_Upheld', true],
    ['Invoice_Corrected', false],
    ['Customer_Liable', false],
    ['Withdrawn', false],
  ])('asks for the credit memo number for %s: %s', async (resolution, asked) => {
    // Arrange
    const element = await createComponent();

    // Act
    await choose(element, 'resolution', resolution);

    // Assert
    const input = byId(element, 'credit-memo');
    expect(input !== null).toBe(asked);
    expect(input?.required ?? false).toBe(asked);
  });

  it('writes exactly the resolution fields for a credit memo', async () => {
    // Arrange
    const element = await createComponent();
    const toast = jest.fn();
    const resolved = jest.fn();
    element.addEventListener('lightning__showtoast', toast);
    element.addEventListener('resolved', resolved);
    await choose(element, 'resolution', 'Credit_Memo_Issued');
    await choose(element, 'credit-memo', '  CM-1001 ');
    await choose(element, 'notes', 'Credited in full after the price check.');

    // Act
    await save(element);

    // Assert
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord.mock.calls[0][0]).toEqual({
      fields: {
        Id: 'a06000000000000001',
        Status__c: 'Resolved',
        Resolution__c: 'Credit_Memo_Issued',
        Resolved_Date__c: '2026-03-04',
        Credit_Memo_Number__c: 'CM-1001',
        Resolution_Notes__c: 'Credited in full after the price check.',
      },
    });
    expect(toast).toHaveBeenCalledTimes(1);
    expect(toast.mock.calls[0][0].detail).toEqual({ title: 'DSP-000001 is resolved.', variant: 'success' });
    expect(resolved.mock.calls[0][0].detail).toEqual({ recordId: 'a06000000000000001' });
  });

  it('writes no credit memo number for a resolution without credit, and no empty notes', async () => {
    // Arrange: a number typed for a credit resolution, then the resolution changed
    const element = await createComponent();
    await choose(element, 'resolution', 'Partially_Upheld');
    await choose(element, 'credit-memo', 'CM-1001');
    await choose(element, 'resolution', 'Customer_Liable');
    await choose(element, 'notes', '   ');

    // Act
    await save(element);

    // Assert
    expect(updateRecord.mock.calls[0][0]).toEqual({
      fields: {
        Id: 'a06000000000000001',
        Status__c: 'Resolved',
        Resolution__c: 'Customer_Liable',
        Resolved_Date__c: '2026-03-04',
      },
    });
  });

  it('does not save without a resolution', async () => {
    // Arrange
    const element = await createComponent();

    // Act
    await save(element);

    // Assert
    expect(updateRecord).not.toHaveBeenCalled();
    expect(byId(element, 'form-error').textContent).toBe('c.Collections_Disputes_Fix_Fields');
  });

  it('does not save a credit resolution without the credit memo number', async () => {
    // Arrange
    const element = await createComponent();
    await choose(element, 'resolution', 'Credit_Memo_Issued');
    await choose(element, 'credit-memo', '   ');

    // Act
    await save(element);

    // Assert
    expect(updateRecord).not.toHaveBeenCalled();
    expect(byId(element, 'form-error').textContent).toBe('c.Collections_Disputes_Fix_Fields');
  });

  it('shows the validation error from the org and keeps what the user typed', async () => {
    // Arrange
    updateRecord.mockRejectedValueOnce(VALIDATION_ERROR);
    const element = await createComponent();
    const resolved = jest.fn();
    element.addEventListener('resolved', resolved);
    await choose(element, 'resolution', 'Partially_Upheld');
    await choose(element, 'credit-memo', 'CM-2002');
    await choose(element, 'notes', 'Half of the freight charge credited.');

    // Act
    await save(element);

    // Assert
    expect(byId(element, 'form-error').textContent).toBe(
      'Choose a Resolution before setting the status to Resolved, so the collector knows whether the customer must still pay.',
    );
    expect(byId(element, 'resolution').value).toBe('Partially_Upheld');
    expect(byId(element, 'credit-memo').value).toBe('CM-2002');
    expect(byId(element, 'notes').value).toBe('Half of the freight charge credited.');
    expect(byId(element, 'save').disabled).toBe(false);
    expect(byId(element, 'saving')).toBeNull();
    expect(resolved).not.toHaveBeenCalled();
  });

  it('shows a missing-access refusal in words a collector understands', async () => {
    // Arrange
    updateRecord.mockRejectedValueOnce({
      body: { output: { errors: [{ errorCode: 'INSUFFICIENT_ACCESS_OR_READONLY', message: 'insufficient access' }] } },
    });
    const element = await createComponent();
    await choose(element, 'resolution', 'Withdrawn');

    // Act
    await save(element);

    // Assert
    expect(byId(element, 'form-error').textContent).toBe('c.Collections_Error_No_Access');
    expect(byId(element, 'resolution').value).toBe('Withdrawn');
  });

  it('closes without saving on cancel', async () => {
    // Arrange
    const element = await createComponent();
    const close = jest.fn();
    element.addEventListener('close', close);
    await choose(element, 'resolution', 'Withdrawn');

    // Act
    byId(element, 'cancel').click();
    await flushPromises();

    // Assert
    expect(close).toHaveBeenCalledTimes(1);
    expect(updateRecord).not.toHaveBeenCalled();
  });

  it('says so and cannot save when the resolutions cannot be loaded', async () => {
    // Arrange
    const element = createElement('c-collections-dispute-resolve-form', { is: CollectionsDisputeResolveForm });
    element.dispute = DISPUTE;
    element.today = TODAY;
    document.body.appendChild(element);

    // Act
    getObjectInfo.error({ message: 'You do not have access to Dispute__c' }, 403);
    await flushPromises();

    // Assert
    expect(byId(element, 'load-error').textContent).toBe('You do not have access to Dispute__c');
    expect(byId(element, 'save').disabled).toBe(true);
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createComponent();

    // Act
    await choose(element, 'resolution', 'Credit_Memo_Issued');

    // Assert
    await expect(element).toBeAccessible();
  });
});
