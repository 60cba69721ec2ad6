// The worker isolate's own CPU, read from V8's CPU profiler over workerd's inspector, the way
// `wrangler check startup` reads module initialisation: Profiler.start, one invocation, Profiler.stop, and the
// sampled time less the samples V8 marks "(idle)" (the isolate waiting on I/O: D1, the queue, send_email), with
// gaps between samples capped (summarizeProfile). GC and "(program)" (V8's own work, such as compiling on first
// call) stay in: the isolate spends them. D1's SQLite runs in another isolate and is not counted.
//
// The worker is the bundle `wrangler deploy --dry-run` writes, with wrangler.toml's bindings
// (`unstable_getMiniflareWorkerOptions`), run by the same Miniflare and workerd as `wrangler dev`, on a local D1
// migrated by `wrangler d1 migrations apply`. A small entry module in front of it imports the bundle on the first
// request, so that module initialisation can be profiled on its own, and hands every event to it unchanged.
import { spawnSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import { createRequire, stripTypeScriptTypes } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const ROOT = path.join(import.meta.dirname, "..", "..");
const WORKER_NAME = "gensidig";
/** µs between samples; V8's default is 1,000, too coarse for invocations of a few ms. */
const SAMPLING_INTERVAL_US = 50;
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", CI: "true" };

/** Benchmark helpers written in TypeScript (bench/support/seed.ts …), loaded by Node's own type stripping. */
export { importTs } from "../../scripts/lib.mjs";

function wrangler(args, root = ROOT) {
  const res = spawnSync(path.join(root, "node_modules", ".bin", "wrangler"), args, { cwd: root, env: wranglerEnv, encoding: "utf8" });
  if (res.status !== 0) throw new Error(`wrangler ${args.join(" ")} failed:\n${res.stdout}${res.stderr}`);
  return res.stdout;
}

/** The worker as deployed: `wrangler deploy --dry-run`'s bundle of the checkout at `root`. */
export async function bundleWorker(outdir, root = ROOT) {
  wrangler(["deploy", "--dry-run", "--outdir", outdir], root);
  const files = (await readdir(outdir)).filter((f) => f.endsWith(".js"));
  if (files.length !== 1) throw new Error(`expected one bundled module in ${outdir}, found ${files.join(", ")}`);
  return readFile(path.join(outdir, files[0]), "utf8");
}

/** A fresh local D1 in `persistTo`, with the real migrations. */
export function migrateDatabase(persistTo) {
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
}

// Miniflare and wrangler's config reader, from the wrangler this project pins (the same versions as `wrangler dev`).
const requireFromWrangler = createRequire(createRequire(import.meta.url).resolve("wrangler"));
const { Miniflare, convertV4MiniflareOptions } = await import(pathToFileURL(requireFromWrangler.resolve("miniflare")).href);
const { unstable_getMiniflareWorkerOptions } = await import("wrangler");

// The entry in front of the bundle. Besides handing events on, it can meter one queue() or scheduled() invocation
// (the next one after /__bench/meter-next): D1 statements and rows read (bench/support/d1-meter.ts), and the old
// upper bound, wall time less D1's own SQL time. A metered invocation is never a profiled one: the meter costs CPU
// too.
const ENTRY = `
import { countD1, meterD1 } from "./d1-meter.js";
let worker;
let meterNext = false;
let countAll = false;
let lastCost = null;
// Recipients of every send_email call, while recordSends is set (the fan-out counts digests sent per owner).
let recordSends = false;
let sent = [];
function withSendsRecorded(env) {
  if (!recordSends) return env;
  const real = env.SEND_EMAIL;
  return { ...env, SEND_EMAIL: { send: (message) => (sent.push(message.to), real.send(message)) } };
}
async function load() {
  return (worker ??= (await import("./index.js")).default);
}
async function counted(env, invoke) {
  const counter = countD1(env.DB);
  try {
    return await invoke({ ...env, DB: counter.db });
  } finally {
    lastCost = { queries: counter.statements() };
  }
}
async function metered(env, invoke) {
  meterNext = false;
  const meter = meterD1(env.DB);
  const start = performance.now();
  try {
    return await invoke({ ...env, DB: meter.db });
  } finally {
    const wallMs = performance.now() - start;
    const sum = (f) => meter.calls.reduce((s, c) => s + f(c), 0);
    const sqlMs = sum((c) => c.sqlMs);
    lastCost = { queries: sum((c) => c.statements.length), rowsRead: sum((c) => c.rowsRead), wallMs, upperBoundMs: Math.max(0, wallMs - sqlMs) };
  }
}
export default {
  async fetch(request, env, ctx) {
    const { pathname } = new URL(request.url);
    if (pathname === "/__bench/startup") {
      await load();
      return new Response("loaded");
    }
    if (pathname === "/__bench/meter-next") {
      meterNext = true;
      return new Response("metering the next queue() or scheduled()");
    }
    if (pathname === "/__bench/count-all") {
      countAll = recordSends = true;
      return new Response("counting the D1 statements of every queue() and scheduled(), recording every send");
    }
    if (pathname === "/__bench/last-cost") return Response.json(lastCost);
    if (pathname === "/__bench/sent") return Response.json(sent);
    return (await load()).fetch(request, env, ctx);
  },
  async email(message, env, ctx) {
    return (await load()).email(message, env, ctx);
  },
  async scheduled(controller, env, ctx) {
    const handler = await load();
    env = withSendsRecorded(env);
    if (meterNext) return metered(env, (meteredEnv) => handler.scheduled(controller, meteredEnv, ctx));
    if (countAll) return counted(env, (countedEnv) => handler.scheduled(controller, countedEnv, ctx));
    return handler.scheduled(controller, env, ctx);
  },
  async queue(batch, env, ctx) {
    const handler = await load();
    env = withSendsRecorded(env);
    if (meterNext) return metered(env, (meteredEnv) => handler.queue(batch, meteredEnv, ctx));
    if (countAll) return counted(env, (countedEnv) => handler.queue(batch, countedEnv, ctx));
    return handler.queue(batch, env, ctx);
  },
};
`;

// The digest queue's consumer while the cron sweep is measured (bench/support/sweep-cpu.mjs): a second worker, in
// an isolate of its own that the profiler does not watch, which only takes note of every message it receives.
// /reset forgets them; /jobs answers every message body in the order received (the fan-out delivers them again, to
// the worker); any other request answers what arrived: the digest messages' owner ids, the number of
// "sweep" messages, anything else, and the distinct "now" of the jobs.
export const QUEUE_COUNTER_NAME = "bench-queue-counter";
const QUEUE_COUNTER = `
let digestOwnerIds = [];
let sweeps = 0;
let other = 0;
let nows = new Set();
let jobs = [];
export default {
  async queue(batch) {
    for (const message of batch.messages) {
      const job = message.body;
      jobs.push(job);
      if (job?.kind === "digest") digestOwnerIds.push(job.ownerId);
      else if (job?.kind === "sweep") sweeps++;
      else other++;
      nows.add(job?.now);
    }
  },
  async fetch(request) {
    if (new URL(request.url).pathname === "/reset") {
      digestOwnerIds = [];
      sweeps = 0;
      other = 0;
      nows = new Set();
      jobs = [];
      return new Response("reset");
    }
    if (new URL(request.url).pathname === "/jobs") return Response.json(jobs);
    return Response.json({ digestOwnerIds, sweeps, other, nows: [...nows] });
  },
};
`;

/**
 * One workerd with the bundled worker in a fresh isolate, on the local D1 in `persistTo`. `vars` override
 * wrangler.toml's [vars] as `wrangler dev --var` would.
 *
 * `countQueue` (the cron sweep): the worker consumes no queue, so that no queue() runs in its isolate; the digest
 * queue's messages go to the counter above instead (its own worker and isolate), each held back
 * `countQueue.deliveryDelay` seconds by the queue (a producer's delivery_delay), so that none arrives while the
 * invocation that sent it is profiled.
 */
export async function startIsolate({ bundle, persistTo, vars = {}, countQueue = null }) {
  const { workerOptions } = unstable_getMiniflareWorkerOptions(path.join(ROOT, "wrangler.toml"));
  const worker = {
    ...workerOptions,
    name: WORKER_NAME,
    rootPath: undefined,
    modulesRules: undefined,
    modulesRoot: "/",
    modules: [
      { type: "ESModule", path: "/entry.js", contents: ENTRY },
      { type: "ESModule", path: "/index.js", contents: bundle },
      { type: "ESModule", path: "/d1-meter.js", contents: await d1MeterModule() },
    ],
    bindings: { ...workerOptions.bindings, ...vars },
  };
  const workers = [worker];
  if (countQueue) {
    worker.queueProducers = Object.fromEntries(
      Object.entries(workerOptions.queueProducers).map(([binding, producer]) => [binding, { ...producer, deliveryDelay: countQueue.deliveryDelay }]),
    );
    worker.queueConsumers = {};
    workers.push({
      name: QUEUE_COUNTER_NAME,
      compatibilityDate: workerOptions.compatibilityDate,
      modulesRoot: "/",
      modules: [{ type: "ESModule", path: "/counter.js", contents: QUEUE_COUNTER }],
      queueConsumers: Object.fromEntries(Object.values(workerOptions.queueProducers).map((p) => [p.queueName, { maxBatchSize: 100, maxBatchTimeout: 1 }])),
    });
  }
  const mf = new Miniflare(convertV4MiniflareOptions({
    workers,
    resourcePersistencePath: path.join(persistTo, "v3"),
    inspectorPort: 0,
    unsafeTriggerHandlers: true,
    handleStructuredLogs: () => {},
  }));
  await mf.ready;
  const inspector = await connectInspector(new URL(`/core:user:${WORKER_NAME}`, (await mf.getInspectorURL()).href));
  await inspector.send("Profiler.enable");
  await inspector.send("Profiler.setSamplingInterval", { interval: SAMPLING_INTERVAL_US });
  let runtimeEnabled = null;
  return {
    mf,
    /** Profiles `invoke` (one invocation) and returns its result with the isolate's CPU. */
    async profile(invoke) {
      await inspector.send("Profiler.start");
      let result;
      try {
        result = await invoke();
      } finally {
        var { profile } = await inspector.send("Profiler.stop");
      }
      return { result, cpu: summarizeProfile(profile), profile };
    },
    /**
     * One profile around many invocations, one after another (starting and stopping the profiler for each one
     * costs more wall time than a small invocation): `run` invokes one and notes when it began and ended, by the
     * monotonic clock V8's samples are stamped with; `stop` answers each one's CPU, from the samples taken while
     * it ran. Samples in the entry module's and the D1 meter's own code are left out.
     */
    async profileEach() {
      await inspector.send("Profiler.start");
      const windows = [];
      const now = () => Number(process.hrtime.bigint() / 1000n);
      return {
        async run(invoke) {
          const began = now();
          const result = await invoke();
          windows.push([began, now()]);
          return result;
        },
        async stop() {
          const { profile } = await inspector.send("Profiler.stop");
          return cpuPerWindow(profile, windows);
        },
      };
    },
    /** The isolate's heap, bytes: V8's used and total size, and the C++ objects' (embedderHeapUsedSize). */
    async heapUsage() {
      runtimeEnabled ??= inspector.send("Runtime.enable");
      await runtimeEnabled;
      return inspector.send("Runtime.getHeapUsage");
    },
    /** The isolate's heap after a full collection, bytes: what its invocations left alive, not garbage awaiting a GC. */
    async liveHeap() {
      runtimeEnabled ??= inspector.send("Runtime.enable");
      await runtimeEnabled;
      // workerd answers no HeapProfiler.collectGarbage; a heap snapshot collects all garbage first (its chunks,
      // sent as events, are dropped).
      await inspector.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
      return inspector.send("Runtime.getHeapUsage");
    },
    async dispose() {
      inspector.close();
      await mf.dispose();
    },
  };
}

async function d1MeterModule() {
  const source = await readFile(path.join(ROOT, "bench/support/d1-meter.ts"), "utf8");
  // Node calls its TypeScript stripping experimental; the warning says nothing about this benchmark.
  process.removeAllListeners("warning");
  return stripTypeScriptTypes(source, { mode: "transform" });
}

async function connectInspector(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", () => reject(new Error(`cannot open the inspector at ${url}`)), { once: true });
  });
  let nextId = 1;
  const pending = new Map();
  ws.addEventListener("message", (event) => {
    const message = JSON.parse(String(event.data));
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error) waiter.reject(new Error(`${message.error.message} (${message.error.code})`));
    else waiter.resolve(message.result);
  });
  return {
    send(method, params = {}) {
      const id = nextId++;
      ws.send(JSON.stringify({ id, method, params }));
      return new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
    },
    close() {
      ws.close();
    },
  };
}

