/**
 * "Send reminder" on the selected invoices: previews what the customer will receive (recipient,
 * language, invoices, amounts) and, on confirmation, creates the Dunning_Notice__c the batch would
 * create: Planned (the status's default), Channel__c Email, Requested_In_Console__c checked. The
 * record-triggered flow that watches for such notices sends the email with the invoice copies and
 * the payment instructions in the account's language. The key rules are in reminderNotice.js.
 */
import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, getFieldDisplayValue, createRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import CUSTOMER_NUMBER from '@salesforce/schema/Account.Customer_Number__c';
import LANGUAGE from '@salesforce/schema/Account.Preferred_Language__c';
import BILLING_EMAIL from '@salesforce/schema/Account.Billing_Email__c';
import { errorMessage } from 'c/collectionsErrors';
import { formatAmount, formatDate, todayIn } from 'c/collectionsFormat';
import { formatLabel, singleCurrency } from 'c/collectionsActionUtils';
import { CASE_FIELDS, kindTextOf, noticeAmounts, noticeRecordInput, openCaseOf, reminderStep } from './reminderNotice';
import { labels } from './labels';

const ACCOUNT_FIELDS = [CUSTOMER_NUMBER, LANGUAGE, BILLING_EMAIL];
const DEFAULT_LANGUAGE = 'en_US';

export default class CollectionsSendReminder extends LightningElement {
  @api invoices = [];
  @api accountId;
  /** the open collection case of the selection's currency, when there is one */
  @api caseId;

  labels = labels;
  today = todayIn(TIME_ZONE, Date.now());
  sending = false;
  error;

  @wire(getRecord, { recordId: '$accountId', fields: ACCOUNT_FIELDS }) account;
  @wire(getRecord, { recordId: '$caseId', fields: CASE_FIELDS }) collectionCase;

  get currency() {
    return singleCurrency(this.invoices);
  }
  get loading() {
    return !this.account?.data && !this.account?.error;
  }
  get loadError() {
    return this.account?.error ? errorMessage(this.account.error) : null;
  }
  get recipient() {
    return getFieldValue(this.account?.data, BILLING_EMAIL) ?? null;
  }
  get languageCode() {
    return getFieldValue(this.account?.data, LANGUAGE) || DEFAULT_LANGUAGE;
  }
  get languageName() {
    return getFieldDisplayValue(this.account?.data, LANGUAGE) || this.languageCode;
  }

  get openCase() {
    return openCaseOf(this.caseId, this.collectionCase?.data, this.currency);
  }
  get caseSettled() {
    return !this.caseId || !!this.collectionCase?.data || !!this.collectionCase?.error;
  }

  get step() {
    return reminderStep({
      anyOverdue: this.invoices.some((invoice) => invoice.daysPastDue > 0),
      customerNumber: getFieldValue(this.account?.data, CUSTOMER_NUMBER) || this.accountId,
      currency: this.currency,
      today: this.today,
      openCase: this.openCase,
    });
  }
  get amounts() {
    return noticeAmounts(this.invoices, this.currency, this.step.kind === 'courtesy');
  }
  get kindText() {
    return kindTextOf(this.step, labels);
  }
  get askedText() {
    return formatAmount(this.amounts.overdue, this.currency);
  }
  get netDueText() {
    return formatAmount(this.amounts.netDue, this.currency);
  }
  get enclosuresText() {
    return formatLabel(labels.enclosures, this.currency);
  }
  get lines() {
    return this.invoices.map((invoice) => ({
      id: invoice.id,
      number: invoice.number,
      dueDate: formatDate(invoice.dueDate),
      openBalance: formatAmount(invoice.openBalance, invoice.currency),
    }));
  }
  get noRecipient() {
    return !this.recipient;
  }
  get mixedCurrencies() {
    return this.invoices.length > 0 && !this.currency;
  }
  get ready() {
    return !this.loading && !this.loadError && !this.mixedCurrencies;
  }
  get cannotSend() {
    return !this.ready || !this.caseSettled || !this.recipient || this.sending;
  }

  /** The record input, exactly as createRecord receives it. */
  noticeInput() {
    return noticeRecordInput({
      step: this.step,
      amounts: this.amounts,
      invoices: this.invoices,
      accountId: this.accountId,
      currency: this.currency,
      today: this.today,
      recipient: this.recipient,
      language: this.languageCode,
      reason: formatLabel(labels.reason, this.kindText, this.invoices.length),
    });
  }

  async handleSend() {
    if (this.cannotSend) return;
    this.sending = true;
    this.error = null;
    try {
      const record = await createRecord(this.noticeInput());
      this.dispatchEvent(
        new ShowToastEvent({
          title: labels.doneTitle,
          message: formatLabel(labels.doneMessage, this.recipient),
          variant: 'success',
        }),
      );
      this.dispatchEvent(new CustomEvent('done', { detail: { recordId: record.id } }));
    } catch (error) {
      // DUPLICATE_VALUE on Idempotency_Key__c reads "already done today" (c/collectionsErrors).
      this.error = errorMessage(error);
    } finally {
      this.sending = false;
    }
  }

  handleCancel() {
    this.dispatchEvent(new CustomEvent('close'));
  }
}
