/**
 * The active ISO 4217 currency codes (ISO 4217 List One, as amended to 2026): the currencies an
 * invoice or a payment may be in. Fund codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), precious
 * metals, special drawing rights and test codes (XAU, XDR, XTS, XXX...) are not money an invoice is
 * paid in, so they are not here. Codes withdrawn in recent years are kept apart, with what replaced
 * them, so a rejected row says what to use instead. The minor units of each code come from
 * domain/money.ts (minorDigits), which knows every active exponent other than 2.
 *
 * This is the one list of currency codes in the project: update it when ISO 4217 is amended.
 */

const ACTIVE_CODES = `
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD
CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS
GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR
MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR
SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
USD UYU UZS VED VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
`;

export const ACTIVE_ISO_4217: ReadonlySet<string> = new Set(ACTIVE_CODES.trim().split(/\s+/));

/** Codes withdrawn from ISO 4217 that exports still carry, and the code that replaced each. */
export const WITHDRAWN_ISO_4217: Readonly<Record<string, string>> = {
  ANG: 'XCG',
  BGN: 'EUR',
  BYR: 'BYN',
  CUC: 'CUP',
  HRK: 'EUR',
  LTL: 'EUR',
  LVL: 'EUR',
  MRO: 'MRU',
  SLL: 'SLE',
  STD: 'STN',
  VEF: 'VES',
  ZWL: 'ZWG',
};

export function isActiveCurrency(code: string): boolean {
  return ACTIVE_ISO_4217.has(code);
}

/** Why a currency code cannot be used, or undefined when it is an active ISO 4217 code. */
export function currencyProblem(code: string): string | undefined {
  if (ACTIVE_ISO_4217.has(code)) return undefined;
  const replacement = WITHDRAWN_ISO_4217[code];
  if (replacement) return `"${code}" was withdrawn from ISO 4217 (replaced by ${replacement})`;
  return `"${code}" is not an active ISO 4217 currency code`;
}
