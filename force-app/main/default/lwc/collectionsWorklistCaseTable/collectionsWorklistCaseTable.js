/**
 * The ranked cases as a table: rank, case (a link to its page), account, status, overdue amount in
 * the case's currency, priority score with its reasons, next action and its date.
 */
import { LightningElement, api } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import { formatAmount, formatDate } from 'c/collectionsFormat';
import CAPTION from '@salesforce/label/c.Collections_Worklist_Cases_Caption';
import NOT_SCORED from '@salesforce/label/c.Collections_Worklist_Not_Scored';
import NO_DATE from '@salesforce/label/c.Collections_Worklist_No_Next_Action_Date';
import COLUMN_RANK from '@salesforce/label/c.Collections_Worklist_Column_Rank';
import COLUMN_CASE from '@salesforce/label/c.Collections_Worklist_Column_Case';
import COLUMN_ACCOUNT from '@salesforce/label/c.Collections_Worklist_Column_Account';
import COLUMN_STATUS from '@salesforce/label/c.Collections_Worklist_Column_Status';
import COLUMN_OVERDUE from '@salesforce/label/c.Collections_Worklist_Column_Overdue';
import COLUMN_PRIORITY from '@salesforce/label/c.Collections_Worklist_Column_Priority';
import COLUMN_REASONS from '@salesforce/label/c.Collections_Worklist_Column_Reasons';
import COLUMN_NEXT_ACTION from '@salesforce/label/c.Collections_Worklist_Column_Next_Action';

const labels = Object.freeze({
  CAPTION,
  NOT_SCORED,
  NO_DATE,
  COLUMN_RANK,
  COLUMN_CASE,
  COLUMN_ACCOUNT,
  COLUMN_STATUS,
  COLUMN_OVERDUE,
  COLUMN_PRIORITY,
  COLUMN_REASONS,
  COLUMN_NEXT_ACTION,
});

const scoreFormat = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

function rowOf({ id, name, score, nextActionDate, node }, index) {
  return {
    id,
    name,
    rank: index + 1,
    account: node.Account__r?.Name?.value ?? '',
    status: node.Status__c?.displayValue ?? node.Status__c?.value ?? '',
    overdue: formatAmount(node.Total_Overdue__c?.value, node.CurrencyIsoCode?.value),
    score: score === null ? labels.NOT_SCORED : scoreFormat.format(score),
    reasons: node.Priority_Reasons__c?.value ?? '',
    nextAction: node.Next_Action__c?.displayValue ?? node.Next_Action__c?.value ?? '',
    nextActionDate: nextActionDate ? formatDate(nextActionDate) : labels.NO_DATE,
  };
}

export default class CollectionsWorklistCaseTable extends LightningElement {
  /** Ranked cases: { id, name, score, nextActionDate, node } with node the GraphQL record. */
  @api cases = [];

  labels = labels;
  objectApiName = CASE_OBJECT.objectApiName;

  get rows() {
    return (this.cases ?? []).map(rowOf);
  }
}
