// The hourly cron's sweep in the profiled isolate (bench/support/isolate-cpu.mjs): one scheduled() that leases the
// first page of due owners (src/db/hot-queries.ts leaseDueOwners) and puts one message per owner on the digest queue,
// plus a "sweep" message for the next page (src/digest/sweep.ts enqueueDueDigests). Used by bench/cpu.mjs.
//
// The isolate is started with `countQueue` (SWEEP_QUEUE below): it consumes no queue itself, so that no digest runs
// in it, and a counter worker in another isolate receives the messages, held back by the queue for
// DELIVERY_DELAY_S, so that none is delivered while the invocation that sent them is profiled. Every sweep is
// checked after it ends: exactly the owners whose lease D1 holds got one digest message each, and one "sweep"
// message came with them.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { importTs, QUEUE_COUNTER_NAME } from "./isolate-cpu.mjs";

const { NOW } = await importTs("bench/support/network-owner.ts");
/**
 * The owners one invocation of a checkout leases (its src/digest/sweep.ts OWNERS_PER_SWEEP), read from its source
 * so that checkouts with different pages run side by side.
 */
export async function sweepPage(root) {
  const source = await readFile(path.join(root, "src/digest/sweep.ts"), "utf8");
  const page = Number(/export const OWNERS_PER_SWEEP = ([\d_]+);/.exec(source)?.[1].replaceAll("_", ""));
  if (!(page > 0)) throw new Error(`no OWNERS_PER_SWEEP in ${root}/src/digest/sweep.ts`);
  return page;
}
/** More owners are due than one page of 1,000 or less, so that the sweep also enqueues the "sweep" message. */
const DUE_OWNERS = 1500;
/** Seconds the queue holds each message back: much longer than one sweep's wall time here (well under 1 s). */
const DELIVERY_DELAY_S = 2;
export const SWEEP_QUEUE = { deliveryDelay: DELIVERY_DELAY_S };
const CRON = "0 * * * *";
const OWNER_PREFIX = "sweep-";

/** Adds DUE_OWNERS owners, all due at NOW (Monday 08:00 in Copenhagen, their digest hour); returns the D1 binding. */
export async function seedSweepOwners(isolate) {
  const db = await isolate.mf.getD1Database("DB");
  await db
    .prepare(
      `with recursive n(i) as (select 1 union all select i + 1 from n where i < ?)
       insert into owners (primary_address, name, api_token_hash, created_at, next_digest_at)
       select '${OWNER_PREFIX}' || i || '@example.com', 'Sweep Owner ' || i, '${OWNER_PREFIX}hash-' || i, ?, ? from n`,
    )
    .bind(DUE_OWNERS, NOW - 400 * 86_400_000, NOW)
    .run();
  return db;
}

/** Every seeded owner due again (the lease written by the last sweep undone). */
async function markAllDue(db) {
  await db.prepare(`update owners set next_digest_at = ? where primary_address like '${OWNER_PREFIX}%'`).bind(NOW).run();
}

async function counter(isolate, path = "/") {
  const res = await (await isolate.mf.getWorker(QUEUE_COUNTER_NAME)).fetch(`http://counter${path}`);
  if (!res.ok) throw new Error(`queue counter: ${res.status} ${await res.text()}`);
  return path === "/" ? res.json() : res.text();
}

async function cron(isolate) {
  const worker = await isolate.mf.getWorker();
  const result = await worker.scheduled({ scheduledTime: new Date(NOW), cron: CRON });
  if (result.outcome !== "ok") throw new Error(`scheduled() did not finish: ${JSON.stringify(result)}`);
}

/**
 * One sweep, `invoke`d (profiled or metered) on all owners due, then checked: no message was delivered before
 * `invoke` returned; D1 holds a lease for a page of owners (`page`) and the rest are still due; the queue delivered one
 * digest message for each leased owner, one "sweep" message and nothing else, all for NOW.
 */
async function checkedSweep(isolate, db, page, invoke) {
  await markAllDue(db);
  await counter(isolate, "/reset");
  const started = performance.now();
  const out = await invoke();
  const wallMs = performance.now() - started;
  const early = await counter(isolate);
  if (early.digestOwnerIds.length + early.sweeps + early.other > 0) {
    throw new Error(`messages had arrived when the sweep returned, ${wallMs.toFixed(0)} ms after it began: raise DELIVERY_DELAY_S`);
  }
  const { results } = await db
    .prepare(`select id, next_digest_at as at from owners where primary_address like '${OWNER_PREFIX}%' order by id`)
    .all();
  const leased = results.filter((r) => r.at > NOW).map((r) => r.id);
  const stillDue = results.filter((r) => r.at <= NOW).length;
  if (leased.length !== page || stillDue !== DUE_OWNERS - page) {
    throw new Error(`the sweep leased ${leased.length} owners and left ${stillDue} due; expected ${page} and ${DUE_OWNERS - page}`);
  }
  const expected = leased.length + 1;
  const deadline = Date.now() + (DELIVERY_DELAY_S + 30) * 1000;
  let got;
  for (;;) {
    got = await counter(isolate);
    if (got.digestOwnerIds.length + got.sweeps + got.other >= expected || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  // A moment more, for anything sent twice.
  await new Promise((resolve) => setTimeout(resolve, 200));
  got = await counter(isolate);
  const ids = [...got.digestOwnerIds].sort((a, b) => a - b);
  const sameOwners = ids.length === leased.length && ids.every((id, i) => id === leased[i]);
  if (!sameOwners || got.sweeps !== 1 || got.other !== 0 || got.nows.length !== 1 || got.nows[0] !== NOW) {
    throw new Error(
      `the queue received ${ids.length} digest messages (for the ${leased.length} leased owners: ${sameOwners}), ${got.sweeps} sweep and ${got.other} other messages, now ${JSON.stringify(got.nows)}`,
    );
  }
  return { ...out, leased: leased.length, enqueued: { digest: ids.length, sweep: got.sweeps } };
}

/**
 * One sweep, twice, as digestRun does (bench/support/digest-cpu.mjs): metered (D1 statements, rows read, the old
 * upper bound) and profiled (the isolate's CPU), both checked. `startup`: the isolate is fresh, and the profiled run
 * goes first, so that it includes loading the bundle; otherwise the metered run goes first and warms the isolate.
 */
export async function sweepRun(isolate, db, { page, startup = false }) {
  const profiled = () =>
    checkedSweep(isolate, db, page, async () => {
      const { cpu, profile } = await isolate.profile(() => cron(isolate));
      return { cpu: cpu.activeMs, raw: cpu.rawActiveMs, profile };
    });
  const first = startup ? await profiled() : null;
  const cost = await checkedSweep(isolate, db, page, async () => {
    await isolate.mf.dispatchFetch("http://localhost/__bench/meter-next");
    await cron(isolate);
    return (await isolate.mf.dispatchFetch("http://localhost/__bench/last-cost")).json();
  });
  const sample = first ?? (await profiled());
  return { ...sample, upper: cost.upperBoundMs, queries: cost.queries, rowsRead: cost.rowsRead };
}
