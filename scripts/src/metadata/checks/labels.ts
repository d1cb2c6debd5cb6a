/**
 * Custom labels: every word a user reads. Each label is complete (a short description for the
 * translator, a value), defined once across the label files source-deploy-retrieve merges,
 * translated into every language the console supports, and used somewhere; each translation is of
 * a label that exists, and every $Label reference in pages, flows and email templates names one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { labelImports, loadBundles } from '../bundles';
import { findingIn, type Finding } from '../findings';
import { filesOfType, MetadataFile, ProjectModel } from '../project';
import { childrenNamed, textOf, XmlElement } from '../xml';

const CHECK = 'labels';
/** The languages beside English that the console ships (issue 5: French, German, Spanish, Dutch). */
export const TRANSLATION_LANGUAGES = ['fr', 'de', 'es', 'nl_NL'] as const;
/** The longest value Salesforce accepts for a custom label. */
const MAX_VALUE = 1000;
/** $Label.Name in flows and formulas, $Label.c.Name in Lightning pages. */
const LABEL_REFERENCE = /\$Label\.(?:c\.)?([A-Za-z][A-Za-z0-9_]*)/g;

interface LabelEntry {
  name: string;
  file: MetadataFile;
  element: XmlElement;
}

interface LabelReference {
  name: string;
  file: string;
  line: number;
}

function labelEntries(project: ProjectModel, findings: Finding[]): LabelEntry[] {
  const entries: LabelEntry[] = [];
  for (const file of filesOfType(project, 'CustomLabels')) {
    if (!file.root) continue;
    for (const element of childrenNamed(file.root, 'labels')) {
      const name = textOf(element, 'fullName') ?? '';
      if (!name) {
        findings.push(findingIn(CHECK, file, element, 'a label without <fullName>'));
        continue;
      }
      entries.push({ name, file, element });
    }
  }
  return entries;
}

function checkLabelTexts(entry: LabelEntry, findings: Finding[]): void {
  const { name, file, element } = entry;
  if (!textOf(element, 'shortDescription'))
    findings.push(
      findingIn(CHECK, file, element, `${name} has no <shortDescription>: tell the translator where the words appear`),
    );
  const value = textOf(element, 'value') ?? '';
  if (!value) findings.push(findingIn(CHECK, file, element, `${name} has no <value>`));
  if (value.length > MAX_VALUE)
    findings.push(
      findingIn(
        CHECK,
        file,
        element,
        `${name}: the value is ${value.length} characters; Salesforce allows ${MAX_VALUE}`,
      ),
    );
}

/** Where the four translation files are expected: beside the labels folder. */
function translationPath(project: ProjectModel, language: string): string {
  const labels = filesOfType(project, 'CustomLabels')[0];
  const base = labels ? posix.dirname(posix.dirname(labels.path)) : 'force-app/main/default';
  return `${base}/translations/${language}.translation-meta.xml`;
}

function checkTranslations(project: ProjectModel, entries: LabelEntry[], findings: Finding[]): void {
  const labels = new Set(entries.map((entry) => entry.name));
  const translated = new Map<string, Set<string>>();
  for (const file of filesOfType(project, 'Translations')) {
    const root = file.root;
    if (!root) continue;
    const names = new Set<string>();
    translated.set(file.fullName, names);
    for (const entry of childrenNamed(root, 'customLabels')) {
      const name = textOf(entry, 'name') ?? '';
      if (!labels.has(name))
        findings.push(findingIn(CHECK, file, entry, `a translation of ${name}, which is not a custom label`));
      if (names.has(name)) findings.push(findingIn(CHECK, file, entry, `${name} is translated twice in this file`));
      if (!textOf(entry, 'label')) findings.push(findingIn(CHECK, file, entry, `the translation of ${name} is empty`));
      names.add(name);
    }
  }
  if (entries.length === 0) return;
  for (const language of TRANSLATION_LANGUAGES) {
    if (!translated.has(language))
      findings.push({
        check: CHECK,
        file: translationPath(project, language),
        message: `the ${language} translation file is missing: every label is translated into ${TRANSLATION_LANGUAGES.join(', ')}`,
      });
  }
  for (const { name, file, element } of entries) {
    const missing = TRANSLATION_LANGUAGES.filter(
      (language) => translated.has(language) && !translated.get(language)?.has(name),
    );
    if (missing.length > 0)
      findings.push(findingIn(CHECK, file, element, `${name} is not translated into ${missing.join(', ')}`));
  }
}

function referencesIn(path: string, text: string): LabelReference[] {
  const references: LabelReference[] = [];
  for (const match of text.matchAll(LABEL_REFERENCE)) {
    const line = text.slice(0, match.index).split('\n').length;
    references.push({ name: match[1] ?? '', file: path, line });
  }
  return references;
}

/** Every place a label is used: component imports and templates, and $Label in any metadata file or email body. */
function labelUses(project: ProjectModel): { imported: Set<string>; references: LabelReference[] } {
  const imported = new Set<string>();
  const references: LabelReference[] = [];
  for (const bundle of loadBundles(project)) {
    for (const use of labelImports(bundle)) imported.add(use.name);
    for (const template of bundle.templates) references.push(...referencesIn(template.path, template.text));
  }
  for (const file of project.files) {
    if (file.type === 'CustomLabels' || file.type === 'Translations') continue;
    references.push(...referencesIn(file.path, readFileSync(file.absolutePath, 'utf8')));
    if (file.type === 'EmailTemplate') {
      // The body sits beside the -meta.xml: Name.email next to Name.email-meta.xml.
      const body = file.absolutePath.replace(/-meta\.xml$/, '');
      if (body !== file.absolutePath && existsSync(body))
        references.push(...referencesIn(file.path.replace(/-meta\.xml$/, ''), readFileSync(body, 'utf8')));
    }
  }
  return { imported, references };
}

export function checkLabels(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const entries = labelEntries(project, findings);
  const first = new Map<string, LabelEntry>();
  for (const entry of entries) {
    checkLabelTexts(entry, findings);
    const earlier = first.get(entry.name);
    if (earlier) {
      findings.push(
        findingIn(
          CHECK,
          entry.file,
          entry.element,
          `${entry.name} is defined twice (also in ${earlier.file.path}:${earlier.element.line}); label names are one namespace across all label files`,
        ),
      );
    } else first.set(entry.name, entry);
  }
  checkTranslations(project, entries, findings);
  const { imported, references } = labelUses(project);
  for (const reference of references) {
    if (!first.has(reference.name))
      findings.push({
        check: CHECK,
        file: reference.file,
        line: reference.line,
        message: `$Label ${reference.name}: there is no custom label ${reference.name}`,
      });
  }
  const used = new Set([...imported, ...references.map((reference) => reference.name)]);
  for (const entry of first.values()) {
    if (!used.has(entry.name))
      findings.push(
        findingIn(
          CHECK,
          entry.file,
          entry.element,
          `${entry.name} is used by no component, page, flow or email template: remove it or use it`,
        ),
      );
  }
  return findings;
}
