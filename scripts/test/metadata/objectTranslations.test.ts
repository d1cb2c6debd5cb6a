/**
 * The object translation check on a copy of the real project: every translation names an object,
 * field, picklist value (by its label) and validation rule that exist, and every object's field
 * labels, picklist values and rule messages are translated into French, German, Spanish and Dutch.
 * Each test breaks the copy and expects the finding at its file and line.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkObjectTranslations } from '../../src/metadata/checks/objectTranslations';
import { formatFinding } from '../../src/metadata/findings';
import { loadProject } from '../../src/metadata/project';
import { expectFinding, lineOf } from './consoleFixture';
import { DEFAULT, ProjectCopy } from './projectCopy';

const OBJECTS = `${DEFAULT}/objects`;
const TRANSLATIONS = `${DEFAULT}/objectTranslations`;
const INVOICE_STATUS = `${OBJECTS}/Invoice__c/fields/Status__c.field-meta.xml`;
const PROMISE_STATUS = `${OBJECTS}/Promise_To_Pay__c/fields/Status__c.field-meta.xml`;

let copy: ProjectCopy;

beforeEach(() => {
  copy = new ProjectCopy();
});

afterEach(() => {
  copy.dispose();
});

/** This check's findings alone, formatted as the CLI prints them (faster than the whole run). */
function translationProblems(): string[] {
  return checkObjectTranslations(loadProject(copy.dir)).map(formatFinding);
}

test('the project has no object translation findings in the whole run', async () => {
  // Arrange: the copy as it is. Act: every check, as `npm run check:metadata` runs them.
  const problems = await copy.problems();
  // Assert: none from this check, and the check did see the translations.
  expect(problems.filter((line) => line.endsWith('[object-translations]'))).toEqual([]);
  copy.remove(`${TRANSLATIONS}/Invoice__c-fr`);
  const broken = await copy.problems();
  expectFinding(broken, `${OBJECTS}/Invoice__c/Invoice__c.object-meta.xml`, 2, 'Invoice__c is not translated into fr');
});

test('a translation of an object or a field that does not exist is reported at its file', () => {
  // Arrange
  const object = `${TRANSLATIONS}/Invoce__c-fr/Invoce__c-fr.objectTranslation-meta.xml`;
  const field = `${TRANSLATIONS}/Invoice__c-fr/Amount_Due__c.fieldTranslation-meta.xml`;
  mkdirSync(join(copy.dir, TRANSLATIONS, 'Invoce__c-fr'));
  copy.write(
    object,
    copy
      .read(`${TRANSLATIONS}/Invoice__c-fr/Invoice__c-fr.objectTranslation-meta.xml`)
      .replace(/<validationRules>[\s\S]*<\/validationRules>\n/, ''),
  );
  copy.write(
    field,
    copy
      .read(`${TRANSLATIONS}/Invoice__c-fr/Amount__c.fieldTranslation-meta.xml`)
      .replace('<name>Amount__c</name>', '<name>Amount_Due__c</name>'),
  );
  // Act
  const problems = translationProblems();
  // Assert
  expectFinding(
    problems,
    object,
    2,
    'a translation of Invoce__c, which is neither an object of the project nor a standard object',
  );
  expectFinding(problems, field, 2, 'Invoice__c has no custom field Amount_Due__c');
});

test('a picklist value named by its API name or by a label it does not have is reported, and counts as untranslated', () => {
  // Arrange
  const french = `${TRANSLATIONS}/Invoice__c-fr/Status__c.fieldTranslation-meta.xml`;
  const german = `${TRANSLATIONS}/Invoice__c-de/Status__c.fieldTranslation-meta.xml`;
  copy.replace(french, '<masterLabel>Partially Paid</masterLabel>', '<masterLabel>Partially_Paid</masterLabel>');
  copy.replace(german, '<masterLabel>Paid</masterLabel>', '<masterLabel>Settled</masterLabel>');
  // Act
  const problems = translationProblems();
  // Assert: at the translation, and at the value in the field's own file.
  expectFinding(
    problems,
    french,
    lineOf(copy, french, 'Partially_Paid') - 1,
    '<masterLabel>Partially_Paid</masterLabel> is the API name: name the value by its label, Partially Paid',
  );
  expectFinding(
    problems,
    german,
    lineOf(copy, german, 'Settled') - 1,
    'Invoice__c.Status__c has no picklist value labelled Settled',
  );
  expectFinding(
    problems,
    INVOICE_STATUS,
    lineOf(copy, INVOICE_STATUS, '<fullName>Partially_Paid</fullName>') - 1,
    'Invoice__c.Status__c value Partially_Paid (Partially Paid) is not translated into fr',
  );
  expectFinding(
    problems,
    INVOICE_STATUS,
    lineOf(copy, INVOICE_STATUS, '<fullName>Paid</fullName>') - 1,
    'Invoice__c.Status__c value Paid (Paid) is not translated into de',
  );
});

