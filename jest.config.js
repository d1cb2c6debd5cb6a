// LWC tests: the components in force-app, with the platform's jest preset from sfdx-lwc-jest.
// The Node tooling in scripts/ has its own jest (and config), so this one only looks in force-app.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  roots: ['<rootDir>/force-app'],
  modulePathIgnorePatterns: ['<rootDir>/.localdevserver'],
};
