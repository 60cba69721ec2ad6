// One entry per verb: the words that call it, how the rest of its line is read, when it runs, what it does,
// its answer in both languages, and its lines in the help. The parser, the executor and the answer only
// walk this list; adding a verb is adding an entry (verbs/*.ts) and naming it in `Verb`.
import type { NumberedItem, Statement } from "../db/command-store";
import type { OwnerSettingsPatch } from "../db/owners";
import type { Contact, Owner } from "../db/schema";
import type { Language } from "../i18n/language";
import type { OutgoingAttachment } from "../mail/compose";
import type { CommandRun } from "./execute";
import type { Done, Failure, TokenProblem } from "./outcome";
import type { Command, ParseError, Verb } from "./parse";
import { contactVerbs } from "./verbs/contact";
import { ownerVerbs } from "./verbs/owner";
import { peopleVerbs } from "./verbs/people";

export type TokenState = { valid: true; items: NumberedItem[] } | { valid: false; problem: TokenProblem | "missing" };

/** What the lines of one mail share while they run. */
export interface RunContext {
  run: CommandRun;
  /** The owner as the mail found them; in the "after" phase, as the batch left them. */
  owner: Owner;
  /** Writes of the "batch" phase, sent to D1 together once every line has been read. */
  statements: Statement[];
  /** Settings changed by this mail so far (a later line sees an earlier `timezone`). */
  patch: OwnerSettingsPatch;
  timeZone: string;
  /** Contacts deleted, or merged away, by an earlier line of this mail. */
  gone: Set<number>;
  token: TokenState;
  /** Contacts by the addresses the lines name, as stored (an address merged into a person keeps its row). */
  byAddress: Map<string, Contact>;
  /** Persons' own rows by id, for addresses merged into them. */
  people: Map<number, Contact>;
  named: Contact[];
  attachments: OutgoingAttachment[];
  /** Where the answer's Reply-To goes, when a line's answer is a numbered list (`status`). */
  replyTo: string | null;
}

export type Texts<R> = Record<Language, (result: R, timeZone: string) => string | string[]>;

export interface VerbEntry<C extends Command = Command, R extends Done = Done> {
  verb: Verb;
  /** The words that call it; the first English and the first Danish one are those shown. */
  words: Record<Language, string[]>;
  /** The words after the verb word. Absent for a verb reached through another's words (digest → schedule). */
  parse?: (rest: string[]) => C | ParseError;
  /**
   * "batch": its writes join the mail's one batch (done, snooze, settings). "after": it runs once that batch
   * is written and sees its changes (settings as they now stand, a fresh digest, an export, status).
   */
  phase: "batch" | "after";
  /** What must be read before any line runs: addresses it names, the names it may name (each as words), item numbers. */
  needs?: (command: C) => { addresses?: string[]; names?: string[][]; items?: boolean };
  run: (ctx: RunContext, command: C) => Promise<R | Failure>;
  answer: Texts<R>;
  /** An example line, quoted in the answer when a line of this verb could not be read. */
  usage: Record<Language, string>;
  /** Its lines in the help list, in list order (a pair such as pause / resume shares one). */
  help: Record<Language, string[]>;
}

/** Types an entry by its command and results; the registry holds them as plain VerbEntry. */
export function defineVerb<C extends Command, R extends Done>(entry: VerbEntry<C, R>): VerbEntry {
  return entry as unknown as VerbEntry;
}

const ALL = { ...contactVerbs, ...peopleVerbs, ...ownerVerbs };
/** Help order; typo suggestions prefer the earlier of two equally close words. */
const ORDER: Array<keyof typeof ALL> = [
  "done", "snooze", "never", "note", "met", "cadence", "private", "professional", "same", "split", "ignore", "pause", "resume",
  "settings", "timezone", "language", "schedule", "digest", "export", "forget", "status", "stats", "help",
];
export const VERBS: readonly VerbEntry[] = ORDER.map((name) => ALL[name]);
if (VERBS.length !== Object.keys(ALL).length) throw new Error("every verb entry needs its place in ORDER");

const BY_VERB = new Map(VERBS.map((e) => [e.verb, e]));
const BY_WORD = new Map<string, VerbEntry>();
for (const entry of VERBS) {
  if (!entry.parse) continue;
  for (const word of [...entry.words.en, ...entry.words.da]) BY_WORD.set(word, entry);
}

/** Every word that starts a command: typo suggestions pick the first that is close. */
export const KNOWN_VERB_WORDS = [...new Set(VERBS.flatMap((e) => (e.parse ? [...e.words.en, ...e.words.da] : [])))];

export function entryForWord(word: string): VerbEntry | undefined {
  return BY_WORD.get(word);
}

export function entryFor(verb: Verb): VerbEntry {
  const entry = BY_VERB.get(verb);
  if (!entry) throw new Error(`no entry for verb ${verb}`);
  return entry;
}

/** The word a verb is called by in `lang`, for answers that name it. */
export function verbWord(verb: Verb, lang: Language): string {
  const entry = BY_VERB.get(verb);
  return entry?.words[lang][0] ?? entry?.words.en[0] ?? verb;
}
