import {
  addBusinessDays,
  type BusinessCalendar,
  BusinessCalendarError,
  businessCalendarFor,
  businessDaysBetween,
  easterSunday,
  holidaysIn,
  INDIA_TABLE,
  SINGAPORE_TABLE,
  type TabledHoliday,
} from '../../src/domain/businessCalendar';
import { type Day, formatDay, parseDay, weekday } from '../../src/domain/calendar';

const d = parseDay;

function nonBusinessWeekdays(country: string, year: number): string[] {
  return holidaysIn(country, year)
    .map((holiday) => holiday.day)
    .filter((day) => weekday(day) !== 0 && weekday(day) !== 6)
    .map(formatDay);
}

function expectClosed(calendar: BusinessCalendar, ...dates: string[]): void {
  for (const date of dates) {
    expect([date, calendar.isBusinessDay(d(date))]).toEqual([date, false]);
  }
}

function expectOpen(calendar: BusinessCalendar, ...dates: string[]): void {
  for (const date of dates) {
    expect([date, calendar.isBusinessDay(d(date))]).toEqual([date, true]);
  }
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('easterSunday (the Gregorian computus)', () => {
  // Good Friday, two days before Easter, as printed in official holiday lists: Singapore's
  // Ministry of Manpower (2015, 2021-2027), India's DoPT (2011, 2016, 2025-2026), the Bundesbank's
  // TARGET list (2006).
  it.each([
    ['2006-04-14', '2006-04-16'],
    ['2011-04-22', '2011-04-24'],
    ['2015-04-03', '2015-04-05'],
    ['2016-03-25', '2016-03-27'],
    ['2021-04-02', '2021-04-04'],
    ['2022-04-15', '2022-04-17'],
    ['2023-04-07', '2023-04-09'],
    ['2024-03-29', '2024-03-31'],
    ['2025-04-18', '2025-04-20'],
    ['2026-04-03', '2026-04-05'],
    ['2027-03-26', '2027-03-28'],
  ])('Good Friday %s puts Easter on %s', (goodFriday, easter) => {
    expect(formatDay(easterSunday(Number(easter.slice(0, 4))))).toBe(easter);
    expect(easterSunday(Number(easter.slice(0, 4))) - 2).toBe(d(goodFriday));
  });

  // The extremes of the Gregorian reckoning (22 March and 25 April) and other years, cross-checked
  // against python-dateutil's easter() for every year from 1583 to 4099 when this was written.
  it.each([
    ['1583-04-10'],
    ['1818-03-22'],
    ['1943-04-25'],
    ['2000-04-23'],
    ['2008-03-23'],
    ['2019-04-21'],
    ['2028-04-16'],
    ['2029-04-01'],
    ['2030-04-21'],
    ['2038-04-25'],
    ['2285-03-22'],
  ])('Easter %s', (easter) => {
    expect(formatDay(easterSunday(Number(easter.slice(0, 4))))).toBe(easter);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 3000; year++) {
      const easter = easterSunday(year);
      expect(weekday(easter)).toBe(0);
      expect(easter).toBeGreaterThanOrEqual(d(`${year}-03-22`));
      expect(easter).toBeLessThanOrEqual(d(`${year}-04-25`));
    }
  });

  it('refuses years before the Gregorian calendar and non-integers', () => {
    expect(() => easterSunday(1582)).toThrow(BusinessCalendarError);
    expect(() => easterSunday(2026.5)).toThrow(BusinessCalendarError);
  });
});

describe('businessCalendarFor', () => {
  it('picks the market by ISO 3166 alpha-2, whatever the case and spacing', () => {
    expect(businessCalendarFor('US').code).toBe('US');
    expect(businessCalendarFor('us').code).toBe('US');
    expect(businessCalendarFor(' ca ').code).toBe('CA');
    expect(businessCalendarFor('NL').code).toBe('NL');
    expect(businessCalendarFor('SG').code).toBe('SG');
    expect(businessCalendarFor('IN').code).toBe('IN');
  });

  it('gives the other euro-area countries the TARGET calendar', () => {
    for (const country of ['DE', 'FR', 'BE', 'ES', 'IT', 'IE', 'AT', 'PT', 'FI', 'LU', 'GR', 'HR', 'BG', 'EU']) {
      expect([country, businessCalendarFor(country).code]).toEqual([country, 'EU']);
    }
  });

  it('falls back to weekends only for other countries, an empty country and null', () => {
    for (const country of ['GB', 'JP', 'CH', 'AU', 'USA', '', null]) {
      expect([country, businessCalendarFor(country).code]).toEqual([country, 'WEEKENDS']);
    }
    const weekends = businessCalendarFor(null);
    expectOpen(weekends, '2026-01-01', '2026-12-25', '1900-01-01', '2400-01-03');
    expectClosed(weekends, '2026-01-03', '2026-01-04');
    expect(holidaysIn('JP', 2026)).toEqual([]);
  });

  it('returns the same calendar object for the same market', () => {
    expect(businessCalendarFor('de')).toBe(businessCalendarFor('FR'));
  });
});

