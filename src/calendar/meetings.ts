// The calendar path: an invitation the owner sent or forwarded is kept until its meeting happens; then each
// person in it gets a meeting, through the same contact upsert as a mail. Counting happens when something
// reads the people (the digest, `status`) and when an invitation arrives, never ahead of the start.
import { messageOnlyStatement } from "../db/capture";
import { meetingStatements } from "../db/hot-queries";
import { isUniqueViolation } from "../db/errors";
import type { IngestOutcome } from "../ingest/outcome";
import { assistantPlusPart } from "../ingest/plus";
import type { Db } from "../db/client";
import { meetingsToCount } from "../db/due-meetings";
import { changedOccurrences, countEventStatement, markCounted, saveMeetingStatement, type MeetingRow } from "../db/meetings";
import { readOne } from "../db/statements";
import type { MessageRecord } from "../db/records";
import type { Meeting } from "../db/schema";
import type { ParsedMail } from "../mail/types";
import { MAX_MEETING_ATTENDEES, MAX_OCCURRENCES_PER_RUN, nextOccurrence, occurrencesBetween, readInvitation, type CalendarEvent, type Invitation } from "./invitation";

/** iCalendar parts read per mail: an invitation has one; a forward of several is a handful. */
const MAX_CALENDAR_PARTS = 3;

/** The invitation in a mail or in a mail it forwards as an attachment, if any. */
export function invitationIn(mail: ParsedMail, ownerTimeZone: string): Invitation | null {
  const parts = [...mail.calendars, ...mail.attachedMessages.flatMap((m) => m.calendars)].slice(0, MAX_CALENDAR_PARTS);
  const events: CalendarEvent[] = [];
  let method: Invitation["method"] | null = null;
  for (const text of parts) {
    const invitation = readInvitation(text, ownerTimeZone);
    if (!invitation) continue;
    method ??= invitation.method;
    events.push(...invitation.events);
  }
  return method && events.length ? { method, events } : null;
}

export interface InvitationContext {
  ownerId: number;
  ownerTimeZone: string;
  /** The owner's addresses and the assistant's: never people in a meeting. */
  notPeople: (address: string) => boolean;
  message: MessageRecord;
  now: number;
}

/** The rows an invitation keeps: the people without the owner, rooms and resources. */
export function meetingRows(invitation: Invitation, ctx: Pick<InvitationContext, "notPeople" | "message">): MeetingRow[] {
  return invitation.events.map((e) => {
    const people = e.attendees.filter((a) => !ctx.notPeople(a.address));
    return {
      uid: e.uid,
      recurrenceId: e.recurrenceId ?? 0,
      sequence: e.sequence,
      startAt: e.start,
      title: e.title,
      attendees: people.slice(0, MAX_MEETING_ATTENDEES + 1),
      // Counted with everyone listed: the owner's own seat makes a 21-person event no smaller.
      large: e.attendees.length > MAX_MEETING_ATTENDEES,
      ics: e.ics,
      cancelled: e.cancelled,
      messageId: ctx.message.messageId,
    };
  });
}

export async function saveInvitation(db: Db, invitation: Invitation, ctx: InvitationContext): Promise<MeetingRow[]> {
  const rows = meetingRows(invitation, ctx);
  const statements = rows.map((m) => saveMeetingStatement(db, ctx.ownerId, m, ctx.now));
  if (statements.length) await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return rows;
}

/** When each meeting happened, of those not yet counted by `now`. */
function occurrencesOf(m: Meeting, now: number, timeZone: string, changed: Set<number>): number[] {
  if (!m.ics) return m.countedUntil === null ? [m.startAt] : [];
  return occurrencesBetween(m.ics, m.countedUntil ?? Number.NEGATIVE_INFINITY, now, timeZone, changed);
}

/**
 * Counts every meeting whose start has passed by `now` and was not counted yet: each occurrence of a series
 * as it passes, up to `now` and no further. One batch; `counted_until` moves in it, so nothing counts twice.
 */
export async function countPassedMeetings(db: Db, ownerId: number, timeZone: string, now: number, read?: Meeting[]): Promise<number> {
  // `read`: the meetings to count, when the caller read them with its own reads (the digest).
  const due = read ?? (await readOne(meetingsToCount(db.$client, ownerId, now)));
  if (due.length === 0) return 0;
  const changed = await changedOccurrences(db, ownerId, due.filter((m) => m.ics).map((m) => m.uid));
  const statements = [];
  let counted = 0;
  for (const m of due) {
    const people = JSON.parse(m.attendees) as Array<{ address: string; name: string | null }>;
    const occurrences = occurrencesOf(m, now, timeZone, changed.get(m.uid) ?? new Set());
    for (const at of occurrences) {
      counted++;
      if (m.large) {
        statements.push(countEventStatement(db, ownerId, at));
        continue;
      }
      for (const p of people) {
        statements.push(...meetingStatements(db, ownerId, { address: p.address, name: p.name, at, title: m.title, source: "calendar", key: `calendar:${m.uid}#${at}`, now }));
      }
    }
    if (!m.ics) {
      statements.push(markCounted(db, ownerId, m.id, m.startAt, null));
      continue;
    }
    // A long series backlog is counted over several runs, oldest first; then it waits for its next occurrence.
    const until = occurrences.length >= MAX_OCCURRENCES_PER_RUN ? occurrences[occurrences.length - 1] : now;
    statements.push(markCounted(db, ownerId, m.id, until, nextOccurrence(m.ics, until, timeZone, changed.get(m.uid) ?? new Set())));
  }
  await db.batch(statements as [(typeof statements)[0], ...typeof statements]);
  return counted;
}

export interface InvitationDelivery {
  db: Db;
  ownerId: number;
  ownerTimeZone: string;
  ownerAddresses: string[];
  assistantLocal: string;
  assistantDomain: string;
  message: MessageRecord;
  now: number;
}

/**
 * An invitation the owner sent (the assistant an attendee, in Cc or in BCC) or forwarded: the mail is
 * recorded once (a second delivery is a duplicate), its events kept, and any meeting already past counted.
 */
export async function storeInvitation(d: InvitationDelivery, invitation: Invitation): Promise<IngestOutcome> {
  try {
    await messageOnlyStatement(d.db.$client, d.ownerId, d.message, d.now).run();
  } catch (err) {
    if (isUniqueViolation(err)) return { status: "duplicate", ownerId: d.ownerId };
    throw err;
  }
  const own = new Set(d.ownerAddresses);
  const notPeople = (address: string) => own.has(address) || assistantPlusPart(address, d.assistantLocal, d.assistantDomain) !== undefined;
  // What already happened as planned counts before a change or a cancellation replaces the plan.
  await countPassedMeetings(d.db, d.ownerId, d.ownerTimeZone, d.now);
  const rows = await saveInvitation(d.db, invitation, { ownerId: d.ownerId, ownerTimeZone: d.ownerTimeZone, notPeople, message: d.message, now: d.now });
  await countPassedMeetings(d.db, d.ownerId, d.ownerTimeZone, d.now);
  const people = new Set(rows.flatMap((r) => (r.large ? [] : r.attendees.map((a) => a.address))));
  const what = invitation.method === "CANCEL" ? "cancelled" : rows.some((r) => r.large) ? "event" : "meeting";
  return { status: "stored", ownerId: d.ownerId, summary: `${what}: ${rows[0]?.title ?? "(no title)"}`, contacts: people.size };
}
