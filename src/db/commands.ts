// The rare command lines' queries, built by drizzle (forget, ignore, settings, stats, export, met), and the
// export's reads. Their verbs import this module when such a line runs; the common lines bind SQL written ahead
// of time (command-store.ts). Every write becomes a D1 statement, so that one mail's changes go to D1 in one batch.
import { and, asc, count, eq, gt, inArray, sql, type Query, type SQL } from "drizzle-orm";
import type { MeetingInput } from "./capture";
import { domainKey } from "../names";
import type { Db } from "./client";
import { settingsUpdate, type OwnerSettingsPatch } from "./owners";
import { meetingStatements } from "./hot-queries";
import { contacts, digestItems, digests, interactions, messages, notes, owners, suppressions, type Interaction, type Contact, type Note } from "./schema";
import type { Statement } from "./statements";

export type { Statement };

/**
 * A statement drizzle built, as the D1 statement its own batch would send: a command mail's writes, common ones bound
 * by command-store.ts and rare ones built here, go to D1 together in one d1.batch.
 */
export function d1Statement(db: Db, query: { toSQL(): Query }): Statement {
  const { sql: text, params } = query.toSQL();
  return db.$client.prepare(text).bind(...params);
}

/** `met`: the meeting's writes, through the same contact upsert as a mail. */
export function meetingD1Statements(db: Db, ownerId: number, meeting: MeetingInput): Statement[] {
  return meetingStatements(db, ownerId, meeting).map((q) => d1Statement(db, q));
}

/**
 * Contacts an `ignore` pattern covers: the address itself, or the domain and its subdomains, read as one range
 * of contacts_owner_domain_key ("dk.winther" up to "dk.winther/"), in which only the domain itself and keys
 * that go on with a "." count ("dk.winther-x" is another domain).
 */
function matchesPattern(pattern: string): SQL {
  if (!pattern.startsWith("@")) return eq(contacts.address, pattern);
  const key = domainKey(pattern);
  return sql`(${contacts.domainKey} >= ${key} and ${contacts.domainKey} < ${`${key}/`} and (${contacts.domainKey} = ${key} or substr(${contacts.domainKey}, ${key.length + 1}, 1) = '.'))`;
}

export async function countUnmutedMatching(db: Db, ownerId: number, pattern: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), eq(contacts.muted, false), matchesPattern(pattern)));
  return row?.n ?? 0;
}

export async function historyCounts(db: Db, ownerId: number, contactId: number): Promise<{ interactions: number; notes: number }> {
  const [i, n] = await db.batch([
    db.select({ n: count() }).from(interactions).where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId))),
    db.select({ n: count() }).from(notes).where(and(eq(notes.ownerId, ownerId), eq(notes.contactId, contactId))),
  ]);
  return { interactions: i[0]?.n ?? 0, notes: n[0]?.n ?? 0 };
}

export async function listSuppressionPatterns(db: Db, ownerId: number): Promise<string[]> {
  const rows = await db.select({ pattern: suppressions.pattern }).from(suppressions).where(eq(suppressions.ownerId, ownerId)).orderBy(asc(suppressions.pattern));
  return rows.map((r) => r.pattern);
}

export interface OwnerStats {
  contacts: number;
  professional: number;
  private: number;
  muted: number;
  snoozed: number;
  inbound: number;
  outbound: number;
  meetings: number;
  notes: number;
  ignored: number;
  digests: number;
  lastDigestAt: number | null;
}

/** Counts for `stats`. The contact aggregates hold the mail counts, so no interaction row is scanned. */
export async function ownerStats(db: Db, ownerId: number, now: number): Promise<OwnerStats> {
  const [c, n, s, d] = await db.batch([
    db
      .select({
        contacts: sql<number>`coalesce(sum(${contacts.mergedInto} is null), 0)`,
        professional: sql<number>`coalesce(sum(${contacts.mergedInto} is null and ${contacts.circle} = 'professional'), 0)`,
        private: sql<number>`coalesce(sum(${contacts.mergedInto} is null and ${contacts.circle} = 'private'), 0)`,
        muted: sql<number>`coalesce(sum(${contacts.mergedInto} is null and ${contacts.muted}), 0)`,
        snoozed: sql<number>`coalesce(sum(${contacts.mergedInto} is null and ${contacts.snoozedUntil} > ${now}), 0)`,
        inbound: sql<number>`coalesce(sum(${contacts.inboundCount}), 0)`,
        outbound: sql<number>`coalesce(sum(${contacts.outboundCount}), 0)`,
        meetings: sql<number>`coalesce(sum(${contacts.meetingCount}), 0)`,
      })
      .from(contacts)
      // A person with several addresses is one contact; their mail counts from every address.
      .where(eq(contacts.ownerId, ownerId)),
    db.select({ n: count() }).from(notes).where(eq(notes.ownerId, ownerId)),
    db.select({ n: count() }).from(suppressions).where(eq(suppressions.ownerId, ownerId)),
    db
      .select({ n: count(), last: sql<number | null>`max(${digests.sentAt})` })
      .from(digests)
      .where(and(eq(digests.ownerId, ownerId), eq(digests.kind, "digest"))),
  ]);
  return { ...c[0], notes: n[0].n, ignored: s[0].n, digests: d[0].n, lastDigestAt: d[0].last };
}

/** `ignore`: the pattern, and every existing contact it covers muted, in the same batch. */
export function suppress(db: Db, ownerId: number, pattern: string, now: number): Statement[] {
  return [
    d1Statement(db, db.insert(suppressions).values({ ownerId, pattern, createdAt: now }).onConflictDoNothing()),
    d1Statement(
      db,
      db
        .update(contacts)
        .set({ muted: true, updatedAt: now })
        .where(and(eq(contacts.ownerId, ownerId), matchesPattern(pattern))),
    ),
  ];
}

