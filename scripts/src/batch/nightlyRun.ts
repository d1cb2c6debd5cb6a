/**
 * Carrying out a night: counting a plan, sending its notices at most once, writing its records and
 * the run log. Used by `collections run --apply` and by the demo's simulated nights.
 */
import { formatDay, type Day } from '../domain/calendar';
import type { Action, DayPlan, NoticeAction } from '../domain/engine/actions';
import type { CollectionsPolicy } from '../domain/policy';
import type { Portfolio } from '../domain/portfolio';
import { composeNotice } from '../notices/composeNotice';
import { rowsForPlan, type Delivery } from '../records/planRecords';
import { DUNNING_NOTICE } from '../records/schema';
import type { CollectionsStore, RowFailure } from '../store/store';

/** What the plan does, counted: "Reminder" in USD: 12. */
export function actionLabel(action: Action): string {
  switch (action.kind) {
    case 'notice':
      return action.delivery === 'request-approval'
        ? `${action.noticeAction} (approval requested)`
        : action.level === null
          ? action.noticeAction
          : `${action.noticeAction} ${action.level}`;
    case 'write-off-referral':
      return action.delivery === 'request-approval' ? 'Write_Off_Referral (approval requested)' : 'Write_Off_Referral';
    case 'escalate':
      return `Escalation: ${action.escalation}`;
    case 'promise-outcome':
      return `Promise ${action.outcome}`;
    case 'plan-status':
      return `Payment plan ${action.status}`;
    case 'call-task':
      return 'Call task';
    case 'suspend':
      return 'Suspension';
    case 'lift-suspension':
      return 'Suspension lifted';
    case 'small-balance-write-off':
      return 'Small-balance write-off proposed';
  }
}

export interface PlanCount {
  action: string;
  currency: string;
  count: number;
}

