/**
 * The open invoices query and its variables. Invoices are paged by GraphQL cursor (`first` stays
 * constant, `after` is the previous page's endCursor), so an account with thousands of invoices
 * loads one page at a time; totalCount is not asked because counting every record is what slows a
 * large query. Sorting is done by the server (orderBy) and starts again from the first page, since
 * the loaded pages are only part of the list. The account's open promises come in the same request
 * for the promise marker.
 * Pagination: https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-paginate.html
 * Filter and orderBy: https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html
 * Delaying a query until its variables are known (a getter returning undefined):
 * https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-best.html
 */
import { gql } from 'lightning/graphql';
import INVOICE_ACCOUNT from '@salesforce/schema/Invoice__c.Account__c';
import INVOICE_CURRENCY from '@salesforce/schema/Invoice__c.CurrencyIsoCode';
import OPEN_BALANCE from '@salesforce/schema/Invoice__c.Open_Balance__c';
import INVOICE_NAME from '@salesforce/schema/Invoice__c.Name';
import INVOICE_KEY from '@salesforce/schema/Invoice__c.Invoice_Number__c';
import INVOICE_DATE from '@salesforce/schema/Invoice__c.Invoice_Date__c';
import DUE_DATE from '@salesforce/schema/Invoice__c.Due_Date__c';
import AMOUNT from '@salesforce/schema/Invoice__c.Amount__c';
import PROMISE_ACCOUNT from '@salesforce/schema/Promise_To_Pay__c.Account__c';
import PROMISE_STATUS from '@salesforce/schema/Promise_To_Pay__c.Status__c';
import PROMISE_CURRENCY from '@salesforce/schema/Promise_To_Pay__c.CurrencyIsoCode';

export const PAGE_SIZE = 50;
export const PROMISE_LIMIT = 50;
export const DEFAULT_SORT = Object.freeze({ key: 'dueDate', direction: 'asc' });

export const OPEN_INVOICES_QUERY = gql`
  query openInvoices(
    $where: Invoice__c_Filter
    $orderBy: Invoice__c_OrderBy
    $first: Int
    $after: String
    $promiseWhere: Promise_To_Pay__c_Filter
    $promiseFirst: Int
  ) {
    uiapi {
      query {
        Invoice__c(where: $where, orderBy: $orderBy, first: $first, after: $after) {
          edges {
            node {
              Id
              Name {
                value
              }
              Invoice_Date__c {
                value
              }
              Due_Date__c {
                value
              }
              Amount__c {
                value
              }
              Open_Balance__c {
                value
              }
              Disputed_Amount__c {
                value
              }
              CurrencyIsoCode {
                value
              }
              Collection_Case__c {
                value
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        Promise_To_Pay__c(where: $promiseWhere, first: $promiseFirst) {
          edges {
            node {
              Id
              Amount__c {
                value
              }
              Promised_Date__c {
                value
              }
              CurrencyIsoCode {
                value
              }
            }
          }
        }
      }
    }
  }
`;

/**
 * Each sortable column and the field the server sorts it by. Days past due sorts by due date in
 * the opposite direction: the same order, without sorting on a formula computed from TODAY().
 */
const SORT_FIELDS = Object.freeze({
  number: { field: INVOICE_NAME, reverse: false },
  invoiceDate: { field: INVOICE_DATE, reverse: false },
  dueDate: { field: DUE_DATE, reverse: false },
  daysPastDue: { field: DUE_DATE, reverse: true },
  amount: { field: AMOUNT, reverse: false },
  openBalance: { field: OPEN_BALANCE, reverse: false },
  currency: { field: INVOICE_CURRENCY, reverse: false },
});

/** orderBy for a sort key (see SORT_FIELDS) and a direction, 'asc' or 'desc'. */
export function orderByFor({ key, direction }) {
  const sort = SORT_FIELDS[key] ?? SORT_FIELDS[DEFAULT_SORT.key];
  const ascending = (direction === 'asc') !== sort.reverse;
  const orderBy = { [sort.field.fieldApiName]: { order: ascending ? 'ASC' : 'DESC', nulls: 'LAST' } };
  // The unique ERP number as second key keeps equal values in one order from page to page.
  orderBy[INVOICE_KEY.fieldApiName] = { order: 'ASC' };
  return orderBy;
}

/**
 * Variables for one page: the scope's open invoices (open balance not zero: credits included)
 * and the scope's open promises. `scope` is { accountId, currency } (currency only on a case page).
 */
export function invoiceVariables(scope, sort, after) {
  const invoiceConditions = [
    { [INVOICE_ACCOUNT.fieldApiName]: { eq: scope.accountId } },
    { [OPEN_BALANCE.fieldApiName]: { ne: 0 } },
  ];
  const promiseConditions = [
    { [PROMISE_ACCOUNT.fieldApiName]: { eq: scope.accountId } },
    { [PROMISE_STATUS.fieldApiName]: { eq: 'Open' } },
  ];
  if (scope.currency) {
    invoiceConditions.push({ [INVOICE_CURRENCY.fieldApiName]: { eq: scope.currency } });
    promiseConditions.push({ [PROMISE_CURRENCY.fieldApiName]: { eq: scope.currency } });
  }
  return {
    where: { and: invoiceConditions },
    orderBy: orderByFor(sort),
    first: PAGE_SIZE,
    after: after ?? null,
    promiseWhere: { and: promiseConditions },
    promiseFirst: PROMISE_LIMIT,
  };
}
