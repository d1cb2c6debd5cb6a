/** The `collections` command line: parses the command and hands it to the function that does it. */
import { resolve } from 'node:path';
import { checkMetadata } from './checkMetadata';
import { CustomMetadataFileError } from '../snapshot/customMetadataFiles';
import { PolicyError } from '../domain/policy';
import { printPolicy } from './policy';

const USAGE = `Usage: collections <command> [flags]

Commands:
  policy [--project-dir DIR]           print the collections policy read from force-app's custom metadata
  check-metadata [--project-dir DIR]   check force-app offline: what a deploy would reject
`;

function flag(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
}

/** The project directory: --project-dir, else the repository this script belongs to. */
function projectDir(args: string[]): string {
  return resolve(flag(args, '--project-dir') ?? resolve(__dirname, '..', '..', '..'));
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const output = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  switch (command) {
    case 'check-metadata':
      return checkMetadata(projectDir(rest), output);
    case 'policy':
      return printPolicy(projectDir(rest), output);
    case undefined:
    case '--help':
    case '-h':
      console.log(USAGE);
      return command === undefined ? 1 : 0;
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Errors about the user's input are messages, not crashes: no stack trace.
    const known = error instanceof PolicyError || error instanceof CustomMetadataFileError;
    console.error(error instanceof Error ? (known ? error.message : (error.stack ?? error.message)) : String(error));
    process.exit(known ? 1 : 2);
  },
);
