/**
 * Unapplied cash: the part of each payment received by the as-of date that no application dated on
 * or before it has put against an invoice, with the open invoices it most likely pays. A suggestion
 * is an open invoice of the same customer and currency whose number appears in the payment's
 * reference (compared without case or punctuation) or whose open balance equals the unapplied
 * amount; both together rank first. Suggestions are only suggestions: nothing is applied.
 */
import { formatDay, type Day } from '../domain/calendar';
import { balanceAsOf, type ApplicationsByInvoice } from '../domain/ledger';
import { formatMoney, type Money } from '../domain/money';
import type { Invoice, Payment, PaymentApplication } from '../domain/portfolio';
import { describeMoney } from '../domain/engine/reasons';
import { compareText } from './text';
import type { ReportSuggestion, ReportUnappliedCurrency, ReportUnappliedPayment } from './model';

export const DEFAULT_MAX_SUGGESTIONS = 5;

/** Upper case letters and digits only: "inv-1001 / po 7" -> "INV1001PO7". */
export function normalizeReference(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

const DIGIT = /[0-9]/;

/**
 * True when the invoice number appears in the payment reference once both are normalized, and the
 * match does not run into more digits on a digit edge ("INV-1" is not in "INV-10", "1001" is not in
 * "21001"). Invoice numbers of fewer than 3 significant characters never match.
 */
export function referenceNames(paymentReference: string, invoiceNumber: string): boolean {
  const reference = normalizeReference(paymentReference);
  const number = normalizeReference(invoiceNumber);
  if (number.length < 3) return false;
  const startsWithDigit = DIGIT.test(number[0] ?? '');
  const endsWithDigit = DIGIT.test(number[number.length - 1] ?? '');
  for (let at = reference.indexOf(number); at >= 0; at = reference.indexOf(number, at + 1)) {
    const before = reference[at - 1] ?? '';
    const after = reference[at + number.length] ?? '';
    if (startsWithDigit && DIGIT.test(before)) continue;
    if (endsWithDigit && DIGIT.test(after)) continue;
    return true;
  }
  return false;
}

interface Candidate {
  invoice: Invoice;
  balance: Money;
  byReference: boolean;
  byAmount: boolean;
}

function why(candidate: Candidate, unapplied: Money): string {
  const named = `the payment reference names ${candidate.invoice.invoiceNumber}`;
  const equal = `its open balance equals the unapplied ${describeMoney(unapplied)}`;
  if (candidate.byReference && candidate.byAmount) return `${named} and ${equal}`;
  return candidate.byReference ? named : equal;
}

function suggestionsFor(
  payment: Payment,
  unapplied: Money,
  openInvoices: readonly Candidate[],
  maxSuggestions: number,
): ReportSuggestion[] {
  const candidates: Candidate[] = [];
  for (const open of openInvoices) {
    const byReference = referenceNames(payment.paymentReference, open.invoice.invoiceNumber);
    const byAmount = open.balance.minor === unapplied.minor;
    if (byReference || byAmount) candidates.push({ ...open, byReference, byAmount });
  }
  const score = (candidate: Candidate): number => (candidate.byReference ? 2 : 0) + (candidate.byAmount ? 1 : 0);
  candidates.sort(
    (a, b) =>
      score(b) - score(a) ||
      a.invoice.dueDate - b.invoice.dueDate ||
      compareText(a.invoice.invoiceNumber, b.invoice.invoiceNumber),
  );
  return candidates.slice(0, maxSuggestions).map((candidate) => ({
    invoiceNumber: candidate.invoice.invoiceNumber,
    openBalance: formatMoney(candidate.balance),
    why: why(candidate, unapplied),
  }));
}

/**
 * Unapplied cash per currency (sorted by code), payments oldest first. `invoices` and `payments`
 * are the ones in scope (a collector's customers, or all); `applications` are grouped by invoice
 * for the balances, `allApplications` are all of them, to find what each payment has applied.
 */
export function unappliedCash(
  invoices: readonly Invoice[],
  payments: readonly Payment[],
  allApplications: readonly PaymentApplication[],
  applications: ApplicationsByInvoice,
  asOf: Day,
  maxSuggestions: number = DEFAULT_MAX_SUGGESTIONS,
): ReportUnappliedCurrency[] {
  const appliedByPayment = new Map<string, PaymentApplication[]>();
  for (const application of allApplications) {
    if (application.appliedDate > asOf) continue;
    const list = appliedByPayment.get(application.paymentReference);
    if (list) list.push(application);
    else appliedByPayment.set(application.paymentReference, [application]);
  }

  // open invoices per customer and currency, at the as-of date
  const openByCustomer = new Map<string, Candidate[]>();
  for (const invoice of invoices) {
    const balance = balanceAsOf(invoice, applications.get(invoice.invoiceNumber), asOf);
    if (balance.minor <= 0n) continue;
    const key = `${invoice.customerNumber}\u0000${invoice.currency}`;
    const candidate: Candidate = { invoice, balance, byReference: false, byAmount: false };
    const list = openByCustomer.get(key);
    if (list) list.push(candidate);
    else openByCustomer.set(key, [candidate]);
  }

  const byCurrency = new Map<
    string,
    { totalMinor: bigint; payments: Array<{ payment: Payment; line: ReportUnappliedPayment }> }
  >();
  for (const payment of payments) {
    if (payment.receivedDate > asOf) continue;
    let appliedMinor = 0n;
    for (const application of appliedByPayment.get(payment.paymentReference) ?? []) {
      if (application.amount.currency !== payment.amount.currency) {
        throw new Error(
          `${payment.paymentReference} is in ${payment.amount.currency} but applies ${application.amount.currency} to ${application.invoiceNumber}`,
        );
      }
      appliedMinor += application.amount.minor;
    }
    const unapplied: Money = { currency: payment.amount.currency, minor: payment.amount.minor - appliedMinor };
    if (unapplied.minor <= 0n) continue;
    const open = openByCustomer.get(`${payment.customerNumber}\u0000${unapplied.currency}`) ?? [];
    const line: ReportUnappliedPayment = {
      paymentReference: payment.paymentReference,
      customerNumber: payment.customerNumber,
      amount: formatMoney(unapplied),
      receivedDate: formatDay(payment.receivedDate),
      suggestions: suggestionsFor(payment, unapplied, open, maxSuggestions),
    };
    let entry = byCurrency.get(unapplied.currency);
    if (!entry) {
      entry = { totalMinor: 0n, payments: [] };
      byCurrency.set(unapplied.currency, entry);
    }
    entry.totalMinor += unapplied.minor;
    entry.payments.push({ payment, line });
  }

  return [...byCurrency.keys()].sort().map((currency) => {
    const entry = byCurrency.get(currency) as NonNullable<ReturnType<typeof byCurrency.get>>;
    entry.payments.sort(
      (a, b) =>
        a.payment.receivedDate - b.payment.receivedDate ||
        compareText(a.payment.paymentReference, b.payment.paymentReference),
    );
    return {
      currency,
      amount: formatMoney({ currency, minor: entry.totalMinor }),
      payments: entry.payments.map((item) => item.line),
    };
  });
}
