// Named queries of the calendar path: invitations kept until their meetings happen, then counted into the
// contacts through the same upsert as a mail (capture.ts meetingStatements). The digest's read of the meetings
// due is in due-meetings.ts, which loads no drizzle.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { weekStartOf } from "../time";
import type { Db } from "./client";
import { chunk, LOOKUP_CHUNK } from "./limits";
import { meetings, weeklyActivity } from "./schema";

export interface MeetingRow {
  uid: string;
  recurrenceId: number;
  sequence: number;
  startAt: number;
  title: string | null;
  attendees: Array<{ address: string; name: string | null }>;
  large: boolean;
  ics: string | null;
  cancelled: boolean;
  messageId: string | null;
}

/**
 * An invitation's event, kept or changed. A later SEQUENCE wins (an update moves the meeting, a CANCEL
 * cancels it); an older one arriving late changes nothing. What has already been counted stays counted.
 */
export function saveMeetingStatement(db: Db, ownerId: number, m: MeetingRow, now: number): BatchItem<"sqlite"> {
  // A change or an exception of one occurrence counts on its own; the series skips it (changedOccurrences).
  const values = { ownerId, ...m, attendees: JSON.stringify(m.attendees), nextDueAt: m.cancelled ? null : m.startAt, createdAt: now, updatedAt: now };
  const keep = (column: string) => sql.raw(`excluded.${column}`);
  return db
    .insert(meetings)
    .values(values)
    .onConflictDoUpdate({
      target: [meetings.ownerId, meetings.uid, meetings.recurrenceId],
      set: {
        sequence: keep("sequence"),
        // A cancellation carries no reliable time or people: only the flag changes.
        startAt: sql`case when excluded.cancelled then ${meetings.startAt} else excluded.start_at end`,
        title: sql`case when excluded.cancelled then ${meetings.title} else excluded.title end`,
        attendees: sql`case when excluded.cancelled then ${meetings.attendees} else excluded.attendees end`,
        large: sql`case when excluded.cancelled then ${meetings.large} else excluded.large end`,
        ics: sql`case when excluded.cancelled then ${meetings.ics} else excluded.ics end`,
        cancelled: keep("cancelled"),
        // Counting resumes from the new start; what was counted stays counted (counted_until).
        nextDueAt: keep("next_due_at"),
        messageId: keep("message_id"),
        updatedAt: keep("updated_at"),
      },
      setWhere: sql`excluded.sequence >= ${meetings.sequence}`,
    });
}

/** The occurrences of these series that were changed or cancelled on their own, by uid. */
export async function changedOccurrences(db: Db, ownerId: number, uids: string[]): Promise<Map<string, Set<number>>> {
  const out = new Map<string, Set<number>>();
  for (const part of chunk([...new Set(uids)], LOOKUP_CHUNK)) {
    const rows = await db
      .select({ uid: meetings.uid, recurrenceId: meetings.recurrenceId })
      .from(meetings)
      .where(and(eq(meetings.ownerId, ownerId), inArray(meetings.uid, part), sql`${meetings.recurrenceId} <> 0`));
    for (const r of rows) (out.get(r.uid) ?? out.set(r.uid, new Set()).get(r.uid)!).add(r.recurrenceId);
  }
  return out;
}

export function markCounted(db: Db, ownerId: number, id: number, until: number, nextDueAt: number | null): BatchItem<"sqlite"> {
  return db.update(meetings).set({ countedUntil: until, nextDueAt }).where(and(eq(meetings.ownerId, ownerId), eq(meetings.id, id)));
}

/** A large event, once per occurrence, in the activity picture: like a broadcast, one thing the owner did. */
export function countEventStatement(db: Db, ownerId: number, at: number): BatchItem<"sqlite"> {
  return db
    .insert(weeklyActivity)
    .values({ ownerId, weekStart: weekStartOf(at), sent: 1 })
    .onConflictDoUpdate({ target: [weeklyActivity.ownerId, weeklyActivity.weekStart], set: { sent: sql`sent + 1` } });
}
