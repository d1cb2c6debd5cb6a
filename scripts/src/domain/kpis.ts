/**
 * Portfolio KPIs as of the end of a day D, per currency: open receivables and their aging, credit
 * sales over a window of W days, DSO, best possible DSO, average days delinquent, the Collection
 * Effectiveness Index (Credit Research Foundation form), percent current and the countback DSO by
 * calendar month. Balances are rebuilt from the dated payment applications (as in ledger.ts), so
 * the KPIs of any past date are exact. Currencies are never mixed; `rollUp` converts to the
 * corporate currency only with a dated exchange rate.
 *
 * Definitions (D = as-of day, W = window in days, N = W / 30):
 * - open at a day: documents issued on or before it whose balance after the applications dated on
 *   or before it is above zero (a credit memo's negative balance is not open AR; a positive
 *   Adjustment is, as in `isOpenAsOf`). E = open at D, B = open at D - W, Ec = the current bucket at D.
 * - S (credit sales) = original amounts of documentType 'Invoice' dated in (D - W, D].
 * - DSO = E / S x W; best possible DSO = Ec / S x W; average days delinquent = (E - Ec) / S x W.
 * - CEI = (B + S/N - E) / (B + S/N - Ec) x 100, computed as (B*W + 30*S - E*W) / (B*W + 30*S - Ec*W) x 100.
 * - percent current = Ec / E x 100.
 *
 * Numbers: every amount is summed exactly as bigint minor units. Each ratio is one bigint division
 * of exact integers, scaled by 100 and rounded half away from zero to an integer number of
 * hundredths, then returned as `hundredths / 100` (the double nearest the 2-decimal value, the same
 * as writing that literal). Average days delinquent is rounded from the exact (E - Ec) / S x W, so it
 * can differ by 0.01 from the difference of the two rounded DSO figures. A ratio is null when its
 * denominator is zero.
 */
import { addMonths, daysInMonth, firstOfMonth, partsOf, type Day } from './calendar';
import type { ApplicationsByInvoice } from './ledger';
import { convert, findRate } from './exchange';
import { minorDigits, MoneyError, roundHalfAwayFromZero, type Money } from './money';
import type { ExchangeRate, Invoice, PaymentApplication } from './portfolio';
import { AGING_BUCKETS, agingBucket, type AgingBucket } from './sharedRules';

export const DEFAULT_WINDOW_DAYS = 90;

/** The countback walks at most this many calendar months, the month of D included. */
export const COUNTBACK_MONTHS = 24;

export interface BucketTotal {
  bucket: AgingBucket;
  amount: Money;
  count: number;
}

export interface CurrencyKpis {
  currency: string;
  open: { amount: Money; count: number };
  /** all five buckets in order, zeros included */
  aging: BucketTotal[];
  creditSales: Money;
  dso: number | null;
  bestPossibleDso: number | null;
  averageDaysDelinquent: number | null;
  cei: number | null;
  percentCurrent: number | null;
  dsoCountback: number | null;
}

export interface CorporateRollUp {
  currency: string;
  open: Money;
  /** open minus current, converted on its own */
  overdue: Money;
  /** the rate records used, as given (an inverted rate is listed as it was given) */
  ratesUsed: ExchangeRate[];
  /** currencies left out because no rate dated on or before the as-of day exists */
  missingRates: string[];
}

const BUCKET_INDEX: ReadonlyMap<AgingBucket, number> = new Map(AGING_BUCKETS.map((bucket, index) => [bucket, index]));
const CURRENT_INDEX = 0;

/** Per-currency running totals, all in minor units. */
interface Accumulator {
  currency: string;
  openMinor: bigint;
  openCount: number;
  bucketMinor: bigint[];
  bucketCount: number[];
  /** B: open at D - W */
  openAtWindowStartMinor: bigint;
  /** S */
  salesMinor: bigint;
  /** Invoice sales per calendar month for the countback; index 0 is the month of D (up to D) */
  monthlySalesMinor: bigint[];
}

