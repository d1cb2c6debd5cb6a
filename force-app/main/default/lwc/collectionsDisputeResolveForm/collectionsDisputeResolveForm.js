import { LightningElement, api, wire } from 'lwc';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import DISPUTE_OBJECT from '@salesforce/schema/Dispute__c';
import ID_FIELD from '@salesforce/schema/Dispute__c.Id';
import STATUS_FIELD from '@salesforce/schema/Dispute__c.Status__c';
import RESOLUTION_FIELD from '@salesforce/schema/Dispute__c.Resolution__c';
import CREDIT_MEMO_FIELD from '@salesforce/schema/Dispute__c.Credit_Memo_Number__c';
import NOTES_FIELD from '@salesforce/schema/Dispute__c.Resolution_Notes__c';
import RESOLVED_DATE_FIELD from '@salesforce/schema/Dispute__c.Resolved_Date__c';
import { errorMessage } from 'c/collectionsErrors';
import { labels } from './labels';

/** Dispute__c.Status__c value of a decided dispute. */
const RESOLVED = 'Resolved';
/** Resolution__c values settled by a credit memo (see the field's description): its number is required. */
const CREDIT_RESOLUTIONS = Object.freeze(['Credit_Memo_Issued', 'Partially_Upheld']);
const CREDIT_MEMO_MAX_LENGTH = 40;

/**
 * Resolves one dispute: the outcome, the credit memo that settled it and notes. Fires `close`
 * (cancelled) and `resolved` (detail: { recordId }). What the user typed stays in the form when the
 * org refuses the save.
 */
export default class CollectionsDisputeResolveForm extends LightningElement {
  /** `{ id, name }` of the dispute. */
  @api dispute;
  /** Today's calendar date in the user's time zone (YYYY-MM-DD), from the panel. */
  @api today;

  labels = labels;
  creditMemoMaxLength = CREDIT_MEMO_MAX_LENGTH;
  resolution = '';
  creditMemo = '';
  notes = '';
  saving = false;
  errorText;

  @wire(getObjectInfo, { objectApiName: DISPUTE_OBJECT })
  objectInfo;

  get recordTypeId() {
    return this.objectInfo?.data?.defaultRecordTypeId;
  }

  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: RESOLUTION_FIELD })
  resolutionValues;

  get options() {
    return (this.resolutionValues?.data?.values ?? []).map(({ label, value }) => ({ label, value }));
  }

  get loadError() {
    const error = this.objectInfo?.error ?? this.resolutionValues?.error;
    return error ? errorMessage(error) : undefined;
  }

  get title() {
    return labels.resolveTitle.replace('{0}', this.dispute?.name ?? '');
  }

  get creditRequired() {
    return CREDIT_RESOLUTIONS.includes(this.resolution);
  }

  get saveDisabled() {
    return this.saving || !!this.loadError;
  }

  handleResolution(event) {
    this.resolution = event.detail.value;
  }

  handleCreditMemo(event) {
    this.creditMemo = event.detail.value;
  }

  handleNotes(event) {
    this.notes = event.detail.value;
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('close'));
  }

  /** The fields the save writes: only what resolving decides, nothing else on the dispute. */
  recordInput() {
    const fields = {
      [ID_FIELD.fieldApiName]: this.dispute.id,
      [STATUS_FIELD.fieldApiName]: RESOLVED,
      [RESOLUTION_FIELD.fieldApiName]: this.resolution,
      [RESOLVED_DATE_FIELD.fieldApiName]: this.today,
    };
    if (this.creditRequired) fields[CREDIT_MEMO_FIELD.fieldApiName] = this.creditMemo.trim();
    if (this.notes.trim()) fields[NOTES_FIELD.fieldApiName] = this.notes.trim();
    return { fields };
  }

  /** Marks missing required fields; true when the form can be saved. */
  validate() {
    const resolutionInput = this.refs.resolution;
    resolutionInput?.setCustomValidity(this.resolution ? '' : labels.resolutionRequired);
    resolutionInput?.reportValidity();
    const creditMissing = this.creditRequired && !this.creditMemo.trim();
    this.refs.creditMemo?.setCustomValidity(creditMissing ? labels.creditMemoRequired : '');
    this.refs.creditMemo?.reportValidity();
    return !!this.resolution && !creditMissing;
  }

  async handleSave() {
    if (!this.validate()) {
      this.errorText = labels.fixFields;
      return;
    }
    this.saving = true;
    this.errorText = undefined;
    try {
      await updateRecord(this.recordInput());
      this.dispatchEvent(
        new ShowToastEvent({ title: labels.resolvedToast.replace('{0}', this.dispute.name), variant: 'success' }),
      );
      this.dispatchEvent(new CustomEvent('resolved', { detail: { recordId: this.dispute.id } }));
    } catch (error) {
      this.errorText = errorMessage(error);
    } finally {
      this.saving = false;
    }
  }
}
