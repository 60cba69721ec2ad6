// The fan-out of `npm run bench:scale`: N owners all due in one hour, every invocation of the bundled worker in one
// fresh isolate, each one profiled (the isolate's own CPU, bench/support/isolate-cpu.mjs) and its D1 statements
// counted (by the entry module, which hands each call to D1 unchanged; its own samples are left out of the CPU).
//
// The hourly scheduled() runs twice, as a retried trigger would. The worker's queue producer is the real one; the
// messages go to a counter worker in another isolate, which keeps their bodies, and this file plays the queue's
// consumer side: it delivers each message to the worker's queue() one per invocation (wrangler.toml's
// max_batch_size), in the order they were sent, and every tenth digest message a second time (Queues deliver at
// least once). A "sweep" message's invocation enqueues the next page; its messages are collected when the queue has
// delivered them. Digests sent and duplicates are counted from the worker's send_email calls.
import { importTs } from "./isolate-cpu.mjs";

const { NOW, seedDueOwners } = await importTs("bench/support/network-owner.ts");
const DIGEST_QUEUE = "gensidig-digests";
const CRON = "0 * * * *";
/** Seconds the queue holds each message back, so that none reaches the counter while an invocation is profiled. */
export const FAN_OUT_QUEUE = { deliveryDelay: 1 };
const REDELIVER_EVERY = 10;
const PROFILED_TOGETHER = 250;

