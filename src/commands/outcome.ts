// What each line of a command mail did, as data. answer.ts turns it into the owner's language.
import type { OwnerStats } from "../db/commands";
import type { Language } from "../i18n/language";
import type { ParseErrorCode, Verb } from "./parse";

export interface Who {
  name: string | null;
  address: string;
}

export interface SettingsView {
  language: "en" | "da";
  timeZone: string;
  digestWeekday: number;
  digestHour: number;
  paused: boolean;
  followUpDays: number;
  cadenceProfessionalDays: number | null;
  cadencePrivateDays: number | null;
  ignored: string[];
}

/** Why a digest reply address (gensidig+<token>@…) did not verify. Mail sent to one runs nothing. */
export type TokenProblem = "forged" | "expired" | "other-owner" | "unknown-digest";

export type Done =
  | { code: "done"; who: Who; item: number | null }
  | { code: "snoozed"; who: Who; until: number }
  | { code: "muted"; who: Who }
  | { code: "noted"; who: Who; created: boolean }
  | { code: "met"; who: Who; at: number; what: string | null; created: boolean }
  | { code: "merged"; who: Who; address: string }
  | { code: "split"; who: Who; address: string }
  /** The answer's lines, worked out when the line ran (in the owner's zone), in each language it may be written in. */
  | { code: "status"; lines: Record<Language, string[]> }
  | { code: "cadence"; who: Who; days: number | null }
  | { code: "circle"; who: Who; circle: "professional" | "private" }
  | { code: "ignored"; pattern: string; muted: number }
  | { code: "paused" | "resumed"; already: boolean }
  | { code: "settings"; settings: SettingsView }
  | { code: "timezone"; timeZone: string }
  | { code: "language"; language: "en" | "da" }
  | { code: "schedule"; weekday: number; hour: number }
  | { code: "digest-sent"; items: number; to: string }
  | { code: "exported"; contacts: number; interactions: number; notes: number }
  /** Too large to attach: a signed link to the API export (null without PUBLIC_URL), valid until expiresAt. */
  | { code: "export-link"; contacts: number; interactions: number; notes: number; url: string | null; expiresAt: number }
  | { code: "forget-ask"; who: Who }
  | { code: "forgotten"; who: Who; interactions: number; notes: number }
  | { code: "stats"; stats: OwnerStats }
  | { code: "help" };

export type Failure =
  | { code: ParseErrorCode; verb?: Verb; word?: string; suggestion?: string }
  /** An item number in a mail that answers no digest. */
  | { code: "no-digest" }
  | { code: "no-item"; number: number; count: number }
  | { code: "not-found"; ref: string }
  | { code: "ambiguous"; ref: string; candidates: Who[] }
  | { code: "bad-date"; reason: "unreadable" | "past" | "too-far" | "future"; word: string }
  /** `note`/`met` on one of the owner's own addresses: the owner is never their own contact. */
  | { code: "own-address"; word: string }
  | { code: "already-same"; who: Who; address: string }
  /** `split` on an address that is no other person's: its own person, with these addresses merged into it. */
  | { code: "not-merged"; who: Who; others: string[] }
  | { code: "bad-timezone"; word: string }
  | { code: "already-forgotten"; who: Who }
  | { code: "digest-failed" };

/** `verb`: whose entry answers a line that worked. */
export type LineOutcome = { line: string } & ({ ok: true; verb: Verb; result: Done } | { ok: false; result: Failure });

/** The codes of Failure, to tell a verb's failure from its result. */
const FAILURE_CODES = new Set<Failure["code"]>([
  "unknown-command", "missing-target", "missing-argument", "extra-words", "one-item-per-line", "bad-address", "bad-cadence",
  "bad-language", "bad-schedule", "not-on-the-hour", "line-too-long", "no-digest", "no-item", "not-found", "ambiguous", "bad-date",
  "bad-timezone", "already-forgotten", "digest-failed", "own-address", "already-same", "not-merged",
]);

export function isFailure(result: Done | Failure): result is Failure {
  return FAILURE_CODES.has(result.code as Failure["code"]);
}
