/**
 * The org records the tooling reads and writes, as Bulk API 2.0 CSV columns: field API names, and
 * relationship columns in the `Account__r.Customer_Number__c` form that Bulk API query results use
 * and that ingest jobs accept for upserts by external ID. The local snapshot keeps exactly these
 * columns, one CSV per object, so `sf data export bulk` output can seed it and the org adapter and
 * the snapshot share one mapping. Every column is checked against force-app by `npm test`.
 */

export interface ColumnSpec {
  /** a field API name, or a relationship path through an external ID */
  name: string;
  /** the field types the code handles (CustomField <type>), checked against force-app */
  types: readonly string[];
}

export interface ObjectSchema {
  object: string;
  /** the column a row is upserted by: an external ID field, or Id */
  key: string;
  columns: readonly ColumnSpec[];
}

const text = ['Text'];
const date = ['Date'];
const money = ['Currency'];
const number = ['Number'];
const picklist = ['Picklist'];
const checkbox = ['Checkbox'];
const longText = ['LongTextArea'];
const id = ['Id'];
const lookup = ['Lookup', 'MasterDetail'];
const any: readonly string[] = [];

function columns(spec: Record<string, readonly string[]>): ColumnSpec[] {
  return Object.entries(spec).map(([name, types]) => ({ name, types }));
}

export const ACCOUNT: ObjectSchema = {
  object: 'Account',
  key: 'Customer_Number__c',
  columns: columns({
    Customer_Number__c: text,
    Name: text,
    BillingCountry: text,
    Preferred_Language__c: picklist,
    Billing_Email__c: ['Email'],
    Billing_Entity__c: text,
    'Collector__r.Username': text,
    Collections_Status__c: picklist,
    Suspension_Warning_Date__c: date,
    Suspension_Date__c: date,
    Suspension_Lifted_Date__c: date,
    Suspension_Reason__c: text,
    Collections_Exempt__c: checkbox,
    Exemption_Reason__c: text,
    Exemption_Until__c: date,
  }),
};

export const INVOICE: ObjectSchema = {
  object: 'Invoice__c',
  key: 'Invoice_Number__c',
  columns: columns({
    Invoice_Number__c: text,
    Name: text,
    'Account__r.Customer_Number__c': text,
    Document_Type__c: picklist,
    CurrencyIsoCode: picklist,
    Invoice_Date__c: date,
    Due_Date__c: date,
    Amount__c: money,
    Open_Balance__c: money,
    Status__c: picklist,
    Disputed_Amount__c: money,
    PO_Number__c: text,
    Document_URL__c: ['Url'],
    Payment_Plan__c: lookup,
    Last_Dunning_Level__c: number,
    Last_Dunning_Date__c: date,
  }),
};

export const PAYMENT: ObjectSchema = {
  object: 'Payment__c',
  key: 'Payment_Reference__c',
  columns: columns({
    Payment_Reference__c: text,
    Name: text,
    'Account__r.Customer_Number__c': text,
    CurrencyIsoCode: picklist,
    Received_Date__c: date,
    Amount__c: money,
    Payment_Method__c: picklist,
  }),
};

export const PAYMENT_APPLICATION: ObjectSchema = {
  object: 'Payment_Application__c',
  key: 'Application_Key__c',
  columns: columns({
    Application_Key__c: text,
    'Payment__r.Payment_Reference__c': text,
    'Invoice__r.Invoice_Number__c': text,
    CurrencyIsoCode: picklist,
    Applied_Date__c: date,
    Amount__c: money,
  }),
};

export const DISPUTE: ObjectSchema = {
  object: 'Dispute__c',
  key: 'Id',
  columns: columns({
    Id: id,
    Name: ['AutoNumber'],
    'Account__r.Customer_Number__c': text,
    Status__c: picklist,
    Routed_Team__c: picklist,
    Reason_Code__c: picklist,
    Opened_Date__c: date,
    Target_Resolution_Date__c: date,
    Resolved_Date__c: date,
  }),
};

export const DISPUTE_INVOICE: ObjectSchema = {
  object: 'Dispute_Invoice__c',
  key: 'Id',
  columns: columns({
    Id: id,
    Dispute__c: lookup,
    'Invoice__r.Invoice_Number__c': text,
    CurrencyIsoCode: picklist,
    Disputed_Amount__c: money,
  }),
};

export const PROMISE: ObjectSchema = {
  object: 'Promise_To_Pay__c',
  key: 'Id',
  columns: columns({
    Id: id,
    Name: ['AutoNumber'],
    'Account__r.Customer_Number__c': text,
    CurrencyIsoCode: picklist,
    Amount__c: money,
    Promised_Date__c: date,
    Logged_Date__c: date,
    Status__c: picklist,
    Amount_Received__c: money,
  }),
};

