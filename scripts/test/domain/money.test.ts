import { add, compare, formatMoney, minorDigits, parseMoney, subtract, zero } from '../../src/domain/money';
import fc from 'fast-check';

describe('money in minor units', () => {
  test.each([
    ['USD', '1234.56', 123456n],
    ['USD', '0.5', 50n],
    ['USD', '-12', -1200n],
    ['JPY', '1500', 1500n],
    ['KWD', '10.125', 10125n],
    ['INR', '100000.00', 10000000n],
  ])('%s %s is %p minor units', (currency, text, minor) => {
    expect(parseMoney(text, currency).minor).toBe(minor);
  });

  test('trailing zeros beyond the currency exponent are exact and accepted', () => {
    expect(parseMoney('15.000', 'USD').minor).toBe(1500n);
    expect(parseMoney('7.0', 'JPY').minor).toBe(7n);
  });

  test('more significant decimals than the currency has are refused, never rounded', () => {
    expect(() => parseMoney('1.005', 'USD')).toThrow('more decimals than USD allows (2)');
    expect(() => parseMoney('1.5', 'JPY')).toThrow('more decimals than JPY allows (0)');
  });

  test('text that is not a decimal with a dot is refused', () => {
    for (const text of ['1,5', '1e3', '', '12.', '$5', '1 000']) {
      expect(() => parseMoney(text, 'EUR')).toThrow('is not a decimal amount');
    }
  });

  test('currency codes are three upper-case letters', () => {
    expect(() => minorDigits('usd')).toThrow('not an ISO 4217 currency code');
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('BHD')).toBe(3);
  });

  test('formats with the currency decimals, sign first', () => {
    expect(formatMoney(parseMoney('1234.5', 'USD'))).toBe('1234.50');
    expect(formatMoney(parseMoney('-0.05', 'EUR'))).toBe('-0.05');
    expect(formatMoney(parseMoney('0.001', 'KWD'))).toBe('0.001');
    expect(formatMoney(parseMoney('42', 'JPY'))).toBe('42');
  });

  test('sums of many amounts stay exact beyond the range of a double', () => {
    let total = zero('INR');
    const large = parseMoney('90071992547409.93', 'INR');
    for (let i = 0; i < 1000; i++) total = add(total, large);
    expect(formatMoney(total)).toBe('90071992547409930.00');
    expect(formatMoney(subtract(total, total))).toBe('0.00');
  });

  test('different currencies never combine', () => {
    expect(() => add(parseMoney('1', 'USD'), parseMoney('1', 'CAD'))).toThrow(
      'cannot combine USD and CAD without an exchange rate',
    );
    expect(() => compare(parseMoney('1', 'USD'), parseMoney('1', 'EUR'))).toThrow('without an exchange rate');
    expect(compare(parseMoney('1', 'SGD'), parseMoney('2', 'SGD'))).toBe(-1);
  });
});

describe('parseMoney reads every amount as the decimal it is written as', () => {
  /** The definition, written the slow way: sign, whole digits, a dot and decimals, trailing zeros allowed. */
  function reference(text: string, digits: number): bigint | 'refused' {
    const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!match) return 'refused';
    const [, sign = '', whole = '0', fraction = ''] = match;
    if (fraction.replace(/0+$/, '').length > digits) return 'refused';
    const minor = BigInt(whole + fraction.slice(0, digits).padEnd(digits, '0'));
    return sign === '-' ? -minor : minor;
  }

  function read(text: string, currency: string): bigint | 'refused' {
    try {
      return parseMoney(text, currency).minor;
    } catch {
      return 'refused';
    }
  }

  const amountText = fc.oneof(
    fc.stringMatching(/^-?\d{1,18}(\.\d{0,5})?$/),
    fc.stringMatching(/^ ?-?[\d.]{0,8} ?$/),
    fc.string({ maxLength: 8 }),
  );

  test.each([
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s (%i decimals), for random texts', (currency, digits) => {
    fc.assert(
      fc.property(amountText, (text) => {
        expect(read(text, currency)).toEqual(reference(text, digits));
      }),
      { numRuns: 3000 },
    );
  });

  test.each([
    ['999999999999999.99', 99999999999999999n],
    ['-0.00', 0n],
    ['10.500', 1050n],
    ['0.1', 10n],
    [' 12.30 ', 1230n],
  ])('%j in USD is %p minor units', (text, minor) => {
    expect(parseMoney(text, 'USD').minor).toBe(minor);
  });
});
