/**
 * A small language for engine tests: build a portfolio with literal data, then run the nightly
 * cycle day by day the way the batch would (plan, apply, let managers decide approvals).
 */
import { formatDay, parseDay, type Day } from '../../../src/domain/calendar';
import { parseMoney } from '../../../src/domain/money';
import type { CollectionsPolicy } from '../../../src/domain/policy';
import { emptyPortfolio, type Account, type NoticeRecord, type Portfolio } from '../../../src/domain/portfolio';
import type { Action, DayPlan } from '../../../src/domain/engine/actions';
import { applyPlan, decideApprovals } from '../../../src/domain/engine/applyPlan';
import { planDay } from '../../../src/domain/engine/planDay';
import { loadSourcePolicy } from '../../../src/snapshot/sourcePolicy';
import { REPO_ROOT } from '../../metadata/projectCopy';

export const d = parseDay;
export const POLICY: CollectionsPolicy = loadSourcePolicy(REPO_ROOT);

export function account(customerNumber: string, extra: Partial<Account> = {}): Account {
  return {
    customerNumber,
    name: `Customer ${customerNumber}`,
    country: 'CA',
    language: 'en_US',
    billingEmail: `ap@${customerNumber.toLowerCase()}.example`,
    billingEntity: 'CA01',
    collector: 'collector@example.com',
    status: 'Current',
    suspensionWarningDate: null,
    suspensionDate: null,
    exempt: false,
    exemptUntil: null,
    ...extra,
  };
}

export class PortfolioBuilder {
  readonly portfolio: Portfolio = emptyPortfolio();

  account(customerNumber: string, extra: Partial<Account> = {}): this {
    this.portfolio.accounts.push(account(customerNumber, extra));
    return this;
  }

  invoice(
    invoiceNumber: string,
    customerNumber: string,
    amount: string,
    currency: string,
    invoiceDate: string,
    dueDate: string,
    planId: string | null = null,
  ): this {
    const money = parseMoney(amount, currency);
    this.portfolio.invoices.push({
      invoiceNumber,
      customerNumber,
      documentType: money.minor < 0n ? 'Credit_Memo' : 'Invoice',
      currency,
      invoiceDate: d(invoiceDate),
      dueDate: d(dueDate),
      amount: money,
      poNumber: null,
      documentUrl: null,
      paymentPlanId: planId,
    });
    return this;
  }

  /** A payment received and applied in full to one invoice (or unapplied when invoiceNumber is null). */
  payment(
    reference: string,
    customerNumber: string,
    amount: string,
    currency: string,
    date: string,
    invoiceNumber: string | null,
  ): this {
    const money = parseMoney(amount, currency);
    this.portfolio.payments.push({
      paymentReference: reference,
      customerNumber,
      currency,
      receivedDate: d(date),
      amount: money,
    });
    if (invoiceNumber)
      this.portfolio.applications.push({
        paymentReference: reference,
        invoiceNumber,
        appliedDate: d(date),
        amount: money,
      });
    return this;
  }

  dispute(
    id: string,
    customerNumber: string,
    opened: string,
    lines: Array<[string, string, string]>,
    target: string | null = null,
  ): this {
    this.portfolio.disputes.push({
      id,
      customerNumber,
      status: 'Open',
      openedDate: d(opened),
      targetResolutionDate: target ? d(target) : null,
      resolvedDate: null,
      lines: lines.map(([invoiceNumber, amount, currency]) => ({
        invoiceNumber,
        amount: parseMoney(amount, currency),
      })),
    });
    return this;
  }

  promise(
    id: string,
    customerNumber: string,
    amount: string,
    currency: string,
    logged: string,
    promised: string,
  ): this {
    this.portfolio.promises.push({
      id,
      customerNumber,
      currency,
      amount: parseMoney(amount, currency),
      loggedDate: d(logged),
      promisedDate: d(promised),
      status: 'Open',
    });
    return this;
  }

  plan(
    id: string,
    customerNumber: string,
    currency: string,
    approved: string,
    installments: Array<[string, string]>,
  ): this {
    const list = installments.map(([due, amount], i) => ({
      number: i + 1,
      dueDate: d(due),
      amount: parseMoney(amount, currency),
    }));
    this.portfolio.plans.push({
      id,
      customerNumber,
      currency,
      status: 'Approved',
      approvedDate: d(approved),
      total: { currency, minor: list.reduce((sum, i) => sum + i.amount.minor, 0n) },
      installments: list,
    });
    return this;
  }

  rate(from: string, to: string, rate: string, date: string): this {
    this.portfolio.rates.push({ from, to, rate, date: d(date) });
    return this;
  }
}

export type Approver = (notice: NoticeRecord, day: Day) => 'Approved' | 'Rejected' | null;

/** Approves every pending request the day after it was made. */
export const APPROVE_NEXT_DAY: Approver = (notice, day) => (day > notice.asOf ? 'Approved' : null);

export interface Run {
  day: Day;
  plan: DayPlan;
}

/**
 * Runs the nightly cycle on each day from `from` to `to` (inclusive) for which `runsOn` is true,
 * applying each plan; managers decide pending approvals before each run.
 */
export function simulate(
  start: Portfolio,
  from: string,
  to: string,
  options: {
    policy?: CollectionsPolicy;
    approve?: Approver;
    runsOn?: (day: Day) => boolean;
    between?: (portfolio: Portfolio, day: Day) => Portfolio;
  } = {},
): { portfolio: Portfolio; runs: Run[] } {
  const policy = options.policy ?? POLICY;
  let portfolio = start;
  const runs: Run[] = [];
  for (let day = d(from); day <= d(to); day++) {
    if (options.between) portfolio = options.between(portfolio, day);
    if (options.runsOn && !options.runsOn(day)) continue;
    const approve = options.approve ?? APPROVE_NEXT_DAY;
    portfolio = decideApprovals(portfolio, (notice) => approve(notice, day));
    const plan = planDay(portfolio, policy, day);
    portfolio = applyPlan(portfolio, plan);
    runs.push({ day, plan });
  }
  return { portfolio, runs };
}

/** "2026-02-01 notice Reminder_1 C1|USD" lines: what happened, readable in a failing assertion. */
export function timelineOf(runs: readonly Run[], filter: (action: Action) => boolean = () => true): string[] {
  return runs.flatMap((run) =>
    run.plan.actions.filter(filter).map((action) => {
      const what =
        action.kind === 'notice'
          ? `${action.step}${action.delivery === 'request-approval' ? ' (approval requested)' : ''}`
          : 'step' in action
            ? action.step
            : action.kind === 'escalate'
              ? action.escalation
              : '';
      return `${formatDay(run.day)} ${action.kind} ${what} ${action.customerNumber}|${action.currency ?? '-'}`.trimEnd();
    }),
  );
}
