/**
 * Invariants of the engine over random portfolios and random sequences of nights (fast-check):
 * invoices in three currencies, partial and full payments, credit memos, disputes that open and
 * resolve, promises, exemptions, nights without a run, managers who approve late or reject.
 */
import fc from 'fast-check';
import { formatDay, parseDay, type Day } from '../../../src/domain/calendar';
import type { Action, CaseRefresh, NoticeAction } from '../../../src/domain/engine/actions';
import { applyPlan, decideApprovals } from '../../../src/domain/engine/applyPlan';
import { planDay } from '../../../src/domain/engine/planDay';
import type { Money } from '../../../src/domain/money';
import { emptyPortfolio, type Portfolio } from '../../../src/domain/portfolio';
import { account, POLICY } from './scenario';

const START = parseDay('2026-01-01');
const QUARTER = 100;
const CURRENCIES = ['USD', 'EUR', 'JPY'] as const;

interface InvoiceSpec {
  currency: (typeof CURRENCIES)[number];
  units: number;
  issued: number;
  terms: number;
  credit: boolean;
  paidShare: number;
  paidOn: number;
  disputed: boolean;
  disputeOpen: number;
  disputeDays: number;
}

const invoiceSpec = fc.record({
  currency: fc.constantFrom(...CURRENCIES),
  units: fc.integer({ min: 1, max: 20_000 }),
  issued: fc.integer({ min: 0, max: 60 }),
  terms: fc.constantFrom(0, 15, 30, 45),
  // one document in ten is a credit memo
  credit: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  paidShare: fc.constantFrom(0, 0, 0.5, 1),
  paidOn: fc.integer({ min: 0, max: QUARTER }),
  disputed: fc.boolean(),
  disputeOpen: fc.integer({ min: 0, max: QUARTER }),
  disputeDays: fc.integer({ min: 5, max: 60 }),
});

const customerSpec = fc.record({
  exempt: fc.constantFrom(false, false, false, true),
  invoices: fc.array(invoiceSpec, { minLength: 1, maxLength: 5 }),
  promise: fc.option(
    fc.record({
      logged: fc.integer({ min: 10, max: 80 }),
      days: fc.integer({ min: 3, max: 20 }),
      units: fc.integer({ min: 10, max: 5000 }),
    }),
  ),
});

const nightsSpec = fc.record({
  skipped: fc.uniqueArray(fc.integer({ min: 0, max: QUARTER }), { maxLength: 15 }),
  approvalDelay: fc.integer({ min: 0, max: 6 }),
  rejectEvery: fc.constantFrom(0, 3, 5),
});

function amount(currency: string, units: number): Money {
  return { currency, minor: BigInt(units) * (currency === 'JPY' ? 1n : 100n) };
}

