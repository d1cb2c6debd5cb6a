/**
 * Notices emailed by the org through the Simple Email action: 100 inputs a request, each email
 * logged on its Dunning_Notice__c record; per-input failures kept with Salesforce's code and
 * message; a request whose answer was lost leaves its emails Unconfirmed and is never sent again,
 * while a 503 (not processed) is retried; and the whole `run --apply` path sends each notice once.
 */
import { applyDayPlan } from '../../src/batch/nightlyRun';
import { CollectionsError, EXIT } from '../../src/cli/errors';
import { parseDay } from '../../src/domain/calendar';
import type { NoticeAction } from '../../src/domain/engine/actions';
import { planDay } from '../../src/domain/engine/planDay';
import { zero } from '../../src/domain/money';
import type { OrgStoreTuning } from '../../src/org/orgStore';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import { ledgerRows } from '../../src/records/portfolioRecords';
import { readCustomMetadataRecords } from '../../src/snapshot/customMetadataFiles';
import type { OutgoingNotice } from '../../src/store/store';
import { generatePortfolio } from '../../src/synthetic/generatePortfolio';
import type { FakeOrg } from './fakeOrg';
import { customer } from './fixtures';
import { PROJECT_DIR, startFakeOrg, storeFor, useTemporaryHome } from './harness';

useTemporaryHome();

const AS_OF = parseDay('2026-11-22');
const EMAIL_SIMPLE = /\/actions\/standard\/emailSimple$/;

let org: FakeOrg;
beforeEach(async () => {
  org = await startFakeOrg();
});
afterEach(async () => {
  expect(org.unhandled).toEqual([]);
  expect(org.faults.unspent()).toEqual([]);
  await org.close();
});

function noticeAction(n: number, recipient: string | null): NoticeAction {
  const none = zero('USD');
  return {
    kind: 'notice',
    key: `${customer(n)}|USD|Reminder_1`,
    customerNumber: customer(n),
    currency: 'USD',
    caseKey: null,
    reason: 'test notice',
    noticeAction: 'Reminder',
    step: 'Reminder_1',
    level: 1,
    delivery: 'send',
    channel: 'Email',
    template: null,
    language: 'en_US',
    recipient,
    lines: [],
    credits: [],
    unappliedCash: none,
    overdue: none,
    netDue: none,
    paymentInstruction: null,
  };
}

/** Notices `first`..`first + count - 1`, each with its Dunning_Notice__c record in the org. */
function outgoing(
  count: number,
  recipient: (n: number) => string | null = (n) => `ap+${n}@customer.example`,
  first = 1,
) {
  const actions = Array.from({ length: count }, (_, i) => noticeAction(first + i, recipient(first + i)));
  const ids = org.seed(
    'Dunning_Notice__c',
    actions.map((action) => ({ Idempotency_Key__c: action.key, Status__c: 'Planned' })),
  );
  return actions.map((notice, i): OutgoingNotice => ({
    notice,
    composed: {
      subject: `Payment reminder ${first + i}`,
      text: `Please pay, ${first + i}.`,
      html: `<p>Please pay, <b>${first + i}</b>.</p>`,
    },
    recordId: ids[i],
  }));
}

async function deliver(items: readonly OutgoingNotice[], tuning: OrgStoreTuning = {}) {
  const { store, sleeps } = await storeFor(org, tuning);
  const deliveries = await store.deliverNotices(items, AS_OF);
  return { store, sleeps, deliveries };
}

/** How many emails the org holds per record. */
function emailsPerRecord(): Map<string | null, number> {
  const counts = new Map<string | null, number>();
  for (const email of org.emails) counts.set(email.recordId, (counts.get(email.recordId) ?? 0) + 1);
  return counts;
}

