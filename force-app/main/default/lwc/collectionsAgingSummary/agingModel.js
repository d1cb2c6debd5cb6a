/**
 * The arithmetic behind the aging summary, free of labels and the DOM so it can be tested with
 * literal objects. Open balances are added exactly as BigInt minor units, one total per currency:
 * amounts of different currencies are never added together.
 */
import { AGING_BUCKETS } from 'c/collectionsRules';
import { dayOf, formatLabel, todayIn, toMinorUnits } from 'c/collectionsFormat';

/** Aging_Bucket__c returns "Current", "1-30", ... "90+"; collectionsRules names them in lower case. */
function bucketOf(formulaValue) {
  const name = String(formulaValue ?? '').toLowerCase();
  return AGING_BUCKETS.includes(name) ? name : 'current';
}

/** Thrown when an open balance has more decimals than its currency: the totals would not be exact. */
export class InexactAmountError extends Error {
  constructor(invoiceName, currency) {
    super(`Open balance of ${invoiceName} does not fit ${currency}`);
    this.invoiceName = invoiceName;
    this.currency = currency;
  }
}

/**
 * Open balance per currency and bucket from GraphQL Invoice__c nodes. Returns one entry per
 * currency, sorted by currency code: `{ currency, buckets: { current: 0n, ... }, overdue, open }`.
 */
export function totalsByCurrency(invoiceNodes) {
  const byCurrency = new Map();
  for (const node of invoiceNodes) {
    const currency = node.CurrencyIsoCode?.value;
    const minor = currency ? toMinorUnits(node.Open_Balance__c?.value, currency) : null;
    if (minor === null) throw new InexactAmountError(node.Name?.value ?? node.Id, currency);
    let entry = byCurrency.get(currency);
    if (!entry) {
      entry = { currency, buckets: Object.fromEntries(AGING_BUCKETS.map((b) => [b, 0n])), overdue: 0n, open: 0n };
      byCurrency.set(currency, entry);
    }
    const bucket = bucketOf(node.Aging_Bucket__c?.value);
    entry.buckets[bucket] += minor;
    entry.open += minor;
    if (bucket !== 'current') entry.overdue += minor;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}

/**
 * The most recent contact: the latest logged call (its ActivityDate, or the day it was logged in
 * the user's time zone when the task has no date) or the latest sent reminder (Sent_Date__c).
 * Returns `{ kind: 'call' | 'notice', date, days }` or null when there was neither.
 */
export function lastContact(taskNode, noticeNode, today, timeZone) {
  const candidates = [];
  if (taskNode) {
    const created = taskNode.CreatedDate?.value;
    const date = taskNode.ActivityDate?.value ?? (created ? todayIn(timeZone, Date.parse(created)) : null);
    if (date) candidates.push({ kind: 'call', date });
  }
  const sent = noticeNode?.Sent_Date__c?.value;
  if (sent) candidates.push({ kind: 'notice', date: sent });
  if (candidates.length === 0) return null;
  const latest = candidates.reduce((a, b) => (b.date > a.date ? b : a));
  return { ...latest, days: Math.max(0, dayOf(today) - dayOf(latest.date)) };
}

/**
 * The next timeline step of each open case (one case per currency), soonest first. On a case's
 * page only that case counts. Cases whose next action is None are left out.
 */
export function nextSteps(caseNodes, caseId) {
  return caseNodes
    .filter((node) => !caseId || node.Id === caseId)
    .filter((node) => node.Next_Action__c?.value && node.Next_Action__c.value !== 'None')
    .map((node) => ({
      id: node.Id,
      action: node.Next_Action__c.displayValue ?? node.Next_Action__c.value,
      date: node.Next_Action_Date__c?.value ?? null,
      currency: node.CurrencyIsoCode?.value ?? '',
    }))
    .sort((a, b) => (a.date ?? '9999-12-31').localeCompare(b.date ?? '9999-12-31'));
}

/** Fills {0}, {1}... in a label with the values given. */
export const fillIn = formatLabel;
