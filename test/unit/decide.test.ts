// The pure helpers of digest/decide.ts on a given contact row. Which rows the capture path writes, and what
// the digest makes of whole histories, is tested by replaying mail into D1 (test/worker/judgement.test.ts,
// test/worker/digest-history.test.ts); here a row is a literal with only the columns these formulas read.
import { describe, expect, it } from "vitest";
import type { Contact } from "../../src/db/schema";
import { cadenceDays, planDigest, tieStrength } from "../../src/digest/decide";

const DAY = 86_400_000;
/** Monday 2 November 2026, 08:00 in Copenhagen. */
const NOW = Date.parse("2026-11-02T07:00:00Z");
const ago = (days: number) => NOW - days * DAY;

/** Mail both ways: counts, conversations, and the first and last mail `firstDaysAgo`/`lastDaysAgo`. */
function row(inbound: number, outbound: number, conversations: number, firstDaysAgo: number, lastDaysAgo: number, extra: Partial<Contact> = {}): Contact {
  return {
    inboundCount: inbound,
    outboundCount: outbound,
    conversationCount: conversations,
    meetingCount: 0,
    firstAt: ago(firstDaysAgo),
    lastAt: ago(lastDaysAgo),
    lastConversationAt: ago(lastDaysAgo),
    circle: "professional",
    cadenceDays: null,
    ...extra,
  } as Contact;
}

describe("tieStrength", () => {
  // Points: recency 2.5 × 0.5^(days/90), reciprocity 2.5 × 2·min/total, frequency 3 × log2(1+conversations)/log2(13),
  // tenure 2 × min(1, days known/730). One-way ties are capped at 2.
  it.each([
    // 2.5 + 2.5·30/31 + 3 + 2 = 9.919
    ["a close colleague: 31 mails both ways in 24 conversations over two years, one today", row(16, 15, 24, 730, 0), 9.9],
    // 2.5·0.25 + 2.419 + 3 + 2 = 8.044
    ["the same colleague after half a year of silence", row(16, 15, 24, 730, 180), 8.0],
    // 2.5 + 2.5·2/3 + 3·1/3.7004 + 0 = 4.977
    ["a first exchange today: one conversation, one mail in and two out", row(1, 2, 1, 0, 0), 5.0],
    // 2.5 + 0 + 3·log2(8)/log2(13) + 2 = 7.93, capped because nobody ever wrote back
    ["one-way outbound, seven conversations over two years", row(0, 7, 7, 730, 0), 2],
    // 2.5·0.0992 + 0 + 3·1/3.7004 + 2·300/730 = 1.881: under the cap, which never raises a score
    ["one-way inbound, a single mail 300 days ago", row(1, 0, 1, 300, 300), 1.9],
    // Meetings count on both sides (4 in, 11 out): 2.5 + 2.5·2·4/15 + 3·log2(5)/log2(13) + 2·365/730 = 6.716, no cap
    ["seven mails out and four meetings in a year: no longer one-way", row(0, 7, 4, 365, 0, { meetingCount: 4 }), 6.7],
  ])("%s", (_label, contact, expected) => {
    expect(tieStrength(contact, NOW)).toBe(expected);
  });

  it("is 0 with no mail at all", () => {
    expect(tieStrength({ ...row(0, 0, 0, 0, 0), firstAt: null, lastAt: null }, NOW)).toBe(0);
  });

  it("treats mail dated after now as today rather than raising recency above 1", () => {
    expect(tieStrength(row(16, 15, 24, 730, -3), NOW)).toBe(9.9);
  });
});

describe("cadenceDays", () => {
  const circles = { cadenceProfessionalDays: 60, cadencePrivateDays: 21 };
  const noCircles = { cadenceProfessionalDays: null, cadencePrivateDays: null };
  it.each([
    ["the contact's own setting wins over the circle's", row(5, 5, 10, 360, 0, { cadenceDays: 30 }), circles, 30],
    ["an explicit weekly cadence is the owner's call and is not clamped", row(5, 5, 10, 360, 0, { cadenceDays: 7 }), circles, 7],
    ["a zero setting counts as unset", row(5, 5, 10, 360, 0, { cadenceDays: 0 }), circles, 60],
    ["the private circle's setting for a private contact", row(5, 5, 10, 360, 0, { circle: "private" }), circles, 21],
    // Half a gap of a quarter as the prior: (360 + 45) / (9 + 0.5) = 42.6
    ["inferred from conversation starts, drawn towards a quarter: 10 conversations over 360 days", row(10, 10, 10, 360, 0), noCircles, 43],
    // Monthly mail-and-reply for five months: (150 + 45) / 5.5 = 35.5, monthly rather than fortnightly.
    ["a monthly exchange over five months", row(6, 6, 6, 150, 0), noCircles, 35],
    // (40 + 45) / 4.5 = 18.9: the prior keeps a quick month of conversations from reading as weekly.
    ["five conversations in 40 days", row(5, 5, 5, 40, 0), noCircles, 19],
    ["clamped up to a fortnight: 30 conversations in 60 days", row(30, 30, 30, 60, 0), noCircles, 14],
    ["clamped down to a year: 3 conversations over five years", row(2, 2, 3, 1825, 0), noCircles, 365],
    // (200 + 45) / 1.5 = 163
    ["two conversations 200 days apart", row(2, 2, 2, 200, 0), noCircles, 163],
    ["the default quarter with one conversation", row(1, 1, 1, 3, 0), noCircles, 90],
    ["the default quarter with no mail", { ...row(0, 0, 0, 0, 0), firstAt: null, lastAt: null, lastConversationAt: null }, noCircles, 90],
  ])("%s", (_label, contact, settings, expected) => {
    expect(cadenceDays(contact, settings)).toBe(expected);
  });
});

describe("planDigest", () => {
  const owner = { cadenceProfessionalDays: null, cadencePrivateDays: null, followUpDays: 7 };

  it("plans nothing for no contacts", () => {
    expect(planDigest({ contacts: [], owner, now: NOW })).toEqual({ items: [], leftOut: { thank: 0, help: 0, "follow-up": 0, reconnect: 0 } });
  });

  it.each([[{ perSection: -1, total: 10 }], [{ perSection: 3, total: 2.5 }], [{ perSection: Number.NaN, total: 10 }]])("rejects caps %j", (caps) => {
    expect(() => planDigest({ contacts: [], owner, now: NOW, caps })).toThrow(RangeError);
  });
});
