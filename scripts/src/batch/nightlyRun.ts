/**
 * Carrying out a night: counting a plan, sending its notices at most once, writing its records and
 * the run log. Used by `collections run --apply` and by the demo's simulated nights.
 */
import { formatDay, type Day } from '../domain/calendar';
import type { Action, DayPlan, NoticeAction } from '../domain/engine/actions';
import { recordFor } from '../domain/engine/applyPlan';
import { invoiceUpdates, type InvoiceUpdate } from '../domain/engine/invoiceState';
import { planDayInShards } from '../domain/engine/planDay';
import type { CollectionsPolicy } from '../domain/policy';
import type { NoticeRecord, Portfolio } from '../domain/portfolio';
import { composeNotice } from '../notices/composeNotice';
import { deliveryFields, rowsForPlan, type Delivery } from '../records/planRecords';
import { DUNNING_NOTICE, type ObjectSchema } from '../records/schema';
import type { CollectionsStore, RowFailure, RowList } from '../store/store';
import { NightLedger } from './nightLedger';
import { NoticeSpill } from './noticeSpill';
import { PackedRows } from './packedRows';

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

function isEmail(action: Action): action is NoticeAction {
  return action.kind === 'notice' && action.delivery === 'send' && action.channel === 'Email';
}

/**
 * A night's records and emails, gathered a plan (or a shard of a plan) at a time: the rows to
 * upsert per object, in the order the store must write them (each row packed into one string,
 * packedRows.ts), and the email notices, kept on disk (noticeSpill.ts) until the records are
 * written.
 */
export class NightWork {
  readonly rows = new Map<ObjectSchema, PackedRows>();
  readonly emailKeys = new Set<string>();
  private readonly spill = new NoticeSpill();

  /** `cannotSend`: why the target cannot send email (null when it can) */
  constructor(private readonly cannotSend: string | null) {}

  /**
   * Adds a plan's records; `portfolio` holds (at least) the records of the plan's customers, and
   * `invoices` the invoices of theirs whose kept fields moved (ShardPlan.invoiceUpdates).
   */
  add(portfolio: Portfolio, plan: DayPlan, invoices: readonly InvoiceUpdate[]): void {
    const emails = plan.actions.filter(isEmail);
    // Until it is sent, every email notice is recorded as on its way (or as failed, if this
    // target cannot send at all): a crash between writing and sending leaves it Planned.
    const provisional: Delivery =
      this.cannotSend === null
        ? { outcome: 'Unconfirmed', detail: 'being sent' }
        : { outcome: 'Failed', detail: this.cannotSend };
    const deliveries = new Map<string, Delivery>(emails.map((notice) => [notice.key, provisional]));
    for (const [schema, rows] of rowsForPlan(portfolio, plan, deliveries, invoices)) {
      let all = this.rows.get(schema);
      if (!all) {
        all = new PackedRows();
        this.rows.set(schema, all);
      }
      for (const row of rows) all.add(row);
    }
    for (const notice of emails) this.emailKeys.add(notice.key);
    this.spill.write(emails);
  }

  emails(size: number): Generator<NoticeAction[]> {
    return this.spill.read(size);
  }

  dispose(): void {
    this.spill.dispose();
  }
}

/**
 * Carries out a night's plan. Emails are sent at most once: every record of the night is written
 * first, parents before children, with the email notices as Planned (so each has a record to be
 * logged on, the cases they belong to exist, and a crash leaves a trace); then the emails are sent;
 * then the email notices are written again with their outcome. An email whose answer was lost
 * stays Planned and is never sent again automatically. The invoices whose kept fields moved
 * (invoiceState.ts) are written with the night's records, last.
 */
export async function applyDayPlan(
  store: CollectionsStore,
  policy: CollectionsPolicy,
  portfolio: Portfolio,
  plan: DayPlan,
): Promise<ApplyOutcome> {
  const work = new NightWork(cannotSend(store));
  try {
    work.add(portfolio, plan, invoiceUpdates(portfolio, plan));
    return await applyNight(store, policy, customerNames(portfolio), plan.asOf, work);
  } finally {
    work.dispose();
  }
}

/** Why a target cannot send email, or null when it can. */
export function cannotSend(store: CollectionsStore): string | null {
  return store.deliverNotices ? null : `${store.description} cannot send email`;
}

export function customerNames(portfolio: Portfolio): Map<string, string> {
  return new Map(portfolio.accounts.map((account) => [account.customerNumber, account.name]));
}

