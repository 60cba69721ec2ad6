import { describe, expect, it } from "vitest";
import { PHRASE_NEEDS } from "../../src/mail/phrase-needs";
import { lookInto, recordPatternKeys } from "../../src/mail/phrase-set";

describe("phrase-needs.ts: what each fixed phrase pattern needs, read ahead of time", () => {
  it("lists every pattern the rules build, as requiredText and gatesOf read it now, and nothing else", async () => {
    // Recording starts before the rules' modules build their sets; they are imported here for that reason.
    const built = recordPatternKeys();
    await import("../../src/mail/intent");
    await import("../../src/mail/request-cues");
    expect(built.size).toBeGreaterThan(500);

    const listed = new Map(PHRASE_NEEDS.map((row) => {
      const [key, needs, gates] = JSON.parse(row) as [string, string[][], number[][]];
      return [key, { needs, gates }];
    }));
    const missing = [...built].filter((key) => !listed.has(key));
    const stale = [...listed.keys()].filter((key) => !built.has(key));
    expect({ missing, stale }, "the patterns changed: run npm run phrase-needs").toEqual({ missing: [], stale: [] });
    for (const key of built) expect(listed.get(key), key).toEqual(lookInto(key.slice(2), key[0] === "i"));
  });
});
