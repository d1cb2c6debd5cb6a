/**
 * The five Invoice__c fields the nightly batch keeps true: Open_Balance__c, Status__c,
 * Disputed_Amount__c, Last_Dunning_Date__c and Last_Dunning_Level__c. They are computed from the
 * ledger (the dated payment applications), the disputes and the notices, as of the night, and
 * compared with what each record holds (Invoice.recorded), so that a night writes only the invoices
 * that moved: the first night every invoice once, later nights the payments, disputes and notices
 * of the day. Pure: no I/O, no clock.
 *
 * - Open balance: the amount less what was applied on or before the day (negative for a credit
 *   not used yet). An invoice dated after the day keeps its whole amount: the record exists.
 * - Status: Paid at a zero balance (or one that crossed zero: over-applied), Open while the
 *   balance is the whole amount, Partially_Paid in between; credit memos alike, on the negative
 *   side (Open: unused, Partially_Paid: partly used, Paid: used up). Written_Off and Cancelled are
 *   set by people (a write-off, a void in the ERP) and kept as recorded; the other four fields of
 *   such a document are still kept true.
 * - Disputed amount: the lines of the disputes open on the day (the engine's rule, as on the
 *   notices' lines), capped at a positive open balance; blank when nothing of the balance is
 *   disputed (the field description allows blank or zero for "nothing": a recorded zero is read as
 *   blank and not rewritten).
 * - Last dunning: the day the last message to the customer naming the invoice (courtesy reminder,
 *   reminder, suspension warning) was sent, and the level of the last reminder naming it (blank
 *   until the first reminder; a warning after reminder 3 moves the date and keeps level 3).
 *   Tonight's actions count as sent tonight: the invoice rows are written with the notices, before
 *   the emails go out.
 */
import { formatDay, type Day } from '../calendar';
import { appliedMinorAsOf, type ApplicationsByInvoice } from '../ledger';
import { formatMoney, type Money } from '../money';
import type { Dispute, Invoice, InvoiceStatus, NoticeRecord, PaymentApplication, Portfolio } from '../portfolio';
import type { Action, DayPlan } from './actions';
import { recordFor } from './applyPlan';
import { disputedByInvoice } from './groupState';
import { indexPortfolio } from './portfolioIndex';

export interface InvoiceState {
  openBalance: Money;
  status: InvoiceStatus;
  /** null: blank, nothing of the open balance is disputed */
  disputed: Money | null;
  lastDunningDate: Day | null;
  lastDunningLevel: number | null;
}

/** The same fields as a record may hold them: each may be blank. */
export type RecordedInvoiceState = { [Field in keyof InvoiceState]: InvoiceState[Field] | null };

/** An invoice whose record must change tonight, and the values to write. */
export interface InvoiceUpdate {
  invoiceNumber: string;
  state: InvoiceState;
}

/** The records an invoice's state is computed from (PortfolioIndex has them all). */
export interface InvoiceSources {
  invoicesByCustomer: ReadonlyMap<string, readonly Invoice[]>;
  applicationsByInvoice: ApplicationsByInvoice;
  disputesByCustomer: ReadonlyMap<string, readonly Dispute[]>;
  noticesByCustomer: ReadonlyMap<string, readonly NoticeRecord[]>;
}

export const INVOICE_STATUSES: readonly InvoiceStatus[] = [
  'Open',
  'Partially_Paid',
  'Paid',
  'Written_Off',
  'Cancelled',
];

/** Statuses people set; the batch never changes them. */
const KEPT_STATUSES: ReadonlySet<string> = new Set<InvoiceStatus>(['Written_Off', 'Cancelled']);

/** Notices that are messages to the customer: only these are "dunning" an invoice. */
const MESSAGES: ReadonlySet<NoticeRecord['action']> = new Set<NoticeRecord['action']>([
  'Courtesy_Reminder',
  'Reminder',
  'Suspension_Warning',
]);

const SEPARATOR = '|';

/**
 * The five fields as the cells the batch writes (Bulk API CSV text), in a fixed order: open
 * balance, status, disputed amount, last dunning date, last dunning level. A zero disputed amount
 * is a blank cell (both mean nothing is disputed).
 */
export function invoiceStateCells(state: RecordedInvoiceState): [string, string, string, string, string] {
  return [
    state.openBalance === null ? '' : formatMoney(state.openBalance),
    state.status ?? '',
    state.disputed === null || state.disputed.minor === 0n ? '' : formatMoney(state.disputed),
    state.lastDunningDate === null ? '' : formatDay(state.lastDunningDate),
    state.lastDunningLevel === null ? '' : String(state.lastDunningLevel),
  ];
}

/** The cells as one canonical string: what Invoice.recorded holds, and what a night compares. */
export function invoiceStateText(cells: readonly string[]): string {
  return cells.join(SEPARATOR);
}

/** The text of a record whose five fields are blank (Invoice.recorded is then left out). */
export const BLANK_INVOICE_STATE = invoiceStateText(['', '', '', '', '']);

/** The recorded status when it is one the batch keeps (the second cell of the recorded text). */
function keptStatus(recorded: string | undefined): InvoiceStatus | null {
  if (recorded === undefined) return null;
  const start = recorded.indexOf(SEPARATOR) + 1;
  const status = recorded.slice(start, recorded.indexOf(SEPARATOR, start));
  return KEPT_STATUSES.has(status) ? (status as InvoiceStatus) : null;
}

