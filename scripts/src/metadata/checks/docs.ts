/**
 * The data model page (docs/data-model.md) lists every custom object and custom metadata type in
 * its tables; the metadata and the page must name the same ones, so the README never describes an
 * object that is not deployed, nor leaves one out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../findings';
import type { ProjectModel } from '../project';

export const DATA_MODEL_PAGE = 'docs/data-model.md';

export function checkDataModelPage(project: ProjectModel): Finding[] {
  const path = join(project.dir, DATA_MODEL_PAGE);
  if (!existsSync(path)) return [{ check: 'docs', file: DATA_MODEL_PAGE, message: 'the data model page is missing' }];
  const lines = readFileSync(path, 'utf8').split('\n');
  // The object tables open the page; the sections after the first "## " heading list fields.
  const firstSection = lines.findIndex((line) => line.startsWith('## '));
  const documented = new Map<string, number>();
  lines.slice(0, firstSection === -1 ? lines.length : firstSection).forEach((line, index) => {
    const match = /^\|\s*`([A-Za-z0-9_]+__(?:c|mdt))`\s*\|/.exec(line);
    if (match?.[1] && !documented.has(match[1])) documented.set(match[1], index + 1);
  });
  const findings: Finding[] = [];
  for (const object of project.objects.values()) {
    if (object.kind !== 'standard' && object.file && !documented.has(object.name)) {
      findings.push({
        check: 'docs',
        file: DATA_MODEL_PAGE,
        message: `${object.name} is in force-app but not in the page's object tables`,
      });
    }
  }
  for (const [name, line] of documented) {
    if (!project.objects.get(name)?.file)
      findings.push({
        check: 'docs',
        file: DATA_MODEL_PAGE,
        line,
        message: `${name} is documented but force-app does not define it`,
      });
  }
  return findings;
}
