import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestCase } from "vitest/node";
import type {} from "./meta";

// workerd has no host file system, so a benchmark hands its figures to the runner as task metadata
// (`task.meta.benchResult`) and this reporter, which runs in Node, writes them to bench/results/<name>.json.
const resultsDir = path.join(import.meta.dirname, "..", "results");

export default class ResultsReporter implements Reporter {
  onTestCaseResult(testCase: TestCase) {
    const result = testCase.meta().benchResult;
    if (!result) return;
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `${result.name}.json`);
    writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2) + "\n");
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