async function counterJobs(isolate) {
  const res = await (await isolate.mf.getWorker("bench-queue-counter")).fetch("http://counter/jobs");
  if (!res.ok) throw new Error(`queue counter: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Every message sent so far, once the queue has stopped delivering to the counter: the count has not changed for
 * longer than a message is held back plus the counter's batch timeout (1 s).
 */
async function settledJobs(isolate) {
  const quietMs = FAN_OUT_QUEUE.deliveryDelay * 1000 + 1500;
  let jobs = await counterJobs(isolate);
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 250));
    const again = await counterJobs(isolate);
    if (again.length !== jobs.length) (jobs = again), (since = Date.now());
    else if (Date.now() - since >= quietMs) return jobs;
  }
}

async function benchGet(isolate, path) {
  const res = await isolate.mf.dispatchFetch(`http://localhost/__bench/${path}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/**
 * Seeds `n` owners into the isolate's D1 (a fresh isolate, its first event the cron) and fans their digests out.
 * Returns every invocation ({ kind, queries, cpuMs }, in order: the first is the isolate's cold one)
 * and the recipients of every mail sent. `keptOffsets`: the owners keep their zone's offsets, as `npm run owner`
 * adds them (network-owner.ts, seedDueOwners).
 */
export async function fanOut(isolate, n, { keptOffsets = false } = {}) {
  const db = await isolate.mf.getD1Database("DB");
  const tag = `fan${n}`;
  await seedDueOwners(db, tag, n, { keptOffsets });
  const worker = await isolate.mf.getWorker();
  // From here on the entry module counts every invocation's D1 statements and records every send; this request
  // loads nothing of the worker's own, so the cron below is the isolate's first (cold) event.
  await (await isolate.mf.dispatchFetch("http://localhost/__bench/count-all")).text();

  // Invocations are profiled in runs of PROFILED_TOGETHER, and each run ends before the queue is waited on.
  const invocations = [];
  // The isolate's heap after each profiled run: it grows until V8 collects it in a major GC (bench/README.md).
  const heap = [];
  let profiling = null;
  let profiled = [];
  const invoke = async (kind, run) => {
    profiling ??= await isolate.profileEach();
    await profiling.run(run);
    profiled.push({ kind, queries: (await benchGet(isolate, "last-cost")).queries });
    if (profiled.length === PROFILED_TOGETHER) await endProfile();
  };
  const endProfile = async () => {
    if (!profiling) return;
    const cpu = await profiling.stop();
    invocations.push(...profiled.map((inv, i) => ({ ...inv, cpuMs: cpu[i].ms, gcMs: cpu[i].gcMs })));
    profiling = null;
    profiled = [];
    heap.push(await isolate.heapUsage());
  };
  const settled = async () => {
    await endProfile();
    return settledJobs(isolate);
  };
  const cron = async () => {
    const result = await worker.scheduled({ scheduledTime: new Date(NOW), cron: CRON });
    if (result.outcome !== "ok") throw new Error(`scheduled() did not finish: ${JSON.stringify(result)}`);
  };
  let messageNo = 0;
  const deliver = async (job) => {
    const result = await worker.queue(DIGEST_QUEUE, [{ id: `fan-${++messageNo}`, timestamp: new Date(NOW), attempts: 1, body: job }]);
    if (result.outcome !== "ok" || result.retryBatch?.retry || result.retryMessages?.length) {
      throw new Error(`queue() did not finish ${JSON.stringify(job)}: ${JSON.stringify(result)}`);
    }
  };

  await invoke("scheduled", cron);
  await invoke("scheduled", cron);
  let delivered = 0;
  let digestJobs = 0;
  let redelivered = 0;
  let sweeps = 0;
  for (let jobs = await settled(); delivered < jobs.length; jobs = await settled()) {
    for (; delivered < jobs.length; delivered++) {
      const job = jobs[delivered];
      await invoke(job.kind, () => deliver(job));
      if (job.kind === "sweep") sweeps++;
      if (job.kind === "digest" && digestJobs++ % REDELIVER_EVERY === 0) {
        await invoke("digest", () => deliver(job));
        redelivered++;
      }
    }
  }
  const sent = await benchGet(isolate, "sent");
  // What the invocations left alive: a heap that grows with the owners served would be a leak; the heap above is
  // mostly garbage awaiting a major GC.
  const liveHeap = await isolate.liveHeap();
  return { invocations, sent, sweeps, redelivered, heap, liveHeap };
}

function percentile(values, p) {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : 0;
}

/** The bench:scale line, and what stands behind it. Throws unless every owner got exactly one digest. */
export function fanOutReport(n, { invocations, sent, sweeps, redelivered, heap, liveHeap }) {
  const perOwner = new Map();
  for (const to of sent) perOwner.set(to, (perOwner.get(to) ?? 0) + 1);
  const duplicates = sent.length - perOwner.size;
  const max = (f) => Math.max(...invocations.map(f));
  const line = `fan-out ${n} owners: max D1 queries per invocation ${max((i) => i.queries)}, max CPU ms ${max((i) => i.cpuMs).toFixed(1)}, digests sent ${perOwner.size}, duplicates ${duplicates}`;
  if (perOwner.size !== n || duplicates !== 0) throw new Error(`${line}: every owner must get exactly one digest`);
  const cpuOf = (list) => {
    const ms = list.map((i) => i.cpuMs);
    return {
      invocations: list.length,
      medianMs: percentile(ms, 50),
      p90Ms: percentile(ms, 90),
      p99Ms: percentile(ms, 99),
      maxMs: Math.max(...ms),
      over10Ms: ms.filter((m) => m > 10).length,
      // Those still over 10 ms with their garbage collection taken out.
      over10MsWithoutGc: list.filter((i) => i.cpuMs - i.gcMs > 10).length,
    };
  };
  // The isolate's first event (the cron: module initialisation and the first page) and its first digest (which
  // loads the digest path) are the cold ones; every other invocation found the code it runs compiled.
  const [cold, ...rest] = invocations;
  const firstDigest = rest.find((i) => i.kind === "digest");
  const warm = rest.filter((i) => i !== firstDigest);
  const details = {
    invocations: invocations.length,
    sweeps,
    redelivered,
    coldCronMs: cold.cpuMs,
    firstDigestMs: firstDigest?.cpuMs ?? null,
    warmCronAndSweeps: cpuOf(warm.filter((i) => i.kind === "scheduled" || i.kind === "sweep")),
    warmDigests: cpuOf(warm.filter((i) => i.kind === "digest")),
    // Invocations that a major collection fell in (a minor one takes a few ms at most here).
    gcOver50Ms: invocations.filter((i) => i.gcMs > 50).length,
    heapUsedMb: { max: Math.max(...heap.map((h) => h.usedSize)) / 1e6, last: heap[heap.length - 1].usedSize / 1e6 },
    embedderHeapUsedMb: { max: Math.max(...heap.map((h) => h.embedderHeapUsedSize ?? 0)) / 1e6 },
    liveHeapMb: liveHeap.usedSize / 1e6,
    // The costliest warm invocations: where in the run, and how much of each was garbage collection.
    slowest: invocations
      .map((inv, at) => ({ at, kind: inv.kind, cpuMs: inv.cpuMs, gcMs: inv.gcMs }))
      .filter(({ at }) => at > 0 && invocations[at] !== firstDigest)
      .sort((a, b) => b.cpuMs - a.cpuMs)
      .slice(0, 5),
  };
  return { line, details };
}
