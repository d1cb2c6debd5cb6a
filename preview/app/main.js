/**
 * The preview page: force-app's console components, as a collector sees them, on the demo's data.
 * Routes (location.hash):
 *   #/home                the app's home page: the worklist
 *   #/account/<id>        an Account record page: aging summary, open invoices, dispute panel
 *   #/case/<id>           a Collection Case record page: the same three components
 *   #/component/<name>    one component alone: worklist, aging, invoices, disputes, plan
 * ?lang=fr shows the page in French. Toasts the components fire are shown on top and recorded in
 * window.__toasts; window.__preview.ready turns true once the page's components are mounted.
 */
// Synthetic shadow first, so the design system's global styles reach inside the components.
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import CollectionsWorklist from 'c/collectionsWorklist';
import CollectionsAgingSummary from 'c/collectionsAgingSummary';
import CollectionsOpenInvoices from 'c/collectionsOpenInvoices';
import CollectionsDisputePanel from 'c/collectionsDisputePanel';
import CollectionsPaymentPlanBuilder from 'c/collectionsPaymentPlanBuilder';
import { loadOrg, objectOfId, recordById, recordsOf, today } from '../platform/org';
import { language } from 'preview:language';

const TEXT = {
  en: {
    app: 'Collections Console',
    subtitle: 'Preview on the demo portfolio',
    home: 'Home',
    account: 'Account',
    case: 'Collection case',
    components: 'Components',
    language: 'Language',
    user: 'Signed in as',
    workday: 'Workday',
  },
  fr: {
    app: 'Console de recouvrement',
    subtitle: 'Aperçu sur le portefeuille de démonstration',
    home: 'Accueil',
    account: 'Compte',
    case: 'Dossier de recouvrement',
    components: 'Composants',
    language: 'Langue',
    user: 'Connecté en tant que',
    workday: 'Journée',
  },
}[language];

const COMPONENTS = {
  worklist: { tag: 'c-collections-worklist', is: CollectionsWorklist },
  aging: { tag: 'c-collections-aging-summary', is: CollectionsAgingSummary },
  invoices: { tag: 'c-collections-open-invoices', is: CollectionsOpenInvoices },
  disputes: { tag: 'c-collections-dispute-panel', is: CollectionsDisputePanel },
  plan: { tag: 'c-collections-payment-plan-builder', is: CollectionsPaymentPlanBuilder },
};

const toasts = [];
window.__toasts = toasts;

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

function mount(name, properties, region) {
  const { tag, is } = COMPONENTS[name];
  const component = createElement(tag, { is });
  Object.assign(component, properties);
  region.append(element('section', { class: 'preview-component', 'data-preview': name }, [component]));
}

/** The invoices the plan builder receives from the open invoices table when the overdue ones are selected. */
function overdueSelection(caseId) {
  const theCase = recordById(caseId);
  const day = today();
  return recordsOf('Invoice__c')
    .filter(
      (invoice) =>
        invoice.Collection_Case__c === caseId &&
        invoice.Open_Balance__c > 0 &&
        invoice.Due_Date__c < day &&
        !invoice.Disputed_Amount__c,
    )
    .sort((a, b) => a.Due_Date__c.localeCompare(b.Due_Date__c) || a.Name.localeCompare(b.Name))
    .map((invoice) => ({
      id: invoice.Id,
      number: invoice.Name,
      invoiceDate: invoice.Invoice_Date__c,
      dueDate: invoice.Due_Date__c,
      daysPastDue: Math.round((Date.parse(day) - Date.parse(invoice.Due_Date__c)) / 86400000),
      openBalance: String(invoice.Open_Balance__c),
      disputedAmount: null,
      currency: invoice.CurrencyIsoCode,
      caseId: theCase.Id,
    }));
}

function recordPage(recordId, region) {
  const objectApiName = objectOfId(recordId);
  const grid = element('div', { class: 'slds-grid slds-wrap slds-gutters_small' });
  const main = element('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_2-of-3' });
  const side = element('div', { class: 'slds-col slds-size_1-of-1 slds-large-size_1-of-3' });
  grid.append(main, side);
  region.append(grid);
  mount('invoices', { recordId, objectApiName }, main);
  mount('aging', { recordId, objectApiName }, side);
  mount('disputes', { recordId, objectApiName }, side);
}

