/**
 * Where each canonical column is in a file's header, given the mapping, and what is missing.
 * Pure: the header comes in as a list of names.
 */
import { fieldsOf, type CanonicalField } from './formats';
import type { FileFormat } from './mapping';
import type { Row } from '../records/schema';

export interface ColumnMap {
  /** canonical column -> the file's column, for the columns the file has */
  readonly sourceOf: Readonly<Partial<Record<CanonicalField, string>>>;
}

/** Problems with a header that stop the import: each names the column concerned. */
export function headerProblems(header: readonly string[], format: FileFormat): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) problems.push(`column "${name}" appears twice in the header`);
    seen.add(name);
  }
  const { required, optional } = fieldsOf(format.kind);
  const missing: string[] = [];
  for (const field of required) {
    const source = format.columns[field];
    if (source !== undefined && !seen.has(source)) missing.push(`${field} (mapped to "${source}")`);
    else if (source === undefined && !seen.has(field) && !(field === 'currency' && format.defaultCurrency))
      missing.push(field);
  }
  if (missing.length > 0)
    problems.push(`missing required column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`);
  for (const field of optional) {
    const source = format.columns[field];
    if (source !== undefined && !seen.has(source))
      problems.push(`the mapping names "${source}" for ${field}, but the file has no such column`);
  }
  return problems;
}

export function columnMap(header: readonly string[], format: FileFormat): ColumnMap {
  const names = new Set(header);
  const { required, optional } = fieldsOf(format.kind);
  const sourceOf: Partial<Record<CanonicalField, string>> = {};
  for (const field of [...required, ...optional]) {
    const source = format.columns[field] ?? field;
    if (names.has(source)) sourceOf[field] = source;
  }
  return { sourceOf };
}

/** One row of the file seen through the column map: trimmed cells by canonical name. */
export class RowCells {
  constructor(
    private readonly columns: ColumnMap,
    readonly source: Row,
  ) {}

  /** the trimmed cell, '' when blank, undefined when the file has no such column */
  get(field: CanonicalField): string | undefined {
    const source = this.columns.sourceOf[field];
    return source === undefined ? undefined : (this.source[source] ?? '').trim();
  }

  /** the cell as written in the file (for the rejects file) */
  raw(field: CanonicalField): string {
    const source = this.columns.sourceOf[field];
    return source === undefined ? '' : (this.source[source] ?? '');
  }

  /** the file's name for a canonical column (what the rejects file names) */
  column(field: CanonicalField): string {
    return this.columns.sourceOf[field] ?? field;
  }
}
