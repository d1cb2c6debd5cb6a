/**
 * What the engine decides for a day. Every action carries an idempotency key: applying it means
 * upserting a Dunning_Notice__c (or the record it changes) by that key, so a rerun for the same
 * as-of date finds the key and does nothing again. Actions are plain data; the adapters carry
 * them out.
 */
import type { Day } from '../calendar';
import type { Money } from '../money';
import type { PaymentInstruction } from '../policy';
import type { AgingBucket } from '../sharedRules';

export interface NoticeLine {
  invoiceNumber: string;
  documentType: 'Invoice' | 'Credit_Memo' | 'Adjustment';
  invoiceDate: Day;
  dueDate: Day;
  /** negative: not due yet */
  daysPastDue: number;
  openBalance: Money;
  /** the part of the open balance under open disputes (not asked for) */
  disputed: Money;
  poNumber: string | null;
  documentUrl: string | null;
}

interface ActionBase {
  key: string;
  customerNumber: string;
  /** null for actions on the whole account (suspension, lifting it) */
  currency: string | null;
  caseKey: string | null;
  /** why, in words a collector or manager reads */
  reason: string;
}

/** A message to the customer: a courtesy reminder, a reminder level or a suspension warning. */
export interface NoticeAction extends ActionBase {
  kind: 'notice';
  noticeAction: 'Courtesy_Reminder' | 'Reminder' | 'Suspension_Warning';
  step: string;
  level: number | null;
  /** send now, or create it pending a manager's approval */
  delivery: 'send' | 'request-approval';
  channel: 'Email' | 'Task' | 'Internal';
  template: string | null;
  language: string;
  recipient: string | null;
  /** the invoices asked for: every overdue one (or, for a courtesy reminder, those falling due) */
  lines: NoticeLine[];
  /** open credit memos, listed and deducted */
  credits: NoticeLine[];
  unappliedCash: Money;
  /** collectible overdue: open balances past due, less disputed parts */
  overdue: Money;
  /** overdue less open credits and unapplied cash, never below zero */
  netDue: Money;
  paymentInstruction: PaymentInstruction | null;
}

export interface CallTaskAction extends ActionBase {
  kind: 'call-task';
  step: string;
  collector: string | null;
  lines: NoticeLine[];
  overdue: Money;
  dueDate: Day;
}

export interface SuspendAction extends ActionBase {
  kind: 'suspend';
  step: string;
  /** the day the approved warning was sent; the notice period ran from here */
  warningSentDate: Day;
}

export interface LiftSuspensionAction extends ActionBase {
  kind: 'lift-suspension';
  suspensionDate: Day;
}

export interface WriteOffReferralAction extends ActionBase {
  kind: 'write-off-referral';
  step: string;
  delivery: 'hand-off' | 'request-approval';
  amount: Money;
  invoiceNumbers: string[];
  suspensionDate: Day | null;
}

export interface SmallBalanceWriteOffAction extends ActionBase {
  kind: 'small-balance-write-off';
  amount: Money;
  invoiceNumbers: string[];
}

export type EscalationReason = 'Broken_Promise' | 'Defaulted_Installment' | 'Dispute_Overdue' | 'High_Priority';

export interface EscalateAction extends ActionBase {
  kind: 'escalate';
  escalation: EscalationReason;
  /** the promise, plan or dispute that caused it, when there is one */
  subjectId: string | null;
}

export interface PromiseOutcomeAction extends ActionBase {
  kind: 'promise-outcome';
  promiseId: string;
  outcome: 'Kept' | 'Broken';
  received: Money;
}

export interface PlanStatusAction extends ActionBase {
  kind: 'plan-status';
  planId: string;
  status: 'Active' | 'Completed' | 'Defaulted';
  /** installment numbers missed, for a default */
  missedInstallments: number[];
}

export type Action =
  | NoticeAction
  | CallTaskAction
  | SuspendAction
  | LiftSuspensionAction
  | WriteOffReferralAction
  | SmallBalanceWriteOffAction
  | EscalateAction
  | PromiseOutcomeAction
  | PlanStatusAction;

export type ActionKind = Action['kind'];

export interface BucketAmount {
  bucket: AgingBucket;
  amount: Money;
}

export interface PriorityPart {
  name: 'amount' | 'age' | 'broken promises' | 'disputes' | 'late payment history';
  points: number;
  detail: string;
}

export type NextAction =
  | 'None'
  | 'Courtesy_Reminder'
  | 'Reminder'
  | 'Call'
  | 'Suspension_Warning'
  | 'Suspension'
  | 'Write_Off_Referral'
  | 'Follow_Up_Promise'
  | 'Review_Dispute'
  | 'Review_Payment_Plan';

/** The state of one collection case after the day: what Collection_Case__c is refreshed to. */
export interface CaseRefresh {
  caseKey: string;
  customerNumber: string;
  currency: string;
  /** true when this run opens the case */
  opened: boolean;
  openedDate: Day;
  status: 'New' | 'Working' | 'Promise_To_Pay' | 'Payment_Plan' | 'Disputed' | 'Suspended' | 'Referred' | 'Closed';
  closedDate: Day | null;
  aging: BucketAmount[];
  totalOpen: Money;
  totalOverdue: Money;
  dunningLevel: number;
  priorityScore: number;
  priorityParts: PriorityPart[];
  nextAction: NextAction;
  nextActionDate: Day | null;
  escalation: EscalationReason | null;
}

export interface DayPlan {
  asOf: Day;
  actions: Action[];
  cases: CaseRefresh[];
}
