/**
 * The GraphQL reader (graphql.ts) with literal documents, and the UI API walk (graphqlUiApi.ts)
 * against the project's objects: the syntax the wire adapter's queries use, and the offsets the
 * component check turns into lines.
 */
import { GqlField, GqlSelection, GraphqlSyntaxError, parseGraphql } from '../../src/metadata/graphql';
import { checkUiApiQuery } from '../../src/metadata/graphqlUiApi';
import { loadProject, ProjectModel } from '../../src/metadata/project';
import { REPO_ROOT } from './projectCopy';

function field(selections: GqlSelection[], name: string): GqlField {
  const found = selections.find(
    (selection): selection is GqlField => selection.kind === 'field' && selection.name === name,
  );
  if (!found) throw new Error(`no field ${name}`);
  return found;
}

function syntaxError(source: string): GraphqlSyntaxError {
  try {
    parseGraphql(source);
  } catch (error) {
    if (error instanceof GraphqlSyntaxError) return error;
    throw error;
  }
  throw new Error('the document parsed');
}

describe('parseGraphql', () => {
  test('reads operations with variables, aliases, arguments, directives and comments', () => {
    const source = `
      # the open invoices of one account
      query openInvoices($accountId: ID!, $first: Int = 50, $after: String) @category(name: "recordQuery") {
        uiapi {
          query {
            open: Invoice__c(
              where: { and: [{ Account__c: { eq: $accountId } }, { Status__c: { in: ["Open", "Partly_Paid"] } }] }
              first: $first, after: $after
              orderBy: { Due_Date__c: { order: ASC, nulls: LAST } }
            ) {
              edges { node { Id Name @include(if: true) { value } } }
            }
          }
        }
      }`;
    const document = parseGraphql(source);
    const [operation] = document.operations;
    expect(operation?.name).toBe('openInvoices');
    const query = field(field(operation?.selections ?? [], 'uiapi').selections, 'query');
    const invoices = field(query.selections, 'Invoice__c');
    expect(invoices.alias).toBe('open');
    expect(invoices.arguments.map((argument) => argument.name)).toEqual(['where', 'first', 'after', 'orderBy']);
    const where = invoices.arguments[0]?.value;
    expect(where?.kind).toBe('object');
    // offsets point at the name in the source text
    expect(source.slice(invoices.offset, invoices.offset + 'Invoice__c'.length)).toBe('Invoice__c');
  });

  test('keeps braces inside strings and block strings out of the structure', () => {
    const document = parseGraphql(
      '{ uiapi { query { Account(where: { Name: { like: "{%" } }, x: """a } b""") { edges { node { Id } } } } } }',
    );
    const query = field(field(document.operations[0]?.selections ?? [], 'uiapi').selections, 'query');
    expect(field(query.selections, 'Account').selections).toHaveLength(1);
  });

  test('reads fragment definitions, spreads and inline fragments', () => {
    const document = parseGraphql(`
      query { uiapi { query { Task { edges { node { ...taskFields What { ... on Account { Name { value } } } } } } } } }
      fragment taskFields on Task { Subject { value } }`);
    expect(document.fragments.get('taskFields')?.typeCondition).toBe('Task');
  });

  test.each([
    ['an unclosed selection set', '{ uiapi { query { Account { edges', 'the selection set is not closed'],
    ['an argument without a value', '{ uiapi(first: ) { x } }', 'expected a value but found ")"'],
    ['an empty selection set', '{ uiapi { } }', 'a selection set cannot be empty'],
    ['an unterminated string', '{ a(b: "x) { c } }', 'unterminated string'],
    ['a stray character', '{ a % }', 'unexpected character "%"'],
    ['an empty document', '  # nothing\n', 'the query is empty'],
  ])('refuses %s, with the offset of the problem', (_name, source, message) => {
    const error = syntaxError(source);
    expect(error.message).toContain(message);
    expect(error.offset).toBeGreaterThanOrEqual(0);
    expect(error.offset).toBeLessThanOrEqual(source.length);
  });

  test('points at the token that breaks the grammar', () => {
    const source = '{ uiapi { query { Account(first: 5 { edges } } } }';
    expect(syntaxError(source).offset).toBe(source.indexOf('{ edges'));
  });
});

