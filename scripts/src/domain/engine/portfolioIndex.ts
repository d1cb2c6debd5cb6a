/**
 * One pass over the portfolio to group everything by customer, invoice and key, so that deciding
 * a day is linear in the number of records, however large the portfolio.
 */
import { indexApplications } from '../ledger';
import type {
  Account,
  CollectionCase,
  Dispute,
  Invoice,
  NoticeRecord,
  Payment,
  PaymentApplication,
  PaymentPlan,
  Portfolio,
  PromiseToPay,
} from '../portfolio';

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function groupKey(customerNumber: string, currency: string): string {
  return `${customerNumber}|${currency}`;
}

export interface PortfolioIndex {
  portfolio: Portfolio;
  accounts: Map<string, Account>;
  invoicesByCustomer: Map<string, Invoice[]>;
  applicationsByInvoice: Map<string, PaymentApplication[]>;
  applicationsByPayment: Map<string, PaymentApplication[]>;
  paymentsByCustomer: Map<string, Payment[]>;
  disputesByCustomer: Map<string, Dispute[]>;
  promisesByCustomer: Map<string, PromiseToPay[]>;
  plansByCustomer: Map<string, PaymentPlan[]>;
  noticesByKey: Map<string, NoticeRecord>;
  noticesByCase: Map<string, NoticeRecord[]>;
  noticesByCustomer: Map<string, NoticeRecord[]>;
  /** customer|invoice pairs already named in a courtesy reminder */
  courtesyCovered: Set<string>;
  /** the open (not closed) case of each customer|currency */
  openCases: Map<string, CollectionCase>;
  openCasesByCustomer: Map<string, CollectionCase[]>;
}

export function indexPortfolio(portfolio: Portfolio): PortfolioIndex {
  const noticesByKey = new Map<string, NoticeRecord>();
  const courtesyCovered = new Set<string>();
  for (const notice of portfolio.notices) {
    noticesByKey.set(notice.key, notice);
    if (notice.action === 'Courtesy_Reminder') {
      for (const invoice of notice.invoiceNumbers) courtesyCovered.add(`${notice.customerNumber}|${invoice}`);
    }
  }
  const openCases = new Map<string, CollectionCase>();
  for (const collectionCase of portfolio.cases) {
    if (collectionCase.status !== 'Closed')
      openCases.set(groupKey(collectionCase.customerNumber, collectionCase.currency), collectionCase);
  }
  return {
    portfolio,
    accounts: new Map(portfolio.accounts.map((account) => [account.customerNumber, account])),
    invoicesByCustomer: groupBy(portfolio.invoices, (invoice) => invoice.customerNumber),
    applicationsByInvoice: indexApplications(portfolio.applications),
    applicationsByPayment: groupBy(portfolio.applications, (application) => application.paymentReference),
    paymentsByCustomer: groupBy(portfolio.payments, (payment) => payment.customerNumber),
    disputesByCustomer: groupBy(portfolio.disputes, (dispute) => dispute.customerNumber),
    promisesByCustomer: groupBy(portfolio.promises, (promise) => promise.customerNumber),
    plansByCustomer: groupBy(portfolio.plans, (plan) => plan.customerNumber),
    noticesByKey,
    noticesByCase: groupBy(
      portfolio.notices.filter((notice) => notice.caseKey !== null),
      (notice) => notice.caseKey ?? '',
    ),
    noticesByCustomer: groupBy(portfolio.notices, (notice) => notice.customerNumber),
    courtesyCovered,
    openCases,
    openCasesByCustomer: groupBy([...openCases.values()], (collectionCase) => collectionCase.customerNumber),
  };
}
