/**
 * The rules the Lightning components use too (aging buckets, installment schedules), from their
 * single source in force-app, so the console and the batch can never disagree about them.
 */
export {
  AGING_BUCKETS,
  agingBucket,
  equalInstallments,
  FREQUENCIES,
  installmentDueDate,
  scheduleDifference,
} from '../../../force-app/main/default/lwc/collectionsRules/collectionsRules';
export type {
  AgingBucket,
  Frequency,
  ScheduledInstallment,
} from '../../../force-app/main/default/lwc/collectionsRules/collectionsRules';
