/**
 * A statement of account as the customer reads it: a self-contained, printable HTML page (no
 * script, no external style sheet or image; every value from data escaped) and a CSV for their
 * reconciliation, both in the account's language. The HTML shows amounts and dates in the
 * language's local formats; the CSV keeps them re-addable in any spreadsheet (dates YYYY-MM-DD,
 * amounts as plain decimal numbers with the currency in its own column) and its cells are made
 * spreadsheet-safe, so a customer name such as "=HYPERLINK(...)" stays text.
 */
import { formatDay } from '../domain/calendar';
import { formatMoney, type Money } from '../domain/money';
import { formatAmount, formatDate } from '../notices/composeNotice';
import { escapeHtml } from '../notices/escapeHtml';
import { formatSpreadsheetCsv } from '../records/csv';
import type { Statement, StatementSection } from './statement';
import { statementTexts, type StatementLanguage } from './statementTexts';

const LOCALES: Record<StatementLanguage, string> = {
  en_US: 'en-US',
  fr: 'fr-FR',
  de: 'de-DE',
  es: 'es-ES',
  nl_NL: 'nl-NL',
};

const STYLE = [
  '@page { size: A4; margin: 15mm; }',
  'body { font-family: Arial, Helvetica, sans-serif; font-size: 12px; color: #181818; margin: 24px; }',
  'h1 { font-size: 20px; margin: 0 0 8px; }',
  'h2 { font-size: 16px; margin: 24px 0 4px; border-bottom: 2px solid #181818; }',
  'h3 { font-size: 13px; margin: 16px 0 4px; }',
  'table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }',
  'th, td { border: 1px solid #c9c9c9; padding: 4px 6px; text-align: left; vertical-align: top; }',
  'th { background: #f3f3f3; }',
  'td.n, th.n { text-align: right; white-space: nowrap; }',
  'tfoot td { font-weight: bold; }',
  'table.meta { width: auto; }',
  'table.meta th, table.meta td { border: none; padding: 2px 12px 2px 0; background: none; }',
  'table.totals { width: auto; min-width: 50%; }',
  'tr.balance td { font-weight: bold; border-top: 2px solid #181818; }',
  'section { break-inside: avoid-page; }',
  'ul.applied { margin: 0; padding-left: 16px; }',
  '@media print { body { margin: 0; } a { color: inherit; text-decoration: none; } }',
].join('\n');

