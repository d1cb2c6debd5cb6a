/**
 * The collector's worklist on the app's home page: my open cases ranked by priority, with filters,
 * beside the promises to pay due today and the recently broken ones. "Today" is computed once,
 * here, in the user's time zone, and passed down to the lists.
 */
import { LightningElement } from 'lwc';
import USER_ID from '@salesforce/user/Id';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import { todayIn } from 'c/collectionsFormat';
import { PROMISE_KINDS } from 'c/collectionsWorklistQueries';
import TITLE from '@salesforce/label/c.Collections_Worklist_Title';

const labels = Object.freeze({ TITLE });

export default class CollectionsWorklist extends LightningElement {
  labels = labels;
  userId = USER_ID;
  today = todayIn(TIME_ZONE, Date.now());
  dueToday = PROMISE_KINDS.DUE_TODAY;
  broken = PROMISE_KINDS.BROKEN;
}
