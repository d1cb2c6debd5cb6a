/**
 * A reader for the GraphQL documents components send through the GraphQL wire adapter: it turns
 * the text of a `gql` template literal into selections, arguments and fragments, each with its
 * offset in the text, so a check can say on which line a name is. It validates nothing about the
 * schema; checks/components.ts holds the names against the project.
 *
 * The `graphql` npm package is not among the project's dependencies, so this follows the grammar
 * of the specification itself (https://spec.graphql.org/October2021/, sections 2.1 "Source Text"
 * and 2.2-2.12): executable definitions only, which is what a query is made of.
 */

export class GraphqlSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'GraphqlSyntaxError';
  }
}

export type GqlValue =
  | { kind: 'object'; offset: number; fields: GqlObjectField[] }
  | { kind: 'list'; offset: number; values: GqlValue[] }
  | { kind: 'variable'; offset: number; name: string }
  | { kind: 'scalar'; offset: number; value: string };

export interface GqlObjectField {
  name: string;
  offset: number;
  value: GqlValue;
}

export interface GqlArgument {
  name: string;
  offset: number;
  value: GqlValue;
}

export interface GqlField {
  kind: 'field';
  /** the field's name, not its alias */
  name: string;
  alias?: string;
  offset: number;
  arguments: GqlArgument[];
  selections: GqlSelection[];
}

export interface GqlFragmentSpread {
  kind: 'spread';
  name: string;
  offset: number;
}

export interface GqlInlineFragment {
  kind: 'inline';
  typeCondition?: string;
  offset: number;
  selections: GqlSelection[];
}

export type GqlSelection = GqlField | GqlFragmentSpread | GqlInlineFragment;

export interface GqlVariable {
  name: string;
  /** the named type under any list and non-null wrappers, e.g. Invoice__c_Filter */
  type: string;
  /** offset of the type name */
  typeOffset: number;
}

export interface GqlOperation {
  operation: 'query' | 'mutation' | 'subscription';
  name?: string;
  offset: number;
  variables: GqlVariable[];
  selections: GqlSelection[];
}

export interface GqlFragment {
  name: string;
  typeCondition: string;
  offset: number;
  selections: GqlSelection[];
}

export interface GqlDocument {
  operations: GqlOperation[];
  fragments: Map<string, GqlFragment>;
}

type TokenKind = 'name' | 'punctuator' | 'string' | 'number' | 'end';

interface Token {
  kind: TokenKind;
  value: string;
  offset: number;
}

const PUNCTUATORS = new Set(['!', '$', '&', '(', ')', ':', '=', '@', '[', ']', '{', '|', '}']);
const NAME = /[_A-Za-z][_0-9A-Za-z]*/y;
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function stringEnd(source: string, start: number): number {
  if (source.startsWith('"""', start)) {
    // Block string: ends at the first unescaped """.
    for (let i = start + 3; i < source.length; i++) {
      if (source.startsWith('\\"""', i)) i += 3;
      else if (source.startsWith('"""', i)) return i + 3;
    }
    throw new GraphqlSyntaxError('unterminated block string', start);
  }
  for (let i = start + 1; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '"') return i + 1;
    else if (char === '\n' || char === '\r') break;
  }
  throw new GraphqlSyntaxError('unterminated string', start);
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i] ?? '';
    // Ignored tokens: white space, line terminators, commas, the byte order mark, comments.
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === ',' || char === '\uFEFF') {
      i++;
      continue;
    }
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
      continue;
    }
    if (source.startsWith('...', i)) {
      tokens.push({ kind: 'punctuator', value: '...', offset: i });
      i += 3;
      continue;
    }
    if (PUNCTUATORS.has(char)) {
      tokens.push({ kind: 'punctuator', value: char, offset: i });
      i++;
      continue;
    }
    if (char === '"') {
      const end = stringEnd(source, i);
      tokens.push({ kind: 'string', value: source.slice(i, end), offset: i });
      i = end;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      tokens.push({ kind: 'name', value: name[0], offset: i });
      i += name[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const number = NUMBER.exec(source);
    if (number) {
      tokens.push({ kind: 'number', value: number[0], offset: i });
      i += number[0].length;
      continue;
    }
    throw new GraphqlSyntaxError(`unexpected character "${char}"`, i);
  }
  tokens.push({ kind: 'end', value: '', offset: source.length });
  return tokens;
}

