/**
 * Rows of every object of records/schema.ts, with every column filled as the org would give it back
 * (numbers without trailing zeros, checkboxes true/false), for seeding the fake org and for writes.
 */
import * as schema from '../../src/records/schema';
import type { Row } from '../../src/records/schema';
import type { FakeOrg } from './fakeOrg';

const pad = (n: number): string => String(n).padStart(6, '0');
const day = (n: number): string =>
  `2026-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`;
const CURRENCIES = ['USD', 'EUR', 'CAD'];

export const COLLECTORS = ['collector1@company.example', 'collector2@company.example'];
export const customer = (n: number): string => `CUST-${pad(n)}`;
export const invoiceNumber = (n: number): string => `INV-${pad(n)}`;

/** A row with every column of the schema: the given values, '' elsewhere. */
function full(object: schema.ObjectSchema, values: Row): Row {
  return Object.fromEntries(object.columns.map((column) => [column.name, values[column.name] ?? '']));
}

export function userRows(): Row[] {
  return COLLECTORS.map((username, index) => ({
    Username: username,
    Name: `Collector ${index + 1}`,
    Email: username,
    IsActive: 'true',
  }));
}

export function accountRows(count: number, start = 1): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return full(schema.ACCOUNT, {
      Customer_Number__c: customer(n),
      Name: `Customer ${n}, Inc.`,
      BillingCountry: 'US',
      Preferred_Language__c: 'en_US',
      Billing_Email__c: `ap+${n}@customer.example`,
      Billing_Entity__c: 'US01',
      'Collector__r.Username': COLLECTORS[n % COLLECTORS.length] as string,
      Collections_Status__c: n % 5 === 0 ? 'Suspended' : 'Current',
      Suspension_Warning_Date__c: n % 5 === 0 ? day(n) : '',
      Collections_Exempt__c: n % 7 === 0 ? 'true' : 'false',
      Exemption_Reason__c: n % 7 === 0 ? 'Strategic "key" account' : '',
    });
  });
}

export function invoiceRows(count: number, accounts: number, start = 1): Row[] {
  return Array.from({ length: count }, (_, i) => {
    const n = start + i;
    return full(schema.INVOICE, {
      Invoice_Number__c: invoiceNumber(n),
      Name: invoiceNumber(n),
      'Account__r.Customer_Number__c': customer((n % accounts) + 1),
      Document_Type__c: 'Invoice',
      CurrencyIsoCode: CURRENCIES[n % CURRENCIES.length] as string,
      Invoice_Date__c: day(n),
      Due_Date__c: day(n + 1),
      Amount__c: String(100 + n + 0.25),
      Open_Balance__c: String(n % 3 === 0 ? 0 : 100 + n),
      Status__c: n % 3 === 0 ? 'Paid' : 'Open',
      PO_Number__c: n % 4 === 0 ? `PO-${n}` : '',
      Document_URL__c: `https://erp.example/invoices/${n}`,
      Last_Dunning_Level__c: String(n % 3),
      Last_Dunning_Date__c: n % 3 ? day(n + 2) : '',
    });
  });
}

export function paymentRows(count: number, accounts: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.PAYMENT, {
      Payment_Reference__c: `PAY-${pad(i + 1)}`,
      Name: `PAY-${pad(i + 1)}`,
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      CurrencyIsoCode: 'USD',
      Received_Date__c: day(i),
      Amount__c: String(50 + i),
      Payment_Method__c: 'Wire',
    }),
  );
}

export function applicationRows(count: number, payments: number, invoices: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.PAYMENT_APPLICATION, {
      Application_Key__c: `APP-${pad(i + 1)}`,
      'Payment__r.Payment_Reference__c': `PAY-${pad((i % payments) + 1)}`,
      'Invoice__r.Invoice_Number__c': invoiceNumber((i % invoices) + 1),
      CurrencyIsoCode: 'USD',
      Applied_Date__c: day(i),
      Amount__c: String(10 + i),
    }),
  );
}

export function disputeRows(count: number, accounts: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.DISPUTE, {
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      Status__c: 'Open',
      Routed_Team__c: 'Billing',
      Reason_Code__c: 'Pricing',
      Opened_Date__c: day(i),
      Target_Resolution_Date__c: day(i + 10),
    }),
  );
}

export function disputeInvoiceRows(disputeIds: readonly string[], invoices: number): Row[] {
  return disputeIds.map((id, i) =>
    full(schema.DISPUTE_INVOICE, {
      Dispute__c: id,
      'Invoice__r.Invoice_Number__c': invoiceNumber((i % invoices) + 1),
      CurrencyIsoCode: 'USD',
      Disputed_Amount__c: String(25 + i),
    }),
  );
}

export function promiseRows(count: number, accounts: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.PROMISE, {
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      CurrencyIsoCode: 'USD',
      Amount__c: String(300 + i),
      Promised_Date__c: day(i + 5),
      Logged_Date__c: day(i),
      Status__c: 'Open',
      Amount_Received__c: '0',
    }),
  );
}

