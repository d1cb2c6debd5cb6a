/**
 * A hand-made portfolio for the write-off packet, as of 2026-11-30, corporate currency USD.
 *
 * CUST-SUS (Suspended; Bad_Debt_Referral WOR-1 Approved on 2026-11-20)
 * - EUR: INV-S1 2000.00 due 2026-07-15 (138 days past due; 300.00 under open dispute D-1),
 *        INV-S2 1500.00 due 2026-08-15 less 500.00 applied -> 1000.00 (107 days), CM-S1 -100.00
 *        -> net EUR 2900.00 = USD 3222.22 at 1 USD = 0.90 EUR (rate of 2026-11-01; the 0.50 of
 *        2026-12-01 comes after the as-of date, the 0.80 of 2026-10-01 is superseded)
 * - USD: INV-S3 250.00 due 2026-11-01 (29 days), 50.00 received and unapplied -> net USD 200.00
 *   account total USD 3422.22
 * - notices N1..N6 (N3 bounced), N7 after the as-of date; promise PR-1 broken, PR-2 kept;
 *   plan PL-1 defaulted (installments paid, missed, scheduled)
 * CUST-REF (status Referred_To_Write_Off, no referral record): GBP 400.00, and no GBP rate
 * CUST-PROP (Proposed referral), CUST-SMALL (approved Small_Balance_Write_Off), CUST-LATER
 * (referral approved after the as-of date): not in the packet
 */
import { formatDay, parseDay } from '../../src/domain/calendar';
import { formatMoney, parseMoney } from '../../src/domain/money';
import type { NoticeRecord, Portfolio } from '../../src/domain/portfolio';
import { emptyPortfolio } from '../../src/domain/portfolio';
import type { HandoffExtra, NoticeDelivery, ReferralRecord } from '../../src/handoff/handoffRecords';
import { disputeRows, planRows, promiseRow, seedStore } from '../../src/records/portfolioRecords';
import * as S from '../../src/records/schema';
import type { Row } from '../../src/records/schema';
import type { CollectionsStore } from '../../src/store/store';
import { account, application, invoice, payment } from '../statement/fixture';

export const AS_OF = parseDay('2026-11-30');
export const SUSPENDED = 'CUST-SUS';
export const REFERRED = 'CUST-REF';

const d = parseDay;
const eur = (amount: string) => parseMoney(amount, 'EUR');

function notice(
  key: string,
  action: NoticeRecord['action'],
  level: number | null,
  asOf: string,
  status: NoticeRecord['status'],
  sent: string | null,
): NoticeRecord {
  return {
    key,
    customerNumber: SUSPENDED,
    currency: 'EUR',
    action,
    step: level === null ? action : `Reminder_${level}`,
    level,
    caseKey: 'CUST-SUS|EUR|2026-07-16',
    asOf: d(asOf),
    status,
    sentDate: sent === null ? null : d(sent),
    invoiceNumbers: ['INV-S1', 'INV-S2'],
  };
}

