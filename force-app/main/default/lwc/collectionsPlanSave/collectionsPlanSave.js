/**
 * Saves a proposed payment plan as a Draft with Lightning Data Service: the Payment_Plan__c, then
 * one Payment_Plan_Installment__c per row, then Invoice__c.Payment_Plan__c on every covered invoice.
 * A before-save flow fills Corporate_Amount__c and Required_Approval_Level__c from the approval
 * matrix (custom metadata, which UI API and so LDS and GraphQL cannot read:
 * https://developer.salesforce.com/docs/platform/graphql/guide/query-limits.html "You can query
 * only objects that User Interface API supports"; UI API supports custom and external objects and
 * listed standard objects, https://developer.salesforce.com/docs/atlas.en-us.uiapi.meta/uiapi/ui_api_get_started_supported_objects.htm).
 */
import { createRecord, deleteRecord, notifyRecordUpdateAvailable, updateRecord } from 'lightning/uiRecordApi';
import { fromMinorUnits } from 'c/collectionsFormat';
import PLAN_OBJECT from '@salesforce/schema/Payment_Plan__c';
import PLAN_ACCOUNT from '@salesforce/schema/Payment_Plan__c.Account__c';
import PLAN_CASE from '@salesforce/schema/Payment_Plan__c.Collection_Case__c';
import PLAN_CURRENCY from '@salesforce/schema/Payment_Plan__c.CurrencyIsoCode';
import PLAN_TOTAL from '@salesforce/schema/Payment_Plan__c.Total_Amount__c';
import PLAN_FREQUENCY from '@salesforce/schema/Payment_Plan__c.Frequency__c';
import PLAN_FIRST_DATE from '@salesforce/schema/Payment_Plan__c.First_Installment_Date__c';
import PLAN_COUNT from '@salesforce/schema/Payment_Plan__c.Number_Of_Installments__c';
import PLAN_REASON from '@salesforce/schema/Payment_Plan__c.Reason__c';
import PLAN_STATUS from '@salesforce/schema/Payment_Plan__c.Status__c';
import INSTALLMENT_OBJECT from '@salesforce/schema/Payment_Plan_Installment__c';
import INSTALLMENT_PLAN from '@salesforce/schema/Payment_Plan_Installment__c.Payment_Plan__c';
import INSTALLMENT_NUMBER from '@salesforce/schema/Payment_Plan_Installment__c.Installment_Number__c';
import INSTALLMENT_DUE_DATE from '@salesforce/schema/Payment_Plan_Installment__c.Due_Date__c';
import INSTALLMENT_AMOUNT from '@salesforce/schema/Payment_Plan_Installment__c.Amount__c';
import INVOICE_PLAN from '@salesforce/schema/Invoice__c.Payment_Plan__c';

export const DRAFT = 'Draft';
export const PENDING_APPROVAL = 'Pending_Approval';

/** Writes in flight at once: enough to be quick, few enough not to flood the org with a long plan. */
const PARALLEL_WRITES = 10;

/**
 * The plan could not be saved whole. `plan` (`{ id, name }`) is set only when a half-saved plan is
 * still in the org because removing it failed too.
 */
export class PlanSaveError extends Error {
  constructor(cause, plan) {
    super('The payment plan was not saved');
    this.cause = cause;
    this.plan = plan;
  }
}

export function planRecordInput(plan) {
  const fields = {
    [PLAN_ACCOUNT.fieldApiName]: plan.accountId,
    [PLAN_CURRENCY.fieldApiName]: plan.currencyCode,
    [PLAN_TOTAL.fieldApiName]: fromMinorUnits(plan.totalMinor, plan.currencyCode),
    [PLAN_FREQUENCY.fieldApiName]: plan.frequency,
    [PLAN_FIRST_DATE.fieldApiName]: plan.firstDate,
    [PLAN_COUNT.fieldApiName]: plan.rows.length,
    [PLAN_REASON.fieldApiName]: plan.reason,
    [PLAN_STATUS.fieldApiName]: DRAFT,
  };
  if (plan.caseId) fields[PLAN_CASE.fieldApiName] = plan.caseId;
  return { apiName: PLAN_OBJECT.objectApiName, fields };
}

export function installmentRecordInput(planId, row, currencyCode) {
  // No CurrencyIsoCode: a master-detail child takes its plan's currency.
  return {
    apiName: INSTALLMENT_OBJECT.objectApiName,
    fields: {
      [INSTALLMENT_PLAN.fieldApiName]: planId,
      [INSTALLMENT_NUMBER.fieldApiName]: row.number,
      [INSTALLMENT_DUE_DATE.fieldApiName]: row.dueDate,
      [INSTALLMENT_AMOUNT.fieldApiName]: fromMinorUnits(row.amountMinor, currencyCode),
    },
  };
}

export function invoiceRecordInput(invoiceId, planId) {
  return { fields: { Id: invoiceId, [INVOICE_PLAN.fieldApiName]: planId } };
}

export function submitRecordInput(planId) {
  return { fields: { Id: planId, [PLAN_STATUS.fieldApiName]: PENDING_APPROVAL } };
}

/** Runs the writes a few at a time; waits for each batch to settle, then throws its first error. */
async function writeAll(inputs, write) {
  for (let start = 0; start < inputs.length; start += PARALLEL_WRITES) {
    // eslint-disable-next-line no-await-in-loop
    const results = await Promise.allSettled(inputs.slice(start, start + PARALLEL_WRITES).map((input) => write(input)));
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

/**
 * Saves the plan (`{ accountId, caseId, currencyCode, totalMinor, frequency, firstDate, reason,
 * rows, invoiceIds }`) and resolves to the new plan's Id. Throws PlanSaveError if anything failed.
 *
 * Partial failure: LDS has no transaction across records, so if an installment or an invoice link
 * fails after the plan was created, the plan is deleted. The master-detail deletes the installments
 * already created and the invoices' lookup is set null on delete, so the org is back where it was,
 * while the component keeps everything the collector typed and pressing Save again redoes it all.
 * Retrying only the failed writes was rejected: most failures here (a validation rule, a locked
 * invoice, missing access) fail again on retry, and a collector who gives up would leave a Draft
 * with missing installments that the approval matrix would still price and route. If the delete
 * fails too, PlanSaveError carries the plan so the component says which one to remove.
 */
export async function saveDraftPlan(plan) {
  let created;
  try {
    created = await createRecord(planRecordInput(plan));
    const planId = created.id;
    await writeAll(
      plan.rows.map((row) => installmentRecordInput(planId, row, plan.currencyCode)),
      createRecord,
    );
    await writeAll(
      plan.invoiceIds.map((invoiceId) => invoiceRecordInput(invoiceId, planId)),
      updateRecord,
    );
    return planId;
  } catch (error) {
    if (!created) throw new PlanSaveError(error, null);
    try {
      await deleteRecord(created.id);
    } catch {
      throw new PlanSaveError(error, { id: created.id, name: created.fields?.Name?.value ?? created.id });
    }
    try {
      // The invoices linked before the failure were cleared by the delete: let LDS reload them.
      await notifyRecordUpdateAvailable(plan.invoiceIds.map((recordId) => ({ recordId })));
    } catch {
      // A refresh that fails changes nothing in the org: it must not hide the error that matters.
    }
    throw new PlanSaveError(error, null);
  }
}
