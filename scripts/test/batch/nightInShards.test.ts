/**
 * A night decided and written a shard of customers at a time is the same night as one decided
 * whole: the same actions, the same records, the same emails. Checked on a snapshot with history
 * (sixty simulated nights of the demo: cases, notices, promises, disputes, plans), whose next
 * night is then carried out both ways.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyDayPlan, runNight, summarize } from '../../src/batch/nightlyRun';
import { NoticeSpill } from '../../src/batch/noticeSpill';
import { parseDay } from '../../src/domain/calendar';
import { planDay, planDayInShards } from '../../src/domain/engine/planDay';
import type { CollectionsPolicy } from '../../src/domain/policy';
import type { Portfolio } from '../../src/domain/portfolio';
import { simulateDemo } from '../../src/demo/simulateDemo';
import { parseCsv } from '../../src/records/csv';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { PROJECT_DIR } from '../commandIO';

const NEXT_NIGHT = parseDay('2026-06-01');
let root: string;
let seeded: string;
let policy: CollectionsPolicy;
let portfolio: Portfolio;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'collections-shards-'));
  seeded = join(root, 'seeded');
  await simulateDemo({
    dir: seeded,
    projectDir: PROJECT_DIR,
    seed: 11,
    accounts: 150,
    invoicesPerAccount: 6,
    start: parseDay('2026-04-02'),
    end: NEXT_NIGHT - 1,
  });
  const store = new SnapshotStore(seeded, PROJECT_DIR);
  policy = await store.loadPolicy();
  portfolio = await portfolioFromStore(store, policy.corporateCurrency);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every CSV of a snapshot as sorted lines, and every outbox file with its content. */
function contentOf(dir: string): Record<string, string[]> {
  const content: Record<string, string[]> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.csv') && n !== 'Collections_Run__c.csv')) {
    const rows = parseCsv(readFileSync(join(dir, name), 'utf8'), name);
    content[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  const outbox = join(dir, 'outbox');
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else content[path.slice(dir.length)] = [readFileSync(path, 'utf8')];
    }
  };
  walk(outbox);
  return content;
}

test('the shards together are the day planned whole, for any shard size', () => {
  let actions = 0;
  for (let day = NEXT_NIGHT; day < NEXT_NIGHT + 30; day += 3) {
    const whole = planDay(portfolio, policy, day);
    actions += whole.actions.length;
    for (const size of [1, 7, 1000]) {
      const shards = [...planDayInShards(portfolio, policy, day, size)];
      expect(shards.flatMap((shard) => shard.actions)).toEqual(whole.actions);
      const caseKeys = shards.flatMap((shard) => shard.cases).map((c) => c.caseKey);
      expect(caseKeys.sort()).toEqual(whole.cases.map((c) => c.caseKey).sort());
    }
  }
  expect(actions).toBeGreaterThan(100);
});

test('a night carried out in shards writes the same records and sends the same emails', async () => {
  const whole = join(root, 'whole');
  const sharded = join(root, 'sharded');
  cpSync(seeded, whole, { recursive: true });
  cpSync(seeded, sharded, { recursive: true });

  const plan = planDay(portfolio, policy, NEXT_NIGHT);
  const one = await applyDayPlan(new SnapshotStore(whole, PROJECT_DIR), policy, portfolio, plan);
  const night = await runNight(new SnapshotStore(sharded, PROJECT_DIR), policy, NEXT_NIGHT, {
    apply: true,
    keepActions: true,
    customersPerShard: 7,
  });

  expect(one.noticesSent).toBeGreaterThan(0);
  expect(night.applied).toEqual(one);
  expect(night.actions).toEqual(plan.actions);
  expect(night.summary).toEqual(summarize(plan));
  expect(contentOf(sharded)).toEqual(contentOf(whole));
});

test('without --json a night keeps no actions, only their counts', async () => {
  const night = await runNight(new SnapshotStore(seeded, PROJECT_DIR), policy, NEXT_NIGHT, {
    apply: false,
    keepActions: false,
    customersPerShard: 5,
  });
  expect(night.actions).toEqual([]);
  expect(night.applied).toBeNull();
  expect(night.summary).toEqual(summarize(planDay(portfolio, policy, NEXT_NIGHT)));
});

test('spilled notices come back exactly, amounts included, in order and in chunks', async () => {
  const plan = planDay(portfolio, policy, NEXT_NIGHT);
  const notices = plan.actions.filter((action) => action.kind === 'notice');
  const spill = new NoticeSpill();
  try {
    spill.write(notices.slice(0, 3));
    spill.write(notices.slice(3));
    const chunks = [];
    for (const chunk of spill.read(4)) chunks.push(chunk);
    expect(chunks.every((chunk) => chunk.length <= 4)).toBe(true);
    expect(chunks.flat()).toEqual(notices);
  } finally {
    spill.dispose();
  }
});
