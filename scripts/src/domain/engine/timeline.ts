/**
 * The Invoice Collection and Account Suspension Timeline for one collection case on one day.
 *
 * Steps are taken strictly in order, at most one per case per day (rule 4: no level is skipped,
 * however late the account entered the timeline). A step fires on or after its day, if not yet
 * done (rule 1): its day is counted from the due date of the oldest collectible overdue invoice
 * (rule 5), so a partial payment that clears the oldest invoice moves the clock, and a resolved
 * dispute brings its invoice back without jumping levels (rule 6). A suspension needs an approved,
 * sent warning and the notice period after it (rule 4), and is blocked by an exemption, a plan in
 * good standing or an unbroken promise (rule 8).
 */
import type { Day } from '../calendar';
import type { CollectionsPolicy, DunningStep, PaymentInstruction } from '../policy';
import type { NoticeRecord } from '../portfolio';
import type { Action, NextAction, NoticeAction, NoticeLine } from './actions';
import type { GroupState } from './groupState';
import { describeDay, describeMoney, describeOverdue } from './reasons';

/** Counts days the way the policy says: calendar days, or business days of the customer's market. */
export interface DayCounter {
  /** the day `count` days after `from` */
  advance(from: Day, count: number): Day;
}

export const CALENDAR_DAYS: DayCounter = {
  advance: (from, count) => from + count,
};

export interface TimelineContext {
  policy: CollectionsPolicy;
  day: Day;
  counter: DayCounter;
  group: GroupState;
  caseKey: string;
  /** the case's notices by policy step name */
  done: ReadonlyMap<string, NoticeRecord>;
  minimumOverdue: bigint;
  paymentInstruction: PaymentInstruction | null;
  /** an open promise pauses the timeline */
  pausedByPromise: boolean;
  /** why suspension-related steps may not proceed (exemption, plan in good standing), or null */
  suspensionBlocked: string | null;
  /** the account's suspension date when it is suspended (by this case or another) */
  suspendedOn: Day | null;
}

export interface TimelineResult {
  action: Action | null;
  nextAction: NextAction;
  nextActionDate: Day | null;
  /** the highest reminder level sent in this case */
  level: number;
}

const NEXT_ACTION: Record<DunningStep['action'], NextAction> = {
  Courtesy_Reminder: 'Courtesy_Reminder',
  Reminder: 'Reminder',
  Call_Task: 'Call',
  Suspension_Warning: 'Suspension_Warning',
  Suspension: 'Suspension',
  Write_Off_Referral: 'Write_Off_Referral',
};

/** How a done step reads in a reason: "Reminder 1 sent on", "Call logged on", "Suspension done on". */
const DONE_VERB: Record<DunningStep['action'], string> = {
  Courtesy_Reminder: 'sent',
  Reminder: 'sent',
  Call_Task: 'logged',
  Suspension_Warning: 'sent',
  Suspension: 'done',
  Write_Off_Referral: 'made',
};

const SUSPENSION_PATH = new Set<DunningStep['action']>(['Suspension_Warning', 'Suspension', 'Write_Off_Referral']);

/** The invoices a notice lists: every overdue one not covered by a plan, disputed parts shown but not asked. */
export function overdueLines(group: GroupState): NoticeLine[] {
  return group.open.filter((item) => item.line.daysPastDue > 0 && !item.planCovered).map((item) => item.line);
}

export function noticeFor(
  context: TimelineContext,
  step: DunningStep,
  key: string,
  delivery: NoticeAction['delivery'],
  lines: NoticeLine[],
  reason: string,
): NoticeAction {
  const { group } = context;
  const credit = group.credits.reduce((sum, line) => sum - line.openBalance.minor, 0n);
  const net = group.collectibleOverdue.minor - credit - group.unappliedCash.minor;
  return {
    kind: 'notice',
    key,
    customerNumber: group.customerNumber,
    currency: group.currency,
    caseKey: step.action === 'Courtesy_Reminder' ? null : context.caseKey,
    reason,
    noticeAction: step.action as NoticeAction['noticeAction'],
    step: step.name,
    level: step.level,
    delivery,
    channel: step.channel,
    template: step.emailTemplate,
    language: group.account.language,
    recipient: group.account.billingEmail,
    lines,
    credits: group.credits,
    unappliedCash: group.unappliedCash,
    overdue: group.collectibleOverdue,
    netDue: { currency: group.currency, minor: net > 0n ? net : 0n },
    paymentInstruction: context.paymentInstruction,
  };
}