/**
 * The isolate's CPU in a profile, ms. wrangler check startup reads "active" as every sample's time less the idle
 * ones. That works for module initialisation, where nothing else runs. In an invocation that waits on D1 it does
 * not: workerd runs the local D1 (SQLite and its own isolate) and the entry worker on the same thread, and while
 * they run this isolate is neither idle nor sampled, so the next sample arrives after a gap of milliseconds and
 * takes the whole gap. The same happens when the machine takes the thread away. So each sample counts for at
 * most GAP_CAP_US: the time between samples while this isolate really runs (measured here: median ~0.12 ms,
 * 90th percentile under 0.2 ms at a 0.05 ms interval). `rawActiveMs` is wrangler's reading, for comparison.
 */
const GAP_CAP_US = 4 * SAMPLING_INTERVAL_US;
const BENCH_MODULE = /(?:^|\/)(?:entry|d1-meter)\.js$/;

export function summarizeProfile(profile) {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let active = 0;
  let rawActive = 0;
  let gc = 0;
  (profile.timeDeltas ?? []).forEach((delta, i) => {
    const name = names.get(profile.samples[i]);
    if (name === "(idle)") return;
    rawActive += delta;
    active += Math.min(delta, GAP_CAP_US);
    if (name === "(garbage collector)") gc += Math.min(delta, GAP_CAP_US);
  });
  return { activeMs: active / 1000, rawActiveMs: rawActive / 1000, gcMs: gc / 1000, windowMs: (profile.endTime - profile.startTime) / 1000 };
}

