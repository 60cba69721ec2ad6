import { sql } from "drizzle-orm";
import { index, primaryKey, integer, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { ITEM_HORIZON_DAYS, MAX_FOLLOW_UP_DAYS, MAX_NUDGES, MIN_CONVERSATIONS_TO_RECONNECT, MIN_HISTORY_DAYS_TO_RECONNECT, MIN_HISTORY_DAYS_TO_RECONNECT_AFTER_A_GIFT } from "../rhythm";
import { DAY_MS } from "../time";
import { INFERRED_CADENCE_SQL } from "./inferred-cadence";

// Every table but owner_addresses carries owner_id, and every query filters on it: no query crosses owners.
// Times are integer milliseconds since the epoch (UTC); the owner's time zone only matters when rendering.

export const owners = sqliteTable("owners", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  primaryAddress: text("primary_address").notNull().unique(),
  name: text("name"),
  // SHA-256 hex of the API token: a leaked database does not leak working tokens.
  apiTokenHash: text("api_token_hash").notNull().unique(),
  timeZone: text("time_zone").notNull().default("Europe/Copenhagen"),
  language: text("language", { enum: ["en", "da"] }).notNull().default("en"),
  // ISO weekday, 1 = Monday … 7 = Sunday, and local hour 0–23.
  digestWeekday: integer("digest_weekday").notNull().default(1),
  digestHour: integer("digest_hour").notNull().default(8),
  paused: integer("paused", { mode: "boolean" }).notNull().default(false),
  // Default cadence per circle in days; null means "infer from the contact's own history".
  cadenceProfessionalDays: integer("cadence_professional_days"),
  cadencePrivateDays: integer("cadence_private_days"),
  followUpDays: integer("follow_up_days").notNull().default(7),
  // ISO week ("2026-W48") of the last digest sent, so a second cron run in the same week sends nothing.
  lastDigestWeek: text("last_digest_week"),
  // When the hourly job should next look at this owner (UTC ms): their next weekday and hour, or a lease while
  // their digest is in the queue. 0 means "work it out": new owners and changed schedules. Indexed, so the
  // hourly job reads only the owners who are due (digest/fanout.ts).
  nextDigestAt: integer("next_digest_at").notNull().default(0),
  // The owner's time zone's offsets from UTC over some years (JSON, zone-clock.ts ZoneOffsets), as the runtime's
  // Intl gave them at a digest: the next digests work out the owner's clock without loading ICU. Null: not yet.
  zoneOffsets: text("zone_offsets"),
  createdAt: integer("created_at").notNull(),
}, (t) => [index("owners_next_digest").on(t.paused, t.nextDigestAt)]);

