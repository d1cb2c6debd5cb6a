/**
 * What the browser tests share: the preview server on a free port of 127.0.0.1, Debian's Chromium
 * driven by playwright-core, and a page per test with a fixed viewport, time zone and locale. Every
 * console error and uncaught exception of the page fails the test that opened it.
 * The preview must be built first (npm run test:browser does it: node preview/build/build.mjs).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../serve.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS_DIR = join(ROOT, 'docs/screenshots');
/** The flags that work on these machines (shared/TOOLCHAIN.md). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];
export const VIEWPORT = { width: 1280, height: 900 };

/** The org the page starts from (preview/.build/org.json), for expectations computed from the data. */
export function orgData() {
  return JSON.parse(readFileSync(join(ROOT, 'preview/.build/org.json'), 'utf8'));
}

export async function startPreview() {
  if (!existsSync(join(ROOT, 'preview/.build/app.js'))) {
    throw new Error('The preview is not built: run `node preview/build/build.mjs` (npm run test:browser does).');
  }
  const { server, url } = await serve({ port: 0 });
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const data = orgData();
  return {
    url,
    data,
    async open(route, { language = 'en' } = {}) {
      const context = await browser.newContext({
        viewport: VIEWPORT,
        deviceScaleFactor: 1,
        timezoneId: data.timeZone,
        locale: language === 'fr' ? 'fr-FR' : 'en-US',
      });
      const page = await context.newPage();
      const problems = [];
      page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      await page.goto(`${url}?lang=${language}${route}`);
      await page.waitForFunction(() => window.__preview?.ready === true || !!window.__preview?.error);
      const error = await page.evaluate(() => window.__preview.error);
      if (error) throw new Error(error);
      await settle(page);
      page.problems = problems;
      page.closeAll = () => context.close();
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}

/** Waits until nothing is loading: no spinner anywhere, fonts loaded, two quiet animation frames. */
export async function settle(page) {
  await page.waitForFunction(() => document.fonts.status === 'loaded');
  await page
    .locator('lightning-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 15000 })
    .catch(async () => {
      if ((await page.locator('lightning-spinner').count()) > 0) throw new Error('Still loading after 15 s');
    });
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)))),
  );
}

/** The writes the components asked of the org (window.__writes, see preview/platform/org.js). */
export function writesOf(page) {
  return page.evaluate(() => window.__writes);
}

export function toastsOf(page) {
  return page.evaluate(() => window.__toasts);
}

/** A screenshot of one element into docs/screenshots/<name>.png, with the mouse out of the way. */
export async function screenshot(page, locator, name) {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.mouse.move(0, 0);
  await settle(page);
  await locator.screenshot({ path: join(SCREENSHOTS_DIR, `${name}.png`), animations: 'disabled', caret: 'hide' });
}
