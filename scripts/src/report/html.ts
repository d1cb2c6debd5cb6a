/**
 * The report as one self-contained HTML page: inline CSS, charts drawn here as inline SVG (a
 * stacked bar and a bar per bucket for each currency's aging, lines for the trend over past as-of
 * dates), tables for the most overdue accounts, unapplied cash and a collector's activity. No
 * scripts, no external resources, so it opens the same from a mail attachment, a phone or a laptop.
 * Every text that comes from data is HTML-escaped where it is written.
 */
import { activityMeasures } from './activity';
import { parseDay, partsOf } from '../domain/calendar';
import { minorDigits, parseMoney } from '../domain/money';
import type { AgingBucket } from '../domain/sharedRules';
import type {
  Report,
  ReportActivity,
  ReportBucket,
  ReportCurrency,
  ReportTopAccounts,
  ReportTrend,
  ReportUnappliedCurrency,
} from './model';
import { plural, showAmount, showRatio } from './text';
import { escapeHtml } from '../notices/escapeHtml';

export { escapeHtml };

const e = escapeHtml;

export const BUCKET_COLORS: Readonly<Record<AgingBucket, string>> = {
  current: '#2f855a',
  '1-30': '#d69e2e',
  '31-60': '#dd6b20',
  '61-90': '#c53030',
  '90+': '#63171b',
};

