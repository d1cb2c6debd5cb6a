/**
 * The installment schedule of a proposed plan: number, due date and amount per installment (an input
 * per row for custom amounts), then the amount covered, the scheduled total and, until it is zero,
 * the difference. Fires `amountchange` with `{ index, value }` when a custom amount is typed.
 */
import { LightningElement, api } from 'lwc';
import { currencyDigits, formatAmount, formatDate } from 'c/collectionsFormat';
import { formatLabel } from 'c/collectionsPlanSchedule';
import SCHEDULE from '@salesforce/label/c.Collections_Plans_Schedule';
import INSTALLMENT from '@salesforce/label/c.Collections_Plans_Installment';
import DUE_DATE from '@salesforce/label/c.Collections_Plans_Due_Date';
import AMOUNT from '@salesforce/label/c.Collections_Plans_Amount';
import AMOUNT_OF from '@salesforce/label/c.Collections_Plans_Amount_Of';
import AMOUNT_INVALID from '@salesforce/label/c.Collections_Plans_Amount_Invalid';
import AMOUNT_COVERED from '@salesforce/label/c.Collections_Plans_Amount_Covered';
import SCHEDULED_TOTAL from '@salesforce/label/c.Collections_Plans_Scheduled_Total';
import DIFFERENCE from '@salesforce/label/c.Collections_Plans_Difference';
import STILL_TO_SCHEDULE from '@salesforce/label/c.Collections_Plans_Still_To_Schedule';
import OVER_SCHEDULED from '@salesforce/label/c.Collections_Plans_Over_Scheduled';
import ROUNDING from '@salesforce/label/c.Collections_Plans_Rounding';

const labels = Object.freeze({
  SCHEDULE,
  INSTALLMENT,
  DUE_DATE,
  AMOUNT,
  AMOUNT_OF,
  AMOUNT_INVALID,
  AMOUNT_COVERED,
  SCHEDULED_TOTAL,
  DIFFERENCE,
  STILL_TO_SCHEDULE,
  OVER_SCHEDULED,
  ROUNDING,
});

export default class CollectionsPlanScheduleTable extends LightningElement {
  /** The result of buildSchedule in c/collectionsPlanSchedule. */
  @api schedule;
  @api totalMinor;
  @api currencyCode;
  /** Custom amounts: one input per row instead of the computed amounts. */
  @api custom = false;
  @api disabled = false;

  labels = labels;

  get rows() {
    const digits = currencyDigits(this.currencyCode);
    return (this.schedule?.rows ?? []).map((row) => ({
      key: String(row.number),
      index: row.number - 1,
      number: row.number,
      dueDate: formatDate(row.dueDate),
      amount: row.invalid ? '' : formatAmount(row.amountMinor, this.currencyCode),
      typed: row.typed,
      inputLabel: formatLabel(AMOUNT_OF, row.number),
      error: this.custom && row.invalid ? formatLabel(AMOUNT_INVALID, digits) : null,
    }));
  }

  get hasRows() {
    return this.rows.length > 0;
  }

  get covered() {
    return formatAmount(this.totalMinor, this.currencyCode);
  }

  get scheduled() {
    return formatAmount(this.schedule?.scheduledMinor ?? 0n, this.currencyCode);
  }

  get difference() {
    const difference = this.schedule?.differenceMinor ?? 0n;
    if (difference === 0n) return null;
    const amount = formatAmount(difference < 0n ? -difference : difference, this.currencyCode);
    return formatLabel(difference > 0n ? STILL_TO_SCHEDULE : OVER_SCHEDULED, amount);
  }

  /** Equal amounts whose last installment differs from the others: say where the rounding went. */
  get showRounding() {
    const rows = this.schedule?.rows ?? [];
    return !this.custom && rows.length > 1 && rows[rows.length - 1].amountMinor !== rows[0].amountMinor;
  }

  handleAmountChange(event) {
    const index = Number(event.target.dataset.index);
    this.dispatchEvent(new CustomEvent('amountchange', { detail: { index, value: event.detail.value } }));
  }
}
