import { createElement } from 'lwc';
import CollectionsWorklistRecordLink from 'c/collectionsWorklistRecordLink';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

// The navigation service, recording what the component asks of it.
const mockNavigate = jest.fn();
const mockGenerateUrl = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference, replace) {
        mockNavigate(pageReference, replace);
      }
      [GenerateUrl](pageReference) {
        return mockGenerateUrl(pageReference);
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});

const CASE_PAGE = {
  type: 'standard__recordPage',
  attributes: { recordId: 'a01000000000001AAA', objectApiName: 'Collection_Case__c', actionName: 'view' },
};

async function createLink() {
  const element = createElement('c-collections-worklist-record-link', { is: CollectionsWorklistRecordLink });
  element.recordId = 'a01000000000001AAA';
  element.objectApiName = 'Collection_Case__c';
  element.label = 'CC-000123';
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-collections-worklist-record-link', () => {
  beforeEach(() => {
    mockGenerateUrl.mockResolvedValue('/lightning/r/Collection_Case__c/a01000000000001AAA/view');
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows the record name as a link to the record page URL', async () => {
    // Arrange
    const element = await createLink();

    // Act
    const link = element.shadowRoot.querySelector('[data-id="link"]');

    // Assert
    expect(link.textContent).toBe('CC-000123');
    expect(link.getAttribute('href')).toBe('/lightning/r/Collection_Case__c/a01000000000001AAA/view');
    expect(mockGenerateUrl).toHaveBeenCalledWith(CASE_PAGE);
  });

  it('navigates to the record page on click, without following the href', async () => {
    // Arrange
    const element = await createLink();
    const link = element.shadowRoot.querySelector('[data-id="link"]');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });

    // Act
    link.dispatchEvent(click);

    // Assert
    expect(mockNavigate).toHaveBeenCalledTimes(1);
    expect(mockNavigate).toHaveBeenCalledWith(CASE_PAGE, undefined);
    expect(click.defaultPrevented).toBe(true);
  });

  it('is accessible', async () => {
    // Arrange
    const element = await createLink();

    // Assert
    await expect(element).toBeAccessible();
  });
});
