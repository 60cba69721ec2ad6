// The statements of the paths a fresh worker must start quickly, as drizzle writes them from the schema, each
// with a placeholder where a value goes: every mail (capture.ts, owner-lookup.ts), the hourly sweep
// (digest/sweep.ts) and the digest queue's consumer (digest-store.ts, people-read.ts, due-meetings.ts).
// `npm run hot-sql` writes their SQL into hot-sql.ts, which is what those paths bind (statements.ts): they never
// load drizzle. test/unit/hot-sql.test.ts checks the two agree. Meetings (the `met` command, calendar
// invitations) build their writes here at run time, through the same contact upsert.
import { and, asc, desc, eq, exists, getTableColumns, gt, gte, inArray, isNull, lt, lte, or, sql, type Query, type SQL } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { alias } from "drizzle-orm/sqlite-core";
import { BOUNCE_WINDOW_MS, contactRow, CONVERSATION_GAP_MS, NAMESAKES_READ, SNIPPET_PREFIX_CHARS, THREAD_CONVERSATION_MS, type ContactRow, type MeetingInput } from "./capture";
import { ROLE_LOCAL_PARTS } from "../names";
import type { Db } from "./client";
import { compiledQuery, compiledRead, jsonList, jsonRowsQuery, tableColumns } from "./prepared";
import type { ContactDelta } from "./records";
import { contacts, digestItems, digests, interactions, mailEvents, meetings, messages, notes, ownerAddresses, owners, suppressions, weeklyActivity } from "./schema";
import type { CompiledQuery, TableColumns } from "./statements";

const p = sql.placeholder;

// SQLite's scalar min()/max() return NULL when any argument is NULL; these keep the other value.
const minOf = (a: SQL, b: SQL) => sql`coalesce(min(${a}, ${b}), ${a}, ${b})`;
const maxOf = (a: SQL, b: SQL) => sql`coalesce(max(${a}, ${b}), ${a}, ${b})`;
const ex = (column: string) => sql.raw(`excluded.${column}`);
const cur = (column: string) => sql.raw(`"contacts"."${column}"`);
/** The newer of two (time, value) pairs: keep the value that belongs to the later time. */
const latest = (timeColumn: string, valueColumn: string) =>
  sql`case when ${ex(timeColumn)} is not null and ${ex(timeColumn)} >= coalesce(${cur(timeColumn)}, 0) then ${ex(valueColumn)} else ${cur(valueColumn)} end`;

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
  // A mail that states a rhythm replaces the one stated before; one that states none leaves it.
  statedCadenceDays: sql`coalesce(${ex("stated_cadence_days")}, ${cur("stated_cadence_days")})`,
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
  lastYouAskedAdvice: latest("last_you_asked_at", "last_you_asked_advice"),
  lastYouAskedAt: maxOf(cur("last_you_asked_at"), ex("last_you_asked_at")),
  // The owner's latest mail to them decides: a promise keeps their ask open, anything later written ends that.
  promisedAt: latest("last_outbound_at", "promised_at"),
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

const existingContactFields = {
  id: contacts.id,
  address: contacts.address,
  nameKey: contacts.nameKey,
  mergedInto: contacts.mergedInto,
  inboundCount: contacts.inboundCount,
  outboundCount: contacts.outboundCount,
  lastAt: contacts.lastAt,
  lastInboundAt: contacts.lastInboundAt,
  lastOutboundAt: contacts.lastOutboundAt,
  lastYouAskedAt: contacts.lastYouAskedAt,
  lastYouAskedQuestion: contacts.lastYouAskedQuestion,
  lastYouAskedAdvice: contacts.lastYouAskedAdvice,
  lastTheyAskedAt: contacts.lastTheyAskedAt,
  lastTheyGaveAt: contacts.lastTheyGaveAt,
};

const samePerson = alias(contacts, "same_person");

/** A person's own row, not an address merged into another person's: the rows a person-level list reads. */
const isOwnPerson = sql`${contacts.mergedInto} is null`;

