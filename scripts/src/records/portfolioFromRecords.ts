/**
 * The engine's portfolio, read from a store's rows. Every value is parsed strictly (dates, money in
 * the record's currency, picklist values) and a bad one stops the load with the object, the record
 * and the field named: the batch never decides on data it could not read.
 */
import { parseDay, type Day } from '../domain/calendar';
import type { Money } from '../domain/money';
import type {
  Account,
  CaseStatus,
  CollectionCase,
  CollectionsStatus,
  Dispute,
  DisputeStatus,
  DocumentType,
  ExchangeRate,
  Invoice,
  InvoiceStatus,
  NoticeAction,
  NoticeRecord,
  NoticeStatus,
  Payment,
  PaymentApplication,
  PaymentPlan,
  PlanStatus,
  Portfolio,
  PromiseStatus,
  PromiseToPay,
} from '../domain/portfolio';
import { emptyPortfolio } from '../domain/portfolio';
import {
  BLANK_INVOICE_STATE,
  INVOICE_STATUSES,
  invoiceStateCells,
  invoiceStateText,
} from '../domain/engine/invoiceState';

export { RecordError };
import type { CollectionsStore } from '../store/store';
import { RecordError, RecordFields as Fields } from './recordFields';
import * as S from './schema';
import type { ObjectSchema } from './schema';

/** Each row of an object as it streams in: nothing holds the rows once they are read. */
async function* rowsOf(store: CollectionsStore, schema: ObjectSchema): AsyncGenerator<{ f: Fields }> {
  for await (const row of store.read(schema)) yield { f: new Fields(schema, row) };
}

const COLLECTIONS_STATUSES: readonly CollectionsStatus[] = [
  'Current',
  'In_Collections',
  'Suspension_Warning',
  'Suspended',
  'Referred_To_Write_Off',
];
const DOCUMENT_TYPES: readonly DocumentType[] = ['Invoice', 'Credit_Memo', 'Adjustment'];
const DISPUTE_STATUSES: readonly DisputeStatus[] = ['Open', 'In_Review', 'Resolved', 'Cancelled'];
const PROMISE_STATUSES: readonly PromiseStatus[] = ['Open', 'Kept', 'Broken', 'Cancelled'];
const PLAN_STATUSES: readonly PlanStatus[] = [
  'Draft',
  'Pending_Approval',
  'Approved',
  'Rejected',
  'Active',
  'Completed',
  'Defaulted',
];
const CASE_STATUSES: readonly CaseStatus[] = [
  'New',
  'Working',
  'Promise_To_Pay',
  'Payment_Plan',
  'Disputed',
  'Suspended',
  'Referred',
  'Closed',
];
const NOTICE_ACTIONS: readonly NoticeAction[] = [
  'Courtesy_Reminder',
  'Reminder',
  'Call_Task',
  'Suspension_Warning',
  'Suspension',
  'Suspension_Lift',
  'Write_Off_Referral',
  'Small_Balance_Write_Off',
  'Escalation',
];
const NOTICE_STATUSES: readonly NoticeStatus[] = [
  'Planned',
  'Pending_Approval',
  'Approved',
  'Rejected',
  'Sent',
  'Failed',
  'Cancelled',
];

function account(f: Fields, strings: SharedStrings): Account {
  return {
    customerNumber: strings.of(f.required('Customer_Number__c')),
    name: f.text('Name') ?? f.required('Customer_Number__c'),
    country: f.text('BillingCountry'),
    language: f.text('Preferred_Language__c') ?? 'en_US',
    billingEmail: f.text('Billing_Email__c'),
    billingEntity: f.text('Billing_Entity__c'),
    collector: f.text('Collector__r.Username'),
    status: f.oneOf('Collections_Status__c', COLLECTIONS_STATUSES, 'Current'),
    suspensionWarningDate: f.day('Suspension_Warning_Date__c'),
    suspensionDate: f.day('Suspension_Date__c'),
    exempt: f.flag('Collections_Exempt__c'),
    exemptUntil: f.day('Exemption_Until__c'),
  };
}