test('a new picklist value is reported at the value with every language and the file to add it to', () => {
  // Arrange
  copy.replace(
    PROMISE_STATUS,
    '        </valueSetDefinition>',
    `            <value>
                <fullName>Renegotiated</fullName>
                <default>false</default>
                <label>Renegotiated</label>
            </value>
        </valueSetDefinition>`,
  );
  // Act
  const problems = translationProblems();
  // Assert
  expectFinding(
    problems,
    PROMISE_STATUS,
    lineOf(copy, PROMISE_STATUS, '<fullName>Renegotiated</fullName>') - 1,
    'Promise_To_Pay__c.Status__c value Renegotiated (Renegotiated) is not translated into fr, de, es, nl_NL: add <picklistValues> with <masterLabel>Renegotiated</masterLabel> to objectTranslations/Promise_To_Pay__c-<language>/Status__c.fieldTranslation-meta.xml',
  );
});

test('a validation rule translation must name a rule of the object, and every rule message is translated', () => {
  // Arrange
  const spanish = `${TRANSLATIONS}/Invoice__c-es/Invoice__c-es.objectTranslation-meta.xml`;
  const rule = `${OBJECTS}/Invoice__c/validationRules/Due_Date_Not_Before_Invoice_Date.validationRule-meta.xml`;
  copy.replace(spanish, '<name>Due_Date_Not_Before_Invoice_Date</name>', '<name>Due_Date_After_Invoice_Date</name>');
  // Act
  const problems = translationProblems();
  // Assert
  expectFinding(
    problems,
    spanish,
    lineOf(copy, spanish, 'Due_Date_After_Invoice_Date') - 2,
    'Invoice__c has no validation rule Due_Date_After_Invoice_Date',
  );
  expectFinding(problems, rule, 2, 'Due_Date_Not_Before_Invoice_Date: the error message is not translated into es');
});

test('a missing language, field label, relationship label or object name is reported where the English is', () => {
  // Arrange
  const reasonCode = `${OBJECTS}/Dispute__c/fields/Reason_Code__c.field-meta.xml`;
  const invoiceAccount = `${OBJECTS}/Invoice__c/fields/Account__c.field-meta.xml`;
  const spanishDispute = `${TRANSLATIONS}/Dispute__c-es/Dispute__c-es.objectTranslation-meta.xml`;
  copy.remove(`${TRANSLATIONS}/Promise_To_Pay__c-nl_NL`);
  copy.replace(`${TRANSLATIONS}/Dispute__c-de/Reason_Code__c.fieldTranslation-meta.xml`, /\s*<label>.*<\/label>/, '');
  copy.replace(
    `${TRANSLATIONS}/Invoice__c-nl_NL/Account__c.fieldTranslation-meta.xml`,
    /\s*<relationshipLabel>.*<\/relationshipLabel>/,
    '',
  );
  copy.replace(spanishDispute, /\s*<caseValues>[\s\S]*<\/caseValues>/, '');
  // Act
  const problems = translationProblems();
  // Assert
  expectFinding(
    problems,
    `${OBJECTS}/Promise_To_Pay__c/Promise_To_Pay__c.object-meta.xml`,
    2,
    'Promise_To_Pay__c is not translated into nl_NL: its name, field labels, picklist values and validation messages show in English',
  );
  expectFinding(problems, reasonCode, 2, 'Reason_Code__c: the field label is not translated into de');
  expectFinding(
    problems,
    invoiceAccount,
    lineOf(copy, invoiceAccount, '<relationshipLabel>'),
    'Account__c: the relationship label Invoices is not translated into nl_NL',
  );
  expectFinding(
    problems,
    spanishDispute,
    2,
    "the object's name is not translated: add <caseValues> for the singular and the plural",
  );
});