describe('United States', () => {
  const us = businessCalendarFor('US');

  it('observes the 2026 federal holidays', () => {
    expect(nonBusinessWeekdays('US', 2026)).toEqual([
      '2026-01-01',
      '2026-01-19', // Martin Luther King, Jr. (third Monday of January)
      '2026-02-16', // Washington's Birthday
      '2026-05-25', // Memorial Day (last Monday of May)
      '2026-06-19', // Juneteenth
      '2026-07-03', // Independence Day: 4 July 2026 is a Saturday, observed on the Friday
      '2026-09-07',
      '2026-10-12',
      '2026-11-11',
      '2026-11-26', // Thanksgiving (fourth Thursday)
      '2026-12-25',
    ]);
    expectClosed(us, '2026-01-19', '2026-05-25', '2026-07-03');
    expectOpen(us, '2026-07-02', '2026-07-06', '2026-11-27', '2026-12-24');
  });

  it('moves a Saturday holiday to Friday and a Sunday one to Monday, across the year end too', () => {
    // 2027: Juneteenth and Christmas on Saturdays, 4 July on a Sunday, 1 January 2028 on a Saturday
    expectClosed(us, '2027-06-18', '2027-07-05', '2027-12-24', '2027-12-31');
    expectOpen(us, '2027-06-21', '2027-07-06', '2027-12-27', '2027-12-30');
    expect(holidaysIn('US', 2027).find((h) => formatDay(h.day) === '2027-12-31')?.name).toBe(
      "New Year's Day (observed)",
    );
  });

  it('starts in 2021, when Juneteenth became a federal holiday', () => {
    expectClosed(us, '2021-06-18'); // 19 June 2021 was a Saturday
    const error = thrown(() => us.isBusinessDay(d('2020-12-31')));
    expect(error).toBeInstanceOf(BusinessCalendarError);
    expect((error as BusinessCalendarError).year).toBe(2020);
  });
});

describe('Canada', () => {
  const ca = businessCalendarFor('CA');

  it('observes the federal general holidays of 2026', () => {
    expect(nonBusinessWeekdays('CA', 2026)).toEqual([
      '2026-01-01',
      '2026-04-03', // Good Friday
      '2026-05-18', // Victoria Day, the Monday before 25 May (25 May 2026 is itself a Monday)
      '2026-07-01', // Canada Day
      '2026-09-07', // Labour Day
      '2026-09-30', // National Day for Truth and Reconciliation
      '2026-10-12', // Thanksgiving
      '2026-11-11', // Remembrance Day
      '2026-12-25',
      '2026-12-28', // Boxing Day (Saturday 26 December) observed on the Monday
    ]);
  });

  it('does not close on the Civic Holiday or Easter Monday, which are not federal', () => {
    expectOpen(ca, '2026-08-03', '2026-04-06');
  });

  it('moves weekend holidays to the next free weekday', () => {
    expectClosed(ca, '2023-07-03'); // Canada Day on a Saturday
    expectClosed(ca, '2023-11-13'); // Remembrance Day on a Saturday
    expectClosed(ca, '2022-12-26', '2022-12-27'); // Christmas on a Sunday: Boxing Day Monday, Christmas Tuesday
    expectClosed(ca, '2027-12-27', '2027-12-28'); // Christmas on a Saturday, Boxing Day on a Sunday
    expectOpen(ca, '2027-12-24', '2027-12-29');
    expectClosed(ca, '2028-01-03'); // New Year's Day 2028 on a Saturday
  });
});

