/**
 * Object translations: the words the org itself translates, which custom labels cannot carry.
 * Picklist value labels (what getPicklistValues and GraphQL displayValue return), field and
 * relationship labels on record pages, object names and validation rule messages come from the
 * org's CustomObjectTranslation in the user's language.
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_customobjecttranslation.htm
 *
 * Source format is decomposed by source-deploy-retrieve (registry type customobjecttranslation,
 * strategy decomposed/topLevel): objectTranslations/<Object>-<language>/ holds
 * <Object>-<language>.objectTranslation-meta.xml (names, validation rule messages) and one
 * <Field>.fieldTranslation-meta.xml per field (label, relationship label, picklist values).
 * A picklist value is named by <masterLabel>, its label in the master language, not its API name:
 * Salesforce.org's PMM (force-app/main/default/objectTranslations/ServiceSchedule__c-fr/
 * DaysOfWeek__c.fieldTranslation-meta.xml) names the values 0-6 by their labels Sun-Sat.
 *
 * Every translation must name an object, field, value and rule that exist; every object of the
 * project (custom metadata types aside: only admins read them) is translated into each language
 * the console ships, down to each field label, picklist value and validation message.
 */
import { findingIn, type Finding } from '../findings';
import { filesOfType, type FieldModel, type MetadataFile, type ObjectModel, type ProjectModel } from '../project';
import { childNamed, childrenNamed, textOf, type XmlElement } from '../xml';
import { TRANSLATION_LANGUAGES } from './labels';

const CHECK = 'object-translations';

interface PicklistValue {
  apiName: string;
  label: string;
  active: boolean;
  element: XmlElement;
}

/** Object translations and field translations by "<Object>-<language>" and "<Object>-<language>.<Field>". */
interface Translations {
  objects: Map<string, MetadataFile>;
  fields: Map<string, MetadataFile>;
}

/** "Invoice__c-nl_NL" → Invoice__c and nl_NL (object names have no hyphen; languages have none either). */
function splitTranslationName(name: string): { object: string; language: string } {
  const dash = name.lastIndexOf('-');
  return dash === -1 ? { object: name, language: '' } : { object: name.slice(0, dash), language: name.slice(dash + 1) };
}

/** The values of a picklist with its own value set; undefined for other fields and global value sets. */
function valuesOf(field: FieldModel): PicklistValue[] | undefined {
  const valueSet = field.file?.root && childNamed(field.file.root, 'valueSet');
  const definition = valueSet && childNamed(valueSet, 'valueSetDefinition');
  if (!definition) return undefined;
  return childrenNamed(definition, 'value').map((element) => {
    const apiName = textOf(element, 'fullName') ?? '';
    return {
      apiName,
      label: textOf(element, 'label') ?? apiName,
      active: textOf(element, 'isActive') !== 'false',
      element,
    };
  });
}

function customFields(object: ObjectModel): FieldModel[] {
  return [...object.fields.values()].filter((field) => !field.standard && field.file?.root);
}

/** Objects whose words users read: custom objects, and standard objects that carry custom fields. */
function translatedObjects(project: ProjectModel): ObjectModel[] {
  return [...project.objects.values()].filter((object) =>
    object.kind === 'custom'
      ? object.file !== undefined
      : object.kind === 'standard' && customFields(object).length > 0,
  );
}

function folderOf(object: string, language: string): string {
  return `objectTranslations/${object}-${language}/`;
}

function checkObjectTranslation(project: ProjectModel, file: MetadataFile, findings: Finding[]): void {
  const root = file.root;
  if (!root) return;
  const { object: objectName, language } = splitTranslationName(file.fullName);
  if (!(TRANSLATION_LANGUAGES as readonly string[]).includes(language))
    findings.push(
      findingIn(
        CHECK,
        file,
        root,
        `${language || '(none)'} is not a language the console ships (${TRANSLATION_LANGUAGES.join(', ')})`,
      ),
    );
  const object = project.objects.get(objectName);
  if (!object) {
    findings.push(
      findingIn(
        CHECK,
        file,
        root,
        `a translation of ${objectName}, which is neither an object of the project nor a standard object`,
      ),
    );
    return;
  }
  const rules = new Set(object.validationRules.map((rule) => rule.fullName.split('.')[1]));
  const seen = new Set<string>();
  for (const entry of childrenNamed(root, 'validationRules')) {
    const name = textOf(entry, 'name') ?? '';
    if (!rules.has(name)) findings.push(findingIn(CHECK, file, entry, `${objectName} has no validation rule ${name}`));
    if (seen.has(name)) findings.push(findingIn(CHECK, file, entry, `${name} is translated twice in this file`));
    if (!textOf(entry, 'errorMessage'))
      findings.push(findingIn(CHECK, file, entry, `the translated error message of ${name} is empty`));
    seen.add(name);
  }
  if (object.kind === 'custom') {
    const caseValues = childrenNamed(root, 'caseValues').filter((entry) => textOf(entry, 'value'));
    const plural = caseValues.some((entry) => textOf(entry, 'plural') === 'true');
    const singular = caseValues.some((entry) => textOf(entry, 'plural') !== 'true');
    if (!plural || !singular)
      findings.push(
        findingIn(
          CHECK,
          file,
          root,
          `the object's name is not translated: add <caseValues> for the singular and the plural`,
        ),
      );
  }
}

