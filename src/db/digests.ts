import { and, eq, getTableColumns, gt, gte, lt, sql } from "drizzle-orm";
import type { Db } from "./client";
import { chunkRows } from "./limits";
import { contacts, digestItems, digests, mailEvents, owners, weeklyActivity, type Contact, type DigestItem } from "./schema";

const CONTACT_COLUMNS = Object.entries(getTableColumns(contacts)).map(([key, column]) => ({
  key,
  name: column.name,
  boolean: column.dataType === "boolean",
}));
// A muted address of a person still counts towards them (people.ts folds it in); a muted person is left out.
const CANDIDATES_SQL = `select ${CONTACT_COLUMNS.map((c) => `"${c.name}"`).join(", ")} from contacts where owner_id = ? and (muted = 0 or merged_into is not null)`;

/**
 * The contacts the digest considers. Muted people are left out in SQL; everything else is decided in
 * plain code, because the rules compare columns with `now` in ways an index cannot serve anyway.
 * Rows read: one per unmuted contact of this owner — never the interactions. The rows are mapped by hand
 * from D1's raw arrays: drizzle's generic mapper took ~18 ms of CPU for 5,000 contacts (bench/), more
 * than the Workers Free plan's 10 ms, where this takes well under one.
 */
export async function digestCandidates(db: Db, ownerId: number): Promise<Contact[]> {
  const rows = await db.$client.prepare(CANDIDATES_SQL).bind(ownerId).raw();
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

/** Mail ignored as automated and dead letters since this owner's last digest, in one query. */
export async function mailEventCounts(db: Db, ownerId: number): Promise<{ ignored: number; failed: number }> {
  const lastSent = sql`coalesce((select max(${digests.sentAt}) from ${digests} where ${digests.ownerId} = ${ownerId} and ${digests.kind} = 'weekly'), 0)`;
  const rows = await db
    .select({ kind: mailEvents.kind, n: sql<number>`count(*)` })
    .from(mailEvents)
    .where(and(eq(mailEvents.ownerId, ownerId), gt(mailEvents.at, lastSent)))
    .groupBy(mailEvents.kind);
  const n = (kind: string) => rows.find((r) => r.kind === kind)?.n ?? 0;
  return { ignored: n("ignored"), failed: n("dead-letter") };
}

export async function createDigest(db: Db, input: { ownerId: number; isoWeek: string; sentAt: number; subject: string }) {
  const [row] = await db.insert(digests).values(input).returning();
  return row;
}

export async function deleteDigest(db: Db, ownerId: number, digestId: number) {
  await db.delete(digests).where(and(eq(digests.ownerId, ownerId), eq(digests.id, digestId)));
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
  input: { ownerId: number; digestId: number; messageId: string; subject: string; sentAt: number; isoWeek: string | null; items: NewDigestItem[] },
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
    ...(input.isoWeek ? [db.update(owners).set({ lastDigestWeek: input.isoWeek }).where(eq(owners.id, input.ownerId))] : []),
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
