/** Every word the resolve form shows, from custom labels (labels/Collections_Disputes.labels-meta.xml). */
import RESOLVE_TITLE from '@salesforce/label/c.Collections_Disputes_Resolve_Title';
import RESOLUTION from '@salesforce/label/c.Collections_Disputes_Resolution';
import RESOLUTION_PLACEHOLDER from '@salesforce/label/c.Collections_Disputes_Resolution_Placeholder';
import CREDIT_MEMO from '@salesforce/label/c.Collections_Disputes_Credit_Memo';
import NOTES from '@salesforce/label/c.Collections_Disputes_Notes';
import SAVE from '@salesforce/label/c.Collections_Disputes_Save';
import CANCEL from '@salesforce/label/c.Collections_Disputes_Cancel';
import SAVING from '@salesforce/label/c.Collections_Disputes_Saving';
import RESOLUTION_REQUIRED from '@salesforce/label/c.Collections_Disputes_Resolution_Required';
import CREDIT_MEMO_REQUIRED from '@salesforce/label/c.Collections_Disputes_Credit_Memo_Required';
import FIX_FIELDS from '@salesforce/label/c.Collections_Disputes_Fix_Fields';
import RESOLVED_TOAST from '@salesforce/label/c.Collections_Disputes_Resolved_Toast';

export const labels = Object.freeze({
  resolveTitle: RESOLVE_TITLE,
  resolution: RESOLUTION,
  resolutionPlaceholder: RESOLUTION_PLACEHOLDER,
  creditMemo: CREDIT_MEMO,
  notes: NOTES,
  save: SAVE,
  cancel: CANCEL,
  saving: SAVING,
  resolutionRequired: RESOLUTION_REQUIRED,
  creditMemoRequired: CREDIT_MEMO_REQUIRED,
  fixFields: FIX_FIELDS,
  resolvedToast: RESOLVED_TOAST,
});
