/**
 * The five Invoice__c fields the night keeps true (invoiceState.ts), on literal portfolios: open
 * balance and status from the applications, disputed amount from the open disputes, last dunning
 * date and level from the notices sent (tonight's included), and only what differs from the record.
 */
import type { Day } from '../../../src/domain/calendar';
import type { DayPlan } from '../../../src/domain/engine/actions';
import {
  applyInvoiceUpdates,
  invoiceStateCells,
  invoiceUpdates,
  type InvoiceUpdate,
} from '../../../src/domain/engine/invoiceState';
import { planDay, planDayInShards } from '../../../src/domain/engine/planDay';
import { parseMoney } from '../../../src/domain/money';
import type { NoticeRecord, Portfolio } from '../../../src/domain/portfolio';
import { d, POLICY, PortfolioBuilder } from './scenario';

/** The night's updates as readable cells per invoice: balance|status|disputed|date|level. */
function cellsOf(updates: readonly InvoiceUpdate[]): Record<string, string> {
  return Object.fromEntries(updates.map((u) => [u.invoiceNumber, invoiceStateCells(u.state).join('|')]));
}

/** The updates of a night without actions: the fields as the ledger, disputes and notices give them. */
function stateOn(portfolio: Portfolio, day: string): Record<string, string> {
  const plan: DayPlan = { asOf: d(day), actions: [], cases: [] };
  return cellsOf(invoiceUpdates(portfolio, plan));
}

function application(portfolio: Portfolio, reference: string, invoiceNumber: string, amount: string, date: string) {
  const invoice = portfolio.invoices.find((i) => i.invoiceNumber === invoiceNumber);
  const currency = invoice?.currency ?? 'USD';
  portfolio.applications.push({
    paymentReference: reference,
    invoiceNumber,
    appliedDate: d(date),
    amount: parseMoney(amount, currency),
  });
}

function sent(key: string, action: NoticeRecord['action'], level: number | null, on: Day, invoices: string[]) {
  const notice: NoticeRecord = {
    key,
    customerNumber: 'C1',
    currency: 'USD',
    action,
    step: null,
    level,
    caseKey: null,
    asOf: on,
    status: 'Sent',
    sentDate: on,
    invoiceNumbers: invoices,
  };
  return notice;
}

describe('open balance and status', () => {
  test('untouched, partly paid and paid invoices: Open, Partially_Paid, Paid with the balance left', () => {
    // Arrange: three invoices of 1,000.00, one paid 400.00 of, one paid in full
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-3', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('P-1', 'C1', '400.00', 'USD', '2026-01-20', 'INV-2')
      .payment('P-2', 'C1', '1000.00', 'USD', '2026-01-25', 'INV-3');

    // Act and assert: before the payments, and after them
    expect(stateOn(builder.portfolio, '2026-01-15')).toEqual({
      'INV-1': '1000.00|Open|||',
      'INV-2': '1000.00|Open|||',
      'INV-3': '1000.00|Open|||',
    });
    expect(stateOn(builder.portfolio, '2026-01-25')).toEqual({
      'INV-1': '1000.00|Open|||',
      'INV-2': '600.00|Partially_Paid|||',
      'INV-3': '0.00|Paid|||',
    });
  });

  test('payments in several parts: the balance is the amount less every application up to the day', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31');
    application(builder.portfolio, 'P-1', 'INV-1', '250.10', '2026-01-10');
    application(builder.portfolio, 'P-2', 'INV-1', '300.00', '2026-01-20');
    application(builder.portfolio, 'P-3', 'INV-1', '449.90', '2026-02-05');

    expect(stateOn(builder.portfolio, '2026-01-20')).toEqual({ 'INV-1': '449.90|Partially_Paid|||' });
    expect(stateOn(builder.portfolio, '2026-02-05')).toEqual({ 'INV-1': '0.00|Paid|||' });
  });

  test('a credit memo: Open while unused (negative balance), Partially_Paid when partly used, Paid when used up', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('CM-1', 'C1', '-200.00', 'USD', '2026-01-01', '2026-01-01');
    application(builder.portfolio, 'CM-1', 'CM-1', '-50.00', '2026-01-10');
    application(builder.portfolio, 'CM-1/2', 'CM-1', '-150.00', '2026-01-20');

    expect(stateOn(builder.portfolio, '2026-01-05')).toEqual({ 'CM-1': '-200.00|Open|||' });
    expect(stateOn(builder.portfolio, '2026-01-10')).toEqual({ 'CM-1': '-150.00|Partially_Paid|||' });
    expect(stateOn(builder.portfolio, '2026-01-20')).toEqual({ 'CM-1': '0.00|Paid|||' });
  });

  test('an over-applied invoice is Paid, its negative balance shown; JPY has no decimals', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '5000', 'JPY', '2026-01-01', '2026-01-31')
      .payment('P-1', 'C1', '1000.01', 'USD', '2026-01-20', 'INV-1')
      .payment('P-2', 'C1', '1', 'JPY', '2026-01-20', 'INV-2');

    expect(stateOn(builder.portfolio, '2026-01-20')).toEqual({
      'INV-1': '-0.01|Paid|||',
      'INV-2': '4999|Partially_Paid|||',
    });
  });

  test('an invoice dated after the night keeps its whole amount, Open', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-9', 'C1', '70.00', 'USD', '2026-03-01', '2026-03-31');
    expect(stateOn(builder.portfolio, '2026-02-01')).toEqual({ 'INV-9': '70.00|Open|||' });
  });

  test('Written_Off and Cancelled are kept as recorded; the balance is still kept true', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '100.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '100.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('P-1', 'C1', '100.00', 'USD', '2026-01-20', 'INV-2');
    const [first, second] = builder.portfolio.invoices;
    if (!first || !second) throw new Error('two invoices expected');
    first.recorded = '100.00|Written_Off|||';
    second.recorded = '100.00|Cancelled|||';

    expect(stateOn(builder.portfolio, '2026-02-01')).toEqual({ 'INV-2': '0.00|Cancelled|||' });
  });
});

