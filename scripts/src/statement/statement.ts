/**
 * A statement of account for one customer as of a day: the open items with their days past due and
 * aging bucket, the open credits, the payments received in a period with what each was applied to,
 * the aging totals and the balance due. Balances are rebuilt from the dated payment applications
 * (ledger.ts), so a statement of a past day is exact. Currencies are never mixed: an account billed
 * in two currencies gets one section per currency, each with its own totals. Pure: the same
 * portfolio and days always give the same statement.
 */
import { formatDay, type Day } from '../domain/calendar';
import { balanceAsOf, indexApplications } from '../domain/ledger';
import { formatMoney, money, type Money } from '../domain/money';
import type { DocumentType, Portfolio } from '../domain/portfolio';
import { AGING_BUCKETS, agingBucket, type AgingBucket } from '../domain/sharedRules';
import { statementLanguage, type StatementLanguage } from './statementTexts';

/** The default statement period: the 90 days before the as-of date. */
export const DEFAULT_PERIOD_DAYS = 90;

export class UnknownCustomerError extends Error {
  constructor(readonly customerNumber: string) {
    super(`No account has the customer number "${customerNumber}"`);
    this.name = 'UnknownCustomerError';
  }
}

/** An invoice (or a positive adjustment) with a balance above zero at the as-of date. */
export interface StatementItem {
  invoiceNumber: string;
  documentType: DocumentType;
  invoiceDate: Day;
  dueDate: Day;
  poNumber: string | null;
  amount: Money;
  openBalance: Money;
  /** days past the due date at the as-of date; 0 when not yet due */
  daysPastDue: number;
  bucket: AgingBucket;
}

/** A credit memo (or a negative adjustment) with a balance below zero at the as-of date. */
export interface StatementCredit {
  invoiceNumber: string;
  documentType: DocumentType;
  invoiceDate: Day;
  amount: Money;
  /** below zero: what the customer may deduct */
  openBalance: Money;
}

export interface StatementApplication {
  invoiceNumber: string;
  appliedDate: Day;
  amount: Money;
}

/** A payment received in the period, with its applications dated on or before the as-of date. */
export interface StatementPayment {
  paymentReference: string;
  receivedDate: Day;
  amount: Money;
  applications: StatementApplication[];
  /** the part not applied to any document by the as-of date */
  unapplied: Money;
}

export interface StatementBucket {
  bucket: AgingBucket;
  amount: Money;
}

/** Everything of one currency: never added to another currency's amounts. */
export interface StatementSection {
  currency: string;
  openItems: StatementItem[];
  credits: StatementCredit[];
  payments: StatementPayment[];
  /** the five buckets in order, zeros included: the open items' balances */
  aging: StatementBucket[];
  totalOpen: Money;
  totalOverdue: Money;
  /** the open credits, at or below zero */
  totalCredits: Money;
  /** every payment received by the as-of date (in the period or before) not yet applied */
  unappliedCash: Money;
  /** open items, less open credits and unapplied payments */
  balance: Money;
  /** the sum of the payments received in the period */
  paymentsReceived: Money;
}

