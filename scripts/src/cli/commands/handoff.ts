/**
 * `collections handoff`: the write-off packet for the bad-debt team as of a date. Every account
 * referred to write-off (an approved or handed-off bad-debt referral, or the status
 * Referred_To_Write_Off) with its open invoices, every notice and its delivery outcome, promises,
 * disputes, payment plans and a corporate-currency total with the dated rates used. Writes
 * handoff-<asOf>-accounts.csv, -invoices.csv, -notices.csv, -promises.csv, -disputes.csv and
 * -plans.csv, and summary-<asOf>.md; prints the summary and the paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { formatDay } from '../../domain/calendar';
import { MoneyError } from '../../domain/money';
import { handoffPacket, type HandoffPacket } from '../../handoff/handoffPacket';
import { handoffExtraFromStore } from '../../handoff/handoffRecords';
import { handoffSummary, handoffTables, tableCsv } from '../../handoff/renderHandoff';
import { portfolioFromStore } from '../../records/portfolioFromRecords';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandIO, type CommandSpec } from '../command';
import { CollectionsError, EXIT } from '../errors';
import { storeFor } from '../target';
import { asOfDate } from './run';

export const DEFAULT_HANDOFF_DIR = 'handoff';

function shown(io: CommandIO, file: string): string {
  const path = relative(io.cwd, file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}

function writeFiles(packet: HandoffPacket, summary: string, dir: string, outDir: string): string[] {
  const files: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const table of handoffTables(packet)) {
      const file = join(dir, `handoff-${packet.asOf}-${table.name}.csv`);
      writeFileSync(file, tableCsv(table));
      files.push(file);
    }
    const file = join(dir, `summary-${packet.asOf}.md`);
    writeFileSync(file, summary);
    files.push(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === undefined) throw error;
    throw new CollectionsError('WriteError', `Cannot write the handoff to ${outDir}: ${(error as Error).message}`, [
      'Choose a directory you can write to, with --out-dir.',
    ]);
  }
  return files;
}

export const handoffCommand: CommandSpec = {
  name: 'handoff',
  summary: 'Write the write-off packet for the bad-debt team (CSV files and a readable summary).',
  description:
    'Lists every account referred to write-off as of a date: a Write_Off_Referral__c of type Bad_Debt_Referral that\n' +
    'is Approved or Handed_Off, or an account whose Collections_Status__c is Referred_To_Write_Off. Per account: who\n' +
    'it is, its open invoices (amount, open balance, currency, due date, days past due), every dunning notice with\n' +
    'its status, sent date and delivery outcome, promises (kept or broken), disputes and their invoices, payment plan\n' +
    'history, and what it owes in the corporate currency with the dated rate used per currency (a missing rate is\n' +
    'named, and then no total is given). Writes handoff-<as-of>-accounts/invoices/notices/promises/disputes/plans.csv\n' +
    'and summary-<as-of>.md to --out-dir, and prints the summary. With nothing referred it says so and writes nothing.',
  examples: [
    'collections handoff',
    'collections handoff --as-of 2026-11-30 --out-dir out/handoff',
    'collections handoff -o prod --json',
  ],
  flags: [
    COMMON_FLAGS.asOf,
    {
      name: 'out-dir',
      type: 'string',
      valueName: 'dir',
      description: `Where to write the packet. Default: ./${DEFAULT_HANDOFF_DIR}.`,
    },
    COMMON_FLAGS.json,
    COMMON_FLAGS.targetOrg,
    COMMON_FLAGS.snapshot,
    COMMON_FLAGS.apiVersion,
  ],
  async run(flags, io) {
    const store = await storeFor(flags, io);
    const policy = await store.loadPolicy();
    const asOf = asOfDate(flags, policy, io.now());
    const portfolio = await portfolioFromStore(store, policy.corporateCurrency);
    const extra = await handoffExtraFromStore(store, policy.corporateCurrency);
    let packet: HandoffPacket;
    try {
      packet = handoffPacket(portfolio, extra, asOf);
    } catch (error) {
      if (error instanceof MoneyError)
        throw new CollectionsError('RateError', error.message, [
          'Correct the dated conversion rates (DatedConversionRate) so that each currency has one rate per start date.',
        ]);
      throw error;
    }
    const json = booleanFlag(flags, 'json');
    const summary = handoffSummary(packet, store.description);

    if (packet.accounts.length === 0) {
      if (!json) io.log(`No account is referred to write-off as of ${formatDay(asOf)} on ${store.description}.`);
      return { exitCode: EXIT.ok, result: { ...packet, files: [] } };
    }

    const outDir = stringFlag(flags, 'out-dir') ?? DEFAULT_HANDOFF_DIR;
    const files = writeFiles(packet, summary, isAbsolute(outDir) ? outDir : join(io.cwd, outDir), outDir);
    if (!json) {
      io.log(summary.trimEnd());
      io.log('');
      io.log('Files:');
      for (const file of files) io.log(`  ${shown(io, file)}`);
    }
    return { exitCode: EXIT.ok, result: { ...packet, files } };
  },
};
