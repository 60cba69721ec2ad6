// Calendar arithmetic shared by ingest (weekly activity), the digest (schedule, picture, rules) and commands.
// All in UTC milliseconds; the owner's time zone is applied where a date is shown or a weekday is due.

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;

/** ISO 8601 week of the UTC date of `ms`: the week belongs to the year of its Thursday. */
export function isoWeekOf(ms: number): { year: number; week: number } {
  const d = new Date(ms);
  const date = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = date + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return { year, week };
}

/** Monday 00:00 UTC of ISO week `week` of `year`. */
export function isoWeekStart(year: number, week: number): number {
  const jan4 = Date.UTC(year, 0, 4); // ISO 8601: week 1 is the week with 4 January in it
  const jan4Weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return jan4 - jan4Weekday * DAY_MS + (week - 1) * WEEK_MS;
}

/** Monday 00:00 UTC of the ISO week that holds `at`. */
export function weekStartOf(at: number): number {
  const day = Math.floor(at / DAY_MS);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  const weekday = (day + 3) % 7;
  return (day - weekday) * DAY_MS;
}