describe('Netherlands', () => {
  const nl = businessCalendarFor('NL');

  it('observes the 2026 holidays', () => {
    expect(nonBusinessWeekdays('NL', 2026)).toEqual([
      '2026-01-01',
      '2026-04-03', // Good Friday
      '2026-04-06', // Easter Monday
      '2026-04-27', // King's Day
      '2026-05-14', // Ascension Day
      '2026-05-25', // Whit Monday
      '2026-12-25',
    ]);
    expectClosed(nl, '2026-04-06', '2026-04-27', '2026-05-14', '2026-05-25');
  });

  it('moves King\u2019s Day to the 26th when the 27th is a Sunday', () => {
    const kingsDay = (year: number) => holidaysIn('NL', year).find((h) => h.name === "King's Day");
    expect(formatDay(kingsDay(2025)!.day)).toBe('2025-04-26'); // 27 April 2025 was a Sunday
    expect(formatDay(kingsDay(2031)!.day)).toBe('2031-04-26'); // so is 27 April 2031
    expect(formatDay(kingsDay(2027)!.day)).toBe('2027-04-27');
  });

  it('closes on Liberation Day only in lustrum years, and never on 1 May', () => {
    expectClosed(nl, '2025-05-05'); // a Monday in a lustrum year
    expectOpen(nl, '2026-05-05', '2027-05-05', '2026-05-01');
    const liberationDays = [2025, 2026, 2027, 2028, 2029, 2030].flatMap((year) =>
      holidaysIn('NL', year)
        .filter((h) => h.name === 'Liberation Day')
        .map((h) => formatDay(h.day)),
    );
    expect(liberationDays).toEqual(['2025-05-05', '2030-05-05']);
  });

  it('does not move a holiday off the weekend', () => {
    expectOpen(nl, '2026-12-28'); // Boxing Day 2026 is a Saturday
  });
});

describe('euro area (TARGET)', () => {
  const target = businessCalendarFor('DE');

  it('closes on the six TARGET closing days only', () => {
    expect(nonBusinessWeekdays('FR', 2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-01',
      '2026-12-25',
    ]); // 26 December 2026 is a Saturday
    expect(nonBusinessWeekdays('IT', 2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-21',
      '2025-05-01',
      '2025-12-25',
      '2025-12-26',
    ]);
    expectOpen(target, '2026-05-14', '2026-12-24', '2026-12-31', '2026-10-05'); // Ascension, Christmas Eve...
  });
});

describe('Singapore (tables from the Ministry of Manpower)', () => {
  const sg = businessCalendarFor('SG');

  // MOM's published lists, Sunday holidays' in-lieu Mondays included, as printed.
  it.each([
    [
      2025,
      [
        '2025-01-01',
        '2025-01-29',
        '2025-01-30',
        '2025-03-31',
        '2025-04-18',
        '2025-05-01',
        '2025-05-03',
        '2025-05-12',
        '2025-06-07',
        '2025-08-09',
        '2025-10-20',
        '2025-12-25',
      ],
    ],
    [
      2026,
      [
        '2026-01-01',
        '2026-02-17',
        '2026-02-18',
        '2026-03-21',
        '2026-04-03',
        '2026-05-01',
        '2026-05-27',
        '2026-05-31',
        '2026-06-01',
        '2026-08-09',
        '2026-08-10',
        '2026-11-08',
        '2026-11-09',
        '2026-12-25',
      ],
    ],
    [
      2027,
      [
        '2027-01-01',
        '2027-02-06',
        '2027-02-07',
        '2027-02-08',
        '2027-03-10',
        '2027-03-26',
        '2027-05-01',
        '2027-05-17',
        '2027-05-20',
        '2027-08-09',
        '2027-10-28',
        '2027-12-25',
      ],
    ],
  ])('%i matches the gazetted list', (year, dates) => {
    expect(holidaysIn('SG', year).map((h) => formatDay(h.day))).toEqual(dates);
  });

  it('gives a Monday in lieu for a Sunday holiday, none for a Saturday one', () => {
    expectClosed(sg, '2026-06-01', '2026-08-10', '2026-11-09', '2027-02-08');
    expectOpen(sg, '2026-03-20', '2026-03-23', '2027-05-03', '2027-12-27');
  });

  it('closes on the lunar and religious holidays of the table', () => {
    expectClosed(sg, '2025-01-29', '2026-02-17', '2026-02-18', '2026-05-27', '2027-03-10', '2027-05-20', '2027-10-28');
  });
});

