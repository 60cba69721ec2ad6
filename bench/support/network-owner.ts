// One owner with a big network, due for a digest: what `npm run bench:scale` and bench/cpu.mjs both measure.
import { zoneOffsetsToKeep } from "../../src/zone-clock";
import { seedNetwork } from "./seed";

/** Monday 16 November 2026, 08:00 in Copenhagen: the default digest hour. */
export const NOW = Date.parse("2026-11-16T07:00:00Z");
const DAY = 86_400_000;
/** Interactions per contact in the generated networks: what a well-connected owner's mailbox gives. */
const INTERACTIONS_PER_CONTACT = 10;

/**
 * Creates the owner `net<k>@example.com`, due at NOW, with k contacts and 10·k interactions; returns its id. The
 * owner has had digests before: last week's kept the zone's offsets (src/zone-clock.ts), as every digest after an
 * owner's first does.
 */
export async function seedNetworkOwner(db: D1Database, k: number): Promise<{ ownerId: number; interactions: number }> {
  const tag = `net${k}`;
  await db
    .prepare("insert into owners (primary_address, name, api_token_hash, created_at, next_digest_at, zone_offsets) values (?, 'Network Owner', ?, ?, ?, ?)")
    .bind(`${tag}@example.com`, `hash-${tag}`, NOW - 800 * DAY, NOW, zoneOffsetsToKeep("Europe/Copenhagen", null, NOW - 7 * DAY))
    .run();
  const { id: ownerId } = (await db.prepare("select id from owners where primary_address = ?").bind(`${tag}@example.com`).first<{ id: number }>())!;
  await seedNetwork(db, ownerId, { contacts: k, interactions: k * INTERACTIONS_PER_CONTACT, seed: k }, NOW);
  return { ownerId, interactions: k * INTERACTIONS_PER_CONTACT };
}

/** Undoes the week's claim, so that the next run sends the same digest again. */
export async function releaseWeeklyClaim(db: D1Database, ownerId: number): Promise<void> {
  await db.batch([
    db.prepare("delete from digests where owner_id = ? and weekly = 1").bind(ownerId),
    db.prepare("update owners set last_digest_week = null, next_digest_at = ? where id = ?").bind(NOW, ownerId),
  ]);
}
