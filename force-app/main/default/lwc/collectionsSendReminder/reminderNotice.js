/**
 * The Dunning_Notice__c a reminder sent from the console creates: the notice the nightly batch
 * would create, under the batch's own idempotency keys, so that the org's unique external ID
 * (Idempotency_Key__c) refuses a second one with DUPLICATE_VALUE.
 *
 * The batch writes two kinds of keys (scripts/src/domain/engine/timeline.ts and planDay.ts):
 *   a step of a case's timeline   <Case_Key__c>|<step>                   e.g. C042|EUR|2026-03-02|Reminder_2
 *   a courtesy reminder           <customer>|<currency>|<step>|<as-of>   e.g. C042|EUR|Courtesy_Reminder|2026-03-10
 * where Case_Key__c is <customer>|<currency>|<day the case was opened> and <step> the developer name
 * of the Dunning_Step__mdt record (Reminder_<level> and Courtesy_Reminder as shipped).
 *
 * The console picks the key the batch would use for the same account, currency and level:
 *   courtesy  nothing selected is past due      <customer>|<currency>|Courtesy_Reminder|<today>
 *   timeline  the open case's next step is a    <Case_Key__c>|Reminder_<Dunning_Level__c + 1>
 *             reminder
 *   first     past due but no open case yet     <customer>|<currency>|<today>|Reminder_1
 *             (the key of Reminder 1 of the case the batch would open tonight)
 *   extra     the case's next step is no        <customer>|<currency>|Console_Reminder|<today>
 *             reminder (call, warning, paused)
 * So a second press refuses the same level again (courtesy, first and extra: the same day), the
 * batch finds a console reminder in the case's history (Policy_Step__c and Collection_Case__c are
 * set as it sets them) and does not send that level again, and a level the batch already sent
 * makes the console's create a duplicate. An extra reminder repeats the current level once a day
 * and has no Policy_Step__c, so the timeline ignores it.
 */
import NOTICE_OBJECT from '@salesforce/schema/Dunning_Notice__c';
import KEY from '@salesforce/schema/Dunning_Notice__c.Idempotency_Key__c';
import ACCOUNT from '@salesforce/schema/Dunning_Notice__c.Account__c';
import CASE from '@salesforce/schema/Dunning_Notice__c.Collection_Case__c';
import CURRENCY from '@salesforce/schema/Dunning_Notice__c.CurrencyIsoCode';
import ACTION from '@salesforce/schema/Dunning_Notice__c.Action__c';
import STEP from '@salesforce/schema/Dunning_Notice__c.Policy_Step__c';
import LEVEL from '@salesforce/schema/Dunning_Notice__c.Level__c';
import CHANNEL from '@salesforce/schema/Dunning_Notice__c.Channel__c';
import AS_OF from '@salesforce/schema/Dunning_Notice__c.As_Of_Date__c';
import RECIPIENT from '@salesforce/schema/Dunning_Notice__c.Recipient_Email__c';
import LANGUAGE from '@salesforce/schema/Dunning_Notice__c.Language__c';
import INVOICE_COUNT from '@salesforce/schema/Dunning_Notice__c.Invoice_Count__c';
import INVOICES from '@salesforce/schema/Dunning_Notice__c.Invoices_Covered__c';
import OVERDUE from '@salesforce/schema/Dunning_Notice__c.Overdue_Amount__c';
import NET_DUE from '@salesforce/schema/Dunning_Notice__c.Net_Amount_Due__c';
import REASON from '@salesforce/schema/Dunning_Notice__c.Reason__c';
import IN_CONSOLE from '@salesforce/schema/Dunning_Notice__c.Requested_In_Console__c';
import CASE_KEY from '@salesforce/schema/Collection_Case__c.Case_Key__c';
import CASE_LEVEL from '@salesforce/schema/Collection_Case__c.Dunning_Level__c';
import CASE_NEXT_ACTION from '@salesforce/schema/Collection_Case__c.Next_Action__c';
import CASE_STATUS from '@salesforce/schema/Collection_Case__c.Status__c';
import CASE_CURRENCY from '@salesforce/schema/Collection_Case__c.CurrencyIsoCode';
import { getFieldValue } from 'lightning/uiRecordApi';
import { fromMinorUnits } from 'c/collectionsFormat';
import { formatLabel, minorOf } from 'c/collectionsActionUtils';

export const COURTESY_STEP = 'Courtesy_Reminder';
export const REMINDER_STEP_PREFIX = 'Reminder_';
export const CONSOLE_STEP = 'Console_Reminder';
const CASE_CLOSED = 'Closed';

/** The collection case fields the key needs. */
export const CASE_FIELDS = [CASE_KEY, CASE_LEVEL, CASE_NEXT_ACTION, CASE_STATUS, CASE_CURRENCY];

