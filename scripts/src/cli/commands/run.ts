/**
 * `collections run`: the nightly cycle for an as-of date. It loads the portfolio from the target,
 * lets the engine decide the day, and prints the plan; with --apply it sends the notices and writes
 * every change, each keyed so that applying the same date again writes nothing new. Every run,
 * planned or applied, leaves a Collections_Run__c record.
 */
import { calendarDateIn, formatDay, parseDay, CalendarError, type Day } from '../../domain/calendar';
import type { Action, DayPlan, NoticeAction } from '../../domain/engine/actions';
import { planDay } from '../../domain/engine/planDay';
import type { CollectionsPolicy } from '../../domain/policy';
import type { Portfolio } from '../../domain/portfolio';
import { composeNotice } from '../../notices/composeNotice';
import { portfolioFromStore } from '../../records/portfolioFromRecords';
import { rowsForPlan, type Delivery } from '../../records/planRecords';
import { COLLECTIONS_RUN, DUNNING_NOTICE } from '../../records/schema';
import type { CollectionsStore, RowFailure } from '../../store/store';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandIO, type CommandSpec, type FlagValues } from '../command';
import { EXIT, usageError } from '../errors';
import { storeFor } from '../target';

/** The as-of date: the flag, or today in the company's time zone (never the machine's UTC date). */
export function asOfDate(flags: FlagValues, policy: CollectionsPolicy, now: Date): Day {
  const given = stringFlag(flags, 'as-of');
  if (!given) return calendarDateIn(policy.timeZone, now);
  try {
    return parseDay(given);
  } catch (error) {
    if (error instanceof CalendarError) throw usageError(`--as-of: ${error.message}`);
    throw error;
  }
}

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

export interface ApplyOutcome {
  written: Record<string, { created: number; updated: number; unchanged: number; failed: number }>;
  failures: Array<RowFailure & { object: string }>;
  noticesSent: number;
  deliveryFailures: Array<{ key: string; detail: string }>;
}

