// When is an owner's digest due? Pure: the owner's settings and `now` in, a decision out.

import { DAY_MS, isoWeekOf, WEEK_MS } from "../time";
import { isKnownZone, wallClock, type WallClock } from "../zone-clock";

export interface LocalTime {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  /** ISO week of the local date, e.g. "2026-W48". */
  isoWeek: string;
  year: number;
  week: number;
}

/** The wall clock in the owner's zone: a zone the runtime does not know is read as UTC. */
function ownerClock(now: number, timeZone: string): WallClock {
  return wallClock(now, isKnownZone(timeZone) ? timeZone : "UTC");
}

/** The owner's wall clock at `now`. An unknown zone falls back to UTC rather than failing the whole run. */
export function localTime(now: number, timeZone: string): LocalTime {
  const wall = ownerClock(now, timeZone);
  // The ISO week of the owner's local calendar date, not of the UTC one.
  const { year, week } = isoWeekOf(wall.date);
  return { weekday: wall.weekday, hour: wall.hour, isoWeek: `${year}-W${String(week).padStart(2, "0")}`, year, week };
}

/**
 * The next local midnight after `now`. Follow-ups fall due by the day: a "+3d" sent on Friday at ten is due on
 * Monday, so Monday's eight o'clock digest shows it rather than the next one, a week late.
 */
export function localDayEnd(now: number, timeZone: string): number {
  const wall = ownerClock(now, timeZone);
  // wall.asUtc is the local time to the minute; the seconds are the same in every zone.
  return now - (now % 60_000) + (wall.date + DAY_MS - wall.asUtc);
}

/**
 * When the hourly job should next look at this owner: their weekday and hour in the local week of `now`, or in
 * the week after when this week's digest went out. The instant may lie in the past (a digest due and not yet
 * sent): the next run then sends it. In a daylight-saving gap the hour that does not exist becomes the first one
 * after it.
 */
export function nextDigestAt(owner: Pick<DigestSchedule, "timeZone" | "digestWeekday" | "digestHour" | "lastDigestWeek">, now: number): number {
  const wall = ownerClock(now, owner.timeZone);
  const local = localTime(now, owner.timeZone);
  const weeksAhead = owner.lastDigestWeek === local.isoWeek ? 1 : 0;
  const target = wall.date + (owner.digestWeekday - wall.weekday) * DAY_MS + owner.digestHour * 3_600_000 + weeksAhead * WEEK_MS;
  // The zone's offset at a guess, then at the instant it gives: right on either side of a change of offset.
  let at = target - (ownerClock(target, owner.timeZone).asUtc - target);
  at = target - (ownerClock(at, owner.timeZone).asUtc - at);
  while (ownerClock(at, owner.timeZone).asUtc < target) at += 3_600_000;
  return at;
}

export interface DigestSchedule {
  timeZone: string;
  digestWeekday: number;
  digestHour: number;
  paused: boolean;
  lastDigestWeek: string | null;
}

/**
 * Due at the first hourly run at or after the owner's weekday and hour, once per ISO week. A run that was
 * missed is caught up by the next one in the same week; a second run in that week finds it already sent.
 */
export function digestDue(owner: DigestSchedule, now: number): { due: true; local: LocalTime } | { due: false; reason: string } {
  if (owner.paused) return { due: false, reason: "paused" };
  const local = localTime(now, owner.timeZone);
  if (owner.lastDigestWeek === local.isoWeek) return { due: false, reason: "already sent this week" };
  const reached = local.weekday > owner.digestWeekday || (local.weekday === owner.digestWeekday && local.hour >= owner.digestHour);
  if (!reached) return { due: false, reason: "not yet" };
  return { due: true, local };
}
