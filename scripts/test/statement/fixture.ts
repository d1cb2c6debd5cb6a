/**
 * A hand-made ledger for statements, as of 2026-11-30 (period from 2026-09-01, the default 90 days):
 *
 * EUR
 * - INV-E0  800.00, due 2026-07-01, paid in full by P-FULL (received and applied 2026-09-10, in the period)
 * - INV-E1 1000.00, due 2026-07-31, 400.00 paid by P-OLD (received and applied 2026-08-15, before the period)
 *                   -> open 600.00, 122 days past due, 90+
 * - INV-E2 2500.00, due 2026-10-15, 1000.00 applied 2026-10-21 from P-NEW (1500.00 received 2026-10-20)
 *                   -> open 1500.00, 46 days past due, 31-60; P-NEW keeps 500.00 unapplied
 * - INV-E3  300.00, due 2026-12-10 -> not yet due; P-NEW's 200.00 applied on 2026-12-01 comes after the as-of date
 * - CM-E1  -200.00 credit memo, open
 *   open items 2400.00 (overdue 2100.00), credits -200.00, unapplied 500.00 -> balance 1700.00
 *
 * USD
 * - INV-U1 1234.56, due 2026-10-31 -> 30 days past due, 1-30
 * - INV-U2 issued 2026-12-01 and P-USD received 2026-12-02: after the as-of date, left out
 *   -> balance 1234.56
 */
import { parseDay } from '../../src/domain/calendar';
import { parseMoney } from '../../src/domain/money';
import type { Account, DocumentType, Invoice, Portfolio } from '../../src/domain/portfolio';
import { emptyPortfolio } from '../../src/domain/portfolio';

export const AS_OF = parseDay('2026-11-30');
export const FROM = parseDay('2026-09-01');
export const CUSTOMER = 'CUST-100';

export function account(customerNumber: string, name: string, language: string): Account {
  return {
    customerNumber,
    name,
    country: 'FR',
    language,
    billingEmail: 'ap@client.example',
    billingEntity: 'NL01',
    collector: 'jane@company.example',
    status: 'In_Collections',
    suspensionWarningDate: null,
    suspensionDate: null,
    exempt: false,
    exemptUntil: null,
  };
}

export function invoice(
  invoiceNumber: string,
  currency: string,
  amount: string,
  invoiceDate: string,
  dueDate: string,
  customerNumber = CUSTOMER,
  documentType: DocumentType = amount.startsWith('-') ? 'Credit_Memo' : 'Invoice',
): Invoice {
  return {
    invoiceNumber,
    customerNumber,
    documentType,
    currency,
    invoiceDate: parseDay(invoiceDate),
    dueDate: parseDay(dueDate),
    amount: parseMoney(amount, currency),
    poNumber: invoiceNumber === 'INV-E2' ? 'PO-77' : null,
    documentUrl: null,
    paymentPlanId: null,
  };
}

export function payment(
  reference: string,
  currency: string,
  amount: string,
  received: string,
  customerNumber = CUSTOMER,
) {
  return {
    paymentReference: reference,
    customerNumber,
    currency,
    receivedDate: parseDay(received),
    amount: parseMoney(amount, currency),
  };
}

export function application(
  reference: string,
  invoiceNumber: string,
  currency: string,
  amount: string,
  applied: string,
) {
  return {
    paymentReference: reference,
    invoiceNumber,
    appliedDate: parseDay(applied),
    amount: parseMoney(amount, currency),
  };
}

export function statementPortfolio(name = 'Client Exemple SARL', language = 'fr'): Portfolio {
  const portfolio = emptyPortfolio();
  portfolio.accounts.push(account(CUSTOMER, name, language), account('CUST-200', 'Someone Else', 'en_US'));
  portfolio.invoices.push(
    invoice('INV-E0', 'EUR', '800.00', '2026-06-01', '2026-07-01'),
    invoice('INV-E1', 'EUR', '1000.00', '2026-07-01', '2026-07-31'),
    invoice('INV-E2', 'EUR', '2500.00', '2026-09-15', '2026-10-15'),
    invoice('INV-E3', 'EUR', '300.00', '2026-11-10', '2026-12-10'),
    invoice('CM-E1', 'EUR', '-200.00', '2026-10-05', '2026-10-05'),
    invoice('INV-U1', 'USD', '1234.56', '2026-10-01', '2026-10-31'),
    invoice('INV-U2', 'USD', '99.00', '2026-12-01', '2026-12-31'),
    invoice('INV-X1', 'EUR', '5000.00', '2026-10-01', '2026-10-31', 'CUST-200'),
  );
  portfolio.payments.push(
    payment('P-OLD', 'EUR', '400.00', '2026-08-15'),
    payment('P-FULL', 'EUR', '800.00', '2026-09-10'),
    payment('P-NEW', 'EUR', '1500.00', '2026-10-20'),
    payment('P-USD', 'USD', '99.00', '2026-12-02'),
    payment('P-X', 'EUR', '10.00', '2026-10-02', 'CUST-200'),
  );
  portfolio.applications.push(
    application('P-OLD', 'INV-E1', 'EUR', '400.00', '2026-08-15'),
    application('P-FULL', 'INV-E0', 'EUR', '800.00', '2026-09-10'),
    application('P-NEW', 'INV-E2', 'EUR', '1000.00', '2026-10-21'),
    application('P-NEW', 'INV-E3', 'EUR', '200.00', '2026-12-01'),
    application('P-USD', 'INV-U2', 'USD', '99.00', '2026-12-02'),
  );
  return portfolio;
}
