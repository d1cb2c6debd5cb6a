/**
 * What carrying out a day's plan does to the portfolio, as data: notices upserted by key, cases
 * opened, refreshed and closed, accounts suspended and lifted, promises and plans given their
 * outcome. The local snapshot applies plans with this; the org adapter writes the same changes as
 * records. Pure: returns a new portfolio and leaves the given one untouched.
 */
import type { Day } from '../calendar';
import type {
  Account,
  CollectionCase,
  CollectionsStatus,
  NoticeAction as RecordAction,
  NoticeRecord,
  NoticeStatus,
  Portfolio,
} from '../portfolio';
import type { Action, DayPlan } from './actions';

/** The Dunning_Notice__c record an action leaves once carried out (null for outcome-only actions). */
export function recordFor(action: Action, day: Day, previous: NoticeRecord | undefined): NoticeRecord | null {
  const base = {
    key: action.key,
    customerNumber: action.customerNumber,
    currency: action.currency ?? '',
    caseKey: action.caseKey,
    asOf: previous?.asOf ?? day,
  };
  const sent = (
    action: RecordAction,
    step: string | null,
    level: number | null,
    invoiceNumbers: string[],
  ): NoticeRecord => ({
    ...base,
    action,
    step,
    level,
    status: 'Sent',
    sentDate: day,
    invoiceNumbers,
  });
  switch (action.kind) {
    case 'notice': {
      const invoices = action.lines.map((line) => line.invoiceNumber);
      const record = sent(action.noticeAction, action.step, action.level, invoices);
      return action.delivery === 'send' ? record : { ...record, status: 'Pending_Approval', sentDate: null };
    }
    case 'call-task':
      return sent(
        'Call_Task',
        action.step,
        null,
        action.lines.map((line) => line.invoiceNumber),
      );
    case 'suspend':
      return sent('Suspension', action.step, null, []);
    case 'lift-suspension':
      return sent('Suspension_Lift', null, null, []);
    case 'write-off-referral': {
      const record = sent('Write_Off_Referral', action.step, null, action.invoiceNumbers);
      return action.delivery === 'hand-off' ? record : { ...record, status: 'Pending_Approval', sentDate: null };
    }
    case 'small-balance-write-off':
      return {
        ...sent('Small_Balance_Write_Off', null, null, action.invoiceNumbers),
        status: 'Planned',
        sentDate: null,
      };
    case 'escalate':
      return sent('Escalation', null, null, []);
    case 'promise-outcome':
    case 'plan-status':
      return null;
  }
}

function accountAfter(account: Account, actions: readonly Action[], day: Day, hasOpenCase: boolean): Account {
  let next = { ...account };
  for (const action of actions) {
    if (action.kind === 'suspend') next = { ...next, status: 'Suspended', suspensionDate: day };
    else if (action.kind === 'lift-suspension') next = { ...next, status: hasOpenCase ? 'In_Collections' : 'Current' };
    else if (action.kind === 'write-off-referral' && action.delivery === 'hand-off')
      next = { ...next, status: 'Referred_To_Write_Off' };
    else if (action.kind === 'notice' && action.noticeAction === 'Suspension_Warning' && action.delivery === 'send') {
      // A warning from another currency's case never takes back a suspension or a referral:
      // the account would no longer read as suspended, and the next night would suspend it again.
      next = {
        ...next,
        status:
          next.status === 'Suspended' || next.status === 'Referred_To_Write_Off' ? next.status : 'Suspension_Warning',
        suspensionWarningDate: day,
      };
    }
  }
  const standing: CollectionsStatus[] = ['Suspension_Warning', 'Suspended', 'Referred_To_Write_Off'];
  if (!standing.includes(next.status)) next = { ...next, status: hasOpenCase ? 'In_Collections' : 'Current' };
  return next;
}

export function applyPlan(portfolio: Portfolio, plan: DayPlan): Portfolio {
  const day = plan.asOf;
  const notices = new Map(portfolio.notices.map((notice) => [notice.key, notice]));
  for (const action of plan.actions) {
    const record = recordFor(action, day, notices.get(action.key));
    if (record) notices.set(record.key, record);
  }

  const cases = new Map(portfolio.cases.map((collectionCase) => [collectionCase.caseKey, collectionCase]));
  for (const refresh of plan.cases) {
    const updated: CollectionCase = {
      caseKey: refresh.caseKey,
      customerNumber: refresh.customerNumber,
      currency: refresh.currency,
      openedDate: refresh.openedDate,
      status: refresh.status,
      closedDate: refresh.closedDate,
    };
    cases.set(refresh.caseKey, updated);
  }
  const customersWithOpenCase = new Set(
    [...cases.values()].filter((c) => c.status !== 'Closed').map((c) => c.customerNumber),
  );

  const byCustomer = new Map<string, Action[]>();
  for (const action of plan.actions)
    byCustomer.set(action.customerNumber, [...(byCustomer.get(action.customerNumber) ?? []), action]);
  const outcomes = new Map(
    plan.actions.flatMap((a) => (a.kind === 'promise-outcome' ? [[a.promiseId, a.outcome] as const] : [])),
  );
  const planStatuses = new Map(
    plan.actions.flatMap((a) => (a.kind === 'plan-status' ? [[a.planId, a.status] as const] : [])),
  );

  return {
    ...portfolio,
    notices: [...notices.values()],
    cases: [...cases.values()],
    accounts: portfolio.accounts.map((account) =>
      accountAfter(
        account,
        byCustomer.get(account.customerNumber) ?? [],
        day,
        customersWithOpenCase.has(account.customerNumber),
      ),
    ),
    promises: portfolio.promises.map((promise) => {
      const outcome = outcomes.get(promise.id);
      return outcome ? { ...promise, status: outcome } : promise;
    }),
    plans: portfolio.plans.map((p) => {
      const status = planStatuses.get(p.id);
      return status ? { ...p, status } : p;
    }),
  };
}

/** A manager's decision on pending approvals, for simulations: approve or reject by key. */
export function decideApprovals(
  portfolio: Portfolio,
  decide: (notice: NoticeRecord) => 'Approved' | 'Rejected' | null,
): Portfolio {
  return {
    ...portfolio,
    notices: portfolio.notices.map((notice) => {
      if (notice.status !== 'Pending_Approval') return notice;
      const decision = decide(notice);
      return decision ? { ...notice, status: decision as NoticeStatus } : notice;
    }),
  };
}
