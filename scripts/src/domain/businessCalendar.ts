/**
 * Business calendars: which days count when a collections policy measures its offsets in business
 * days. Pure: no I/O and no clock, only integer arithmetic on `Day`s.
 *
 * One calendar per market the product sells into:
 *
 * - `US`: US federal holidays (5 U.S.C. 6103) with the federal observance rule.
 * - `CA`: Canadian federal statutory ("general") holidays of the Canada Labour Code.
 * - `NL`: Dutch public holidays.
 * - `EU`: TARGET (euro payment system) closing days, for the other euro-area countries.
 * - `SG`: Singapore public holidays, with tabled dates for the lunar and religious ones.
 * - `IN`: India's 14 compulsory central-government holidays, with tabled dates.
 * - `WEEKENDS`: Saturdays and Sundays only, for every other country and for a missing one.
 *
 * Saturday and Sunday are never business days in any of them.
 *
 * Where a holiday follows a fixed rule (a fixed date, the nth weekday of a month, an offset from
 * Easter) the calendar computes it, for every year from the first one the rules describe. Where
 * it follows a lunar or religious calendar that a government announces each year (Singapore,
 * India) the dates come from a table of the official lists. A year the table does not cover is
 * refused: `isBusinessDay` throws a `BusinessCalendarError` naming the market and the year, for
 * every day of that year (weekends included). A policy therefore never silently counts a
 * holiday as a working day; adding the next year is a matter of adding its row to the table.
 *
 * Counting is linear in the distance: `addBusinessDays` and `businessDaysBetween` walk day by day,
 * and each calendar computes a year's holidays once and keeps them.
 */
import { type Day, dayFromParts, daysInMonth, formatDay, parseDay, partsOf, weekday } from './calendar';

export class BusinessCalendarError extends Error {
  /** the calendar code (US, SG...), when the error is about one market */
  readonly market: string | null;
  /** the year the calendar could not answer for, when that is the problem */
  readonly year: number | null;

  constructor(message: string, market: string | null = null, year: number | null = null) {
    super(message);
    this.name = 'BusinessCalendarError';
    this.market = market;
    this.year = year;
  }
}

export interface BusinessCalendar {
  readonly code: string;
  isBusinessDay(day: Day): boolean;
}

/** A weekday-or-weekend day that is not a business day in a market, with its name. */
export interface Holiday {
  readonly day: Day;
  readonly name: string;
}

const SUNDAY = 0;
const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;

/**
 * A calendar that finds no business day in this many consecutive days is broken (or a custom
 * calendar that says no to everything); counting stops instead of looping forever.
 */
const MAX_CONSECUTIVE_NON_BUSINESS_DAYS = 366;

// ---------------------------------------------------------------------------------------------
// Counting

/**
 * The day `count` business days after `day` (before it when `count` is negative). The start day
 * itself is never counted: from a Friday, +1 is the next business day (Monday in a week without
 * holidays) and -1 the previous one (Thursday). From a Saturday, +1 is the first business day
 * after the weekend and -1 the Friday before it.
 *
 * `count` 0 returns `day` itself, even when `day` is not a business day, and does not consult the
 * calendar: an offset of zero means "on that date", and rolling a date to a business day is a
 * policy decision this function does not make for its caller.
 */
export function addBusinessDays(day: Day, count: number, calendar: BusinessCalendar): Day {
  requireDay(day, 'day');
  if (!Number.isSafeInteger(count)) {
    throw new BusinessCalendarError(`A business-day count must be a whole number, not ${count}`);
  }
  if (count === 0) return day;
  const step = count > 0 ? 1 : -1;
  let remaining = Math.abs(count);
  let current = day;
  let idle = 0;
  while (remaining > 0) {
    current += step;
    if (calendar.isBusinessDay(current)) {
      remaining -= 1;
      idle = 0;
    } else if (++idle > MAX_CONSECUTIVE_NON_BUSINESS_DAYS) {
      throw new BusinessCalendarError(
        `The ${calendar.code} calendar has no business day in the ${MAX_CONSECUTIVE_NON_BUSINESS_DAYS} days ` +
          `${step > 0 ? 'after' : 'before'} ${formatDay(current - step * idle)}`,
        calendar.code,
      );
    }
  }
  return current;
}

