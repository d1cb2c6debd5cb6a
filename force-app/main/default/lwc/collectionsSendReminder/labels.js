/** Every word the reminder action shows, from custom labels (labels/Collections_Actions.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Actions_Reminder_Title';
import RECIPIENT from '@salesforce/label/c.Collections_Actions_Reminder_Recipient';
import LANGUAGE from '@salesforce/label/c.Collections_Actions_Reminder_Language';
import KIND from '@salesforce/label/c.Collections_Actions_Reminder_Kind';
import KIND_COURTESY from '@salesforce/label/c.Collections_Actions_Reminder_Kind_Courtesy';
import KIND_LEVEL from '@salesforce/label/c.Collections_Actions_Reminder_Kind_Level';
import KIND_EXTRA from '@salesforce/label/c.Collections_Actions_Reminder_Kind_Extra';
import ASKED from '@salesforce/label/c.Collections_Actions_Reminder_Asked';
import NET_DUE from '@salesforce/label/c.Collections_Actions_Reminder_Net_Due';
import ENCLOSURES from '@salesforce/label/c.Collections_Actions_Reminder_Enclosures';
import NO_EMAIL from '@salesforce/label/c.Collections_Actions_Reminder_No_Email';
import CONFIRM from '@salesforce/label/c.Collections_Actions_Reminder_Confirm';
import DONE_TITLE from '@salesforce/label/c.Collections_Actions_Reminder_Done_Title';
import DONE_MESSAGE from '@salesforce/label/c.Collections_Actions_Reminder_Done_Message';
import REASON from '@salesforce/label/c.Collections_Actions_Reminder_Reason';
import LOADING from '@salesforce/label/c.Collections_Actions_Loading';
import CANCEL from '@salesforce/label/c.Collections_Actions_Cancel';
import ONE_CURRENCY from '@salesforce/label/c.Collections_Actions_One_Currency';
import COL_INVOICE from '@salesforce/label/c.Collections_Actions_Col_Invoice';
import COL_DUE_DATE from '@salesforce/label/c.Collections_Actions_Col_Due_Date';
import COL_OPEN_BALANCE from '@salesforce/label/c.Collections_Actions_Col_Open_Balance';

export const labels = Object.freeze({
  title: TITLE,
  recipient: RECIPIENT,
  language: LANGUAGE,
  kind: KIND,
  kindCourtesy: KIND_COURTESY,
  kindLevel: KIND_LEVEL,
  kindExtra: KIND_EXTRA,
  asked: ASKED,
  netDue: NET_DUE,
  enclosures: ENCLOSURES,
  noEmail: NO_EMAIL,
  confirm: CONFIRM,
  doneTitle: DONE_TITLE,
  doneMessage: DONE_MESSAGE,
  reason: REASON,
  loading: LOADING,
  cancel: CANCEL,
  oneCurrency: ONE_CURRENCY,
  colInvoice: COL_INVOICE,
  colDueDate: COL_DUE_DATE,
  colOpenBalance: COL_OPEN_BALANCE,
});
