/**
 * "Log call" on the selected invoices: a completed call Task with its outcome and notes, and
 * optionally a promise to pay checked against the selection (one currency, more than zero, at most
 * the selection's open balance, dated from today to PROMISE_HORIZON_DAYS ahead). The Task is saved
 * first; when the promise then fails, the component says so, keeps everything typed, and a second
 * save creates only the promise, never a second Task.
 */
import { LightningElement, api } from 'lwc';
import { createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { errorMessage } from 'c/collectionsErrors';
import { formatAmount, todayIn } from 'c/collectionsFormat';
import { errorListOf, formatLabel, showFieldErrors, singleCurrency, totalsByCurrency } from 'c/collectionsActionUtils';
import { promiseHorizon, promiseInput, taskInput, validateCall } from './callRecords';
import { labels, OUTCOMES } from './labels';

const PROMISE_OUTCOME = 'Promise_To_Pay';

export default class CollectionsLogCall extends LightningElement {
  @api invoices = [];
  @api accountId;
  @api caseId;

  labels = labels;
  outcomes = OUTCOMES;
  today = todayIn(TIME_ZONE, Date.now());
  form = { outcome: '', notes: '', wantsPromise: false, amount: '', promisedDate: '' };
  errors = {};
  saveError;
  saving = false;
  /** set once the Task exists, so a retry only creates the promise */
  taskId;

  get currency() {
    return singleCurrency(this.invoices);
  }
  get maxMinor() {
    return this.currency ? totalsByCurrency(this.invoices)[0].minor : 0n;
  }
  get promiseAllowed() {
    return !!this.currency;
  }
  get promiseDisabled() {
    return !this.promiseAllowed || this.saving;
  }
  get callLocked() {
    return !!this.taskId || this.saving;
  }
  get amountLabel() {
    return formatLabel(labels.promiseAmount, this.currency ?? '');
  }
  get amountHelp() {
    return formatLabel(labels.promiseAmountHelp, formatAmount(this.maxMinor, this.currency ?? 'USD'));
  }
  get horizon() {
    return promiseHorizon(this.today);
  }
  get errorList() {
    return errorListOf(this.errors);
  }
  get hasErrors() {
    return this.errorList.length > 0;
  }
  get saveLabel() {
    return this.taskId ? labels.savePromise : labels.save;
  }

  handleChange(event) {
    const field = event.target.dataset.field;
    const value = event.target.type === 'checkbox' ? event.detail.checked : event.detail.value;
    this.form = { ...this.form, [field]: value };
    if (field === 'outcome' && value === PROMISE_OUTCOME && this.promiseAllowed) {
      this.form = { ...this.form, wantsPromise: true };
    }
  }

  async handleSave() {
    const context = { currency: this.currency, maxMinor: this.maxMinor, today: this.today };
    const wantsPromise = this.form.wantsPromise && this.promiseAllowed;
    this.errors = validateCall({ ...this.form, wantsPromise }, context, labels);
    showFieldErrors(this.template, this.errors);
    if (this.hasErrors) return;
    this.saving = true;
    this.saveError = null;
    try {
      if (!this.taskId) this.taskId = (await createRecord(this.callTask())).id;
    } catch (error) {
      this.saveError = errorMessage(error);
      this.saving = false;
      return;
    }
    let promiseId = null;
    try {
      if (wantsPromise) promiseId = (await createRecord(this.promise())).id;
    } catch (error) {
      this.saveError = formatLabel(labels.promiseFailed, errorMessage(error));
      this.saving = false;
      return;
    }
    this.saving = false;
    this.finish(promiseId);
  }

  callTask() {
    const outcome = OUTCOMES.find((option) => option.value === this.form.outcome);
    return taskInput(
      {
        whatId: this.caseId || this.accountId,
        outcome: outcome.value,
        outcomeLabel: outcome.label,
        notes: this.form.notes,
        invoiceNumbers: this.invoices.map((invoice) => invoice.number),
        today: this.today,
      },
      labels,
    );
  }

  promise() {
    return promiseInput({
      ...this.form,
      accountId: this.accountId,
      caseId: this.caseId,
      currency: this.currency,
      today: this.today,
    });
  }

  finish(promiseId) {
    const message = promiseId ? labels.doneWithPromise : labels.doneMessage;
    this.dispatchEvent(new ShowToastEvent({ title: labels.doneTitle, message, variant: 'success' }));
    this.dispatchEvent(new CustomEvent('done', { detail: { recordId: this.taskId, promiseId } }));
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent(this.taskId ? 'done' : 'close', { detail: { recordId: this.taskId } }));
  }
}
