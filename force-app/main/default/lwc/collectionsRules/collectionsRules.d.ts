// Types for the Node side, which imports this module; .forceignore keeps this file out of deploys.
export declare const AGING_BUCKETS: readonly ['current', '1-30', '31-60', '61-90', '90+'];
export type AgingBucket = (typeof AGING_BUCKETS)[number];
export declare function agingBucket(daysPastDue: number): AgingBucket;
export declare const FREQUENCIES: readonly ['Weekly', 'Biweekly', 'Monthly', 'Quarterly'];
export type Frequency = (typeof FREQUENCIES)[number];
export declare function installmentDueDate(firstDay: number, frequency: Frequency, index: number): number;
export interface ScheduledInstallment {
  number: number;
  dueDay: number;
  amountMinor: bigint;
}
export declare function equalInstallments(
  totalMinor: bigint,
  count: number,
  firstDay: number,
  frequency: Frequency,
): ScheduledInstallment[];
export declare function scheduleDifference(totalMinor: bigint, amountsMinor: bigint[]): bigint;
