import { formatDay, parseDay, type Day } from '../../src/domain/calendar';
import { agingAsOf, portfolioKpis, rollUp, type BucketTotal, type CurrencyKpis } from '../../src/domain/kpis';
import { indexApplications } from '../../src/domain/ledger';
import { formatMoney, parseMoney, roundHalfAwayFromZero } from '../../src/domain/money';
import type { DocumentType, ExchangeRate, Invoice, PaymentApplication } from '../../src/domain/portfolio';

// ---- helpers: literal data, amounts and dates written as text ----

function invoice(
  invoiceNumber: string,
  invoiceDate: string,
  dueDate: string,
  amount: string,
  options: { currency?: string; type?: DocumentType } = {},
): Invoice {
  const currency = options.currency ?? 'USD';
  return {
    invoiceNumber,
    customerNumber: 'C-1',
    documentType: options.type ?? 'Invoice',
    currency,
    invoiceDate: parseDay(invoiceDate),
    dueDate: parseDay(dueDate),
    amount: parseMoney(amount, currency),
    poNumber: null,
    documentUrl: null,
    paymentPlanId: null,
  };
}

function creditMemo(invoiceNumber: string, date: string, amount: string, currency = 'USD'): Invoice {
  return invoice(invoiceNumber, date, date, amount, { currency, type: 'Credit_Memo' });
}

function applied(invoiceNumber: string, appliedDate: string, amount: string, currency = 'USD'): PaymentApplication {
  return {
    paymentReference: `PAY-${invoiceNumber}-${appliedDate}`,
    invoiceNumber,
    appliedDate: parseDay(appliedDate),
    amount: parseMoney(amount, currency),
  };
}

function rate(from: string, to: string, value: string, date: string): ExchangeRate {
  return { from, to, rate: value, date: parseDay(date) };
}

function kpisFor(kpis: CurrencyKpis[], currency: string): CurrencyKpis {
  const found = kpis.find((entry) => entry.currency === currency);
  if (!found) throw new Error(`no KPIs for ${currency}`);
  return found;
}

/** bucket -> "amount x count", to compare a whole aging table at a glance */
function agingTable(aging: BucketTotal[]): Record<string, string> {
  return Object.fromEntries(aging.map((total) => [total.bucket, `${formatMoney(total.amount)} x${total.count}`]));
}

/** A CurrencyKpis with only what the roll-up reads filled in. */
function openKpis(currency: string, open: string, current: string): CurrencyKpis {
  const zero = parseMoney('0', currency);
  return {
    currency,
    open: { amount: parseMoney(open, currency), count: 1 },
    aging: [
      { bucket: 'current', amount: parseMoney(current, currency), count: 1 },
      { bucket: '1-30', amount: zero, count: 0 },
      { bucket: '31-60', amount: zero, count: 0 },
      { bucket: '61-90', amount: zero, count: 0 },
      { bucket: '90+', amount: zero, count: 0 },
    ],
    creditSales: zero,
    dso: null,
    bestPossibleDso: null,
    averageDaysDelinquent: null,
    cei: null,
    percentCurrent: null,
    dsoCountback: null,
  };
}

