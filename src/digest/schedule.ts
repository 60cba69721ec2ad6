// When is an owner's digest due? Pure: the owner's settings and `now` in, a decision out.

import { DAY_MS, isoWeekOf, WEEK_MS } from "../time";

export interface LocalTime {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  /** ISO week of the local date, e.g. "2026-W48". */
  isoWeek: string;
  year: number;
  week: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Building a DateTimeFormat costs far more than using one; the hourly job meets the same few zones again and again.
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: isValidTimeZone(timeZone) ? timeZone : "UTC",
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
    });
    formats.set(timeZone, format);
  }
  return format;
}

interface WallClock {
  weekday: number;
  hour: number;
  date: number;
  asUtc: number;
}

// One digest asks for the same owner's clock at the same instant half a dozen times (due? which week? when next?),
// and formatToParts is the costly step: the last few answers are kept.
const wallClocks = new Map<string, WallClock>();
const WALL_CLOCKS_KEPT = 64;

function wallClock(now: number, timeZone: string): WallClock {
  const key = `${timeZone} ${now}`;
  let wall = wallClocks.get(key);
  if (wall) return wall;
  const parts: Record<string, string> = {};
  for (const p of formatFor(timeZone).formatToParts(new Date(now))) parts[p.type] = p.value;
  const date = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day));
  wall = { weekday: WEEKDAYS[parts.weekday], hour: Number(parts.hour), date, asUtc: date + (Number(parts.hour) * 60 + Number(parts.minute)) * 60_000 };
  if (wallClocks.size >= WALL_CLOCKS_KEPT) wallClocks.clear();
  wallClocks.set(key, wall);
  return wall;
}

/** The owner's wall clock at `now`. An unknown zone falls back to UTC rather than failing the whole run. */
export function localTime(now: number, timeZone: string): LocalTime {
  const wall = wallClock(now, timeZone);
  // The ISO week of the owner's local calendar date, not of the UTC one.
  const { year, week } = isoWeekOf(wall.date);
  return { weekday: wall.weekday, hour: wall.hour, isoWeek: `${year}-W${String(week).padStart(2, "0")}`, year, week };
}

/**
 * When the hourly job should next look at this owner: their weekday and hour in the local week of `now`, or in
 * the week after when this week's digest went out. The instant may lie in the past (a digest due and not yet
 * sent): the next run then sends it. In a daylight-saving gap the hour that does not exist becomes the first one
 * after it.
 */
export function nextDigestAt(owner: Pick<DigestSchedule, "timeZone" | "digestWeekday" | "digestHour" | "lastDigestWeek">, now: number): number {
  const wall = wallClock(now, owner.timeZone);
  const local = localTime(now, owner.timeZone);
  const weeksAhead = owner.lastDigestWeek === local.isoWeek ? 1 : 0;
  const target = wall.date + (owner.digestWeekday - wall.weekday) * DAY_MS + owner.digestHour * 3_600_000 + weeksAhead * WEEK_MS;
  // The zone's offset at a guess, then at the instant it gives: right on either side of a change of offset.
  let at = target - (wallClock(target, owner.timeZone).asUtc - target);
  at = target - (wallClock(at, owner.timeZone).asUtc - at);
  while (wallClock(at, owner.timeZone).asUtc < target) at += 3_600_000;
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