describe('India (DoPT compulsory central-government holidays)', () => {
  const india = businessCalendarFor('IN');

  it('observes the 14 compulsory holidays of 2026', () => {
    expect(holidaysIn('IN', 2026).map((h) => `${formatDay(h.day)} ${h.name}`)).toEqual([
      '2026-01-26 Republic Day',
      '2026-03-21 Id-ul-Fitr',
      '2026-03-31 Mahavir Jayanti',
      '2026-04-03 Good Friday',
      '2026-05-01 Buddha Purnima',
      '2026-05-27 Id-ul-Zuha (Bakrid)',
      '2026-06-26 Muharram',
      '2026-08-15 Independence Day',
      '2026-08-26 Id-e-Milad',
      "2026-10-02 Mahatma Gandhi's Birthday",
      '2026-10-20 Dussehra',
      '2026-11-08 Diwali',
      "2026-11-24 Guru Nanak's Birthday",
      '2026-12-25 Christmas Day',
    ]);
  });

  it('has 14 holidays every tabled year (two may share a day)', () => {
    expect(holidaysIn('IN', 2025)).toHaveLength(14);
    expect(holidaysIn('IN', 2027)).toHaveLength(14);
  });

  it('closes on the tabled and the fixed holidays', () => {
    expectClosed(india, '2025-03-31', '2025-10-02', '2025-10-20', '2026-01-26', '2026-10-02', '2027-10-29');
  });

  it('leaves out the holidays each state chooses (Holi) and moves nothing off a weekend', () => {
    expectOpen(india, '2026-03-04', '2025-03-14'); // Holi
    expectOpen(india, '2026-08-17'); // Independence Day 2026 is a Saturday
  });
});

describe('tabled dates', () => {
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

  it.each([
    ['SG', SINGAPORE_TABLE],
    ['IN', INDIA_TABLE],
  ] as const)('%s: every row falls on the weekday its source gives', (_market, table) => {
    const rows: TabledHoliday[] = Object.values(table).flat();
    expect(rows.length).toBeGreaterThan(0);
    for (const [iso, day] of rows) {
      expect([iso, names[weekday(d(iso))]]).toEqual([iso, day]);
    }
  });

  it('files every row under its own year', () => {
    for (const table of [SINGAPORE_TABLE, INDIA_TABLE]) {
      for (const [year, rows] of Object.entries(table)) {
        for (const [iso] of rows) expect(iso.slice(0, 4)).toBe(year);
      }
    }
  });
});

describe('years outside the tables', () => {
  it.each([
    ['SG', '2028-01-03'],
    ['SG', '2024-12-31'],
    ['IN', '2028-01-26'],
    ['IN', '2024-06-03'],
  ])('%s refuses %s with an error naming the market and the year', (market, date) => {
    const error = thrown(() => businessCalendarFor(market).isBusinessDay(d(date)));
    expect(error).toBeInstanceOf(BusinessCalendarError);
    const { message, market: errorMarket, year } = error as BusinessCalendarError;
    expect(errorMarket).toBe(market);
    expect(year).toBe(Number(date.slice(0, 4)));
    expect(message).toContain(`(${market})`);
    expect(message).toContain(date.slice(0, 4));
    expect(message).toContain('2025\u20132027');
  });

  it('refuses weekend days of those years too, and holidaysIn the same way', () => {
    expect(() => businessCalendarFor('SG').isBusinessDay(d('2028-01-01'))).toThrow(BusinessCalendarError);
    expect(() => holidaysIn('IN', 2028)).toThrow(/India \(IN\).*2028/);
  });

  it('makes a count that runs into such a year fail rather than miscount', () => {
    const sg = businessCalendarFor('SG');
    expect(formatDay(addBusinessDays(d('2027-12-27'), 4, sg))).toBe('2027-12-31');
    expect(() => addBusinessDays(d('2027-12-27'), 5, sg)).toThrow(/Singapore \(SG\).*2028/);
    expect(() => businessDaysBetween(d('2027-12-20'), d('2028-01-10'), sg)).toThrow(BusinessCalendarError);
  });
});

