/**
 * Where promises to pay and payment plans stand on a day. A promise that is open and not yet
 * broken pauses dunning; an approved plan in good standing takes its invoices out of dunning. Both
 * block suspension (rule 8). Their outcomes (kept, broken, defaulted, completed) are decided
 * here from the cash actually received, never from what someone typed.
 */
import type { Day } from '../calendar';
import type { Money } from '../money';
import type { PaymentPlan, PromiseToPay } from '../portfolio';
import type { PortfolioIndex } from './portfolioIndex';

export interface PromiseStanding {
  promise: PromiseToPay;
  /** open, logged by the day, and not yet past its promised date plus grace */
  pausesDunning: boolean;
  outcome: 'Kept' | 'Broken' | null;
  received: Money;
}

/** Cash received from the customer in the promise's currency between logging and `until`. */
function receivedFor(index: PortfolioIndex, promise: PromiseToPay, until: Day): bigint {
  let received = 0n;
  for (const payment of index.paymentsByCustomer.get(promise.customerNumber) ?? []) {
    if (
      payment.currency === promise.currency &&
      payment.receivedDate >= promise.loggedDate &&
      payment.receivedDate <= until
    ) {
      received += payment.amount.minor;
    }
  }
  return received;
}

export function promiseStanding(
  index: PortfolioIndex,
  promise: PromiseToPay,
  day: Day,
  graceDays: number,
): PromiseStanding {
  const deadline = promise.promisedDate + graceDays;
  const received: Money = { currency: promise.currency, minor: receivedFor(index, promise, Math.min(day, deadline)) };
  if (promise.status !== 'Open' || promise.loggedDate > day)
    return { promise, pausesDunning: false, outcome: null, received };
  if (received.minor >= promise.amount.minor) return { promise, pausesDunning: false, outcome: 'Kept', received };
  if (day > deadline) return { promise, pausesDunning: false, outcome: 'Broken', received };
  return { promise, pausesDunning: true, outcome: null, received };
}

export interface PlanStanding {
  plan: PaymentPlan;
  /** approved or active, not defaulted, not completed: its invoices leave dunning */
  inGoodStanding: boolean;
  paid: Money;
  missedInstallments: number[];
  /** the status the plan should now have, when it differs from the recorded one */
  newStatus: 'Active' | 'Completed' | 'Defaulted' | null;
}

/** Cash applied to the plan's invoices from its approval on, allocated to installments in due order. */
function paidTowards(index: PortfolioIndex, plan: PaymentPlan, day: Day): bigint {
  const from = plan.approvedDate ?? Number.NEGATIVE_INFINITY;
  let paid = 0n;
  for (const invoice of index.invoicesByCustomer.get(plan.customerNumber) ?? []) {
    if (invoice.paymentPlanId !== plan.id) continue;
    for (const application of index.applicationsByInvoice.get(invoice.invoiceNumber) ?? []) {
      if (application.appliedDate > day) break;
      if (application.appliedDate >= from) paid += application.amount.minor;
    }
  }
  return paid;
}

export function planStanding(index: PortfolioIndex, plan: PaymentPlan, day: Day, graceDays: number): PlanStanding {
  const live = plan.status === 'Approved' || plan.status === 'Active';
  const paid: Money = { currency: plan.currency, minor: live ? paidTowards(index, plan, day) : 0n };
  if (!live) return { plan, inGoodStanding: false, paid, missedInstallments: [], newStatus: null };
  const missedInstallments: number[] = [];
  let dueSoFar = 0n;
  for (const installment of [...plan.installments].sort((a, b) => a.dueDate - b.dueDate)) {
    dueSoFar += installment.amount.minor;
    if (installment.dueDate + graceDays < day && paid.minor < dueSoFar) missedInstallments.push(installment.number);
  }
  const completed = paid.minor >= plan.total.minor;
  const status = completed ? 'Completed' : missedInstallments.length > 0 ? 'Defaulted' : 'Active';
  return {
    plan,
    inGoodStanding: status === 'Active',
    paid,
    missedInstallments,
    newStatus: status === plan.status ? null : status,
  };
}
