/**
 * Stand-in for lightning/graphql: `gql` parses the query (graphql-js), the `graphql` wire adapter
 * answers it from the preview org (graphqlExecutor.js) with { data, errors, refresh }, and
 * refreshGraphQL asks again. Like the platform's adapter, it waits while `query` or a `variables`
 * config that was given is undefined, emits asynchronously, hands out frozen data, and does not
 * re-run a query by itself when records change: components call refresh, as on the platform.
 */
import { parse } from 'graphql';
import { execute } from './graphqlExecutor';
import { deepFreeze, later } from './wire';

const parsed = new Map();

export function gql(strings, ...values) {
  const text = strings.reduce((all, part, index) => all + part + (index < values.length ? values[index] : ''), '');
  if (!parsed.has(text)) parsed.set(text, parse(text));
  return parsed.get(text);
}

const documentKeys = new WeakMap();
let documentCount = 0;
function keyOf(query, variables) {
  if (!documentKeys.has(query)) documentKeys.set(query, ++documentCount);
  return `${documentKeys.get(query)}:${JSON.stringify(variables ?? null)}`;
}

export class graphql {
  constructor(callback) {
    this.callback = callback;
    this.connected = false;
  }

  connect() {
    this.connected = true;
    if (this.pending) this.emit();
  }

  disconnect() {
    this.connected = false;
  }

  update(config) {
    const { query, variables } = config ?? {};
    if (!query || ('variables' in config && variables === undefined)) return;
    const key = keyOf(query, variables);
    if (key === this.key) return;
    this.key = key;
    this.query = query;
    this.variables = variables;
    this.emit();
  }

  emit() {
    this.pending = !this.connected;
    return later(() => {
      const { data, errors } = execute(this.query, this.variables);
      const result = { data: deepFreeze(data), errors, refresh: () => this.emit() };
      this.callback(result);
    });
  }
}

export function refreshGraphQL(result) {
  return result?.refresh?.();
}
