/**
 * A small hand-made portfolio whose report the tests work out by hand, and a writer that puts any
 * portfolio into a snapshot directory as Bulk API CSV files (formatBulkCsv, the schemas' columns).
 *
 * As of 2026-03-31, window 90 days: the window start is 2025-12-31 (credit sales are dated in
 * (2025-12-31, 2026-03-31]); activity counts 2026-01-01 through 2026-03-31.
 * Collectors: alice has C-1 and C-3, bob has C-2 and C-4.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDay, parseDay } from '../../src/domain/calendar';
import { formatMoney, parseMoney } from '../../src/domain/money';
import {
  emptyPortfolio,
  type Account,
  type DocumentType,
  type Invoice,
  type NoticeAction,
  type NoticeStatus,
  type Payment,
  type PaymentApplication,
  type Portfolio,
  type PromiseStatus,
} from '../../src/domain/portfolio';
import { formatBulkCsv } from '../../src/records/csv';
import * as S from '../../src/records/schema';
import type { ObjectSchema, Row } from '../../src/records/schema';

export const AS_OF = '2026-03-31';
export const MALICIOUS_NAME = '<script>alert(1)</script> & "Co"';
export const FORMULA_NAME = '=HYPERLINK("x","click")';

function account(customerNumber: string, name: string, collector: string | null): Account {
  return {
    customerNumber,
    name,
    country: null,
    language: 'en_US',
    billingEmail: null,
    billingEntity: null,
    collector,
    status: 'Current',
    suspensionWarningDate: null,
    suspensionDate: null,
    exempt: false,
    exemptUntil: null,
  };
}

function invoice(
  invoiceNumber: string,
  customerNumber: string,
  currency: string,
  invoiceDate: string,
  dueDate: string,
  amount: string,
  documentType: DocumentType = 'Invoice',
): Invoice {
  return {
    invoiceNumber,
    customerNumber,
    documentType,
    currency,
    invoiceDate: parseDay(invoiceDate),
    dueDate: parseDay(dueDate),
    amount: parseMoney(amount, currency),
    poNumber: null,
    documentUrl: null,
    paymentPlanId: null,
  };
}

function payment(
  paymentReference: string,
  customerNumber: string,
  currency: string,
  receivedDate: string,
  amount: string,
): Payment {
  return {
    paymentReference,
    customerNumber,
    currency,
    receivedDate: parseDay(receivedDate),
    amount: parseMoney(amount, currency),
  };
}

function applied(
  paymentReference: string,
  invoiceNumber: string,
  currency: string,
  day: string,
  amount: string,
): PaymentApplication {
  return { paymentReference, invoiceNumber, appliedDate: parseDay(day), amount: parseMoney(amount, currency) };
}

let noticeCount = 0;
function notice(customerNumber: string, action: NoticeAction, status: NoticeStatus, sentDate: string | null) {
  noticeCount++;
  return {
    key: `N-${noticeCount}`,
    customerNumber,
    currency: 'USD',
    action,
    step: null,
    level: null,
    caseKey: null,
    asOf: parseDay(sentDate ?? AS_OF),
    status,
    sentDate: sentDate === null ? null : parseDay(sentDate),
    invoiceNumbers: [],
  };
}

function promise(id: string, customerNumber: string, currency: string, loggedDate: string, status: PromiseStatus) {
  return {
    id,
    customerNumber,
    currency,
    amount: parseMoney('100.00', currency),
    promisedDate: parseDay(loggedDate) + 7,
    loggedDate: parseDay(loggedDate),
    status,
  };
}

export function handMadePortfolio(): Portfolio {
  noticeCount = 0;
  const portfolio = emptyPortfolio();
  portfolio.accounts.push(
    account('C-1', 'Acme Corp', 'alice@company.example'),
    account('C-2', MALICIOUS_NAME, 'bob@company.example'),
    account('C-3', FORMULA_NAME, 'Alice@Company.example'),
    account('C-4', 'Thames Ltd', 'bob@company.example'),
  );
  portfolio.invoices.push(
    // USD
    invoice('INV-1001', 'C-1', 'USD', '2026-03-01', '2026-03-31', '1000.00'), // current
    invoice('INV-1002', 'C-1', 'USD', '2026-02-01', '2026-03-03', '500.00'), // 300.00 left, 28 days: 1-30
    invoice('INV-1003', 'C-2', 'USD', '2025-12-01', '2025-12-31', '800.00'), // 90 days: 61-90
    invoice('INV-1004', 'C-2', 'USD', '2025-10-01', '2025-10-31', '400.00'), // paid 2026-01-20
    invoice('INV-1005', 'C-1', 'USD', '2026-01-15', '2026-02-14', '600.00'), // paid 2026-02-20
    invoice('INV-1006', 'C-1', 'USD', '2026-01-05', '2026-02-04', '2400.00'), // paid 2026-02-10
    invoice('INV-1007', 'C-2', 'USD', '2025-11-01', '2025-12-01', '250.00'), // 120 days: 90+
    invoice('INV-1008', 'C-1', 'USD', '2026-04-05', '2026-05-05', '999.00'), // after the as-of date
    // EUR
    invoice('INV-2000', 'C-3', 'EUR', '2025-11-20', '2025-12-20', '3000.00'), // paid 2026-01-15
    invoice('INV-2001', 'C-3', 'EUR', '2026-03-15', '2026-04-14', '1200.00'), // current
    invoice('INV-2002', 'C-3', 'EUR', '2026-01-10', '2026-02-09', '750.50'), // 50 days: 31-60
    invoice('CM-2003', 'C-3', 'EUR', '2026-02-15', '2026-02-15', '-100.00', 'Credit_Memo'),
    // GBP: no exchange rate
    invoice('INV-3001', 'C-4', 'GBP', '2026-03-20', '2026-04-19', '100.00'),
  );
  portfolio.payments.push(
    payment('CHK-555', 'C-1', 'USD', '2026-03-10', '700.00'), // 200.00 to INV-1002: 500.00 unapplied
    payment('PAY-1004', 'C-2', 'USD', '2026-01-20', '400.00'),
    payment('PAY-1005', 'C-1', 'USD', '2026-02-20', '600.00'),
    payment('PAY-1006', 'C-1', 'USD', '2026-02-10', '2400.00'),
    payment('remit inv 1001', 'C-1', 'USD', '2026-03-25', '1000.00'), // names INV-1001, same amount
    payment('@wire 20260328', 'C-2', 'USD', '2026-03-28', '800.00'), // INV-1003 by amount
    payment('INV-1001', 'C-2', 'USD', '2026-03-30', '1000.00'), // names C-1's invoice: no suggestion
    payment('LATE-1', 'C-1', 'USD', '2026-04-02', '50.00'), // after the as-of date
    payment('PAY-2000', 'C-3', 'EUR', '2026-01-15', '3000.00'),
    payment('Zahlung RE inv-2002 teil', 'C-3', 'EUR', '2026-03-30', '500.00'), // names INV-2002 only
  );
  portfolio.applications.push(
    applied('CHK-555', 'INV-1002', 'USD', '2026-03-10', '200.00'),
    applied('PAY-1004', 'INV-1004', 'USD', '2026-01-20', '400.00'),
    applied('PAY-1005', 'INV-1005', 'USD', '2026-02-20', '600.00'),
    applied('PAY-1006', 'INV-1006', 'USD', '2026-02-10', '2400.00'),
    applied('PAY-2000', 'INV-2000', 'EUR', '2026-01-15', '3000.00'),
  );
  portfolio.notices.push(
    notice('C-1', 'Reminder', 'Sent', '2026-03-05'), // counts
    notice('C-3', 'Courtesy_Reminder', 'Sent', '2026-03-10'), // counts
    notice('C-1', 'Suspension_Warning', 'Sent', '2026-02-01'), // counts
    notice('C-1', 'Reminder', 'Planned', null), // not sent
    notice('C-1', 'Reminder', 'Sent', '2025-12-15'), // before the window
    notice('C-1', 'Call_Task', 'Sent', '2026-03-12'), // a call
    notice('C-1', 'Suspension', 'Sent', '2026-03-20'), // not a notice that counts
    notice('C-2', 'Reminder', 'Sent', '2026-03-05'), // bob's
    notice('C-3', 'Reminder', 'Failed', '2026-03-06'), // failed
  );
  portfolio.promises.push(
    promise('PR-1', 'C-1', 'USD', '2026-02-10', 'Kept'),
    promise('PR-2', 'C-3', 'EUR', '2026-03-01', 'Open'),
    promise('PR-3', 'C-1', 'USD', '2025-12-20', 'Kept'), // before the window
    promise('PR-4', 'C-2', 'USD', '2026-03-01', 'Kept'), // bob's
  );
  // units of EUR per USD (the corporate currency), as DatedConversionRate gives them
  portfolio.rates.push(
    { from: 'USD', to: 'EUR', rate: '0.9', date: parseDay('2026-01-01') },
    { from: 'USD', to: 'EUR', rate: '0.8', date: parseDay('2026-03-01') },
    { from: 'USD', to: 'EUR', rate: '0.5', date: parseDay('2026-04-15') },
  );
  return portfolio;
}

function write(dir: string, schema: ObjectSchema, rows: Row[]): void {
  writeFileSync(
    join(dir, `${schema.object}.csv`),
    formatBulkCsv(
      schema.columns.map((column) => column.name),
      rows,
    ),
  );
}

const day = (value: number | null): string => (value === null ? '' : formatDay(value));

/** The portfolio as a snapshot directory of Bulk API CSV files (rates from the corporate currency only). */
export function writeSnapshot(dir: string, portfolio: Portfolio): void {
  mkdirSync(dir, { recursive: true });
  write(
    dir,
    S.ACCOUNT,
    portfolio.accounts.map((a) => ({
      Customer_Number__c: a.customerNumber,
      Name: a.name,
      'Collector__r.Username': a.collector ?? '',
      Collections_Status__c: a.status,
      Collections_Exempt__c: String(a.exempt),
    })),
  );
  write(
    dir,
    S.INVOICE,
    portfolio.invoices.map((i) => ({
      Invoice_Number__c: i.invoiceNumber,
      Name: i.invoiceNumber,
      'Account__r.Customer_Number__c': i.customerNumber,
      Document_Type__c: i.documentType,
      CurrencyIsoCode: i.currency,
      Invoice_Date__c: day(i.invoiceDate),
      Due_Date__c: day(i.dueDate),
      Amount__c: formatMoney(i.amount),
    })),
  );
  write(
    dir,
    S.PAYMENT,
    portfolio.payments.map((p) => ({
      Payment_Reference__c: p.paymentReference,
      'Account__r.Customer_Number__c': p.customerNumber,
      CurrencyIsoCode: p.currency,
      Received_Date__c: day(p.receivedDate),
      Amount__c: formatMoney(p.amount),
    })),
  );
  write(
    dir,
    S.PAYMENT_APPLICATION,
    portfolio.applications.map((a, index) => ({
      Application_Key__c: `APP-${index + 1}`,
      'Payment__r.Payment_Reference__c': a.paymentReference,
      'Invoice__r.Invoice_Number__c': a.invoiceNumber,
      CurrencyIsoCode: a.amount.currency,
      Applied_Date__c: day(a.appliedDate),
      Amount__c: formatMoney(a.amount),
    })),
  );
  write(
    dir,
    S.PROMISE,
    portfolio.promises.map((p) => ({
      Id: p.id,
      'Account__r.Customer_Number__c': p.customerNumber,
      CurrencyIsoCode: p.currency,
      Amount__c: formatMoney(p.amount),
      Promised_Date__c: day(p.promisedDate),
      Logged_Date__c: day(p.loggedDate),
      Status__c: p.status,
    })),
  );
  write(
    dir,
    S.DUNNING_NOTICE,
    portfolio.notices.map((n) => ({
      Idempotency_Key__c: n.key,
      'Account__r.Customer_Number__c': n.customerNumber,
      CurrencyIsoCode: n.currency,
      Action__c: n.action,
      As_Of_Date__c: day(n.asOf),
      Status__c: n.status,
      Sent_Date__c: day(n.sentDate),
    })),
  );
  write(
    dir,
    S.DATED_CONVERSION_RATE,
    portfolio.rates.map((r, index) => ({
      Id: `RATE-${index + 1}`,
      IsoCode: r.to,
      ConversionRate: r.rate,
      StartDate: day(r.date),
    })),
  );
}
