/**
 * The world around the demo's snapshot: what happens between nightly runs. The ERP exports the
 * day's invoices and payments; managers approve (or reject) what waits for them; customers react
 * to notices: some dispute an invoice, some promise to pay after a call and keep or break the
 * promise, some negotiate a payment plan after a suspension warning and pay it or default. All of
 * it deterministic: the same seed tells the same story.
 */
import { createHash } from 'node:crypto';
import { addMonths, formatDay, type Day } from '../domain/calendar';
import { balanceAsOf } from '../domain/ledger';
import { formatMoney, type Money } from '../domain/money';
import type { Invoice, NoticeRecord, Payment, PaymentApplication, Portfolio } from '../domain/portfolio';
import * as S from '../records/schema';
import type { ObjectSchema, Row } from '../records/schema';
import type { PayingHabit } from '../synthetic/generatePortfolio';

/** A number in [0, 1) from a seed and a name: the world's dice, the same on every machine. */
export function chance(seed: number, name: string): number {
  return createHash('sha256').update(`${seed}:${name}`).digest().readUInt32BE(0) / 4294967296;
}

export interface ScheduledPayment {
  payment: Payment;
  applications: PaymentApplication[];
}

/** Rows to write tonight, per object, in the order they must be written; and a follow-up for rows that need Ids. */
export interface WorldChanges {
  rows: Array<[ObjectSchema, Row[]]>;
  /** disputes and plans need their Id before their lines are written */
  withIds: Array<{
    parent: ObjectSchema;
    row: Row;
    children: ObjectSchema;
    childRows: (parentId: string) => Row[];
    after?: (parentId: string) => Array<[ObjectSchema, Row[]]>;
  }>;
  story: string[];
}

const APPROVAL_DELAY = 1;

export class DemoWorld {
  /** payments not yet made, by the day they will arrive */
  private readonly scheduled = new Map<Day, ScheduledPayment[]>();
  /** the invoice each scheduled payment is for, so a promise or plan can replace it */
  private readonly pendingByInvoice = new Map<string, { day: Day; payment: ScheduledPayment }>();
  private sequence = 0;

  constructor(
    private readonly seed: number,
    private readonly habits: ReadonlyMap<string, PayingHabit>,
    ledger: Portfolio,
  ) {
    const applicationsByPayment = new Map<string, PaymentApplication[]>();
    for (const application of ledger.applications)
      applicationsByPayment.set(application.paymentReference, [
        ...(applicationsByPayment.get(application.paymentReference) ?? []),
        application,
      ]);
    for (const payment of ledger.payments) {
      const scheduled = { payment, applications: applicationsByPayment.get(payment.paymentReference) ?? [] };
      this.schedule(payment.receivedDate, scheduled);
    }
  }

  private schedule(day: Day, scheduled: ScheduledPayment): void {
    this.scheduled.set(day, [...(this.scheduled.get(day) ?? []), scheduled]);
    for (const application of scheduled.applications)
      this.pendingByInvoice.set(application.invoiceNumber, { day, payment: scheduled });
  }

  /** Removes a payment the customer had planned for this invoice (a promise or plan replaces it). */
  private unschedule(invoiceNumber: string): void {
    const pending = this.pendingByInvoice.get(invoiceNumber);
    if (!pending) return;
    this.scheduled.set(
      pending.day,
      (this.scheduled.get(pending.day) ?? []).filter((s) => s !== pending.payment),
    );
    for (const application of pending.payment.applications) this.pendingByInvoice.delete(application.invoiceNumber);
  }

  /** The payments that arrive on `day` (for the nightly import). */
  paymentsOn(day: Day): ScheduledPayment[] {
    const arriving = this.scheduled.get(day) ?? [];
    this.scheduled.delete(day);
    for (const s of arriving) for (const a of s.applications) this.pendingByInvoice.delete(a.invoiceNumber);
    return arriving;
  }

  private dice(name: string): number {
    return chance(this.seed, name);
  }

  private openBalances(
    portfolio: Portfolio,
    invoiceNumbers: readonly string[],
    day: Day,
  ): Array<{ invoice: Invoice; balance: Money }> {
    const invoices = new Map(portfolio.invoices.map((invoice) => [invoice.invoiceNumber, invoice]));
    const applications = new Map<string, PaymentApplication[]>();
    for (const a of portfolio.applications)
      applications.set(a.invoiceNumber, [...(applications.get(a.invoiceNumber) ?? []), a]);
    return invoiceNumbers
      .map((number) => invoices.get(number))
      .filter((invoice): invoice is Invoice => invoice !== undefined)
      .map((invoice) => ({
        invoice,
        balance: balanceAsOf(
          invoice,
          applications.get(invoice.invoiceNumber)?.sort((a, b) => a.appliedDate - b.appliedDate),
          day,
        ),
      }))
      .filter((item) => item.balance.minor > 0n);
  }

