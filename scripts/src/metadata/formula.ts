/**
 * The field references inside a Salesforce formula (formula fields, validation rules, defaults),
 * resolved against the project's objects. It is not a formula compiler: it finds the names a
 * formula uses and the function each one sits in, which is what a deploy checks first.
 */
import { FieldModel, ObjectModel, picklistValues } from './project';

export interface FormulaReference {
  /** the name as written, e.g. Invoice__r.Open_Balance__c */
  path: string;
  /** the innermost function the reference is an argument of, upper case, or undefined */
  enclosingFunction?: string;
}

export interface ResolvedReference extends FormulaReference {
  field?: FieldModel;
  problem?: string;
}

const KEYWORDS = new Set(['TRUE', 'FALSE', 'NULL']);
/** Picklists are only allowed as arguments of these (Salesforce formula operators and functions). */
const PICKLIST_FUNCTIONS = new Set(['ISPICKVAL', 'TEXT', 'ISBLANK', 'ISCHANGED', 'PRIORVALUE', 'CASE', 'ISNULL']);
/** Standard relationship names and the objects they lead to. */
const STANDARD_RELATIONSHIPS: ReadonlyMap<string, string> = new Map([
  ['Owner', 'User'],
  ['CreatedBy', 'User'],
  ['LastModifiedBy', 'User'],
  ['Manager', 'User'],
  ['Account', 'Account'],
  ['Parent', 'Account'],
]);

/** Removes comments and string literals (keeping offsets) so names inside them are not read. */
function blankLiteralsAndComments(formula: string): string {
  return formula.replace(/\/\*[\s\S]*?\*\/|"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'/g, (match) => ' '.repeat(match.length));
}

export function formulaReferences(formula: string): FormulaReference[] {
  const text = blankLiteralsAndComments(formula);
  const references: FormulaReference[] = [];
  const functionStack: Array<string | undefined> = [];
  const token = /\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*|[()]/g;
  let lastName: string | undefined;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const word = match[0];
    if (word === '(') {
      functionStack.push(lastName);
      lastName = undefined;
      continue;
    }
    if (word === ')') {
      functionStack.pop();
      lastName = undefined;
      continue;
    }
    const next = text.slice(token.lastIndex).trimStart();
    lastName = undefined;
    if (next.startsWith('(')) {
      lastName = word.toUpperCase();
      continue;
    }
    if (word.startsWith('$') || KEYWORDS.has(word.toUpperCase())) continue;
    const enclosing = functionStack[functionStack.length - 1];
    references.push(enclosing === undefined ? { path: word } : { path: word, enclosingFunction: enclosing });
  }
  return references;
}

function relationshipTarget(object: ObjectModel, segment: string): { target?: string; problem?: string } {
  if (segment.endsWith('__r')) {
    const fieldName = `${segment.slice(0, -3)}__c`;
    const field = object.fields.get(fieldName);
    if (!field) return { problem: `${object.name} has no relationship ${segment} (no field ${fieldName})` };
    if (field.type !== 'Lookup' && field.type !== 'MasterDetail') {
      return { problem: `${object.name}.${fieldName} is a ${field.type}, not a relationship` };
    }
    const target = field.file?.root?.children.find((child) => child.name === 'referenceTo')?.text.trim();
    return target ? { target } : { problem: `${object.name}.${fieldName} has no referenceTo` };
  }
  const standardTarget = STANDARD_RELATIONSHIPS.get(segment);
  if (standardTarget && object.fields.has(`${segment}Id`)) return { target: standardTarget };
  return { problem: `${object.name} has no relationship ${segment}` };
}

export function resolveReference(
  objects: ReadonlyMap<string, ObjectModel>,
  objectName: string,
  reference: FormulaReference,
): ResolvedReference {
  const segments = reference.path.split('.');
  let object = objects.get(objectName);
  for (const segment of segments.slice(0, -1)) {
    if (!object) break;
    const { target, problem } = relationshipTarget(object, segment);
    if (problem) return { ...reference, problem };
    object = target === undefined ? undefined : objects.get(target);
    if (!object)
      return {
        ...reference,
        problem: `${reference.path} leads to ${target ?? '?'}, which is not an object the project knows`,
      };
  }
  if (!object) return { ...reference, problem: `${objectName} is not an object the project knows` };
  const fieldName = segments[segments.length - 1] ?? '';
  const field = object.fields.get(fieldName);
  if (!field) return { ...reference, problem: `${object.name} has no field ${fieldName}` };
  if (
    (field.type === 'Picklist' || field.type === 'MultiselectPicklist') &&
    !PICKLIST_FUNCTIONS.has(reference.enclosingFunction ?? '')
  ) {
    return {
      ...reference,
      field,
      problem: `${reference.path} is a picklist: a formula can use it only inside ISPICKVAL, TEXT, CASE, ISBLANK, ISCHANGED or PRIORVALUE`,
    };
  }
  return { ...reference, field };
}

/** ISPICKVAL(field, "value"): the literal must be one of the field's values, or it never matches. */
function picklistLiteralProblems(
  objects: ReadonlyMap<string, ObjectModel>,
  objectName: string,
  formula: string,
): ResolvedReference[] {
  const problems: ResolvedReference[] = [];
  const pattern = /ISPICKVAL\s*\(\s*([A-Za-z0-9_.]+)\s*,\s*"([^"]*)"\s*\)/gi;
  for (let match = pattern.exec(formula); match; match = pattern.exec(formula)) {
    const [, path = '', value = ''] = match;
    const resolved = resolveReference(objects, objectName, { path, enclosingFunction: 'ISPICKVAL' });
    if (resolved.field && resolved.field.type === 'Picklist' && !picklistValues(resolved.field).has(value)) {
      problems.push({
        path,
        field: resolved.field,
        problem: `ISPICKVAL(${path}, "${value}"): "${value}" is not a value of ${resolved.field.object}.${resolved.field.name}`,
      });
    }
  }
  return problems;
}

export function checkFormula(
  objects: ReadonlyMap<string, ObjectModel>,
  objectName: string,
  formula: string,
): ResolvedReference[] {
  return [
    ...formulaReferences(formula).map((reference) => resolveReference(objects, objectName, reference)),
    ...picklistLiteralProblems(objects, objectName, formula),
  ];
}
