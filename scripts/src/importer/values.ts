/**
 * Parsing one cell of an ERP export: dates in a given pattern, amounts with a given decimal and
 * thousands separator, currency codes, languages, e-mail addresses. Pure functions: each returns
 * the value or the reason it cannot be read, in words a person fixing the file understands.
 */
import { parseDay, type Day } from '../domain/calendar';
import { MoneyError, parseMoney, type Money } from '../domain/money';
import { currencyProblem } from './currencies';
import { LANGUAGES, MAX_INTEGER_DIGITS } from './formats';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function bad<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

/** A date pattern such as YYYY-MM-DD, M/D/YYYY or D.M.YYYY, compiled. */
export interface DateFormat {
  readonly pattern: string;
  parse(text: string): Parsed<Day>;
}

const DATE_TOKEN = /YYYY|MM|M|DD|D/g;

/** Compiles a date pattern; throws an Error naming what is wrong with the pattern. */
export function compileDateFormat(pattern: string): DateFormat {
  if (/Y/.test(pattern.replace(/YYYY/g, '')))
    throw new Error(`"${pattern}": two-digit years (YY) are ambiguous, use YYYY`);
  let source = '';
  const order: Array<'year' | 'month' | 'day'> = [];
  let last = 0;
  for (const match of pattern.matchAll(DATE_TOKEN)) {
    source += literal(pattern.slice(last, match.index), pattern);
    const token = match[0];
    order.push(token === 'YYYY' ? 'year' : token.startsWith('M') ? 'month' : 'day');
    source += token === 'YYYY' ? '(\\d{4})' : token.length === 2 ? '(\\d{2})' : '(\\d{1,2})';
    last = match.index + token.length;
  }
  source += literal(pattern.slice(last), pattern);
  for (const part of ['year', 'month', 'day'] as const) {
    const count = order.filter((entry) => entry === part).length;
    if (count !== 1)
      throw new Error(
        `"${pattern}" must have exactly one ${part === 'year' ? 'YYYY' : part === 'month' ? 'M or MM' : 'D or DD'}`,
      );
  }
  const regex = new RegExp(`^${source}$`);
  return {
    pattern,
    parse(text: string): Parsed<Day> {
      const match = regex.exec(text.trim());
      if (!match) return bad(`"${text}" is not a date in the form ${pattern}`);
      const parts: Record<string, string> = {};
      order.forEach((part, index) => (parts[part] = match[index + 1] ?? ''));
      const iso = `${parts.year}-${(parts.month ?? '').padStart(2, '0')}-${(parts.day ?? '').padStart(2, '0')}`;
      try {
        return ok(parseDay(iso));
      } catch {
        return bad(`"${text}" is not a date on the calendar`);
      }
    },
  };
}

function literal(text: string, pattern: string): string {
  if (/[A-Za-z0-9]/.test(text))
    throw new Error(`"${pattern}": "${text}" is not part of a date pattern (use YYYY, MM, M, DD, D and separators)`);
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export const ISO_DATE_FORMAT = compileDateFormat('YYYY-MM-DD');

/** How amounts are written: the decimal separator, and the thousands separator ('' for none). */
export interface NumberFormat {
  readonly decimalSeparator: '.' | ',';
  readonly thousandsSeparator: string;
}

export const CANONICAL_NUMBER_FORMAT: NumberFormat = { decimalSeparator: '.', thousandsSeparator: '' };

/** Thousands separators a mapping may name: comma, dot, space, no-break spaces, apostrophe (Swiss). */
export const THOUSANDS_SEPARATORS: readonly string[] = ['', ',', '.', ' ', '\u00a0', '\u202f', "'"];

function describeFormat(format: NumberFormat): string {
  const thousands =
    format.thousandsSeparator === '' ? 'no thousands separator' : `"${format.thousandsSeparator}" between thousands`;
  return `digits with "${format.decimalSeparator}" for decimals and ${thousands}`;
}

/**
 * An amount in the currency, exactly: the separators are normalised to a plain "1234.56" and
 * parseMoney does the rest, refusing more decimals than the currency has rather than rounding.
 */
export function parseAmount(text: string, currency: string, format: NumberFormat): Parsed<Money> {
  const trimmed = text.trim();
  const negative = trimmed.startsWith('-');
  const unsigned = negative ? trimmed.slice(1) : trimmed;
  const [whole = '', fraction, extra] = unsigned.split(format.decimalSeparator);
  const hint =
    format.thousandsSeparator === '' && format.decimalSeparator === '.' && /^-?\d[\d.,\s']*$/.test(trimmed)
      ? '; an export with decimal commas or thousands separators is read with a mapping file'
      : '';
  const notAmount = bad<Money>(`"${text}" is not an amount (${describeFormat(format)})${hint}`);
  if (extra !== undefined) return notAmount;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return notAmount;
  let digits: string;
  if (/^\d+$/.test(whole)) digits = whole;
  else if (format.thousandsSeparator !== '' && groupedThousands(format.thousandsSeparator).test(whole)) {
    digits = whole.split(format.thousandsSeparator).join('');
  } else return notAmount;
  if (digits.replace(/^0+(?=\d)/, '').length > MAX_INTEGER_DIGITS) {
    return bad(`"${text}" is too large: at most ${MAX_INTEGER_DIGITS} digits before the decimal separator`);
  }
  try {
    return ok(parseMoney(`${negative ? '-' : ''}${digits}${fraction === undefined ? '' : `.${fraction}`}`, currency));
  } catch (error) {
    if (error instanceof MoneyError) return bad(error.message);
    throw error;
  }
}

function groupedThousands(separator: string): RegExp {
  const escaped = separator.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\d{1,3}(?:${escaped}\\d{3})+$`);
}

/** A currency code, upper-cased, when it is an active ISO 4217 code. */
export function parseCurrency(text: string): Parsed<string> {
  const code = text.trim().toUpperCase();
  const problem = currencyProblem(code);
  return problem ? bad(problem) : ok(code);
}

/** The Preferred_Language__c value for a language code (en, fr-CA, nl_NL...). */
export function parseLanguage(text: string): Parsed<string> {
  const primary = /^([A-Za-z]{2})(?:[-_][A-Za-z]{2})?$/.exec(text.trim())?.[1]?.toLowerCase();
  const value = primary === undefined ? undefined : LANGUAGES[primary];
  if (value === undefined) {
    return bad(`"${text}" is not a language the notices are written in (${Object.keys(LANGUAGES).join(', ')})`);
  }
  return ok(value);
}

/** The shape Salesforce's Email fields accept, roughly: something@domain.tld with no spaces. */
export function parseEmail(text: string): Parsed<string> {
  const email = text.trim();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? ok(email) : bad(`"${text}" is not an e-mail address`);
}
