/**
 * A portfolio as rows, the inverse of portfolioFromStore: how the demo seeds a snapshot, and how
 * tests set up a store. Disputes, promises and plans without an Id are given one by the store.
 */
import { formatDay, type Day } from '../domain/calendar';
import { formatMoney } from '../domain/money';
import type { Dispute, PaymentPlan, Portfolio, PromiseToPay } from '../domain/portfolio';
import * as S from './schema';
import type { ObjectSchema, Row } from './schema';
import type { CollectionsStore } from '../store/store';

const day = (value: Day | null): string => (value === null ? '' : formatDay(value));

export function ledgerRows(portfolio: Portfolio): Map<ObjectSchema, Row[]> {
  return new Map<ObjectSchema, Row[]>([
    [
      S.ACCOUNT,
      portfolio.accounts.map((a) => ({
        Customer_Number__c: a.customerNumber,
        Name: a.name,
        BillingCountry: a.country ?? '',
        Preferred_Language__c: a.language,
        Billing_Email__c: a.billingEmail ?? '',
        Billing_Entity__c: a.billingEntity ?? '',
        'Collector__r.Username': a.collector ?? '',
        Collections_Status__c: a.status,
        Suspension_Warning_Date__c: day(a.suspensionWarningDate),
        Suspension_Date__c: day(a.suspensionDate),
        Collections_Exempt__c: String(a.exempt),
        Exemption_Until__c: day(a.exemptUntil),
      })),
    ],
    [
      S.INVOICE,
      portfolio.invoices.map((i) => ({
        Invoice_Number__c: i.invoiceNumber,
        Name: i.invoiceNumber,
        'Account__r.Customer_Number__c': i.customerNumber,
        Document_Type__c: i.documentType,
        CurrencyIsoCode: i.currency,
        Invoice_Date__c: formatDay(i.invoiceDate),
        Due_Date__c: formatDay(i.dueDate),
        Amount__c: formatMoney(i.amount),
        PO_Number__c: i.poNumber ?? '',
        Document_URL__c: i.documentUrl ?? '',
        Payment_Plan__c: i.paymentPlanId ?? '',
      })),
    ],
    [
      S.PAYMENT,
      portfolio.payments.map((p) => ({
        Payment_Reference__c: p.paymentReference,
        Name: p.paymentReference,
        'Account__r.Customer_Number__c': p.customerNumber,
        CurrencyIsoCode: p.currency,
        Received_Date__c: formatDay(p.receivedDate),
        Amount__c: formatMoney(p.amount),
      })),
    ],
    [
      S.PAYMENT_APPLICATION,
      portfolio.applications.map((a) => ({
        Application_Key__c: `${a.paymentReference}/${a.invoiceNumber}`,
        'Payment__r.Payment_Reference__c': a.paymentReference,
        'Invoice__r.Invoice_Number__c': a.invoiceNumber,
        CurrencyIsoCode: a.amount.currency,
        Applied_Date__c: formatDay(a.appliedDate),
        Amount__c: formatMoney(a.amount),
      })),
    ],
    [
      S.DATED_CONVERSION_RATE,
      portfolio.rates.map((r) => ({ Id: '', IsoCode: r.to, ConversionRate: r.rate, StartDate: formatDay(r.date) })),
    ],
  ]);
}

export function disputeRows(dispute: Dispute): { dispute: Row; lines: (disputeId: string) => Row[] } {
  return {
    dispute: {
      Id: dispute.id,
      'Account__r.Customer_Number__c': dispute.customerNumber,
      Status__c: dispute.status,
      Routed_Team__c: 'Billing',
      Reason_Code__c: 'Pricing',
      Opened_Date__c: formatDay(dispute.openedDate),
      Target_Resolution_Date__c: day(dispute.targetResolutionDate),
      Resolved_Date__c: day(dispute.resolvedDate),
    },
    lines: (disputeId) =>
      dispute.lines.map((line) => ({
        Id: '',
        Dispute__c: disputeId,
        'Invoice__r.Invoice_Number__c': line.invoiceNumber,
        CurrencyIsoCode: line.amount.currency,
        Disputed_Amount__c: formatMoney(line.amount),
      })),
  };
}

export function promiseRow(promise: PromiseToPay): Row {
  return {
    Id: promise.id,
    'Account__r.Customer_Number__c': promise.customerNumber,
    CurrencyIsoCode: promise.currency,
    Amount__c: formatMoney(promise.amount),
    Promised_Date__c: formatDay(promise.promisedDate),
    Logged_Date__c: formatDay(promise.loggedDate),
    Status__c: promise.status,
  };
}

export function planRows(plan: PaymentPlan): { plan: Row; installments: (planId: string) => Row[] } {
  return {
    plan: {
      Id: plan.id,
      'Account__r.Customer_Number__c': plan.customerNumber,
      CurrencyIsoCode: plan.currency,
      Status__c: plan.status,
      Approval_Date__c: day(plan.approvedDate),
      Total_Amount__c: formatMoney(plan.total),
      Number_Of_Installments__c: String(plan.installments.length),
      Frequency__c: 'Monthly',
      First_Installment_Date__c: day(plan.installments[0]?.dueDate ?? null),
    },
    installments: (planId) =>
      plan.installments.map((i) => ({
        Id: '',
        Payment_Plan__c: planId,
        CurrencyIsoCode: plan.currency,
        Installment_Number__c: String(i.number),
        Due_Date__c: formatDay(i.dueDate),
        Amount__c: formatMoney(i.amount),
        Status__c: 'Scheduled',
      })),
  };
}

/** Writes a ledger into a store, parents first; throws if the store refuses any row. */
export async function seedStore(store: CollectionsStore, portfolio: Portfolio): Promise<void> {
  for (const [schema, rows] of ledgerRows(portfolio)) {
    const result = await store.upsert(schema, rows);
    if (result.failures.length > 0)
      throw new Error(`${schema.object}: ${result.failures.map((f) => `${f.key} ${f.message}`).join('; ')}`);
  }
}
