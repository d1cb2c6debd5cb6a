/**
 * The records "Log call" creates, and the checks on the optional promise to pay, as pure
 * functions. The call is a completed Task on the account or case; the outcome goes into the
 * standard Task.CallDisposition ("Call Result"), so no custom activity field is needed. The promise
 * is a Promise_To_Pay__c linked as the data model says: Account__c, Collection_Case__c (when the
 * selection has one) and the currency of the selection, which the batch matches it on.
 */
import TASK_OBJECT from '@salesforce/schema/Task';
import TASK_SUBJECT from '@salesforce/schema/Task.Subject';
import TASK_TYPE from '@salesforce/schema/Task.Type';
import TASK_SUBTYPE from '@salesforce/schema/Task.TaskSubtype';
import TASK_STATUS from '@salesforce/schema/Task.Status';
import TASK_DATE from '@salesforce/schema/Task.ActivityDate';
import TASK_WHAT from '@salesforce/schema/Task.WhatId';
import TASK_DESCRIPTION from '@salesforce/schema/Task.Description';
import TASK_RESULT from '@salesforce/schema/Task.CallDisposition';
import PROMISE_OBJECT from '@salesforce/schema/Promise_To_Pay__c';
import PROMISE_ACCOUNT from '@salesforce/schema/Promise_To_Pay__c.Account__c';
import PROMISE_CASE from '@salesforce/schema/Promise_To_Pay__c.Collection_Case__c';
import PROMISE_CURRENCY from '@salesforce/schema/Promise_To_Pay__c.CurrencyIsoCode';
import PROMISE_AMOUNT from '@salesforce/schema/Promise_To_Pay__c.Amount__c';
import PROMISE_DATE from '@salesforce/schema/Promise_To_Pay__c.Promised_Date__c';
import PROMISE_LOGGED from '@salesforce/schema/Promise_To_Pay__c.Logged_Date__c';
import PROMISE_STATUS from '@salesforce/schema/Promise_To_Pay__c.Status__c';
import PROMISE_NOTES from '@salesforce/schema/Promise_To_Pay__c.Notes__c';
import { currencyDigits, formatAmount, fromMinorUnits, toMinorUnits } from 'c/collectionsFormat';
import { addDays, daysBetween, formatLabel } from 'c/collectionsActionUtils';

/**
 * How far ahead a promise may be: 30 days. A promise pauses the reminders of its currency without
 * anyone's approval (scripts/src/domain/engine/standing.ts), so it should not outlast the gap between
 * two reminder levels (+1, +15, +30 days on the default timeline); a customer who needs longer is
 * offered a payment plan, which goes through the approval matrix.
 */
export const PROMISE_HORIZON_DAYS = 30;

/** Field-level messages for what was typed, keyed by field; empty when everything is valid. */
export function validateCall({ outcome, wantsPromise, amount, promisedDate }, { currency, maxMinor, today }, labels) {
  const errors = {};
  if (!outcome) errors.outcome = labels.outcomeRequired;
  if (!wantsPromise) return errors;
  const minor = toMinorUnits(amount, currency);
  if (minor === null) errors.amount = formatLabel(labels.amountFormat, currency, currencyDigits(currency));
  else if (minor <= 0n) errors.amount = labels.amountPositive;
  else if (minor > maxMinor) errors.amount = formatLabel(labels.amountTooHigh, formatAmount(maxMinor, currency));
  if (!promisedDate) errors.date = labels.dateRequired;
  else if (daysBetween(today, promisedDate) < 0) errors.date = labels.datePast;
  else if (daysBetween(today, promisedDate) > PROMISE_HORIZON_DAYS) {
    errors.date = formatLabel(labels.dateTooFar, PROMISE_HORIZON_DAYS);
  }
  return errors;
}

/** The last day a promise may be for. */
export function promiseHorizon(today) {
  return addDays(today, PROMISE_HORIZON_DAYS);
}

/** The completed call Task: on the case when the page is a case, else on the account. */
export function taskInput({ whatId, outcome, outcomeLabel, notes, invoiceNumbers, today }, labels) {
  const lines = [notes?.trim(), formatLabel(labels.invoicesLine, invoiceNumbers.join(', '))].filter(Boolean);
  return {
    apiName: TASK_OBJECT.objectApiName,
    fields: {
      [TASK_SUBJECT.fieldApiName]: formatLabel(labels.subject, outcomeLabel).slice(0, 255),
      [TASK_TYPE.fieldApiName]: 'Call',
      [TASK_SUBTYPE.fieldApiName]: 'Call',
      [TASK_STATUS.fieldApiName]: 'Completed',
      [TASK_DATE.fieldApiName]: today,
      [TASK_WHAT.fieldApiName]: whatId,
      [TASK_RESULT.fieldApiName]: outcome,
      [TASK_DESCRIPTION.fieldApiName]: lines.join('\n\n'),
    },
  };
}

/** The open promise to pay, in the selection's currency; the amount as a decimal string. */
export function promiseInput({ accountId, caseId, currency, amount, promisedDate, notes, today }) {
  const fields = {
    [PROMISE_ACCOUNT.fieldApiName]: accountId,
    [PROMISE_CURRENCY.fieldApiName]: currency,
    [PROMISE_AMOUNT.fieldApiName]: fromMinorUnits(toMinorUnits(amount, currency), currency),
    [PROMISE_DATE.fieldApiName]: promisedDate,
    [PROMISE_LOGGED.fieldApiName]: today,
    [PROMISE_STATUS.fieldApiName]: 'Open',
  };
  if (caseId) fields[PROMISE_CASE.fieldApiName] = caseId;
  if (notes?.trim()) fields[PROMISE_NOTES.fieldApiName] = notes.trim();
  return { apiName: PROMISE_OBJECT.objectApiName, fields };
}
