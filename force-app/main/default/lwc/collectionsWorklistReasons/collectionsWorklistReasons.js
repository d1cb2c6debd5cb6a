/**
 * Why a case has its priority score: the batch's Priority_Reasons__c, one part per line, shown as
 * a list with the biggest contribution first. The part names are translated; the details after
 * them are the batch's own words (amounts, invoice numbers, days) and stay as written.
 */
import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import { parsePriorityReasons } from 'c/collectionsWorklistQueries';
import POINTS from '@salesforce/label/c.Collections_Worklist_Reason_Points';
import AMOUNT from '@salesforce/label/c.Collections_Worklist_Reason_Amount';
import AGE from '@salesforce/label/c.Collections_Worklist_Reason_Age';
import BROKEN_PROMISES from '@salesforce/label/c.Collections_Worklist_Reason_Broken_Promises';
import DISPUTES from '@salesforce/label/c.Collections_Worklist_Reason_Disputes';
import LATE_PAYMENTS from '@salesforce/label/c.Collections_Worklist_Reason_Late_Payments';

const labels = Object.freeze({ POINTS, AMOUNT, AGE, BROKEN_PROMISES, DISPUTES, LATE_PAYMENTS });

/** The part names the batch writes (scripts/src/domain/engine/priority.ts), in the user's words. */
const PART_NAMES = Object.freeze({
  amount: labels.AMOUNT,
  age: labels.AGE,
  'broken promises': labels.BROKEN_PROMISES,
  disputes: labels.DISPUTES,
  'late payment history': labels.LATE_PAYMENTS,
});

const pointsFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export default class CollectionsWorklistReasons extends LightningElement {
  /** Priority_Reasons__c as the batch wrote it. */
  @api text;

  get parts() {
    return parsePriorityReasons(this.text).map((part) => ({
      key: `reason-${part.index}`,
      name: PART_NAMES[part.name.toLowerCase()] ?? part.name,
      points: part.points === null ? '' : labels.POINTS.replace('{0}', pointsFormat.format(part.points)),
      detail: part.detail,
    }));
  }

  get hasParts() {
    return this.parts.length > 0;
  }
}