describe('addBusinessDays', () => {
  const us = businessCalendarFor('US');
  const nl = businessCalendarFor('NL');
  const sg = businessCalendarFor('SG');
  const ca = businessCalendarFor('CA');
  const add = (date: string, count: number, calendar: BusinessCalendar) =>
    formatDay(addBusinessDays(d(date), count, calendar));

  it('skips a holiday weekend', () => {
    expect(add('2026-07-02', 1, us)).toBe('2026-07-06'); // Friday 3 July observed, then the weekend
    expect(add('2026-04-02', 1, nl)).toBe('2026-04-07'); // Good Friday, Easter weekend, Easter Monday
    expect(add('2026-05-29', 1, sg)).toBe('2026-06-02'); // Vesak Day on Sunday, Monday in lieu
    expect(add('2027-12-23', 2, ca)).toBe('2027-12-29'); // Christmas and Boxing Day observed Mon-Tue
    expect(add('2026-04-02', 10, nl)).toBe('2026-04-20');
  });

  it('goes backwards for a negative count', () => {
    expect(add('2026-04-07', -1, nl)).toBe('2026-04-02');
    expect(add('2026-07-06', -1, us)).toBe('2026-07-02');
    expect(add('2026-06-02', -2, sg)).toBe('2026-05-28');
  });

  it('starts counting after (or before) the start day, business day or not', () => {
    const weekends = businessCalendarFor(null);
    expect(add('2026-01-09', 1, weekends)).toBe('2026-01-12'); // Friday + 1
    expect(add('2026-01-10', 1, weekends)).toBe('2026-01-12'); // Saturday + 1
    expect(add('2026-01-10', -1, weekends)).toBe('2026-01-09'); // Saturday - 1
    expect(add('2026-01-12', -1, weekends)).toBe('2026-01-09'); // Monday - 1
    expect(add('2026-01-05', 5, weekends)).toBe('2026-01-12');
  });

  it('returns the day itself for a count of 0, even a holiday or a day no table covers', () => {
    expect(add('2026-07-04', 0, us)).toBe('2026-07-04');
    expect(add('2026-04-06', 0, nl)).toBe('2026-04-06');
    expect(add('2031-01-01', 0, sg)).toBe('2031-01-01');
  });

  it('is linear in the distance and handles long spans', () => {
    const weekends = businessCalendarFor(null);
    const start = d('2026-01-05'); // a Monday
    expect(addBusinessDays(start, 5 * 520, weekends)).toBe(start + 7 * 520);
    expect(addBusinessDays(start, -5 * 520, weekends)).toBe(start - 7 * 520);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => addBusinessDays(d('2026-01-05'), 1.5, us)).toThrow(BusinessCalendarError);
    expect(() => addBusinessDays(d('2026-01-05'), Number.NaN, us)).toThrow(BusinessCalendarError);
    expect(() => addBusinessDays(0.5 as Day, 1, us)).toThrow(BusinessCalendarError);
  });

  it('stops instead of looping on a calendar without business days', () => {
    const closed: BusinessCalendar = { code: 'CLOSED', isBusinessDay: () => false };
    expect(() => addBusinessDays(d('2026-01-05'), 1, closed)).toThrow(/CLOSED calendar has no business day/);
  });
});

describe('businessDaysBetween', () => {
  const us = businessCalendarFor('US');
  const nl = businessCalendarFor('NL');
  const between = (from: string, to: string, calendar: BusinessCalendar) =>
    businessDaysBetween(d(from), d(to), calendar);

  it('counts the business days in (from, to]', () => {
    expect(between('2026-07-02', '2026-07-06', us)).toBe(1);
    expect(between('2026-07-02', '2026-07-03', us)).toBe(0);
    expect(between('2026-01-09', '2026-01-12', us)).toBe(1); // Friday to Monday
    expect(between('2026-01-05', '2026-01-09', us)).toBe(4);
    expect(between('2026-04-02', '2026-04-30', nl)).toBe(17); // Good Friday, Easter Monday, King's Day
    expect(between('2026-01-01', '2026-12-31', us)).toBe(260 - 10); // 260 weekdays after 1 January, 10 holidays
  });

  it('is 0 from a day to itself', () => {
    expect(between('2026-07-04', '2026-07-04', us)).toBe(0);
  });

  it('is antisymmetric, and never -0', () => {
    const pairs: [string, string][] = [
      ['2026-07-02', '2026-07-06'],
      ['2026-04-01', '2026-05-26'],
      ['2026-01-03', '2026-01-04'], // a weekend: 0 both ways
      ['2025-12-24', '2026-01-05'],
    ];
    for (const calendar of [us, nl, businessCalendarFor('SG'), businessCalendarFor('IN'), businessCalendarFor('CA')]) {
      for (const [a, b] of pairs) {
        const forward = between(a, b, calendar);
        const backward = between(b, a, calendar);
        expect(Object.is(backward, forward === 0 ? 0 : -forward)).toBe(true);
      }
    }
    expect(Object.is(between('2026-01-04', '2026-01-03', us), 0)).toBe(true);
  });

  it('inverts addBusinessDays', () => {
    for (const country of ['US', 'CA', 'NL', 'DE', 'SG', 'IN', null]) {
      const calendar = businessCalendarFor(country);
      for (const start of ['2026-03-28', '2026-04-02', '2026-12-23']) {
        for (let n = 0; n <= 25; n++) {
          const end = addBusinessDays(d(start), n, calendar);
          expect([country, start, n, businessDaysBetween(d(start), end, calendar)]).toEqual([country, start, n, n]);
        }
      }
      // backwards, from a business day
      const monday = d('2026-03-02');
      for (let n = 1; n <= 25; n++) {
        const end = addBusinessDays(monday, -n, calendar);
        expect(businessDaysBetween(monday, end, calendar)).toBe(-n);
      }
    }
  });
});
