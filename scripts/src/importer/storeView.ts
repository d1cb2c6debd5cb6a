/**
 * What the import needs to know of the store, and only for the keys the input files name: the
 * accounts (does a payment's customer exist, and how is its number written), the invoices (is an
 * invoice number already another customer's, what is a payment applied to) and the payment
 * applications already recorded against those invoices (how much is left to pay). External IDs
 * are case-insensitive in Salesforce, so every key is compared upper-cased.
 */
import { parseMoney, type Money } from '../domain/money';
import type { Row } from '../records/schema';

export function keyOf(text: string): string {
  return text.trim().toUpperCase();
}

export interface KnownInvoice {
  /** the invoice number as the store (or the file) writes it */
  number: string;
  customer: string;
  currency: string;
  /** Document_Type__c: Invoice, Credit_Memo or Adjustment */
  documentType: string;
  /** undefined when the store's amount cannot be read */
  amount: Money | undefined;
}

export interface StoreApplication {
  paymentReference: string;
  amount: Money;
}

export interface StoreView {
  /** customer number (upper-cased) -> as the store writes it */
  readonly accounts: ReadonlyMap<string, string>;
  readonly invoices: ReadonlyMap<string, KnownInvoice>;
  /** invoice number (upper-cased) -> the applications recorded against it */
  readonly applications: ReadonlyMap<string, readonly StoreApplication[]>;
}

export const EMPTY_STORE_VIEW: StoreView = { accounts: new Map(), invoices: new Map(), applications: new Map() };

function amountOf(text: string | undefined, currency: string): Money | undefined {
  try {
    return text ? parseMoney(text, currency) : undefined;
  } catch {
    return undefined;
  }
}

/** Collects a StoreView from the store's rows, keeping only the customers and invoices asked for. */
export class StoreViewBuilder {
  private readonly accounts = new Map<string, string>();
  private readonly invoices = new Map<string, KnownInvoice>();
  private readonly applications = new Map<string, StoreApplication[]>();

  constructor(
    private readonly customers: ReadonlySet<string>,
    private readonly invoiceNumbers: ReadonlySet<string>,
  ) {}

  addAccount(row: Row): void {
    const number = row.Customer_Number__c ?? '';
    if (this.customers.has(keyOf(number))) this.accounts.set(keyOf(number), number);
  }

  addInvoice(row: Row): void {
    const number = row.Invoice_Number__c ?? '';
    if (!this.invoiceNumbers.has(keyOf(number))) return;
    const currency = row.CurrencyIsoCode ?? '';
    this.invoices.set(keyOf(number), {
      number,
      customer: row['Account__r.Customer_Number__c'] ?? '',
      currency,
      documentType: row.Document_Type__c || 'Invoice',
      amount: amountOf(row.Amount__c, currency),
    });
  }

  addApplication(row: Row): void {
    const invoice = keyOf(row['Invoice__r.Invoice_Number__c'] ?? '');
    if (!this.invoiceNumbers.has(invoice)) return;
    const amount = amountOf(row.Amount__c, row.CurrencyIsoCode ?? '');
    if (!amount) return;
    const list = this.applications.get(invoice) ?? [];
    list.push({ paymentReference: row['Payment__r.Payment_Reference__c'] ?? '', amount });
    this.applications.set(invoice, list);
  }

  build(): StoreView {
    return { accounts: this.accounts, invoices: this.invoices, applications: this.applications };
  }
}