export function handoffPortfolio(suspendedName = 'Suspendu SA'): Portfolio {
  const portfolio = emptyPortfolio();
  portfolio.accounts.push(
    {
      ...account(SUSPENDED, suspendedName, 'fr'),
      status: 'Suspended',
      suspensionWarningDate: d('2026-10-01'),
      suspensionDate: d('2026-10-15'),
    },
    { ...account(REFERRED, 'Referred Ltd', 'en_US'), country: 'GB', status: 'Referred_To_Write_Off' },
    { ...account('CUST-PROP', 'Proposed Only', 'en_US'), status: 'Suspended' },
    account('CUST-SMALL', 'Small Balance', 'en_US'),
    account('CUST-LATER', 'Later Referral', 'en_US'),
  );
  portfolio.invoices.push(
    invoice('INV-S1', 'EUR', '2000.00', '2026-06-15', '2026-07-15', SUSPENDED),
    invoice('INV-S2', 'EUR', '1500.00', '2026-07-15', '2026-08-15', SUSPENDED),
    invoice('CM-S1', 'EUR', '-100.00', '2026-08-01', '2026-08-01', SUSPENDED),
    invoice('INV-S3', 'USD', '250.00', '2026-10-01', '2026-11-01', SUSPENDED),
    invoice('INV-R1', 'GBP', '400.00', '2026-05-31', '2026-06-30', REFERRED),
    invoice('INV-P1', 'USD', '900.00', '2026-05-31', '2026-06-30', 'CUST-PROP'),
  );
  portfolio.payments.push(
    payment('PS-1', 'EUR', '500.00', '2026-09-01', SUSPENDED),
    payment('PS-2', 'USD', '50.00', '2026-11-10', SUSPENDED),
  );
  portfolio.applications.push(application('PS-1', 'INV-S2', 'EUR', '500.00', '2026-09-01'));
  portfolio.notices.push(
    notice('N1', 'Courtesy_Reminder', null, '2026-07-10', 'Sent', '2026-07-10'),
    notice('N2', 'Reminder', 1, '2026-07-20', 'Sent', '2026-07-20'),
    notice('N3', 'Reminder', 2, '2026-08-05', 'Failed', null),
    notice('N4', 'Suspension_Warning', null, '2026-09-20', 'Sent', '2026-10-01'),
    notice('N5', 'Suspension', null, '2026-10-15', 'Sent', '2026-10-15'),
    notice('N6', 'Write_Off_Referral', null, '2026-11-20', 'Sent', '2026-11-20'),
    notice('N7', 'Reminder', 3, '2026-12-05', 'Planned', null),
  );
  portfolio.promises.push(
    {
      id: 'PR-1',
      customerNumber: SUSPENDED,
      currency: 'EUR',
      amount: eur('1000.00'),
      promisedDate: d('2026-08-31'),
      loggedDate: d('2026-08-10'),
      status: 'Broken',
    },
    {
      id: 'PR-2',
      customerNumber: SUSPENDED,
      currency: 'EUR',
      amount: eur('500.00'),
      promisedDate: d('2026-09-01'),
      loggedDate: d('2026-08-25'),
      status: 'Kept',
    },
  );
  portfolio.disputes.push({
    id: 'D-1',
    customerNumber: SUSPENDED,
    status: 'Open',
    openedDate: d('2026-08-20'),
    targetResolutionDate: d('2026-09-20'),
    resolvedDate: null,
    lines: [{ invoiceNumber: 'INV-S1', amount: eur('300.00') }],
  });
  portfolio.plans.push({
    id: 'PL-1',
    customerNumber: SUSPENDED,
    currency: 'EUR',
    status: 'Defaulted',
    approvedDate: d('2026-09-01'),
    total: eur('1500.00'),
    installments: [
      { number: 1, dueDate: d('2026-09-15'), amount: eur('500.00') },
      { number: 2, dueDate: d('2026-10-15'), amount: eur('500.00') },
      { number: 3, dueDate: d('2026-11-15'), amount: eur('500.00') },
    ],
  });
  portfolio.cases.push({
    caseKey: 'CUST-SUS|EUR|2026-07-16',
    customerNumber: SUSPENDED,
    currency: 'EUR',
    openedDate: d('2026-07-16'),
    status: 'Referred',
    closedDate: null,
  });
  portfolio.rates.push(
    { from: 'USD', to: 'EUR', rate: '0.80', date: d('2026-10-01') },
    { from: 'USD', to: 'EUR', rate: '0.90', date: d('2026-11-01') },
    { from: 'USD', to: 'EUR', rate: '0.50', date: d('2026-12-01') },
  );
  return portfolio;
}

const DELIVERIES: NoticeDelivery[] = [
  {
    key: 'N1',
    channel: 'Email',
    deliveryOutcome: 'Accepted',
    deliveryDetail: null,
    recipient: 'ap@client.example',
    reason: null,
  },
  {
    key: 'N2',
    channel: 'Email',
    deliveryOutcome: 'Accepted',
    deliveryDetail: null,
    recipient: 'ap@client.example',
    reason: null,
  },
  {
    key: 'N3',
    channel: 'Email',
    deliveryOutcome: 'Bounced',
    deliveryDetail: '550 mailbox unavailable',
    recipient: 'ap@client.example',
    reason: null,
  },
  {
    key: 'N4',
    channel: 'Email',
    deliveryOutcome: 'Accepted',
    deliveryDetail: null,
    recipient: 'ap@client.example',
    reason: null,
  },
  {
    key: 'N5',
    channel: 'Internal',
    deliveryOutcome: 'Not_Applicable',
    deliveryDetail: null,
    recipient: null,
    reason: null,
  },
  {
    key: 'N6',
    channel: 'Internal',
    deliveryOutcome: 'Not_Applicable',
    deliveryDetail: null,
    recipient: null,
    reason: null,
  },
  { key: 'N7', channel: 'Email', deliveryOutcome: null, deliveryDetail: null, recipient: null, reason: null },
];

function referral(key: string, customerNumber: string, type: string, status: string, date: string): ReferralRecord {
  return {
    key,
    customerNumber,
    caseKey: null,
    currency: 'EUR',
    type,
    status,
    referralDate: d(date),
    amount: eur('3000.00'),
    invoiceNumbers: ['INV-S1', 'INV-S2'],
    suspensionDate: d('2026-10-15'),
    reason: 'suspended 36 days, nothing paid',
  };
}

export function handoffExtra(): HandoffExtra {
  return {
    corporateCurrency: 'USD',
    referrals: [
      referral('WOR-1', SUSPENDED, 'Bad_Debt_Referral', 'Approved', '2026-11-20'),
      referral('WOR-2', 'CUST-PROP', 'Bad_Debt_Referral', 'Proposed', '2026-11-20'),
      referral('WOR-3', 'CUST-SMALL', 'Small_Balance_Write_Off', 'Approved', '2026-11-20'),
      referral('WOR-4', 'CUST-LATER', 'Bad_Debt_Referral', 'Handed_Off', '2026-12-10'),
    ],
    notices: DELIVERIES,
    disputes: [{ id: 'D-1', name: 'DSP-000001', reasonCode: 'Pricing', routedTeam: 'Billing' }],
    promises: [
      { id: 'PR-1', name: 'PTP-0001', amountReceived: eur('0.00') },
      { id: 'PR-2', name: 'PTP-0002', amountReceived: eur('500.00') },
    ],
    plans: [
      {
        id: 'PL-1',
        name: 'PP-0001',
        frequency: 'Monthly',
        installments: [
          { number: 1, amountPaid: eur('500.00'), status: 'Paid' },
          { number: 2, amountPaid: eur('0.00'), status: 'Missed' },
          { number: 3, amountPaid: null, status: 'Scheduled' },
        ],
      },
    ],
  };
}

