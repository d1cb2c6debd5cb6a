/**
 * Every org field the Node tooling refers to by name, gathered from the modules that use them, so
 * the metadata checks can hold them against force-app.
 */
import { POLICY_FIELDS } from '../domain/policy';
import { SNAPSHOT_OBJECTS } from '../records/schema';
import type { FieldUse } from './checks/toolingReferences';

function uses(fields: typeof POLICY_FIELDS, usedBy: string): FieldUse[] {
  return Object.entries(fields).flatMap(([object, byField]) =>
    Object.entries(byField).map(([field, types]) => ({ object, field, types, usedBy })),
  );
}

export const TOOLING_FIELD_USES: readonly FieldUse[] = [
  ...uses(POLICY_FIELDS, 'scripts/src/domain/policy.ts'),
  ...SNAPSHOT_OBJECTS.flatMap((schema) =>
    schema.columns.map((column) => ({
      object: schema.object,
      field: column.name,
      types: column.types,
      usedBy: 'scripts/src/records/schema.ts',
    })),
  ),
];
