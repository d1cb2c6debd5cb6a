/** The readable summary `collections report` prints without --json: the report in a terminal's width. */
import type { Report, ReportActivity, ReportCurrency, ReportMoneyLine } from './model';
import { plural, showAmount, showRatio } from './text';

function table(rows: string[][], rightAligned: ReadonlySet<number> = new Set()): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) =>
    row
      .map((cell, column) =>
        rightAligned.has(column) ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd(),
  );
}

function currencyLines(entry: ReportCurrency): string[] {
  const { currency } = entry;
  return [
    `${currency}: open ${showAmount(entry.open.amount, currency)} in ${plural(entry.open.count, 'document')}; credit sales in the window ${showAmount(entry.creditSales, currency)}`,
    ...table(
      [
        ['  bucket', 'amount', 'count'],
        ...entry.aging.map((total) => [`  ${total.bucket}`, showAmount(total.amount, currency), String(total.count)]),
      ],
      new Set([1, 2]),
    ),
    `  DSO ${showRatio(entry.dso, ' days')} | best possible DSO ${showRatio(entry.bestPossibleDso, ' days')} | average days delinquent ${showRatio(entry.averageDaysDelinquent, ' days')}`,
    `  CEI ${showRatio(entry.cei, '%')} | current ${showRatio(entry.percentCurrent, '%')} | countback DSO ${showRatio(entry.dsoCountback, ' days')}`,
  ];
}

function versus(actual: number, target: number | null): string {
  if (target === null) return String(actual);
  const share = target === 0 ? '' : ` (${Math.round((actual / target) * 100)}%)`;
  return `${actual} of ${target}${share}`;
}

function collectedLines(activity: ReportActivity): string[] {
  const currencies = new Set<string>([
    ...activity.amountCollected.map((line) => line.currency),
    ...(activity.targets?.amountCollected ?? []).map((line) => line.currency),
  ]);
  const find = (lines: readonly ReportMoneyLine[], currency: string): string | undefined =>
    lines.find((line) => line.currency === currency)?.amount;
  if (currencies.size === 0) return ['  amount collected: nothing received'];
  return [...currencies].sort().map((currency) => {
    const actual = find(activity.amountCollected, currency) ?? '0';
    const target = find(activity.targets?.amountCollected ?? [], currency);
    return `  amount collected ${showAmount(actual, currency)}${target === undefined ? '' : ` of ${showAmount(target, currency)}`}`;
  });
}

function activityLines(report: Report, activity: ReportActivity): string[] {
  const targets = activity.targets;
  return [
    `Activity of ${report.collector ?? ''} from ${activity.windowStart} to ${activity.windowEnd}${targets ? ' (actual of target)' : ''}:`,
    `  notices sent ${versus(activity.noticesSent, targets?.noticesSent ?? null)} | calls logged ${versus(activity.callsLogged, targets?.callsLogged ?? null)}`,
    `  promises obtained ${versus(activity.promisesObtained, targets?.promisesObtained ?? null)} | promises kept ${versus(activity.promisesKept, targets?.promisesKept ?? null)}`,
    ...collectedLines(activity),
  ];
}

/** The summary lines, then the files written (paths as the caller wants them shown). */
export function describeReport(report: Report, source: string, files: readonly string[] = []): string[] {
  const lines: string[] = [
    `Collections report as of ${report.asOf}, window ${report.windowDays} days, from ${source}` +
      (report.collector === null
        ? ''
        : `; collector ${report.collector} (${plural(report.collectorAccounts ?? 0, 'account')})`),
  ];
  if (report.currencies.length === 0) lines.push('', 'No receivables issued on or before the as-of date.');
  for (const entry of report.currencies) lines.push('', ...currencyLines(entry));

  const { corporate } = report;
  lines.push(
    '',
    `Corporate roll-up in ${corporate.currency}: open ${showAmount(corporate.open, corporate.currency)}, overdue ${showAmount(corporate.overdue, corporate.currency)}`,
  );
  for (const rate of corporate.ratesUsed)
    lines.push(`  rate: 1 ${rate.from} = ${rate.rate} ${rate.to}, dated ${rate.date}`);
  if (corporate.missingRates.length > 0) {
    lines.push(`  left out, no exchange rate dated on or before ${report.asOf}: ${corporate.missingRates.join(', ')}`);
  }

  lines.push('');
  if (report.unappliedCash.length === 0) lines.push('Unapplied cash: none');
  else {
    lines.push(
      `Unapplied cash: ${report.unappliedCash
        .map((entry) => {
          const matched = entry.payments.filter((payment) => payment.suggestions.length > 0).length;
          return `${showAmount(entry.amount, entry.currency)} in ${plural(entry.payments.length, 'payment')} (${matched} with suggested invoices)`;
        })
        .join('; ')}`,
    );
  }

  if (report.activity) lines.push('', ...activityLines(report, report.activity));

  if (files.length > 0) lines.push('', 'Written:', ...files.map((file) => `  ${file}`));
  return lines;
}
