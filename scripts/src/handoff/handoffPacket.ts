/**
 * The write-off packet for the bad-debt team, as of a day: every account referred to write-off
 * (an approved or handed-off Bad_Debt_Referral, or Collections_Status__c Referred_To_Write_Off)
 * with who it is, what it owes per currency (open invoices, credits, unapplied cash), every notice
 * the batch decided with its delivery outcome, the promises and whether they were kept, the
 * disputes and their lines, the payment plans and their installments, and a total in the corporate
 * currency with the dated rate used for each currency. A currency without a rate dated on or before
 * the as-of day is named, and then there is no total: nothing is guessed. Pure, and JSON-ready:
 * amounts are decimal strings in the currency named beside them, dates are YYYY-MM-DD.
 */
import { formatDay, type Day } from '../domain/calendar';
import { convert, findRate } from '../domain/exchange';
import { balanceAsOf, indexApplications } from '../domain/ledger';
import { formatMoney, money, type Money } from '../domain/money';
import type { Account, Portfolio } from '../domain/portfolio';
import { agingBucket, type AgingBucket } from '../domain/sharedRules';
import type { HandoffExtra, ReferralRecord } from './handoffRecords';

/** Referral statuses that put an account in the packet. */
export const HANDED_OFF_STATUSES: readonly string[] = ['Approved', 'Handed_Off'];
export const BAD_DEBT_REFERRAL = 'Bad_Debt_Referral';

export interface HandoffRate {
  /** the account currency converted */
  currency: string;
  corporateCurrency: string;
  /** the rate record as given: 1 `from` = `rate` `to`, valid from `date` */
  from: string;
  to: string;
  rate: string;
  date: string;
  /** true when the record runs corporate -> currency and was inverted to convert */
  inverted: boolean;
}

export interface HandoffCurrency {
  currency: string;
  openInvoices: number;
  /** the open invoices' balances */
  open: string;
  /** the open credits' balances, at or below zero */
  credits: string;
  /** payments received by the as-of day and not yet applied */
  unappliedCash: string;
  /** open + credits - unapplied cash: what is owed in this currency */
  net: string;
  oldestDaysPastDue: number | null;
  /** the rate used to convert `net`; null in the corporate currency itself, or when there is none */
  rate: HandoffRate | null;
  /** `net` in the corporate currency, or null when no rate is dated on or before the as-of day */
  corporateNet: string | null;
  missingRate: boolean;
}

export interface HandoffReferral {
  key: string;
  type: string;
  status: string;
  referralDate: string | null;
  currency: string | null;
  amount: string | null;
  invoiceNumbers: string[];
  suspensionDate: string | null;
  reason: string | null;
}

export interface HandoffInvoice {
  invoiceNumber: string;
  documentType: string;
  currency: string;
  invoiceDate: string;
  dueDate: string;
  /** 0 when not yet due */
  daysPastDue: number;
  bucket: AgingBucket;
  amount: string;
  openBalance: string;
  /** the part of the open balance under an open or in-review dispute */
  disputed: string;
  poNumber: string | null;
  paymentPlanId: string | null;
}

export interface HandoffNotice {
  key: string;
  action: string;
  level: number | null;
  step: string | null;
  channel: string | null;
  currency: string;
  asOf: string;
  status: string;
  sentDate: string | null;
  deliveryOutcome: string | null;
  deliveryDetail: string | null;
  recipient: string | null;
  invoiceNumbers: string[];
  caseKey: string | null;
}

export interface HandoffPromise {
  id: string;
  name: string | null;
  currency: string;
  amount: string;
  loggedDate: string;
  promisedDate: string;
  status: string;
  amountReceived: string | null;
}

export interface HandoffDispute {
  id: string;
  name: string | null;
  status: string;
  reasonCode: string | null;
  routedTeam: string | null;
  openedDate: string;
  targetResolutionDate: string | null;
  resolvedDate: string | null;
  lines: Array<{ invoiceNumber: string; currency: string; amount: string }>;
}

export interface HandoffInstallment {
  number: number;
  dueDate: string;
  amount: string;
  amountPaid: string | null;
  status: string | null;
}

export interface HandoffPlan {
  id: string;
  name: string | null;
  currency: string;
  status: string;
  approvedDate: string | null;
  total: string;
  frequency: string | null;
  installments: HandoffInstallment[];
}