/**
 * The isolate's CPU in each window ([began, ended], µs of the monotonic clock), as summarizeProfile counts it: each
 * sample counts for its gap to the one before, capped, in the window its time stamp falls in. Samples in the entry
 * module's or the D1 meter's own functions are left out (the calls they make, D1's client among them, stay).
 * Answers { ms, gcMs } per window: all of it, and the garbage collector's part.
 */
function cpuPerWindow(profile, windows) {
  const skip = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)" || BENCH_MODULE.test(n.callFrame.url)).map((n) => n.id));
  const gcNodes = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(garbage collector)").map((n) => n.id));
  const cpu = windows.map(() => 0);
  const gc = windows.map(() => 0);
  let at = profile.startTime;
  let w = 0;
  (profile.timeDeltas ?? []).forEach((delta, i) => {
    at += delta;
    while (w < windows.length && windows[w][1] < at) w++;
    if (w === windows.length || at < windows[w][0] || skip.has(profile.samples[i])) return;
    cpu[w] += Math.min(delta, GAP_CAP_US) / 1000;
    if (gcNodes.has(profile.samples[i])) gc[w] += Math.min(delta, GAP_CAP_US) / 1000;
  });
  return cpu.map((ms, i) => ({ ms, gcMs: gc[i] }));
}