async function upsert(store: CollectionsStore, schema: S.ObjectSchema, rows: Row[]): Promise<void> {
  const result = await store.upsert(schema, rows);
  if (result.failures.length > 0) throw new Error(`${schema.object}: ${JSON.stringify(result.failures)}`);
}

/** Writes the portfolio and the extra records into a store, as the org or a snapshot would hold them. */
export async function seedHandoff(store: CollectionsStore, portfolio: Portfolio, extra: HandoffExtra): Promise<void> {
  await seedStore(store, portfolio);
  const details = new Map((extra.disputes ?? []).map((detail) => [detail.id, detail]));
  for (const dispute of portfolio.disputes) {
    const rows = disputeRows(dispute);
    await upsert(store, S.DISPUTE, [{ ...rows.dispute, Name: details.get(dispute.id)?.name ?? '' }]);
    await upsert(store, S.DISPUTE_INVOICE, rows.lines(dispute.id));
  }
  const promises = new Map((extra.promises ?? []).map((detail) => [detail.id, detail]));
  await upsert(
    store,
    S.PROMISE,
    portfolio.promises.map((promise) => {
      const detail = promises.get(promise.id);
      return {
        ...promiseRow(promise),
        Name: detail?.name ?? '',
        Amount_Received__c: detail?.amountReceived ? formatMoney(detail.amountReceived) : '',
      };
    }),
  );
  const plans = new Map((extra.plans ?? []).map((detail) => [detail.id, detail]));
  for (const plan of portfolio.plans) {
    const rows = planRows(plan);
    const detail = plans.get(plan.id);
    await upsert(store, S.PAYMENT_PLAN, [{ ...rows.plan, Name: detail?.name ?? '' }]);
    await upsert(
      store,
      S.INSTALLMENT,
      rows.installments(plan.id).map((row) => {
        const more = detail?.installments.find((i) => String(i.number) === row.Installment_Number__c);
        return {
          ...row,
          Amount_Paid__c: more?.amountPaid ? formatMoney(more.amountPaid) : '',
          Status__c: more?.status ?? '',
        };
      }),
    );
  }
  await upsert(
    store,
    S.COLLECTION_CASE,
    portfolio.cases.map((c) => ({
      Case_Key__c: c.caseKey,
      'Account__r.Customer_Number__c': c.customerNumber,
      CurrencyIsoCode: c.currency,
      Status__c: c.status,
      Closed_Date__c: c.closedDate === null ? '' : formatDay(c.closedDate),
    })),
  );
  const deliveries = new Map((extra.notices ?? []).map((delivery) => [delivery.key, delivery]));
  await upsert(
    store,
    S.DUNNING_NOTICE,
    portfolio.notices.map((n) => {
      const delivery = deliveries.get(n.key);
      return {
        Idempotency_Key__c: n.key,
        'Account__r.Customer_Number__c': n.customerNumber,
        'Collection_Case__r.Case_Key__c': n.caseKey ?? '',
        CurrencyIsoCode: n.currency,
        Action__c: n.action,
        Policy_Step__c: n.step ?? '',
        Level__c: n.level === null ? '' : String(n.level),
        Channel__c: delivery?.channel ?? '',
        As_Of_Date__c: formatDay(n.asOf),
        Status__c: n.status,
        Delivery_Outcome__c: delivery?.deliveryOutcome ?? '',
        Delivery_Detail__c: delivery?.deliveryDetail ?? '',
        Sent_Date__c: n.sentDate === null ? '' : formatDay(n.sentDate),
        Recipient_Email__c: delivery?.recipient ?? '',
        Invoices_Covered__c: n.invoiceNumbers.join('\n'),
      };
    }),
  );
  await upsert(
    store,
    S.WRITE_OFF_REFERRAL,
    extra.referrals.map((r) => ({
      Referral_Key__c: r.key,
      'Account__r.Customer_Number__c': r.customerNumber,
      CurrencyIsoCode: r.currency ?? '',
      Type__c: r.type,
      Status__c: r.status,
      Referral_Date__c: r.referralDate === null ? '' : formatDay(r.referralDate),
      Amount__c: r.amount ? formatMoney(r.amount) : '',
      Invoice_Count__c: String(r.invoiceNumbers.length),
      Invoices_Covered__c: r.invoiceNumbers.join('\n'),
      Suspension_Date__c: r.suspensionDate === null ? '' : formatDay(r.suspensionDate),
      Reason__c: r.reason ?? '',
    })),
  );
}
