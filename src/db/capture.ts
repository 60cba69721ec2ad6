// Named queries of the ingest path. Each mail's writes are built here as statements for one db.batch().
import { and, eq, gte, inArray, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import type { ContactEvent, MessageRecord, NoteRecord } from "../ingest/understand";
import { DAY_MS, weekStartOf } from "../time";
import type { Db } from "./client";
import { chunk, chunkRows, LOOKUP_CHUNK } from "./limits";
import { contacts, interactions, mailEvents, messages, notes, suppressions, weeklyActivity } from "./schema";

export interface ExistingContact {
  id: number;
  address: string;
  inboundCount: number;
  outboundCount: number;
  lastAt: number | null;
}

export async function findContactsByAddress(db: Db, ownerId: number, addresses: string[]): Promise<ExistingContact[]> {
  const out: ExistingContact[] = [];
  for (const part of chunk([...new Set(addresses)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({
        id: contacts.id,
        address: contacts.address,
        inboundCount: contacts.inboundCount,
        outboundCount: contacts.outboundCount,
        lastAt: contacts.lastAt,
      })
      .from(contacts)
      .where(and(eq(contacts.ownerId, ownerId), inArray(contacts.address, part)));
    out.push(...rows);
  }
  return out;
}

/** Which of these Message-IDs the owner already shared with the assistant. */
export async function knownMessageIds(db: Db, ownerId: number, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunk([...new Set(ids)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({ messageId: messages.messageId })
      .from(messages)
      .where(and(eq(messages.ownerId, ownerId), inArray(messages.messageId, part)));
    for (const r of rows) found.add(r.messageId);
  }
  return found;
}

/** Which of these owners already have one of these Message-IDs: a reply on such a thread is recorded. */
export async function ownersWithMessages(db: Db, ownerIds: number[], ids: string[]): Promise<number[]> {
  if (ids.length === 0 || ownerIds.length === 0) return [];
  // Searched per owner through messages_owner_message_id; without owner_id this would scan every owner's mail.
  const rows = await db
    .selectDistinct({ ownerId: messages.ownerId })
    .from(messages)
    // In-Reply-To comes first in `ids`, so a very long References header loses only its oldest ids.
    .where(and(inArray(messages.ownerId, ownerIds.slice(0, 10)), inArray(messages.messageId, [...new Set(ids)].slice(0, LOOKUP_CHUNK - 10))));
  return rows.map((r) => r.ownerId);
}

/** How far apart the times of one mail may be: a forward's printed date has minutes and a guessed zone. */
export const SAME_MAIL_WINDOW_MS = 2 * 60 * 60 * 1000;
/** Snippets are compared on their start: a text part and its HTML twin can differ further on. */
const SNIPPET_PREFIX_CHARS = 60;

/**
 * Whether this person already has this mail from another route: an inline forward carries no original
 * Message-ID, so a mail the owner BCC'd and later forwarded is recognised by direction, subject, the start
 * of its text and a time within SAME_MAIL_WINDOW_MS. Searched through interactions_contact_at.
 */
export async function hasSameMail(
  db: Db,
  ownerId: number,
  e: { address: string; direction: "in" | "out"; at: number; subject: string | null; snippet: string | null },
): Promise<boolean> {
  const row = await db
    .select({ id: interactions.id })
    .from(interactions)
    .innerJoin(contacts, eq(contacts.id, interactions.contactId))
    .where(
      and(
        eq(contacts.ownerId, ownerId),
        eq(contacts.address, e.address),
        eq(interactions.ownerId, ownerId),
        eq(interactions.direction, e.direction),
        gte(interactions.at, e.at - SAME_MAIL_WINDOW_MS),
        lte(interactions.at, e.at + SAME_MAIL_WINDOW_MS),
        e.subject === null ? isNull(interactions.subject) : eq(interactions.subject, e.subject),
        sql`substr(coalesce(${interactions.snippet}, ''), 1, ${SNIPPET_PREFIX_CHARS}) = ${(e.snippet ?? "").slice(0, SNIPPET_PREFIX_CHARS)}`,
      ),
    )
    .limit(1)
    .get();
  return !!row;
}

export async function listSuppressions(db: Db, ownerId: number): Promise<string[]> {
  const rows = await db.select({ pattern: suppressions.pattern }).from(suppressions).where(eq(suppressions.ownerId, ownerId));
  return rows.map((r) => r.pattern);
}

// SQLite's scalar min()/max() return NULL when any argument is NULL; these keep the other value.
const minOf = (a: SQL, b: SQL) => sql`coalesce(min(${a}, ${b}), ${a}, ${b})`;
const maxOf = (a: SQL, b: SQL) => sql`coalesce(max(${a}, ${b}), ${a}, ${b})`;
const ex = (column: string) => sql.raw(`excluded.${column}`);
const cur = (column: string) => sql.raw(`"contacts"."${column}"`);
/** The newer of two (time, value) pairs: keep the value that belongs to the later time. */
const latest = (timeColumn: string, valueColumn: string) =>
  sql`case when ${ex(timeColumn)} is not null and ${ex(timeColumn)} >= coalesce(${cur(timeColumn)}, 0) then ${ex(valueColumn)} else ${cur(valueColumn)} end`;

export interface ContactDelta {
  address: string;
  name: string | null;
  private: boolean;
  at: number;
  inbound: { at: number; subject: string | null; gave: boolean; request: boolean } | null;
  outbound: {
    at: number;
    subject: string | null;
    gave: boolean;
    thanks: boolean;
    /** A thank-you that asks nothing expects no answer: it starts no follow-up. */
    expectsAnswer: boolean;
    followUpDueAt: number;
  } | null;
}

export function deltaFromEvent(event: ContactEvent, defaultFollowUpDays: number): ContactDelta {
  const inbound =
    event.direction === "in"
      ? { at: event.at, subject: event.subject, gave: event.intent.giving, request: event.intent.request }
      : null;
  const outbound =
    event.direction === "out"
      ? {
          at: event.at,
          subject: event.subject,
          gave: event.intent.giving,
          thanks: event.intent.thanks,
          expectsAnswer: !(event.intent.thanks && !event.intent.request),
          followUpDueAt: event.at + (event.followUpDays ?? defaultFollowUpDays) * DAY_MS,
        }
      : null;
  return { address: event.address, name: event.name, private: event.private, at: event.at, inbound, outbound };
}

function contactRow(ownerId: number, d: ContactDelta, now: number) {
  const i = d.inbound;
  const o = d.outbound;
  return {
    ownerId,
    address: d.address,
    name: d.name,
    circle: d.private ? ("private" as const) : ("professional" as const),
    muted: false,
    firstAt: d.at,
    lastAt: d.at,
    firstInboundAt: i?.at ?? null,
    lastInboundAt: i?.at ?? null,
    lastInboundSubject: i?.subject ?? null,
    firstOutboundAt: o?.at ?? null,
    lastOutboundAt: o?.at ?? null,
    lastOutboundSubject: o?.subject ?? null,
    inboundCount: i ? 1 : 0,
    outboundCount: o ? 1 : 0,
    gaveCount: i?.gave ? 1 : 0,
    gotCount: o?.gave ? 1 : 0,
    lastGaveAt: i?.gave ? i.at : null,
    lastGaveSubject: i?.gave ? i.subject : null,
    lastThankedAt: o?.thanks ? o.at : null,
    lastRequestAt: i?.request ? i.at : null,
    lastRequestSubject: i?.request ? i.subject : null,
    followUpSince: o?.expectsAnswer ? o.at : null,
    followUpDueAt: o?.expectsAnswer ? o.followUpDueAt : null,
    followUpSubject: o?.expectsAnswer ? o.subject : null,
    unansweredOutbound: o?.expectsAnswer ? 1 : 0,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The pending follow-up (since, due, subject) moves as one: a new outbound mail (newer than any word from
 * them) starts or renews the wait for an answer; a word from them at or after the pending mail settles it.
 */
const followUpField = (column: string) => sql`case
    when ${ex("follow_up_since")} is not null and ${ex("follow_up_since")} > coalesce(${cur("last_inbound_at")}, 0)
         and ${ex("follow_up_since")} >= coalesce(${cur("follow_up_since")}, 0) then ${ex(column)}
    when ${ex("last_inbound_at")} is not null and ${ex("last_inbound_at")} >= coalesce(${cur("follow_up_since")}, 0) then null
    else ${cur(column)} end`;

/**
 * The contact aggregates, updated in SQL so that concurrent mails for one person cannot lose each
 * other's counts, and so that mail arriving out of order (a late forward, an import) still leaves the
 * latest times and subjects in place. The digest reads only these columns, never the interactions.
 */
const contactUpsertSet = {
  name: sql`case when ${ex("inbound_count")} > 0 and ${ex("name")} is not null then ${ex("name")} else coalesce(${cur("name")}, ${ex("name")}) end`,
  circle: sql`case when ${ex("circle")} = 'private' then 'private' else ${cur("circle")} end`,
  firstAt: minOf(cur("first_at"), ex("first_at")),
  lastAt: maxOf(cur("last_at"), ex("last_at")),
  firstInboundAt: minOf(cur("first_inbound_at"), ex("first_inbound_at")),
  lastInboundSubject: latest("last_inbound_at", "last_inbound_subject"),
  lastInboundAt: maxOf(cur("last_inbound_at"), ex("last_inbound_at")),
  firstOutboundAt: minOf(cur("first_outbound_at"), ex("first_outbound_at")),
  lastOutboundSubject: latest("last_outbound_at", "last_outbound_subject"),
  lastOutboundAt: maxOf(cur("last_outbound_at"), ex("last_outbound_at")),
  inboundCount: sql`${cur("inbound_count")} + ${ex("inbound_count")}`,
  outboundCount: sql`${cur("outbound_count")} + ${ex("outbound_count")}`,
  gaveCount: sql`${cur("gave_count")} + ${ex("gave_count")}`,
  gotCount: sql`${cur("got_count")} + ${ex("got_count")}`,
  lastGaveSubject: latest("last_gave_at", "last_gave_subject"),
  lastGaveAt: maxOf(cur("last_gave_at"), ex("last_gave_at")),
  lastThankedAt: maxOf(cur("last_thanked_at"), ex("last_thanked_at")),
  lastRequestSubject: latest("last_request_at", "last_request_subject"),
  lastRequestAt: maxOf(cur("last_request_at"), ex("last_request_at")),
  followUpSubject: followUpField("follow_up_subject"),
  followUpDueAt: followUpField("follow_up_due_at"),
  followUpSince: followUpField("follow_up_since"),
  unansweredOutbound: sql`case
    when ${ex("follow_up_since")} is not null and ${ex("follow_up_since")} > coalesce(${cur("last_inbound_at")}, 0) then ${cur("unanswered_outbound")} + 1
    when ${ex("last_inbound_at")} is not null and ${ex("last_inbound_at")} >= coalesce(${cur("last_outbound_at")}, 0) then 0
    else ${cur("unanswered_outbound")} end`,
  updatedAt: sql`${ex("updated_at")}`,
};

function upsertContacts(db: Db, ownerId: number, deltas: ContactDelta[], now: number): BatchItem<"sqlite">[] {
  if (deltas.length === 0) return [];
  const rows = deltas.map((d) => contactRow(ownerId, d, now));
  const perRow = db.insert(contacts).values(rows[0]).toSQL().params.length;
  return chunkRows(rows, perRow).map((part) =>
    db
      .insert(contacts)
      .values(part)
      .onConflictDoUpdate({ target: [contacts.ownerId, contacts.address], set: contactUpsertSet }),
  );
}

function insertInteractions(db: Db, ownerId: number, events: ContactEvent[], broadcast: boolean): BatchItem<"sqlite">[] {
  if (events.length === 0) return [];
  const rows = events.map((e) => ({
    ownerId,
    // The contact row is written earlier in the same batch, so its id is found by address.
    contactId: sql`(select id from contacts where owner_id = ${ownerId} and address = ${e.address})`,
    at: e.at,
    direction: e.direction,
    subject: e.subject,
    snippet: e.snippet,
    isThanks: e.intent.thanks,
    isRequest: e.intent.request,
    isGiving: e.intent.giving,
    isOutreach: e.intent.outreach,
    messageId: e.messageId,
    threadId: e.threadId,
    source: e.source,
    attachments: e.attachments.length ? JSON.stringify(e.attachments.slice(0, 20)) : null,
    broadcast,
  }));
  const perRow = db.insert(interactions).values(rows[0]).toSQL().params.length;
  return chunkRows(rows, perRow).map((part) => db.insert(interactions).values(part).onConflictDoNothing());
}

function insertNotes(db: Db, ownerId: number, list: NoteRecord[], messageId: string, now: number): BatchItem<"sqlite">[] {
  return list.map((n) =>
    db.insert(notes).values({
      ownerId,
      contactId: sql`(select id from contacts where owner_id = ${ownerId} and address = ${n.address})`,
      body: n.body,
      source: "forward",
      messageId,
      createdAt: now,
    }),
  );
}

function countActivity(db: Db, ownerId: number, events: ContactEvent[], broadcast: boolean, at: number): BatchItem<"sqlite">[] {
  // Per ISO week: one mail sent or received counts once, however many people it went to.
  const weeks = new Map<number, { sent: number; received: number; gave: number; got: number }>();
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.messageId}|${e.direction}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const w = weeks.get(weekStartOf(e.at)) ?? { sent: 0, received: 0, gave: 0, got: 0 };
    if (e.direction === "out") {
      w.sent++;
      if (e.intent.giving) w.got++;
    } else {
      w.received++;
      if (e.intent.giving) w.gave++;
    }
    weeks.set(weekStartOf(e.at), w);
  }
  if (broadcast) {
    const w = weeks.get(weekStartOf(at)) ?? { sent: 0, received: 0, gave: 0, got: 0 };
    w.sent++;
    weeks.set(weekStartOf(at), w);
  }
  return [...weeks].map(([weekStart, w]) =>
    db
      .insert(weeklyActivity)
      .values({ ownerId, weekStart, ...w })
      .onConflictDoUpdate({
        target: [weeklyActivity.ownerId, weeklyActivity.weekStart],
        set: {
          sent: sql`sent + excluded.sent`,
          received: sql`received + excluded.received`,
          gave: sql`gave + excluded.gave`,
          got: sql`got + excluded.got`,
        },
      }),
  );
}

function insertMessages(db: Db, ownerId: number, list: MessageRecord[], now: number, strict: boolean) {
  const rows = list.map((m) => ({ ownerId, ...m, receivedAt: now }));
  const q = db.insert(messages).values(rows);
  // The first message is the mail itself: a plain INSERT, so that a duplicate delivery racing this one
  // fails the unique index and rolls the whole batch back. Extra ids (originals) may already exist.
  return strict ? q : q.onConflictDoNothing();
}

export interface CapturePlanInput {
  ownerId: number;
  message: MessageRecord;
  extraMessages: MessageRecord[];
  events: ContactEvent[];
  notes: NoteRecord[];
  broadcast: boolean;
  defaultFollowUpDays: number;
  now: number;
}

/**
 * Every write of one captured mail, in order, for a single db.batch() (one transaction on D1).
 * Inbound events go before outbound ones, so a reply evidence's "they wrote" lands before "you answered".
 */
export function captureStatements(db: Db, input: CapturePlanInput): BatchItem<"sqlite">[] {
  const { ownerId, now } = input;
  const events = [...input.events].sort((a, b) => (a.direction === b.direction ? a.at - b.at : a.direction === "in" ? -1 : 1));
  const statements: BatchItem<"sqlite">[] = [insertMessages(db, ownerId, [input.message], now, true)];
  if (input.extraMessages.length) statements.push(insertMessages(db, ownerId, input.extraMessages, now, false));
  // One person at most once per statement: ON CONFLICT cannot update a row twice in one INSERT.
  const byDirection = (dir: "in" | "out") => {
    const seen = new Set<string>();
    return events
      .filter((e) => e.direction === dir && !seen.has(e.address) && seen.add(e.address))
      .map((e) => deltaFromEvent(e, input.defaultFollowUpDays));
  };
  statements.push(...upsertContacts(db, ownerId, byDirection("in"), now));
  statements.push(...upsertContacts(db, ownerId, byDirection("out"), now));
  statements.push(...insertInteractions(db, ownerId, events, input.broadcast));
  statements.push(...insertNotes(db, ownerId, input.notes, input.message.messageId, now));
  statements.push(...countActivity(db, ownerId, events, input.broadcast, input.message.at));
  return statements;
}

export function messageOnlyStatement(db: Db, ownerId: number, message: MessageRecord, now: number) {
  return insertMessages(db, ownerId, [message], now, true);
}

export interface MailEventInput {
  ownerId: number | null;
  kind: "ignored" | "dead-letter";
  at: number;
  envelopeFrom: string | null;
  envelopeTo: string | null;
  messageId: string | null;
  subject: string | null;
  reason: string;
  size: number | null;
}

export function mailEventStatement(db: Db, input: MailEventInput) {
  return db.insert(mailEvents).values({ ...input, subject: input.subject?.slice(0, 200) ?? null });
}
