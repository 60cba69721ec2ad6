import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import type { ScenarioResult } from "./scenario";
import { emptyTallies, ratio, scoreDigest, SECTIONS, type Miss, type SectionTallies } from "./score";

// workerd has no host file system, so each scenario hands its result to the runner as task metadata and
// this reporter, in Node, scores them, prints the table and every miss, and writes eval/results.json.
export default class EvalReporter implements Reporter {
  private results: ScenarioResult[] = [];
  private failures: string[] = [];

  onTestCaseResult(testCase: TestCase) {
    const result = testCase.meta().evalResult;
    if (result) this.results.push(result);
    const r = testCase.result();
    if (r.state === "failed") this.failures.push(`${testCase.name}: ${r.errors?.map((e) => e.message).join("; ")}`);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>) {
    const out: string[] = [];
    const results = [...this.results].sort((a, b) => a.name.localeCompare(b.name));
    const ingestOnly = results.every((r) => r.digests.length === 0);
    for (const r of results) {
      const notStored = r.ingest.filter((l) => !l.outcome.startsWith("stored"));
      const stored = r.ingest.length - notStored.length;
      out.push(`${r.name} (${r.split}): ${r.ingest.length} mails, ${stored} stored`);
      for (const l of ingestOnly ? r.ingest : notStored) out.push(`    ${l.path.padEnd(6)} ${l.file}: ${l.outcome}`);
      for (const row of r.dump) {
        const date = (v: unknown) => (typeof v === "number" && v > 1e12 ? new Date(v).toISOString().slice(0, 16) : v);
        out.push(`    contact ${JSON.stringify(Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null).map(([k, v]) => [k, date(v)])))}`);
      }
      if (process.env.EVAL_SHOW_COMMANDS === "1") for (const a of r.commandAnswers) out.push(`    command: ${a}`);
    }
    if (!ingestOnly) {
      const bySplit: Record<string, SectionTallies> = { tune: emptyTallies(), "held-out": emptyTallies(), all: emptyTallies() };
      const misses: Miss[] = [];
      let digests = 0;
      for (const r of results) {
        for (const d of r.digests) {
          digests++;
          scoreDigest(r, d, bySplit[r.split], misses);
          scoreDigest(r, d, bySplit.all, []);
          if (process.env.EVAL_SHOW_DIGESTS === "1") out.push(`\n--- ${r.name} digest ${d.at}\n${d.text}`);
        }
      }
      out.push("");
      out.push(`${results.length} scenarios (${results.filter((r) => r.split === "tune").length} tune, ${results.filter((r) => r.split === "held-out").length} held-out), ${digests} digests`);
      out.push("");
      out.push("split     section     precision  recall   tp  fp  fn");
      for (const split of ["tune", "held-out", "all"]) {
        for (const section of SECTIONS) {
          const t = bySplit[split][section];
          out.push(`${split.padEnd(9)} ${section.padEnd(11)} ${ratio(t.tp, t.tp + t.fp).padStart(9)}  ${ratio(t.tp, t.tp + t.fn).padStart(6)}  ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}`);
        }
      }
      out.push("");
      out.push(misses.length ? `misses (${misses.length}):` : "no misses");
      for (const m of misses) out.push(`  [${m.split}] ${m.scenario} @ ${m.digestAt.slice(0, 10)} ${m.kind} ${m.section} ${m.who}: ${m.detail}`);
      writeFileSync(path.join(import.meta.dirname, "..", "results.json"), JSON.stringify({ measuredAt: new Date().toISOString(), results, tallies: bySplit, misses }, null, 2) + "\n");
    }
    for (const f of this.failures) out.push(`FAILED ${f}`);
    for (const m of modules) for (const e of m.errors()) out.push(`FAILED ${m.moduleId}: ${e.message}`);
    for (const e of errors) out.push(`ERROR ${String((e as Error)?.message ?? e)}`);
    console.log(out.join("\n"));
  }
}
