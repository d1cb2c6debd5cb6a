/**
 * The shape of a `collections` command: its flags (sf-style: --json, --as-of, --target-org...),
 * help text, and a run function that does the work through the IO it is given, so commands are
 * tested without a terminal, a clock or an org.
 */
import type { Output } from './output';

export interface FlagSpec {
  name: string;
  char?: string;
  type: 'string' | 'boolean';
  description: string;
  /** shown in help as <value> hint */
  valueName?: string;
  multiple?: boolean;
  default?: string | boolean;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface CommandIO extends Output {
  /** the directory the user runs the command in (the default snapshot lives here) */
  cwd: string;
  /** the Salesforce DX project whose force-app holds the policy */
  projectDir: string;
  /** the current instant: only commands read it (to find "today" in the company's time zone) */
  now: () => Date;
  env: Readonly<Record<string, string | undefined>>;
}

export interface CommandOutcome {
  exitCode: number;
  /** what --json prints as "result" */
  result: unknown;
  warnings?: string[];
}

export interface CommandSpec {
  name: string;
  summary: string;
  description: string;
  examples: readonly string[];
  flags: readonly FlagSpec[];
  run(flags: FlagValues, io: CommandIO): Promise<CommandOutcome>;
}

/** Flags most commands share. */
export const COMMON_FLAGS = {
  json: {
    name: 'json',
    type: 'boolean',
    description: 'Print the result as JSON in the sf envelope {"status":0,"result":...}.',
  },
  targetOrg: {
    name: 'target-org',
    char: 'o',
    type: 'string',
    valueName: 'alias',
    description:
      'An org authorised with `sf org login ...` (alias or username). Without it, the local snapshot is used.',
  },
  snapshot: {
    name: 'snapshot',
    type: 'string',
    valueName: 'dir',
    description:
      'A local snapshot directory (one Bulk API CSV per object). Default: .collections in the current directory.',
  },
  apiVersion: {
    name: 'api-version',
    type: 'string',
    valueName: 'version',
    description: 'Salesforce API version for org calls, e.g. 66.0.',
  },
  asOf: {
    name: 'as-of',
    type: 'string',
    valueName: 'YYYY-MM-DD',
    description: "The as-of date: a calendar date. Default: today in the company's time zone (from the policy).",
  },
} as const satisfies Record<string, FlagSpec>;

export function stringFlag(flags: FlagValues, name: string): string | undefined {
  const value = flags[name];
  return typeof value === 'string' ? value : undefined;
}

export function booleanFlag(flags: FlagValues, name: string): boolean {
  return flags[name] === true;
}
