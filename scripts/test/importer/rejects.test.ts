/** Every reason a row is rejected, with the line and the column the rejects file names. */
import { INVOICE, ACCOUNT } from '../../src/records/schema';
import { INVOICE_HEADER, PAYMENT_HEADER, readRejects, runImport, workspace, readSnapshot } from './helpers';

const GOOD = 'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,100.00,invoice,PO-1,US,en,ap@acme.example';

/** An invoice row of customer C1 with some cells replaced. */
function row(changes: Partial<Record<string, string>>): string {
  const cells: Record<string, string> = {
    customer_number: 'C1',
    customer_name: 'Acme',
    invoice_number: 'INV-2',
    invoice_date: '2026-09-01',
    due_date: '2026-10-01',
    currency: 'USD',
    amount: '100.00',
    document_type: 'invoice',
    po_number: '',
    country: 'US',
    language: 'en',
    billing_email: 'ap@acme.example',
    ...changes,
  };
  return INVOICE_HEADER.split(',')
    .map((column) => {
      const value = cells[column] ?? '';
      return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(',');
}

describe('invoice rows', () => {
  test.each([
    ['a blank required value', { customer_name: '' }, 'customer_name', /^blank: a value is required$/],
    [
      'a date in another form',
      { invoice_date: '09/01/2026' },
      'invoice_date',
      /"09\/01\/2026" is not a date in the form YYYY-MM-DD/,
    ],
    [
      'a date not on the calendar',
      { due_date: '2026-02-30' },
      'due_date',
      /"2026-02-30" is not a date on the calendar/,
    ],
    ['an unknown currency', { currency: 'ABC' }, 'currency', /"ABC" is not an active ISO 4217 currency code/],
    ['a withdrawn currency', { currency: 'HRK' }, 'currency', /"HRK" was withdrawn from ISO 4217 \(replaced by EUR\)/],
    ['a non-numeric amount', { amount: 'twelve' }, 'amount', /"twelve" is not an amount/],
    ['a decimal comma', { amount: '12,50' }, 'amount', /"12,50" is not an amount.*mapping file/],
    ['more decimals than the currency has', { amount: '10.555' }, 'amount', /more decimals than USD allows \(2\)/],
    ['an amount too large for the field', { amount: '1234567890123.00' }, 'amount', /too large/],
    ['a negative invoice', { amount: '-5.00' }, 'amount', /an invoice cannot have a negative amount/],
    [
      'a positive credit memo',
      { document_type: 'credit_memo', amount: '5.00' },
      'amount',
      /a credit memo carries a negative amount/,
    ],
    [
      'a due date before the invoice date',
      { due_date: '2026-08-31' },
      'due_date',
      /the due date 2026-08-31 is before the invoice date 2026-09-01/,
    ],
    [
      'an unknown document type',
      { document_type: 'debit_note' },
      'document_type',
      /"debit_note" is not a document type/,
    ],
    ['an unknown language', { language: 'it' }, 'language', /"it" is not a language/],
    [
      'an e-mail address that is not one',
      { billing_email: 'accounts at acme' },
      'billing_email',
      /is not an e-mail address/,
    ],
    [
      'a value longer than its field',
      { invoice_number: 'X'.repeat(41) },
      'invoice_number',
      /longer than 40 characters/,
    ],
    [
      'an invoice number seen before with other data',
      { invoice_number: 'INV-1', amount: '120.00' },
      'amount',
      /invoice INV-1 already appears on line 2 with a different amount \("100.00" there, "120.00" here\)/,
    ],
    [
      'an invoice number written differently',
      { invoice_number: 'inv-1', po_number: 'PO-1' },
      'invoice_number',
      /already appears on line 2 with a different invoice number/,
    ],
    [
      'a customer seen before with another name',
      { customer_name: 'Acme Corporation' },
      'customer_name',
      /customer C1 has the name "Acme" on line 2/,
    ],
    [
      'a customer seen before with another e-mail',
      { billing_email: 'billing@acme.example' },
      'billing_email',
      /customer C1 has the billing e-mail "ap@acme.example" on line 2/,
    ],
  ])('%s', async (_name, changes, column, reason) => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [INVOICE_HEADER, GOOD, row(changes)]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    const [file] = report.files;
    expect(file).toMatchObject({ rowsIn: 2, loaded: 1, rejected: 1, invalid: 1, rejectsFile: 'invoices.rejects.csv' });
    const rejects = readRejects(`${ws.dir}/invoices.rejects.csv`);
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ line: '3', column });
    expect(rejects[0]?.reason).toMatch(reason);
    // the original row follows, column by column
    expect(rejects[0]?.customer_number).toBe('C1');
  });

  test('a row with several problems is one rejected row, one rejects line per problem', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      row({ invoice_date: '2026-02-30', currency: 'ABC', language: 'xx' }),
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(report.files[0]).toMatchObject({ rowsIn: 1, loaded: 0, rejected: 1 });
    const rejects = readRejects(`${ws.dir}/invoices.rejects.csv`);
    expect(rejects.map((reject) => [reject.line, reject.column])).toEqual([
      ['2', 'invoice_date'],
      ['2', 'currency'],
      ['2', 'language'],
    ]);
  });

  test('the same row twice is not a reject: it loads once', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [INVOICE_HEADER, GOOD, GOOD]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(report.files[0]).toMatchObject({ rowsIn: 2, loaded: 2, rejected: 0, rejectsFile: null });
    expect(report.files[0]?.objects[INVOICE.object]).toMatchObject({ created: 1 });
    expect(readSnapshot(ws.snapshotDir, INVOICE.object)).toHaveLength(1);
  });

  test('an invoice number the store holds for another customer, currency or document type is a reject', async () => {
    const ws = workspace();
    // Both customers exist: the store, like the org, refuses invoices of unknown customers.
    await ws.store.upsert(ACCOUNT, [
      { Customer_Number__c: 'C9', Name: 'Other' },
      { Customer_Number__c: 'C1', Name: 'Acme' },
    ]);
    const held = {
      'Account__r.Customer_Number__c': 'C9',
      Document_Type__c: 'Invoice',
      CurrencyIsoCode: 'USD',
      Invoice_Date__c: '2026-09-01',
      Due_Date__c: '2026-10-01',
      Amount__c: '100.00',
    };
    await ws.store.upsert(INVOICE, [
      { Invoice_Number__c: 'INV-7', Name: 'INV-7', ...held },
      {
        Invoice_Number__c: 'INV-8',
        Name: 'INV-8',
        ...held,
        'Account__r.Customer_Number__c': 'C1',
        CurrencyIsoCode: 'EUR',
      },
      {
        Invoice_Number__c: 'INV-9',
        Name: 'INV-9',
        ...held,
        'Account__r.Customer_Number__c': 'C1',
        Document_Type__c: 'Credit_Memo',
        Amount__c: '-100.00',
      },
    ]);
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      row({ invoice_number: 'INV-7' }),
      row({ invoice_number: 'INV-8' }),
      row({ invoice_number: 'INV-9' }),
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(report.files[0]).toMatchObject({ rowsIn: 3, loaded: 0, rejected: 3 });
    const rejects = readRejects(`${ws.dir}/invoices.rejects.csv`);
    expect(rejects.map((reject) => [reject.line, reject.column, reject.reason])).toEqual([
      ['2', 'customer_number', 'the store already holds invoice INV-7 for customer C9'],
      ['3', 'currency', 'the store already holds invoice INV-8 in EUR'],
      ['4', 'document_type', 'the store already holds INV-9 as document type Credit_Memo, not Invoice'],
    ]);
  });

  test('other differences from the store are ERP corrections: the invoice is updated', async () => {
    const ws = workspace();
    const first = ws.write('first.csv', [INVOICE_HEADER, GOOD]);
    await runImport(ws.store, { cwd: ws.dir, invoices: first });
    const second = ws.write('second.csv', [
      INVOICE_HEADER,
      GOOD.replace('2026-10-01', '2026-10-15').replace('100.00', '90.00'),
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices: second });
    expect(report.files[0]?.objects[INVOICE.object]).toMatchObject({ created: 0, updated: 1 });
    expect(readSnapshot(ws.snapshotDir, INVOICE.object)[0]).toMatchObject({
      Due_Date__c: '2026-10-15',
      Amount__c: '90.00',
    });
  });
});

