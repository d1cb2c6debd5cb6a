/**
 * How far V8 lets the heap grow past what is live before it collects. By default, on a machine
 * with more than a few GiB, V8 lets the old generation grow to up to four times what survived
 * the last full collection. A night promotes the objects of each shard of customers it decides
 * (they live while the shard is decided), so the heap grows by hundreds of MiB of garbage between
 * full collections. Measured at a million invoices, with the ledger held as columns: growing by
 * half keeps planning near 550 MiB (770 MiB with V8's default) and applying under 1 GiB, at a
 * cost in time within the run-to-run noise (BENCHMARKS.md, "The nightly run end to end").
 *
 * `--heap-growing-percent` is read each time V8 sizes the heap after a collection, so setting it
 * once the process runs takes effect from the next collection. Node warns that some flags set
 * late do nothing; this one is measured (bench/endToEnd.ts). If a later Node ignored it, runs
 * would only use more memory.
 */
import { setFlagsFromString } from 'node:v8';

const GROWING_PERCENT = 50;

let set = false;

/** Makes V8 collect once the heap has grown by half since the last full collection. */
export function growHeapByHalf(): void {
  if (set) return;
  setFlagsFromString(`--heap-growing-percent=${GROWING_PERCENT}`);
  set = true;
}
