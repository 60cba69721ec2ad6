// Scale benchmark (`npm run bench:scale`): whole invocations of the worker's real handlers, as Cloudflare would
// run them, against local D1 with the real migrations.
//
// - Fan-out: N owners all due in one hour. The hourly scheduled() runs (twice, as a retried trigger would), every
//   message it or a sweep enqueues is delivered to queue() one per invocation (wrangler.toml max_batch_size), and
//   every tenth message is delivered a second time (Queues deliver at least once).
// - One owner's digest at 5,000 and 20,000 contacts: one queue() invocation, first in this isolate and warm.
//
// Per invocation: D1 queries (statements; a batch counts each), rows read, and the worker's CPU, taken as the
// invocation's wall time minus D1's own time running the SQL (meta.duration): local D1 runs in this process, on
// Cloudflare it does not. The IPC to local D1 stays in, so the figure is an upper bound.
import { createExecutionContext, createMessageBatch, createScheduledController, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
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

const DAY = 86_400_000;
const FAN_OUT = [10, 100, 1_000, 10_000];
const NETWORKS = [5_000, 20_000];
const DIGEST_RUNS = 7;
const OWNERS_PER_INSERT = 500;

interface Invocation {
  kind: "scheduled" | "queue";
  queries: number;
  rowsRead: number;
  cpuMs: number;
  wallMs: number;
}

function cost(calls: D1Call[], wallMs: number, kind: Invocation["kind"]): Invocation {
  const sqlMs = calls.reduce((s, c) => s + c.sqlMs, 0);
  return {
    kind,
    queries: calls.reduce((s, c) => s + c.statements.length, 0),
    rowsRead: calls.reduce((s, c) => s + c.rowsRead, 0),
    cpuMs: Math.max(0, wallMs - sqlMs),
    wallMs,
  };
}

async function scheduledAt(now: number, queue: ReturnType<typeof recordingQueue>, outbox: ReturnType<typeof recordingSendEmail>): Promise<Invocation> {
  const meter = meterD1(env.DB);
  const ctx = createExecutionContext();
  const start = performance.now();
  await worker.scheduled(createScheduledController({ scheduledTime: now, cron: "0 * * * *" }), envWith(meter.db, queue, outbox), ctx);
  await waitOnExecutionContext(ctx);
  return cost(meter.calls, performance.now() - start, "scheduled");
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
  return cost(meter.calls, wall, "queue");
}

function envWith(db: D1Database, queue: ReturnType<typeof recordingQueue>, outbox: ReturnType<typeof recordingSendEmail>): Env {
  return testEnv({ DB: db, DIGEST_QUEUE: queue.binding, SEND_EMAIL: outbox.binding });
}

/** N owners due at NOW, each with an outreach waiting for an answer and a gift not yet thanked for. */
async function seedOwners(tag: string, n: number): Promise<void> {
  // Earlier cases' owners step aside: every case measures its own N.
  await env.DB.prepare("update owners set paused = 1").run();
  for (let from = 0; from < n; from += OWNERS_PER_INSERT) {
    const rows = [];
    for (let i = from; i < Math.min(n, from + OWNERS_PER_INSERT); i++) {
      rows.push(`('${tag}-${i}@example.com', 'Owner ${i}', 'hash-${tag}-${i}', ${NOW - 60 * DAY}, ${NOW})`);
    }
    await env.DB.prepare(`insert into owners (primary_address, name, api_token_hash, created_at, next_digest_at) values ${rows.join(", ")}`).run();
  }
  const mine = `from owners where primary_address like '${tag}-%'`;
  await env.DB.batch([
    env.DB.prepare(`insert into owner_addresses (address, owner_id, is_primary) select primary_address, id, 1 ${mine}`),
    env.DB.prepare(
      `insert into contacts (owner_id, address, name, name_key, created_at, updated_at, first_at, last_at, first_outbound_at, last_outbound_at, last_outbound_subject, outbound_count, unanswered_outbound, follow_up_since, follow_up_due_at, follow_up_subject, follow_up_reason)
       select id, 'sarah@brightlabs.io', 'Sarah Miller', 'sarah miller', ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, 'Coffee next week?', 1, 1, ${NOW - 20 * DAY}, ${NOW - 13 * DAY}, 'Coffee next week?', 'question' ${mine}`,
    ),
    env.DB.prepare(
      `insert into contacts (owner_id, address, name, name_key, created_at, updated_at, first_at, last_at, first_inbound_at, last_inbound_at, last_inbound_subject, inbound_count, they_gave_count, last_they_gave_at, last_they_gave_subject, last_they_gave_kind, last_they_gave_detail)
       select id, 'mette@lund-studio.dk', 'Mette Lund', 'mette lund', ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, 'Intro: you and Tom Becker', 1, 1, ${NOW - 5 * DAY}, 'Intro: you and Tom Becker', 'introduction', 'Tom Becker' ${mine}`,
    ),
  ]);
}

describe("scale", () => {
  const lines: string[] = [];
  const details: Record<string, unknown> = {};

  // The handlers load their paths on first use (src/index.ts), and the digest consumer loads the digest builder on
  // its first job (digest/fanout.ts). In this pool a module's first import is Vite transforming it, seconds of wall
  // time a deployed bundle never spends, and the wall-time bound below would count it. So the paths are loaded
  // before anything is measured; a fresh isolate's own CPU for them is bench/cpu.mjs's "cold" cases.
  beforeAll(async () => {
    await Promise.all([import("../src/digest/sweep"), import("../src/digest/fanout"), import("../src/digest/run")]);
  });

  for (const n of FAN_OUT) {
    it(`fan-out ${n} owners`, async () => {
      await seedOwners(`fan${n}`, n);
      const queue = recordingQueue();
      const outbox = recordingSendEmail();
      const invocations: Invocation[] = [await scheduledAt(NOW, queue, outbox), await scheduledAt(NOW, queue, outbox)];
      let redelivered = 0;
      for (let next = 0; next < queue.sent.length; next++) {
        const job = queue.sent[next];
        invocations.push(await queueInvocation(job, queue, outbox));
        if (job.kind === "digest" && next % 10 === 0) {
          invocations.push(await queueInvocation(job, queue, outbox));
          redelivered++;
        }
      }
      const perOwner = new Map<string, number>();
      for (const mail of outbox.sent) perOwner.set(mail.to, (perOwner.get(mail.to) ?? 0) + 1);
      const duplicates = outbox.sent.length - perOwner.size;
      const maxOf = (f: (i: Invocation) => number) => Math.max(...invocations.map(f));
      lines.push(
        `fan-out ${n} owners: max D1 queries per invocation ${maxOf((i) => i.queries)}, max CPU ms ${maxOf((i) => i.cpuMs).toFixed(1)}, digests sent ${perOwner.size}, duplicates ${duplicates}`,
      );
      details[`fan-out ${n}`] = {
        invocations: invocations.length,
        scheduled: invocations.filter((i) => i.kind === "scheduled").map(({ queries, rowsRead, cpuMs }) => ({ queries, rowsRead, cpuMs })),
        sweeps: queue.sent.filter((j) => j.kind === "sweep").length,
        redelivered,
        medianQueueCpuMs: median(invocations.filter((i) => i.kind === "queue").map((i) => i.cpuMs)),
        maxRowsRead: maxOf((i) => i.rowsRead),
      };
      expect(perOwner.size).toBe(n);
      expect(duplicates).toBe(0);
    });
  }

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