export function countPlan(plan: DayPlan): PlanCount[] {
  const counts = new Map<string, PlanCount>();
  for (const action of plan.actions) {
    const label = actionLabel(action);
    const currency = action.currency ?? '-';
    const key = `${label}\u0000${currency}`;
    const entry = counts.get(key) ?? { action: label, currency, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort((a, b) => a.action.localeCompare(b.action) || a.currency.localeCompare(b.currency));
}

/** Notices composed and handed to the target at a time (the org adapter sends 100 per request). */
const DELIVERY_CHUNK = 1000;

export interface ApplyOutcome {
  written: Record<string, { created: number; updated: number; unchanged: number; failed: number }>;
  failures: Array<RowFailure & { object: string }>;
  noticesSent: number;
  deliveryFailures: Array<{ key: string; detail: string }>;
}

/**
 * Carries out a night's plan. Emails are sent at most once: every record of the night is written
 * first, parents before children, with the email notices as Planned (so each has a record to be
 * logged on, the cases they belong to exist, and a crash leaves a trace); then the emails are sent
 * in one call; then the email notices are written again with their outcome. An email whose answer
 * was lost stays Planned and is never sent again automatically.
 */
export async function applyDayPlan(
  store: CollectionsStore,
  policy: CollectionsPolicy,
  portfolio: Portfolio,
  plan: DayPlan,
): Promise<ApplyOutcome> {
  const names = new Map(portfolio.accounts.map((account) => [account.customerNumber, account.name]));
  const outcome: ApplyOutcome = { written: {}, failures: [], noticesSent: 0, deliveryFailures: [] };
  const emails = plan.actions.filter(
    (action): action is NoticeAction =>
      action.kind === 'notice' && action.delivery === 'send' && action.channel === 'Email',
  );
  const emailKeys = new Set(emails.map((notice) => notice.key));
  const canSend = store.deliverNotices !== undefined;
  const provisional: Delivery = canSend
    ? { outcome: 'Unconfirmed', detail: 'being sent' }
    : { outcome: 'Failed', detail: `${store.description} cannot send email` };
  const deliveries = new Map<string, Delivery>(emails.map((notice) => [notice.key, provisional]));

  const ids = new Map<string, string | undefined>();
  const refused = new Set<string>();
  for (const [schema, rows] of rowsForPlan(portfolio, plan, deliveries)) {
    const result = await store.upsert(schema, rows);
    outcome.written[schema.object] = {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      failed: result.failures.length,
    };
    outcome.failures.push(...result.failures.map((failure) => ({ ...failure, object: schema.object })));
    if (schema === DUNNING_NOTICE) {
      rows.forEach((row, index) => ids.set(row.Idempotency_Key__c ?? '', result.ids[index]));
      for (const failure of result.failures) refused.add(failure.key);
    }
  }

  if (canSend && emails.length > 0) {
    const sendable = emails.filter((notice) => !refused.has(notice.key) && ids.get(notice.key) !== undefined);
    // Composed in chunks: a night of a large portfolio has a hundred thousand messages, and holding
    // every composed body at once would cost gigabytes. Targets batch their sends further.
    for (let start = 0; start < sendable.length; start += DELIVERY_CHUNK) {
      const chunk = sendable.slice(start, start + DELIVERY_CHUNK);
      const results = await store.deliverNotices?.(
        chunk.map((notice) => ({
          notice,
          composed: composeNotice(
            notice,
            names.get(notice.customerNumber) ?? notice.customerNumber,
            policy.suspensionNoticeDays,
          ),
          recordId: ids.get(notice.key),
        })),
        plan.asOf,
      );
      chunk.forEach((notice, index) =>
        deliveries.set(notice.key, results?.[index] ?? { outcome: 'Unconfirmed', detail: 'no answer' }),
      );
    }
    const sent = new Set(sendable);
    for (const notice of emails) {
      if (!sent.has(notice))
        deliveries.set(notice.key, {
          outcome: 'Failed',
          detail: 'the notice record could not be written, so it was not sent',
        });
    }
    const final = (rowsForPlan(portfolio, plan, deliveries).get(DUNNING_NOTICE) ?? []).filter(
      (row) => emailKeys.has(row.Idempotency_Key__c ?? '') && !refused.has(row.Idempotency_Key__c ?? ''),
    );
    const result = await store.upsert(DUNNING_NOTICE, final);
    outcome.failures.push(...result.failures.map((failure) => ({ ...failure, object: DUNNING_NOTICE.object })));
  }
  for (const [key, delivery] of deliveries) {
    if (delivery.outcome === 'Accepted') outcome.noticesSent++;
    else outcome.deliveryFailures.push({ key, detail: `${delivery.outcome}: ${delivery.detail}` });
  }
  return outcome;
}

/** Email notices of earlier nights that were handed over but never confirmed: a person must check them. */
export function unconfirmedNotices(portfolio: Portfolio, asOf: Day): string[] {
  const emailActions = new Set(['Courtesy_Reminder', 'Reminder', 'Suspension_Warning']);
  return portfolio.notices
    .filter((n) => n.status === 'Planned' && emailActions.has(n.action) && n.asOf < asOf)
    .map((n) => n.key);
}

/** The Collections_Run__c record of one run. */
export function runLogRow(
  asOf: Day,
  mode: 'Plan' | 'Apply',
  started: Date,
  finished: Date,
  plan: DayPlan,
  counts: PlanCount[],
  applied: ApplyOutcome | null,
  requests: number,
): Record<string, string> {
  const failed = applied ? applied.failures.length + applied.deliveryFailures.length : 0;
  const count = (kind: Action['kind']): number => plan.actions.filter((action) => action.kind === kind).length;
  return {
    Run_Key__c: `${formatDay(asOf)}|${mode}|${started.toISOString()}`,
    As_Of_Date__c: formatDay(asOf),
    Mode__c: mode,
    Outcome__c: failed === 0 ? 'Succeeded' : 'Partially_Succeeded',
    Started_At__c: started.toISOString(),
    Finished_At__c: finished.toISOString(),
    Actions_Planned__c: String(plan.actions.length),
    Actions_Applied__c: String(applied ? plan.actions.length - failed : 0),
    Actions_Failed__c: String(failed),
    Notices_Sent__c: String(applied?.noticesSent ?? 0),
    Suspensions__c: String(count('suspend')),
    Referrals__c: String(count('write-off-referral') + count('small-balance-write-off')),
    Cases_Refreshed__c: String(plan.cases.length),
    API_Requests__c: String(requests),
    Summary__c: JSON.stringify(counts).slice(0, 131072),
    Error_Detail__c: applied
      ? [
          ...applied.failures.map((f) => `${f.object} ${f.key}: ${f.code} ${f.message}`),
          ...applied.deliveryFailures.map((f) => `${f.key}: ${f.detail}`),
        ]
          .join('\n')
          .slice(0, 131072)
      : '',
  };
}
