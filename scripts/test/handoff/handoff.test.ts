/**
 * The write-off packet, checked by hand against fixture.ts: who is in it, every notice with its
 * delivery outcome, the broken promise, the dispute, the plan, the corporate total with the rate
 * used, and the missing-rate case; then the CSV tables and the Markdown summary.
 */
import { parseCsv } from '../../src/records/csv';
import { handoffPacket, type HandoffAccount } from '../../src/handoff/handoffPacket';
import { handoffSummary, handoffTables, markdownText, tableCsv } from '../../src/handoff/renderHandoff';
import { AS_OF, handoffExtra, handoffPortfolio, REFERRED, SUSPENDED } from './fixture';

function accountOf(accounts: readonly HandoffAccount[], customer: string): HandoffAccount {
  const found = accounts.find((account) => account.customerNumber === customer);
  if (!found) throw new Error(`${customer} is not in the packet`);
  return found;
}

describe('handoffPacket', () => {
  const packet = handoffPacket(handoffPortfolio(), handoffExtra(), AS_OF);
  const suspended = accountOf(packet.accounts, SUSPENDED);

  test('holds the approved referral and the Referred_To_Write_Off status, nothing else', () => {
    expect(packet.accounts.map((account) => account.customerNumber)).toEqual([REFERRED, SUSPENDED]);
    expect(suspended.referredBecause).toEqual(['Write_Off_Referral__c WOR-1 is Approved (referred on 2026-11-20)']);
    expect(suspended.referredSince).toBe('2026-11-20');
    expect(suspended.inCollectionsSince).toBe('2026-07-16');
    expect(suspended.suspensionDate).toBe('2026-10-15');
    expect(accountOf(packet.accounts, REFERRED).referredBecause).toEqual([
      'Collections_Status__c is Referred_To_Write_Off',
    ]);
  });

  test('open invoices with amount, open balance, currency, due date, days past due and disputed part', () => {
    expect(
      suspended.invoices.map((i) => [
        i.invoiceNumber,
        i.currency,
        i.amount,
        i.openBalance,
        i.dueDate,
        i.daysPastDue,
        i.disputed,
      ]),
    ).toEqual([
      ['INV-S1', 'EUR', '2000.00', '2000.00', '2026-07-15', 138, '300.00'],
      ['CM-S1', 'EUR', '-100.00', '-100.00', '2026-08-01', 0, '0.00'],
      ['INV-S2', 'EUR', '1500.00', '1000.00', '2026-08-15', 107, '0.00'],
      ['INV-S3', 'USD', '250.00', '250.00', '2026-11-01', 29, '0.00'],
    ]);
  });

  test('every notice up to the as-of date, with status, sent date and delivery outcome', () => {
    expect(
      suspended.notices.map((n) => [
        n.key,
        n.action,
        n.level,
        n.asOf,
        n.status,
        n.sentDate,
        n.deliveryOutcome,
        n.deliveryDetail,
      ]),
    ).toEqual([
      ['N1', 'Courtesy_Reminder', null, '2026-07-10', 'Sent', '2026-07-10', 'Accepted', null],
      ['N2', 'Reminder', 1, '2026-07-20', 'Sent', '2026-07-20', 'Accepted', null],
      ['N3', 'Reminder', 2, '2026-08-05', 'Failed', null, 'Bounced', '550 mailbox unavailable'],
      ['N4', 'Suspension_Warning', null, '2026-09-20', 'Sent', '2026-10-01', 'Accepted', null],
      ['N5', 'Suspension', null, '2026-10-15', 'Sent', '2026-10-15', 'Not_Applicable', null],
      ['N6', 'Write_Off_Referral', null, '2026-11-20', 'Sent', '2026-11-20', 'Not_Applicable', null],
    ]);
  });

  test('the broken and the kept promise, the dispute and its line, the plan history', () => {
    expect(suspended.promises.map((p) => [p.name, p.amount, p.promisedDate, p.status, p.amountReceived])).toEqual([
      ['PTP-0001', '1000.00', '2026-08-31', 'Broken', '0.00'],
      ['PTP-0002', '500.00', '2026-09-01', 'Kept', '500.00'],
    ]);
    expect(suspended.disputes).toEqual([
      {
        id: 'D-1',
        name: 'DSP-000001',
        status: 'Open',
        reasonCode: 'Pricing',
        routedTeam: 'Billing',
        openedDate: '2026-08-20',
        targetResolutionDate: '2026-09-20',
        resolvedDate: null,
        lines: [{ invoiceNumber: 'INV-S1', currency: 'EUR', amount: '300.00' }],
      },
    ]);
    expect(suspended.plans.map((p) => [p.name, p.status, p.total, p.approvedDate])).toEqual([
      ['PP-0001', 'Defaulted', '1500.00', '2026-09-01'],
    ]);
    expect(suspended.plans[0]?.installments.map((i) => [i.number, i.dueDate, i.amount, i.status])).toEqual([
      [1, '2026-09-15', '500.00', 'Paid'],
      [2, '2026-10-15', '500.00', 'Missed'],
      [3, '2026-11-15', '500.00', 'Scheduled'],
    ]);
  });

  test('per currency and in the corporate currency, with the latest rate dated on or before the as-of date', () => {
    expect(
      suspended.currencies.map((c) => [
        c.currency,
        c.openInvoices,
        c.open,
        c.credits,
        c.unappliedCash,
        c.net,
        c.corporateNet,
      ]),
    ).toEqual([
      // 2000.00 + 1000.00 - 100.00; 2900.00 / 0.90 = 3222.222...
      ['EUR', 2, '3000.00', '-100.00', '0.00', '2900.00', '3222.22'],
      // 250.00 - 50.00 unapplied
      ['USD', 1, '250.00', '0.00', '50.00', '200.00', '200.00'],
    ]);
    expect(suspended.currencies[0]?.rate).toEqual({
      currency: 'EUR',
      corporateCurrency: 'USD',
      from: 'USD',
      to: 'EUR',
      rate: '0.90',
      date: '2026-11-01',
      inverted: true,
    });
    expect(suspended.currencies[1]?.rate).toBeNull();
    expect(suspended.corporateTotal).toBe('3422.22');
    expect(suspended.missingRates).toEqual([]);
  });

  test('a missing rate is named and leaves no total', () => {
    const referred = accountOf(packet.accounts, REFERRED);
    expect(referred.currencies.map((c) => [c.currency, c.net, c.corporateNet, c.missingRate])).toEqual([
      ['GBP', '400.00', null, true],
    ]);
    expect(referred.corporateTotal).toBeNull();
    expect(referred.missingRates).toEqual(['GBP']);
    expect(packet.corporateTotal).toBeNull();
    expect(packet.missingRates).toEqual(['GBP']);
    expect(handoffSummary(packet, 'test')).toContain('No USD total: no rate for GBP dated on or before 2026-11-30.');

    // with the GBP account out of the packet, the total is there, with the rate used
    const portfolio = handoffPortfolio();
    portfolio.accounts = portfolio.accounts.filter((account) => account.customerNumber !== REFERRED);
    const complete = handoffPacket(portfolio, handoffExtra(), AS_OF);
    expect(complete.corporateTotal).toBe('3422.22');
    expect(complete.ratesUsed.map((rate) => [rate.from, rate.to, rate.rate, rate.date])).toEqual([
      ['USD', 'EUR', '0.90', '2026-11-01'],
    ]);
    expect(complete.totals).toEqual([
      { currency: 'EUR', net: '2900.00', accounts: 1 },
      { currency: 'USD', net: '200.00', accounts: 1 },
    ]);
  });

  test('an earlier as-of date uses the rate of then; before any referral, nothing is referred', () => {
    const october = handoffPacket(handoffPortfolio(), handoffExtra(), AS_OF - 45);
    // on 2026-10-16 the referral was not yet made: the account is not in the packet
    expect(october.accounts.map((account) => account.customerNumber)).toEqual([REFERRED]);
    const portfolio = handoffPortfolio();
    portfolio.accounts = portfolio.accounts.map((a) =>
      a.customerNumber === SUSPENDED ? { ...a, status: 'Referred_To_Write_Off' } : a,
    );
    const before = accountOf(handoffPacket(portfolio, handoffExtra(), AS_OF - 45).accounts, SUSPENDED);
    expect(before.currencies[0]?.rate?.rate).toBe('0.80');
    expect(before.notices.map((n) => n.key)).toEqual(['N1', 'N2', 'N3', 'N4', 'N5']);
  });

  test('nothing referred: an empty packet, and the summary says so', () => {
    const portfolio = handoffPortfolio();
    portfolio.accounts = portfolio.accounts.filter(
      (a) => a.customerNumber !== SUSPENDED && a.customerNumber !== REFERRED,
    );
    const empty = handoffPacket(portfolio, handoffExtra(), AS_OF);
    expect(empty.accounts).toEqual([]);
    expect(empty.corporateTotal).toBe('0.00');
    expect(handoffSummary(empty, 'snapshot x')).toContain('No account is referred to write-off as of 2026-11-30');
  });
});

