import {
  caseVariables,
  promiseVariables,
  rankCases,
  parsePriorityReasons,
  DATE_MODES,
  PROMISE_KINDS,
  PAGE_SIZE,
} from 'c/collectionsWorklistQueries';

const USER = '005000000000001AAA';
const MINE = { OwnerId: { eq: USER } };
const OPEN = { Status__c: { ne: 'Closed' } };
const RANKING = {
  Priority_Score__c: { order: 'DESC', nulls: 'LAST' },
  Next_Action_Date__c: { order: 'ASC', nulls: 'LAST' },
};

describe('caseVariables', () => {
  it('asks for my open cases, highest score first, one page, when no filter is set', () => {
    // Act
    const variables = caseVariables(USER);

    // Assert
    expect(variables).toEqual({ where: { and: [MINE, OPEN] }, orderBy: RANKING, first: PAGE_SIZE });
  });

  it('adds the status and currency the collector chose', () => {
    // Act
    const variables = caseVariables(USER, { status: 'Working', currency: 'EUR', dateMode: DATE_MODES.ANY });

    // Assert
    expect(variables.where).toEqual({
      and: [MINE, OPEN, { Status__c: { eq: 'Working' } }, { CurrencyIsoCode: { eq: 'EUR' } }],
    });
  });

  it('filters the next action date on or before the "due by" day', () => {
    // Act
    const variables = caseVariables(USER, { dateMode: DATE_MODES.DUE_BY, toDate: '2026-03-05' });

    // Assert
    expect(variables.where.and).toEqual([MINE, OPEN, { Next_Action_Date__c: { lte: { value: '2026-03-05' } } }]);
  });

  it('filters the next action date within a range, both ends included', () => {
    // Act
    const variables = caseVariables(USER, { dateMode: DATE_MODES.RANGE, fromDate: '2026-03-01', toDate: '2026-03-31' });

    // Assert
    expect(variables.where.and).toEqual([
      MINE,
      OPEN,
      { Next_Action_Date__c: { gte: { value: '2026-03-01' } } },
      { Next_Action_Date__c: { lte: { value: '2026-03-31' } } },
    ]);
  });

  it('leaves the date out while a range is incomplete, rather than matching blank dates', () => {
    // Act
    const variables = caseVariables(USER, { dateMode: DATE_MODES.RANGE, fromDate: '2026-03-01', toDate: null });

    // Assert
    expect(variables.where.and).toEqual([MINE, OPEN]);
  });

  it('asks for more cases when the page grows', () => {
    // Act
    const variables = caseVariables(USER, {}, 100);

    // Assert
    expect(variables.first).toBe(100);
  });
});

describe('promiseVariables', () => {
  const mine = {
    or: [{ Collection_Case__r: { OwnerId: { eq: USER } } }, { Account__r: { Collector__c: { eq: USER } } }],
  };

  it('asks for my open promises promised for today', () => {
    // Act
    const variables = promiseVariables(PROMISE_KINDS.DUE_TODAY, USER, '2026-03-04');

    // Assert
    expect(variables).toEqual({
      where: { and: [mine, { Status__c: { eq: 'Open' } }, { Promised_Date__c: { eq: { value: '2026-03-04' } } }] },
      orderBy: { Name: { order: 'ASC' } },
      first: 10,
    });
  });

  it('asks for my broken promises, the most recent first', () => {
    // Act
    const variables = promiseVariables(PROMISE_KINDS.BROKEN, USER, '2026-03-04');

    // Assert
    expect(variables).toEqual({
      where: { and: [mine, { Status__c: { eq: 'Broken' } }] },
      orderBy: { Promised_Date__c: { order: 'DESC', nulls: 'LAST' }, Name: { order: 'DESC' } },
      first: 10,
    });
  });
});

describe('rankCases', () => {
  it('puts the highest score first, unscored cases last, ties by the earliest next action', () => {
    // Arrange
    const cases = [
      { name: 'CC-1', score: 40, nextActionDate: '2026-03-10' },
      { name: 'CC-2', score: null, nextActionDate: '2026-03-01' },
      { name: 'CC-3', score: 88.5, nextActionDate: null },
      { name: 'CC-4', score: 40, nextActionDate: '2026-03-02' },
      { name: 'CC-5', score: 40, nextActionDate: null },
      { name: 'CC-6', score: 0, nextActionDate: '2026-03-02' },
    ];

    // Act
    const ranked = rankCases(cases).map((c) => c.name);

    // Assert
    expect(ranked).toEqual(['CC-3', 'CC-4', 'CC-1', 'CC-5', 'CC-6', 'CC-2']);
    expect(cases[0].name).toBe('CC-1');
  });

  it('orders equal scores and dates by case number', () => {
    // Act
    const ranked = rankCases([
      { name: 'CC-9', score: 10, nextActionDate: '2026-03-02' },
      { name: 'CC-8', score: 10, nextActionDate: '2026-03-02' },
    ]);

    // Assert
    expect(ranked.map((c) => c.name)).toEqual(['CC-8', 'CC-9']);
  });
});

describe('parsePriorityReasons', () => {
  it('reads the batch lines into parts, biggest contribution first', () => {
    // Arrange
    const text = [
      'amount: 21.4 (EUR 12,000.00 = USD 13,080.00 at 1.09 of 2026-03-01 overdue)',
      'age: 11.3 (oldest collectible invoice INV-1042 is 45 days past due)',
      'broken promises: 0 (0 broken promises in the last 365 days)',
      'late payment history: 2.5 (1 of 4 invoices paid in the last 365 days were paid late)',
    ].join('\n');

    // Act
    const parts = parsePriorityReasons(text);

    // Assert
    expect(parts.map((p) => [p.name, p.points])).toEqual([
      ['amount', 21.4],
      ['age', 11.3],
      ['late payment history', 2.5],
      ['broken promises', 0],
    ]);
    expect(parts[0].detail).toBe('EUR 12,000.00 = USD 13,080.00 at 1.09 of 2026-03-01 overdue');
  });

  it('keeps a line of another shape whole, after the scored parts, and skips blank lines', () => {
    // Act
    const parts = parsePriorityReasons('disputes: 1.5 (30% of the overdue amount is disputed)\r\n\r\nreviewed by hand');

    // Assert
    expect(parts).toEqual([
      { index: 0, name: 'disputes', points: 1.5, detail: '30% of the overdue amount is disputed' },
      { index: 1, name: 'reviewed by hand', points: null, detail: '' },
    ]);
  });

  it('has no parts for a case the batch has not scored', () => {
    // Assert
    expect(parsePriorityReasons(null)).toEqual([]);
    expect(parsePriorityReasons('')).toEqual([]);
  });
});
