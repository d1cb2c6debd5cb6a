// The wire adapters' test utilities (emit, error, getLastConfig) are called directly in tests.
import { createElement } from 'lwc';
import CollectionsPlanTerms from 'c/collectionsPlanTerms';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';
import getObjectInfoFixture from './data/getObjectInfo.json';
import getPicklistValuesFixture from './data/getPicklistValues.json';

const TERMS = { mode: 'equal', frequency: 'Monthly', count: '3', firstDate: '2026-01-15', reason: '' };

function createTerms(props = {}) {
  const element = createElement('c-collections-plan-terms', { is: CollectionsPlanTerms });
  Object.assign(element, { terms: TERMS, today: '2026-01-15', ...props });
  document.body.appendChild(element);
  return element;
}

async function emitPicklist(picklist = getPicklistValuesFixture) {
  getObjectInfo.emit(getObjectInfoFixture);
  await flushPromises();
  getPicklistValues.emit(picklist);
  await flushPromises();
}

const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

describe('c-collections-plan-terms', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner until the frequencies are loaded', async () => {
    // Arrange
    const element = createTerms();
    await flushPromises();

    // Assert
    expect(byId(element, 'loading')).not.toBeNull();
    expect(byId(element, 'count')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('asks for the frequencies of the default record type', async () => {
    // Arrange
    createTerms();

    // Act
    await emitPicklist();

    // Assert
    expect(getPicklistValues.getLastConfig()).toEqual({
      recordTypeId: '012000000000000AAA',
      fieldApiName: { objectApiName: 'Payment_Plan__c', fieldApiName: 'Frequency__c' },
    });
  });

  it('shows the org error when the picklist cannot be read', async () => {
    // Arrange
    const element = createTerms();

    // Act
    getObjectInfo.error({ message: 'You do not have access to Payment Plans.' });
    await flushPromises();

    // Assert
    expect(byId(element, 'load-error').textContent).toBe('You do not have access to Payment Plans.');
    expect(byId(element, 'loading')).toBeNull();
  });

  it('shows the terms with the translated frequencies the rules can schedule', async () => {
    // Arrange: the org adds a frequency the schedule rules do not know.
    const element = createTerms();
    const picklist = {
      ...getPicklistValuesFixture,
      values: [...getPicklistValuesFixture.values, { attributes: null, label: 'Daily', validFor: [], value: 'Daily' }],
    };

    // Act
    await emitPicklist(picklist);

    // Assert
    expect(byId(element, 'frequency').options).toEqual([
      { label: 'Hebdomadaire', value: 'Weekly' },
      { label: 'Toutes les deux semaines', value: 'Biweekly' },
      { label: 'Mensuel', value: 'Monthly' },
      { label: 'Trimestriel', value: 'Quarterly' },
    ]);
    expect(byId(element, 'frequency').value).toBe('Monthly');
    expect(byId(element, 'mode').value).toBe('equal');
    expect(byId(element, 'count').value).toBe('3');
    expect(byId(element, 'count').min).toBe('1');
    expect(byId(element, 'count').max).toBe(999);
    expect(byId(element, 'firstDate').value).toBe('2026-01-15');
    expect(byId(element, 'firstDate').min).toBe('2026-01-15');
    expect(byId(element, 'firstDate').messageWhenRangeUnderflow).toBe('c.Collections_Plans_Date_Past');
    expect(byId(element, 'reason').required).toBe(true);
    expect(byId(element, 'reason').maxLength).toBe(32768);
    await expect(element).toBeAccessible();
  });

  it.each([
    ['mode', 'custom'],
    ['frequency', 'Quarterly'],
    ['count', '12'],
    ['firstDate', '2026-02-01'],
    ['reason', 'Lost a large customer; can pay 2,000 a month.'],
  ])('reports a change of %s as a termchange event', async (name, value) => {
    // Arrange
    const element = createTerms();
    await emitPicklist();
    const handler = jest.fn();
    element.addEventListener('termchange', handler);

    // Act
    byId(element, name).dispatchEvent(new CustomEvent('change', { detail: { value } }));

    // Assert
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ name, value });
  });

  it('disables every input while the plan is being saved', async () => {
    // Arrange
    const element = createTerms({ disabled: true });

    // Act
    await emitPicklist();

    // Assert
    for (const id of ['mode', 'frequency', 'count', 'firstDate', 'reason']) {
      expect(byId(element, id).disabled).toBe(true);
    }
  });
});
