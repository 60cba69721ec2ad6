// Named queries of the ingest path. Each mail's writes (or an import batch's) are built here as statements for one
// db.batch(). The SQL is drizzle's, written ahead of time (hot-queries.ts → hot-sql.ts): this module binds
// values only, so a mail does not load drizzle or the schema.
import { hasReplyPrefix, stripSubjectTags } from "../mail/subject";
import { domainKey, domainOf, isMailProvider, localKey, nameKey } from "../names";
import { DAY_MS, weekStartOf } from "../time";
import { HOT_SQL } from "./hot-sql";
import { chunk, JSON_LOOKUP_CHUNK, listParam } from "./limits";
import type { ContactDelta, ContactEvent, IntroducedPerson, MeetingSource, MessageKind, MessageRecord, NoteRecord, ReferralCredit } from "./records";
import { bind, jsonRows, readOf, readOne, readTogether, type Statement } from "./statements";

export interface ExistingContact {
  id: number;
  address: string;
  nameKey: string | null;
  mergedInto: number | null;
  inboundCount: number;
  outboundCount: number;
  lastAt: number | null;
  lastInboundAt: number | null;
  lastOutboundAt: number | null;
  lastYouAskedAt: number | null;
  lastYouAskedQuestion: boolean | null;
  lastYouAskedAdvice: boolean | null;
  lastTheyAskedAt: number | null;
  lastTheyGaveAt: number | null;
}

/**
 * The contacts with these addresses, those whose name_key is one of `nameKeys` (namesakes, ingest/namesakes.ts),
 * and those whose name begins with one of `firstNames` (a referrer named by first name and firm), each once.
 */
export async function findContactsByAddressOrName(
  d1: D1Database,
  ownerId: number,
  addresses: string[],
  { nameKeys, firstNames }: { nameKeys: string[]; firstNames: string[] } = { nameKeys: [], firstNames: [] },
): Promise<ExistingContact[]> {
  const byId = new Map<number, ExistingContact>();
  // One statement for a whole import batch's people (the lists as JSON parameters), not one per 90; a first name
  // is a range of the name index, one per statement (a mail names one referrer at most).
  const parts = chunk([...new Set(addresses)], JSON_LOOKUP_CHUNK);
  const names = chunk([...new Set(nameKeys)], JSON_LOOKUP_CHUNK);
  const firsts = [...new Set(firstNames)];
  const read = (i: number) =>
    readOf<ExistingContact>(d1, HOT_SQL.contactsByAddress, {
      ownerId,
      addresses: listParam(parts[i] ?? []),
      nameKeys: listParam(names[i] ?? []),
      firstNameFrom: firsts[i] ? `${firsts[i]} ` : "",
      firstNameTo: firsts[i] ? `${firsts[i]}!` : "",
    });
  // The lists' statements one at a time (an import batch's can be hundreds of rows); the few first names beyond
  // them, each a handful of rows, together in one round trip.
  const alone = Math.max(parts.length, names.length, Math.min(firsts.length, 1));
  const found: ExistingContact[][] = [];
  for (let i = 0; i < alone; i++) found.push(await readOne(read(i)));
  const more = firsts.slice(alone).map((_, k) => read(alone + k));
  if (more.length) found.push(...(await readTogether<ExistingContact[][]>(d1, more)));
  for (const rows of found) for (const row of rows) byId.set(row.id, row);
  return [...byId.values()];
}

/** Contacts read for a name a forward gives without an address: with this many namesakes, none is picked. */
export const NAMESAKES_READ = 20;

/**
 * The owner's one contact with exactly this name (case aside), or null when none or several have it: a
 * forwarded block that names its sender without an address is matched only when that leaves no doubt.
 */
export async function findContactByName(d1: D1Database, ownerId: number, name: string): Promise<{ address: string; name: string } | null> {
  const wanted = name.trim().toLowerCase();
  const key = nameKey(name);
  if (!wanted || !key) return null;
  // Read by name_key (the name normalised, which every spelling that differs only in case shares), then compared
  // here as written, case aside: "Holm, Anna" has Anna Holm's key but is not the name the forward gave.
  const rows = await readOne(readOf<{ address: string; name: string | null }>(d1, HOT_SQL.contactsByName, { ownerId, nameKey: key }));
  if (rows.length >= NAMESAKES_READ) return null;
  const matches = rows.filter((r) => r.name?.trim().toLowerCase() === wanted);
  return matches.length === 1 ? { address: matches[0].address, name: matches[0].name! } : null;
}

