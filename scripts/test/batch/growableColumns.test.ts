/** Columns read back exactly what was pushed, across growth, for every kind of value. */
import { IntColumn, MinorColumn, RowGroups, StringTable, TextColumn } from '../../src/batch/growableColumns';

test('text: ASCII, empty, null and other characters, through many growths', () => {
  const values: Array<string | null> = [];
  for (let i = 0; i < 5000; i++) {
    values.push(
      i % 7 === 0 ? null : i % 11 === 0 ? '' : i % 13 === 0 ? `Ünïcode-${i}-€` : `INV-${String(i).padStart(9, '0')}`,
    );
  }
  values.push('x'.repeat(100_000), null, 'é');
  const column = new TextColumn();
  for (const value of values) column.push(value);
  expect(column.length).toBe(values.length);
  expect(values.map((_, row) => column.at(row))).toEqual(values);
});

test('numbers and exact minor units, including amounts beyond 64 bits', () => {
  const ints = new IntColumn();
  const minors = new MinorColumn();
  const big = 2n ** 70n;
  for (let i = 0; i < 3000; i++) {
    ints.push(i % 2 === 0 ? -i : i);
    minors.push(i === 1234 ? big : i === 1235 ? -big : BigInt(i) * 1_000_000_007n);
  }
  expect(ints.at(2998)).toBe(-2998);
  expect(ints.at(2999)).toBe(2999);
  expect(minors.at(1234)).toBe(big);
  expect(minors.at(1235)).toBe(-big);
  expect(minors.at(2999)).toBe(2999n * 1_000_000_007n);
});

test('row groups keep each group in the order rows were added', () => {
  const groups = new RowGroups();
  const added: number[][] = [[], [], [], []];
  for (let row = 0; row < 100; row++) {
    const group = (row * 7) % 3; // group 3 stays empty
    groups.add(group, row);
    added[group]?.push(row);
  }
  groups.build(4);
  for (let group = 0; group < 5; group++) {
    const rows: number[] = [];
    groups.forEach(group, (row) => rows.push(row));
    expect(rows).toEqual(added[group] ?? []);
  }
  expect(() => groups.add(0, 1)).toThrow(/after the groups were built/);
});

test('a string table gives each distinct value one index', () => {
  const table = new StringTable();
  expect([table.indexOf('USD'), table.indexOf('EUR'), table.indexOf('USD')]).toEqual([0, 1, 0]);
  expect(table.valueAt(1)).toBe('EUR');
  expect(table.size).toBe(2);
  expect(() => table.valueAt(2)).toThrow(RangeError);
});