export const PAYMENT_PLAN: ObjectSchema = {
  object: 'Payment_Plan__c',
  key: 'Id',
  columns: columns({
    Id: id,
    Name: ['AutoNumber'],
    'Account__r.Customer_Number__c': text,
    CurrencyIsoCode: picklist,
    Status__c: picklist,
    Approval_Date__c: date,
    Total_Amount__c: money,
    Number_Of_Installments__c: number,
    Frequency__c: picklist,
    First_Installment_Date__c: date,
  }),
};

export const INSTALLMENT: ObjectSchema = {
  object: 'Payment_Plan_Installment__c',
  key: 'Id',
  columns: columns({
    Id: id,
    Payment_Plan__c: lookup,
    CurrencyIsoCode: picklist,
    Installment_Number__c: number,
    Due_Date__c: date,
    Amount__c: money,
    Amount_Paid__c: money,
    Status__c: picklist,
  }),
};

export const COLLECTION_CASE: ObjectSchema = {
  object: 'Collection_Case__c',
  key: 'Case_Key__c',
  columns: columns({
    Case_Key__c: text,
    Open_Case_Key__c: text,
    'Account__r.Customer_Number__c': text,
    CurrencyIsoCode: picklist,
    Status__c: picklist,
    Snapshot_Date__c: date,
    Aging_Current__c: money,
    Aging_1_30__c: money,
    Aging_31_60__c: money,
    Aging_61_90__c: money,
    Aging_Over_90__c: money,
    Total_Open__c: money,
    Total_Overdue__c: money,
    Dunning_Level__c: number,
    Priority_Score__c: number,
    Priority_Reasons__c: longText,
    Next_Action__c: picklist,
    Next_Action_Date__c: date,
    Escalated__c: checkbox,
    Escalation_Reason__c: picklist,
    Escalated_Date__c: date,
    Closed_Date__c: date,
  }),
};

export const DUNNING_NOTICE: ObjectSchema = {
  object: 'Dunning_Notice__c',
  key: 'Idempotency_Key__c',
  columns: columns({
    Idempotency_Key__c: text,
    'Account__r.Customer_Number__c': text,
    'Collection_Case__r.Case_Key__c': text,
    CurrencyIsoCode: picklist,
    Action__c: picklist,
    Policy_Step__c: text,
    Level__c: number,
    Channel__c: picklist,
    As_Of_Date__c: date,
    Status__c: picklist,
    Delivery_Outcome__c: picklist,
    Delivery_Detail__c: text,
    Sent_Date__c: date,
    Recipient_Email__c: ['Email'],
    Language__c: text,
    Email_Template__c: text,
    Invoice_Count__c: number,
    Invoices_Covered__c: longText,
    Overdue_Amount__c: money,
    Net_Amount_Due__c: money,
    Reason__c: longText,
  }),
};

export const WRITE_OFF_REFERRAL: ObjectSchema = {
  object: 'Write_Off_Referral__c',
  key: 'Referral_Key__c',
  columns: columns({
    Referral_Key__c: text,
    'Account__r.Customer_Number__c': text,
    'Collection_Case__r.Case_Key__c': text,
    CurrencyIsoCode: picklist,
    Type__c: picklist,
    Status__c: picklist,
    Referral_Date__c: date,
    Amount__c: money,
    Invoice_Count__c: number,
    Invoices_Covered__c: longText,
    Suspension_Date__c: date,
    Reason__c: longText,
  }),
};

export const COLLECTIONS_RUN: ObjectSchema = {
  object: 'Collections_Run__c',
  key: 'Run_Key__c',
  columns: columns({
    Run_Key__c: text,
    As_Of_Date__c: date,
    Mode__c: picklist,
    Outcome__c: picklist,
    Started_At__c: ['DateTime'],
    Finished_At__c: ['DateTime'],
    Actions_Planned__c: number,
    Actions_Applied__c: number,
    Actions_Failed__c: number,
    Notices_Sent__c: number,
    Suspensions__c: number,
    Referrals__c: number,
    Cases_Refreshed__c: number,
    API_Requests__c: number,
    Summary__c: longText,
    Error_Detail__c: longText,
  }),
};

/** Salesforce's own dated exchange rates (advanced currency management): units of IsoCode per corporate unit. */
export const DATED_CONVERSION_RATE: ObjectSchema = {
  object: 'DatedConversionRate',
  key: 'Id',
  columns: columns({ IsoCode: any, ConversionRate: any, StartDate: any }),
};

/** Every object of the snapshot, in load order (parents before children). */
export const SNAPSHOT_OBJECTS: readonly ObjectSchema[] = [
  ACCOUNT,
  INVOICE,
  PAYMENT,
  PAYMENT_APPLICATION,
  DISPUTE,
  DISPUTE_INVOICE,
  PROMISE,
  PAYMENT_PLAN,
  INSTALLMENT,
  COLLECTION_CASE,
  DUNNING_NOTICE,
  WRITE_OFF_REFERRAL,
  COLLECTIONS_RUN,
  DATED_CONVERSION_RATE,
];

/** A record as Bulk API CSV gives it: column -> text, '' for blank. */
export type Row = Record<string, string>;
