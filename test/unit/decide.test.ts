import { describe, expect, it } from "vitest";
import type { Contact } from "../../src/db/schema";
import { cadenceDays, dueSections, planDigest, tieStrength } from "../../src/digest/decide";
import type { Section } from "../../src/digest/types";
import { DAY, makeContact } from "../support/contact-history";

// Monday 2 November 2026, 08:00 in Copenhagen (CET, UTC+1): a digest morning.
const NOW = Date.parse("2026-11-02T07:00:00Z");
const ago = (days: number) => NOW - days * DAY;
const owner = { cadenceProfessionalDays: null, cadencePrivateDays: null, followUpDays: 7 };

function contact(overrides: Partial<Contact> = {}): Contact {
  return makeContact({ address: "anna@holm-design.dk", ...overrides });
}

function sections(c: Contact, settings = owner): Section[] {
  return dueSections(c, settings, NOW).map((item) => item.section);
}

function due(c: Contact, section: Section, settings = owner) {
  return dueSections(c, settings, NOW).find((item) => item.section === section);
}

/** Two-way mail: `inbound` and `outbound` mails between `firstDaysAgo` and `lastDaysAgo`. */
function twoWay(inbound: number, outbound: number, firstDaysAgo: number, lastDaysAgo: number): Partial<Contact> {
  return {
    inboundCount: inbound,
    outboundCount: outbound,
    firstAt: ago(firstDaysAgo),
    lastAt: ago(lastDaysAgo),
    firstInboundAt: inbound > 0 ? ago(firstDaysAgo) : null,
    lastInboundAt: inbound > 0 ? ago(lastDaysAgo) : null,
    lastInboundSubject: inbound > 0 ? "Re: Oplæg til Founders Friday" : null,
    firstOutboundAt: outbound > 0 ? ago(firstDaysAgo) : null,
    lastOutboundAt: outbound > 0 ? ago(lastDaysAgo + 1) : null,
    lastOutboundSubject: outbound > 0 ? "Oplæg til Founders Friday" : null,
  };
}

describe("tieStrength", () => {
  // Points: recency 2.5 × 0.5^(days/90), reciprocity 2.5 × 2·min/total, frequency 3 × log2(1+n)/5,
  // tenure 2 × min(1, days known/730).
  it.each([
    ["no mail at all", {}, 0],
    // 2.5 + 2.5·30/31 + 3 + 2 = 9.919
    ["a close colleague: 31 mails both ways over two years, one today", twoWay(16, 15, 730, 0), 9.9],
    // 2.5·0.25 + 2.419 + 3 + 2 = 8.044
    ["the same colleague after half a year of silence", twoWay(16, 15, 730, 180), 8.0],
    // 2.5 + 2.5·2/3 + 3·0.4 + 0 = 5.367
    ["a first exchange today, one mail in and two out", twoWay(1, 2, 0, 0), 5.4],
    // 2.5·0.5 + 2.5·2/7 + 3·0.6 + 2·0.5 = 4.764
    ["lopsided: one answer to six mails, last a quarter ago, known a year", twoWay(1, 6, 365, 90), 4.8],
    // 2.5 + 0 + 3·0.6 + 2 = 6.3, capped because nobody ever wrote back
    ["one-way outbound, seven mails over two years", twoWay(0, 7, 730, 0), 2],
    // 2.5·0.0604 + 0 + 3·0.4 + 2 = 3.35, capped
    ["one-way inbound, three mails, the last a year ago", twoWay(3, 0, 730, 365), 2],
    // 2.5·0.0625 + 0 + 3·0.2 + 2·360/730 = 1.742: under the cap, which never raises a score
    ["one-way inbound, a single mail 360 days ago", twoWay(1, 0, 360, 360), 1.7],
  ])("%s", (_label, overrides, expected) => {
    expect(tieStrength(contact(overrides), NOW)).toBe(expected);
  });

  it("treats mail dated after now as today rather than raising recency above 1", () => {
    const skewed = contact({ ...twoWay(16, 15, 730, 0), lastAt: NOW + 3 * DAY });
    expect(tieStrength(skewed, NOW)).toBe(9.9);
  });
});

