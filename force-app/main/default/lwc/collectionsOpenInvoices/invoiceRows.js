/**
 * From GraphQL nodes to datatable rows, and from selected rows to the invoices the actions
 * receive ({ id, number, dueDate, openBalance, currency } plus invoiceDate, daysPastDue,
 * disputedAmount and caseId; amounts as decimal strings). Amounts and dates are formatted with
 * c/collectionsFormat for the user's locale and the invoice's currency.
 */
import { dayOf, formatAmount, formatDate } from 'c/collectionsFormat';
import { formatLabel } from 'c/collectionsActionUtils';

const valueOf = (field) => field?.value ?? null;
const decimal = (value) => (value === null || value === undefined ? null : String(value));

/** The earliest open promise per currency: { [currency]: { date, amount } }. */
export function promisesByCurrency(promiseEdges) {
  const byCurrency = {};
  for (const { node } of promiseEdges ?? []) {
    const currency = valueOf(node.CurrencyIsoCode);
    const date = valueOf(node.Promised_Date__c);
    const current = byCurrency[currency];
    if (!current || (date && date < current.date))
      byCurrency[currency] = { date, amount: decimal(valueOf(node.Amount__c)) };
  }
  return byCurrency;
}

/**
 * One row per invoice. Days past due are counted from the due date to `today` (the user's calendar
 * date), never negative. A promise covers an invoice when the account has an open promise in the
 * invoice's currency: promises belong to an account and currency, not to single invoices, and the
 * batch pauses the reminders of that whole currency while one is open.
 */
export function toRows(invoiceEdges, promises, today, labels) {
  return (invoiceEdges ?? []).map(({ node }) => {
    const currency = valueOf(node.CurrencyIsoCode);
    const dueDate = valueOf(node.Due_Date__c);
    const disputed = decimal(valueOf(node.Disputed_Amount__c));
    const promise = promises[currency];
    return {
      id: node.Id,
      number: valueOf(node.Name),
      invoiceDate: valueOf(node.Invoice_Date__c),
      dueDate,
      daysPastDue: dueDate ? Math.max(0, dayOf(today) - dayOf(dueDate)) : 0,
      amount: decimal(valueOf(node.Amount__c)),
      openBalance: decimal(valueOf(node.Open_Balance__c)),
      disputedAmount: disputed,
      currency,
      caseId: valueOf(node.Collection_Case__c),
      invoiceDateText: formatDate(valueOf(node.Invoice_Date__c)),
      dueDateText: formatDate(dueDate),
      amountText: formatAmount(valueOf(node.Amount__c), currency),
      openBalanceText: formatAmount(valueOf(node.Open_Balance__c), currency),
      disputeText: Number(disputed) > 0 ? formatLabel(labels.disputedMarker, formatAmount(disputed, currency)) : '',
      promiseText: promise ? formatLabel(labels.promiseMarker, formatDate(promise.date)) : '',
    };
  });
}

/** The invoice the actions receive for a row. */
export function toInvoice(row) {
  const { id, number, invoiceDate, dueDate, daysPastDue, openBalance, disputedAmount, currency, caseId } = row;
  return { id, number, invoiceDate, dueDate, daysPastDue, openBalance, disputedAmount, currency, caseId };
}

/** Sortable column (its fieldName) -> the sort key invoiceQuery's orderByFor understands. */
export const SORT_KEYS = Object.freeze({
  number: 'number',
  invoiceDateText: 'invoiceDate',
  dueDateText: 'dueDate',
  daysPastDue: 'daysPastDue',
  amountText: 'amount',
  openBalanceText: 'openBalance',
  currency: 'currency',
});
