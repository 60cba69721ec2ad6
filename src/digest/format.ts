// Small pure helpers shared by the text and HTML renderers: cleaning attacker-controlled text, dates in the
// owner's time zone, ISO weeks, mailto links and line wrapping. Nothing here knows about a language.

import { isoWeekStart, WEEK_MS } from "../time";
import { wallClock } from "../zone-clock";
import type { WeekActivity } from "./types";

/** Weeks in the activity picture. */
export const ACTIVITY_WEEKS = 12;
/** A contact's name in the digest; longer names are cut so one sender cannot flood the layout. */
export const MAX_NAME_CHARS = 60;
/** A first name in the Subject line, which mail clients cut off at around 60–80 characters anyway. */
export const MAX_SUBJECT_NAME_CHARS = 24;
/** A quoted mail subject in an item. */
export const MAX_QUOTED_SUBJECT_CHARS = 120;

// C0/C1 controls and the Unicode bidi controls (UAX #9): the latter can reorder what a reader sees, so a
// crafted name could pose as something else ("Trojan Source", CVE-2021-42574).
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes control and bidi characters, collapses whitespace and cuts to `max` characters with an ellipsis. */
export function cleanText(value: string, max: number): string {
  const flat = value.replace(/\s+/g, " ").replace(UNSAFE_CHARS, "").trim();
  const chars = [...flat];
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join("").trimEnd()}…`;
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// RFC 6068 §2: everything outside unreserved characters is percent-encoded; '@' may stay as it is in the
// addr-spec. encodeURIComponent writes a space as %20, never '+', which mailto does not decode.
function encodeMailtoPart(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, "@");
}

/** A mailto: URI (RFC 6068) with a subject and a BCC, so the mail that follows is captured too. */
export function mailtoHref(to: string, subject: string, bcc: string): string {
  return `mailto:${encodeMailtoPart(to)}?subject=${encodeMailtoPart(subject)}&bcc=${encodeMailtoPart(bcc)}`;
}

/** A mailto: URI (RFC 6068) that writes a command to the assistant: `to` is the digest's signed reply address. */
export function commandMailto(to: string, subject: string, command: string): string {
  return `mailto:${encodeMailtoPart(to)}?subject=${encodeMailtoPart(subject)}&body=${encodeMailtoPart(command)}`;
}

export interface LocalDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

/** The calendar date of `ms` in `timeZone` (an IANA name). Throws RangeError on an unknown zone. */
export function localDate(ms: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(ms, timeZone);
  return { year, month, day };
}

/**
 * Exactly `ACTIVITY_WEEKS` rows, oldest first: the complete weeks before `current`, the digest's week.
 * Missing weeks become zeros, so a quiet spell shows as quiet instead of shifting the picture.
 */
export function fillActivityWeeks(rows: WeekActivity[], current: { year: number; week: number }): WeekActivity[] {
  const byWeek = new Map(rows.map((r) => [r.weekStart, r]));
  const last = isoWeekStart(current.year, current.week) - WEEK_MS;
  const out: WeekActivity[] = [];
  for (let i = ACTIVITY_WEEKS - 1; i >= 0; i--) {
    const weekStart = last - i * WEEK_MS;
    out.push(byWeek.get(weekStart) ?? { weekStart, sent: 0, received: 0, theyGave: 0, youGave: 0 });
  }
  return out;
}

/** First name for the Subject line: "Anna Holm" → "Anna", "Holm, Anna" → "Anna"; the address otherwise. */
export function shortName(name: string | null, address: string): string {
  const clean = name ? cleanText(name, MAX_NAME_CHARS) : "";
  const given = clean.includes(",") ? clean.slice(clean.indexOf(",") + 1).trim() : clean;
  const first = given.split(" ")[0]?.replace(/^["']|["']$/g, "");
  return cleanText(first || address, MAX_SUBJECT_NAME_CHARS);
}

/**
 * Greedy word wrap to `width` columns. Continuation lines start with `indent`; a word longer than the line
 * (an address, a URL) stays whole rather than being broken.
 */
export function wrap(text: string, width: number, firstPrefix = "", indent = firstPrefix.replace(/./g, " ")): string[] {
  const lines: string[] = [];
  let line = firstPrefix;
  // The line's length in characters (code points), kept as words are added rather than counted again.
  let length = 0;
  let empty = true;
  for (const word of text.split(" ").filter(Boolean)) {
    if (empty) {
      line += word;
      length = codePoints(line);
    } else if (length + 1 + codePoints(word) > width) {
      lines.push(line);
      line = indent + word;
      length = codePoints(line);
    } else {
      line = `${line} ${word}`;
      length += 1 + codePoints(word);
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** `[...text].length` without the array: UTF-16 units less the surrogate pairs. */
function codePoints(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}
