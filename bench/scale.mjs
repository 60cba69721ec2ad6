// npm run bench:scale: prints one line per case.
//
// - Fan-out (N owners due in one hour): bench/scale.scale-test.ts, inside workerd's test pool, every invocation
//   of scheduled() and queue() with its D1 statements; CPU there is wall time less D1's own SQL time, an upper
//   bound (the local D1's IPC and the machine's contention stay in). Details in bench/results/scale.json.
// - One owner's digest at 5,000 and 20,000 contacts: the bundled worker in workerd, its queue consumer's whole
//   invocation, CPU from V8's profiler of the worker's isolate (bench/support/isolate-cpu.mjs; the median of
//   five warm invocations), D1 statements and rows read from a metered run of the same invocation.
//   `npx vitest run --config bench/scale.config.ts -t "digest|report"` still measures them the old way.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { digestRun, seedDigestOwner } from "./support/digest-cpu.mjs";
import { bundleWorker, median, migrateDatabase, startIsolate } from "./support/isolate-cpu.mjs";

const root = path.join(import.meta.dirname, "..");
const NETWORKS = [5_000, 20_000];
const WARM_RUNS = 5;
const VARS = { ASSISTANT_ADDRESS: "gensidig@example.com", DIGEST_TOKEN_SECRET: "bench-secret-not-for-production" };

const child = spawn("npx", ["vitest", "run", "--config", "bench/scale.config.ts", "-t", "fan-out|report"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
let log = "";
child.stdout.on("data", (d) => (log += d));
child.stderr.on("data", (d) => (log += d));
const code = await new Promise((resolve) => child.on("close", resolve));
if (code !== 0) {
  process.stderr.write(log);
  process.exit(code ?? 1);
}
const { lines } = JSON.parse(await readFile(path.join(root, "bench/results/scale.json"), "utf8"));
for (const line of lines) console.log(line);

const work = await mkdtemp(path.join(tmpdir(), "gensidig-scale-"));
try {
  const bundle = await bundleWorker(path.join(work, "bundle"));
  for (const contacts of NETWORKS) {
    const persistTo = path.join(work, `net-${contacts}`);
    migrateDatabase(persistTo);
    const isolate = await startIsolate({ bundle, persistTo, vars: VARS });
    try {
      const owner = await seedDigestOwner(isolate, contacts);
      const runs = [];
      // The first digest of the isolate compiles the path; the warm ones after it are what a busy worker sees.
      for (let run = 0; run <= WARM_RUNS; run++) runs.push(await digestRun(isolate, owner));
      const warm = runs.slice(1);
      console.log(`digest ${contacts} contacts: D1 queries ${runs[0].queries}, rows read ${runs[0].rowsRead}, CPU ms ${median(warm.map((r) => r.cpu)).toFixed(1)}`);
    } finally {
      await isolate.dispose();
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
