/**
 * The builder's messages: what the codes from c/collectionsPlanSchedule and the errors from
 * c/collectionsPlanSave mean to a collector, in custom labels.
 */
import { errorMessage } from 'c/collectionsErrors';
import { formatLabel } from 'c/collectionsPlanSchedule';
import NO_INVOICES from '@salesforce/label/c.Collections_Plans_No_Invoices';
import MIXED_CURRENCIES from '@salesforce/label/c.Collections_Plans_Mixed_Currencies';
import BAD_BALANCE from '@salesforce/label/c.Collections_Plans_Bad_Balance';
import NOTHING_OWED from '@salesforce/label/c.Collections_Plans_Nothing_Owed';
import INCOMPLETE from '@salesforce/label/c.Collections_Plans_Incomplete';
import TOO_MANY from '@salesforce/label/c.Collections_Plans_Too_Many_Installments';
import SAVE_FAILED from '@salesforce/label/c.Collections_Plans_Save_Failed';
import CLEANUP_FAILED from '@salesforce/label/c.Collections_Plans_Cleanup_Failed';

/** Why no plan can be proposed for a selection (the result of coveredAmount); null when one can. */
export function selectionMessage(covered) {
  switch (covered.problem) {
    case undefined:
      return null;
    case 'mixedCurrencies':
      return formatLabel(MIXED_CURRENCIES, covered.currencies.join(', '));
    case 'badBalance':
      return formatLabel(BAD_BALANCE, covered.invoice.number, covered.invoice.currency);
    case 'nothingOwed':
      return NOTHING_OWED;
    default:
      return NO_INVOICES;
  }
}

/** A hint while the terms cannot make a schedule; null otherwise. */
export function scheduleHint(problems) {
  if (problems.includes('tooManyInstallments')) return TOO_MANY;
  const incomplete = ['count', 'dateMissing', 'datePast', 'frequency'].some((code) => problems.includes(code));
  return incomplete ? INCOMPLETE : null;
}

/** The sentence for a PlanSaveError: the org's words, and which plan to delete if one was left. */
export function saveErrorMessage(error) {
  const cause = errorMessage(error.cause ?? error);
  return error.plan ? `${formatLabel(CLEANUP_FAILED, error.plan.name)} ${cause}` : `${SAVE_FAILED} ${cause}`;
}