/** The statement as a printable HTML page in its language. */
export function renderStatementHtml(statement: Statement): string {
  const language = statement.language;
  const t = statementTexts(language);
  const e = escapeHtml;
  const amount = (value: Money): string => e(formatAmount(value, language));
  const date = (value: number): string => e(formatDate(value, language));
  const asOf = formatDate(statement.asOf, language);
  const from = formatDate(statement.from, language);

  const section = (s: StatementSection): string => {
    const parts: string[] = [`<section>`, `<h2>${e(t.currencySection(s.currency))}</h2>`];

    parts.push(`<h3>${e(t.openItems)}</h3>`);
    if (s.openItems.length === 0) parts.push(`<p>${e(t.noOpenItems)}</p>`);
    else
      parts.push(
        '<table>',
        `<thead><tr><th>${e(t.document)}</th><th>${e(t.invoiceDate)}</th><th>${e(t.dueDate)}</th><th>${e(t.poNumber)}</th><th class="n">${e(t.daysPastDue)}</th><th>${e(t.bucket)}</th><th class="n">${e(t.amount)}</th><th class="n">${e(t.openBalance)}</th></tr></thead>`,
        '<tbody>',
        ...s.openItems.map(
          (item) =>
            `<tr><td>${e(t.documentTypes[item.documentType])} ${e(item.invoiceNumber)}</td><td>${date(item.invoiceDate)}</td><td>${date(item.dueDate)}</td><td>${e(item.poNumber ?? '')}</td><td class="n">${item.daysPastDue > 0 ? e(String(item.daysPastDue)) : ''}</td><td>${e(t.buckets[item.bucket])}</td><td class="n">${amount(item.amount)}</td><td class="n">${amount(item.openBalance)}</td></tr>`,
        ),
        '</tbody>',
        `<tfoot><tr><td colspan="7">${e(t.totalOpenItems)}</td><td class="n">${amount(s.totalOpen)}</td></tr></tfoot>`,
        '</table>',
      );

    if (s.credits.length > 0)
      parts.push(
        `<h3>${e(t.credits)}</h3>`,
        '<table>',
        `<thead><tr><th>${e(t.document)}</th><th>${e(t.invoiceDate)}</th><th class="n">${e(t.amount)}</th><th class="n">${e(t.openBalance)}</th></tr></thead>`,
        '<tbody>',
        ...s.credits.map(
          (credit) =>
            `<tr><td>${e(t.documentTypes[credit.documentType])} ${e(credit.invoiceNumber)}</td><td>${date(credit.invoiceDate)}</td><td class="n">${amount(credit.amount)}</td><td class="n">${amount(credit.openBalance)}</td></tr>`,
        ),
        '</tbody>',
        `<tfoot><tr><td colspan="3">${e(t.totalCredits)}</td><td class="n">${amount(s.totalCredits)}</td></tr></tfoot>`,
        '</table>',
      );

    parts.push(`<h3>${e(t.payments(from, asOf))}</h3>`);
    if (s.payments.length === 0) parts.push(`<p>${e(t.noPayments)}</p>`);
    else
      parts.push(
        '<table>',
        `<thead><tr><th>${e(t.payment)}</th><th>${e(t.receivedDate)}</th><th class="n">${e(t.amount)}</th><th>${e(t.appliedTo)}</th><th class="n">${e(t.notApplied)}</th></tr></thead>`,
        '<tbody>',
        ...s.payments.map((payment) => {
          const applied =
            payment.applications.length === 0
              ? ''
              : `<ul class="applied">${payment.applications
                  .map(
                    (application) =>
                      `<li>${e(application.invoiceNumber)}: ${amount(application.amount)} (${date(application.appliedDate)})</li>`,
                  )
                  .join('')}</ul>`;
          return `<tr><td>${e(payment.paymentReference)}</td><td>${date(payment.receivedDate)}</td><td class="n">${amount(payment.amount)}</td><td>${applied}</td><td class="n">${payment.unapplied.minor > 0n ? amount(payment.unapplied) : ''}</td></tr>`;
        }),
        '</tbody>',
        `<tfoot><tr><td colspan="2">${e(t.paymentsReceived)}</td><td class="n">${amount(s.paymentsReceived)}</td><td colspan="2"></td></tr></tfoot>`,
        '</table>',
      );

    parts.push(
      `<h3>${e(t.aging)}</h3>`,
      '<table>',
      `<thead><tr>${s.aging.map((total) => `<th class="n">${e(t.buckets[total.bucket])}</th>`).join('')}<th class="n">${e(t.totalOpenItems)}</th></tr></thead>`,
      `<tbody><tr>${s.aging.map((total) => `<td class="n">${amount(total.amount)}</td>`).join('')}<td class="n">${amount(s.totalOpen)}</td></tr></tbody>`,
      '</table>',
    );

    const totals: Array<[string, Money, string]> = [
      [t.totalOpenItems, s.totalOpen, ''],
      [t.totalOverdue, s.totalOverdue, ''],
    ];
    if (s.totalCredits.minor !== 0n) totals.push([t.totalCredits, s.totalCredits, '']);
    if (s.unappliedCash.minor !== 0n)
      totals.push([t.unappliedCash, { currency: s.currency, minor: -s.unappliedCash.minor }, '']);
    totals.push([t.balance, s.balance, 'balance']);
    parts.push(
      `<h3>${e(t.totals)}</h3>`,
      '<table class="totals"><tbody>',
      ...totals.map(
        ([label, value, css]) =>
          `<tr${css ? ` class="${css}"` : ''}><td>${e(label)}</td><td class="n">${amount(value)}</td></tr>`,
      ),
      '</tbody></table>',
      '</section>',
    );
    return parts.join('\n');
  };

  return [
    '<!DOCTYPE html>',
    `<html lang="${e(LOCALES[language])}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(t.title)}: ${e(statement.name)} (${e(statement.customerNumber)}), ${e(asOf)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    `<h1>${e(t.title)}</h1>`,
    '<table class="meta"><tbody>',
    `<tr><th>${e(t.customer)}</th><td>${e(statement.name)}</td></tr>`,
    `<tr><th>${e(t.customerNumber)}</th><td>${e(statement.customerNumber)}</td></tr>`,
    `<tr><th>${e(t.asOf)}</th><td>${e(asOf)}</td></tr>`,
    `<tr><td colspan="2">${e(t.period(from, asOf))}</td></tr>`,
    '</tbody></table>',
    ...(statement.sections.length === 0 ? [`<p>${e(t.nothingOpen)}</p>`] : statement.sections.map(section)),
    `<p>${e(t.questions)}</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const CSV_KEYS = [
  'customerNumber',
  'name',
  'currency',
  'line',
  'document',
  'date',
  'dueDate',
  'poNumber',
  'daysPastDue',
  'bucket',
  'amount',
  'openBalance',
  'appliedTo',
] as const;

type CsvKey = (typeof CSV_KEYS)[number];

/**
 * The statement as one CSV table, a row per line: the open items, the open credits, the payments
 * received in the period and, under each, a row per application; then the aging buckets and the
 * totals of each currency. Every row names the customer and the currency, so rows can be filtered.
 */
export function renderStatementCsv(statement: Statement): string {
  const t = statementTexts(statement.language);
  const header: Record<CsvKey, string> = {
    customerNumber: t.customerNumber,
    name: t.name,
    currency: t.currency,
    line: t.line,
    document: t.document,
    date: t.date,
    dueDate: t.dueDate,
    poNumber: t.poNumber,
    daysPastDue: t.daysPastDue,
    bucket: t.bucket,
    amount: t.amount,
    openBalance: t.openBalance,
    appliedTo: t.appliedTo,
  };
  const rows: Array<Partial<Record<CsvKey, string>>> = [];
  const decimal = (value: Money): string => formatMoney(value);
  for (const s of statement.sections) {
    const base = { customerNumber: statement.customerNumber, name: statement.name, currency: s.currency };
    for (const item of s.openItems)
      rows.push({
        ...base,
        line: t.documentTypes[item.documentType],
        document: item.invoiceNumber,
        date: formatDay(item.invoiceDate),
        dueDate: formatDay(item.dueDate),
        poNumber: item.poNumber ?? '',
        daysPastDue: String(item.daysPastDue),
        bucket: t.buckets[item.bucket],
        amount: decimal(item.amount),
        openBalance: decimal(item.openBalance),
      });
    for (const credit of s.credits)
      rows.push({
        ...base,
        line: t.documentTypes[credit.documentType],
        document: credit.invoiceNumber,
        date: formatDay(credit.invoiceDate),
        amount: decimal(credit.amount),
        openBalance: decimal(credit.openBalance),
      });
    for (const payment of s.payments) {
      rows.push({
        ...base,
        line: t.payment,
        document: payment.paymentReference,
        date: formatDay(payment.receivedDate),
        amount: decimal(payment.amount),
        openBalance:
          payment.unapplied.minor > 0n ? decimal({ ...payment.unapplied, minor: -payment.unapplied.minor }) : '',
      });
      for (const application of payment.applications)
        rows.push({
          ...base,
          line: t.applied,
          document: payment.paymentReference,
          date: formatDay(application.appliedDate),
          amount: decimal(application.amount),
          appliedTo: application.invoiceNumber,
        });
    }
    for (const total of s.aging)
      rows.push({ ...base, line: t.aging, bucket: t.buckets[total.bucket], amount: decimal(total.amount) });
    const totals: Array<[string, Money]> = [
      [t.totalOpenItems, s.totalOpen],
      [t.totalOverdue, s.totalOverdue],
      [t.totalCredits, s.totalCredits],
      [t.unappliedCash, { currency: s.currency, minor: -s.unappliedCash.minor }],
      [t.paymentsReceived, s.paymentsReceived],
      [t.balance, s.balance],
    ];
    for (const [label, value] of totals) rows.push({ ...base, line: label, amount: decimal(value) });
  }
  return formatSpreadsheetCsv(
    CSV_KEYS.map((key) => header[key]),
    rows.map((row) => Object.fromEntries(CSV_KEYS.map((key) => [header[key], row[key] ?? '']))),
  );
}
