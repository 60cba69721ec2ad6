// A list of phrase patterns, matched as one alternation of them would be, without compiling that alternation.
//
// The rules in intent.ts and request-cues.ts are lists of hundreds of short patterns. As one regex each, a fresh
// isolate compiled all of them on its first mail (most of 170 ms of CPU), and every mail ran every pattern.
// Here each pattern is its own small regex, built only when the text holds the words the pattern cannot match
// without: "could you_take a look" needs " you", so a mail without "you" never builds it. A mail holds the
// words of a few dozen patterns, not hundreds.
//
// The answers are those of the alternation: a pattern matches where its regex matches, the first match is the
// leftmost, and of patterns matching at the same place the one listed first wins.
//
// What each pattern cannot match without is read from the pattern (requiredText). Reading 600 patterns was most of
// a fresh isolate's first mail, so it is done ahead of time: phrase-needs.ts lists the needs of each fixed set's
// patterns, one row per set, written by `npm run phrase-needs` and checked against the patterns by
// test/unit/phrase-needs.test.ts. A set it does not list (one built for a reader's name) reads its own.
import { letterRegExp } from "./letters";
import { PHRASE_NEEDS } from "./phrase-needs";

export interface PhraseMatch {
  index: number;
  length: number;
}

interface Pattern {
  /** The pattern's whole regex source, its boundaries included. */
  readonly source: string;
  /**
   * What the text must hold for the pattern to match: each entry is a set of strings, one of which must occur.
   * Lower-cased when case is ignored.
   */
  readonly needs: string[][];
  /** Trigrams the text must hold, a quick first look before `needs` is checked (`gatesOf`). */
  readonly gates: number[][];
  regex: RegExp | null;
}

export class PhraseSet {
  private readonly sources: readonly string[];
  private readonly wrap: (pattern: string) => string;
  private readonly ignoreCase: boolean;
  private built: Pattern[] | null = null;

  /**
   * `wrap` puts each pattern in its boundaries ("not after a letter … not before one"). Sources may name
   * `\p{L}`, `\p{N}` and `\p{Lu}`; the text must be mapped by `latin1Text` (see letters.ts).
   */
  constructor(patterns: readonly string[], wrap: (pattern: string) => string, options: { ignoreCase: boolean }) {
    this.sources = patterns;
    this.wrap = wrap;
    this.ignoreCase = options.ignoreCase;
    recorded?.push({ key: setKey(patterns, this.ignoreCase), patterns, ignoreCase: this.ignoreCase });
  }

  // The rules' modules build all their sets when they load, and a mail that is a command asks none of them: a
  // set reads its patterns' needs (its row of the needs table) only when it is first asked.
  private get patterns(): Pattern[] {
    if (!this.built) {
      const listed = listedNeeds(setKey(this.sources, this.ignoreCase));
      this.built = this.sources.map((p, i) => {
        const row = listed?.[i];
        // A row is for this pattern if it was read from a pattern as long (the test holds the table to the rules).
        const { needs, gates } = row && row[0] === p.length ? { needs: row[1], gates: row[2] } : lookInto(p, this.ignoreCase);
        return { source: this.wrap(p), needs, gates, regex: null };
      });
    }
    return this.built;
  }

  test(text: string): boolean {
    const held = this.heldText(text);
    for (const pattern of this.patterns) {
      if (!holds(held, pattern)) continue;
      const regex = this.regexOf(pattern);
      regex.lastIndex = 0;
      if (regex.test(text)) return true;
    }
    return false;
  }

  /** The leftmost match at or after `from`; of patterns matching there, the one listed first. */
  first(text: string, from = 0): PhraseMatch | null {
    return this.firstAmong(this.candidates(text), text, from);
  }

  /** Every match, left to right and not overlapping, as a global regex finds them. */
  all(text: string): PhraseMatch[] {
    const candidates = this.candidates(text);
    const found: PhraseMatch[] = [];
    let from = 0;
    for (;;) {
      const m = this.firstAmong(candidates, text, from);
      if (!m) return found;
      found.push(m);
      from = m.index + Math.max(m.length, 1);
    }
  }

