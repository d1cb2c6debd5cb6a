/**
 * What the engine is given: the receivables ledger and everything already done about it, as plain
 * data. The org adapter and the snapshot adapter both produce this shape; the engine never sees
 * where it came from. Records refer to each other by their external keys (customer number,
 * invoice number, payment reference), which both sources share.
 */
import type { Day } from './calendar';
import type { Money } from './money';

export type DocumentType = 'Invoice' | 'Credit_Memo' | 'Adjustment';
/** Invoice__c.Status__c. The batch sets Open, Partially_Paid and Paid; people set the other two. */
export type InvoiceStatus = 'Open' | 'Partially_Paid' | 'Paid' | 'Written_Off' | 'Cancelled';
export type CollectionsStatus =
  'Current' | 'In_Collections' | 'Suspension_Warning' | 'Suspended' | 'Referred_To_Write_Off';

export interface Account {
  customerNumber: string;
  name: string;
  /** ISO 3166 alpha-2, used to pick a business calendar */
  country: string | null;
  /** Salesforce language code (en_US, fr, de, es, nl_NL) */
  language: string;
  billingEmail: string | null;
  billingEntity: string | null;
  collector: string | null;
  status: CollectionsStatus;
  suspensionWarningDate: Day | null;
  suspensionDate: Day | null;
  exempt: boolean;
  exemptUntil: Day | null;
}

export interface Invoice {
  invoiceNumber: string;
  customerNumber: string;
  documentType: DocumentType;
  currency: string;
  invoiceDate: Day;
  dueDate: Day;
  /** original amount; negative for credit memos and adjustments */
  amount: Money;
  poNumber: string | null;
  documentUrl: string | null;
  /** the payment plan that covers it, if any */
  paymentPlanId: string | null;
  /**
   * What the record holds of the five fields the batch keeps (engine/invoiceState.ts), as one
   * canonical string (invoiceStateText), so that a night writes only the invoices that moved. One
   * string, not an object: a million invoices are loaded. Absent when all five are blank.
   */
  recorded?: string;
}

export interface Payment {
  paymentReference: string;
  customerNumber: string;
  currency: string;
  receivedDate: Day;
  amount: Money;
}

/** Part of a payment applied to one invoice, effective on a date. */
export interface PaymentApplication {
  paymentReference: string;
  invoiceNumber: string;
  appliedDate: Day;
  amount: Money;
}

export type DisputeStatus = 'Open' | 'In_Review' | 'Resolved' | 'Cancelled';

export interface DisputeLine {
  invoiceNumber: string;
  amount: Money;
}

export interface Dispute {
  id: string;
  customerNumber: string;
  status: DisputeStatus;
  openedDate: Day;
  targetResolutionDate: Day | null;
  resolvedDate: Day | null;
  lines: DisputeLine[];
}

export type PromiseStatus = 'Open' | 'Kept' | 'Broken' | 'Cancelled';

export interface PromiseToPay {
  id: string;
  customerNumber: string;
  currency: string;
  amount: Money;
  promisedDate: Day;
  loggedDate: Day;
  status: PromiseStatus;
}

export type PlanStatus = 'Draft' | 'Pending_Approval' | 'Approved' | 'Rejected' | 'Active' | 'Completed' | 'Defaulted';

export interface Installment {
  number: number;
  dueDate: Day;
  amount: Money;
}

export interface PaymentPlan {
  id: string;
  customerNumber: string;
  currency: string;
  status: PlanStatus;
  /** the day the plan was approved (or became active); payments from then on count towards it */
  approvedDate: Day | null;
  total: Money;
  installments: Installment[];
}

export type NoticeAction =
  | 'Courtesy_Reminder'
  | 'Reminder'
  | 'Call_Task'
  | 'Suspension_Warning'
  | 'Suspension'
  | 'Suspension_Lift'
  | 'Write_Off_Referral'
  | 'Small_Balance_Write_Off'
  | 'Escalation';

export type NoticeStatus = 'Planned' | 'Pending_Approval' | 'Approved' | 'Rejected' | 'Sent' | 'Failed' | 'Cancelled';

/** An action already taken (a Dunning_Notice__c record), identified by its idempotency key. */
export interface NoticeRecord {
  key: string;
  customerNumber: string;
  currency: string;
  action: NoticeAction;
  /** the policy step's developer name, when the action came from the timeline */
  step: string | null;
  level: number | null;
  /** the collection case the action belongs to */
  caseKey: string | null;
  asOf: Day;
  status: NoticeStatus;
  sentDate: Day | null;
  invoiceNumbers: string[];
}

export type CaseStatus =
  'New' | 'Working' | 'Promise_To_Pay' | 'Payment_Plan' | 'Disputed' | 'Suspended' | 'Referred' | 'Closed';

export interface CollectionCase {
  caseKey: string;
  customerNumber: string;
  currency: string;
  openedDate: Day;
  status: CaseStatus;
  closedDate: Day | null;
}

/** A dated exchange rate: one unit of `from` is `rate` units of `to`, valid from `date`. */
export interface ExchangeRate {
  from: string;
  to: string;
  /** a decimal string, kept exact */
  rate: string;
  date: Day;
}

export interface Portfolio {
  accounts: Account[];
  invoices: Invoice[];
  payments: Payment[];
  applications: PaymentApplication[];
  disputes: Dispute[];
  promises: PromiseToPay[];
  plans: PaymentPlan[];
  notices: NoticeRecord[];
  cases: CollectionCase[];
  rates: ExchangeRate[];
}

export function emptyPortfolio(): Portfolio {
  return {
    accounts: [],
    invoices: [],
    payments: [],
    applications: [],
    disputes: [],
    promises: [],
    plans: [],
    notices: [],
    cases: [],
    rates: [],
  };
}