/**
 * The number of business days in (from, to]: `from` excluded, `to` included. When `to` is before
 * `from` the result is the negative of the count the other way round, so the function is
 * antisymmetric: businessDaysBetween(a, b) === -businessDaysBetween(b, a), and 0 when a === b.
 *
 * It is the inverse of `addBusinessDays` for forward counts: addBusinessDays(d, n) = t with n > 0
 * gives businessDaysBetween(d, t) = n. Going backwards the same holds when `d` is a business day.
 */
export function businessDaysBetween(from: Day, to: Day, calendar: BusinessCalendar): number {
  requireDay(from, 'from');
  requireDay(to, 'to');
  if (to < from) {
    const count = businessDaysBetween(to, from, calendar);
    return count === 0 ? 0 : -count; // never -0
  }
  let count = 0;
  for (let current = from + 1; current <= to; current++) {
    if (calendar.isBusinessDay(current)) count += 1;
  }
  return count;
}

function requireDay(day: Day, what: string): void {
  if (!Number.isSafeInteger(day)) throw new BusinessCalendarError(`${what} is not a calendar day: ${day}`);
}

// ---------------------------------------------------------------------------------------------
// Choosing a calendar

/**
 * Euro-area member states other than the Netherlands (ISO 3166 alpha-2; Greece is GR, not the EU's
 * "EL"). Bulgaria joined on 1 January 2026. Customers there get the TARGET calendar: it is the
 * set of days on which no euro payment settles, which is what a collections timeline waits on,
 * and national holidays differ too much between (and within) these countries to model each.
 */
const EURO_AREA_OTHER_THAN_NL: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'CY',
  'DE',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'PT',
  'SI',
  'SK',
]);

/**
 * The calendar for an account's country (ISO 3166 alpha-2, any case, surrounding spaces ignored).
 * US, CA, NL, SG and IN have their own; the other euro-area countries (and the code "EU") get
 * TARGET. Anything else, an empty string and null get the weekends-only calendar: the engine
 * does not know that country's holidays, and counting Monday to Friday is the least surprising
 * answer. It never throws, and it is what "business days" means when nothing more is known.
 */
export function businessCalendarFor(country: string | null): BusinessCalendar {
  return calendars[marketKeyFor(country)];
}

/**
 * The holidays `businessCalendarFor(country)` observes in `year`, in date order: the holidays
 * themselves (including those that fall on a weekend) and the days observed in their place.
 * Throws a BusinessCalendarError for a year the market's calendar does not cover.
 */
export function holidaysIn(country: string | null, year: number): readonly Holiday[] {
  return calendars[marketKeyFor(country)].holidaysIn(year);
}

type MarketKey = 'US' | 'CA' | 'NL' | 'EU' | 'SG' | 'IN' | 'WEEKENDS';

function marketKeyFor(country: string | null): MarketKey {
  const code = (country ?? '').trim().toUpperCase();
  switch (code) {
    case 'US':
    case 'CA':
    case 'NL':
    case 'SG':
    case 'IN':
    case 'EU':
      return code;
    default:
      return EURO_AREA_OTHER_THAN_NL.has(code) ? 'EU' : 'WEEKENDS';
  }
}

interface Market {
  readonly code: MarketKey;
  /** the market as an error message names it */
  readonly name: string;
  /** the years the rules or tables are right for; null = no limit on that side */
  readonly firstYear: number | null;
  readonly lastYear: number | null;
  /** why the years outside are refused, for the error message */
  readonly coverage: string;
  /** the holidays (and days observed in their place) that fall in `year`, any order */
  holidays(year: number): Holiday[];
}

class MarketCalendar implements BusinessCalendar {
  readonly code: string;
  private readonly market: Market;
  private readonly years = new Map<number, { list: readonly Holiday[]; days: ReadonlySet<Day> }>();

  constructor(market: Market) {
    this.market = market;
    this.code = market.code;
  }

  isBusinessDay(day: Day): boolean {
    const { days } = this.year(partsOf(day).year);
    return !isWeekend(day) && !days.has(day);
  }

  holidaysIn(year: number): readonly Holiday[] {
    if (!Number.isSafeInteger(year)) throw new BusinessCalendarError(`${year} is not a year`, this.code);
    return this.year(year).list;
  }