describe('sending', () => {
  test('250 notices go out in 3 requests; each email is sent once, logged on its record', async () => {
    const items = outgoing(250);
    const { store, deliveries } = await deliver(items);
    expect(deliveries).toHaveLength(250);
    expect(deliveries.every((delivery) => delivery.outcome === 'Accepted')).toBe(true);
    expect(deliveries[0]?.detail).toContain('ap+1@customer.example');
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(3);
    // and one read of the Limits resource for the day's email allowance
    expect(store.usage().requests).toBe(4);
    expect(org.emails).toHaveLength(250);
    items.forEach((item, i) => {
      const logged = org.emailsOn(item.recordId ?? '');
      expect(logged).toEqual([
        {
          recordId: item.recordId,
          to: `ap+${i + 1}@customer.example`,
          subject: item.composed.subject,
          body: item.composed.html,
          richBody: true,
          senderType: undefined,
          senderAddress: undefined,
        },
      ]);
    });
  });

  test('a batch size above 100 still sends at most 100 inputs a request', async () => {
    const { deliveries } = await deliver(outgoing(150), { emailBatchSize: 500 });
    expect(deliveries.every((delivery) => delivery.outcome === 'Accepted')).toBe(true);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(2);
  });

  test('a bad address comes back Failed with its message; the others are Accepted', async () => {
    const items = outgoing(5, (n) => (n === 3 ? 'not-an-address' : `ap+${n}@customer.example`));
    const { deliveries } = await deliver(items);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual([
      'Accepted',
      'Accepted',
      'Failed',
      'Accepted',
      'Accepted',
    ]);
    expect(deliveries[2]?.detail).toBe('INVALID_EMAIL_ADDRESS: Email address is invalid: not-an-address');
    expect(org.emails.map((email) => email.to)).toEqual([1, 2, 4, 5].map((n) => `ap+${n}@customer.example`));
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(1);
  });

  test('a notice without a recipient or without a record fails without a call', async () => {
    const items = outgoing(2, () => null);
    const noRecord = outgoing(1, undefined, 3).map((item) => ({ ...item, recordId: undefined }));
    const { deliveries } = await deliver([...items, ...noRecord]);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['Failed', 'Failed', 'Failed']);
    expect(deliveries[0]?.detail).toMatch(/no billing email/);
    expect(deliveries[2]?.detail).toMatch(/no record in the org/);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(0);
    expect(org.emails).toEqual([]);
  });

  test('a record the org does not know is refused for that email alone', async () => {
    const items = outgoing(3);
    const unknown = { ...(items[1] as OutgoingNotice), recordId: 'a05000000000999AAA' };
    const { deliveries } = await deliver([items[0] as OutgoingNotice, unknown, items[2] as OutgoingNotice]);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['Accepted', 'Failed', 'Accepted']);
    expect(deliveries[1]?.detail).toBe('INVALID_CROSS_REFERENCE_KEY: invalid cross reference id: a05000000000999AAA');
    expect(org.emails).toHaveLength(2);
  });

  test('when every email of a request fails, each still gets its own result', async () => {
    const { deliveries } = await deliver(outgoing(2, (n) => `bad${n}`));
    expect(deliveries.map((delivery) => delivery.detail)).toEqual([
      'INVALID_EMAIL_ADDRESS: Email address is invalid: bad1',
      'INVALID_EMAIL_ADDRESS: Email address is invalid: bad2',
    ]);
  });

  test('the sender is configurable: an organization-wide address', async () => {
    await deliver(outgoing(2), {
      emailSender: { type: 'OrgWideEmailAddress', address: 'receivables@company.example' },
    });
    expect(org.emails.map((email) => [email.senderType, email.senderAddress])).toEqual([
      ['OrgWideEmailAddress', 'receivables@company.example'],
      ['OrgWideEmailAddress', 'receivables@company.example'],
    ]);
  });
});

describe('faults: an email is never sent twice', () => {
  test('a connection dropped after processing leaves that whole request Unconfirmed, not retried', async () => {
    org.addRequestFault({ method: 'POST', path: EMAIL_SIMPLE, skip: 1, action: 'drop-after' });
    const items = outgoing(250);
    const { deliveries, sleeps } = await deliver(items);
    const outcomes = deliveries.map((delivery) => delivery.outcome);
    expect(outcomes.slice(0, 100).every((outcome) => outcome === 'Accepted')).toBe(true);
    expect(outcomes.slice(100, 200).every((outcome) => outcome === 'Unconfirmed')).toBe(true);
    expect(outcomes.slice(200).every((outcome) => outcome === 'Accepted')).toBe(true);
    expect(deliveries[150]?.detail).toMatch(/may have been sent/);
    // The org did send them: exactly once each, the request was not sent again.
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(3);
    expect(sleeps).toEqual([]);
    expect(org.emails).toHaveLength(250);
    const perRecord = emailsPerRecord();
    expect(items.every((item) => perRecord.get(item.recordId ?? '') === 1)).toBe(true);
  });

  test('a request that times out is Unconfirmed and not sent again', async () => {
    org.addRequestFault({ method: 'POST', path: EMAIL_SIMPLE, action: 'hang' });
    const { deliveries } = await deliver(outgoing(3), { requestTimeoutMs: 300 });
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['Unconfirmed', 'Unconfirmed', 'Unconfirmed']);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(1);
  });

  test('a 503 before processing is retried, and each email is sent once', async () => {
    org.addRequestFault({ method: 'POST', path: EMAIL_SIMPLE, action: 'status-503' });
    const items = outgoing(120);
    const { deliveries, sleeps } = await deliver(items);
    expect(deliveries.every((delivery) => delivery.outcome === 'Accepted')).toBe(true);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(3);
    expect(sleeps).toEqual([750]);
    expect(org.emails).toHaveLength(120);
    expect([...emailsPerRecord().values()].every((count) => count === 1)).toBe(true);
  });

  test('a 504 from a gateway is not retried: the org may have sent the emails', async () => {
    org.addRequestFault({ method: 'POST', path: EMAIL_SIMPLE, action: 'status-504-after' });
    const { deliveries, sleeps } = await deliver(outgoing(2));
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['Unconfirmed', 'Unconfirmed']);
    expect(deliveries[0]?.detail).toMatch(/HTTP 504/);
    expect(sleeps).toEqual([]);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(1);
    expect(org.emails).toHaveLength(2);
  });

  test('the daily API limit stops sending cleanly and says how many went out', async () => {
    org.exhaustApiLimitAfter(2); // the Limits read, then one request of emails
    const { store } = await storeFor(org);
    const error = await store.deliverNotices(outgoing(250), AS_OF).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CollectionsError);
    expect((error as CollectionsError).code).toBe('ApiLimitReached');
    expect((error as CollectionsError).exitCode).toBe(EXIT.limit);
    expect((error as CollectionsError).message).toMatch(/accepted 100 of 250 emails/);
    expect(org.emails).toHaveLength(100);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(2);
  });
});

