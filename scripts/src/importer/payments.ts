/**
 * The payments file, row by row, into Payment__c and Payment_Application__c rows, or rejects. Pure,
 * like invoices.ts: rows come in with their line numbers, the invoices file's outcome and the store
 * view come in at the end.
 *
 * A row is one line of a payment: the cash received under a payment reference, applied to the
 * invoice it names, or left unapplied when the invoice number is blank. A remittance that pays
 * several invoices is several rows with the same reference (and the same customer, currency and
 * date); the payment's amount is the sum of its rows. The same row twice loads once.
 *
 * A payment loads whole or not at all: when one of its rows is rejected, its other rows are too.
 *
 * Applied amounts: cash is never rejected for being too much. A row that pays more than is left on
 * its invoice (the invoice's amount, less what other payments in the store and earlier rows of the
 * file applied to it) is applied up to what is left; the rest stays unapplied on the payment
 * (Unapplied_Amount__c shows it), and the import says so in a note.
 */
import { formatDay, type Day } from '../domain/calendar';
import { add, formatMoney, money, type Money } from '../domain/money';
import type { Row } from '../records/schema';
import { RowCells, type ColumnMap } from './columns';
import { MAX_LENGTH, type PaymentField } from './formats';
import type { InvoiceOutcome } from './invoices';
import type { FileFormat } from './mapping';
import type { Problem, Reject } from './rejects';
import { keyOf, type KnownInvoice, type StoreView } from './storeView';
import { parseAmount, parseCurrency } from './values';

export interface PaymentLine {
  line: number;
  source: Row;
  reference: string;
  customerNumber: string;
  receivedDate: Day;
  currency: string;
  amount: Money;
  /** '' for unapplied cash */
  invoiceNumber: string;
}

export interface PaymentOutcome {
  rowsIn: number;
  accepted: PaymentLine[];
  rejects: Reject[];
  payments: Row[];
  applications: Row[];
  paymentLines: Map<string, number[]>;
  applicationLines: Map<string, number[]>;
  /** what a person should know about rows that loaded: overpayments left unapplied */
  notes: string[];
}

interface PaymentGroup {
  reference: string;
  first: PaymentLine;
  /** by upper-cased invoice number ('' for the unapplied line) -> the line */
  lines: Map<string, PaymentLine>;
  /** every accepted input line of the payment, duplicates included */
  all: PaymentLine[];
}

const BLANK = 'blank: a value is required';

export class PaymentValidator {
  private rowsIn = 0;
  private readonly groups = new Map<string, PaymentGroup>();
  private readonly rejects: Reject[] = [];
  /** payment references (upper-cased) with a rejected row -> the first such line */
  private readonly rejectedReferences = new Map<string, number>();

  constructor(
    private readonly columns: ColumnMap,
    private readonly format: FileFormat,
  ) {}

  add(source: Row, line: number): void {
    this.rowsIn++;
    const cells = new RowCells(this.columns, source);
    const problems: Problem[] = [];
    const parsed = this.parse(cells, line, problems);
    if (parsed) problems.push(...this.againstFile(parsed, cells));
    if (problems.length > 0 || !parsed) {
      for (const problem of problems) this.rejects.push({ ...problem, line, source });
      const reference = keyOf(cells.get('payment_reference') ?? '');
      if (reference && !this.rejectedReferences.has(reference)) this.rejectedReferences.set(reference, line);
      return;
    }
    const reference = keyOf(parsed.reference);
    const group: PaymentGroup = this.groups.get(reference) ?? {
      reference: parsed.reference,
      first: parsed,
      lines: new Map(),
      all: [],
    };
    this.groups.set(reference, group);
    if (!group.lines.has(keyOf(parsed.invoiceNumber))) group.lines.set(keyOf(parsed.invoiceNumber), parsed);
    group.all.push(parsed);
  }

  /** The upper-cased invoice numbers and customers the file names. */
  referenced(): { invoiceNumbers: Set<string>; customers: Set<string> } {
    const invoiceNumbers = new Set<string>();
    const customers = new Set<string>();
    for (const group of this.groups.values()) {
      customers.add(keyOf(group.first.customerNumber));
      for (const key of group.lines.keys()) if (key !== '') invoiceNumbers.add(key);
    }
    return { invoiceNumbers, customers };
  }

