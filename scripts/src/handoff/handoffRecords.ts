/**
 * What the write-off packet needs beyond the engine's portfolio, read from a store's rows: the
 * Write_Off_Referral__c records, and the columns of notices, disputes, promises and plans that the
 * engine does not use (delivery outcome, reason code, amount received, installments paid...).
 * Values are parsed strictly, and a bad one names the object, the record and the field.
 */
import type { Day } from '../domain/calendar';
import type { Money } from '../domain/money';
import { RecordFields } from '../records/recordFields';
import * as S from '../records/schema';
import type { ObjectSchema } from '../records/schema';
import type { CollectionsStore } from '../store/store';

export interface ReferralRecord {
  key: string;
  customerNumber: string;
  caseKey: string | null;
  currency: string | null;
  /** Bad_Debt_Referral (the picklist's default, also when blank) or Small_Balance_Write_Off */
  type: string;
  status: string;
  referralDate: Day | null;
  amount: Money | null;
  invoiceNumbers: string[];
  suspensionDate: Day | null;
  reason: string | null;
}

/** A Dunning_Notice__c's delivery: how it went out and what became of it. */
export interface NoticeDelivery {
  key: string;
  channel: string | null;
  deliveryOutcome: string | null;
  deliveryDetail: string | null;
  recipient: string | null;
  reason: string | null;
}

export interface DisputeDetail {
  id: string;
  name: string | null;
  reasonCode: string | null;
  routedTeam: string | null;
}

export interface PromiseDetail {
  id: string;
  name: string | null;
  amountReceived: Money | null;
}

export interface InstallmentDetail {
  number: number;
  amountPaid: Money | null;
  status: string | null;
}

export interface PlanDetail {
  id: string;
  name: string | null;
  frequency: string | null;
  installments: InstallmentDetail[];
}

export interface HandoffExtra {
  /** the company's corporate currency (the policy's), for the total */
  corporateCurrency: string;
  referrals: ReferralRecord[];
  notices?: NoticeDelivery[];
  disputes?: DisputeDetail[];
  promises?: PromiseDetail[];
  plans?: PlanDetail[];
}

async function readersOf(store: CollectionsStore, schema: ObjectSchema): Promise<RecordFields[]> {
  const readers: RecordFields[] = [];
  for await (const row of store.read(schema)) readers.push(new RecordFields(schema, row));
  return readers;
}

/** Reads the referrals and the extra columns of a store. */
export async function handoffExtraFromStore(store: CollectionsStore, corporateCurrency: string): Promise<HandoffExtra> {
  const referrals = (await readersOf(store, S.WRITE_OFF_REFERRAL)).map((r): ReferralRecord => {
    const currency = r.text('CurrencyIsoCode');
    return {
      key: r.required('Referral_Key__c'),
      customerNumber: r.required('Account__r.Customer_Number__c'),
      caseKey: r.text('Collection_Case__r.Case_Key__c'),
      currency,
      type: r.text('Type__c') ?? 'Bad_Debt_Referral',
      status: r.text('Status__c') ?? 'Proposed',
      referralDate: r.day('Referral_Date__c'),
      amount: r.money('Amount__c', currency),
      invoiceNumbers: (r.text('Invoices_Covered__c') ?? '').split('\n').filter((line) => line.trim() !== ''),
      suspensionDate: r.day('Suspension_Date__c'),
      reason: r.text('Reason__c'),
    };
  });
  const notices = (await readersOf(store, S.DUNNING_NOTICE)).map((r): NoticeDelivery => ({
    key: r.required('Idempotency_Key__c'),
    channel: r.text('Channel__c'),
    deliveryOutcome: r.text('Delivery_Outcome__c'),
    deliveryDetail: r.text('Delivery_Detail__c'),
    recipient: r.text('Recipient_Email__c'),
    reason: r.text('Reason__c'),
  }));
  const disputes = (await readersOf(store, S.DISPUTE)).map((r): DisputeDetail => ({
    id: r.required('Id'),
    name: r.text('Name'),
    reasonCode: r.text('Reason_Code__c'),
    routedTeam: r.text('Routed_Team__c'),
  }));
  const promises = (await readersOf(store, S.PROMISE)).map((r): PromiseDetail => ({
    id: r.required('Id'),
    name: r.text('Name'),
    amountReceived: r.money('Amount_Received__c', r.text('CurrencyIsoCode')),
  }));
  const plans = new Map<string, PlanDetail>();
  for (const r of await readersOf(store, S.PAYMENT_PLAN)) {
    const id = r.required('Id');
    plans.set(id, { id, name: r.text('Name'), frequency: r.text('Frequency__c'), installments: [] });
  }
  for (const r of await readersOf(store, S.INSTALLMENT)) {
    const plan = plans.get(r.required('Payment_Plan__c'));
    if (!plan) continue;
    plan.installments.push({
      number: r.integer('Installment_Number__c') ?? plan.installments.length + 1,
      amountPaid: r.money('Amount_Paid__c', r.text('CurrencyIsoCode')),
      status: r.text('Status__c'),
    });
  }
  return { corporateCurrency, referrals, notices, disputes, promises, plans: [...plans.values()] };
}