  private payLater(customerNumber: string, day: Day, items: ReadonlyArray<{ invoice: Invoice; balance: Money }>): void {
    const currency = items[0]?.balance.currency;
    if (!currency) return;
    const reference = `DEMO-PAY-${++this.sequence}`;
    const total = items.reduce((sum, item) => sum + item.balance.minor, 0n);
    this.schedule(day, {
      payment: {
        paymentReference: reference,
        customerNumber,
        currency,
        receivedDate: day,
        amount: { currency, minor: total },
      },
      applications: items.map((item) => ({
        paymentReference: reference,
        invoiceNumber: item.invoice.invoiceNumber,
        appliedDate: day,
        amount: item.balance,
      })),
    });
  }

  /** What people do today, having seen last night's notices. */
  react(portfolio: Portfolio, day: Day): WorldChanges {
    const changes: WorldChanges = { rows: [], withIds: [], story: [] };
    const approvals: Row[] = [];
    for (const notice of portfolio.notices) {
      if (notice.status !== 'Pending_Approval' || day - notice.asOf < APPROVAL_DELAY) continue;
      const approved = this.dice(`approve:${notice.key}`) < 0.9;
      approvals.push({ Idempotency_Key__c: notice.key, Status__c: approved ? 'Approved' : 'Rejected' });
      changes.story.push(
        `${formatDay(day)} a manager ${approved ? 'approved' : 'rejected'} ${notice.action} for ${notice.customerNumber}`,
      );
    }
    if (approvals.length > 0) changes.rows.push([S.DUNNING_NOTICE, approvals]);

    const sentOn = (notice: NoticeRecord, daysAgo: number): boolean =>
      notice.status === 'Sent' && notice.sentDate === day - daysAgo;
    for (const notice of portfolio.notices) {
      const habit = this.habits.get(notice.customerNumber) ?? 'late';
      if (
        notice.action === 'Reminder' &&
        notice.level === 1 &&
        sentOn(notice, 3) &&
        this.dice(`dispute:${notice.key}`) < 0.08
      ) {
        this.raiseDispute(portfolio, notice, day, changes);
      } else if (notice.action === 'Call_Task' && sentOn(notice, 1) && this.dice(`promise:${notice.key}`) < 0.5) {
        this.promise(portfolio, notice, day, habit, changes);
      } else if (notice.action === 'Suspension_Warning' && sentOn(notice, 2) && this.dice(`plan:${notice.key}`) < 0.3) {
        this.negotiatePlan(portfolio, notice, day, habit, changes);
      } else if (notice.action === 'Suspension' && sentOn(notice, 7) && this.dice(`settle:${notice.key}`) < 0.3) {
        this.settleAfterSuspension(portfolio, notice, day, changes);
      }
    }
    const resolutions: Row[] = [];
    for (const dispute of portfolio.disputes) {
      if (dispute.status !== 'Open') continue;
      const takes = 20 + Math.floor(this.dice(`resolve:${dispute.id}`) * 25);
      if (day - dispute.openedDate < takes) continue;
      resolutions.push({ Id: dispute.id, Status__c: 'Resolved', Resolved_Date__c: formatDay(day) });
      changes.story.push(
        `${formatDay(day)} Billing resolved dispute ${dispute.id} of ${dispute.customerNumber}: the customer owes the invoice`,
      );
    }
    if (resolutions.length > 0) changes.rows.push([S.DISPUTE, resolutions]);
    return changes;
  }

  private raiseDispute(portfolio: Portfolio, notice: NoticeRecord, day: Day, changes: WorldChanges): void {
    const [item] = this.openBalances(portfolio, notice.invoiceNumbers.slice(0, 1), day);
    if (!item) return;
    changes.withIds.push({
      parent: S.DISPUTE,
      row: {
        Id: '',
        'Account__r.Customer_Number__c': notice.customerNumber,
        Status__c: 'Open',
        Routed_Team__c: 'Billing',
        Reason_Code__c: 'Pricing',
        Opened_Date__c: formatDay(day),
        Target_Resolution_Date__c: formatDay(day + 30),
      },
      children: S.DISPUTE_INVOICE,
      childRows: (disputeId) => [
        {
          Id: '',
          Dispute__c: disputeId,
          'Invoice__r.Invoice_Number__c': item.invoice.invoiceNumber,
          CurrencyIsoCode: item.balance.currency,
          Disputed_Amount__c: formatMoney(item.balance),
        },
      ],
    });
    changes.story.push(`${formatDay(day)} ${notice.customerNumber} disputed ${item.invoice.invoiceNumber} (pricing)`);
  }