/**
 * Carries out a night's plan. Emails are sent at most once: each email notice is first written as
 * Planned (so it has a record to be logged on, and a crash leaves a trace), then all are sent in one
 * call, then every record of the plan is written with its final status, parents first. An email
 * whose answer was lost stays Planned and is never sent again automatically.
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
  const deliveries = new Map<string, Delivery>();
  if (emails.length > 0 && store.deliverNotices) {
    const planned = rowsForPlan(
      portfolio,
      plan,
      new Map(emails.map((notice) => [notice.key, { outcome: 'Unconfirmed', detail: 'sending' }])),
    );
    const plannedRows = (planned.get(DUNNING_NOTICE) ?? []).filter((row) =>
      emails.some((notice) => notice.key === row.Idempotency_Key__c),
    );
    const written = await store.upsert(DUNNING_NOTICE, plannedRows);
    const ids = new Map(plannedRows.map((row, index) => [row.Idempotency_Key__c ?? '', written.ids[index]]));
    const refused = new Set(written.failures.map((failure) => failure.key));
    const sendable = emails.filter((notice) => !refused.has(notice.key));
    const results = await store.deliverNotices(
      sendable.map((notice) => ({
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
    sendable.forEach((notice, index) =>
      deliveries.set(notice.key, results[index] ?? { outcome: 'Unconfirmed', detail: 'no answer' }),
    );
    for (const notice of emails.filter((n) => refused.has(n.key)))
      deliveries.set(notice.key, {
        outcome: 'Failed',
        detail: 'the notice record could not be written, so it was not sent',
      });
  } else {
    for (const notice of emails)
      deliveries.set(notice.key, { outcome: 'Failed', detail: `${store.description} cannot send email` });
  }
  for (const [key, delivery] of deliveries) {
    if (delivery.outcome === 'Accepted') outcome.noticesSent++;
    else outcome.deliveryFailures.push({ key, detail: `${delivery.outcome}: ${delivery.detail}` });
  }
  for (const [schema, rows] of rowsForPlan(portfolio, plan, deliveries)) {
    const result = await store.upsert(schema, rows);
    outcome.written[schema.object] = {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      failed: result.failures.length,
    };
    outcome.failures.push(...result.failures.map((failure) => ({ ...failure, object: schema.object })));
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

function printPlan(io: CommandIO, store: CollectionsStore, plan: DayPlan, counts: PlanCount[], apply: boolean): void {
  io.log(
    `${apply ? 'Applying' : 'Plan'} for ${formatDay(plan.asOf)} on ${store.description}: ${plan.actions.length} actions, ${plan.cases.length} cases refreshed`,
  );
  if (counts.length === 0) return;
  const width = Math.max(...counts.map((c) => c.action.length), 6);
  io.log(`  ${'action'.padEnd(width)}  currency  count`);
  for (const c of counts)
    io.log(`  ${c.action.padEnd(width)}  ${c.currency.padEnd(8)}  ${String(c.count).padStart(5)}`);
}

export const runCommand: CommandSpec = {
  name: 'run',
  summary: 'Run the nightly collections cycle for an as-of date (plan only, unless --apply).',
  description:
    'Refreshes collection cases and decides dunning notices, call tasks, suspension warnings and suspensions, lifts,\nwrite-off referrals and escalations for the as-of date, and prints the plan. With --apply it sends the notices\n(an org emails them; a snapshot writes .eml files to its outbox folder) and writes every change. Applying the\nsame as-of date twice changes nothing the second time. Every run leaves a Collections_Run__c record.',
  examples: [
    'collections run --as-of 2026-11-22',
    'collections run --as-of 2026-11-22 --apply',
    'collections run -o collections --apply --json',
  ],
  flags: [
    COMMON_FLAGS.asOf,
    { name: 'apply', type: 'boolean', description: 'Carry out the plan: send notices and write records.' },
    COMMON_FLAGS.json,
    COMMON_FLAGS.targetOrg,
    COMMON_FLAGS.snapshot,
    COMMON_FLAGS.apiVersion,
  ],
  async run(flags, io) {
    const started = io.now();
    const apply = booleanFlag(flags, 'apply');
    const store = await storeFor(flags, io);
    const policy = await store.loadPolicy();
    const asOf = asOfDate(flags, policy, io.now());
    const portfolio = await portfolioFromStore(store, policy.corporateCurrency);
    const plan = planDay(portfolio, policy, asOf);
    const counts = countPlan(plan);
    const unconfirmed = unconfirmedNotices(portfolio, asOf);
    const warnings =
      unconfirmed.length > 0
        ? [
            `${unconfirmed.length} email notice(s) of earlier runs were handed to the org but never confirmed; they are not sent again. Check their email log: ${unconfirmed.slice(0, 5).join(', ')}${unconfirmed.length > 5 ? ', ...' : ''}`,
          ]
        : [];
    const json = booleanFlag(flags, 'json');
    if (!json) printPlan(io, store, plan, counts, apply);
    const applied = apply ? await applyDayPlan(store, policy, portfolio, plan) : null;
    const usage = store.usage();
    await store.upsert(COLLECTIONS_RUN, [
      runLogRow(asOf, apply ? 'Apply' : 'Plan', started, io.now(), plan, counts, applied, usage.requests),
    ]);
    const failures = applied ? applied.failures.length + applied.deliveryFailures.length : 0;
    if (!json && applied) {
      for (const [object, w] of Object.entries(applied.written)) {
        if (w.created + w.updated + w.failed > 0)
          io.log(
            `  ${object}: ${w.created} created, ${w.updated} updated, ${w.unchanged} unchanged, ${w.failed} failed`,
          );
      }
      io.log(`  notices sent: ${applied.noticesSent}`);
      for (const f of applied.failures) io.error(`  failed: ${f.object} ${f.key}: ${f.code} ${f.message}`);
      for (const f of applied.deliveryFailures) io.error(`  not delivered: ${f.key}: ${f.detail}`);
    }
    if (!json)
      io.log(
        `API requests: ${usage.requests}${usage.remaining === null ? '' : `, ${usage.remaining} of ${usage.max ?? '?'} left today`}`,
      );
    if (!json && !apply && plan.actions.length > 0)
      io.log('Nothing was changed. Run again with --apply to carry out this plan.');
    return {
      exitCode: failures > 0 ? EXIT.partial : EXIT.ok,
      warnings,
      result: {
        unconfirmed,
        asOf: formatDay(asOf),
        target: store.description,
        mode: apply ? 'apply' : 'plan',
        counts,
        actions: plan.actions,
        cases: plan.cases.length,
        applied,
        apiRequests: usage.requests,
        apiRemaining: usage.remaining,
      },
    };
  },
};
