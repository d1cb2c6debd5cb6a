import { loadMetadataSchema, parseMetadataDeclarations } from '../../src/metadata/schema';

describe('the Metadata API schema read from @salesforce/types', () => {
  test('an intersection lists the base type first, then its own elements in order', () => {
    const schema = parseMetadataDeclarations(`
      export type Metadata = { fullName?: string; };
      export type Kind = 'A' | 'B';
      export type Thing = Metadata & { alpha: boolean; beta?: Kind; gamma: Other[]; };
      export type Other = { value: number; };
    `);
    expect(schema.types.get('Thing')).toEqual([
      { name: 'fullName', type: 'string', array: false, optional: true },
      { name: 'alpha', type: 'boolean', array: false, optional: false },
      { name: 'beta', type: 'Kind', array: false, optional: true },
      { name: 'gamma', type: 'Other', array: true, optional: false },
    ]);
    expect([...(schema.enums.get('Kind') ?? [])]).toEqual(['A', 'B']);
  });

  test('the installed package describes the types the project uses', () => {
    const schema = loadMetadataSchema();
    for (const type of [
      'CustomObject',
      'CustomField',
      'PermissionSet',
      'CustomMetadata',
      'CustomTab',
      'CustomApplication',
      'Queue',
      'ListView',
      'ValidationRule',
    ]) {
      expect(schema.types.get(type)?.length).toBeGreaterThan(0);
    }
    expect(schema.enums.get('FieldType')?.has('Currency')).toBe(true);
  });
});
