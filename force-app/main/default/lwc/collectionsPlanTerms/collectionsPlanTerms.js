/**
 * The terms of a proposed payment plan: equal or custom amounts, frequency, number of installments,
 * first installment date (from today) and the reason approvers read. Frequencies come from the
 * Frequency__c picklist (translated labels), limited to those c/collectionsRules can schedule.
 * Fires `termchange` with `{ name, value }`; the builder owns the values.
 */
import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { FREQUENCIES } from 'c/collectionsRules';
import { errorMessage } from 'c/collectionsErrors';
import { CUSTOM, EQUAL, MAX_INSTALLMENTS } from 'c/collectionsPlanSchedule';
import PLAN_OBJECT from '@salesforce/schema/Payment_Plan__c';
import FREQUENCY_FIELD from '@salesforce/schema/Payment_Plan__c.Frequency__c';
import AMOUNTS from '@salesforce/label/c.Collections_Plans_Amounts';
import EQUAL_AMOUNTS from '@salesforce/label/c.Collections_Plans_Equal';
import CUSTOM_AMOUNTS from '@salesforce/label/c.Collections_Plans_Custom';
import FREQUENCY from '@salesforce/label/c.Collections_Plans_Frequency';
import COUNT from '@salesforce/label/c.Collections_Plans_Count';
import COUNT_RANGE from '@salesforce/label/c.Collections_Plans_Count_Range';
import FIRST_DATE from '@salesforce/label/c.Collections_Plans_First_Date';
import DATE_PAST from '@salesforce/label/c.Collections_Plans_Date_Past';
import DATE_MISSING from '@salesforce/label/c.Collections_Plans_Date_Missing';
import REASON from '@salesforce/label/c.Collections_Plans_Reason';
import REASON_HELP from '@salesforce/label/c.Collections_Plans_Reason_Help';
import REASON_MISSING from '@salesforce/label/c.Collections_Plans_Reason_Missing';
import LOADING from '@salesforce/label/c.Collections_Plans_Loading';

const labels = Object.freeze({
  AMOUNTS,
  EQUAL_AMOUNTS,
  CUSTOM_AMOUNTS,
  FREQUENCY,
  COUNT,
  COUNT_RANGE,
  FIRST_DATE,
  DATE_PAST,
  DATE_MISSING,
  REASON,
  REASON_HELP,
  REASON_MISSING,
  LOADING,
});

/** Reason__c is a Long Text Area(32768). */
const REASON_MAX_LENGTH = 32768;

export default class CollectionsPlanTerms extends LightningElement {
  /** `{ mode, frequency, count, firstDate, reason }` as the builder holds them (strings). */
  @api terms;
  /** Today's calendar date for the user (YYYY-MM-DD): the earliest first installment date. */
  @api today;
  @api disabled = false;

  labels = labels;
  maxInstallments = MAX_INSTALLMENTS;
  reasonMaxLength = REASON_MAX_LENGTH;
  modeOptions = [
    { label: EQUAL_AMOUNTS, value: EQUAL },
    { label: CUSTOM_AMOUNTS, value: CUSTOM },
  ];

  @wire(getObjectInfo, { objectApiName: PLAN_OBJECT })
  objectInfo;

  @wire(getPicklistValues, { recordTypeId: '$objectInfo.data.defaultRecordTypeId', fieldApiName: FREQUENCY_FIELD })
  frequencyPicklist;

  get loadError() {
    const error = this.objectInfo?.error ?? this.frequencyPicklist?.error;
    return error ? errorMessage(error) : null;
  }

  get loading() {
    return !this.loadError && !this.frequencyPicklist?.data;
  }

  get frequencyOptions() {
    return (this.frequencyPicklist?.data?.values ?? [])
      .filter((entry) => FREQUENCIES.includes(entry.value))
      .map((entry) => ({ label: entry.label, value: entry.value }));
  }

  handleChange(event) {
    const name = event.target.dataset.id;
    this.dispatchEvent(new CustomEvent('termchange', { detail: { name, value: event.detail.value } }));
  }
}
