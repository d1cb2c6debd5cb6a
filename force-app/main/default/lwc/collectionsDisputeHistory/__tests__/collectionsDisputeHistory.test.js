import { createElement } from 'lwc';
import CollectionsDisputeHistory from 'c/collectionsDisputeHistory';
import { formatDate } from 'c/collectionsFormat';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

// Records every page the component navigates to.
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
  const Navigate = Symbol('Navigate');
  const GenerateUrl = Symbol('GenerateUrl');
  const NavigationMixin = (Base) =>
    class extends Base {
      [Navigate](pageReference) {
        mockNavigate(pageReference);
      }
      [GenerateUrl]() {
        return Promise.resolve('/lightning/r/Dispute__c/history');
      }
    };
  NavigationMixin.Navigate = Navigate;
  NavigationMixin.GenerateUrl = GenerateUrl;
  return { NavigationMixin };
});
jest.mock('@salesforce/label/c.Collections_Disputes_Milestone_Opened', () => ({ default: 'Dispute opened' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Disputes_Milestone_Target', () => ({ default: 'Target date' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.Collections_Disputes_Milestone_Resolved', () => ({ default: 'Dispute resolved' }), {
  virtual: true,
});

const DISPUTE = {
  id: 'a06000000000000001',
  openedDate: '2026-02-01',
  targetDate: '2026-02-25',
  resolvedDate: '2026-02-20',
};

function createComponent(dispute = DISPUTE) {
  const element = createElement('c-collections-dispute-history', { is: CollectionsDisputeHistory });
  element.dispute = dispute;
  document.body.appendChild(element);
  return element;
}

const entries = (element) =>
  [...element.shadowRoot.querySelectorAll('[data-id="entry"]')].map((li) => [
    li.querySelector('[data-id="entry-date"]').textContent,
    li.querySelector('[data-id="entry-text"]').textContent,
  ]);

describe('c-collections-dispute-history', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('lists the dated milestones newest first', async () => {
    // Arrange + Act
    const element = createComponent();
    await flushPromises();

    // Assert
    expect(entries(element)).toEqual([
      [formatDate('2026-02-25'), 'Target date'],
      [formatDate('2026-02-20'), 'Dispute resolved'],
      [formatDate('2026-02-01'), 'Dispute opened'],
    ]);
  });

  it('leaves out the milestones the dispute has not reached', async () => {
    // Arrange + Act
    const element = createComponent({ ...DISPUTE, targetDate: null, resolvedDate: null });
    await flushPromises();

    // Assert
    expect(entries(element)).toEqual([[formatDate('2026-02-01'), 'Dispute opened']]);
  });

  it('opens the field history related list of the dispute', async () => {
    // Arrange
    const element = createComponent();
    await flushPromises();

    // Act
    element.shadowRoot.querySelector('[data-id="view-all-changes"]').click();

    // Assert
    expect(mockNavigate).toHaveBeenCalledWith({
      type: 'standard__recordRelationshipPage',
      attributes: {
        recordId: 'a06000000000000001',
        objectApiName: 'Dispute__c',
        relationshipApiName: 'Histories',
        actionName: 'view',
      },
    });
  });

  it('is accessible', async () => {
    // Arrange + Act
    const element = createComponent();
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
