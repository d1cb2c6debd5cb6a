/**
 * Record Ids shaped like Salesforce's: a 3-character key prefix per object, a 12-character
 * number, and the 3-character case-safe suffix that turns a 15-character Id into 18.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character Id: one suffix character per 5 characters. */
export function caseSafeId(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') flags |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(flags);
  }
  return id15 + suffix;
}

export function makeId(prefix: string, sequence: number): string {
  return caseSafeId(prefix + String(sequence).padStart(12, '0'));
}

/** Key prefixes Salesforce gives standard objects; custom ones get a0x / m0x in order of appearance. */
export const STANDARD_KEY_PREFIXES: Readonly<Record<string, string>> = {
  Account: '001',
  Contact: '003',
  User: '005',
  Group: '00G',
  Task: '00T',
  Organization: '00D',
  DatedConversionRate: '04w',
};
