import { and, desc, eq, getTableColumns, gt, gte, inArray, isNotNull, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { chunk, chunkRows, LOOKUP_CHUNK } from "./limits";
import { DAY_MS } from "../time";
import { contacts, digestItems, digests, mailEvents, owners, weeklyActivity, type Contact, type DigestItem } from "./schema";

const CONTACT_COLUMNS = Object.entries(getTableColumns(contacts)).map(([key, column]) => ({
  key,
  name: column.name,
  boolean: column.dataType === "boolean",
}));
const SELECT_CONTACTS = `select ${CONTACT_COLUMNS.map((c) => `"${c.name}"`).join(", ")} from contacts`;
// Each OR term names the owner, so that SQLite serves each from its own index (contacts_owner_debt_until,
// contacts_owner_quiet_at, contacts_owner_quiet_from: a MULTI-INDEX OR) and reads only the rows that match.
const DUE_SQL = "(owner_id = ?1 and debt_until >= ?2) or (owner_id = ?1 and quiet_at <= ?2)";
// A circle's cadence set by the owner replaces the rhythm inferred from history (decide.ts, cadenceDays).
const CIRCLE_QUIET_SQL = (param: number) => `(owner_id = ?1 and quiet_from <= ?${param + 1} and circle = ?${param} and coalesce(cadence_days, 0) <= 0)`;

// Every row of a person with several addresses (`same`): one address's reply settles what the other's mail
// left open, so people.ts folds them before anything is decided. Few rows: the merged addresses through
// contacts_owner_merged_into, and their persons by id ("+owner_id" keeps SQLite from walking an owner index
// for them instead of looking the ids up).
const PEOPLE_SQL =
  "(owner_id = ?1 and merged_into is not null) or (id in (select merged_into from contacts where owner_id = ?1 and merged_into is not null) and +owner_id = ?1)";

export interface CandidateSettings {
  cadenceProfessionalDays: number | null;
  cadencePrivateDays: number | null;
}

/** The candidates' SQL and its parameters (exported for the query-plan test). */
export function candidatesQuery(ownerId: number, owner: CandidateSettings, now: number): { query: string; params: unknown[] } {
  const params: unknown[] = [ownerId, now];
  const terms = [DUE_SQL];
  for (const [circle, days] of [["professional", owner.cadenceProfessionalDays], ["private", owner.cadencePrivateDays]] as const) {
    if (days === null || !(days > 0)) continue;
    terms.push(CIRCLE_QUIET_SQL(params.length + 1));
    params.push(circle, now - days * DAY_MS);
  }
  return { query: `${SELECT_CONTACTS} where ((${terms.join(" or ")}) and muted = 0) or ${PEOPLE_SQL}`, params };
}

/**
 * The contacts that can be due at `now`: those with a thank, help or follow-up still inside its window, and quiet
 * ties whose rhythm has run out (the contact row's due columns, db/schema.ts). Muted people are left out.
 * decide.ts makes every decision on these rows; the columns are lower bounds, so no one it would pick is left
 * out. Rows read: the candidates (and index entries), not the whole network. The rows are mapped by hand from
 * D1's raw arrays: drizzle's generic mapper took ~18 ms of CPU for 5,000 contacts (bench/).
 */
export async function digestCandidates(db: Db, ownerId: number, owner: CandidateSettings, now: number): Promise<Contact[]> {
  const { query, params } = candidatesQuery(ownerId, owner, now);
  const rows = await db.$client.prepare(query).bind(...params).raw();
  return rows.map((row: unknown[]) => {
    const contact: Record<string, unknown> = {};
    for (let i = 0; i < CONTACT_COLUMNS.length; i++) {
      const column = CONTACT_COLUMNS[i];
      contact[column.key] = column.boolean ? row[i] === 1 : row[i];
    }
    return contact as Contact;
  });
}

/** Activity rows of the weeks starting in [from, until). */
export async function recentActivity(db: Db, ownerId: number, from: number, until: number) {
  return db
    .select()
    .from(weeklyActivity)
    .where(and(eq(weeklyActivity.ownerId, ownerId), gte(weeklyActivity.weekStart, from), lt(weeklyActivity.weekStart, until)))
    .orderBy(weeklyActivity.weekStart);
}

export interface MailEventCounts {
  ignored: number;
  failed: number;
  /** Weekly digests that could not be sent after every retry. */
  failedDigests: number;
}

/** Mail ignored as automated, dead letters and failed digests since this owner's last digest that went out, in one query. */
export async function mailEventCounts(db: Db, ownerId: number): Promise<MailEventCounts> {
  const lastSent = sql`coalesce((select max(${digests.sentAt}) from ${digests} where ${digests.ownerId} = ${ownerId} and ${digests.messageId} is not null), 0)`;
  const rows = await db
    .select({ kind: mailEvents.kind, n: sql<number>`count(*)` })
    .from(mailEvents)
    .where(and(eq(mailEvents.ownerId, ownerId), gt(mailEvents.at, lastSent)))
    .groupBy(mailEvents.kind);
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { ignored: n("ignored"), failed: n("dead-letter"), failedDigests: n("digest-failed") };
}

export async function createDigest(db: Db, input: { ownerId: number; isoWeek: string; sentAt: number; subject: string }) {
  const [row] = await db.insert(digests).values(input).returning();
  return row;
}

/**
 * The claim on this owner's weekly digest for `isoWeek`, written before anything is sent: the digest row, or null
 * when one already exists (sent, or being sent by another delivery of the same job).
 */
export async function claimWeeklyDigest(db: Db, input: { ownerId: number; isoWeek: string; sentAt: number }) {
  const [row] = await db
    .insert(digests)
    .values({ ...input, subject: "", weekly: true })
    .onConflictDoNothing()
    .returning();
  return row ?? null;
}

/** The queue gave up on this owner's digest: the next digest says so, and the schedule moves on to next week. */
export async function recordFailedDigest(db: Db, input: { ownerId: number; at: number; reason: string; nextDigestAt: number }) {
  await db.batch([
    db.insert(mailEvents).values({ ownerId: input.ownerId, kind: "digest-failed", at: input.at, reason: input.reason }),
    db.update(owners).set({ nextDigestAt: input.nextDigestAt }).where(eq(owners.id, input.ownerId)),
  ]);
}

export async function deleteDigest(db: Db, ownerId: number, digestId: number) {
  await db.delete(digests).where(and(eq(digests.ownerId, ownerId), eq(digests.id, digestId)));
}

/**
 * The owner's digest sent with one of these Message-IDs (the newest if several), or null. Reads through the
 * owner's digests only: a Message-ID never names another owner's digest.
 */
export async function digestByMessageId(db: Db, ownerId: number, messageIds: string[]): Promise<{ id: number; sentAt: number } | null> {
  if (!messageIds.length) return null;
  const [row] = await db
    .select({ id: digests.id, sentAt: digests.sentAt })
    .from(digests)
    .where(and(eq(digests.ownerId, ownerId), inArray(digests.messageId, chunkIds(messageIds))))
    .orderBy(desc(digests.sentAt))
    .limit(1);
  return row ?? null;
}

/** A References header can name a hundred mails; D1 binds at most 100 parameters, one is the owner. */
const MAX_THREAD_IDS = 90;
function chunkIds(ids: string[]): string[] {
  return [...new Set(ids)].slice(-MAX_THREAD_IDS);
}

export interface NewDigestItem {
  number: number;
  kind: DigestItem["kind"];
  contactId: number;
  circle: DigestItem["circle"];
  evidenceAt: number | null;
  evidenceSubject: string | null;
}

/** The numbered items and the owner's "sent this week" mark, in one batch after the mail went out. */
export async function finishDigest(
  db: Db,
  input: {
    ownerId: number;
    digestId: number;
    messageId: string;
    subject: string;
    sentAt: number;
    /** Set for the weekly digest: the week is done and the owner's next digest time moves on. */
    weekly: { isoWeek: string; nextDigestAt: number } | null;
    items: NewDigestItem[];
  },
) {
  const rows = input.items.map((i) => ({ ...i, ownerId: input.ownerId, digestId: input.digestId }));
  const inserts = rows.length ? chunkRows(rows, db.insert(digestItems).values(rows[0]).toSQL().params.length).map((part) => db.insert(digestItems).values(part)) : [];
  // What each person was shown, so that a reminder shown often without action can rest (digest/decide.ts).
  const shown = input.items.map((i) =>
    db
      .update(contacts)
      .set({
        shownCount: sql`case when ${contacts.shownSection} = ${i.kind} and ${contacts.shownEvidenceAt} is ${i.evidenceAt} then ${contacts.shownCount} + 1 else 1 end`,
        shownSection: i.kind,
        shownEvidenceAt: i.evidenceAt,
        lastShownAt: input.sentAt,
      })
      .where(and(eq(contacts.ownerId, input.ownerId), eq(contacts.id, i.contactId))),
  );
  await db.batch([
    db.update(digests).set({ messageId: input.messageId, subject: input.subject }).where(eq(digests.id, input.digestId)),
    ...inserts,
    ...shown,
    ...(input.weekly
      ? [db.update(owners).set({ lastDigestWeek: input.weekly.isoWeek, nextDigestAt: input.weekly.nextDigestAt }).where(eq(owners.id, input.ownerId))]
      : []),
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
