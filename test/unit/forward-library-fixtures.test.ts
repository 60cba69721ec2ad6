// Regression test on email-forward-parser's own 206 fixtures (196 forwards, 10 that are not): Gensidig
// reads every field the library's test asserts, and the date, and is never worse than the library.
import { describe, expect, it } from "vitest";
import { findForward } from "../../src/mail/forward";
import { allRight, libraryFixtures } from "../fixtures/forward/email-forward-parser";
import { mailOf, scoreBoth } from "../support/forward-corpus";

const forwards = libraryFixtures.filter((f) => f.forwarded);
const notForwards = libraryFixtures.filter((f) => !f.forwarded);
const label = (f: (typeof libraryFixtures)[number]) => (f.subjectFile ? `${f.body} + ${f.subjectFile}` : f.body);

describe("the forward library's own fixtures", () => {
  it("are all there: 196 forwards and 10 mails that are not", () => {
    expect(forwards).toHaveLength(196);
    expect(notForwards).toHaveLength(10);
  });

  it.each(forwards.map((f) => [label(f), f] as const))("%s: every field right, and never worse than the library", (_, fixture) => {
    const { library, gensidig } = scoreBoth(fixture);
    expect(gensidig).toEqual({ from: true, to: true, cc: true, subject: true, date: true });
    for (const field of Object.keys(library) as (keyof typeof library)[]) if (library[field]) expect(gensidig[field]).toBe(true);
  });

  it.each(notForwards.map((f) => [label(f), f] as const))("%s: not taken for a forward", (_, fixture) => {
    const found = findForward(mailOf(fixture));
    expect(found?.from ?? null).toBeNull();
  });

  it("the library alone finds every sender too; Gensidig reads every field of all 196", () => {
    const scores = forwards.map(scoreBoth);
    expect(scores.filter((s) => s.library.from)).toHaveLength(196);
    expect(scores.filter((s) => allRight(s.gensidig))).toHaveLength(196);
  });
});
