// One line of the owner's mail → a command, or an error with a suggestion. Pure: no data, no clock.
// Forgiving of how people write mail (capitals from a phone keyboard, a trailing full stop, an address that
// Outlook turned into "anna@x.dk<mailto:anna@x.dk>", a bullet), strict about what a command means: a line
// that is not exactly one command is an error, never a guess that acts. What follows each verb word is read
// by that verb's entry (registry.ts).
import { htmlOwnText } from "../mail/html-own-text";
import { newText } from "../mail/reply";
import { isReplyOrForward } from "../mail/subject";
import type { ParsedMail } from "../mail/types";
import { entryForWord, KNOWN_VERB_WORDS } from "./registry";
import { MAX_LINE_CHARS, stripPunctuation } from "./words";

export { contactArgs, nameSplits } from "./verbs/contact";
export { parseCadence, MAX_LINE_CHARS, MAX_NOTE_CHARS, MAX_NAME_WORDS, MIN_CADENCE_DAYS, MAX_CADENCE_DAYS } from "./words";
export { KNOWN_VERB_WORDS };

/** Lines read from one mail; the rest are reported as skipped. A digest reply needs a handful. */
export const MAX_COMMAND_LINES = 30;

export type ContactVerb = "done" | "snooze" | "never" | "note" | "met" | "cadence" | "private" | "professional" | "forget";
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
  | "status"
  | "same"
  | "split"
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
  /** The words after the person: an optional date, then what it was ("on tuesday coffee at Paludan"). */
  | { verb: "met"; words: string[] }
  | { verb: "cadence"; days: number | null }
  | { verb: "forget"; confirmed: boolean };

type BareVerb = "pause" | "resume" | "settings" | "digest" | "export" | "stats" | "status" | "help";

export type Command =
  | { verb: ContactVerb; target: Target; args: ContactArgs | null }
  | { verb: "ignore"; pattern: string }
  /** One member per verb that takes no words, so that each verb's own command type can be picked out. */
  | { [V in BareVerb]: { verb: V } }[BareVerb]
  | { verb: "same"; addresses: [string, string] }
  | { verb: "split"; address: string }
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
  const entry = entryForWord(first);
  if (!entry?.parse) return { error: "unknown-command", word: words[0], suggestion: suggestVerb(first) };
  return entry.parse(rest);
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