function newAccumulator(currency: string, withMonths: boolean): Accumulator {
  return {
    currency,
    openMinor: 0n,
    openCount: 0,
    bucketMinor: AGING_BUCKETS.map(() => 0n),
    bucketCount: AGING_BUCKETS.map(() => 0),
    openAtWindowStartMinor: 0n,
    salesMinor: 0n,
    monthlySalesMinor: withMonths ? new Array<bigint>(COUNTBACK_MONTHS).fill(0n) : [],
  };
}

function accumulatorFor(byCurrency: Map<string, Accumulator>, currency: string, withMonths: boolean): Accumulator {
  let accumulator = byCurrency.get(currency);
  if (!accumulator) {
    minorDigits(currency);
    accumulator = newAccumulator(currency, withMonths);
    byCurrency.set(currency, accumulator);
  }
  return accumulator;
}

function invoiceMinor(invoice: Invoice): bigint {
  if (invoice.amount.currency !== invoice.currency) {
    throw new MoneyError(
      `${invoice.invoiceNumber} is in ${invoice.currency} but its amount is in ${invoice.amount.currency}`,
    );
  }
  return invoice.amount.minor;
}

/**
 * What was applied to the invoice on or before `early` and on or before `late` (early <= late), in
 * one walk over its applications. The list need not be sorted.
 */
function appliedMinorAtTwoDays(
  invoice: Invoice,
  applications: readonly PaymentApplication[] | undefined,
  early: Day,
  late: Day,
): [bigint, bigint] {
  let appliedEarly = 0n;
  let appliedLate = 0n;
  if (!applications) return [appliedEarly, appliedLate];
  for (const application of applications) {
    if (application.appliedDate > late) continue;
    if (application.amount.currency !== invoice.currency) {
      throw new Error(
        `${application.paymentReference} applies ${application.amount.currency} to ${invoice.invoiceNumber} in ${invoice.currency}`,
      );
    }
    appliedLate += application.amount.minor;
    if (application.appliedDate <= early) appliedEarly += application.amount.minor;
  }
  return [appliedEarly, appliedLate];
}

function addOpen(accumulator: Accumulator, invoice: Invoice, balanceMinor: bigint, asOf: Day): void {
  accumulator.openMinor += balanceMinor;
  accumulator.openCount += 1;
  const index = BUCKET_INDEX.get(agingBucket(asOf - invoice.dueDate)) ?? CURRENT_INDEX;
  accumulator.bucketMinor[index] = (accumulator.bucketMinor[index] ?? 0n) + balanceMinor;
  accumulator.bucketCount[index] = (accumulator.bucketCount[index] ?? 0) + 1;
}

function bucketTotals(accumulator: Accumulator): BucketTotal[] {
  return AGING_BUCKETS.map((bucket, index) => ({
    bucket,
    amount: { currency: accumulator.currency, minor: accumulator.bucketMinor[index] ?? 0n },
    count: accumulator.bucketCount[index] ?? 0,
  }));
}

function checkDay(day: Day, name: string): void {
  if (!Number.isSafeInteger(day)) throw new RangeError(`${name} must be a whole day, got ${day}`);
}

function hundredths(value: bigint): number {
  return Number(value) / 100;
}

/** numerator / denominator x factor, to 2 decimals; null when the denominator is zero. */
function ratio(numerator: bigint, denominator: bigint, factor: bigint): number | null {
  if (denominator === 0n) return null;
  return hundredths(roundHalfAwayFromZero(numerator * factor * 100n, denominator));
}

/**
 * The calendar months of the countback: index 0 is the month of D from its 1st through D, then each
 * earlier full month. `monthOfDay[day - start]` gives the month index of a day in [start, D].
 */
interface CountbackMonths {
  start: Day;
  monthOfDay: Uint8Array;
  days: number[];
}

