import { describe, expect, it } from "vitest";
import { hasForwardPrefix, hasReplyPrefix, isReplyOrForward, replySubject, stripSubjectTags } from "../../src/mail/subject";

describe("subject tags", () => {
  it.each([
    ["Re: Møde på fredag", true, false],
    ["SV: Møde på fredag", true, false],
    ["AW: Termin", true, false],
    ["Re[2]: Budget", true, false],
    ["Fwd: Intro", false, true],
    ["VS: Tilbud", false, true],
    ["WG: Angebot", false, true],
    ["[EXTERNAL] FW: Invoice", false, true],
    ["Reunion in May", false, false],
    ["Svar på dit spørgsmål", false, false],
  ])("%s → reply %s, forward %s", (subject, reply, forward) => {
    expect(hasReplyPrefix(subject)).toBe(reply);
    expect(hasForwardPrefix(subject)).toBe(forward);
    expect(isReplyOrForward(subject)).toBe(reply || forward);
  });

  it("strips every tag down to the subject as first written", () => {
    expect(stripSubjectTags("SV: Fwd: Re: Møde")).toBe("Møde");
    expect(stripSubjectTags("[Ekstern] Re[3]: Budget 2027")).toBe("Budget 2027");
    expect(stripSubjectTags("Regnskab")).toBe("Regnskab");
  });

  it("adds one reply tag, and keeps a Danish or German one", () => {
    expect(replySubject("Week 48: all quiet")).toBe("Re: Week 48: all quiet");
    expect(replySubject("SV: Uge 48")).toBe("SV: Uge 48");
    expect(replySubject("")).toBe("Re: (no subject)");
  });
});
