/**
 * Turns the totals and the GraphQL answer into what the template shows: formatted amounts in each
 * currency's own format and sentences from the labels passed in.
 */
import { AGING_BUCKETS } from 'c/collectionsRules';
import { formatAmount, formatDate } from 'c/collectionsFormat';
import { fillIn, lastContact, nextSteps } from './agingModel';

/** Column headers in order: the five buckets, then overdue and total open. */
export function columnsOf(labels) {
  const bucketLabels = [
    labels.bucketCurrent,
    labels.bucket1To30,
    labels.bucket31To60,
    labels.bucket61To90,
    labels.bucketOver90,
  ];
  return [
    ...AGING_BUCKETS.map((bucket, index) => ({ key: bucket, label: bucketLabels[index] })),
    { key: 'overdue', label: labels.overdue },
    { key: 'open', label: labels.totalOpen },
  ];
}

/** One table row per currency; each cell's data-id is `<currency>-<column>`, e.g. `USD-31-60`. */
export function rowsOf(totals) {
  return totals.map((total) => {
    const amounts = [...AGING_BUCKETS.map((bucket) => [bucket, total.buckets[bucket]]), ['overdue', total.overdue]];
    amounts.push(['open', total.open]);
    return {
      currency: total.currency,
      dataId: `row-${total.currency}`,
      cells: amounts.map(([key, minor]) => ({
        key,
        dataId: `${total.currency}-${key}`,
        text: formatAmount(minor, total.currency),
      })),
    };
  });
}

function nodesOf(connection) {
  return (connection?.edges ?? []).map((edge) => edge.node);
}

/** Status, last contact and next steps as sentences. */
export function factsOf(query, { today, timeZone, caseId }, labels) {
  const account = nodesOf(query.Account)[0];
  const status = account?.Collections_Status__c;
  const contact = lastContact(nodesOf(query.Task)[0], nodesOf(query.Dunning_Notice__c)[0], today, timeZone);
  let lastContactText = labels.noContact;
  if (contact) {
    const template = contact.kind === 'call' ? labels.contactCall : labels.contactNotice;
    lastContactText = fillIn(template, contact.days, formatDate(contact.date));
  }
  return {
    statusText: status?.displayValue ?? status?.value ?? labels.noStatus,
    lastContactText,
    nextSteps: nextSteps(nodesOf(query.Collection_Case__c), caseId).map((step) => ({
      key: step.id,
      text: step.date
        ? fillIn(labels.nextStepDated, step.action, formatDate(step.date), step.currency)
        : fillIn(labels.nextStepUndated, step.action, step.currency),
    })),
  };
}
