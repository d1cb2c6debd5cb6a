/**
 * "Raise dispute" on one or more selected invoices (one currency): a disputed amount per invoice,
 * the reason code, the team it is routed to, a target resolution date and the customer's words.
 * Creates the Dispute__c, then one Dispute_Invoice__c per invoice.
 *
 * When some invoice lines fail, the dispute is kept, not deleted, and the component says which
 * invoices were not added and why, keeps everything typed, and "Add the remaining invoices" retries
 * only those. Deleting the parent would be worse: the routing flow may already have handed the new
 * dispute to the team's queue (and notified it), after which a collector may no longer delete it,
 * so a deleteRecord could itself fail and leave the same half behind with no explanation; the lines
 * that were saved are true, and most line failures (an amount above an open balance that a payment
 * has just lowered) are fixed in seconds. Closing the panel still reports the dispute as created.
 */
import { LightningElement, api, wire } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { getObjectInfo, getPicklistValues } from 'lightning/uiObjectInfoApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { errorMessage } from 'c/collectionsErrors';
import { formatAmount, todayIn } from 'c/collectionsFormat';
import { errorListOf, formatLabel, showFieldErrors, singleCurrency } from 'c/collectionsActionUtils';
import * as D from './disputeRecords';
import { labels } from './labels';

export default class CollectionsRaiseDispute extends LightningElement {
  @api accountId;
  @api caseId;
  @api
  get invoices() {
    return this._invoices;
  }
  set invoices(value) {
    this._invoices = value ?? [];
    this.lines = D.initialLines(this._invoices);
  }

  labels = labels;
  today = todayIn(TIME_ZONE, Date.now());
  _invoices = [];
  lines = [];
  form = { reason: '', team: '', target: '', description: '' };
  targetTouched = false;
  errors = {};
  disputeId;
  saving = false;
  saveError;

  @wire(getObjectInfo, { objectApiName: D.PICKLIST_FIELDS.object }) objectInfo;
  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: D.PICKLIST_FIELDS.reason }) reasons;
  @wire(getPicklistValues, { recordTypeId: '$recordTypeId', fieldApiName: D.PICKLIST_FIELDS.team }) teams;

  get recordTypeId() {
    return this.objectInfo?.data?.defaultRecordTypeId;
  }
  get reasonOptions() {
    return this.reasons?.data?.values ?? [];
  }
  get teamOptions() {
    return this.teams?.data?.values ?? [];
  }
  get loading() {
    return !this.reasons?.data && !this.teams?.data && !this.picklistError;
  }
  get picklistError() {
    const error = this.objectInfo?.error ?? this.reasons?.error ?? this.teams?.error;
    return error ? errorMessage(error) : null;
  }
  get currency() {
    return singleCurrency(this._invoices);
  }
  get mixedCurrencies() {
    return this._invoices.length > 0 && !this.currency;
  }
  get locked() {
    return !!this.disputeId || this.saving;
  }
  get rows() {
    return D.lineRows(this.lines, labels);
  }
  get totalText() {
    return this.currency ? formatAmount(D.disputedTotal(this.lines), this.currency) : '';
  }
  get targetHelp() {
    return formatLabel(labels.targetHelp, D.targetDaysFor(this.form.team));
  }
  get errorList() {
    return errorListOf(this.errors);
  }
  get hasErrors() {
    return this.errorList.length > 0;
  }
  get saveLabel() {
    return this.disputeId ? labels.retry : labels.save;
  }
  get cannotSave() {
    return this.saving || this.mixedCurrencies || !!this.picklistError;
  }

  handleChange(event) {
    const field = event.target.dataset.field;
    this.form = { ...this.form, [field]: event.detail.value };
    if (field === 'target') this.targetTouched = true;
    if (field === 'team' && !this.targetTouched) {
      this.form = { ...this.form, target: D.defaultTarget(event.detail.value, this.today) };
    }
  }

  handleAmountChange(event) {
    const id = event.target.dataset.lineId;
    this.lines = this.lines.map((line) => (line.id === id ? { ...line, amount: event.detail.value } : line));
  }

  async handleSave() {
    this.errors = D.validateDispute(this.form, this.lines, this.today, labels);
    showFieldErrors(this.template, this.errors);
    if (this.hasErrors) return;
    this.saving = true;
    this.saveError = null;
    try {
      if (!this.disputeId) {
        const input = D.disputeInput({
          accountId: this.accountId,
          caseId: this.caseId,
          currency: this.currency,
          form: this.form,
          today: this.today,
        });
        this.disputeId = (await createRecord(input)).id;
      }
    } catch (error) {
      this.saveError = errorMessage(error);
      this.saving = false;
      return;
    }
    await this.addLines();
    this.saving = false;
  }

  async addLines() {
    const pending = this.lines.filter((line) => line.state !== 'added');
    const results = await Promise.allSettled(pending.map((line) => createRecord(D.lineInput(this.disputeId, line))));
    this.lines = D.settleLines(this.lines, pending, results);
    const failed = this.lines.filter((line) => line.state === 'failed');
    if (failed.length > 0) {
      this.saveError = formatLabel(labels.partial, failed.map((line) => line.number).join(', '));
      return;
    }
    this.dispatchEvent(
      new ShowToastEvent({
        title: labels.doneTitle,
        message: formatLabel(labels.doneMessage, this.lines.length),
        variant: 'success',
      }),
    );
    this.dispatchEvent(new CustomEvent('done', { detail: { recordId: this.disputeId } }));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent(this.disputeId ? 'done' : 'close', { detail: { recordId: this.disputeId } }));
  }
}
