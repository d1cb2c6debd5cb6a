/**
 * `collections report`: the portfolio for collections management as of a date and a window, per
 * currency (aging, DSO, best possible DSO, average days delinquent, CEI, % current, countback DSO),
 * the corporate roll-up, unapplied cash with suggested invoices, the aging trend, the most overdue
 * accounts and, for one collector, their activity against targets. Prints a summary, or the sf
 * envelope with --json; writes a self-contained HTML page (--out) and CSV/XLSX exports (--out-dir,
 * or next to --out).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { calendarDateIn, CalendarError, parseDay, type Day } from '../../domain/calendar';
import { DEFAULT_WINDOW_DAYS } from '../../domain/kpis';
import { portfolioFromStore } from '../../records/portfolioFromRecords';
import { parseTargets, TargetsError } from '../../report/activity';
import { buildReport, sameCollector } from '../../report/buildReport';
import { writeExports } from '../../report/exports';
import { renderReportHtml } from '../../report/html';
import type { ReportTargets } from '../../report/model';
import { describeReport } from '../../report/summary';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandIO, type CommandSpec, type FlagValues } from '../command';
import { CollectionsError, EXIT, usageError } from '../errors';
import { storeFor } from '../target';

/** The longest window the report accepts: ten years of days. */
const MAX_WINDOW_DAYS = 3660;

function windowOf(flags: FlagValues): number {
  const text = stringFlag(flags, 'window');
  if (text === undefined) return DEFAULT_WINDOW_DAYS;
  const days = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!Number.isSafeInteger(days) || days < 1 || days > MAX_WINDOW_DAYS) {
    throw usageError(`--window must be a whole number of days from 1 to ${MAX_WINDOW_DAYS}, got "${text}".`, [
      'For example: --window 90',
    ]);
  }
  return days;
}

/** The --as-of date, or undefined for "today in the policy's time zone" (known once the policy is loaded). */
function givenAsOf(flags: FlagValues): Day | undefined {
  const text = stringFlag(flags, 'as-of');
  if (text === undefined) return undefined;
  try {
    return parseDay(text);
  } catch (error) {
    if (error instanceof CalendarError)
      throw usageError(`--as-of: ${error.message}.`, ['For example: --as-of 2026-03-31']);
    throw error;
  }
}

function resolvePath(io: CommandIO, path: string): string {
  return isAbsolute(path) ? path : join(io.cwd, path);
}

function readTargets(io: CommandIO, file: string): ReportTargets {
  const path = resolvePath(io, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CollectionsError('TargetsError', `Cannot read the targets file ${file}: ${(error as Error).message}`, [
      'Check the path given to --targets.',
    ]);
  }
  try {
    return parseTargets(JSON.parse(text) as unknown);
  } catch (error) {
    if (error instanceof SyntaxError || error instanceof TargetsError) {
      throw new CollectionsError('TargetsError', `The targets file ${file} is not usable: ${error.message}`, [
        'Write it as JSON, e.g. {"noticesSent": 100, "callsLogged": 40, "promisesObtained": 20, "promisesKept": 15, "amountCollected": {"USD": "250000.00"}}',
      ]);
    }
    throw error;
  }
}

/** A file system error (it has a code: EACCES, ENOTDIR...) as an error the user can act on; others as they are. */
function writeError(what: string, error: unknown): unknown {
  if ((error as NodeJS.ErrnoException | undefined)?.code === undefined) return error;
  return new CollectionsError('WriteError', `Cannot write ${what}: ${(error as Error).message}`, [
    'Choose a directory you can write to, with --out or --out-dir.',
  ]);
}

