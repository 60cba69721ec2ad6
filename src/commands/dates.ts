// Date phrases of `snooze`/`udsæt`: "2w", "in two weeks", "until 1 march", "til næste måned", "om 3 uger",
// "1. marts". Pure: the phrase, `now` and the owner's time zone in, a time out.
//
// chrono-node reads the English phrases (its en-GB casual parser: day before month in "1/3"). It has no
// Danish, so the Danish phrases are added to a clone of it as custom parsers, chrono's documented way to
// extend a locale. A snooze lasts whole days in the owner's time zone. A date ("until 1 march", "næste
// mandag") ends it at the start of that day: the item is back in that day's digest. A length ("2w", "om tre
// uger") covers the day it lands on too, so it skips as many weekly digests as it says: "snooze 3 1w" on a
// Monday hides the item from next Monday's digest, whatever the hour of the digest and of the reply.

import * as chrono from "chrono-node";
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
/** chrono's English "in two weeks" takes these; Danish needs its own. */
const DA_NUMBER_WORDS: Record<string, number> = {
  en: 1, et: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, syv: 7, otte: 8, ni: 9, ti: 10, elleve: 11, tolv: 12,
};
const DA_UNITS: Record<string, "day" | "week" | "month" | "year"> = {
  dag: "day", dage: "day", dagen: "day", d: "day",
  uge: "week", uger: "week", u: "week",
  måned: "month", måneder: "month", md: "month", mdr: "month", "mdr.": "month",
  år: "year", å: "year",
};
const DA_MONTHS: Record<string, number> = {
  januar: 1, jan: 1, februar: 2, feb: 2, marts: 3, mar: 3, april: 4, apr: 4, maj: 5, juni: 6, jun: 6,
  juli: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, november: 11,
  nov: 11, december: 12, dec: 12,
};
/** JavaScript's weekday numbers, Sunday 0, as chrono uses them. */
const DA_WEEKDAYS: Record<string, number> = {
  søndag: 0, mandag: 1, tirsdag: 2, onsdag: 3, torsdag: 4, fredag: 5, lørdag: 6,
  søn: 0, man: 1, tirs: 2, tir: 2, ons: 3, tors: 4, tor: 4, fre: 5, lør: 6,
};

const words = (table: Record<string, unknown>) =>
  Object.keys(table)
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/\./g, "\\."))
    .join("|");
// JavaScript's \b only knows ASCII letters; these edges know æ, ø and å.
const START = String.raw`(?<![\p{L}\d])`;
const END = String.raw`(?![\p{L}\d])`;

const DA_RELATIVE = new RegExp(`${START}(?:om\\s+|i\\s+|efter\\s+)?(\\d{1,3}|${words(DA_NUMBER_WORDS)})\\s*(${words(DA_UNITS)})${END}`, "iu");
const DA_NEXT = new RegExp(`${START}(næste|kommende)\\s+(uge|måned|år)${END}`, "iu");
const DA_CASUAL = new RegExp(`${START}i\\s*(dag|morgen|overmorgen|går|forgårs)${END}`, "iu");
const DA_WEEKDAY = new RegExp(`${START}(?:(næste|på|kommende)\\s+)?(${words(DA_WEEKDAYS)})\\.?${END}`, "iu");
const DA_MONTH_DATE = new RegExp(`${START}(?:den\\s+)?(\\d{1,2})\\.?\\s*(${words(DA_MONTHS)})\\.?(?:\\s+(\\d{4}))?${END}`, "iu");
const DA_MONTH_ALONE = new RegExp(`${START}(?:starten\\s+af\\s+|begyndelsen\\s+af\\s+)?(${words(DA_MONTHS)})(?:\\s+(\\d{4}))?${END}`, "iu");

type Duration = { day?: number; week?: number; month?: number; year?: number };