/** The case read by getRecord, when it is a case of the selection's currency; else null. */
export function openCaseOf(caseId, data, currency) {
  if (!caseId || !data || getFieldValue(data, CASE_CURRENCY) !== currency) return null;
  return {
    id: caseId,
    caseKey: getFieldValue(data, CASE_KEY),
    dunningLevel: getFieldValue(data, CASE_LEVEL),
    nextAction: getFieldValue(data, CASE_NEXT_ACTION),
    status: getFieldValue(data, CASE_STATUS),
  };
}
const NEXT_ACTION_REMINDER = 'Reminder';

/** Which reminder this is and its key (see above). `openCase` is null or the case's fields. */
export function reminderStep({ anyOverdue, customerNumber, currency, today, openCase }) {
  const group = `${customerNumber}|${currency}`;
  const liveCase = openCase && openCase.status !== CASE_CLOSED ? openCase : null;
  if (!anyOverdue) {
    return {
      kind: 'courtesy',
      action: 'Courtesy_Reminder',
      step: COURTESY_STEP,
      level: null,
      caseId: null,
      key: `${group}|${COURTESY_STEP}|${today}`,
    };
  }
  if (!liveCase) {
    const step = `${REMINDER_STEP_PREFIX}1`;
    return { kind: 'first', action: 'Reminder', step, level: 1, caseId: null, key: `${group}|${today}|${step}` };
  }
  const current = Number(liveCase.dunningLevel ?? 0);
  if (liveCase.nextAction === NEXT_ACTION_REMINDER) {
    const level = current + 1;
    const step = `${REMINDER_STEP_PREFIX}${level}`;
    return {
      kind: 'timeline',
      action: 'Reminder',
      step,
      level,
      caseId: liveCase.id,
      key: `${liveCase.caseKey}|${step}`,
    };
  }
  return {
    kind: 'extra',
    action: 'Reminder',
    step: null,
    level: current > 0 ? current : null,
    caseId: liveCase.id,
    key: `${group}|${CONSOLE_STEP}|${today}`,
  };
}

/** Which reminder it is, in words. */
export function kindTextOf(step, labels) {
  if (step.kind === 'courtesy') return labels.kindCourtesy;
  if (step.kind === 'extra') return labels.kindExtra;
  return formatLabel(labels.kindLevel, step.level);
}

/**
 * What the notice asks for, as the batch counts it: the open balances of the invoices it asks
 * (past due ones, or all for a courtesy reminder) less their disputed parts; the net amount due
 * deducts the credits in the selection and is never below zero. Decimal strings in the currency.
 */
export function noticeAmounts(invoices, currency, courtesy) {
  let asked = 0n;
  let credits = 0n;
  for (const invoice of invoices) {
    const open = minorOf(invoice.openBalance, currency);
    if (open < 0n) credits += open;
    else if (courtesy || invoice.daysPastDue > 0) asked += open - minorOf(invoice.disputedAmount, currency);
  }
  const net = asked + credits > 0n ? asked + credits : 0n;
  return { overdue: fromMinorUnits(asked, currency), netDue: fromMinorUnits(net, currency) };
}

/**
 * The record input for createRecord: an email notice marked as requested in the console, for the
 * flow that sends it. Status__c is left out on purpose: it starts at its default, Planned, and
 * collectors have no edit access to it (only the batch, the flow and approvals move a notice's
 * status), so naming it would make the org refuse the create. `notice` holds step (reminderStep),
 * amounts (noticeAmounts), accountId, currency, today, recipient, language, invoices and reason.
 */
export function noticeRecordInput(notice) {
  const { step, amounts, invoices } = notice;
  const fields = {
    [KEY.fieldApiName]: step.key,
    [ACCOUNT.fieldApiName]: notice.accountId,
    [CURRENCY.fieldApiName]: notice.currency,
    [ACTION.fieldApiName]: step.action,
    [CHANNEL.fieldApiName]: 'Email',
    [AS_OF.fieldApiName]: notice.today,
    [RECIPIENT.fieldApiName]: notice.recipient,
    [LANGUAGE.fieldApiName]: notice.language,
    [INVOICE_COUNT.fieldApiName]: invoices.length,
    [INVOICES.fieldApiName]: invoices.map((invoice) => invoice.number).join('\n'),
    [OVERDUE.fieldApiName]: amounts.overdue,
    [NET_DUE.fieldApiName]: amounts.netDue,
    [REASON.fieldApiName]: notice.reason,
    [IN_CONSOLE.fieldApiName]: true,
  };
  if (step.step) fields[STEP.fieldApiName] = step.step;
  if (step.level !== null) fields[LEVEL.fieldApiName] = step.level;
  if (step.caseId) fields[CASE.fieldApiName] = step.caseId;
  return { apiName: NOTICE_OBJECT.objectApiName, fields };
}