  /** The text with every match replaced by `by`. */
  replaceAll(text: string, by: string): string {
    const matches = this.all(text);
    if (!matches.length) return text;
    let out = "";
    let at = 0;
    for (const m of matches) {
      out += text.slice(at, m.index) + by;
      at = m.index + m.length;
    }
    return out + text.slice(at);
  }

  private candidates(text: string): Pattern[] {
    const held = this.heldText(text);
    return this.patterns.filter((p) => holds(held, p));
  }

  private firstAmong(candidates: Pattern[], text: string, from: number): PhraseMatch | null {
    let best: PhraseMatch | null = null;
    for (const pattern of candidates) {
      const regex = this.regexOf(pattern);
      regex.lastIndex = from;
      const m = regex.exec(text);
      if (m && (!best || m.index < best.index)) best = { index: m.index, length: m[0].length };
    }
    return best;
  }

  private regexOf(pattern: Pattern): RegExp {
    pattern.regex ??= letterRegExp(pattern.source, this.ignoreCase ? "gi" : "g");
    return pattern.regex;
  }

  private heldText(text: string): Held {
    return held(text, this.ignoreCase);
  }
}

/** What a pattern needs, and the trigrams that gate it. */
export interface PatternNeeds {
  needs: string[][];
  gates: number[][];
}

/**
 * How phrase-needs.ts names a set: whether case is ignored (which lower-cases its needs), how many patterns it
 * holds, and its first. A set built for a reader's name has no row; its patterns are read when it is first asked.
 */
export function setKey(patterns: readonly string[], ignoreCase: boolean): string {
  return `${ignoreCase ? "i" : "c"}${patterns.length} ${patterns[0] ?? ""}`;
}

export function lookInto(pattern: string, ignoreCase: boolean): PatternNeeds {
  const needs = requiredText(pattern, ignoreCase);
  return { needs, gates: gatesOf(needs) };
}

/** A set's row of the needs table: per pattern, its length, its needs and its gates. */
export type NeedsRow = [number, string[][], number[][]];

function listedNeeds(key: string): NeedsRow[] | null {
  const json = Object.hasOwn(PHRASE_NEEDS, key) ? PHRASE_NEEDS[key] : undefined;
  return json === undefined ? null : (JSON.parse(json) as NeedsRow[]);
}

/** A set as `npm run phrase-needs` and its test see it. */
export interface RecordedSet {
  key: string;
  patterns: readonly string[];
  ignoreCase: boolean;
}

/** While set, every set built, in order: how `npm run phrase-needs` and its test find the rules' patterns. */
let recorded: RecordedSet[] | null = null;
export function recordPhraseSets(): RecordedSet[] {
  recorded ??= [];
  return recorded;
}

/**
 * The needs table for these sets, as phrase-needs.ts holds it: each set's row as JSON, by its key. Two different
 * sets under one key cannot both have a row, so that is refused: make their first patterns differ.
 */
export function needsTable(sets: readonly RecordedSet[]): Record<string, string> {
  const table: Record<string, string> = {};
  const patternsOf = new Map<string, string>();
  for (const set of sets) {
    const joined = set.patterns.join("\n");
    const before = patternsOf.get(set.key);
    if (before !== undefined && before !== joined) throw new Error(`two phrase sets share the key ${set.key.slice(0, 80)}…`);
    patternsOf.set(set.key, joined);
    const rows: NeedsRow[] = set.patterns.map((p) => {
      const { needs, gates } = lookInto(p, set.ignoreCase);
      return [p.length, needs, gates];
    });
    table[set.key] = JSON.stringify(rows);
  }
  return table;
}

/** A text as the patterns look into it: lower-cased when case is ignored, and which trigrams it holds. */
interface Held {
  text: string;
  /** A bit for each trigram's slot: a table of 2^n bits, sized to the text, so few trigrams share a slot. */
  trigrams: Uint32Array;
  slotMask: number;
}

