/**
 * A link to a record's page. The href comes from the navigation service, so opening it in a new
 * tab works; a plain click navigates inside Lightning Experience without reloading the app.
 * Page reference type: https://developer.salesforce.com/docs/platform/lwc/guide/reference-page-reference-type.html
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';

export default class CollectionsWorklistRecordLink extends NavigationMixin(LightningElement) {
  @api recordId;
  @api objectApiName;
  @api label;

  url = '#';

  get pageReference() {
    return {
      type: 'standard__recordPage',
      attributes: { recordId: this.recordId, objectApiName: this.objectApiName, actionName: 'view' },
    };
  }

  connectedCallback() {
    this[NavigationMixin.GenerateUrl](this.pageReference).then((url) => {
      this.url = url;
    });
  }

  handleClick(event) {
    event.preventDefault();
    event.stopPropagation();
    this[NavigationMixin.Navigate](this.pageReference);
  }
}
