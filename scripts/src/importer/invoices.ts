/**
 * The invoices file, row by row, into Account and Invoice__c rows for the store, or rejects. Pure:
 * rows come in with their line numbers (add), and what the store already holds comes in as a
 * StoreView (finish). Checks, in order:
 *
 * 1. each cell: required values present, dates in the file's format and on the calendar, an active
 *    ISO 4217 currency, an exact amount (no more decimals than the currency has), a known document
 *    type and language, an e-mail address, lengths the org accepts;
 * 2. the row: the amount's sign matches the document type (invoices >= 0, credit memos <= 0), the
 *    due date is not before the invoice date;
 * 3. against the earlier rows of the file: an invoice number seen before with different data, or a
 *    customer seen before with a different name, country, language or e-mail, is a reject (the same
 *    row twice is not: it loads once);
 * 4. against the store: an invoice number the store holds for another customer, in another currency
 *    or as another document type is a reject. Other differences (amount, dates, PO number) are ERP
 *    corrections and update the invoice.
 *
 * Account rows carry only the columns the file has, and only non-blank cells, so an import never
 * blanks what collectors set in the org. Invoice rows never carry Open_Balance__c (the batch
 * computes balances from the payment applications) nor Status__c.
 */
import { formatDay, type Day } from '../domain/calendar';
import { formatMoney, type Money } from '../domain/money';
import type { Row } from '../records/schema';
import { RowCells, type ColumnMap } from './columns';
import { DOCUMENT_TYPES, MAX_LENGTH, type CanonicalDocumentType, type InvoiceField } from './formats';
import type { FileFormat } from './mapping';
import type { Problem, Reject } from './rejects';
import { keyOf, type KnownInvoice, type StoreView } from './storeView';
import { parseAmount, parseCurrency, parseEmail, parseLanguage } from './values';

export interface InvoiceLine {
  line: number;
  source: Row;
  customerNumber: string;
  customerName: string;
  invoiceNumber: string;
  documentType: (typeof DOCUMENT_TYPES)[CanonicalDocumentType];
  currency: string;
  invoiceDate: Day;
  dueDate: Day;
  amount: Money;
  poNumber: string;
  country: string;
  language: string;
  billingEmail: string;
}

export interface InvoiceOutcome {
  rowsIn: number;
  /** the rows that passed every check, in file order (duplicates included) */
  accepted: InvoiceLine[];
  rejects: Reject[];
  /** one row per customer, in order of first appearance */
  accounts: Row[];
  /** one row per invoice number, in order of first appearance */
  invoices: Row[];
  /** record key -> the input lines it came from (to report the store's failures against lines) */
  accountLines: Map<string, number[]>;
  invoiceLines: Map<string, number[]>;
  /** the invoices this file loads, by upper-cased number, for the payments */
  known: Map<string, KnownInvoice>;
  /** the customers this file loads, upper-cased -> as written */
  customers: Map<string, string>;
  /** invoice numbers (upper-cased) whose rows were all rejected -> the first such line */
  rejectedNumbers: Map<string, number>;
}

const INVOICE_DATA: ReadonlyArray<{ field: InvoiceField; label: string; text: (line: InvoiceLine) => string }> = [
  { field: 'invoice_number', label: 'invoice number', text: (l) => l.invoiceNumber },
  { field: 'customer_number', label: 'customer', text: (l) => l.customerNumber },
  { field: 'document_type', label: 'document type', text: (l) => l.documentType },
  { field: 'currency', label: 'currency', text: (l) => l.currency },
  { field: 'invoice_date', label: 'invoice date', text: (l) => formatDay(l.invoiceDate) },
  { field: 'due_date', label: 'due date', text: (l) => formatDay(l.dueDate) },
  { field: 'amount', label: 'amount', text: (l) => formatMoney(l.amount) },
  { field: 'po_number', label: 'PO number', text: (l) => l.poNumber },
];

const CUSTOMER_DATA: ReadonlyArray<{ field: InvoiceField; label: string; text: (line: InvoiceLine) => string }> = [
  { field: 'customer_number', label: 'number', text: (l) => l.customerNumber },
  { field: 'customer_name', label: 'name', text: (l) => l.customerName },
  { field: 'country', label: 'country', text: (l) => l.country },
  { field: 'language', label: 'language', text: (l) => l.language },
  { field: 'billing_email', label: 'billing e-mail', text: (l) => l.billingEmail },
];

