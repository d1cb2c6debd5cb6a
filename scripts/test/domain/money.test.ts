import { add, compare, formatMoney, minorDigits, parseMoney, subtract, zero } from '../../src/domain/money';

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