describe("cadenceDays", () => {
  const circles = { cadenceProfessionalDays: 60, cadencePrivateDays: 21 };
  const noCircles = { cadenceProfessionalDays: null, cadencePrivateDays: null };
  it.each([
    ["the contact's own setting wins over the circle's", { cadenceDays: 30 }, circles, 30],
    ["an explicit weekly cadence is the owner's call and is not clamped", { cadenceDays: 7 }, circles, 7],
    ["a zero setting counts as unset", { cadenceDays: 0 }, circles, 60],
    ["the professional circle's setting", {}, circles, 60],
    ["the private circle's setting for a private contact", { circle: "private" as const }, circles, 21],
    [
      "a private contact ignores the professional setting and infers: 10 mails over 360 days",
      { circle: "private" as const, ...twoWay(5, 5, 360, 0) },
      { cadenceProfessionalDays: 60, cadencePrivateDays: null },
      40,
    ],
    ["inferred: 10 mails over 360 days is a gap of 40", twoWay(5, 5, 360, 0), noCircles, 40],
    ["inferred and rounded: 4 mails over 100 days", twoWay(2, 2, 100, 0), noCircles, 33],
    ["clamped up to a fortnight: 20 mails in 50 days", twoWay(10, 10, 50, 0), noCircles, 14],
    ["clamped down to a year: 3 mails over three years", twoWay(1, 2, 1095, 0), noCircles, 365],
    ["default with two mails, however far apart", twoWay(1, 1, 200, 0), noCircles, 90],
    ["default when all mail is one conversation within six weeks", twoWay(3, 3, 41, 0), noCircles, 90],
    ["inferred once the history spans six weeks", twoWay(2, 2, 42, 0), noCircles, 14],
    ["default with no mail", {}, noCircles, 90],
  ])("%s", (_label, overrides, settings, expected) => {
    expect(cadenceDays(contact(overrides), settings)).toBe(expected);
  });
});

describe("thank", () => {
  const gift = { ...twoWay(3, 3, 400, 3), gaveCount: 1, lastGaveAt: ago(3), lastGaveSubject: "Intro: Mette fra Vækstfonden" };

  it("is due for a gift with no thanks since, with the gift as evidence", () => {
    expect(due(contact(gift), "thank")).toEqual({
      section: "thank",
      contactId: expect.any(Number),
      address: "anna@holm-design.dk",
      name: null,
      circle: "professional",
      strength: tieStrength(contact(gift), NOW),
      priority: 3,
      evidence: { what: "gave", at: ago(3), subject: "Intro: Mette fra Vækstfonden", days: 3 },
    });
  });

  it.each([
    ["never thanked", {}, true],
    ["thanked after the gift", { lastThankedAt: ago(2) }, false],
    ["thanked in the same minute the gift was recorded", { lastThankedAt: ago(3) }, false],
    ["thanked only for an earlier gift", { lastThankedAt: ago(40) }, true],
    ["marked done after the gift", { doneThankAt: ago(1) }, false],
    ["marked done for an earlier gift", { doneThankAt: ago(30) }, true],
    ["a gift eight weeks ago is still due", { lastGaveAt: ago(56) }, true],
    ["a gift more than eight weeks ago has aged out", { lastGaveAt: ago(57) }, false],
    ["no gift at all", { gaveCount: 0, lastGaveAt: null, lastGaveSubject: null }, false],
  ])("%s", (_label, overrides, expected) => {
    expect(sections(contact({ ...gift, ...overrides })).includes("thank")).toBe(expected);
  });
});

