// The owner writes to an organisation's desk (events@, info@, grants@) and a person there answers from their own
// address: the desk has answered, and the digest does not send the owner after it. Only a desk, only its own
// organisation's people, and only under the subject the owner wrote.
import { describe, expect, it } from "vitest";
import { replayOwner, shown, type Who } from "../support/replay";

const EVENTS: Who = { name: "Avon Vale Hotel Events", address: "events@avonvale.example" };
const RAJ: Who = { name: "Raj Mistry", address: "raj.mistry@avonvale.example" };
const ANNA: Who = { name: "Anna Berg", address: "anna.berg@avonvale.example" };
const ELSEWHERE: Who = { name: "Tom Hale", address: "tom@otherhotel.example" };
const ASKED_AT = "2026-11-02T10:00:00+00:00";
const DIGEST = Date.parse("2026-11-16T08:00:00+00:00");
const QUESTION = "Hi there,\n\nCould I book a stand at your winter wedding fair? What does a table cost?\n\nPoppy";

describe("a desk answered by a person of its organisation", () => {
  it("a forward of the events manager's answer settles the question to events@", async () => {
    const r = await replayOwner("poppy.desk1@marshbloom.example");
    await r.send({ at: ASKED_AT, to: [EVENTS], subject: "Winter wedding fair – stand?", body: QUESTION });
    expect(shown(await r.plan(DIGEST))).toEqual([["follow-up", EVENTS.address]]);
    await r.forward({ at: "2026-11-05T14:00:00+00:00", from: RAJ, to: [r.me], subject: "RE: Winter wedding fair – stand?", body: "Hi Poppy,\n\nYes, we'd love to have you. A table is £60; I've put you down for one.\n\nRaj" });
    expect((await r.contact(EVENTS)).followUpSince).toBeNull();
    expect(shown(await r.plan(DIGEST)).filter(([, who]) => who === EVENTS.address)).toEqual([]);
  });

  it("an answer in the backfill settles it the same way", async () => {
    const r = await replayOwner("poppy.desk2@marshbloom.example");
    await r.backfill(
      [
        { at: ASKED_AT, from: r.me, to: [EVENTS], subject: "Winter wedding fair – stand?", body: QUESTION },
        { at: "2026-11-05T14:00:00+00:00", from: RAJ, to: [r.me], subject: "Re: Winter wedding fair – stand?", body: "Hi Poppy,\n\nYes, a table is £60.\n\nRaj" },
      ],
      Date.parse("2026-11-10T08:00:00+00:00"),
    );
    expect(shown(await r.plan(DIGEST)).filter(([, who]) => who === EVENTS.address)).toEqual([]);
  });

  it("another subject, a mail that is no reply, another organisation, or a person's own address waiting: still open", async () => {
    const r = await replayOwner("poppy.desk3@marshbloom.example");
    await r.send({ at: ASKED_AT, to: [EVENTS], subject: "Winter wedding fair – stand?", body: QUESTION });
    await r.send({ at: ASKED_AT, to: [ANNA], subject: "Flowers for the spring menu launch?", body: "Hi Anna,\n\nWould you like a quote for the spring launch flowers?\n\nPoppy" });
    await r.forward({ at: "2026-11-05T14:00:00+00:00", from: RAJ, to: [r.me], subject: "Parking at the hotel", body: "Hi Poppy,\n\nThe car park is free for suppliers.\n\nRaj" });
    // a new mail of his under the same words, not an answer
    await r.forward({ at: "2026-11-05T14:30:00+00:00", from: RAJ, to: [r.me], subject: "Winter wedding fair – stand?", body: "Hi Poppy,\n\nWe're still planning the fair; more soon.\n\nRaj" });
    await r.forward({ at: "2026-11-05T15:00:00+00:00", from: ELSEWHERE, to: [r.me], subject: "RE: Winter wedding fair – stand?", body: "Hi Poppy,\n\nWe have no fair this winter.\n\nTom" });
    await r.forward({ at: "2026-11-05T16:00:00+00:00", from: RAJ, to: [r.me], subject: "RE: Flowers for the spring menu launch?", body: "Hi Poppy,\n\nAnna is away; I'll pass it on.\n\nRaj" });
    const followUps = shown(await r.plan(DIGEST)).filter(([section]) => section === "follow-up").map(([, who]) => who).sort();
    expect(followUps).toEqual([ANNA.address, EVENTS.address].sort());
  });
});
