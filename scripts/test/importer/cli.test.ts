/** `collections import` on the command line: what it prints, its JSON result and its exit codes. */
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/errors';
import type { CommandIO } from '../../src/cli/command';
import { runCli } from '../../src/cli/main';
import { EXAMPLES, INVOICE_HEADER, PROJECT_DIR, snapshotFiles, workspace } from './helpers';

interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], cwd: string): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    cwd,
    projectDir: PROJECT_DIR,
    now: () => new Date('2026-11-20T12:00:00Z'),
    env: {},
  };
  const exitCode = await runCli(args, io);
  return { exitCode, stdout: out.join('\n'), stderr: err.join('\n') };
}

function copyExamples(dir: string): void {
  for (const name of [
    'invoices.csv',
    'payments.csv',
    'invoices-with-errors.csv',
    'sap-export.csv',
    'sap-mapping.json',
  ]) {
    copyFileSync(join(EXAMPLES, name), join(dir, name));
  }
}

describe('collections import', () => {
  test('prints rows in = loaded + rejected and the store counts per file; exit 0 when every row loads', async () => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(
      ['import', '--invoices', 'invoices.csv', '--payments', 'payments.csv', '--snapshot', 'snapshot'],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.ok);
    const [target, ...lines] = run.stdout.split('\n');
    expect(target).toMatch(/^Import into snapshot .*snapshot$/);
    expect(lines).toEqual([
      'invoices.csv: 12 rows in = 12 loaded + 0 rejected',
      '  Account: 6 created, 0 updated, 0 unchanged, 0 failed',
      '  Invoice__c: 12 created, 0 updated, 0 unchanged, 0 failed',
      'payments.csv: 7 rows in = 7 loaded + 0 rejected',
      '  Payment__c: 6 created, 0 updated, 0 unchanged, 0 failed',
      '  Payment_Application__c: 5 created, 0 updated, 0 unchanged, 0 failed',
    ]);
    expect(existsSync(join(ws.dir, 'invoices.rejects.csv'))).toBe(false);
  });

  test('--json: the result per file; exit 3 when some rows were rejected, with the rejects next to the input', async () => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(
      ['import', '--invoices', 'invoices-with-errors.csv', '--snapshot', 'snapshot', '--json'],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.partial);
    const envelope = JSON.parse(run.stdout) as { status: number; result: { files: unknown[] } };
    expect(envelope.status).toBe(EXIT.partial);
    expect(envelope.result.files).toEqual([
      expect.objectContaining({
        file: 'invoices-with-errors.csv',
        rowsIn: 9,
        loaded: 2,
        rejected: 7,
        rejectsFile: 'invoices-with-errors.rejects.csv',
        store: { created: 2, updated: 0, unchanged: 0, failed: 0 },
      }),
    ]);
    expect(existsSync(join(ws.dir, 'invoices-with-errors.rejects.csv'))).toBe(true);
  });

  test('the rejects are listed on stderr, each with its line and column', async () => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(
      ['import', '--invoices', 'invoices-with-errors.csv', '--snapshot', 'snapshot', '--dry-run'],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.partial);
    expect(run.stdout).toContain('(dry run: nothing written)');
    expect(run.stderr).toContain(
      'invoices-with-errors.csv:3: invoice_date "2026-02-30": "2026-02-30" is not a date on the calendar',
    );
    expect(snapshotFiles(join(ws.dir, 'snapshot'))).toEqual({});
  });

  test('--all-or-none with a bad row: exit 1, nothing written, the reason in a warning', async () => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(
      [
        'import',
        '--invoices',
        'invoices-with-errors.csv',
        '--payments',
        'payments.csv',
        '--all-or-none',
        '--snapshot',
        'snapshot',
      ],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.failed);
    expect(run.stdout).toContain('invoices-with-errors.csv: 9 rows in = 0 loaded + 9 rejected');
    expect(run.stderr).toMatch(
      /Warning: --all-or-none: nothing was written to snapshot .*, because of invoices-with-errors.csv \(7 bad rows\)/,
    );
    expect(snapshotFiles(join(ws.dir, 'snapshot'))).toEqual({});
  });

  test('the mapping example loads through the command line', async () => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(
      ['import', '--invoices', 'sap-export.csv', '--mapping', 'sap-mapping.json', '--snapshot', 'snapshot'],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stdout).toContain('sap-export.csv: 12 rows in = 12 loaded + 0 rejected');
  });

  test('overpayments are warnings, not failures', async () => {
    const ws = workspace();
    ws.write('invoices.csv', [INVOICE_HEADER, 'C1,Acme,INV-1,2026-09-01,2026-10-01,USD,100.00,invoice,,US,en,']);
    ws.write('payments.csv', [
      'payment_reference,customer_number,invoice_number,received_date,currency,amount',
      'P1,C1,INV-1,2026-10-01,USD,150.00',
    ]);
    const run = await cli(
      ['import', '--invoices', 'invoices.csv', '--payments', 'payments.csv', '--snapshot', 'snapshot'],
      ws.dir,
    );
    expect(run.exitCode).toBe(EXIT.ok);
    expect(run.stderr).toBe(
      'Warning: line 2: payment P1 pays 150.00 USD on INV-1, which has 100.00 left to pay; 50.00 USD stays unapplied on the payment',
    );
  });

  test.each([
    [['--invoices', 'nowhere.csv'], EXIT.failed, 'Error (FileNotFound): The invoices file nowhere.csv does not exist.'],
    [[], EXIT.failed, 'Error (NoInput): Nothing to import'],
    [
      ['--invoices', 'payments.csv'],
      EXIT.failed,
      'Error (MissingColumns): payments.csv: missing required columns: customer_name, invoice_date, due_date',
    ],
    [['--invoices', 'invoices.csv', '--bogus'], EXIT.usage, 'Error (UsageError)'],
    [['--invoices', 'invoices.csv', '--rejects', 'invoices.csv'], EXIT.failed, 'Error (RejectsOverInput)'],
  ])('%j exits %d', async (args, exitCode, message) => {
    const ws = workspace();
    copyExamples(ws.dir);
    const run = await cli(['import', ...args, '--snapshot', 'snapshot'], ws.dir);
    expect(run.exitCode).toBe(exitCode);
    expect(run.stderr).toContain(message);
    expect(snapshotFiles(join(ws.dir, 'snapshot'))).toEqual({});
  });
});
