/** The one GraphQL query of the aging summary. */
import { gql } from 'lightning/graphql';

/*
 * Open invoices are read and summed here, exactly, rather than with a GraphQL aggregate: in a
 * multi-currency org an aggregate SUM() with GROUP BY returns currency amounts converted to the
 * corporate currency (https://developer.salesforce.com/docs/platform/salesforce-soql-sosl/guide/sforce-api-calls-soql-querying-currency-fields.html),
 * and Aging_Bucket__c is a formula field. A page holds at most 2000 records
 * (https://developer.salesforce.com/docs/platform/graphql/guide/graphql-wire-lwc-paginate.html), so the
 * component follows endCursor until the last page. "Open" is what the batch counts: a balance above
 * zero (credit memos' negative balances are not open receivables).
 */
export const QUERY = gql`
  query agingSummary($accountId: ID!, $after: String) {
    uiapi {
      query {
        Account(where: { Id: { eq: $accountId } }) {
          edges {
            node {
              Id
              Collections_Status__c {
                value
                displayValue
              }
            }
          }
        }
        Invoice__c(
          where: { and: [{ Account__c: { eq: $accountId } }, { Open_Balance__c: { gt: 0 } }] }
          first: 2000
          after: $after
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              CurrencyIsoCode {
                value
              }
              Open_Balance__c {
                value
              }
              Aging_Bucket__c {
                value
              }
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
        Collection_Case__c(
          where: { and: [{ Account__c: { eq: $accountId } }, { Status__c: { ne: "Closed" } }] }
          orderBy: { Next_Action_Date__c: { order: ASC, nulls: LAST } }
          first: 50
        ) {
          edges {
            node {
              Id
              CurrencyIsoCode {
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
        }
        Task(
          where: {
            and: [
              { AccountId: { eq: $accountId } }
              { IsClosed: { eq: true } }
              { or: [{ TaskSubtype: { eq: "Call" } }, { Type: { eq: "Call" } }] }
            ]
          }
          orderBy: { ActivityDate: { order: DESC, nulls: LAST } }
          first: 1
        ) {
          edges {
            node {
              Id
              ActivityDate {
                value
              }
              CreatedDate {
                value
              }
            }
          }
        }
        Dunning_Notice__c(
          where: { and: [{ Account__c: { eq: $accountId } }, { Status__c: { eq: "Sent" } }] }
          orderBy: { Sent_Date__c: { order: DESC, nulls: LAST } }
          first: 1
        ) {
          edges {
            node {
              Id
              Sent_Date__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;
