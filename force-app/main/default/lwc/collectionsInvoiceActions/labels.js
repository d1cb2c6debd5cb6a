/** Every word the action bar shows, from custom labels (labels/Collections_Invoices.labels-meta.xml). */
import SELECTED from '@salesforce/label/c.Collections_Invoices_Selected';
import ACTIONS_LABEL from '@salesforce/label/c.Collections_Invoices_Actions';
import SEND_REMINDER from '@salesforce/label/c.Collections_Invoices_Send_Reminder';
import LOG_CALL from '@salesforce/label/c.Collections_Invoices_Log_Call';
import RAISE_DISPUTE from '@salesforce/label/c.Collections_Invoices_Raise_Dispute';
import PROPOSE_PLAN from '@salesforce/label/c.Collections_Invoices_Propose_Plan';
import MIXED_CURRENCIES from '@salesforce/label/c.Collections_Invoices_Mixed_Currencies';
import NO_CREDITS from '@salesforce/label/c.Collections_Invoices_No_Credits';

export const labels = Object.freeze({
  selected: SELECTED,
  actions: ACTIONS_LABEL,
  sendReminder: SEND_REMINDER,
  logCall: LOG_CALL,
  raiseDispute: RAISE_DISPUTE,
  proposePlan: PROPOSE_PLAN,
  mixedCurrencies: MIXED_CURRENCIES,
  noCredits: NO_CREDITS,
});

/**
 * The actions on the selection. `oneCurrency`: the action writes one record in one currency
 * (a notice, a dispute, a plan), so a mixed selection is refused; a call may span currencies (only
 * its optional promise needs one, which collectionsLogCall handles). `noCredits`: credit memos
 * (negative open balance) cannot be disputed.
 */
export const ACTIONS = Object.freeze({
  reminder: { label: SEND_REMINDER, oneCurrency: true, noCredits: false },
  call: { label: LOG_CALL, oneCurrency: false, noCredits: false },
  dispute: { label: RAISE_DISPUTE, oneCurrency: true, noCredits: true },
  plan: { label: PROPOSE_PLAN, oneCurrency: true, noCredits: false },
});
