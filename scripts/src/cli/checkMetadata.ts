/** `collections check-metadata`: the offline deploy checks, printed one finding per line. */
import { formatFinding } from '../metadata/findings';
import { runChecks } from '../metadata/runChecks';
import { TOOLING_FIELD_USES } from '../metadata/toolingFieldUses';
import type { Output } from './output';

export async function checkMetadata(projectDir: string, output: Output): Promise<number> {
  const { project, findings } = await runChecks(projectDir, TOOLING_FIELD_USES);
  for (const finding of findings) output.error(formatFinding(finding));
  const summary = `${project.files.length} metadata files, ${project.objects.size} objects checked: ${findings.length} problem${findings.length === 1 ? '' : 's'}`;
  if (findings.length > 0) {
    output.error(summary);
    return 1;
  }
  output.log(summary);
  return 0;
}
