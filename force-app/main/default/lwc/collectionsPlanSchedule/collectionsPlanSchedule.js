/**
 * The payment plan builder's arithmetic, without a template: the amount a selection of invoices
 * covers and the installment schedule for the terms the collector typed. Amounts are BigInt minor
 * units of the selection's one currency; dates are YYYY-MM-DD calendar dates. Problems come back
 * as codes that the components turn into labels.
 */
import { equalInstallments, FREQUENCIES, installmentDueDate, scheduleDifference } from 'c/collectionsRules';
import { currencyDigits, dayOf, formatLabel, fromMinorUnits, isoDateOf, toMinorUnits } from 'c/collectionsFormat';

/** Number_Of_Installments__c is Number(3,0). */
export const MAX_INSTALLMENTS = 999;
export const EQUAL = 'equal';
export const CUSTOM = 'custom';

/**
 * What the selection covers: `{ currencyCode, totalMinor }`, or `{ problem }` with 'empty',
 * 'mixedCurrencies' (and the sorted `currencies`), 'badBalance' (and the `invoice`) or 'nothingOwed'.
 */
export function coveredAmount(invoices) {
  const list = invoices ?? [];
  if (list.length === 0) return { problem: 'empty' };
  const currencies = [...new Set(list.map((invoice) => invoice.currency))].sort();
  if (currencies.length > 1) return { problem: 'mixedCurrencies', currencies };
  const currencyCode = currencies[0];
  let totalMinor = 0n;
  for (const invoice of list) {
    // A Currency field has scale 3: 12.345 USD exists in the org but cannot be scheduled in cents.
    const minor = currencyCode ? toMinorUnits(invoice.openBalance, currencyCode) : null;
    if (minor === null) return { problem: 'badBalance', invoice };
    totalMinor += minor;
  }
  if (totalMinor <= 0n) return { problem: 'nothingOwed', currencyCode };
  return { currencyCode, totalMinor };
}

/** The number of installments typed, or null unless it is a whole number from 1 to 999. */
export function parseCount(typed) {
  const text = String(typed ?? '').trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const count = Number(text);
  return count >= 1 && count <= MAX_INSTALLMENTS ? count : null;
}

/**
 * An amount a collector typed, strictly: digits, then a point or a comma and at most as many
 * decimals as the currency has ("1.000" in USD is refused, as it may mean a thousand). Null if not.
 */
export function parseTypedAmount(typed, currencyCode) {
  const text = String(typed ?? '').trim();
  const match = /^\d+(?:[.,](\d*))?$/.exec(text);
  if (!match || (match[1] ?? '').length > currencyDigits(currencyCode)) return null;
  return toMinorUnits(text, currencyCode);
}

/** The equal shares as decimal strings, to start custom amounts from. */
export function equalAmountsText(totalMinor, count, currencyCode) {
  if (totalMinor < BigInt(count)) return [];
  return equalInstallments(totalMinor, count, 0, 'Weekly').map((row) => fromMinorUnits(row.amountMinor, currencyCode));
}

function firstDayProblem(firstDate, today) {
  if (!firstDate) return 'dateMissing';
  try {
    return dayOf(firstDate) < dayOf(today) ? 'datePast' : null;
  } catch {
    return 'dateMissing';
  }
}

function customRows(input, count, firstDay) {
  const rows = [];
  for (let index = 0; index < count; index++) {
    const typed = input.customAmounts?.[index] ?? '';
    const amountMinor = parseTypedAmount(typed, input.currencyCode);
    rows.push({
      number: index + 1,
      dueDate: isoDateOf(installmentDueDate(firstDay, input.frequency, index)),
      amountMinor,
      typed,
      invalid: amountMinor === null || amountMinor <= 0n,
    });
  }
  return rows;
}

/**
 * The schedule for the terms: `{ rows, scheduledMinor, differenceMinor, problems, ready }`. Rows are
 * `{ number, dueDate, amountMinor, typed, invalid }`; they are empty until the count, first date and
 * frequency allow a schedule. `ready` is true when the plan can be saved as it stands.
 */
export function buildSchedule(input) {
  const problems = [];
  const count = parseCount(input.count);
  if (count === null) problems.push('count');
  const dateProblem = firstDayProblem(input.firstDate, input.today);
  if (dateProblem) problems.push(dateProblem);
  if (!FREQUENCIES.includes(input.frequency)) problems.push('frequency');
  if (problems.length > 0) {
    return { rows: [], scheduledMinor: 0n, differenceMinor: input.totalMinor, problems, ready: false };
  }
  const firstDay = dayOf(input.firstDate);
  let rows;
  if (input.mode === CUSTOM) {
    rows = customRows(input, count, firstDay);
    if (rows.some((row) => row.invalid)) problems.push('amounts');
  } else if (input.totalMinor < BigInt(count)) {
    // Fewer minor units than installments: some installments would be zero (Amount_Positive).
    rows = [];
    problems.push('tooManyInstallments');
  } else {
    rows = equalInstallments(input.totalMinor, count, firstDay, input.frequency).map((row) => ({
      number: row.number,
      dueDate: isoDateOf(row.dueDay),
      amountMinor: row.amountMinor,
      typed: '',
      invalid: false,
    }));
  }
  const amounts = rows.filter((row) => !row.invalid).map((row) => row.amountMinor);
  const differenceMinor = scheduleDifference(input.totalMinor, amounts);
  const scheduledMinor = input.totalMinor - differenceMinor;
  if (differenceMinor !== 0n && !problems.includes('tooManyInstallments')) problems.push('difference');
  return { rows, scheduledMinor, differenceMinor, problems, ready: problems.length === 0 };
}

/** A label with {0}, {1}... replaced by the values: one implementation for every component. */
export { formatLabel };