export const ownerAddresses = sqliteTable(
  "owner_addresses",
  {
    address: text("address").primaryKey(),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    isPrimary: integer("is_primary", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [index("owner_addresses_owner").on(t.ownerId)],
);

const DEBT_UNTIL_SQL = sql.raw(
  `max(coalesce(last_they_gave_at, 0), coalesce(last_they_asked_at, 0), coalesce(follow_up_due_at, follow_up_since + ${MAX_FOLLOW_UP_DAYS * DAY_MS}, 0)) + ${ITEM_HORIZON_DAYS * DAY_MS}`,
);
const QUIET_FROM_SQL = sql.raw(
  // A meeting is contact both ways (meeting_count counts on each side, as in decide.ts).
  `case when last_at is not null and inbound_count + meeting_count > 0 and outbound_count + meeting_count > 0 and conversation_count >= ${MIN_CONVERSATIONS_TO_RECONNECT}` +
    ` and (coalesce(last_conversation_at, last_at) - coalesce(first_at, last_at) >= ${MIN_HISTORY_DAYS_TO_RECONNECT * DAY_MS}` +
    ` or (they_gave_count > 0 and last_you_thanked_at is not null and last_at - coalesce(first_at, last_at) >= ${MIN_HISTORY_DAYS_TO_RECONNECT_AFTER_A_GIFT * DAY_MS}))` +
    ` and unanswered_outbound < ${MAX_NUDGES + 1} then max(last_at, coalesce(done_at, last_at)) end`,
);
// The owner's rhythm for the contact, else the one their mail states ("our monthly letter"), else the inferred one; a
// circle's rhythm set by the owner comes between the first two and is read at query time (digest-store.ts).
const QUIET_AT_SQL = sql.raw(
  `quiet_from + (coalesce(case when cadence_days > 0 then cadence_days end, case when stated_cadence_days > 0 then stated_cadence_days end, ${INFERRED_CADENCE_SQL}) - 1) * ${DAY_MS}`,
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    address: text("address").notNull(),
    name: text("name"),
    // Index keys for names, written with the row in code (src/names.ts, where the Unicode rules live): the name
    // normalised and turned round ("Holm, Anna" → "anna holm"), and the address's local part read as a name of
    // two words or more ("anna.holm@…" → "anna holm"). Name look-ups and the digest's "same person?" use them.
    nameKey: text("name_key"),
    localKey: text("local_key"),
    // The domain with its labels turned round ("dk.winther.mail"): `ignore @winther.dk` reads one index range.
    domainKey: text("domain_key"),
    circle: text("circle", { enum: ["professional", "private"] }).notNull().default("professional"),
    muted: integer("muted", { mode: "boolean" }).notNull().default(false),
    // Explicit cadence in days set by the owner (`cadence anna@x.dk monthly`).
    cadenceDays: integer("cadence_days"),
    // The rhythm their mail states ("our monthly letter", "vi ses første torsdag i måneden"), in days: below the owner's
    // own settings, above the rhythm inferred from history. The latest mail that states one decides.
    statedCadenceDays: integer("stated_cadence_days"),
    snoozedUntil: integer("snoozed_until"),

    // Aggregates kept up to date on every write, so the digest reads contacts and never scans interactions.
    firstAt: integer("first_at"),
    lastAt: integer("last_at"),
    firstInboundAt: integer("first_inbound_at"),
    lastInboundAt: integer("last_inbound_at"),
    lastInboundSubject: text("last_inbound_subject"),
    firstOutboundAt: integer("first_outbound_at"),
    lastOutboundAt: integer("last_outbound_at"),
    lastOutboundSubject: text("last_outbound_subject"),
    inboundCount: integer("inbound_count").notNull().default(0),
    outboundCount: integer("outbound_count").notNull().default(0),
    // Give and take, named by who gave: mails where they gave the owner something (an introduction, a
    // referral, what the owner asked for, help), and mails where the owner gave them something.
    theyGaveCount: integer("they_gave_count").notNull().default(0),
    youGaveCount: integer("you_gave_count").notNull().default(0),
    // Their latest gift: when, the mail's subject, what kind, and what it was ("Tom Becker", "slides.pdf").
    lastTheyGaveAt: integer("last_they_gave_at"),
    lastTheyGaveSubject: text("last_they_gave_subject"),
    lastTheyGaveKind: text("last_they_gave_kind", { enum: ["introduction", "referral", "asked-for", "help"] }),
    lastTheyGaveDetail: text("last_they_gave_detail"),
    lastYouThankedAt: integer("last_you_thanked_at"),
    // Their latest real request; it is open while no outbound mail is later than it.
    lastTheyAskedAt: integer("last_they_asked_at"),
    lastTheyAskedSubject: text("last_they_asked_subject"),
    // The owner's latest request to them: an attachment or link they send after it is what was asked for.
    lastYouAskedAt: integer("last_you_asked_at"),
    // Whether that request was a question (advice, information): a substantial reply to it is an answer given.
    lastYouAskedQuestion: integer("last_you_asked_question", { mode: "boolean" }),
    // …and whether it asked for know-how ("which invoicing program do you use?"): a brief answer to it is help given.
    lastYouAskedAdvice: integer("last_you_asked_advice", { mode: "boolean" }),
    // The owner's latest mail to them, when it answered their open ask only with a promise ("I'll write properly at
    // the weekend"): until the owner writes again, the ask is still theirs (digest/decide.ts helpDue).
    promisedAt: integer("promised_at"),
    // Someone in the owner's network introduced them (or they said who sent them): they belong to the
    // network even before the owner has written to them.
    introducedAt: integer("introduced_at"),
    introducedBy: text("introduced_by"),
    // Pending follow-up: the outbound mail awaiting an answer, why it expects one, and when to nudge.
    followUpSince: integer("follow_up_since"),
    followUpDueAt: integer("follow_up_due_at"),
    followUpSubject: text("follow_up_subject"),
    followUpReason: text("follow_up_reason", { enum: ["first-contact", "question", "proposal", "reminder"] }),
    // Outbound mails in a row with no inbound since; the first is the outreach, the rest are nudges.
    unansweredOutbound: integer("unanswered_outbound").notNull().default(0),
    // Conversations: mail less than a few days after the previous one continues the same conversation. The
    // rhythm of a tie is the typical gap between conversation starts, not between single mails.
    conversationCount: integer("conversation_count").notNull().default(0),
    lastConversationAt: integer("last_conversation_at"),
    // The thread of the latest mail: a late reply in the same thread still continues the conversation.
    lastThreadId: text("last_thread_id"),
    // "done": everything open about this person up to this time is settled, in every section.
    doneAt: integer("done_at"),
    // When this address was last found not to reach the person: a mail to it bounced for good (a delivery report the
    // owner forwarded or imported), or the person wrote from a new address under the same name (store.ts). No
    // follow-up or reconnect is suggested to it until it writes again.
    unreachableAt: integer("unreachable_at"),
    // What the latest digest showed of them: section, the evidence's time, how many digests in a row showed
    // that same evidence, and when. A reminder shown often without action rests (decide.ts).
    shownSection: text("shown_section", { enum: ["thank", "help", "follow-up", "reconnect"] }),
    shownEvidenceAt: integer("shown_evidence_at"),
    shownCount: integer("shown_count").notNull().default(0),
    lastShownAt: integer("last_shown_at"),
    // Meetings (a `met` line, a calendar invitation once its start has passed): contact both ways, counted
    // apart from mail so "mails sent" stays true. The latest one's time and title are its evidence.
    meetingCount: integer("meeting_count").notNull().default(0),
    lastMeetingAt: integer("last_meeting_at"),
    lastMeetingSubject: text("last_meeting_subject"),
    // `same a@x.dk b@y.dk`: this address is one more address of that contact (the person). The row keeps
    // its own mail and aggregates, so `split` gives it back as it was; readers fold a person's rows.
    mergedInto: integer("merged_into"),
    // `split`: the person this address was taken from, so the digest never suggests joining them again.
    splitFrom: integer("split_from"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),

    // Due columns, computed by SQLite from the columns above (never written): the earliest moment a rule of
    // digest/decide.ts could find this person due, so the digest reads only the contacts that can be due, by
    // index, instead of decoding them all. They are lower bounds (a day early, whole windows): decide.ts still
    // makes every decision, so the digest is the same as reading every contact.
    // Thank, help and follow-up are open until ITEM_HORIZON_DAYS after their evidence (or due date).
    debtUntil: integer("debt_until").generatedAlwaysAs(DEBT_UNTIL_SQL, { mode: "virtual" }),
    // A tie that can go quiet (two-way, a history of conversations, not left after MAX_NUDGES nudges): quiet since.
    quietFrom: integer("quiet_from").generatedAlwaysAs(QUIET_FROM_SQL, { mode: "virtual" }),
    // … and quiet for a day less than its own rhythm (explicit, or inferred as decide.ts infers it).
    quietAt: real("quiet_at").generatedAlwaysAs(QUIET_AT_SQL, { mode: "virtual" }),
  },
  (t) => [
    uniqueIndex("contacts_owner_address").on(t.ownerId, t.address),
    index("contacts_owner_last_at").on(t.ownerId, t.lastAt),
    index("contacts_owner_merged_into").on(t.ownerId, t.mergedInto),
    index("contacts_owner_debt_until").on(t.ownerId, t.debtUntil),
    index("contacts_owner_quiet_at").on(t.ownerId, t.quietAt),
    index("contacts_owner_quiet_from").on(t.ownerId, t.quietFrom),
    index("contacts_owner_name_key").on(t.ownerId, t.nameKey),
    index("contacts_owner_local_key").on(t.ownerId, t.localKey),
    index("contacts_owner_domain_key").on(t.ownerId, t.domainKey),
  ],
);

// One row per distinct mail per owner: dedupes BCC + forward + retries, and lets replies find their thread.
export const messages = sqliteTable(
  "messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    messageId: text("message_id").notNull(),
    threadId: text("thread_id"),
    kind: text("kind", {
      enum: ["bcc", "forward", "thread-reply", "reply-evidence", "command", "import", "ignored", "calendar"],
    }).notNull(),
    at: integer("at").notNull(),
    subject: text("subject"),
    receivedAt: integer("received_at").notNull(),
  },
  (t) => [uniqueIndex("messages_owner_message_id").on(t.ownerId, t.messageId)],
);

