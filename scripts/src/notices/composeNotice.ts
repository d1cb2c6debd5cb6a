/**
 * A notice as the customer reads it: subject, plain text and HTML, in the account's language, with
 * every overdue invoice, disputed parts shown as not requested, open credits and unapplied cash
 * deducted, the amount due, links to invoice copies and the payment instructions. Every value from
 * data is escaped in the HTML.
 */
import { type Day } from '../domain/calendar';
import type { NoticeAction, NoticeLine } from '../domain/engine/actions';
import { formatMoney, minorDigits, type Money } from '../domain/money';
import { escapeHtml } from './escapeHtml';
import { noticeTexts, type NoticeTexts } from './noticeTexts';

export interface ComposedNotice {
  subject: string;
  text: string;
  html: string;
}

const LOCALES: Record<string, string> = { en_US: 'en-US', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', nl_NL: 'nl-NL' };

function localeOf(language: string): string {
  return LOCALES[language] ?? 'en-US';
}

// Intl formatters are costly to build (a night sends thousands of notices): one per locale and currency.
const amountFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatAmount(amount: Money, language: string): string {
  const key = `${language}|${amount.currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    const digits = minorDigits(amount.currency);
    format = new Intl.NumberFormat(localeOf(language), {
      style: 'currency',
      currency: amount.currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    amountFormats.set(key, format);
  }
  // A decimal string keeps every digit exact (Intl formats strings as decimals).
  return format.format(formatMoney(amount) as unknown as number);
}

/** Dates already formatted, per language: a night's notices name a few hundred distinct days, millions of times. */
const formattedDays = new Map<string, Map<Day, string>>();

export function formatDate(day: Day, language: string): string {
  let days = formattedDays.get(language);
  if (!days) {
    days = new Map();
    formattedDays.set(language, days);
  }
  let text = days.get(day);
  if (text === undefined) {
    let format = dateFormats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone: 'UTC' });
      dateFormats.set(language, format);
    }
    text = format.format(new Date(day * 86_400_000));
    days.set(day, text);
  }
  return text;
}

function subjectOf(notice: NoticeAction, t: NoticeTexts): string {
  if (notice.noticeAction === 'Courtesy_Reminder') return t.subjectCourtesy;
  if (notice.noticeAction === 'Suspension_Warning') return t.subjectWarning;
  return t.subjectReminder(notice.level ?? 1);
}

function introOf(notice: NoticeAction, t: NoticeTexts, noticeDays: number): string {
  if (notice.noticeAction === 'Courtesy_Reminder') return t.introCourtesy;
  if (notice.noticeAction === 'Suspension_Warning') return t.introWarning(noticeDays);
  return t.introReminder;
}

interface Cells {
  invoice: string;
  invoiceDate: string;
  dueDate: string;
  days: string;
  open: string;
  disputed: string;
  url: string | null;
}

function cellsOf(line: NoticeLine, language: string): Cells {
  return {
    invoice: line.invoiceNumber,
    invoiceDate: formatDate(line.invoiceDate, language),
    dueDate: formatDate(line.dueDate, language),
    days: line.daysPastDue > 0 ? String(line.daysPastDue) : '',
    open: formatAmount(line.openBalance, language),
    disputed: line.disputed.minor > 0n ? formatAmount(line.disputed, language) : '',
    url: line.documentUrl,
  };
}

function instructionLines(notice: NoticeAction, t: NoticeTexts): Array<[string, string]> {
  const p = notice.paymentInstruction;
  if (!p) return [];
  const lines: Array<[string, string | null]> = [
    [t.beneficiary, p.beneficiaryName],
    [t.bank, p.bankName],
    [t.account, p.accountNumber],
    [t.iban, p.iban],
    [t.bic, p.swiftBic],
    [t.routing, p.routingCode ? `${p.routingCode}${p.routingCodeType ? ` (${p.routingCodeType})` : ''}` : null],
  ];
  return lines.filter((line): line is [string, string] => line[1] !== null);
}

export function composeNotice(notice: NoticeAction, customerName: string, noticeDays: number): ComposedNotice {
  const language = notice.language;
  const t = noticeTexts(language);
  const lines = notice.lines.map((line) => cellsOf(line, language));
  const credits = notice.credits.map((line) => cellsOf(line, language));
  const instructions = instructionLines(notice, t);
  const totals: Array<[string, string]> = [
    [
      notice.noticeAction === 'Courtesy_Reminder' ? t.openBalance : t.totalOverdue,
      formatAmount(notice.overdue, language),
    ],
  ];
  if (credits.length > 0) totals.push([t.credits, credits.map((c) => `${c.invoice} ${c.open}`).join(', ')]);
  if (notice.unappliedCash.minor > 0n) totals.push([t.unappliedCash, formatAmount(notice.unappliedCash, language)]);
  totals.push([t.netDue, formatAmount(notice.netDue, language)]);

  const text = [
    t.greeting(customerName),
    '',
    introOf(notice, t, noticeDays),
    '',
    ...lines.map(
      (l) =>
        `- ${t.invoice} ${l.invoice}: ${t.dueDate} ${l.dueDate}${l.days ? `, ${t.daysPastDue} ${l.days}` : ''}, ${t.openBalance} ${l.open}${l.disputed ? `, ${t.disputed} ${l.disputed}` : ''}${l.url ? `, ${t.copy}: ${l.url}` : ''}`,
    ),
    '',
    ...totals.map(([label, value]) => `${label}: ${value}`),
    '',
    ...(instructions.length > 0
      ? [`${t.payTo}:`, ...instructions.map(([label, value]) => `  ${label}: ${value}`)]
      : []),
    ...(notice.paymentInstruction?.referenceInstructions ? [notice.paymentInstruction.referenceInstructions] : []),
    '',
    t.ignoreIfPaid,
    '',
    t.closing,
  ].join('\n');

  const e = escapeHtml;
  const row = (l: Cells): string =>
    `<tr><td>${l.url ? `<a href="${e(l.url)}">${e(l.invoice)}</a>` : e(l.invoice)}</td><td>${e(l.invoiceDate)}</td><td>${e(l.dueDate)}</td><td style="text-align:right">${e(l.days)}</td><td style="text-align:right">${e(l.open)}</td><td style="text-align:right">${e(l.disputed)}</td></tr>`;
  const html = [
    '<!DOCTYPE html>',
    `<html lang="${e(localeOf(language))}"><head><meta charset="utf-8"><title>${e(subjectOf(notice, t))}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#181818">',
    `<p>${e(t.greeting(customerName))}</p>`,
    `<p>${e(introOf(notice, t, noticeDays))}</p>`,
    '<table cellpadding="6" style="border-collapse:collapse" border="1">',
    `<thead><tr><th>${e(t.invoice)}</th><th>${e(t.invoiceDate)}</th><th>${e(t.dueDate)}</th><th>${e(t.daysPastDue)}</th><th>${e(t.openBalance)}</th><th>${e(t.disputed)}</th></tr></thead>`,
    `<tbody>${lines.map(row).join('')}</tbody></table>`,
    `<table cellpadding="4">${totals.map(([label, value]) => `<tr><td>${e(label)}</td><td style="text-align:right"><strong>${e(value)}</strong></td></tr>`).join('')}</table>`,
    instructions.length > 0
      ? `<p><strong>${e(t.payTo)}</strong><br>${instructions.map(([label, value]) => `${e(label)}: ${e(value)}`).join('<br>')}</p>`
      : '',
    notice.paymentInstruction?.referenceInstructions
      ? `<p>${e(notice.paymentInstruction.referenceInstructions)}</p>`
      : '',
    `<p>${e(t.ignoreIfPaid)}</p>`,
    `<p>${e(t.closing).replace(/\n/g, '<br>')}</p>`,
    '</body></html>',
  ].join('\n');

  return { subject: subjectOf(notice, t), text, html };
}
