import { formulaReferences } from '../../src/metadata/formula';

describe('formulaReferences', () => {
  test('finds field names and the function each one is an argument of', () => {
    const references = formulaReferences(
      'AND(ISPICKVAL(Status__c, "Resolved"), ISBLANK(TEXT(Resolution__c)), Amount__c > 0)',
    );
    expect(references).toEqual([
      { path: 'Status__c', enclosingFunction: 'ISPICKVAL' },
      { path: 'Resolution__c', enclosingFunction: 'TEXT' },
      { path: 'Amount__c', enclosingFunction: 'AND' },
    ]);
  });

  test('reads relationship paths whole', () => {
    expect(formulaReferences('Disputed_Amount__c > Invoice__r.Open_Balance__c')).toEqual([
      { path: 'Disputed_Amount__c' },
      { path: 'Invoice__r.Open_Balance__c' },
    ]);
  });

  test('ignores string literals, comments, global variables and keywords', () => {
    const formula = '/* Due_Date__c */ IF($User.Id = OwnerId, "Amount__c", NULL) && TRUE';
    expect(formulaReferences(formula)).toEqual([{ path: 'OwnerId', enclosingFunction: 'IF' }]);
  });

  test('a parenthesised group is not a function', () => {
    expect(formulaReferences('(Amount__c - Applied_Amount__c)')).toEqual([
      { path: 'Amount__c' },
      { path: 'Applied_Amount__c' },
    ]);
  });
});
