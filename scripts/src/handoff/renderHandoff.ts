/**
 * The write-off packet as files for the bad-debt team: one spreadsheet-safe CSV per table
 * (accounts, invoices, notices, promises, disputes, plans; formatSpreadsheetCsv, so a customer name
 * such as "=HYPERLINK(...)" stays text) and a readable Markdown summary: per account who it is,
 * how much it owes and in what, what was done about it and since when.
 */
import { parseMoney } from '../domain/money';
import { describeMoney, listWords } from '../domain/engine/reasons';
import { formatSpreadsheetCsv } from '../records/csv';
import type { HandoffAccount, HandoffPacket, HandoffRate } from './handoffPacket';

export interface HandoffTable {
  /** the file's suffix: handoff-<asOf>-<name>.csv */
  name: string;
  columns: readonly string[];
  rows: ReadonlyArray<Record<string, string>>;
}

const text = (value: string | number | boolean | null | undefined): string =>
  value === null || value === undefined ? '' : String(value);

/** "1 USD = 0.92 EUR (rate of 2026-11-01)". */
export function describeRate(rate: HandoffRate): string {
  return `1 ${rate.from} = ${rate.rate} ${rate.to} (rate of ${rate.date})`;
}

function who(account: HandoffAccount): Record<string, string> {
  return { 'Customer number': account.customerNumber, Name: account.name };
}