const BUCKET_LABELS: Readonly<Record<AgingBucket, string>> = {
  current: 'current',
  '1-30': '1-30 days',
  '31-60': '31-60 days',
  '61-90': '61-90 days',
  '90+': 'over 90 days',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Amounts as floats, for drawing only: every figure shown is the exact decimal text. */
function units(amount: string, currency: string): number {
  return Number(parseMoney(amount, currency).minor) / 10 ** minorDigits(currency);
}

/** "1.2M", "35k", "950": axis labels. */
function compact(value: number): string {
  const magnitude = Math.abs(value);
  const trim = (text: string): string => text.replace(/\.0$/, '');
  if (magnitude >= 1e9) return `${trim((value / 1e9).toFixed(1))}B`;
  if (magnitude >= 1e6) return `${trim((value / 1e6).toFixed(1))}M`;
  if (magnitude >= 1e3) return `${trim((value / 1e3).toFixed(1))}k`;
  return trim(value.toFixed(1));
}

/** A round step so that `ticks` steps cover `max`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(max: number, ticks: number): number {
  if (max <= 0) return 1;
  const raw = max / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= raw) ?? 10;
  return step * power;
}

function shortDate(iso: string): string {
  const { month, day } = partsOf(parseDay(iso));
  return `${MONTHS[month - 1] ?? ''} ${day}`;
}

const round = (value: number): string => String(Math.round(value * 10) / 10);

/** Aging chart: one stacked bar of the open amount by bucket, then a bar per bucket. */
export function agingChart(entry: ReportCurrency): string {
  const { currency } = entry;
  const width = 400;
  const open = units(entry.open.amount, currency);
  const values = entry.aging.map((total) => units(total.amount, currency));
  const largest = Math.max(0, ...values);
  const parts: string[] = [];

  let x = 0;
  entry.aging.forEach((total, index) => {
    const value = values[index] ?? 0;
    if (open <= 0 || value <= 0) return;
    const segment = (value / open) * width;
    const share = Math.round((value / open) * 100);
    parts.push(
      `<rect x="${round(x)}" y="0" width="${round(segment)}" height="28" fill="${BUCKET_COLORS[total.bucket]}">` +
        `<title>${e(`${BUCKET_LABELS[total.bucket]}: ${showAmount(total.amount, currency)} (${share}%)`)}</title></rect>`,
    );
    if (segment >= 34) {
      parts.push(`<text x="${round(x + segment / 2)}" y="19" text-anchor="middle" class="on-bar">${share}%</text>`);
    }
    x += segment;
  });
  if (open <= 0) {
    parts.push(`<rect x="0" y="0" width="${width}" height="28" fill="#e4e7eb"></rect>`);
    parts.push(`<text x="${width / 2}" y="19" text-anchor="middle">nothing open</text>`);
  }

  const barStart = 74;
  const barMax = 150;
  entry.aging.forEach((total, index) => {
    const value = values[index] ?? 0;
    const y = 44 + index * 28;
    const length = largest > 0 ? Math.max(value > 0 ? 2 : 0, (value / largest) * barMax) : 0;
    parts.push(
      `<text x="0" y="${y + 13}">${e(total.bucket)}</text>`,
      `<rect x="${barStart}" y="${y}" width="${round(length)}" height="18" rx="2" fill="${BUCKET_COLORS[total.bucket]}">` +
        `<title>${e(`${BUCKET_LABELS[total.bucket]}: ${showAmount(total.amount, currency)} in ${plural(total.count, 'document')}`)}</title></rect>`,
      `<text x="${width}" y="${y + 13}" text-anchor="end">${e(showAmount(total.amount, currency))} (${e(total.count)})</text>`,
    );
  });
  const height = 44 + entry.aging.length * 28;
  return (
    `<svg class="chart aging" data-currency="${e(currency)}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="${e(`Aging of ${currency} receivables by bucket`)}">${parts.join('')}</svg>`
  );
}

/** Trend chart: open and overdue at each past as-of date, as lines. */
export function trendChart(series: ReportTrend): string {
  const { currency, points } = series;
  const [width, height] = [400, 220];
  const [left, right, top, bottom] = [48, 24, 12, 28];
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const open = points.map((point) => units(point.open, currency));
  const overdue = points.map((point) => units(point.overdue, currency));
  const step = niceStep(Math.max(0, ...open), 4);
  const ceiling = Math.max(step, Math.ceil(Math.max(0, ...open) / step) * step);
  const xOf = (index: number): number =>
    left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const yOf = (value: number): number => top + plotHeight - (value / ceiling) * plotHeight;

  const parts: string[] = [];
  for (let tick = 0; tick <= ceiling + step / 2; tick += step) {
    const y = yOf(tick);
    parts.push(
      `<line x1="${left}" x2="${width - right}" y1="${round(y)}" y2="${round(y)}" class="grid"></line>`,
      `<text x="${left - 6}" y="${round(y + 4)}" text-anchor="end" class="axis">${e(compact(tick))}</text>`,
    );
  }
  points.forEach((point, index) => {
    parts.push(
      `<text x="${round(xOf(index))}" y="${height - 8}" text-anchor="middle" class="axis">${e(shortDate(point.asOf))}</text>`,
    );
  });
  const line = (values: readonly number[], color: string, name: string, amounts: readonly string[]): void => {
    const path = values.map((value, index) => `${round(xOf(index))},${round(yOf(value))}`).join(' ');
    parts.push(`<polyline points="${path}" fill="none" stroke="${color}" stroke-width="2.5"></polyline>`);
    values.forEach((value, index) => {
      parts.push(
        `<circle cx="${round(xOf(index))}" cy="${round(yOf(value))}" r="3.5" fill="${color}">` +
          `<title>${e(`${name} ${points[index]?.asOf ?? ''}: ${showAmount(amounts[index] ?? '0', currency)}`)}</title></circle>`,
      );
    });
  };
  line(
    open,
    '#2b6cb0',
    'open',
    points.map((point) => point.open),
  );
  line(
    overdue,
    '#c53030',
    'overdue',
    points.map((point) => point.overdue),
  );
  return (
    `<svg class="chart trend" data-currency="${e(currency)}" viewBox="0 0 ${width} ${height}" role="img" ` +
    `aria-label="${e(`Open and overdue ${currency} at past as-of dates`)}">${parts.join('')}</svg>`
  );
}

function card(label: string, value: string): string {
  return `<div class="card"><span>${e(label)}</span><b>${e(value)}</b></div>`;
}

function kpiCards(entry: ReportCurrency): string {
  const { currency } = entry;
  return `<div class="cards">${[
    card('Open', showAmount(entry.open.amount, currency)),
    card('Open documents', String(entry.open.count)),
    card('Credit sales in window', showAmount(entry.creditSales, currency)),
    card('DSO', showRatio(entry.dso, ' days')),
    card('Best possible DSO', showRatio(entry.bestPossibleDso, ' days')),
    card('Average days delinquent', showRatio(entry.averageDaysDelinquent, ' days')),
    card('CEI', showRatio(entry.cei, '%')),
    card('Current', showRatio(entry.percentCurrent, '%')),
    card('Countback DSO', showRatio(entry.dsoCountback, ' days')),
  ].join('')}</div>`;
}

function agingTable(currency: string, aging: readonly ReportBucket[]): string {
  const rows = aging
    .map(
      (total) =>
        `<tr><td><span class="swatch" style="background:${BUCKET_COLORS[total.bucket]}"></span>${e(BUCKET_LABELS[total.bucket])}</td>` +
        `<td class="num">${e(showAmount(total.amount, currency))}</td><td class="num">${e(total.count)}</td></tr>`,
    )
    .join('');
  return `<div class="scroll"><table class="aging-table"><thead><tr><th>Bucket</th><th class="num">Amount</th><th class="num">Documents</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function topAccountsTable(entry: ReportTopAccounts | undefined, currency: string): string {
  if (!entry || entry.accounts.length === 0) return '<p class="muted">No overdue accounts.</p>';
  const rows = entry.accounts
    .map(
      (account, index) =>
        `<tr><td class="num">${index + 1}</td><td>${e(account.name)}</td><td>${e(account.customerNumber)}</td>` +
        `<td class="num">${e(showAmount(account.overdue, currency))}</td><td class="num">${e(showAmount(account.open, currency))}</td>` +
        `<td class="num">${e(account.oldestDaysPastDue)}</td></tr>`,
    )
    .join('');
  return (
    `<div class="scroll"><table class="top-accounts"><thead><tr><th class="num">#</th><th>Customer</th><th>Number</th>` +
    `<th class="num">Overdue</th><th class="num">Open</th><th class="num">Oldest days past due</th></tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

function currencySection(report: Report, entry: ReportCurrency): string {
  const { currency } = entry;
  const trend = report.trend.find((series) => series.currency === currency);
  const top = report.topAccounts.find((item) => item.currency === currency);
  const trendFigure = trend
    ? `<figure><figcaption>Trend: <span class="key" style="color:#2b6cb0">&#9632; open</span> <span class="key" style="color:#c53030">&#9632; overdue</span></figcaption>${trendChart(trend)}</figure>`
    : '';
  return (
    `<section class="currency" id="currency-${e(currency)}"><h2>${e(currency)}</h2>${kpiCards(entry)}` +
    `<div class="charts"><figure><figcaption>Aging as of ${e(report.asOf)}</figcaption>${agingChart(entry)}</figure>${trendFigure}</div>` +
    `<h3>Aging</h3>${agingTable(currency, entry.aging)}` +
    `<h3>Most overdue accounts</h3>${topAccountsTable(top, currency)}</section>`
  );
}

function corporateSection(report: Report): string {
  const { corporate } = report;
  const rates = corporate.ratesUsed
    .map((rate) => `<li>${e(`1 ${rate.from} = ${rate.rate} ${rate.to}, dated ${rate.date}`)}</li>`)
    .join('');
  const missing =
    corporate.missingRates.length > 0
      ? `<p class="warn">Left out, no exchange rate dated on or before ${e(report.asOf)}: ${e(corporate.missingRates.join(', '))}</p>`
      : '';
  return (
    `<section><h2>Corporate roll-up (${e(corporate.currency)})</h2><div class="cards">` +
    `${card('Open', showAmount(corporate.open, corporate.currency))}${card('Overdue', showAmount(corporate.overdue, corporate.currency))}</div>` +
    `${rates ? `<p>Rates used:</p><ul>${rates}</ul>` : ''}${missing}</section>`
  );
}

/** The page lists at most this many unapplied payments per currency, oldest first; the exports have them all. */
export const MAX_UNAPPLIED_ROWS = 50;

function unappliedSection(entries: readonly ReportUnappliedCurrency[]): string {
  if (entries.length === 0) return '<section><h2>Unapplied cash</h2><p class="muted">None.</p></section>';
  const tables = entries
    .map((entry) => {
      const rows = entry.payments
        .slice(0, MAX_UNAPPLIED_ROWS)
        .map((payment) => {
          const suggestions =
            payment.suggestions.length === 0
              ? '<span class="muted">none</span>'
              : `<ul>${payment.suggestions
                  .map(
                    (suggestion) =>
                      `<li><b>${e(suggestion.invoiceNumber)}</b> ${e(showAmount(suggestion.openBalance, entry.currency))}: ${e(suggestion.why)}</li>`,
                  )
                  .join('')}</ul>`;
          return (
            `<tr><td>${e(payment.receivedDate)}</td><td>${e(payment.paymentReference)}</td><td>${e(payment.customerNumber)}</td>` +
            `<td class="num">${e(showAmount(payment.amount, entry.currency))}</td><td>${suggestions}</td></tr>`
          );
        })
        .join('');
      return (
        `<h3>${e(entry.currency)}: ${e(showAmount(entry.amount, entry.currency))} in ${e(plural(entry.payments.length, 'payment'))}</h3>` +
        `<div class="scroll"><table class="unapplied"><thead><tr><th>Received</th><th>Payment reference</th><th>Customer</th>` +
        `<th class="num">Unapplied</th><th>Suggested invoices</th></tr></thead><tbody>${rows}</tbody></table></div>` +
        (entry.payments.length > MAX_UNAPPLIED_ROWS
          ? `<p class="muted">The ${MAX_UNAPPLIED_ROWS} oldest shown; all ${e(entry.payments.length)} are in unapplied-cash.csv and report.xlsx.</p>`
          : '')
      );
    })
    .join('');
  return `<section><h2>Unapplied cash</h2>${tables}</section>`;
}

function activityRow(measure: string, actual: string, target: string | null, share: string): string {
  return `<tr><td>${e(measure)}</td><td class="num">${e(actual)}</td><td class="num">${e(target ?? '')}</td><td class="num">${e(share)}</td></tr>`;
}

function shareOf(actual: number, target: number | null): string {
  return target === null || target === 0 ? '' : `${Math.round((actual / target) * 100)}%`;
}

function activitySection(report: Report, activity: ReportActivity): string {
  const rows = activityMeasures(activity)
    .map((line) => {
      if (line.currency === null) {
        const [actual, target] = [Number(line.actual), line.target === null ? null : Number(line.target)];
        return activityRow(
          line.measure,
          String(actual),
          target === null ? null : String(target),
          shareOf(actual, target),
        );
      }
      const [actual, target] = [String(line.actual), line.target === null ? null : String(line.target)];
      return activityRow(
        `${line.measure} (${line.currency})`,
        showAmount(actual, line.currency),
        target === null ? null : showAmount(target, line.currency),
        target === null ? '' : shareOf(units(actual, line.currency), units(target, line.currency)),
      );
    })
    .join('');
  return (
    `<section><h2>Activity of ${e(report.collector ?? '')}</h2><p class="meta">${e(activity.windowStart)} to ${e(activity.windowEnd)}</p>` +
    `<div class="scroll"><table class="activity"><thead><tr><th>Measure</th><th class="num">Actual</th><th class="num">Target</th>` +
    `<th class="num">Of target</th></tr></thead><tbody>${rows}</tbody></table></div></section>`
  );
}

const STYLE = `
:root{--fg:#1f2933;--muted:#616e7c;--line:#d9e2ec;--panel:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
main{max-width:1100px;margin:0 auto;padding:16px}
h1{font-size:1.5rem;margin:0 0 4px}
h2{font-size:1.25rem;margin:32px 0 10px;padding-bottom:4px;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:18px 0 6px}
.meta,.muted{color:var(--muted)}
.meta{margin:0 0 12px}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:8px;margin:8px 0 16px}
.card{background:var(--panel);border-radius:8px;padding:8px 10px}
.card span{display:block;color:var(--muted);font-size:.8rem}
.card b{font-size:1.05rem;font-variant-numeric:tabular-nums}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:20px}
figure{margin:0}
figcaption{font-weight:600;margin-bottom:6px}
svg.chart{width:100%;height:auto;display:block;font-size:13px;fill:var(--fg)}
svg.chart text.on-bar{fill:#fff;font-weight:600}
svg.chart text.axis{fill:var(--muted);font-size:12px}
svg.chart line.grid{stroke:var(--line);stroke-width:1}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{padding:5px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--panel);font-weight:600}
.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td ul{margin:0;padding-left:18px}
.swatch{display:inline-block;width:10px;height:10px;border-radius:2px;margin-right:6px}
.warn{color:#9b2c2c}
@media (max-width:600px){body{font-size:14px}main{padding:10px}th,td{padding:4px 6px}}
@media print{main{max-width:none}section{break-inside:avoid}}
`;

export interface HtmlOptions {
  /** where the data came from, shown under the title */
  source?: string;
}

/** The whole page. */
export function renderReportHtml(report: Report, options: HtmlOptions = {}): string {
  const title = `Collections report as of ${report.asOf}`;
  const scope =
    report.collector === null
      ? 'whole portfolio'
      : `collector ${report.collector} (${plural(report.collectorAccounts ?? 0, 'account')})`;
  const contents = report.currencies
    .map((entry) => `<a href="#currency-${e(entry.currency)}">${e(entry.currency)}</a>`)
    .join(' &middot; ');
  const body =
    report.currencies.length === 0
      ? '<p>No receivables issued on or before the as-of date.</p>'
      : report.currencies.map((entry) => currencySection(report, entry)).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body><main>',
    `<h1>${e(title)}</h1>`,
    `<p class="meta">Window ${e(report.windowDays)} days &middot; ${e(scope)}${options.source ? ` &middot; ${e(options.source)}` : ''}` +
      `${contents ? ` &middot; ${contents}` : ''}</p>`,
    body,
    corporateSection(report),
    unappliedSection(report.unappliedCash),
    report.activity ? activitySection(report, report.activity) : '',
    '<p class="meta">Amounts are exact, in each currency; currencies are never added together except in the corporate roll-up, with the dated rates listed.</p>',
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}
