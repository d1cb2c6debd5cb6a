/**
 * A deterministic synthetic AR portfolio: the same seed gives the same customers, invoices and
 * payments on every machine. Customers in the product's markets, each billed in its currency,
 * with paying habits that exercise the engine: on time, late, partially, never.
 */
import { type Day } from '../domain/calendar';
import { emptyPortfolio, type Account, type Portfolio } from '../domain/portfolio';

/** mulberry32: a small, fast, seedable generator; Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MARKETS = [
  { country: 'US', currency: 'USD', entity: 'US01', language: 'en_US' },
  { country: 'CA', currency: 'CAD', entity: 'CA01', language: 'en_US' },
  { country: 'NL', currency: 'EUR', entity: 'NL01', language: 'nl_NL' },
  { country: 'DE', currency: 'EUR', entity: 'NL01', language: 'de' },
  { country: 'SG', currency: 'SGD', entity: 'SG01', language: 'en_US' },
  { country: 'IN', currency: 'INR', entity: 'IN01', language: 'en_US' },
] as const;

export type PayingHabit = 'on-time' | 'late' | 'partial' | 'never';
const HABITS: readonly PayingHabit[] = ['on-time', 'on-time', 'on-time', 'late', 'late', 'partial', 'never'];

export interface GenerateOptions {
  seed: number;
  accounts: number;
  invoicesPerAccount: number;
  /** invoices are issued over the days before this one */
  asOf: Day;
  /** how many days of history to spread the invoices over */
  historyDays: number;
  /** every invoice stays open: payments are partial (for the "one million open invoices" benchmark) */
  allOpen?: boolean;
}

function accountFor(index: number, random: () => number): Account {
  const market = MARKETS[Math.floor(random() * MARKETS.length)] ?? MARKETS[0];
  const number = `CUST-${String(index + 1).padStart(6, '0')}`;
  return {
    customerNumber: number,
    name: `Customer ${index + 1}`,
    country: market.country,
    language: market.language,
    billingEmail: `ap+${index + 1}@customer.example`,
    billingEntity: market.entity,
    collector: `collector${(index % 12) + 1}@company.example`,
    status: 'Current',
    suspensionWarningDate: null,
    suspensionDate: null,
    exempt: random() < 0.01,
    exemptUntil: null,
  };
}

export interface GeneratedLedger {
  portfolio: Portfolio;
  /** how each customer pays, for simulations that make customers react */
  habits: Map<string, PayingHabit>;
}

export function generatePortfolio(options: GenerateOptions): Portfolio {
  return generateLedger(options).portfolio;
}

export function generateLedger(options: GenerateOptions): GeneratedLedger {
  const random = seededRandom(options.seed);
  const portfolio = emptyPortfolio();
  const habits = new Map<string, PayingHabit>();
  let invoiceCount = 0;
  for (let a = 0; a < options.accounts; a++) {
    const account = accountFor(a, random);
    portfolio.accounts.push(account);
    const currency = MARKETS.find((m) => m.country === account.country)?.currency ?? 'USD';
    const habit = options.allOpen
      ? random() < 0.5
        ? 'partial'
        : 'never'
      : (HABITS[Math.floor(random() * HABITS.length)] ?? 'on-time');
    const scale = currency === 'INR' ? 80n : 1n;
    for (let i = 0; i < options.invoicesPerAccount; i++) {
      invoiceCount++;
      const invoiceNumber = `INV-${String(invoiceCount).padStart(8, '0')}`;
      const invoiceDate = options.asOf - Math.floor(random() * options.historyDays);
      const dueDate = invoiceDate + (random() < 0.7 ? 30 : 45);
      const minor = BigInt(Math.floor(50_00 + random() * 20_000_00)) * scale;
      portfolio.invoices.push({
        invoiceNumber,
        customerNumber: account.customerNumber,
        documentType: 'Invoice',
        currency,
        invoiceDate,
        dueDate,
        amount: { currency, minor },
        poNumber: random() < 0.5 ? `PO-${invoiceCount}` : null,
        documentUrl: null,
        paymentPlanId: null,
      });
      const paidOn =
        habit === 'on-time'
          ? dueDate - Math.floor(random() * 5)
          : habit === 'late'
            ? dueDate + 5 + Math.floor(random() * 50)
            : dueDate + Math.floor(random() * 30);
      if (habit === 'never' || paidOn > options.asOf) continue;
      const paid = habit === 'partial' ? minor / 2n : minor;
      const paymentReference = `PAY-${invoiceNumber}`;
      portfolio.payments.push({
        paymentReference,
        customerNumber: account.customerNumber,
        currency,
        receivedDate: paidOn,
        amount: { currency, minor: paid },
      });
      portfolio.applications.push({
        paymentReference,
        invoiceNumber,
        appliedDate: paidOn,
        amount: { currency, minor: paid },
      });
    }
  }
  return { portfolio, habits };
}
