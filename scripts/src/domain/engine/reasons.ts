/**
 * The words of the engine's reasons: "reminder 2: INV-1042 and INV-1077 are 16 and 31 days past
 * due, EUR 4,210.00 overdue, reminder 1 sent on 2026-11-06". English for the people who run and
 * audit the batch; notices to customers use the org's translated templates.
 */
import { formatDay, type Day } from '../calendar';
import { formatMoney, type Money } from '../money';

/** "EUR 4,210.00": the currency code, then the amount with thousands separators. */
export function describeMoney(amount: Money): string {
  const [whole = '', fraction] = formatMoney(amount).split('.');
  const negative = whole.startsWith('-');
  const digits = negative ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount.currency} ${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "A", "A and B", "A, B and C"; long lists are shortened: "A, B, C and 7 more". */
export function listWords(words: readonly string[], limit = 5): string {
  if (words.length > limit) return `${words.slice(0, limit - 1).join(', ')} and ${words.length - limit + 1} more`;
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}

export function describeDay(day: Day): string {
  return formatDay(day);
}

/** "INV-1 and INV-2 are 16 and 31 days past due" / "INV-1 is 3 days past due". */
export function describeOverdue(items: ReadonlyArray<{ invoiceNumber: string; daysPastDue: number }>): string {
  const names = listWords(items.map((item) => item.invoiceNumber));
  const days = listWords(items.map((item) => String(item.daysPastDue)));
  if (items.length === 1) return `${names} is ${days} day${items[0]?.daysPastDue === 1 ? '' : 's'} past due`;
  return `${names} are ${days} days past due`;
}
