/**
 * End-to-end benchmark of `collections run` (issue 4). Figures, not assertions.
 *
 *   npx tsx bench/endToEnd.ts snapshot 1000000   the full run on a generated snapshot of N open
 *       invoices (10 per account), as a ratio to merely reading and parsing the same CSVs, with
 *       each phase's peak memory (each phase is its own process, so peaks do not mix)
 *   npx tsx bench/endToEnd.ts org 10000 100000   API requests of a full run --apply against the
 *       local Salesforce API server (the same one the tests use), per portfolio size
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDay } from '../src/domain/calendar';
import { readCsvFile } from '../src/records/csv';
import { ledgerRows, seedStore } from '../src/records/portfolioRecords';
import { SnapshotStore } from '../src/store/snapshotStore';
import { generatePortfolio } from '../src/synthetic/generatePortfolio';
import { applyDayPlan } from '../src/batch/nightlyRun';
import { runCommand } from '../src/cli/commands/run';
import { planDay } from '../src/domain/engine/planDay';
import { portfolioFromStore } from '../src/records/portfolioFromRecords';
import { readCustomMetadataRecords } from '../src/snapshot/customMetadataFiles';
import { startFakeOrg, storeFor } from '../test/org/harness';
import type { CommandIO } from '../src/cli/command';

const PROJECT_DIR = resolve(__dirname, '..', '..');
const AS_OF = '2026-11-22';
/** The night after: the snapshot then holds the first night's notices, cases and invoice fields. */
const NEXT_NIGHT = '2026-11-23';
const PER_ACCOUNT = 10;

function portfolioOf(invoices: number) {
  return generatePortfolio({
    seed: 42,
    accounts: Math.ceil(invoices / PER_ACCOUNT),
    invoicesPerAccount: PER_ACCOUNT,
    asOf: parseDay(AS_OF),
    historyDays: 180,
    allOpen: true,
  });
}

function quietIO(): CommandIO {
  return {
    log: () => undefined,
    error: () => undefined,
    cwd: tmpdir(),
    projectDir: PROJECT_DIR,
    now: () => new Date(),
    env: {},
  };
}

/** One phase in this process; prints one JSON line with its time and peak memory. */
async function phase(name: string, dir: string): Promise<void> {
  const started = process.hrtime.bigint();
  let detail = '';
  if (name === 'parse') {
    let rows = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
      for await (const record of readCsvFile(join(dir, file))) if (record.row) rows++;
    }
    detail = `${rows} rows`;
  } else {
    // As cron runs it: without --json, which would keep every action to print it.
    const asOf = name === 'next' ? NEXT_NIGHT : AS_OF;
    const outcome = await runCommand.run({ snapshot: dir, 'as-of': asOf, apply: name === 'apply' }, quietIO());
    const result = outcome.result as { counts: Array<{ count: number }>; cases: number };
    detail = `${result.counts.reduce((sum, c) => sum + c.count, 0)} actions, ${result.cases} cases`;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    JSON.stringify({ phase: name, seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), detail }),
  );
}

interface PhaseResult {
  phase: string;
  seconds: number;
  maxRssMiB: number;
  detail: string;
}

const ROUNDS = 3;

/** The run with the median time (its own peak memory with it). */
function median(results: PhaseResult[]): PhaseResult {
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const middle = sorted[Math.floor(sorted.length / 2)] as PhaseResult;
  const peaks = results.map((r) => r.maxRssMiB);
  return {
    ...middle,
    detail: `${middle.detail}; ${results.length} runs: ${results.map((r) => r.seconds.toFixed(2)).join(', ')} s, peak ${Math.min(...peaks)}-${Math.max(...peaks)} MiB`,
  };
}