const BLANK = 'blank: a value is required';

export class InvoiceValidator {
  private rowsIn = 0;
  private readonly accepted: InvoiceLine[] = [];
  private readonly rejects: Reject[] = [];
  private readonly firstOfInvoice = new Map<string, InvoiceLine>();
  /** per customer, per customer field: the first line that gave a non-blank value */
  private readonly customerValues = new Map<string, Map<InvoiceField, InvoiceLine>>();

  constructor(
    private readonly columns: ColumnMap,
    private readonly format: FileFormat,
  ) {}

  /** The row ending on `line` of the file. */
  add(source: Row, line: number): void {
    this.rowsIn++;
    const cells = new RowCells(this.columns, source);
    const problems: Problem[] = [];
    const parsed = this.parse(cells, problems);
    if (parsed) problems.push(...this.againstFile(parsed, cells));
    if (problems.length > 0 || !parsed) {
      for (const problem of problems) this.rejects.push({ ...problem, line, source });
      return;
    }
    parsed.line = line;
    this.accepted.push(parsed);
    const invoice = keyOf(parsed.invoiceNumber);
    if (!this.firstOfInvoice.has(invoice)) this.firstOfInvoice.set(invoice, parsed);
    const customer = keyOf(parsed.customerNumber);
    const values = this.customerValues.get(customer) ?? new Map<InvoiceField, InvoiceLine>();
    for (const { field, text } of CUSTOMER_DATA)
      if (text(parsed) !== '' && !values.has(field)) values.set(field, parsed);
    this.customerValues.set(customer, values);
  }

  /** The upper-cased invoice numbers and customer numbers the file names (to read only those from the store). */
  referenced(): { invoiceNumbers: Set<string>; customers: Set<string> } {
    return {
      invoiceNumbers: new Set(this.accepted.map((line) => keyOf(line.invoiceNumber))),
      customers: new Set(this.accepted.map((line) => keyOf(line.customerNumber))),
    };
  }

  finish(store: StoreView): InvoiceOutcome {
    const rejects = [...this.rejects];
    const accepted: InvoiceLine[] = [];
    for (const line of this.accepted) {
      const problem = this.againstStore(line, store);
      if (problem) rejects.push({ ...problem, line: line.line, source: line.source });
      else accepted.push(line);
    }
    const outcome: InvoiceOutcome = {
      rowsIn: this.rowsIn,
      accepted,
      rejects,
      accounts: [],
      invoices: [],
      accountLines: new Map(),
      invoiceLines: new Map(),
      known: new Map(),
      customers: new Map(),
      rejectedNumbers: new Map(),
    };
    const accounts = new Map<string, Row>();
    for (const line of accepted) {
      // Keys as the store writes them: Salesforce matches external IDs without regard to case, a snapshot does not.
      const customer = keyOf(line.customerNumber);
      const invoiceNumber = store.invoices.get(keyOf(line.invoiceNumber))?.number ?? line.invoiceNumber;
      let account = accounts.get(customer);
      if (!account) {
        const spelling = store.accounts.get(customer) ?? store.invoices.get(keyOf(line.invoiceNumber))?.customer;
        account = { Customer_Number__c: spelling ?? line.customerNumber, Name: line.customerName };
        accounts.set(customer, account);
        outcome.accounts.push(account);
        outcome.customers.set(customer, account.Customer_Number__c ?? line.customerNumber);
      }
      const customerNumber = account.Customer_Number__c ?? line.customerNumber;
      if (line.country && account.BillingCountry === undefined) account.BillingCountry = line.country;
      if (line.language && account.Preferred_Language__c === undefined) account.Preferred_Language__c = line.language;
      if (line.billingEmail && account.Billing_Email__c === undefined) account.Billing_Email__c = line.billingEmail;
      push(outcome.accountLines, customerNumber, line.line);
      push(outcome.invoiceLines, invoiceNumber, line.line);
      if (outcome.known.has(keyOf(invoiceNumber))) continue;
      outcome.known.set(keyOf(invoiceNumber), {
        number: invoiceNumber,
        customer: customerNumber,
        currency: line.currency,
        documentType: line.documentType,
        amount: line.amount,
      });
      outcome.invoices.push({
        Invoice_Number__c: invoiceNumber,
        Name: invoiceNumber,
        'Account__r.Customer_Number__c': customerNumber,
        Document_Type__c: line.documentType,
        CurrencyIsoCode: line.currency,
        Invoice_Date__c: formatDay(line.invoiceDate),
        Due_Date__c: formatDay(line.dueDate),
        Amount__c: formatMoney(line.amount),
        ...(line.poNumber ? { PO_Number__c: line.poNumber } : {}),
      });
    }
    for (const reject of rejects) {
      const number = keyOf(reject.source[this.columns.sourceOf.invoice_number ?? ''] ?? '');
      if (number && !outcome.known.has(number) && !outcome.rejectedNumbers.has(number))
        outcome.rejectedNumbers.set(number, reject.line);
    }
    return outcome;
  }