function countbackMonths(asOf: Day): CountbackMonths {
  const firstOfCurrent = firstOfMonth(asOf);
  const start = addMonths(firstOfCurrent, -(COUNTBACK_MONTHS - 1));
  const monthOfDay = new Uint8Array(asOf - start + 1);
  const days: number[] = [];
  for (let index = 0; index < COUNTBACK_MONTHS; index++) {
    const monthStart = addMonths(firstOfCurrent, -index);
    const { year, month } = partsOf(monthStart);
    // the month of D counts its 1st through D; earlier months count all their days
    const monthDays = index === 0 ? asOf - monthStart + 1 : daysInMonth(year, month);
    days.push(monthDays);
    monthOfDay.fill(index, monthStart - start, monthStart - start + monthDays);
  }
  return { start, monthOfDay, days };
}

/**
 * Countback DSO: from E, walk the months backwards; a month whose sales the remaining open amount
 * covers adds all its days and its sales are subtracted; the month that covers the rest adds
 * days x remaining / sales and the walk stops. A month without sales adds all its days. After
 * COUNTBACK_MONTHS months the walk stops with the days counted so far. E = 0 gives 0.
 */
function countbackDso(openMinor: bigint, monthlySalesMinor: readonly bigint[], monthDays: readonly number[]): number {
  if (openMinor <= 0n) return 0;
  let remaining = openMinor;
  let wholeDays = 0n;
  for (let index = 0; index < COUNTBACK_MONTHS; index++) {
    const sales = monthlySalesMinor[index] ?? 0n;
    const days = BigInt(monthDays[index] ?? 0);
    if (sales <= 0n) {
      wholeDays += days;
    } else if (remaining >= sales) {
      wholeDays += days;
      remaining -= sales;
      if (remaining === 0n) break;
    } else {
      return hundredths(roundHalfAwayFromZero((wholeDays * sales + days * remaining) * 100n, sales));
    }
  }
  return Number(wholeDays);
}

function kpisOf(accumulator: Accumulator, windowDays: number, monthDays: readonly number[]): CurrencyKpis {
  const { currency, openMinor, salesMinor, openAtWindowStartMinor } = accumulator;
  const currentMinor = accumulator.bucketMinor[CURRENT_INDEX] ?? 0n;
  const w = BigInt(windowDays);
  // CEI x W/W: B + S/N - X with N = W/30 is (B*W + 30*S - X*W) / W.
  const ceiBase = openAtWindowStartMinor * w + 30n * salesMinor;
  return {
    currency,
    open: { amount: { currency, minor: openMinor }, count: accumulator.openCount },
    aging: bucketTotals(accumulator),
    creditSales: { currency, minor: salesMinor },
    dso: ratio(openMinor, salesMinor, w),
    bestPossibleDso: ratio(currentMinor, salesMinor, w),
    averageDaysDelinquent: ratio(openMinor - currentMinor, salesMinor, w),
    cei: ratio(ceiBase - openMinor * w, ceiBase - currentMinor * w, 100n),
    percentCurrent: ratio(currentMinor, openMinor, 100n),
    dsoCountback: countbackDso(openMinor, accumulator.monthlySalesMinor, monthDays),
  };
}

/**
 * The KPIs of every currency that has a document issued on or before `asOf`, sorted by currency
 * code. One pass over the invoices (each walks its own applications once, for D and D - W together),
 * so the work is linear in invoices plus applications.
 */
