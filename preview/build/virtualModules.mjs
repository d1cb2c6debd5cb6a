/**
 * The @salesforce/* scoped modules the platform generates for a component, generated here at
 * build time from force-app's metadata:
 * - @salesforce/schema/Object[.Field]: { objectApiName, fieldApiName }; a field that force-app does
 *   not define fails the build, as it fails a deploy.
 * - @salesforce/label/c.Name: the label in the page's language (English or a translation,
 *   English where a translation is missing); an unknown label fails the build.
 * - @salesforce/i18n/*: locale, language, time zone and date formats of the page's language; the
 *   keys not set here come from lightning-base-components' own defaults.
 * - @salesforce/user/Id: the preview user.
 * The page picks its language before the bundle runs (window.__preview.language, set by
 * preview-config.js), so one bundle serves every language.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PREFIX = '\0preview:';
const require = createRequire(import.meta.url);
const baseComponentsDir = dirname(require.resolve('lightning-base-components/package.json'));

/** The i18n values the preview sets per language; the rest are lightning-base-components' defaults. */
export const I18N = {
  en: {
    locale: 'en-US',
    lang: 'en-US',
    'dateTime.mediumDateFormat': 'MMM d, yyyy',
    'dateTime.shortDateFormat': 'M/d/yyyy',
    firstDayOfWeek: 1,
  },
  fr: {
    locale: 'fr-FR',
    lang: 'fr',
    'dateTime.mediumDateFormat': 'd MMM yyyy',
    'dateTime.shortDateFormat': 'dd/MM/yyyy',
    firstDayOfWeek: 2,
    'number.decimalSeparator': ',',
    'number.groupingSeparator': '\u202f',
  },
};

export function virtualModules({ labels, objects, userId, timeZone }) {
  return {
    name: 'preview-salesforce-modules',
    resolveId(source) {
      if (
        source.startsWith('@salesforce/schema/') ||
        source.startsWith('@salesforce/label/c.') ||
        source.startsWith('@salesforce/i18n/') ||
        source === '@salesforce/user/Id' ||
        source === 'preview:labels' ||
        source === 'preview:language'
      ) {
        return PREFIX + source;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const source = id.slice(PREFIX.length);
      if (source === 'preview:language') {
        return `export const language = (globalThis.__preview && globalThis.__preview.language) || 'en';`;
      }
      if (source === 'preview:labels') {
        const languages = Object.fromEntries(Object.entries(labels).filter(([key]) => !key.includes(':')));
        return [
          `import { language } from 'preview:language';`,
          `const LABELS = ${JSON.stringify(languages)};`,
          `export function label(name) { return (LABELS[language] || LABELS.en)[name]; }`,
        ].join('\n');
      }
      if (source.startsWith('@salesforce/label/c.')) {
        const name = source.slice('@salesforce/label/c.'.length);
        if (labels.en[name] === undefined) this.error(`Unknown custom label ${name} (${source})`);
        return `import { label } from 'preview:labels';\nexport default label(${JSON.stringify(name)});`;
      }
      if (source.startsWith('@salesforce/schema/')) {
        const [objectApiName, ...path] = source.slice('@salesforce/schema/'.length).split('.');
        const object = objects[objectApiName];
        if (!object) this.error(`Unknown object ${objectApiName} (${source})`);
        if (path.length === 0) return `export default ${JSON.stringify({ objectApiName })};`;
        let current = object;
        path.forEach((name, index) => {
          const field = Object.values(current.fields).find((info) =>
            index === path.length - 1 ? info.apiName === name : info.relationshipName === name,
          );
          if (!field) this.error(`Unknown field ${name} on ${current.apiName} (${source})`);
          if (index < path.length - 1) current = objects[field.referenceToInfos[0].apiName];
        });
        return `export default ${JSON.stringify({ objectApiName, fieldApiName: path.join('.') })};`;
      }
      if (source === '@salesforce/user/Id') return `export default ${JSON.stringify(userId)};`;
      const key = source.slice('@salesforce/i18n/'.length);
      if (key === 'timeZone') return `export default ${JSON.stringify(timeZone)};`;
      if (I18N.en[key] !== undefined) {
        return [
          `import { language } from 'preview:language';`,
          `const VALUES = ${JSON.stringify(Object.fromEntries(Object.entries(I18N).map(([lang, values]) => [lang, values[key] ?? I18N.en[key]])))};`,
          `export default VALUES[language] ?? VALUES.en;`,
        ].join('\n');
      }
      if (I18N.fr[key] !== undefined) {
        const fallback = join(baseComponentsDir, 'scopedImports', `@salesforce-i18n-${key}.js`);
        return [
          `import { language } from 'preview:language';`,
          `import fallback from ${JSON.stringify(fallback)};`,
          `const VALUES = ${JSON.stringify(Object.fromEntries(Object.entries(I18N).map(([lang, values]) => [lang, values[key]])))};`,
          `export default VALUES[language] ?? fallback;`,
        ].join('\n');
      }
      const fallback = join(baseComponentsDir, 'scopedImports', `@salesforce-i18n-${key}.js`);
      return `export { default } from ${JSON.stringify(fallback)};`;
    },
  };
}