  /** Every cell check and the row's own consistency; undefined when a cell cannot be read. */
  private parse(cells: RowCells, problems: Problem[]): InvoiceLine | undefined {
    const problem = (field: InvoiceField, reason: string): void => {
      problems.push({ column: cells.column(field), value: cells.raw(field), reason });
    };
    const text = (field: InvoiceField, required: boolean): string => {
      const value = cells.get(field) ?? '';
      if (value === '' && required) problem(field, BLANK);
      const max = (MAX_LENGTH as Partial<Record<InvoiceField, number>>)[field];
      if (max !== undefined && value.length > max) problem(field, `longer than ${max} characters (${value.length})`);
      return value;
    };
    const customerNumber = text('customer_number', true);
    const customerName = text('customer_name', true);
    const invoiceNumber = text('invoice_number', true);
    const poNumber = text('po_number', false);
    const country = text('country', false);

    const date = (field: 'invoice_date' | 'due_date'): Day | undefined => {
      const value = cells.get(field) ?? '';
      if (value === '') return void problem(field, BLANK);
      const day = this.format.dateFormat.parse(value);
      if (!day.ok) return void problem(field, day.reason);
      return day.value;
    };
    const invoiceDate = date('invoice_date');
    const dueDate = date('due_date');

    let currency: string | undefined;
    const currencyCell = cells.get('currency') ?? '';
    if (currencyCell === '' && this.format.defaultCurrency) currency = this.format.defaultCurrency;
    else if (currencyCell === '') problem('currency', BLANK);
    else {
      const parsed = parseCurrency(currencyCell);
      if (parsed.ok) currency = parsed.value;
      else problem('currency', parsed.reason);
    }

    let documentType: InvoiceLine['documentType'] | undefined = DOCUMENT_TYPES.invoice;
    const typeCell = cells.get('document_type') ?? '';
    if (typeCell !== '') {
      documentType = undefined;
      const canonical =
        this.format.documentTypes[typeCell] ??
        (typeCell.toLowerCase() in DOCUMENT_TYPES ? (typeCell.toLowerCase() as CanonicalDocumentType) : undefined);
      if (canonical) documentType = DOCUMENT_TYPES[canonical];
      else {
        const known = [...Object.keys(this.format.documentTypes), ...Object.keys(DOCUMENT_TYPES)];
        problem('document_type', `"${typeCell}" is not a document type (${known.join(', ')})`);
      }
    }

    let amount: Money | undefined;
    const amountCell = cells.get('amount') ?? '';
    if (amountCell === '') problem('amount', BLANK);
    else if (currency) {
      const parsed = parseAmount(amountCell, currency, this.format.number);
      if (parsed.ok) amount = parsed.value;
      else problem('amount', parsed.reason);
    }

    let language = '';
    const languageCell = cells.get('language') ?? '';
    if (languageCell !== '') {
      const parsed = parseLanguage(languageCell);
      if (parsed.ok) language = parsed.value;
      else problem('language', parsed.reason);
    }
    let billingEmail = '';
    const emailCell = text('billing_email', false);
    if (emailCell !== '') {
      const parsed = parseEmail(emailCell);
      if (parsed.ok) billingEmail = parsed.value;
      else problem('billing_email', parsed.reason);
    }

    if (amount && documentType === DOCUMENT_TYPES.invoice && amount.minor < 0n) {
      problem(
        'amount',
        `an invoice cannot have a negative amount: a credit is a document of type ${this.codesOf('credit_memo')}`,
      );
    }
    if (amount && documentType === DOCUMENT_TYPES.credit_memo && amount.minor > 0n) {
      problem(
        'amount',
        `a credit memo carries a negative amount: a charge is a document of type ${this.codesOf('invoice')}`,
      );
    }
    if (invoiceDate !== undefined && dueDate !== undefined && dueDate < invoiceDate) {
      problem('due_date', `the due date ${formatDay(dueDate)} is before the invoice date ${formatDay(invoiceDate)}`);
    }
    if (problems.length > 0 || invoiceDate === undefined || dueDate === undefined || currency === undefined)
      return undefined;
    if (amount === undefined || documentType === undefined) return undefined;
    return {
      line: 0,
      source: cells.source,
      customerNumber,
      customerName,
      invoiceNumber,
      documentType,
      currency,
      invoiceDate,
      dueDate,
      amount,
      poNumber,
      country,
      language,
      billingEmail,
    };
  }