describe("help", () => {
  const question = {
    ...twoWay(4, 3, 300, 2),
    lastOutboundAt: ago(9),
    lastRequestAt: ago(2),
    lastRequestSubject: "Spørgsmål om moms på konsulentydelser",
  };

  it("is due for an unanswered question, ranked above every balance item", () => {
    const item = due(contact(question), "help");
    expect(item?.priority).toBe(58);
    expect(item?.evidence).toEqual({
      what: "asked",
      at: ago(2),
      subject: "Spørgsmål om moms på konsulentydelser",
      days: 2,
    });
  });

  it.each([
    ["no mail to them since the question", {}, true],
    ["a question nobody ever answered", { outboundCount: 0, lastOutboundAt: null, firstOutboundAt: null }, true],
    ["answered by any later mail", { lastOutboundAt: ago(1) }, false],
    ["marked done", { doneHelpAt: ago(1) }, false],
    ["marked done before a newer question", { doneHelpAt: ago(20) }, true],
    ["a question more than eight weeks old", { lastRequestAt: ago(57), lastOutboundAt: ago(60) }, false],
  ])("question: %s", (_label, overrides, expected) => {
    expect(sections(contact({ ...question, ...overrides })).includes("help")).toBe(expected);
  });

  const giver = {
    ...twoWay(6, 5, 500, 10),
    lastGaveAt: ago(10),
    lastGaveSubject: "Re: Investorliste",
    lastThankedAt: ago(9),
  };

  it("is due when the balance leans clearly their way, with the counts as evidence", () => {
    const item = due(contact({ ...giver, gaveCount: 3, gotCount: 1 }), "help");
    expect(item?.priority).toBe(10);
    expect(item?.evidence).toEqual({
      what: "balance",
      at: ago(10),
      subject: "Re: Investorliste",
      days: 10,
      gave: 3,
      got: 1,
    });
  });

  it.each([
    ["gave 2, got 0", { gaveCount: 2, gotCount: 0 }, true],
    ["gave 3, got 1", { gaveCount: 3, gotCount: 1 }, true],
    ["gave 2, got 1: not two ahead", { gaveCount: 2, gotCount: 1 }, false],
    ["gave 10, got 8: two ahead but not twice as much", { gaveCount: 10, gotCount: 8 }, false],
    ["gave 8, got 4: two ahead and twice as much", { gaveCount: 8, gotCount: 4 }, true],
    ["marked done after the last gift", { gaveCount: 3, gotCount: 0, doneHelpAt: ago(5) }, false],
    ["last gift more than eight weeks ago", { gaveCount: 3, gotCount: 0, lastGaveAt: ago(57) }, false],
  ])("balance: %s", (_label, overrides, expected) => {
    expect(sections(contact({ ...giver, ...overrides })).includes("help")).toBe(expected);
  });
});

describe("follow up", () => {
  const outreach = {
    ...twoWay(2, 3, 200, 8),
    lastInboundAt: ago(30),
    followUpSince: ago(8),
    followUpSubject: "Tilbud på workshop",
    unansweredOutbound: 1,
  };

  it("is due after the owner's default days, with the outreach as evidence", () => {
    const item = due(contact(outreach), "follow-up");
    expect(item?.priority).toBe(1);
    expect(item?.evidence).toEqual({
      what: "sent-no-reply",
      at: ago(8),
      subject: "Tilbud på workshop",
      days: 8,
      nudges: 0,
    });
  });

  it.each([
    ["seven days have passed", {}, owner, true],
    ["only six days have passed", { followUpSince: ago(6) }, owner, false],
    ["the owner's three-day setting", { followUpSince: ago(4) }, { ...owner, followUpDays: 3 }, true],
    ["a +14d address, eight days on", { followUpDueAt: ago(8) + 14 * DAY }, owner, false],
    ["a +14d address, fifteen days on", { followUpSince: ago(15), followUpDueAt: ago(1) }, owner, true],
    ["after one unanswered nudge", { unansweredOutbound: 2 }, owner, true],
    ["after two unanswered nudges it gives up", { unansweredOutbound: 3 }, owner, false],
    ["they wrote back since", { lastInboundAt: ago(2) }, owner, false],
    ["marked done", { doneFollowUpAt: ago(1) }, owner, false],
    ["marked done for an earlier outreach", { doneFollowUpAt: ago(20) }, owner, true],
    ["fell due eight weeks ago", { followUpSince: ago(63), lastInboundAt: ago(70) }, owner, true],
    ["fell due more than eight weeks ago", { followUpSince: ago(64), lastInboundAt: ago(70) }, owner, false],
    ["nothing pending", { followUpSince: null, unansweredOutbound: 0 }, owner, false],
  ])("%s", (_label, overrides, settings, expected) => {
    expect(sections(contact({ ...outreach, ...overrides }), settings).includes("follow-up")).toBe(expected);
  });

  it("counts the nudges already sent", () => {
    expect(due(contact({ ...outreach, unansweredOutbound: 2 }), "follow-up")?.evidence.nudges).toBe(1);
  });
});