/** A contact's id, by address, within the owner: for rows written after the contact in the same batch. */
const contactIdOf = (ownerId: SQL | ReturnType<typeof p>, address: SQL | ReturnType<typeof p>) =>
  sql`(select id from contacts where owner_id = ${ownerId} and address = ${address})`;

/** Every statement of the hot paths, by the name capture.ts, owner-lookup.ts, digest/sweep.ts and the digest's stores use. */
export function hotQueries(db: Db) {
  const ownerOf = db.select({ id: ownerAddresses.ownerId }).from(ownerAddresses).where(eq(ownerAddresses.address, p("address")));
  const ownerColumns = getTableColumns(owners);
  const sameMail = (subject: SQL) => {
    const fields = { id: interactions.id };
    return compiledRead(
      fields,
      db
        .select(fields)
        .from(interactions)
        .innerJoin(contacts, eq(contacts.id, interactions.contactId))
        .where(
          and(
            eq(contacts.ownerId, p("ownerId")),
            eq(contacts.address, p("address")),
            eq(interactions.ownerId, p("ownerId")),
            eq(interactions.direction, p("direction")),
            gte(interactions.at, p("from")),
            lte(interactions.at, p("to")),
            subject,
            sql`substr(coalesce(${interactions.snippet}, ''), 1, ${SNIPPET_PREFIX_CHARS}) = ${p("snippetStart")}`,
          ),
        )
        .limit(1),
    );
  };
  const standingFields = {
    ownerId: ownerAddresses.ownerId,
    recipient: ownerAddresses.address,
    sharedThread: exists(
      db
        .select({ one: sql`1` })
        .from(messages)
        .where(and(eq(messages.ownerId, ownerAddresses.ownerId), sql`${messages.messageId} in ${jsonList(p("ids"))}`)),
    ).mapWith(Boolean),
    // The sender, or another address of the same person (`same`): Anna answering from Gmail a thread her
    // work address took part in.
    senderTookPart: exists(
      db
        .select({ one: sql`1` })
        .from(contacts)
        .innerJoin(samePerson, and(eq(samePerson.ownerId, contacts.ownerId), sql`coalesce(${samePerson.mergedInto}, ${samePerson.id}) = coalesce(${contacts.mergedInto}, ${contacts.id})`))
        .innerJoin(interactions, and(eq(interactions.ownerId, samePerson.ownerId), eq(interactions.contactId, samePerson.id)))
        .where(and(eq(contacts.ownerId, ownerAddresses.ownerId), eq(contacts.address, p("sender")), sql`${interactions.messageId} in ${jsonList(p("ids"))}`)),
    ).mapWith(Boolean),
  };
  const sameSenderFields = {
    same: sql<boolean>`${exists(
      db
        .select({ one: sql`1` })
        .from(interactions)
        .innerJoin(contacts, eq(contacts.id, interactions.contactId))
        .where(and(eq(interactions.ownerId, p("ownerId")), eq(interactions.messageId, p("messageId")), eq(interactions.direction, "in"), eq(contacts.address, p("sender")))),
    )} or ${exists(
      db
        .select({ one: sql`1` })
        .from(mailEvents)
        .where(and(eq(mailEvents.ownerId, p("ownerId")), gte(mailEvents.at, p("since")), eq(mailEvents.messageId, p("messageId")), eq(mailEvents.envelopeFrom, p("envelopeFrom")))),
    )}`.mapWith(Boolean),
  };
  const addressField = { address: ownerAddresses.address };
  const nameFields = { address: contacts.address, name: contacts.name };
  const messageIdFields = { messageId: messages.messageId, kind: messages.kind };
  const patternField = { pattern: suppressions.pattern };
  const eventCountFields = { kind: mailEvents.kind, n: sql<number>`count(*)` };
  // The owner's people, each once (their own row), muted ones left out.
  const ownPeople = and(eq(contacts.ownerId, p("ownerId")), isOwnPerson, eq(contacts.muted, false));
  const named = { id: contacts.id, name: contacts.name, address: contacts.address, splitFrom: contacts.splitFrom };
  const newcomer = { ...named, firstAt: contacts.firstAt, firstOutboundAt: contacts.firstOutboundAt, introducedAt: contacts.introducedAt };

  return {
    // The owner one of whose addresses this is, with all their addresses: every mail starts here.
    ownerByAddress: compiledRead(ownerColumns, db.select().from(owners).where(inArray(owners.id, ownerOf))),
    addressesByAddress: compiledRead(addressField, db.select(addressField).from(ownerAddresses).where(inArray(ownerAddresses.ownerId, ownerOf))),
    ownerById: compiledRead(ownerColumns, db.select().from(owners).where(eq(owners.id, p("ownerId")))),
    addressesOfOwner: compiledRead(addressField, db.select(addressField).from(ownerAddresses).where(eq(ownerAddresses.ownerId, p("ownerId")))),

    // The people of a mail, and everyone who shares a name with one of them: someone writing from a new address
    // under a name the owner knows (ingest/namesakes.ts). One statement, a union of two index reads
    // (contacts_owner_address, contacts_owner_name_key): SQLite reads an OR of the two by scanning the owner's rows.
    contactsByAddress: compiledRead(
      existingContactFields,
      db
        .select(existingContactFields)
        .from(contacts)
        .where(and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.address} in ${jsonList(p("addresses"))}`))
        .union(
          db
            .select(existingContactFields)
            .from(contacts)
            .where(and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.nameKey} in ${jsonList(p("nameKeys"))}`)),
        )
        // …and everyone of one first name, by a range of contacts_owner_name_key ("rikke " < key < "rikke!"): the
        // referrer a newcomer names by first name and firm ("Rikke fra Brandhouse"). An empty range reads nothing.
        .union(
          db
            .select(existingContactFields)
            .from(contacts)
            .where(and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.nameKey} > ${p("firstNameFrom")}`, sql`${contacts.nameKey} < ${p("firstNameTo")}`)),
        ),
    ),
    // By contacts_owner_name_key; capture.ts then compares the names themselves. (Matching lower(trim(name)) read
    // the owner's every contact when nobody had the name.)
    contactsByName: compiledRead(
      nameFields,
      db
        .select(nameFields)
        .from(contacts)
        .where(and(eq(contacts.ownerId, p("ownerId")), eq(contacts.nameKey, p("nameKey"))))
        .limit(NAMESAKES_READ),
    ),
    knownMessageIds: compiledRead(
      messageIdFields,
      db
        .select(messageIdFields)
        .from(messages)
        .where(and(eq(messages.ownerId, p("ownerId")), sql`${messages.messageId} in ${jsonList(p("ids"))}`)),
    ),
    // Every subquery is bound to the recipient owner's id, so nothing crosses owners (capture.ts, threadStandings).
    threadStandings: compiledRead(
      standingFields,
      db
        .select(standingFields)
        .from(ownerAddresses)
        .where(sql`${ownerAddresses.address} in ${jsonList(p("recipients"))}`),
    ),
    // A contact's reply whose Message-ID is stored already: the same mail again when this sender's inbound mail holds
    // it (an interaction of theirs, by interactions_owner_message) or an automated mail of this envelope sender was
    // ignored under it lately (mail_events, by mail_events_owner_at from `since`).
    sameSenderMail: compiledRead(sameSenderFields, db.select(sameSenderFields).from(messages).where(and(eq(messages.ownerId, p("ownerId")), eq(messages.messageId, p("messageId"))))),
    sameMailWithSubject: sameMail(eq(interactions.subject, p("subject"))),
    sameMailWithoutSubject: sameMail(isNull(interactions.subject)),
    suppressions: compiledRead(patternField, db.select(patternField).from(suppressions).where(eq(suppressions.ownerId, p("ownerId")))),

    // The first message is the mail itself: a plain INSERT, so that a duplicate delivery racing this one fails the
    // unique index and rolls the whole batch back. Extra ids (originals) may already exist.
    messageInserts: jsonRowsQuery(db, messages, (db, rows) => db.insert(messages).select(rows)),
    extraMessageInserts: jsonRowsQuery(db, messages, (db, rows) => db.insert(messages).select(rows).onConflictDoNothing()),
    contactUpserts: jsonRowsQuery(db, contacts, (db, rows) =>
      db.insert(contacts).select(rows).onConflictDoUpdate({ target: [contacts.ownerId, contacts.address], set: contactUpsertSet }),
    ),
    // People a contact introduced the owner to: a row that says who, before any mail of their own.
    introducedUpsert: compiledQuery(
      db
        .insert(contacts)
        .values({
          ownerId: p("ownerId"),
          address: p("address"),
          name: p("name"),
          nameKey: p("nameKey"),
          localKey: p("localKey"),
          domainKey: p("domainKey"),
          introducedAt: p("introducedAt"),
          introducedBy: p("introducedBy"),
          createdAt: p("now"),
          updatedAt: p("now"),
        })
        .onConflictDoUpdate({
          target: [contacts.ownerId, contacts.address],
          set: {
            name: sql`coalesce(${cur("name")}, ${ex("name")})`,
            nameKey: sql`case when ${cur("name")} is not null then ${cur("name_key")} else ${ex("name_key")} end`,
            introducedBy: sql`case when ${cur("introduced_at")} is null or ${ex("introduced_at")} < ${cur("introduced_at")} then ${ex("introduced_by")} else ${cur("introduced_by")} end`,
            introducedAt: minOf(cur("introduced_at"), ex("introduced_at")),
          },
        }),
    ),
    // The contact row is written earlier in the same batch, so its id is found by address.
    interactionInserts: jsonRowsQuery(db, interactions, (db, rows) => db.insert(interactions).select(rows).onConflictDoNothing(), {
      computed: { contactId: (field) => contactIdOf(field("ownerId"), field("address")) },
      extra: ["address"],
    }),
    noteInsert: compiledQuery(
      db.insert(notes).values({
        ownerId: p("ownerId"),
        contactId: contactIdOf(p("ownerId"), p("address")),
        body: p("body"),
        source: "forward",
        messageId: p("messageId"),
        createdAt: p("now"),
      }),
    ),
    activityCounts: jsonRowsQuery(db, weeklyActivity, (db, rows) =>
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
    ),
    mailEventInserts: jsonRowsQuery(db, mailEvents, (db, rows) => db.insert(mailEvents).select(rows)),
    // A referral the owner learns of from the newcomer it sent ("Per Thomsen sagde, at jeg skulle skrive til dig"):
    // credited to the referrer's own row, which that mail does not otherwise touch. No interaction: they wrote nothing.
    referralCredit: compiledQuery(
      db
        .update(contacts)
        .set({
          theyGaveCount: sql`${contacts.theyGaveCount} + 1`,
          lastTheyGaveSubject: sql`case when ${p("at")} >= coalesce(${contacts.lastTheyGaveAt}, 0) then ${p("subject")} else ${contacts.lastTheyGaveSubject} end`,
          lastTheyGaveKind: sql`case when ${p("at")} >= coalesce(${contacts.lastTheyGaveAt}, 0) then 'referral' else ${contacts.lastTheyGaveKind} end`,
          lastTheyGaveDetail: sql`case when ${p("at")} >= coalesce(${contacts.lastTheyGaveAt}, 0) then ${p("detail")} else ${contacts.lastTheyGaveDetail} end`,
          lastTheyGaveAt: sql`max(coalesce(${contacts.lastTheyGaveAt}, 0), ${p("at")})`,
          updatedAt: sql`${p("now")}`,
        })
        .where(and(eq(contacts.ownerId, p("ownerId")), eq(contacts.address, p("address")))),
    ),
    // Desks answered by a person: the owner asked events@hotel.example, and raj@hotel.example answered under the
    // same subject. The desk's follow-up is settled. One statement for a mail's or an import batch's answers (a JSON
    // list of {domainKey, address, at, subject}), read through contacts_owner_domain_key: the desks' colleagues only.
    deskAnswered: compiledQuery(
      db
        .update(contacts)
        .set({ followUpSince: null, followUpDueAt: null, followUpSubject: null, followUpReason: null, unansweredOutbound: 0, updatedAt: sql`${p("now")}` })
        .where(
          and(
            eq(contacts.ownerId, p("ownerId")),
            sql`${contacts.domainKey} in ${jsonList(p("domainKeys"))}`,
            sql`substr(${contacts.address}, 1, instr(${contacts.address}, '@') - 1) in (${sql.raw(ROLE_LOCAL_PARTS.map((w) => `'${w}'`).join(", "))})`,
            sql`exists (select 1 from json_each(${p("answers")}) as a where a.value ->> 'domainKey' = ${contacts.domainKey}
              and a.value ->> 'address' <> ${contacts.address} and ${contacts.followUpSince} <= a.value ->> 'at'
              and ${contacts.followUpSubject} = a.value ->> 'subject')`,
          ),
        ),
    ),
    // Addresses found not to reach the person (a bounce, or a new address under the same name), among the owner's contacts only.
    unreachableMarks: compiledQuery(
      db
        .update(contacts)
        .set({ unreachableAt: sql`max(coalesce(${contacts.unreachableAt}, 0), ${p("at")})`, updatedAt: sql`${p("now")}` })
        .where(and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.address} in ${jsonList(p("addresses"))}`)),
    ),
    // A bounce marks only the addresses the owner's own mail went to shortly before it (BOUNCE_WINDOW_MS): a report
    // is about a mail the owner sent, and anyone can write one naming anyone. Checked in the same statement, through
    // interactions_contact_at, so it costs no round trip.
    bounceMarks: compiledQuery(
      db
        .update(contacts)
        .set({ unreachableAt: sql`max(coalesce(${contacts.unreachableAt}, 0), ${p("at")})`, updatedAt: sql`${p("now")}` })
        .where(
          and(
            eq(contacts.ownerId, p("ownerId")),
            sql`${contacts.address} in ${jsonList(p("addresses"))}`,
            exists(
              db
                .select({ one: sql`1` })
                .from(interactions)
                .where(
                  and(
                    eq(interactions.ownerId, contacts.ownerId),
                    eq(interactions.contactId, contacts.id),
                    gte(interactions.at, sql`${p("at")} - ${BOUNCE_WINDOW_MS}`),
                    lte(interactions.at, p("at")),
                    eq(interactions.direction, "out"),
                    eq(interactions.kind, "mail"),
                  ),
                ),
            ),
          ),
        ),
    ),

    // The hourly sweep's one statement: up to `limit` unpaused owners whose next digest time has come, marked with
    // a lease (next_digest_at = leaseUntil) in the same statement, so a second run within the lease does not pick
    // them again. Reads only due owners, by index (owners_next_digest). It spans owners: it touches their schedule,
    // never their data.
    leaseDueOwners: compiledRead(
      { id: owners.id },
      db
        .update(owners)
        .set({ nextDigestAt: sql`${p("leaseUntil")}` })
        .where(
          inArray(
            owners.id,
            db
              .select({ id: owners.id })
              .from(owners)
              .where(and(eq(owners.paused, false), lte(owners.nextDigestAt, p("now"))))
              .orderBy(asc(owners.nextDigestAt))
              .limit(p("limit")),
          ),
        )
        .returning({ id: owners.id }),
    ),
    // The owner's zone's offsets, renewed by a digest (zone-clock.ts), in the batch that records it.
    ownerZoneOffsets: compiledQuery(db.update(owners).set({ zoneOffsets: sql`${p("zoneOffsets")}` }).where(eq(owners.id, p("ownerId")))),

    // The digest queue's consumer (digest-store.ts): a job that finds its owner not due moves their next look.
    nextDigestAt: compiledQuery(db.update(owners).set({ nextDigestAt: sql`${p("at")}` }).where(eq(owners.id, p("ownerId")))),
    // The week's digest: the claim (the row, or nothing when it exists), the reads it is built from, and once
    // sent, its items, what each person was shown and the week done, in one batch; or the claim released.
    // The row when this delivery holds the claim: a new one, or one taken over from a delivery that died before
    // it handed the mail to send_email (no Message-ID, claimed before `staleBefore`). Nothing otherwise.
    weeklyClaim: compiledRead(
      getTableColumns(digests),
      db
        .insert(digests)
        .values({ ownerId: p("ownerId"), isoWeek: p("isoWeek"), sentAt: p("sentAt"), subject: "", weekly: true, claimedAt: p("claimedAt") })
        .onConflictDoUpdate({
          target: [digests.ownerId, digests.isoWeek],
          targetWhere: sql`weekly = 1`,
          set: { sentAt: sql`excluded.sent_at`, claimedAt: sql`excluded.claimed_at` },
          setWhere: and(isNull(digests.messageId), lte(sql`coalesce(${digests.claimedAt}, ${digests.sentAt})`, p("staleBefore"))),
        })
        .returning(),
    ),
    // The week's claim as it stands after weeklyClaim, in the same batch: sent (or being handed to send_email), or
    // held by another delivery that has not got that far.
    weeklyClaimHeld: compiledRead(
      { id: digests.id, messageId: digests.messageId },
      db
        .select({ id: digests.id, messageId: digests.messageId })
        .from(digests)
        .where(and(eq(digests.ownerId, p("ownerId")), eq(digests.isoWeek, p("isoWeek")), eq(digests.weekly, true))),
    ),
    dueMeetings: compiledRead(
      getTableColumns(meetings),
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.ownerId, p("ownerId")), lte(meetings.nextDueAt, p("now")), eq(meetings.cancelled, false))),
    ),
    activityRows: compiledRead(
      getTableColumns(weeklyActivity),
      db
        .select()
        .from(weeklyActivity)
        .where(and(eq(weeklyActivity.ownerId, p("ownerId")), gte(weeklyActivity.weekStart, p("from")), lt(weeklyActivity.weekStart, p("until"))))
        .orderBy(weeklyActivity.weekStart),
    ),
    eventCounts: compiledRead(
      eventCountFields,
      db
        .select(eventCountFields)
        .from(mailEvents)
        .where(
          and(
            eq(mailEvents.ownerId, p("ownerId")),
            gt(mailEvents.at, sql`coalesce((select max(${digests.sentAt}) from ${digests} where ${digests.ownerId} = ${p("ownerId")} and ${digests.messageId} is not null), 0)`),
          ),
        )
        .groupBy(mailEvents.kind),
    ),
    // Newcomers of the week, by contacts_owner_last_at (first contact this week means last contact this week too).
    newcomers: compiledRead(
      newcomer,
      db
        .select(newcomer)
        .from(contacts)
        .where(and(ownPeople, gt(contacts.lastAt, p("since")), gt(contacts.firstAt, p("since")))),
    ),
    // The keys go in as JSON arrays, so a week of a thousand newcomers is still one statement (D1 counts statements
    // per invocation): an index search per key on each of the two indexes (each OR term names the owner, so SQLite
    // serves each from its own index, a MULTI-INDEX OR), and a person found by both comes once.
    namesakes: compiledRead(
      named,
      db
        .select(named)
        .from(contacts)
        .where(
          and(
            or(
              and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.nameKey} in (select value from json_each(${p("nameKeys")}))`),
              and(eq(contacts.ownerId, p("ownerId")), sql`${contacts.localKey} in (select value from json_each(${p("localKeys")}))`),
            ),
            isOwnPerson,
            eq(contacts.muted, false),
          ),
        ),
    ),
    digestSent: compiledQuery(
      db
        .update(digests)
        .set({ messageId: sql`${p("messageId")}`, subject: sql`${p("subject")}` })
        .where(eq(digests.id, p("digestId"))),
    ),
    digestItemInserts: jsonRowsQuery(db, digestItems, (db, rows) => db.insert(digestItems).select(rows)),
    // What each person was shown (`shown`: JSON [contact id, section, evidence time] per item; a person is one item
    // at most). Every SET expression reads the row as it was, as one UPDATE per item did.
    shownUpdate: compiledQuery(
      db
        .update(contacts)
        .set({
          shownCount: sql`case when ${contacts.shownSection} = shown.kind and ${contacts.shownEvidenceAt} is shown.evidence_at then ${contacts.shownCount} + 1 else 1 end`,
          shownSection: sql`shown.kind`,
          shownEvidenceAt: sql`shown.evidence_at`,
          lastShownAt: sql`${p("sentAt")}`,
        })
        .from(sql`(select json_extract(value, '$[0]') as contact_id, json_extract(value, '$[1]') as kind, json_extract(value, '$[2]') as evidence_at from json_each(${p("shown")})) as shown`)
        // "+owner_id": each item's row by its key; otherwise SQLite walks an owner index once per item.
        .where(sql`${contacts.id} = shown.contact_id and +${contacts.ownerId} = ${p("ownerId")}`),
    ),
    weekDone: compiledQuery(
      db
        .update(owners)
        .set({ lastDigestWeek: sql`${p("lastDigestWeek")}`, nextDigestAt: sql`${p("nextDigestAt")}` })
        .where(eq(owners.id, p("ownerId"))),
    ),
    digestDelete: compiledQuery(db.delete(digests).where(and(eq(digests.ownerId, p("ownerId")), eq(digests.id, p("digestId"))))),
  } satisfies Record<string, CompiledQuery>;
}

/**
 * The statements of a command mail's common lines (reading the digest it answers and the people it names; done,
 * snooze, never, note, cadence, private/professional), which command-store.ts binds: `npm run hot-sql` writes
 * them into command-sql.ts. The rare lines (forget, same, split, ignore, settings, stats, export, met) still build
 * theirs with drizzle, loaded only when such a line runs.
 */
export function commandQueries(db: Db) {
  const contactColumns = getTableColumns(contacts);
  const own = eq(contacts.ownerId, p("ownerId"));
  const ownPerson = and(own, isNull(contacts.mergedInto));
  const byKeyOfOwner = sql`+${contacts.ownerId} = ${p("ownerId")}`;
  const digestFields = { id: digests.id, sentAt: digests.sentAt };
  // A digest's items with their people, each row the item's number and kind and the person's columns.
  const itemFields = { number: digestItems.number, kind: digestItems.kind, ...contactColumns };
  const ofDigest = and(eq(digestItems.ownerId, p("ownerId")), eq(digestItems.digestId, p("digestId")));
  // One field of one contact, and updated_at with it.
  const contactSet = (set: Record<string, SQL>) =>
    compiledQuery(
      db
        .update(contacts)
        .set({ ...set, updatedAt: sql`${p("now")}` })
        .where(and(own, eq(contacts.id, p("contactId")))),
    );
  return {
    // The newest of this owner's digests that a reply's thread names (In-Reply-To, References).
    digestByMessageIds: compiledRead(
      digestFields,
      db
        .select(digestFields)
        .from(digests)
        .where(and(eq(digests.ownerId, p("ownerId")), sql`${digests.messageId} in ${jsonList(p("ids"))}`))
        .orderBy(desc(digests.sentAt))
        .limit(1),
    ),
    digestOfOwner: compiledRead({ id: digests.id }, db.select({ id: digests.id }).from(digests).where(and(eq(digests.ownerId, p("ownerId")), eq(digests.id, p("digestId"))))),
    // Each item's person by key, then checked to be the owner's ("+owner_id": otherwise SQLite may walk the owner's
    // whole index and filter it, reading every contact the owner has; test/worker/bounded.test.ts holds the plans).
    digestItemsWithContacts: compiledRead(
      itemFields,
      db
        .select(itemFields)
        .from(digestItems)
        .innerJoin(contacts, and(eq(contacts.id, digestItems.contactId), byKeyOfOwner))
        .where(ofDigest)
        .orderBy(asc(digestItems.number)),
    ),
    contactsWithAddresses: compiledRead(contactColumns, db.select().from(contacts).where(and(own, sql`${contacts.address} in ${jsonList(p("addresses"))}`))),
    contactsWithIds: compiledRead(contactColumns, db.select().from(contacts).where(and(sql`${contacts.id} in ${jsonList(p("ids"))}`, byKeyOfOwner))),
    // By contacts_owner_name_key: the exact keys, or a first name as the range of keys "anna " up to "anna!". An
    // address merged into a person is found through the person's own name.
    contactsWithNameKeys: compiledRead(contactColumns, db.select().from(contacts).where(and(ownPerson, sql`${contacts.nameKey} in ${jsonList(p("nameKeys"))}`))),
    contactsWithNameKeysFrom: compiledRead(
      contactColumns,
      db
        .select()
        .from(contacts)
        .where(and(ownPerson, gte(contacts.nameKey, p("from")), lt(contacts.nameKey, p("to")))),
    ),
    contactDoneAt: contactSet({ doneAt: sql`${p("value")}` }),
    contactSnoozedUntil: contactSet({ snoozedUntil: sql`${p("value")}` }),
    contactMuted: contactSet({ muted: sql`${p("value")}` }),
    contactCadenceDays: contactSet({ cadenceDays: sql`${p("value")}` }),
    contactCircle: contactSet({ circle: sql`${p("value")}` }),
    // A contact the owner names before any mail (`note`, `met` on a new address).
    contactCreate: compiledQuery(
      db
        .insert(contacts)
        .values({
          ownerId: p("ownerId"),
          address: p("address"),
          localKey: p("localKey"),
          domainKey: p("domainKey"),
          introducedAt: p("introducedAt"),
          createdAt: p("now"),
          updatedAt: p("now"),
        })
        .onConflictDoNothing(),
    ),
    // A note on a contact by id, or by address when the same batch creates the contact.
    commandNote: compiledQuery(
      db.insert(notes).values({
        ownerId: p("ownerId"),
        contactId: sql`coalesce(${p("contactId")}, ${contactIdOf(p("ownerId"), p("address"))})`,
        body: p("body"),
        source: "command",
        messageId: p("messageId"),
        createdAt: p("now"),
      }),
    ),
  } satisfies Record<string, CompiledQuery>;
}

/** Tables that SQL written by hand names every column of (the digest's candidates, digest-store.ts). */
export function hotTables() {
  return { contacts: tableColumns(contacts) } satisfies Record<string, TableColumns>;
}

/** The contact upsert as drizzle writes it, for a meeting (rare). */
function contactUpsert(db: Db, rows: ContactRow[]) {
  return db.insert(contacts).values(rows).onConflictDoUpdate({ target: [contacts.ownerId, contacts.address], set: contactUpsertSet });
}

/**
 * A meeting that has happened, through the same contact upsert as a mail: contact both ways at its time. It
 * settles what a word from them settles (a follow-up) and what a word to them settles (a request, a thanks
 * owed for help), starts or continues a conversation, and is kept as one interaction of kind "meeting".
 */
export function meetingStatements(db: Db, ownerId: number, m: MeetingInput): Array<BatchItem<"sqlite"> & { toSQL(): Query }> {
  const delta: ContactDelta = {
    address: m.address,
    name: m.name,
    private: false,
    at: m.at,
    threadId: null,
    meeting: { title: m.title },
    inbound: { at: m.at, subject: m.title, gift: null, request: false, referredBy: false },
    outbound: { at: m.at, subject: m.title, gave: false, thanks: false, asked: false, askedQuestion: false,
      askedAdvice: false, promised: false, followUp: null, announcement: false },
  };
  return [
    contactUpsert(db, [contactRow(ownerId, delta, m.now)]),
    db
      .insert(interactions)
      .values({
        ownerId,
        contactId: contactIdOf(sql`${ownerId}`, sql`${m.address}`),
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
