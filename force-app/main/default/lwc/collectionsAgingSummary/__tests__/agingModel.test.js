import { InexactAmountError, fillIn, lastContact, nextSteps, totalsByCurrency } from '../agingModel';

const invoice = (currency, balance, bucket, name = 'INV') => ({
  Id: name,
  Name: { value: name },
  CurrencyIsoCode: { value: currency },
  Open_Balance__c: { value: balance },
  Aging_Bucket__c: { value: bucket },
});

describe('c-collections-aging-summary aging arithmetic', () => {
  it('adds JPY (0 decimals) exactly in yen', () => {
    // Arrange: amounts as the org returns them for a 0-decimal currency
    const nodes = [invoice('JPY', 1500, 'Current'), invoice('JPY', 2500, '1-30'), invoice('JPY', 1, '90+')];

    // Act
    const [jpy] = totalsByCurrency(nodes);

    // Assert
    expect(jpy.currency).toBe('JPY');
    expect(jpy.buckets).toEqual({ current: 1500n, '1-30': 2500n, '31-60': 0n, '61-90': 0n, '90+': 1n });
    expect(jpy.overdue).toBe(2501n);
    expect(jpy.open).toBe(4001n);
  });

  it('adds USD (2 decimals) exactly in cents where binary floats would drift', () => {
    // Arrange: 0.1 + 0.2 is 0.30000000000000004 in floating point
    const nodes = [invoice('USD', 0.1, '1-30'), invoice('USD', 0.2, '1-30'), invoice('USD', '1000000.01', '61-90')];

    // Act
    const [usd] = totalsByCurrency(nodes);

    // Assert
    expect(usd.buckets['1-30']).toBe(30n);
    expect(usd.buckets['61-90']).toBe(100000001n);
    expect(usd.overdue).toBe(100000031n);
    expect(usd.open).toBe(100000031n);
  });

  it.each([['KWD'], ['BHD']])('adds %s (3 decimals) exactly in fils', (currency) => {
    // Arrange
    const nodes = [
      invoice(currency, 0.001, 'Current'),
      invoice(currency, 12.345, '90+'),
      invoice(currency, 0.105, '90+'),
    ];

    // Act
    const [total] = totalsByCurrency(nodes);

    // Assert
    expect(total.buckets.current).toBe(1n);
    expect(total.buckets['90+']).toBe(12450n);
    expect(total.overdue).toBe(12450n);
    expect(total.open).toBe(12451n);
  });

  it('keeps large 3-decimal balances exact to the last fils', () => {
    // Arrange: the largest Currency(15,3) values, where a float sum loses the last digit
    const nodes = [
      invoice('KWD', 999999999999.999, '31-60'),
      invoice('KWD', 0.001, '31-60'),
      invoice('KWD', 0.001, '31-60'),
    ];

    // Act
    const [kwd] = totalsByCurrency(nodes);

    // Assert
    expect(kwd.open).toBe(1000000000000001n);
  });

  it('never adds different currencies together and sorts them by code', () => {
    // Arrange
    const nodes = [invoice('USD', 10, '1-30'), invoice('EUR', 20, '1-30'), invoice('USD', 5, 'Current')];

    // Act
    const totals = totalsByCurrency(nodes);

    // Assert
    expect(totals.map((t) => [t.currency, t.open])).toEqual([
      ['EUR', 2000n],
      ['USD', 1500n],
    ]);
    expect(totals[1].overdue).toBe(1000n);
  });

  it('refuses a balance with more decimals than its currency instead of rounding it', () => {
    // Arrange
    const nodes = [invoice('USD', 10.005, '1-30', 'INV-9')];

    // Act
    let thrown;
    try {
      totalsByCurrency(nodes);
    } catch (error) {
      thrown = error;
    }

    // Assert
    expect(thrown).toBeInstanceOf(InexactAmountError);
    expect(thrown).toMatchObject({ invoiceName: 'INV-9', currency: 'USD' });
  });

  it('picks the most recent of the last call and the last sent reminder', () => {
    // Arrange
    const call = { ActivityDate: { value: '2026-03-02' } };
    const notice = { Sent_Date__c: { value: '2026-02-25' } };

    // Act + Assert
    expect(lastContact(call, notice, '2026-03-04', 'UTC')).toEqual({ kind: 'call', date: '2026-03-02', days: 2 });
    expect(lastContact({ ActivityDate: { value: '2026-02-01' } }, notice, '2026-03-04', 'UTC')).toEqual({
      kind: 'notice',
      date: '2026-02-25',
      days: 7,
    });
    expect(lastContact(undefined, undefined, '2026-03-04', 'UTC')).toBeNull();
  });

  it('dates an undated call by the day it was logged in the user time zone', () => {
    // Arrange: 02:00 UTC on March 3rd is still March 2nd in Los Angeles
    const call = { ActivityDate: { value: null }, CreatedDate: { value: '2026-03-03T02:00:00.000Z' } };

    // Act
    const contact = lastContact(call, undefined, '2026-03-04', 'America/Los_Angeles');

    // Assert
    expect(contact).toEqual({ kind: 'call', date: '2026-03-02', days: 2 });
  });

  it('lists the next steps of open cases soonest first, leaving out None and other cases on a case page', () => {
    // Arrange
    const step = (id, action, date) => ({
      Id: id,
      CurrencyIsoCode: { value: 'USD' },
      Next_Action__c: { value: action, displayValue: action },
      Next_Action_Date__c: { value: date },
    });
    const cases = [step('a', 'Reminder', '2026-03-10'), step('b', 'None', null), step('c', 'Call', '2026-03-05')];

    // Act + Assert
    expect(nextSteps(cases).map((s) => s.id)).toEqual(['c', 'a']);
    expect(nextSteps(cases, 'a')).toEqual([{ id: 'a', action: 'Reminder', date: '2026-03-10', currency: 'USD' }]);
  });

  it('fills numbered placeholders in a label', () => {
    expect(fillIn('{0} on {1} ({2})', 'Call', 'Mar 5, 2026', 'USD')).toBe('Call on Mar 5, 2026 (USD)');
  });
});
