#!/usr/bin/env node
// The `collections` command: runs the TypeScript sources through tsx (no build step to forget).
require('tsx/cjs');
require('../src/cli/main.ts').main();