function buildPortfolio(
  customers: Array<{
    exempt: boolean;
    invoices: Array<InvoiceSpec>;
    promise: { logged: number; days: number; units: number } | null;
  }>,
): Portfolio {
  const portfolio = emptyPortfolio();
  customers.forEach((customer, c) => {
    const id = `C${c + 1}`;
    portfolio.accounts.push(account(id, { exempt: customer.exempt }));
    customer.invoices.forEach((spec, i) => {
      const number = `${id}-INV-${i + 1}`;
      const total = amount(spec.currency, spec.units);
      portfolio.invoices.push({
        invoiceNumber: number,
        customerNumber: id,
        documentType: spec.credit ? 'Credit_Memo' : 'Invoice',
        currency: spec.currency,
        invoiceDate: START + spec.issued,
        dueDate: START + spec.issued + spec.terms,
        amount: spec.credit ? { ...total, minor: -total.minor } : total,
        poNumber: null,
        documentUrl: null,
        paymentPlanId: null,
      });
      if (spec.credit) return;
      if (spec.paidShare > 0 && spec.paidOn >= spec.issued) {
        const paid = { currency: spec.currency, minor: spec.paidShare === 1 ? total.minor : total.minor / 2n };
        const reference = `${number}-PAY`;
        portfolio.payments.push({
          paymentReference: reference,
          customerNumber: id,
          currency: spec.currency,
          receivedDate: START + spec.paidOn,
          amount: paid,
        });
        portfolio.applications.push({
          paymentReference: reference,
          invoiceNumber: number,
          appliedDate: START + spec.paidOn,
          amount: paid,
        });
      }
      if (spec.disputed) {
        const opened = START + spec.disputeOpen;
        portfolio.disputes.push({
          id: `${number}-DSP`,
          customerNumber: id,
          status: 'Resolved',
          openedDate: opened,
          targetResolutionDate: opened + 20,
          resolvedDate: opened + spec.disputeDays,
          lines: [{ invoiceNumber: number, amount: { currency: spec.currency, minor: total.minor / 2n } }],
        });
      }
    });
    if (customer.promise) {
      const currency = customer.invoices[0]?.currency ?? 'USD';
      portfolio.promises.push({
        id: `${id}-PTP`,
        customerNumber: id,
        currency,
        amount: amount(currency, customer.promise.units),
        loggedDate: START + customer.promise.logged,
        promisedDate: START + customer.promise.logged + customer.promise.days,
        status: 'Open',
      });
    }
  });
  return portfolio;
}

interface Night {
  day: Day;
  actions: Action[];
  rerun: Action[];
  /** the cases as refreshed by the night, and as a rerun of the night refreshes them */
  cases: CaseRefresh[];
  rerunCases: CaseRefresh[];
  portfolio: Portfolio;
}

function runQuarter(
  start: Portfolio,
  nights: { skipped: number[]; approvalDelay: number; rejectEvery: number },
): Night[] {
  let portfolio = start;
  let decisions = 0;
  const log: Night[] = [];
  for (let offset = 0; offset <= QUARTER; offset++) {
    if (nights.skipped.includes(offset)) continue;
    const day = START + offset;
    portfolio = decideApprovals(portfolio, (notice) => {
      if (day - notice.asOf < nights.approvalDelay) return null;
      decisions++;
      return nights.rejectEvery > 0 && decisions % nights.rejectEvery === 0 ? 'Rejected' : 'Approved';
    });
    const plan = planDay(portfolio, POLICY, day);
    portfolio = applyPlan(portfolio, plan);
    const rerun = planDay(portfolio, POLICY, day);
    log.push({
      day,
      actions: plan.actions,
      rerun: rerun.actions,
      cases: plan.cases,
      rerunCases: rerun.cases,
      portfolio,
    });
  }
  return log;
}

const portfolios = fc.array(customerSpec, { minLength: 1, maxLength: 4 }).map(buildPortfolio);
// FC_RUNS=500 npx jest properties runs a deeper search locally; CI keeps the default. A failure
// prints its seed and path: FC_SEED=<seed> FC_PATH=<path> replays it.
const RUNS = {
  numRuns: Number(process.env.FC_RUNS ?? 60),
  ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {}),
};

/** fast-check's path to the counterexample of seed 1949796615 (see the replayed test). */
const REPLAYED_PATH =
  '30:2:1:2:1:1:1:1:2:4:1:3:1:2:6:6:9:9:9:9:9:9:15:13:13:13:13:13:14:13:14:13:13:15:15:15:15:18:22:21:21:22:22:22:22:22:25:24:24:24:24:24:25:24:24:24:25:26:19:7:6:22:17:6:26:25:25:26:22:22:23:30:30:30:30:30:28:20:20:20:20:20:20:20:24:23:23:23:23:23:23:24:23:23:24:23:25:24:24:24:27:26:26:27:27:27:27:28:27:27:27:27:27:27:27:27:27:27:0:8:8';

/** Every night of a simulated quarter, planned again once applied, plans nothing more. */
const rerunAddsNothing = fc.property(portfolios, nightsSpec, (portfolio, nights) => {
  for (const night of runQuarter(portfolio, nights)) {
    if (night.rerun.length > 0)
      throw new Error(`${formatDay(night.day)}: the rerun planned ${night.rerun.map((a) => a.key).join(', ')}`);
  }
});

