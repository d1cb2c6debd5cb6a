/**
 * Answers UI API GraphQL queries (uiapi { query { Object(where, orderBy, first, after) ... } })
 * from the preview org, in the shape the org returns: connections with edges, node and pageInfo;
 * every field as { value, displayValue }; parent relationships (Account__r { Name { value } }) and
 * child relationships (Dispute_Invoices__r(first: 100) { edges ... }). Filters support and/or/not
 * and eq, ne, lt, lte, gt, gte, in, nin, like on fields and through parent relationships; date
 * operands as { value } or { literal: TODAY }. A field the object does not have is a GraphQL
 * validation error, as in the org, so a misspelled field in a component's query shows up here.
 * Reference: https://developer.salesforce.com/docs/platform/graphql/guide/filter-fields.html
 */
import { Kind, valueFromASTUntyped } from 'graphql';
import { displayValue, fieldValue, objectInfo, recordById, recordsOf, today } from './org';

const DEFAULT_PAGE_SIZE = 10;

class QueryError extends Error {}

function argumentsOf(node, variables) {
  const args = {};
  for (const argument of node.arguments ?? [])
    args[argument.name.value] = valueFromASTUntyped(argument.value, variables);
  return args;
}

function operand(value) {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    if ('value' in value) return value.value;
    if (value.literal === 'TODAY') return today();
  }
  return value;
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

function test(actual, operator, expected) {
  const value = operand(expected);
  switch (operator) {
    case 'eq':
      return value === null ? actual === null : actual === value;
    case 'ne':
      return value === null ? actual !== null : actual !== value;
    case 'in':
      return value.map(operand).includes(actual);
    case 'nin':
      return !value.map(operand).includes(actual);
    case 'like': {
      const pattern = new RegExp(
        `^${String(value)
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/%/g, '.*')
          .replace(/_/g, '.')}$`,
        'i',
      );
      return actual !== null && pattern.test(String(actual));
    }
    case 'lt':
      return actual !== null && compare(actual, value) < 0;
    case 'lte':
      return actual !== null && compare(actual, value) <= 0;
    case 'gt':
      return actual !== null && compare(actual, value) > 0;
    case 'gte':
      return actual !== null && compare(actual, value) >= 0;
    default:
      throw new QueryError(`Unsupported filter operator "${operator}"`);
  }
}

function parentField(apiName, relationshipName) {
  return Object.values(objectInfo(apiName).fields).find((info) => info.relationshipName === relationshipName);
}

function matches(apiName, record, where) {
  if (!where) return true;
  return Object.entries(where).every(([key, condition]) => {
    if (key === 'and') return condition.every((part) => matches(apiName, record, part));
    if (key === 'or') return condition.some((part) => matches(apiName, record, part));
    if (key === 'not') return !matches(apiName, record, condition);
    const info = objectInfo(apiName).fields[key];
    if (info) {
      const actual = key === 'Id' ? record.Id : fieldValue(apiName, record, key);
      return Object.entries(condition).every(([operator, expected]) => test(actual, operator, expected));
    }
    const parent = parentField(apiName, key);
    if (parent) {
      const target = recordById(record[parent.apiName]);
      return !!target && matches(target.attributes.type, target, condition);
    }
    throw new QueryError(`Field '${key}' is not defined in '${apiName}_Filter'`);
  });
}

function sortRecords(apiName, records, orderBy) {
  const keys = Object.entries(orderBy ?? {});
  return [...records].sort((a, b) => {
    for (const [field, { order = 'ASC', nulls } = {}] of keys) {
      if (!objectInfo(apiName).fields[field])
        throw new QueryError(`Field '${field}' is not defined in '${apiName}_OrderBy'`);
      const x = fieldValue(apiName, a, field);
      const y = fieldValue(apiName, b, field);
      const descending = order === 'DESC';
      const nullsLast = nulls ? nulls === 'LAST' : descending;
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === nullsLast ? 1 : -1;
      }
      const difference = compare(x, y);
      if (difference !== 0) return descending ? -difference : difference;
    }
    return a.Id.localeCompare(b.Id);
  });
}

const cursorOf = (offset) => btoa(`v1:${offset}`);
const offsetOf = (cursor) => Number(atob(cursor).slice(3));

