import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import DISPUTE_OBJECT from '@salesforce/schema/Dispute__c';
import HISTORY from '@salesforce/label/c.Collections_Disputes_History';
import VIEW_ALL_CHANGES from '@salesforce/label/c.Collections_Disputes_View_All_Changes';
import MILESTONE_OPENED from '@salesforce/label/c.Collections_Disputes_Milestone_Opened';
import MILESTONE_TARGET from '@salesforce/label/c.Collections_Disputes_Milestone_Target';
import MILESTONE_RESOLVED from '@salesforce/label/c.Collections_Disputes_Milestone_Resolved';
import { formatDate } from 'c/collectionsFormat';

const labels = Object.freeze({
  history: HISTORY,
  viewAllChanges: VIEW_ALL_CHANGES,
  milestoneOpened: MILESTONE_OPENED,
  milestoneTarget: MILESTONE_TARGET,
  milestoneResolved: MILESTONE_RESOLVED,
});

/** Child relationship of a custom object's field history (Dispute__History), as in SOQL. */
const HISTORY_RELATIONSHIP = 'Histories';

/**
 * The dated milestones of one dispute, newest first, and a way to every tracked change. Dispute__c
 * tracks field history (Status, Routed Team, Target Resolution Date, Resolution, Resolved Date,
 * Credit Memo Number), but Dispute__History is not among the objects the UI API documents
 * (https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_get_started_supported_objects.htm),
 * so GraphQL cannot be relied on to read it. The changes open in the standard history related list
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html).
 */
export default class CollectionsDisputeHistory extends NavigationMixin(LightningElement) {
  /** `{ id, openedDate, targetDate, resolvedDate }`, dates as YYYY-MM-DD. */
  @api dispute;

  labels = labels;

  get entries() {
    const { openedDate, targetDate, resolvedDate } = this.dispute ?? {};
    return [
      { key: 'opened', date: openedDate, text: labels.milestoneOpened },
      { key: 'target', date: targetDate, text: labels.milestoneTarget },
      { key: 'resolved', date: resolvedDate, text: labels.milestoneResolved },
    ]
      .filter((entry) => entry.date)
      .sort((a, b) => b.date.localeCompare(a.date))
      .map(({ key, date, text }) => ({ key, text, dateText: formatDate(date) }));
  }

  handleViewAllChanges() {
    this[NavigationMixin.Navigate]({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: this.dispute.id,
        objectApiName: DISPUTE_OBJECT.objectApiName,
        relationshipApiName: HISTORY_RELATIONSHIP,
        actionName: 'view',
      },
    });
  }
}
