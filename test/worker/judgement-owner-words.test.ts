// Whose words count for what, replayed through the real capture path and digest: the owner's note above a forward
// that says a favour was done, a newcomer who copies in the person who sent them, and the owner's reply that quotes
// someone else's mail above the person it answers. Each test has its own owner.
import { describe, expect, it } from "vitest";
import { at, replayOwner, shown, type Sent, type Who } from "../support/replay";
import { MONDAY } from "../support/network";

const TASHA: Who = { name: "Tasha Reed", address: "tasha@reed-wrench.example" };
const EMMA: Who = { name: "Emma Lindqvist", address: "emma@lindqvist-events.example" };
const TOBIAS: Who = { name: "Tobias Ek", address: "tobias@techsummit.example" };
const SOREN: Who = { name: "Søren Friis", address: "soeren@ivaerksaetterhus.example" };
const MAJA: Who = { name: "Maja Thorsen", address: "maja@spisekammer.example" };

describe("the owner's note above a forward says a favour was done", () => {
  it.each([
    ["English", "Tasha ran the shop Saturday while I was away. Need to thank her and Venmo her."],
    ["Danish", "Tasha tog min lørdag 🙏 husk at give hende en pose kaffe"],
  ])("%s: the sender is owed thanks though her own mail only reports", async (label, note) => {
    const r = await replayOwner(`marco.note.${label.toLowerCase()}@sprocket.example`);
    await r.send({ at: "2026-11-02T12:00:00+01:00", to: [TASHA], subject: "Any chance you could cover Saturday?", body: "Hey Tasha,\n\nAny chance you could cover the shop on Saturday, 10 to 5?\n\nMarco" });
    await r.forward(
      { at: "2026-11-07T18:51:00+01:00", from: TASHA, to: [r.me], subject: "Saturday report", body: "Hey,\n\nShop report: 11 pickups, all paid. Cash is in the safe, keys in the lockbox.\n\nT" },
      note,
    );
    expect(shown(await r.plan(MONDAY))).toEqual([["thank", TASHA.address]]);
  });

  it("without such a note the report is only news", async () => {
    const r = await replayOwner("marco.note.none@sprocket.example");
    await r.send({ at: "2026-11-02T12:00:00+01:00", to: [TASHA], subject: "Any chance you could cover Saturday?", body: "Hey Tasha,\n\nAny chance you could cover the shop on Saturday, 10 to 5?\n\nMarco" });
    await r.forward(
      { at: "2026-11-07T18:51:00+01:00", from: TASHA, to: [r.me], subject: "Saturday report", body: "Hey,\n\nShop report: 11 pickups, all paid. Cash is in the safe, keys in the lockbox.\n\nT" },
      "Saturday went fine.",
    );
    expect(shown(await r.plan(MONDAY))).toEqual([]);
  });
});

describe("a newcomer who copies in the person who sent them", () => {
  it("asks for help; the person in Cc is the one who referred them, not someone they introduce", async () => {
    const r = await replayOwner("nikolaj.referred@eventfoto.example");
    await r.forward({
      at: "2026-11-10T16:48:00+01:00",
      from: TOBIAS,
      to: [r.me],
      cc: [EMMA],
      subject: "Photographer for the Aarhus summit",
      body: "Hi Nikolaj,\n\nEmma Lindqvist suggested I reach out. We run a summit on 12 March. Please send me your availability and a day rate.\n\nTobias",
    });
    expect(await r.contact(TOBIAS)).toMatchObject({ theyGaveCount: 0, lastTheyAskedAt: at("2026-11-10T16:48:00+01:00") });
    expect(shown(await r.plan(MONDAY))).toEqual([["help", TOBIAS.address]]);
  });
});

describe("the owner's reply quotes someone else's mail", () => {
  it("an introduction Søren sent them both, quoted above the owner's answer to Maja, is not Maja's", async () => {
    const r = await replayOwner("jonas.quotes@bakkaffe.example");
    // Søren's introduction reached the owner outside the assistant: only the owner's quote of it is seen.
    const introduction: Sent = {
      messageId: "intro-1@ivaerksaetterhus.example",
      mail: { at: "2026-11-05T13:22:00+01:00", from: SOREN, to: [r.me, MAJA], subject: "Introduktion: Jonas <> Maja", body: "Hej begge to\n\nJeg vil gerne introducere jer for hinanden.\n\nSøren" },
    };
    await r.send({
      at: "2026-11-06T08:40:00+01:00",
      to: [MAJA],
      subject: "Re: Introduktion: Jonas <> Maja",
      body: "Hej Maja\n\nDejligt at blive introduceret. Jeg kommer gerne forbi med smageprøver. Har du tid torsdag?\n\nJonas",
      inReplyTo: introduction,
    });
    const maja = await r.contact(MAJA);
    expect([maja.inboundCount, maja.theyGaveCount]).toEqual([0, 0]);
  });
});

describe("a mail to many asks the one it names", () => {
  const members: Who[] = [1, 2, 3, 4, 5, 6].map((n) => ({ name: `Medlem ${n}`, address: `m${n}@netvaerk.example` }));
  const BIRTHE: Who = { name: "Birthe Holm", address: "birthe@netvaerk-koordinator.example" };
  it.each([
    ["names the owner: a request", "Rasmus – jeg har sat dig på som oplægsholder d. 13. april. Kan du sende mig en titel? Gerne inden fredag.", [["help", BIRTHE.address]]],
    ["names no one: news for everyone", "Kan I sende mig en titel på jeres oplæg? Gerne inden fredag.", []],
  ])("%s", async (label, ask, want) => {
    const r = await replayOwner(`rasmus.group.${label.split(":")[0].replace(/\W+/g, "-")}@vinther-it.example`, { name: "Rasmus Vinther", language: "da" });
    await r.backfill(
      [
        { at: "2026-10-01T09:00:00+02:00", from: r.me, to: [BIRTHE], subject: "Oplæg til foråret?", body: "Hej Birthe,\n\nJeg vil gerne holde et oplæg til foråret.\n\nRasmus" },
        { at: "2026-10-02T09:00:00+02:00", from: BIRTHE, to: [r.me], subject: "Sv: Oplæg til foråret?", body: "Hej Rasmus,\n\nDejligt, jeg vender tilbage.\n\nBirthe" },
      ],
      at("2026-10-03T00:00:00+02:00"),
    );
    await r.forward({ at: "2026-11-10T09:31:00+01:00", from: BIRTHE, to: [r.me, ...members], subject: "Forårsprogram", body: `Kære medlemmer\n\nSå er programmet på plads.\n\n${ask}\n\nVenlig hilsen\nBirthe` });
    expect(shown(await r.plan(MONDAY))).toEqual(want);
  });
});
