/**
 * Why a case has its priority score: the batch's Priority_Reasons__c, one part per line, biggest
 * contribution first. The part names are translated; the details after them are the batch's own
 * words (amounts, invoice numbers, days) and stay as written.
 *
 * A collector scans twenty cases to pick the next one, so each row shows only what ranked it: the
 * TOP_PARTS largest parts that add points, name and points, one line each (wrapping allowed), all
 * in the user's language. The remaining parts (mostly 0 points) and the details, which repeat the
 * overdue amount shown in its own column and are in the batch's English, sit behind "Show all
 * reasons". Showing everything made each row about ten lines in a narrow column; folding the list
 * keeps a row to about three lines and still answers "why this case first" at a glance.
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
import SHOW_ALL from '@salesforce/label/c.Collections_Worklist_Reasons_Show_All';
import SHOW_TOP from '@salesforce/label/c.Collections_Worklist_Reasons_Show_Top';

const labels = Object.freeze({ POINTS, AMOUNT, AGE, BROKEN_PROMISES, DISPUTES, LATE_PAYMENTS, SHOW_ALL, SHOW_TOP });

/** How many parts a folded row shows. */
export const TOP_PARTS = 2;

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

  expanded = false;

  get allParts() {
    return parsePriorityReasons(this.text).map((part) => ({
      key: `reason-${part.index}`,
      name: PART_NAMES[part.name.toLowerCase()] ?? part.name,
      points: part.points === null ? '' : labels.POINTS.replace('{0}', pointsFormat.format(part.points)),
      adds: part.points === null || part.points > 0,
      detail: part.detail,
    }));
  }

  /** Folded: the largest parts that add points (or every part when none does), without details. */
  get parts() {
    const all = this.allParts;
    if (this.expanded) return all;
    const adding = all.filter((part) => part.adds);
    return (adding.length > 0 ? adding : all).slice(0, TOP_PARTS).map((part) => ({ ...part, detail: '' }));
  }

  get hasParts() {
    return this.allParts.length > 0;
  }

  /** Whether unfolding shows anything more: another part or a detail. */
  get canExpand() {
    const all = this.allParts;
    return all.length > this.parts.length || all.some((part) => part.detail) || this.expanded;
  }

  get toggleLabel() {
    return this.expanded ? labels.SHOW_TOP : labels.SHOW_ALL;
  }

  get ariaExpanded() {
    return String(this.expanded);
  }

  handleToggle() {
    this.expanded = !this.expanded;
  }
}
