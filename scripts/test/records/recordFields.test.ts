/** Cells are read trimmed of any white space, ASCII or Unicode, and blank cells are null. */
import { RecordFields } from '../../src/records/recordFields';
import { INVOICE } from '../../src/records/schema';

const read = (value: string | undefined) =>
  new RecordFields(INVOICE, value === undefined ? {} : { PO_Number__c: value }).text('PO_Number__c');

test.each([
  ['PO-1', 'PO-1'],
  ['  PO-1 ', 'PO-1'],
  ['\tPO-1\r', 'PO-1'],
  ['\u00a0PO-1\u2028', 'PO-1'],
  ['Ünïcode', 'Ünïcode'],
  ['a b', 'a b'],
])('%j reads as %j', (cell, expected) => {
  expect(read(cell)).toBe(expected);
});

test.each([[undefined], [''], ['   '], ['\u00a0']])('%j reads as blank', (cell) => {
  expect(read(cell)).toBeNull();
});
