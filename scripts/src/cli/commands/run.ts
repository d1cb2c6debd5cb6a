/**
 * `collections run`: the nightly cycle for an as-of date. It loads the portfolio from the target,
 * lets the engine decide the day, and prints the plan; with --apply it sends the notices and writes
 * every change, each keyed so that applying the same date again writes nothing new. Every run,
 * planned or applied, leaves a Collections_Run__c record.
 */
import { calendarDateIn, formatDay, parseDay, CalendarError, type Day } from '../../domain/calendar';
import { runLogRow, runNight, type NightSummary } from '../../batch/nightlyRun';
import type { CollectionsPolicy } from '../../domain/policy';
import { COLLECTIONS_RUN } from '../../records/schema';
import type { CollectionsStore } from '../../store/store';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandIO, type CommandSpec, type FlagValues } from '../command';
import { EXIT, usageError } from '../errors';
import { growHeapByHalf } from '../heapGrowth';
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

function printPlan(io: CommandIO, store: CollectionsStore, summary: NightSummary, apply: boolean): void {
  const counts = summary.counts;
  io.log(
    `${apply ? 'Applying' : 'Plan'} for ${formatDay(summary.asOf)} on ${store.description}: ${summary.actions} actions, ${summary.cases} cases refreshed`,
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
    // A large night's memory is mostly garbage V8 has not collected yet (heapGrowth.ts).
    growHeapByHalf();
    const apply = booleanFlag(flags, 'apply');
    const store = await storeFor(flags, io);
    const policy = await store.loadPolicy();
    const asOf = asOfDate(flags, policy, io.now());
    const json = booleanFlag(flags, 'json');
    // --json prints every action, so only then are they all kept; otherwise the night is planned
    // and turned into records a shard of customers at a time.
    const { summary, actions, applied, unconfirmed } = await runNight(store, policy, asOf, {
      apply,
      keepActions: json,
      onPlanned: (planned) => {
        if (!json) printPlan(io, store, planned, apply);
      },
    });
    const warnings =
      unconfirmed.length > 0
        ? [
            `${unconfirmed.length} email notice(s) of earlier runs were handed to the org but never confirmed; they are not sent again. Check their email log: ${unconfirmed.slice(0, 5).join(', ')}${unconfirmed.length > 5 ? ', ...' : ''}`,
          ]
        : [];
    const usage = store.usage();
    await store.upsert(COLLECTIONS_RUN, [
      runLogRow(apply ? 'Apply' : 'Plan', started, io.now(), summary, applied, usage.requests),
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
    if (!json && !apply && summary.actions > 0)
      io.log('Nothing was changed. Run again with --apply to carry out this plan.');
    return {
      exitCode: failures > 0 ? EXIT.partial : EXIT.ok,
      warnings,
      result: {
        unconfirmed,
        asOf: formatDay(asOf),
        target: store.description,
        mode: apply ? 'apply' : 'plan',
        counts: summary.counts,
        actions,
        cases: summary.cases,
        applied,
        apiRequests: usage.requests,
        apiRemaining: usage.remaining,
      },
    };
  },
};