  private year(year: number): { list: readonly Holiday[]; days: ReadonlySet<Day> } {
    const cached = this.years.get(year);
    if (cached) return cached;
    const { firstYear, lastYear } = this.market;
    if ((firstYear !== null && year < firstYear) || (lastYear !== null && year > lastYear)) {
      throw new BusinessCalendarError(
        `The ${this.market.name} (${this.code}) business calendar has no holidays for ${year}: ${this.market.coverage}`,
        this.code,
        year,
      );
    }
    const list = Object.freeze(
      this.market
        .holidays(year)
        .filter((holiday) => partsOf(holiday.day).year === year)
        .sort((a, b) => a.day - b.day || a.name.localeCompare(b.name)),
    );
    const entry = { list, days: new Set(list.map((holiday) => holiday.day)) };
    this.years.set(year, entry);
    return entry;
  }
}

function isWeekend(day: Day): boolean {
  const dayOfWeek = weekday(day);
  return dayOfWeek === SATURDAY || dayOfWeek === SUNDAY;
}

// ---------------------------------------------------------------------------------------------
// Date rules

function date(year: number, month: number, dayOfMonth: number): Day {
  return dayFromParts(year, month, dayOfMonth);
}

/** The nth (1-based) given weekday of a month: nthWeekday(2026, 1, MONDAY, 3) = 19 January 2026. */
function nthWeekday(year: number, month: number, dayOfWeek: number, n: number): Day {
  const first = date(year, month, 1);
  return first + ((dayOfWeek - weekday(first) + 7) % 7) + 7 * (n - 1);
}

function lastWeekday(year: number, month: number, dayOfWeek: number): Day {
  const last = date(year, month, daysInMonth(year, month));
  return last - ((weekday(last) - dayOfWeek + 7) % 7);
}

/**
 * Easter Sunday of the Gregorian calendar (the Western churches' Easter), by the anonymous
 * Gregorian computus published by Meeus ("Astronomical Algorithms", the Meeus/Jones/Butcher
 * algorithm). Valid for every year from 1583, the first full Gregorian year.
 */
export function easterSunday(year: number): Day {
  if (!Number.isSafeInteger(year) || year < 1583) {
    throw new BusinessCalendarError(`Easter is computed for Gregorian years from 1583, not ${year}`);
  }
  const a = year % 19; // position in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; // epact: days from 21 March to the Paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const dayOfMonth = ((h + l - 7 * m + 114) % 31) + 1;
  return date(year, month, dayOfMonth);
}

function holiday(day: Day, name: string): Holiday {
  return { day, name };
}

// ---------------------------------------------------------------------------------------------
// United States

/**
 * The eleven federal holidays of 5 U.S.C. 6103(a). Observance follows the rule for federal
 * employees (5 U.S.C. 6103(b), Executive Order 11582): a holiday on a Saturday is observed on the
 * Friday before, one on a Sunday on the Monday after. So New Year's Day on a Saturday is observed
 * on 31 December of the year before (31 December 2027 is not a business day).
 *
 * Not modelled: Inauguration Day (a holiday only around Washington DC, every four years) and days
 * a President closes the federal government by executive order, which are announced ad hoc. Note
 * that banks (the Federal Reserve's schedule) do not move a Saturday holiday to the Friday, so a
 * bank may be open on a day this calendar treats as a holiday.
 */
const UNITED_STATES: Market = {
  code: 'US',
  name: 'United States',
  firstYear: 2021,
  lastYear: null,
  coverage: 'the federal holidays are modelled from 2021, when Juneteenth became one',
  holidays(year) {
    // next year's New Year's Day can be observed on 31 December of this year
    return [...usFederalHolidays(year), ...usFederalHolidays(year + 1)];
  },
};

