/**
 * The night ledger (columns, sliced by customer) hands the engine what the whole portfolio would:
 * every slice holds exactly its customers' records, in file order, and the night decided from
 * slices is the night decided whole. Checked on a demo snapshot with history, to which a payment
 * of one customer applied to another customer's invoice is added (an application names neither
 * customer, so the ledger must find both).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NightLedger } from '../../src/batch/nightLedger';
import { formatDay, parseDay } from '../../src/domain/calendar';
import { planDay, planDayInShards } from '../../src/domain/engine/planDay';
import { formatMoney } from '../../src/domain/money';
import type { CollectionsPolicy } from '../../src/domain/policy';
import type { Invoice, Payment, Portfolio } from '../../src/domain/portfolio';
import { simulateDemo } from '../../src/demo/simulateDemo';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import { PAYMENT_APPLICATION } from '../../src/records/schema';
import { SnapshotStore } from '../../src/store/snapshotStore';
import { PROJECT_DIR } from '../commandIO';

const NEXT_NIGHT = parseDay('2026-05-20');
let root: string;
let policy: CollectionsPolicy;
let whole: Portfolio;
let ledger: NightLedger;
let payer: Payment;
let payee: Invoice;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'collections-ledger-'));
  await simulateDemo({
    dir: root,
    projectDir: PROJECT_DIR,
    seed: 5,
    accounts: 80,
    invoicesPerAccount: 6,
    start: parseDay('2026-04-02'),
    end: NEXT_NIGHT - 1,
  });
  const store = new SnapshotStore(root, PROJECT_DIR);
  policy = await store.loadPolicy();
  const before = await portfolioFromStore(store, policy.corporateCurrency);
  // A payment of one customer applied to an open invoice of another, in the invoice's currency.
  payee = before.invoices.find(
    (invoice) =>
      invoice.documentType === 'Invoice' &&
      invoice.dueDate < NEXT_NIGHT - 20 &&
      before.payments.some((p) => p.customerNumber !== invoice.customerNumber && p.currency === invoice.currency),
  ) as Invoice;
  payer = before.payments.find(
    (p) => p.customerNumber !== payee.customerNumber && p.currency === payee.currency,
  ) as Payment;
  const result = await store.upsert(PAYMENT_APPLICATION, [
    {
      Application_Key__c: `${payer.paymentReference}/${payee.invoiceNumber}/cross`,
      'Payment__r.Payment_Reference__c': payer.paymentReference,
      'Invoice__r.Invoice_Number__c': payee.invoiceNumber,
      CurrencyIsoCode: payee.currency,
      Applied_Date__c: formatDay(NEXT_NIGHT - 10),
      Amount__c: formatMoney({ currency: payee.currency, minor: payee.amount.minor / 2n }),
    },
  ]);
  expect(result.failures).toEqual([]);
  whole = await portfolioFromStore(store, policy.corporateCurrency);
  ledger = await NightLedger.load(store, policy.corporateCurrency);
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** What a slice of these customers must hold, taken from the whole portfolio in file order. */
function expectedSlice(customers: readonly string[]): Portfolio {
  const ofThem = new Set(customers);
  const invoices = whole.invoices.filter((i) => ofThem.has(i.customerNumber));
  const payments = whole.payments.filter((p) => ofThem.has(p.customerNumber));
  const invoiceNumbers = new Set(invoices.map((i) => i.invoiceNumber));
  const references = new Set(payments.map((p) => p.paymentReference));
  const byCustomerOrder = <T extends { customerNumber: string }>(items: readonly T[]): T[] =>
    customers.flatMap((customer) => items.filter((item) => item.customerNumber === customer));
  return {
    accounts: byCustomerOrder(whole.accounts),
    invoices: byCustomerOrder(invoices),
    payments: byCustomerOrder(payments),
    applications: whole.applications.filter(
      (a) => invoiceNumbers.has(a.invoiceNumber) || references.has(a.paymentReference),
    ),
    disputes: byCustomerOrder(whole.disputes),
    promises: byCustomerOrder(whole.promises),
    plans: byCustomerOrder(whole.plans),
    notices: byCustomerOrder(whole.notices),
    cases: byCustomerOrder(whole.cases),
    rates: whole.rates,
  };
}

test('the demo has the history a slice must carry', () => {
  expect(whole.invoices.length).toBeGreaterThan(400);
  expect(whole.applications.length).toBeGreaterThan(50);
  expect(whole.notices.length).toBeGreaterThan(50);
  expect(whole.cases.length).toBeGreaterThan(10);
  expect(whole.promises.length + whole.disputes.length + whole.plans.length).toBeGreaterThan(0);
});

test('every slice holds exactly its customers records, in file order', () => {
  const customers = ledger.accountCustomers();
  expect(customers).toEqual(
    [...new Set(whole.accounts.map((a) => a.customerNumber))].sort((a, b) => a.localeCompare(b)),
  );
  for (const size of [1, 9, customers.length]) {
    for (let start = 0; start < customers.length; start += size) {
      const some = customers.slice(start, start + size);
      expect(ledger.slice(some)).toEqual(expectedSlice(some));
    }
  }
});

test("a payment applied to another customer's invoice is in both customers' slices, once in a slice of both", () => {
  const cross = (portfolio: Portfolio) =>
    portfolio.applications.filter(
      (a) => a.paymentReference === payer.paymentReference && a.invoiceNumber === payee.invoiceNumber,
    );
  expect(cross(ledger.slice([payer.customerNumber]))).toHaveLength(1);
  expect(cross(ledger.slice([payee.customerNumber]))).toHaveLength(1);
  expect(cross(ledger.slice([payer.customerNumber, payee.customerNumber]))).toHaveLength(1);
});

test('the night decided from slices is the night decided whole', () => {
  const customers = ledger.accountCustomers();
  let actions = 0;
  for (let day = NEXT_NIGHT; day < NEXT_NIGHT + 20; day += 4) {
    const expected = planDay(whole, policy, day);
    actions += expected.actions.length;
    for (const size of [1, 13]) {
      const decided = [];
      for (let start = 0; start < customers.length; start += size) {
        const slice = ledger.slice(customers.slice(start, start + size));
        decided.push(...planDayInShards(slice, policy, day, Number.POSITIVE_INFINITY));
      }
      expect(decided.flatMap((shard) => shard.actions)).toEqual(expected.actions);
      expect(decided.flatMap((shard) => shard.cases.map((c) => c.caseKey)).sort()).toEqual(
        expected.cases.map((c) => c.caseKey).sort(),
      );
    }
  }
  expect(actions).toBeGreaterThan(30);
});
