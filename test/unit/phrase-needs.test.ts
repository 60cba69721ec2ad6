import { describe, expect, it } from "vitest";
import { PHRASE_NEEDS } from "../../src/mail/phrase-needs";
import { needsTable, PhraseSet, recordPhraseSets, setKey } from "../../src/mail/phrase-set";

describe("phrase-needs.ts: what each fixed phrase pattern needs, read ahead of time", () => {
  it("holds a row for every set the rules build, as requiredText and gatesOf read its patterns now, and nothing else", async () => {
    // Recording starts before the rules' modules build their sets; they are imported here for that reason.
    const built = recordPhraseSets();
    await import("../../src/mail/intent");
    await import("../../src/mail/request-cues");
    expect(built.reduce((n, set) => n + set.patterns.length, 0)).toBeGreaterThan(500);

    const now = needsTable(built);
    const missing = Object.keys(now).filter((key) => !Object.hasOwn(PHRASE_NEEDS, key));
    const stale = Object.keys(PHRASE_NEEDS).filter((key) => !Object.hasOwn(now, key));
    expect({ missing, stale }, "the patterns changed: run npm run phrase-needs").toEqual({ missing: [], stale: [] });
    for (const key of Object.keys(now)) expect(JSON.parse(PHRASE_NEEDS[key]), key).toEqual(JSON.parse(now[key]));
  });

  it("refuses two different sets under one key, which would share a row", () => {
    const wrap = (p: string) => p;
    const sets = [["hello", "there"], ["hello", "world"]].map((patterns) => ({ key: setKey(patterns, true), patterns, ignoreCase: true }));
    expect(() => needsTable(sets)).toThrow(/two phrase sets share the key/);
    // A set whose row does not fit its patterns (a pattern edited without `npm run phrase-needs`) reads its own.
    const countOf = (key: string) => Number(key.slice(1, key.indexOf(" ")));
    const listedKey = Object.keys(PHRASE_NEEDS).find((key) => countOf(key) > 1)!;
    const row = JSON.parse(PHRASE_NEEDS[listedKey]) as [number, string[][], number[][]][];
    const first = listedKey.slice(listedKey.indexOf(" ") + 1);
    const edited = [first, ...row.slice(1).map(([length], i) => {
      const pattern = `edited pattern number ${i}`;
      return pattern.length === length ? `${pattern}(?:)` : pattern;
    })];
    expect(setKey(edited, listedKey[0] === "i")).toBe(listedKey);
    const set = new PhraseSet(edited, wrap, { ignoreCase: listedKey[0] === "i" });
    expect(set.test("here is edited pattern number 0 in a text")).toBe(true);
    expect(set.first("and edited pattern number 1 too")).toEqual({ index: 4, length: 23 });
  });
});
