import { parseDay } from '../../src/domain/calendar';
import { generatePortfolio } from '../../src/synthetic/generatePortfolio';

const options = { seed: 7, accounts: 50, invoicesPerAccount: 4, asOf: parseDay('2026-11-22'), historyDays: 120 };

test('the same seed gives the same portfolio; another seed another one', () => {
  const first = generatePortfolio(options);
  expect(generatePortfolio(options)).toEqual(first);
  expect(generatePortfolio({ ...options, seed: 8 })).not.toEqual(first);
  expect(first.invoices).toHaveLength(200);
});

test('every customer is billed in one currency, and payments never exceed or precede their invoice', () => {
  const portfolio = generatePortfolio(options);
  const invoices = new Map(portfolio.invoices.map((invoice) => [invoice.invoiceNumber, invoice]));
  for (const account of portfolio.accounts) {
    const currencies = new Set(
      portfolio.invoices.filter((i) => i.customerNumber === account.customerNumber).map((i) => i.currency),
    );
    expect(currencies.size).toBe(1);
  }
  for (const application of portfolio.applications) {
    const invoice = invoices.get(application.invoiceNumber);
    expect(application.amount.currency).toBe(invoice?.currency);
    expect(application.amount.minor <= (invoice?.amount.minor ?? 0n)).toBe(true);
    expect(application.appliedDate <= options.asOf).toBe(true);
  }
});

test('allOpen leaves every invoice with something to pay', () => {
  const portfolio = generatePortfolio({ ...options, allOpen: true });
  const paid = new Map(portfolio.applications.map((a) => [a.invoiceNumber, a.amount.minor]));
  for (const invoice of portfolio.invoices)
    expect((paid.get(invoice.invoiceNumber) ?? 0n) < invoice.amount.minor).toBe(true);
});
