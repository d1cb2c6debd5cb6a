/** Small helpers the report's builders and renderers share: ordering and the words for numbers. */
import { parseMoney } from '../domain/money';
import { describeMoney } from '../domain/engine/reasons';

/** Code-point order, the same on every machine (localeCompare depends on the locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A report amount ("1234.5" in currency units) as people read it: "EUR 1,234.50". */
export function showAmount(amount: string, currency: string): string {
  return describeMoney(parseMoney(amount, currency));
}

/** A ratio with its 2 decimals, or "n/a" when the KPI has no value (a zero denominator). */
export function showRatio(value: number | null, unit = ''): string {
  return value === null ? 'n/a' : `${value.toFixed(2)}${unit}`;
}

/** "1 invoice", "3 invoices". */
export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}