function connection(apiName, node, variables, records, path) {
  if (!objectInfo(apiName)) throw new QueryError(`Cannot query field '${apiName}' on type 'RecordQuery'`);
  const args = argumentsOf(node, variables);
  const filtered = sortRecords(
    apiName,
    records.filter((record) => matches(apiName, record, args.where)),
    args.orderBy,
  );
  const start = args.after ? offsetOf(args.after) + 1 : 0;
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const page = filtered.slice(start, start + first);
  const result = {};
  for (const selection of node.selectionSet.selections) {
    const name = selection.name.value;
    if (name === 'edges') {
      result.edges = page.map((record, index) => {
        const edge = {};
        for (const part of selection.selectionSet.selections) {
          if (part.name.value === 'node') edge.node = project(apiName, record, part.selectionSet, variables, path);
          else if (part.name.value === 'cursor') edge.cursor = cursorOf(start + index);
        }
        return edge;
      });
    } else if (name === 'pageInfo') {
      const info = {
        hasNextPage: start + first < filtered.length,
        hasPreviousPage: start > 0,
        startCursor: page.length > 0 ? cursorOf(start) : null,
        endCursor: page.length > 0 ? cursorOf(start + page.length - 1) : null,
      };
      result.pageInfo = Object.fromEntries(
        selection.selectionSet.selections.map((s) => [s.name.value, info[s.name.value]]),
      );
    } else if (name === 'totalCount') {
      result.totalCount = filtered.length;
    } else if (name === 'pageResultCount') {
      result.pageResultCount = page.length;
    } else {
      throw new QueryError(`Cannot query field '${name}' on type '${apiName}Connection'`);
    }
  }
  return result;
}

function project(apiName, record, selectionSet, variables, path) {
  const info = objectInfo(apiName);
  const node = {};
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) throw new QueryError('Fragments are not supported by the preview');
    const name = selection.name.value;
    const key = selection.alias?.value ?? name;
    if (name === 'Id') node[key] = record.Id;
    else if (name === '__typename') node[key] = apiName;
    else if (name === 'ApiName') node[key] = apiName;
    else if (info.fields[name]) {
      const value = fieldValue(apiName, record, name);
      const shown = { value, displayValue: displayValue(apiName, name, value), format: null, label: null };
      node[key] = Object.fromEntries(
        (selection.selectionSet?.selections ?? []).map((part) => [part.name.value, shown[part.name.value] ?? null]),
      );
    } else if (parentField(apiName, name)) {
      const target = recordById(record[parentField(apiName, name).apiName]);
      node[key] = target ? project(target.attributes.type, target, selection.selectionSet, variables, path) : null;
    } else {
      const child = info.childRelationships.find((relationship) => relationship.relationshipName === name);
      if (!child) throw new QueryError(`Field '${name}' is not defined in type '${apiName}'`);
      const children = recordsOf(child.childObjectApiName).filter(
        (candidate) => candidate[child.fieldName] === record.Id,
      );
      node[key] = connection(child.childObjectApiName, selection, variables, children, path);
    }
  }
  return node;
}

/** { data } for a parsed query and its variables, or { errors } as the GraphQL adapter reports them. */
export function execute(document, variables = {}) {
  try {
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    const values = { ...variables };
    for (const definition of operation.variableDefinitions ?? []) {
      const name = definition.variable.name.value;
      if (values[name] === undefined && definition.defaultValue)
        values[name] = valueFromASTUntyped(definition.defaultValue);
      if (values[name] === undefined) values[name] = null;
    }
    const data = {};
    for (const root of operation.selectionSet.selections) {
      if (root.name.value !== 'uiapi') throw new QueryError(`Cannot query field '${root.name.value}' on type 'Query'`);
      data.uiapi = {};
      for (const part of root.selectionSet.selections) {
        if (part.name.value !== 'query')
          throw new QueryError(`The preview answers only uiapi.query, not ${part.name.value}`);
        data.uiapi.query = {};
        for (const objectNode of part.selectionSet.selections) {
          const apiName = objectNode.name.value;
          data.uiapi.query[objectNode.alias?.value ?? apiName] = connection(
            apiName,
            objectNode,
            values,
            recordsOf(apiName),
            apiName,
          );
        }
      }
    }
    return { data, errors: undefined };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    return {
      data: undefined,
      errors: [{ message: error.message, locations: [], extensions: { ErrorType: 'ValidationError' } }],
    };
  }
}
