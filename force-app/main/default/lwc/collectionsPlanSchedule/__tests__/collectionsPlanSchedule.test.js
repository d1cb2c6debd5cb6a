import {
  buildSchedule,
  coveredAmount,
  CUSTOM,
  EQUAL,
  equalAmountsText,
  formatLabel,
  parseCount,
  parseTypedAmount,
} from 'c/collectionsPlanSchedule';

const TODAY = '2026-01-15';

/** Terms as the builder holds them, with the amount covered. */
function terms(overrides) {
  return {
    mode: EQUAL,
    frequency: 'Monthly',
    count: '3',
    firstDate: '2026-01-31',
    today: TODAY,
    customAmounts: [],
    currencyCode: 'USD',
    totalMinor: 100000n,
    ...overrides,
  };
}

describe('c-collections-plan-schedule', () => {
  describe('coveredAmount', () => {
    it('adds the open balances exactly in minor units of the one currency', () => {
      // 0.1 + 0.2 in floats is 0.30000000000000004; in minor units it is 30 cents.
      const covered = coveredAmount([
        { id: 'a', number: 'INV-1', openBalance: '0.1', currency: 'USD' },
        { id: 'b', number: 'INV-2', openBalance: '0.20', currency: 'USD' },
        { id: 'c', number: 'INV-3', openBalance: '1234.500', currency: 'USD' },
      ]);
      expect(covered).toEqual({ currencyCode: 'USD', totalMinor: 123480n });
    });

    it.each([
      ['JPY', ['1000', '2500'], 3500n],
      ['USD', ['1000.01', '2500.99'], 350100n],
      ['KWD', ['1000.001', '2500.999'], 3501000n],
    ])('covers %s amounts in its own minor units', (currency, balances, totalMinor) => {
      const invoices = balances.map((openBalance, index) => ({
        id: `i${index}`,
        number: `N${index}`,
        openBalance,
        currency,
      }));
      expect(coveredAmount(invoices)).toEqual({ currencyCode: currency, totalMinor });
    });

    it('nets a credit memo against the invoices', () => {
      const covered = coveredAmount([
        { id: 'a', number: 'INV-1', openBalance: '500.00', currency: 'EUR' },
        { id: 'b', number: 'CM-1', openBalance: '-120.50', currency: 'EUR' },
      ]);
      expect(covered).toEqual({ currencyCode: 'EUR', totalMinor: 37950n });
    });

    it('refuses mixed currencies and never adds them', () => {
      const covered = coveredAmount([
        { id: 'a', number: 'INV-1', openBalance: '10', currency: 'USD' },
        { id: 'b', number: 'INV-2', openBalance: '10', currency: 'EUR' },
        { id: 'c', number: 'INV-3', openBalance: '10', currency: 'USD' },
      ]);
      expect(covered).toEqual({ problem: 'mixedCurrencies', currencies: ['EUR', 'USD'] });
    });

    it('refuses an empty selection, nothing owed and balances the currency cannot hold', () => {
      expect(coveredAmount([])).toEqual({ problem: 'empty' });
      expect(coveredAmount(undefined)).toEqual({ problem: 'empty' });
      expect(
        coveredAmount([
          { id: 'a', number: 'INV-1', openBalance: '10', currency: 'USD' },
          { id: 'b', number: 'CM-1', openBalance: '-10', currency: 'USD' },
        ]),
      ).toEqual({ problem: 'nothingOwed', currencyCode: 'USD' });
      const oddCents = { id: 'a', number: 'INV-9', openBalance: '12.345', currency: 'USD' };
      expect(coveredAmount([oddCents])).toEqual({ problem: 'badBalance', invoice: oddCents });
      const halfYen = { id: 'b', number: 'INV-8', openBalance: '100.5', currency: 'JPY' };
      expect(coveredAmount([halfYen])).toEqual({ problem: 'badBalance', invoice: halfYen });
    });
  });

  describe('parseCount and parseTypedAmount', () => {
    it('accepts whole numbers of installments from 1 to 999 only', () => {
      expect(['1', '12', ' 999 ', 3].map(parseCount)).toEqual([1, 12, 999, 3]);
      expect(['0', '1000', '2.5', '-1', '', 'x', null, undefined].map(parseCount)).toEqual(Array(8).fill(null));
    });

    it('reads typed amounts strictly in the currency decimals', () => {
      expect(parseTypedAmount('12,5', 'USD')).toBe(1250n);
      expect(parseTypedAmount('0.001', 'KWD')).toBe(1n);
      expect(parseTypedAmount('7', 'JPY')).toBe(7n);
      // "1.000" may be a thousand written with a grouping point: refused, not read as 1.
      expect(parseTypedAmount('1.000', 'USD')).toBeNull();
      expect(parseTypedAmount('1.000', 'JPY')).toBeNull();
      expect(parseTypedAmount('1.5', 'JPY')).toBeNull();
      expect(parseTypedAmount('-5', 'USD')).toBeNull();
      expect(parseTypedAmount('', 'USD')).toBeNull();
      expect(parseTypedAmount('abc', 'USD')).toBeNull();
    });
  });

  describe('buildSchedule with equal amounts', () => {
    it.each([
      // currency, total minor, count, amounts: the last installment carries the rounding
      ['JPY', 10000n, 3, [3333n, 3333n, 3334n]],
      ['USD', 100000n, 3, [33333n, 33333n, 33334n]],
      ['KWD', 10000n, 3, [3333n, 3333n, 3334n]],
      ['KWD', 1000001n, 4, [250000n, 250000n, 250000n, 250001n]],
      ['USD', 100n, 7, [14n, 14n, 14n, 14n, 14n, 14n, 16n]],
      ['JPY', 5n, 5, [1n, 1n, 1n, 1n, 1n]],
    ])('splits %s %s minor units over %s installments', (currencyCode, totalMinor, count, amounts) => {
      const schedule = buildSchedule(terms({ currencyCode, totalMinor, count: String(count) }));
      expect(schedule.rows.map((row) => row.amountMinor)).toEqual(amounts);
      expect(schedule.rows.map((row) => row.number)).toEqual(amounts.map((_, index) => index + 1));
      expect(schedule.scheduledMinor).toBe(totalMinor);
      expect(schedule.differenceMinor).toBe(0n);
      expect(schedule.problems).toEqual([]);
      expect(schedule.ready).toBe(true);
    });

    it('schedules monthly from Jan 31 at the end of each shorter month, back to the 31st after', () => {
      const schedule = buildSchedule(terms({ count: '5' }));
      expect(schedule.rows.map((row) => row.dueDate)).toEqual([
        '2026-01-31',
        '2026-02-28',
        '2026-03-31',
        '2026-04-30',
        '2026-05-31',
      ]);
    });

    it('schedules monthly from Jan 31 of a leap year through Feb 29', () => {
      const schedule = buildSchedule(terms({ count: '2', firstDate: '2028-01-31' }));
      expect(schedule.rows.map((row) => row.dueDate)).toEqual(['2028-01-31', '2028-02-29']);
    });

    it('schedules weekly, biweekly and quarterly from the first date', () => {
      const dates = (frequency) =>
        buildSchedule(terms({ frequency, count: '3', firstDate: '2026-12-24' })).rows.map((row) => row.dueDate);
      expect(dates('Weekly')).toEqual(['2026-12-24', '2026-12-31', '2027-01-07']);
      expect(dates('Biweekly')).toEqual(['2026-12-24', '2027-01-07', '2027-01-21']);
      expect(dates('Quarterly')).toEqual(['2026-12-24', '2027-03-24', '2027-06-24']);
    });

    it('refuses more installments than minor units, which would make zero installments', () => {
      const schedule = buildSchedule(terms({ currencyCode: 'JPY', totalMinor: 2n, count: '3' }));
      expect(schedule.rows).toEqual([]);
      expect(schedule.problems).toEqual(['tooManyInstallments']);
      expect(schedule.ready).toBe(false);
    });
  });

  describe('buildSchedule with custom amounts', () => {
    it('is ready when the typed amounts add up exactly to the amount covered', () => {
      const schedule = buildSchedule(
        terms({ mode: CUSTOM, currencyCode: 'KWD', totalMinor: 1000000n, customAmounts: ['500', '250,5', '249.5'] }),
      );
      expect(schedule.rows.map((row) => row.amountMinor)).toEqual([500000n, 250500n, 249500n]);
      expect(schedule.rows.map((row) => row.typed)).toEqual(['500', '250,5', '249.5']);
      expect(schedule.differenceMinor).toBe(0n);
      expect(schedule.ready).toBe(true);
    });

    it('shows what is still to schedule when the amounts fall short, and blocks saving', () => {
      const schedule = buildSchedule(terms({ mode: CUSTOM, customAmounts: ['300', '300', '300'] }));
      expect(schedule.scheduledMinor).toBe(90000n);
      expect(schedule.differenceMinor).toBe(10000n);
      expect(schedule.problems).toEqual(['difference']);
      expect(schedule.ready).toBe(false);
    });

    it('shows a negative difference when the amounts exceed the amount covered by one minor unit', () => {
      const schedule = buildSchedule(
        terms({ mode: CUSTOM, currencyCode: 'JPY', totalMinor: 1000n, customAmounts: ['500', '500', '1'] }),
      );
      expect(schedule.differenceMinor).toBe(-1n);
      expect(schedule.ready).toBe(false);
    });

    it('marks empty, zero, junk and over-precise amounts and leaves them out of the total', () => {
      const schedule = buildSchedule(terms({ mode: CUSTOM, count: '5', customAmounts: ['1000', '0', 'abc', '1.005'] }));
      expect(schedule.rows.map((row) => row.invalid)).toEqual([false, true, true, true, true]);
      expect(schedule.scheduledMinor).toBe(100000n);
      expect(schedule.differenceMinor).toBe(0n);
      expect(schedule.problems).toEqual(['amounts']);
      expect(schedule.ready).toBe(false);
    });
  });

  describe('buildSchedule with terms that cannot make a schedule', () => {
    it.each([
      [{ count: '0' }, ['count']],
      [{ count: '1000' }, ['count']],
      [{ count: '' }, ['count']],
      [{ firstDate: '' }, ['dateMissing']],
      [{ firstDate: '2026-02-30' }, ['dateMissing']],
      [{ firstDate: '2026-01-14' }, ['datePast']],
      [{ frequency: 'Daily' }, ['frequency']],
      [{ count: 'x', firstDate: '2025-12-31' }, ['count', 'datePast']],
    ])('%o gives %o', (overrides, problems) => {
      const schedule = buildSchedule(terms(overrides));
      expect(schedule.problems).toEqual(problems);
      expect(schedule.rows).toEqual([]);
      expect(schedule.differenceMinor).toBe(100000n);
      expect(schedule.ready).toBe(false);
    });

    it('accepts today as the first date', () => {
      const schedule = buildSchedule(terms({ firstDate: TODAY, count: '1' }));
      expect(schedule.rows).toEqual([{ number: 1, dueDate: TODAY, amountMinor: 100000n, typed: '', invalid: false }]);
      expect(schedule.ready).toBe(true);
    });
  });

  it('starts custom amounts from the equal split as decimal strings', () => {
    expect(equalAmountsText(100000n, 3, 'USD')).toEqual(['333.33', '333.33', '333.34']);
    expect(equalAmountsText(10000n, 3, 'JPY')).toEqual(['3333', '3333', '3334']);
    expect(equalAmountsText(10000n, 3, 'KWD')).toEqual(['3.333', '3.333', '3.334']);
    expect(equalAmountsText(2n, 3, 'JPY')).toEqual([]);
  });

  it('fills label parameters', () => {
    expect(formatLabel('{0} waits for {1}; {0} again', 'PP-1', 'Director')).toBe('PP-1 waits for Director; PP-1 again');
    expect(formatLabel('only {0} and {2}', 'one')).toBe('only one and {2}');
  });
});
