/**
 * Decides one day of collections: given the portfolio, the policy and an explicit as-of date,
 * every action to take and every case's refreshed state, in a deterministic order. Pure: no I/O,
 * no clock. Running it again after its actions were applied yields nothing new (rule 2): each
 * action's key is derived from the case, the step or the record it concerns, and the engine
 * skips keys already in the history.
 */
import { addBusinessDays, businessCalendarFor } from '../businessCalendar';
import { formatDay, type Day } from '../calendar';
import type { Money } from '../money';
import type { CollectionsPolicy } from '../policy';
import type { Account, NoticeRecord, Portfolio, PromiseToPay } from '../portfolio';
import type { Action, ActionKind, CaseRefresh, DayPlan, EscalationReason, NextAction } from './actions';
import { customerGroups, type GroupState } from './groupState';
import { recordFor } from './applyPlan';
import { customerInvoiceUpdates, type InvoiceUpdate } from './invoiceState';
import { groupKey, indexPortfolio, type PortfolioIndex } from './portfolioIndex';
import { HIGH_PRIORITY_SCORE, priorityOf } from './priority';
import { describeDay, describeMoney, listWords } from './reasons';
import { planStanding, promiseStanding, type PlanStanding, type PromiseStanding } from './standing';
import { advanceTimeline, CALENDAR_DAYS, noticeFor, type DayCounter } from './timeline';

/** Counts in the business days of the customer's market (its country's calendar). */
export function businessDayCounter(country: string | null): DayCounter {
  const calendar = businessCalendarFor(country);
  return { advance: (from, count) => addBusinessDays(from, count, calendar) };
}

const KIND_ORDER: readonly ActionKind[] = [
  'plan-status',
  'promise-outcome',
  'lift-suspension',
  'notice',
  'call-task',
  'suspend',
  'write-off-referral',
  'small-balance-write-off',
  'escalate',
];

const BROKEN_PROMISE_WINDOW = 365;

interface CustomerContext {
  index: PortfolioIndex;
  policy: CollectionsPolicy;
  day: Day;
  counter: DayCounter;
  account: Account;
  plans: PlanStanding[];
  promises: PromiseStanding[];
  exempt: boolean;
  suspendedOn: Day | null;
  actions: Action[];
  cases: CaseRefresh[];
}

function isNew(index: PortfolioIndex, key: string): boolean {
  return !index.noticesByKey.has(key);
}

function exemptOn(account: Account, day: Day): boolean {
  return account.exempt && (account.exemptUntil === null || day <= account.exemptUntil);
}

function standingActions(context: CustomerContext): void {
  const { account, actions, index } = context;
  for (const standing of context.plans) {
    if (!standing.newStatus) continue;
    const key = `plan|${standing.plan.id}|${standing.newStatus}`;
    if (!isNew(index, key)) continue;
    const reason =
      standing.newStatus === 'Defaulted'
        ? `payment plan ${standing.plan.id} defaulted: installment${standing.missedInstallments.length === 1 ? '' : 's'} ${listWords(standing.missedInstallments.map(String))} not paid, ${describeMoney(standing.paid)} received towards ${describeMoney(standing.plan.total)}`
        : standing.newStatus === 'Completed'
          ? `payment plan ${standing.plan.id} completed: ${describeMoney(standing.paid)} received`
          : `payment plan ${standing.plan.id} approved: it now covers its invoices`;
    actions.push({
      kind: 'plan-status',
      key,
      customerNumber: account.customerNumber,
      currency: standing.plan.currency,
      caseKey: null,
      reason,
      planId: standing.plan.id,
      status: standing.newStatus,
      missedInstallments: standing.missedInstallments,
    });
  }
  for (const standing of context.promises) {
    if (!standing.outcome) continue;
    const key = `promise|${standing.promise.id}|${standing.outcome}`;
    if (!isNew(index, key)) continue;
    actions.push({
      kind: 'promise-outcome',
      key,
      customerNumber: account.customerNumber,
      currency: standing.promise.currency,
      caseKey: null,
      reason: `promise ${standing.promise.id} of ${describeMoney(standing.promise.amount)} by ${describeDay(standing.promise.promisedDate)} ${standing.outcome === 'Kept' ? 'kept' : 'broken'}: ${describeMoney(standing.received)} received`,
      promiseId: standing.promise.id,
      outcome: standing.outcome,
      received: standing.received,
    });
  }
}

