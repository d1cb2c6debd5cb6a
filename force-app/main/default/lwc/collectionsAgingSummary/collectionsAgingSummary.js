import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getFieldValue, getRecord } from 'lightning/uiRecordApi';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import CASE_ACCOUNT_FIELD from '@salesforce/schema/Collection_Case__c.Account__c';
import { errorMessage } from 'c/collectionsErrors';
import { todayIn } from 'c/collectionsFormat';
import { labels } from './labels';
import { QUERY } from './agingQuery';
import { columnsOf, factsOf, rowsOf } from './agingView';
import { InexactAmountError, fillIn, totalsByCurrency } from './agingModel';

export default class CollectionsAgingSummary extends LightningElement {
  @api recordId;
  @api objectApiName;

  labels = labels;
  columns = columnsOf(labels);
  today = todayIn(TIME_ZONE, Date.now());
  /** Invoice edges per page, keyed by the cursor the page was asked with ('' for the first). */
  pages = new Map();
  cursor = { accountId: undefined, after: null };
  summary;
  errorText;

  get caseId() {
    return this.objectApiName === CASE_OBJECT.objectApiName ? this.recordId : undefined;
  }

  @wire(getRecord, { recordId: '$caseId', fields: [CASE_ACCOUNT_FIELD] })
  caseRecord;

  get accountId() {
    if (this.caseId) return this.caseRecord?.data ? getFieldValue(this.caseRecord.data, CASE_ACCOUNT_FIELD) : undefined;
    return this.recordId;
  }

  get variables() {
    const accountId = this.accountId;
    if (!accountId) return undefined;
    return { accountId, after: this.cursor.accountId === accountId ? this.cursor.after : null };
  }

  @wire(graphql, { query: QUERY, variables: '$variables' })
  wiredSummary({ data, errors }) {
    if (errors) {
      this.errorText = errorMessage(errors);
      return;
    }
    const query = data?.uiapi?.query;
    const accountId = this.accountId;
    if (!query || !accountId) return;
    if (this.cursor.accountId !== accountId) {
      this.cursor = { accountId, after: null };
      this.pages = new Map();
    }
    this.errorText = undefined;
    this.pages = new Map(this.pages).set(this.cursor.after ?? '', query.Invoice__c?.edges ?? []);
    const pageInfo = query.Invoice__c?.pageInfo;
    if (pageInfo?.hasNextPage) {
      this.cursor = { accountId, after: pageInfo.endCursor };
      return;
    }
    this.summary = this.summarize(query);
  }

  /** Every page is in: the exact totals per currency and the facts from the latest answer. */
  summarize(query) {
    try {
      const nodes = [...this.pages.values()].flat().map((edge) => edge.node);
      const rows = rowsOf(totalsByCurrency(nodes));
      return { rows, ...factsOf(query, { today: this.today, timeZone: TIME_ZONE, caseId: this.caseId }, labels) };
    } catch (error) {
      if (!(error instanceof InexactAmountError)) throw error;
      return { error: fillIn(labels.inexact, error.invoiceName, error.currency) };
    }
  }

  get error() {
    if (this.caseRecord?.error) return errorMessage(this.caseRecord.error);
    return this.errorText ?? this.summary?.error;
  }

  get isLoading() {
    return !this.error && !this.summary;
  }

  get hasOpen() {
    return this.summary?.rows?.length > 0;
  }

  get hasNextSteps() {
    return this.summary?.nextSteps?.length > 0;
  }
}