/**
 * `forget`: the person and everything about them. The child rows are deleted explicitly rather than left to
 * ON DELETE CASCADE, so nothing depends on D1's foreign-key setting. A message whose only interactions were
 * with this person goes too, since it keeps the subject of their mail; a message shared with others stays.
 * Rows read grow with this person's history only: their interactions by contact, and for each of their
 * messages one probe of interactions_owner_message for anyone else in it.
 */
export function forgetQueries(db: Db, ownerId: number, contactId: number) {
  const theirs = db
    .select({ id: interactions.messageId })
    .from(interactions)
    .where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId)));
  const shared = sql`exists (select 1 from ${interactions} where ${interactions.ownerId} = ${ownerId} and ${interactions.messageId} = ${messages.messageId} and ${interactions.contactId} <> ${contactId})`;
  return [
    db.delete(messages).where(and(eq(messages.ownerId, ownerId), inArray(messages.messageId, theirs), sql`not ${shared}`)),
    db.delete(digestItems).where(and(eq(digestItems.ownerId, ownerId), eq(digestItems.contactId, contactId))),
    db.delete(notes).where(and(eq(notes.ownerId, ownerId), eq(notes.contactId, contactId))),
    db.delete(interactions).where(and(eq(interactions.ownerId, ownerId), eq(interactions.contactId, contactId))),
    db.delete(contacts).where(and(eq(contacts.ownerId, ownerId), eq(contacts.id, contactId))),
  ];
}

export function forgetContact(db: Db, ownerId: number, contactId: number): Statement[] {
  return forgetQueries(db, ownerId, contactId).map((q) => d1Statement(db, q));
}

export function updateOwner(db: Db, ownerId: number, patch: OwnerSettingsPatch): Statement {
  return d1Statement(db, db.update(owners).set(settingsUpdate(patch)).where(eq(owners.id, ownerId)));
}

export interface OwnerExportRows {
  contacts: Contact[];
  interactions: Interaction[];
  notes: Note[];
  suppressions: string[];
}

/** Contacts per page of a streamed export: three statements a page (contacts, their mail, their notes). */
export const EXPORT_PAGE_CONTACTS = 500;

export interface ExportPage {
  contacts: Contact[];
  interactions: Interaction[];
  notes: Note[];
}

/**
 * One page of the export: up to EXPORT_PAGE_CONTACTS contacts by address after `after`, with their mail and notes
 * (oldest first), in one round trip. Memory is one page's rows, whatever the size of the network.
 */
export async function exportPage(db: Db, ownerId: number, after: string | null): Promise<ExportPage> {
  const page = db
    .select({ id: contacts.id })
    .from(contacts)
    .where(after === null ? eq(contacts.ownerId, ownerId) : and(eq(contacts.ownerId, ownerId), gt(contacts.address, after)))
    .orderBy(asc(contacts.address))
    .limit(EXPORT_PAGE_CONTACTS);
  const [c, i, n] = await db.batch([
    db.select().from(contacts).where(and(eq(contacts.ownerId, ownerId), inArray(contacts.id, page))).orderBy(asc(contacts.address)),
    db
      .select()
      .from(interactions)
      .where(and(eq(interactions.ownerId, ownerId), inArray(interactions.contactId, page)))
      .orderBy(asc(interactions.at), asc(interactions.id)),
    db.select().from(notes).where(and(eq(notes.ownerId, ownerId), inArray(notes.contactId, page))).orderBy(asc(notes.createdAt), asc(notes.id)),
  ]);
  return { contacts: c, interactions: i, notes: n };
}

export async function suppressionPatterns(db: Db, ownerId: number): Promise<string[]> {
  const rows = await db.select({ pattern: suppressions.pattern }).from(suppressions).where(eq(suppressions.ownerId, ownerId)).orderBy(asc(suppressions.pattern));
  return rows.map((r) => r.pattern);
}

/** Everything an owner's export holds, oldest first. */
/** How much an export holds, by index, before anything is read: whether it can go by mail. */
export async function ownerExportCounts(db: Db, ownerId: number): Promise<{ contacts: number; interactions: number; notes: number }> {
  const [c, i, n] = await db.batch([
    db.select({ n: count() }).from(contacts).where(eq(contacts.ownerId, ownerId)),
    db.select({ n: count() }).from(interactions).where(eq(interactions.ownerId, ownerId)),
    db.select({ n: count() }).from(notes).where(eq(notes.ownerId, ownerId)),
  ]);
  return { contacts: c[0].n, interactions: i[0].n, notes: n[0].n };
}

export async function ownerExportRows(db: Db, ownerId: number): Promise<OwnerExportRows> {
  const [c, i, n, s] = await db.batch([
    db.select().from(contacts).where(eq(contacts.ownerId, ownerId)).orderBy(asc(contacts.address)),
    db.select().from(interactions).where(eq(interactions.ownerId, ownerId)).orderBy(asc(interactions.at), asc(interactions.id)),
    db.select().from(notes).where(eq(notes.ownerId, ownerId)).orderBy(asc(notes.createdAt), asc(notes.id)),
    db.select({ pattern: suppressions.pattern }).from(suppressions).where(eq(suppressions.ownerId, ownerId)).orderBy(asc(suppressions.pattern)),
  ]);
  return { contacts: c, interactions: i, notes: n, suppressions: s.map((r) => r.pattern) };
}
