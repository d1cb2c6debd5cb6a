/** Every word the log call action shows, from custom labels (labels/Collections_Actions.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Actions_Call_Title';
import OUTCOME from '@salesforce/label/c.Collections_Actions_Call_Outcome';
import OUTCOME_PROMISE from '@salesforce/label/c.Collections_Actions_Call_Outcome_Promise';
import OUTCOME_DISPUTE from '@salesforce/label/c.Collections_Actions_Call_Outcome_Dispute';
import OUTCOME_CALL_BACK from '@salesforce/label/c.Collections_Actions_Call_Outcome_Call_Back';
import OUTCOME_REFUSED from '@salesforce/label/c.Collections_Actions_Call_Outcome_Refused';
import OUTCOME_VOICEMAIL from '@salesforce/label/c.Collections_Actions_Call_Outcome_Voicemail';
import OUTCOME_NO_ANSWER from '@salesforce/label/c.Collections_Actions_Call_Outcome_No_Answer';
import OUTCOME_WRONG_NUMBER from '@salesforce/label/c.Collections_Actions_Call_Outcome_Wrong_Number';
import NOTES from '@salesforce/label/c.Collections_Actions_Call_Notes';
import ADD_PROMISE from '@salesforce/label/c.Collections_Actions_Call_Add_Promise';
import PROMISE_AMOUNT from '@salesforce/label/c.Collections_Actions_Call_Promise_Amount';
import PROMISE_AMOUNT_HELP from '@salesforce/label/c.Collections_Actions_Call_Promise_Amount_Help';
import PROMISE_DATE from '@salesforce/label/c.Collections_Actions_Call_Promise_Date';
import PROMISE_DATE_HELP from '@salesforce/label/c.Collections_Actions_Call_Promise_Date_Help';
import PROMISE_ONE_CURRENCY from '@salesforce/label/c.Collections_Actions_Call_Promise_One_Currency';
import OUTCOME_REQUIRED from '@salesforce/label/c.Collections_Actions_Call_Outcome_Required';
import AMOUNT_TOO_HIGH from '@salesforce/label/c.Collections_Actions_Call_Amount_Too_High';
import DATE_REQUIRED from '@salesforce/label/c.Collections_Actions_Call_Date_Required';
import DATE_PAST from '@salesforce/label/c.Collections_Actions_Call_Date_Past';
import DATE_TOO_FAR from '@salesforce/label/c.Collections_Actions_Call_Date_Too_Far';
import SAVE from '@salesforce/label/c.Collections_Actions_Call_Save';
import SUBJECT from '@salesforce/label/c.Collections_Actions_Call_Subject';
import INVOICES_LINE from '@salesforce/label/c.Collections_Actions_Call_Invoices_Line';
import DONE_TITLE from '@salesforce/label/c.Collections_Actions_Call_Done_Title';
import DONE_MESSAGE from '@salesforce/label/c.Collections_Actions_Call_Done_Message';
import DONE_WITH_PROMISE from '@salesforce/label/c.Collections_Actions_Call_Done_With_Promise';
import PROMISE_FAILED from '@salesforce/label/c.Collections_Actions_Call_Promise_Failed';
import SAVE_PROMISE from '@salesforce/label/c.Collections_Actions_Call_Save_Promise';
import AMOUNT_FORMAT from '@salesforce/label/c.Collections_Actions_Amount_Format';
import AMOUNT_POSITIVE from '@salesforce/label/c.Collections_Actions_Amount_Positive';
import ERRORS_HEADING from '@salesforce/label/c.Collections_Actions_Errors_Heading';
import CANCEL from '@salesforce/label/c.Collections_Actions_Cancel';

export const labels = Object.freeze({
  title: TITLE,
  outcome: OUTCOME,
  notes: NOTES,
  addPromise: ADD_PROMISE,
  promiseAmount: PROMISE_AMOUNT,
  promiseAmountHelp: PROMISE_AMOUNT_HELP,
  promiseDate: PROMISE_DATE,
  promiseDateHelp: PROMISE_DATE_HELP,
  promiseOneCurrency: PROMISE_ONE_CURRENCY,
  outcomeRequired: OUTCOME_REQUIRED,
  amountTooHigh: AMOUNT_TOO_HIGH,
  dateRequired: DATE_REQUIRED,
  datePast: DATE_PAST,
  dateTooFar: DATE_TOO_FAR,
  save: SAVE,
  subject: SUBJECT,
  invoicesLine: INVOICES_LINE,
  doneTitle: DONE_TITLE,
  doneMessage: DONE_MESSAGE,
  doneWithPromise: DONE_WITH_PROMISE,
  promiseFailed: PROMISE_FAILED,
  savePromise: SAVE_PROMISE,
  amountFormat: AMOUNT_FORMAT,
  amountPositive: AMOUNT_POSITIVE,
  errorsHeading: ERRORS_HEADING,
  cancel: CANCEL,
});

/**
 * The call outcomes a collector chooses from. The value is stored in Task.CallDisposition (the
 * standard "Call Result" field) so reports can group on it in every language; the label goes into
 * the Subject so the activity timeline reads in words.
 */
export const OUTCOMES = Object.freeze([
  { value: 'Promise_To_Pay', label: OUTCOME_PROMISE },
  { value: 'Dispute_Raised', label: OUTCOME_DISPUTE },
  { value: 'Call_Back', label: OUTCOME_CALL_BACK },
  { value: 'Refused_To_Pay', label: OUTCOME_REFUSED },
  { value: 'Left_Voicemail', label: OUTCOME_VOICEMAIL },
  { value: 'No_Answer', label: OUTCOME_NO_ANSWER },
  { value: 'Wrong_Number', label: OUTCOME_WRONG_NUMBER },
]);