function daysAhead(refWeekday: number, target: number, next: boolean): number {
  const ahead = (target - refWeekday + 7) % 7 || 7;
  // "næste fredag" reads like chrono's "next friday": the one in the coming week, not this week's.
  return next && ahead < 7 && target > refWeekday && refWeekday !== 0 ? ahead + 7 : ahead;
}

function danish(): chrono.Chrono {
  const parser = chrono.en.GB.clone();
  const relative = (context: chrono.ParsingContext, duration: Duration) =>
    chrono.ParsingComponents.createRelativeFromReference(context.reference, duration);
  parser.parsers.push(
    {
      pattern: () => DA_RELATIVE,
      extract: (context, match) => {
        const n = /^\d/.test(match[1]) ? Number(match[1]) : DA_NUMBER_WORDS[match[1].toLowerCase()];
        return relative(context, { [DA_UNITS[match[2].toLowerCase()]]: n });
      },
    },
    {
      pattern: () => DA_NEXT,
      extract: (context, match) => {
        const unit = { uge: "week", måned: "month", år: "year" }[match[2].toLowerCase()] as "week" | "month" | "year";
        return relative(context, { [unit]: 1 });
      },
    },
    {
      pattern: () => DA_CASUAL,
      extract: (context, match) =>
        relative(context, { day: ({ dag: 0, morgen: 1, overmorgen: 2, går: -1, forgårs: -2 } as Record<string, number>)[match[1].toLowerCase()] ?? 0 }),
    },
    {
      pattern: () => DA_WEEKDAY,
      extract: (context, match) => {
        const target = DA_WEEKDAYS[match[2].toLowerCase()];
        const ref = context.reference.getDateWithAdjustedTimezone().getDay();
        return relative(context, { day: daysAhead(ref, target, match[1]?.toLowerCase() === "næste") });
      },
    },
    {
      pattern: () => DA_MONTH_DATE,
      extract: (_context, match) => {
        const day = Number(match[1]);
        if (day < 1 || day > 31) return null;
        return { day, month: DA_MONTHS[match[2].toLowerCase()], ...(match[3] ? { year: Number(match[3]) } : {}) };
      },
    },
    {
      pattern: () => DA_MONTH_ALONE,
      extract: (_context, match) => ({ day: 1, month: DA_MONTHS[match[1].toLowerCase()], ...(match[2] ? { year: Number(match[2]) } : {}) }),
    },
  );
  return parser;
}

const PARSER = danish();

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

/** The whole text as one date, by chrono (the English phrases and the Danish ones added to it). */
function chronoDate(text: string, now: number, timeZone: string): LocalDate | null {
  const results = PARSER.parse(text, { instant: new Date(now), timezone: zoneOffsetMinutes(now, timeZone) }, { forwardDate: true });
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
export function parseSnoozeDate(phrase: string, now: number, timeZone: string): SnoozeDate {
  const text = phrase.trim().replace(/[.!]+$/, "").replace(LEAD_WORDS, "").trim();
  if (!text || text.length > MAX_DATE_PHRASE_CHARS) return { ok: false, reason: "unreadable" };
  const date = daysOrWeeksAhead(text, now, timeZone) ?? chronoDate(text, now, timeZone);
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
export function parseMetDate(words: string[], now: number, timeZone: string): MetDate {
  const today = localDate(now, timeZone);
  const todayStart = startOfLocalDay(today.year, today.month, today.day, timeZone);
  const maxWords = Math.min(words.length, 5);
  for (let n = maxWords; n >= 1; n--) {
    const phrase = words.slice(0, n).join(" ").replace(/[.,:;!]+$/, "");
    // "on tuesday", "den 12. nov", "på fredag"; "sidste fredag" is the latest Friday, as any weekday is.
    const text = phrase.replace(/^(on|den|på)\s+/i, "").replace(/^(sidste|forrige)\s+/i, "");
    if (!text || text.length > MAX_DATE_PHRASE_CHARS) continue;
    const results = PARSER.parse(text, { instant: new Date(now), timezone: zoneOffsetMinutes(now, timeZone) }, { forwardDate: false });
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