describe('handoff files', () => {
  const hostile = '=HYPERLINK("http://evil.example") <img src=x> *bold* | pipe';
  const packet = handoffPacket(handoffPortfolio(hostile), handoffExtra(), AS_OF);
  const tables = Object.fromEntries(
    handoffTables(packet).map((table) => [table.name, parseCsv(tableCsv(table), table.name)]),
  );

  test('one CSV per table, formula-like text neutralised', () => {
    expect(Object.keys(tables)).toEqual(['accounts', 'invoices', 'notices', 'promises', 'disputes', 'plans']);
    const names = Object.values(tables).flatMap((rows) => rows.map((row) => row.Name ?? ''));
    expect(names.filter((name) => name.includes('HYPERLINK')).every((name) => name.startsWith("'="))).toBe(true);
    expect(
      tables.notices?.filter((row) => row['Customer number'] === SUSPENDED).map((row) => row['Delivery outcome']),
    ).toEqual(['Accepted', 'Accepted', 'Bounced', 'Accepted', 'Not_Applicable', 'Not_Applicable']);
    expect(tables.promises?.map((row) => row.Status)).toEqual(['Broken', 'Kept']);
    expect(tables.disputes?.[0]).toMatchObject({
      Dispute: 'DSP-000001',
      Invoice: 'INV-S1',
      'Disputed amount': '300.00',
    });
    const eur = tables.accounts?.find((row) => row['Customer number'] === SUSPENDED && row.Currency === 'EUR');
    expect(eur).toMatchObject({
      'Net owed': '2900.00',
      'Rate used': '1 USD = 0.90 EUR',
      'Rate date': '2026-11-01',
      'Net owed in USD': '3222.22',
      'Account total in USD': '3422.22',
    });
    const gbp = tables.accounts?.find((row) => row['Customer number'] === REFERRED);
    expect(gbp?.Note).toBe('no GBP/USD rate dated on or before 2026-11-30: no USD total');
    expect(gbp?.['Net owed in USD']).toBe('');
  });

  test('the summary says who, how much, what was done and since when, with data made inert', () => {
    const summary = handoffSummary(packet, 'snapshot .collections');
    expect(summary).toContain('# Write-off handoff as of 2026-11-30');
    expect(summary).toContain('2 accounts referred to write-off');
    expect(summary).not.toMatch(/(^|[^\\])<img/);
    expect(summary).toContain('Referred_To_Write_Off');
    expect(summary).toContain(markdownText(hostile));
    expect(summary).toContain('\\<img src=x\\> \\*bold\\* \\| pipe');
    expect(summary).toContain('suspended since 2026-10-15');
    expect(summary).toContain(
      '**Referred to write-off**: since 2026-11-20; referral WOR-1 Approved on 2026-11-20, EUR 3,000.00 in 2 invoices.',
    );
    expect(summary).toContain('**Referred to write-off**: date unknown; account status Referred_To_Write_Off.');
    expect(summary).toContain(
      'EUR 3,000.00 open in 2 invoices, oldest 138 days past due, open credits EUR -100.00: net EUR 2,900.00 = USD 3,222.22 at 1 USD = 0.90 EUR (rate of 2026-11-01)',
    );
    expect(summary).toContain('**Total: USD 3,422.22**');
    expect(summary).toContain(
      '2026-08-05: Reminder 2 (EUR), Failed, to ap@client.example, delivery Bounced (550 mailbox unavailable)',
    );
    expect(summary).toContain('1 broken, 1 kept');
    expect(summary).toContain('DSP-000001: Open (Pricing, Billing), opened 2026-08-20; INV-S1 EUR 300.00');
    expect(summary).toContain(
      'PP-0001: Defaulted, EUR 1,500.00 in 3 installments (Monthly), approved 2026-09-01, 1 paid',
    );
  });
});
