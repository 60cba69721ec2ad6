// One line of the owner's mail → a command, or an error with a suggestion. Pure: no data, no clock.
// Forgiving of how people write mail (capitals from a phone keyboard, a trailing full stop, an address that
// Outlook turned into "anna@x.dk<mailto:anna@x.dk>", a bullet), strict about what a command means: a line
// that is not exactly one command is an error, never a guess that acts.
import { htmlOwnText } from "../mail/html";
import { newText } from "../mail/reply";
import { isReplyOrForward } from "../mail/subject";
import type { ParsedMail } from "../mail/types";

/** Lines read from one mail; the rest are reported as skipped. A digest reply needs a handful. */
export const MAX_COMMAND_LINES = 30;
/** A command line longer than this is prose, not a command. Notes are the long ones. */
export const MAX_LINE_CHARS = 1000;
/** Note text kept per command. */
export const MAX_NOTE_CHARS = 2000;
/** Words of a contact's name ("Anna Marie Holm Jensen"). */
export const MAX_NAME_WORDS = 4;
/** The digest is weekly: a shorter rhythm could never show. Two years is the longest that still means one. */
export const MIN_CADENCE_DAYS = 7;
export const MAX_CADENCE_DAYS = 730;

export type ContactVerb = "done" | "snooze" | "never" | "note" | "cadence" | "private" | "professional" | "forget";
export type Verb =
  | ContactVerb
  | "ignore"
  | "pause"
  | "resume"
  | "settings"
  | "timezone"
  | "language"
  | "schedule"
  | "digest"
  | "export"
  | "stats"
  | "help";

/** Who a contact command is about: a digest item, an address, or a name the owner's data must settle. */
export type Target =
  | { kind: "item"; number: number }
  | { kind: "address"; address: string }
  /** The words after the verb; how many of them are the name is known only against the owner's contacts. */
  | { kind: "name"; words: string[] };

export type ContactArgs =
  | { verb: "done" | "never" | "private" | "professional" }
  | { verb: "snooze"; when: string }
  | { verb: "note"; text: string }
  | { verb: "cadence"; days: number | null }
  | { verb: "forget"; confirmed: boolean };

export type Command =
  | { verb: ContactVerb; target: Target; args: ContactArgs | null }
  | { verb: "ignore"; pattern: string }
  | { verb: "pause" | "resume" | "settings" | "digest" | "export" | "stats" | "help" }
  | { verb: "timezone"; timeZone: string }
  | { verb: "language"; language: "en" | "da" }
  | { verb: "schedule"; weekday: number | null; hour: number | null };

export type ParseErrorCode =
  | "unknown-command"
  | "missing-target"
  | "missing-argument"
  | "extra-words"
  | "one-item-per-line"
  | "bad-address"
  | "bad-cadence"
  | "bad-language"
  | "bad-schedule"
  | "not-on-the-hour"
  | "line-too-long";

export interface ParseError {
  error: ParseErrorCode;
  /** The verb the line was read as, when it got that far. */
  verb?: Verb;
  /** What the owner wrote that did not fit, to quote back. */
  word?: string;
  /** A command the owner probably meant. */
  suggestion?: string;
}

export type ParsedLine = { line: string; result: Command | ParseError };

export function isParseError(value: object): value is ParseError {
  return "error" in value;
}

/** English first: the word shown in suggestions and help is the first of its verb. */
const VERB_WORDS: Record<string, Verb> = {
  done: "done", færdig: "done", faerdig: "done", klaret: "done",
  snooze: "snooze", udsæt: "snooze", udsaet: "snooze",
  never: "never", mute: "never", aldrig: "never",
  note: "note", notat: "note",
  cadence: "cadence", kadence: "cadence",
  private: "private", privat: "private",
  professional: "professional", work: "professional", faglig: "professional", professionel: "professional", arbejde: "professional",
  ignore: "ignore", ignorer: "ignore", ignorér: "ignore",
  pause: "pause",
  resume: "resume", unpause: "resume", genoptag: "resume",
  settings: "settings", indstillinger: "settings",
  timezone: "timezone", tidszone: "timezone",
  language: "language", sprog: "language",
  digest: "digest", oversigt: "digest",
  export: "export", eksport: "export", eksporter: "export", eksportér: "export",
  forget: "forget", glem: "forget",
  stats: "stats", statistics: "stats", statistik: "stats",
  help: "help", hjælp: "help", hjaelp: "help", "?": "help",
};
export const KNOWN_VERB_WORDS = Object.keys(VERB_WORDS);

