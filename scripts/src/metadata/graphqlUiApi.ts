/**
 * The names inside a GraphQL API query, held against the project: every object under
 * `uiapi { query { ... } }` and `uiapi { aggregate { ... } }`, every field and relationship a node
 * selects, and the fields named in `where`, `orderBy` and `groupBy`. The shape is the one the
 * GraphQL API documents (https://developer.salesforce.com/docs/platform/graphql/guide/query-records.html,
 * .../aggregate-schema.html): connections of `edges { node { ... } }` with `pageInfo` and
 * `totalCount`; a node has Id, ApiName, WeakEtag and DisplayValue and one member per field, each
 * with `value`, `displayValue`, `format` and `label`; parent relationships are nodes, child
 * relationships connections, and the wire adapter supports one level of child relationships
 * (https://developer.salesforce.com/docs/platform/lwc/guide/reference-graphql-relationships.html).
 */
import type { GqlDocument, GqlField, GqlInlineFragment, GqlSelection, GqlValue } from './graphql';
import type { ObjectModel, ProjectModel } from './project';
import { ANY_OBJECT, childRelationship, parentRelationship } from './relationships';

export interface QueryProblem {
  /** offset in the query text */
  offset: number;
  message: string;
}

const RECORD_MEMBERS = new Set(['Id', 'ApiName', 'WeakEtag', 'DisplayValue', '__typename']);
const FIELD_VALUE_MEMBERS = new Set(['value', 'displayValue', 'format', 'label', '__typename']);
const CONNECTION_MEMBERS = new Set(['pageInfo', 'totalCount', '__typename']);
const EDGE_MEMBERS = new Set(['cursor', '__typename']);
const FILTER_COMBINATORS = new Set(['and', 'or', 'not']);
/** Input types the schema defines for each object (https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html). */
const OBJECT_INPUT_TYPE = /^(\w+?)_(Filter|OrderBy|GroupBy)$/;

class QueryWalker {
  readonly problems: QueryProblem[] = [];

  constructor(
    private readonly project: ProjectModel,
    private readonly document: GqlDocument,
  ) {}

  private report(offset: number, message: string): void {
    this.problems.push({ offset, message });
  }

  /**
   * Selections with fragment spreads replaced by their fragment, and fragments on the schema's own
   * types (Record, connections) by what they select; fragments on an object keep their type, so
   * the record walk can check it.
   */
  private expand(selections: GqlSelection[], seen: ReadonlySet<string> = new Set()): GqlSelection[] {
    return selections.flatMap((selection): GqlSelection[] => {
      if (selection.kind === 'spread') {
        const fragment = this.document.fragments.get(selection.name);
        if (!fragment) {
          this.report(selection.offset, `the fragment ${selection.name} is not defined in the query`);
          return [];
        }
        if (seen.has(selection.name)) return [];
        const inner = new Set([...seen, selection.name]);
        if (!this.project.objects.has(fragment.typeCondition)) return this.expand(fragment.selections, inner);
        const typed: GqlInlineFragment = {
          kind: 'inline',
          typeCondition: fragment.typeCondition,
          offset: selection.offset,
          selections: this.expand(fragment.selections, inner),
        };
        return [typed];
      }
      if (selection.kind === 'inline' && !this.project.objects.has(selection.typeCondition ?? ''))
        return this.expand(selection.selections, seen);
      return [selection];
    });
  }

  private fields(selections: GqlSelection[]): GqlField[] {
    return this.expand(selections).filter((selection): selection is GqlField => selection.kind === 'field');
  }

