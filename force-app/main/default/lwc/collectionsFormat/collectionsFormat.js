/**
 * Money and calendar dates for the console components, formatted for the user's locale and the
 * record's currency. Amounts are exact: user input becomes integer minor units (BigInt) of the
 * record's currency, never a binary float sum. Dates are calendar dates (YYYY-MM-DD) as the org
 * returns Date fields; they are formatted in UTC so no time zone moves them by a day.
 */
import LOCALE from '@salesforce/i18n/locale';

const amountFormats = new Map();
const dateFormats = new Map();

function amountFormat(currencyCode) {
  let format = amountFormats.get(currencyCode);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: currencyCode });
    amountFormats.set(currencyCode, format);
  }
  return format;
}

/** The number of decimal places of a currency: 0 for JPY, 2 for USD, 3 for KWD (ISO 4217). */
export function currencyDigits(currencyCode) {
  return new Intl.NumberFormat('en', { style: 'currency', currency: currencyCode }).resolvedOptions()
    .maximumFractionDigits;
}

/**
 * The amount as the user reads it, e.g. "$1,234.50" in en-US or "1.234,50 €" in de-DE. Takes the
 * field value as the org gives it (a number or a decimal string) or minor units as a BigInt.
 */
export function formatAmount(amount, currencyCode) {
  if (amount === null || amount === undefined || amount === '') return '';
  if (typeof amount === 'bigint') {
    return amountFormat(currencyCode).format(fromMinorUnits(amount, currencyCode));
  }
  return amountFormat(currencyCode).format(Number(amount));
}

/**
 * Parses what a user typed (or a field value) into minor units of the currency: "1234.5" in USD is
 * 123450n. A comma is accepted as the decimal separator. Returns null for anything that is not an
 * amount or has more decimals than the currency allows, so callers can show a field error.
 * Trailing zeros past the currency's decimals are accepted after a point only, because the org
 * returns Currency fields with scale 3 ("1234.500" in USD). A comma never comes from the org, and
 * "1,000" typed by someone who means a thousand must not become 1 yen or 1 dollar: after a comma,
 * more decimals than the currency has are refused.
 */
export function toMinorUnits(value, currencyCode) {
  if (value === null || value === undefined) return null;
  const typed = String(value).trim();
  const match = /^(-?)(\d+)(?:([.,])(\d*))?$/.exec(typed);
  if (!match) return null;
  const digits = currencyDigits(currencyCode);
  const fraction = match[4] ?? '';
  const significant = match[3] === ',' ? fraction : fraction.replace(/0+$/, '');
  if (significant.length > digits) return null;
  const minor = BigInt(match[2] + fraction.padEnd(digits, '0').slice(0, digits));
  return match[1] === '-' ? -minor : minor;
}

/** Minor units back to a decimal string in currency units, as a Currency field accepts: "1234.50". */
export function fromMinorUnits(minor, currencyCode) {
  const digits = currencyDigits(currencyCode);
  const negative = minor < 0n;
  const text = (negative ? -minor : minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? '.' + text.slice(text.length - digits) : '';
  return (negative ? '-' : '') + whole + fraction;
}

/** A calendar date (YYYY-MM-DD) in the user's locale, e.g. "Mar 5, 2026". Empty for no date. */
export function formatDate(isoDate) {
  if (!isoDate) return '';
  let format = dateFormats.get(LOCALE);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
    dateFormats.set(LOCALE, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

const MS_PER_DAY = 86400000;

/** Days since 1970-01-01 of a calendar date, the day numbers collectionsRules works with. */
export function dayOf(isoDate) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate ?? '');
  if (!match) throw new Error(`Not a calendar date: "${isoDate}"`);
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / MS_PER_DAY;
  // Date.UTC rolls 2026-02-30 over to March 2: a date that does not exist is refused instead.
  if (isoDateOf(day) !== isoDate) throw new Error(`Not a calendar date: "${isoDate}"`);
  return day;
}

/** The calendar date (YYYY-MM-DD) of a day number. */
export function isoDateOf(day) {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Today's calendar date in a time zone (the user's, from @salesforce/i18n/timeZone), for the
 * instant given. Components pass Date.now() here, at the edge, so the arithmetic stays testable.
 */
export function todayIn(timeZone, instant) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * A custom label with {0}, {1}... replaced by the values given, in order, as labels with
 * parameters are written in every language (the translator places the values). A placeholder
 * without a value stays as it is.
 */
export function formatLabel(template, ...values) {
  return String(template ?? '').replace(/\{(\d+)\}/g, (match, index) => {
    const value = values[Number(index)];
    return value === undefined || value === null ? match : String(value);
  });
}
