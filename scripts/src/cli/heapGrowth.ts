/**
 * How far V8 lets the heap grow past what is live before it collects. By default, on a machine
 * with more than a few GiB, V8 lets the old generation grow to about four times what survived
 * the last full collection. A night promotes the objects of each shard of customers it decides
 * (they live while the shard is decided), so at a million invoices the heap grew to three times
 * the ~300 MiB that was ever live at once, and the process passed 1 GiB. Growing by half instead
 * keeps that night near 650 MiB for about the same time (BENCHMARKS.md, "The nightly run end to
 * end").
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
