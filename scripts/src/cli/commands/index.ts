/** Every `collections` command, in the order help lists them. */
import type { CommandSpec } from '../command';
import { policyCommand } from '../policy';
import { checkMetadataCommand } from './checkMetadata';
import { demoCommand } from './demo';
import { runCommand } from './run';

export const COMMANDS: readonly CommandSpec[] = [demoCommand, runCommand, policyCommand, checkMetadataCommand];