/** Writes a night's records, sends its emails, and records how each went (see applyDayPlan). */
export async function applyNight(
  store: CollectionsStore,
  policy: CollectionsPolicy,
  names: ReadonlyMap<string, string>,
  asOf: Day,
  work: NightWork,
): Promise<ApplyOutcome> {
  const outcome: ApplyOutcome = { written: {}, failures: [], noticesSent: 0, deliveryFailures: [] };
  const ids = new Map<string, string | undefined>();
  const refused = new Set<string>();
  // The email notices' rows, to write again with their outcome: positions in the notice rows.
  const emailRows = new Map<string, number>();
  let noticeRows: RowList = [];
  for (const [schema, rows] of work.rows) {
    const result = await store.upsert(schema, rows);
    outcome.written[schema.object] = {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      failed: result.failures.length,
    };
    outcome.failures.push(...result.failures.map((failure) => ({ ...failure, object: schema.object })));
    if (schema === DUNNING_NOTICE) {
      noticeRows = rows;
      for (let position = 0; position < rows.length; position++) {
        const key = rows.at(position)?.Idempotency_Key__c ?? '';
        ids.set(key, result.ids[position]);
        if (work.emailKeys.has(key)) emailRows.set(key, position);
      }
      for (const failure of result.failures) refused.add(failure.key);
    }
    // Written: the rows are not needed any more (but the email notices', in noticeRows).
    work.rows.delete(schema);
  }

  const deliveries = new Map<string, Delivery>();
  if (store.deliverNotices && work.emailKeys.size > 0) {
    const final = new PackedRows();
    // Composed and handed over in chunks: holding every composed body of a large night at once
    // would cost gigabytes. Targets batch their sends further (the org: 100 a request).
    for (const chunk of work.emails(DELIVERY_CHUNK)) {
      const sendable = chunk.filter((notice) => !refused.has(notice.key) && ids.get(notice.key) !== undefined);
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
        asOf,
      );
      sendable.forEach((notice, index) =>
        deliveries.set(notice.key, results[index] ?? { outcome: 'Unconfirmed', detail: 'no answer' }),
      );
      for (const notice of chunk) {
        const delivery = deliveries.get(notice.key) ?? {
          outcome: 'Failed',
          detail: 'the notice record could not be written, so it was not sent',
        };
        deliveries.set(notice.key, delivery);
        if (refused.has(notice.key)) continue;
        const position = emailRows.get(notice.key);
        const row = position === undefined ? undefined : noticeRows.at(position);
        const record = recordFor(notice, asOf, undefined);
        if (row && record) final.add({ ...row, ...deliveryFields(record, delivery) });
      }
    }
    const result = await store.upsert(DUNNING_NOTICE, final);
    outcome.failures.push(...result.failures.map((failure) => ({ ...failure, object: DUNNING_NOTICE.object })));
  } else {
    const detail = cannotSend(store) ?? 'not sent';
    for (const key of work.emailKeys) deliveries.set(key, { outcome: 'Failed', detail });
  }
  for (const [key, delivery] of deliveries) {
    if (delivery.outcome === 'Accepted') outcome.noticesSent++;
    else outcome.deliveryFailures.push({ key, detail: `${delivery.outcome}: ${delivery.detail}` });
  }
  return outcome;
}

/** Email notices of earlier nights that were handed over but never confirmed: a person must check them. */
export function unconfirmedNotices(notices: Iterable<NoticeRecord>, asOf: Day): string[] {
  const emailActions = new Set(['Courtesy_Reminder', 'Reminder', 'Suspension_Warning']);
  const keys: string[] = [];
  for (const n of notices) if (n.status === 'Planned' && emailActions.has(n.action) && n.asOf < asOf) keys.push(n.key);
  // Sorted: the order must not depend on how the notices were held.
  return keys.sort();
}

/** What a night planned, counted: enough for the run log and the printed plan. */
export interface NightSummary {
  asOf: Day;
  actions: number;
  cases: number;
  suspensions: number;
  referrals: number;
  counts: PlanCount[];
}

export function summarize(plan: DayPlan): NightSummary {
  return addToSummary(emptySummary(plan.asOf), plan);
}

function emptySummary(asOf: Day): NightSummary {
  return { asOf, actions: 0, cases: 0, suspensions: 0, referrals: 0, counts: [] };
}

function addToSummary(summary: NightSummary, plan: DayPlan): NightSummary {
  const counts = new Map(summary.counts.map((c) => [`${c.action}\u0000${c.currency}`, { ...c }]));
  for (const c of countPlan(plan)) {
    const key = `${c.action}\u0000${c.currency}`;
    const entry = counts.get(key);
    if (entry) entry.count += c.count;
    else counts.set(key, { ...c });
  }
  const kinds = (kind: Action['kind']): number => plan.actions.filter((action) => action.kind === kind).length;
  return {
    asOf: summary.asOf,
    actions: summary.actions + plan.actions.length,
    cases: summary.cases + plan.cases.length,
    suspensions: summary.suspensions + kinds('suspend'),
    referrals: summary.referrals + kinds('write-off-referral') + kinds('small-balance-write-off'),
    counts: [...counts.values()].sort(
      (a, b) => a.action.localeCompare(b.action) || a.currency.localeCompare(b.currency),
    ),
  };
}