function statusOf(amount: bigint, balance: bigint): InvoiceStatus {
  if (balance === 0n) return 'Paid';
  if (balance === amount) return 'Open';
  // Over-applied: the balance crossed zero, nothing is owed on the document any more.
  if (balance < 0n !== amount < 0n) return 'Paid';
  return 'Partially_Paid';
}

interface Dunning {
  date: Day;
  level: number | null;
  levelDate: Day;
}

/** Per invoice number: the last message naming it, from the history with tonight's records over it. */
function lastDunning(history: readonly NoticeRecord[], tonight: readonly Action[], day: Day): Map<string, Dunning> {
  const byInvoice = new Map<string, Dunning>();
  const tonightRecords: NoticeRecord[] = [];
  for (const action of tonight) {
    const record = recordFor(action, day, undefined);
    if (record && MESSAGES.has(record.action)) tonightRecords.push(record);
  }
  const replaced = tonightRecords.length === 0 ? null : new Set(tonightRecords.map((record) => record.key));
  const count = (notice: NoticeRecord): void => {
    if (notice.status !== 'Sent' || notice.sentDate === null || notice.sentDate > day) return;
    if (!MESSAGES.has(notice.action)) return;
    const sent = notice.sentDate;
    for (const invoiceNumber of notice.invoiceNumbers) {
      const known = byInvoice.get(invoiceNumber);
      if (!known) {
        byInvoice.set(invoiceNumber, { date: sent, level: notice.level, levelDate: sent });
        continue;
      }
      if (sent > known.date) known.date = sent;
      if (
        notice.level !== null &&
        (known.level === null || sent > known.levelDate || (sent === known.levelDate && notice.level > known.level))
      ) {
        known.level = notice.level;
        known.levelDate = sent;
      }
    }
  };
  for (const notice of history) if (!replaced?.has(notice.key)) count(notice);
  for (const record of tonightRecords) count(record);
  return byInvoice;
}

/** The five fields of one invoice as of `day`. */
export function invoiceStateOf(
  invoice: Invoice,
  applications: readonly PaymentApplication[] | undefined,
  disputedMinor: bigint,
  dunning: { date: Day; level: number | null } | undefined,
  day: Day,
): InvoiceState {
  const balance = invoice.amount.minor - appliedMinorAsOf(invoice, applications, day);
  const disputed = balance > 0n && disputedMinor > 0n ? (disputedMinor < balance ? disputedMinor : balance) : 0n;
  return {
    openBalance: { currency: invoice.currency, minor: balance },
    status: keptStatus(invoice.recorded) ?? statusOf(invoice.amount.minor, balance),
    disputed: disputed > 0n ? { currency: invoice.currency, minor: disputed } : null,
    lastDunningDate: dunning?.date ?? null,
    lastDunningLevel: dunning?.level ?? null,
  };
}

/**
 * The invoices of one customer whose records differ from their state after the night, given the
 * customer's actions of the night (`tonight`). In the customer's invoice order.
 */
export function customerInvoiceUpdates(
  sources: InvoiceSources,
  customerNumber: string,
  tonight: readonly Action[],
  day: Day,
): InvoiceUpdate[] {
  const invoices = sources.invoicesByCustomer.get(customerNumber);
  if (!invoices) return [];
  const disputed = disputedByInvoice(sources.disputesByCustomer.get(customerNumber), day);
  const dunning = lastDunning(sources.noticesByCustomer.get(customerNumber) ?? [], tonight, day);
  const updates: InvoiceUpdate[] = [];
  for (const invoice of invoices) {
    const state = invoiceStateOf(
      invoice,
      sources.applicationsByInvoice.get(invoice.invoiceNumber),
      disputed.get(invoice.invoiceNumber) ?? 0n,
      dunning.get(invoice.invoiceNumber),
      day,
    );
    if (invoiceStateText(invoiceStateCells(state)) !== (invoice.recorded ?? BLANK_INVOICE_STATE))
      updates.push({ invoiceNumber: invoice.invoiceNumber, state });
  }
  return updates;
}

/**
 * The invoice updates of a whole plan, for callers that hold the whole portfolio (applyDayPlan,
 * the demo, tests): customer by customer in customer order, as planDayInShards yields them.
 */
export function invoiceUpdates(portfolio: Portfolio, plan: DayPlan): InvoiceUpdate[] {
  const index = indexPortfolio(portfolio);
  const tonight = new Map<string, Action[]>();
  for (const action of plan.actions) {
    const list = tonight.get(action.customerNumber);
    if (list) list.push(action);
    else tonight.set(action.customerNumber, [action]);
  }
  return [...index.accounts.keys()]
    .sort((a, b) => a.localeCompare(b))
    .flatMap((customer) => customerInvoiceUpdates(index, customer, tonight.get(customer) ?? [], plan.asOf));
}

/** The portfolio once the updates are written: what the records then hold (a rerun finds nothing). */
export function applyInvoiceUpdates(portfolio: Portfolio, updates: readonly InvoiceUpdate[]): Portfolio {
  const written = new Map(updates.map((update) => [update.invoiceNumber, update.state]));
  if (written.size === 0) return portfolio;
  return {
    ...portfolio,
    invoices: portfolio.invoices.map((invoice) => {
      const state = written.get(invoice.invoiceNumber);
      return state ? { ...invoice, recorded: invoiceStateText(invoiceStateCells(state)) } : invoice;
    }),
  };
}
