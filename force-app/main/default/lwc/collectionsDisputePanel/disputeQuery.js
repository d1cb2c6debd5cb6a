/** The one GraphQL query of the dispute panel. */
import { gql } from 'lightning/graphql';

/*
 * One query for the three pages; the filter is a variable of the object's generated filter type
 * (https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html). The
 * disputed invoices come through the child relationship Dispute_Invoices__r.
 */
export const QUERY = gql`
  query disputePanel($where: Dispute__c_Filter) {
    uiapi {
      query {
        Dispute__c(where: $where, orderBy: { Target_Resolution_Date__c: { order: ASC, nulls: LAST } }, first: 200) {
          edges {
            node {
              Id
              Name {
                value
              }
              CurrencyIsoCode {
                value
              }
              Status__c {
                value
                displayValue
              }
              Routed_Team__c {
                value
                displayValue
              }
              Reason_Code__c {
                value
                displayValue
              }
              Opened_Date__c {
                value
              }
              Target_Resolution_Date__c {
                value
              }
              Resolved_Date__c {
                value
              }
              Resolution__c {
                value
                displayValue
              }
              Credit_Memo_Number__c {
                value
              }
              Disputed_Amount__c {
                value
              }
              Dispute_Invoices__r(first: 100) {
                edges {
                  node {
                    Id
                    CurrencyIsoCode {
                      value
                    }
                    Disputed_Amount__c {
                      value
                    }
                    Invoice__r {
                      Name {
                        value
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;