function stepAction(
  context: TimelineContext,
  step: DunningStep,
  key: string,
  reason: string,
  warningSent: Day | null,
): Action {
  const { group } = context;
  const base = {
    key,
    customerNumber: group.customerNumber,
    currency: group.currency,
    caseKey: context.caseKey,
    reason,
  };
  const lines = overdueLines(group);
  switch (step.action) {
    case 'Courtesy_Reminder':
    case 'Reminder':
      return noticeFor(context, step, key, 'send', lines, reason);
    case 'Suspension_Warning':
      return noticeFor(context, step, key, step.requiresApproval ? 'request-approval' : 'send', lines, reason);
    case 'Call_Task':
      return {
        ...base,
        kind: 'call-task',
        step: step.name,
        collector: group.account.collector,
        lines,
        overdue: group.collectibleOverdue,
        dueDate: context.day,
      };
    case 'Suspension':
      return { ...base, kind: 'suspend', step: step.name, warningSentDate: warningSent ?? context.day };
    case 'Write_Off_Referral':
      return {
        ...base,
        kind: 'write-off-referral',
        step: step.name,
        delivery: step.requiresApproval ? 'request-approval' : 'hand-off',
        amount: group.totalOverdue,
        invoiceNumbers: lines.map((line) => line.invoiceNumber),
        suspensionDate: context.suspendedOn,
      };
  }
}

function result(
  action: Action | null,
  nextAction: NextAction,
  nextActionDate: Day | null,
  level: number,
): TimelineResult {
  return { action, nextAction, nextActionDate, level };
}

export function advanceTimeline(context: TimelineContext): TimelineResult {
  const { policy, day, counter, group, done } = context;
  const anchor = group.anchor;
  let level = 0;
  let previous: { label: string; fired: Day } | null = null;
  let warningSent: Day | null = null;

  for (const step of policy.steps) {
    if (step.action === 'Courtesy_Reminder') continue;
    const record = done.get(step.name);
    if (record && record.status !== 'Failed') {
      if (record.status === 'Pending_Approval') return result(null, NEXT_ACTION[step.action], null, level);
      if (record.status === 'Rejected') return result(null, 'None', null, level);
      if (record.status === 'Approved') {
        // The manager approved: send it now, under the same key (the record goes from Approved to Sent).
        const reason = `${step.label} approved: ${describeOverdue(overdueLines(group).map((l) => ({ invoiceNumber: l.invoiceNumber, daysPastDue: l.daysPastDue })))}, ${describeMoney(group.collectibleOverdue)} overdue`;
        const approved = stepAction(context, { ...step, requiresApproval: false }, record.key, reason, warningSent);
        return result(approved, NEXT_ACTION[step.action], day, level);
      }
      const fired = record.sentDate ?? record.asOf;
      if (step.action === 'Reminder' && step.level !== null && record.status === 'Sent')
        level = Math.max(level, step.level);
      if (step.action === 'Suspension_Warning' && record.status === 'Sent') warningSent = fired;
      previous = { label: `${step.label} ${DONE_VERB[step.action]}`, fired };
      continue;
    }
    if (step.action === 'Suspension' && context.suspendedOn !== null && !record) {
      // Suspended already (by the case of another currency): the step is done for this account.
      previous = { label: `${step.label} ${DONE_VERB[step.action]}`, fired: context.suspendedOn };
      continue;
    }

    // This is the next step of the case.
    const nextAction = NEXT_ACTION[step.action];
    if (!anchor || group.collectibleOverdue.minor < context.minimumOverdue || group.collectibleOverdue.minor <= 0n) {
      return result(null, group.disputedOverdue.minor > 0n ? 'Review_Dispute' : 'None', null, level);
    }
    if (context.pausedByPromise) return result(null, 'Follow_Up_Promise', null, level);
    if (SUSPENSION_PATH.has(step.action) && context.suspensionBlocked) {
      return result(null, context.suspensionBlocked === 'plan' ? 'Review_Payment_Plan' : 'None', null, level);
    }
    const candidates = [counter.advance(anchor.invoice.dueDate, step.offsetDays)];
    // At most one step per case per night, judged from the history, so a rerun of the night
    // (which sees tonight's step as done) does not go on to the next one (rule 2).
    if (previous) candidates.push(counter.advance(previous.fired, step.minDaysAfterPrevious), previous.fired + 1);
    if (step.action === 'Suspension') {
      if (warningSent === null) return result(null, 'Suspension_Warning', null, level);
      candidates.push(counter.advance(warningSent, policy.suspensionNoticeDays));
    }
    if (step.action === 'Write_Off_Referral' && context.suspendedOn === null)
      return result(null, 'Suspension', null, level);
    const earliest = Math.max(...candidates);
    if (day < earliest) return result(null, nextAction, earliest, level);

    const lines = overdueLines(group);
    const overdueWords = describeOverdue(
      lines.map((line) => ({ invoiceNumber: line.invoiceNumber, daysPastDue: line.daysPastDue })),
    );
    const after = previous ? `, ${previous.label} on ${describeDay(previous.fired)}` : '';
    const notice =
      step.action === 'Suspension' && warningSent !== null
        ? `, warning sent on ${describeDay(warningSent)} and ${policy.suspensionNoticeDays} days' notice given`
        : after;
    const reason = `${step.label}: ${overdueWords}, ${describeMoney(group.collectibleOverdue)} overdue${notice}`;
    const action = stepAction(context, step, `${context.caseKey}|${step.name}`, reason, warningSent);
    return result(
      action,
      nextAction,
      day,
      step.action === 'Reminder' && step.level !== null ? Math.max(level, step.level) : level,
    );
  }
  return result(null, 'None', null, level);
}
