// When is an owner's digest due? Pure: the owner's settings and `now` in, a decision out.

import { isoWeekOf } from "../time";

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

/** The owner's wall clock at `now`. An unknown zone falls back to UTC rather than failing the whole run. */
export function localTime(now: number, timeZone: string): LocalTime {
  const zone = isValidTimeZone(timeZone) ? timeZone : "UTC";
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      weekday: "short",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      hourCycle: "h23",
    })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  const weekday = WEEKDAYS[parts.weekday];
  // The ISO week of the owner's local calendar date, not of the UTC one.
  const { year, week } = isoWeekOf(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  return { weekday, hour: Number(parts.hour), isoWeek: `${year}-W${String(week).padStart(2, "0")}`, year, week };
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