  private promise(
    portfolio: Portfolio,
    notice: NoticeRecord,
    day: Day,
    habit: PayingHabit,
    changes: WorldChanges,
  ): void {
    const items = this.openBalances(portfolio, notice.invoiceNumbers, day);
    if (items.length === 0) return;
    const promised = day + 7 + Math.floor(this.dice(`promised:${notice.key}`) * 7);
    const total: Money = {
      currency: items[0]?.balance.currency ?? notice.currency,
      minor: items.reduce((sum, item) => sum + item.balance.minor, 0n),
    };
    const keeps = habit !== 'never' && this.dice(`keeps:${notice.key}`) < 0.7;
    for (const item of items) this.unschedule(item.invoice.invoiceNumber);
    if (keeps) this.payLater(notice.customerNumber, promised - 1, items);
    changes.rows.push([
      S.PROMISE,
      [
        {
          Id: '',
          'Account__r.Customer_Number__c': notice.customerNumber,
          CurrencyIsoCode: total.currency,
          Amount__c: formatMoney(total),
          Promised_Date__c: formatDay(promised),
          Logged_Date__c: formatDay(day),
          Status__c: 'Open',
        },
      ],
    ]);
    changes.story.push(
      `${formatDay(day)} ${notice.customerNumber} promised ${formatMoney(total)} ${total.currency} by ${formatDay(promised)}${keeps ? '' : ' (and will not pay)'}`,
    );
  }

  /** A suspended customer pays everything overdue in the case's currency, to get the service back. */
  private settleAfterSuspension(portfolio: Portfolio, notice: NoticeRecord, day: Day, changes: WorldChanges): void {
    const numbers = portfolio.invoices
      .filter((i) => i.customerNumber === notice.customerNumber && i.currency === notice.currency && i.dueDate < day)
      .map((i) => i.invoiceNumber);
    const items = this.openBalances(portfolio, numbers, day);
    if (items.length === 0) return;
    for (const item of items) this.unschedule(item.invoice.invoiceNumber);
    this.payLater(notice.customerNumber, day + 1, items);
    changes.story.push(
      `${formatDay(day)} ${notice.customerNumber}, suspended a week ago, arranged to pay everything overdue tomorrow`,
    );
  }

  private negotiatePlan(
    portfolio: Portfolio,
    notice: NoticeRecord,
    day: Day,
    habit: PayingHabit,
    changes: WorldChanges,
  ): void {
    const items = this.openBalances(portfolio, notice.invoiceNumbers, day);
    if (items.length === 0) return;
    const currency = items[0]?.balance.currency ?? notice.currency;
    const total = items.reduce((sum, item) => sum + item.balance.minor, 0n);
    const share = total / 3n;
    const installments = [0, 1, 2].map((n) => ({
      number: n + 1,
      dueDate: addMonths(day + 10, n),
      minor: n === 2 ? total - share * 2n : share,
    }));
    for (const item of items) this.unschedule(item.invoice.invoiceNumber);
    const pays = habit !== 'never' && this.dice(`pays-plan:${notice.key}`) < 0.75;
    if (pays) {
      // The customer pays each installment on its due date, applied to the plan's invoices in order.
      let remaining = items.map((item) => ({ ...item }));
      for (const installment of installments) {
        let left = installment.minor;
        const applied: Array<{ invoice: Invoice; balance: Money }> = [];
        for (const item of remaining) {
          if (left <= 0n) break;
          const part = item.balance.minor < left ? item.balance.minor : left;
          applied.push({ invoice: item.invoice, balance: { currency, minor: part } });
          item.balance = { currency, minor: item.balance.minor - part };
          left -= part;
        }
        remaining = remaining.filter((item) => item.balance.minor > 0n);
        this.payLater(notice.customerNumber, installment.dueDate, applied);
      }
    }
    changes.withIds.push({
      parent: S.PAYMENT_PLAN,
      row: {
        Id: '',
        'Account__r.Customer_Number__c': notice.customerNumber,
        CurrencyIsoCode: currency,
        Status__c: 'Approved',
        Approval_Date__c: formatDay(day),
        Total_Amount__c: formatMoney({ currency, minor: total }),
        Number_Of_Installments__c: '3',
        Frequency__c: 'Monthly',
        First_Installment_Date__c: formatDay(day + 10),
      },
      children: S.INSTALLMENT,
      childRows: (planId) =>
        installments.map((i) => ({
          Id: '',
          Payment_Plan__c: planId,
          CurrencyIsoCode: currency,
          Installment_Number__c: String(i.number),
          Due_Date__c: formatDay(i.dueDate),
          Amount__c: formatMoney({ currency, minor: i.minor }),
          Status__c: 'Scheduled',
        })),
      after: (planId) => [
        [S.INVOICE, items.map((item) => ({ Invoice_Number__c: item.invoice.invoiceNumber, Payment_Plan__c: planId }))],
      ],
    });
    changes.story.push(
      `${formatDay(day)} ${notice.customerNumber} agreed a 3-month payment plan for ${formatMoney({ currency, minor: total })} ${currency}${pays ? '' : ' (and will default)'}`,
    );
  }
}