function runPhase(name: string, dir: string): PhaseResult {
  const child = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), __filename, 'phase', name, dir], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  if (child.status !== 0) throw new Error(`phase ${name} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}');
}

async function snapshotBench(invoices: number): Promise<void> {
  const dir = join(tmpdir(), `collections-bench-${invoices}`);
  if (!existsSync(join(dir, 'Invoice__c.csv')) || existsSync(join(dir, 'Dunning_Notice__c.csv'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await seedStore(new SnapshotStore(dir, PROJECT_DIR), portfolioOf(invoices));
  }
  // Parsing and planning alternate, three times each, and the median of each counts: on a shared
  // machine one run can be 10% off the next.
  const parses: PhaseResult[] = [];
  const plans: PhaseResult[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    parses.push(runPhase('parse', dir));
    plans.push(runPhase('plan', dir));
  }
  const parse = median(parses);
  const plan = median(plans);
  // Last and once, as it changes the snapshot (a second run would find the night done).
  const apply = runPhase('apply', dir);
  // The next night planned on what the first left: a later night's load (the first night's
  // notices, cases and invoice fields) rather than a first night's; its ratio is to parsing the
  // snapshot as it is then, which has grown.
  const parseAfter = runPhase('parse', dir);
  const next = runPhase('next', dir);
  console.log(`Snapshot of ${invoices.toLocaleString('en-US')} open invoices (${dir}), Node ${process.version}`);
  console.log('| phase | seconds | ratio to parsing | peak RSS (MiB) | detail |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  const row = (p: PhaseResult, floor: PhaseResult, name = p.phase): void =>
    console.log(
      `| ${name} | ${p.seconds.toFixed(2)} | ${(p.seconds / floor.seconds).toFixed(2)} | ${p.maxRssMiB} | ${p.detail} |`,
    );
  for (const p of [parse, plan, apply]) row(p, parse);
  row(parseAfter, parseAfter, 'parse, after the first night');
  row(next, parseAfter, 'plan the next night');
}

async function orgBench(sizes: number[]): Promise<void> {
  // @salesforce/core writes its key file under the home directory (read when used): keep it out of the user's.
  const home = mkdtempSync(join(tmpdir(), 'collections-bench-home-'));
  process.env.HOME = home;
  mkdirSync(join(home, '.sfdx'), { recursive: true });
  writeFileSync(join(home, '.sfdx', 'alias.json'), JSON.stringify({ orgs: {} }));
  console.log(`API requests of a full run --apply against the local API server, as of ${AS_OF}`);
  console.log('| open invoices | requests: policy | requests: read | requests: write | total | actions written |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const size of sizes) {
    const org = await startFakeOrg({ queryPageSize: 50_000 });
    try {
      org.seedCustomMetadata(readCustomMetadataRecords(PROJECT_DIR, ['force-app']));
      // The local org has no users: the accounts' collectors are left out.
      for (const [schema, rows] of ledgerRows(portfolioOf(size))) {
        org.seed(
          schema.object,
          rows.map(({ ['Collector__r.Username']: _collector, ...row }) => row),
        );
      }
      const { store } = await storeFor(org);
      const policy = await store.loadPolicy();
      const afterPolicy = store.usage().requests;
      const portfolio = await portfolioFromStore(store, policy.corporateCurrency);
      const afterRead = store.usage().requests;
      const plan = planDay(portfolio, policy, parseDay(AS_OF));
      await applyDayPlan(store, policy, portfolio, plan);
      const total = store.usage().requests;
      console.log(
        `| ${size.toLocaleString('en-US')} | ${afterPolicy} | ${afterRead - afterPolicy} | ${total - afterRead} | ${total} | ${plan.actions.length.toLocaleString('en-US')} |`,
      );
    } finally {
      await org.close();
    }
  }
}

async function main(): Promise<void> {
  const [mode, ...args] = process.argv.slice(2);
  if (mode === 'phase') return phase(args[0] ?? '', args[1] ?? '');
  const sizes = args.map(Number).filter((n) => n > 0);
  if (mode === 'snapshot') for (const size of sizes.length > 0 ? sizes : [1_000_000]) await snapshotBench(size);
  else if (mode === 'org') await orgBench(sizes.length > 0 ? sizes : [10_000, 100_000]);
  else console.error('usage: tsx bench/endToEnd.ts snapshot [N...] | org [N...]');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
