/**
 * The `collections` command line: finds the command, parses its flags (node:util parseArgs, strict),
 * runs it, and prints either its output or, with --json, the sf envelope. Exit codes: see errors.ts.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PolicyError } from '../domain/policy';
import { RecordError } from '../records/portfolioFromRecords';
import { CsvError } from '../records/csv';
import { CustomMetadataFileError } from '../snapshot/customMetadataFiles';
import { COMMANDS } from './commands';
import type { CommandIO, CommandSpec, FlagValues } from './command';
import { CollectionsError, EXIT, usageError } from './errors';

const PROJECT_DIR = resolve(__dirname, '..', '..', '..');

function flagHelp(command: CommandSpec): string {
  return command.flags
    .map((flag) => {
      const names = `${flag.char ? `-${flag.char}, ` : '    '}--${flag.name}${flag.type === 'string' ? ` <${flag.valueName ?? 'value'}>` : ''}`;
      return `  ${names.padEnd(34)} ${flag.description}`;
    })
    .join('\n');
}

export function helpFor(command: CommandSpec): string {
  return [
    `${command.summary}`,
    '',
    `USAGE\n  $ collections ${command.name} [flags]`,
    '',
    `FLAGS\n${flagHelp(command)}\n  -h, --help                         Show this help.`,
    '',
    `DESCRIPTION\n  ${command.description.replace(/\n/g, '\n  ')}`,
    '',
    `EXAMPLES\n${command.examples.map((example) => `  $ ${example}`).join('\n')}`,
  ].join('\n');
}

export function overview(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length));
  return [
    'Collections Console: the nightly collections batch, reports and handoffs, for an org or a local snapshot.',
    '',
    'USAGE\n  $ collections <command> [flags]   (collections <command> --help for its flags)',
    '',
    `COMMANDS\n${COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}`,
  ].join('\n');
}

function parseFlags(command: CommandSpec, args: string[]): FlagValues {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const flag of command.flags) {
    options[flag.name] = {
      type: flag.type,
      ...(flag.char ? { short: flag.char } : {}),
      ...(flag.multiple ? { multiple: true } : {}),
    };
  }
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    const withDefaults: FlagValues = {};
    for (const flag of command.flags) if (flag.default !== undefined) withDefaults[flag.name] = flag.default;
    return { ...withDefaults, ...(values as FlagValues) };
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), [
      `Run "collections ${command.name} --help" for its flags.`,
    ]);
  }
}

/** Errors about the user's data or input: a message and next steps, never a stack trace. */
function asCollectionsError(error: unknown): CollectionsError | undefined {
  if (error instanceof CollectionsError) return error;
  if (error instanceof PolicyError)
    return new CollectionsError('PolicyError', error.message, [
      'Fix the custom metadata records named above (Setup > Custom Metadata Types, or force-app/main/default/customMetadata).',
    ]);
  if (error instanceof RecordError)
    return new CollectionsError('RecordError', error.message, [
      'Correct the record in the org or the snapshot CSV, then run again.',
    ]);
  if (error instanceof CsvError)
    return new CollectionsError('CsvError', error.message, [
      'Check the file is CSV with a header row, comma-separated, UTF-8.',
    ]);
  if (error instanceof CustomMetadataFileError) return new CollectionsError('CustomMetadataFileError', error.message);
  return undefined;
}

export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.log(overview());
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  const json = rest.includes('--json');
  try {
    if (!command)
      throw usageError(`Unknown command "${name}".`, ['Run "collections --help" for the list of commands.']);
    const flags = parseFlags(command, rest);
    if (flags.help === true) {
      io.log(helpFor(command));
      return EXIT.ok;
    }
    const outcome = await command.run(flags, io);
    if (json)
      io.log(
        JSON.stringify(
          { status: outcome.exitCode, result: outcome.result, warnings: outcome.warnings ?? [] },
          jsonValue,
          2,
        ),
      );
    else for (const warning of outcome.warnings ?? []) io.error(`Warning: ${warning}`);
    return outcome.exitCode;
  } catch (error) {
    const known = asCollectionsError(error);
    if (!known) throw error;
    if (json) {
      io.log(
        JSON.stringify(
          {
            status: known.exitCode,
            name: known.code,
            message: known.message,
            exitCode: known.exitCode,
            actions: known.actions,
          },
          null,
          2,
        ),
      );
    } else {
      io.error(`Error (${known.code}): ${known.message}`);
      if (known.actions.length > 0)
        io.error(`\nTry this:\n${known.actions.map((action) => `  - ${action}`).join('\n')}`);
    }
    return known.exitCode;
  }
}

/** JSON for bigints (money in minor units never reaches JSON as a float). */
function jsonValue(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Runs the command line of this process and sets its exit code. */
export function main(): void {
  const io: CommandIO = {
    log: (line) => console.log(line),
    error: (line) => console.error(line),
    // npm runs workspace scripts inside scripts/; INIT_CWD is where the user typed the command.
    cwd: process.env.INIT_CWD ?? process.cwd(),
    projectDir: PROJECT_DIR,
    now: () => new Date(),
    env: process.env,
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = EXIT.failed;
    },
  );
}

if (require.main === module) main();
