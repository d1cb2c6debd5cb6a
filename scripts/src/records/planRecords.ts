/**
 * The records a day's plan writes, as Bulk API rows per object. What changes (statuses, dates) is
 * read from the domain's applyPlan, so the snapshot, the org and the tests agree on one meaning of
 * each action; what the records say (amounts, invoices, reasons) comes from the actions themselves.
 */
import { formatDay, type Day } from '../domain/calendar';
import type { Action, CaseRefresh, DayPlan, NoticeAction } from '../domain/engine/actions';
import { applyPlan } from '../domain/engine/applyPlan';
import { invoiceStateCells, type InvoiceUpdate } from '../domain/engine/invoiceState';
import { formatMoney, type Money } from '../domain/money';
import type { NoticeRecord, Portfolio } from '../domain/portfolio';
import * as S from './schema';
import type { ObjectSchema, Row } from './schema';

/** How the delivery of a message went (an email sent, a file written). */
export interface Delivery {
  /** Unconfirmed: handed to the org, but its answer was lost; the notice stays Planned, never resent */
  outcome: 'Accepted' | 'Bounced' | 'Failed' | 'Unconfirmed' | 'Not_Applicable';
  detail: string;
}

/** A notice's status once its delivery is known: a failed send can be retried, an unconfirmed one is not. */
function statusAfter(status: NoticeRecord['status'], delivery: Delivery | undefined): NoticeRecord['status'] {
  if (!delivery || delivery.outcome === 'Accepted' || delivery.outcome === 'Not_Applicable') return status;
  return delivery.outcome === 'Unconfirmed' ? 'Planned' : 'Failed';
}

const day = (value: Day | null): string => (value === null ? '' : formatDay(value));
const amount = (value: Money | null): string => (value === null ? '' : formatMoney(value));

function invoicesOf(action: Action): string[] {
  switch (action.kind) {
    case 'notice':
    case 'call-task':
      return action.lines.map((line) => line.invoiceNumber);
    case 'write-off-referral':
    case 'small-balance-write-off':
      return action.invoiceNumbers;
    default:
      return [];
  }
}

/** The fields of a notice record that say how its delivery went. */
export function deliveryFields(
  record: Pick<NoticeRecord, 'status' | 'sentDate'>,
  delivery: Delivery | undefined,
): Pick<Row, 'Status__c' | 'Sent_Date__c' | 'Delivery_Outcome__c' | 'Delivery_Detail__c'> {
  return {
    Status__c: statusAfter(record.status, delivery),
    Sent_Date__c: delivery && delivery.outcome !== 'Accepted' ? '' : day(record.sentDate),
    Delivery_Outcome__c: delivery?.outcome ?? 'Not_Applicable',
    Delivery_Detail__c: (delivery?.detail ?? '').slice(0, 255),
  };
}

function noticeRow(action: Action, record: NoticeRecord, isNew: boolean, delivery: Delivery | undefined): Row {
  const invoices = invoicesOf(action);
  const row: Row = {
    Idempotency_Key__c: action.key,
    'Account__r.Customer_Number__c': action.customerNumber,
    'Collection_Case__r.Case_Key__c': action.caseKey ?? '',
    CurrencyIsoCode: action.currency ?? '',
    Action__c: record.action,
    Policy_Step__c: record.step ?? '',
    Level__c: record.level === null ? '' : String(record.level),
    ...deliveryFields(record, delivery),
    Invoice_Count__c: String(invoices.length),
    Invoices_Covered__c: invoices.join('\n'),
    Reason__c: action.reason,
  };
  // The as-of date is the day the action was first decided: an approved warning sent later keeps it.
  if (isNew) row.As_Of_Date__c = day(record.asOf);
  if (action.kind === 'notice') {
    const notice: NoticeAction = action;
    Object.assign(row, {
      Channel__c: notice.channel,
      Recipient_Email__c: notice.recipient ?? '',
      Language__c: notice.language,
      Email_Template__c: notice.template ?? '',
      Overdue_Amount__c: amount(notice.overdue),
      Net_Amount_Due__c: amount(notice.netDue),
    });
  } else if (action.kind === 'call-task') {
    Object.assign(row, { Channel__c: 'Task', Overdue_Amount__c: amount(action.overdue) });
  } else {
    row.Channel__c = 'Internal';
    if (action.kind === 'write-off-referral' || action.kind === 'small-balance-write-off')
      row.Overdue_Amount__c = amount(action.amount);
  }
  return row;
}

const BUCKET_FIELDS = [
  'Aging_Current__c',
  'Aging_1_30__c',
  'Aging_31_60__c',
  'Aging_61_90__c',
  'Aging_Over_90__c',
] as const;

function caseRow(refresh: CaseRefresh, asOf: Day): Row {
  const row: Row = {
    Case_Key__c: refresh.caseKey,
    // Unique while open, blank once closed: the org itself refuses a second open case.
    Open_Case_Key__c: refresh.status === 'Closed' ? '' : `${refresh.customerNumber}|${refresh.currency}`,
    'Account__r.Customer_Number__c': refresh.customerNumber,
    CurrencyIsoCode: refresh.currency,
    Status__c: refresh.status,
    Snapshot_Date__c: formatDay(asOf),
    Total_Open__c: amount(refresh.totalOpen),
    Total_Overdue__c: amount(refresh.totalOverdue),
    Dunning_Level__c: String(refresh.dunningLevel),
    Priority_Score__c: refresh.priorityScore.toFixed(1),
    Priority_Reasons__c: refresh.priorityParts
      .map((part) => `${part.name}: ${part.points} (${part.detail})`)
      .join('\n'),
    Next_Action__c: refresh.nextAction,
    Next_Action_Date__c: day(refresh.nextActionDate),
    Escalated__c: String(refresh.escalation !== null),
    Escalation_Reason__c: refresh.escalation ?? '',
    Closed_Date__c: day(refresh.closedDate),
  };
  refresh.aging.forEach((bucket, index) => {
    const field = BUCKET_FIELDS[index];
    if (field) row[field] = amount(bucket.amount);
  });
  return row;
}

