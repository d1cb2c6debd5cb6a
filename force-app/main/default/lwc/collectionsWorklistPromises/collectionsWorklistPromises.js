/**
 * One of the worklist's promise lists: promises to pay due today (open, promised for today in the
 * user's time zone) or recently broken promises, for the cases and accounts of the current user.
 * Each amount is shown in its own record's currency; amounts are never added up.
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import PROMISE_OBJECT from '@salesforce/schema/Promise_To_Pay__c';
import { errorMessage } from 'c/collectionsErrors';
import { formatAmount, formatDate } from 'c/collectionsFormat';
import { promiseVariables, PROMISE_KINDS } from 'c/collectionsWorklistQueries';
import DUE_TITLE from '@salesforce/label/c.Collections_Worklist_Promises_Due_Title';
import DUE_EMPTY from '@salesforce/label/c.Collections_Worklist_Promises_Due_Empty';
import BROKEN_TITLE from '@salesforce/label/c.Collections_Worklist_Promises_Broken_Title';
import BROKEN_EMPTY from '@salesforce/label/c.Collections_Worklist_Promises_Broken_Empty';
import LOADING from '@salesforce/label/c.Collections_Worklist_Loading';
import COLUMN_PROMISE from '@salesforce/label/c.Collections_Worklist_Column_Promise';
import COLUMN_ACCOUNT from '@salesforce/label/c.Collections_Worklist_Column_Account';
import COLUMN_AMOUNT from '@salesforce/label/c.Collections_Worklist_Column_Amount';
import COLUMN_PROMISED_DATE from '@salesforce/label/c.Collections_Worklist_Column_Promised_Date';
import COLUMN_RECEIVED from '@salesforce/label/c.Collections_Worklist_Column_Received';

const labels = Object.freeze({
  DUE_TITLE,
  DUE_EMPTY,
  BROKEN_TITLE,
  BROKEN_EMPTY,
  LOADING,
  COLUMN_PROMISE,
  COLUMN_ACCOUNT,
  COLUMN_AMOUNT,
  COLUMN_PROMISED_DATE,
  COLUMN_RECEIVED,
});

const PROMISES_QUERY = gql`
  query collectionsWorklistPromises(
    $where: Promise_To_Pay__c_Filter
    $orderBy: Promise_To_Pay__c_OrderBy
    $first: Int
  ) {
    uiapi {
      query {
        Promise_To_Pay__c(where: $where, orderBy: $orderBy, first: $first) {
          edges {
            node {
              Id
              Name {
                value
              }
              Account__r {
                Name {
                  value
                }
              }
              CurrencyIsoCode {
                value
              }
              Amount__c {
                value
              }
              Amount_Received__c {
                value
              }
              Promised_Date__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

function rowOf(node) {
  const currency = node.CurrencyIsoCode?.value;
  return {
    id: node.Id,
    name: node.Name?.value,
    account: node.Account__r?.Name?.value ?? '',
    amount: formatAmount(node.Amount__c?.value, currency),
    received: formatAmount(node.Amount_Received__c?.value ?? 0, currency),
    promisedDate: formatDate(node.Promised_Date__c?.value),
  };
}

export default class CollectionsWorklistPromises extends LightningElement {
  /** dueToday or broken (PROMISE_KINDS). */
  @api kind = PROMISE_KINDS.DUE_TODAY;
  @api userId;
  /** Today in the user's time zone (YYYY-MM-DD). */
  @api today;

  labels = labels;
  objectApiName = PROMISE_OBJECT.objectApiName;
  rows = [];
  error;
  loading = true;

  @wire(graphql, { query: PROMISES_QUERY, variables: '$variables' })
  wiredPromises({ data, errors }) {
    if (errors) {
      this.error = errorMessage(errors);
      this.loading = false;
      return;
    }
    if (!data) return;
    this.rows = data.uiapi.query.Promise_To_Pay__c.edges.map(({ node }) => rowOf(node));
    this.error = undefined;
    this.loading = false;
  }

  get variables() {
    return promiseVariables(this.kind, this.userId, this.today);
  }

  get isBroken() {
    return this.kind === PROMISE_KINDS.BROKEN;
  }

  get title() {
    return this.isBroken ? labels.BROKEN_TITLE : labels.DUE_TITLE;
  }

  get emptyMessage() {
    return this.isBroken ? labels.BROKEN_EMPTY : labels.DUE_EMPTY;
  }

  get hasRows() {
    return !this.error && this.rows.length > 0;
  }

  get isEmpty() {
    return !this.loading && !this.error && this.rows.length === 0;
  }
}
