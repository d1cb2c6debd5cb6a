// LWC tests: the components in force-app, with the platform's jest preset from sfdx-lwc-jest.
// The Node tooling in scripts/ has its own jest (and config), so this one only looks in force-app.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
  moduleNameMapper: {
    // Shared test helpers (flushPromises, resetDom) live once in force-app/test.
    '^collectionsTest/(.*)$': '<rootDir>/force-app/test/$1',
  },
  setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/force-app/test/jestSetup.js'],
};
