// Tests feed the wire adapters through their test utilities (emit, getLastConfig), which this rule
// does not know about; lwc-recipes turns it off for __tests__ the same way.
import { createElement } from 'lwc';
import CollectionsWorklistFilters from 'c/collectionsWorklistFilters';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const objectInfo = require('./data/getObjectInfo.json');
const statusValues = require('./data/getPicklistValuesStatus.json');
const currencyValues = require('./data/getPicklistValuesCurrency.json');

const TODAY = '2026-03-04';
const forField = (fieldApiName) => (config) => config.fieldApiName?.fieldApiName === fieldApiName;

async function createFilters() {
  const element = createElement('c-collections-worklist-filters', { is: CollectionsWorklistFilters });
  element.today = TODAY;
  const changes = [];
  element.addEventListener('filterchange', (event) => changes.push(event.detail));
  document.body.appendChild(element);
  getObjectInfo.emit(objectInfo);
  await flushPromises();
  getPicklistValues.emit(statusValues, forField('Status__c'));
  getPicklistValues.emit(currencyValues, forField('CurrencyIsoCode'));
  await flushPromises();
  return { element, changes };
}

function select(element, dataId, value) {
  element.shadowRoot
    .querySelector(`[data-id="${dataId}"]`)
    .dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-collections-worklist-filters', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('offers the open statuses in the user language, never Closed, and the org currencies', async () => {
    // Arrange
    const { element } = await createFilters();

    // Act
    const status = element.shadowRoot.querySelector('[data-id="status"]');
    const currency = element.shadowRoot.querySelector('[data-id="currency"]');

    // Assert
    expect(status.options).toEqual([
      { label: 'c.Collections_Worklist_Filter_All_Statuses', value: '' },
      { label: 'Nouveau', value: 'New' },
      { label: 'En cours', value: 'Working' },
      { label: 'Promesse de paiement', value: 'Promise_To_Pay' },
    ]);
    expect(currency.options.map((option) => option.value)).toEqual(['', 'EUR', 'KWD', 'USD']);
  });

  it('asks for the picklist values of the default record type', async () => {
    // Arrange
    await createFilters();

    // Assert
    expect(getPicklistValues.getLastConfig().recordTypeId).toBe('012000000000000AAA');
  });

  it('sends the status and currency the collector picks', async () => {
    // Arrange
    const { element, changes } = await createFilters();

    // Act
    select(element, 'status', 'Working');
    select(element, 'currency', 'KWD');

    // Assert
    expect(changes).toEqual([
      { status: 'Working', currency: '', dateMode: 'any', fromDate: null, toDate: null },
      { status: 'Working', currency: 'KWD', dateMode: 'any', fromDate: null, toDate: null },
    ]);
  });

  it('offers "due by" today first, then the day the collector types', async () => {
    // Arrange
    const { element, changes } = await createFilters();

    // Act
    select(element, 'date-mode', 'dueBy');
    await flushPromises();
    select(element, 'due-by-date', '2026-03-20');
    await flushPromises();

    // Assert
    expect(changes).toEqual([
      { status: '', currency: '', dateMode: 'dueBy', fromDate: null, toDate: TODAY },
      { status: '', currency: '', dateMode: 'dueBy', fromDate: null, toDate: '2026-03-20' },
    ]);
    expect(element.shadowRoot.querySelector('[data-id="due-by-date"]').value).toBe('2026-03-20');
  });

  it('sends a range only when it runs forwards, and keeps the typed days when it does not', async () => {
    // Arrange
    const { element, changes } = await createFilters();
    select(element, 'date-mode', 'range');
    await flushPromises();
    changes.length = 0;
    const toInput = element.shadowRoot.querySelector('[data-id="to-date"]');
    const setCustomValidity = jest.spyOn(toInput, 'setCustomValidity');

    // Act: from after to
    select(element, 'from-date', '2026-03-31');
    select(element, 'to-date', '2026-03-01');
    await flushPromises();

    // Assert: nothing sent for the backwards range, the days stay in the inputs
    expect(changes).toEqual([{ status: '', currency: '', dateMode: 'range', fromDate: '2026-03-31', toDate: null }]);
    expect(element.shadowRoot.querySelector('[data-id="from-date"]').value).toBe('2026-03-31');
    expect(element.shadowRoot.querySelector('[data-id="to-date"]').value).toBe('2026-03-01');
    expect(setCustomValidity).toHaveBeenLastCalledWith('c.Collections_Worklist_Filter_Range_Invalid');

    // Act: the collector fixes the end
    select(element, 'to-date', '2026-04-15');

    // Assert
    expect(setCustomValidity).toHaveBeenLastCalledWith('');
    expect(changes[changes.length - 1]).toEqual({
      status: '',
      currency: '',
      dateMode: 'range',
      fromDate: '2026-03-31',
      toDate: '2026-04-15',
    });
  });

  it('is accessible', async () => {
    // Arrange
    const { element } = await createFilters();
    select(element, 'date-mode', 'range');
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