export const interactions = sqliteTable(
  "interactions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    at: integer("at").notNull(),
    direction: text("direction", { enum: ["in", "out"] }).notNull(),
    subject: text("subject"),
    snippet: text("snippet"),
    isThanks: integer("is_thanks", { mode: "boolean" }).notNull().default(false),
    isRequest: integer("is_request", { mode: "boolean" }).notNull().default(false),
    isGiving: integer("is_giving", { mode: "boolean" }).notNull().default(false),
    isOutreach: integer("is_outreach", { mode: "boolean" }).notNull().default(false),
    messageId: text("message_id").notNull(),
    threadId: text("thread_id"),
    source: text("source", {
      enum: ["bcc", "forward", "thread-reply", "reply-evidence", "import", "command", "calendar"],
    }).notNull(),
    // A meeting (`met`, a calendar invitation) is contact both ways; it is stored once, as direction "out".
    kind: text("kind", { enum: ["mail", "meeting"] }).notNull().default("mail"),
    // File names only, JSON array: attachments themselves are never stored.
    attachments: text("attachments"),
    broadcast: integer("broadcast", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    uniqueIndex("interactions_unique").on(t.ownerId, t.contactId, t.messageId, t.direction),
    index("interactions_contact_at").on(t.ownerId, t.contactId, t.at),
    // Deleting a contact (forget) checks its foreign keys by contact_id alone.
    index("interactions_contact").on(t.contactId),
    // forget: is anyone else in this message? One probe per message of the forgotten person.
    index("interactions_owner_message").on(t.ownerId, t.messageId, t.contactId),
  ],
);