/**
 * Where the active time went, by the bundle's `// src/…` and `// node_modules/…` markers: each sample goes to
 * the innermost frame that lies in the bundle. Returns [module, ms] pairs, the costliest first.
 */
export function attributeProfile(profile, bundle) {
  const markers = [];
  bundle.split("\n").forEach((line, i) => {
    // A checkout whose node_modules is a symlink names them by the real path (../other/node_modules/…).
    const m = /^\/\/ (?:\S*?\/)?((?:src|node_modules)\/\S+)$/.exec(line);
    if (m) markers.push([i, m[1]]);
  });
  const moduleAt = (line) => {
    let lo = 0;
    let hi = markers.length - 1;
    let found = "(bundle preamble)";
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (markers[mid][0] <= line) {
        found = markers[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  (profile.timeDeltas ?? []).forEach((delta, i) => {
    let id = profile.samples[i];
    const leaf = byId.get(id);
    if (leaf.callFrame.functionName === "(idle)") return;
    let where = leaf.callFrame.functionName.startsWith("(") ? leaf.callFrame.functionName : null;
    for (; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id).callFrame;
      if ((frame.url === "index.js" || frame.url.endsWith("/index.js")) && frame.lineNumber >= 0) {
        where = moduleAt(frame.lineNumber);
        break;
      }
    }
    where ??= "(outside the bundle)";
    totals.set(where, (totals.get(where) ?? 0) + Math.min(delta, GAP_CAP_US) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
