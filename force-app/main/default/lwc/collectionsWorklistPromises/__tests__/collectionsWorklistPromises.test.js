import { createElement } from 'lwc';
import CollectionsWorklistPromises from 'c/collectionsWorklistPromises';
import { graphql } from 'lightning/graphql';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

const DUE = require('./data/graphqlWorklistPromisesDue.json');
const BROKEN = require('./data/graphqlWorklistPromisesBroken.json');
const NONE = require('./data/graphqlWorklistPromisesEmpty.json');

// The navigation service, recording where a click goes.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference) {
        mockNavigate(pageReference);
      }
      [GenerateUrl](pageReference) {
        return Promise.resolve(`/lightning/r/${pageReference.attributes.recordId}/view`);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});

const USER = '005000000000001AAA';
const TODAY = '2026-03-04';
const MINE = {
  or: [{ Collection_Case__r: { OwnerId: { eq: USER } } }, { Account__r: { Collector__c: { eq: USER } } }],
};
const NBSP = '\u00a0';

async function createPromises(kind) {
  const element = createElement('c-collections-worklist-promises', { is: CollectionsWorklistPromises });
  element.kind = kind;
  element.userId = USER;
  element.today = TODAY;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const all = (element, dataId) => [...element.shadowRoot.querySelectorAll(`[data-id="${dataId}"]`)];
const texts = (element, dataId) => all(element, dataId).map((node) => node.textContent);
const one = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);

describe('c-collections-worklist-promises', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows a spinner until the promises arrive', async () => {
    // Arrange
    const element = await createPromises('dueToday');

    // Assert
    expect(one(element, 'spinner')).not.toBeNull();
    expect(one(element, 'promises')).toBeNull();
  });

  it('asks for my open promises promised for today in the user time zone', async () => {
    // Arrange
    const element = await createPromises('dueToday');

    // Assert
    expect(one(element, 'title').textContent).toBe('c.Collections_Worklist_Promises_Due_Title');
    expect(graphql.getLastConfig().variables).toEqual({
      where: { and: [MINE, { Status__c: { eq: 'Open' } }, { Promised_Date__c: { eq: { value: TODAY } } }] },
      orderBy: { Name: { order: 'ASC' } },
      first: 10,
    });
  });

  it('lists the promises due today, each amount in its own currency', async () => {
    // Arrange
    const element = await createPromises('dueToday');

    // Act
    graphql.emit(DUE);
    await flushPromises();

    // Assert
    expect(all(element, 'promise-link').map((link) => link.label)).toEqual(['PTP-000101', 'PTP-000102']);
    expect(texts(element, 'account')).toEqual(['Rotterdam Freight BV', 'Gulf Trading WLL']);
    expect(texts(element, 'amount')).toEqual(['€2,500.00', `KWD${NBSP}750.125`]);
    expect(all(element, 'received')).toHaveLength(0);
  });

  it('asks for my broken promises, the most recent first, and shows what was received', async () => {
    // Arrange
    const element = await createPromises('broken');

    // Act
    graphql.emit(BROKEN);
    await flushPromises();

    // Assert
    expect(one(element, 'title').textContent).toBe('c.Collections_Worklist_Promises_Broken_Title');
    expect(graphql.getLastConfig().variables).toEqual({
      where: { and: [MINE, { Status__c: { eq: 'Broken' } }] },
      orderBy: { Promised_Date__c: { order: 'DESC', nulls: 'LAST' }, Name: { order: 'DESC' } },
      first: 10,
    });
    expect(texts(element, 'amount')).toEqual(['¥300,000']);
    expect(texts(element, 'promised-date')).toEqual(['Mar 2, 2026']);
    expect(texts(element, 'received')).toEqual(['¥100,000']);
  });

  it('opens the promise page from a row', async () => {
    // Arrange
    const element = await createPromises('broken');
    graphql.emit(BROKEN);
    await flushPromises();

    // Act
    all(element, 'promise-link')[0].shadowRoot.querySelector('a').click();

    // Assert
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordPage',
      attributes: { recordId: 'a05000000000009AAA', objectApiName: 'Promise_To_Pay__c', actionName: 'view' },
    });
  });

  it('says so when no promise is due today', async () => {
    // Arrange
    const element = await createPromises('dueToday');

    // Act
    graphql.emit(NONE);
    await flushPromises();

    // Assert
    expect(one(element, 'empty').textContent).toBe('c.Collections_Worklist_Promises_Due_Empty');
    expect(one(element, 'promises')).toBeNull();
  });

  it('says so when there is no broken promise', async () => {
    // Arrange
    const element = await createPromises('broken');

    // Act
    graphql.emit(NONE);
    await flushPromises();

    // Assert
    expect(one(element, 'empty').textContent).toBe('c.Collections_Worklist_Promises_Broken_Empty');
  });

  it('shows the error from the org instead of the list', async () => {
    // Arrange
    const element = await createPromises('dueToday');

    // Act
    graphql.emitErrors([{ message: 'You do not have access to Promise To Pay.' }]);
    await flushPromises();

    // Assert
    expect(one(element, 'error').textContent).toBe('You do not have access to Promise To Pay.');
    expect(one(element, 'spinner')).toBeNull();
    expect(one(element, 'empty')).toBeNull();
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createPromises('broken');
    graphql.emit(BROKEN);
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
