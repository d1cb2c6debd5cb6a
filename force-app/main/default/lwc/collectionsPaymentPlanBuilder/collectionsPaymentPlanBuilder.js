/**
 * Proposes a payment plan for the invoices selected in collectionsOpenInvoices: the schedule is
 * computed live from the terms (c/collectionsRules through c/collectionsPlanSchedule), in BigInt
 * minor units of the selection's one currency, and must add up exactly to the amount covered. The
 * plan is saved as a Draft with its installments and invoice links (c/collectionsPlanSave); the
 * approval level the org computed is then shown before "Submit for approval".
 * Fires `close` when cancelled and `done` with `{ recordId }` once a plan exists.
 */
import { LightningElement, api } from 'lwc';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { todayIn } from 'c/collectionsFormat';
import { buildSchedule, coveredAmount, CUSTOM, EQUAL, equalAmountsText, parseCount } from 'c/collectionsPlanSchedule';
import { saveDraftPlan } from 'c/collectionsPlanSave';
import { saveErrorMessage, scheduleHint, selectionMessage } from './builderMessages';
import TITLE from '@salesforce/label/c.Collections_Plans_Title';
import INVOICES from '@salesforce/label/c.Collections_Plans_Invoices';
import SAVE_DRAFT from '@salesforce/label/c.Collections_Plans_Save_Draft';
import SAVING from '@salesforce/label/c.Collections_Plans_Saving';
import CANCEL from '@salesforce/label/c.Collections_Plans_Cancel';
import CLOSE from '@salesforce/label/c.Collections_Plans_Close';

const labels = Object.freeze({ TITLE, INVOICES, SAVE_DRAFT, SAVING, CANCEL, CLOSE });

/** Frequency__c's default value. */
const DEFAULT_FREQUENCY = 'Monthly';
const DEFAULT_COUNT = '3';

export default class CollectionsPaymentPlanBuilder extends LightningElement {
  /** The selection: `[{ id, number, dueDate, openBalance, currency }]`, openBalance a decimal string. */
  @api invoices = [];
  @api accountId;
  @api caseId;

  labels = labels;
  today = todayIn(TIME_ZONE, Date.now());
  terms = { mode: EQUAL, frequency: DEFAULT_FREQUENCY, count: DEFAULT_COUNT, firstDate: this.today, reason: '' };
  customAmounts = [];
  saving = false;
  saveError;
  planId;

  get covered() {
    return coveredAmount(this.invoices);
  }

  /** Why no plan can be proposed for this selection, in words; null when one can. */
  get selectionProblem() {
    return selectionMessage(this.covered);
  }

  get canPropose() {
    return !this.selectionProblem;
  }

  get invoiceNumbers() {
    return `${INVOICES}: ${(this.invoices ?? []).map((invoice) => invoice.number).join(', ')}`;
  }

  get schedule() {
    const { currencyCode, totalMinor } = this.covered;
    return buildSchedule({
      ...this.terms,
      customAmounts: this.customAmounts,
      today: this.today,
      currencyCode,
      totalMinor,
    });
  }

  get isCustom() {
    return this.terms.mode === CUSTOM;
  }

  get scheduleHint() {
    return scheduleHint(this.schedule.problems);
  }

  get saveDisabled() {
    return this.saving || !this.schedule.ready || !this.terms.reason?.trim();
  }

  handleTermChange(event) {
    const { name, value } = event.detail;
    if (name === 'mode' && value === CUSTOM && this.customAmounts.length === 0) {
      // Custom amounts start from the equal split, so the collector edits rather than types all.
      const count = parseCount(this.terms.count);
      if (count) this.customAmounts = equalAmountsText(this.covered.totalMinor, count, this.covered.currencyCode);
    }
    this.terms = { ...this.terms, [name]: value };
  }

  handleAmountChange(event) {
    const amounts = [...this.customAmounts];
    amounts[event.detail.index] = event.detail.value;
    this.customAmounts = amounts;
  }

  async handleSave() {
    const schedule = this.schedule;
    if (this.saveDisabled) return;
    const { currencyCode, totalMinor } = this.covered;
    this.saving = true;
    this.saveError = null;
    try {
      this.planId = await saveDraftPlan({
        accountId: this.accountId,
        caseId: this.caseId,
        currencyCode,
        totalMinor,
        frequency: this.terms.frequency,
        firstDate: this.terms.firstDate,
        reason: this.terms.reason.trim(),
        rows: schedule.rows,
        invoiceIds: this.invoices.map((invoice) => invoice.id),
      });
    } catch (error) {
      // Terms and amounts stay as typed: nothing the collector entered is reset.
      this.saveError = saveErrorMessage(error);
    } finally {
      this.saving = false;
    }
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('close'));
  }

  handleSubmitted(event) {
    this.dispatchEvent(new CustomEvent('done', { detail: { recordId: event.detail.recordId } }));
  }

  /** Closing after the Draft was saved: a record exists, so the host refreshes. */
  handleClose() {
    this.dispatchEvent(new CustomEvent('done', { detail: { recordId: this.planId } }));
  }
}