describe("the org's daily single-email allowance", () => {
  test('emails beyond what the org can still send today are not attempted; they fail with the reason', async () => {
    org.singleEmail = { used: 4900, max: 5000 };
    const items = outgoing(250);
    const { deliveries } = await deliver(items);

    expect(deliveries.filter((d) => d.outcome === 'Accepted')).toHaveLength(100);
    expect(deliveries.slice(100).every((d) => d.outcome === 'Failed')).toBe(true);
    expect(deliveries[100]?.detail).toMatch(/daily single-email limit is used up; it goes out on the next run/);
    expect(org.emails.map((email) => email.recordId)).toEqual(items.slice(0, 100).map((item) => item.recordId));
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(1);
  });

  test('the allowance is read once per run and counted down across the batches of a night', async () => {
    org.singleEmail = { used: 4850, max: 5000 };
    const { store } = await storeFor(org);
    const first = await store.deliverNotices(outgoing(100), AS_OF);
    const second = await store.deliverNotices(outgoing(100, undefined, 101), AS_OF);

    expect(first.every((d) => d.outcome === 'Accepted')).toBe(true);
    expect(second.filter((d) => d.outcome === 'Accepted')).toHaveLength(50);
    expect(org.emails).toHaveLength(150);
    expect(org.countRequests('GET', /\/limits\/?$/)).toBe(1);
  });
});

/** A small portfolio in the org, as `collections run` finds it, and tonight's plan. */
async function seededNight() {
  org.seedCustomMetadata(readCustomMetadataRecords(PROJECT_DIR, ['force-app']));
  const portfolio = generatePortfolio({
    seed: 7,
    accounts: 30,
    invoicesPerAccount: 4,
    asOf: AS_OF,
    historyDays: 120,
    allOpen: true,
  });
  // The local org has no users: the accounts' collectors are left out.
  for (const [schema, rows] of ledgerRows(portfolio)) {
    org.seed(
      schema.object,
      rows.map(({ ['Collector__r.Username']: _collector, ...row }) => row),
    );
  }
  const { store } = await storeFor(org);
  const policy = await store.loadPolicy();
  const before = await portfolioFromStore(store, policy.corporateCurrency);
  const plan = planDay(before, policy, AS_OF);
  const emails = plan.actions.filter(
    (action): action is NoticeAction =>
      action.kind === 'notice' && action.delivery === 'send' && action.channel === 'Email',
  );
  return { store, policy, before, plan, emails };
}

describe('run --apply against the org', () => {
  test('every email notice is sent once, recorded Sent and Accepted; a rerun sends nothing more', async () => {
    const { store, policy, before, plan, emails } = await seededNight();
    expect(emails.length).toBeGreaterThan(5);
    const outcome = await applyDayPlan(store, policy, before, plan);
    expect(outcome.failures).toEqual([]);
    expect(outcome.deliveryFailures).toEqual([]);
    expect(outcome.noticesSent).toBe(emails.length);

    const records = new Map(
      org
        .rows('Dunning_Notice__c', ['Id', 'Idempotency_Key__c', 'Status__c', 'Delivery_Outcome__c'])
        .map((row) => [row.Idempotency_Key__c, row]),
    );
    for (const notice of emails) {
      const record = records.get(notice.key);
      expect(record).toMatchObject({ Status__c: 'Sent', Delivery_Outcome__c: 'Accepted' });
      expect(org.emailsOn(record?.Id ?? '')).toEqual([
        expect.objectContaining({ to: notice.recipient, richBody: true }),
      ]);
    }
    expect(org.emails).toHaveLength(emails.length);
    expect(org.countRequests('POST', EMAIL_SIMPLE)).toBe(Math.ceil(emails.length / 100));

    // The same night again: the notices are recorded as sent, nothing goes out twice.
    const after = await portfolioFromStore(store, policy.corporateCurrency);
    const rerun = await applyDayPlan(store, policy, after, planDay(after, policy, AS_OF));
    expect(rerun.noticesSent).toBe(0);
    expect(rerun.deliveryFailures).toEqual([]);
    expect(org.emails).toHaveLength(emails.length);
  });

  // A first night on a fresh org: the Planned notices name cases that did not exist before tonight,
  // which the org refuses unless the cases are written first (INVALID_FIELD: Foreign key external ID).
  test('a first night on a fresh org: the cases are written before the notices, and every email goes out', async () => {
    const { store, policy, before, plan, emails } = await seededNight();
    const outcome = await applyDayPlan(store, policy, before, plan);
    expect(outcome.deliveryFailures).toEqual([]);
    expect(outcome.noticesSent).toBe(emails.length);
    expect(org.emails).toHaveLength(emails.length);
  });
});