function courtesyReminder(context: CustomerContext, group: GroupState, minimum: bigint): void {
  const step = context.policy.steps.find((candidate) => candidate.action === 'Courtesy_Reminder');
  if (!step) return;
  const { day, counter, index } = context;
  const upcoming = group.open.filter(
    (item) =>
      item.collectible > 0n &&
      item.line.daysPastDue <= 0 &&
      counter.advance(item.invoice.dueDate, step.offsetDays) <= day &&
      !index.courtesyCovered.has(`${group.customerNumber}|${item.invoice.invoiceNumber}`),
  );
  const total = upcoming.reduce((sum, item) => sum + item.collectible, 0n);
  if (upcoming.length === 0 || total < minimum) return;
  const key = `${group.customerNumber}|${group.currency}|${step.name}|${formatDay(day)}`;
  if (!isNew(index, key)) return;
  const names = listWords(upcoming.map((item) => item.invoice.invoiceNumber));
  const dues = listWords([...new Set(upcoming.map((item) => describeDay(item.invoice.dueDate)))]);
  const reason = `${step.label}: ${names} fall${upcoming.length === 1 ? 's' : ''} due on ${dues}, ${describeMoney({ currency: group.currency, minor: total })}`;
  const notice = noticeFor(
    timelineContextStub(context, group),
    step,
    key,
    'send',
    upcoming.map((item) => item.line),
    reason,
  );
  context.actions.push({
    ...notice,
    overdue: { currency: group.currency, minor: total },
    netDue: { currency: group.currency, minor: total },
  });
}

/** The parts of a timeline context a courtesy reminder needs (it belongs to no case). */
function timelineContextStub(context: CustomerContext, group: GroupState) {
  return {
    policy: context.policy,
    day: context.day,
    counter: context.counter,
    group,
    caseKey: '',
    done: new Map<string, NoticeRecord>(),
    minimumOverdue: 0n,
    paymentInstruction: paymentInstructionFor(context.policy, group.account, group.currency),
    pausedByPromise: false,
    suspensionBlocked: null,
    suspendedOn: null,
  };
}

function paymentInstructionFor(policy: CollectionsPolicy, account: Account, currency: string) {
  const sameCurrency = policy.paymentInstructions.filter((instruction) => instruction.currency === currency);
  return (
    sameCurrency.find((instruction) => instruction.billingEntity === account.billingEntity) ?? sameCurrency[0] ?? null
  );
}

function escalate(
  context: CustomerContext,
  group: GroupState,
  caseKey: string,
  escalation: EscalationReason,
  subjectId: string | null,
  reason: string,
): boolean {
  const key = `${caseKey}|escalation|${escalation}${subjectId ? `|${subjectId}` : ''}`;
  if (!isNew(context.index, key)) return false;
  context.actions.push({
    kind: 'escalate',
    key,
    customerNumber: group.customerNumber,
    currency: group.currency,
    caseKey,
    reason,
    escalation,
    subjectId,
  });
  return true;
}

