/**
 * The report's JSON for the hand-made portfolio of fixture.ts, every figure worked out by hand in
 * the comments; then the collector narrowing and activity, unapplied cash suggestions, the trend and
 * top accounts, and the invariants on a generated portfolio.
 */
import { parseDay } from '../../src/domain/calendar';
import { portfolioKpis } from '../../src/domain/kpis';
import { indexApplications } from '../../src/domain/ledger';
import { parseTargets, TargetsError } from '../../src/report/activity';
import { buildReport, trendDates } from '../../src/report/buildReport';
import { normalizeReference, referenceNames } from '../../src/report/unappliedCash';
import { generatePortfolio } from '../../src/synthetic/generatePortfolio';
import { AS_OF, FORMULA_NAME, handMadePortfolio, MALICIOUS_NAME } from './fixture';

const POLICY = { corporateCurrency: 'USD' };
const asOf = parseDay(AS_OF);

describe('the report of the hand-made portfolio as of 2026-03-31, window 90 days', () => {
  const report = buildReport(handMadePortfolio(), POLICY, asOf, 90);

  test('starts with asOf, windowDays and currencies, in that order', () => {
    expect(Object.keys(report).slice(0, 3)).toEqual(['asOf', 'windowDays', 'currencies']);
    expect(report.asOf).toBe('2026-03-31');
    expect(report.windowDays).toBe(90);
    expect(report.currencies.map((entry) => entry.currency)).toEqual(['EUR', 'GBP', 'USD']);
  });

  test('each currency has exactly the specified fields, in order, amounts as strings and ratios to 2 decimals', () => {
    // EUR (C-3): open INV-2001 1200.00 (due 2026-04-14: current) and INV-2002 750.50 (due 2026-02-09:
    // 50 days, 31-60); CM-2003 -100.00 is a credit, not open. E = 1950.50, Ec = 1200.00.
    // S = INV-2001 + INV-2002 = 1950.50 (INV-2000 is dated 2025-11-20, before the window; a credit memo is no sale).
    // B = INV-2000's 3000.00, open on 2025-12-31 (paid 2026-01-15).
    // DSO = 1950.50 / 1950.50 x 90 = 90; best = 1200 / 1950.50 x 90 = 55.3704 -> 55.37;
    // ADD = 750.50 / 1950.50 x 90 = 34.6296 -> 34.63;
    // CEI = (3000x90 + 30x1950.50 - 1950.50x90) / (3000x90 + 30x1950.50 - 1200x90) x 100
    //     = (270000 + 58515 - 175545) / (270000 + 58515 - 108000) x 100 = 152970 / 220515 x 100 = 69.3694 -> 69.37;
    // % current = 1200 / 1950.50 x 100 = 61.5227 -> 61.52.
    // Countback: March sales 1200.00 leave 750.50 (31 days); February has no sales (28 days);
    // January's 750.50 is covered exactly (31 days): 90.
    const eur = {
      currency: 'EUR',
      open: { amount: '1950.50', count: 2 },
      aging: [
        { bucket: 'current', amount: '1200.00', count: 1 },
        { bucket: '1-30', amount: '0.00', count: 0 },
        { bucket: '31-60', amount: '750.50', count: 1 },
        { bucket: '61-90', amount: '0.00', count: 0 },
        { bucket: '90+', amount: '0.00', count: 0 },
      ],
      creditSales: '1950.50',
      dso: 90,
      bestPossibleDso: 55.37,
      averageDaysDelinquent: 34.63,
      cei: 69.37,
      percentCurrent: 61.52,
      dsoCountback: 90,
    };
    // GBP (C-4): one current invoice of 100.00 issued 2026-03-20. E = Ec = S = 100, B = 0.
    // DSO = best = 90, ADD = 0, CEI = (0 + 3000 - 9000) / (0 + 3000 - 9000) = 100, % current 100;
    // countback: March's 100.00 is covered exactly: 31 days.
    const gbp = {
      currency: 'GBP',
      open: { amount: '100.00', count: 1 },
      aging: [
        { bucket: 'current', amount: '100.00', count: 1 },
        { bucket: '1-30', amount: '0.00', count: 0 },
        { bucket: '31-60', amount: '0.00', count: 0 },
        { bucket: '61-90', amount: '0.00', count: 0 },
        { bucket: '90+', amount: '0.00', count: 0 },
      ],
      creditSales: '100.00',
      dso: 90,
      bestPossibleDso: 90,
      averageDaysDelinquent: 0,
      cei: 100,
      percentCurrent: 100,
      dsoCountback: 31,
    };
    // USD: open INV-1001 1000.00 (due 2026-03-31: current), INV-1002 300.00 (500.00 less 200.00 applied
    // 2026-03-10; 28 days: 1-30), INV-1003 800.00 (90 days: 61-90), INV-1007 250.00 (120 days: 90+).
    // INV-1004/1005/1006 are paid; INV-1008 is issued after the as-of date. E = 2350.00, Ec = 1000.00.
    // S = INV-1001 1000 + INV-1002 500 + INV-1005 600 + INV-1006 2400 = 4500.00.
    // B (open on 2025-12-31) = INV-1003 800 + INV-1004 400 + INV-1007 250 = 1450.00.
    // DSO = 2350 / 4500 x 90 = 47; best = 1000 / 4500 x 90 = 20; ADD = 1350 / 4500 x 90 = 27;
    // CEI = (1450x90 + 30x4500 - 2350x90) / (1450x90 + 30x4500 - 1000x90) x 100 = 54000 / 175500 x 100 = 30.769 -> 30.77;
    // % current = 1000 / 2350 x 100 = 42.553 -> 42.55.
    // Countback: March 1000 leaves 1350 (31 days); February 500 leaves 850 (28 days, 59);
    // January's 3000 covers 850: 59 + 31 x 850 / 3000 = 67.7833 -> 67.78.
    const usd = {
      currency: 'USD',
      open: { amount: '2350.00', count: 4 },
      aging: [
        { bucket: 'current', amount: '1000.00', count: 1 },
        { bucket: '1-30', amount: '300.00', count: 1 },
        { bucket: '31-60', amount: '0.00', count: 0 },
        { bucket: '61-90', amount: '800.00', count: 1 },
        { bucket: '90+', amount: '250.00', count: 1 },
      ],
      creditSales: '4500.00',
      dso: 47,
      bestPossibleDso: 20,
      averageDaysDelinquent: 27,
      cei: 30.77,
      percentCurrent: 42.55,
      dsoCountback: 67.78,
    };
    // JSON text comparison: names, order and types at once
    expect(JSON.stringify(report.currencies)).toBe(JSON.stringify([eur, gbp, usd]));
    expect(JSON.stringify(report.currencies[2])).toContain('"dso":47,"bestPossibleDso":20,');
    expect(JSON.stringify(report.currencies[2])).toContain('"cei":30.77,"percentCurrent":42.55,"dsoCountback":67.78}');
  });

  test('the same numbers as portfolioKpis: nothing is recomputed', () => {
    const portfolio = handMadePortfolio();
    const kpis = portfolioKpis(portfolio.invoices, indexApplications(portfolio.applications), asOf, 90);
    expect(report.currencies.map((entry) => [entry.currency, entry.dso, entry.cei, entry.dsoCountback])).toEqual(
      kpis.map((entry) => [entry.currency, entry.dso, entry.cei, entry.dsoCountback]),
    );
  });

  test('a ratio without a denominator is null', () => {
    const empty = buildReport(
      {
        ...handMadePortfolio(),
        // only INV-2000, paid: nothing open, no sales in the window
        invoices: handMadePortfolio().invoices.filter((invoice) => invoice.invoiceNumber === 'INV-2000'),
      },
      POLICY,
      asOf,
      90,
    );
    expect(empty.currencies).toEqual([
      expect.objectContaining({
        currency: 'EUR',
        creditSales: '0.00',
        dso: null,
        bestPossibleDso: null,
        percentCurrent: null,
      }),
    ]);
  });

  test('corporate roll-up in USD with the latest rate on or before the as-of date; GBP has none', () => {
    // EUR at 0.8 EUR per USD (2026-03-01; 0.9 is older, 0.5 is dated after the as-of date):
    // open 1950.50 / 0.8 = 2438.125 -> 2438.13, overdue 750.50 / 0.8 = 938.125 -> 938.13.
    expect(report.corporate).toEqual({
      currency: 'USD',
      open: '4788.13', // 2350.00 + 2438.13
      overdue: '2288.13', // 1350.00 + 938.13
      ratesUsed: [{ from: 'USD', to: 'EUR', rate: '0.8', date: '2026-03-01' }],
      missingRates: ['GBP'],
    });
  });

  test('unapplied cash per currency, with suggestions by reference and amount, same customer only', () => {
    expect(report.unappliedCash).toEqual([
      {
        currency: 'EUR',
        amount: '500.00',
        payments: [
          {
            paymentReference: 'Zahlung RE inv-2002 teil',
            customerNumber: 'C-3',
            amount: '500.00',
            receivedDate: '2026-03-30',
            suggestions: [
              { invoiceNumber: 'INV-2002', openBalance: '750.50', why: 'the payment reference names INV-2002' },
            ],
          },
        ],
      },
      {
        currency: 'USD',
        amount: '3300.00', // 500 + 1000 + 800 + 1000; LATE-1 is received after the as-of date
        payments: [
          // 700.00 less 200.00 applied; no open invoice of C-1 is 500.00 or named
          {
            paymentReference: 'CHK-555',
            customerNumber: 'C-1',
            amount: '500.00',
            receivedDate: '2026-03-10',
            suggestions: [],
          },
          {
            paymentReference: 'remit inv 1001',
            customerNumber: 'C-1',
            amount: '1000.00',
            receivedDate: '2026-03-25',
            suggestions: [
              {
                invoiceNumber: 'INV-1001',
                openBalance: '1000.00',
                why: 'the payment reference names INV-1001 and its open balance equals the unapplied USD 1,000.00',
              },
            ],
          },
          {
            paymentReference: '@wire 20260328',
            customerNumber: 'C-2',
            amount: '800.00',
            receivedDate: '2026-03-28',
            suggestions: [
              {
                invoiceNumber: 'INV-1003',
                openBalance: '800.00',
                why: 'its open balance equals the unapplied USD 800.00',
              },
            ],
          },
          // names INV-1001, but that is C-1's invoice
          {
            paymentReference: 'INV-1001',
            customerNumber: 'C-2',
            amount: '1000.00',
            receivedDate: '2026-03-30',
            suggestions: [],
          },
        ],
      },
    ]);
  });

  test('suggestions rank reference and amount first, then reference, then amount, oldest due first', () => {
    const portfolio = handMadePortfolio();
    // C-1 gets more open USD invoices: two of 1000.00 (one due earlier) and one named in the reference
    portfolio.invoices.push(
      { ...portfolio.invoices[0]!, invoiceNumber: 'INV-9001', dueDate: parseDay('2026-03-20') },
      { ...portfolio.invoices[0]!, invoiceNumber: 'INV-9002', dueDate: parseDay('2026-03-25') },
      { ...portfolio.invoices[0]!, invoiceNumber: 'INV-7777', amount: { currency: 'USD', minor: 12345n } },
    );
    portfolio.payments = [
      {
        paymentReference: 'INV 1001, inv7777',
        customerNumber: 'C-1',
        currency: 'USD',
        receivedDate: asOf,
        amount: { currency: 'USD', minor: 100000n },
      },
    ];
    portfolio.applications = [];
    const [usd] = buildReport(portfolio, POLICY, asOf, 90).unappliedCash;
    expect(usd?.payments[0]?.suggestions.map((s) => s.invoiceNumber)).toEqual([
      'INV-1001',
      'INV-7777',
      'INV-9001',
      'INV-9002',
    ]);
  });

  test('invoice numbers are found in references without case or punctuation, but not inside longer numbers', () => {
    expect(normalizeReference('inv-1001 / PO 7')).toBe('INV1001PO7');
    expect(referenceNames('Payment inv_1001.', 'INV-1001')).toBe(true);
    expect(referenceNames('INV-10010', 'INV-1001')).toBe(false);
    expect(referenceNames('INV-10 and INV-1', 'INV-1')).toBe(true);
    expect(referenceNames('21001', '1001')).toBe(false);
    expect(referenceNames('ref 1001', '1001')).toBe(true);
    expect(referenceNames('anything', 'A-1')).toBe(false);
  });

  test('the trend: the last 6 month-ends and the as-of date, rebuilt from the dated applications', () => {
    expect(trendDates(asOf).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10))).toEqual([
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
    ]);
    const usd = report.trend.find((series) => series.currency === 'USD');
    expect(usd?.points.map((point) => [point.asOf, point.open, point.overdue])).toEqual([
      ['2025-09-30', '0.00', '0.00'],
      // INV-1004 (due 2025-10-31): current
      ['2025-10-31', '400.00', '0.00'],
      // INV-1004 30 days late, INV-1007 (due 2025-12-01) current
      ['2025-11-30', '650.00', '400.00'],
      // INV-1003 current (due that day), INV-1007 30 days, INV-1004 61 days
      ['2025-12-31', '1450.00', '650.00'],
      // INV-1004 paid 2026-01-20; INV-1005 and INV-1006 issued and current; INV-1003 31 days, INV-1007 61 days
      ['2026-01-31', '4050.00', '1050.00'],
      // INV-1006 paid 02-10, INV-1005 02-20; INV-1002 issued 02-01, current; INV-1003 59 days, INV-1007 89 days
      ['2026-02-28', '1550.00', '1050.00'],
      ['2026-03-31', '2350.00', '1350.00'],
    ]);
    expect(usd?.points[3]?.aging).toEqual([
      { bucket: 'current', amount: '800.00', count: 1 },
      { bucket: '1-30', amount: '250.00', count: 1 },
      { bucket: '31-60', amount: '0.00', count: 0 },
      { bucket: '61-90', amount: '400.00', count: 1 },
      { bucket: '90+', amount: '0.00', count: 0 },
    ]);
    // the last point is the as-of aging of the KPIs
    for (const series of report.trend) {
      const kpis = report.currencies.find((entry) => entry.currency === series.currency);
      expect(series.points.at(-1)?.aging).toEqual(kpis?.aging);
    }
  });

  test('top accounts: the most overdue per currency, with name and customer number', () => {
    expect(report.topAccounts).toEqual([
      {
        currency: 'EUR',
        accounts: [
          {
            customerNumber: 'C-3',
            name: FORMULA_NAME,
            collector: 'Alice@Company.example',
            overdue: '750.50',
            open: '1950.50',
            oldestDaysPastDue: 50,
          },
        ],
      },
      { currency: 'GBP', accounts: [] },
      {
        currency: 'USD',
        accounts: [
          {
            customerNumber: 'C-2',
            name: MALICIOUS_NAME,
            collector: 'bob@company.example',
            overdue: '1050.00',
            open: '1050.00',
            oldestDaysPastDue: 120,
          },
          {
            customerNumber: 'C-1',
            name: 'Acme Corp',
            collector: 'alice@company.example',
            overdue: '300.00',
            open: '1300.00',
            oldestDaysPastDue: 28,
          },
        ],
      },
    ]);
  });

  test('without a collector there is no activity', () => {
    expect(report.collector).toBeNull();
    expect(report.collectorAccounts).toBeNull();
    expect(report.activity).toBeNull();
  });
});

