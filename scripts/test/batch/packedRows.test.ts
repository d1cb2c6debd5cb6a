/** Packed rows come back exactly as they were added: values, columns, their order and the row order. */
import { PackedRows } from '../../src/batch/packedRows';
import type { Row } from '../../src/records/schema';

const unpack = (packed: PackedRows): Array<Row | undefined> =>
  Array.from({ length: packed.length }, (_, position) => packed.at(position));

test('rows come back as added, whether packed or kept as they are', () => {
  const rows: Row[] = [
    { Invoice_Number__c: 'INV-1', Open_Balance__c: '10.00', Status__c: 'Open', Disputed_Amount__c: '' },
    { Invoice_Number__c: 'INV-2', Open_Balance__c: '0.00', Status__c: 'Paid', Disputed_Amount__c: '' },
    // other columns, or the same in another order: kept as objects
    { Invoice_Number__c: 'INV-3', Status__c: 'Paid' },
    { Open_Balance__c: '1.00', Invoice_Number__c: 'INV-4', Status__c: 'Open', Disputed_Amount__c: '' },
    // a cell holding the separator
    { Invoice_Number__c: 'INV-\u00005', Open_Balance__c: '2.00', Status__c: 'Open', Disputed_Amount__c: '' },
    { Invoice_Number__c: 'INV-6', Open_Balance__c: 'a,b "c"\nd', Status__c: 'Ünïcode', Disputed_Amount__c: '1' },
  ];
  const packed = new PackedRows();
  for (const row of rows) packed.add(row);
  expect(packed.length).toBe(rows.length);
  const back = unpack(packed);
  expect(back).toEqual(rows);
  back.forEach((row, index) => expect(Object.keys(row as Row)).toEqual(Object.keys(rows[index] as object)));
});

test('nothing added, nothing back', () => {
  expect(unpack(new PackedRows())).toEqual([]);
  expect(new PackedRows().at(0)).toBeUndefined();
});