function usFederalHolidays(year: number): Holiday[] {
  return [
    ...usObserved(date(year, 1, 1), "New Year's Day"),
    holiday(nthWeekday(year, 1, MONDAY, 3), 'Birthday of Martin Luther King, Jr.'),
    holiday(nthWeekday(year, 2, MONDAY, 3), "Washington's Birthday"),
    holiday(lastWeekday(year, 5, MONDAY), 'Memorial Day'),
    ...usObserved(date(year, 6, 19), 'Juneteenth National Independence Day'),
    ...usObserved(date(year, 7, 4), 'Independence Day'),
    holiday(nthWeekday(year, 9, MONDAY, 1), 'Labor Day'),
    holiday(nthWeekday(year, 10, MONDAY, 2), 'Columbus Day'),
    ...usObserved(date(year, 11, 11), 'Veterans Day'),
    holiday(nthWeekday(year, 11, THURSDAY, 4), 'Thanksgiving Day'),
    ...usObserved(date(year, 12, 25), 'Christmas Day'),
  ];
}

/** The holiday, and the Friday before or the Monday after when it falls on a weekend. */
function usObserved(day: Day, name: string): Holiday[] {
  const dayOfWeek = weekday(day);
  if (dayOfWeek === SATURDAY) return [holiday(day, name), holiday(day - 1, `${name} (observed)`)];
  if (dayOfWeek === SUNDAY) return [holiday(day, name), holiday(day + 1, `${name} (observed)`)];
  return [holiday(day, name)];
}

// ---------------------------------------------------------------------------------------------
// Canada

/**
 * The ten general holidays of the Canada Labour Code (s. 166): New Year's Day, Good Friday,
 * Victoria Day (the Monday before 25 May), Canada Day, Labour Day, the National Day for Truth and
 * Reconciliation (30 September, since 2021), Thanksgiving (second Monday of October), Remembrance
 * Day, Christmas Day and Boxing Day. These are the holidays of federally regulated employers,
 * banks among them; provinces add their own (Family Day, Saint-Jean-Baptiste...), which a
 * country-level calendar cannot know.
 *
 * Not included, deliberately:
 * - the Civic Holiday (first Monday of August) is not a federal general holiday; it is provincial
 *   or municipal, and observed differently from province to province;
 * - Easter Monday is not a general holiday either (the federal public service has it by
 *   collective agreement, the private sector does not).
 *
 * Observance: a fixed-date holiday that falls on a Saturday or Sunday is observed on the next
 * weekday that is not itself a holiday. The Code (s. 193) lets the employer give the working day
 * before or after; the day after is the federal public service's practice and the common one, and
 * it is what a Sunday Canada Day becomes by law (Holidays Act: 2 July). So Christmas on a
 * Saturday gives Monday 27 and Boxing Day Tuesday 28 December; Christmas on a Sunday gives Boxing
 * Day on Monday 26 and Christmas observed on Tuesday 27 December.
 */
const CANADA: Market = {
  code: 'CA',
  name: 'Canada',
  firstYear: 2021,
  lastYear: null,
  coverage: 'the federal holidays are modelled from 2021, when the National Day for Truth and Reconciliation began',
  holidays(year) {
    const may24 = date(year, 5, 24);
    const moving = [
      holiday(easterSunday(year) - 2, 'Good Friday'),
      holiday(may24 - ((weekday(may24) - MONDAY + 7) % 7), 'Victoria Day'),
      holiday(nthWeekday(year, 9, MONDAY, 1), 'Labour Day'),
      holiday(nthWeekday(year, 10, MONDAY, 2), 'Thanksgiving Day'),
    ];
    const fixed = [
      holiday(date(year, 1, 1), "New Year's Day"),
      holiday(date(year, 7, 1), 'Canada Day'),
      holiday(date(year, 9, 30), 'National Day for Truth and Reconciliation'),
      holiday(date(year, 11, 11), 'Remembrance Day'),
      holiday(date(year, 12, 25), 'Christmas Day'),
      holiday(date(year, 12, 26), 'Boxing Day'),
    ];
    return [...moving, ...fixed, ...observedOnNextFreeDay(fixed, moving, isWeekend)];
  },
};

/**
 * For each holiday in `shifting` that `shifts(day)` says must move, the next day after it that is
 * neither a weekend nor a holiday nor already given to another one, in date order.
 */
function observedOnNextFreeDay(
  shifting: readonly Holiday[],
  others: readonly Holiday[],
  shifts: (day: Day) => boolean,
): Holiday[] {
  const taken = new Set([...shifting, ...others].map((h) => h.day));
  const observed: Holiday[] = [];
  for (const h of [...shifting].sort((a, b) => a.day - b.day)) {
    if (!shifts(h.day)) continue;
    let day = h.day + 1;
    while (isWeekend(day) || taken.has(day)) day += 1;
    taken.add(day);
    observed.push(holiday(day, `${h.name} (observed)`));
  }
  return observed;
}

