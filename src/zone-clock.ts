// An owner's wall clock (the date and hour in their time zone) without Intl, for the digest and the commands.
//
// The runtime answers time-zone questions through ICU, and its first answer in a fresh isolate costs 25–35 ms of
// CPU (loading ICU's data), more than everything else a digest does for a big network. So a zone's offsets from
// UTC over a span of years are asked of Intl once, kept on the owner's row as a short list of changes (a zone
// changes its offset about twice a year), and the clock is worked out from them by arithmetic. Outside that span,
// or for a zone not learned, Intl answers as before. The list is the runtime's own answer: test/worker/zone-clock
// compares the two in every zone workerd knows, a minute either side of each change and at instants between.
import { DAY_MS } from "./time";

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  minute: number;
  /** The local calendar date, as UTC midnight of that date. */
  date: number;
  /** The local date and time to the minute, read as if it were UTC. */
  asUtc: number;
}

/** A zone's offsets over [from, until): each [instant, minutes east of UTC from then on], the first at `from`. */
export interface ZoneOffsets {
  zone: string;
  from: number;
  until: number;
  offsets: Array<[number, number]>;
}

const MINUTE_MS = 60_000;
/** How far back the kept offsets reach: far enough for the dates a digest shows (the last mail of a quiet tie). */
const ZONE_OFFSETS_PAST_MS = 5 * 365 * DAY_MS;
const ZONE_OFFSETS_AHEAD_MS = 400 * DAY_MS;
/** Renewed when less than this is left, so that next week's digest time is always inside the span. */
const RENEW_AHEAD_MS = 60 * DAY_MS;
/**
 * The list is built by asking Intl once a week and narrowing each change down to the minute. A zone that changed
 * twice within one week (there and back again) would be missed; none did from 2020 to 2027: every six hours in
 * each of ICU's 418 zones, the clock from the list and Intl's agree (tzdata 2026e, checked once in Node).
 */
const SAMPLE_STEP_MS = 7 * DAY_MS;

const learned = new Map<string, ZoneOffsets>();

/** Remembers a zone's offsets (the owner row's zone_offsets). Anything unreadable is ignored: Intl answers instead. */
export function learnZoneOffsets(json: string | null | undefined): void {
  const table = parseZoneOffsets(json);
  if (table) remember(table);
}

function remember(table: ZoneOffsets): void {
  const known = learned.get(table.zone);
  if (!known || table.until >= known.until) learned.set(table.zone, table);
}

function parseZoneOffsets(json: string | null | undefined): ZoneOffsets | null {
  if (!json) return null;
  try {
    const t = JSON.parse(json) as ZoneOffsets;
    const ok =
      typeof t.zone === "string" &&
      Number.isFinite(t.from) &&
      Number.isFinite(t.until) &&
      Array.isArray(t.offsets) &&
      t.offsets.length > 0 &&
      t.offsets[0][0] === t.from &&
      t.offsets.every((o, i) => Array.isArray(o) && Number.isFinite(o[0]) && Number.isFinite(o[1]) && (i === 0 || o[0] > t.offsets[i - 1][0]));
    return ok ? t : null;
  } catch {
    return null;
  }
}

const zonesChecked = new Map<string, boolean>();

/** Whether the runtime knows this IANA zone (learned zones were checked when they were learned). */
export function isKnownZone(timeZone: string): boolean {
  if (learned.has(timeZone) || timeZone === "UTC") return true;
  let known = zonesChecked.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
      known = true;
    } catch {
      known = false;
    }
    zonesChecked.set(timeZone, known);
  }
  return known;
}

/** The wall clock of `ms` in `timeZone`. Throws RangeError for a zone the runtime does not know. */
export function wallClock(ms: number, timeZone: string): WallClock {
  const offset = timeZone === "UTC" ? 0 : learnedOffset(ms, timeZone);
  return offset === null ? intlWallClock(ms, timeZone) : clockAt(ms + offset * MINUTE_MS);
}

/**
 * The offset of `timeZone` from UTC at `at`, in minutes (Copenhagen: 60 in winter, 120 in summer): for the date
 * phrases of commands and the times of calendar invitations. Throws RangeError for a zone the runtime does not know.
 */
export function zoneOffsetMinutes(at: number, timeZone: string): number {
  return offsetBy(wallClock, at, timeZone);
}

/** Minutes east of UTC at `at`, by this clock: the wall clock to the minute less the instant to the minute. */
function offsetBy(clock: (ms: number, timeZone: string) => WallClock, at: number, timeZone: string): number {
  const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
  return (clock(minute, timeZone).asUtc - minute) / MINUTE_MS;
}