export interface Statement {
  customerNumber: string;
  name: string;
  /** the language the statement is written in (the account's, or English) */
  language: StatementLanguage;
  asOf: Day;
  /** the first day of the payment period; the period ends on the as-of date */
  from: Day;
  /** one per currency, by currency code */
  sections: StatementSection[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function emptySection(currency: string): StatementSection {
  const none = money(currency, 0n);
  return {
    currency,
    openItems: [],
    credits: [],
    payments: [],
    aging: AGING_BUCKETS.map((bucket) => ({ bucket, amount: none })),
    totalOpen: none,
    totalOverdue: none,
    totalCredits: none,
    unappliedCash: none,
    balance: none,
    paymentsReceived: none,
  };
}

function plus(a: Money, minor: bigint): Money {
  return { currency: a.currency, minor: a.minor + minor };
}

/**
 * The statement of `customerNumber` as of the end of `asOf`, with the payments received from
 * `from` to `asOf` (both included). Throws UnknownCustomerError for a customer not in the portfolio.
 */
export function statementFor(portfolio: Portfolio, customerNumber: string, asOf: Day, from: Day): Statement {
  if (from > asOf)
    throw new RangeError(`the period starts on ${formatDay(from)}, after the as-of date ${formatDay(asOf)}`);
  const account = portfolio.accounts.find((candidate) => candidate.customerNumber === customerNumber);
  if (!account) throw new UnknownCustomerError(customerNumber);

  const sections = new Map<string, StatementSection>();
  const sectionFor = (currency: string): StatementSection => {
    let section = sections.get(currency);
    if (!section) {
      section = emptySection(currency);
      sections.set(currency, section);
    }
    return section;
  };

  const applicationsByInvoice = indexApplications(portfolio.applications);
  for (const invoice of portfolio.invoices) {
    if (invoice.customerNumber !== customerNumber || invoice.invoiceDate > asOf) continue;
    const balance = balanceAsOf(invoice, applicationsByInvoice.get(invoice.invoiceNumber), asOf);
    if (balance.minor === 0n) continue;
    const section = sectionFor(invoice.currency);
    if (balance.minor < 0n) {
      section.credits.push({
        invoiceNumber: invoice.invoiceNumber,
        documentType: invoice.documentType,
        invoiceDate: invoice.invoiceDate,
        amount: invoice.amount,
        openBalance: balance,
      });
      section.totalCredits = plus(section.totalCredits, balance.minor);
      continue;
    }
    const daysPastDue = Math.max(0, asOf - invoice.dueDate);
    const bucket = agingBucket(daysPastDue);
    section.openItems.push({
      invoiceNumber: invoice.invoiceNumber,
      documentType: invoice.documentType,
      invoiceDate: invoice.invoiceDate,
      dueDate: invoice.dueDate,
      poNumber: invoice.poNumber,
      amount: invoice.amount,
      openBalance: balance,
      daysPastDue,
      bucket,
    });
    section.totalOpen = plus(section.totalOpen, balance.minor);
    if (daysPastDue > 0) section.totalOverdue = plus(section.totalOverdue, balance.minor);
    const index = AGING_BUCKETS.indexOf(bucket);
    const total = section.aging[index];
    if (total) section.aging[index] = { bucket, amount: plus(total.amount, balance.minor) };
  }

  const applicationsByPayment = new Map<string, StatementApplication[]>();
  for (const application of portfolio.applications) {
    if (application.appliedDate > asOf) continue;
    const list = applicationsByPayment.get(application.paymentReference) ?? [];
    list.push({
      invoiceNumber: application.invoiceNumber,
      appliedDate: application.appliedDate,
      amount: application.amount,
    });
    applicationsByPayment.set(application.paymentReference, list);
  }
  for (const payment of portfolio.payments) {
    if (payment.customerNumber !== customerNumber || payment.receivedDate > asOf) continue;
    const applications = (applicationsByPayment.get(payment.paymentReference) ?? []).sort(
      (a, b) => a.appliedDate - b.appliedDate || compareText(a.invoiceNumber, b.invoiceNumber),
    );
    let appliedMinor = 0n;
    for (const application of applications) {
      if (application.amount.currency !== payment.amount.currency)
        throw new Error(
          `${payment.paymentReference} is in ${payment.amount.currency} but applies ${application.amount.currency} to ${application.invoiceNumber}`,
        );
      appliedMinor += application.amount.minor;
    }
    const unapplied = money(payment.amount.currency, payment.amount.minor - appliedMinor);
    const inPeriod = payment.receivedDate >= from;
    if (!inPeriod && unapplied.minor <= 0n) continue;
    const section = sectionFor(payment.amount.currency);
    if (unapplied.minor > 0n) section.unappliedCash = plus(section.unappliedCash, unapplied.minor);
    if (!inPeriod) continue;
    section.payments.push({
      paymentReference: payment.paymentReference,
      receivedDate: payment.receivedDate,
      amount: payment.amount,
      applications,
      unapplied,
    });
    section.paymentsReceived = plus(section.paymentsReceived, payment.amount.minor);
  }

  const ordered = [...sections.values()].sort((a, b) => compareText(a.currency, b.currency));
  for (const section of ordered) {
    section.openItems.sort((a, b) => a.dueDate - b.dueDate || compareText(a.invoiceNumber, b.invoiceNumber));
    section.credits.sort((a, b) => a.invoiceDate - b.invoiceDate || compareText(a.invoiceNumber, b.invoiceNumber));
    section.payments.sort(
      (a, b) => a.receivedDate - b.receivedDate || compareText(a.paymentReference, b.paymentReference),
    );
    section.balance = money(
      section.currency,
      section.totalOpen.minor + section.totalCredits.minor - section.unappliedCash.minor,
    );
  }

  return {
    customerNumber,
    name: account.name,
    language: statementLanguage(account.language),
    asOf,
    from,
    sections: ordered,
  };
}

/** The statement as JSON: dates as YYYY-MM-DD, amounts as decimal strings in their section's currency. */
export function statementJson(statement: Statement): Record<string, unknown> {
  const amount = (value: Money): string => formatMoney(value);
  return {
    customerNumber: statement.customerNumber,
    name: statement.name,
    language: statement.language,
    asOf: formatDay(statement.asOf),
    from: formatDay(statement.from),
    sections: statement.sections.map((section) => ({
      currency: section.currency,
      openItems: section.openItems.map((item) => ({
        invoiceNumber: item.invoiceNumber,
        documentType: item.documentType,
        invoiceDate: formatDay(item.invoiceDate),
        dueDate: formatDay(item.dueDate),
        poNumber: item.poNumber,
        amount: amount(item.amount),
        openBalance: amount(item.openBalance),
        daysPastDue: item.daysPastDue,
        bucket: item.bucket,
      })),
      credits: section.credits.map((credit) => ({
        invoiceNumber: credit.invoiceNumber,
        documentType: credit.documentType,
        invoiceDate: formatDay(credit.invoiceDate),
        amount: amount(credit.amount),
        openBalance: amount(credit.openBalance),
      })),
      payments: section.payments.map((payment) => ({
        paymentReference: payment.paymentReference,
        receivedDate: formatDay(payment.receivedDate),
        amount: amount(payment.amount),
        applications: payment.applications.map((application) => ({
          invoiceNumber: application.invoiceNumber,
          appliedDate: formatDay(application.appliedDate),
          amount: amount(application.amount),
        })),
        unapplied: amount(payment.unapplied),
      })),
      aging: section.aging.map((total) => ({ bucket: total.bucket, amount: amount(total.amount) })),
      totalOpen: amount(section.totalOpen),
      totalOverdue: amount(section.totalOverdue),
      totalCredits: amount(section.totalCredits),
      unappliedCash: amount(section.unappliedCash),
      balance: amount(section.balance),
      paymentsReceived: amount(section.paymentsReceived),
    })),
  };
}