export const notes = sqliteTable(
  "notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    source: text("source", { enum: ["forward", "command"] }).notNull(),
    messageId: text("message_id"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("notes_owner_contact").on(t.ownerId, t.contactId), index("notes_contact").on(t.contactId)],
);

// Mail the assistant accepted but did not turn into contacts: automated mail it ignored, and mail that failed.
// The digest counts both, so nothing accepted disappears without the owner hearing of it.
export const mailEvents = sqliteTable(
  "mail_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id").references(() => owners.id, { onDelete: "cascade" }),
    // "digest-failed": the weekly digest could not be sent after every retry (the queue's dead letter).
    // "answer-failed": the mail was handled (its commands ran, or it was stored), but the answer to it could not be sent.
    kind: text("kind", { enum: ["ignored", "dead-letter", "digest-failed", "answer-failed"] }).notNull(),
    at: integer("at").notNull(),
    envelopeFrom: text("envelope_from"),
    envelopeTo: text("envelope_to"),
    messageId: text("message_id"),
    subject: text("subject"),
    reason: text("reason").notNull(),
    size: integer("size"),
  },
  (t) => [index("mail_events_owner_at").on(t.ownerId, t.at)],
);

// `ignore @newsletter.com`: an address or a whole domain that never becomes a contact again.
export const suppressions = sqliteTable(
  "suppressions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    pattern: text("pattern").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [uniqueIndex("suppressions_owner_pattern").on(t.ownerId, t.pattern)],
);

