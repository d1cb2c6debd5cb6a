/** `collections import`: load the AR ledger (customers, invoices, credit memos, payments) from an ERP export. */
import { importLedger, type ImportReport, type StoreCounts } from '../../importer/importLedger';
import { formatRejectLine } from '../../importer/rejects';
import { booleanFlag, COMMON_FLAGS, stringFlag, type CommandSpec } from '../command';
import { EXIT } from '../errors';
import { storeFor } from '../target';

/** How many rejects and store failures the terminal shows per file; the rejects file has them all. */
const SHOWN = 10;

function tally(counts: StoreCounts): string {
  return `${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.failed} failed`;
}

function exitCode(report: ImportReport): number {
  if (report.refused) return EXIT.failed;
  return report.files.some((file) => file.rejected > 0) ? EXIT.partial : EXIT.ok;
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'Load the AR ledger (customers, invoices, credit memos, payments) from ERP export CSV files.',
  description: [
    'Reads an invoices file and/or a payments file in the canonical format (docs/import.md), or in another',
    "export's format through --mapping, and upserts Account, Invoice__c, Payment__c and Payment_Application__c",
    'by their external IDs: importing the same files again changes nothing. Rows that cannot be loaded go to a',
    'rejects file (default: <input>.rejects.csv next to each input) with their line, column, value and reason.',
    'For each file it prints rows in = loaded + rejected, and what the store created, updated and left unchanged.',
    '',
    'Exit codes: 0 every row loaded; 3 some rows were rejected or refused by the store; 1 an input could not be',
    'read (missing file, no header, missing columns, invalid mapping) or --all-or-none refused the import.',
  ].join('\n'),
  examples: [
    'collections import --invoices examples/erp/invoices.csv --payments examples/erp/payments.csv',
    'collections import --invoices examples/erp/sap-export.csv --mapping examples/erp/sap-mapping.json --dry-run',
    'collections import --invoices invoices.csv --all-or-none --target-org collections --json',
  ],
  flags: [
    {
      name: 'invoices',
      type: 'string',
      valueName: 'file',
      description: 'The invoices and credit memos CSV (with the customers).',
    },
    {
      name: 'payments',
      type: 'string',
      valueName: 'file',
      description: 'The payments CSV (a blank invoice number is unapplied cash).',
    },
    {
      name: 'mapping',
      type: 'string',
      valueName: 'file',
      description: "A JSON mapping for another export's columns, dates and amounts.",
    },
    {
      name: 'rejects',
      type: 'string',
      valueName: 'file',
      description: 'One rejects file for all inputs (default: <input>.rejects.csv next to each input).',
    },
    {
      name: 'all-or-none',
      type: 'boolean',
      description: 'Load nothing when any row is rejected (the rejects are still written).',
    },
    {
      name: 'dry-run',
      type: 'boolean',
      description: 'Check the files and write the rejects, but write nothing to the target.',
    },
    COMMON_FLAGS.json,
    COMMON_FLAGS.targetOrg,
    COMMON_FLAGS.snapshot,
    COMMON_FLAGS.apiVersion,
  ],
  async run(flags, io) {
    const invoices = stringFlag(flags, 'invoices');
    const payments = stringFlag(flags, 'payments');
    const mapping = stringFlag(flags, 'mapping');
    const rejectsFile = stringFlag(flags, 'rejects');
    const store = await storeFor(flags, io);
    const { report, rejects } = await importLedger(store, {
      cwd: io.cwd,
      ...(invoices ? { invoices } : {}),
      ...(payments ? { payments } : {}),
      ...(mapping ? { mapping } : {}),
      ...(rejectsFile ? { rejects: rejectsFile } : {}),
      allOrNone: booleanFlag(flags, 'all-or-none'),
      dryRun: booleanFlag(flags, 'dry-run'),
    });

    const json = booleanFlag(flags, 'json');
    const warnings = [...report.notes];
    if (report.refused) {
      const bad = report.files
        .filter((file) => file.invalid > 0)
        .map((file) => `${file.file} (${file.invalid} bad row${file.invalid === 1 ? '' : 's'})`);
      warnings.unshift(`--all-or-none: nothing was written to ${report.target}, because of ${bad.join(' and ')}.`);
    }
    if (!json) {
      const mode = report.refused ? ' (refused: nothing written)' : report.dryRun ? ' (dry run: nothing written)' : '';
      io.log(`Import into ${report.target}${mode}`);
      for (const file of report.files) {
        io.log(`${file.file}: ${file.rowsIn} rows in = ${file.loaded} loaded + ${file.rejected} rejected`);
        for (const [object, counts] of Object.entries(file.objects)) io.log(`  ${object}: ${tally(counts)}`);
        if (file.rejectsFile) io.log(`  rejects: ${file.rejectsFile}`);
        const fileRejects = rejects.get(file.file) ?? [];
        for (const reject of fileRejects.slice(0, SHOWN)) io.error(`${file.file}:${formatRejectLine(reject)}`);
        if (fileRejects.length > SHOWN)
          io.error(
            `${file.file}: ... and ${fileRejects.length - SHOWN} more in ${file.rejectsFile ?? 'the rejects file'}`,
          );
      }
    }
    return { exitCode: exitCode(report), result: report, warnings };
  },
};