describe('payment rows', () => {
  const invoiceLines = [
    INVOICE_HEADER,
    GOOD, // line 2: INV-1, C1, USD 100.00
    'C2,Beta,INV-20,2026-09-01,2026-10-01,EUR,50.00,invoice,,DE,de,ap@beta.example', // line 3
    'C1,Acme,CM-1,2026-09-01,2026-09-01,USD,-10.00,credit_memo,,US,en,ap@acme.example', // line 4
    'C1,Acme,INV-BAD,2026-02-30,2026-10-01,USD,10.00,invoice,,US,en,ap@acme.example', // line 5: rejected
  ];
  const paymentLines: Array<[string, string, RegExp]> = [
    [
      'P1,C404,,2026-10-01,USD,5.00',
      'customer_number',
      /customer C404 is neither in the invoices file nor in the store/,
    ],
    [
      'P2,C1,INV-404,2026-10-01,USD,5.00',
      'invoice_number',
      /invoice INV-404 is neither in the invoices file nor in the store/,
    ],
    [
      'P3,C1,INV-BAD,2026-10-01,USD,5.00',
      'invoice_number',
      /invoice INV-BAD was rejected \(line 5 of the invoices file\)/,
    ],
    ['P4,C1,INV-1,2026-10-01,EUR,5.00', 'currency', /invoice INV-1 is in USD/],
    ['P5,C1,INV-20,2026-10-01,EUR,5.00', 'invoice_number', /invoice INV-20 is customer C2's, not C1's/],
    ['P6,C1,CM-1,2026-10-01,USD,5.00', 'invoice_number', /CM-1 is a credit memo/],
    ['P7,C1,,2026-10-01,USD,0.00', 'amount', /its amount must be greater than zero/],
    ['P8,C1,,2026-10-01,USD,-5.00', 'amount', /its amount must be greater than zero/],
    ['P9,C1,,2026-02-30,USD,5.00', 'received_date', /not a date on the calendar/],
    ['P10,C1,,2026-10-01,XXX,5.00', 'currency', /not an active ISO 4217 currency code/],
    [',C1,,2026-10-01,USD,5.00', 'payment_reference', /blank/],
    [
      'P11,C1,,2026-10-01,USD,5.00',
      'payment_reference',
      /payment P11 loads whole or not at all, and its row on line 14 was rejected/,
    ],
    ['P11,C1,,2026-10-02,USD,5.00', 'received_date', /payment P11 was received on 2026-10-01 on line 13/],
    [
      'P12,C1,INV-1,2026-10-01,USD,10.00',
      'payment_reference',
      /payment P12 loads whole or not at all, and its row on line 16 was rejected/,
    ],
    ['P12,C1,INV-1,2026-10-01,USD,20.00', 'amount', /payment P12 already applies 10.00 to INV-1 on line 15/],
    [
      'P13,C1,INV-1,2026-10-01,USD,10.00',
      'payment_reference',
      /payment P13 loads whole or not at all, and its row on line 18 was rejected/,
    ],
    ['P13,C1,INV-404,2026-10-01,USD,20.00', 'invoice_number', /invoice INV-404 is neither/],
    ['P14,C2,INV-1,2026-10-01,USD,5.00', 'invoice_number', /invoice INV-1 is customer C1's, not C2's/],
  ];

  let rejects: Array<Record<string, string>> = [];
  beforeAll(async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', invoiceLines);
    const payments = ws.write('payments.csv', [PAYMENT_HEADER, ...paymentLines.map(([text]) => text)]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices, payments });
    expect(report.files[0]).toMatchObject({ rowsIn: 4, loaded: 3, rejected: 1 });
    expect(report.files[1]).toMatchObject({ rowsIn: paymentLines.length, loaded: 0, rejected: paymentLines.length });
    rejects = readRejects(`${ws.dir}/payments.rejects.csv`);
  });

  test.each(paymentLines.map(([text, column, reason], index) => [index + 2, text, column, reason] as const))(
    'line %d: %s',
    (line, _text, column, reason) => {
      const onLine = rejects.filter((reject) => reject.line === String(line));
      expect(onLine).toHaveLength(1);
      expect(onLine[0]?.column).toBe(column);
      expect(onLine[0]?.reason).toMatch(reason);
    },
  );
});