describe("reconnect", () => {
  const quiet = { ...twoWay(8, 8, 700, 45), cadenceDays: 30 };

  it("is due once the quiet exceeds the cadence, ranked by ratio × strength", () => {
    // Strength 2.5·0.5^(45/90) + 2.5 + 3·log2(17)/5 + 2·700/730 = 8.638 → 8.6; 45/30 × 8.6 = 12.9.
    const item = due(contact(quiet), "reconnect");
    expect(item?.strength).toBe(8.6);
    expect(item?.priority).toBe(12.9);
    expect(item?.evidence).toEqual({
      what: "quiet",
      at: ago(45),
      subject: "Re: Oplæg til Founders Friday",
      days: 45,
      cadenceDays: 30,
    });
  });

  it.each([
    ["quiet for 45 of 30 days", {}, true],
    ["quiet for exactly one cadence", { lastAt: ago(30), lastInboundAt: ago(30) }, true],
    ["quiet for 29 of 30 days", { lastAt: ago(29), lastInboundAt: ago(29) }, false],
    ["never answered: a follow-up matter", { inboundCount: 0, lastInboundAt: null, firstInboundAt: null }, false],
    ["marked done ten days ago", { doneReconnectAt: ago(10) }, false],
    ["marked done more than a cadence ago", { doneReconnectAt: ago(31) }, true],
    ["left two nudges unanswered", { unansweredOutbound: 3 }, false],
    ["due eight weeks ago", { lastAt: ago(86), lastInboundAt: ago(86) }, true],
    ["due more than eight weeks ago: dormant", { lastAt: ago(87), lastInboundAt: ago(87) }, false],
  ])("%s", (_label, overrides, expected) => {
    expect(sections(contact({ ...quiet, ...overrides })).includes("reconnect")).toBe(expected);
  });

  it("names the owner's mail when it was the last one", () => {
    const c = contact({ ...quiet, lastInboundAt: ago(50), lastOutboundAt: ago(45) });
    expect(due(c, "reconnect")?.evidence.subject).toBe("Oplæg til Founders Friday");
  });
});

describe("dueSections", () => {
  const busy = {
    ...twoWay(6, 6, 700, 100),
    lastGaveAt: ago(5),
    lastGaveSubject: "Intro til Søren",
    gaveCount: 3,
    lastRequestAt: ago(5),
    lastRequestSubject: "Intro til Søren",
    lastOutboundAt: ago(120),
    lastInboundAt: ago(5),
    lastAt: ago(5),
    cadenceDays: 1,
  };

  it("lists every due section in display order", () => {
    expect(sections(contact(busy))).toEqual(["thank", "help", "reconnect"]);
  });

  it.each([
    ["muted", { muted: true }, []],
    ["snoozed until tomorrow", { snoozedUntil: ago(-1) }, []],
    ["snoozed until this morning: the snooze is over", { snoozedUntil: NOW }, ["thank", "help", "reconnect"]],
  ])("%s", (_label, overrides, expected) => {
    expect(sections(contact({ ...busy, ...overrides }))).toEqual(expected);
  });
});