export interface HandoffCase {
  caseKey: string;
  currency: string;
  status: string;
  openedDate: string;
  closedDate: string | null;
}

export interface HandoffAccount {
  customerNumber: string;
  name: string;
  country: string | null;
  language: string;
  billingEmail: string | null;
  billingEntity: string | null;
  collector: string | null;
  collectionsStatus: string;
  suspensionWarningDate: string | null;
  suspensionDate: string | null;
  exempt: boolean;
  /** why the account is in the packet, in words */
  referredBecause: string[];
  /** the first qualifying referral's date, else the first write-off referral notice's */
  referredSince: string | null;
  /** the opening day of the earliest collection case still open (else of the earliest case) */
  inCollectionsSince: string | null;
  referrals: HandoffReferral[];
  currencies: HandoffCurrency[];
  /** the sum of the currencies' corporate amounts; null when a rate is missing */
  corporateTotal: string | null;
  missingRates: string[];
  invoices: HandoffInvoice[];
  notices: HandoffNotice[];
  promises: HandoffPromise[];
  disputes: HandoffDispute[];
  plans: HandoffPlan[];
  cases: HandoffCase[];
}

export interface HandoffPacket {
  asOf: string;
  corporateCurrency: string;
  accounts: HandoffAccount[];
  /** per currency, over all accounts: the net owed */
  totals: Array<{ currency: string; net: string; accounts: number }>;
  /** over all accounts; null when any currency lacks a rate */
  corporateTotal: string | null;
  /** each rate used once, as given */
  ratesUsed: HandoffRate[];
  missingRates: string[];
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const day = (value: Day | null): string | null => (value === null ? null : formatDay(value));

function referralCounts(referral: ReferralRecord, asOf: Day): boolean {
  return (
    referral.type === BAD_DEBT_REFERRAL &&
    HANDED_OFF_STATUSES.includes(referral.status) &&
    (referral.referralDate === null || referral.referralDate <= asOf)
  );
}

function referredBecause(account: Account, referrals: readonly ReferralRecord[]): string[] {
  const reasons = referrals.map(
    (referral) =>
      `Write_Off_Referral__c ${referral.key} is ${referral.status}${referral.referralDate === null ? '' : ` (referred on ${formatDay(referral.referralDate)})`}`,
  );
  if (account.status === 'Referred_To_Write_Off') reasons.push('Collections_Status__c is Referred_To_Write_Off');
  return reasons;
}

interface CurrencyTotals {
  currency: string;
  openInvoices: number;
  open: bigint;
  credits: bigint;
  unapplied: bigint;
  oldest: number | null;
}

/** The packet of every referred account as of `asOf` (accounts by customer number). */
export function handoffPacket(portfolio: Portfolio, extra: HandoffExtra, asOf: Day): HandoffPacket {
  const corporate = extra.corporateCurrency;
  const qualifying = new Map<string, ReferralRecord[]>();
  for (const referral of extra.referrals) {
    if (!referralCounts(referral, asOf)) continue;
    const list = qualifying.get(referral.customerNumber) ?? [];
    list.push(referral);
    qualifying.set(referral.customerNumber, list);
  }
  const referred = portfolio.accounts
    .filter((account) => qualifying.has(account.customerNumber) || account.status === 'Referred_To_Write_Off')
    .sort((a, b) => compareText(a.customerNumber, b.customerNumber));

  const applicationsByInvoice = indexApplications(portfolio.applications);
  const deliveries = new Map((extra.notices ?? []).map((notice) => [notice.key, notice]));
  const disputeDetails = new Map((extra.disputes ?? []).map((detail) => [detail.id, detail]));
  const promiseDetails = new Map((extra.promises ?? []).map((detail) => [detail.id, detail]));
  const planDetails = new Map((extra.plans ?? []).map((detail) => [detail.id, detail]));
  const rateUses = new Map<string, HandoffRate>();
  const missing = new Set<string>();
  const grandNet = new Map<string, { minor: bigint; accounts: number }>();
  let grandCorporate = 0n;

  const rateFor = (currency: string): { use: ReturnType<typeof findRate>; shown: HandoffRate | null } => {
    const use = findRate(portfolio.rates, currency, corporate, asOf);
    if (!use) return { use, shown: null };
    const shown: HandoffRate = {
      currency,
      corporateCurrency: corporate,
      from: use.rate.from,
      to: use.rate.to,
      rate: use.rate.rate,
      date: formatDay(use.rate.date),
      inverted: use.inverted,
    };
    return { use, shown };
  };

  const accounts = referred.map((account): HandoffAccount => {
    const customer = account.customerNumber;
    const accountReferrals = extra.referrals
      .filter(
        (referral) =>
          referral.customerNumber === customer && (referral.referralDate === null || referral.referralDate <= asOf),
      )
      .sort(
        (a, b) =>
          (a.referralDate ?? Number.MAX_SAFE_INTEGER) - (b.referralDate ?? Number.MAX_SAFE_INTEGER) ||
          compareText(a.key, b.key),
      );

    // disputed parts of open invoices: lines of disputes open or in review on the as-of day
    const disputedByInvoice = new Map<string, bigint>();
    const accountDisputes = portfolio.disputes
      .filter((dispute) => dispute.customerNumber === customer && dispute.openedDate <= asOf)
      .sort((a, b) => a.openedDate - b.openedDate || compareText(a.id, b.id));
    for (const dispute of accountDisputes) {
      const live =
        dispute.status === 'Open' ||
        dispute.status === 'In_Review' ||
        (dispute.resolvedDate !== null && dispute.resolvedDate > asOf && dispute.status !== 'Cancelled');
      if (!live) continue;
      for (const line of dispute.lines)
        disputedByInvoice.set(
          line.invoiceNumber,
          (disputedByInvoice.get(line.invoiceNumber) ?? 0n) + line.amount.minor,
        );
    }

    const totals = new Map<string, CurrencyTotals>();
    const totalsFor = (currency: string): CurrencyTotals => {
      let entry = totals.get(currency);
      if (!entry) {
        entry = { currency, openInvoices: 0, open: 0n, credits: 0n, unapplied: 0n, oldest: null };
        totals.set(currency, entry);
      }
      return entry;
    };

    const invoices: HandoffInvoice[] = [];
    for (const invoice of portfolio.invoices) {
      if (invoice.customerNumber !== customer || invoice.invoiceDate > asOf) continue;
      const balance = balanceAsOf(invoice, applicationsByInvoice.get(invoice.invoiceNumber), asOf);
      if (balance.minor === 0n) continue;
      const daysPastDue = balance.minor > 0n ? Math.max(0, asOf - invoice.dueDate) : 0;
      const entry = totalsFor(invoice.currency);
      if (balance.minor > 0n) {
        entry.openInvoices++;
        entry.open += balance.minor;
        if (daysPastDue > 0 && (entry.oldest === null || daysPastDue > entry.oldest)) entry.oldest = daysPastDue;
      } else entry.credits += balance.minor;
      const claimed = disputedByInvoice.get(invoice.invoiceNumber) ?? 0n;
      const disputed = balance.minor <= 0n ? 0n : claimed < balance.minor ? claimed : balance.minor;
      invoices.push({
        invoiceNumber: invoice.invoiceNumber,
        documentType: invoice.documentType,
        currency: invoice.currency,
        invoiceDate: formatDay(invoice.invoiceDate),
        dueDate: formatDay(invoice.dueDate),
        daysPastDue,
        bucket: agingBucket(daysPastDue),
        amount: formatMoney(invoice.amount),
        openBalance: formatMoney(balance),
        disputed: formatMoney(money(invoice.currency, disputed)),
        poNumber: invoice.poNumber,
        paymentPlanId: invoice.paymentPlanId,
      });
    }
    invoices.sort(
      (a, b) =>
        compareText(a.currency, b.currency) ||
        compareText(a.dueDate, b.dueDate) ||
        compareText(a.invoiceNumber, b.invoiceNumber),
    );

    const appliedByPayment = new Map<string, bigint>();
    for (const application of portfolio.applications) {
      if (application.appliedDate > asOf) continue;
      appliedByPayment.set(
        application.paymentReference,
        (appliedByPayment.get(application.paymentReference) ?? 0n) + application.amount.minor,
      );
    }
    for (const payment of portfolio.payments) {
      if (payment.customerNumber !== customer || payment.receivedDate > asOf) continue;
      const unapplied = payment.amount.minor - (appliedByPayment.get(payment.paymentReference) ?? 0n);
      if (unapplied > 0n) totalsFor(payment.amount.currency).unapplied += unapplied;
    }

    let corporateMinor = 0n;
    const accountMissing: string[] = [];
    const currencies = [...totals.values()]
      .sort((a, b) => compareText(a.currency, b.currency))
      .map((entry): HandoffCurrency => {
        const net: Money = money(entry.currency, entry.open + entry.credits - entry.unapplied);
        let rate: HandoffRate | null = null;
        let corporateNet: Money | null = null;
        if (entry.currency === corporate) corporateNet = net;
        else {
          const { use, shown } = rateFor(entry.currency);
          if (use && shown) {
            rate = shown;
            corporateNet = convert(net, corporate, use);
            rateUses.set(`${shown.from}|${shown.to}|${shown.date}|${shown.rate}`, shown);
          } else {
            accountMissing.push(entry.currency);
            missing.add(entry.currency);
          }
        }
        if (corporateNet) corporateMinor += corporateNet.minor;
        const grand = grandNet.get(entry.currency) ?? { minor: 0n, accounts: 0 };
        grandNet.set(entry.currency, { minor: grand.minor + net.minor, accounts: grand.accounts + 1 });
        return {
          currency: entry.currency,
          openInvoices: entry.openInvoices,
          open: formatMoney(money(entry.currency, entry.open)),
          credits: formatMoney(money(entry.currency, entry.credits)),
          unappliedCash: formatMoney(money(entry.currency, entry.unapplied)),
          net: formatMoney(net),
          oldestDaysPastDue: entry.oldest,
          rate,
          corporateNet: corporateNet === null ? null : formatMoney(corporateNet),
          missingRate: corporateNet === null,
        };
      });
    grandCorporate += corporateMinor;

    const notices = portfolio.notices
      .filter((notice) => notice.customerNumber === customer && notice.asOf <= asOf)
      .sort((a, b) => a.asOf - b.asOf || compareText(a.key, b.key))
      .map((notice): HandoffNotice => {
        const delivery = deliveries.get(notice.key);
        return {
          key: notice.key,
          action: notice.action,
          level: notice.level,
          step: notice.step,
          channel: delivery?.channel ?? null,
          currency: notice.currency,
          asOf: formatDay(notice.asOf),
          status: notice.status,
          sentDate: day(notice.sentDate),
          deliveryOutcome: delivery?.deliveryOutcome ?? null,
          deliveryDetail: delivery?.deliveryDetail ?? null,
          recipient: delivery?.recipient ?? null,
          invoiceNumbers: notice.invoiceNumbers,
          caseKey: notice.caseKey,
        };
      });

    const promises = portfolio.promises
      .filter((promise) => promise.customerNumber === customer && promise.loggedDate <= asOf)
      .sort((a, b) => a.loggedDate - b.loggedDate || compareText(a.id, b.id))
      .map((promise): HandoffPromise => {
        const detail = promiseDetails.get(promise.id);
        return {
          id: promise.id,
          name: detail?.name ?? null,
          currency: promise.currency,
          amount: formatMoney(promise.amount),
          loggedDate: formatDay(promise.loggedDate),
          promisedDate: formatDay(promise.promisedDate),
          status: promise.status,
          amountReceived: detail?.amountReceived ? formatMoney(detail.amountReceived) : null,
        };
      });

    const disputes = accountDisputes.map((dispute): HandoffDispute => {
      const detail = disputeDetails.get(dispute.id);
      return {
        id: dispute.id,
        name: detail?.name ?? null,
        status: dispute.status,
        reasonCode: detail?.reasonCode ?? null,
        routedTeam: detail?.routedTeam ?? null,
        openedDate: formatDay(dispute.openedDate),
        targetResolutionDate: day(dispute.targetResolutionDate),
        resolvedDate: day(dispute.resolvedDate),
        lines: dispute.lines.map((line) => ({
          invoiceNumber: line.invoiceNumber,
          currency: line.amount.currency,
          amount: formatMoney(line.amount),
        })),
      };
    });

    const plans = portfolio.plans
      .filter((plan) => plan.customerNumber === customer)
      .sort(
        (a, b) =>
          (a.approvedDate ?? Number.MAX_SAFE_INTEGER) - (b.approvedDate ?? Number.MAX_SAFE_INTEGER) ||
          compareText(a.id, b.id),
      )
      .map((plan): HandoffPlan => {
        const detail = planDetails.get(plan.id);
        const paid = new Map((detail?.installments ?? []).map((installment) => [installment.number, installment]));
        return {
          id: plan.id,
          name: detail?.name ?? null,
          currency: plan.currency,
          status: plan.status,
          approvedDate: day(plan.approvedDate),
          total: formatMoney(plan.total),
          frequency: detail?.frequency ?? null,
          installments: [...plan.installments]
            .sort((a, b) => a.number - b.number)
            .map((installment) => {
              const more = paid.get(installment.number);
              return {
                number: installment.number,
                dueDate: formatDay(installment.dueDate),
                amount: formatMoney(installment.amount),
                amountPaid: more?.amountPaid ? formatMoney(more.amountPaid) : null,
                status: more?.status ?? null,
              };
            }),
        };
      });

    const cases = portfolio.cases
      .filter((collectionCase) => collectionCase.customerNumber === customer && collectionCase.openedDate <= asOf)
      .sort((a, b) => a.openedDate - b.openedDate || compareText(a.caseKey, b.caseKey));
    const stillOpen = cases.find(
      (collectionCase) =>
        collectionCase.status !== 'Closed' && (collectionCase.closedDate === null || collectionCase.closedDate > asOf),
    );
    const firstReferral = (qualifying.get(customer) ?? [])
      .map((referral) => referral.referralDate)
      .filter((date): date is Day => date !== null)
      .sort((a, b) => a - b)[0];
    const firstReferralNotice = portfolio.notices
      .filter(
        (notice) => notice.customerNumber === customer && notice.action === 'Write_Off_Referral' && notice.asOf <= asOf,
      )
      .map((notice) => notice.asOf)
      .sort((a, b) => a - b)[0];

    return {
      customerNumber: customer,
      name: account.name,
      country: account.country,
      language: account.language,
      billingEmail: account.billingEmail,
      billingEntity: account.billingEntity,
      collector: account.collector,
      collectionsStatus: account.status,
      suspensionWarningDate: day(account.suspensionWarningDate),
      suspensionDate: day(account.suspensionDate),
      exempt: account.exempt,
      referredBecause: referredBecause(account, qualifying.get(customer) ?? []),
      referredSince: day(firstReferral ?? firstReferralNotice ?? null),
      inCollectionsSince: day((stillOpen ?? cases[0])?.openedDate ?? null),
      referrals: accountReferrals.map((referral) => ({
        key: referral.key,
        type: referral.type,
        status: referral.status,
        referralDate: day(referral.referralDate),
        currency: referral.currency,
        amount: referral.amount ? formatMoney(referral.amount) : null,
        invoiceNumbers: referral.invoiceNumbers,
        suspensionDate: day(referral.suspensionDate),
        reason: referral.reason,
      })),
      currencies,
      corporateTotal: accountMissing.length > 0 ? null : formatMoney(money(corporate, corporateMinor)),
      missingRates: accountMissing,
      invoices,
      notices,
      promises,
      disputes,
      plans,
      cases: cases.map((collectionCase) => ({
        caseKey: collectionCase.caseKey,
        currency: collectionCase.currency,
        status: collectionCase.status,
        openedDate: formatDay(collectionCase.openedDate),
        closedDate: day(collectionCase.closedDate),
      })),
    };
  });

  return {
    asOf: formatDay(asOf),
    corporateCurrency: corporate,
    accounts,
    totals: [...grandNet.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([currency, entry]) => ({
        currency,
        net: formatMoney(money(currency, entry.minor)),
        accounts: entry.accounts,
      })),
    corporateTotal: missing.size > 0 ? null : formatMoney(money(corporate, grandCorporate)),
    ratesUsed: [...rateUses.values()].sort(
      (a, b) => compareText(a.currency, b.currency) || compareText(a.date, b.date),
    ),
    missingRates: [...missing].sort(),
  };
}