describe('aging rebuilt from the dated payment applications', () => {
  // arrange
  const invoices = [
    invoice('INV-1', '2026-01-10', '2026-02-09', '1000.00'),
    invoice('INV-3', '2026-03-20', '2026-04-19', '400.00'),
    invoice('INV-FUTURE', '2026-04-05', '2026-05-05', '500.00'),
    creditMemo('CM-1', '2026-03-01', '-200.00'),
  ];
  const applications = indexApplications([
    applied('INV-1', '2026-02-15', '300.00'),
    applied('INV-1', '2026-04-10', '700.00'),
  ]);

  test('as of a past date, a payment applied later still counts as open', () => {
    // act
    const [usd] = portfolioKpis(invoices, applications, parseDay('2026-03-31'));

    // assert: INV-1 has 700.00 left (the 700.00 of April 10 is after D) and is 50 days past due
    // (Feb 9 -> Mar 31 = 19 + 31); INV-3 is current; the credit memo and the April invoice are not open.
    expect(usd?.currency).toBe('USD');
    expect(formatMoney(usd!.open.amount)).toBe('1100.00');
    expect(usd!.open.count).toBe(2);
    expect(agingTable(usd!.aging)).toEqual({
      current: '400.00 x1',
      '1-30': '0.00 x0',
      '31-60': '700.00 x1',
      '61-90': '0.00 x0',
      '90+': '0.00 x0',
    });
    // S = 1000.00 + 400.00: the credit memo is not a sale, the April invoice is after D
    expect(formatMoney(usd!.creditSales)).toBe('1400.00');
  });

  test('the same ledger as of later and earlier dates', () => {
    // act
    const afterFullPayment = agingAsOf(invoices, applications, parseDay('2026-04-15')).get('USD');
    const beforeAnyPayment = agingAsOf(invoices, applications, parseDay('2026-02-14')).get('USD');

    // assert: on Apr 15 INV-1 is paid; INV-3 (due Apr 19) is current and the April 5 invoice exists now
    expect(agingTable(afterFullPayment!)).toEqual({
      current: '900.00 x2',
      '1-30': '0.00 x0',
      '31-60': '0.00 x0',
      '61-90': '0.00 x0',
      '90+': '0.00 x0',
    });
    // on Feb 14 nothing was applied yet: INV-1 is 5 days past due with its full amount
    expect(agingTable(beforeAnyPayment!)).toEqual({
      current: '0.00 x0',
      '1-30': '1000.00 x1',
      '31-60': '0.00 x0',
      '61-90': '0.00 x0',
      '90+': '0.00 x0',
    });
  });

  test('a payment applied on D itself counts (as of = end of day)', () => {
    // act
    const onPaymentDay = agingAsOf(invoices, applications, parseDay('2026-02-15')).get('USD');

    // assert: 1000.00 - 300.00 applied on Feb 15, 6 days past due
    expect(agingTable(onPaymentDay!)['1-30']).toBe('700.00 x1');
  });

  test('an application in another currency than its invoice is refused', () => {
    // arrange
    const wrong = indexApplications([applied('INV-1', '2026-02-15', '300.00', 'EUR')]);

    // act / assert
    expect(() => portfolioKpis(invoices, wrong, parseDay('2026-03-31'))).toThrow('applies EUR to INV-1 in USD');
  });
});

describe('aging bucket boundaries', () => {
  test('exactly one invoice at 0, 1, 30, 31, 60, 61, 90 and 91 days past due, and one not yet due', () => {
    // arrange: amounts are powers of two, so every bucket total shows which invoices it holds
    const asOf = parseDay('2026-06-30');
    const dueDaysAgo: [number, string][] = [
      [-5, '256.00'],
      [0, '1.00'],
      [1, '2.00'],
      [30, '4.00'],
      [31, '8.00'],
      [60, '16.00'],
      [61, '32.00'],
      [90, '64.00'],
      [91, '128.00'],
    ];
    const invoices = dueDaysAgo.map(([days, amount]) =>
      invoice(`DUE-${days}`, '2026-01-01', formatDay(asOf - days), amount),
    );

    // act
    const aging = agingAsOf(invoices, new Map(), asOf).get('USD')!;

    // assert
    expect(agingTable(aging)).toEqual({
      current: '257.00 x2', // -5 and 0 days
      '1-30': '6.00 x2', // 1 and 30
      '31-60': '24.00 x2', // 31 and 60
      '61-90': '96.00 x2', // 61 and 90
      '90+': '128.00 x1', // 91
    });
  });
});

