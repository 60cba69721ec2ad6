// The scheduled() path: the hourly job leases the owners who are due and puts one message per owner on the digest
// queue, whose consumer (fanout.ts) builds and sends that one owner's digest. It does a bounded amount of work
// (Workers Free: 10 ms CPU, 50 D1 queries and 50 subrequests per invocation), whatever the number of owners, and
// runs in an isolate that is most often fresh: so it binds SQL written ahead of time (db/hot-sql.ts) and loads
// neither drizzle nor the digest.
import { HOT_SQL } from "../db/hot-sql";
import { chunk } from "../db/limits";
import { readOf, readOne } from "../db/statements";

export type DigestJob =
  /** One owner's weekly digest, as of the hourly run at `now`. */
  | { kind: "digest"; ownerId: number; now: number }
  /** More owners were due than one invocation leases: the next page, in its own invocation. */
  | { kind: "sweep"; now: number };

/** Queues' sendBatch takes at most 100 messages. */
const SEND_BATCH_MAX = 100;
/**
 * Owners leased per invocation: one D1 statement and five sendBatch calls, inside the Free plan's 50 subrequests
 * and, in a fresh isolate, its 10 ms of CPU (a page of 1,000 took 9–11 ms there: bench/cpu.mjs --only sweep). More
 * due owners continue through a "sweep" message.
 */
export const OWNERS_PER_SWEEP = 500;
/**
 * How long a leased owner is left to the queue before an hourly run picks them again: longer than every retry
 * (fanout.ts, RETRY_DELAYS_S) together, so a second lease happens only when a message was lost, and then the
 * claim holds.
 */
export const LEASE_MS = 2 * 3_600_000;

export interface Sweep {
  leased: number[];
  more: boolean;
}

/** The hourly job, and each "sweep" page after it: lease the due owners and enqueue one message per owner. */
export async function enqueueDueDigests(d1: D1Database, queue: Queue<DigestJob>, now: number): Promise<Sweep> {
  const values = { now, leaseUntil: now + LEASE_MS, limit: OWNERS_PER_SWEEP };
  const leased = (await readOne(readOf<{ id: number }>(d1, HOT_SQL.leaseDueOwners, values))).map((r) => r.id);
  for (const part of chunk(leased, SEND_BATCH_MAX)) {
    await queue.sendBatch(part.map((ownerId) => ({ body: { kind: "digest", ownerId, now } satisfies DigestJob })));
  }
  const more = leased.length === OWNERS_PER_SWEEP;
  if (more) await queue.send({ kind: "sweep", now });
  return { leased, more };
}
