// The digest queue consumer at a big network, in the profiled isolate (bench/support/isolate-cpu.mjs): shared by
// bench/cpu.mjs and `npm run bench:scale`.
import { importTs } from "./isolate-cpu.mjs";

const { NOW, seedNetworkOwner, releaseWeeklyClaim } = await importTs("bench/support/network-owner.ts");
const DIGEST_QUEUE = "gensidig-digests";
let messageNo = 0;

/** Seeds the owner with `contacts` contacts into the isolate's D1. */
export async function seedDigestOwner(isolate, contacts) {
  const db = await isolate.mf.getD1Database("DB");
  const { ownerId } = await seedNetworkOwner(db, contacts);
  return { ownerId, db };
}

async function deliverDigestJob(isolate, ownerId) {
  const worker = await isolate.mf.getWorker();
  const result = await worker.queue(DIGEST_QUEUE, [{ id: `cpu-${++messageNo}`, timestamp: new Date(NOW), attempts: 1, body: { kind: "digest", ownerId, now: NOW } }]);
  if (result.outcome !== "ok" || result.retryBatch?.retry || result.retryMessages?.length) {
    throw new Error(`the digest consumer did not finish: ${JSON.stringify(result)}`);
  }
}

/**
 * One digest, twice: metered (D1 statements, rows read, the old upper bound) and profiled (the isolate's CPU).
 * The week's claim is released after each, so both send the same digest. `startup`: the isolate is fresh, and
 * the profiled run goes first, so that it includes loading the bundle.
 */
export async function digestRun(isolate, { ownerId, db }, { startup = false } = {}) {
  const profiled = async () => {
    const { cpu, profile } = await isolate.profile(() => deliverDigestJob(isolate, ownerId));
    await releaseWeeklyClaim(db, ownerId);
    return { cpu: cpu.activeMs, raw: cpu.rawActiveMs, profile };
  };
  // A fresh isolate's first event is profiled as it comes (the meter would load the bundle first).
  const first = startup ? await profiled() : null;
  await isolate.mf.dispatchFetch("http://localhost/__bench/meter-next");
  await deliverDigestJob(isolate, ownerId);
  const cost = await (await isolate.mf.dispatchFetch("http://localhost/__bench/last-cost")).json();
  await releaseWeeklyClaim(db, ownerId);
  const sample = first ?? (await profiled());
  return { ...sample, upper: cost.upperBoundMs, queries: cost.queries, rowsRead: cost.rowsRead };
}