describe('disputed amount', () => {
  test('set while a dispute line is open, capped at the open balance, blank once it is resolved', () => {
    // Arrange: 1,000.00 of which 400.00 paid; disputes of 250.00 and of 800.00 on two invoices
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('P-1', 'C1', '400.00', 'USD', '2026-01-20', 'INV-2')
      .dispute('D-1', 'C1', '2026-02-01', [['INV-1', '250.00', 'USD']])
      .dispute('D-2', 'C1', '2026-02-01', [['INV-2', '800.00', 'USD']]);

    // Act: the night after the disputes were logged, written
    let portfolio = builder.portfolio;
    const logged = invoiceUpdates(portfolio, { asOf: d('2026-02-02'), actions: [], cases: [] });
    expect(cellsOf(logged)).toEqual({
      'INV-1': '1000.00|Open|250.00||',
      'INV-2': '600.00|Partially_Paid|600.00||',
    });
    portfolio = applyInvoiceUpdates(portfolio, logged);

    // Act: D-1 resolved on 2026-02-10, D-2 moved to review
    portfolio = {
      ...portfolio,
      disputes: portfolio.disputes.map((dispute) =>
        dispute.id === 'D-1'
          ? { ...dispute, status: 'Resolved', resolvedDate: d('2026-02-10') }
          : { ...dispute, status: 'In_Review' },
      ),
    };

    // Assert: only INV-1 moves, to a blank disputed amount
    expect(stateOn(portfolio, '2026-02-10')).toEqual({ 'INV-1': '1000.00|Open|||' });
  });

  test('a dispute on a paid invoice disputes nothing of its balance: blank', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '100.00', 'USD', '2026-01-01', '2026-01-31')
      .payment('P-1', 'C1', '100.00', 'USD', '2026-01-20', 'INV-1')
      .dispute('D-1', 'C1', '2026-01-10', [['INV-1', '40.00', 'USD']]);
    expect(stateOn(builder.portfolio, '2026-01-15')).toEqual({ 'INV-1': '100.00|Open|40.00||' });
    expect(stateOn(builder.portfolio, '2026-01-20')).toEqual({ 'INV-1': '0.00|Paid|||' });
  });
});