class Parser {
  private position = 0;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.position] ?? { kind: 'end', value: '', offset: 0 };
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private describe(token: Token): string {
    return token.kind === 'end' ? 'the end of the query' : `"${token.value}"`;
  }

  private isPunctuator(value: string): boolean {
    const token = this.peek();
    return token.kind === 'punctuator' && token.value === value;
  }

  private expectPunctuator(value: string): Token {
    const token = this.next();
    if (token.kind !== 'punctuator' || token.value !== value)
      throw new GraphqlSyntaxError(`expected "${value}" but found ${this.describe(token)}`, token.offset);
    return token;
  }

  private expectName(): Token {
    const token = this.next();
    if (token.kind !== 'name')
      throw new GraphqlSyntaxError(`expected a name but found ${this.describe(token)}`, token.offset);
    return token;
  }

  parseDocument(): GqlDocument {
    const operations: GqlOperation[] = [];
    const fragments = new Map<string, GqlFragment>();
    if (this.peek().kind === 'end') throw new GraphqlSyntaxError('the query is empty', 0);
    while (this.peek().kind !== 'end') {
      const token = this.peek();
      if (token.kind === 'name' && token.value === 'fragment') {
        const fragment = this.parseFragmentDefinition();
        if (fragments.has(fragment.name))
          throw new GraphqlSyntaxError(`fragment ${fragment.name} is defined twice`, fragment.offset);
        fragments.set(fragment.name, fragment);
      } else operations.push(this.parseOperation());
    }
    return { operations, fragments };
  }

  private parseOperation(): GqlOperation {
    const start = this.peek();
    if (this.isPunctuator('{'))
      return { operation: 'query', offset: start.offset, variables: [], selections: this.parseSelectionSet() };
    const type = this.expectName();
    if (type.value !== 'query' && type.value !== 'mutation' && type.value !== 'subscription')
      throw new GraphqlSyntaxError(
        `expected query, mutation, subscription or fragment but found "${type.value}"`,
        type.offset,
      );
    const name = this.peek().kind === 'name' ? this.next().value : undefined;
    const variables = this.isPunctuator('(') ? this.parseVariableDefinitions() : [];
    this.parseDirectives();
    const selections = this.parseSelectionSet();
    const operation: GqlOperation = { operation: type.value, offset: type.offset, variables, selections };
    if (name !== undefined) operation.name = name;
    return operation;
  }

  private parseVariableDefinitions(): GqlVariable[] {
    this.expectPunctuator('(');
    const variables: GqlVariable[] = [];
    do {
      this.expectPunctuator('$');
      const name = this.expectName().value;
      this.expectPunctuator(':');
      const type = this.parseType();
      variables.push({ name, type: type.value, typeOffset: type.offset });
      if (this.isPunctuator('=')) {
        this.next();
        this.parseValue(true);
      }
      this.parseDirectives();
    } while (!this.isPunctuator(')'));
    this.expectPunctuator(')');
    return variables;
  }

  /** Reads a type reference and returns its named type. */
  private parseType(): Token {
    let named: Token;
    if (this.isPunctuator('[')) {
      this.next();
      named = this.parseType();
      this.expectPunctuator(']');
    } else named = this.expectName();
    if (this.isPunctuator('!')) this.next();
    return named;
  }

  private parseFragmentDefinition(): GqlFragment {
    const keyword = this.expectName();
    const name = this.expectName();
    if (name.value === 'on') throw new GraphqlSyntaxError('a fragment cannot be named "on"', name.offset);
    const on = this.expectName();
    if (on.value !== 'on') throw new GraphqlSyntaxError(`expected "on" but found "${on.value}"`, on.offset);
    const typeCondition = this.expectName().value;
    this.parseDirectives();
    return { name: name.value, typeCondition, offset: keyword.offset, selections: this.parseSelectionSet() };
  }

  private parseSelectionSet(): GqlSelection[] {
    const open = this.expectPunctuator('{');
    const selections: GqlSelection[] = [];
    while (!this.isPunctuator('}')) {
      if (this.peek().kind === 'end') throw new GraphqlSyntaxError('the selection set is not closed', open.offset);
      selections.push(this.parseSelection());
    }
    this.expectPunctuator('}');
    if (selections.length === 0) throw new GraphqlSyntaxError('a selection set cannot be empty', open.offset);
    return selections;
  }

  private parseSelection(): GqlSelection {
    if (this.isPunctuator('...')) {
      const spread = this.next();
      const token = this.peek();
      if (token.kind === 'name' && token.value !== 'on') {
        this.next();
        this.parseDirectives();
        return { kind: 'spread', name: token.value, offset: token.offset };
      }
      const fragment: GqlInlineFragment = { kind: 'inline', offset: spread.offset, selections: [] };
      if (token.kind === 'name') {
        this.next();
        fragment.typeCondition = this.expectName().value;
      }
      this.parseDirectives();
      fragment.selections = this.parseSelectionSet();
      return fragment;
    }
    const first = this.expectName();
    let name = first;
    let alias: string | undefined;
    if (this.isPunctuator(':')) {
      this.next();
      alias = first.value;
      name = this.expectName();
    }
    const field: GqlField = {
      kind: 'field',
      name: name.value,
      offset: name.offset,
      arguments: this.isPunctuator('(') ? this.parseArguments(false) : [],
      selections: [],
    };
    if (alias !== undefined) field.alias = alias;
    this.parseDirectives();
    if (this.isPunctuator('{')) field.selections = this.parseSelectionSet();
    return field;
  }

  private parseArguments(constant: boolean): GqlArgument[] {
    this.expectPunctuator('(');
    const args: GqlArgument[] = [];
    do {
      const name = this.expectName();
      this.expectPunctuator(':');
      args.push({ name: name.value, offset: name.offset, value: this.parseValue(constant) });
    } while (!this.isPunctuator(')'));
    this.expectPunctuator(')');
    return args;
  }

  private parseDirectives(): void {
    while (this.isPunctuator('@')) {
      this.next();
      this.expectName();
      if (this.isPunctuator('(')) this.parseArguments(false);
    }
  }

  private parseValue(constant: boolean): GqlValue {
    const token = this.peek();
    if (token.kind === 'punctuator' && token.value === '$') {
      if (constant) throw new GraphqlSyntaxError('a variable cannot appear in a default value', token.offset);
      this.next();
      return { kind: 'variable', offset: token.offset, name: this.expectName().value };
    }
    if (token.kind === 'punctuator' && token.value === '[') {
      this.next();
      const values: GqlValue[] = [];
      while (!this.isPunctuator(']')) {
        if (this.peek().kind === 'end') throw new GraphqlSyntaxError('the list is not closed', token.offset);
        values.push(this.parseValue(constant));
      }
      this.next();
      return { kind: 'list', offset: token.offset, values };
    }
    if (token.kind === 'punctuator' && token.value === '{') {
      this.next();
      const fields: GqlObjectField[] = [];
      while (!this.isPunctuator('}')) {
        if (this.peek().kind === 'end') throw new GraphqlSyntaxError('the object is not closed', token.offset);
        const name = this.expectName();
        this.expectPunctuator(':');
        fields.push({ name: name.value, offset: name.offset, value: this.parseValue(constant) });
      }
      this.next();
      return { kind: 'object', offset: token.offset, fields };
    }
    if (token.kind === 'name' || token.kind === 'string' || token.kind === 'number') {
      this.next();
      return { kind: 'scalar', offset: token.offset, value: token.value };
    }
    throw new GraphqlSyntaxError(`expected a value but found ${this.describe(token)}`, token.offset);
  }
}

/** Parses a GraphQL document; throws GraphqlSyntaxError (with the offset) when it does not parse. */
export function parseGraphql(source: string): GqlDocument {
  return new Parser(tokenize(source)).parseDocument();
}
