/**
 * Benchmark: how long the engine takes to decide one day, and how that grows with the number of
 * invoices. Run: npm run bench -w scripts (or: npx tsx bench/engine.ts 10000 100000 1000000).
 * Prints a Markdown table for BENCHMARKS.md. Figures, not assertions: nothing here can fail a build.
 */
import { parseDay } from '../src/domain/calendar';
import { planDay } from '../src/domain/engine/planDay';
import { portfolioKpis } from '../src/domain/kpis';
import { indexApplications } from '../src/domain/ledger';
import { loadSourcePolicy } from '../src/snapshot/sourcePolicy';
import { generatePortfolio } from '../src/synthetic/generatePortfolio';
import { resolve } from 'node:path';

const INVOICES_PER_ACCOUNT = 10;
const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
const policy = loadSourcePolicy(resolve(__dirname, '..', '..'));
const asOf = parseDay('2026-11-22');

function mib(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)}`;
}

console.log(
  `Engine benchmark, Node ${process.version}, as of 2026-11-22, ${INVOICES_PER_ACCOUNT} invoices per account`,
);
console.log('');
console.log(
  '| open invoices | partial payments | actions | cases | planDay (s) | µs per invoice | KPIs (s) | heap after (MiB) | RSS peak (MiB) |',
);
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const size of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
  // Every invoice open (half of them partly paid): the "1,000,000 open invoices".
  const portfolio = generatePortfolio({
    seed: 42,
    accounts: Math.ceil(size / INVOICES_PER_ACCOUNT),
    invoicesPerAccount: INVOICES_PER_ACCOUNT,
    asOf,
    historyDays: 180,
    allOpen: true,
  });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = process.hrtime.bigint();
  const plan = planDay(portfolio, policy, asOf);
  const planned = process.hrtime.bigint();
  portfolioKpis(portfolio.invoices, indexApplications(portfolio.applications), asOf);
  const measured = process.hrtime.bigint();
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const planSeconds = Number(planned - started) / 1e9;
  const kpiSeconds = Number(measured - planned) / 1e9;
  console.log(
    `| ${size.toLocaleString('en-US')} | ${portfolio.applications.length.toLocaleString('en-US')} | ${plan.actions.length.toLocaleString('en-US')} | ${plan.cases.length.toLocaleString('en-US')} | ${planSeconds.toFixed(2)} | ${((planSeconds * 1e6) / size).toFixed(2)} | ${kpiSeconds.toFixed(2)} | ${mib(process.memoryUsage().heapUsed)} | ${mib(peak)} |`,
  );
}
