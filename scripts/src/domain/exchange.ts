/**
 * Dated exchange rates, used only where the product must compare currencies (the corporate-currency
 * roll-up, the amount part of a case's priority). A conversion always names the rate and its date;
 * without a rate dated on or before the as-of date there is no conversion at all (rule 7).
 */
import type { Day } from './calendar';
import { minorDigits, MoneyError, roundHalfAwayFromZero, type Money } from './money';
import type { ExchangeRate } from './portfolio';

export interface RateUse {
  rate: ExchangeRate;
  /** true when the rate was given the other way round (to -> from) and is inverted */
  inverted: boolean;
}

/** A decimal rate string as digits / 10^scale: "1.3512" -> 13512 / 10^4. */
interface ExactRate {
  digits: bigint;
  scale: number;
}

function parseRate(rate: ExchangeRate): ExactRate {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.rate.trim());
  if (!match) throw new MoneyError(`the ${rate.from}/${rate.to} rate "${rate.rate}" is not a decimal number`);
  const fraction = match[2] ?? '';
  const digits = BigInt((match[1] ?? '0') + fraction);
  if (digits === 0n) throw new MoneyError(`the ${rate.from}/${rate.to} rate "${rate.rate}" is zero`);
  return { digits, scale: fraction.length };
}

function sameRate(a: ExchangeRate, b: ExchangeRate): boolean {
  const [x, y] = [parseRate(a), parseRate(b)];
  // 1.10 and 1.1 are the same rate
  return x.digits * 10n ** BigInt(y.scale) === y.digits * 10n ** BigInt(x.scale);
}

/**
 * The latest rate from `from` to `to` dated on or before `asOf`, in either direction. On the same
 * date a direct rate wins over an inverted one; two different rates for the same pair, direction
 * and date are refused as ambiguous.
 */
export function findRate(rates: readonly ExchangeRate[], from: string, to: string, asOf: Day): RateUse | null {
  let chosen: RateUse | null = null;
  for (const rate of rates) {
    if (rate.date > asOf) continue;
    const direct = rate.from === from && rate.to === to;
    const inverse = rate.from === to && rate.to === from;
    if (!direct && !inverse) continue;
    if (!chosen || rate.date > chosen.rate.date || (rate.date === chosen.rate.date && chosen.inverted && direct)) {
      chosen = { rate, inverted: inverse };
    } else if (rate.date === chosen.rate.date && chosen.inverted === inverse && !sameRate(rate, chosen.rate)) {
      throw new MoneyError(
        `two different ${rate.from}/${rate.to} rates are dated the same day: ${chosen.rate.rate} and ${rate.rate}`,
      );
    }
  }
  return chosen;
}

/** Converts exactly, rounding half away from zero once, to the target currency's minor unit. */
export function convert(amount: Money, to: string, use: RateUse): Money {
  const rate = parseRate(use.rate);
  const fromDigits = minorDigits(amount.currency);
  const toDigits = minorDigits(to);
  const minor = use.inverted
    ? roundHalfAwayFromZero(
        amount.minor * 10n ** BigInt(toDigits + rate.scale),
        10n ** BigInt(fromDigits) * rate.digits,
      )
    : roundHalfAwayFromZero(
        amount.minor * rate.digits * 10n ** BigInt(toDigits),
        10n ** BigInt(fromDigits + rate.scale),
      );
  return { currency: to, minor };
}

/** Converts with the latest usable rate, or returns null when there is none (nothing is guessed). */
export function convertAsOf(
  amount: Money,
  to: string,
  rates: readonly ExchangeRate[],
  asOf: Day,
): { amount: Money; use: RateUse | null } | null {
  if (amount.currency === to) return { amount, use: null };
  const use = findRate(rates, amount.currency, to, asOf);
  return use ? { amount: convert(amount, to, use), use } : null;
}
