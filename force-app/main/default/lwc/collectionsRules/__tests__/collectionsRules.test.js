import {
  agingBucket,
  AGING_BUCKETS,
  equalInstallments,
  installmentDueDate,
  scheduleDifference,
} from 'c/collectionsRules';

const day = (iso) =>
  Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86400000;
const iso = (d) => new Date(d * 86400000).toISOString().slice(0, 10);

describe('c-collections-rules', () => {
  it('puts each day count in the bucket the engine uses', () => {
    expect([-5, 0, 1, 30, 31, 60, 61, 90, 91, 400].map(agingBucket)).toEqual([
      'current',
      'current',
      '1-30',
      '1-30',
      '31-60',
      '31-60',
      '61-90',
      '61-90',
      '90+',
      '90+',
    ]);
    expect(AGING_BUCKETS).toHaveLength(5);
  });

  it('splits a total into equal installments with the remainder in the last one', () => {
    // 1000.00 over 3 in a 2-decimal currency: 333.33, 333.33, 333.34
    const schedule = equalInstallments(100000n, 3, day('2026-01-31'), 'Monthly');
    expect(schedule.map((i) => i.amountMinor)).toEqual([33333n, 33333n, 33334n]);
    expect(schedule.map((i) => iso(i.dueDay))).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
    expect(
      scheduleDifference(
        100000n,
        schedule.map((i) => i.amountMinor),
      ),
    ).toBe(0n);
  });

  it('works in minor units whatever the currency exponent', () => {
    // JPY (0 decimals): 10000 over 3; KWD (3 decimals): 10.000 over 3
    expect(equalInstallments(10000n, 3, 0, 'Weekly').map((i) => i.amountMinor)).toEqual([3333n, 3333n, 3334n]);
    expect(equalInstallments(10000n, 3, 0, 'Weekly').map((i) => i.dueDay)).toEqual([0, 7, 14]);
    expect(equalInstallments(10000n, 6, 0, 'Biweekly').reduce((sum, i) => sum + i.amountMinor, 0n)).toBe(10000n);
  });

  it('schedules quarterly from the first date, clamping short months', () => {
    expect([0, 1, 2, 3].map((n) => iso(installmentDueDate(day('2025-11-30'), 'Quarterly', n)))).toEqual([
      '2025-11-30',
      '2026-02-28',
      '2026-05-30',
      '2026-08-30',
    ]);
  });

  it('refuses totals and counts that cannot make a plan', () => {
    expect(() => equalInstallments(0n, 3, 0, 'Monthly')).toThrow('positive amount');
    expect(() => equalInstallments(100n, 0, 0, 'Monthly')).toThrow('at least one installment');
    expect(() => installmentDueDate(0, 'Daily', 1)).toThrow('Unknown installment frequency');
  });
});
