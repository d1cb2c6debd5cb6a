/**
 * My open collection cases, ranked by priority score, with the reasons for each score. The filters
 * become the GraphQL variables, so every change re-queries the org (with the user's sharing and
 * field access); "show more" asks for the next page size of the same ranking.
 */
import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import { errorMessage } from 'c/collectionsErrors';
import { caseVariables, rankCases, PAGE_SIZE } from 'c/collectionsWorklistQueries';
import TITLE from '@salesforce/label/c.Collections_Worklist_Cases_Title';
import EMPTY from '@salesforce/label/c.Collections_Worklist_Cases_Empty';
import LOADING from '@salesforce/label/c.Collections_Worklist_Loading';
import SHOW_MORE from '@salesforce/label/c.Collections_Worklist_Show_More';

const labels = Object.freeze({
  TITLE,
  EMPTY,
  LOADING,
  SHOW_MORE,
});

const CASES_QUERY = gql`
  query collectionsWorklistCases($where: Collection_Case__c_Filter, $orderBy: Collection_Case__c_OrderBy, $first: Int) {
    uiapi {
      query {
        Collection_Case__c(where: $where, orderBy: $orderBy, first: $first) {
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
              Status__c {
                value
                displayValue
              }
              CurrencyIsoCode {
                value
              }
              Total_Overdue__c {
                value
              }
              Priority_Score__c {
                value
              }
              Priority_Reasons__c {
                value
              }
              Next_Action__c {
                value
                displayValue
              }
              Next_Action_Date__c {
                value
              }
            }
          }
          pageInfo {
            hasNextPage
          }
        }
      }
    }
  }
`;

function caseOf(node) {
  return {
    id: node.Id,
    name: node.Name?.value,
    score: node.Priority_Score__c?.value ?? null,
    nextActionDate: node.Next_Action_Date__c?.value ?? null,
    node,
  };
}

export default class CollectionsWorklistCases extends LightningElement {
  /** The current user's Id: "my" cases are the open cases this user owns. */
  @api userId;
  /** Today in the user's time zone, for the "due by" filter. */
  @api today;

  labels = labels;
  filters = {};
  first = PAGE_SIZE;
  rows = [];
  hasMore = false;
  error;
  loading = true;

  @wire(graphql, { query: CASES_QUERY, variables: '$variables' })
  wiredCases({ data, errors }) {
    if (errors) {
      this.error = errorMessage(errors);
      this.loading = false;
      return;
    }
    if (!data) return;
    const connection = data.uiapi.query.Collection_Case__c;
    this.rows = rankCases(connection.edges.map(({ node }) => caseOf(node)));
    this.hasMore = connection.pageInfo?.hasNextPage === true;
    this.error = undefined;
    this.loading = false;
  }

  get variables() {
    return caseVariables(this.userId, this.filters, this.first);
  }

  get hasRows() {
    return !this.error && this.rows.length > 0;
  }

  get isEmpty() {
    return !this.loading && !this.error && this.rows.length === 0;
  }

  get showMore() {
    return this.hasRows && this.hasMore && !this.loading;
  }

  handleFilterChange(event) {
    this.filters = { ...event.detail };
    this.first = PAGE_SIZE;
    this.loading = true;
  }

  handleShowMore() {
    this.first += PAGE_SIZE;
    this.loading = true;
  }
}
