// Date phrases of `snooze`/`udsæt`: "2w", "in two weeks", "until 1 march", "til næste måned", "om 3 uger",
// "1. marts". Pure: the phrase, `now` and the owner's time zone in, a time out.
//
// chrono-node reads the English phrases, and the Danish ones added to it (chrono-parser.ts, loaded only for a
// phrase that is not a plain number of days or weeks). A snooze lasts whole days in the owner's time zone. A date ("until 1 march", "næste
// mandag") ends it at the start of that day: the item is back in that day's digest. A length ("2w", "om tre
// uger") covers the day it lands on too, so it skips as many weekly digests as it says: "snooze 3 1w" on a
// Monday hides the item from next Monday's digest, whatever the hour of the digest and of the reply.

import { localDate, type LocalDate } from "../digest/format";
import { DAY_MS } from "../time";
import { zoneOffsetMinutes } from "../zone-clock";

/** A snooze longer than this is a mistake or a wish to mute; `never` says that better. */
export const MAX_SNOOZE_DAYS = 730;
/** Phrases longer than this are not a date; they are not handed to the parser at all. */
export const MAX_DATE_PHRASE_CHARS = 60;

export type SnoozeDate =
  | { ok: true; until: number }
  | { ok: false; reason: "unreadable" | "past" | "too-far" };

// Leading words that say "until" or "for" add nothing to the date.
// "i" is kept before dag/morgen/overmorgen, where it is part of the phrase ("i morgen" is tomorrow); "to" is
// not a lead word, because in Danish it is the number two ("to uger").
const LEAD_WORDS = /^(until|till|til|for|indtil|in|om|på|i(?!\s*(dag|morgen|overmorgen|går|forgårs)(?![\p{L}\d])))\s+/iu;

/** 00:00 of a calendar day in `timeZone`, in ms. Twice round, so a day that starts on a DST change is right. */
export function startOfLocalDay(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day);
  let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  at = wall - zoneOffsetMinutes(at, timeZone) * 60_000;
  return at;
}

/**
 * "2w", "3 days", "10 dage": a number of days or weeks, counted here from the owner's date today. chrono gives the
 * same dates (test/unit/commands-dates.test.ts compares them with the same lengths in words, which go through
 * chrono), but its first parse compiles every pattern it has, about 18 ms of a fresh isolate's first command
 * (bench/cpu.mjs --only command); these are the lengths the digest's footer teaches.
 */
const DAYS_OR_WEEKS = /^(\d{1,3})\s*(d|days?|dage?|w|weeks?|u|uger?)$/iu;

function daysOrWeeksAhead(text: string, now: number, timeZone: string): LocalDate | null {
  const m = DAYS_OR_WEEKS.exec(text);
  if (!m) return null;
  const perUnit = /^[wu]/i.test(m[2]) ? 7 : 1;
  const today = localDate(now, timeZone);
  const then = new Date(Date.UTC(today.year, today.month - 1, today.day + Number(m[1]) * perUnit));
  return { year: then.getUTCFullYear(), month: then.getUTCMonth() + 1, day: then.getUTCDate() };
}

/** chrono's parser, its modules loaded by the first phrase that needs them. */
async function chronoParser() {
  return (await import("./chrono-parser")).chronoParser();
}

/** The whole text as one date, by chrono (the English phrases and the Danish ones added to it). */
async function chronoDate(text: string, now: number, timeZone: string): Promise<LocalDate | null> {
  const results = (await chronoParser()).parse(text, { instant: new Date(now), timezone: zoneOffsetMinutes(now, timeZone) }, { forwardDate: true });
  const first = results[0];
  if (!first || results.length !== 1 || first.index !== 0 || first.text.length !== text.length || first.end) return null;
  const year = first.start.get("year");
  const month = first.start.get("month");
  const day = first.start.get("day");
  return year === null || month === null || day === null ? null : { year, month, day };
}

/** A length of time, not a date: "2w", "3 days", "a month", "to uger", "10 dage". */
const DURATION = /^(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|en|et|to|tre|fire|fem|seks|syv|otte|ni|ti)\s*(?:d|w|m|days?|weeks?|wks?|months?|mos?|dage?|uger?|u|måned(?:er)?|md|mdr\.?)$/iu;

/**
 * When a snooze written as `phrase` ends: the start of the named day in the owner's zone, or, for a length, of
 * the day after the one it lands on. The whole phrase must be a date; "2w and then some" is unreadable rather
 * than quietly read as "2w".
 */