function render(config) {
  const region = document.querySelector('[data-id="region"]');
  region.replaceChildren();
  const [, page, id] = (window.location.hash || '#/home').split('/');
  const account = { recordId: config.accountId, objectApiName: 'Account' };
  if (page === 'account' || page === 'case') recordPage(id, region);
  else if (page === 'component' && id === 'plan') {
    mount(
      'plan',
      { invoices: overdueSelection(config.caseId), accountId: config.accountId, caseId: config.caseId },
      region,
    );
  } else if (page === 'component' && id === 'worklist') mount('worklist', {}, region);
  else if (page === 'component' && COMPONENTS[id]) mount(id, account, region);
  else mount('worklist', {}, region);
  window.__preview.ready = true;
}

function header(config) {
  const accountName = recordById(config.accountId)?.Name ?? '';
  const caseName = recordById(config.caseId)?.Name ?? '';
  const link = (href, text) => element('a', { href, text, class: 'slds-m-right_medium' });
  const languageLinks = window.__preview.languages.map((code) =>
    element('a', {
      href: `?lang=${code}${window.location.hash}`,
      text: code.toUpperCase(),
      class: `slds-m-left_x-small${code === language ? ' preview-current' : ''}`,
    }),
  );
  return element('header', { class: 'preview-header slds-p-around_small slds-grid slds-grid_vertical-align-center' }, [
    element('div', { class: 'slds-col' }, [
      element('span', { class: 'slds-text-heading_medium slds-m-right_small', text: TEXT.app }),
      element('span', { class: 'slds-text-color_weak', text: TEXT.subtitle }),
    ]),
    element('nav', { class: 'slds-col slds-grow-none slds-text-body_small' }, [
      link('#/home', TEXT.home),
      link(`#/account/${config.accountId}`, `${TEXT.account} ${accountName}`),
      link(`#/case/${config.caseId}`, `${TEXT.case} ${caseName}`),
      element('span', { class: 'slds-m-right_x-small slds-text-color_weak', text: `${TEXT.components}:` }),
      ...Object.keys(COMPONENTS).map((name) => link(`#/component/${name}`, name)),
      element('span', { class: 'slds-text-color_weak', text: `${TEXT.language}:` }),
      ...languageLinks,
    ]),
  ]);
}

function showToast(detail) {
  toasts.push(JSON.parse(JSON.stringify(detail)));
  const container = document.querySelector('[data-id="toasts"]');
  const toast = element(
    'div',
    {
      class: `slds-notify slds-notify_toast slds-theme_${detail.variant ?? 'info'}`,
      role: 'status',
      'data-id': 'toast',
    },
    [
      element('div', { class: 'slds-notify__content' }, [
        element('h2', { class: 'slds-text-heading_small', text: detail.title ?? '' }),
        ...(detail.message ? [element('p', { text: detail.message })] : []),
      ]),
    ],
  );
  container.replaceChildren(toast);
}

async function start() {
  const config = await loadOrg('/org.json');
  const body = document.body;
  body.append(
    header(config),
    element('div', { class: 'slds-notify_container preview-toasts', 'data-id': 'toasts' }),
    element('main', { class: 'slds-p-around_small', 'data-id': 'region' }),
    element('footer', {
      class: 'slds-p-around_small slds-text-body_small slds-text-color_weak',
      text: `${TEXT.user} ${config.user.Name} (${config.user.Username}) · ${TEXT.workday} ${config.today} · ${config.timeZone}`,
    }),
  );
  document.addEventListener('lightning__showtoast', (event) => showToast(event.detail));
  window.addEventListener('preview:navigate', (event) => {
    const { type, attributes } = event.detail ?? {};
    if (type !== 'standard__recordPage') return;
    if (attributes.objectApiName === 'Account') window.location.hash = `#/account/${attributes.recordId}`;
    if (attributes.objectApiName === 'Collection_Case__c') window.location.hash = `#/case/${attributes.recordId}`;
  });
  window.addEventListener('hashchange', () => render(config));
  render(config);
}

start().catch((error) => {
  window.__preview.error = String(error?.stack ?? error);
  document.body.append(element('pre', { text: window.__preview.error }));
});