function smallBalanceWriteOff(context: CustomerContext, group: GroupState, limit: Money | undefined): void {
  if (!limit || limit.minor <= 0n || context.exempt || !group.anchor) return;
  const overdue = group.collectibleOverdue.minor;
  if (overdue <= 0n || overdue > limit.minor) return;
  const referral = context.policy.steps.find((step) => step.action === 'Write_Off_Referral');
  const after = referral?.offsetDays ?? 90;
  if (context.counter.advance(group.anchor.invoice.dueDate, after) > context.day) return;
  const key = `${group.customerNumber}|${group.currency}|Small_Balance_Write_Off|${formatDay(group.anchor.invoice.dueDate)}`;
  if (!isNew(context.index, key)) return;
  const items = group.open.filter((item) => item.collectible > 0n && item.line.daysPastDue > 0);
  context.actions.push({
    kind: 'small-balance-write-off',
    key,
    customerNumber: group.customerNumber,
    currency: group.currency,
    caseKey: context.index.openCases.get(groupKey(group.customerNumber, group.currency))?.caseKey ?? null,
    reason: `small balance: ${describeMoney(group.collectibleOverdue)} overdue is within the ${describeMoney(limit)} write-off limit and ${context.day - group.anchor.invoice.dueDate} days past due`,
    amount: group.collectibleOverdue,
    invoiceNumbers: items.map((item) => item.invoice.invoiceNumber),
  });
}

function brokenPromiseCount(context: CustomerContext, currency: string): number {
  return context.promises.filter(
    (standing) =>
      standing.promise.currency === currency &&
      (standing.promise.status === 'Broken' || standing.outcome === 'Broken') &&
      standing.promise.promisedDate >= context.day - BROKEN_PROMISE_WINDOW,
  ).length;
}

function lastEscalation(notices: readonly NoticeRecord[], fresh: readonly Action[]): EscalationReason | null {
  const freshEscalation = [...fresh].reverse().find((action) => action.kind === 'escalate');
  if (freshEscalation && freshEscalation.kind === 'escalate') return freshEscalation.escalation;
  const recorded = notices
    .filter((notice) => notice.action === 'Escalation')
    .sort((a, b) => a.asOf - b.asOf || a.key.localeCompare(b.key));
  const match = /\|escalation\|([A-Za-z_]+)/.exec(recorded[recorded.length - 1]?.key ?? '');
  return (match?.[1] as EscalationReason | undefined) ?? null;
}

function caseStatus(
  group: GroupState,
  closing: boolean,
  suspendedOn: Day | null,
  referred: boolean,
  paused: boolean,
  worked: boolean,
): CaseRefresh['status'] {
  if (closing) return 'Closed';
  if (referred) return 'Referred';
  if (suspendedOn !== null) return 'Suspended';
  if (group.totalOverdue.minor > 0n && group.collectibleOverdue.minor === 0n) {
    if (group.open.some((item) => item.planCovered && item.line.daysPastDue > 0)) return 'Payment_Plan';
    if (group.disputedOverdue.minor > 0n) return 'Disputed';
  }
  if (paused) return 'Promise_To_Pay';
  return worked ? 'Working' : 'New';
}

