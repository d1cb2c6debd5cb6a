/**
 * Stand-in for lightning/navigation. GenerateUrl gives the URL Lightning Experience would
 * (/lightning/r/<object>/<id>/view); Navigate records the page reference in window.__navigations
 * and tells the preview page, which opens record pages it can show.
 */
const navigations = [];
window.__navigations = navigations;

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export function urlOf(pageReference) {
  const { type, attributes = {} } = pageReference ?? {};
  if (type === 'standard__recordPage') {
    return `/lightning/r/${attributes.objectApiName}/${attributes.recordId}/${attributes.actionName ?? 'view'}`;
  }
  if (type === 'standard__recordRelationshipPage') {
    return `/lightning/r/${attributes.objectApiName}/${attributes.recordId}/related/${attributes.relationshipApiName}/view`;
  }
  return '/lightning/page/home';
}

export function NavigationMixin(Base) {
  return class extends Base {
    [Navigate](pageReference, replace) {
      navigations.push(JSON.parse(JSON.stringify({ pageReference, replace: !!replace })));
      window.dispatchEvent(new CustomEvent('preview:navigate', { detail: pageReference }));
    }
    [GenerateUrl](pageReference) {
      return Promise.resolve(urlOf(pageReference));
    }
  };
}
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

export class CurrentPageReference {
  constructor(callback) {
    this.callback = callback;
  }
  connect() {
    this.callback({ type: 'standard__namedPage', attributes: { pageName: 'home' }, state: {} });
  }
  disconnect() {}
  update() {}
}