export function handoffTables(packet: HandoffPacket): HandoffTable[] {
  const corporate = packet.corporateCurrency;
  const accounts: HandoffTable = {
    name: 'accounts',
    columns: [
      'As of',
      'Customer number',
      'Name',
      'Country',
      'Language',
      'Billing entity',
      'Billing email',
      'Collector',
      'Collections status',
      'Suspension warning date',
      'Suspension date',
      'In collections since',
      'Referred since',
      'Referred because',
      'Currency',
      'Open invoices',
      'Open amount',
      'Open credits',
      'Unapplied cash',
      'Net owed',
      'Oldest days past due',
      'Corporate currency',
      'Rate used',
      'Rate date',
      `Net owed in ${corporate}`,
      `Account total in ${corporate}`,
      'Note',
    ],
    rows: packet.accounts.flatMap((account) => {
      const base = {
        'As of': packet.asOf,
        ...who(account),
        Country: text(account.country),
        Language: account.language,
        'Billing entity': text(account.billingEntity),
        'Billing email': text(account.billingEmail),
        Collector: text(account.collector),
        'Collections status': account.collectionsStatus,
        'Suspension warning date': text(account.suspensionWarningDate),
        'Suspension date': text(account.suspensionDate),
        'In collections since': text(account.inCollectionsSince),
        'Referred since': text(account.referredSince),
        'Referred because': account.referredBecause.join('; '),
        'Corporate currency': corporate,
        [`Account total in ${corporate}`]: text(account.corporateTotal),
      };
      if (account.currencies.length === 0) return [{ ...base, Note: 'nothing open' }];
      return account.currencies.map((entry) => ({
        ...base,
        Currency: entry.currency,
        'Open invoices': String(entry.openInvoices),
        'Open amount': entry.open,
        'Open credits': entry.credits,
        'Unapplied cash': entry.unappliedCash,
        'Net owed': entry.net,
        'Oldest days past due': text(entry.oldestDaysPastDue),
        'Rate used': entry.rate ? `1 ${entry.rate.from} = ${entry.rate.rate} ${entry.rate.to}` : '',
        'Rate date': entry.rate?.date ?? '',
        [`Net owed in ${corporate}`]: text(entry.corporateNet),
        Note: entry.missingRate
          ? `no ${entry.currency}/${corporate} rate dated on or before ${packet.asOf}: no ${corporate} total`
          : '',
      }));
    }),
  };
  const invoices: HandoffTable = {
    name: 'invoices',
    columns: [
      'Customer number',
      'Name',
      'Document',
      'Document type',
      'Currency',
      'Invoice date',
      'Due date',
      'Days past due',
      'Aging bucket',
      'Amount',
      'Open balance',
      'Disputed',
      'PO number',
      'Payment plan',
    ],
    rows: packet.accounts.flatMap((account) =>
      account.invoices.map((invoice) => ({
        ...who(account),
        Document: invoice.invoiceNumber,
        'Document type': invoice.documentType,
        Currency: invoice.currency,
        'Invoice date': invoice.invoiceDate,
        'Due date': invoice.dueDate,
        'Days past due': String(invoice.daysPastDue),
        'Aging bucket': invoice.bucket,
        Amount: invoice.amount,
        'Open balance': invoice.openBalance,
        Disputed: invoice.disputed,
        'PO number': text(invoice.poNumber),
        'Payment plan': text(invoice.paymentPlanId),
      })),
    ),
  };
  const notices: HandoffTable = {
    name: 'notices',
    columns: [
      'Customer number',
      'Name',
      'As of date',
      'Action',
      'Level',
      'Policy step',
      'Channel',
      'Currency',
      'Status',
      'Sent date',
      'Delivery outcome',
      'Delivery detail',
      'Recipient',
      'Invoices covered',
      'Case',
      'Key',
    ],
    rows: packet.accounts.flatMap((account) =>
      account.notices.map((notice) => ({
        ...who(account),
        'As of date': notice.asOf,
        Action: notice.action,
        Level: text(notice.level),
        'Policy step': text(notice.step),
        Channel: text(notice.channel),
        Currency: notice.currency,
        Status: notice.status,
        'Sent date': text(notice.sentDate),
        'Delivery outcome': text(notice.deliveryOutcome),
        'Delivery detail': text(notice.deliveryDetail),
        Recipient: text(notice.recipient),
        'Invoices covered': notice.invoiceNumbers.join(' '),
        Case: text(notice.caseKey),
        Key: notice.key,
      })),
    ),
  };
  const promises: HandoffTable = {
    name: 'promises',
    columns: [
      'Customer number',
      'Name',
      'Promise',
      'Currency',
      'Amount',
      'Logged date',
      'Promised date',
      'Status',
      'Amount received',
    ],
    rows: packet.accounts.flatMap((account) =>
      account.promises.map((promise) => ({
        ...who(account),
        Promise: promise.name ?? promise.id,
        Currency: promise.currency,
        Amount: promise.amount,
        'Logged date': promise.loggedDate,
        'Promised date': promise.promisedDate,
        Status: promise.status,
        'Amount received': text(promise.amountReceived),
      })),
    ),
  };
  const disputes: HandoffTable = {
    name: 'disputes',
    columns: [
      'Customer number',
      'Name',
      'Dispute',
      'Status',
      'Reason code',
      'Routed team',
      'Opened date',
      'Target resolution date',
      'Resolved date',
      'Invoice',
      'Currency',
      'Disputed amount',
    ],
    rows: packet.accounts.flatMap((account) =>
      account.disputes.flatMap((dispute) => {
        const base = {
          ...who(account),
          Dispute: dispute.name ?? dispute.id,
          Status: dispute.status,
          'Reason code': text(dispute.reasonCode),
          'Routed team': text(dispute.routedTeam),
          'Opened date': dispute.openedDate,
          'Target resolution date': text(dispute.targetResolutionDate),
          'Resolved date': text(dispute.resolvedDate),
        };
        if (dispute.lines.length === 0) return [base];
        return dispute.lines.map((line) => ({
          ...base,
          Invoice: line.invoiceNumber,
          Currency: line.currency,
          'Disputed amount': line.amount,
        }));
      }),
    ),
  };
  const plans: HandoffTable = {
    name: 'plans',
    columns: [
      'Customer number',
      'Name',
      'Plan',
      'Status',
      'Approved date',
      'Currency',
      'Total',
      'Frequency',
      'Installment',
      'Due date',
      'Amount',
      'Amount paid',
      'Installment status',
    ],
    rows: packet.accounts.flatMap((account) =>
      account.plans.flatMap((plan) => {
        const base = {
          ...who(account),
          Plan: plan.name ?? plan.id,
          Status: plan.status,
          'Approved date': text(plan.approvedDate),
          Currency: plan.currency,
          Total: plan.total,
          Frequency: text(plan.frequency),
        };
        if (plan.installments.length === 0) return [base];
        return plan.installments.map((installment) => ({
          ...base,
          Installment: String(installment.number),
          'Due date': installment.dueDate,
          Amount: installment.amount,
          'Amount paid': text(installment.amountPaid),
          'Installment status': text(installment.status),
        }));
      }),
    ),
  };
  return [accounts, invoices, notices, promises, disputes, plans];
}

/** A table as the CSV people open (formula-like text neutralised, BOM, CRLF). */
export function tableCsv(table: HandoffTable): string {
  return formatSpreadsheetCsv(table.columns, table.rows);
}

/**
 * Data text made inert in Markdown (no emphasis, links, HTML or code), on one line; in a table, see cell().
 * Underscores inside a word (Referred_To_Write_Off, Status__c) are left alone: they cannot start emphasis.
 */