function planGroup(context: CustomerContext, group: GroupState): void {
  const { index, policy, day, account } = context;
  const threshold = policy.thresholds.get(group.currency);
  const minimum = threshold?.minimumOverdue.minor ?? 0n;
  courtesyReminder(context, group, minimum);
  smallBalanceWriteOff(context, group, threshold?.smallBalanceLimit);

  const existing = index.openCases.get(groupKey(group.customerNumber, group.currency));
  const qualifies =
    group.anchor !== null && group.collectibleOverdue.minor > 0n && group.collectibleOverdue.minor >= minimum;
  if (!existing && !qualifies) return;
  const caseKey = existing?.caseKey ?? `${group.customerNumber}|${group.currency}|${formatDay(day)}`;
  const notices = index.noticesByCase.get(caseKey) ?? [];
  const done = new Map(notices.filter((notice) => notice.step !== null).map((notice) => [notice.step ?? '', notice]));
  // A reminder sent from the console before the batch opened the case carries the key of the case
  // opened tonight (see collectionsSendReminder) but no link to it: it counts as done, so the
  // customer does not get the same level twice.
  for (const step of policy.steps) {
    const earlier = done.has(step.name) ? undefined : index.noticesByKey.get(`${caseKey}|${step.name}`);
    if (earlier) done.set(step.name, earlier);
  }
  const pausingPromises = context.promises.filter(
    (standing) => standing.pausesDunning && standing.promise.currency === group.currency,
  );
  const goodPlan = context.plans.some((standing) => standing.inGoodStanding);
  const before = context.actions.length;

  const timelineContext = {
    policy,
    day,
    counter: context.counter,
    group,
    caseKey,
    done,
    minimumOverdue: minimum,
    paymentInstruction: paymentInstructionFor(policy, account, group.currency),
    pausedByPromise: pausingPromises.length > 0,
    suspensionBlocked: context.exempt ? 'exempt' : goodPlan ? 'plan' : null,
    suspendedOn: context.suspendedOn,
  };
  const timeline = advanceTimeline(timelineContext);
  // The case is refreshed to how it stands once tonight's step is done, so that a rerun of the
  // night, which reads that step from the history, refreshes it to exactly the same values.
  let after = timeline;
  const tonight = timeline.action ? recordFor(timeline.action, day, index.noticesByKey.get(timeline.action.key)) : null;
  if (timeline.action && tonight?.step) {
    after = advanceTimeline({
      ...timelineContext,
      done: new Map(done).set(tonight.step, tonight),
      suspendedOn: timeline.action.kind === 'suspend' ? day : context.suspendedOn,
    });
  }
  // The timeline reads the case's history itself: a key it returns is new, or an approved or
  // failed notice to send now under its existing key.
  if (timeline.action) {
    context.actions.push(timeline.action);
    if (timeline.action.kind === 'suspend') context.suspendedOn = day;
  }

  for (const standing of context.promises) {
    if (standing.outcome === 'Broken' && standing.promise.currency === group.currency) {
      escalate(
        context,
        group,
        caseKey,
        'Broken_Promise',
        standing.promise.id,
        `promise ${standing.promise.id} of ${describeMoney(standing.promise.amount)} by ${describeDay(standing.promise.promisedDate)} was broken`,
      );
    }
  }
  for (const standing of context.plans) {
    if (standing.newStatus === 'Defaulted' && standing.plan.currency === group.currency) {
      escalate(
        context,
        group,
        caseKey,
        'Defaulted_Installment',
        standing.plan.id,
        `payment plan ${standing.plan.id} defaulted on installment ${listWords(standing.missedInstallments.map(String))}`,
      );
    }
  }
  const openInvoices = new Set(group.open.map((item) => item.invoice.invoiceNumber));
  for (const dispute of index.disputesByCustomer.get(group.customerNumber) ?? []) {
    const open = dispute.status === 'Open' || dispute.status === 'In_Review';
    if (
      open &&
      dispute.targetResolutionDate !== null &&
      dispute.targetResolutionDate < day &&
      dispute.lines.some((line) => openInvoices.has(line.invoiceNumber))
    ) {
      escalate(
        context,
        group,
        caseKey,
        'Dispute_Overdue',
        dispute.id,
        `dispute ${dispute.id} passed its target resolution date ${describeDay(dispute.targetResolutionDate)}`,
      );
    }
  }
  const priority = priorityOf({
    group,
    day,
    policy,
    rates: index.portfolio.rates,
    brokenPromises: brokenPromiseCount(context, group.currency),
    invoices: index.invoicesByCustomer.get(group.customerNumber) ?? [],
    applicationsByInvoice: index.applicationsByInvoice,
  });
  if (priority.score >= HIGH_PRIORITY_SCORE) {
    escalate(
      context,
      group,
      caseKey,
      'High_Priority',
      null,
      `priority ${priority.score} of 100: ${priority.parts.map((part) => `${part.name} ${part.points}`).join(', ')}`,
    );
  }

  const closing = existing !== undefined && group.totalOverdue.minor === 0n && context.suspendedOn === null;
  const fresh = context.actions.slice(before);
  const referred = [...done.values()].some(
    (notice) => notice.action === 'Write_Off_Referral' && notice.status !== 'Rejected' && notice.status !== 'Cancelled',
  );
  const followUp = nextFollowUp(context, group, pausingPromises, after.nextAction, after.nextActionDate);
  context.cases.push({
    caseKey,
    customerNumber: group.customerNumber,
    currency: group.currency,
    opened: !existing,
    openedDate: existing?.openedDate ?? day,
    status: caseStatus(
      group,
      closing,
      context.suspendedOn,
      referred,
      pausingPromises.length > 0,
      notices.length > 0 || fresh.length > 0,
    ),
    closedDate: closing ? day : null,
    aging: group.aging,
    totalOpen: group.totalOpen,
    totalOverdue: group.totalOverdue,
    dunningLevel: after.level,
    priorityScore: priority.score,
    priorityParts: priority.parts,
    nextAction: closing ? 'None' : followUp.nextAction,
    nextActionDate: closing ? null : followUp.date,
    escalation: lastEscalation(notices, fresh),
  });
}

