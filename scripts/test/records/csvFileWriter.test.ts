/**
 * The streamed CSV writer writes the bytes formatBulkCsv (csv-stringify) writes, whatever the
 * cells hold: most rows take a fast path that joins cells as they are, so the cells that need
 * quoting, and the ones that look as if they might, are checked against csv-stringify itself.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvFileWriter, formatBulkCsv, parseCsv } from '../../src/records/csv';
import type { Row } from '../../src/records/schema';

const CELLS = [
  '',
  ' ',
  'plain',
  'a,b',
  'say "hi"',
  'two\nlines',
  'carriage\r',
  'tab\there',
  '=1+2',
  '-150.00',
  'é ü ß',
  '"',
  ',',
  '\n',
];

test('every row is written exactly as formatBulkCsv writes it, and reads back the same', () => {
  const dir = mkdtempSync(join(tmpdir(), 'collections-csv-'));
  try {
    const columns = ['Key__c', 'A__c', 'B__c'];
    const rows: Row[] = [];
    for (const a of CELLS) for (const b of CELLS) rows.push({ Key__c: String(rows.length), A__c: a, B__c: b });
    rows.push({ Key__c: 'missing' });
    const path = join(dir, 'out.csv');
    const writer = new CsvFileWriter(path, columns);
    for (const row of rows) writer.write(row);
    writer.write({ Key__c: 'overridden', A__c: 'x' }, { A__c: 'y,z' });
    writer.close();
    const expected = [...rows, { Key__c: 'overridden', A__c: 'y,z' }];
    const written = readFileSync(path, 'utf8');
    expect(written).toBe(formatBulkCsv(columns, expected));
    expect(parseCsv(written, 'out.csv')).toEqual(
      expected.map((row) => ({ Key__c: row.Key__c, A__c: row.A__c ?? '', B__c: row.B__c ?? '' })),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
