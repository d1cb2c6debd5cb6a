/**
 * `collections demo` (also `npm start`): the whole product on a machine with no org and no data. A
 * deterministic synthetic portfolio goes into a fresh local snapshot and 120 nights of imports and
 * `run --apply` are simulated; then it says what happened and where the files are.
 */
import { isAbsolute, join, relative } from 'node:path';
import { CalendarError, formatDay, parseDay } from '../../domain/calendar';
import { simulateDemo } from '../../demo/simulateDemo';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandSpec, type FlagValues } from '../command';
import { EXIT, usageError } from '../errors';
import { handoffCommand } from './handoff';
import { reportCommand } from './report';

/** The demo ends on a fixed date by default, so that every machine tells the same story. */
export const DEMO_END = '2026-11-22';

function whole(flags: FlagValues, name: string, fallback: number, min: number, max: number): number {
  const text = stringFlag(flags, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max)
    throw usageError(`--${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  return value;
}

export const demoCommand: CommandSpec = {
  name: 'demo',
  summary: 'Generate a synthetic portfolio and simulate 120 nights of the collections cycle on a local snapshot.',
  description:
    "Needs no org and no data. Customers in the US, Canada, the Netherlands, Germany, Singapore and India, billed in\ntheir currencies, who pay on time, late, partly or never; some dispute, promise and break promises, negotiate plans\nand default. Each night imports the day's invoices and payments and runs the cycle with --apply; notices go to the\nsnapshot's outbox as .eml files. The same seed always tells the same story. The snapshot directory is emptied first\nif the demo wrote it; the demo refuses to touch a directory holding other data.",
  examples: ['collections demo', 'collections demo --days 30 --accounts 50 --dir /tmp/demo', 'collections demo --json'],
  flags: [
    {
      name: 'dir',
      type: 'string',
      valueName: 'dir',
      description: 'The snapshot directory to create. Default: .collections in the current directory.',
    },
    { name: 'days', type: 'string', valueName: 'n', description: 'Nights to simulate (1-400). Default: 120.' },
    {
      name: 'accounts',
      type: 'string',
      valueName: 'n',
      description: 'Customers to generate (1-100000). Default: 250.',
    },
    {
      name: 'invoices-per-account',
      type: 'string',
      valueName: 'n',
      description: 'Invoices per customer (1-100). Default: 12.',
    },
    { name: 'seed', type: 'string', valueName: 'n', description: 'The seed of the story. Default: 42.' },
    { name: 'end', type: 'string', valueName: 'YYYY-MM-DD', description: `The last night. Default: ${DEMO_END}.` },
    COMMON_FLAGS.json,
  ],
  async run(flags, io) {
    const dirFlag = stringFlag(flags, 'dir') ?? '.collections';
    const dir = isAbsolute(dirFlag) ? dirFlag : join(io.cwd, dirFlag);
    let end;
    try {
      end = parseDay(stringFlag(flags, 'end') ?? DEMO_END);
    } catch (error) {
      if (error instanceof CalendarError) throw usageError(`--end: ${error.message}`);
      throw error;
    }
    const days = whole(flags, 'days', 120, 1, 400);
    const json = booleanFlag(flags, 'json');
    const shown = relative(io.cwd, dir) || '.';
    if (!json) io.log(`Simulating ${days} nights on a new snapshot in ${shown} ...`);
    const summary = await simulateDemo({
      dir,
      projectDir: io.projectDir,
      seed: whole(flags, 'seed', 42, 0, 2 ** 31),
      accounts: whole(flags, 'accounts', 250, 1, 100_000),
      invoicesPerAccount: whole(flags, 'invoices-per-account', 12, 1, 100),
      start: end - days + 1,
      end,
      ...(json ? {} : { progress: (line: string) => io.log(line) }),
    });
    const outbox = relative(io.cwd, summary.store.outboxDir);
    // The report and the handoff packet of the last night, by the same commands an admin runs.
    const quiet = { ...io, log: () => undefined, error: () => undefined };
    const target = { snapshot: dir, 'as-of': formatDay(summary.end), json: true };
    const reportFile = join(dir, 'report', 'report.html');
    await reportCommand.run({ ...target, out: reportFile }, quiet);
    const handoffDir = join(dir, 'handoff');
    const handoff = await handoffCommand.run({ ...target, 'out-dir': handoffDir }, quiet);
    const referred = (handoff.result as { accounts?: unknown[] }).accounts?.length ?? 0;
    if (!json) {
      io.log('');
      io.log(
        `${summary.accounts} customers, ${summary.invoices} invoices; ${summary.nights} nights from ${formatDay(summary.start)} to ${formatDay(summary.end)}.`,
      );
      io.log('What the nightly runs did:');
      const width = Math.max(...summary.counts.map((c) => c.action.length), 6);
      for (const c of summary.counts)
        io.log(`  ${c.action.padEnd(width)}  ${c.currency.padEnd(3)}  ${String(c.count).padStart(6)}`);
      io.log(`Notices sent: ${summary.noticesSent} (one .eml each in ${outbox}/<date>/)`);
      io.log(
        `Cash received after the first night: ${summary.cashCollected.map((c) => `${c.currency} ${c.amount}`).join(', ')}`,
      );
      io.log('Some of what happened:');
      for (const line of summary.story
        .filter((_, i) => i % Math.max(1, Math.floor(summary.story.length / 12)) === 0)
        .slice(0, 12))
        io.log(`  ${line}`);
      io.log('');
      io.log(
        `Snapshot: ${shown} (one Bulk API CSV per object; try: collections run --snapshot ${shown} --as-of ${formatDay(summary.end + 1)})`,
      );
      io.log(`Outbox:   ${outbox}`);
      io.log(`Report:   ${relative(io.cwd, reportFile)} (with CSV and XLSX exports beside it)`);
      io.log(
        `Handoff:  ${relative(io.cwd, handoffDir)} (${referred} account${referred === 1 ? '' : 's'} referred to write-off and bad debt)`,
      );
    }
    return {
      exitCode: summary.failures > 0 ? EXIT.partial : EXIT.ok,
      result: {
        ...summary,
        start: formatDay(summary.start),
        end: formatDay(summary.end),
        store: undefined,
        snapshot: dir,
        outbox: summary.store.outboxDir,
        report: reportFile,
        handoff: handoffDir,
        referred,
      },
    };
  },
};