export async function parseSnoozeDate(phrase: string, now: number, timeZone: string): Promise<SnoozeDate> {
  const text = phrase.trim().replace(/[.!]+$/, "").replace(LEAD_WORDS, "").trim();
  if (!text || text.length > MAX_DATE_PHRASE_CHARS) return { ok: false, reason: "unreadable" };
  const date = daysOrWeeksAhead(text, now, timeZone) ?? (await chronoDate(text, now, timeZone));
  if (!date) return { ok: false, reason: "unreadable" };
  const landsOn = new Date(Date.UTC(date.year, date.month - 1, date.day + (DURATION.test(text) ? 1 : 0)));
  const until = startOfLocalDay(landsOn.getUTCFullYear(), landsOn.getUTCMonth() + 1, landsOn.getUTCDate(), timeZone);
  const today = localDate(now, timeZone);
  if (until <= startOfLocalDay(today.year, today.month, today.day, timeZone)) return { ok: false, reason: "past" };
  if (until - now > MAX_SNOOZE_DAYS * DAY_MS) return { ok: false, reason: "too-far" };
  return { ok: true, until };
}

export type MetDate = { ok: true; at: number; rest: string } | { ok: false; reason: "unreadable" | "future"; word: string };

/** Words that introduce the date of a meeting: "on tuesday", "den 12. nov", "last friday" needs none. */
const MET_LEAD = new Set(["on", "den", "på"]);
const WEEKDAY_PHRASE = /(?<![\p{L}\d])(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?![\p{L}\d])/iu;

/** A meeting lasts no longer than this in the past: older ones are history an import brings. */
const MAX_MET_DAYS_AGO = 365;

/**
 * When a meeting in `met ADDRESS [on DATE] [note]` took place, and the words after the date. The date is the
 * longest run of leading words that reads as one (as in snooze, in both languages); without one it is today.
 * A weekday means the latest one ("on tuesday" on a Thursday is two days ago); a date without a year that
 * lies ahead is last year's. The meeting counts at noon of that day in the owner's zone, or now when today.
 */
export async function parseMetDate(words: string[], now: number, timeZone: string): Promise<MetDate> {
  const today = localDate(now, timeZone);
  const todayStart = startOfLocalDay(today.year, today.month, today.day, timeZone);
  const maxWords = Math.min(words.length, 5);
  for (let n = maxWords; n >= 1; n--) {
    const phrase = words.slice(0, n).join(" ").replace(/[.,:;!]+$/, "");
    // "on tuesday", "den 12. nov", "på fredag"; "sidste fredag" is the latest Friday, as any weekday is.
    const text = phrase.replace(/^(on|den|på)\s+/i, "").replace(/^(sidste|forrige)\s+/i, "");
    if (!text || text.length > MAX_DATE_PHRASE_CHARS) continue;
    const results = (await chronoParser()).parse(text, { instant: new Date(now), timezone: zoneOffsetMinutes(now, timeZone) }, { forwardDate: false });
    const hit = results[0];
    if (!hit || results.length !== 1 || hit.index !== 0 || hit.text.length !== text.length || hit.end) continue;
    let year = hit.start.get("year");
    const month = hit.start.get("month");
    const day = hit.start.get("day");
    if (year === null || month === null || day === null) continue;
    let start = startOfLocalDay(year, month, day, timeZone);
    if (start > todayStart && WEEKDAY_PHRASE.test(text)) start = startOfLocalDay(year, month, day - 7, timeZone);
    else if (start > todayStart && !hit.start.isCertain("year") && !/\d{4}/.test(text)) {
      year -= 1;
      start = startOfLocalDay(year, month, day, timeZone);
    }
    if (start > todayStart) return { ok: false, reason: "future", word: phrase };
    if (todayStart - start > MAX_MET_DAYS_AGO * DAY_MS) return { ok: false, reason: "unreadable", word: phrase };
    const at = start === todayStart ? now : start + 12 * 3_600_000;
    return { ok: true, at, rest: words.slice(n).join(" ").trim() };
  }
  // "on …" promises a date: words after it that are none are a mistake, not a note.
  if (words.length > 1 && MET_LEAD.has(words[0].toLowerCase())) {
    return { ok: false, reason: "unreadable", word: words.slice(0, 3).join(" ") };
  }
  return { ok: true, at: now, rest: words.join(" ").trim() };
}