// Plain loops: this runs for every pattern of every set on every text the rules ask about.
function holds(held: Held, pattern: Pattern): boolean {
  const { gates, needs } = pattern;
  for (let g = 0; g < gates.length; g++) {
    const anyOf = gates[g];
    let any = false;
    for (let i = 0; i < anyOf.length && !any; i++) {
      const slot = anyOf[i] & held.slotMask;
      any = (held.trigrams[slot >>> 5] & (1 << (slot & 31))) !== 0;
    }
    if (!any) return false;
  }
  for (let i = 0; i < needs.length; i++) {
    const anyOf = needs[i];
    let found = false;
    for (let j = 0; j < anyOf.length && !found; j++) found = held.text.includes(anyOf[j]);
    if (!found) return false;
  }
  return true;
}

/**
 * A trigram's hash, 16 bits; a text's table keeps its low bits. Two trigrams may share a slot: then a pattern is
 * looked at more closely than it needed to be, never skipped.
 */
function trigram(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) & 0xffff;
}

/** Gates no more than this many trigrams deep: each one more costs every look and rules out less. */
const MAX_GATES = 3;

/**
 * The quick first look: groups of trigram hashes, each group holding one of the text must hold. A string the
 * text must hold gives its first and last trigram (both must be there); a choice of strings gives the middle
 * trigram of each (one must be there). The longest strings say most, so they come first.
 */
function gatesOf(needs: string[][]): number[][] {
  const middle = (s: string) => trigram(s, Math.floor((s.length - 3) / 2));
  const gates: number[][] = [];
  const single = needs.filter((n) => n.length === 1 && n[0].length >= 3).map((n) => n[0]).sort((a, b) => b.length - a.length);
  for (const s of single) {
    gates.push([trigram(s, 0)]);
    if (s.length > 3) gates.push([trigram(s, s.length - 3)]);
  }
  const choices = needs.filter((n) => n.length > 1 && shortest(n) >= 3).sort((a, b) => a.length - b.length);
  for (const anyOf of choices) gates.push([...new Set(anyOf.map(middle))]);
  return gates.slice(0, MAX_GATES);
}

/** The rules ask about the same few texts many times over (the mail, then each sentence). */
const HELD = [new Map<string, Held>(), new Map<string, Held>()];
const HELD_KEPT = 64;

function held(text: string, ignoreCase: boolean): Held {
  const cache = HELD[ignoreCase ? 1 : 0];
  let h = cache.get(text);
  if (h === undefined) {
    if (cache.size >= HELD_KEPT) cache.clear();
    const looked = ignoreCase ? text.toLowerCase() : text;
    // About 32 slots for each trigram, between 2^10 and 2^16 of them.
    let slots = 1024;
    while (slots < 65536 && slots < looked.length * 32) slots *= 2;
    const slotMask = slots - 1;
    const trigrams = new Uint32Array(slots >>> 5);
    for (let i = 0; i + 3 <= looked.length; i++) {
      const slot = trigram(looked, i) & slotMask;
      trigrams[slot >>> 5] |= 1 << (slot & 31);
    }
    h = { text: looked, trigrams, slotMask };
    cache.set(text, h);
  }
  return h;
}

// ---- What a pattern cannot match without ------------------------------------------------------------------
//
// A small reader of the regex syntax the rules use. It only ever leaves a requirement out: whatever it does not
// understand (a class, an escape, a lookaround, anything optional) adds nothing, so a pattern is never skipped
// when it could match.

interface Item {
  /** A literal character, or a group's alternatives; neither for anything else. */
  char?: string;
  alternatives?: Item[][];
  min: number;
  max: number;
}

/** Strings shorter than this say too little to be worth looking for. */
const MIN_NEEDED_CHARS = 2;

export function requiredText(source: string, ignoreCase: boolean): string[][] {
  const reader = new SyntaxReader(source);
  const alternatives = reader.alternatives();
  const fold = (s: string) => (ignoreCase ? s.toLowerCase() : s);
  const needs = alternatives.length === 1 ? needsOf(alternatives[0]) : anyOfNeeds(alternatives.map(needsOf));
  return needs.map((anyOf) => [...new Set(anyOf.map(fold))]);
}

