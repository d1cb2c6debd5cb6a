/**
 * A saved Draft plan and the approval level it needs, read back from the record: a before-save flow
 * fills Required_Approval_Level__c from the approval matrix (custom metadata that components cannot
 * read). "Submit for approval" sets Status__c to Pending_Approval; an after-save flow then submits the
 * plan into the approval process. Fires `submitted` with `{ recordId }`.
 */
import { LightningElement, api, wire } from 'lwc';
import { getFieldDisplayValue, getFieldValue, getRecord, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { errorMessage } from 'c/collectionsErrors';
import { DRAFT, submitRecordInput } from 'c/collectionsPlanSave';
import { formatLabel } from 'c/collectionsPlanSchedule';
import NAME_FIELD from '@salesforce/schema/Payment_Plan__c.Name';
import STATUS_FIELD from '@salesforce/schema/Payment_Plan__c.Status__c';
import LEVEL_FIELD from '@salesforce/schema/Payment_Plan__c.Required_Approval_Level__c';
import SAVED from '@salesforce/label/c.Collections_Plans_Saved';
import APPROVAL_LEVEL from '@salesforce/label/c.Collections_Plans_Approval_Level';
import LEVEL_MISSING from '@salesforce/label/c.Collections_Plans_Level_Missing';
import STATUS from '@salesforce/label/c.Collections_Plans_Status';
import SUBMIT from '@salesforce/label/c.Collections_Plans_Submit';
import SUBMITTED_TITLE from '@salesforce/label/c.Collections_Plans_Submitted_Title';
import SUBMITTED from '@salesforce/label/c.Collections_Plans_Submitted';
import SUBMIT_FAILED from '@salesforce/label/c.Collections_Plans_Submit_Failed';
import LOADING from '@salesforce/label/c.Collections_Plans_Loading';

const labels = Object.freeze({ APPROVAL_LEVEL, LEVEL_MISSING, STATUS, SUBMIT, SUBMIT_FAILED, LOADING });

export default class CollectionsPlanApproval extends LightningElement {
  /** The Id of the saved Payment_Plan__c. */
  @api recordId;

  labels = labels;
  submitting = false;
  submitError;

  @wire(getRecord, { recordId: '$recordId', fields: [NAME_FIELD, STATUS_FIELD, LEVEL_FIELD] })
  plan;

  get loading() {
    return !this.plan?.data && !this.plan?.error;
  }

  get loadError() {
    return this.plan?.error ? errorMessage(this.plan.error) : null;
  }

  get planName() {
    return getFieldValue(this.plan.data, NAME_FIELD);
  }

  get savedText() {
    return formatLabel(SAVED, this.planName);
  }

  get level() {
    return getFieldDisplayValue(this.plan.data, LEVEL_FIELD) ?? getFieldValue(this.plan.data, LEVEL_FIELD);
  }

  get status() {
    return getFieldDisplayValue(this.plan.data, STATUS_FIELD) ?? getFieldValue(this.plan.data, STATUS_FIELD);
  }

  get submitDisabled() {
    return !this.level || getFieldValue(this.plan.data, STATUS_FIELD) !== DRAFT || this.submitting;
  }

  async handleSubmit() {
    this.submitting = true;
    this.submitError = null;
    try {
      await updateRecord(submitRecordInput(this.recordId));
      this.dispatchEvent(
        new ShowToastEvent({
          title: SUBMITTED_TITLE,
          message: formatLabel(SUBMITTED, this.planName, this.level),
          variant: 'success',
        }),
      );
      this.dispatchEvent(new CustomEvent('submitted', { detail: { recordId: this.recordId } }));
    } catch (error) {
      this.submitError = `${SUBMIT_FAILED} ${errorMessage(error)}`;
    } finally {
      this.submitting = false;
    }
  }
}
