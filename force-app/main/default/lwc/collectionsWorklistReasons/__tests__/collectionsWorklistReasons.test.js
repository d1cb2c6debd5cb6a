import { createElement } from 'lwc';
import CollectionsWorklistReasons from 'c/collectionsWorklistReasons';
import { flushPromises, resetDom } from 'collectionsTest/testUtils';

// The points label has a placeholder; give it its English value so the test sees the number in it.
jest.mock('@salesforce/label/c.Collections_Worklist_Reason_Points', () => ({ default: '{0} points' }), {
  virtual: true,
});

const REASONS = [
  'amount: 21.4 (EUR 12,000.00 overdue)',
  'age: 30 (oldest collectible invoice INV-1042 is 130 days past due)',
  'broken promises: 0 (0 broken promises in the last 365 days)',
].join('\n');

async function createReasons(text) {
  const element = createElement('c-collections-worklist-reasons', { is: CollectionsWorklistReasons });
  element.text = text;
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const byId = (element, dataId) => element.shadowRoot.querySelector(`[data-id="${dataId}"]`);

function texts(element, dataId) {
  return [...element.shadowRoot.querySelectorAll(`[data-id="${dataId}"]`)].map((node) => node.textContent);
}

describe('c-collections-worklist-reasons', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('shows the two largest parts of the score in the user words, with their points, details folded away', async () => {
    // Arrange
    const element = await createReasons(REASONS);

    // Assert: names are labels (jest resolves a label to its name), points formatted with one decimal
    expect(texts(element, 'reason-name')).toEqual([
      'c.Collections_Worklist_Reason_Age',
      'c.Collections_Worklist_Reason_Amount',
    ]);
    expect(texts(element, 'reason-points')).toEqual(['30.0 points', '21.4 points']);
    expect(texts(element, 'reason-detail')).toEqual([]);
    const toggle = byId(element, 'toggle');
    expect(toggle.textContent.trim()).toBe('c.Collections_Worklist_Reasons_Show_All');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows every part with its details on demand, biggest first, and folds them again', async () => {
    // Arrange
    const element = await createReasons(REASONS);

    // Act: show all
    byId(element, 'toggle').click();
    await flushPromises();

    // Assert
    expect(texts(element, 'reason-name')).toEqual([
      'c.Collections_Worklist_Reason_Age',
      'c.Collections_Worklist_Reason_Amount',
      'c.Collections_Worklist_Reason_Broken_Promises',
    ]);
    expect(texts(element, 'reason-points')).toEqual(['30.0 points', '21.4 points', '0.0 points']);
    expect(texts(element, 'reason-detail')).toEqual([
      'oldest collectible invoice INV-1042 is 130 days past due',
      'EUR 12,000.00 overdue',
      '0 broken promises in the last 365 days',
    ]);
    expect(byId(element, 'toggle').textContent.trim()).toBe('c.Collections_Worklist_Reasons_Show_Top');
    expect(byId(element, 'toggle').getAttribute('aria-expanded')).toBe('true');

    // Act: fold again
    byId(element, 'toggle').click();
    await flushPromises();

    // Assert
    expect(element.shadowRoot.querySelectorAll('[data-id="reason"]')).toHaveLength(2);
    expect(byId(element, 'toggle').getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves parts that add no points out of the top', async () => {
    // Arrange
    const element = await createReasons(
      ['amount: 21.4 (EUR 12,000.00 overdue)', 'age: 0 (nothing overdue)', 'disputes: 0 (no dispute)'].join('\n'),
    );

    // Assert
    expect(texts(element, 'reason-name')).toEqual(['c.Collections_Worklist_Reason_Amount']);
    expect(byId(element, 'toggle')).not.toBeNull();
  });

  it('keeps a part it does not know under the batch name', async () => {
    // Arrange
    const element = await createReasons('seasonal risk: 4 (retail customer in Q4)');

    // Assert
    expect(texts(element, 'reason-name')).toEqual(['seasonal risk']);
  });

  it('shows nothing for a case without reasons', async () => {
    // Arrange
    const element = await createReasons('');

    // Assert
    expect(element.shadowRoot.querySelectorAll('[data-id="reason"]')).toHaveLength(0);
    expect(byId(element, 'toggle')).toBeNull();
  });

  it('is accessible, folded and unfolded', async () => {
    // Arrange
    const element = await createReasons(REASONS);

    // Assert
    await expect(element).toBeAccessible();

    // Act
    byId(element, 'toggle').click();
    await flushPromises();

    // Assert
    await expect(element).toBeAccessible();
  });
});