describe("planDigest", () => {
  const thank = (address: string, days: number, extra: Partial<Contact> = {}) =>
    makeContact({
      address,
      ...twoWay(3, 3, 400, days),
      gaveCount: 1,
      lastGaveAt: ago(days),
      lastGaveSubject: `Gift to ${address}`,
      ...extra,
    });
  const request = (address: string, days: number, extra: Partial<Contact> = {}) =>
    makeContact({
      address,
      ...twoWay(3, 3, 400, days),
      lastOutboundAt: ago(days + 10),
      lastRequestAt: ago(days),
      lastRequestSubject: `Question from ${address}`,
      ...extra,
    });

  it("plans nothing for no contacts", () => {
    expect(planDigest({ contacts: [], owner, now: NOW })).toEqual({
      items: [],
      leftOut: { thank: 0, help: 0, "follow-up": 0, reconnect: 0 },
    });
  });

  it("puts a contact due in several sections only in the first", () => {
    const both = thank("bo@nordlys.dk", 4, { lastRequestAt: ago(4), lastRequestSubject: "Kan du hjælpe?" });
    const plan = planDigest({ contacts: [both], owner, now: NOW });
    expect(plan.items.map((i) => [i.section, i.address])).toEqual([["thank", "bo@nordlys.dk"]]);
    expect(plan.leftOut).toEqual({ thank: 0, help: 0, "follow-up": 0, reconnect: 0 });
  });

  it("orders sections, then priority, then strength, then address", () => {
    const contacts = [
      request("q@a.dk", 1),
      thank("zeta@b.dk", 10),
      thank("alfa@b.dk", 10),
      thank("old@b.dk", 20),
      thank("weak@b.dk", 10, { outboundCount: 0, lastOutboundAt: null, firstOutboundAt: null }),
    ];
    const plan = planDigest({ contacts, owner, now: NOW, caps: { perSection: 5, total: 10 } });
    expect(plan.items.map((i) => [i.section, i.address])).toEqual([
      ["thank", "old@b.dk"],
      ["thank", "alfa@b.dk"],
      ["thank", "zeta@b.dk"],
      ["thank", "weak@b.dk"],
      ["help", "q@a.dk"],
    ]);
  });

  it("keeps private items after professional ones, each part in section order", () => {
    const contacts = [
      thank("ven@gmail.com", 2, { circle: "private" }),
      request("kollega@firma.dk", 3),
      request("mor@gmail.com", 1, { circle: "private" }),
      thank("kunde@firma.dk", 6),
    ];
    const plan = planDigest({ contacts, owner, now: NOW });
    expect(plan.items.map((i) => [i.circle, i.section, i.address])).toEqual([
      ["professional", "thank", "kunde@firma.dk"],
      ["professional", "help", "kollega@firma.dk"],
      ["private", "thank", "ven@gmail.com"],
      ["private", "help", "mor@gmail.com"],
    ]);
  });

  it("applies caps across both circles and lets later sections give way to the total", () => {
    const contacts = [
      thank("t1@x.dk", 1),
      thank("t2@x.dk", 2, { circle: "private" }),
      thank("t3@x.dk", 3),
      request("h1@x.dk", 1),
      request("h2@x.dk", 2),
    ];
    const plan = planDigest({ contacts, owner, now: NOW, caps: { perSection: 2, total: 3 } });
    expect(plan.items.map((i) => i.address)).toEqual(["t3@x.dk", "h2@x.dk", "t2@x.dk"]);
    expect(plan.leftOut).toEqual({ thank: 1, help: 1, "follow-up": 0, reconnect: 0 });
  });

  it("does not move a contact to a later section when its first is full", () => {
    const contacts = [
      thank("t1@x.dk", 5),
      thank("t2@x.dk", 2, { lastRequestAt: ago(2), lastRequestSubject: "Har du tid til et kig på min pitch?" }),
    ];
    const plan = planDigest({ contacts, owner, now: NOW, caps: { perSection: 1, total: 10 } });
    expect(plan.items.map((i) => [i.section, i.address])).toEqual([["thank", "t1@x.dk"]]);
    expect(plan.leftOut).toEqual({ thank: 1, help: 0, "follow-up": 0, reconnect: 0 });
  });

  it.each([
    [{ perSection: -1, total: 10 }],
    [{ perSection: 3, total: 2.5 }],
    [{ perSection: Number.NaN, total: 10 }],
  ])("rejects caps %j", (caps) => {
    expect(() => planDigest({ contacts: [], owner, now: NOW, caps })).toThrow(RangeError);
  });
});