  walk(): void {
    for (const operation of this.document.operations) {
      // Variables typed after an object's input types: Invoice__c_Filter, Invoice__c_OrderBy, ...
      for (const variable of operation.variables) {
        const objectName = OBJECT_INPUT_TYPE.exec(variable.type)?.[1];
        if (objectName && !this.project.objects.has(objectName))
          this.report(
            variable.typeOffset,
            `$${variable.name}: ${variable.type} is the input type of ${objectName}, which is not an object of the project`,
          );
      }
      for (const uiapi of this.fields(operation.selections).filter((field) => field.name === 'uiapi')) {
        for (const root of this.fields(uiapi.selections)) {
          if (root.name !== 'query' && root.name !== 'aggregate') continue;
          for (const connection of this.fields(root.selections)) {
            if (connection.name === '__typename') continue;
            const object = this.project.objects.get(connection.name);
            if (!object) {
              this.report(connection.offset, `${connection.name} is not an object of the project`);
              continue;
            }
            this.connection(object, connection, root.name === 'aggregate', 0);
          }
        }
      }
    }
  }

  private connection(object: ObjectModel, connection: GqlField, aggregate: boolean, childDepth: number): void {
    this.checkArguments(object, connection);
    for (const member of this.fields(connection.selections)) {
      if (CONNECTION_MEMBERS.has(member.name)) continue;
      if (member.name !== 'edges') {
        this.report(
          member.offset,
          `${connection.name} is a connection: it has edges, pageInfo and totalCount, not ${member.name}`,
        );
        continue;
      }
      for (const edge of this.fields(member.selections)) {
        if (EDGE_MEMBERS.has(edge.name)) continue;
        if (edge.name !== 'node') {
          this.report(edge.offset, `an edge has node and cursor, not ${edge.name}`);
          continue;
        }
        if (aggregate) this.aggregateNode(object, edge.selections);
        else this.record(object, edge.selections, childDepth);
      }
    }
  }

  private aggregateNode(object: ObjectModel, selections: GqlSelection[]): void {
    for (const member of this.fields(selections)) {
      if (member.name === '__typename') continue;
      if (member.name !== 'aggregate') {
        this.report(member.offset, `an aggregate node holds aggregate { ... }, not ${member.name}`);
        continue;
      }
      this.aggregateFields(object, member.selections);
    }
  }

  private aggregateFields(object: ObjectModel, selections: GqlSelection[]): void {
    for (const field of this.fields(selections)) {
      if (RECORD_MEMBERS.has(field.name) || object.fields.has(field.name)) continue;
      const parent = parentRelationship(object, field.name);
      const target = parent?.targets.length === 1 ? this.project.objects.get(parent.targets[0] ?? '') : undefined;
      if (target) this.aggregateFields(target, field.selections);
      else if (!parent) this.report(field.offset, `${object.name} has no field or relationship ${field.name}`);
    }
  }

  private record(object: ObjectModel, selections: GqlSelection[], childDepth: number): void {
    for (const selection of this.expand(selections)) {
      if (selection.kind === 'inline') {
        const type = selection.typeCondition ?? object.name;
        if (type === object.name) this.record(object, selection.selections, childDepth);
        else
          this.report(
            selection.offset,
            `... on ${type} inside a ${object.name} node: a ${object.name} is never a ${type}`,
          );
        continue;
      }
      if (selection.kind !== 'field' || RECORD_MEMBERS.has(selection.name)) continue;
      this.member(object, selection, childDepth);
    }
  }

  private member(object: ObjectModel, member: GqlField, childDepth: number): void {
    const name = member.name;
    if (object.fields.has(name)) {
      for (const part of this.fields(member.selections)) {
        if (!FIELD_VALUE_MEMBERS.has(part.name)) {
          const hint = name.endsWith('__c') ? ` (its relationship is ${name.slice(0, -3)}__r)` : '';
          this.report(
            part.offset,
            `${object.name}.${name} is a field: select value, displayValue, format or label, not ${part.name}${hint}`,
          );
        }
      }
      return;
    }
    const parent = parentRelationship(object, name);
    if (parent) {
      this.parent(object, member, parent.targets, childDepth);
      return;
    }
    const child = childRelationship(this.project, object, name);
    const childObject = child === undefined ? undefined : this.project.objects.get(child);
    if (childObject) {
      if (childDepth > 0)
        this.report(
          member.offset,
          `${object.name}.${name} is a child relationship inside a child relationship; the GraphQL wire adapter supports one level`,
        );
      this.connection(childObject, member, false, childDepth + 1);
      return;
    }
    this.report(member.offset, `${object.name} has no field or relationship ${name}`);
  }

