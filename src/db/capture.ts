// Named queries of the ingest path. Each mail's writes (or an import batch's) are built here as statements for one db.batch().
import { and, eq, exists, gte, isNull, lte, sql, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { alias } from "drizzle-orm/sqlite-core";
import { domainKey, localKey, nameKey } from "../names";
import { DAY_MS, weekStartOf } from "../time";
import type { Db } from "./client";
import { chunk, JSON_LOOKUP_CHUNK, jsonList } from "./limits";
import { jsonRowsStatement, statementOf, type Statement } from "./prepared";
import type { ContactDelta, ContactEvent, IntroducedPerson, MeetingSource, MessageRecord, NoteRecord } from "./records";
import { contacts, interactions, mailEvents, messages, notes, ownerAddresses, suppressions, weeklyActivity } from "./schema";

export interface ExistingContact {
  id: number;
  address: string;
  inboundCount: number;
  outboundCount: number;
  lastAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  lastYouAskedAt: number | null;
  lastYouAskedQuestion: boolean | null;
  lastTheyAskedAt: number | null;
  lastTheyGaveAt: number | null;
}

export async function findContactsByAddress(db: Db, ownerId: number, addresses: string[]): Promise<ExistingContact[]> {
  const out: ExistingContact[] = [];
  // One statement for a whole import batch's people (the list as one JSON parameter), not one per 90.
  for (const part of chunk([...new Set(addresses)], JSON_LOOKUP_CHUNK)) {
    const rows = await db
      .select({
        id: contacts.id,
        address: contacts.address,
        inboundCount: contacts.inboundCount,
        outboundCount: contacts.outboundCount,
        lastAt: contacts.lastAt,
        lastInboundAt: contacts.lastInboundAt,
        lastOutboundAt: contacts.lastOutboundAt,
        lastYouAskedAt: contacts.lastYouAskedAt,
        lastYouAskedQuestion: contacts.lastYouAskedQuestion,
        lastTheyAskedAt: contacts.lastTheyAskedAt,
        lastTheyGaveAt: contacts.lastTheyGaveAt,
      })
      .from(contacts)
      .where(and(eq(contacts.ownerId, ownerId), sql`${contacts.address} in ${jsonList(part)}`));
    out.push(...rows);
  }
  return out;
}

/**
 * The owner's one contact with exactly this name (case aside), or null when none or several have it: a
 * forwarded block that names its sender without an address is matched only when that leaves no doubt.
 */
export async function findContactByName(db: Db, ownerId: number, name: string): Promise<{ address: string; name: string } | null> {
  const wanted = name.trim().toLowerCase();
  if (!wanted) return null;
  // SQLite's lower() folds ASCII only; names are compared again here in full Unicode.
  const rows = await db
    .select({ address: contacts.address, name: contacts.name })
    .from(contacts)
    .where(and(eq(contacts.ownerId, ownerId), sql`lower(trim(${contacts.name})) = lower(${name.trim()})`))
    .limit(2);
  const matches = rows.filter((r) => r.name?.trim().toLowerCase() === wanted);
  return matches.length === 1 ? { address: matches[0].address, name: matches[0].name! } : null;
}

/** Which of these Message-IDs the owner already shared with the assistant. */
export async function knownMessageIds(db: Db, ownerId: number, ids: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunk([...new Set(ids)], JSON_LOOKUP_CHUNK)) {
    const rows = await db
      .select({ messageId: messages.messageId })
      .from(messages)
      .where(and(eq(messages.ownerId, ownerId), sql`${messages.messageId} in ${jsonList(part)}`));
    for (const r of rows) found.add(r.messageId);
  }
  return found;
}

/** A thread lookup reads at most this many Message-IDs; In-Reply-To comes first, so a long References loses its oldest. */
export const THREAD_LOOKUP_IDS = 100;
/** …and at most this many recipients, when looking for the owners a reply was written to. */
export const THREAD_LOOKUP_RECIPIENTS = 100;

