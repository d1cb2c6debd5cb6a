/** Every `collections` command, in the order help lists them: the nightly job first. */
import type { CommandSpec } from '../command';
import { policyCommand } from '../policy';
import { checkMetadataCommand } from './checkMetadata';
import { demoCommand } from './demo';
import { handoffCommand } from './handoff';
import { importCommand } from './import';
import { reportCommand } from './report';
import { runCommand } from './run';
import { statementCommand } from './statement';

export const COMMANDS: readonly CommandSpec[] = [
  importCommand,
  runCommand,
  reportCommand,
  statementCommand,
  handoffCommand,
  demoCommand,
  policyCommand,
  checkMetadataCommand,
];
