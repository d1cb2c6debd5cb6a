/**
 * The canonical exchange format of the ERP import (documented in docs/import.md): the columns of
 * the invoices file and of the payments file. Other exports are read through a mapping file
 * (mapping.ts) that says which of their columns holds each of these.
 */

export type FileKind = 'invoices' | 'payments';

export const INVOICE_FIELDS = {
  required: ['customer_number', 'customer_name', 'invoice_number', 'invoice_date', 'due_date', 'currency', 'amount'],
  optional: ['document_type', 'po_number', 'country', 'language', 'billing_email'],
} as const;

export const PAYMENT_FIELDS = {
  required: ['payment_reference', 'customer_number', 'invoice_number', 'received_date', 'currency', 'amount'],
  optional: [],
} as const;

export type InvoiceField = (typeof INVOICE_FIELDS.required)[number] | (typeof INVOICE_FIELDS.optional)[number];
export type PaymentField = (typeof PAYMENT_FIELDS.required)[number];
export type CanonicalField = InvoiceField | PaymentField;

export function fieldsOf(kind: FileKind): { required: readonly CanonicalField[]; optional: readonly CanonicalField[] } {
  return kind === 'invoices' ? INVOICE_FIELDS : PAYMENT_FIELDS;
}

/** The canonical document types and the Document_Type__c picklist value each one loads as. */
export const DOCUMENT_TYPES = { invoice: 'Invoice', credit_memo: 'Credit_Memo' } as const;
export type CanonicalDocumentType = keyof typeof DOCUMENT_TYPES;

/**
 * Preferred_Language__c is a restricted picklist of locale codes; the import takes a language
 * code (en, fr, de, es, nl, optionally with a region: en-GB, fr_CA) and loads the picklist value
 * for that language.
 */
export const LANGUAGES: Readonly<Record<string, string>> = { en: 'en_US', fr: 'fr', de: 'de', es: 'es', nl: 'nl_NL' };

/** Text lengths of the fields the import writes (force-app), so a value too long is a reject, not an org error. */
export const MAX_LENGTH = {
  customer_number: 40,
  customer_name: 255,
  invoice_number: 40,
  po_number: 80,
  country: 80,
  billing_email: 80,
  payment_reference: 80,
} as const satisfies Partial<Record<CanonicalField, number>>;

/** Currency(15,3): at most 12 digits before the decimal point. */
export const MAX_INTEGER_DIGITS = 12;
