/** The cell parsers and the mapping file, without files. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay } from '../../src/domain/calendar';
import { minorDigits } from '../../src/domain/money';
import { ACTIVE_ISO_4217, WITHDRAWN_ISO_4217 } from '../../src/importer/currencies';
import { MappingError, parseMapping } from '../../src/importer/mapping';
import { compileDateFormat, parseAmount, parseCurrency, parseLanguage, type Parsed } from '../../src/importer/values';
import { EXAMPLES } from './helpers';

function value<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

function reason<T>(parsed: Parsed<T>): string {
  if (parsed.ok) throw new Error('expected a problem');
  return parsed.reason;
}

describe('dates', () => {
  test.each([
    ['YYYY-MM-DD', '2026-09-01', '2026-09-01'],
    ['M/D/YYYY', '9/1/2026', '2026-09-01'],
    ['M/D/YYYY', '12/31/2026', '2026-12-31'],
    ['D.M.YYYY', '1.9.2026', '2026-09-01'],
    ['DD.MM.YYYY', '01.09.2026', '2026-09-01'],
    ['YYYYMMDD', '20260901', '2026-09-01'],
    ['DD/MM/YYYY', '29/02/2028', '2028-02-29'],
  ])('%s reads %s', (pattern, text, iso) => {
    expect(formatDay(value(compileDateFormat(pattern).parse(text)))).toBe(iso);
  });

  test.each([
    ['YYYY-MM-DD', '2026-9-1', 'is not a date in the form YYYY-MM-DD'],
    ['M/D/YYYY', '2/30/2026', 'is not a date on the calendar'],
    ['D.M.YYYY', '31.4.2026', 'is not a date on the calendar'],
    ['DD/MM/YYYY', '29/02/2026', 'is not a date on the calendar'],
    ['M/D/YYYY', '2026-09-01', 'is not a date in the form M/D/YYYY'],
  ])('%s refuses %s', (pattern, text, message) => {
    expect(reason(compileDateFormat(pattern).parse(text))).toContain(message);
  });

  test.each([
    ['DD/MM/YY', 'two-digit years'],
    ['MM/YYYY', 'exactly one D or DD'],
    ['D.M.YYYY hh', 'is not part of a date pattern'],
  ])('the pattern %s is refused', (pattern, message) => {
    expect(() => compileDateFormat(pattern)).toThrow(message);
  });
});

describe('amounts', () => {
  const german = { decimalSeparator: ',', thousandsSeparator: '.' } as const;
  const swiss = { decimalSeparator: '.', thousandsSeparator: "'" } as const;
  const canonical = { decimalSeparator: '.', thousandsSeparator: '' } as const;

  test.each([
    ['1.234.567,89', 'EUR', german, 123456789n],
    ['-1.234,5', 'EUR', german, -123450n],
    ['1234,56', 'EUR', german, 123456n],
    ["1'234.56", 'CHF', swiss, 123456n],
    ['1500', 'JPY', canonical, 1500n],
    ['1500.000', 'JPY', canonical, 1500n],
    ['0.001', 'KWD', canonical, 1n],
    ['999999999999.999', 'KWD', canonical, 999999999999999n],
  ])('%s %s is %p minor units', (text, currency, format, minor) => {
    expect(value(parseAmount(text, currency, format)).minor).toBe(minor);
  });

  test.each([
    ['1.23,45', 'EUR', german, 'is not an amount'],
    ['1,234.56', 'EUR', german, 'is not an amount'],
    ['12.5', 'JPY', canonical, 'more decimals than JPY allows (0)'],
    ['1.0001', 'KWD', canonical, 'more decimals than KWD allows (3)'],
    ['1e5', 'USD', canonical, 'is not an amount'],
    ['+5', 'USD', canonical, 'is not an amount'],
    ['', 'USD', canonical, 'is not an amount'],
    ['1000000000000', 'USD', canonical, 'too large'],
  ])('%s %s is refused', (text, currency, format, message) => {
    expect(reason(parseAmount(text, currency, format))).toContain(message);
  });
});

describe('currencies', () => {
  test('active ISO 4217 codes, upper-cased', () => {
    expect(value(parseCurrency('usd'))).toBe('USD');
    expect(value(parseCurrency(' XOF '))).toBe('XOF');
  });

  test('withdrawn codes name their replacement; funds, metals and test codes are not currencies to invoice in', () => {
    expect(reason(parseCurrency('BGN'))).toBe('"BGN" was withdrawn from ISO 4217 (replaced by EUR)');
    for (const code of ['XAU', 'XDR', 'XTS', 'XXX', 'CLF', 'USN', 'EU', 'EURO']) {
      expect(reason(parseCurrency(code))).toContain('is not an active ISO 4217 currency code');
    }
  });

  test('every active code is a three-letter code money.ts knows the minor units of, and no withdrawn code is active', () => {
    expect(ACTIVE_ISO_4217.size).toBeGreaterThan(150);
    for (const code of ACTIVE_ISO_4217) expect([0, 2, 3]).toContain(minorDigits(code));
    for (const code of Object.keys(WITHDRAWN_ISO_4217)) expect(ACTIVE_ISO_4217.has(code)).toBe(false);
    for (const code of Object.values(WITHDRAWN_ISO_4217)) expect(ACTIVE_ISO_4217.has(code)).toBe(true);
  });
});

describe('languages', () => {
  test.each([
    ['en', 'en_US'],
    ['EN', 'en_US'],
    ['en-GB', 'en_US'],
    ['fr_CA', 'fr'],
    ['de', 'de'],
    ['es', 'es'],
    ['nl', 'nl_NL'],
    ['nl_NL', 'nl_NL'],
  ])('%s loads as %s', (text, picklist) => {
    expect(value(parseLanguage(text))).toBe(picklist);
  });

  test.each(['it', 'english', 'e', 'pt-BR'])('%s is refused', (text) => {
    expect(reason(parseLanguage(text))).toContain('is not a language the notices are written in');
  });
});

describe('the mapping file', () => {
  function problems(json: unknown): readonly string[] {
    try {
      parseMapping(typeof json === 'string' ? json : JSON.stringify(json), 'mapping.json');
    } catch (error) {
      if (error instanceof MappingError) return error.problems;
      throw error;
    }
    return [];
  }

  test('settings at the top apply to both files; a file may override them', () => {
    const mapping = parseMapping(
      JSON.stringify({
        dateFormat: 'D.M.YYYY',
        decimalSeparator: ',',
        thousandsSeparator: '.',
        defaultCurrency: 'EUR',
        documentTypes: { RV: 'invoice', DG: 'credit_memo' },
        invoices: { columns: { customer_number: 'Kunde' } },
        payments: { dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', thousandsSeparator: '' },
      }),
      'mapping.json',
    );
    expect(mapping.invoices).toMatchObject({
      columns: { customer_number: 'Kunde' },
      number: { decimalSeparator: ',', thousandsSeparator: '.' },
      defaultCurrency: 'EUR',
      documentTypes: { RV: 'invoice', DG: 'credit_memo' },
    });
    expect(mapping.invoices.dateFormat.pattern).toBe('D.M.YYYY');
    expect(mapping.payments.dateFormat.pattern).toBe('YYYY-MM-DD');
    expect(mapping.payments).toMatchObject({
      number: { decimalSeparator: '.', thousandsSeparator: '' },
      defaultCurrency: 'EUR',
      columns: {},
    });
  });

  test('the example mapping is valid', () => {
    expect(problems(readFileSync(join(EXAMPLES, 'sap-mapping.json'), 'utf8'))).toEqual([]);
  });

  test('every problem is listed, each naming its key', () => {
    expect(
      problems({
        datFormat: 'M/D/YYYY',
        decimalSeparator: ';',
        thousandsSeparator: ',',
        defaultCurrency: 'EURO',
        documentTypes: { CM: 'credit' },
        invoices: { columns: { customer: 'Kunde', amount: 'Betrag', due_date: 'Betrag' } },
        payments: { documentTypes: {}, colums: {} },
      }),
    ).toEqual([
      'unknown key "datFormat" (known: description, $comment, invoices, payments, dateFormat, decimalSeparator, thousandsSeparator, defaultCurrency, documentTypes)',
      '"decimalSeparator" must be "." or ","',
      '"defaultCurrency": "EURO" is not an active ISO 4217 currency code',
      '"documentTypes": "CM" maps to "credit", not one of invoice, credit_memo',
      '"invoices.columns": "customer" is not a column of the invoices format (customer_number, customer_name, invoice_number, invoice_date, due_date, currency, amount, document_type, po_number, country, language, billing_email)',
      '"invoices.columns": "Betrag" is mapped to both amount and due_date',
      'payments: unknown key "colums" (known: columns, $comment, dateFormat, decimalSeparator, thousandsSeparator, defaultCurrency, documentTypes)',
      'payments: "documentTypes" only applies to invoices',
    ]);
  });

  test('the separators must differ', () => {
    expect(problems({ decimalSeparator: ',', thousandsSeparator: ',' })).toEqual([
      'the thousands separator and the decimal separator are both ","',
    ]);
  });

  test('not JSON, or not an object', () => {
    expect(problems('{')[0]).toMatch(/^not JSON/);
    expect(problems([])).toEqual(['the mapping must be a JSON object']);
  });
});
