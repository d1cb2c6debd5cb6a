import { createElement } from 'lwc';
import CollectionsPlanScheduleTable from 'c/collectionsPlanScheduleTable';
import { buildSchedule, CUSTOM, EQUAL } from 'c/collectionsPlanSchedule';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

// Labels with parameters, as the org serves them, so the filled-in values can be checked.
jest.mock('@salesforce/label/c.Collections_Plans_Still_To_Schedule', () => ({ default: '{0} still to schedule' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Over_Scheduled', () => ({ default: '{0} more than covered' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Amount_Of', () => ({ default: 'Amount of installment {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Plans_Amount_Invalid', () => ({ default: 'At most {0} decimals' }), {
  virtual: true,
});

const plain = (text) => text.replace(/\s/g, ' ');

function scheduleFor(overrides) {
  return buildSchedule({
    mode: EQUAL,
    frequency: 'Monthly',
    count: '3',
    firstDate: '2026-01-31',
    today: '2026-01-15',
    customAmounts: [],
    currencyCode: 'USD',
    totalMinor: 100000n,
    ...overrides,
  });
}

function createTable(props) {
  const element = createElement('c-collections-plan-schedule-table', { is: CollectionsPlanScheduleTable });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const allById = (element, id) => [...element.shadowRoot.querySelectorAll(`[data-id="${id}"]`)];
const texts = (element, id) => allById(element, id).map((node) => plain(node.textContent));

describe('c-collections-plan-schedule-table', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it.each([
    ['JPY', 10000n, ['¥3,333', '¥3,333', '¥3,334'], '¥10,000'],
    ['USD', 100000n, ['$333.33', '$333.33', '$333.34'], '$1,000.00'],
    ['KWD', 10000n, ['KWD 3.333', 'KWD 3.333', 'KWD 3.334'], 'KWD 10.000'],
  ])(
    'shows equal %s installments with the rounding in the last one',
    async (currencyCode, totalMinor, amounts, total) => {
      // Arrange
      const element = createTable({ schedule: scheduleFor({ currencyCode, totalMinor }), totalMinor, currencyCode });
      await flushPromises();

      // Assert
      expect(texts(element, 'row-number')).toEqual(['1', '2', '3']);
      expect(texts(element, 'row-due-date')).toEqual(['Jan 31, 2026', 'Feb 28, 2026', 'Mar 31, 2026']);
      expect(texts(element, 'row-amount')).toEqual(amounts);
      expect(plain(byId(element, 'covered').textContent)).toBe(total);
      expect(plain(byId(element, 'scheduled').textContent)).toBe(total);
      expect(byId(element, 'difference')).toBeNull();
      expect(byId(element, 'rounding')).not.toBeNull();
      await expect(element).toBeAccessible();
    },
  );

  it('says nothing about rounding when the amount divides evenly', async () => {
    // Arrange
    const element = createTable({
      schedule: scheduleFor({ totalMinor: 90000n }),
      totalMinor: 90000n,
      currencyCode: 'USD',
    });
    await flushPromises();

    // Assert
    expect(texts(element, 'row-amount')).toEqual(['$300.00', '$300.00', '$300.00']);
    expect(byId(element, 'rounding')).toBeNull();
  });

  it('shows an input per installment for custom amounts, and reports what is typed', async () => {
    // Arrange
    const schedule = scheduleFor({ mode: CUSTOM, customAmounts: ['400', '300', '300'] });
    const element = createTable({ schedule, totalMinor: 100000n, currencyCode: 'USD', custom: true });
    const handler = jest.fn();
    element.addEventListener('amountchange', handler);
    await flushPromises();
    const inputs = allById(element, 'row-amount-input');

    // Act
    inputs[1].dispatchEvent(new CustomEvent('change', { detail: { value: '250.5' } }));

    // Assert
    expect(inputs.map((input) => input.value)).toEqual(['400', '300', '300']);
    expect(inputs.map((input) => input.label)).toEqual([
      'Amount of installment 1',
      'Amount of installment 2',
      'Amount of installment 3',
    ]);
    expect(inputs.map((input) => input.variant)).toEqual(['label-hidden', 'label-hidden', 'label-hidden']);
    expect(handler.mock.calls[0][0].detail).toEqual({ index: 1, value: '250.5' });
    expect(byId(element, 'rounding')).toBeNull();
    await expect(element).toBeAccessible();
  });

  it('shows the difference still to schedule until it is zero', async () => {
    // Arrange
    const schedule = scheduleFor({ mode: CUSTOM, customAmounts: ['333.33', '333.33', '333.33'] });
    const element = createTable({ schedule, totalMinor: 100000n, currencyCode: 'USD', custom: true });
    await flushPromises();

    // Assert
    expect(plain(byId(element, 'scheduled').textContent)).toBe('$999.99');
    expect(byId(element, 'difference').textContent).toBe('$0.01 still to schedule');

    // Act: the same schedule, complete
    element.schedule = scheduleFor({ mode: CUSTOM, customAmounts: ['333.33', '333.33', '333.34'] });
    await flushPromises();

    // Assert
    expect(byId(element, 'difference')).toBeNull();
  });

  it('says when the installments exceed the amount covered', async () => {
    // Arrange
    const schedule = scheduleFor({ mode: CUSTOM, customAmounts: ['500', '500', '0.01'] });
    const element = createTable({ schedule, totalMinor: 100000n, currencyCode: 'USD', custom: true });
    await flushPromises();

    // Assert
    expect(byId(element, 'difference').textContent).toBe('$0.01 more than covered');
  });

  it('marks each custom amount that cannot be saved', async () => {
    // Arrange
    const schedule = scheduleFor({ mode: CUSTOM, customAmounts: ['1000', '0', '1.005'] });
    const element = createTable({ schedule, totalMinor: 100000n, currencyCode: 'USD', custom: true });
    await flushPromises();

    // Assert: rows 2 and 3 carry an error, row 1 does not.
    const rows = allById(element, 'row');
    expect(rows.map((row) => row.querySelector('[data-id="row-error"]') !== null)).toEqual([false, true, true]);
    expect(texts(element, 'row-error')).toEqual(['At most 2 decimals', 'At most 2 decimals']);
  });

  it('shows only the totals while there is no schedule', async () => {
    // Arrange
    const element = createTable({ schedule: scheduleFor({ count: '' }), totalMinor: 100000n, currencyCode: 'USD' });
    await flushPromises();

    // Assert
    expect(byId(element, 'schedule')).toBeNull();
    expect(plain(byId(element, 'covered').textContent)).toBe('$1,000.00');
    expect(plain(byId(element, 'scheduled').textContent)).toBe('$0.00');
    await expect(element).toBeAccessible();
  });
});