function checkPicklistValues(field: FieldModel, file: MetadataFile, root: XmlElement, findings: Finding[]): void {
  const entries = childrenNamed(root, 'picklistValues');
  const values = valuesOf(field);
  if (entries.length > 0 && !values) {
    findings.push(findingIn(CHECK, file, entries[0], `${field.name} has no picklist values of its own to translate`));
    return;
  }
  const byLabel = new Map((values ?? []).map((value) => [value.label, value]));
  const byApiName = new Map((values ?? []).map((value) => [value.apiName, value]));
  const seen = new Set<string>();
  for (const entry of entries) {
    const masterLabel = textOf(entry, 'masterLabel') ?? '';
    if (!byLabel.has(masterLabel)) {
      const byName = byApiName.get(masterLabel);
      findings.push(
        findingIn(
          CHECK,
          file,
          entry,
          byName
            ? `<masterLabel>${masterLabel}</masterLabel> is the API name: name the value by its label, ${byName.label}`
            : `${field.object}.${field.name} has no picklist value labelled ${masterLabel}`,
        ),
      );
    }
    if (seen.has(masterLabel))
      findings.push(findingIn(CHECK, file, entry, `${masterLabel} is translated twice in this file`));
    if (!textOf(entry, 'translation'))
      findings.push(findingIn(CHECK, file, entry, `the translation of ${masterLabel} is empty`));
    seen.add(masterLabel);
  }
}

function checkFieldTranslation(project: ProjectModel, file: MetadataFile, findings: Finding[]): void {
  const root = file.root;
  if (!root) return;
  const [translationName = '', fieldName = ''] = file.fullName.split('.');
  const { object: objectName } = splitTranslationName(translationName);
  const object = project.objects.get(objectName);
  const field = object?.fields.get(fieldName);
  if (!object || !field || field.standard) {
    findings.push(
      findingIn(
        CHECK,
        file,
        root,
        object
          ? `${objectName} has no custom field ${fieldName} (standard fields are translated in the object translation)`
          : `a translation of ${objectName}, which is neither an object of the project nor a standard object`,
      ),
    );
    return;
  }
  const name = textOf(root, 'name');
  if (name !== fieldName)
    findings.push(
      findingIn(
        CHECK,
        file,
        childNamed(root, 'name') ?? root,
        `<name> must be ${fieldName}, the field the file is named after`,
      ),
    );
  const relationship = childNamed(root, 'relationshipLabel');
  if (relationship && !(field.file?.root && textOf(field.file.root, 'relationshipLabel')))
    findings.push(findingIn(CHECK, file, relationship, `${fieldName} has no relationship label to translate`));
  checkPicklistValues(field, file, root, findings);
}

/** The languages among `languages` for which `translated` is false, or [] when all are translated. */
function missingIn(languages: readonly string[], translated: (language: string) => boolean): string[] {
  return languages.filter((language) => !translated(language));
}

