/**
 * The portfolio report as of a day and a window: the KPIs per currency (kpis.portfolioKpis, never
 * recomputed here), the corporate roll-up, unapplied cash with suggested matches, the aging trend
 * over past month-ends rebuilt from the dated payment applications, the most overdue accounts, and,
 * for one collector, their accounts only and their activity against targets. Pure: the same
 * portfolio, day and options always give the same report.
 */
import { addMonths, firstOfMonth, formatDay, type Day } from '../domain/calendar';
import { agingAsOf, portfolioKpis, rollUp, type BucketTotal, type CurrencyKpis } from '../domain/kpis';
import { balanceAsOf, indexApplications, type ApplicationsByInvoice } from '../domain/ledger';
import { formatMoney } from '../domain/money';
import type { CollectionsPolicy } from '../domain/policy';
import type { Account, Invoice, Portfolio } from '../domain/portfolio';
import { AGING_BUCKETS } from '../domain/sharedRules';
import { collectorActivity } from './activity';
import type {
  Report,
  ReportBucket,
  ReportCorporate,
  ReportCurrency,
  ReportTargets,
  ReportTopAccounts,
  ReportTrend,
} from './model';
import { compareText } from './text';
import { DEFAULT_MAX_SUGGESTIONS, unappliedCash } from './unappliedCash';

export const DEFAULT_TREND_MONTHS = 6;
export const DEFAULT_TOP_ACCOUNTS = 10;

export interface ReportOptions {
  /** narrow the report to the accounts of this collector (Account.collector, a username; case-insensitive) */
  collector?: string | null;
  /** the collector's targets, shown against their activity */
  targets?: ReportTargets | null;
  /** how many month-ends before the as-of date the trend shows */
  trendMonths?: number;
  /** how many accounts per currency the top list keeps */
  topAccounts?: number;
  /** how many suggested invoices per unapplied payment */
  maxSuggestions?: number;
}

function bucketJson(total: BucketTotal): ReportBucket {
  return { bucket: total.bucket, amount: formatMoney(total.amount), count: total.count };
}

/** One currency's KPIs in the report's field order. */
export function currencyJson(kpis: CurrencyKpis): ReportCurrency {
  return {
    currency: kpis.currency,
    open: { amount: formatMoney(kpis.open.amount), count: kpis.open.count },
    aging: kpis.aging.map(bucketJson),
    creditSales: formatMoney(kpis.creditSales),
    dso: kpis.dso,
    bestPossibleDso: kpis.bestPossibleDso,
    averageDaysDelinquent: kpis.averageDaysDelinquent,
    cei: kpis.cei,
    percentCurrent: kpis.percentCurrent,
    dsoCountback: kpis.dsoCountback,
  };
}

/** The last `months` month-ends before the as-of date, oldest first, then the as-of date itself. */
export function trendDates(asOf: Day, months: number = DEFAULT_TREND_MONTHS): Day[] {
  const firstOfCurrent = firstOfMonth(asOf);
  const dates: Day[] = [];
  for (let back = months; back >= 1; back--) dates.push(addMonths(firstOfCurrent, -(back - 1)) - 1);
  dates.push(asOf);
  return dates;
}

function zeroBuckets(currency: string): BucketTotal[] {
  return AGING_BUCKETS.map((bucket) => ({ bucket, amount: { currency, minor: 0n }, count: 0 }));
}

function trendOf(
  invoices: readonly Invoice[],
  applications: ApplicationsByInvoice,
  currencies: readonly string[],
  dates: readonly Day[],
): ReportTrend[] {
  const agingByDate = dates.map((day) => ({ day, aging: agingAsOf(invoices, applications, day) }));
  return currencies.map((currency) => ({
    currency,
    points: agingByDate.map(({ day, aging }) => {
      const buckets = aging.get(currency) ?? zeroBuckets(currency);
      const open = buckets.reduce((sum, total) => sum + total.amount.minor, 0n);
      const current = buckets.find((total) => total.bucket === 'current')?.amount.minor ?? 0n;
      return {
        asOf: formatDay(day),
        open: formatMoney({ currency, minor: open }),
        overdue: formatMoney({ currency, minor: open - current }),
        aging: buckets.map(bucketJson),
      };
    }),
  }));
}

interface AccountTotals {
  customerNumber: string;
  openMinor: bigint;
  overdueMinor: bigint;
  oldestDaysPastDue: number;
}

