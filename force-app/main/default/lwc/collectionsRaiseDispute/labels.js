/** Every word the raise dispute action shows, from custom labels (labels/Collections_Actions.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Actions_Dispute_Title';
import AMOUNT from '@salesforce/label/c.Collections_Actions_Dispute_Amount';
import AMOUNT_HEADER from '@salesforce/label/c.Collections_Actions_Dispute_Amount_Header';
import REASON from '@salesforce/label/c.Collections_Actions_Dispute_Reason';
import TEAM from '@salesforce/label/c.Collections_Actions_Dispute_Team';
import TARGET from '@salesforce/label/c.Collections_Actions_Dispute_Target';
import TARGET_HELP from '@salesforce/label/c.Collections_Actions_Dispute_Target_Help';
import DESCRIPTION from '@salesforce/label/c.Collections_Actions_Dispute_Description';
import AMOUNT_TOO_HIGH from '@salesforce/label/c.Collections_Actions_Dispute_Amount_Too_High';
import REASON_REQUIRED from '@salesforce/label/c.Collections_Actions_Dispute_Reason_Required';
import TEAM_REQUIRED from '@salesforce/label/c.Collections_Actions_Dispute_Team_Required';
import TARGET_REQUIRED from '@salesforce/label/c.Collections_Actions_Dispute_Target_Required';
import TARGET_PAST from '@salesforce/label/c.Collections_Actions_Dispute_Target_Past';
import SAVE from '@salesforce/label/c.Collections_Actions_Dispute_Save';
import RETRY from '@salesforce/label/c.Collections_Actions_Dispute_Retry';
import PARTIAL from '@salesforce/label/c.Collections_Actions_Dispute_Partial';
import LINE_ERROR from '@salesforce/label/c.Collections_Actions_Dispute_Line_Error';
import LINE_ADDED from '@salesforce/label/c.Collections_Actions_Dispute_Line_Added';
import DONE_TITLE from '@salesforce/label/c.Collections_Actions_Dispute_Done_Title';
import DONE_MESSAGE from '@salesforce/label/c.Collections_Actions_Dispute_Done_Message';
import TOTAL from '@salesforce/label/c.Collections_Actions_Dispute_Total';
import AMOUNT_FORMAT from '@salesforce/label/c.Collections_Actions_Amount_Format';
import AMOUNT_POSITIVE from '@salesforce/label/c.Collections_Actions_Amount_Positive';
import ERRORS_HEADING from '@salesforce/label/c.Collections_Actions_Errors_Heading';
import LOADING from '@salesforce/label/c.Collections_Actions_Loading';
import CANCEL from '@salesforce/label/c.Collections_Actions_Cancel';
import ONE_CURRENCY from '@salesforce/label/c.Collections_Actions_One_Currency';
import COL_INVOICE from '@salesforce/label/c.Collections_Actions_Col_Invoice';
import COL_DUE_DATE from '@salesforce/label/c.Collections_Actions_Col_Due_Date';
import COL_OPEN_BALANCE from '@salesforce/label/c.Collections_Actions_Col_Open_Balance';

export const labels = Object.freeze({
  title: TITLE,
  amount: AMOUNT,
  amountHeader: AMOUNT_HEADER,
  reason: REASON,
  team: TEAM,
  target: TARGET,
  targetHelp: TARGET_HELP,
  description: DESCRIPTION,
  amountTooHigh: AMOUNT_TOO_HIGH,
  reasonRequired: REASON_REQUIRED,
  teamRequired: TEAM_REQUIRED,
  targetRequired: TARGET_REQUIRED,
  targetPast: TARGET_PAST,
  save: SAVE,
  retry: RETRY,
  partial: PARTIAL,
  lineError: LINE_ERROR,
  lineAdded: LINE_ADDED,
  doneTitle: DONE_TITLE,
  doneMessage: DONE_MESSAGE,
  total: TOTAL,
  amountFormat: AMOUNT_FORMAT,
  amountPositive: AMOUNT_POSITIVE,
  errorsHeading: ERRORS_HEADING,
  loading: LOADING,
  cancel: CANCEL,
  oneCurrency: ONE_CURRENCY,
  colInvoice: COL_INVOICE,
  colDueDate: COL_DUE_DATE,
  colOpenBalance: COL_OPEN_BALANCE,
});