  /** How the file writes a canonical document type: the mapping's codes for it, and its canonical name. */
  private codesOf(type: CanonicalDocumentType): string {
    const codes = Object.keys(this.format.documentTypes).filter((code) => this.format.documentTypes[code] === type);
    return [...codes, type].map((code) => `"${code}"`).join(' or ');
  }

  /** The same invoice number with other data, or the same customer with other details, earlier in the file. */
  private againstFile(line: InvoiceLine, cells: RowCells): Problem[] {
    const problems: Problem[] = [];
    const first = this.firstOfInvoice.get(keyOf(line.invoiceNumber));
    if (first) {
      const differs = INVOICE_DATA.find(({ text }) => text(first) !== text(line));
      if (differs) {
        problems.push({
          column: cells.column(differs.field),
          value: cells.raw(differs.field),
          reason:
            `invoice ${first.invoiceNumber} already appears on line ${first.line} with a different ${differs.label}` +
            ` (${describe(differs.text(first))} there, ${describe(differs.text(line))} here)`,
        });
      }
    }
    const values = this.customerValues.get(keyOf(line.customerNumber));
    for (const { field, label, text } of CUSTOMER_DATA) {
      const earlier = values?.get(field);
      if (earlier && text(line) !== '' && text(earlier) !== text(line)) {
        problems.push({
          column: cells.column(field),
          value: cells.raw(field),
          reason: `customer ${earlier.customerNumber} has the ${label} ${describe(text(earlier))} on line ${earlier.line}`,
        });
      }
    }
    return problems;
  }

  /** An invoice number the store holds for another customer, in another currency or as another document type. */
  private againstStore(line: InvoiceLine, store: StoreView): Problem | undefined {
    const held = store.invoices.get(keyOf(line.invoiceNumber));
    if (!held) return undefined;
    const cells = new RowCells(this.columns, line.source);
    const problem = (field: InvoiceField, reason: string): Problem => ({
      column: cells.column(field),
      value: cells.raw(field),
      reason,
    });
    if (keyOf(held.customer) !== keyOf(line.customerNumber)) {
      return problem('customer_number', `the store already holds invoice ${held.number} for customer ${held.customer}`);
    }
    if (held.currency !== line.currency)
      return problem('currency', `the store already holds invoice ${held.number} in ${held.currency}`);
    if (held.documentType !== line.documentType) {
      return problem(
        'document_type',
        `the store already holds ${held.number} as document type ${held.documentType}, not ${line.documentType}`,
      );
    }
    return undefined;
  }
}

function describe(value: string): string {
  return value === '' ? 'none' : `"${value}"`;
}

function push(map: Map<string, number[]>, key: string, line: number): void {
  const lines = map.get(key);
  if (lines) lines.push(line);
  else map.set(key, [line]);
}
