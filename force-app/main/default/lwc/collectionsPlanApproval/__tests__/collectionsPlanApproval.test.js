// The wire adapters' test utilities (emit, error, getLastConfig) are called directly in tests.
import { createElement } from 'lwc';
import CollectionsPlanApproval from 'c/collectionsPlanApproval';
import { getRecord, updateRecord } from 'lightning/uiRecordApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';
import getRecordFixture from './data/getRecord.json';

jest.mock('@salesforce/label/c.Collections_Plans_Saved', () => ({ default: 'Draft plan {0} saved.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Submitted', () => ({ default: '{0} waits for {1}.' }), {
  virtual: true,
});

const PLAN_ID = getRecordFixture.id;

/** The fixture with some fields replaced. */
function planRecord(fields) {
  return { ...getRecordFixture, fields: { ...getRecordFixture.fields, ...fields } };
}

function createApproval() {
  const element = createElement('c-collections-plan-approval', { is: CollectionsPlanApproval });
  element.recordId = PLAN_ID;
  document.body.appendChild(element);
  return element;
}

const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-collections-plan-approval', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner while the saved plan loads', async () => {
    // Arrange
    const element = createApproval();
    await flushPromises();

    // Assert
    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'submit')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('reads the name, status and approval level of the saved plan', async () => {
    // Arrange
    createApproval();
    await flushPromises();

    // Assert
    expect(getRecord.getLastConfig()).toEqual({
      recordId: PLAN_ID,
      fields: [
        { objectApiName: 'Payment_Plan__c', fieldApiName: 'Name' },
        { objectApiName: 'Payment_Plan__c', fieldApiName: 'Status__c' },
        { objectApiName: 'Payment_Plan__c', fieldApiName: 'Required_Approval_Level__c' },
      ],
    });
  });

  it('shows the approval level the org computed for the saved plan', async () => {
    // Arrange
    const element = createApproval();

    // Act
    getRecord.emit(getRecordFixture);
    await flushPromises();

    // Assert
    expect(byId(element, 'saved').textContent).toBe('Draft plan PP-000042 saved.');
    expect(byId(element, 'status').textContent).toBe('Draft');
    expect(byId(element, 'level').textContent).toBe('Senior Manager');
    expect(byId(element, 'submit').disabled).toBe(false);
    await expect(element).toBeAccessible();
  });

  it('refuses to submit a plan whose level is not known yet', async () => {
    // Arrange
    const element = createApproval();

    // Act
    getRecord.emit(planRecord({ Required_Approval_Level__c: { displayValue: null, value: null } }));
    await flushPromises();

    // Assert
    expect(byId(element, 'level-missing').textContent).toBe('c.Collections_Plans_Level_Missing');
    expect(byId(element, 'submit').disabled).toBe(true);
    await expect(element).toBeAccessible();
  });

  it('refuses to submit a plan that is no longer a draft', async () => {
    // Arrange
    const element = createApproval();

    // Act
    getRecord.emit(planRecord({ Status__c: { displayValue: 'Pending Approval', value: 'Pending_Approval' } }));
    await flushPromises();

    // Assert
    expect(byId(element, 'status').textContent).toBe('Pending Approval');
    expect(byId(element, 'submit').disabled).toBe(true);
  });

  it('submits by setting the status to Pending_Approval, then tells the host', async () => {
    // Arrange
    const element = createApproval();
    getRecord.emit(getRecordFixture);
    await flushPromises();
    const submitted = jest.fn();
    const toast = jest.fn();
    element.addEventListener('submitted', submitted);
    element.addEventListener('lightning__showtoast', toast);

    // Act
    byId(element, 'submit').click();
    await flushPromises();

    // Assert
    expect(updateRecord).toHaveBeenCalledTimes(1);
    expect(updateRecord).toHaveBeenCalledWith({ fields: { Id: PLAN_ID, Status__c: 'Pending_Approval' } });
    expect(submitted.mock.calls[0][0].detail).toEqual({ recordId: PLAN_ID });
    expect(toast.mock.calls[0][0].detail).toEqual({
      title: 'c.Collections_Plans_Submitted_Title',
      message: 'PP-000042 waits for Senior Manager.',
      variant: 'success',
    });
  });

  it('shows why the org refused the submission and lets the collector try again', async () => {
    // Arrange
    const element = createApproval();
    getRecord.emit(getRecordFixture);
    await flushPromises();
    const submitted = jest.fn();
    element.addEventListener('submitted', submitted);
    updateRecord.mockRejectedValueOnce({
      body: { output: { errors: [{ errorCode: 'ENTITY_IS_LOCKED', message: 'entity is locked' }], fieldErrors: {} } },
    });

    // Act
    byId(element, 'submit').click();
    await flushPromises();

    // Assert
    expect(byId(element, 'submit-error').textContent).toBe(
      'c.Collections_Plans_Submit_Failed c.Collections_Error_Locked',
    );
    expect(byId(element, 'submit').disabled).toBe(false);
    expect(submitted).not.toHaveBeenCalled();
    await expect(element).toBeAccessible();
  });

  it('shows the error when the saved plan cannot be read', async () => {
    // Arrange
    const element = createApproval();

    // Act
    getRecord.error({ message: 'The requested resource does not exist' });
    await flushPromises();

    // Assert
    expect(byId(element, 'load-error').textContent).toBe('The requested resource does not exist');
    expect(byId(element, 'submit')).toBeNull();
  });
});
