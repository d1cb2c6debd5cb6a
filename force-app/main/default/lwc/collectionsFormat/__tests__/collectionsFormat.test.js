import {
  currencyDigits,
  dayOf,
  formatAmount,
  formatDate,
  fromMinorUnits,
  isoDateOf,
  todayIn,
  toMinorUnits,
} from 'c/collectionsFormat';

// Intl separates groups and symbols with no-break spaces (U+00A0, U+202F): compare with plain ones.
const plain = (text) => text.replace(/\s/g, ' ');

/** The module as a user with another locale gets it (@salesforce/i18n/locale mocked, fresh caches). */
function formatModuleIn(locale) {
  let format;
  jest.isolateModules(() => {
    jest.doMock('@salesforce/i18n/locale', () => ({ default: locale }), { virtual: true });
    format = require('c/collectionsFormat');
  });
  return format;
}

describe('c-collections-format', () => {
  describe('currencyDigits', () => {
    it('knows the minor digits of 0, 2 and 3-decimal currencies', () => {
      expect(currencyDigits('JPY')).toBe(0);
      expect(currencyDigits('USD')).toBe(2);
      expect(currencyDigits('EUR')).toBe(2);
      expect(currencyDigits('KWD')).toBe(3);
    });
  });

  describe('formatAmount', () => {
    it('formats decimal strings, numbers and minor units in en-US (the default locale)', () => {
      expect(formatAmount('1234.5', 'USD')).toBe('$1,234.50');
      expect(formatAmount(1234.5, 'USD')).toBe('$1,234.50');
      expect(formatAmount(123450n, 'USD')).toBe('$1,234.50');
      expect(formatAmount(-5n, 'USD')).toBe('-$0.05');
      expect(formatAmount(1234n, 'JPY')).toBe('¥1,234');
      expect(plain(formatAmount(1234500n, 'KWD'))).toBe('KWD 1,234.500');
    });

    it('keeps every digit of large minor-unit amounts', () => {
      // 12345678901234567 cents is beyond a double's exact integers: the BigInt path must not round.
      expect(formatAmount(12345678901234567n, 'USD')).toBe('$123,456,789,012,345.67');
    });

    it('returns an empty string for no amount', () => {
      expect(formatAmount(null, 'USD')).toBe('');
      expect(formatAmount(undefined, 'USD')).toBe('');
      expect(formatAmount('', 'USD')).toBe('');
    });

    it('formats in the user locale when it is not en-US', () => {
      const german = formatModuleIn('de-DE');
      expect(plain(german.formatAmount(123450n, 'EUR'))).toBe('1.234,50 €');
      expect(plain(german.formatAmount('1234.5', 'USD'))).toBe('1.234,50 $');
      expect(plain(german.formatAmount(1234500n, 'KWD'))).toBe('1.234,500 KWD');

      const french = formatModuleIn('fr-FR');
      expect(plain(french.formatAmount(-123450n, 'EUR'))).toBe('-1 234,50 €');

      const japanese = formatModuleIn('ja-JP');
      expect(japanese.formatAmount(1234n, 'JPY')).toBe('￥1,234');

      const dutch = formatModuleIn('nl-NL');
      expect(plain(dutch.formatDate('2026-03-05'))).toBe('5 mrt 2026');
    });
  });

  describe('toMinorUnits / fromMinorUnits', () => {
    it.each([
      ['JPY', '0', 0n, '0'],
      ['JPY', '1234', 1234n, '1234'],
      ['JPY', '-1234', -1234n, '-1234'],
      ['USD', '0.01', 1n, '0.01'],
      ['USD', '1234.5', 123450n, '1234.50'],
      ['USD', '-0.05', -5n, '-0.05'],
      ['USD', '99999999999.99', 9999999999999n, '99999999999.99'],
      ['KWD', '0.001', 1n, '0.001'],
      ['KWD', '10.5', 10500n, '10.500'],
      ['KWD', '-1234.567', -1234567n, '-1234.567'],
    ])('%s: "%s" is %s minor units and back "%s"', (currency, typed, minor, decimal) => {
      expect(toMinorUnits(typed, currency)).toBe(minor);
      expect(fromMinorUnits(minor, currency)).toBe(decimal);
      // Round trip: what fromMinorUnits writes, toMinorUnits reads back to the same minor units.
      expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
    });

    it('round-trips every amount from -1000 to 1000 minor units in each exponent', () => {
      for (const currency of ['JPY', 'USD', 'KWD']) {
        for (let minor = -1000n; minor <= 1000n; minor++) {
          expect(toMinorUnits(fromMinorUnits(minor, currency), currency)).toBe(minor);
        }
      }
    });

    it('reads org field values with scale 3 and numbers', () => {
      expect(toMinorUnits('1234.500', 'USD')).toBe(123450n);
      expect(toMinorUnits('1234.000', 'JPY')).toBe(1234n);
      expect(toMinorUnits(1234.5, 'USD')).toBe(123450n);
      expect(toMinorUnits(0, 'USD')).toBe(0n);
      expect(toMinorUnits('  12.3  ', 'USD')).toBe(1230n);
      expect(toMinorUnits('5.', 'USD')).toBe(500n);
    });

    it('accepts a comma as the decimal separator', () => {
      expect(toMinorUnits('1234,5', 'USD')).toBe(123450n);
      expect(toMinorUnits('-0,05', 'USD')).toBe(-5n);
      expect(toMinorUnits('10,125', 'KWD')).toBe(10125n);
    });

    it('refuses more decimals than the currency allows', () => {
      expect(toMinorUnits('1.5', 'JPY')).toBeNull();
      expect(toMinorUnits('0.001', 'USD')).toBeNull();
      expect(toMinorUnits('0.0001', 'KWD')).toBeNull();
      expect(toMinorUnits(0.1 + 0.2, 'USD')).toBeNull();
    });

    it('refuses "1,000" rather than reading a thousand as one unit', () => {
      // A comma never comes from the org: three digits after it in a 0 or 2-decimal currency are a
      // thousands separator someone typed, not decimals.
      expect(toMinorUnits('1,000', 'JPY')).toBeNull();
      expect(toMinorUnits('1,000', 'USD')).toBeNull();
      expect(toMinorUnits('1,50', 'USD')).toBe(150n);
    });

    it('refuses junk', () => {
      for (const junk of ['', ' ', 'abc', '12a', '1 000', '1,234.50', '1.2.3', '--1', '+1', '.5', '1e3', '$5']) {
        expect(toMinorUnits(junk, 'USD')).toBeNull();
      }
      expect(toMinorUnits(null, 'USD')).toBeNull();
      expect(toMinorUnits(undefined, 'USD')).toBeNull();
      expect(toMinorUnits(Number.NaN, 'USD')).toBeNull();
      expect(toMinorUnits(1e21, 'USD')).toBeNull();
    });
  });

  describe('calendar dates', () => {
    it('converts calendar dates to day numbers and back', () => {
      expect(dayOf('1970-01-01')).toBe(0);
      expect(dayOf('1970-01-02')).toBe(1);
      expect(dayOf('1969-12-31')).toBe(-1);
      expect(dayOf('2024-02-29')).toBe(19782);
      expect(isoDateOf(19782)).toBe('2024-02-29');
      for (const iso of ['2026-01-31', '2026-02-28', '2026-03-29', '2026-10-25', '2099-12-31']) {
        expect(isoDateOf(dayOf(iso))).toBe(iso);
      }
      // Consecutive days across a daylight-saving change stay one day apart.
      expect(dayOf('2026-03-09') - dayOf('2026-03-08')).toBe(1);
    });

    it('refuses text that is not an existing calendar date', () => {
      for (const bad of ['2026-02-30', '2025-02-29', '2026-13-01', '2026-1-5', '05/03/2026', '', null, undefined]) {
        expect(() => dayOf(bad)).toThrow('Not a calendar date');
      }
    });

    it('formats a date for the user without moving it by a day', () => {
      expect(formatDate('2026-03-05')).toBe('Mar 5, 2026');
      expect(formatDate('2026-12-31')).toBe('Dec 31, 2026');
      expect(formatDate('')).toBe('');
      expect(formatDate(null)).toBe('');
      expect(plain(formatModuleIn('de-DE').formatDate('2026-03-05'))).toBe('5. März 2026');
    });

    it('gives today in the time zone of the user, near midnight', () => {
      // 2026-03-05 23:30 in Los Angeles is already 2026-03-06 in UTC and Tokyo.
      const instant = Date.UTC(2026, 2, 6, 7, 30);
      expect(todayIn('America/Los_Angeles', instant)).toBe('2026-03-05');
      expect(todayIn('UTC', instant)).toBe('2026-03-06');
      expect(todayIn('Asia/Tokyo', instant)).toBe('2026-03-06');
      // 00:30 UTC on Jan 1 is still Dec 31 in New York, and Jan 1 in Kolkata (UTC+05:30).
      const newYear = Date.UTC(2027, 0, 1, 0, 30);
      expect(todayIn('America/New_York', newYear)).toBe('2026-12-31');
      expect(todayIn('Asia/Kolkata', newYear)).toBe('2027-01-01');
      // One minute either side of midnight in Berlin (UTC+1 in winter).
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 0, 14, 22, 59))).toBe('2026-01-14');
      expect(todayIn('Europe/Berlin', Date.UTC(2026, 0, 14, 23, 1))).toBe('2026-01-15');
      // Pacific/Kiritimati is UTC+14: a day ahead of UTC for most of the day.
      expect(todayIn('Pacific/Kiritimati', Date.UTC(2026, 5, 30, 10, 0))).toBe('2026-07-01');
    });
  });
});

describe('formatLabel', () => {
  it('puts the values where the translated label places them', () => {
    const { formatLabel } = require('c/collectionsFormat');
    expect(formatLabel('{1} invoices for {0}', 'Acme', 3)).toBe('3 invoices for Acme');
    expect(formatLabel('{0} of {0}', 2)).toBe('2 of 2');
  });

  it('keeps a placeholder without a value, and reads a missing label as empty', () => {
    const { formatLabel } = require('c/collectionsFormat');
    expect(formatLabel('{0} and {1}', 'a')).toBe('a and {1}');
    expect(formatLabel('{0}', null)).toBe('{0}');
    expect(formatLabel(undefined, 'a')).toBe('');
  });
});