describe('checkUiApiQuery', () => {
  let project: ProjectModel;

  beforeAll(() => {
    project = loadProject(REPO_ROOT);
  });

  function problems(source: string): Array<{ at: string; message: string }> {
    return checkUiApiQuery(project, parseGraphql(source)).map((problem) => ({
      at: source.slice(problem.offset, problem.offset + 12),
      message: problem.message,
    }));
  }

  test('accepts fields, parent and child relationships, typed fragments and aggregates of the project', () => {
    expect(
      problems(`
        query {
          uiapi {
            query {
              Account(where: { Collections_Status__c: { eq: "Active" }, Owner: { Name: { like: "A%" } } }) {
                edges { node { Id Name { value } Invoices__r(orderBy: { Due_Date__c: { order: ASC } }) { edges { node { Amount__c { value displayValue } } } } } }
                pageInfo { hasNextPage endCursor } totalCount
              }
              Task { edges { node { Subject { value } What { ... on Collection_Case__c { Status__c { value } } } } } }
            }
            aggregate { Invoice__c(groupBy: { CurrencyIsoCode: { group: true } }) { edges { node { aggregate { Open_Balance__c { sum { value } } } } } } }
          }
        }`),
    ).toEqual([]);
  });

  test('names each unknown object, field and relationship where it is written', () => {
    expect(
      problems(`{ uiapi { query {
        Invoices__c { edges { node { Id } } }
        Invoice__c(where: { Stage__c: { eq: "x" } }) { edges { node { Due__c { value } Account__r { Nam { value } } } } }
      } } }`),
    ).toEqual([
      { at: 'Invoices__c ', message: 'Invoices__c is not an object of the project' },
      { at: 'Stage__c: { ', message: 'where: Invoice__c has no field or relationship Stage__c' },
      { at: 'Due__c { val', message: 'Invoice__c has no field or relationship Due__c' },
      { at: 'Nam { value ', message: 'Account has no field or relationship Nam' },
    ]);
  });

  test('refuses a child relationship inside a child relationship, which the wire adapter does not support', () => {
    const found = problems(`{ uiapi { query { Account { edges { node {
      Collection_Cases__r { edges { node { Invoices__r { edges { node { Id } } } } } }
    } } } } } }`);
    expect(found).toEqual([
      {
        at: 'Invoices__r ',
        message:
          'Collection_Case__c.Invoices__r is a child relationship inside a child relationship; the GraphQL wire adapter supports one level',
      },
    ]);
  });

  test('checks fields selected through a fragment spread against the object it is spread on', () => {
    expect(
      problems(`query { uiapi { query { Invoice__c { edges { node { ...invoice } } } } } }
        fragment invoice on Invoice__c { Due_Date__c { value } Overdue__c { value } }`),
    ).toEqual([{ at: 'Overdue__c {', message: 'Invoice__c has no field or relationship Overdue__c' }]);
  });

  test('names an input type of an object the project does not have', () => {
    expect(
      problems(`query q($where: Invoice__c_Filter, $order: [Invoices__c_OrderBy!], $first: Int) {
        uiapi { query { Invoice__c(where: $where, first: $first) { edges { node { Id } } } } }
      }`),
    ).toEqual([
      {
        at: 'Invoices__c_',
        message: '$order: Invoices__c_OrderBy is the input type of Invoices__c, which is not an object of the project',
      },
    ]);
  });

  test('reports a spread of a fragment that is not defined', () => {
    expect(problems('{ uiapi { query { Invoice__c { edges { node { ...missing } } } } } }')).toEqual([
      { at: 'missing } } ', message: 'the fragment missing is not defined in the query' },
    ]);
  });
});