/** Which of these Message-IDs the owner already shared with the assistant. */
/** Which of these Message-IDs the owner's mail already holds, and as what kind of mail (a contact's thread reply…). */
export async function knownMessageIds(d1: D1Database, ownerId: number, ids: string[]): Promise<Map<string, MessageKind>> {
  const found = new Map<string, MessageKind>();
  for (const part of chunk([...new Set(ids)], JSON_LOOKUP_CHUNK)) {
    const rows = await readOne(readOf<{ messageId: string; kind: MessageKind }>(d1, HOT_SQL.knownMessageIds, { ownerId, ids: listParam(part) }));
    for (const r of rows) found.set(r.messageId, r.kind);
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
export async function threadStandings(d1: D1Database, input: { recipients: string[]; sender: string; messageIds: string[] }): Promise<ThreadStanding[]> {
  if (input.recipients.length === 0 || input.messageIds.length === 0) return [];
  const values = {
    ids: listParam(input.messageIds, THREAD_LOOKUP_IDS),
    sender: input.sender,
    recipients: listParam(input.recipients, THREAD_LOOKUP_RECIPIENTS),
  };
  return readOne(readOf<ThreadStanding>(d1, HOT_SQL.threadStandings, values));
}

/** An MTA retries a delivery for about five days (RFC 5321 §4.5.4.1): an ignored mail is looked for this far back. */
const REDELIVERY_WINDOW_MS = 7 * DAY_MS;

/**
 * Whether a contact's reply whose Message-ID the owner's mail already holds is that same mail delivered again:
 * the stored one is this sender's inbound mail, or an automated mail from this envelope sender ignored lately.
 */
export async function isSameSenderMail(
  d1: D1Database,
  input: { ownerId: number; messageId: string; sender: string; envelopeFrom: string; now: number },
): Promise<boolean> {
  const { now, ...values } = input;
  const rows = await readOne(readOf<{ same: boolean }>(d1, HOT_SQL.sameSenderMail, { ...values, since: now - REDELIVERY_WINDOW_MS }));
  return rows.length === 0 || rows[0].same;
}

/** Desk answers (deskAnswered) bound as one JSON parameter of one statement. */
const DESK_ANSWERS_PER_STATEMENT = 200;

/** How far apart the times of one mail may be: a forward's printed date has minutes and a guessed zone. */
export const SAME_MAIL_WINDOW_MS = 2 * 60 * 60 * 1000;
/** Snippets are compared on their start: a text part and its HTML twin can differ further on. */
export const SNIPPET_PREFIX_CHARS = 60;

/**
 * Whether this person already has this mail from another route: an inline forward carries no original
 * Message-ID, so a mail the owner BCC'd and later forwarded is recognised by direction, subject, the start
 * of its text and a time within SAME_MAIL_WINDOW_MS. Searched through interactions_contact_at.
 */
export async function hasSameMail(
  d1: D1Database,
  ownerId: number,
  e: { address: string; direction: "in" | "out"; at: number; subject: string | null; snippet: string | null },
): Promise<boolean> {
  const values = {
    ownerId,
    address: e.address,
    direction: e.direction,
    from: e.at - SAME_MAIL_WINDOW_MS,
    to: e.at + SAME_MAIL_WINDOW_MS,
    snippetStart: (e.snippet ?? "").slice(0, SNIPPET_PREFIX_CHARS),
  };
  const rows = e.subject === null
    ? await readOne(readOf(d1, HOT_SQL.sameMailWithoutSubject, values))
    : await readOne(readOf(d1, HOT_SQL.sameMailWithSubject, { ...values, subject: e.subject }));
  return rows.length > 0;
}

export async function listSuppressions(d1: D1Database, ownerId: number): Promise<string[]> {
  const rows = await readOne(readOf<{ pattern: string }>(d1, HOT_SQL.suppressions, { ownerId }));
  return rows.map((r) => r.pattern);
}

/**
 * A bounce marks an address only when the owner wrote to it this long before the report or less: MTAs give up on
 * a mail after about five days (RFC 5321 §4.5.4.1), and a report found in an imported mailbox is dated too.
 */
export const BOUNCE_WINDOW_MS = 30 * DAY_MS;

/** Mail less than this after the previous one continues the same conversation (PRODUCT.md, "Rhythm"). */
export const CONVERSATION_GAP_MS = 4 * DAY_MS;
/** A reply in the same thread continues the conversation for this long. */
export const THREAD_CONVERSATION_MS = 21 * DAY_MS;

export function contactRow(ownerId: number, d: ContactDelta, now: number) {
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
    statedCadenceDays: d.statedCadenceDays ?? null,
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
    lastYouAskedAdvice: o?.asked ? o.askedAdvice : null,
    promisedAt: o?.promised ? o.at : null,
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

export type ContactRow = ReturnType<typeof contactRow>;

/** People a contact introduced the owner to: a row that says who, before any mail of their own. */
function upsertIntroduced(d1: D1Database, ownerId: number, people: IntroducedPerson[], now: number): Statement[] {
  return people.map((p) =>
    bind(d1, HOT_SQL.introducedUpsert, {
      ownerId,
      address: p.address,
      name: p.name,
      nameKey: nameKey(p.name),
      localKey: localKey(p.address),
      domainKey: domainKey(p.address),
      introducedAt: p.at,
      introducedBy: p.by,
      now,
    }),
  );
}

type InteractionRow = ReturnType<typeof interactionRow>;

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

function insertNote(d1: D1Database, ownerId: number, n: NoteRecord, messageId: string, now: number): Statement {
  return bind(d1, HOT_SQL.noteInsert, { ownerId, address: n.address, body: n.body, messageId, now });
}

type WeekCounts = { sent: number; received: number; theyGave: number; youGave: number };
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
  kind: "ignored" | "dead-letter" | "answer-failed";
  at: number;
  envelopeFrom: string | null;
  envelopeTo: string | null;
  messageId: string | null;
  subject: string | null;
  reason: string;
  size: number | null;
};

const mailEventRow = (input: MailEventInput): MailEventInput => ({ ...input, subject: input.subject?.slice(0, 200) ?? null });

/**
 * The writes of one mail, or of a whole import batch, for a single db.batch() (one transaction on D1), gathered
 * by table: each table's rows go in one statement (statements.ts, jsonRows), so 100 imported mails write in about ten
 * statements rather than some three hundred. What depends on order keeps it: the contact rows are applied in the
 * order the mails came (inbound before outbound within a mail, the later mail seeing the earlier one's row), with
 * the people a mail introduced in their place between them; the rows of every other table keep their order too.
 * Interactions and notes find their contact by address after every contact is written, and weekly counts are sums.
 * Message ids go first, so a duplicate fails the batch before anything else runs.
 */
export class CaptureWrites {
  private readonly messages: Array<{ row: MessageRow; strict: boolean }> = [];
  /** Contact rows, and the upserts of people introduced, in the order they were written. */
  private readonly contactSteps: Array<ContactRow | ((d1: D1Database) => Statement[])> = [];
  private readonly interactions: InteractionRow[] = [];
  private readonly notes: Array<(d1: D1Database) => Statement> = [];
  private readonly weeks = new Map<number, WeekCounts>();
  private readonly events: MailEventInput[] = [];
  private readonly unreachables: Array<{ addresses: string[]; at: number; bounce: boolean }> = [];
  private readonly referrals: ReferralCredit[] = [];
  /** Inbound mail that may answer for a desk of its organisation (deskAnswered), written after every contact row. */
  private readonly deskAnswers: Array<{ address: string; domainKey: string; at: number; subject: string }> = [];

  private readonly ownerId: number;
  private readonly now: number;

  constructor(ownerId: number, now: number) {
    this.ownerId = ownerId;
    this.now = now;
  }

  /** Records the mail's Message-ID only (a plain INSERT: a second delivery is a duplicate). */
  claim(message: MessageRecord): void {
    this.messages.push({ row: messageRow(this.ownerId, message, this.now), strict: true });
  }

  mailEvent(input: MailEventInput): void {
    this.events.push(mailEventRow(input));
  }

  /** These of the owner's contacts were found not to reach the person at `at` (written after every contact row of the batch). */
  unreachable(addresses: string[], at: number): void {
    this.unreachables.push({ addresses, at, bounce: false });
  }

  /** A bounce at `at` failed for these addresses: those the owner wrote to shortly before it are marked (BOUNCE_WINDOW_MS). */
  bounced(addresses: string[], at: number): void {
    this.unreachables.push({ addresses, at, bounce: true });
  }

  /** The one who sent a newcomer (`address`) is credited with the referral, after every contact row of the batch. */
  referralCredit(credit: ReferralCredit): void {
    this.referrals.push(credit);
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
    if (input.introduced.length) this.contactSteps.push((d1) => upsertIntroduced(d1, ownerId, input.introduced, now));
    // A person answering, under the subject the owner wrote to their organisation's desk, answers for the desk: a
    // reply ("RE: <the owner's subject>"), once per person, from an organisation's own domain (not gmail.com).
    const answering = new Set<string>();
    for (const d of input.deltas) {
      const subject = d.inbound?.subject;
      if (!d.inbound || !subject || input.broadcast || answering.has(d.address) || !hasReplyPrefix(subject)) continue;
      if (isMailProvider(domainOf(d.address))) continue;
      answering.add(d.address);
      this.deskAnswers.push({ address: d.address, domainKey: domainKey(d.address), at: d.inbound.at, subject: stripSubjectTags(subject) });
    }
    for (const e of input.events) this.interactions.push(interactionRow(ownerId, e, input.broadcast));
    for (const n of input.notes) this.notes.push((d1) => insertNote(d1, ownerId, n, input.message.messageId, now));
    countActivity(this.weeks, input.events, input.broadcast, input.message.at);
  }

  statements(d1: D1Database): Statement[] {
    const out: Statement[] = [];
    // Runs of strict and tolerant message inserts, in order.
    for (let i = 0; i < this.messages.length; ) {
      const strict = this.messages[i].strict;
      let j = i;
      while (j < this.messages.length && this.messages[j].strict === strict) j++;
      const query = strict ? HOT_SQL.messageInserts : HOT_SQL.extraMessageInserts;
      out.push(...jsonRows(d1, query, this.messages.slice(i, j).map((m) => m.row)));
      i = j;
    }
    let rows: ContactRow[] = [];
    for (const step of this.contactSteps) {
      if (typeof step !== "function") {
        rows.push(step);
        continue;
      }
      out.push(...jsonRows(d1, HOT_SQL.contactUpserts, rows), ...step(d1));
      rows = [];
    }
    out.push(...jsonRows(d1, HOT_SQL.contactUpserts, rows));
    out.push(...jsonRows(d1, HOT_SQL.interactionInserts, this.interactions));
    for (const note of this.notes) out.push(note(d1));
    // Every week the batch touched (a mailbox out of date order touches many), its counts summed.
    const weeks = [...this.weeks].map(([weekStart, w]) => ({ ownerId: this.ownerId, weekStart, ...w }));
    out.push(...jsonRows(d1, HOT_SQL.activityCounts, weeks));
    out.push(...jsonRows(d1, HOT_SQL.mailEventInserts, this.events));
    for (const r of this.referrals) out.push(bind(d1, HOT_SQL.referralCredit, { ownerId: this.ownerId, now: this.now, ...r }));
    // A few hundred answers a statement: each is about 150 bytes of JSON, and a statement holds 100 KB.
    for (const part of chunk(this.deskAnswers, DESK_ANSWERS_PER_STATEMENT)) {
      const domainKeys = listParam(part.map((a) => a.domainKey));
      out.push(bind(d1, HOT_SQL.deskAnswered, { ownerId: this.ownerId, now: this.now, domainKeys, answers: JSON.stringify(part) }));
    }
    for (const { addresses, at, bounce } of this.unreachables) {
      const query = bounce ? HOT_SQL.bounceMarks : HOT_SQL.unreachableMarks;
      for (const part of chunk(addresses, JSON_LOOKUP_CHUNK)) out.push(bind(d1, query, { ownerId: this.ownerId, at, now: this.now, addresses: listParam(part) }));
    }
    return out;
  }
}

/** Every write of one captured mail, in order, for a single db.batch() (one transaction on D1). */
export function captureStatements(d1: D1Database, input: CapturePlanInput): Statement[] {
  const writes = new CaptureWrites(input.ownerId, input.now);
  writes.capture(input);
  return writes.statements(d1);
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

export function messageOnlyStatement(d1: D1Database, ownerId: number, message: MessageRecord, now: number): Statement {
  return jsonRows(d1, HOT_SQL.messageInserts, [messageRow(ownerId, message, now)])[0];
}

export function mailEventStatement(d1: D1Database, input: MailEventInput): Statement {
  return jsonRows(d1, HOT_SQL.mailEventInserts, [mailEventRow(input)])[0];
}
