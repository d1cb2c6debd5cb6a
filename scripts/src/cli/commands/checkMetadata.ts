/** `collections check-metadata`: the offline deploy checks, printed one finding per line. */
import { formatFinding } from '../../metadata/findings';
import { runChecks } from '../../metadata/runChecks';
import { TOOLING_FIELD_USES } from '../../metadata/toolingFieldUses';
import { COMMON_FLAGS, type CommandSpec } from '../command';
import { EXIT } from '../errors';

export const checkMetadataCommand: CommandSpec = {
  name: 'check-metadata',
  summary: 'Check force-app offline for what a deploy would reject.',
  description:
    "Resolves and converts force-app with Salesforce's source-deploy-retrieve, validates every element against the\nMetadata API types, and checks the references between components and the fields the tooling uses.",
  examples: ['collections check-metadata', 'collections check-metadata --json'],
  flags: [COMMON_FLAGS.json],
  async run(_flags, io) {
    const { project, findings } = await runChecks(io.projectDir, TOOLING_FIELD_USES);
    const lines = findings.map(formatFinding);
    for (const line of lines) io.error(line);
    const summary = `${project.files.length} metadata files, ${project.objects.size} objects checked: ${findings.length} problem${findings.length === 1 ? '' : 's'}`;
    if (findings.length > 0) io.error(summary);
    else io.log(summary);
    return {
      exitCode: findings.length > 0 ? EXIT.failed : EXIT.ok,
      result: { files: project.files.length, problems: findings },
    };
  },
};
