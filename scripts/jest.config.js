/** Tests of the Node tooling (TypeScript, run with ts-jest). The LWC tests run from the root config. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    // .js too: the rules shared with the Lightning components live in force-app as an ES module.
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 60000,
};
