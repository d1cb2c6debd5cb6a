/**
 * The worklist's filters: status, currency and next action date (any, due by a day, or between two
 * days). Picklist values come from the org in the user's language. A complete, valid choice is
 * sent up as a `filterchange` event; what the collector typed stays in the inputs either way.
 */
import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import CASE_OBJECT from '@salesforce/schema/Collection_Case__c';
import STATUS_FIELD from '@salesforce/schema/Collection_Case__c.Status__c';
import CURRENCY_FIELD from '@salesforce/schema/Collection_Case__c.CurrencyIsoCode';
import { CASE_CLOSED, DATE_MODES } from 'c/collectionsWorklistQueries';
import FILTERS from '@salesforce/label/c.Collections_Worklist_Filters_Title';
import STATUS from '@salesforce/label/c.Collections_Worklist_Column_Status';
import ALL_STATUSES from '@salesforce/label/c.Collections_Worklist_Filter_All_Statuses';
import CURRENCY from '@salesforce/label/c.Collections_Worklist_Filter_Currency';
import ALL_CURRENCIES from '@salesforce/label/c.Collections_Worklist_Filter_All_Currencies';
import NEXT_ACTION_DATE from '@salesforce/label/c.Collections_Worklist_Filter_Next_Action_Date';
import ANY_DATE from '@salesforce/label/c.Collections_Worklist_Filter_Any_Date';
import DUE_BY from '@salesforce/label/c.Collections_Worklist_Filter_Due_By';
import BETWEEN from '@salesforce/label/c.Collections_Worklist_Filter_Between';
import DUE_BY_DATE from '@salesforce/label/c.Collections_Worklist_Filter_Due_By_Date';
import FROM from '@salesforce/label/c.Collections_Worklist_Filter_From';
import TO from '@salesforce/label/c.Collections_Worklist_Filter_To';
import RANGE_INVALID from '@salesforce/label/c.Collections_Worklist_Filter_Range_Invalid';

const labels = Object.freeze({
  FILTERS,
  STATUS,
  ALL_STATUSES,
  CURRENCY,
  ALL_CURRENCIES,
  NEXT_ACTION_DATE,
  ANY_DATE,
  DUE_BY,
  BETWEEN,
  DUE_BY_DATE,
  FROM,
  TO,
  RANGE_INVALID,
});

export default class CollectionsWorklistFilters extends LightningElement {
  /** Today in the user's time zone (YYYY-MM-DD): the first "due by" day offered. */
  @api today;

  labels = labels;
  status = '';
  currency = '';
  dateMode = DATE_MODES.ANY;
  fromDate = null;
  toDate = null;
  statusValues = [];
  currencyValues = [];

  @wire(getObjectInfo, { objectApiName: CASE_OBJECT })
  objectInfo;

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: STATUS_FIELD })
  wiredStatuses({ data }) {
    this.statusValues = (data?.values ?? []).filter((entry) => entry.value !== CASE_CLOSED);
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: CURRENCY_FIELD })
  wiredCurrencies({ data }) {
    this.currencyValues = data?.values ?? [];
  }

  get recordTypeId() {
    return this.objectInfo?.data?.defaultRecordTypeId;
  }

  get statusOptions() {
    return [
      { label: labels.ALL_STATUSES, value: '' },
      ...this.statusValues.map(({ label, value }) => ({ label, value })),
    ];
  }

  get currencyOptions() {
    return [
      { label: labels.ALL_CURRENCIES, value: '' },
      ...this.currencyValues.map(({ value }) => ({ label: value, value })),
    ];
  }

  get dateModeOptions() {
    return [
      { label: labels.ANY_DATE, value: DATE_MODES.ANY },
      { label: labels.DUE_BY, value: DATE_MODES.DUE_BY },
      { label: labels.BETWEEN, value: DATE_MODES.RANGE },
    ];
  }

  get isDueBy() {
    return this.dateMode === DATE_MODES.DUE_BY;
  }

  get isRange() {
    return this.dateMode === DATE_MODES.RANGE;
  }

  handleStatus(event) {
    this.status = event.detail.value;
    this.notify();
  }

  handleCurrency(event) {
    this.currency = event.detail.value;
    this.notify();
  }

  handleDateMode(event) {
    this.dateMode = event.detail.value;
    if (this.dateMode === DATE_MODES.DUE_BY && !this.toDate) this.toDate = this.today;
    this.notify();
  }

  handleDate(event) {
    this[event.target.dataset.field] = event.detail.value || null;
    this.notify();
  }

  /** Sends the filters up, unless the range is backwards: then the "to" field says why. */
  notify() {
    const backwards = this.isRange && this.fromDate && this.toDate && this.fromDate > this.toDate;
    const to = this.template.querySelector('[data-id="to-date"]');
    if (to) {
      to.setCustomValidity(backwards ? labels.RANGE_INVALID : '');
      to.reportValidity();
    }
    if (backwards) return;
    const { status, currency, dateMode, fromDate, toDate } = this;
    this.dispatchEvent(new CustomEvent('filterchange', { detail: { status, currency, dateMode, fromDate, toDate } }));
  }
}