describe('engine invariants over a simulated quarter', () => {
  test('running a day twice adds nothing', () => {
    fc.assert(rerunAddsNothing, RUNS);
  });

  test('running a day twice adds nothing: a case found by a random run, replayed', () => {
    // Found in CI (2026-11-22): an account suspended and referred by its EUR and JPY cases got a
    // suspension warning from a later USD case, which set it back to Suspension_Warning; the rerun
    // then suspended it again through the JPY case. The replay keeps that portfolio in the tests.
    fc.assert(rerunAddsNothing, { seed: 1949796615, path: REPLAYED_PATH, endOnFailure: true });
  });

  test('no customer gets the same notice twice, and no reminder level twice in a case', () => {
    fc.assert(
      fc.property(portfolios, nightsSpec, (portfolio, nights) => {
        const delivered = new Set<string>();
        const levels = new Set<string>();
        for (const night of runQuarter(portfolio, nights)) {
          for (const action of night.actions) {
            const customerFacing =
              (action.kind === 'notice' && action.delivery === 'send') ||
              (action.kind === 'write-off-referral' && action.delivery === 'hand-off') ||
              action.kind === 'suspend' ||
              action.kind === 'call-task';
            if (!customerFacing) continue;
            if (delivered.has(action.key)) throw new Error(`${formatDay(night.day)}: ${action.key} delivered twice`);
            delivered.add(action.key);
            if (action.kind === 'notice' && action.noticeAction === 'Reminder') {
              const level = `${action.caseKey}|${action.level}`;
              if (levels.has(level)) throw new Error(`${formatDay(night.day)}: reminder level ${level} sent twice`);
              levels.add(level);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test('no suspension without an approved warning sent at least the notice period before', () => {
    fc.assert(
      fc.property(portfolios, nightsSpec, (portfolio, nights) => {
        const log = runQuarter(portfolio, nights);
        for (const night of log) {
          for (const action of night.actions) {
            if (action.kind !== 'suspend') continue;
            const warning = night.portfolio.notices.find(
              (n) => n.caseKey === action.caseKey && n.action === 'Suspension_Warning',
            );
            expect(warning?.status).toBe('Sent');
            expect(night.day - (warning?.sentDate ?? night.day)).toBeGreaterThanOrEqual(POLICY.suspensionNoticeDays);
            expect(night.portfolio.accounts.find((a) => a.customerNumber === action.customerNumber)?.exempt).toBe(
              false,
            );
          }
        }
      }),
      RUNS,
    );
  });

  test('currencies never mix: every amount of an action or case is in its currency', () => {
    fc.assert(
      fc.property(portfolios, nightsSpec, (portfolio, nights) => {
        let prior = portfolio;
        for (const night of runQuarter(portfolio, nights)) {
          const plan = planDay(prior, POLICY, night.day);
          prior = night.portfolio;
          for (const action of plan.actions) {
            const amounts: Money[] = [];
            if (action.kind === 'notice') {
              const notice: NoticeAction = action;
              amounts.push(
                notice.overdue,
                notice.netDue,
                notice.unappliedCash,
                ...notice.lines.flatMap((l) => [l.openBalance, l.disputed]),
                ...notice.credits.map((c) => c.openBalance),
              );
            }
            if (action.kind === 'call-task') amounts.push(action.overdue);
            if (action.kind === 'write-off-referral' || action.kind === 'small-balance-write-off')
              amounts.push(action.amount);
            for (const money of amounts) expect(money.currency).toBe(action.currency);
          }
          for (const refresh of plan.cases) {
            for (const money of [refresh.totalOpen, refresh.totalOverdue, ...refresh.aging.map((b) => b.amount)])
              expect(money.currency).toBe(refresh.currency);
          }
        }
      }),
      RUNS,
    );
  });
});
