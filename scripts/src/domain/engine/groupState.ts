/**
 * One customer's ledger in one currency on one day: what is open, overdue, disputed, covered by a
 * plan, and what can be asked for. Currencies never meet: a customer billed in USD and EUR has two
 * groups, two cases and two sets of notices (rule 7).
 */
import type { Day } from '../calendar';
import { balanceAsOf, daysPastDue } from '../ledger';
import type { Money } from '../money';
import type { Account, Dispute, Invoice } from '../portfolio';
import { AGING_BUCKETS, agingBucket } from '../sharedRules';
import type { BucketAmount, NoticeLine } from './actions';
import type { PortfolioIndex } from './portfolioIndex';

export interface OpenItem {
  invoice: Invoice;
  line: NoticeLine;
  /** open balance less disputed part, in minor units; zero when a plan in good standing covers it */
  collectible: bigint;
  planCovered: boolean;
}

export interface GroupState {
  account: Account;
  customerNumber: string;
  currency: string;
  /** open invoices (balance above zero), oldest due date first */
  open: OpenItem[];
  /** open credit memos and adjustments (balance below zero) */
  credits: NoticeLine[];
  unappliedCash: Money;
  totalOpen: Money;
  totalOverdue: Money;
  /** past due, not disputed, not covered by a plan in good standing: what dunning asks for */
  collectibleOverdue: Money;
  disputedOverdue: Money;
  /** the oldest collectible overdue item: the clock of the timeline runs on its due date (rule 5) */
  anchor: OpenItem | null;
  aging: BucketAmount[];
}

function disputeOpenOn(dispute: Dispute, day: Day): boolean {
  if (dispute.openedDate > day) return false;
  if (dispute.status === 'Open' || dispute.status === 'In_Review') return true;
  return dispute.resolvedDate !== null && dispute.resolvedDate > day;
}

/** Disputed amount per invoice number, from the customer's disputes open on the day. */
export function disputedByInvoice(disputes: readonly Dispute[] | undefined, day: Day): Map<string, bigint> {
  const disputed = new Map<string, bigint>();
  for (const dispute of disputes ?? []) {
    if (!disputeOpenOn(dispute, day)) continue;
    for (const line of dispute.lines)
      disputed.set(line.invoiceNumber, (disputed.get(line.invoiceNumber) ?? 0n) + line.amount.minor);
  }
  return disputed;
}

function money(currency: string, minor: bigint): Money {
  return { currency, minor };
}

function unappliedCash(index: PortfolioIndex, customerNumber: string, currency: string, day: Day): bigint {
  let unapplied = 0n;
  for (const payment of index.paymentsByCustomer.get(customerNumber) ?? []) {
    if (payment.currency !== currency || payment.receivedDate > day) continue;
    let applied = 0n;
    for (const application of index.applicationsByPayment.get(payment.paymentReference) ?? []) {
      if (application.appliedDate <= day) applied += application.amount.minor;
    }
    if (payment.amount.minor > applied) unapplied += payment.amount.minor - applied;
  }
  return unapplied;
}

/**
 * The groups of one customer on a day, one per currency it has open documents in (and one for each
 * of `alsoCurrencies`), sorted by currency.
 * `plansInGoodStanding` holds the ids of plans whose invoices leave dunning.
 */
export function customerGroups(
  index: PortfolioIndex,
  account: Account,
  day: Day,
  plansInGoodStanding: ReadonlySet<string>,
  alsoCurrencies: readonly string[] = [],
): GroupState[] {
  const disputed = disputedByInvoice(index.disputesByCustomer.get(account.customerNumber), day);
  const byCurrency = new Map<string, GroupState>();
  const groupFor = (currency: string): GroupState => {
    let group = byCurrency.get(currency);
    if (!group) {
      group = {
        account,
        customerNumber: account.customerNumber,
        currency,
        open: [],
        credits: [],
        unappliedCash: money(currency, unappliedCash(index, account.customerNumber, currency, day)),
        totalOpen: money(currency, 0n),
        totalOverdue: money(currency, 0n),
        collectibleOverdue: money(currency, 0n),
        disputedOverdue: money(currency, 0n),
        anchor: null,
        aging: AGING_BUCKETS.map((bucket) => ({ bucket, amount: money(currency, 0n) })),
      };
      byCurrency.set(currency, group);
    }
    return group;
  };

  // Sums per group in plain bigints, made Money once at the end: this runs once per invoice.
  const sums = new Map<GroupState, Sums>();
  for (const invoice of index.invoicesByCustomer.get(account.customerNumber) ?? []) {
    if (invoice.invoiceDate > day) continue;
    const balance = balanceAsOf(invoice, index.applicationsByInvoice.get(invoice.invoiceNumber), day);
    if (balance.minor === 0n) continue;
    const group = groupFor(invoice.currency);
    const overdueDays = daysPastDue(invoice, day);
    const disputedMinor = balance.minor > 0n ? minBig(balance.minor, disputed.get(invoice.invoiceNumber) ?? 0n) : 0n;
    const line: NoticeLine = {
      invoiceNumber: invoice.invoiceNumber,
      documentType: invoice.documentType,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      daysPastDue: overdueDays,
      openBalance: balance,
      disputed: money(invoice.currency, disputedMinor),
      poNumber: invoice.poNumber,
      documentUrl: invoice.documentUrl,
    };
    if (balance.minor < 0n) {
      group.credits.push(line);
      continue;
    }
    const planCovered = invoice.paymentPlanId !== null && plansInGoodStanding.has(invoice.paymentPlanId);
    const collectible = planCovered ? 0n : balance.minor - disputedMinor;
    group.open.push({ invoice, line, collectible, planCovered });
    let sum = sums.get(group);
    if (!sum) {
      sum = { open: 0n, overdue: 0n, collectible: 0n, disputed: 0n, aging: AGING_BUCKETS.map(() => 0n) };
      sums.set(group, sum);
    }
    sum.open += balance.minor;
    const bucket = AGING_BUCKETS.indexOf(agingBucket(overdueDays));
    if (bucket >= 0) sum.aging[bucket] = (sum.aging[bucket] as bigint) + balance.minor;
    if (overdueDays > 0) {
      sum.overdue += balance.minor;
      sum.collectible += collectible;
      sum.disputed += disputedMinor;
    }
  }
  for (const [group, sum] of sums) {
    group.totalOpen = money(group.currency, sum.open);
    group.totalOverdue = money(group.currency, sum.overdue);
    group.collectibleOverdue = money(group.currency, sum.collectible);
    group.disputedOverdue = money(group.currency, sum.disputed);
    group.aging = AGING_BUCKETS.map((bucket, i) => ({ bucket, amount: money(group.currency, sum.aging[i] as bigint) }));
  }
  // A currency with an open case keeps its group even when nothing is open any more, so the case closes.
  for (const currency of alsoCurrencies) groupFor(currency);
  const groups = [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
  for (const group of groups) {
    group.open.sort(
      (a, b) => a.invoice.dueDate - b.invoice.dueDate || a.invoice.invoiceNumber.localeCompare(b.invoice.invoiceNumber),
    );
    group.credits.sort((a, b) => a.invoiceDate - b.invoiceDate || a.invoiceNumber.localeCompare(b.invoiceNumber));
    group.anchor = group.open.find((item) => item.collectible > 0n && item.line.daysPastDue > 0) ?? null;
  }
  return groups;
}

interface Sums {
  open: bigint;
  overdue: bigint;
  collectible: bigint;
  disputed: bigint;
  aging: bigint[];
}

function minBig(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