// ---------------------------------------------------------------------------------------------
// Netherlands

/**
 * The Dutch public holidays of the Algemene termijnenwet (art. 3): New Year's Day, Easter Sunday
 * and Monday, King's Day, Ascension Day, Whit Sunday and Monday, Christmas and Boxing Day; plus
 * two decisions:
 *
 * - Good Friday is included. It is not in the Algemene termijnenwet and many businesses work, but
 *   banks and the euro payment system (TARGET) are closed, so no payment a collections step waits
 *   for settles that day. (1 May, also a TARGET closing day, is not included: it is an ordinary
 *   working day in the Netherlands and Dutch banks process domestic payments.)
 * - Liberation Day (5 May) is a non-business day only in lustrum years (2025, 2030, 2035...). It
 *   is in the law every year, but it is a paid day off only where a collective agreement says so,
 *   which for most employers (the government among them) means once every five years.
 *
 * King's Day is 27 April, or 26 April when the 27th is a Sunday; it exists since 2014 (Queen's
 * Day, 30 April, before), which is where this calendar starts. No holiday moves off a weekend.
 */
const NETHERLANDS: Market = {
  code: 'NL',
  name: 'Netherlands',
  firstYear: 2014,
  lastYear: null,
  coverage: 'the Dutch holidays are modelled from 2014, the first King\u2019s Day',
  holidays(year) {
    const easter = easterSunday(year);
    const april27 = date(year, 4, 27);
    return [
      holiday(date(year, 1, 1), "New Year's Day"),
      holiday(easter - 2, 'Good Friday'),
      holiday(easter, 'Easter Sunday'),
      holiday(easter + 1, 'Easter Monday'),
      holiday(weekday(april27) === SUNDAY ? april27 - 1 : april27, "King's Day"),
      ...(year % 5 === 0 ? [holiday(date(year, 5, 5), 'Liberation Day')] : []),
      holiday(easter + 39, 'Ascension Day'),
      holiday(easter + 49, 'Whit Sunday'),
      holiday(easter + 50, 'Whit Monday'),
      holiday(date(year, 12, 25), 'Christmas Day'),
      holiday(date(year, 12, 26), 'Boxing Day'),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// Euro area (TARGET)

/**
 * TARGET closing days, as decided by the ECB Governing Council on 14 December 2000 "from 2002
 * until further notice" (https://www.ecb.europa.eu/press/pr/date/2000/html/pr001214_4.en.html) and
 * kept by TARGET2 and T2 (https://www.ecb.europa.eu/paym/target/target2/profuse/calendar/html/index.en.html):
 * New Year's Day, Good Friday, Easter Monday, 1 May, Christmas Day and 26 December. No day moves
 * off a weekend.
 */
const EURO_AREA: Market = {
  code: 'EU',
  name: 'euro area (TARGET)',
  firstYear: 2002,
  lastYear: null,
  coverage: 'the TARGET closing-day calendar applies from 2002',
  holidays(year) {
    const easter = easterSunday(year);
    return [
      holiday(date(year, 1, 1), "New Year's Day"),
      holiday(easter - 2, 'Good Friday'),
      holiday(easter + 1, 'Easter Monday'),
      holiday(date(year, 5, 1), 'Labour Day'),
      holiday(date(year, 12, 25), 'Christmas Day'),
      holiday(date(year, 12, 26), '26 December'),
    ];
  },
};

// ---------------------------------------------------------------------------------------------
// Tables of announced dates

/**
 * One announced holiday: the date (YYYY-MM-DD), the weekday the official list gives for it (a
 * test checks every row against it, so a mistyped date fails the build) and the name.
 */
export type TabledHoliday = readonly [
  date: string,
  weekday: 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun',
  name: string,
];

function fromTable(rows: readonly TabledHoliday[] | undefined): Holiday[] {
  return (rows ?? []).map(([iso, , name]) => holiday(parseDay(iso), name));
}

// ---------------------------------------------------------------------------------------------
// Singapore

/**
 * Singapore's lunar and religious public holidays, as gazetted in the Ministry of Manpower's
 * yearly list (https://www.mom.gov.sg/employment-practices/public-holidays). The fixed ones (New
 * Year's Day, Labour Day, National Day, Christmas) and Good Friday are computed, not tabled.
 *
 * Sources, per year (the MOM pages themselves could not be opened from here; the dates are those
 * of the press releases as reproduced by the reports named, which agree with each other):
 * - 2025: MOM's list as reported by The Independent SG on 5 August 2024
 *   (https://theindependent.sg/good-news-4-long-public-holiday-weekends-in-singapore-next-year-mom-releases-sg-ph-dates-for-2025/).
 *   Polling Day of the 2025 general election (3 May, a Saturday) was a public holiday by
 *   section 35 of the Parliamentary Elections Act.
 * - 2026: MOM press release of 16 June 2025
 *   (https://www.mom.gov.sg/newsroom/press-releases/2025/0616-public-holidays-for-2026), as
 *   reported by The Independent SG and The Star/Straits Times. Hari Raya Puasa and Hari Raya Haji
 *   were "subject to confirmation" by MUIS.
 * - 2027: MOM press release of 18 June 2026
 *   (https://www.mom.gov.sg/newsroom/press-releases/2026/0618-public-holidays-for-2027), the
 *   dates as copied from it into two independent published holiday tables that cite it and agree
 *   (calendarlabs.com's 2027 list gives the same dates). Hari Raya Puasa and Haji may still be
 *   revised after MUIS confirms them.
 *
 * The Monday-in-lieu is not tabled: it is computed by the rule of the Holidays Act, s. 4(2) — a
 * public holiday on a Sunday makes the next day that is not itself a public holiday one — and the
 * tests check that the rule gives exactly the in-lieu days MOM published (1 June, 10 August and
 * 9 November 2026; 8 February 2027). A holiday on a Saturday gives no day in lieu.
 *
 * Years outside the table are refused (BusinessCalendarError). MOM publishes a year's list in the
 * middle of the year before; add it here when it is out. If MOM revises a date (as it did for Vesak
 * Day 2023 and the Hari Raya dates of 2022), correct the row.
 */
export const SINGAPORE_TABLE: Readonly<Record<number, readonly TabledHoliday[]>> = {
  2025: [
    ['2025-01-29', 'Wed', 'Chinese New Year'],
    ['2025-01-30', 'Thu', 'Chinese New Year (second day)'],
    ['2025-03-31', 'Mon', 'Hari Raya Puasa'],
    ['2025-05-03', 'Sat', 'Polling Day'],
    ['2025-05-12', 'Mon', 'Vesak Day'],
    ['2025-06-07', 'Sat', 'Hari Raya Haji'],
    ['2025-10-20', 'Mon', 'Deepavali'],
  ],
  2026: [
    ['2026-02-17', 'Tue', 'Chinese New Year'],
    ['2026-02-18', 'Wed', 'Chinese New Year (second day)'],
    ['2026-03-21', 'Sat', 'Hari Raya Puasa'],
    ['2026-05-27', 'Wed', 'Hari Raya Haji'],
    ['2026-05-31', 'Sun', 'Vesak Day'],
    ['2026-11-08', 'Sun', 'Deepavali'],
  ],
  2027: [
    ['2027-02-06', 'Sat', 'Chinese New Year'],
    ['2027-02-07', 'Sun', 'Chinese New Year (second day)'],
    ['2027-03-10', 'Wed', 'Hari Raya Puasa'],
    ['2027-05-17', 'Mon', 'Hari Raya Haji'],
    ['2027-05-20', 'Thu', 'Vesak Day'],
    ['2027-10-28', 'Thu', 'Deepavali'],
  ],
};

const SINGAPORE: Market = {
  code: 'SG',
  name: 'Singapore',
  ...tableYears(SINGAPORE_TABLE),
  coverage: `the lunar and religious holidays are tabled for ${tableRange(SINGAPORE_TABLE)} only, from the Ministry of Manpower's lists; add the year's list to SINGAPORE_TABLE in businessCalendar.ts`,
  holidays(year) {
    const gazetted = [
      holiday(date(year, 1, 1), "New Year's Day"),
      holiday(easterSunday(year) - 2, 'Good Friday'),
      holiday(date(year, 5, 1), 'Labour Day'),
      holiday(date(year, 8, 9), 'National Day'),
      holiday(date(year, 12, 25), 'Christmas Day'),
      ...fromTable(SINGAPORE_TABLE[year]),
    ];
    return [...gazetted, ...singaporeInLieu(gazetted)];
  },
};

/** Holidays Act s. 4(2): a public holiday on a Sunday makes the next day that is not one a holiday. */
function singaporeInLieu(gazetted: readonly Holiday[]): Holiday[] {
  const taken = new Set(gazetted.map((h) => h.day));
  const inLieu: Holiday[] = [];
  for (const h of [...gazetted].sort((a, b) => a.day - b.day)) {
    if (weekday(h.day) !== SUNDAY) continue;
    let day = h.day + 1;
    while (taken.has(day)) day += 1;
    taken.add(day);
    inLieu.push(holiday(day, `${h.name} (in lieu)`));
  }
  return inLieu;
}

// ---------------------------------------------------------------------------------------------
// India

/**
 * India has no single national list of bank or business holidays: banks close on the days each
 * state notifies under the Negotiable Instruments Act, and those differ from state to state. The
 * list used here is the one common to the whole country: the 14 holidays the Department of
 * Personnel and Training makes compulsory for every central-government administrative office,
 * wherever it is (para. 2 of its yearly Office Memorandum "Holidays to be observed in Central
 * Government Offices during the year ..."): Republic Day, Independence Day, Mahatma Gandhi's
 * Birthday, Buddha Purnima, Christmas Day, Dussehra, Diwali, Good Friday, Guru Nanak's Birthday,
 * Id-ul-Fitr, Id-ul-Zuha (Bakrid), Mahavir Jayanti, Muharram and Id-e-Milad.
 *
 * Not included: the three more holidays each state's coordination committee picks from a list of
 * twelve (Holi, Janmashtami, Ram Navami, Maha Shivratri, Ganesh Chaturthi, Pongal, Onam...) —
 * Delhi offices get Holi, but offices in Chennai or Thiruvananthapuram may not — and the state
 * holidays banks add. A customer's state is not known at this level. India does not move a
 * holiday off a weekend. Saturdays count as non-business days here, as for every market, although
 * Indian banks open on the first, third and fifth Saturday of a month.
 *
 * The fixed ones (Republic Day 26 January, Independence Day 15 August, Gandhi Jayanti 2 October,
 * Christmas) and Good Friday are computed; the others are tabled from the Office Memoranda:
 * - 2025: O.M. F.No. 12/2/2023-JCA of 9 July 2024, Annexure I and para. 2, as reproduced at
 *   https://cgstaffportal.in/2024/07/central-government-gazetted-holidays-in-2025/ and
 *   https://education.sakshi.com/en/schools/education-news/central-government-holidays-list-2025-compulsory-and-optional-holidays-166971
 * - 2026: O.M. F.No. 12/2/2023-JCA of 3 July 2025, Annexure I, as reproduced at
 *   https://www.sakshipost.com/news/national/central-government-holidays-2026-full-list-national-and-festival-holidays-426604
 *   (the original is indexed at https://doptcirculars.nic.in).
 * - 2027: O.M. F.No. 12/2/2023-JCA of 16 July 2026 (reproduced at
 *   https://www.staffnews.in/2026/07/list-of-holidays-for-the-year-2027-gazetted.html). That page
 *   could not be opened from here; the dates were read from several independent copies of it,
 *   which agree. Two rows rest on a single copy each and fall on a Sunday, so they cannot change
 *   a count unless they are wrong: Id-e-Milad (listed on 15 August, with Independence Day) and
 *   Guru Nanak's Birthday (14 November). Check both against the O.M.
 *
 * The four Islamic holidays follow the sighting of the moon; DoPT moves them by a later O.M. when
 * needed (Muharram 2021, Bakrid 2018). Correct the row when it does. Years outside the table are
 * refused (BusinessCalendarError); DoPT publishes the next year's list each June or July.
 */
export const INDIA_TABLE: Readonly<Record<number, readonly TabledHoliday[]>> = {
  2025: [
    ['2025-03-31', 'Mon', 'Id-ul-Fitr'],
    ['2025-04-10', 'Thu', 'Mahavir Jayanti'],
    ['2025-05-12', 'Mon', 'Buddha Purnima'],
    ['2025-06-07', 'Sat', 'Id-ul-Zuha (Bakrid)'],
    ['2025-07-06', 'Sun', 'Muharram'],
    ['2025-09-05', 'Fri', 'Id-e-Milad'],
    ['2025-10-02', 'Thu', 'Dussehra'],
    ['2025-10-20', 'Mon', 'Diwali'],
    ['2025-11-05', 'Wed', "Guru Nanak's Birthday"],
  ],
  2026: [
    ['2026-03-21', 'Sat', 'Id-ul-Fitr'],
    ['2026-03-31', 'Tue', 'Mahavir Jayanti'],
    ['2026-05-01', 'Fri', 'Buddha Purnima'],
    ['2026-05-27', 'Wed', 'Id-ul-Zuha (Bakrid)'],
    ['2026-06-26', 'Fri', 'Muharram'],
    ['2026-08-26', 'Wed', 'Id-e-Milad'],
    ['2026-10-20', 'Tue', 'Dussehra'],
    ['2026-11-08', 'Sun', 'Diwali'],
    ['2026-11-24', 'Tue', "Guru Nanak's Birthday"],
  ],
  2027: [
    ['2027-03-10', 'Wed', 'Id-ul-Fitr'],
    ['2027-04-19', 'Mon', 'Mahavir Jayanti'],
    ['2027-05-17', 'Mon', 'Id-ul-Zuha (Bakrid)'],
    ['2027-05-20', 'Thu', 'Buddha Purnima'],
    ['2027-06-16', 'Wed', 'Muharram'],
    ['2027-08-15', 'Sun', 'Id-e-Milad'],
    ['2027-10-09', 'Sat', 'Dussehra'],
    ['2027-10-29', 'Fri', 'Diwali'],
    ['2027-11-14', 'Sun', "Guru Nanak's Birthday"],
  ],
};

const INDIA: Market = {
  code: 'IN',
  name: 'India',
  ...tableYears(INDIA_TABLE),
  coverage: `the lunar and religious holidays are tabled for ${tableRange(INDIA_TABLE)} only, from DoPT's yearly lists; add the year's list to INDIA_TABLE in businessCalendar.ts`,
  holidays(year) {
    return [
      holiday(date(year, 1, 26), 'Republic Day'),
      holiday(easterSunday(year) - 2, 'Good Friday'),
      holiday(date(year, 8, 15), 'Independence Day'),
      holiday(date(year, 10, 2), "Mahatma Gandhi's Birthday"),
      holiday(date(year, 12, 25), 'Christmas Day'),
      ...fromTable(INDIA_TABLE[year]),
    ];
  },
};

function tableYears(table: Readonly<Record<number, readonly TabledHoliday[]>>): {
  firstYear: number;
  lastYear: number;
} {
  const years = Object.keys(table).map(Number);
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years);
  for (let year = firstYear; year <= lastYear; year++) {
    if (!table[year]) throw new BusinessCalendarError(`A holiday table skips ${year}`);
  }
  return { firstYear, lastYear };
}

function tableRange(table: Readonly<Record<number, readonly TabledHoliday[]>>): string {
  const { firstYear, lastYear } = tableYears(table);
  return `${firstYear}\u2013${lastYear}`;
}

// ---------------------------------------------------------------------------------------------
// Weekends only

const WEEKENDS_ONLY: Market = {
  code: 'WEEKENDS',
  name: 'weekends-only',
  firstYear: null,
  lastYear: null,
  coverage: 'every year',
  holidays: () => [],
};

const calendars: Readonly<Record<MarketKey, MarketCalendar>> = {
  US: new MarketCalendar(UNITED_STATES),
  CA: new MarketCalendar(CANADA),
  NL: new MarketCalendar(NETHERLANDS),
  EU: new MarketCalendar(EURO_AREA),
  SG: new MarketCalendar(SINGAPORE),
  IN: new MarketCalendar(INDIA),
  WEEKENDS: new MarketCalendar(WEEKENDS_ONLY),
};