describe('--collector: one collector', () => {
  const targets = parseTargets({
    noticesSent: 10,
    callsLogged: 4,
    promisesObtained: 2,
    promisesKept: 2,
    amountCollected: { USD: '5000', EUR: 3000 },
  });
  const report = buildReport(handMadePortfolio(), POLICY, asOf, 90, { collector: 'alice@company.example', targets });

  test("narrows everything to the collector's accounts (usernames compared without case)", () => {
    expect(report.collector).toBe('alice@company.example');
    expect(report.collectorAccounts).toBe(2); // C-1, and C-3 whose collector is Alice@Company.example
    expect(report.currencies.map((entry) => entry.currency)).toEqual(['EUR', 'USD']);
    // USD for C-1 only: E = 1000 + 300 = 1300, Ec = 1000, S = 4500, B = 0.
    // DSO = 1300 / 4500 x 90 = 26; ADD = 6; CEI = (0 + 135000 - 117000) / (135000 - 90000) x 100 = 40;
    // % current = 1000 / 1300 = 76.923 -> 76.92; countback: March 1000 leaves 300 (31 days), February's 500
    // covers it: 31 + 28 x 300 / 500 = 47.8.
    expect(report.currencies[1]).toEqual({
      currency: 'USD',
      open: { amount: '1300.00', count: 2 },
      aging: [
        { bucket: 'current', amount: '1000.00', count: 1 },
        { bucket: '1-30', amount: '300.00', count: 1 },
        { bucket: '31-60', amount: '0.00', count: 0 },
        { bucket: '61-90', amount: '0.00', count: 0 },
        { bucket: '90+', amount: '0.00', count: 0 },
      ],
      creditSales: '4500.00',
      dso: 26,
      bestPossibleDso: 20,
      averageDaysDelinquent: 6,
      cei: 40,
      percentCurrent: 76.92,
      dsoCountback: 47.8,
    });
    expect(report.topAccounts.flatMap((entry) => entry.accounts.map((account) => account.customerNumber))).toEqual([
      'C-3',
      'C-1',
    ]);
    expect(report.unappliedCash.flatMap((entry) => entry.payments.map((payment) => payment.paymentReference))).toEqual([
      'Zahlung RE inv-2002 teil',
      'CHK-555',
      'remit inv 1001',
    ]);
    // 1300.00 + 1950.50 / 0.8
    expect(report.corporate).toMatchObject({ open: '3738.13', missingRates: [] });
  });

  test('activity over the window against the targets', () => {
    expect(report.activity).toEqual({
      windowStart: '2026-01-01',
      windowEnd: '2026-03-31',
      // Reminder 03-05, Courtesy_Reminder 03-10, Suspension_Warning 02-01; not the planned, failed,
      // pre-window, Suspension or bob's notices
      noticesSent: 3,
      callsLogged: 1,
      // PR-1 (kept) and PR-2 (open); PR-3 is logged before the window, PR-4 is bob's
      promisesObtained: 2,
      promisesKept: 1,
      amountCollected: [
        { currency: 'EUR', amount: '3500.00' }, // PAY-2000 3000.00 + 500.00
        { currency: 'USD', amount: '4700.00' }, // 700 + 600 + 2400 + 1000; LATE-1 is after the window
      ],
      targets: {
        noticesSent: 10,
        callsLogged: 4,
        promisesObtained: 2,
        promisesKept: 2,
        amountCollected: [
          { currency: 'EUR', amount: '3000.00' },
          { currency: 'USD', amount: '5000.00' },
        ],
      },
    });
  });

  test('a collector without accounts gives an empty report', () => {
    const none = buildReport(handMadePortfolio(), POLICY, asOf, 90, { collector: 'nobody@company.example' });
    expect(none.collectorAccounts).toBe(0);
    expect(none.currencies).toEqual([]);
    expect(none.unappliedCash).toEqual([]);
    expect(none.activity).toMatchObject({ noticesSent: 0, callsLogged: 0, promisesObtained: 0, amountCollected: [] });
  });
});