function referralRow(action: Action, asOf: Day, status: string): Row | null {
  if (action.kind !== 'write-off-referral' && action.kind !== 'small-balance-write-off') return null;
  return {
    Referral_Key__c: action.key,
    'Account__r.Customer_Number__c': action.customerNumber,
    'Collection_Case__r.Case_Key__c': action.caseKey ?? '',
    CurrencyIsoCode: action.currency ?? '',
    Type__c: action.kind === 'write-off-referral' ? 'Bad_Debt_Referral' : 'Small_Balance_Write_Off',
    Status__c: status,
    Referral_Date__c: formatDay(asOf),
    Amount__c: amount(action.amount),
    Invoice_Count__c: String(action.invoiceNumbers.length),
    Invoices_Covered__c: action.invoiceNumbers.join('\n'),
    Suspension_Date__c: action.kind === 'write-off-referral' ? day(action.suspensionDate) : '',
    Reason__c: action.reason,
  };
}

/** Only the five fields the batch keeps, by the invoice's external ID: the importer owns the rest. */
function invoiceRow(update: InvoiceUpdate): Row {
  const [balance, status, disputed, dunningDate, dunningLevel] = invoiceStateCells(update.state);
  return {
    Invoice_Number__c: update.invoiceNumber,
    Open_Balance__c: balance,
    Status__c: status,
    Disputed_Amount__c: disputed,
    Last_Dunning_Date__c: dunningDate,
    Last_Dunning_Level__c: dunningLevel,
  };
}

const REFERRAL_STATUS: Record<string, string> = {
  Pending_Approval: 'Pending_Approval',
  Sent: 'Handed_Off',
  Planned: 'Proposed',
};

/**
 * Rows to upsert for a plan, per object, in the order the store must write them. The invoices
 * whose kept fields moved (`invoiceUpdates`, see invoiceState.ts) come last: they exist already,
 * so nothing needs them written first, and a night that stops early has written its notices.
 */
export function rowsForPlan(
  before: Portfolio,
  plan: DayPlan,
  deliveries: ReadonlyMap<string, Delivery>,
  invoiceUpdates: readonly InvoiceUpdate[],
): Map<ObjectSchema, Row[]> {
  const after = applyPlan(before, plan);
  const existing = new Set(before.notices.map((notice) => notice.key));
  const recorded = new Map(after.notices.map((notice) => [notice.key, notice]));
  const rows = new Map<ObjectSchema, Row[]>([
    [S.ACCOUNT, []],
    [S.PROMISE, []],
    [S.PAYMENT_PLAN, []],
    [S.COLLECTION_CASE, plan.cases.map((refresh) => caseRow(refresh, plan.asOf))],
    [S.DUNNING_NOTICE, []],
    [S.WRITE_OFF_REFERRAL, []],
    [S.INVOICE, invoiceUpdates.map(invoiceRow)],
  ]);
  for (const action of plan.actions) {
    const record = recorded.get(action.key);
    if (record)
      rows
        .get(S.DUNNING_NOTICE)
        ?.push(noticeRow(action, record, !existing.has(action.key), deliveries.get(action.key)));
    const referral = referralRow(action, plan.asOf, REFERRAL_STATUS[record?.status ?? 'Planned'] ?? 'Proposed');
    if (referral) rows.get(S.WRITE_OFF_REFERRAL)?.push(referral);
  }
  const accountsBefore = new Map(before.accounts.map((a) => [a.customerNumber, a]));
  const lifted = new Set(plan.actions.filter((a) => a.kind === 'lift-suspension').map((a) => a.customerNumber));
  const suspensions = new Map(
    plan.actions.flatMap((a) => (a.kind === 'suspend' ? [[a.customerNumber, a] as const] : [])),
  );
  for (const account of after.accounts) {
    const previous = accountsBefore.get(account.customerNumber);
    if (
      !previous ||
      (previous.status === account.status &&
        previous.suspensionDate === account.suspensionDate &&
        previous.suspensionWarningDate === account.suspensionWarningDate)
    )
      continue;
    const row: Row = {
      Customer_Number__c: account.customerNumber,
      Collections_Status__c: account.status,
      Suspension_Warning_Date__c: day(account.suspensionWarningDate),
      Suspension_Date__c: day(account.suspensionDate),
    };
    if (lifted.has(account.customerNumber)) row.Suspension_Lifted_Date__c = formatDay(plan.asOf);
    const suspend = suspensions.get(account.customerNumber);
    if (suspend) row.Suspension_Reason__c = suspend.reason.slice(0, 255);
    rows.get(S.ACCOUNT)?.push(row);
  }
  const outcomes = new Map(
    plan.actions.flatMap((a) => (a.kind === 'promise-outcome' ? [[a.promiseId, a] as const] : [])),
  );
  for (const [id, outcome] of outcomes)
    rows.get(S.PROMISE)?.push({ Id: id, Status__c: outcome.outcome, Amount_Received__c: amount(outcome.received) });
  for (const action of plan.actions) {
    if (action.kind === 'plan-status') rows.get(S.PAYMENT_PLAN)?.push({ Id: action.planId, Status__c: action.status });
  }
  return rows;
}
