/**
 * What the open invoices table and its actions (reminder, call, dispute) share about a selection
 * of invoices: the currencies in it, its totals per currency in exact minor units, the case it
 * belongs to, and label templates with {0}-style placeholders. A selected invoice is the object
 * docs/console-design.md describes: { id, number, dueDate, openBalance, currency } with
 * openBalance a decimal string, plus disputedAmount, daysPastDue and caseId from the table.
 */
import { dayOf, formatLabel, isoDateOf, toMinorUnits } from 'c/collectionsFormat';

/** The currencies of the invoices, each once, in alphabetical order. */
export function currenciesOf(invoices) {
  return [...new Set((invoices ?? []).map((invoice) => invoice.currency))].sort();
}

/** The one currency all the invoices share, or null when there are none or several. */
export function singleCurrency(invoices) {
  const currencies = currenciesOf(invoices);
  return currencies.length === 1 ? currencies[0] : null;
}

/** Minor units of a decimal string or number in the currency; 0n for a blank value. */
export function minorOf(value, currency) {
  if (value === null || value === undefined || value === '') return 0n;
  const minor = toMinorUnits(value, currency);
  if (minor === null) throw new Error(`Not an amount in ${currency}: "${value}"`);
  return minor;
}

/**
 * Totals of one amount of the invoices per currency, never adding two currencies together:
 * [{ currency, minor }] in alphabetical order of currency. `pick` chooses the amount.
 */
export function totalsByCurrency(invoices, pick = (invoice) => invoice.openBalance) {
  const totals = new Map();
  for (const invoice of invoices ?? []) {
    const current = totals.get(invoice.currency) ?? 0n;
    totals.set(invoice.currency, current + minorOf(pick(invoice), invoice.currency));
  }
  return [...totals.keys()].sort().map((currency) => ({ currency, minor: totals.get(currency) }));
}

/** The collection case every invoice is linked to, or null when they are not all on one case. */
export function commonCaseId(invoices) {
  const cases = new Set((invoices ?? []).map((invoice) => invoice.caseId ?? null));
  return cases.size === 1 ? [...cases][0] : null;
}

/** A label with {0}, {1}... replaced by the values: one implementation for every component. */
export { formatLabel };

/** The calendar date `days` days after a YYYY-MM-DD date. */
export function addDays(isoDate, days) {
  return isoDateOf(dayOf(isoDate) + days);
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from, to) {
  return dayOf(to) - dayOf(from);
}

/** Field messages as a list for an error summary: [{ field, message }]. */
export function errorListOf(errors) {
  return Object.entries(errors ?? {}).map(([field, message]) => ({ field, message }));
}

/**
 * Puts each message on its input (elements with data-field) the way base components show field
 * errors, and clears the others.
 */
export function showFieldErrors(template, errors) {
  template.querySelectorAll('[data-field]').forEach((input) => {
    input.setCustomValidity?.(errors[input.dataset.field] ?? '');
    input.reportValidity?.();
  });
}
