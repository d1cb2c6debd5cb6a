/** A CommandIO for command tests: it keeps what the command printed, and reads a given clock. */
import { resolve } from 'node:path';
import type { CommandIO } from '../src/cli/command';

export const PROJECT_DIR = resolve(__dirname, '..', '..');

export type CapturedIO = CommandIO & { out: string[]; err: string[] };

export function captureIO(cwd: string, now: () => Date): CapturedIO {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    cwd,
    projectDir: PROJECT_DIR,
    now,
    env: {},
  };
}
