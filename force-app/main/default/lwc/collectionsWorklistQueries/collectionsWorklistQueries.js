/**
 * The worklist's GraphQL variables and its ranking, as pure functions so the tests can check them
 * with literal objects. Filters are sent as a whole `where` input object (Collection_Case__c_Filter,
 * Promise_To_Pay__c_Filter), so a filter the collector leaves empty is left out of the query
 * instead of becoming `eq: null`, which would match only blank values.
 * Filter and orderBy shapes: https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html
 *
 * "My cases" are the open cases the collector owns (OwnerId). Collection_Case__c is Private: the
 * owner is who the org lets see and work a case, and the batch sets the owner from the account's
 * Collector__c. Filtering on Account.Collector__c instead would show a newly assigned collector
 * nothing during a hand-over (the org hides cases they do not own yet) and a manager none of the
 * cases of their team.
 */
import OWNER_FIELD from '@salesforce/schema/Collection_Case__c.OwnerId';
import CASE_STATUS_FIELD from '@salesforce/schema/Collection_Case__c.Status__c';
import CASE_CURRENCY_FIELD from '@salesforce/schema/Collection_Case__c.CurrencyIsoCode';
import SCORE_FIELD from '@salesforce/schema/Collection_Case__c.Priority_Score__c';
import NEXT_DATE_FIELD from '@salesforce/schema/Collection_Case__c.Next_Action_Date__c';
import PROMISE_STATUS_FIELD from '@salesforce/schema/Promise_To_Pay__c.Status__c';
import PROMISED_DATE_FIELD from '@salesforce/schema/Promise_To_Pay__c.Promised_Date__c';
import PROMISE_NAME_FIELD from '@salesforce/schema/Promise_To_Pay__c.Name';
import PROMISE_CASE_FIELD from '@salesforce/schema/Promise_To_Pay__c.Collection_Case__c';
import PROMISE_ACCOUNT_FIELD from '@salesforce/schema/Promise_To_Pay__c.Account__c';
import COLLECTOR_FIELD from '@salesforce/schema/Account.Collector__c';

export const CASE_CLOSED = 'Closed';
export const PROMISE_OPEN = 'Open';
export const PROMISE_BROKEN = 'Broken';
export const PAGE_SIZE = 50;
export const PROMISE_LIST_SIZE = 10;
export const DATE_MODES = Object.freeze({ ANY: 'any', DUE_BY: 'dueBy', RANGE: 'range' });
export const PROMISE_KINDS = Object.freeze({ DUE_TODAY: 'dueToday', BROKEN: 'broken' });

/** Account__c -> Account__r: the relationship a lookup's filter goes through. */
function relationshipOf(field) {
  return field.fieldApiName.replace(/__c$/, '__r');
}

/** The conditions on the next action date for the date filter, or none when it is incomplete. */
function dateConditions({ dateMode, fromDate, toDate }) {
  const field = NEXT_DATE_FIELD.fieldApiName;
  if (dateMode === DATE_MODES.DUE_BY && toDate) return [{ [field]: { lte: { value: toDate } } }];
  if (dateMode === DATE_MODES.RANGE && fromDate && toDate) {
    return [{ [field]: { gte: { value: fromDate } } }, { [field]: { lte: { value: toDate } } }];
  }
  return [];
}

/** Variables of the cases query: my open cases, the filters that are set, highest score first. */
export function caseVariables(userId, filters = {}, first = PAGE_SIZE) {
  const status = CASE_STATUS_FIELD.fieldApiName;
  const conditions = [{ [OWNER_FIELD.fieldApiName]: { eq: userId } }, { [status]: { ne: CASE_CLOSED } }];
  if (filters.status) conditions.push({ [status]: { eq: filters.status } });
  if (filters.currency) conditions.push({ [CASE_CURRENCY_FIELD.fieldApiName]: { eq: filters.currency } });
  conditions.push(...dateConditions(filters));
  return {
    where: { and: conditions },
    orderBy: {
      [SCORE_FIELD.fieldApiName]: { order: 'DESC', nulls: 'LAST' },
      [NEXT_DATE_FIELD.fieldApiName]: { order: 'ASC', nulls: 'LAST' },
    },
    first,
  };
}

/**
 * Variables of a promise list. Mine: promises on a case I own, or on an account I collect for
 * (a promise can be logged without a case). Due today: open, promised for today in the user's time
 * zone. Broken: the most recently broken first.
 */
export function promiseVariables(kind, userId, today) {
  const mine = {
    or: [
      { [relationshipOf(PROMISE_CASE_FIELD)]: { [OWNER_FIELD.fieldApiName]: { eq: userId } } },
      { [relationshipOf(PROMISE_ACCOUNT_FIELD)]: { [COLLECTOR_FIELD.fieldApiName]: { eq: userId } } },
    ],
  };
  const status = PROMISE_STATUS_FIELD.fieldApiName;
  const date = PROMISED_DATE_FIELD.fieldApiName;
  if (kind === PROMISE_KINDS.DUE_TODAY) {
    return {
      where: { and: [mine, { [status]: { eq: PROMISE_OPEN } }, { [date]: { eq: { value: today } } }] },
      orderBy: { [PROMISE_NAME_FIELD.fieldApiName]: { order: 'ASC' } },
      first: PROMISE_LIST_SIZE,
    };
  }
  return {
    where: { and: [mine, { [status]: { eq: PROMISE_BROKEN } }] },
    orderBy: { [date]: { order: 'DESC', nulls: 'LAST' }, [PROMISE_NAME_FIELD.fieldApiName]: { order: 'DESC' } },
    first: PROMISE_LIST_SIZE,
  };
}

function byRank(a, b) {
  const scoreA = a.score ?? -Infinity;
  const scoreB = b.score ?? -Infinity;
  if (scoreA !== scoreB) return scoreB - scoreA;
  const dateA = a.nextActionDate ?? '9999-12-31';
  const dateB = b.nextActionDate ?? '9999-12-31';
  if (dateA !== dateB) return dateA < dateB ? -1 : 1;
  return (a.name ?? '').localeCompare(b.name ?? '');
}

/**
 * Cases in worklist order, whatever order they arrive in: highest priority score first (unscored
 * last), then the earliest next action, then the case number. Returns a new array.
 */
export function rankCases(cases) {
  return [...cases].sort(byRank);
}

const REASON_LINE = /^(.+?):\s*(-?\d+(?:\.\d+)?)\s*(?:\((.*)\))?\s*$/;

/**
 * The batch's Priority_Reasons__c ("amount: 32.5 (EUR 12,000.00 overdue)", one part per line) as
 * parts with their points, the biggest contribution first. A line in another shape is kept whole.
 */
export function parsePriorityReasons(text) {
  if (!text) return [];
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => {
      const match = REASON_LINE.exec(line);
      if (!match) return { index, name: line, points: null, detail: '' };
      return { index, name: match[1].trim(), points: Number(match[2]), detail: match[3] ?? '' };
    })
    .sort((a, b) => (b.points ?? -Infinity) - (a.points ?? -Infinity) || a.index - b.index);
}