function nextFollowUp(
  context: CustomerContext,
  group: GroupState,
  pausing: readonly PromiseStanding[],
  nextAction: NextAction,
  date: Day | null,
): { nextAction: NextAction; date: Day | null } {
  if (nextAction === 'Follow_Up_Promise') {
    const deadlines = pausing.map((standing) => standing.promise.promisedDate + context.policy.promiseGraceDays + 1);
    return { nextAction, date: deadlines.length > 0 ? Math.min(...deadlines) : null };
  }
  if (nextAction === 'Review_Dispute') {
    const targets = (context.index.disputesByCustomer.get(group.customerNumber) ?? [])
      .filter(
        (dispute) =>
          (dispute.status === 'Open' || dispute.status === 'In_Review') && dispute.targetResolutionDate !== null,
      )
      .map((dispute) => dispute.targetResolutionDate as Day);
    return { nextAction, date: targets.length > 0 ? Math.min(...targets) : null };
  }
  return { nextAction, date };
}

function liftSuspension(context: CustomerContext, groups: readonly GroupState[], suspendedBefore: Day | null): void {
  const { account, policy } = context;
  if (account.status !== 'Suspended' || suspendedBefore === null || context.suspendedOn !== suspendedBefore) return;
  const stillOverdue = groups.filter((group) => {
    const minimum = policy.thresholds.get(group.currency)?.minimumOverdue.minor ?? 0n;
    return group.collectibleOverdue.minor > 0n && group.collectibleOverdue.minor >= minimum;
  });
  const goodPlan = context.plans.some((standing) => standing.inGoodStanding);
  if (stillOverdue.length > 0 && !context.exempt && !goodPlan) return;
  const key = `${account.customerNumber}|Suspension_Lift|${formatDay(suspendedBefore)}`;
  if (!isNew(context.index, key)) return;
  const cause = context.exempt
    ? 'the account is exempt'
    : goodPlan && stillOverdue.length > 0
      ? 'an approved payment plan is in good standing'
      : 'nothing collectible is overdue any more';
  context.actions.push({
    kind: 'lift-suspension',
    key,
    customerNumber: account.customerNumber,
    currency: null,
    caseKey: null,
    reason: `lift the suspension of ${describeDay(suspendedBefore)}: ${cause}`,
    suspensionDate: suspendedBefore,
  });
}

function planCustomer(
  index: PortfolioIndex,
  policy: CollectionsPolicy,
  day: Day,
  account: Account,
  counter: DayCounter,
  actions: Action[],
  cases: CaseRefresh[],
): void {
  const plans = (index.plansByCustomer.get(account.customerNumber) ?? []).map((plan) =>
    planStanding(index, plan, day, policy.installmentGraceDays),
  );
  const promises = (index.promisesByCustomer.get(account.customerNumber) ?? []).map((promise: PromiseToPay) =>
    promiseStanding(index, promise, day, policy.promiseGraceDays),
  );
  const suspendedBefore =
    account.status === 'Suspended' || account.status === 'Referred_To_Write_Off' ? account.suspensionDate : null;
  const context: CustomerContext = {
    index,
    policy,
    day,
    counter,
    account,
    plans,
    promises,
    exempt: exemptOn(account, day),
    suspendedOn: suspendedBefore,
    actions,
    cases,
  };
  standingActions(context);
  const goodStanding = new Set(plans.filter((standing) => standing.inGoodStanding).map((standing) => standing.plan.id));
  const caseCurrencies = (index.openCasesByCustomer.get(account.customerNumber) ?? []).map((c) => c.currency);
  const groups = customerGroups(index, account, day, goodStanding, caseCurrencies);
  for (const group of groups) planGroup(context, group);
  liftSuspension(context, groups, suspendedBefore);
}