function checkFieldCoverage(
  object: ObjectModel,
  field: FieldModel,
  languages: readonly string[],
  translations: Translations,
  findings: Finding[],
): void {
  const file = field.file;
  const root = file?.root;
  if (!file || !root) return;
  const translationOf = (language: string): XmlElement | undefined =>
    translations.fields.get(`${object.name}-${language}.${field.name}`)?.root;
  const where = `${folderOf(object.name, '<language>')}${field.name}.fieldTranslation-meta.xml`;
  const hasText = (language: string, element: string): boolean => {
    const translation = translationOf(language);
    return translation !== undefined && Boolean(textOf(translation, element));
  };
  const noLabel = missingIn(languages, (language) => hasText(language, 'label'));
  if (noLabel.length > 0)
    findings.push(
      findingIn(
        CHECK,
        file,
        root,
        `${field.name}: the field label is not translated into ${noLabel.join(', ')} (${where})`,
      ),
    );
  const relationship = textOf(root, 'relationshipLabel');
  if (relationship) {
    const missing = missingIn(languages, (language) => hasText(language, 'relationshipLabel'));
    if (missing.length > 0)
      findings.push(
        findingIn(
          CHECK,
          file,
          childNamed(root, 'relationshipLabel'),
          `${field.name}: the relationship label ${relationship} is not translated into ${missing.join(', ')} (${where})`,
        ),
      );
  }
  for (const value of valuesOf(field) ?? []) {
    if (!value.active) continue;
    const missing = missingIn(languages, (language) => {
      const translation = translationOf(language);
      return Boolean(
        translation &&
        childrenNamed(translation, 'picklistValues').some(
          (entry) => textOf(entry, 'masterLabel') === value.label && textOf(entry, 'translation'),
        ),
      );
    });
    if (missing.length > 0)
      findings.push(
        findingIn(
          CHECK,
          file,
          value.element,
          `${object.name}.${field.name} value ${value.apiName} (${value.label}) is not translated into ${missing.join(', ')}: add <picklistValues> with <masterLabel>${value.label}</masterLabel> to ${where}`,
        ),
      );
  }
}

function checkRuleCoverage(
  object: ObjectModel,
  languages: readonly string[],
  translations: Translations,
  findings: Finding[],
): void {
  for (const rule of object.validationRules) {
    const name = rule.fullName.split('.')[1];
    const missing = missingIn(languages, (language) => {
      const root = translations.objects.get(`${object.name}-${language}`)?.root;
      return Boolean(
        root &&
        childrenNamed(root, 'validationRules').some(
          (entry) => textOf(entry, 'name') === name && textOf(entry, 'errorMessage'),
        ),
      );
    });
    if (missing.length > 0)
      findings.push(
        findingIn(
          CHECK,
          rule,
          rule.root,
          `${name}: the error message is not translated into ${missing.join(', ')} (<validationRules> in ${folderOf(object.name, '<language>')}${object.name}-<language>.objectTranslation-meta.xml)`,
        ),
      );
  }
}

function checkCoverage(project: ProjectModel, translations: Translations, findings: Finding[]): void {
  for (const object of translatedObjects(project)) {
    const fields = customFields(object);
    const anchor = object.file ?? fields[0]?.file;
    if (!anchor) continue;
    const hasAny = (language: string): boolean =>
      translations.objects.has(`${object.name}-${language}`) ||
      fields.some((field) => translations.fields.has(`${object.name}-${language}.${field.name}`));
    const absent = missingIn(TRANSLATION_LANGUAGES, hasAny);
    if (absent.length > 0)
      findings.push(
        findingIn(
          CHECK,
          anchor,
          anchor.root,
          `${object.name} is not translated into ${absent.join(', ')}: its name, field labels, picklist values and validation messages show in English (add ${folderOf(object.name, '<language>')})`,
        ),
      );
    const languages = TRANSLATION_LANGUAGES.filter(hasAny);
    for (const language of languages) {
      if (!translations.objects.has(`${object.name}-${language}`))
        findings.push(
          findingIn(
            CHECK,
            anchor,
            anchor.root,
            `${folderOf(object.name, language)} has field translations but no ${object.name}-${language}.objectTranslation-meta.xml`,
          ),
        );
    }
    for (const field of fields) checkFieldCoverage(object, field, languages, translations, findings);
    checkRuleCoverage(object, languages, translations, findings);
  }
}

export function checkObjectTranslations(project: ProjectModel): Finding[] {
  const findings: Finding[] = [];
  const translations: Translations = {
    objects: new Map(filesOfType(project, 'CustomObjectTranslation').map((file) => [file.fullName, file])),
    fields: new Map(filesOfType(project, 'CustomFieldTranslation').map((file) => [file.fullName, file])),
  };
  for (const file of translations.objects.values()) checkObjectTranslation(project, file, findings);
  for (const file of translations.fields.values()) checkFieldTranslation(project, file, findings);
  checkCoverage(project, translations, findings);
  return findings;
}
