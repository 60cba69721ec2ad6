import { describe, expect, it } from "vitest";
import { latin1Text, letterRegExp } from "../../src/mail/letters";
import { PhraseSet, requiredText } from "../../src/mail/phrase-set";

const BOUNDED = (p: string) => `(?<![\\p{L}\\p{N}])(?:${p})(?![\\p{L}\\p{N}])`;
const GAP = "(?:[\\s,]+[\\p{L}\\p{N}'’-]+){0,4}?[\\s,]+";

// Patterns in the rules' own style: alternatives, optional parts, gaps, lookarounds, classes, overlaps.
const PATTERNS = [
  "(?:could|can|would|will|might),? you(?!,? (?:believe|imagine))",
  `(?:could|can) you${GAP}(?:introduce|intro|connect)`,
  "thanks?",
  "thank,? you",
  "thanks? (?:so much|a lot)",
  "no,? thanks?",
  "let,? me,? know,? if[^.!?\\n–—;]*",
  "(?:anbefalede|anbefaler) (?:\\p{L}{3,}(?:et|en))_til",
  "kan du",
  "(?<!(?:i|we) )sent (?:me|us)(?= *(?:$|\\n|[-–—:(,]))",
  "[\\p{L}]+'s (?:suggestion|idea)",
  "\\d{1,2}[:.]\\d{2}",
  "you",
  "your",
];

const TEXTS = [
  "Could you introduce me to Hannah? Thanks so much!",
  "I can't believe it. Could you believe that?",
  "No thanks, not now. Let me know if you change your mind. Thank you",
  "Hej Niels, kan du hjælpe? Jeg anbefalede bryggeriet til et busselskab.",
  "Lars sent me - Lars's suggestion was to write to you at 10:30.",
  "youyou your yourself you, you.",
  "THANKS, COULD YOU SEND IT? We sent us nothing.",
  "Дмитрий could you help? Łukasz thanks you 😀, Ἀθῆναι 東京 kan du",
  "thanks".repeat(3),
  "",
];

/** The one regex the set stands for: the alternation of all its patterns. */
function alternation(patterns: string[], flags: string): RegExp {
  return new RegExp(BOUNDED(patterns.join("|")), flags);
}

describe("PhraseSet", () => {
  const set = new PhraseSet(PATTERNS, BOUNDED, { ignoreCase: true });
  const one = alternation(PATTERNS, "iu");
  const all = alternation(PATTERNS, "giu");

  it("answers as the alternation of its patterns does: whether, where first, every match, and replaced", () => {
    for (const text of TEXTS) {
      const mapped = latin1Text(text);
      expect(set.test(mapped), text).toBe(one.test(text));
      const first = one.exec(text);
      expect(set.first(mapped), text).toEqual(first ? { index: first.index, length: first[0].length } : null);
      expect(set.all(mapped), text).toEqual([...text.matchAll(all)].map((m) => ({ index: m.index, length: m[0].length })));
      expect(latin1Text(text.replace(all, " ")), text).toBe(set.replaceAll(mapped, " "));
    }
  });

  it("takes the pattern listed first where two match at the same place, as the alternation does", () => {
    const short = new PhraseSet(["thank", "thank you"], BOUNDED, { ignoreCase: true });
    const long = new PhraseSet(["thank you", "thank"], BOUNDED, { ignoreCase: true });
    expect(short.first("Thank you!")).toEqual({ index: 0, length: 5 });
    expect(long.first("Thank you!")).toEqual({ index: 0, length: 9 });
    expect(new PhraseSet(["you", "you(?:r)?"], BOUNDED, { ignoreCase: true }).first("your")).toEqual({ index: 0, length: 4 });
  });

  it("keeps case when told to", () => {
    const names = new PhraseSet(["\\p{Lu}\\p{L}+ sent me"], (p) => p, { ignoreCase: false });
    expect(names.test("Samuel sent me")).toBe(true);
    expect(names.test("samuel sent me")).toBe(false);
    expect(names.test("SAMUEL SENT ME")).toBe(false);
  });
});

describe("requiredText: what a pattern cannot match without", () => {
  it("reads literal runs, choices and optional parts", () => {
    expect(requiredText("(?:could|can|would),? you(?! believe)", true)).toEqual([["could", "can", "would"], [" you"]]);
    expect(requiredText("thanks?", true)).toEqual([["thank"]]);
    expect(requiredText("Thank,? You", true)).toEqual([["thank"], [" you"]]);
    expect(requiredText(`no${GAP}thanks`, true)).toEqual([["no"], ["thanks"]]);
    expect(requiredText("[\\p{L}]+'s (?:suggestion|idea)", true)).toEqual([["'s "], ["suggestion", "idea"]]);
    expect(requiredText("bl\\.a", true)).toEqual([["bl.a"]]);
  });

  it("asks for nothing it cannot be sure of", () => {
    expect(requiredText("(?:a|bc) x", true)).toEqual([[" x"]]); // "a" is too short to look for, so the choice says nothing
    expect(requiredText("(?:maybe)?", true)).toEqual([]);
    expect(requiredText("\\d{1,2}[:.]\\d{2}", true)).toEqual([]);
    expect(requiredText("x+yz", true)).toEqual([["yz"]]);
    expect(requiredText("ab+cd", true)).toEqual([["ab"], ["cd"]]);
  });
});

describe("letters: Latin-1 classes over mapped text decide as the Unicode classes do", () => {
  it("for every UTF-16 unit and some astral letters, with case and without", () => {
    const units = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => !/[\ud800-\udfff]/.test(c));
    const chars = [...units, "𝐀", "𝑎", "𐐀", "😀", "𝟙"];
    for (const [source, unicode] of [
      ["\\p{L}", /\p{L}/u],
      ["\\p{N}", /\p{N}/u],
      ["\\p{Lu}", /\p{Lu}/u],
      ["[\\p{L}\\p{N}'-]", /[\p{L}\p{N}'-]/u],
      ["^\\p{Lu}\\p{L}*$", /^\p{Lu}\p{L}*$/u],
    ] as const) {
      const latin = letterRegExp(source);
      const wrong = chars.filter((c) => latin.test(latin1Text(c)) !== unicode.test(c));
      expect(wrong, source).toEqual([]);
    }
    // Ignoring case, \p{Lu} is any letter with a case, as /iu makes it.
    const cased = letterRegExp("^\\p{Lu}$", "i");
    const differ = units.filter((c) => cased.test(latin1Text(c)) !== /^\p{Lu}$/iu.test(c));
    // U+0345, a combining mark that folds to "ι": the one mark /iu's \p{Lu} takes, and no rule's concern.
    expect(differ).toEqual(["\u0345"]);
  });

  it("refuses a Unicode class it has no Latin-1 ranges for, rather than reading it as letters", () => {
    expect(() => letterRegExp("\\p{M}")).toThrow(/\\p\{M\}/);
    expect(() => letterRegExp("[^\\P{L}]")).toThrow();
  });

  it("keeps the text's length, so indices into it are indices into the original", () => {
    for (const text of TEXTS) expect(latin1Text(text).length).toBe(text.length);
    expect(latin1Text("Łukasz, Дмитрий ١٢ 😀 𝐀")).toBe("Xukasz, Xxxxxxx 00 😀 XX");
    const plain = "Plain Latin-1: æøå, Zoë.";
    expect(latin1Text(plain)).toBe(plain);
  });
});