describe('DSO, best possible DSO, average days delinquent, CEI, percent current, countback', () => {
  // arrange: D = 2026-03-31, W = 90, so D - W = 2025-12-31 and the window (D-W, D] is Jan 1 .. Mar 31.
  const asOf = parseDay('2026-03-31');
  const invoices = [
    // issued before the window: in B when open at Dec 31, never in S
    invoice('A', '2025-11-15', '2025-12-15', '3000.00'), // 2000.00 open at D-W, 500.00 at D (106 days: 90+)
    invoice('B', '2025-12-01', '2025-12-31', '1200.00'), // 1200.00 open at D-W, paid Jan 20
    invoice('C', '2025-12-31', '2026-01-30', '800.00'), // dated D-W exactly: in B, not in S; 60 days past due at D
    // issued in the window: in S
    invoice('E1', '2026-01-01', '2026-01-31', '2000.00'), // paid in full Feb 15
    invoice('E2', '2026-02-15', '2026-03-17', '1500.00'), // 1000.00 open at D, 14 days past due
    invoice('E3', '2026-03-10', '2026-04-09', '2500.00'), // current
    invoice('E4', '2026-03-31', '2026-04-30', '1000.00'), // dated D: in S, current
    creditMemo('CM', '2026-02-01', '-300.00'), // neither open nor a sale
    invoice('LATER', '2026-04-01', '2026-05-01', '5000.00'), // after D: ignored
  ];
  const applications = indexApplications([
    applied('A', '2025-12-31', '1000.00'), // applied on D-W itself: already out of B
    applied('A', '2026-02-10', '1500.00'),
    applied('B', '2026-01-20', '1200.00'),
    applied('E1', '2026-02-15', '2000.00'),
    applied('E2', '2026-03-20', '500.00'),
  ]);

  test('every figure matches the hand computation', () => {
    // act
    const kpis = portfolioKpis(invoices, applications, asOf);

    // assert
    expect(kpis.map((entry) => entry.currency)).toEqual(['USD']);
    const usd = kpis[0]!;
    // E = 500 + 800 + 1000 + 2500 + 1000 = 5800.00; Ec = 2500 + 1000 = 3500.00
    expect(formatMoney(usd.open.amount)).toBe('5800.00');
    expect(usd.open.count).toBe(5);
    expect(agingTable(usd.aging)).toEqual({
      current: '3500.00 x2',
      '1-30': '1000.00 x1',
      '31-60': '800.00 x1',
      '61-90': '0.00 x0',
      '90+': '500.00 x1',
    });
    // S = 2000 + 1500 + 2500 + 1000 = 7000.00 (C is dated D-W, outside (D-W, D])
    expect(formatMoney(usd.creditSales)).toBe('7000.00');
    // DSO = E / S x W = 5800 / 7000 x 90 = 74.5714...
    expect(usd.dso).toBe(74.57);
    // best possible DSO = Ec / S x W = 3500 / 7000 x 90 = 45
    expect(usd.bestPossibleDso).toBe(45);
    // average days delinquent = DSO - best = 2300 / 7000 x 90 = 29.5714...
    expect(usd.averageDaysDelinquent).toBe(29.57);
    // B = 2000 + 1200 + 800 = 4000.00; N = 90 / 30 = 3, S/N = 2333.33...
    // CEI = (B + S/N - E) / (B + S/N - Ec) x 100 = (4000 + 2333.33 - 5800) / (4000 + 2333.33 - 3500) x 100
    //     = (12000 + 7000 - 17400) / (12000 + 7000 - 10500) x 100 = 1600 / 8500 x 100 = 18.8235...
    expect(usd.cei).toBe(18.82);
    // percent current = Ec / E x 100 = 3500 / 5800 x 100 = 60.3448...
    expect(usd.percentCurrent).toBe(60.34);
    // countback from E = 5800: March (31 days, sales 3500) -> 2300 left; February (28 days, sales 1500)
    // -> 800 left; January (sales 2000) covers it: 31 x 800 / 2000 = 12.4. 31 + 28 + 12.4 = 71.4
    expect(usd.dsoCountback).toBe(71.4);
  });

  test('a 30-day window changes S, B and N', () => {
    // act: D - W = 2026-03-01, window Mar 2 .. Mar 31
    const usd = portfolioKpis(invoices, applications, asOf, 30)[0]!;

    // assert
    // S = E3 + E4 = 3500.00; B (open at Mar 1) = A 500 + C 800 + E2 1500 = 2800.00; N = 1
    expect(formatMoney(usd.creditSales)).toBe('3500.00');
    // DSO = 5800 / 3500 x 30 = 49.714...; best = 3500 / 3500 x 30 = 30; ADD = 2300 / 3500 x 30 = 19.714...
    expect([usd.dso, usd.bestPossibleDso, usd.averageDaysDelinquent]).toEqual([49.71, 30, 19.71]);
    // CEI = (2800 + 3500 - 5800) / (2800 + 3500 - 3500) x 100 = 500 / 2800 x 100 = 17.857...
    expect(usd.cei).toBe(17.86);
  });
});