/**
 * One string per distinct value of the fields a million rows repeat (customer numbers, currency
 * codes): each row read from a file is a fresh copy, and keeping a copy per invoice, payment and
 * amount is tens of megabytes at a million invoices.
 */
class SharedStrings {
  private readonly known = new Map<string, string>();

  of(value: string): string {
    const known = this.known.get(value);
    if (known !== undefined) return known;
    this.known.set(value, value);
    return value;
  }
}

/** A cell the batch cannot read: it equals no value the batch computes, so the batch rewrites it. */
const UNREADABLE = '?';

/**
 * The five fields the batch keeps (invoiceState.ts) as the record holds them, as one canonical
 * string: "100.5" and "100.50" read the same. Unlike the ledger's fields, a value that cannot be
 * read does not stop the load: the batch decides nothing from these, it only overwrites them (an
 * unreadable one is marked so that it is rewritten). Undefined when all five are blank.
 */
function recordedState(f: Fields, currency: string, strings: SharedStrings): string | undefined {
  // Written out field by field, without a closure per field: this runs once per invoice.
  let unreadable: number[] | undefined;
  let openBalance: Money | null = null;
  let status: InvoiceStatus | null = null;
  let disputed: Money | null = null;
  let lastDunningDate: Day | null = null;
  let lastDunningLevel: number | null = null;
  for (let cell = 0; cell < 5; cell++) {
    try {
      if (cell === 0) openBalance = f.money('Open_Balance__c', currency);
      else if (cell === 1) status = f.text('Status__c') === null ? null : f.oneOf('Status__c', INVOICE_STATUSES);
      else if (cell === 2) disputed = f.money('Disputed_Amount__c', currency);
      else if (cell === 3) lastDunningDate = f.day('Last_Dunning_Date__c');
      else lastDunningLevel = f.integer('Last_Dunning_Level__c');
    } catch (error) {
      if (!(error instanceof RecordError)) throw error;
      (unreadable ??= []).push(cell);
    }
  }
  const cells = invoiceStateCells({ openBalance, status, disputed, lastDunningDate, lastDunningLevel });
  for (const cell of unreadable ?? []) cells[cell] = UNREADABLE;
  const text = invoiceStateText(cells);
  if (text === BLANK_INVOICE_STATE) return undefined;
  // Settled documents, most of a ledger, repeat a few values ("0.00|Paid|||"): one copy of each.
  return openBalance?.minor === 0n ? strings.of(text) : text;
}

function invoice(f: Fields, strings: SharedStrings): Invoice {
  const currency = strings.of(f.required('CurrencyIsoCode'));
  const recorded = recordedState(f, currency, strings);
  return {
    invoiceNumber: f.required('Invoice_Number__c'),
    customerNumber: strings.of(f.required('Account__r.Customer_Number__c')),
    documentType: f.oneOf('Document_Type__c', DOCUMENT_TYPES, 'Invoice'),
    currency,
    invoiceDate: f.requiredDay('Invoice_Date__c'),
    dueDate: f.requiredDay('Due_Date__c'),
    amount: f.requiredMoney('Amount__c', currency),
    poNumber: f.text('PO_Number__c'),
    documentUrl: f.text('Document_URL__c'),
    paymentPlanId: f.text('Payment_Plan__c'),
    // Always present, so that every invoice object has one shape.
    recorded,
  };
}

