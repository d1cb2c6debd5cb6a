/**
 * Collections rules shared by the Lightning components and the Node batch, so both halves age
 * invoices and schedule installments the same way. Plain functions on plain values: amounts are
 * integer minor units (BigInt), dates are days since 1970-01-01.
 */

/** The aging buckets, in order: "current" is 0 or fewer days past due. */
export const AGING_BUCKETS = Object.freeze(['current', '1-30', '31-60', '61-90', '90+']);

/** The bucket of an invoice that is `daysPastDue` days past its due date (negative: not yet due). */
export function agingBucket(daysPastDue) {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

export const FREQUENCIES = Object.freeze(['Weekly', 'Biweekly', 'Monthly', 'Quarterly']);

const MS_PER_DAY = 86400000;

function addMonthsClamped(day, months, anchorDayOfMonth) {
  const date = new Date(day * MS_PER_DAY);
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(anchorDayOfMonth, lastDay)) / MS_PER_DAY;
}

/** The due date of installment `index` (0-based) after the first, for a frequency. */
export function installmentDueDate(firstDay, frequency, index) {
  switch (frequency) {
    case 'Weekly':
      return firstDay + 7 * index;
    case 'Biweekly':
      return firstDay + 14 * index;
    case 'Monthly':
    case 'Quarterly': {
      // Months count from the first date, so Jan 31 gives Feb 28, then Mar 31 (not Mar 28).
      const anchor = new Date(firstDay * MS_PER_DAY).getUTCDate();
      return addMonthsClamped(firstDay, (frequency === 'Monthly' ? 1 : 3) * index, anchor);
    }
    default:
      throw new Error(`Unknown installment frequency "${frequency}"`);
  }
}

/**
 * Equal installments of `totalMinor` (a BigInt of minor units) over `count` payments: each is the
 * total divided by the count, rounded down to the minor unit, and the last one carries the
 * remainder, so the installments always add up to the total exactly.
 */
export function equalInstallments(totalMinor, count, firstDay, frequency) {
  if (typeof totalMinor !== 'bigint' || totalMinor <= 0n) throw new Error('The plan total must be a positive amount');
  if (!Number.isInteger(count) || count < 1) throw new Error('A plan needs at least one installment');
  const share = totalMinor / BigInt(count);
  const installments = [];
  for (let index = 0; index < count; index++) {
    const amount = index === count - 1 ? totalMinor - share * BigInt(count - 1) : share;
    installments.push({
      number: index + 1,
      dueDay: installmentDueDate(firstDay, frequency, index),
      amountMinor: amount,
    });
  }
  return installments;
}

/** Whether custom installment amounts cover the total exactly, and by how much they miss it. */
export function scheduleDifference(totalMinor, amountsMinor) {
  return amountsMinor.reduce((sum, amount) => sum - amount, totalMinor);
}
