/** Temp directories with ERP files, a snapshot store in them, and the rejects file read back. */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { importLedger, type ImportOptions, type ImportRun } from '../../src/importer/importLedger';
import { parseCsv } from '../../src/records/csv';
import type { Row } from '../../src/records/schema';
import { SnapshotStore } from '../../src/store/snapshotStore';
import type { CollectionsStore } from '../../src/store/store';

export const PROJECT_DIR = resolve(__dirname, '..', '..', '..');
export const EXAMPLES = join(PROJECT_DIR, 'examples', 'erp');

export const INVOICE_HEADER =
  'customer_number,customer_name,invoice_number,invoice_date,due_date,currency,amount,document_type,po_number,country,language,billing_email';
export const PAYMENT_HEADER = 'payment_reference,customer_number,invoice_number,received_date,currency,amount';

const dirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'collections-import-'));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

export interface Workspace {
  dir: string;
  snapshotDir: string;
  store: SnapshotStore;
  write(name: string, lines: readonly string[]): string;
}

export function workspace(): Workspace {
  const dir = tempDir();
  const snapshotDir = join(dir, 'snapshot');
  return {
    dir,
    snapshotDir,
    store: new SnapshotStore(snapshotDir, PROJECT_DIR),
    write(name, lines) {
      const path = join(dir, name);
      writeFileSync(path, `${lines.join('\n')}\n`);
      return path;
    },
  };
}

/** Runs the import and checks the invariant every run keeps: rows in = loaded + rejected. */
export async function runImport(store: CollectionsStore, options: ImportOptions): Promise<ImportRun> {
  const run = await importLedger(store, options);
  for (const file of run.report.files) expect(file.loaded + file.rejected).toBe(file.rowsIn);
  return run;
}

/** The rejects file as rows (the byte order mark removed; cells as written, ' prefixes included). */
export function readRejects(path: string): Row[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return parseCsv(text.slice(1), path);
}

/** Every snapshot file's bytes, by name. */
export function snapshotFiles(dir: string): Record<string, Buffer> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name))]),
  );
}

export function readSnapshot(dir: string, object: string): Row[] {
  const path = join(dir, `${object}.csv`);
  return existsSync(path) ? parseCsv(readFileSync(path, 'utf8'), path) : [];
}