export function markdownText(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/[\\`*[\]<>#!~&]|(?<![\p{L}\p{N}_])_+|_+(?![\p{L}\p{N}_])/gu, (match) => match.replace(/./g, '\\$&'));
}

function amount(value: string, currency: string): string {
  return describeMoney(parseMoney(value, currency));
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

function accountSection(account: HandoffAccount, packet: HandoffPacket): string[] {
  const m = markdownText;
  const corporate = packet.corporateCurrency;
  const lines: string[] = [`## ${m(account.name)} (${m(account.customerNumber)})`, ''];

  const contact = [
    account.country ? `country ${m(account.country)}` : null,
    `language ${m(account.language)}`,
    account.billingEmail ? `billing email ${m(account.billingEmail)}` : 'no billing email',
    account.billingEntity ? `billed by ${m(account.billingEntity)}` : null,
    account.collector ? `collector ${m(account.collector)}` : 'no collector',
  ].filter((part): part is string => part !== null);
  lines.push(`- **Who**: ${m(account.name)}, customer ${m(account.customerNumber)}; ${contact.join('; ')}.`);

  const status = [`${m(account.collectionsStatus)}`];
  if (account.suspensionWarningDate) status.push(`suspension warning on ${account.suspensionWarningDate}`);
  if (account.suspensionDate) status.push(`suspended since ${account.suspensionDate}`);
  if (account.inCollectionsSince) status.push(`in collections since ${account.inCollectionsSince}`);
  if (account.exempt) status.push('marked exempt from collections');
  lines.push(`- **Status**: ${status.join('; ')}.`);

  const referred = account.referredSince ? `since ${account.referredSince}` : 'date unknown';
  const grounds = account.referrals.map(
    (referral) =>
      `${m(referral.type === 'Bad_Debt_Referral' ? 'referral' : referral.type)} ${m(referral.key)} ${m(referral.status)}${
        referral.referralDate ? ` on ${referral.referralDate}` : ''
      }${referral.amount && referral.currency ? `, ${amount(referral.amount, referral.currency)}` : ''}${
        referral.invoiceNumbers.length > 0 ? ` in ${plural(referral.invoiceNumbers.length, 'invoice')}` : ''
      }`,
  );
  if (account.collectionsStatus === 'Referred_To_Write_Off') grounds.unshift('account status Referred_To_Write_Off');
  lines.push(`- **Referred to write-off**: ${referred}; ${grounds.join('; ')}.`);

  if (account.currencies.length === 0) lines.push('- **Owes**: nothing is open.');
  else {
    lines.push('- **Owes**:');
    for (const entry of account.currencies) {
      const parts = [`${amount(entry.open, entry.currency)} open in ${plural(entry.openInvoices, 'invoice')}`];
      if (entry.oldestDaysPastDue !== null) parts.push(`oldest ${entry.oldestDaysPastDue} days past due`);
      if (nonZero(entry.credits, entry.currency)) parts.push(`open credits ${amount(entry.credits, entry.currency)}`);
      if (nonZero(entry.unappliedCash, entry.currency))
        parts.push(`unapplied cash ${amount(entry.unappliedCash, entry.currency)}`);
      const converted =
        entry.currency === corporate
          ? ''
          : entry.rate && entry.corporateNet !== null
            ? ` = ${amount(entry.corporateNet, corporate)} at ${describeRate(entry.rate)}`
            : ` (no ${entry.currency}/${corporate} rate dated on or before ${packet.asOf})`;
      lines.push(`  - ${parts.join(', ')}: net ${amount(entry.net, entry.currency)}${converted}`);
    }
    lines.push(
      account.corporateTotal !== null
        ? `  - **Total: ${amount(account.corporateTotal, corporate)}**`
        : `  - No ${corporate} total: no rate for ${listWords(account.missingRates)} dated on or before ${packet.asOf}.`,
    );
  }

  if (account.notices.length === 0) lines.push('- **Done**: no notices recorded.');
  else {
    lines.push(`- **Done**: ${plural(account.notices.length, 'action')}:`);
    for (const notice of account.notices) {
      const parts = [
        `${m(notice.action)}${notice.level === null ? '' : ` ${notice.level}`}${notice.currency ? ` (${m(notice.currency)})` : ''}`,
        m(notice.status),
      ];
      if (notice.sentDate) parts.push(`sent ${notice.sentDate}`);
      if (notice.recipient) parts.push(`to ${m(notice.recipient)}`);
      if (notice.deliveryOutcome)
        parts.push(
          `delivery ${m(notice.deliveryOutcome)}${notice.deliveryDetail ? ` (${m(notice.deliveryDetail)})` : ''}`,
        );
      lines.push(`  - ${notice.asOf}: ${parts.join(', ')}`);
    }
  }

  if (account.promises.length > 0) {
    const counts = new Map<string, number>();
    for (const promise of account.promises) counts.set(promise.status, (counts.get(promise.status) ?? 0) + 1);
    lines.push(
      `- **Promises**: ${[...counts.entries()].map(([state, count]) => `${count} ${m(state.toLowerCase())}`).join(', ')}:`,
    );
    for (const promise of account.promises)
      lines.push(
        `  - ${amount(promise.amount, promise.currency)} promised for ${promise.promisedDate} (logged ${promise.loggedDate}): ${m(promise.status)}${
          promise.amountReceived !== null ? `, received ${amount(promise.amountReceived, promise.currency)}` : ''
        }`,
      );
  }

  if (account.disputes.length > 0) {
    lines.push(`- **Disputes**: ${plural(account.disputes.length, 'dispute')}:`);
    for (const dispute of account.disputes) {
      const about = [dispute.reasonCode, dispute.routedTeam].filter((part): part is string => part !== null);
      const lineText = dispute.lines.map((line) => `${m(line.invoiceNumber)} ${amount(line.amount, line.currency)}`);
      lines.push(
        `  - ${m(dispute.name ?? dispute.id)}: ${m(dispute.status)}${about.length > 0 ? ` (${m(about.join(', '))})` : ''}, opened ${dispute.openedDate}${
          dispute.resolvedDate ? `, resolved ${dispute.resolvedDate}` : ''
        }${lineText.length > 0 ? `; ${lineText.join(', ')}` : ''}`,
      );
    }
  }

  if (account.plans.length > 0) {
    lines.push(`- **Payment plans**: ${plural(account.plans.length, 'plan')}:`);
    for (const plan of account.plans) {
      const paid = plan.installments.filter((installment) => installment.status === 'Paid').length;
      lines.push(
        `  - ${m(plan.name ?? plan.id)}: ${m(plan.status)}, ${amount(plan.total, plan.currency)} in ${plural(plan.installments.length, 'installment')}${
          plan.frequency ? ` (${m(plan.frequency)})` : ''
        }${plan.approvedDate ? `, approved ${plan.approvedDate}` : ''}${
          plan.installments.some((installment) => installment.status !== null) ? `, ${paid} paid` : ''
        }`,
      );
    }
  }
  lines.push('');
  return lines;
}

function nonZero(value: string, currency: string): boolean {
  return parseMoney(value, currency).minor !== 0n;
}

/** Data text for a Markdown table cell: inert, and a | does not end the cell. */
function cell(value: string): string {
  return markdownText(value).replace(/\|/g, '\\|');
}

/** The packet in words, as Markdown. */
export function handoffSummary(packet: HandoffPacket, source: string): string {
  const m = markdownText;
  const corporate = packet.corporateCurrency;
  const lines: string[] = [`# Write-off handoff as of ${packet.asOf}`, ''];
  if (packet.accounts.length === 0) {
    lines.push(`No account is referred to write-off as of ${packet.asOf} (${m(source)}).`, '');
    return lines.join('\n');
  }
  lines.push(
    `${plural(packet.accounts.length, 'account')} referred to write-off (an approved or handed-off bad-debt referral, or the status Referred_To_Write_Off), from ${m(source)}.`,
    '',
  );
  for (const total of packet.totals)
    lines.push(`- ${amount(total.net, total.currency)} owed by ${plural(total.accounts, 'account')}`);
  lines.push(
    packet.corporateTotal !== null
      ? `- **Total in ${corporate}: ${amount(packet.corporateTotal, corporate)}**`
      : `- No ${corporate} total: no rate for ${listWords(packet.missingRates)} dated on or before ${packet.asOf}.`,
  );
  if (packet.ratesUsed.length > 0)
    lines.push(`- Rates used: ${packet.ratesUsed.map((rate) => describeRate(rate)).join('; ')}`);
  lines.push(
    '',
    `| Customer | Name | Status | Referred since | Owed | In ${corporate} |`,
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const account of packet.accounts) {
    const owed = account.currencies.map((entry) => amount(entry.net, entry.currency)).join(', ') || '-';
    lines.push(
      `| ${cell(account.customerNumber)} | ${cell(account.name)} | ${cell(account.collectionsStatus)} | ${account.referredSince ?? '-'} | ${owed} | ${
        account.corporateTotal !== null ? amount(account.corporateTotal, corporate) : 'no rate'
      } |`,
    );
  }
  lines.push('');
  for (const account of packet.accounts) lines.push(...accountSection(account, packet));
  return lines.join('\n');
}