export function paymentPlanRows(count: number, accounts: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.PAYMENT_PLAN, {
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      CurrencyIsoCode: 'USD',
      Status__c: 'Approved',
      Approval_Date__c: day(i),
      Total_Amount__c: String(1200 + i),
      Number_Of_Installments__c: '3',
      Frequency__c: 'Monthly',
      First_Installment_Date__c: day(i + 3),
    }),
  );
}

export function installmentRows(planIds: readonly string[]): Row[] {
  return planIds.map((id, i) =>
    full(schema.INSTALLMENT, {
      Payment_Plan__c: id,
      CurrencyIsoCode: 'USD',
      Installment_Number__c: '1',
      Due_Date__c: day(i + 3),
      Amount__c: String(400 + i),
      Amount_Paid__c: '0',
      Status__c: 'Scheduled',
    }),
  );
}

export function caseRows(count: number, accounts: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.COLLECTION_CASE, {
      Case_Key__c: `CASE-${pad(i + 1)}`,
      Open_Case_Key__c: `CASE-${pad(i + 1)}`,
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      CurrencyIsoCode: 'USD',
      Status__c: 'Open',
      Snapshot_Date__c: day(i),
      Aging_Current__c: '100',
      Aging_1_30__c: '50.5',
      Aging_31_60__c: '0',
      Aging_61_90__c: '0',
      Aging_Over_90__c: '0',
      Total_Open__c: '150.5',
      Total_Overdue__c: '50.5',
      Dunning_Level__c: '1',
      Priority_Score__c: String(i % 100),
      Priority_Reasons__c: 'Overdue 12 days\nLarge balance',
      Next_Action__c: 'Reminder',
      Next_Action_Date__c: day(i + 1),
      Escalated__c: 'false',
    }),
  );
}

export function noticeRows(count: number, accounts: number, cases: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.DUNNING_NOTICE, {
      Idempotency_Key__c: `NOTICE-${pad(i + 1)}`,
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      'Collection_Case__r.Case_Key__c': `CASE-${pad((i % cases) + 1)}`,
      CurrencyIsoCode: 'USD',
      Action__c: 'Reminder',
      Policy_Step__c: 'Reminder_1',
      Level__c: '1',
      Channel__c: 'Email',
      As_Of_Date__c: day(i),
      Status__c: 'Sent',
      Sent_Date__c: day(i),
      Recipient_Email__c: `ap+${i}@customer.example`,
      Language__c: 'en_US',
      Email_Template__c: 'CC_Reminder_1',
      Invoice_Count__c: '2',
      Invoices_Covered__c: 'INV-1, INV-2',
      Overdue_Amount__c: '200',
      Net_Amount_Due__c: '200',
    }),
  );
}

export function referralRows(count: number, accounts: number, cases: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.WRITE_OFF_REFERRAL, {
      Referral_Key__c: `REF-${pad(i + 1)}`,
      'Account__r.Customer_Number__c': customer((i % accounts) + 1),
      'Collection_Case__r.Case_Key__c': `CASE-${pad((i % cases) + 1)}`,
      CurrencyIsoCode: 'USD',
      Type__c: 'Bad_Debt',
      Status__c: 'Open',
      Referral_Date__c: day(i),
      Amount__c: '999.99',
      Invoice_Count__c: '1',
      Invoices_Covered__c: 'INV-9',
      Reason__c: 'Suspended 60 days, no payment',
    }),
  );
}

export function runRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.COLLECTIONS_RUN, {
      Run_Key__c: `RUN-${day(i)}-${i}`,
      As_Of_Date__c: day(i),
      Mode__c: 'Apply',
      Outcome__c: 'Succeeded',
      Started_At__c: `${day(i)}T02:00:00.000Z`,
      Finished_At__c: `${day(i)}T02:05:00.000Z`,
      Actions_Planned__c: '10',
      Actions_Applied__c: '10',
      Actions_Failed__c: '0',
      API_Requests__c: '12',
      Summary__c: 'ok',
    }),
  );
}

export function rateRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) =>
    full(schema.DATED_CONVERSION_RATE, {
      IsoCode: CURRENCIES[i % CURRENCIES.length] as string,
      ConversionRate: String(1 + i / 100),
      StartDate: day(i),
    }),
  );
}

/** Seeds every object of the schema with `count` rows each (server side, no adapter involved). */
export function seedEverything(org: FakeOrg, count: number): void {
  org.seed('User', userRows());
  org.seed('Account', accountRows(count));
  org.seed('Invoice__c', invoiceRows(count, count));
  org.seed('Payment__c', paymentRows(count, count));
  org.seed('Payment_Application__c', applicationRows(count, count, count));
  const disputes = org.seed('Dispute__c', disputeRows(count, count));
  org.seed('Dispute_Invoice__c', disputeInvoiceRows(disputes, count));
  org.seed('Promise_To_Pay__c', promiseRows(count, count));
  const plans = org.seed('Payment_Plan__c', paymentPlanRows(count, count));
  org.seed('Payment_Plan_Installment__c', installmentRows(plans));
  org.seed('Collection_Case__c', caseRows(count, count));
  org.seed('Dunning_Notice__c', noticeRows(count, count, count));
  org.seed('Write_Off_Referral__c', referralRows(count, count, count));
  org.seed('Collections_Run__c', runRows(count));
  org.seed('DatedConversionRate', rateRows(count));
}