const CONFIRM_WORDS = new Set(["confirm", "confirmed", "yes", "bekræft", "bekraeft", "bekræftet", "ja"]);
const ADDRESS = /^[a-z0-9._%+'-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$/i;
const DOMAIN = /^@?([a-z0-9-]+(\.[a-z0-9-]+)+)$/i;
const ITEM = /^#?(\d{1,3})[.,:]?$/;
// Salutations and thanks on a line of their own are not commands, and answering them with an error helps no one.
const SALUTATION =
  /^(hi|hello|hey|dear|hej|hejsa|kære|goddag|thanks|thank you|thanks a lot|many thanks|tak|mange tak|tusind tak)\b[\p{L}\s,.!-]{0,30}$/iu;

function clean(line: string): string {
  return line
    .replace(/\s*[<[]mailto:[^>\]]*[>\]]/gi, "")
    .replace(/^\s*([-*•–]|\d+\))\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function stripPunctuation(word: string): string {
  return word.replace(/^[<("'“]+|[>)"'”.,;:!?]+$/g, "");
}

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = next;
    }
  }
  return row[b.length];
}

/** The command word closest to `word`, if it is close enough to be a typo (two edits, one for short words). */
export function suggestVerb(word: string): string | undefined {
  const w = word.toLowerCase();
  let best: { word: string; distance: number } | undefined;
  for (const candidate of KNOWN_VERB_WORDS) {
    if (candidate.length < 3) continue;
    const d = levenshtein(w, candidate);
    if (!best || d < best.distance) best = { word: candidate, distance: d };
  }
  if (!best) return undefined;
  const limit = w.length <= 4 ? 1 : 2;
  return best.distance <= limit ? best.word : undefined;
}

function target(word: string): Target | ParseError {
  const item = word.match(ITEM);
  if (item) return { kind: "item", number: Number(item[1]) };
  const bare = stripPunctuation(word).replace(/^mailto:/i, "").toLowerCase();
  if (bare.includes("@")) return ADDRESS.test(bare) ? { kind: "address", address: bare } : { error: "bad-address", word };
  return { kind: "name", words: [] };
}

/** The arguments that follow a contact, for each contact verb. Public: a named contact's rest comes later. */
export function contactArgs(verb: ContactVerb, rest: string[]): ContactArgs | ParseError {
  const text = rest.join(" ").trim();
  switch (verb) {
    case "done":
    case "never":
    case "private":
    case "professional":
      if (rest.length === 0) return { verb };
      if (rest.every((w) => ITEM.test(w))) return { error: "one-item-per-line", verb, word: text };
      return { error: "extra-words", verb, word: text };
    case "snooze":
      return text ? { verb, when: text } : { error: "missing-argument", verb };
    case "note":
      return text ? { verb, text: text.slice(0, MAX_NOTE_CHARS) } : { error: "missing-argument", verb };
    case "cadence": {
      if (!text) return { error: "missing-argument", verb };
      const days = parseCadence(text);
      return days === undefined ? { error: "bad-cadence", verb, word: text } : { verb, days };
    }
    case "forget": {
      if (rest.length === 0) return { verb, confirmed: false };
      if (rest.length === 1 && CONFIRM_WORDS.has(stripPunctuation(rest[0]).toLowerCase())) return { verb, confirmed: true };
      return { error: "extra-words", verb, word: text };
    }
  }
}

/** Splits a named contact's words from what follows: the last word of "forget Anna Holm confirm" is no name. */
export function nameSplits(verb: ContactVerb, words: string[]): Array<{ name: string[]; rest: string[] }> {
  const takesArgs = verb === "snooze" || verb === "note" || verb === "cadence";
  if (!takesArgs) {
    const last = words[words.length - 1];
    if (verb === "forget" && words.length > 1 && CONFIRM_WORDS.has(stripPunctuation(last).toLowerCase())) {
      return [{ name: words.slice(0, -1), rest: [last] }];
    }
    return [{ name: words, rest: [] }];
  }
  const splits = [];
  for (let n = Math.min(MAX_NAME_WORDS, words.length - 1); n >= 1; n--) splits.push({ name: words.slice(0, n), rest: words.slice(n) });
  return splits;
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

function parseSchedule(words: string[]): Command | ParseError {
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

const LANGUAGES: Record<string, "en" | "da"> = { en: "en", english: "en", engelsk: "en", da: "da", danish: "da", dansk: "da" };

/** Null for a line that is no command and needs no answer: blank, quoted, or a salutation. */
export function parseLine(raw: string): Command | ParseError | null {
  if (/^\s*>/.test(raw)) return null;
  const line = clean(raw);
  if (!line || SALUTATION.test(line)) return null;
  if (line.length > MAX_LINE_CHARS) return { error: "line-too-long" };
  const words = line.split(" ");
  let first = stripPunctuation(words[0]).toLowerCase() || words[0];
  let rest = words.slice(1);
  if (first === "time" && rest[0]?.toLowerCase() === "zone") {
    first = "timezone";
    rest = rest.slice(1);
  }
  const verb = VERB_WORDS[first];
  if (!verb) return { error: "unknown-command", word: words[0], suggestion: suggestVerb(first) };

  switch (verb) {
    case "pause":
    case "resume":
    case "settings":
    case "export":
    case "stats":
    case "help":
      return rest.length === 0 ? { verb } : { error: "extra-words", verb, word: rest.join(" ") };
    case "digest":
      return rest.length === 0 ? { verb } : parseSchedule(rest);
    case "timezone":
      return rest.length === 1 ? { verb, timeZone: stripPunctuation(rest[0]) } : { error: "missing-argument", verb };
    case "language": {
      const language = LANGUAGES[stripPunctuation(rest[0] ?? "").toLowerCase()];
      if (rest.length === 1 && language) return { verb, language };
      return rest.length === 0 ? { error: "missing-argument", verb } : { error: "bad-language", verb, word: rest.join(" ") };
    }
    case "ignore": {
      if (rest.length === 0) return { error: "missing-argument", verb };
      if (rest.length > 1) return { error: "extra-words", verb, word: rest.slice(1).join(" ") };
      const word = stripPunctuation(rest[0]).replace(/^mailto:/i, "").toLowerCase();
      if (ADDRESS.test(word)) return { verb, pattern: word };
      const domain = word.match(DOMAIN);
      return domain ? { verb, pattern: `@${domain[1]}` } : { error: "bad-address", verb, word: rest[0] };
    }
    case "schedule":
      throw new Error("schedule is reached through digest");
    default: {
      if (rest.length === 0) return { error: "missing-target", verb };
      const t = target(rest[0]);
      if (isParseError(t)) return { ...t, verb };
      if (t.kind === "name") return { verb, target: { kind: "name", words: rest }, args: null };
      const args = contactArgs(verb, rest.slice(1));
      return isParseError(args) ? args : { verb, target: t, args };
    }
  }
}

/** The lines of a mail's new text, each read. Lines past MAX_COMMAND_LINES are counted, not read. */
export function parseCommandText(text: string): { lines: ParsedLine[]; skipped: number } {
  const lines: ParsedLine[] = [];
  let skipped = 0;
  for (const raw of text.split("\n")) {
    const result = parseLine(raw);
    if (result === null) continue;
    if (lines.length >= MAX_COMMAND_LINES) {
      skipped++;
      continue;
    }
    lines.push({ line: clean(raw).slice(0, 200), result });
  }
  return { lines, skipped };
}

/**
 * The text commands are read from: the mail's new text only. An HTML-only mail is cut at its first quote
 * marker before that, since its quotes carry no "> ". A reply's subject ("Re: Gensidig · Week 48") is no
 * command; a fresh mail's may be ("help", "export").
 */
export function commandText(mail: ParsedMail): string {
  const body = mail.textFromHtml && mail.html !== null ? htmlOwnText(mail.html) : mail.text;
  const own = newText(body);
  if (own.trim()) return own;
  const subject = mail.subject.trim();
  return isReplyOrForward(subject) ? "" : subject;
}

/** The command lines of a mail, each read. */
export function parseCommandMail(mail: ParsedMail): { lines: ParsedLine[]; skipped: number } {
  return parseCommandText(commandText(mail));
}
