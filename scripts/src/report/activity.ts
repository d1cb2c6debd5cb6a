/**
 * A collector's activity over the report window, from what the portfolio already records: notices
 * sent (Dunning_Notice__c with status Sent), call tasks, promises to pay logged and kept, and cash
 * received from the collector's customers. Targets come from a small JSON file; nothing is stored.
 */
import { formatDay, type Day } from '../domain/calendar';
import { formatMoney, minorDigits, MoneyError, parseMoney } from '../domain/money';
import type { NoticeAction, Portfolio } from '../domain/portfolio';
import { compareText } from './text';
import type { ReportActivity, ReportMoneyLine, ReportTargets } from './model';

/** The notices that count as "sent" towards a collector's target. */
export const NOTICE_ACTIONS: readonly NoticeAction[] = ['Courtesy_Reminder', 'Reminder', 'Suspension_Warning'];
export const CALL_ACTION: NoticeAction = 'Call_Task';

export class TargetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetsError';
  }
}

const COUNT_TARGETS = ['noticesSent', 'callsLogged', 'promisesObtained', 'promisesKept'] as const;

/**
 * Reads a targets file's JSON: `{"noticesSent": 100, "callsLogged": 40, "promisesObtained": 20,
 * "promisesKept": 15, "amountCollected": {"USD": "250000.00", "EUR": 80000}}`. Every key is
 * optional; an unknown key, a count that is not a whole number of zero or more, or an amount that
 * is not a decimal in its currency is refused, so a typo does not silently drop a target.
 */
export function parseTargets(value: unknown): ReportTargets {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TargetsError('the targets must be a JSON object such as {"noticesSent": 100}');
  }
  const targets: ReportTargets = {
    noticesSent: null,
    callsLogged: null,
    promisesObtained: null,
    promisesKept: null,
    amountCollected: [],
  };
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if ((COUNT_TARGETS as readonly string[]).includes(key)) {
      if (typeof entry !== 'number' || !Number.isSafeInteger(entry) || entry < 0) {
        throw new TargetsError(`${key} must be a whole number of zero or more, got ${JSON.stringify(entry)}`);
      }
      targets[key as (typeof COUNT_TARGETS)[number]] = entry;
    } else if (key === 'amountCollected') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new TargetsError('amountCollected must be an object of currency -> amount, e.g. {"USD": "250000.00"}');
      }
      for (const [currency, amount] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof amount !== 'string' && typeof amount !== 'number') {
          throw new TargetsError(`amountCollected.${currency} must be an amount, got ${JSON.stringify(amount)}`);
        }
        try {
          minorDigits(currency);
          const parsed = parseMoney(String(amount), currency);
          targets.amountCollected.push({ currency, amount: formatMoney(parsed) });
        } catch (error) {
          if (error instanceof MoneyError) throw new TargetsError(`amountCollected.${currency}: ${error.message}`);
          throw error;
        }
      }
      targets.amountCollected.sort((a, b) => compareText(a.currency, b.currency));
    } else {
      throw new TargetsError(
        `unknown target "${key}": use ${[...COUNT_TARGETS, 'amountCollected'].map((name) => `"${name}"`).join(', ')}`,
      );
    }
  }
  return targets;
}

function inWindow(day: Day | null, windowStart: Day, asOf: Day): boolean {
  return day !== null && day >= windowStart && day <= asOf;
}

/**
 * The activity on the given customers' accounts over [asOf - windowDays + 1, asOf] (the same
 * window as the KPIs' credit sales).
 */
export function collectorActivity(
  portfolio: Portfolio,
  customers: ReadonlySet<string>,
  asOf: Day,
  windowDays: number,
  targets: ReportTargets | null,
): ReportActivity {
  const windowStart = asOf - windowDays + 1;
  let noticesSent = 0;
  let callsLogged = 0;
  for (const notice of portfolio.notices) {
    if (!customers.has(notice.customerNumber) || notice.status !== 'Sent') continue;
    if (!inWindow(notice.sentDate, windowStart, asOf)) continue;
    if (NOTICE_ACTIONS.includes(notice.action)) noticesSent++;
    else if (notice.action === CALL_ACTION) callsLogged++;
  }
  let promisesObtained = 0;
  let promisesKept = 0;
  for (const promise of portfolio.promises) {
    if (!customers.has(promise.customerNumber) || !inWindow(promise.loggedDate, windowStart, asOf)) continue;
    promisesObtained++;
    if (promise.status === 'Kept') promisesKept++;
  }
  const collected = new Map<string, bigint>();
  for (const payment of portfolio.payments) {
    if (!customers.has(payment.customerNumber) || !inWindow(payment.receivedDate, windowStart, asOf)) continue;
    collected.set(payment.amount.currency, (collected.get(payment.amount.currency) ?? 0n) + payment.amount.minor);
  }
  const amountCollected: ReportMoneyLine[] = [...collected.keys()]
    .sort()
    .map((currency) => ({ currency, amount: formatMoney({ currency, minor: collected.get(currency) ?? 0n }) }));
  return {
    windowStart: formatDay(windowStart),
    windowEnd: formatDay(asOf),
    noticesSent,
    callsLogged,
    promisesObtained,
    promisesKept,
    amountCollected,
    targets,
  };
}

/** One line of a collector's activity against target: a count, or an amount in one currency. */
export interface ActivityMeasure {
  measure: 'Notices sent' | 'Calls logged' | 'Promises obtained' | 'Promises kept' | 'Amount collected';
  /** null for counts */
  currency: string | null;
  /** a count, or an amount as a decimal string */
  actual: number | string;
  target: number | string | null;
}

/** The lines the HTML page and the exports show, in one order: counts, then amounts per currency. */
export function activityMeasures(activity: ReportActivity): ActivityMeasure[] {
  const targets = activity.targets;
  const counts: ActivityMeasure[] = [
    { measure: 'Notices sent', currency: null, actual: activity.noticesSent, target: targets?.noticesSent ?? null },
    { measure: 'Calls logged', currency: null, actual: activity.callsLogged, target: targets?.callsLogged ?? null },
    {
      measure: 'Promises obtained',
      currency: null,
      actual: activity.promisesObtained,
      target: targets?.promisesObtained ?? null,
    },
    { measure: 'Promises kept', currency: null, actual: activity.promisesKept, target: targets?.promisesKept ?? null },
  ];
  const currencies = [
    ...new Set([
      ...activity.amountCollected.map((line) => line.currency),
      ...(targets?.amountCollected ?? []).map((line) => line.currency),
    ]),
  ].sort();
  return [
    ...counts,
    ...currencies.map((currency): ActivityMeasure => ({
      measure: 'Amount collected',
      currency,
      actual: activity.amountCollected.find((line) => line.currency === currency)?.amount ?? '0',
      target: targets?.amountCollected.find((line) => line.currency === currency)?.amount ?? null,
    })),
  ];
}
