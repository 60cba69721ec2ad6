import { describe, expect, it } from "vitest";
import { foldPeople } from "../../src/db/people-read";
import type { Contact } from "../../src/db/schema";
import { newThisWeek, sameSuggestions } from "../../src/digest/newcomers";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-16T07:00:00Z");

function contact(id: number, address: string, extra: Partial<Contact> = {}): Contact {
  return {
    id, address, name: null, mergedInto: null, splitFrom: null, muted: false, circle: "professional",
    inboundCount: 0, outboundCount: 0, theyGaveCount: 0, youGaveCount: 0, conversationCount: 0, meetingCount: 0, unansweredOutbound: 0,
    firstAt: null, lastAt: null, firstInboundAt: null, lastInboundAt: null, lastInboundSubject: null, firstOutboundAt: null,
    lastOutboundAt: null, lastOutboundSubject: null, lastTheyGaveAt: null, lastTheyGaveSubject: null, lastTheyGaveKind: null,
    lastTheyGaveDetail: null, lastYouThankedAt: null, lastTheyAskedAt: null, lastTheyAskedSubject: null, lastYouAskedAt: null,
    introducedAt: null, introducedBy: null, followUpSince: null, followUpDueAt: null, followUpSubject: null, followUpReason: null,
    lastConversationAt: null, lastThreadId: null, doneAt: null, lastMeetingAt: null, lastMeetingSubject: null,
    ...extra,
  } as Contact;
}

describe("foldPeople", () => {
  it("adds counts, keeps the earliest first and the latest last with what belongs to it, and the person's own settings", () => {
    const work = contact(1, "anna@x.dk", { name: "Anna Holm", outboundCount: 2, conversationCount: 1, firstAt: NOW - 20 * DAY, lastAt: NOW - 10 * DAY, lastOutboundAt: NOW - 10 * DAY, lastOutboundSubject: "Kaffe?", followUpSince: NOW - 10 * DAY, followUpSubject: "Kaffe?", followUpReason: "question", unansweredOutbound: 1, cadenceDays: 30 });
    const gmail = contact(2, "anna.holm@gmail.com", { mergedInto: 1, inboundCount: 1, conversationCount: 1, firstAt: NOW - 9 * DAY, lastAt: NOW - 9 * DAY, lastInboundAt: NOW - 9 * DAY, lastInboundSubject: "Re: Kaffe?", cadenceDays: 7 });
    const other = contact(3, "bo@y.dk", { outboundCount: 1 });
    const [anna, bo] = foldPeople([gmail, work, other]);
    expect(anna).toMatchObject({ id: 1, address: "anna@x.dk", name: "Anna Holm", cadenceDays: 30, inboundCount: 1, outboundCount: 2, conversationCount: 2, firstAt: NOW - 20 * DAY, lastAt: NOW - 9 * DAY, lastInboundSubject: "Re: Kaffe?", followUpSince: NOW - 10 * DAY });
    expect(bo.id).toBe(3);
  });

  it("leaves out an address whose person is not among the rows (muted)", () => {
    expect(foldPeople([contact(2, "anna.holm@gmail.com", { mergedInto: 1 })])).toEqual([]);
  });
});

describe("newThisWeek and sameSuggestions", () => {
  it("names people first met this week who are in the network, earliest first", () => {
    const people = [
      contact(1, "tom@becker.studio", { name: "Tom Becker", firstAt: NOW - 2 * DAY, firstOutboundAt: NOW - 2 * DAY }),
      contact(2, "ida@holm.dk", { name: "Ida Holm", firstAt: NOW - 5 * DAY, introducedAt: NOW - 5 * DAY }),
      contact(3, "pitch@vendor.com", { firstAt: NOW - DAY, inboundCount: 1 }),
      contact(4, "old@friend.dk", { firstAt: NOW - 40 * DAY, firstOutboundAt: NOW - 40 * DAY }),
    ];
    expect(newThisWeek(people, NOW).map((p) => p.address)).toEqual(["ida@holm.dk", "tom@becker.studio"]);
  });

  it("asks about the same full name, or an address spelling the other's name, never a pair that was split", () => {
    const a = contact(1, "anna@x.dk", { name: "Anna Holm" });
    const b = contact(2, "anna.holm@gmail.com");
    const c = contact(3, "bo@y.dk", { name: "Bo Nielsen" });
    const d = contact(4, "b.nielsen@z.dk", { name: "Bo Nielsen", splitFrom: 3 });
    const e = contact(5, "holm.anna@hotmail.com", { name: "Anna" });
    // Only pairs with someone new: Bo Nielsen's two addresses are old news.
    const f = contact(6, "bo.nielsen@w.dk", { name: "Bo Nielsen" });
    expect(sameSuggestions([b, e], [a, b, c, d, e, f]).map(([x, y]) => [x.address, y.address])).toEqual([
      ["anna@x.dk", "anna.holm@gmail.com"],
      ["anna@x.dk", "holm.anna@hotmail.com"],
    ]);
  });
});
