/**
 * The label check on a copy of the project with the fixture console: every label complete, defined
 * once, translated into the four languages and used; every translation and $Label reference names
 * a label.
 */
import { DEFAULT, type ProjectCopy } from './projectCopy';
import {
  consoleCopy,
  expectFinding,
  fixtureProblems,
  FLOW,
  LABELS,
  lineOf,
  RECORD_PAGE,
  TRANSLATION_FILES,
} from './consoleFixture';

const DE = TRANSLATION_FILES[1] ?? '';

let copy: ProjectCopy;

beforeEach(() => {
  copy = consoleCopy();
});

afterEach(() => {
  copy.dispose();
});

test('the fixture labels have no findings, and each is seen as used', async () => {
  const problems = await copy.problems();
  expect(fixtureProblems(problems)).toEqual([]);
  expect(problems.filter((line) => line.includes('Collections_Fixture_') && line.includes('used by no'))).toEqual([]);
});

test('a label without a short description or a value is reported at the label', async () => {
  copy.replace(
    LABELS,
    '<shortDescription>Fixture label Collections_Fixture_Empty, for the metadata check tests.</shortDescription>',
    '<shortDescription></shortDescription>',
  );
  copy.replace(LABELS, '<value>Words of Collections_Fixture_Title</value>', '<value></value>');
  const problems = await copy.problems();
  expectFinding(
    problems,
    LABELS,
    lineOf(copy, LABELS, '<fullName>Collections_Fixture_Title') - 1,
    'Collections_Fixture_Title has no <value>',
  );
  expectFinding(
    problems,
    LABELS,
    lineOf(copy, LABELS, 'Collections_Fixture_Empty') - 1,
    'Collections_Fixture_Empty has no <shortDescription>',
  );
});

test('a label defined in two files is reported at the second, naming the first', async () => {
  const other = `${DEFAULT}/labels/Collections_Zz_Fixture.labels-meta.xml`;
  const first = copy.read(LABELS);
  const block =
    /\s*<labels>\s*<fullName>Collections_Fixture_Title<\/fullName>[\s\S]*?<\/labels>/.exec(first)?.[0] ?? '';
  copy.write(
    other,
    `<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">${block}\n</CustomLabels>\n`,
  );
  expectFinding(await copy.problems(), other, 3, `Collections_Fixture_Title is defined twice (also in ${LABELS}:3)`);
});

test('a label missing from one translation file is reported at the label', async () => {
  copy.replace(
    DE,
    /\s*<customLabels>\s*<label>de: Collections_Fixture_Page_Title<\/label>\s*<name>Collections_Fixture_Page_Title<\/name>\s*<\/customLabels>/,
    '',
  );
  expectFinding(
    await copy.problems(),
    LABELS,
    lineOf(copy, LABELS, 'Collections_Fixture_Page_Title') - 1,
    'Collections_Fixture_Page_Title is not translated into de [labels]',
  );
});

test('a translation of a label that does not exist is reported at the translation', async () => {
  copy.replace(DE, '<name>Collections_Fixture_Empty</name>', '<name>Collections_Fixture_Emtpy</name>');
  const problems = await copy.problems();
  expectFinding(
    problems,
    DE,
    lineOf(copy, DE, '<label>de: Collections_Fixture_Empty') - 1,
    'a translation of Collections_Fixture_Emtpy, which is not a custom label',
  );
  expectFinding(
    problems,
    LABELS,
    lineOf(copy, LABELS, '<fullName>Collections_Fixture_Empty') - 1,
    'Collections_Fixture_Empty is not translated into de',
  );
});

test('a label nothing uses is reported', async () => {
  copy.replace(RECORD_PAGE, '{!$Label.c.Collections_Fixture_Page_Title}', 'Fixed words');
  expectFinding(
    await copy.problems(),
    LABELS,
    lineOf(copy, LABELS, 'Collections_Fixture_Page_Title') - 1,
    'Collections_Fixture_Page_Title is used by no component, page, flow or email template',
  );
});

test('a $Label reference to a label that does not exist is reported where it is', async () => {
  copy.replace(FLOW, '$Label.Collections_Fixture_Flow_Error', '$Label.Collections_Fixture_Flow_Failure');
  expectFinding(
    await copy.problems(),
    FLOW,
    lineOf(copy, FLOW, 'Collections_Fixture_Flow_Failure'),
    '$Label Collections_Fixture_Flow_Failure: there is no custom label Collections_Fixture_Flow_Failure',
  );
});
