/**
 * The actions on the invoices selected in the open invoices table, and the inline panel that hosts
 * the one in progress: send a reminder, log a call, raise a dispute, propose a payment plan (built
 * by collectionsPaymentPlanBuilder). Actions that write one record in one currency refuse a
 * selection in several currencies with a message that names them. Each hosted action receives the
 * selection as it was when the button was pressed, and fires close or done; done is passed on so
 * the table reads its invoices again.
 */
import { LightningElement, api } from 'lwc';
import { commonCaseId, currenciesOf, formatLabel } from 'c/collectionsActionUtils';
import { ACTIONS, labels } from './labels';

export default class CollectionsInvoiceActions extends LightningElement {
  /** the selected invoices: { id, number, dueDate, openBalance, currency, ... } */
  @api invoices = [];
  @api accountId;
  /** the case of the page, when the table is on a Collection Case */
  @api caseId;

  labels = labels;
  actionError;
  activeAction;
  actionInvoices = [];

  get selectedText() {
    return formatLabel(labels.selected, this.invoices.length);
  }
  get buttonsDisabled() {
    return this.invoices.length === 0 || !!this.activeAction;
  }
  /** The page's case, or on an account page the case all the selected invoices belong to. */
  get actionCaseId() {
    return this.caseId || commonCaseId(this.actionInvoices) || undefined;
  }
  get isReminder() {
    return this.activeAction === 'reminder';
  }
  get isCall() {
    return this.activeAction === 'call';
  }
  get isDispute() {
    return this.activeAction === 'dispute';
  }
  get isPlan() {
    return this.activeAction === 'plan';
  }

  handleAction(event) {
    const name = event.target.dataset.action;
    const action = ACTIONS[name];
    const currencies = currenciesOf(this.invoices);
    this.actionError = null;
    if (action.oneCurrency && currencies.length > 1) {
      this.actionError = formatLabel(labels.mixedCurrencies, action.label, currencies.join(', '));
      return;
    }
    const credits = this.invoices.filter((invoice) => Number(invoice.openBalance) <= 0);
    if (action.noCredits && credits.length > 0) {
      this.actionError = formatLabel(labels.noCredits, credits.map((invoice) => invoice.number).join(', '));
      return;
    }
    this.actionInvoices = [...this.invoices];
    this.activeAction = name;
  }

  handleClose() {
    this.activeAction = null;
  }

  handleDone(event) {
    this.activeAction = null;
    this.dispatchEvent(new CustomEvent('done', { detail: { recordId: event.detail?.recordId } }));
  }
}
