import {
  addDays,
  commonCaseId,
  currenciesOf,
  daysBetween,
  formatLabel,
  minorOf,
  singleCurrency,
  totalsByCurrency,
} from 'c/collectionsActionUtils';

const invoice = (currency, openBalance, caseId = 'a03A') => ({ currency, openBalance, caseId });

describe('c-collections-action-utils', () => {
  it('totals each currency apart, exactly, in its own minor units', () => {
    // Arrange: 0, 2 and 3 decimal currencies, and a credit
    const invoices = [
      invoice('EUR', '0.1'),
      invoice('EUR', '0.2'),
      invoice('EUR', '-0.05'),
      invoice('JPY', '150000'),
      invoice('KWD', '12.345'),
      invoice('KWD', '0.005'),
    ];

    // Act
    const totals = totalsByCurrency(invoices);

    // Assert: 0.1 + 0.2 - 0.05 is 0.25, not a float; never one sum across currencies
    expect(totals).toEqual([
      { currency: 'EUR', minor: 25n },
      { currency: 'JPY', minor: 150000n },
      { currency: 'KWD', minor: 12350n },
    ]);
  });

  it('totals another amount when asked', () => {
    expect(totalsByCurrency([{ currency: 'USD', amount: '1.5' }], (item) => item.amount)).toEqual([
      { currency: 'USD', minor: 150n },
    ]);
  });

  it('refuses an amount with more decimals than its currency has', () => {
    expect(() => minorOf('1.5', 'JPY')).toThrow('Not an amount in JPY');
    expect(minorOf(null, 'EUR')).toBe(0n);
    expect(minorOf('', 'EUR')).toBe(0n);
  });

  it('knows the currencies of a selection', () => {
    const mixed = [invoice('USD', '1'), invoice('EUR', '1'), invoice('USD', '2')];
    expect(currenciesOf(mixed)).toEqual(['EUR', 'USD']);
    expect(singleCurrency(mixed)).toBeNull();
    expect(singleCurrency([invoice('USD', '1'), invoice('USD', '2')])).toBe('USD');
    expect(singleCurrency([])).toBeNull();
  });

  it('finds the case all the invoices share', () => {
    expect(commonCaseId([invoice('EUR', '1'), invoice('EUR', '2')])).toBe('a03A');
    expect(commonCaseId([invoice('EUR', '1'), invoice('EUR', '2', 'a03B')])).toBeNull();
    expect(commonCaseId([invoice('EUR', '1', null)])).toBeNull();
  });

  it('fills label placeholders in order and leaves unknown ones', () => {
    expect(formatLabel('{1} before {0}', 'a', 'b')).toBe('b before a');
    expect(formatLabel('at most {0} ({2})', '€5.00')).toBe('at most €5.00 ({2})');
    expect(formatLabel(undefined)).toBe('');
  });

  it('counts calendar days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-10', 30)).toBe('2026-04-09');
    expect(daysBetween('2026-03-10', '2026-03-09')).toBe(-1);
    expect(daysBetween('2025-12-31', '2026-01-30')).toBe(30);
  });
});
