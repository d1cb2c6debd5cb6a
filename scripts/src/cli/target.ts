/** Which store a command works on: --target-org, else --snapshot, else .collections in the current directory. */
import { isAbsolute, join } from 'node:path';
import { openOrgStore } from '../org/openOrgStore';
import { DEFAULT_SNAPSHOT_DIR, SnapshotStore } from '../store/snapshotStore';
import type { CollectionsStore } from '../store/store';
import { stringFlag, type CommandIO, type FlagValues } from './command';
import { usageError } from './errors';

export async function storeFor(flags: FlagValues, io: CommandIO): Promise<CollectionsStore> {
  const targetOrg = stringFlag(flags, 'target-org');
  const snapshot = stringFlag(flags, 'snapshot');
  if (targetOrg && snapshot) throw usageError('Choose one target: --target-org or --snapshot, not both.');
  if (targetOrg) {
    const apiVersion = stringFlag(flags, 'api-version');
    return openOrgStore({ targetOrg, projectDir: io.projectDir, ...(apiVersion ? { apiVersion } : {}) });
  }
  const dir = snapshot ?? DEFAULT_SNAPSHOT_DIR;
  return new SnapshotStore(isAbsolute(dir) ? dir : join(io.cwd, dir), io.projectDir, io.cwd);
}
