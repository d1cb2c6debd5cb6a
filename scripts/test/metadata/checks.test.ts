/**
 * The offline deploy checks, each fed a broken copy of the real project: the check must fail and
 * name the file and the problem. The first test holds the real project to zero findings.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT, ProjectCopy, REPO_ROOT } from './projectCopy';
import { runChecks } from '../../src/metadata/runChecks';
import { formatFinding } from '../../src/metadata/findings';
import { TOOLING_FIELD_USES } from '../../src/metadata/toolingFieldUses';

const INVOICE_FIELDS = `${DEFAULT}/objects/Invoice__c/fields`;
const COLLECTOR = `${DEFAULT}/permissionsets/Collections_Collector.permissionset-meta.xml`;

let copy: ProjectCopy;

beforeEach(() => {
  copy = new ProjectCopy();
});

afterEach(() => {
  copy.dispose();
});

function expectProblem(problems: string[], file: string, ...fragments: string[]): void {
  const matching = problems.filter(
    (line) => line.startsWith(file) && fragments.every((fragment) => line.includes(fragment)),
  );
  if (matching.length === 0) {
    throw new Error(
      `no finding in ${file} mentioning ${JSON.stringify(fragments)}; findings were:\n${problems.join('\n') || '(none)'}`,
    );
  }
}

test('the project as committed has no findings', async () => {
  const { project, findings } = await runChecks(REPO_ROOT, TOOLING_FIELD_USES);
  expect(findings.map(formatFinding)).toEqual([]);
  // the checks saw the whole project, not an empty directory
  expect(project.files.length).toBeGreaterThan(250);
  expect(project.objects.get('Invoice__c')?.fields.size).toBeGreaterThan(15);
});

describe('files and elements', () => {
  test('XML that is not well formed is reported with its line', async () => {
    copy.replace(`${INVOICE_FIELDS}/Due_Date__c.field-meta.xml`, '</label>', '</lable>');
    expectProblem(await copy.problems(), `${INVOICE_FIELDS}/Due_Date__c.field-meta.xml:`, 'not well-formed XML');
  });

  test('a misspelled element is named, with the likely intended one', async () => {
    copy.replace(`${INVOICE_FIELDS}/Due_Date__c.field-meta.xml`, /<label>(.*)<\/label>/, '<lable>$1</lable>');
    expectProblem(
      await copy.problems(),
      `${INVOICE_FIELDS}/Due_Date__c.field-meta.xml:`,
      '<lable> is not an element of CustomField',
      'did you mean <label>?',
    );
  });

  test('a value outside its enumeration is refused', async () => {
    copy.replace(`${INVOICE_FIELDS}/Amount__c.field-meta.xml`, '<type>Currency</type>', '<type>Curency</type>');
    expectProblem(
      await copy.problems(),
      `${INVOICE_FIELDS}/Amount__c.field-meta.xml:`,
      '<type>Curency</type> is not a value of FieldType',
      'did you mean Currency?',
    );
  });

  test('elements out of the Metadata API order are refused', async () => {
    const path = `${INVOICE_FIELDS}/Amount__c.field-meta.xml`;
    const text = copy.read(path);
    const label = /\s*<label>.*<\/label>/.exec(text)?.[0] ?? '';
    copy.write(path, text.replace(label, '').replace('<type>Currency</type>', `<type>Currency</type>${label}`));
    expectProblem(await copy.problems(), path, '<label> must come before <type>');
  });

  test('a boolean element holding something else is refused', async () => {
    copy.replace(`${INVOICE_FIELDS}/Amount__c.field-meta.xml`, '<required>true</required>', '<required>yes</required>');
    expectProblem(
      await copy.problems(),
      `${INVOICE_FIELDS}/Amount__c.field-meta.xml:`,
      '<required> must be true or false',
    );
  });

  test('a required element that is missing is named', async () => {
    const path = `${DEFAULT}/objects/Promise_To_Pay__c/validationRules/Amount_Positive.validationRule-meta.xml`;
    copy.replace(path, /\s*<errorMessage>.*<\/errorMessage>/, '');
    expectProblem(await copy.problems(), path, 'lacks the required element <errorMessage>');
  });

  test('a file source-deploy-retrieve cannot type is reported', async () => {
    copy.write(
      `${DEFAULT}/objects/Invoice__c/fields/Notes__c.fld-meta.xml`,
      copy.read(`${INVOICE_FIELDS}/PO_Number__c.field-meta.xml`),
    );
    expectProblem(
      await copy.problems(),
      `${DEFAULT}/objects/Invoice__c/fields/Notes__c.fld-meta.xml`,
      'source-deploy-retrieve cannot resolve it',
    );
  });
});

describe('fields and objects', () => {
  test('a field without a description or help text is reported', async () => {
    const path = `${INVOICE_FIELDS}/PO_Number__c.field-meta.xml`;
    copy.replace(path, /\s*<description>[\s\S]*?<\/description>/, '');
    copy.replace(path, /\s*<inlineHelpText>[\s\S]*?<\/inlineHelpText>/, '');
    const problems = await copy.problems();
    expectProblem(problems, path, 'Invoice__c.PO_Number__c has no <description>');
    expectProblem(problems, path, 'Invoice__c.PO_Number__c has no <inlineHelpText>');
  });

  test('help text longer than Salesforce allows is reported', async () => {
    const path = `${INVOICE_FIELDS}/PO_Number__c.field-meta.xml`;
    copy.replace(path, /<inlineHelpText>/, `<inlineHelpText>${'x'.repeat(600)}`);
    expectProblem(await copy.problems(), path, '<inlineHelpText> is', 'Salesforce allows 510');
  });

  test('a lookup without a relationship name is reported', async () => {
    const path = `${INVOICE_FIELDS}/Collection_Case__c.field-meta.xml`;
    copy.replace(path, /\s*<relationshipName>.*<\/relationshipName>/, '');
    expectProblem(await copy.problems(), path, 'needs <relationshipName>');
  });

  test('a lookup to an object that does not exist is reported', async () => {
    const path = `${INVOICE_FIELDS}/Collection_Case__c.field-meta.xml`;
    copy.replace(
      path,
      '<referenceTo>Collection_Case__c</referenceTo>',
      '<referenceTo>Collection_Cases__c</referenceTo>',
    );
    expectProblem(await copy.problems(), path, 'refers to Collection_Cases__c');
  });

  test('two lookups giving the same child relationship name to one parent are reported', async () => {
    const path = `${DEFAULT}/objects/Payment_Plan__c/fields/Account__c.field-meta.xml`;
    copy.replace(path, /<relationshipName>.*<\/relationshipName>/, '<relationshipName>Disputes</relationshipName>');
    const problems = await copy.problems();
    expect(problems.some((line) => line.includes('Account already has a child relationship Disputes'))).toBe(true);
  });

  test('a picklist with two defaults is reported', async () => {
    const path = `${INVOICE_FIELDS}/Status__c.field-meta.xml`;
    const text = copy.read(path);
    copy.write(path, text.replace(/<default>false<\/default>/, '<default>true</default>'));
    expectProblem(await copy.problems(), path, 'values are marked default');
  });

  test('a roll-up over a field that does not exist is reported', async () => {
    const path = `${DEFAULT}/objects/Payment__c/fields/Applied_Amount__c.field-meta.xml`;
    copy.replace(
      path,
      '<summarizedField>Payment_Application__c.Amount__c',
      '<summarizedField>Payment_Application__c.Amount_Applied__c',
    );
    expectProblem(await copy.problems(), path, 'is not a field of Payment_Application__c');
  });

  test('a formula naming a deleted field is reported on the formula', async () => {
    copy.remove(`${INVOICE_FIELDS}/Due_Date__c.field-meta.xml`);
    const problems = await copy.problems();
    expectProblem(problems, `${INVOICE_FIELDS}/Days_Past_Due__c.field-meta.xml`, 'Invoice__c has no field Due_Date__c');
    expectProblem(
      problems,
      `${DEFAULT}/objects/Invoice__c/validationRules/Due_Date_Not_Before_Invoice_Date.validationRule-meta.xml`,
      'has no field Due_Date__c',
    );
  });

  test('a cross-object formula through a broken relationship is reported', async () => {
    const path = `${DEFAULT}/objects/Dispute_Invoice__c/validationRules/Amount_Within_Open_Balance.validationRule-meta.xml`;
    copy.replace(path, '&gt; Invoice__r.Open_Balance__c', '&gt; Invoice__r.Open_Amount__c');
    expectProblem(await copy.problems(), path, 'Invoice__c has no field Open_Amount__c');
  });

  test('a picklist compared like text is reported', async () => {
    const path = `${DEFAULT}/objects/Dispute__c/validationRules/Resolution_Required_When_Resolved.validationRule-meta.xml`;
    copy.replace(path, 'ISBLANK(TEXT(Resolution__c))', 'Resolution__c = &quot;&quot;');
    expectProblem(await copy.problems(), path, 'Resolution__c is a picklist');
  });

  test('ISPICKVAL with a value the picklist does not have is reported', async () => {
    const path = `${DEFAULT}/objects/Dispute__c/validationRules/Resolution_Required_When_Resolved.validationRule-meta.xml`;
    copy.replace(path, '"Resolved"', '"Closed"');
    expectProblem(await copy.problems(), path, '"Closed" is not a value of Dispute__c.Status__c');
  });

  test('a list view column or filter value that does not exist is reported', async () => {
    const path = `${DEFAULT}/objects/Collection_Case__c/listViews/My_Open_Cases.listView-meta.xml`;
    copy.replace(path, '<value>Closed</value>', '<value>Done</value>');
    expectProblem(await copy.problems(), path, '"Done" is not a value of Collection_Case__c.Status__c');
  });

  test('a master-detail child whose sharing is not controlled by its parent is reported', async () => {
    const path = `${DEFAULT}/objects/Payment_Plan_Installment__c/Payment_Plan_Installment__c.object-meta.xml`;
    copy.replace(path, '<sharingModel>ControlledByParent</sharingModel>', '<sharingModel>Read</sharingModel>');
    expectProblem(
      await copy.problems(),
      `${DEFAULT}/objects/Payment_Plan_Installment__c/fields/Payment_Plan__c.field-meta.xml`,
      'must be ControlledByParent',
    );
  });
});

describe('permission sets', () => {
  test('deleting a field a permission set grants makes the check name the permission set', async () => {
    copy.remove(`${INVOICE_FIELDS}/PO_Number__c.field-meta.xml`);
    expectProblem(
      await copy.problems(),
      COLLECTOR,
      'field permissions for Invoice__c.PO_Number__c, which does not exist',
    );
  });

  test('field permissions on a required field are refused', async () => {
    copy.replace(
      COLLECTOR,
      '<fieldPermissions>',
      '<fieldPermissions>\n        <editable>false</editable>\n        <field>Invoice__c.Due_Date__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <fieldPermissions>',
    );
    expectProblem(await copy.problems(), COLLECTOR, 'Invoice__c.Due_Date__c is required or master-detail');
  });

  test('an editable formula field is refused', async () => {
    copy.replace(
      COLLECTOR,
      /<editable>false<\/editable>(\s*)<field>Invoice__c.Days_Past_Due__c<\/field>/,
      '<editable>true</editable>$1<field>Invoice__c.Days_Past_Due__c</field>',
    );
    expectProblem(await copy.problems(), COLLECTOR, 'Invoice__c.Days_Past_Due__c is calculated');
  });

  test('edit without read on an object is refused', async () => {
    copy.replace(
      COLLECTOR,
      /<allowRead>true<\/allowRead>(\s*<modifyAllRecords>false<\/modifyAllRecords>\s*<object>Collection_Case__c<\/object>)/,
      '<allowRead>false</allowRead>$1',
    );
    expectProblem(await copy.problems(), COLLECTOR, 'Collection_Case__c: allowEdit needs allowRead');
  });

  test('a field nobody can read is reported', async () => {
    // Every permission set that grants the field, however many the project has.
    const folder = `${DEFAULT}/permissionsets`;
    const granting = readdirSync(join(copy.dir, folder))
      .map((name) => `${folder}/${name}`)
      .filter((file) => copy.read(file).includes('<field>Invoice__c.PO_Number__c</field>'));
    expect(granting.length).toBeGreaterThan(0);
    for (const file of granting) {
      copy.replace(
        file,
        /\s*<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Invoice__c.PO_Number__c<\/field>\s*<readable>\w+<\/readable>\s*<\/fieldPermissions>/,
        '',
      );
    }
    expectProblem(
      await copy.problems(),
      `${INVOICE_FIELDS}/PO_Number__c.field-meta.xml`,
      'readable in no permission set',
    );
  });
});

describe('custom metadata records', () => {
  test('deleting a field a policy record uses makes the check name the record', async () => {
    copy.remove(`${DEFAULT}/objects/Dunning_Step__mdt/fields/Offset_Days__c.field-meta.xml`);
    expectProblem(
      await copy.problems(),
      `${DEFAULT}/customMetadata/Dunning_Step.Reminder_2.md-meta.xml`,
      'Dunning_Step__mdt has no field Offset_Days__c',
    );
  });

  test('a value of the wrong XML type is reported', async () => {
    const path = `${DEFAULT}/customMetadata/Dunning_Step.Reminder_2.md-meta.xml`;
    copy.replace(path, '<value xsi:type="xsd:double">15.0</value>', '<value xsi:type="xsd:string">15.0</value>');
    expectProblem(await copy.problems(), path, 'Dunning_Step__mdt.Offset_Days__c is a Number field', 'xsd:double');
  });

  test('a picklist value the field does not have is reported', async () => {
    const path = `${DEFAULT}/customMetadata/Dunning_Step.Reminder_2.md-meta.xml`;
    copy.replace(
      path,
      '<value xsi:type="xsd:string">Reminder</value>',
      '<value xsi:type="xsd:string">Reminder_Email</value>',
    );
    expectProblem(await copy.problems(), path, '"Reminder_Email" is not one of its picklist values');
  });

  test('a metadata relationship to a record that does not exist is reported', async () => {
    const path = `${DEFAULT}/customMetadata/Dunning_Step.Reminder_2.md-meta.xml`;
    copy.replace(path, '<value xsi:type="xsd:string">Default</value>', '<value xsi:type="xsd:string">Strict</value>');
    expectProblem(await copy.problems(), path, 'points to Dunning_Policy.Strict');
  });
});

describe('references between components', () => {
  test('a tab for an object that does not exist is reported', async () => {
    copy.write(`${DEFAULT}/tabs/Ghost__c.tab-meta.xml`, copy.read(`${DEFAULT}/tabs/Invoice__c.tab-meta.xml`));
    expectProblem(await copy.problems(), `${DEFAULT}/tabs/Ghost__c.tab-meta.xml`, 'no object Ghost__c');
  });

  test('an app showing a tab that does not exist is reported', async () => {
    copy.remove(`${DEFAULT}/tabs/Collections_Run__c.tab-meta.xml`);
    expectProblem(
      await copy.problems(),
      `${DEFAULT}/applications/Collections_Console.app-meta.xml`,
      'shows tab Collections_Run__c, which does not exist',
    );
  });

  test('the tooling naming a field force-app lacks is reported against the module', async () => {
    const uses = [{ object: 'Invoice__c', field: 'Balance__c', types: ['Currency'], usedBy: 'scripts/src/example.ts' }];
    expectProblem(
      await copy.problems(uses),
      'scripts/src/example.ts',
      'uses Invoice__c.Balance__c, which force-app does not define',
    );
  });

  test('the tooling reading a field as the wrong type is reported', async () => {
    const uses = [
      { object: 'Invoice__c', field: 'Due_Date__c', types: ['Currency'], usedBy: 'scripts/src/example.ts' },
    ];
    expectProblem(
      await copy.problems(uses),
      'scripts/src/example.ts',
      'reads Invoice__c.Due_Date__c as Currency, but it is a Date',
    );
  });

  test('an object missing from the data model page is reported', async () => {
    copy.replace('docs/data-model.md', /^\|\s*`Collections_Run__c`\s*\|.*\n/m, '');
    expectProblem(
      await copy.problems(),
      'docs/data-model.md',
      'Collections_Run__c is in force-app but not in the page',
    );
  });
});