function topAccountsOf(
  invoices: readonly Invoice[],
  applications: ApplicationsByInvoice,
  accounts: ReadonlyMap<string, Account>,
  currencies: readonly string[],
  asOf: Day,
  limit: number,
): ReportTopAccounts[] {
  const byCurrency = new Map<string, Map<string, AccountTotals>>();
  for (const invoice of invoices) {
    if (invoice.invoiceDate > asOf) continue;
    const balance = balanceAsOf(invoice, applications.get(invoice.invoiceNumber), asOf).minor;
    if (balance <= 0n) continue;
    let perAccount = byCurrency.get(invoice.currency);
    if (!perAccount) {
      perAccount = new Map();
      byCurrency.set(invoice.currency, perAccount);
    }
    let totals = perAccount.get(invoice.customerNumber);
    if (!totals) {
      totals = { customerNumber: invoice.customerNumber, openMinor: 0n, overdueMinor: 0n, oldestDaysPastDue: 0 };
      perAccount.set(invoice.customerNumber, totals);
    }
    totals.openMinor += balance;
    const daysPastDue = asOf - invoice.dueDate;
    if (daysPastDue > 0) {
      totals.overdueMinor += balance;
      totals.oldestDaysPastDue = Math.max(totals.oldestDaysPastDue, daysPastDue);
    }
  }
  return currencies.map((currency) => {
    const ranked = [...(byCurrency.get(currency)?.values() ?? [])]
      .filter((totals) => totals.overdueMinor > 0n)
      .sort(
        (a, b) =>
          (a.overdueMinor < b.overdueMinor ? 1 : a.overdueMinor > b.overdueMinor ? -1 : 0) ||
          compareText(a.customerNumber, b.customerNumber),
      )
      .slice(0, limit);
    return {
      currency,
      accounts: ranked.map((totals) => {
        const account = accounts.get(totals.customerNumber);
        return {
          customerNumber: totals.customerNumber,
          name: account?.name ?? totals.customerNumber,
          collector: account?.collector ?? null,
          overdue: formatMoney({ currency, minor: totals.overdueMinor }),
          open: formatMoney({ currency, minor: totals.openMinor }),
          oldestDaysPastDue: totals.oldestDaysPastDue,
        };
      }),
    };
  });
}

function corporateJson(
  kpis: readonly CurrencyKpis[],
  corporateCurrency: string,
  portfolio: Portfolio,
  asOf: Day,
): ReportCorporate {
  const rolled = rollUp(kpis, corporateCurrency, portfolio.rates, asOf);
  return {
    currency: rolled.currency,
    open: formatMoney(rolled.open),
    overdue: formatMoney(rolled.overdue),
    ratesUsed: rolled.ratesUsed.map((rate) => ({
      from: rate.from,
      to: rate.to,
      rate: rate.rate,
      date: formatDay(rate.date),
    })),
    missingRates: rolled.missingRates,
  };
}

/** Same username, ignoring case (Salesforce usernames are not case-sensitive). */
export function sameCollector(a: string | null, b: string): boolean {
  return a !== null && a.toLowerCase() === b.toLowerCase();
}

export function buildReport(
  portfolio: Portfolio,
  policy: Pick<CollectionsPolicy, 'corporateCurrency'>,
  asOf: Day,
  windowDays: number,
  options: ReportOptions = {},
): Report {
  const collector = options.collector ?? null;
  const accountsInScope =
    collector === null ? portfolio.accounts : portfolio.accounts.filter((a) => sameCollector(a.collector, collector));
  const customers = new Set(accountsInScope.map((account) => account.customerNumber));
  const inScope = (customerNumber: string): boolean => collector === null || customers.has(customerNumber);

  const invoices = portfolio.invoices.filter((invoice) => inScope(invoice.customerNumber));
  const payments = portfolio.payments.filter((payment) => inScope(payment.customerNumber));
  const applications = indexApplications(portfolio.applications);

  const kpis = portfolioKpis(invoices, applications, asOf, windowDays);
  const currencies = kpis.map((entry) => entry.currency);
  const accounts = new Map(portfolio.accounts.map((account) => [account.customerNumber, account]));

  return {
    asOf: formatDay(asOf),
    windowDays,
    currencies: kpis.map(currencyJson),
    corporate: corporateJson(kpis, policy.corporateCurrency, portfolio, asOf),
    unappliedCash: unappliedCash(
      invoices,
      payments,
      portfolio.applications,
      applications,
      asOf,
      options.maxSuggestions ?? DEFAULT_MAX_SUGGESTIONS,
    ),
    trend: trendOf(invoices, applications, currencies, trendDates(asOf, options.trendMonths ?? DEFAULT_TREND_MONTHS)),
    topAccounts: topAccountsOf(
      invoices,
      applications,
      accounts,
      currencies,
      asOf,
      options.topAccounts ?? DEFAULT_TOP_ACCOUNTS,
    ),
    collector,
    collectorAccounts: collector === null ? null : accountsInScope.length,
    activity:
      collector === null ? null : collectorActivity(portfolio, customers, asOf, windowDays, options.targets ?? null),
  };
}
