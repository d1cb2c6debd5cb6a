// Runs before every component test file: the accessibility matcher (toBeAccessible) from
// @sa11y/jest, as lwc-recipes registers it, so every component test can assert it.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
