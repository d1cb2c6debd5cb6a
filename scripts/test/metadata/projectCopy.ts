/**
 * A scratch copy of the real project for a test to break: the checks run on the copy, never on
 * the working tree.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { formatFinding } from '../../src/metadata/findings';
import { runChecks } from '../../src/metadata/runChecks';
import type { FieldUse } from '../../src/metadata/checks/toolingReferences';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DEFAULT = 'force-app/main/default';

export class ProjectCopy {
  readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'collections-check-'));
    for (const entry of ['sfdx-project.json', '.forceignore', 'force-app', 'docs']) {
      cpSync(join(REPO_ROOT, entry), join(this.dir, entry), { recursive: true });
    }
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  write(path: string, text: string): void {
    writeFileSync(join(this.dir, path), text);
  }

  /** Replaces the first occurrence of `from`; fails the test if it is not there, so a test cannot pass by editing nothing. */
  replace(path: string, from: string | RegExp, to: string): void {
    const text = this.read(path);
    const edited = text.replace(from, to);
    if (edited === text) throw new Error(`${path} does not contain ${String(from)}`);
    this.write(path, edited);
  }

  remove(path: string): void {
    rmSync(join(this.dir, path), { recursive: true });
  }

  /** Every finding, formatted as the CLI prints it. */
  async problems(uses: readonly FieldUse[] = []): Promise<string[]> {
    const { findings } = await runChecks(this.dir, uses);
    return findings.map(formatFinding);
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