/** A case's opening date is the last part of its key: customer|currency|YYYY-MM-DD. */
function collectionCase(f: Fields): CollectionCase {
  const caseKey = f.required('Case_Key__c');
  const opened = caseKey.split('|').pop() ?? '';
  let openedDate: Day;
  try {
    openedDate = parseDay(opened);
  } catch {
    throw new RecordError(
      'Collection_Case__c',
      caseKey,
      'Case_Key__c',
      'does not end in the opening date (customer|currency|YYYY-MM-DD)',
    );
  }
  return {
    caseKey,
    customerNumber: f.required('Account__r.Customer_Number__c'),
    currency: f.required('CurrencyIsoCode'),
    openedDate,
    status: f.oneOf('Status__c', CASE_STATUSES, 'New'),
    closedDate: f.day('Closed_Date__c'),
  };
}

function notice(f: Fields): NoticeRecord {
  return {
    key: f.required('Idempotency_Key__c'),
    customerNumber: f.required('Account__r.Customer_Number__c'),
    currency: f.text('CurrencyIsoCode') ?? '',
    action: f.oneOf('Action__c', NOTICE_ACTIONS),
    step: f.text('Policy_Step__c'),
    level: f.integer('Level__c'),
    caseKey: f.text('Collection_Case__r.Case_Key__c'),
    asOf: f.requiredDay('As_Of_Date__c'),
    status: f.oneOf('Status__c', NOTICE_STATUSES, 'Planned'),
    sentDate: f.day('Sent_Date__c'),
    invoiceNumbers: (f.text('Invoices_Covered__c') ?? '').split('\n').filter((line) => line !== ''),
  };
}

/**
 * Where the records go as they are read: the whole portfolio as arrays (portfolioFromStore), or a
 * more compact form for a large night (batch/nightLedger.ts). Disputes and plans are handed over
 * when read; their lines and installments are added to the same objects afterwards.
 */
export interface PortfolioSink {
  account(account: Account): void;
  invoice(invoice: Invoice): void;
  payment(payment: Payment): void;
  application(application: PaymentApplication): void;
  dispute(dispute: Dispute): void;
  promise(promise: PromiseToPay): void;
  plan(plan: PaymentPlan): void;
  collectionCase(collectionCase: CollectionCase): void;
  notice(notice: NoticeRecord): void;
  rate(rate: ExchangeRate): void;
}

/** Loads everything the engine needs from a store. `corporateCurrency` orients the dated rates. */
export async function portfolioFromStore(store: CollectionsStore, corporateCurrency: string): Promise<Portfolio> {
  const portfolio = emptyPortfolio();
  await readPortfolio(store, corporateCurrency, {
    account: (item) => portfolio.accounts.push(item),
    invoice: (item) => portfolio.invoices.push(item),
    payment: (item) => portfolio.payments.push(item),
    application: (item) => portfolio.applications.push(item),
    dispute: (item) => portfolio.disputes.push(item),
    promise: (item) => portfolio.promises.push(item),
    plan: (item) => portfolio.plans.push(item),
    collectionCase: (item) => portfolio.cases.push(item),
    notice: (item) => portfolio.notices.push(item),
    rate: (item) => portfolio.rates.push(item),
  });
  return portfolio;
}