export const digests = sqliteTable(
  "digests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    isoWeek: text("iso_week").notNull(),
    sentAt: integer("sent_at").notNull(),
    subject: text("subject").notNull(),
    // Null until the mail is handed to send_email (set just before, and to the id Cloudflare gave it after).
    messageId: text("message_id"),
    // The hourly job's digest for `isoWeek`. The row is its claim, written before the mail is sent: the unique
    // index lets one weekly digest per owner and week exist, so a redelivered queue message or a second cron
    // run never sends it twice. A failed send deletes the row, releasing the claim for the retry.
    weekly: integer("weekly", { mode: "boolean" }).notNull().default(false),
    // When the claim was written, by the clock of the invocation that wrote it (`sentAt` is the hourly run's time).
    // A claim with no Message-ID yet that is older than CLAIM_LEASE_MS belongs to an invocation that died before
    // it sent (a CPU limit, an evicted isolate): another delivery may take it over (digest-store.ts, weeklyClaim).
    claimedAt: integer("claimed_at"),
    // "status": the numbered list a `status` line answered with; its numbers work like a digest's, but it is
    // no digest (not counted as one, nothing marked as shown).
    kind: text("kind", { enum: ["digest", "status"] }).notNull().default("digest"),
  },
  (t) => [
    index("digests_owner_sent").on(t.ownerId, t.sentAt),
    uniqueIndex("digests_weekly_claim").on(t.ownerId, t.isoWeek).where(sql`weekly = 1`),
  ],
);

export const digestItems = sqliteTable(
  "digest_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    digestId: integer("digest_id")
      .notNull()
      .references(() => digests.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind", { enum: ["thank", "help", "follow-up", "reconnect"] }).notNull(),
    contactId: integer("contact_id")
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
    circle: text("circle", { enum: ["professional", "private"] }).notNull(),
    evidenceAt: integer("evidence_at"),
    evidenceSubject: text("evidence_subject"),
  },
  (t) => [uniqueIndex("digest_items_number").on(t.digestId, t.number), index("digest_items_contact").on(t.contactId)],
);

// Sent and received per owner per ISO week, kept at ingest so the digest's activity picture reads 12 rows.
export const weeklyActivity = sqliteTable(
  "weekly_activity",
  {
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    // Monday 00:00 UTC of the ISO week, in ms.
    weekStart: integer("week_start").notNull(),
    sent: integer("sent").notNull().default(0),
    received: integer("received").notNull().default(0),
    // Mails in which they gave the owner something, and in which the owner gave someone something.
    theyGave: integer("they_gave").notNull().default(0),
    youGave: integer("you_gave").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.weekStart] })],
);

// Calendar invitations the owner sent or forwarded: one row per event (or per changed occurrence of a series,
// recurrence_id its original start; 0 for the event itself). A meeting counts once its start has passed:
// counted_until says how far its occurrences have been counted into the contacts.
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ownerId: integer("owner_id")
      .notNull()
      .references(() => owners.id, { onDelete: "cascade" }),
    uid: text("uid").notNull(),
    recurrenceId: integer("recurrence_id").notNull().default(0),
    sequence: integer("sequence").notNull().default(0),
    startAt: integer("start_at").notNull(),
    title: text("title"),
    // JSON [{ address, name }]: the people it is with, without the owner, rooms and resources.
    attendees: text("attendees").notNull(),
    // More than MAX_MEETING_ATTENDEES people: an event, counted once in the activity picture.
    large: integer("large", { mode: "boolean" }).notNull().default(false),
    // A recurring series: its VCALENDAR, to expand occurrences as they pass.
    ics: text("ics"),
    cancelled: integer("cancelled", { mode: "boolean" }).notNull().default(false),
    countedUntil: integer("counted_until"),
    // When something of it is next to count (its start, a series' next occurrence); null when nothing is
    // left. The digest reads only the rows due, through meetings_owner_due.
    nextDueAt: integer("next_due_at"),
    messageId: text("message_id"),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [uniqueIndex("meetings_owner_uid").on(t.ownerId, t.uid, t.recurrenceId), index("meetings_owner_due").on(t.ownerId, t.nextDueAt)],
);

export type Owner = typeof owners.$inferSelect;
export type Contact = typeof contacts.$inferSelect;
export type Interaction = typeof interactions.$inferSelect;
export type Note = typeof notes.$inferSelect;
export type MailEvent = typeof mailEvents.$inferSelect;
export type Digest = typeof digests.$inferSelect;
export type WeeklyActivity = typeof weeklyActivity.$inferSelect;
export type DigestItem = typeof digestItems.$inferSelect;

export type Meeting = typeof meetings.$inferSelect;
