// The meetings the digest counts in before it plans (calendar/meetings.ts, countPassedMeetings): read in SQL
// written ahead of time (hot-sql.ts), so that the digest queue loads no drizzle. The calendar path's other
// statements are in meetings.ts.
import { HOT_SQL } from "./hot-sql";
import type { Meeting } from "./schema";
import { readOf, type Read } from "./statements";

/** Meetings with something to count by `now`: only the rows due are read (meetings_owner_due). */
export function meetingsToCount(d1: D1Database, ownerId: number, now: number): Read<Meeting[]> {
  return readOf<Meeting>(d1, HOT_SQL.dueMeetings, { ownerId, now });
}
