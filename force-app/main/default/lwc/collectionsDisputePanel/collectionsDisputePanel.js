import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import ACCOUNT_OBJECT from '@salesforce/schema/Account';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import DISPUTE_OBJECT from '@salesforce/schema/Dispute__c';
import ACCOUNT_FIELD from '@salesforce/schema/Dispute__c.Account__c';
import CASE_FIELD from '@salesforce/schema/Dispute__c.Collection_Case__c';
import STATUS_FIELD from '@salesforce/schema/Dispute__c.Status__c';
import RESOLUTION_FIELD from '@salesforce/schema/Dispute__c.Resolution__c';
import { errorMessage } from 'c/collectionsErrors';
import { todayIn } from 'c/collectionsFormat';
import { labels } from './labels';
import { QUERY } from './disputeQuery';
import { OPEN_STATUSES, disputeViewOf } from './disputeView';

export default class CollectionsDisputePanel extends LightningElement {
  @api recordId;
  @api objectApiName;

  labels = labels;
  today = todayIn(TIME_ZONE, Date.now());
  nodes;
  errorText;
  refreshDisputes;
  historyShown = [];
  resolvingId;

  /** Open disputes of the account or of the case; on a Dispute page that one dispute, whatever its status. */
  get variables() {
    if (!this.recordId) return undefined;
    const open = { [STATUS_FIELD.fieldApiName]: { in: [...OPEN_STATUSES] } };
    if (this.objectApiName === ACCOUNT_OBJECT.objectApiName) {
      return { where: { and: [{ [ACCOUNT_FIELD.fieldApiName]: { eq: this.recordId } }, open] } };
    }
    if (this.objectApiName === CASE_OBJECT.objectApiName) {
      return { where: { and: [{ [CASE_FIELD.fieldApiName]: { eq: this.recordId } }, open] } };
    }
    return { where: { Id: { eq: this.recordId } } };
  }

  @wire(graphql, { query: QUERY, variables: '$variables' })
  wiredDisputes(result) {
    this.refreshDisputes = result.refresh;
    if (result.errors) {
      this.errorText = errorMessage(result.errors);
    } else if (result.data) {
      this.errorText = undefined;
      this.nodes = (result.data.uiapi?.query?.Dispute__c?.edges ?? []).map((edge) => edge.node);
    }
  }

  @wire(getObjectInfo, { objectApiName: DISPUTE_OBJECT })
  disputeInfo;

  /** Only users who may edit disputes and their resolution (the resolving teams) are offered Resolve;
   * the org still checks the record itself (owned by the team's queue) when saving. */
  get mayResolve() {
    const info = this.disputeInfo?.data;
    return !!info?.updateable && !!info.fields?.[RESOLUTION_FIELD.fieldApiName]?.updateable;
  }

  get isLoading() {
    return !this.errorText && this.nodes === undefined;
  }

  get isEmpty() {
    return this.nodes?.length === 0;
  }

  get emptyText() {
    const onDisputePage = ![ACCOUNT_OBJECT.objectApiName, CASE_OBJECT.objectApiName].includes(this.objectApiName);
    return onDisputePage ? labels.notFound : labels.noneOpen;
  }

  get items() {
    return (this.nodes ?? []).map((node) => {
      const item = disputeViewOf(node, this.today, labels);
      const historyShown = this.historyShown.includes(item.id);
      const resolving = this.resolvingId === item.id;
      return {
        ...item,
        historyShown,
        historyLabel: historyShown ? labels.hideHistory : labels.showHistory,
        resolving,
        canResolve: this.mayResolve && item.isOpen && !resolving,
      };
    });
  }

  handleToggleHistory(event) {
    const id = event.target.dataset.dispute;
    this.historyShown = this.historyShown.includes(id)
      ? this.historyShown.filter((shown) => shown !== id)
      : [...this.historyShown, id];
  }

  handleResolve(event) {
    this.resolvingId = event.target.dataset.dispute;
  }

  handleFormClose() {
    this.resolvingId = undefined;
  }

  /** GraphQL does not re-check its filter when a record changes, so the list is asked for again
   * (https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-refresh.html). */
  async handleResolved() {
    this.resolvingId = undefined;
    if (this.refreshDisputes) await this.refreshDisputes();
  }
}
