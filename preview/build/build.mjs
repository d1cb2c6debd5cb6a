/**
 * Builds the preview into preview/.build:
 * - org.json: the demo's records (preview/fixtures) and force-app's object metadata, for the org
 *   stand-in (preview/platform/org.js);
 * - preview-config.js: the page's language, the preview user and the clock of the workday the
 *   preview shows (the day after the demo's last night), loaded before the bundle;
 * - app.js: the force-app components compiled by the LWC compiler (@lwc/rollup-plugin) with the
 *   real lightning-base-components, the stand-ins of preview/platform for the platform's data
 *   adapters, and @salesforce/* modules generated from force-app (virtualModules.mjs).
 * Usage: node preview/build/build.mjs
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import nodeResolve from '@rollup/plugin-node-resolve';
import { ensureFixtures } from '../fixtures/ensureFixtures.mjs';
import { readLabels, readObjects } from './metadata.mjs';
import { virtualModules } from './virtualModules.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const PREVIEW_DIR = join(ROOT, 'preview');
export const BUILD_DIR = join(PREVIEW_DIR, '.build');
const SOURCE_DIR = join(ROOT, 'force-app/main/default');
const LWC_DIR = join(SOURCE_DIR, 'lwc');
/** The languages the preview offers besides English (force-app/main/default/translations). */
export const LANGUAGES = ['fr'];
/** The preview user's access: a collector's. */
const PERMISSION_SET = 'Collections_Collector';

/** The stand-ins for the platform modules the components import (preview/platform). */
const STAND_INS = {
  'lightning/graphql': 'graphql.js',
  'lightning/uiRecordApi': 'uiRecordApi.js',
  'lightning/uiObjectInfoApi': 'uiObjectInfoApi.js',
  'lightning/platformShowToastEvent': 'platformShowToastEvent.js',
  'lightning/navigation': 'navigation.js',
};

/** The instant of `time` (HH:MM) on `day` in `timeZone`, in milliseconds since the epoch. */
export function instantIn(day, time, timeZone) {
  const [hours, minutes] = time.split(':').map(Number);
  const [year, month, date] = day.split('-').map(Number);
  let guess = Date.UTC(year, month - 1, date, hours, minutes);
  for (let i = 0; i < 3; i++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
      })
        .formatToParts(new Date(guess))
        .map((part) => [part.type, Number(part.value)]),
    );
    const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
    guess += Date.UTC(year, month - 1, date, hours, minutes) - shown;
  }
  return guess;
}

/**
 * Who and what the preview shows, by rule so it follows the demo: the user is the collector with
 * the busiest worklist (open cases plus broken promises); the account is that collector's account
 * with an open dispute, else the account of their highest-priority case.
 */
export function chooseFocus(records) {
  const openCases = records.Collection_Case__c.filter((c) => c.Status__c !== 'Closed');
  const accountsOf = (userId) => new Set(records.Account.filter((a) => a.Collector__c === userId).map((a) => a.Id));
  const load = (user) => {
    const accounts = accountsOf(user.Id);
    return (
      openCases.filter((c) => c.OwnerId === user.Id).length +
      records.Promise_To_Pay__c.filter((p) => accounts.has(p.Account__c) && p.Status__c === 'Broken').length
    );
  };
  const user = [...records.User].sort((a, b) => load(b) - load(a) || a.Username.localeCompare(b.Username))[0];
  const mine = openCases
    .filter((c) => c.OwnerId === user.Id)
    .sort((a, b) => (b.Priority_Score__c ?? -1) - (a.Priority_Score__c ?? -1) || a.Name.localeCompare(b.Name));
  const disputed = mine.find((c) =>
    records.Dispute__c.some((d) => d.Account__c === c.Account__c && ['Open', 'In_Review'].includes(d.Status__c)),
  );
  const focusCase = disputed ?? mine[0];
  return { user, accountId: focusCase.Account__c, caseId: focusCase.Id };
}

function componentModules() {
  return readdirSync(LWC_DIR)
    .filter((name) => existsSync(join(LWC_DIR, name, `${name}.js`)))
    .map((name) => ({ name: `c/${name}`, path: join(LWC_DIR, name, `${name}.js`) }));
}

export async function build({ log = console.log } = {}) {
  const started = Date.now();
  mkdirSync(BUILD_DIR, { recursive: true });
  const fixturesPath = await ensureFixtures({ log });
  const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8'));
  const labels = readLabels(SOURCE_DIR, LANGUAGES);
  for (const language of LANGUAGES) {
    const missing = labels[`${language}:missing`];
    if (missing.length > 0)
      log(`preview: ${missing.length} labels have no ${language} translation: ${missing.join(', ')}`);
  }
  const objects = readObjects(SOURCE_DIR, {
    permissionSet: PERMISSION_SET,
    currencies: fixtures.currencies,
    languages: LANGUAGES,
  });
  const focus = chooseFocus(fixtures.records);
  writeFileSync(join(BUILD_DIR, 'org.json'), JSON.stringify({ ...fixtures, objects, ...focus }));

  const clock = instantIn(fixtures.today, fixtures.workdayTime, fixtures.timeZone);
  writeFileSync(
    join(BUILD_DIR, 'preview-config.js'),
    `${readFileSync(join(PREVIEW_DIR, 'app/previewConfig.js'), 'utf8')}\ninstallPreview(${JSON.stringify({
      languages: ['en', ...LANGUAGES],
      clock,
      today: fixtures.today,
      timeZone: fixtures.timeZone,
    })});\n`,
  );

  const bundle = await rollup({
    input: join(PREVIEW_DIR, 'app/main.js'),
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      // The base components' own template warnings are not ours to fix.
      if (`${warning.id ?? warning.loc?.file ?? ''}`.includes('/node_modules/')) return;
      warn(warning);
    },
    plugins: [
      virtualModules({ labels, objects, userId: focus.user.Id, timeZone: fixtures.timeZone }),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' },
      }),
      lwc({
        rootDir: PREVIEW_DIR,
        enableDynamicComponents: true,
        // Base components (combobox) use ElementInternals; the platform allows it under synthetic shadow.
        enableSyntheticElementInternals: true,
        exclude: ['**/node_modules/graphql/**'],
        modules: [
          ...Object.entries(STAND_INS).map(([name, file]) => ({ name, path: join(PREVIEW_DIR, 'platform', file) })),
          ...componentModules(),
          { npm: 'lightning-base-components' },
        ],
      }),
      nodeResolve({ browser: true }),
    ],
  });
  // Base components load some modules on demand (dynamic imports): they become chunks.
  rmSync(join(BUILD_DIR, 'chunks'), { recursive: true, force: true });
  await bundle.write({
    dir: BUILD_DIR,
    entryFileNames: 'app.js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    format: 'es',
  });
  await bundle.close();
  log(`preview: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { focus };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await build();
}
