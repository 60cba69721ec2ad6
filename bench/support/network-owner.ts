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

const OWNERS_PER_INSERT = 500;

/**
 * `n` new owners, `<tag>-<i>@example.com`, all due at NOW, each with an outreach waiting for an answer and a gift
 * not yet thanked for: what `npm run bench:scale` fans out. By default they have no zone offsets (owners added
 * before `npm run owner` kept them, or by hand), so each one's digest is its first and writes them: the worst case.
 * `keptOffsets`: as `npm run owner` adds them, with their zone's offsets. Owners seeded before step aside (paused),
 * so that each case measures its own.
 */
export async function seedDueOwners(db: D1Database, tag: string, n: number, { keptOffsets = false } = {}): Promise<void> {
  await db.prepare("update owners set paused = 1").run();
  for (let from = 0; from < n; from += OWNERS_PER_INSERT) {
    const rows = [];
    for (let i = from; i < Math.min(n, from + OWNERS_PER_INSERT); i++) {
      rows.push(`('${tag}-${i}@example.com', 'Owner ${i}', 'hash-${tag}-${i}', ${NOW - 60 * DAY}, ${NOW})`);
    }
    await db.prepare(`insert into owners (primary_address, name, api_token_hash, created_at, next_digest_at) values ${rows.join(", ")}`).run();
  }
  const mine = `from owners where primary_address like '${tag}-%'`;
  if (keptOffsets) {
    // What `npm run owner` wrote when it added them, 60 days ago.
    await db.prepare(`update owners set zone_offsets = ? where id in (select id ${mine})`).bind(zoneOffsetsToKeep("Europe/Copenhagen", null, NOW - 60 * DAY)).run();
  }
  await db.batch([
    db.prepare(`insert into owner_addresses (address, owner_id, is_primary) select primary_address, id, 1 ${mine}`),
    db.prepare(
      `insert into contacts (owner_id, address, name, name_key, created_at, updated_at, first_at, last_at, first_outbound_at, last_outbound_at, last_outbound_subject, outbound_count, unanswered_outbound, follow_up_since, follow_up_due_at, follow_up_subject, follow_up_reason)
       select id, 'sarah@brightlabs.io', 'Sarah Miller', 'sarah miller', ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, ${NOW - 20 * DAY}, 'Coffee next week?', 1, 1, ${NOW - 20 * DAY}, ${NOW - 13 * DAY}, 'Coffee next week?', 'question' ${mine}`,
    ),
    db.prepare(
      `insert into contacts (owner_id, address, name, name_key, created_at, updated_at, first_at, last_at, first_inbound_at, last_inbound_at, last_inbound_subject, inbound_count, they_gave_count, last_they_gave_at, last_they_gave_subject, last_they_gave_kind, last_they_gave_detail)
       select id, 'mette@lund-studio.dk', 'Mette Lund', 'mette lund', ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, ${NOW - 5 * DAY}, 'Intro: you and Tom Becker', 1, 1, ${NOW - 5 * DAY}, 'Intro: you and Tom Becker', 'introduction', 'Tom Becker' ${mine}`,
    ),
  ]);
}
