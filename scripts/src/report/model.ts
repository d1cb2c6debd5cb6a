/**
 * The `collections report` result, as `--json` prints it inside the sf envelope. Every amount is a
 * decimal string in currency units (formatMoney: "1234.56"), never a float; every date is
 * YYYY-MM-DD; ratios are the KPI module's numbers (2 decimals), null where a denominator is zero.
 * The HTML page, the readable summary and the spreadsheet exports are all drawn from this one
 * object, so what people see and what scripts read cannot disagree.
 */
import type { AgingBucket } from '../domain/sharedRules';

export interface ReportBucket {
  bucket: AgingBucket;
  amount: string;
  count: number;
}

/** One currency's KPIs: field names and order are part of the product's contract. */
export interface ReportCurrency {
  currency: string;
  open: { amount: string; count: number };
  aging: ReportBucket[];
  creditSales: string;
  dso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  percentCurrent: number | null;
  dsoCountback: number | null;
}

export interface ReportRate {
  from: string;
  to: string;
  rate: string;
  date: string;
}

/** The roll-up in the policy's corporate currency (kpis.rollUp). */
export interface ReportCorporate {
  currency: string;
  open: string;
  overdue: string;
  ratesUsed: ReportRate[];
  /** currencies left out of the totals: no rate dated on or before the as-of date */
  missingRates: string[];
}

export interface ReportSuggestion {
  invoiceNumber: string;
  /** the invoice's open balance at the as-of date */
  openBalance: string;
  why: string;
}

export interface ReportUnappliedPayment {
  paymentReference: string;
  customerNumber: string;
  /** the part of the payment not applied to any invoice by the as-of date */
  amount: string;
  receivedDate: string;
  /** best first */
  suggestions: ReportSuggestion[];
}

export interface ReportUnappliedCurrency {
  currency: string;
  /** the sum of the payments' unapplied amounts */
  amount: string;
  payments: ReportUnappliedPayment[];
}

export interface ReportTrendPoint {
  asOf: string;
  open: string;
  /** open minus the current bucket */
  overdue: string;
  aging: ReportBucket[];
}

/** One currency's aging at past as-of dates, rebuilt from the dated payment applications. */
export interface ReportTrend {
  currency: string;
  /** oldest first; the last point is the report's as-of date */
  points: ReportTrendPoint[];
}

export interface ReportTopAccount {
  customerNumber: string;
  name: string;
  collector: string | null;
  /** open minus current */
  overdue: string;
  open: string;
  /** days past due of the account's oldest overdue open document */
  oldestDaysPastDue: number;
}

export interface ReportTopAccounts {
  currency: string;
  /** most overdue first */
  accounts: ReportTopAccount[];
}

export interface ReportMoneyLine {
  currency: string;
  amount: string;
}

/** What a collector is expected to do over the window (a targets file). */
export interface ReportTargets {
  noticesSent: number | null;
  callsLogged: number | null;
  promisesObtained: number | null;
  promisesKept: number | null;
  amountCollected: ReportMoneyLine[];
}

/** A collector's activity over the window (windowStart through windowEnd, both included). */
export interface ReportActivity {
  windowStart: string;
  windowEnd: string;
  /** Reminder, Courtesy_Reminder and Suspension_Warning notices with status Sent, sent in the window */
  noticesSent: number;
  /** Call_Task notices with status Sent, sent (the task created) in the window */
  callsLogged: number;
  /** promises to pay logged in the window */
  promisesObtained: number;
  /** of those, the ones with status Kept */
  promisesKept: number;
  /** payments received in the window, per currency */
  amountCollected: ReportMoneyLine[];
  targets: ReportTargets | null;
}

export interface Report {
  asOf: string;
  windowDays: number;
  currencies: ReportCurrency[];
  corporate: ReportCorporate;
  unappliedCash: ReportUnappliedCurrency[];
  trend: ReportTrend[];
  topAccounts: ReportTopAccounts[];
  /** the collector the report is narrowed to, or null for the whole portfolio */
  collector: string | null;
  /** the collector's accounts, when narrowed */
  collectorAccounts: number | null;
  activity: ReportActivity | null;
}
