/**
 * The open invoices of an account (or of a collection case: its account's invoices in the case's
 * currency), paged by GraphQL cursor with "Load more", sorted by the server, selectable. The
 * actions on the selection (collectionsInvoiceActions) open in an inline panel under the table:
 * sfdx-lwc-jest has no stub for lightning/modal, and an inline panel keeps the table in view.
 * The columns follow the width the page gives the table (invoiceColumns.js).
 */
import { LightningElement, api, wire } from 'lwc';
import { graphql } from 'lightning/graphql';
import { getRecord, getFieldValue } from 'lightning/uiRecordApi';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import CASE_ACCOUNT from '@salesforce/schema/Collection_Case__c.Account__c';
import CASE_CURRENCY from '@salesforce/schema/Collection_Case__c.CurrencyIsoCode';
import { errorMessage } from 'c/collectionsErrors';
import { todayIn } from 'c/collectionsFormat';
import { formatLabel } from 'c/collectionsActionUtils';
import { DEFAULT_SORT, OPEN_INVOICES_QUERY, invoiceVariables } from './invoiceQuery';
import { SORT_KEYS, promisesByCurrency, toInvoice, toRows } from './invoiceRows';
import { columnsFitting, invoiceColumns, watchWidth } from './invoiceColumns';
import { labels } from './labels';

export default class CollectionsOpenInvoices extends LightningElement {
  @api recordId;
  @api objectApiName;

  labels = labels;
  columns = invoiceColumns(labels);
  today = todayIn(TIME_ZONE, Date.now());
  sortedBy = 'dueDateText';
  sortDirection = DEFAULT_SORT.direction;
  after = null;
  rows = [];
  pageInfo;
  loadingPage = true;
  loadError;
  selectedIds = [];
  wired;

  get isCasePage() {
    return this.objectApiName === CASE_OBJECT.objectApiName;
  }
  get caseRecordId() {
    return this.isCasePage ? this.recordId : undefined;
  }

  @wire(getRecord, { recordId: '$caseRecordId', fields: [CASE_ACCOUNT, CASE_CURRENCY] }) caseRecord;

  renderedCallback() {
    this.stopWatching ??= watchWidth(this.refs.frame, (width) => {
      this.columns = columnsFitting(labels, width, this.columns);
    });
  }

  disconnectedCallback() {
    this.stopWatching?.();
    this.stopWatching = null;
  }

  /** Whose invoices: { accountId, currency, caseId }, or null until the case page's case is read. */
  get scope() {
    if (!this.isCasePage) return this.recordId ? { accountId: this.recordId, currency: null, caseId: null } : null;
    const data = this.caseRecord?.data;
    if (!data) return null;
    return {
      accountId: getFieldValue(data, CASE_ACCOUNT),
      currency: getFieldValue(data, CASE_CURRENCY),
      caseId: this.recordId,
    };
  }
  get query() {
    return this.scope ? OPEN_INVOICES_QUERY : undefined;
  }
  get variables() {
    const scope = this.scope;
    return scope
      ? invoiceVariables(scope, { key: SORT_KEYS[this.sortedBy], direction: this.sortDirection }, this.after)
      : undefined;
  }

  @wire(graphql, { query: '$query', variables: '$variables' })
  wiredInvoices(result) {
    this.wired = result;
    if (result?.errors) {
      this.loadError = errorMessage(result.errors);
      this.loadingPage = false;
      return;
    }
    const query = result?.data?.uiapi?.query;
    if (!query) return;
    const page = toRows(query.Invoice__c.edges, promisesByCurrency(query.Promise_To_Pay__c?.edges), this.today, labels);
    const known = new Set(this.rows.map((row) => row.id));
    this.rows = this.after ? [...this.rows, ...page.filter((row) => !known.has(row.id))] : page;
    this.pageInfo = query.Invoice__c.pageInfo;
    this.loadError = null;
    this.loadingPage = false;
  }

  get caseLoadError() {
    return this.caseRecord?.error ? errorMessage(this.caseRecord.error) : null;
  }
  get errorText() {
    return this.loadError ?? this.caseLoadError;
  }
  get showSpinner() {
    return this.loadingPage && !this.errorText;
  }
  get isEmpty() {
    return !this.loadingPage && !this.errorText && this.rows.length === 0;
  }
  get hasRows() {
    return this.rows.length > 0;
  }
  get hasMore() {
    return !!this.pageInfo?.hasNextPage;
  }
  get shownText() {
    return formatLabel(this.hasMore ? labels.shown : labels.shownAll, this.rows.length);
  }
  get selectedInvoices() {
    const ids = new Set(this.selectedIds);
    return this.rows.filter((row) => ids.has(row.id)).map(toInvoice);
  }
  get accountId() {
    return this.scope?.accountId;
  }
  get caseId() {
    return this.scope?.caseId ?? undefined;
  }

  handleLoadMore() {
    if (!this.hasMore || this.loadingPage) return;
    this.loadingPage = true;
    this.after = this.pageInfo.endCursor;
  }

  /** A new order needs the first page again: the pages loaded so far are only part of the list. */
  handleSort(event) {
    const { fieldName, sortDirection } = event.detail;
    if (!SORT_KEYS[fieldName]) return;
    this.sortedBy = fieldName;
    this.sortDirection = sortDirection;
    this.restart();
  }

  restart() {
    this.after = null;
    this.rows = [];
    this.pageInfo = null;
    this.selectedIds = [];
    this.loadingPage = true;
  }

  handleRowSelection(event) {
    this.selectedIds = event.detail.selectedRows.map((row) => row.id);
  }

  /**
   * Something was created: read the invoices again from the first page. Refreshing the current
   * result is enough when only the first page is loaded; otherwise the first page is asked again.
   */
  handleActionDone() {
    this.selectedIds = [];
    if (this.after !== null) this.restart();
    else this.wired?.refresh?.();
  }
}
