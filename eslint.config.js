// One lint configuration for both halves: the platform's rules for Lightning Web Components in
// force-app, typescript-eslint for the Node tooling in scripts/.
const lwcConfig = require('@salesforce/eslint-config-lwc');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const js = require('@eslint/js');

module.exports = [
  {
    ignores: [
      'node_modules/**',
      '.ci/node/**',
      'coverage/**',
      '.sf/**',
      '.sfdx/**',
      '.collections/**',
      'out/**',
      'scripts/dist/**',
      'preview/.build/**',
      'preview/.cache/**',
    ],
  },
  ...lwcConfig.configs.recommended.map((config) => ({ ...config, files: ['force-app/**/*.js'] })),
  {
    files: ['force-app/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    // Tests drive wire adapters through their test utilities (getRecord.emit, graphql.emit), as
    // lwc-recipes does; outside tests the rule still guards against calling adapters directly.
    rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off' },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['scripts/**/*.ts'] })),
  {
    files: ['scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The browser preview (preview/): Node build, server and tests; browser stand-ins and page.
  { ...js.configs.recommended, files: ['preview/**/*.js', 'preview/**/*.mjs'] },
  {
    files: ['preview/**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: globals.node },
  },
  {
    // Tests hand callbacks to the page (page.evaluate), which run in the browser.
    files: ['preview/tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  {
    files: ['preview/app/**/*.js', 'preview/platform/**/*.js'],
    languageOptions: { sourceType: 'module', globals: globals.browser },
  },
  {
    files: ['preview/app/previewConfig.js'],
    languageOptions: { sourceType: 'script' },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^installPreview$' }] },
  },
  ...tseslint.configs.recommended.map((config) => ({ ...config, files: ['preview/**/*.mts'] })),
  {
    files: ['*.js', 'scripts/*.js', 'scripts/bin/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
  },
];
