// npm run bench:scale: prints one line per case.
//
// Every case runs the bundled worker in workerd (bench/support/isolate-cpu.mjs), on a local D1 with the real
// migrations, and reads the worker isolate's own CPU from V8's profiler:
//
// - Fan-out (N owners due in one hour, bench/support/fanout-cpu.mjs): a fresh isolate takes the hourly
//   scheduled() twice and then every message it and its sweeps enqueue, one per queue() invocation, every tenth
//   digest message twice. Per invocation: D1 statements and CPU. Digests sent and duplicates are counted from the
//   worker's send_email calls. What stands behind each line (the cold invocations, the warm ones' median, 99th
//   percentile and how many took more than 10 ms) is in bench/results/scale.json.
// - One owner's digest at 5,000 and 20,000 contacts: its queue consumer's whole invocation, the median of five
//   warm invocations, D1 statements and rows read from a metered run of the same invocation.
//   `npx vitest run --config bench/scale.config.ts` still measures them the old way (wall time less D1's SQL).
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { digestRun, seedDigestOwner } from "./support/digest-cpu.mjs";
import { FAN_OUT_QUEUE, fanOut, fanOutReport } from "./support/fanout-cpu.mjs";
import { bundleWorker, median, migrateDatabase, startIsolate } from "./support/isolate-cpu.mjs";

const root = path.join(import.meta.dirname, "..");
const FAN_OUT = [10, 100, 1_000, 10_000];
const NETWORKS = [5_000, 20_000];
const WARM_RUNS = 5;
const VARS = { ASSISTANT_ADDRESS: "gensidig@example.com", DIGEST_TOKEN_SECRET: "bench-secret-not-for-production" };

const work = await mkdtemp(path.join(tmpdir(), "gensidig-scale-"));
try {
  const bundle = await bundleWorker(path.join(work, "bundle"));
  const lines = [];
  const details = {};
  const say = (line) => (console.log(line), lines.push(line));

  const fanOutDb = path.join(work, "fan-out");
  migrateDatabase(fanOutDb);
  for (const n of FAN_OUT) {
    // Each case a fresh isolate, as a new deployment's first hour would be.
    const isolate = await startIsolate({ bundle, persistTo: fanOutDb, vars: VARS, countQueue: FAN_OUT_QUEUE });
    try {
      const report = fanOutReport(n, await fanOut(isolate, n));
      say(report.line);
      details[`fan-out ${n}`] = report.details;
    } finally {
      await isolate.dispose();
    }
  }

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
      say(`digest ${contacts} contacts: D1 queries ${runs[0].queries}, rows read ${runs[0].rowsRead}, CPU ms ${median(warm.map((r) => r.cpu)).toFixed(1)}`);
      details[`digest ${contacts}`] = { firstRunCpuMs: runs[0].cpu, warmCpuMs: warm.map((r) => r.cpu) };
    } finally {
      await isolate.dispose();
    }
  }
  await mkdir(path.join(root, "bench/results"), { recursive: true });
  await writeFile(path.join(root, "bench/results/scale.json"), `${JSON.stringify({ name: "scale", lines, details }, null, 2)}\n`);
} finally {
  await rm(work, { recursive: true, force: true });
}
