/**
 * Helpers every component test shares, defined once (STYLE.md). Import them from a test with
 * `import { flushPromises, resetDom } from 'collectionsTest/testUtils';` (mapped in jest.config.js).
 */

/**
 * Waits until every pending promise and the re-render they cause have settled. A macrotask
 * (setTimeout) outlives chains of promises, where `await Promise.resolve()` covers one link only.
 */
export function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Removes every component the test appended, so each test starts from an empty document. */
export function resetDom() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
}
