// The two big-network digests by the old measure (`npx vitest run --config bench/scale.config.ts`): one owner's
// digest at 5,000 and 20,000 contacts, one queue() invocation of the worker's real handler, first in this isolate and
// warm, against local D1 with the real migrations. `npm run bench:scale` (bench/scale.mjs) measures them, and the
// fan-out to many owners, on the bundled worker with V8's profiler instead.
//
// Per invocation: D1 queries (statements; a batch counts each), rows read, and the worker's CPU, taken as the
// invocation's wall time minus D1's own time running the SQL (meta.duration): local D1 runs in this process, on
// Cloudflare it does not. The IPC to local D1 stays in, so the figure is an upper bound.
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { DigestJob } from "../src/digest/fanout";
import { DIGEST_QUEUE } from "../src/digest/fanout";
import type { Env } from "../src/env";
import worker from "../src/index";
import { recordingSendEmail, testEnv } from "../test/support/mail";
import { recordingQueue } from "../test/support/queue";
import { meterD1, type D1Call } from "./support/d1-meter";
import "./support/meta";
import { median } from "./support/measure";
import { NOW, releaseWeeklyClaim, seedNetworkOwner } from "./support/network-owner";

const NETWORKS = [5_000, 20_000];
const DIGEST_RUNS = 7;

interface Invocation {
  queries: number;
  rowsRead: number;
  cpuMs: number;
  wallMs: number;
}

function cost(calls: D1Call[], wallMs: number): Invocation {
  const sqlMs = calls.reduce((s, c) => s + c.sqlMs, 0);
  return {
    queries: calls.reduce((s, c) => s + c.statements.length, 0),
    rowsRead: calls.reduce((s, c) => s + c.rowsRead, 0),
    cpuMs: Math.max(0, wallMs - sqlMs),
    wallMs,
  };
}

let messageId = 0;
async function queueInvocation(job: DigestJob, queue: ReturnType<typeof recordingQueue>, outbox: ReturnType<typeof recordingSendEmail>): Promise<Invocation> {
  const meter = meterD1(env.DB);
  const batch = createMessageBatch<DigestJob>(DIGEST_QUEUE, [{ id: `b${++messageId}`, timestamp: new Date(NOW), attempts: 1, body: job }]);
  const ctx = createExecutionContext();
  const start = performance.now();
  await worker.queue(batch, envWith(meter.db, queue, outbox), ctx);
  const result = await getQueueResult(batch, ctx);
  const wall = performance.now() - start;
  expect(result.retryMessages).toEqual([]);
  return cost(meter.calls, wall);
}

function envWith(db: D1Database, queue: ReturnType<typeof recordingQueue>, outbox: ReturnType<typeof recordingSendEmail>): Env {
  return testEnv({ DB: db, DIGEST_QUEUE: queue.binding, SEND_EMAIL: outbox.binding });
}

describe("scale", () => {
  const lines: string[] = [];
  const details: Record<string, unknown> = {};

  // In this pool a module's first import is Vite transforming it, seconds of wall time a deployed bundle never
  // spends, and the wall-time bound would count it: so the digest path is loaded before anything is measured.
  beforeAll(async () => {
    await Promise.all([import("../src/digest/fanout"), import("../src/digest/run")]);
  });

  for (const k of NETWORKS) {
    it(`digest ${k} contacts`, async () => {
      await env.DB.prepare("update owners set paused = 1").run();
      const { ownerId, interactions } = await seedNetworkOwner(env.DB, k);
      const job: DigestJob = { kind: "digest", ownerId, now: NOW };
      const runs: Invocation[] = [];
      for (let run = 0; run < DIGEST_RUNS; run++) {
        const outbox = recordingSendEmail();
        runs.push(await queueInvocation(job, recordingQueue(), outbox));
        expect(outbox.sent).toHaveLength(1);
        await releaseWeeklyClaim(env.DB, ownerId);
      }
      const warm = runs.slice(1);
      const total = (await env.DB.prepare("select count(*) as n from contacts where owner_id = ?").bind(ownerId).first<{ n: number }>())!.n;
      lines.push(`digest ${k} contacts: D1 queries ${runs[0].queries}, rows read ${runs[0].rowsRead}, CPU ms ${median(warm.map((r) => r.cpuMs)).toFixed(1)}`);
      details[`digest ${k}`] = {
        contacts: total,
        interactions,
        firstRunCpuMs: runs[0].cpuMs,
        warmCpuMs: warm.map((r) => r.cpuMs),
        warmWallMs: warm.map((r) => r.wallMs),
      };
    });
  }

  it("report", ({ task }) => {
    for (const line of lines) console.log(line);
    task.meta.benchResult = { name: "scale", lines, details };
  });
});
