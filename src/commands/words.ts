// The words of commands, shared by the line parser and the verb entries: addresses, item numbers, rhythms,
// digest times, languages. Pure: no data, no clock.
import type { Command, ParseError, Target } from "./parse";

/** A command line longer than this is prose, not a command. Notes are the long ones. */
export const MAX_LINE_CHARS = 1000;
/** Note text kept per command. */
export const MAX_NOTE_CHARS = 2000;
/** Words of a contact's name ("Anna Marie Holm Jensen"). */
export const MAX_NAME_WORDS = 4;
/** The digest is weekly: a shorter rhythm could never show. Two years is the longest that still means one. */
export const MIN_CADENCE_DAYS = 7;
export const MAX_CADENCE_DAYS = 730;

export const CONFIRM_WORDS = new Set(["confirm", "confirmed", "yes", "bekræft", "bekraeft", "bekræftet", "ja"]);
export const ADDRESS = /^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
export const DOMAIN = /^@?([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
export const ITEM = /^#?(\d{1,3})[.,:]?$/;

export function stripPunctuation(word: string): string {
  return word.replace(/^[<("'“]+|[>)"'”.,;:!?]+$/g, "");
}

/** A word as an address, lower-cased, with Outlook's mailto: and brackets gone; null when it is none. */
export function addressWord(word: string): string | null {
  const bare = stripPunctuation(word).replace(/^mailto:/i, "").toLowerCase();
  return ADDRESS.test(bare) ? bare : null;
}

/** Who the first word after a contact verb names: an item, an address, or the start of a name. */
export function target(word: string): Target | ParseError {
  const item = word.match(ITEM);
  if (item) return { kind: "item", number: Number(item[1]) };
  const bare = stripPunctuation(word).replace(/^mailto:/i, "").toLowerCase();
  if (bare.includes("@")) return ADDRESS.test(bare) ? { kind: "address", address: bare } : { error: "bad-address", word };
  return { kind: "name", words: [] };
}

const UNIT_DAYS: Record<string, number> = {
  day: 1, days: 1, dag: 1, dage: 1, d: 1,
  week: 7, weeks: 7, uge: 7, uger: 7, w: 7, u: 7,
  month: 0, months: 0, måned: 0, måneder: 0, m: 0,
  year: 365, years: 365, år: 365, y: 365, å: 365,
};
const NAMED_CADENCE: Record<string, number | null> = {
  off: null, auto: null, automatic: null, default: null, none: null, automatisk: null, standard: null, ingen: null,
  weekly: 7, "every week": 7, ugentlig: 7, ugentligt: 7, "hver uge": 7,
  biweekly: 14, fortnightly: 14, "every other week": 14, "every two weeks": 14, "hver anden uge": 14, "hver 14. dag": 14, "hver fjortende dag": 14,
  monthly: 30, "every month": 30, "once a month": 30, månedlig: 30, månedligt: 30, "hver måned": 30, "en gang om måneden": 30,
  quarterly: 91, "every quarter": 91, kvartalsvis: 91, "hvert kvartal": 91,
  "half-yearly": 183, semiannually: 183, "twice a year": 183, halvårlig: 183, halvårligt: 183, "hvert halve år": 183,
  yearly: 365, annually: 365, "every year": 365, "once a year": 365, årlig: 365, årligt: 365, "hvert år": 365, "en gang om året": 365,
};
const COUNT_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, eight: 8, ten: 10, twelve: 12,
  en: 1, et: 1, to: 2, tre: 3, fire: 4, fem: 5, seks: 6, otte: 8, ti: 10, tolv: 12,
  other: 2, anden: 2, andet: 2, tredje: 3, fjerde: 4, femte: 5, sjette: 6, ottende: 8, tiende: 10, tolvte: 12,
};

/**
 * Days between contacts: "monthly", "every 6 weeks", "6w", "kvartalsvis", "hver 6. uge", "hvert andet år";
 * null for "off" (back to the rhythm Gensidig infers); undefined when unreadable or out of range.
 */
export function parseCadence(text: string): number | null | undefined {
  const t = text.toLowerCase().replace(/[.!]+$/, "").replace(/\s+/g, " ").trim();
  if (t in NAMED_CADENCE) return NAMED_CADENCE[t];
  const m = t.match(/^(?:every |hver |hvert |once every )?(\d{1,3}|[\p{L}]+)?\.? ?([\p{L}]+)$/u) ?? t.match(/^(\d{1,3})([dwumyå])$/u);
  if (!m) return undefined;
  const count = m[1] === undefined ? 1 : /^\d/.test(m[1]) ? Number(m[1]) : COUNT_WORDS[m[1]];
  const unit = UNIT_DAYS[m[2]];
  if (count === undefined || unit === undefined || count < 1) return undefined;
  const days = unit === 0 ? Math.round((count * 365) / 12) : count * unit;
  return days >= MIN_CADENCE_DAYS && days <= MAX_CADENCE_DAYS ? days : undefined;
}

const WEEKDAY_WORDS: Record<string, number> = {
  monday: 1, mon: 1, mondays: 1, mandag: 1, man: 1,
  tuesday: 2, tue: 2, tues: 2, tuesdays: 2, tirsdag: 2, tir: 2, tirs: 2,
  wednesday: 3, wed: 3, wednesdays: 3, onsdag: 3, ons: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, thursdays: 4, torsdag: 4, tor: 4, tors: 4,
  friday: 5, fri: 5, fridays: 5, fredag: 5, fre: 5,
  saturday: 6, sat: 6, saturdays: 6, lørdag: 6, lør: 6,
  sunday: 7, sun: 7, sundays: 7, søndag: 7, søn: 7,
};
// Filler words between the parts of "digest every monday at 8:00" / "oversigt hver mandag kl. 8".
const SCHEDULE_FILLER = new Set(["at", "on", "every", "kl", "kl.", "klokken", "om", "hver", "på", "i"]);

export function parseSchedule(words: string[]): Command | ParseError {
  let weekday: number | null = null;
  let hour: number | null = null;
  for (const raw of words) {
    const w = raw.toLowerCase().replace(/,$/, "");
    if (SCHEDULE_FILLER.has(w)) continue;
    const day = WEEKDAY_WORDS[w.replace(/\.$/, "")] ?? WEEKDAY_WORDS[w.replace(/(e|s)$/, "")];
    if (day !== undefined && weekday === null) {
      weekday = day;
      continue;
    }
    const time = w.match(/^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a\.m\.|p\.m\.)?$/);
    if (time && hour === null) {
      let h = Number(time[1]);
      const half = time[3]?.[0];
      if (half === "p" && h < 12) h += 12;
      if (half === "a" && h === 12) h = 0;
      if (h > 23 || (half && Number(time[1]) > 12)) return { error: "bad-schedule", verb: "schedule", word: raw };
      if (time[2] && time[2] !== "00") return { error: "not-on-the-hour", verb: "schedule", word: raw };
      hour = h;
      continue;
    }
    return { error: "bad-schedule", verb: "schedule", word: raw };
  }
  return { verb: "schedule", weekday, hour };
}

export const LANGUAGES: Record<string, "en" | "da"> = { en: "en", english: "en", engelsk: "en", da: "da", danish: "da", dansk: "da" };
