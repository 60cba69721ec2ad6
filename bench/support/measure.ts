// Timing inside workerd. The test pool lets performance.now() advance during CPU work (a deployed Worker
// freezes it between I/O), but only in whole milliseconds. So an operation faster than a few ms is timed
// in a batch of K calls, K chosen so the batch lasts about BATCH_TARGET_MS, and one sample is the
// batch's mean. Medians over samples taken side by side in one run are what this reports; machines are noisy.

/** Long enough that the 1 ms clock tick is at most ~5% of a sample. */
export const BATCH_TARGET_MS = 20;
/** Calibration stops after this long even if the operation never finished a batch. */
const CALIBRATION_MS = 10;
const MAX_BATCH = 5000;

export type Op = () => unknown;

/** Calls per sample so that one sample lasts about BATCH_TARGET_MS; 1 for anything slower. */
export async function batchSize(op: Op): Promise<number> {
  // The first call pays for compiling; it would make a fast operation look slow.
  await op();
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < CALIBRATION_MS && calls < MAX_BATCH) {
    await op();
    calls++;
    elapsed = performance.now() - start;
  }
  const perCall = Math.max(elapsed, 1) / calls;
  return Math.min(MAX_BATCH, Math.max(1, Math.ceil(BATCH_TARGET_MS / perCall)));
}

/** Mean milliseconds per call over `k` calls. */
export async function sample(op: Op, k: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < k; i++) await op();
  return (performance.now() - start) / k;
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function max(values: number[]): number {
  return values.reduce((m, v) => (v > m ? v : m), -Infinity);
}

/** Milliseconds with enough digits to tell 0.04 from 0.4 ms. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "–";
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

export function ratio(value: number): string {
  if (!Number.isFinite(value)) return "–";
  return value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function bytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

/** A Markdown table: readable in the console and pasteable into the README as it is. */
export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `-${"-".repeat(w)}-` : `-${"-".repeat(w - 1)}:-`)).join("|")}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join("\n");
}
