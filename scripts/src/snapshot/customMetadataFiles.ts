/**
 * Custom metadata records read from the project's source files: in snapshot mode the policy comes
 * from the very XML that is deployed to the org, so the two can never disagree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { CustomMetadataRecord } from '../domain/policy';
import { childNamed, childrenNamed, parseXml, textOf, XmlSyntaxError } from '../metadata/xml';

const RECORD_FILE = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z][A-Za-z0-9_]*)\.md-meta\.xml$/;

export class CustomMetadataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    message: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${message}`);
    this.name = 'CustomMetadataFileError';
  }
}

function recordFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') found.push(...recordFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.md-meta.xml') && basename(dir) === 'customMetadata')
      found.push(path);
  }
  return found;
}

export function readCustomMetadataFile(path: string, displayPath: string = path): CustomMetadataRecord {
  const match = RECORD_FILE.exec(basename(path));
  if (!match)
    throw new CustomMetadataFileError(displayPath, undefined, 'a record file is named <Type>.<RecordName>.md-meta.xml');
  const [, type = '', developerName = ''] = match;
  let root;
  try {
    root = parseXml(readFileSync(path, 'utf8'));
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new CustomMetadataFileError(displayPath, error.line, error.message);
    throw error;
  }
  const values: Record<string, string | null> = {};
  for (const entry of childrenNamed(root, 'values')) {
    const field = textOf(entry, 'field');
    if (!field) throw new CustomMetadataFileError(displayPath, entry.line, '<values> without a <field>');
    const value = childNamed(entry, 'value');
    values[field] = !value || value.attributes['xsi:nil'] === 'true' ? null : value.text;
  }
  return { type: `${type}__mdt`, developerName, label: textOf(root, 'label') ?? developerName, values };
}

/** Every custom metadata record under the given package directories, in a stable order. */
export function readCustomMetadataRecords(
  projectDir: string,
  packageDirectories: readonly string[],
): CustomMetadataRecord[] {
  return packageDirectories
    .flatMap((dir) => recordFiles(join(projectDir, dir)))
    .sort()
    .map((path) => readCustomMetadataFile(path, relative(projectDir, path)));
}