describe('targets files', () => {
  test('every key is optional', () => {
    expect(parseTargets({})).toEqual({
      noticesSent: null,
      callsLogged: null,
      promisesObtained: null,
      promisesKept: null,
      amountCollected: [],
    });
  });

  test.each([
    [[], 'JSON object'],
    [{ noticesSend: 3 }, 'unknown target "noticesSend"'],
    [{ noticesSent: -1 }, 'noticesSent must be a whole number'],
    [{ callsLogged: 2.5 }, 'callsLogged must be a whole number'],
    [{ amountCollected: { usd: '10' } }, 'amountCollected.usd'],
    [{ amountCollected: { USD: '10.001' } }, 'more decimals'],
    [{ amountCollected: { USD: true } }, 'must be an amount'],
  ])('%j is refused', (value, message) => {
    expect(() => parseTargets(value)).toThrow(TargetsError);
    expect(() => parseTargets(value)).toThrow(message);
  });
});

describe('a generated portfolio', () => {
  const asOfGenerated = parseDay('2026-06-30');
  const portfolio = generatePortfolio({
    seed: 7,
    accounts: 60,
    invoicesPerAccount: 6,
    asOf: asOfGenerated,
    historyDays: 240,
  });
  const report = buildReport(portfolio, POLICY, asOfGenerated, 90);

  test('open is the sum of the buckets, and the trend ends on the as-of aging', () => {
    for (const entry of report.currencies) {
      const sum = entry.aging.reduce((total, bucket) => total + BigInt(bucket.amount.replace('.', '')), 0n);
      expect(sum).toBe(BigInt(entry.open.amount.replace('.', '')));
      expect(entry.aging.reduce((total, bucket) => total + bucket.count, 0)).toBe(entry.open.count);
      const series = report.trend.find((item) => item.currency === entry.currency);
      expect(series?.points).toHaveLength(7);
      expect(series?.points.at(-1)?.aging).toEqual(entry.aging);
    }
  });

  test('top accounts: at most 10, most overdue first, their overdue adding up to at most the currency overdue', () => {
    for (const entry of report.topAccounts) {
      expect(entry.accounts.length).toBeLessThanOrEqual(10);
      const overdue = entry.accounts.map((account) => Number(account.overdue));
      expect(overdue).toEqual([...overdue].sort((a, b) => b - a));
      const kpis = report.currencies.find((item) => item.currency === entry.currency);
      const currencyOverdue = Number(kpis?.open.amount) - Number(kpis?.aging[0]?.amount);
      expect(overdue.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(currencyOverdue + 0.001);
    }
  });

  test('every payment of the generator is applied in full: no unapplied cash', () => {
    expect(report.unappliedCash).toEqual([]);
  });
});