describe('last dunning date and level', () => {
  test('a reminder sent tonight sets the date and level tonight, on every invoice it names', () => {
    // Arrange: two overdue invoices; Reminder_1 falls due on 2026-02-01
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '80.00', 'USD', '2026-01-01', '2026-01-31');
    const day = d('2026-02-01');

    // Act
    const plan = planDay(builder.portfolio, POLICY, day);
    const updates = invoiceUpdates(builder.portfolio, plan);

    // Assert
    expect(plan.actions.map((a) => a.key)).toEqual(['C1|USD|2026-02-01|Reminder_1']);
    expect(cellsOf(updates)).toEqual({
      'INV-1': '1000.00|Open||2026-02-01|1',
      'INV-2': '80.00|Open||2026-02-01|1',
    });
    // the shards of the night carry the same updates, whatever their size
    for (const size of [1, 2]) {
      const shards = [...planDayInShards(builder.portfolio, POLICY, day, size)];
      expect(shards.flatMap((shard) => shard.invoiceUpdates)).toEqual(updates);
    }
  });

  test('the date follows the last message sent, the level the last reminder; unsent notices do not count', () => {
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '500.00', 'USD', '2026-01-01', '2026-02-28');
    builder.portfolio.notices.push(
      sent('courtesy', 'Courtesy_Reminder', null, d('2026-01-25'), ['INV-1']),
      sent('r1', 'Reminder', 1, d('2026-02-01'), ['INV-1']),
      sent('r2', 'Reminder', 2, d('2026-02-15'), ['INV-1']),
      sent('warning', 'Suspension_Warning', null, d('2026-03-01'), ['INV-1']),
      { ...sent('pending', 'Suspension_Warning', null, d('2026-03-05'), ['INV-1']), status: 'Pending_Approval' },
      sent('call', 'Call_Task', null, d('2026-03-10'), ['INV-1']),
      sent('courtesy-2', 'Courtesy_Reminder', null, d('2026-02-20'), ['INV-2']),
    );

    expect(stateOn(builder.portfolio, '2026-02-10')).toEqual({
      'INV-1': '1000.00|Open||2026-02-01|1',
      'INV-2': '500.00|Open|||',
    });
    expect(stateOn(builder.portfolio, '2026-03-20')).toEqual({
      'INV-1': '1000.00|Open||2026-03-01|2',
      'INV-2': '500.00|Open||2026-02-20|',
    });
  });
});

describe('only what changed', () => {
  test('once written, the same night and a quiet next night write nothing; a payment writes that invoice only', () => {
    // Arrange: the first night, written
    const builder = new PortfolioBuilder()
      .account('C1')
      .invoice('INV-1', 'C1', '1000.00', 'USD', '2026-01-01', '2026-01-31')
      .invoice('INV-2', 'C1', '250.00', 'USD', '2026-01-01', '2026-02-28')
      .payment('P-1', 'C1', '100.00', 'USD', '2026-01-20', 'INV-2');
    const first = planDay(builder.portfolio, POLICY, d('2026-02-01'));
    const written = invoiceUpdates(builder.portfolio, first);
    expect(written.map((u) => u.invoiceNumber)).toEqual(['INV-1', 'INV-2']);
    const portfolio = applyInvoiceUpdates(builder.portfolio, written);
    expect(portfolio.invoices.map((i) => i.recorded)).toEqual([
      '1000.00|Open||2026-02-01|1',
      '150.00|Partially_Paid|||',
    ]);

    // Act and assert: the night again (its reminder now in the history), then a quiet night
    const history = { ...portfolio, notices: [sent('r1', 'Reminder', 1, d('2026-02-01'), ['INV-1'])] };
    expect(invoiceUpdates(history, first)).toEqual([]);
    expect(stateOn(history, '2026-02-02')).toEqual({});

    // Act and assert: a payment on INV-2 moves INV-2 alone
    application(history, 'P-2', 'INV-2', '150.00', '2026-02-03');
    expect(stateOn(history, '2026-02-03')).toEqual({ 'INV-2': '0.00|Paid|||' });
  });

  test('the invoices of customers without an account record are not touched', () => {
    const builder = new PortfolioBuilder().invoice('INV-1', 'C9', '10.00', 'USD', '2026-01-01', '2026-01-31');
    expect(stateOn(builder.portfolio, '2026-02-01')).toEqual({});
  });
});
