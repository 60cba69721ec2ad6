// The digest's bookkeeping off the queue's path, built by drizzle: a digest sent by hand, one the queue gave up on,
// a `status` list, and what the local hourly run waits on. The queue's own
// statements are in digest-store.ts, which loads no drizzle.
import { and, eq, gte, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "./client";
import type { NewDigestItem } from "./digest-store";
import { chunk, chunkRows, LOOKUP_CHUNK } from "./limits";
import { digestItems, digests, mailEvents, owners } from "./schema";

export async function createDigest(db: Db, input: { ownerId: number; isoWeek: string; sentAt: number; subject: string }) {
  const [row] = await db.insert(digests).values(input).returning();
  return row;
}

/** The queue gave up on this owner's digest: the next digest says so, and the schedule moves on to next week. */
export async function recordFailedDigest(db: Db, input: { ownerId: number; at: number; reason: string; nextDigestAt: number }) {
  await db.batch([
    db.insert(mailEvents).values({ ownerId: input.ownerId, kind: "digest-failed", at: input.at, reason: input.reason }),
    db.update(owners).set({ nextDigestAt: input.nextDigestAt }).where(eq(owners.id, input.ownerId)),
  ]);
}

/**
 * A `status` answer's numbered list, kept like a digest's so that "done 2" in a reply to it finds item 2. It
 * is no digest: nothing is marked as shown, and it does not count as one.
 */
export async function saveStatusList(db: Db, input: { ownerId: number; isoWeek: string; sentAt: number; items: NewDigestItem[] }): Promise<number> {
  const [row] = await db
    .insert(digests)
    .values({ ownerId: input.ownerId, isoWeek: input.isoWeek, sentAt: input.sentAt, subject: "status", kind: "status" })
    .returning({ id: digests.id });
  const rows = input.items.map((i) => ({ ...i, ownerId: input.ownerId, digestId: row.id }));
  if (rows.length) {
    const inserts = chunkRows(rows, db.insert(digestItems).values(rows[0]).toSQL().params.length).map((part) => db.insert(digestItems).values(part));
    await db.batch(inserts as [(typeof inserts)[0], ...typeof inserts]);
  }
  return row.id;
}

/**
 * What became of the weekly digests the hourly run at `now` enqueued for these owners (the local `/dev/scheduled`
 * waits on it): sent, failed for good, or still pending while the owner holds the run's lease.
 */
export async function weeklyDigestOutcomes(db: Db, ownerIds: number[], now: number, leaseUntil: number) {
  const sent: Array<{ ownerId: number; digestId: number; messageId: string | null; items: number }> = [];
  const failed: number[] = [];
  const pending: number[] = [];
  for (const ids of chunk(ownerIds, LOOKUP_CHUNK)) {
    const [digestRows, failures, leases] = await db.batch([
      db
        .select({ ownerId: digests.ownerId, digestId: digests.id, messageId: digests.messageId, items: sql<number>`(select count(*) from ${digestItems} where ${digestItems.digestId} = ${digests.id})` })
        .from(digests)
        .where(and(inArray(digests.ownerId, ids), eq(digests.weekly, true), eq(digests.sentAt, now), isNotNull(digests.messageId))),
      db.select({ ownerId: mailEvents.ownerId }).from(mailEvents).where(and(inArray(mailEvents.ownerId, ids), eq(mailEvents.kind, "digest-failed"), gte(mailEvents.at, now))),
      db.select({ id: owners.id, nextDigestAt: owners.nextDigestAt }).from(owners).where(inArray(owners.id, ids)),
    ]);
    sent.push(...digestRows);
    failed.push(...failures.map((f) => f.ownerId!));
    // The consumer moves every owner it dealt with off the run's lease to their next digest time.
    pending.push(...leases.filter((o) => o.nextDigestAt === leaseUntil).map((o) => o.id));
  }
  return { sent, failed, pending };
}