/** Reads every record the engine needs, parsed strictly, into `sink` (objects in file order). */
export async function readPortfolio(
  store: CollectionsStore,
  corporateCurrency: string,
  sink: PortfolioSink,
): Promise<void> {
  const strings = new SharedStrings();
  for await (const { f } of rowsOf(store, S.ACCOUNT)) sink.account(account(f, strings));
  for await (const { f } of rowsOf(store, S.INVOICE)) sink.invoice(invoice(f, strings));
  for await (const { f } of rowsOf(store, S.PAYMENT)) {
    const currency = strings.of(f.required('CurrencyIsoCode'));
    sink.payment({
      paymentReference: f.required('Payment_Reference__c'),
      customerNumber: strings.of(f.required('Account__r.Customer_Number__c')),
      currency,
      receivedDate: f.requiredDay('Received_Date__c'),
      amount: f.requiredMoney('Amount__c', currency),
    });
  }
  for await (const { f } of rowsOf(store, S.PAYMENT_APPLICATION)) {
    const currency = strings.of(f.required('CurrencyIsoCode'));
    sink.application({
      paymentReference: f.required('Payment__r.Payment_Reference__c'),
      invoiceNumber: f.required('Invoice__r.Invoice_Number__c'),
      appliedDate: f.requiredDay('Applied_Date__c'),
      amount: f.requiredMoney('Amount__c', currency),
    });
  }
  const disputes = new Map<string, Dispute>();
  for await (const { f } of rowsOf(store, S.DISPUTE)) {
    const dispute: Dispute = {
      id: f.required('Id'),
      customerNumber: f.required('Account__r.Customer_Number__c'),
      status: f.oneOf('Status__c', DISPUTE_STATUSES, 'Open'),
      openedDate: f.requiredDay('Opened_Date__c'),
      targetResolutionDate: f.day('Target_Resolution_Date__c'),
      resolvedDate: f.day('Resolved_Date__c'),
      lines: [],
    };
    disputes.set(dispute.id, dispute);
    sink.dispute(dispute);
  }
  for await (const { f } of rowsOf(store, S.DISPUTE_INVOICE)) {
    const currency = f.required('CurrencyIsoCode');
    const dispute = disputes.get(f.required('Dispute__c'));
    if (!dispute)
      throw new RecordError('Dispute_Invoice__c', f.required('Id'), 'Dispute__c', 'names a dispute that is not there');
    dispute.lines.push({
      invoiceNumber: f.required('Invoice__r.Invoice_Number__c'),
      amount: f.requiredMoney('Disputed_Amount__c', currency),
    });
  }
  for await (const { f } of rowsOf(store, S.PROMISE)) {
    const currency = f.required('CurrencyIsoCode');
    sink.promise({
      id: f.required('Id'),
      customerNumber: f.required('Account__r.Customer_Number__c'),
      currency,
      amount: f.requiredMoney('Amount__c', currency),
      promisedDate: f.requiredDay('Promised_Date__c'),
      loggedDate: f.requiredDay('Logged_Date__c'),
      status: f.oneOf('Status__c', PROMISE_STATUSES, 'Open'),
    });
  }
  const plans = new Map<string, PaymentPlan>();
  for await (const { f } of rowsOf(store, S.PAYMENT_PLAN)) {
    const currency = f.required('CurrencyIsoCode');
    const plan: PaymentPlan = {
      id: f.required('Id'),
      customerNumber: f.required('Account__r.Customer_Number__c'),
      currency,
      status: f.oneOf('Status__c', PLAN_STATUSES, 'Draft'),
      approvedDate: f.day('Approval_Date__c'),
      total: f.requiredMoney('Total_Amount__c', currency),
      installments: [],
    };
    plans.set(plan.id, plan);
    sink.plan(plan);
  }
  for await (const { f } of rowsOf(store, S.INSTALLMENT)) {
    const currency = f.required('CurrencyIsoCode');
    const plan = plans.get(f.required('Payment_Plan__c'));
    if (!plan)
      throw new RecordError(
        'Payment_Plan_Installment__c',
        f.required('Id'),
        'Payment_Plan__c',
        'names a plan that is not there',
      );
    plan.installments.push({
      number: f.integer('Installment_Number__c') ?? plan.installments.length + 1,
      dueDate: f.requiredDay('Due_Date__c'),
      amount: f.requiredMoney('Amount__c', currency),
    });
  }
  for await (const { f } of rowsOf(store, S.COLLECTION_CASE)) sink.collectionCase(collectionCase(f));
  for await (const { f } of rowsOf(store, S.DUNNING_NOTICE)) sink.notice(notice(f));
  for await (const { f } of rowsOf(store, S.DATED_CONVERSION_RATE)) {
    sink.rate({
      from: corporateCurrency,
      to: f.required('IsoCode'),
      rate: f.required('ConversionRate'),
      date: f.requiredDay('StartDate'),
    });
  }
}
