/**
 * The Node tooling reads and writes org fields by name (SOQL, Bulk API CSV headers, custom
 * metadata). Each module declares the fields it uses; this check holds those declarations against
 * force-app, so a renamed or deleted field breaks `npm test`, not the nightly run.
 */
import type { Finding } from '../findings';
import { resolveReference } from '../formula';
import type { ProjectModel } from '../project';

export interface FieldUse {
  object: string;
  /** a field API name, or a relationship path such as Account__r.Customer_Number__c */
  field: string;
  /** the field types the code can handle, e.g. ['Currency'] */
  types: readonly string[];
  /** the module that uses it, for the message */
  usedBy: string;
}

export function checkToolingReferences(project: ProjectModel, uses: readonly FieldUse[]): Finding[] {
  const findings: Finding[] = [];
  for (const use of uses) {
    // Resolved like a formula reference (through __r relationships); TEXT() so picklists are fine.
    const { field, problem } = resolveReference(project.objects, use.object, {
      path: use.field,
      enclosingFunction: 'TEXT',
    });
    const name = `${use.object}.${use.field}`;
    if (!field) {
      findings.push({
        check: 'tooling',
        file: use.usedBy,
        message: `uses ${name}, which force-app does not define (${problem ?? 'unknown'})`,
      });
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