  finish(store: StoreView, invoices: InvoiceOutcome | undefined): PaymentOutcome {
    const rejects = [...this.rejects];
    const outcome: PaymentOutcome = {
      rowsIn: this.rowsIn,
      accepted: [],
      rejects,
      payments: [],
      applications: [],
      paymentLines: new Map(),
      applicationLines: new Map(),
      notes: [],
    };
    const invoiceOf = (number: string): KnownInvoice | undefined =>
      invoices?.known.get(number) ?? store.invoices.get(number);
    const loaded: PaymentGroup[] = [];
    for (const [reference, group] of this.groups) {
      const problems: Array<{ line: PaymentLine; problem: Problem }> = [];
      for (const line of group.all) {
        for (const problem of this.againstLedger(line, store, invoices, invoiceOf)) problems.push({ line, problem });
      }
      const rejectedLine = this.rejectedReferences.get(reference) ?? problems[0]?.line.line;
      if (rejectedLine === undefined) {
        loaded.push(group);
        continue;
      }
      for (const { line, problem } of problems) rejects.push({ ...problem, line: line.line, source: line.source });
      const withProblems = new Set(problems.map(({ line }) => line));
      for (const line of group.all) {
        if (withProblems.has(line)) continue;
        rejects.push({
          column: new RowCells(this.columns, line.source).column('payment_reference'),
          value: line.reference,
          reason: `payment ${group.reference} loads whole or not at all, and its row on line ${rejectedLine} was rejected`,
          line: line.line,
          source: line.source,
        });
      }
    }

    // What is left to pay on each invoice: its amount, less the applications in the store from payments this file does not carry.
    const inFile = new Set(loaded.map((group) => keyOf(group.reference)));
    const left = new Map<string, Money | undefined>();
    const leftOn = (invoice: KnownInvoice): Money | undefined => {
      const key = keyOf(invoice.number);
      if (!left.has(key)) {
        let remaining = invoice.amount;
        for (const application of store.applications.get(key) ?? []) {
          if (
            remaining &&
            !inFile.has(keyOf(application.paymentReference)) &&
            application.amount.currency === remaining.currency
          ) {
            remaining = money(remaining.currency, remaining.minor - application.amount.minor);
          }
        }
        left.set(key, remaining);
      }
      return left.get(key);
    };

    for (const group of loaded) {
      const { first } = group;
      const customer =
        invoices?.customers.get(keyOf(first.customerNumber)) ??
        store.accounts.get(keyOf(first.customerNumber)) ??
        first.customerNumber;
      let total = money(first.currency, 0n);
      for (const line of group.lines.values()) total = add(total, line.amount);
      outcome.payments.push({
        Payment_Reference__c: group.reference,
        Name: group.reference,
        'Account__r.Customer_Number__c': customer,
        CurrencyIsoCode: first.currency,
        Received_Date__c: formatDay(first.receivedDate),
        Amount__c: formatMoney(total),
      });
      for (const line of group.all) {
        outcome.accepted.push(line);
        push(outcome.paymentLines, group.reference, line.line);
      }
      for (const line of group.lines.values()) {
        if (line.invoiceNumber === '') continue;
        const invoice = invoiceOf(keyOf(line.invoiceNumber)) as KnownInvoice;
        const key = `${group.reference}/${invoice.number}`;
        const remaining = leftOn(invoice);
        let applied = line.amount;
        if (remaining && remaining.minor < line.amount.minor) {
          applied = money(line.amount.currency, remaining.minor > 0n ? remaining.minor : 0n);
          const unapplied = money(line.amount.currency, line.amount.minor - applied.minor);
          outcome.notes.push(
            `line ${line.line}: payment ${group.reference} pays ${formatMoney(line.amount)} ${line.currency} on ${invoice.number}, which has ` +
              `${formatMoney(applied)} left to pay; ${formatMoney(unapplied)} ${line.currency} stays unapplied on the payment`,
          );
        }
        if (remaining) left.set(keyOf(invoice.number), money(remaining.currency, remaining.minor - applied.minor));
        if (applied.minor === 0n) continue;
        outcome.applications.push({
          Application_Key__c: key,
          'Payment__r.Payment_Reference__c': group.reference,
          'Invoice__r.Invoice_Number__c': invoice.number,
          CurrencyIsoCode: line.currency,
          Applied_Date__c: formatDay(line.receivedDate),
          Amount__c: formatMoney(applied),
        });
        for (const same of group.all)
          if (keyOf(same.invoiceNumber) === keyOf(line.invoiceNumber)) push(outcome.applicationLines, key, same.line);
      }
    }
    outcome.accepted.sort((a, b) => a.line - b.line);
    return outcome;
  }