  private parent(object: ObjectModel, member: GqlField, targets: readonly string[], childDepth: number): void {
    const [only] = targets;
    const single = targets.length === 1 && only !== ANY_OBJECT ? this.project.objects.get(only ?? '') : undefined;
    if (single) {
      this.record(single, member.selections, childDepth);
      return;
    }
    // A polymorphic relationship: typed fragments pick the object; plain members must exist on one of them.
    const any = targets.includes(ANY_OBJECT);
    for (const selection of this.expand(member.selections)) {
      if (selection.kind === 'inline') {
        const type = selection.typeCondition ?? '';
        const target = this.project.objects.get(type);
        if (!target || (!any && !targets.includes(type)))
          this.report(
            selection.offset,
            `${object.name}.${member.name} leads to ${any ? 'records of the project' : targets.join(' or ')}, not ${type}`,
          );
        else this.record(target, selection.selections, childDepth);
        continue;
      }
      if (selection.kind !== 'field' || RECORD_MEMBERS.has(selection.name) || any) continue;
      const known = targets.some((target) => this.project.objects.get(target)?.fields.has(selection.name));
      if (!known)
        this.report(
          selection.offset,
          `${object.name}.${member.name} (${targets.join(' or ')}) has no field ${selection.name}`,
        );
    }
  }

  private checkArguments(object: ObjectModel, connection: GqlField): void {
    for (const argument of connection.arguments) {
      if (argument.name === 'where') this.filter(object, argument.value, 'where');
      else if (argument.name === 'orderBy' || argument.name === 'groupBy')
        this.fieldKeys(object, argument.value, argument.name);
    }
  }

  /** where: { Field: { eq: ... }, Relationship__r: { Field: {...} }, and: [...], or: [...], not: {...} } */
  private filter(object: ObjectModel, value: GqlValue, argument: string): void {
    if (value.kind === 'list') {
      for (const item of value.values) this.filter(object, item, argument);
      return;
    }
    if (value.kind !== 'object') return;
    for (const entry of value.fields) {
      if (FILTER_COMBINATORS.has(entry.name)) {
        this.filter(object, entry.value, argument);
        continue;
      }
      if (object.fields.has(entry.name) || RECORD_MEMBERS.has(entry.name)) continue;
      const parent = parentRelationship(object, entry.name);
      const target = parent?.targets.length === 1 ? this.project.objects.get(parent.targets[0] ?? '') : undefined;
      if (target) this.filter(target, entry.value, argument);
      else if (!parent)
        this.report(entry.offset, `${argument}: ${object.name} has no field or relationship ${entry.name}`);
    }
  }

  /** orderBy / groupBy: { Field: {...}, Relationship__r: { Field: {...} } } */
  private fieldKeys(object: ObjectModel, value: GqlValue, argument: string): void {
    if (value.kind === 'list') {
      for (const item of value.values) this.fieldKeys(object, item, argument);
      return;
    }
    if (value.kind !== 'object') return;
    for (const entry of value.fields) {
      if (object.fields.has(entry.name) || RECORD_MEMBERS.has(entry.name)) continue;
      const parent = parentRelationship(object, entry.name);
      const target = parent?.targets.length === 1 ? this.project.objects.get(parent.targets[0] ?? '') : undefined;
      if (target) this.fieldKeys(target, entry.value, argument);
      else if (!parent)
        this.report(entry.offset, `${argument}: ${object.name} has no field or relationship ${entry.name}`);
    }
  }
}

export function checkUiApiQuery(project: ProjectModel, document: GqlDocument): QueryProblem[] {
  const walker = new QueryWalker(project, document);
  walker.walk();
  return walker.problems;
}