/** Where a reply stands with one owner it was written to. */
export interface ThreadStanding {
  ownerId: number;
  /** The owner address among the reply's recipients. */
  recipient: string;
  /** The owner shared one of the referenced mails with the assistant. */
  sharedThread: boolean;
  /** The sender took part in one of those mails: a contact of this owner with an interaction for its Message-ID. */
  senderTookPart: boolean;
}

// The lists travel as one JSON parameter each (jsonList), so one statement stays within D1's 100 bound
// parameters however many recipients and references a mail names.

/**
 * For each owner among a reply's recipients: whether they shared the referenced mail, and whether the sender
 * took part in it. One statement. Every subquery is bound to that owner's id and searched through
 * messages_owner_message_id, contacts_owner_address and interactions_unique, so nothing crosses owners.
 */
const samePerson = alias(contacts, "same_person");

export async function threadStandings(db: Db, input: { recipients: string[]; sender: string; messageIds: string[] }): Promise<ThreadStanding[]> {
  if (input.recipients.length === 0 || input.messageIds.length === 0) return [];
  const ids = jsonList(input.messageIds, THREAD_LOOKUP_IDS);
  const rows = await db
    .select({
      ownerId: ownerAddresses.ownerId,
      recipient: ownerAddresses.address,
      sharedThread: exists(
        db
          .select({ one: sql`1` })
          .from(messages)
          .where(and(eq(messages.ownerId, ownerAddresses.ownerId), sql`${messages.messageId} in ${ids}`)),
      ).mapWith(Boolean),
      // The sender, or another address of the same person (`same`): Anna answering from Gmail a thread her
      // work address took part in.
      senderTookPart: exists(
        db
          .select({ one: sql`1` })
          .from(contacts)
          .innerJoin(samePerson, and(eq(samePerson.ownerId, contacts.ownerId), sql`coalesce(${samePerson.mergedInto}, ${samePerson.id}) = coalesce(${contacts.mergedInto}, ${contacts.id})`))
          .innerJoin(interactions, and(eq(interactions.ownerId, samePerson.ownerId), eq(interactions.contactId, samePerson.id)))
          .where(and(eq(contacts.ownerId, ownerAddresses.ownerId), eq(contacts.address, input.sender), sql`${interactions.messageId} in ${ids}`)),
      ).mapWith(Boolean),
    })
    .from(ownerAddresses)
    .where(sql`${ownerAddresses.address} in ${jsonList(input.recipients, THREAD_LOOKUP_RECIPIENTS)}`);
  return rows;
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

/** Mail less than this after the previous one continues the same conversation (PRODUCT.md, "Rhythm"). */
export const CONVERSATION_GAP_MS = 4 * DAY_MS;
/** A reply in the same thread continues the conversation for this long. */
export const THREAD_CONVERSATION_MS = 21 * DAY_MS;

function contactRow(ownerId: number, d: ContactDelta, now: number) {
  const i = d.inbound;
  // An announcement counts as mail sent and nothing more: every "last" time and the follow-up stay as they were.
  const o = d.outbound?.announcement ? null : d.outbound;
  const mail = d.meeting ? 0 : 1;
  const sentCount = d.outbound ? mail : 0;
  const touched = i !== null || o !== null;
  return {
    ownerId,
    address: d.address,
    name: d.name,
    nameKey: nameKey(d.name),
    localKey: localKey(d.address),
    domainKey: domainKey(d.address),
    circle: d.private ? ("private" as const) : ("professional" as const),
    muted: false,
    firstAt: d.at,
    lastAt: touched ? d.at : null,
    firstInboundAt: i?.at ?? null,
    lastInboundAt: i?.at ?? null,
    lastInboundSubject: i?.subject ?? null,
    firstOutboundAt: d.outbound?.at ?? null,
    lastOutboundAt: o?.at ?? null,
    lastOutboundSubject: o?.subject ?? null,
    inboundCount: i ? mail : 0,
    outboundCount: sentCount,
    meetingCount: d.meeting ? 1 : 0,
    lastMeetingAt: d.meeting ? d.at : null,
    lastMeetingSubject: d.meeting?.title ?? null,
    theyGaveCount: i?.gift ? 1 : 0,
    youGaveCount: o?.gave ? 1 : 0,
    lastTheyGaveAt: i?.gift ? i.at : null,
    lastTheyGaveSubject: i?.gift ? i.subject : null,
    lastTheyGaveKind: i?.gift?.kind ?? null,
    lastTheyGaveDetail: i?.gift?.detail ?? null,
    lastYouThankedAt: o?.thanks ? o.at : null,
    lastTheyAskedAt: i?.request ? i.at : null,
    lastTheyAskedSubject: i?.request ? i.subject : null,
    lastYouAskedAt: o?.asked ? o.at : null,
    lastYouAskedQuestion: o?.asked ? o.askedQuestion : null,
    introducedAt: i?.referredBy ? i.at : null,
    introducedBy: null,
    followUpSince: o?.followUp ? o.at : null,
    followUpDueAt: o?.followUp?.dueAt ?? null,
    followUpSubject: o?.followUp ? o.subject : null,
    followUpReason: o?.followUp?.reason ?? null,
    unansweredOutbound: o?.followUp ? 1 : 0,
    conversationCount: touched ? 1 : 0,
    lastConversationAt: touched ? d.at : null,
    lastThreadId: touched ? d.threadId : null,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The pending follow-up (since, due, subject, reason) moves as one. A new outbound mail that expects an
 * answer (newer than any word from them) starts or renews the wait. A later outbound mail that expects none
 * (a confirmation after a call, a thank-you) means the owner has moved on: it ends the wait. A word from them
 * at or after the pending mail settles it.
 */
/** A personal outbound mail that expects no answer, newer than the pending one: the owner has moved on. */
const endsTheWait = sql`${ex("outbound_count")} > 0 and ${ex("follow_up_since")} is null and ${ex("last_outbound_at")} > coalesce(${cur("follow_up_since")}, 0)`;

const followUpField = (column: string) => sql`case
    when ${ex("follow_up_since")} is not null and ${ex("follow_up_since")} > coalesce(${cur("last_inbound_at")}, 0)
         and ${ex("follow_up_since")} >= coalesce(${cur("follow_up_since")}, 0) then ${ex(column)}
    when ${endsTheWait} then null
    when ${ex("last_inbound_at")} is not null and ${ex("last_inbound_at")} >= coalesce(${cur("follow_up_since")}, 0) then null
    else ${cur(column)} end`;

/**
 * A mail more than CONVERSATION_GAP_MS after the latest one starts a new conversation, unless it answers in the
 * same thread within THREAD_CONVERSATION_MS (a reply after two weeks away is still the same exchange).
 */
const startsConversation = sql`(${ex("last_at")} > coalesce(${cur("last_at")}, 0) + ${CONVERSATION_GAP_MS}
    and not (${ex("last_thread_id")} is not null and ${ex("last_thread_id")} = ${cur("last_thread_id")}
             and ${ex("last_at")} <= ${cur("last_at")} + ${THREAD_CONVERSATION_MS}))`;

/**
 * The contact aggregates, updated in SQL so that concurrent mails for one person cannot lose each
 * other's counts, and so that mail arriving out of order (a late forward, an import) still leaves the
 * latest times and subjects in place. The digest reads only these columns, never the interactions.
 */
const contactUpsertSet = {
  name: sql`case when ${ex("inbound_count")} > 0 and ${ex("name")} is not null then ${ex("name")} else coalesce(${cur("name")}, ${ex("name")}) end`,
  // The key follows the name it was made from.
  nameKey: sql`case when ${ex("inbound_count")} > 0 and ${ex("name")} is not null then ${ex("name_key")} when ${cur("name")} is not null then ${cur("name_key")} else ${ex("name_key")} end`,
  circle: sql`case when ${ex("circle")} = 'private' then 'private' else ${cur("circle")} end`,
  // Before last_at moves: whether this mail starts a new conversation is judged against the previous one.
  conversationCount: sql`${cur("conversation_count")} + case when ${startsConversation} then 1 else 0 end`,
  lastConversationAt: sql`case when ${startsConversation} then ${ex("last_at")} else coalesce(${cur("last_conversation_at")}, ${ex("last_at")}) end`,
  lastThreadId: latest("last_at", "last_thread_id"),
  firstAt: minOf(cur("first_at"), ex("first_at")),
  lastAt: maxOf(cur("last_at"), ex("last_at")),
  firstInboundAt: minOf(cur("first_inbound_at"), ex("first_inbound_at")),
  lastInboundSubject: latest("last_inbound_at", "last_inbound_subject"),
  lastInboundAt: maxOf(cur("last_inbound_at"), ex("last_inbound_at")),
  firstOutboundAt: minOf(cur("first_outbound_at"), ex("first_outbound_at")),
  lastOutboundSubject: latest("last_outbound_at", "last_outbound_subject"),
  lastOutboundAt: maxOf(cur("last_outbound_at"), ex("last_outbound_at")),
  inboundCount: sql`${cur("inbound_count")} + ${ex("inbound_count")}`,
  meetingCount: sql`${cur("meeting_count")} + ${ex("meeting_count")}`,
  lastMeetingSubject: latest("last_meeting_at", "last_meeting_subject"),
  lastMeetingAt: maxOf(cur("last_meeting_at"), ex("last_meeting_at")),
  outboundCount: sql`${cur("outbound_count")} + ${ex("outbound_count")}`,
  theyGaveCount: sql`${cur("they_gave_count")} + ${ex("they_gave_count")}`,
  youGaveCount: sql`${cur("you_gave_count")} + ${ex("you_gave_count")}`,
  lastTheyGaveSubject: latest("last_they_gave_at", "last_they_gave_subject"),
  lastTheyGaveKind: latest("last_they_gave_at", "last_they_gave_kind"),
  lastTheyGaveDetail: latest("last_they_gave_at", "last_they_gave_detail"),
  lastTheyGaveAt: maxOf(cur("last_they_gave_at"), ex("last_they_gave_at")),
  lastYouThankedAt: maxOf(cur("last_you_thanked_at"), ex("last_you_thanked_at")),
  lastTheyAskedSubject: latest("last_they_asked_at", "last_they_asked_subject"),
  lastTheyAskedAt: maxOf(cur("last_they_asked_at"), ex("last_they_asked_at")),
  lastYouAskedQuestion: latest("last_you_asked_at", "last_you_asked_question"),
  lastYouAskedAt: maxOf(cur("last_you_asked_at"), ex("last_you_asked_at")),
  introducedAt: minOf(cur("introduced_at"), ex("introduced_at")),
  followUpSubject: followUpField("follow_up_subject"),
  // A nudge renews the wait but not its reason: the chain still waits for an answer to the first mail.
  followUpReason: sql`case
    when ${ex("follow_up_since")} is not null and ${cur("follow_up_since")} is not null
         and ${cur("follow_up_since")} > coalesce(${cur("last_inbound_at")}, 0)
         and ${ex("follow_up_since")} > ${cur("follow_up_since")} then ${cur("follow_up_reason")}
    else ${followUpField("follow_up_reason")} end`,
  followUpDueAt: followUpField("follow_up_due_at"),
  followUpSince: followUpField("follow_up_since"),
  unansweredOutbound: sql`case
    when ${ex("follow_up_since")} is not null and ${ex("follow_up_since")} > coalesce(${cur("last_inbound_at")}, 0) then ${cur("unanswered_outbound")} + 1
    when ${endsTheWait} then 0
    when ${ex("last_inbound_at")} is not null and ${ex("last_inbound_at")} >= coalesce(${cur("last_outbound_at")}, 0) then 0
    else ${cur("unanswered_outbound")} end`,
  updatedAt: sql`${ex("updated_at")}`,
};

type ContactRow = ReturnType<typeof contactRow>;
/** The contact upsert as drizzle writes it, for a meeting (rare). */
function contactUpsert(db: Db, rows: ContactRow[]) {
  return db.insert(contacts).values(rows).onConflictDoUpdate({ target: [contacts.ownerId, contacts.address], set: contactUpsertSet });
}

const contactUpserts = jsonRowsStatement<ContactRow>(contacts, (db, rows) =>
  db.insert(contacts).select(rows).onConflictDoUpdate({ target: [contacts.ownerId, contacts.address], set: contactUpsertSet }),
);

/** People a contact introduced the owner to: a row that says who, before any mail of their own. */
function upsertIntroduced(db: Db, ownerId: number, people: IntroducedPerson[], now: number): Statement[] {
  return people.map((p) =>
    statementOf(db, db
      .insert(contacts)
      .values({
        ownerId,
        address: p.address,
        name: p.name,
        nameKey: nameKey(p.name),
        localKey: localKey(p.address),
        domainKey: domainKey(p.address),
        introducedAt: p.at,
        introducedBy: p.by,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [contacts.ownerId, contacts.address],
        set: {
          name: sql`coalesce(${cur("name")}, ${ex("name")})`,
          nameKey: sql`case when ${cur("name")} is not null then ${cur("name_key")} else ${ex("name_key")} end`,
          introducedBy: sql`case when ${cur("introduced_at")} is null or ${ex("introduced_at")} < ${cur("introduced_at")} then ${ex("introduced_by")} else ${cur("introduced_by")} end`,
          introducedAt: minOf(cur("introduced_at"), ex("introduced_at")),
        },
      })),
  );
}

type InteractionRow = ReturnType<typeof interactionRow>;
// The contact row is written earlier in the same batch, so its id is found by address.
const interactionInserts = jsonRowsStatement<InteractionRow>(interactions, (db, rows) => db.insert(interactions).select(rows).onConflictDoNothing(), {
  computed: { contactId: (field) => sql`(select id from contacts where owner_id = ${field("ownerId")} and address = ${field("address")})` },
  extra: ["address"],
});

function interactionRow(ownerId: number, e: ContactEvent, broadcast: boolean) {
  return {
    ownerId,
    address: e.address,
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
  };
}

function insertNote(db: Db, ownerId: number, n: NoteRecord, messageId: string, now: number): Statement {
  return statementOf(db, db.insert(notes).values({
    ownerId,
    contactId: sql`(select id from contacts where owner_id = ${ownerId} and address = ${n.address})`,
    body: n.body,
    source: "forward",
    messageId,
    createdAt: now,
  }));
}

type WeekCounts = { sent: number; received: number; theyGave: number; youGave: number };
const activityCounts = jsonRowsStatement<{ ownerId: number; weekStart: number } & WeekCounts>(weeklyActivity, (db, rows) =>
  db
    .insert(weeklyActivity)
    .select(rows)
    .onConflictDoUpdate({
      target: [weeklyActivity.ownerId, weeklyActivity.weekStart],
      set: {
        sent: sql`sent + excluded.sent`,
        received: sql`received + excluded.received`,
        theyGave: sql`they_gave + excluded.they_gave`,
        youGave: sql`you_gave + excluded.you_gave`,
      },
    }),
);

/** Adds one mail's activity to `weeks`: per ISO week, one mail sent or received counts once, however many people it went to. */
function countActivity(weeks: Map<number, WeekCounts>, events: ContactEvent[], broadcast: boolean, at: number): void {
  const week = (t: number) => {
    let w = weeks.get(weekStartOf(t));
    if (!w) weeks.set(weekStartOf(t), (w = { sent: 0, received: 0, theyGave: 0, youGave: 0 }));
    return w;
  };
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.messageId}|${e.direction}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const w = week(e.at);
    if (e.direction === "out") {
      w.sent++;
      if (e.intent.giving) w.youGave++;
    } else {
      w.received++;
      if (e.intent.giving) w.theyGave++;
    }
  }
  if (broadcast) week(at).sent++;
}

type MessageRow = { ownerId: number; messageId: string; threadId: string | null; kind: MessageRecord["kind"]; at: number; subject: string | null; receivedAt: number };
// The first message is the mail itself: a plain INSERT, so that a duplicate delivery racing this one fails the
// unique index and rolls the whole batch back. Extra ids (originals) may already exist.
const messageInserts = jsonRowsStatement<MessageRow>(messages, (db, rows) => db.insert(messages).select(rows));
const extraMessageInserts = jsonRowsStatement<MessageRow>(messages, (db, rows) => db.insert(messages).select(rows).onConflictDoNothing());

const messageRow = (ownerId: number, m: MessageRecord, now: number): MessageRow => ({ ownerId, messageId: m.messageId, threadId: m.threadId, kind: m.kind, at: m.at, subject: m.subject, receivedAt: now });

export interface CapturePlanInput {
  ownerId: number;
  message: MessageRecord;
  extraMessages: MessageRecord[];
  /** The events as judged (ingest/judge.ts): one interaction each. */
  events: ContactEvent[];
  /** What they change on each person's row, in event order. */
  deltas: ContactDelta[];
  introduced: IntroducedPerson[];
  notes: NoteRecord[];
  broadcast: boolean;
  now: number;
}

export type MailEventInput = {
  ownerId: number | null;
  kind: "ignored" | "dead-letter";
  at: number;
  envelopeFrom: string | null;
  envelopeTo: string | null;
  messageId: string | null;
  subject: string | null;
  reason: string;
  size: number | null;
};

const mailEventInserts = jsonRowsStatement<MailEventInput>(mailEvents, (db, rows) => db.insert(mailEvents).select(rows));
const mailEventRow = (input: MailEventInput): MailEventInput => ({ ...input, subject: input.subject?.slice(0, 200) ?? null });

/**
 * The writes of one mail, or of a whole import batch, for a single db.batch() (one transaction on D1), gathered
 * by table: each table's rows go in one statement (jsonRowsStatement), so 100 imported mails write in about ten
 * statements rather than some three hundred. What depends on order keeps it: the contact rows are applied in the
 * order the mails came (inbound before outbound within a mail, the later mail seeing the earlier one's row), with
 * the people a mail introduced in their place between them; the rows of every other table keep their order too.
 * Interactions and notes find their contact by address after every contact is written, and weekly counts are sums.
 * Message ids go first, so a duplicate fails the batch before anything else runs.
 */
export class CaptureWrites {
  private readonly messages: Array<{ row: MessageRow; strict: boolean }> = [];
  /** Contact rows, and the upserts of people introduced, in the order they were written. */
  private readonly contactSteps: Array<ContactRow | ((db: Db) => Statement[])> = [];
  private readonly interactions: InteractionRow[] = [];
  private readonly notes: Array<(db: Db) => Statement> = [];
  private readonly weeks = new Map<number, WeekCounts>();
  private readonly events: MailEventInput[] = [];

  constructor(private readonly ownerId: number, private readonly now: number) {}

  /** Records the mail's Message-ID only (a plain INSERT: a second delivery is a duplicate). */
  claim(message: MessageRecord): void {
    this.messages.push({ row: messageRow(this.ownerId, message, this.now), strict: true });
  }

  mailEvent(input: MailEventInput): void {
    this.events.push(mailEventRow(input));
  }

  /** Every write of one captured mail. Inbound deltas go before outbound ones, so a reply evidence's "they wrote" lands before "you answered". */
  capture(input: CapturePlanInput): void {
    const { ownerId, now } = input;
    this.claim(input.message);
    for (const m of input.extraMessages) this.messages.push({ row: messageRow(ownerId, m, now), strict: false });
    // A mail updates each person's row once per direction, with their first delta in it.
    const byDirection = (inbound: boolean) => {
      const seen = new Set<string>();
      return input.deltas
        .filter((d) => !!d.inbound === inbound && !seen.has(d.address) && seen.add(d.address))
        .sort((a, b) => a.at - b.at)
        .map((d) => contactRow(ownerId, d, now));
    };
    this.contactSteps.push(...byDirection(true), ...byDirection(false));
    if (input.introduced.length) this.contactSteps.push((db) => upsertIntroduced(db, ownerId, input.introduced, now));
    for (const e of input.events) this.interactions.push(interactionRow(ownerId, e, input.broadcast));
    for (const n of input.notes) this.notes.push((db) => insertNote(db, ownerId, n, input.message.messageId, now));
    countActivity(this.weeks, input.events, input.broadcast, input.message.at);
  }

  statements(db: Db): Statement[] {
    const out: Statement[] = [];
    // Runs of strict and tolerant message inserts, in order.
    for (let i = 0; i < this.messages.length; ) {
      const strict = this.messages[i].strict;
      let j = i;
      while (j < this.messages.length && this.messages[j].strict === strict) j++;
      out.push(...(strict ? messageInserts : extraMessageInserts)(db, this.messages.slice(i, j).map((m) => m.row)));
      i = j;
    }
    let rows: ContactRow[] = [];
    for (const step of this.contactSteps) {
      if (typeof step !== "function") {
        rows.push(step);
        continue;
      }
      out.push(...contactUpserts(db, rows), ...step(db));
      rows = [];
    }
    out.push(...contactUpserts(db, rows));
    out.push(...interactionInserts(db, this.interactions));
    for (const note of this.notes) out.push(note(db));
    // Every week the batch touched (a mailbox out of date order touches many), its counts summed.
    out.push(...activityCounts(db, [...this.weeks].map(([weekStart, w]) => ({ ownerId: this.ownerId, weekStart, ...w }))));
    out.push(...mailEventInserts(db, this.events));
    return out;
  }
}

/** Every write of one captured mail, in order, for a single db.batch() (one transaction on D1). */
export function captureStatements(db: Db, input: CapturePlanInput): Statement[] {
  const writes = new CaptureWrites(input.ownerId, input.now);
  writes.capture(input);
  return writes.statements(db);
}

export interface MeetingInput {
  address: string;
  name: string | null;
  at: number;
  title: string | null;
  source: MeetingSource;
  /** Stands in for a Message-ID: one meeting (a `met` line, a calendar occurrence) is stored once. */
  key: string;
  now: number;
}

/**
 * A meeting that has happened, through the same contact upsert as a mail: contact both ways at its time. It
 * settles what a word from them settles (a follow-up) and what a word to them settles (a request, a thanks
 * owed for help), starts or continues a conversation, and is kept as one interaction of kind "meeting".
 */
export function meetingStatements(db: Db, ownerId: number, m: MeetingInput): BatchItem<"sqlite">[] {
  const delta: ContactDelta = {
    address: m.address,
    name: m.name,
    private: false,
    at: m.at,
    threadId: null,
    meeting: { title: m.title },
    inbound: { at: m.at, subject: m.title, gift: null, request: false, referredBy: false },
    outbound: { at: m.at, subject: m.title, gave: false, thanks: false, asked: false, askedQuestion: false, followUp: null, announcement: false },
  };
  return [
    contactUpsert(db, [contactRow(ownerId, delta, m.now)]),
    db
      .insert(interactions)
      .values({
        ownerId,
        contactId: sql`(select id from contacts where owner_id = ${ownerId} and address = ${m.address})`,
        at: m.at,
        direction: "out",
        kind: "meeting",
        subject: m.title,
        messageId: m.key,
        source: m.source,
      })
      .onConflictDoNothing(),
  ];
}

export function messageOnlyStatement(db: Db, ownerId: number, message: MessageRecord, now: number): Statement {
  return messageInserts(db, [messageRow(ownerId, message, now)])[0];
}

export function mailEventStatement(db: Db, input: MailEventInput): Statement {
  return mailEventInserts(db, [mailEventRow(input)])[0];
}