export function portfolioKpis(
  invoices: readonly Invoice[],
  applications: ApplicationsByInvoice,
  asOf: Day,
  windowDays: number = DEFAULT_WINDOW_DAYS,
): CurrencyKpis[] {
  checkDay(asOf, 'asOf');
  if (!Number.isSafeInteger(windowDays) || windowDays < 1) {
    throw new RangeError(`the KPI window must be a positive whole number of days, got ${windowDays}`);
  }
  const windowStart = asOf - windowDays;
  const months = countbackMonths(asOf);
  const byCurrency = new Map<string, Accumulator>();

  for (const invoice of invoices) {
    if (invoice.invoiceDate > asOf) continue;
    const accumulator = accumulatorFor(byCurrency, invoice.currency, true);
    const amountMinor = invoiceMinor(invoice);
    const [appliedAtStart, appliedAtEnd] = appliedMinorAtTwoDays(
      invoice,
      applications.get(invoice.invoiceNumber),
      windowStart,
      asOf,
    );

    const balance = amountMinor - appliedAtEnd;
    if (balance > 0n) addOpen(accumulator, invoice, balance, asOf);

    if (invoice.invoiceDate <= windowStart) {
      const balanceAtStart = amountMinor - appliedAtStart;
      if (balanceAtStart > 0n) accumulator.openAtWindowStartMinor += balanceAtStart;
    } else if (invoice.documentType === 'Invoice') {
      accumulator.salesMinor += amountMinor;
    }

    if (invoice.documentType === 'Invoice' && invoice.invoiceDate >= months.start) {
      const month = months.monthOfDay[invoice.invoiceDate - months.start] ?? 0;
      accumulator.monthlySalesMinor[month] = (accumulator.monthlySalesMinor[month] ?? 0n) + amountMinor;
    }
  }

  return [...byCurrency.keys()]
    .sort()
    .map((currency) => kpisOf(byCurrency.get(currency) as Accumulator, windowDays, months.days));
}

/**
 * Open balances by aging bucket as of the end of `asOf`, per currency (every currency with a
 * document issued on or before it; all five buckets, zeros included).
 */
export function agingAsOf(
  invoices: readonly Invoice[],
  applications: ApplicationsByInvoice,
  asOf: Day,
): Map<string, BucketTotal[]> {
  checkDay(asOf, 'asOf');
  const byCurrency = new Map<string, Accumulator>();
  for (const invoice of invoices) {
    if (invoice.invoiceDate > asOf) continue;
    const accumulator = accumulatorFor(byCurrency, invoice.currency, false);
    const [, applied] = appliedMinorAtTwoDays(invoice, applications.get(invoice.invoiceNumber), asOf, asOf);
    const balance = invoiceMinor(invoice) - applied;
    if (balance > 0n) addOpen(accumulator, invoice, balance, asOf);
  }
  const result = new Map<string, BucketTotal[]>();
  for (const currency of [...byCurrency.keys()].sort()) {
    result.set(currency, bucketTotals(byCurrency.get(currency) as Accumulator));
  }
  return result;
}

/**
 * Open and overdue (open minus current) of every currency in the corporate currency, each
 * currency's totals converted once with the latest rate dated on or before `asOf`. A currency
 * without such a rate is listed in `missingRates` and left out of the totals.
 */
export function rollUp(
  kpis: readonly CurrencyKpis[],
  corporateCurrency: string,
  rates: readonly ExchangeRate[],
  asOf: Day,
): CorporateRollUp {
  checkDay(asOf, 'asOf');
  minorDigits(corporateCurrency);
  let openMinor = 0n;
  let overdueMinor = 0n;
  const ratesUsed: ExchangeRate[] = [];
  const missingRates: string[] = [];

  for (const entry of kpis) {
    const open = entry.open.amount.minor;
    const current = entry.aging.find((total) => total.bucket === 'current')?.amount.minor ?? 0n;
    const overdue = open - current;
    if (entry.currency === corporateCurrency) {
      openMinor += open;
      overdueMinor += overdue;
      continue;
    }
    const use = findRate(rates, entry.currency, corporateCurrency, asOf);
    if (!use) {
      missingRates.push(entry.currency);
      continue;
    }
    openMinor += convert({ currency: entry.currency, minor: open }, corporateCurrency, use).minor;
    overdueMinor += convert({ currency: entry.currency, minor: overdue }, corporateCurrency, use).minor;
    ratesUsed.push(use.rate);
  }

  return {
    currency: corporateCurrency,
    open: { currency: corporateCurrency, minor: openMinor },
    overdue: { currency: corporateCurrency, minor: overdueMinor },
    ratesUsed,
    missingRates,
  };
}