describe('countback DSO by calendar month', () => {
  test('across a month boundary, starting with the partial month of D', () => {
    // arrange: D = 2026-03-15, so March counts 15 days with the sales of Mar 1 .. 15 only
    const invoices = [
      invoice('M1', '2026-03-10', '2026-04-09', '1000.00'),
      invoice('M-AFTER-D', '2026-03-20', '2026-04-19', '9999.00'), // after D: not a March sale
      invoice('F1', '2026-02-05', '2026-03-07', '3000.00'),
      creditMemo('F-CM', '2026-02-20', '-500.00'), // does not lower February's sales
      invoice('J1', '2026-01-20', '2026-02-19', '4000.00'),
    ];
    const applications = indexApplications([
      applied('F1', '2026-03-01', '1000.00'),
      applied('J1', '2026-02-01', '3400.00'),
    ]);

    // act
    const usd = portfolioKpis(invoices, applications, parseDay('2026-03-15'))[0]!;

    // assert: E = 1000 + 2000 + 600 = 3600.00
    expect(formatMoney(usd.open.amount)).toBe('3600.00');
    // March: 15 days, sales 1000 -> 2600 left; February: sales 3000 > 2600, 28 x 2600 / 3000 = 24.2666...
    // 15 + 24.2666... = 39.2666... -> 39.27
    expect(usd.dsoCountback).toBe(39.27);
  });

  test('a month without sales adds all its days; an exactly exhausted month stops the walk', () => {
    // arrange
    const invoices = [
      invoice('M1', '2026-03-10', '2026-04-09', '1000.00'),
      invoice('J1', '2026-01-20', '2026-02-19', '4000.00'),
      invoice('D1', '2025-12-10', '2026-01-09', '7000.00'), // fully paid: in December's sales, never reached
    ];
    const applications = indexApplications([applied('D1', '2026-01-09', '7000.00')]);

    // act
    const usd = portfolioKpis(invoices, applications, parseDay('2026-03-15'))[0]!;

    // assert: E = 5000; March 15 days (-1000 -> 4000), February 28 days (no sales), January 31 days (-4000 -> 0)
    expect(usd.dsoCountback).toBe(15 + 28 + 31);
  });

  test('stops after 24 months, the month of D included, when the sales never cover the open amount', () => {
    // arrange: one open invoice from 2023, nothing sold since
    const invoices = [invoice('OLD', '2023-01-10', '2023-02-09', '1000.00')];

    // act
    const usd = portfolioKpis(invoices, new Map(), parseDay('2026-03-15'))[0]!;

    // assert: March 2026 (15 days) + Feb 2026 .. Apr 2024 (23 full months: 365 + 334 = 699 days) = 714
    expect(usd.dsoCountback).toBe(714);
  });
});

describe('currencies are kept apart, each in its own minor units', () => {
  test('USD, JPY (0 decimals) and KWD (3 decimals), sorted by code', () => {
    // arrange: D = 2026-03-31
    const invoices = [
      invoice('U1', '2026-03-10', '2026-04-09', '500.00'),
      invoice('J1', '2026-03-01', '2026-03-31', '100000', { currency: 'JPY' }),
      invoice('K1', '2026-02-01', '2026-03-03', '10.125', { currency: 'KWD' }),
    ];
    const applications = indexApplications([
      applied('J1', '2026-03-15', '33333', 'JPY'),
      applied('K1', '2026-03-15', '0.001', 'KWD'),
    ]);

    // act
    const kpis = portfolioKpis(invoices, applications, parseDay('2026-03-31'));

    // assert
    expect(kpis.map((entry) => entry.currency)).toEqual(['JPY', 'KWD', 'USD']);
    const jpy = kpisFor(kpis, 'JPY');
    const kwd = kpisFor(kpis, 'KWD');
    const usd = kpisFor(kpis, 'USD');
    // JPY: open 66667 yen, due D itself so current; DSO = 66667 / 100000 x 90 = 60.0003 -> 60
    expect(jpy.open.amount).toEqual({ currency: 'JPY', minor: 66667n });
    expect(agingTable(jpy.aging).current).toBe('66667 x1');
    expect([jpy.dso, jpy.bestPossibleDso, jpy.averageDaysDelinquent, jpy.percentCurrent]).toEqual([60, 60, 0, 100]);
    // KWD: open 10.124 (10124 fils), 28 days past due; DSO = 10124 / 10125 x 90 = 89.9911... -> 89.99
    expect(kwd.open.amount).toEqual({ currency: 'KWD', minor: 10124n });
    expect(agingTable(kwd.aging)['1-30']).toBe('10.124 x1');
    expect(kwd.creditSales).toEqual({ currency: 'KWD', minor: 10125n });
    expect([kwd.dso, kwd.bestPossibleDso, kwd.averageDaysDelinquent, kwd.percentCurrent]).toEqual([89.99, 0, 89.99, 0]);
    // USD alone: 500.00 open and sold, DSO = 90
    expect(formatMoney(usd.open.amount)).toBe('500.00');
    expect(usd.dso).toBe(90);
    for (const entry of kpis) {
      for (const total of entry.aging) expect(total.amount.currency).toBe(entry.currency);
    }
  });
});

