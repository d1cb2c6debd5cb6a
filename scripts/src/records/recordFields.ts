/**
 * Typed values read from one Bulk API row, strictly, naming the object, the record and the field
 * in every error: the batch never decides on a value it could not read.
 */
import { CalendarError, parseDay, type Day } from '../domain/calendar';
import { MoneyError, parseMoney, type Money } from '../domain/money';
import type { ObjectSchema, Row } from './schema';

export class RecordError extends Error {
  constructor(
    readonly object: string,
    readonly record: string,
    readonly field: string,
    message: string,
  ) {
    super(`${object} ${record} ${field}: ${message}`);
    this.name = 'RecordError';
  }
}

/** Reads typed values from one row, naming the record and field in every error. */
export class RecordFields {
  constructor(
    private readonly schema: ObjectSchema,
    private readonly row: Row,
  ) {}

  private fail(field: string, message: string): never {
    throw new RecordError(this.schema.object, this.row[this.schema.key] || '(no key)', field, message);
  }

  text(field: string): string | null {
    const raw = this.row[field];
    if (raw === undefined || raw === '') return null;
    // Most cells start and end with a printable ASCII character: nothing to trim (trim() also
    // removes Unicode spaces, so anything else takes the general path).
    const first = raw.charCodeAt(0);
    const last = raw.charCodeAt(raw.length - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return raw;
    const value = raw.trim();
    return value === '' ? null : value;
  }

  required(field: string): string {
    return this.text(field) ?? this.fail(field, 'is blank');
  }

  day(field: string): Day | null {
    const value = this.text(field);
    if (value === null) return null;
    try {
      // Bulk API gives dates as YYYY-MM-DD; a DateTime would carry a time, which a date field never has.
      return parseDay(value);
    } catch (error) {
      if (error instanceof CalendarError) this.fail(field, error.message);
      throw error;
    }
  }

  requiredDay(field: string): Day {
    return this.day(field) ?? this.fail(field, 'is blank');
  }

  /** An amount in the record's currency; an amount without a currency is an error. */
  money(field: string, currency: string | null): Money | null {
    const value = this.text(field);
    if (value === null) return null;
    if (currency === null) this.fail('CurrencyIsoCode', `is blank, so ${field} has no currency`);
    try {
      return parseMoney(value, currency);
    } catch (error) {
      if (error instanceof MoneyError) this.fail(field, error.message);
      throw error;
    }
  }

  requiredMoney(field: string, currency: string): Money {
    return this.money(field, currency) ?? this.fail(field, 'is blank');
  }

  integer(field: string): number | null {
    const value = this.text(field);
    if (value === null) return null;
    const number = Number(value);
    if (!Number.isInteger(number)) this.fail(field, `"${value}" is not a whole number`);
    return number;
  }

  flag(field: string): boolean {
    const value = this.text(field);
    if (value !== null && value !== 'true' && value !== 'false') this.fail(field, `"${value}" is not true or false`);
    return value === 'true';
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const value = this.text(field);
    if (value === null && fallback !== undefined) return fallback;
    if (value === null || !(allowed as readonly string[]).includes(value))
      this.fail(field, `"${value ?? ''}" is not one of ${allowed.join(', ')}`);
    return value as T;
  }
}
