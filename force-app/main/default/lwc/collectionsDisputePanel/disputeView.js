/**
 * What the panel shows for one Dispute__c node from GraphQL: its age, where it stands against its
 * target date (past target is highlighted), the disputed amount in the dispute's currency and the
 * invoices it covers. Dates are calendar dates compared as day numbers; "today" comes from the panel.
 */
import { dayOf, formatAmount, formatDate, formatLabel } from 'c/collectionsFormat';

/** Dispute__c.Status__c values that count as open (as for the batch and the Open list view). */
export const OPEN_STATUSES = Object.freeze(['Open', 'In_Review']);

/** Fills {0}, {1}... in a label with the values given. */
export const fillIn = formatLabel;

function targetOf(target, isOpen, today, labels) {
  if (!target) return { text: labels.noTarget, pastTarget: false };
  const dateText = formatDate(target);
  const daysLeft = dayOf(target) - dayOf(today);
  if (!isOpen) return { text: dateText, pastTarget: false };
  if (daysLeft < 0) return { text: fillIn(labels.pastTarget, dateText, -daysLeft), pastTarget: true };
  if (daysLeft === 0) return { text: fillIn(labels.dueToday, dateText), pastTarget: false };
  return { text: fillIn(labels.daysLeft, dateText, daysLeft), pastTarget: false };
}

function picklistText(field, fallback = '') {
  return field?.displayValue ?? field?.value ?? fallback;
}

export function disputeViewOf(node, today, labels) {
  const currency = node.CurrencyIsoCode?.value;
  const isOpen = OPEN_STATUSES.includes(node.Status__c?.value);
  const opened = node.Opened_Date__c?.value ?? null;
  const resolved = node.Resolved_Date__c?.value ?? null;
  const target = targetOf(node.Target_Resolution_Date__c?.value, isOpen, today, labels);
  // An open dispute ages until today; a closed one stopped ageing the day it was resolved.
  const ageEnd = isOpen ? today : (resolved ?? today);
  const age = opened ? Math.max(0, dayOf(ageEnd) - dayOf(opened)) : null;
  const lines = (node.Dispute_Invoices__r?.edges ?? []).map((edge) => edge.node);
  return {
    id: node.Id,
    name: node.Name?.value ?? '',
    isOpen,
    pastTarget: target.pastTarget,
    boxClass: `slds-box slds-box_small slds-m-bottom_small${target.pastTarget ? ' past-target' : ''}`,
    targetClass: target.pastTarget ? 'slds-text-color_error' : '',
    statusText: picklistText(node.Status__c),
    teamText: picklistText(node.Routed_Team__c, labels.notRouted),
    reasonText: picklistText(node.Reason_Code__c),
    amountText: formatAmount(node.Disputed_Amount__c?.value, currency),
    openedText: formatDate(opened),
    ageText: age === null ? '' : fillIn(labels.ageDays, age),
    targetText: target.text,
    invoices: lines.map((line) => ({
      id: line.Id,
      text: fillIn(
        labels.invoiceLine,
        line.Invoice__r?.Name?.value ?? '',
        formatAmount(line.Disputed_Amount__c?.value, line.CurrencyIsoCode?.value ?? currency),
      ),
    })),
    hasInvoices: lines.length > 0,
    resolutionText: picklistText(node.Resolution__c),
    creditMemo: node.Credit_Memo_Number__c?.value ?? '',
    resolvedText: resolved ? fillIn(labels.resolvedOn, formatDate(resolved)) : '',
    history: {
      id: node.Id,
      openedDate: opened,
      targetDate: node.Target_Resolution_Date__c?.value ?? null,
      resolvedDate: resolved,
    },
    form: { id: node.Id, name: node.Name?.value ?? '' },
  };
}