describe('null and zero cases', () => {
  const asOf = parseDay('2026-03-31');

  test('no sales in the window: DSO figures are null, CEI and percent current are still defined', () => {
    // arrange
    const invoices = [invoice('OLD', '2023-01-10', '2023-02-09', '1000.00')];

    // act
    const usd = portfolioKpis(invoices, new Map(), asOf)[0]!;

    // assert: S = 0
    expect([usd.dso, usd.bestPossibleDso, usd.averageDaysDelinquent]).toEqual([null, null, null]);
    // B = E = 1000, Ec = 0: CEI = (1000 + 0 - 1000) / (1000 + 0 - 0) x 100 = 0
    expect(usd.cei).toBe(0);
    expect(usd.percentCurrent).toBe(0);
    // 24 months, Apr 2024 .. Mar 2026 = 730 days
    expect(usd.dsoCountback).toBe(730);
  });

  test('nothing open: percent current is null, DSO and countback are 0, CEI is 100', () => {
    // arrange
    const invoices = [invoice('PAID', '2026-03-01', '2026-03-31', '100.00')];
    const applications = indexApplications([applied('PAID', '2026-03-05', '100.00')]);

    // act
    const usd = portfolioKpis(invoices, applications, asOf)[0]!;

    // assert: CEI = (0 + S/3 - 0) / (0 + S/3 - 0) x 100 = 100
    expect(usd.open).toEqual({ amount: { currency: 'USD', minor: 0n }, count: 0 });
    expect([usd.dso, usd.bestPossibleDso, usd.averageDaysDelinquent]).toEqual([0, 0, 0]);
    expect(usd.cei).toBe(100);
    expect(usd.percentCurrent).toBeNull();
    expect(usd.dsoCountback).toBe(0);
  });

  test('CEI is null when B + S/N - Ec is zero', () => {
    // arrange: S = 3000 and nothing open at D - W; Ec = 1000 = S/N with N = 3
    const invoices = [
      invoice('X', '2026-01-30', '2026-03-01', '2000.00'), // 30 days past due
      invoice('Y', '2026-03-26', '2026-04-25', '1000.00'), // current
    ];

    // act
    const usd = portfolioKpis(invoices, new Map(), asOf)[0]!;

    // assert: (0 + 1000 - 3000) / (0 + 1000 - 1000) -> null
    expect(usd.cei).toBeNull();
    // DSO = 3000 / 3000 x 90; best = 1000 / 3000 x 90; ADD = 2000 / 3000 x 90; % current = 33.333...
    expect([usd.dso, usd.bestPossibleDso, usd.averageDaysDelinquent, usd.percentCurrent]).toEqual([90, 30, 60, 33.33]);
    // March: 31 days (-1000 -> 2000); February: no sales, 28 days; January: 2000 covers it, 31 days
    expect(usd.dsoCountback).toBe(90);
  });

  test('a currency with only a credit memo is listed, with every ratio null except countback 0', () => {
    // arrange
    const invoices = [
      creditMemo('CM-EUR', '2026-02-01', '-50.00', 'EUR'),
      invoice('LATER', '2026-04-01', '2026-05-01', '1.00', { currency: 'GBP' }),
    ];

    // act
    const kpis = portfolioKpis(invoices, new Map(), asOf);

    // assert: GBP has nothing issued on or before D, so it is not listed
    expect(kpis.map((entry) => entry.currency)).toEqual(['EUR']);
    const eur = kpis[0]!;
    expect(formatMoney(eur.open.amount)).toBe('0.00');
    expect(formatMoney(eur.creditSales)).toBe('0.00');
    expect([eur.dso, eur.bestPossibleDso, eur.averageDaysDelinquent, eur.cei, eur.percentCurrent]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(eur.dsoCountback).toBe(0);
  });

  test('no invoices at all gives no entries', () => {
    expect(portfolioKpis([], new Map(), asOf)).toEqual([]);
  });

  test('a window that is not a positive whole number of days is refused', () => {
    expect(() => portfolioKpis([], new Map(), asOf, 0)).toThrow('positive whole number of days');
    expect(() => portfolioKpis([], new Map(), asOf, 7.5)).toThrow('positive whole number of days');
  });
});

describe('rounding to 2 decimals from exact integers', () => {
  test('halves round away from zero where floating point would round down', () => {
    // arrange: S = 0.80, E = 0.07 current. 7 / 80 x 90 = 7.875 exactly; in doubles 7/80*90 = 7.8749999...
    const asOf: Day = parseDay('2026-03-31');
    const invoices = [invoice('H', '2026-03-30', '2026-04-29', '0.80')];
    const applications = indexApplications([applied('H', '2026-03-31', '0.73')]);

    // act
    const usd = portfolioKpis(invoices, applications, asOf)[0]!;

    // assert
    expect(usd.dso).toBe(7.88);
    expect(usd.bestPossibleDso).toBe(7.88);
  });

  test('percent current 23 / 160 = 14.375% rounds to 14.38', () => {
    // arrange
    const invoices = [
      invoice('CUR', '2026-03-30', '2026-04-29', '0.23'),
      invoice('LATE', '2026-01-30', '2026-03-01', '1.37'),
    ];

    // act
    const usd = portfolioKpis(invoices, new Map(), parseDay('2026-03-31'))[0]!;

    // assert
    expect(usd.percentCurrent).toBe(14.38);
  });

  test('roundHalfAwayFromZero on both signs', () => {
    expect([
      roundHalfAwayFromZero(5n, 2n),
      roundHalfAwayFromZero(-5n, 2n),
      roundHalfAwayFromZero(5n, -2n),
      roundHalfAwayFromZero(7n, 3n),
      roundHalfAwayFromZero(-7n, 3n),
      roundHalfAwayFromZero(0n, 3n),
    ]).toEqual([3n, -3n, -3n, 2n, -2n, 0n]);
  });
});

describe('corporate-currency roll-up with dated rates', () => {
  const asOf = parseDay('2026-03-31');

  test('converts with the latest rate on or before D, inverts a reversed rate, leaves out a missing one', () => {
    // arrange
    const kpis = [
      openKpis('EUR', '500.00', '100.00'),
      openKpis('GBP', '200.00', '0.00'),
      openKpis('JPY', '100000', '25000'),
      openKpis('KWD', '1.234', '0.000'),
      openKpis('USD', '1000.00', '400.00'),
    ];
    const eurOld = rate('EUR', 'USD', '1.0500', '2026-01-01');
    const eurLatest = rate('EUR', 'USD', '1.0850', '2026-03-01');
    const eurFuture = rate('EUR', 'USD', '2.0000', '2026-04-15');
    const gbpFuture = rate('GBP', 'USD', '1.27', '2026-04-01');
    const usdJpy = rate('USD', 'JPY', '150', '2026-03-30');
    const kwd = rate('KWD', 'USD', '3.2550', '2026-03-31');

    // act
    const result = rollUp(kpis, 'USD', [eurOld, eurFuture, eurLatest, gbpFuture, usdJpy, kwd], asOf);

    // assert
    // open: USD 1000.00 + EUR 500.00 x 1.085 = 542.50 + JPY 100000 / 150 = 666.666... -> 666.67
    //       + KWD 1.234 x 3.255 = 4.01667 -> 4.02; GBP left out = 2213.19
    expect(result.currency).toBe('USD');
    expect(formatMoney(result.open)).toBe('2213.19');
    // overdue: USD 600.00 + EUR 400.00 x 1.085 = 434.00 + JPY 75000 / 150 = 500.00 + KWD 4.02 = 1538.02
    expect(formatMoney(result.overdue)).toBe('1538.02');
    expect(result.ratesUsed).toEqual([eurLatest, usdJpy, kwd]);
    expect(result.missingRates).toEqual(['GBP']);
  });

  test('a later inverted rate wins over an older direct one; on the same day the direct one wins', () => {
    // arrange
    const kpis = [openKpis('EUR', '500.00', '0.00')];
    const direct = rate('EUR', 'USD', '1.10', '2026-03-01');
    const laterInverse = rate('USD', 'EUR', '0.80', '2026-03-20');
    const sameDayInverse = rate('USD', 'EUR', '0.50', '2026-03-01');

    // act
    const later = rollUp(kpis, 'USD', [direct, laterInverse], asOf);
    const sameDay = rollUp(kpis, 'USD', [sameDayInverse, direct], asOf);

    // assert: 500.00 / 0.80 = 625.00; 500.00 x 1.10 = 550.00
    expect(formatMoney(later.open)).toBe('625.00');
    expect(later.ratesUsed).toEqual([laterInverse]);
    expect(formatMoney(sameDay.open)).toBe('550.00');
    expect(sameDay.ratesUsed).toEqual([direct]);
  });

  test('conversion rounds half away from zero once, to the corporate minor unit', () => {
    // arrange: 1.00 EUR x 1.005 = 1.005 USD -> 1.01; 3 JPY / 200 = 0.015 USD -> 0.02; into JPY 0.50 USD x 3 = 1.5 -> 2
    const eur = rollUp([openKpis('EUR', '1.00', '1.00')], 'USD', [rate('EUR', 'USD', '1.005', '2026-01-01')], asOf);
    const jpy = rollUp([openKpis('JPY', '3', '3')], 'USD', [rate('USD', 'JPY', '200', '2026-01-01')], asOf);
    const intoYen = rollUp([openKpis('USD', '0.50', '0.00')], 'JPY', [rate('USD', 'JPY', '3', '2026-01-01')], asOf);

    // assert
    expect(formatMoney(eur.open)).toBe('1.01');
    expect(formatMoney(eur.overdue)).toBe('0.00');
    expect(formatMoney(jpy.open)).toBe('0.02');
    expect(intoYen.open).toEqual({ currency: 'JPY', minor: 2n });
    expect(formatMoney(intoYen.overdue)).toBe('2');
  });

  test('with no rate at all only the corporate currency is summed', () => {
    // act
    const result = rollUp([openKpis('CAD', '10.00', '0.00'), openKpis('USD', '5.00', '5.00')], 'USD', [], asOf);

    // assert
    expect(formatMoney(result.open)).toBe('5.00');
    expect(formatMoney(result.overdue)).toBe('0.00');
    expect(result.missingRates).toEqual(['CAD']);
    expect(result.ratesUsed).toEqual([]);
  });

  test('a malformed or zero rate, or two different rates for the same day, is refused', () => {
    const kpis = [openKpis('EUR', '1.00', '0.00')];
    expect(() => rollUp(kpis, 'USD', [rate('EUR', 'USD', '1,1', '2026-01-01')], asOf)).toThrow('not a decimal');
    expect(() => rollUp(kpis, 'USD', [rate('USD', 'EUR', '0.000', '2026-01-01')], asOf)).toThrow('is zero');
    expect(() =>
      rollUp(kpis, 'USD', [rate('EUR', 'USD', '1.1', '2026-01-01'), rate('EUR', 'USD', '1.2', '2026-01-01')], asOf),
    ).toThrow('two different EUR/USD rates');
    // the same rate written twice is not a conflict
    const same = rollUp(
      kpis,
      'USD',
      [rate('EUR', 'USD', '1.1', '2026-01-01'), rate('EUR', 'USD', '1.10', '2026-01-01')],
      asOf,
    );
    expect(formatMoney(same.open)).toBe('1.10');
  });
});
