/** Every word the open invoices table shows, from custom labels (labels/Collections_Invoices.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Invoices_Title';
import LOADING from '@salesforce/label/c.Collections_Invoices_Loading';
import EMPTY from '@salesforce/label/c.Collections_Invoices_Empty';
import LOAD_MORE from '@salesforce/label/c.Collections_Invoices_Load_More';
import SHOWN from '@salesforce/label/c.Collections_Invoices_Shown';
import SHOWN_ALL from '@salesforce/label/c.Collections_Invoices_Shown_All';
import DISPUTED_MARKER from '@salesforce/label/c.Collections_Invoices_Disputed_Marker';
import PROMISE_MARKER from '@salesforce/label/c.Collections_Invoices_Promise_Marker';
import COL_NUMBER from '@salesforce/label/c.Collections_Invoices_Col_Number';
import COL_INVOICE_DATE from '@salesforce/label/c.Collections_Invoices_Col_Invoice_Date';
import COL_DUE_DATE from '@salesforce/label/c.Collections_Invoices_Col_Due_Date';
import COL_DAYS_PAST_DUE from '@salesforce/label/c.Collections_Invoices_Col_Days_Past_Due';
import COL_AMOUNT from '@salesforce/label/c.Collections_Invoices_Col_Amount';
import COL_OPEN_BALANCE from '@salesforce/label/c.Collections_Invoices_Col_Open_Balance';
import COL_CURRENCY from '@salesforce/label/c.Collections_Invoices_Col_Currency';
import COL_DISPUTE from '@salesforce/label/c.Collections_Invoices_Col_Dispute';
import COL_PROMISE from '@salesforce/label/c.Collections_Invoices_Col_Promise';

export const labels = Object.freeze({
  title: TITLE,
  loading: LOADING,
  empty: EMPTY,
  loadMore: LOAD_MORE,
  shown: SHOWN,
  shownAll: SHOWN_ALL,
  disputedMarker: DISPUTED_MARKER,
  promiseMarker: PROMISE_MARKER,
  colNumber: COL_NUMBER,
  colInvoiceDate: COL_INVOICE_DATE,
  colDueDate: COL_DUE_DATE,
  colDaysPastDue: COL_DAYS_PAST_DUE,
  colAmount: COL_AMOUNT,
  colOpenBalance: COL_OPEN_BALANCE,
  colCurrency: COL_CURRENCY,
  colDispute: COL_DISPUTE,
  colPromise: COL_PROMISE,
});