function needsOf(sequence: Item[]): string[][] {
  const needs: string[][] = [];
  let run = "";
  const endRun = () => {
    if (run.length >= MIN_NEEDED_CHARS) needs.push([run]);
    run = "";
  };
  for (const item of sequence) {
    if (item.min === 0) {
      endRun();
    } else if (item.char !== undefined) {
      run += item.char;
      // "a+" holds one "a" after what came before; what follows may come after more of them.
      if (item.max !== 1) endRun();
    } else if (item.alternatives) {
      endRun();
      if (item.alternatives.length === 1) needs.push(...needsOf(item.alternatives[0]));
      else needs.push(...anyOfNeeds(item.alternatives.map(needsOf)));
    } else {
      endRun();
    }
  }
  endRun();
  return needs;
}

/** Of alternatives, the text holds one: so it holds one of their strongest needs, if each has one. */
function anyOfNeeds(each: string[][][]): string[][] {
  const strongest = each.map((needs) => needs.reduce<string[] | null>((best, n) => (!best || shortest(n) > shortest(best) ? n : best), null));
  return strongest.every((n) => n !== null) ? [strongest.flatMap((n) => n as string[])] : [];
}

function shortest(anyOf: string[]): number {
  return Math.min(...anyOf.map((s) => s.length));
}

/** `{n}`, `{n,}` or `{n,m}`. */
const COUNT = /\{(\d+)(,(\d*))?\}/y;

class SyntaxReader {
  private at = 0;
  private readonly source: string;
  constructor(source: string) {
    this.source = source;
  }

  alternatives(): Item[][] {
    const alternatives: Item[][] = [[]];
    while (this.at < this.source.length && this.source[this.at] !== ")") {
      if (this.source[this.at] === "|") {
        this.at++;
        alternatives.push([]);
        continue;
      }
      alternatives[alternatives.length - 1].push(this.quantifier(this.atom()));
    }
    return alternatives;
  }

  private atom(): Item {
    const s = this.source;
    const c = s[this.at];
    if (c === "(") {
      this.at++;
      let lookaround = false;
      if (s.startsWith("?:", this.at)) this.at += 2;
      else if (s.startsWith("?=", this.at) || s.startsWith("?!", this.at)) (this.at += 2), (lookaround = true);
      else if (s.startsWith("?<=", this.at) || s.startsWith("?<!", this.at)) (this.at += 3), (lookaround = true);
      else if (s.startsWith("?<", this.at)) this.at = s.indexOf(">", this.at) + 1;
      const alternatives = this.alternatives();
      this.at++; // ")"
      return lookaround ? { min: 1, max: 1 } : { alternatives, min: 1, max: 1 };
    }
    if (c === "[") {
      this.at++;
      while (this.at < s.length && s[this.at] !== "]") this.at += s[this.at] === "\\" ? 2 : 1;
      this.at++;
      return { min: 1, max: 1 };
    }
    if (c === "\\") {
      const e = s[this.at + 1];
      this.at += 2;
      if (e === "p" || e === "P" || e === "k") this.at = s.indexOf(e === "k" ? ">" : "}", this.at) + 1;
      else if (e === "u") this.at += s[this.at] === "{" ? s.indexOf("}", this.at) + 1 - this.at : 4;
      else if (e === "x") this.at += 2;
      else if (e === "c") this.at += 1;
      // Escaped punctuation is itself; every other escape is a class, an assertion or a control character.
      return /[A-Za-z0-9]/.test(e) ? { min: 1, max: 1 } : { char: e, min: 1, max: 1 };
    }
    this.at++;
    return c === "^" || c === "$" || c === "." ? { min: 1, max: 1 } : { char: c, min: 1, max: 1 };
  }

  /** Reads the quantifier after an atom, if any, into `item`. */
  private quantifier(item: Item): Item {
    const s = this.source;
    const c = s[this.at];
    if (c === "?") item.min = 0;
    else if (c === "*") (item.min = 0), (item.max = Infinity);
    else if (c === "+") item.max = Infinity;
    else if (c === "{") {
      COUNT.lastIndex = this.at;
      const m = COUNT.exec(s);
      if (!m) return item;
      this.at += m[0].length - 1;
      item.min = Number(m[1]);
      item.max = m[2] === undefined ? item.min : m[3] === "" ? Infinity : Number(m[3]);
    } else return item;
    this.at++;
    if (s[this.at] === "?") this.at++; // lazy
    return item;
  }
}
