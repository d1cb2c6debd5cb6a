/**
 * The datatable's columns for the width the table has. On the Account and Collection Case pages
 * the table sits in the main region, two thirds of the page (about 800 px on a 1280 px screen);
 * nine equal columns there cut every value short ("INV-0000…"). So every column gets the width its
 * values need (initialWidth), and the columns a collector can do without give way, one by one,
 * when the table is narrower than they all need:
 * - always: invoice number, due date, days past due and open balance (what is owed, since when:
 *   what every action works on) and the dispute and promise markers (why not to chase it). The
 *   markers take the remaining width and wrap, so they never push the table wider;
 * - then the original amount (shows a part payment next to the open balance);
 * - then the invoice date;
 * - last the currency, which the amounts already show ("SGD 5,317.16", "5 317,16 €").
 * Markers are words, not only icons, so every reader gets them. Default header actions (clip or
 * wrap text) are hidden: the widths make them unnecessary, and their button costs header space.
 * Headers wrap (wrap-table-header="all") rather than being cut: "Promesse de paiement" in a
 * narrow marker column. Header wrapping and column properties:
 * https://developer.salesforce.com/docs/component-library/bundle/lightning-datatable/documentation
 */
import { SORT_KEYS } from './invoiceRows';

const right = { alignment: 'right' };

/** The row selection checkbox column and the card's padding around the table, in px. */
export const TABLE_CHROME = 32 + 24;
/** The narrowest a marker column can be and still show "Disputed: SGD 5,317.16" on two lines. */
export const MARKER_MIN_WIDTH = 140;
/** Fixed widths in px: the widest value or header a column shows, plus padding and the sort arrow. */
const WIDTHS = Object.freeze({
  number: 120,
  invoiceDateText: 125,
  dueDateText: 120,
  daysPastDue: 125,
  amountText: 140,
  openBalanceText: 140,
  currency: 90,
});
/** The columns a narrow table leaves out, most useful first: each shows when it and those before it fit. */
const OPTIONAL = Object.freeze(['amountText', 'invoiceDateText', 'currency']);

function allColumns(labels) {
  const column = (label, fieldName, extra = {}) => ({
    label,
    fieldName,
    type: 'text',
    sortable: Object.prototype.hasOwnProperty.call(SORT_KEYS, fieldName),
    hideDefaultActions: true,
    ...(WIDTHS[fieldName] ? { initialWidth: WIDTHS[fieldName] } : { wrapText: true }),
    ...extra,
  });
  return [
    column(labels.colNumber, 'number'),
    column(labels.colInvoiceDate, 'invoiceDateText'),
    column(labels.colDueDate, 'dueDateText'),
    column(labels.colDaysPastDue, 'daysPastDue', { type: 'number', cellAttributes: right }),
    column(labels.colAmount, 'amountText', { cellAttributes: right }),
    column(labels.colOpenBalance, 'openBalanceText', { cellAttributes: right }),
    column(labels.colCurrency, 'currency'),
    column(labels.colDispute, 'disputeText'),
    column(labels.colPromise, 'promiseText'),
  ];
}

/** The fields of the columns that fit in `width` px (the table's container); undefined: the narrowest set. */
export function fittingFields(width) {
  const required = Object.entries(WIDTHS).filter(([fieldName]) => !OPTIONAL.includes(fieldName));
  let needed = TABLE_CHROME + 2 * MARKER_MIN_WIDTH + required.reduce((sum, [, px]) => sum + px, 0);
  const shown = new Set(required.map(([fieldName]) => fieldName));
  for (const fieldName of OPTIONAL) {
    needed += WIDTHS[fieldName];
    if (!(width >= needed)) break;
    shown.add(fieldName);
  }
  return shown;
}

/** The columns for a table whose container is `width` px wide. */
export function invoiceColumns(labels, width) {
  const shown = fittingFields(width);
  return allColumns(labels).filter((column) => !WIDTHS[column.fieldName] || shown.has(column.fieldName));
}

/**
 * The columns for `width`, or `current` itself when the same columns fit: a new array makes the
 * datatable lay itself out again, which only a change of columns needs.
 */
export function columnsFitting(labels, width, current) {
  const columns = invoiceColumns(labels, width);
  const same =
    columns.length === current.length && columns.every((column, i) => column.fieldName === current[i].fieldName);
  return same ? current : columns;
}

/**
 * Calls onWidth with the element's width now and whenever it changes; returns the function that
 * stops watching, or null when there is nothing to watch (no element yet, or no ResizeObserver: the
 * table then keeps the columns of the narrowest width, which fit everywhere).
 * ResizeObserver is a standard browser API components may use:
 * https://developer.salesforce.com/docs/platform/lwc/guide/get-started-supported-javascript
 */
export function watchWidth(element, onWidth) {
  if (!element || typeof ResizeObserver !== 'function') return null;
  const observer = new ResizeObserver((entries) => onWidth(entries[0].contentRect.width));
  observer.observe(element);
  return () => observer.disconnect();
}