function compareActions(a: Action, b: Action): number {
  return (
    a.customerNumber.localeCompare(b.customerNumber) ||
    (a.currency ?? '').localeCompare(b.currency ?? '') ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    a.key.localeCompare(b.key)
  );
}

export function planDay(portfolio: Portfolio, policy: CollectionsPolicy, day: Day): DayPlan {
  const actions: Action[] = [];
  const cases: CaseRefresh[] = [];
  for (const shard of shards(portfolio, policy, day, Number.POSITIVE_INFINITY, false)) {
    actions.push(...shard.actions);
    cases.push(...shard.cases);
  }
  cases.sort((a, b) => a.caseKey.localeCompare(b.caseKey));
  return { asOf: day, actions, cases };
}

/**
 * The plan for some of the customers: their actions and cases, who they are, and the invoices of
 * theirs whose Invoice__c fields the night must rewrite (invoiceState.ts).
 *
 * The invoice updates travel with the shard, not in DayPlan, and are computed here rather than
 * from the records of the shard when they are written: they are a projection of the ledger, not a
 * decision, and computing them here reads the index the shard was just decided from (invoices,
 * applications and disputes by customer) instead of grouping a million invoices and applications
 * a second time, by customer, to hand each shard its slice. planDay, which many callers compare,
 * keeps its output; applyDayPlan computes the same updates with invoiceUpdates(portfolio, plan).
 */
export interface ShardPlan extends DayPlan {
  customers: string[];
  invoiceUpdates: InvoiceUpdate[];
}

/**
 * The day decided a group of customers at a time, in customer order. Every customer's decisions
 * depend on that customer's records alone, so the shards together are exactly planDay's plan
 * (actions are ordered by customer first); a large night can then be turned into records shard by
 * shard instead of holding every action at once.
 */
export function planDayInShards(
  portfolio: Portfolio,
  policy: CollectionsPolicy,
  day: Day,
  customersPerShard: number,
  /** false when nothing will be written (a plan only): the invoice updates are then left empty */
  withInvoices = true,
): Generator<ShardPlan> {
  return shards(portfolio, policy, day, customersPerShard, withInvoices);
}

function* shards(
  portfolio: Portfolio,
  policy: CollectionsPolicy,
  day: Day,
  customersPerShard: number,
  withInvoices: boolean,
): Generator<ShardPlan> {
  const index = indexPortfolio(portfolio);
  const accounts = [...index.accounts.values()].sort((a, b) => a.customerNumber.localeCompare(b.customerNumber));
  for (let start = 0; start < accounts.length; start += customersPerShard) {
    const shard = accounts.slice(start, start + customersPerShard);
    const actions: Action[] = [];
    const cases: CaseRefresh[] = [];
    const invoiceUpdates: InvoiceUpdate[] = [];
    for (const account of shard) {
      const counter = policy.countBusinessDays ? businessDayCounter(account.country) : CALENDAR_DAYS;
      const before = actions.length;
      planCustomer(index, policy, day, account, counter, actions, cases);
      if (!withInvoices) continue;
      for (const update of customerInvoiceUpdates(index, account.customerNumber, actions.slice(before), day))
        invoiceUpdates.push(update);
    }
    actions.sort(compareActions);
    cases.sort((a, b) => a.caseKey.localeCompare(b.caseKey));
    yield { asOf: day, actions, cases, customers: shard.map((account) => account.customerNumber), invoiceUpdates };
  }
}