export const reportCommand: CommandSpec = {
  name: 'report',
  summary: 'Report the portfolio: aging, DSO, CEI per currency, unapplied cash, top accounts; HTML and Excel exports.',
  description:
    'Per currency, as of the end of a day: open receivables and their aging, credit sales over the window, DSO, best\n' +
    'possible DSO, average days delinquent, CEI, percent current and countback DSO, rebuilt from the dated payment\n' +
    'applications. Also the roll-up in the corporate currency (with the dated rates used), unapplied cash with the\n' +
    'invoices each payment most likely pays, the aging at the last 6 month-ends, and the 10 most overdue accounts.\n' +
    "--collector narrows everything to one collector's accounts and adds their activity over the window (notices\n" +
    'sent, calls, promises obtained and kept, cash collected), against the targets of --targets when given.\n' +
    '--out writes a self-contained HTML page with charts; CSV and XLSX exports go to --out-dir, or next to --out.',
  examples: [
    'collections report',
    'collections report --as-of 2026-03-31 --window 90 --json',
    'collections report --collector jane@company.example --targets targets.json',
    'collections report --out out/report.html',
    'collections report -o prod --out-dir out/2026-03',
  ],
  flags: [
    COMMON_FLAGS.asOf,
    {
      name: 'window',
      type: 'string',
      valueName: 'days',
      default: String(DEFAULT_WINDOW_DAYS),
      description: `The window in days for credit sales, DSO, CEI and activity. Default: ${DEFAULT_WINDOW_DAYS}.`,
    },
    {
      name: 'collector',
      type: 'string',
      valueName: 'username',
      description: "Only this collector's accounts (the Collector's username on Account), with their activity.",
    },
    {
      name: 'targets',
      type: 'string',
      valueName: 'file',
      description:
        'A JSON file of activity targets for --collector: {"noticesSent": 100, "amountCollected": {"USD": "50000"}}.',
    },
    {
      name: 'out',
      type: 'string',
      valueName: 'file.html',
      description: 'Write the report as a self-contained HTML page.',
    },
    {
      name: 'out-dir',
      type: 'string',
      valueName: 'dir',
      description:
        'Write aging.csv, top-accounts.csv, unapplied-cash.csv and report.xlsx here. Default with --out: its directory.',
    },
    COMMON_FLAGS.json,
    COMMON_FLAGS.targetOrg,
    COMMON_FLAGS.snapshot,
    COMMON_FLAGS.apiVersion,
  ],
  async run(flags, io) {
    const windowDays = windowOf(flags);
    const collector = stringFlag(flags, 'collector')?.trim() || null;
    const targetsFile = stringFlag(flags, 'targets');
    if (targetsFile !== undefined && collector === null) {
      throw usageError('--targets sets the targets of one collector: give --collector too.');
    }
    const out = stringFlag(flags, 'out');
    const outDir = stringFlag(flags, 'out-dir');
    // every input is checked before the store is opened (an org connection costs time and API calls)
    const asOfFlag = givenAsOf(flags);
    const targets = targetsFile === undefined ? null : readTargets(io, targetsFile);

    const store = await storeFor(flags, io);
    const policy = await store.loadPolicy();
    const asOf = asOfFlag ?? calendarDateIn(policy.timeZone, io.now());
    const portfolio = await portfolioFromStore(store, policy.corporateCurrency);

    const warnings: string[] = [];
    if (collector !== null && !portfolio.accounts.some((account) => sameCollector(account.collector, collector))) {
      const known = [
        ...new Set(portfolio.accounts.map((account) => account.collector).filter((name) => name !== null)),
      ].sort();
      warnings.push(
        `No account has the collector ${collector}.` +
          (known.length > 0 ? ` Collectors: ${known.slice(0, 10).join(', ')}${known.length > 10 ? ', ...' : ''}.` : ''),
      );
    }

    const report = buildReport(portfolio, policy, asOf, windowDays, { collector, targets });

    const files: string[] = [];
    if (out !== undefined) {
      const path = resolvePath(io, out);
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, renderReportHtml(report, { source: store.description }));
      } catch (error) {
        throw writeError(out, error);
      }
      files.push(path);
    }
    const exportDir =
      outDir !== undefined ? resolvePath(io, outDir) : out !== undefined ? dirname(resolvePath(io, out)) : undefined;
    if (exportDir !== undefined) {
      try {
        files.push(...(await writeExports(report, exportDir)));
      } catch (error) {
        throw writeError(exportDir, error);
      }
    }

    if (!booleanFlag(flags, 'json')) {
      const shown = files.map((file) => {
        const path = relative(io.cwd, file);
        return path.startsWith('..') || isAbsolute(path) ? file : path;
      });
      for (const line of describeReport(report, store.description, shown)) io.log(line);
    }
    return { exitCode: EXIT.ok, result: { ...report, files }, warnings };
  },
};