/** Customers decided and turned into records at a time: bounds the memory of a large night. */
export const CUSTOMERS_PER_SHARD = 5000;

export interface NightOutcome {
  summary: NightSummary;
  /** every action, when asked for (a large night's actions take memory in proportion) */
  actions: Action[];
  applied: ApplyOutcome | null;
  /** email notices of earlier nights handed over but never confirmed (see unconfirmedNotices) */
  unconfirmed: string[];
}

export interface NightOptions {
  apply: boolean;
  keepActions: boolean;
  customersPerShard?: number;
  /** called once the whole night is planned, before anything is written or sent */
  onPlanned?: (summary: NightSummary) => void;
}

/**
 * Reads the portfolio, plans the night and, with `apply`, carries it out (as applyDayPlan does), a
 * shard of customers at a time: the ledger is held as columns (nightLedger.ts) and each shard's
 * customers are made objects only while they are decided; each shard's actions become packed rows
 * and spilled emails before the next shard is decided, so the memory a night needs beyond the
 * ledger does not grow with the night, and the ledger itself is let go once the night is planned,
 * before anything is written. The records are still written in one upsert per object, and the
 * emails sent after all of them.
 */
export async function runNight(
  store: CollectionsStore,
  policy: CollectionsPolicy,
  asOf: Day,
  options: NightOptions,
): Promise<NightOutcome> {
  const planned = await planNight(store, policy, asOf, options);
  try {
    options.onPlanned?.(planned.summary);
    const applied = planned.work ? await applyNight(store, policy, planned.names, asOf, planned.work) : null;
    return { summary: planned.summary, actions: planned.actions, applied, unconfirmed: planned.unconfirmed };
  } finally {
    planned.work?.dispose();
  }
}

/**
 * The planning half of runNight: the only place that holds the whole portfolio, as a NightLedger
 * (columns for the tables that grow with the ledger), from which each shard's customers are
 * built as a Portfolio of their own and decided.
 */
async function planNight(store: CollectionsStore, policy: CollectionsPolicy, asOf: Day, options: NightOptions) {
  const ledger = await NightLedger.load(store, policy.corporateCurrency);
  let summary = emptySummary(asOf);
  const actions: Action[] = [];
  const work = options.apply ? new NightWork(cannotSend(store)) : null;
  try {
    const perShard = options.customersPerShard ?? CUSTOMERS_PER_SHARD;
    const customers = ledger.accountCustomers();
    for (let start = 0; start < customers.length; start += perShard) {
      const slice = ledger.slice(customers.slice(start, start + perShard));
      // One shard: the slice holds these customers only.
      for (const shard of planDayInShards(slice, policy, asOf, Number.POSITIVE_INFINITY, options.apply)) {
        summary = addToSummary(summary, shard);
        if (options.keepActions) actions.push(...shard.actions);
        work?.add(slice, shard, shard.invoiceUpdates);
      }
    }
  } catch (error) {
    work?.dispose();
    throw error;
  }
  return {
    summary,
    actions,
    work,
    names: work ? ledger.customerNames() : new Map<string, string>(),
    unconfirmed: unconfirmedNotices(ledger.allNotices(), asOf),
  };
}

/** The Collections_Run__c record of one run. */
export function runLogRow(
  mode: 'Plan' | 'Apply',
  started: Date,
  finished: Date,
  summary: NightSummary,
  applied: ApplyOutcome | null,
  requests: number,
): Record<string, string> {
  const failed = applied ? applied.failures.length + applied.deliveryFailures.length : 0;
  const asOf = summary.asOf;
  return {
    Run_Key__c: `${formatDay(asOf)}|${mode}|${started.toISOString()}`,
    As_Of_Date__c: formatDay(asOf),
    Mode__c: mode,
    Outcome__c: failed === 0 ? 'Succeeded' : 'Partially_Succeeded',
    Started_At__c: started.toISOString(),
    Finished_At__c: finished.toISOString(),
    Actions_Planned__c: String(summary.actions),
    Actions_Applied__c: String(applied ? summary.actions - failed : 0),
    Actions_Failed__c: String(failed),
    Notices_Sent__c: String(applied?.noticesSent ?? 0),
    Suspensions__c: String(summary.suspensions),
    Referrals__c: String(summary.referrals),
    Cases_Refreshed__c: String(summary.cases),
    API_Requests__c: String(requests),
    Summary__c: JSON.stringify(summary.counts).slice(0, 131072),
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
