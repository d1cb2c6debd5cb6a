/** Every word the dispute panel shows, from custom labels (labels/Collections_Disputes.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Disputes_Title';
import LOADING from '@salesforce/label/c.Collections_Disputes_Loading';
import NONE_OPEN from '@salesforce/label/c.Collections_Disputes_None_Open';
import NOT_FOUND from '@salesforce/label/c.Collections_Disputes_Not_Found';
import STATUS from '@salesforce/label/c.Collections_Disputes_Status';
import TEAM from '@salesforce/label/c.Collections_Disputes_Team';
import NOT_ROUTED from '@salesforce/label/c.Collections_Disputes_Not_Routed';
import REASON from '@salesforce/label/c.Collections_Disputes_Reason';
import AMOUNT from '@salesforce/label/c.Collections_Disputes_Amount';
import OPENED from '@salesforce/label/c.Collections_Disputes_Opened';
import AGE from '@salesforce/label/c.Collections_Disputes_Age';
import AGE_DAYS from '@salesforce/label/c.Collections_Disputes_Age_Days';
import TARGET from '@salesforce/label/c.Collections_Disputes_Target';
import NO_TARGET from '@salesforce/label/c.Collections_Disputes_No_Target';
import DAYS_LEFT from '@salesforce/label/c.Collections_Disputes_Days_Left';
import DUE_TODAY from '@salesforce/label/c.Collections_Disputes_Due_Today';
import PAST_TARGET from '@salesforce/label/c.Collections_Disputes_Past_Target';
import PAST_TARGET_BADGE from '@salesforce/label/c.Collections_Disputes_Past_Target_Badge';
import INVOICES from '@salesforce/label/c.Collections_Disputes_Invoices';
import NO_INVOICES from '@salesforce/label/c.Collections_Disputes_No_Invoices';
import INVOICE_LINE from '@salesforce/label/c.Collections_Disputes_Invoice_Line';
import RESOLUTION from '@salesforce/label/c.Collections_Disputes_Resolution';
import RESOLVED_ON from '@salesforce/label/c.Collections_Disputes_Resolved_On';
import CREDIT_MEMO from '@salesforce/label/c.Collections_Disputes_Credit_Memo';
import SHOW_HISTORY from '@salesforce/label/c.Collections_Disputes_Show_History';
import HIDE_HISTORY from '@salesforce/label/c.Collections_Disputes_Hide_History';
import RESOLVE from '@salesforce/label/c.Collections_Disputes_Resolve';

export const labels = Object.freeze({
  title: TITLE,
  loading: LOADING,
  noneOpen: NONE_OPEN,
  notFound: NOT_FOUND,
  status: STATUS,
  team: TEAM,
  notRouted: NOT_ROUTED,
  reason: REASON,
  amount: AMOUNT,
  opened: OPENED,
  age: AGE,
  ageDays: AGE_DAYS,
  target: TARGET,
  noTarget: NO_TARGET,
  daysLeft: DAYS_LEFT,
  dueToday: DUE_TODAY,
  pastTarget: PAST_TARGET,
  pastTargetBadge: PAST_TARGET_BADGE,
  invoices: INVOICES,
  noInvoices: NO_INVOICES,
  invoiceLine: INVOICE_LINE,
  resolution: RESOLUTION,
  resolvedOn: RESOLVED_ON,
  creditMemo: CREDIT_MEMO,
  showHistory: SHOW_HISTORY,
  hideHistory: HIDE_HISTORY,
  resolve: RESOLVE,
});
