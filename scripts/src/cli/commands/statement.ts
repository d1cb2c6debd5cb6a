/**
 * `collections statement`: statements of account for customer reconciliations. For each --account,
 * as of a date: the open items with their days past due and aging, the open credits, the payments
 * received in the period and what each was applied to, the aging and the balance due, one section
 * per currency, in the account's language. Writes <customer>-<asOf>.html (printable) and .csv per
 * account and prints their paths.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { CalendarError, formatDay, parseDay, type Day } from '../../domain/calendar';
import { portfolioFromStore } from '../../records/portfolioFromRecords';
import { DEFAULT_PERIOD_DAYS, statementFor, statementJson } from '../../statement/statement';
import { renderStatementCsv, renderStatementHtml } from '../../statement/renderStatement';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandIO, type CommandSpec, type FlagValues } from '../command';
import { CollectionsError, EXIT, usageError } from '../errors';
import { storeFor } from '../target';
import { asOfDate } from './run';

export const DEFAULT_STATEMENT_DIR = 'statements';

function accountsOf(flags: FlagValues): string[] {
  const value = flags.account;
  const given = Array.isArray(value) ? value : typeof value === 'string' ? [value] : [];
  const accounts = [...new Set(given.map((account) => account.trim()).filter((account) => account !== ''))];
  if (accounts.length === 0)
    throw usageError('Name at least one account: --account <customer number>.', [
      'For example: collections statement --account CUST-000001 --account CUST-000002',
    ]);
  return accounts;
}

function fromDate(flags: FlagValues, asOf: Day): Day {
  const given = stringFlag(flags, 'from');
  if (given === undefined) return asOf - DEFAULT_PERIOD_DAYS;
  let from: Day;
  try {
    from = parseDay(given);
  } catch (error) {
    if (error instanceof CalendarError) throw usageError(`--from: ${error.message}`);
    throw error;
  }
  if (from > asOf)
    throw usageError(`--from ${formatDay(from)} is after the as-of date ${formatDay(asOf)}.`, [
      'Give a --from on or before --as-of.',
    ]);
  return from;
}

/** A customer number as part of a file name: anything but letters, digits, dot, dash and underscore becomes _. */
export function fileNamePart(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
}

function shown(io: CommandIO, file: string): string {
  const path = relative(io.cwd, file);
  return path === '' || path.startsWith('..') || isAbsolute(path) ? file : path;
}

export const statementCommand: CommandSpec = {
  name: 'statement',
  summary: "Write statements of account (HTML and CSV) in each account's language.",
  description:
    'For each --account, as of the end of a day: the open items with their days past due and aging bucket, the open\n' +
    'credits, the payments received from --from to the as-of date with what each was applied to, the aging totals\n' +
    'and the balance due. An account billed in several currencies gets one section per currency, never a mixed\n' +
    "total. Written in the account's language (en_US, fr, de, es, nl_NL; others get English) as\n" +
    '<customer>-<as-of>.html, a printable page, and <customer>-<as-of>.csv for reconciliations.',
  examples: [
    'collections statement --account CUST-000001',
    'collections statement --account CUST-000001 --account CUST-000002 --as-of 2026-11-30 --from 2026-09-01',
    'collections statement -o prod --account CUST-000001 --out-dir out/statements --json',
  ],
  flags: [
    {
      name: 'account',
      type: 'string',
      valueName: 'customer',
      multiple: true,
      description: 'The customer number (Customer_Number__c) of an account. Repeat for several accounts.',
    },
    COMMON_FLAGS.asOf,
    {
      name: 'from',
      type: 'string',
      valueName: 'YYYY-MM-DD',
      description: `The first day of the payment period. Default: ${DEFAULT_PERIOD_DAYS} days before the as-of date.`,
    },
    {
      name: 'out-dir',
      type: 'string',
      valueName: 'dir',
      description: `Where to write the statements. Default: ./${DEFAULT_STATEMENT_DIR}.`,
    },
    COMMON_FLAGS.json,
    COMMON_FLAGS.targetOrg,
    COMMON_FLAGS.snapshot,
    COMMON_FLAGS.apiVersion,
  ],
  async run(flags, io) {
    const customers = accountsOf(flags);
    const store = await storeFor(flags, io);
    const policy = await store.loadPolicy();
    const asOf = asOfDate(flags, policy, io.now());
    const from = fromDate(flags, asOf);
    const portfolio = await portfolioFromStore(store, policy.corporateCurrency);

    const known = new Set(portfolio.accounts.map((account) => account.customerNumber));
    const unknown = customers.filter((customer) => !known.has(customer));
    if (unknown.length > 0)
      throw new CollectionsError(
        'UnknownCustomer',
        `No account has the customer number ${unknown.map((customer) => `"${customer}"`).join(', ')} in ${store.description}.`,
        ['Check the customer number (Customer_Number__c) of the account.'],
      );

    const outDir = stringFlag(flags, 'out-dir') ?? DEFAULT_STATEMENT_DIR;
    const dir = isAbsolute(outDir) ? outDir : join(io.cwd, outDir);
    const statements = customers.map((customer) => statementFor(portfolio, customer, asOf, from));
    const written: Array<{ customerNumber: string; html: string; csv: string }> = [];
    try {
      mkdirSync(dir, { recursive: true });
      const used = new Set<string>();
      for (const statement of statements) {
        let base = `${fileNamePart(statement.customerNumber)}-${formatDay(asOf)}`;
        // two customer numbers that differ only in characters a file name cannot hold get distinct files
        for (let n = 2; used.has(base.toLowerCase()); n++)
          base = `${fileNamePart(statement.customerNumber)}-${n}-${formatDay(asOf)}`;
        used.add(base.toLowerCase());
        const html = join(dir, `${base}.html`);
        const csv = join(dir, `${base}.csv`);
        writeFileSync(html, renderStatementHtml(statement));
        writeFileSync(csv, renderStatementCsv(statement));
        written.push({ customerNumber: statement.customerNumber, html, csv });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === undefined) throw error;
      throw new CollectionsError(
        'WriteError',
        `Cannot write the statements to ${outDir}: ${(error as Error).message}`,
        ['Choose a directory you can write to, with --out-dir.'],
      );
    }

    if (!booleanFlag(flags, 'json')) {
      io.log(
        `Statements as of ${formatDay(asOf)} (payments from ${formatDay(from)}) on ${store.description}: ${written.length} account${written.length === 1 ? '' : 's'}`,
      );
      for (const file of written) {
        io.log(`  ${shown(io, file.html)}`);
        io.log(`  ${shown(io, file.csv)}`);
      }
    }
    return {
      exitCode: EXIT.ok,
      result: {
        asOf: formatDay(asOf),
        from: formatDay(from),
        target: store.description,
        statements: statements.map((statement, index) => ({
          ...statementJson(statement),
          files: { html: written[index]?.html, csv: written[index]?.csv },
        })),
      },
    };
  },
};
