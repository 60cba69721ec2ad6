// The figures a benchmark hands to bench/support/results-reporter.ts, which writes them as JSON.
export interface BenchResult {
  /** File name under bench/results/, without .json. */
  name: string;
  [key: string]: unknown;
}

declare module "vitest" {
  interface TaskMeta {
    benchResult?: BenchResult;
  }
}
