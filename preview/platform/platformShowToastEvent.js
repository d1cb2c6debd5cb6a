/** Stand-in for lightning/platformShowToastEvent: the event the page (preview/app) shows as a toast. */
export class ShowToastEvent extends CustomEvent {
  constructor(toast) {
    super('lightning__showtoast', { bubbles: true, composed: true, cancelable: true, detail: toast });
  }
}
