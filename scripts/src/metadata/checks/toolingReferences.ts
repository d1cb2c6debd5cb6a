/**
 * The Node tooling reads and writes org fields by name (SOQL, Bulk API CSV headers, custom
 * metadata). Each module declares the fields it uses; this check holds those declarations against
 * force-app, so a renamed or deleted field breaks `npm test`, not the nightly run.
 */
import type { Finding } from '../findings';
import type { ProjectModel } from '../project';

export interface FieldUse {
  object: string;
  field: string;
  /** the field types the code can handle, e.g. ['Currency'] */
  types: readonly string[];
  /** the module that uses it, for the message */
  usedBy: string;
}

export function checkToolingReferences(project: ProjectModel, uses: readonly FieldUse[]): Finding[] {
  const findings: Finding[] = [];
  for (const use of uses) {
    const field = project.objects.get(use.object)?.fields.get(use.field);
    const name = `${use.object}.${use.field}`;
    if (!field) {
      findings.push({ check: 'tooling', file: use.usedBy, message: `uses ${name}, which force-app does not define` });
    } else if (use.types.length > 0 && !use.types.includes(field.type)) {
      findings.push({
        check: 'tooling',
        file: use.usedBy,
        message: `reads ${name} as ${use.types.join(' or ')}, but it is a ${field.type}`,
      });
    }
  }
  return findings;
}