function learnedOffset(ms: number, timeZone: string): number | null {
  const table = learned.get(timeZone);
  if (!table || ms < table.from || ms >= table.until) return null;
  let offset = table.offsets[0][1];
  for (const [at, minutes] of table.offsets) {
    if (at > ms) break;
    offset = minutes;
  }
  return offset;
}

function clockAt(local: number): WallClock {
  const asUtc = Math.floor(local / MINUTE_MS) * MINUTE_MS;
  const days = Math.floor(local / DAY_MS);
  const date = days * DAY_MS;
  const d = new Date(date);
  const minuteOfDay = (asUtc - date) / MINUTE_MS;
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    // 1970-01-01, day 0, was a Thursday (ISO weekday 4).
    weekday: ((((days + 3) % 7) + 7) % 7) + 1,
    hour: Math.floor(minuteOfDay / 60),
    minute: minuteOfDay % 60,
    date,
    asUtc,
  };
}

// Building a DateTimeFormat costs far more than using one, and one digest asks for the same clock several times.
const formats = new Map<string, Intl.DateTimeFormat>();
const intlClocks = new Map<string, WallClock>();
const INTL_CLOCKS_KEPT = 64;

function intlWallClock(ms: number, timeZone: string): WallClock {
  const key = `${timeZone} ${ms}`;
  const known = intlClocks.get(key);
  if (known) return known;
  let format = formats.get(timeZone);
  if (!format) {
    // Numeric parts only: names come from our own tables, so output does not drift with ICU versions.
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
    formats.set(timeZone, format);
  }
  const parts: Record<string, string> = {};
  for (const p of format.formatToParts(new Date(ms))) parts[p.type] = p.value;
  const clock = clockAt(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)));
  if (intlClocks.size >= INTL_CLOCKS_KEPT) intlClocks.clear();
  intlClocks.set(key, clock);
  return clock;
}

/** Minutes east of UTC at `ms`, as Intl says (never from a list already learned). */
const intlOffset = (ms: number, timeZone: string) => offsetBy(intlWallClock, ms, timeZone);

/** Asks Intl for the zone's offsets over [from, until): each change found to the minute. */
export function zoneOffsetsFromIntl(timeZone: string, from: number, until: number): ZoneOffsets {
  from = Math.floor(from / MINUTE_MS) * MINUTE_MS;
  until = Math.floor(until / MINUTE_MS) * MINUTE_MS;
  const offsets: Array<[number, number]> = [[from, intlOffset(from, timeZone)]];
  let at = from;
  let offset = offsets[0][1];
  while (at < until) {
    const next = Math.min(at + SAMPLE_STEP_MS, until);
    const nextOffset = intlOffset(next, timeZone);
    if (nextOffset !== offset) {
      // The change lies in (at, next]: narrow it down to the first minute of the new offset.
      let lo = at;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
        if (intlOffset(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      offsets.push([hi, intlOffset(hi, timeZone)]);
      offset = offsets[offsets.length - 1][1];
      // A change between hi and next (two in one step) is found from hi on.
      at = hi;
      continue;
    }
    at = next;
  }
  return { zone: timeZone, from, until, offsets };
}

/**
 * The zone's offsets to keep on the owner's row, when what is kept (`kept`, the row's zone_offsets) is of another
 * zone or runs out within RENEW_AHEAD_MS of `now`: the new list as JSON. Null when what is kept will do.
 */
export function zoneOffsetsToKeep(timeZone: string, kept: string | null | undefined, now: number): string | null {
  const table = parseZoneOffsets(kept);
  if (lastsFrom(table, timeZone, now)) return null;
  if (timeZone === "UTC" || !isKnownZone(timeZone)) return null;
  const shared = askedOfIntl.get(timeZone);
  if (shared && lastsFrom(shared.table, timeZone, now)) return shared.json;
  const fresh = zoneOffsetsFromIntl(timeZone, now - ZONE_OFFSETS_PAST_MS, now + ZONE_OFFSETS_AHEAD_MS);
  remember(fresh);
  const json = JSON.stringify(fresh);
  askedOfIntl.set(timeZone, { table: fresh, json });
  return json;
}

/** Whether a kept list of this zone covers `now` and runs on for at least RENEW_AHEAD_MS. */
function lastsFrom(table: ZoneOffsets | null, timeZone: string, now: number): table is ZoneOffsets {
  return table !== null && table.zone === timeZone && table.from <= now && table.until - now >= RENEW_AHEAD_MS;
}

/**
 * The lists this isolate asked Intl for, by zone: owners in one zone share one. Asking costs 3–9 ms of CPU per
 * owner, and an hour's fan-out runs many new owners' first digests through one isolate, most of them in the same
 * few zones (bench:scale). Only the runtime's own answers are shared, never a list read from an owner's row,
 * which may be up to ten months older than the runtime's time-zone data.
 */
const askedOfIntl = new Map<string, { table: ZoneOffsets; json: string }>();
