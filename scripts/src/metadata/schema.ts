/**
 * The Metadata API's published types, read from @salesforce/types (lib/metadata.d.ts), which is
 * generated from the Metadata API WSDL. Each type becomes an ordered list of elements: their order
 * is the WSDL sequence, which is the order Salesforce retrieves and validates. Unions of string
 * literals become enums. Nothing here is hand-written knowledge of Salesforce: when the package is
 * updated, the checks follow.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

export interface ElementSpec {
  name: string;
  /** a primitive ('string' | 'number' | 'boolean' | 'any'), or the name of a type or enum */
  type: string;
  array: boolean;
  optional: boolean;
}

export interface MetadataSchema {
  /** complex types: their elements in WSDL order */
  types: Map<string, ElementSpec[]>;
  /** enumerations: the allowed values */
  enums: Map<string, ReadonlySet<string>>;
}

const PRIMITIVES = new Set(['string', 'number', 'boolean', 'any']);

export function isPrimitive(type: string): boolean {
  return PRIMITIVES.has(type);
}

function keywordName(node: ts.TypeNode): string | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return 'string';
    case ts.SyntaxKind.NumberKeyword:
      return 'number';
    case ts.SyntaxKind.BooleanKeyword:
      return 'boolean';
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return 'any';
    default:
      return undefined;
  }
}

function elementType(node: ts.TypeNode): { type: string; array: boolean } {
  if (ts.isArrayTypeNode(node)) {
    return { type: elementType(node.elementType).type, array: true };
  }
  const keyword = keywordName(node);
  if (keyword) return { type: keyword, array: false };
  if (ts.isTypeReferenceNode(node)) return { type: node.typeName.getText(), array: false };
  // Inline unions and literals do not occur for elements in the generated file; treat as text.
  return { type: 'string', array: false };
}

function membersOf(literal: ts.TypeLiteralNode): ElementSpec[] {
  const elements: ElementSpec[] = [];
  for (const member of literal.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    if (member.type.kind === ts.SyntaxKind.NeverKeyword) continue;
    const { type, array } = elementType(member.type);
    elements.push({
      name: member.name.getText(),
      type,
      array,
      optional: Boolean(member.questionToken),
    });
  }
  return elements;
}

function stringLiterals(node: ts.TypeNode): string[] | undefined {
  const parts = ts.isUnionTypeNode(node) ? [...node.types] : [node];
  const values: string[] = [];
  for (const part of parts) {
    if (!ts.isLiteralTypeNode(part) || !ts.isStringLiteral(part.literal)) return undefined;
    values.push(part.literal.text);
  }
  return values;
}

export function parseMetadataDeclarations(source: string): MetadataSchema {
  const file = ts.createSourceFile('metadata.d.ts', source, ts.ScriptTarget.Latest, true);
  const declared = new Map<string, ts.TypeNode>();
  const enums = new Map<string, ReadonlySet<string>>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const name = statement.name.text;
    const literals = stringLiterals(statement.type);
    if (literals) enums.set(name, new Set(literals));
    else declared.set(name, statement.type);
  }

  const types = new Map<string, ElementSpec[]>();
  const resolving = new Set<string>();
  // A type is either a literal, a reference to another type, or an intersection of both
  // (`Metadata & {...}`, `CustomValue & {...}`): the base's elements come first, as in the WSDL.
  const resolve = (name: string): ElementSpec[] => {
    const done = types.get(name);
    if (done) return done;
    const node = declared.get(name);
    if (!node || resolving.has(name)) return [];
    resolving.add(name);
    const parts = ts.isIntersectionTypeNode(node) ? [...node.types] : [node];
    const elements: ElementSpec[] = [];
    for (const part of parts) {
      if (ts.isTypeLiteralNode(part)) elements.push(...membersOf(part));
      else if (ts.isTypeReferenceNode(part)) elements.push(...resolve(part.typeName.getText()));
    }
    resolving.delete(name);
    types.set(name, elements);
    return elements;
  };
  for (const name of declared.keys()) resolve(name);
  return { types, enums };
}

let loaded: MetadataSchema | undefined;

/** The schema of the installed @salesforce/types, parsed once per process. */
export function loadMetadataSchema(): MetadataSchema {
  if (!loaded) {
    // The package exports only its .js entry points; the declarations sit beside them.
    const path = join(dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
    loaded = parseMetadataDeclarations(readFileSync(path, 'utf8'));
  }
  return loaded;
}
