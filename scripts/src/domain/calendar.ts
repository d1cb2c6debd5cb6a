/**
 * Calendar dates without time: a Day is the number of days since 1970-01-01, so date arithmetic is
 * integer arithmetic and no time zone can shift a date. The only bridge from an instant to a Day is
 * `calendarDateIn`, which the command line uses to find "today" in the company's time zone; the
 * engine itself never looks at a clock.
 */

/** Days since 1970-01-01 (a calendar date, not an instant). */
export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export class CalendarError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CalendarError';
  }
}

export function dayFromParts(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

/** Parses YYYY-MM-DD strictly: 2026-02-30 is an error, not March 2nd. */
/**
 * Parsed dates by their text: a ledger repeats a few hundred distinct dates across a million rows,
 * so parsing each text once keeps loading close to the cost of reading the file. Bounded, so a
 * stream of distinct dates cannot grow it without end.
 */
const PARSED_DAYS = new Map<string, Day>();
const PARSED_DAYS_LIMIT = 50_000;

export function parseDay(text: string): Day {
  const cached = PARSED_DAYS.get(text);
  if (cached !== undefined) return cached;
  const day = parseDayText(text);
  if (PARSED_DAYS.size >= PARSED_DAYS_LIMIT) PARSED_DAYS.clear();
  PARSED_DAYS.set(text, day);
  return day;
}

function parseDayText(text: string): Day {
  const match = ISO_DATE.exec(text.trim());
  if (!match) throw new CalendarError(`"${text}" is not a date in the form YYYY-MM-DD`);
  const [year, month, dayOfMonth] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayFromParts(year, month, dayOfMonth);
  const parts = partsOf(day);
  if (parts.year !== year || parts.month !== month || parts.day !== dayOfMonth) {
    throw new CalendarError(`"${text}" is not a date on the calendar`);
  }
  return day;
}

export interface DateParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

export function partsOf(day: Day): DateParts {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Formatted days, for the same reason as PARSED_DAYS: writing a million rows repeats few dates. */
const FORMATTED_DAYS = new Map<Day, string>();

export function formatDay(day: Day): string {
  const cached = FORMATTED_DAYS.get(day);
  if (cached !== undefined) return cached;
  const text = formatDayParts(day);
  if (FORMATTED_DAYS.size >= PARSED_DAYS_LIMIT) FORMATTED_DAYS.clear();
  FORMATTED_DAYS.set(day, text);
  return text;
}

function formatDayParts(day: Day): string {
  const { year, month, day: dayOfMonth } = partsOf(day);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return dayFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayFromParts(year, month, 1);
}

/** The same day of the month `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: dayOfMonth } = partsOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return dayFromParts(targetYear, targetMonth, Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)));
}

export function firstOfMonth(day: Day): Day {
  const { year, month } = partsOf(day);
  return dayFromParts(year, month, 1);
}

/**
 * The calendar date an instant falls on in a time zone (IANA name). "As of today" for a company in
 * Toronto is Toronto's date, even when UTC has already moved to tomorrow.
 */
export function calendarDateIn(timeZone: string, instant: Date): Day {
  let formatted: string;
  try {
    formatted = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(instant);
  } catch {
    throw new CalendarError(`"${timeZone}" is not an IANA time zone`);
  }
  return parseDay(formatted);
}
