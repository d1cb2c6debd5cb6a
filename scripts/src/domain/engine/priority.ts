/**
 * The priority of a collection case, 0 to 100, and its parts, so a collector sees why a case is at
 * the top of the worklist: how much is overdue (in the corporate currency, only with a dated rate),
 * how old it is, broken promises, how much is disputed, and how late the customer has paid before.
 */
import type { Day } from '../calendar';
import { convertAsOf } from '../exchange';
import { minorDigits } from '../money';
import type { CollectionsPolicy } from '../policy';
import type { ExchangeRate, Invoice, PaymentApplication } from '../portfolio';
import type { PriorityPart } from './actions';
import type { GroupState } from './groupState';
import { describeDay, describeMoney } from './reasons';

export const PRIORITY_WEIGHTS = { amount: 40, age: 30, brokenPromises: 15, disputes: 5, latePayments: 10 } as const;
/** Cases at or above this score are escalated as high priority. */
export const HIGH_PRIORITY_SCORE = 75;
/** The overdue amount, in corporate currency units, that earns the full amount weight. */
const FULL_AMOUNT = 1_000_000;
/** Days past due that earn the full age weight. */
const FULL_AGE_DAYS = 120;
const HISTORY_DAYS = 365;

export interface PriorityInput {
  group: GroupState;
  day: Day;
  policy: CollectionsPolicy;
  rates: readonly ExchangeRate[];
  brokenPromises: number;
  invoices: readonly Invoice[];
  applicationsByInvoice: ReadonlyMap<string, readonly PaymentApplication[]>;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The day the invoice was paid in full, from its applications, or null if it is not (yet). */
function paidInFullOn(invoice: Invoice, applications: readonly PaymentApplication[] | undefined, day: Day): Day | null {
  let remaining = invoice.amount.minor;
  for (const application of applications ?? []) {
    if (application.appliedDate > day) break;
    remaining -= application.amount.minor;
    if (remaining <= 0n) return application.appliedDate;
  }
  return null;
}

function amountPart(input: PriorityInput): PriorityPart {
  const { group, policy, rates, day } = input;
  const converted = convertAsOf(group.collectibleOverdue, policy.corporateCurrency, rates, day);
  if (!converted) {
    return {
      name: 'amount',
      points: 0,
      detail: `no ${group.currency} to ${policy.corporateCurrency} rate dated on or before ${describeDay(day)}: amount not scored`,
    };
  }
  const units = Number(converted.amount.minor) / 10 ** minorDigits(policy.corporateCurrency);
  const points =
    PRIORITY_WEIGHTS.amount * Math.min(1, Math.log10(1 + Math.max(0, units) / 100) / Math.log10(1 + FULL_AMOUNT / 100));
  const rate = converted.use ? ` at ${converted.use.rate.rate} of ${describeDay(converted.use.rate.date)}` : '';
  const shown = converted.use
    ? `${describeMoney(group.collectibleOverdue)} = ${describeMoney(converted.amount)}${rate}`
    : describeMoney(converted.amount);
  return { name: 'amount', points: round1(points), detail: `${shown} overdue` };
}

function latePart(input: PriorityInput): PriorityPart {
  let paid = 0;
  let late = 0;
  for (const invoice of input.invoices) {
    if (invoice.currency !== input.group.currency || invoice.documentType !== 'Invoice' || invoice.amount.minor <= 0n)
      continue;
    const paidOn = paidInFullOn(invoice, input.applicationsByInvoice.get(invoice.invoiceNumber), input.day);
    if (paidOn === null || paidOn < input.day - HISTORY_DAYS) continue;
    paid++;
    if (paidOn > invoice.dueDate) late++;
  }
  if (paid === 0) return { name: 'late payment history', points: 0, detail: 'no invoices paid in the last 365 days' };
  return {
    name: 'late payment history',
    points: round1((PRIORITY_WEIGHTS.latePayments * late) / paid),
    detail: `${late} of ${paid} invoices paid in the last 365 days were paid late`,
  };
}

export function priorityOf(input: PriorityInput): { score: number; parts: PriorityPart[] } {
  const { group, day } = input;
  const age = group.anchor ? day - group.anchor.invoice.dueDate : 0;
  const disputedShare =
    group.totalOverdue.minor > 0n ? Number((group.disputedOverdue.minor * 1000n) / group.totalOverdue.minor) / 1000 : 0;
  const parts: PriorityPart[] = [
    amountPart(input),
    {
      name: 'age',
      points: round1(PRIORITY_WEIGHTS.age * Math.min(1, Math.max(0, age) / FULL_AGE_DAYS)),
      detail: group.anchor
        ? `oldest collectible invoice ${group.anchor.invoice.invoiceNumber} is ${age} days past due`
        : 'nothing collectible is past due',
    },
    {
      name: 'broken promises',
      points: Math.min(PRIORITY_WEIGHTS.brokenPromises, 5 * input.brokenPromises),
      detail: `${input.brokenPromises} broken promise${input.brokenPromises === 1 ? '' : 's'} in the last 365 days`,
    },
    {
      name: 'disputes',
      points: round1(PRIORITY_WEIGHTS.disputes * disputedShare),
      detail: `${Math.round(disputedShare * 100)}% of the overdue amount is disputed`,
    },
    latePart(input),
  ];
  return { score: round1(parts.reduce((sum, part) => sum + part.points, 0)), parts };
}
