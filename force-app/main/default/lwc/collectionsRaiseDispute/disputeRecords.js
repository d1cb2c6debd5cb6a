/**
 * The records "Raise dispute" creates and the checks on what the collector typed, as pure
 * functions: one Dispute__c, then one Dispute_Invoice__c per invoice with its disputed amount.
 * The org's validation rules (Amount_Within_Open_Balance, Same_Currency_As_Invoice,
 * Target_Not_Before_Opened) check the same again; these checks only spare the collector a
 * round trip and word the problem per invoice.
 */
import DISPUTE_OBJECT from '@salesforce/schema/Dispute__c';
import ACCOUNT from '@salesforce/schema/Dispute__c.Account__c';
import CASE from '@salesforce/schema/Dispute__c.Collection_Case__c';
import CURRENCY from '@salesforce/schema/Dispute__c.CurrencyIsoCode';
import REASON from '@salesforce/schema/Dispute__c.Reason_Code__c';
import TEAM from '@salesforce/schema/Dispute__c.Routed_Team__c';
import STATUS from '@salesforce/schema/Dispute__c.Status__c';
import OPENED from '@salesforce/schema/Dispute__c.Opened_Date__c';
import TARGET from '@salesforce/schema/Dispute__c.Target_Resolution_Date__c';
import DESCRIPTION from '@salesforce/schema/Dispute__c.Description__c';
import LINE_OBJECT from '@salesforce/schema/Dispute_Invoice__c';
import LINE_DISPUTE from '@salesforce/schema/Dispute_Invoice__c.Dispute__c';
import LINE_INVOICE from '@salesforce/schema/Dispute_Invoice__c.Invoice__c';
import LINE_AMOUNT from '@salesforce/schema/Dispute_Invoice__c.Disputed_Amount__c';
import { currencyDigits, formatAmount, formatDate, fromMinorUnits, toMinorUnits } from 'c/collectionsFormat';
import { errorMessage } from 'c/collectionsErrors';
import { addDays, daysBetween, formatLabel, minorOf } from 'c/collectionsActionUtils';

/**
 * Calendar days from today to the default target resolution date, per routed team. Billing fixes
 * its own errors (duplicate billing, tax, a credit not applied) in the ERP within a week; Sales
 * Operations and Credit check orders, prices and credit decisions against records, which takes
 * longer; Sales must go back to the customer (service issues, goods not received, contract terms).
 * Each stays inside the default timeline's gaps, so a dispute handled on time is settled before the
 * account could reach the suspension warning (+45 days). The collector can change the date.
 */
export const TARGET_DAYS_BY_TEAM = Object.freeze({ Billing: 5, Credit: 10, Sales_Operations: 10, Sales: 15 });
export const DEFAULT_TARGET_DAYS = 10;

export function targetDaysFor(team) {
  return TARGET_DAYS_BY_TEAM[team] ?? DEFAULT_TARGET_DAYS;
}

export function defaultTarget(team, today) {
  return addDays(today, targetDaysFor(team));
}

/**
 * One editable line per invoice. The amount starts at the part of the open balance not yet under
 * another open dispute (the whole open balance when nothing is disputed), as a decimal string.
 */
export function initialLines(invoices) {
  return invoices.map((invoice) => {
    const open = minorOf(invoice.openBalance, invoice.currency);
    const free = open - minorOf(invoice.disputedAmount, invoice.currency);
    return {
      id: invoice.id,
      number: invoice.number,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      openBalance: invoice.openBalance,
      amount: fromMinorUnits(free > 0n ? free : open, invoice.currency),
      state: 'pending',
      error: null,
    };
  });
}

function lineError(line, labels) {
  const minor = toMinorUnits(line.amount, line.currency);
  const open = minorOf(line.openBalance, line.currency);
  if (minor === null) return formatLabel(labels.amountFormat, line.currency, currencyDigits(line.currency));
  if (minor <= 0n) return labels.amountPositive;
  if (minor > open) return formatLabel(labels.amountTooHigh, line.number, formatAmount(open, line.currency));
  return null;
}

/** Messages keyed by field (reason, team, target) and by `line-<invoice id>`; empty when valid. */
export function validateDispute(form, lines, today, labels) {
  const errors = {};
  for (const line of lines.filter((candidate) => candidate.state !== 'added')) {
    const message = lineError(line, labels);
    if (message) errors[`line-${line.id}`] = `${line.number}: ${message}`;
  }
  if (!form.reason) errors.reason = labels.reasonRequired;
  if (!form.team) errors.team = labels.teamRequired;
  if (!form.target) errors.target = labels.targetRequired;
  else if (daysBetween(today, form.target) < 0) errors.target = labels.targetPast;
  return errors;
}

export function disputeInput({ accountId, caseId, currency, form, today }) {
  const fields = {
    [ACCOUNT.fieldApiName]: accountId,
    [CURRENCY.fieldApiName]: currency,
    [REASON.fieldApiName]: form.reason,
    [TEAM.fieldApiName]: form.team,
    [STATUS.fieldApiName]: 'Open',
    [OPENED.fieldApiName]: today,
    [TARGET.fieldApiName]: form.target,
  };
  if (caseId) fields[CASE.fieldApiName] = caseId;
  if (form.description?.trim()) fields[DESCRIPTION.fieldApiName] = form.description.trim();
  return { apiName: DISPUTE_OBJECT.objectApiName, fields };
}

/**
 * A dispute line. No CurrencyIsoCode: a detail record of a master-detail relationship takes its
 * master's currency (the dispute's, which is the selection's), as the plan builder's installments
 * do.
 */
export function lineInput(disputeId, line) {
  return {
    apiName: LINE_OBJECT.objectApiName,
    fields: {
      [LINE_DISPUTE.fieldApiName]: disputeId,
      [LINE_INVOICE.fieldApiName]: line.id,
      [LINE_AMOUNT.fieldApiName]: fromMinorUnits(toMinorUnits(line.amount, line.currency), line.currency),
    },
  };
}

/** The lines as the table shows them. */
export function lineRows(lines, labels) {
  return lines.map((line) => {
    const done = line.state === 'added';
    return {
      ...line,
      dueDateText: formatDate(line.dueDate),
      openText: formatAmount(line.openBalance, line.currency),
      inputLabel: formatLabel(labels.amount, line.number),
      done,
      message: done ? labels.lineAdded : line.error && formatLabel(labels.lineError, line.error),
    };
  });
}

/** The total of the amounts typed so far (those that parse), as minor units of the currency. */
export function disputedTotal(lines) {
  return lines
    .map((line) => toMinorUnits(line.amount, line.currency))
    .reduce((sum, value) => (value === null ? sum : sum + value), 0n);
}

/** The lines after an attempt: `results` are Promise.allSettled results for `pending`, in order. */
export function settleLines(lines, pending, results) {
  const outcome = new Map(pending.map((line, index) => [line.id, results[index]]));
  return lines.map((line) => {
    const result = outcome.get(line.id);
    if (!result) return line;
    return result.status === 'fulfilled'
      ? { ...line, state: 'added', error: null }
      : { ...line, state: 'failed', error: errorMessage(result.reason) };
  });
}

/** The meta fields the picklists come from. */
export const PICKLIST_FIELDS = Object.freeze({ reason: REASON, team: TEAM, object: DISPUTE_OBJECT });