  private parse(cells: RowCells, line: number, problems: Problem[]): PaymentLine | undefined {
    const problem = (field: PaymentField, reason: string): void => {
      problems.push({ column: cells.column(field), value: cells.raw(field), reason });
    };
    const text = (field: PaymentField, required: boolean, max: number): string => {
      const value = cells.get(field) ?? '';
      if (value === '' && required) problem(field, BLANK);
      if (value.length > max) problem(field, `longer than ${max} characters (${value.length})`);
      return value;
    };
    const reference = text('payment_reference', true, MAX_LENGTH.payment_reference);
    const customerNumber = text('customer_number', true, MAX_LENGTH.customer_number);
    const invoiceNumber = text('invoice_number', false, MAX_LENGTH.invoice_number);

    let receivedDate: Day | undefined;
    const dateCell = cells.get('received_date') ?? '';
    if (dateCell === '') problem('received_date', BLANK);
    else {
      const parsed = this.format.dateFormat.parse(dateCell);
      if (parsed.ok) receivedDate = parsed.value;
      else problem('received_date', parsed.reason);
    }

    let currency: string | undefined;
    const currencyCell = cells.get('currency') ?? '';
    if (currencyCell === '' && this.format.defaultCurrency) currency = this.format.defaultCurrency;
    else if (currencyCell === '') problem('currency', BLANK);
    else {
      const parsed = parseCurrency(currencyCell);
      if (parsed.ok) currency = parsed.value;
      else problem('currency', parsed.reason);
    }

    let amount: Money | undefined;
    const amountCell = cells.get('amount') ?? '';
    if (amountCell === '') problem('amount', BLANK);
    else if (currency) {
      const parsed = parseAmount(amountCell, currency, this.format.number);
      if (!parsed.ok) problem('amount', parsed.reason);
      else if (parsed.value.minor <= 0n)
        problem('amount', 'a payment is cash received: its amount must be greater than zero');
      else amount = parsed.value;
    }
    if (problems.length > 0 || receivedDate === undefined || currency === undefined || amount === undefined)
      return undefined;
    return { line, source: cells.source, reference, customerNumber, receivedDate, currency, amount, invoiceNumber };
  }

  /** A row that contradicts an earlier row of the same payment. */
  private againstFile(line: PaymentLine, cells: RowCells): Problem[] {
    const group = this.groups.get(keyOf(line.reference));
    if (!group) return [];
    const { first } = group;
    const problem = (field: PaymentField, reason: string): Problem[] => [
      { column: cells.column(field), value: cells.raw(field), reason },
    ];
    if (first.reference !== line.reference) {
      return problem(
        'payment_reference',
        `payment ${first.reference} is written "${first.reference}" on line ${first.line} (references are not case-sensitive)`,
      );
    }
    if (first.customerNumber !== line.customerNumber) {
      return problem(
        'customer_number',
        `payment ${first.reference} is from customer ${first.customerNumber} on line ${first.line}`,
      );
    }
    if (first.currency !== line.currency)
      return problem('currency', `payment ${first.reference} is in ${first.currency} on line ${first.line}`);
    if (first.receivedDate !== line.receivedDate) {
      return problem(
        'received_date',
        `payment ${first.reference} was received on ${formatDay(first.receivedDate)} on line ${first.line}`,
      );
    }
    const same = group.lines.get(keyOf(line.invoiceNumber));
    if (same && (same.invoiceNumber !== line.invoiceNumber || same.amount.minor !== line.amount.minor)) {
      const what = line.invoiceNumber === '' ? 'leaves' : `applies`;
      const where = line.invoiceNumber === '' ? 'unapplied' : `to ${same.invoiceNumber}`;
      return problem(
        'amount',
        `payment ${first.reference} already ${what} ${formatMoney(same.amount)} ${where} on line ${same.line}`,
      );
    }
    return [];
  }

  /** The customer and the invoice a row names, against the invoices file and the store. */
  private againstLedger(
    line: PaymentLine,
    store: StoreView,
    invoices: InvoiceOutcome | undefined,
    invoiceOf: (number: string) => KnownInvoice | undefined,
  ): Problem[] {
    const cells = new RowCells(this.columns, line.source);
    const problem = (field: PaymentField, reason: string): Problem => ({
      column: cells.column(field),
      value: cells.raw(field),
      reason,
    });
    const customer = keyOf(line.customerNumber);
    if (!invoices?.customers.has(customer) && !store.accounts.has(customer)) {
      return [
        problem('customer_number', `customer ${line.customerNumber} is neither in the invoices file nor in the store`),
      ];
    }
    if (line.invoiceNumber === '') return [];
    const number = keyOf(line.invoiceNumber);
    const invoice = invoiceOf(number);
    if (!invoice) {
      const rejectedOn = invoices?.rejectedNumbers.get(number);
      return [
        problem(
          'invoice_number',
          rejectedOn === undefined
            ? `invoice ${line.invoiceNumber} is neither in the invoices file nor in the store`
            : `invoice ${line.invoiceNumber} was rejected (line ${rejectedOn} of the invoices file)`,
        ),
      ];
    }
    if (keyOf(invoice.customer) !== customer) {
      return [
        problem(
          'invoice_number',
          `invoice ${invoice.number} is customer ${invoice.customer}'s, not ${line.customerNumber}'s`,
        ),
      ];
    }
    if (invoice.documentType !== 'Invoice') {
      return [
        problem(
          'invoice_number',
          `${invoice.number} is a ${invoice.documentType.replace('_', ' ').toLowerCase()}: cash is applied to invoices`,
        ),
      ];
    }
    if (invoice.currency !== line.currency) {
      return [
        problem(
          'currency',
          `invoice ${invoice.number} is in ${invoice.currency}: cash is applied in the invoice's currency`,
        ),
      ];
    }
    return [];
  }
}

function push(map: Map<string, number[]>, key: string, line: number): void {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
}
