/**
 * Exact money: an integer count of the currency's minor units (ISO 4217 exponent), as a bigint so
 * that a million invoices can be summed without loss. Amounts of different currencies never meet:
 * every operation on two amounts checks that their currencies agree.
 */

/** ISO 4217 minor-unit exponents that differ from 2, for currencies in active trade. */
const EXPONENT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
};

export interface Money {
  readonly currency: string;
  /** the amount in minor units (cents for USD, yen for JPY, fils for KWD) */
  readonly minor: bigint;
}

export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MoneyError';
  }
}

const CURRENCY_CODE = /^[A-Z]{3}$/;

/** Currencies already checked, with their exponent: a portfolio has a handful, met a million times. */
const DIGITS = new Map<string, number>();

export function minorDigits(currency: string): number {
  const known = DIGITS.get(currency);
  if (known !== undefined) return known;
  if (!CURRENCY_CODE.test(currency)) throw new MoneyError(`"${currency}" is not an ISO 4217 currency code`);
  const digits = EXPONENT_EXCEPTIONS[currency] ?? 2;
  DIGITS.set(currency, digits);
  return digits;
}

export function money(currency: string, minor: bigint): Money {
  minorDigits(currency);
  return { currency, minor };
}

export function zero(currency: string): Money {
  return money(currency, 0n);
}

/**
 * Parses a decimal amount written with a dot ("1234.5", "-0.25"). More decimals than the currency
 * has are refused rather than rounded: an amount that cannot be represented is an input error.
 */
export function parseMoney(text: string, currency: string): Money {
  const digits = minorDigits(currency);
  const plain = plainMinor(text, digits);
  if (plain !== undefined) return money(currency, plain);
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new MoneyError(`"${text}" is not a decimal amount`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > digits) {
    throw new MoneyError(`"${text}" has more decimals than ${currency} allows (${digits})`);
  }
  const minor = BigInt(whole + fraction.slice(0, digits).padEnd(digits, '0'));
  return money(currency, sign === '-' ? -minor : minor);
}

/**
 * The minor units of an amount written plainly ("-1234.5": a sign, digits, at most `digits`
 * decimals, at most 15 digits in all once scaled, so a double holds it exactly), read in one pass
 * over its characters; undefined for anything else, which parseMoney reads (or refuses) the
 * general way. A ledger has a million amounts, nearly all plain.
 */
function plainMinor(text: string, digits: number): bigint | undefined {
  const negative = text.charCodeAt(0) === 45;
  let value = 0;
  let wholeDigits = 0;
  let fractionDigits = -1;
  for (let i = negative ? 1 : 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      value = value * 10 + (code - 48);
      if (fractionDigits < 0) wholeDigits++;
      else fractionDigits++;
    } else if (code === 46 && fractionDigits < 0) fractionDigits = 0;
    else return undefined;
  }
  const decimals = fractionDigits < 0 ? 0 : fractionDigits;
  if (wholeDigits === 0 || fractionDigits === 0 || decimals > digits) return undefined;
  if (wholeDigits + digits > 15) return undefined;
  const minor = BigInt(value * 10 ** (digits - decimals));
  return negative ? -minor : minor;
}

/** The amount as a plain decimal string with the currency's number of decimals ("1234.50"). */
export function formatMoney(amount: Money): string {
  const digits = minorDigits(amount.currency);
  const negative = amount.minor < 0n;
  const text = (negative ? -amount.minor : amount.minor).toString().padStart(digits + 1, '0');
  const whole = text.slice(0, text.length - digits);
  const fraction = digits > 0 ? `.${text.slice(text.length - digits)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction}`;
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError(`cannot combine ${a.currency} and ${b.currency} without an exchange rate`);
  }
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { currency: a.currency, minor: a.minor + b.minor };
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return { currency: a.currency, minor: a.minor - b.minor };
}

export function compare(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.minor < b.minor ? -1 : a.minor > b.minor ? 1 : 0;
}

/** n / d rounded to the nearest integer, halves away from zero. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const rounded = (2n * n + d) / (2n * d);
  return negative ? -rounded : rounded;
}
