/** Every word the aging summary shows, from custom labels (labels/Collections_Aging.labels-meta.xml). */
import TITLE from '@salesforce/label/c.Collections_Aging_Title';
import LOADING from '@salesforce/label/c.Collections_Aging_Loading';
import STATUS from '@salesforce/label/c.Collections_Aging_Status';
import NO_STATUS from '@salesforce/label/c.Collections_Aging_No_Status';
import LAST_CONTACT from '@salesforce/label/c.Collections_Aging_Last_Contact';
import CONTACT_CALL from '@salesforce/label/c.Collections_Aging_Contact_Call';
import CONTACT_NOTICE from '@salesforce/label/c.Collections_Aging_Contact_Notice';
import NO_CONTACT from '@salesforce/label/c.Collections_Aging_No_Contact';
import NEXT_STEP from '@salesforce/label/c.Collections_Aging_Next_Step';
import NEXT_STEP_DATED from '@salesforce/label/c.Collections_Aging_Next_Step_Dated';
import NEXT_STEP_UNDATED from '@salesforce/label/c.Collections_Aging_Next_Step_Undated';
import NO_NEXT_STEP from '@salesforce/label/c.Collections_Aging_No_Next_Step';
import TABLE_CAPTION from '@salesforce/label/c.Collections_Aging_Table_Caption';
import CURRENCY from '@salesforce/label/c.Collections_Aging_Currency';
import BUCKET_CURRENT from '@salesforce/label/c.Collections_Aging_Bucket_Current';
import BUCKET1_TO30 from '@salesforce/label/c.Collections_Aging_Bucket_1_30';
import BUCKET31_TO60 from '@salesforce/label/c.Collections_Aging_Bucket_31_60';
import BUCKET61_TO90 from '@salesforce/label/c.Collections_Aging_Bucket_61_90';
import BUCKET_OVER90 from '@salesforce/label/c.Collections_Aging_Bucket_Over_90';
import OVERDUE from '@salesforce/label/c.Collections_Aging_Overdue';
import TOTAL_OPEN from '@salesforce/label/c.Collections_Aging_Total_Open';
import NOTHING_OPEN from '@salesforce/label/c.Collections_Aging_Nothing_Open';
import INEXACT from '@salesforce/label/c.Collections_Aging_Inexact';

export const labels = Object.freeze({
  title: TITLE,
  loading: LOADING,
  status: STATUS,
  noStatus: NO_STATUS,
  lastContact: LAST_CONTACT,
  contactCall: CONTACT_CALL,
  contactNotice: CONTACT_NOTICE,
  noContact: NO_CONTACT,
  nextStep: NEXT_STEP,
  nextStepDated: NEXT_STEP_DATED,
  nextStepUndated: NEXT_STEP_UNDATED,
  noNextStep: NO_NEXT_STEP,
  tableCaption: TABLE_CAPTION,
  currency: CURRENCY,
  bucketCurrent: BUCKET_CURRENT,
  bucket1To30: BUCKET1_TO30,
  bucket31To60: BUCKET31_TO60,
  bucket61To90: BUCKET61_TO90,
  bucketOver90: BUCKET_OVER90,
  overdue: OVERDUE,
  totalOpen: TOTAL_OPEN,
  nothingOpen: NOTHING_OPEN,
  inexact: INEXACT,
});
