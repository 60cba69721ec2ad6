// One digest reply per mail client and language, delivered through the real email handler. Each owner has
// the same five people and the digest of Thursday 26 November (items 1 Anna, 2 Bo, 3 Karin), whose
// command examples ("done 1", "aldrig 3", "pause" …) come back quoted in every reply and must never act.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";
import { ANNA, at, BO, fivePeople, KARIN, LISE, MIKKEL, type Delivery, deliverCommand, digestAt, owner, planned, seedOutreach } from "./commands-scenario";

const DIGEST_AT = at("2026-11-26T08:00:00+01:00");

const PEOPLE = fivePeople("2026-11-09", "2026-11-10");

interface ContactState {
  done: number | null;
  snoozedUntil: number | null;
  muted: number;
  cadenceDays: number | null;
}

const untouched: ContactState = { done: null, snoozedUntil: null, muted: 0, cadenceDays: null };

/** Every contact of the owner with the fields a command can change, by address. */
async function contactStates(ownerId: number): Promise<Record<string, ContactState>> {
  const rows = await env.DB.prepare(
    `select address, done_at, snoozed_until, muted, cadence_days
     from contacts where owner_id = ? order by address`,
  )
    .bind(ownerId)
    .all<Record<string, number | string | null>>();
  const out: Record<string, ContactState> = {};
  for (const r of rows.results) {
    out[r.address as string] = {
      // `done` settles everything about the person at once (contacts.done_at).
      done: r.done_at as number | null,
      snoozedUntil: r.snoozed_until as number | null,
      muted: r.muted as number,
      cadenceDays: r.cadence_days as number | null,
    };
  }
  return out;
}

async function notesOf(ownerId: number) {
  const rows = await env.DB.prepare(
    "select c.address, n.body, n.source from notes n join contacts c on c.id = n.contact_id where n.owner_id = ? order by n.id",
  )
    .bind(ownerId)
    .all();
  return rows.results;
}

/** An owner with the five people written to on 9 and 10 November, and the digest of 26 November. */
async function ownerWithDigest(address: string, name: string, language: "en" | "da") {
  const id = (await seedOwner(address, `${address}-api-token`, { name, language })).id;
  await seedOutreach(address, PEOPLE);
  const digest = await digestAt(id, DIGEST_AT);
  return { id, digest };
}

function expectAnsweredByReply(res: Delivery, ownerId: number) {
  expect(res.rejected).toBeNull();
  expect(res.outcome).toEqual({ status: "command", ownerId });
  expect(res.replies).toHaveLength(1);
  expect(res.sent).toEqual([]);
}

describe("Gmail in Danish: commands on top, the HTML digest quoted with > below", () => {
  const METTE = "mette@kjaer-design.dk";
  const now = at("2026-11-26T08:41:17+01:00");
  let ownerId: number;
  let res: Delivery;

  beforeAll(async () => {
    const o = await ownerWithDigest(METTE, "Mette Kjær", "da");
    ownerId = o.id;
    expect([o.digest.subject, o.digest.items]).toEqual(["Følg op med 3 · uge 48", 3]);
    res = await deliverCommand(fixture("commands/gmail-reply-da.eml"), { from: METTE, token: o.digest.token, now });
  });

  it("answers the three lines Mette wrote, and nothing from the quote", () => {
    expectAnsweredByReply(res, ownerId);
    expect(res.answer).toBe(
      [
        "✓ færdig 1 — Anna Holm: markeret som klaret",
        "✓ udsæt 2 til næste måned — Bo Nielsen: udsat til lørdag den 26. december 2026",
        "✓ note karin@oestergaard-arkitekter.dk ringede i går, vender… — Karin Østergaard: note tilføjet",
        "",
      ].join("\n"),
    );
  });

  it("stores what was asked; the quoted aldrig 3 and pause did not act", async () => {
    expect(await contactStates(ownerId)).toEqual({
      [ANNA]: { ...untouched, done: now },
      [BO]: { ...untouched, snoozedUntil: at("2026-12-26T00:00:00+01:00") },
      [KARIN]: untouched,
      [LISE]: untouched,
      [MIKKEL]: untouched,
    });
    expect(await notesOf(ownerId)).toEqual([{ address: KARIN, body: "ringede i går, vender tilbage efter nytår", source: "command" }]);
    expect((await owner(ownerId)).paused).toBe(false);
    // Karin, not muted, is still item one next week.
    expect(await planned(ownerId, at("2026-12-03T08:00:00+01:00"))).toEqual([KARIN, MIKKEL, LISE]);
  });
});

describe("Apple Mail (iPhone) in Danish: capitalised commands, Sendt fra min iPhone, then the quote", () => {
  const JONAS = "jonas@brandtfoto.dk";
  const now = at("2026-11-26T12:07:33+01:00");
  let ownerId: number;
  let res: Delivery;

  beforeAll(async () => {
    const o = await ownerWithDigest(JONAS, "Jonas Brandt", "da");
    ownerId = o.id;
    res = await deliverCommand(fixture("commands/apple-mail-reply-da.eml"), { from: JONAS, token: o.digest.token, now });
  });

  it("answers the three lines Jonas wrote, and nothing from the quote", () => {
    expectAnsweredByReply(res, ownerId);
    expect(res.answer).toBe(
      [
        "✓ Udsæt 1 om 14 dage — Anna Holm: udsat til fredag den 11. december 2026",
        "✓ Aldrig 3 — Karin Østergaard: bliver aldrig foreslået igen",
        "✓ Note bo@nielsenconsult.dk har skiftet job, skriv til ham på… — Bo Nielsen: note tilføjet",
        "",
      ].join("\n"),
    );
  });

  it("stores what was asked; the quoted færdig 1, udsæt 2 2w and pause did not act", async () => {
    expect(await contactStates(ownerId)).toEqual({
      [ANNA]: { ...untouched, snoozedUntil: at("2026-12-11T00:00:00+01:00") },
      [BO]: untouched,
      [KARIN]: { ...untouched, muted: 1 },
      [LISE]: untouched,
      [MIKKEL]: untouched,
    });
    expect(await notesOf(ownerId)).toEqual([
      { address: BO, body: "har skiftet job, skriv til ham på den nye adresse efter jul", source: "command" },
    ]);
    expect((await owner(ownerId)).paused).toBe(false);
    expect(await planned(ownerId, at("2026-12-03T08:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
  });
});

describe("Outlook desktop in English: commands and signature, a rule, a header block, the digest without >", () => {
  const SARAH = "sarah@mitchelladvisory.com";
  const now = at("2026-11-26T08:18:44Z");
  let ownerId: number;
  let res: Delivery;

  beforeAll(async () => {
    const o = await ownerWithDigest(SARAH, "Sarah Mitchell", "en");
    ownerId = o.id;
    expect([o.digest.subject, o.digest.items]).toEqual(["Follow up 3 · week 48", 3]);
    res = await deliverCommand(fixture("commands/outlook-reply-en.eml"), { from: SARAH, token: o.digest.token, now });
  });

  it("answers the four lines Sarah wrote, and nothing from the unmarked quote", () => {
    expectAnsweredByReply(res, ownerId);
    expect(res.answer).toBe(
      [
        "✓ done 1 — Anna Holm: marked as handled",
        "✓ never 3 — Karin Østergaard: will never be suggested again",
        "✓ snooze 2 until 7 December — Bo Nielsen: snoozed until Monday 7 December 2026",
        "✓ note bo@nielsenconsult.dk Moving to Aarhus in January, sugg… — Bo Nielsen: note added",
        "",
      ].join("\n"),
    );
  });

  it("stores what was asked; the quoted snooze 2 2w, pause and help did not act", async () => {
    expect(await contactStates(ownerId)).toEqual({
      [ANNA]: { ...untouched, done: now },
      // 7 December as written, not the 10th that the quoted "snooze 2 2w" would have set.
      [BO]: { ...untouched, snoozedUntil: at("2026-12-07T00:00:00+01:00") },
      [KARIN]: { ...untouched, muted: 1 },
      [LISE]: untouched,
      [MIKKEL]: untouched,
    });
    expect(await notesOf(ownerId)).toEqual([
      { address: BO, body: "Moving to Aarhus in January, suggest a call instead", source: "command" },
    ]);
    expect((await owner(ownerId)).paused).toBe(false);
    expect(await planned(ownerId, at("2026-12-07T08:00:00+01:00"))).toEqual([BO, MIKKEL, LISE]);
  });
});

describe("Thunderbird in English, bottom-posted: the quote first, the commands below it", () => {
  const OLIVER = "oliver@grantstudio.dk";
  const now = at("2026-11-26T10:02:51+01:00");
  let ownerId: number;
  let res: Delivery;

  beforeAll(async () => {
    const o = await ownerWithDigest(OLIVER, "Oliver Grant", "en");
    ownerId = o.id;
    res = await deliverCommand(fixture("commands/thunderbird-reply-en.eml"), { from: OLIVER, token: o.digest.token, now });
  });

  it("answers the four lines below the quote, and nothing from the quote or the signature", () => {
    expectAnsweredByReply(res, ownerId);
    expect(res.answer).toBe(
      [
        "✓ done 2 — Bo Nielsen: marked as handled",
        "✓ snooze 1 until 4 December — Anna Holm: snoozed until Friday 4 December 2026",
        "✓ note anna@holmraadgivning.dk rang me back, lunch at Paludan… — Anna Holm: note added",
        "✓ cadence karin@oestergaard-arkitekter.dk monthly — Karin Østergaard: in touch every month",
        "",
      ].join("\n"),
    );
  });

  it("stores what was asked; the quoted done 1, snooze 2 2w, never 3 and pause did not act", async () => {
    expect(await contactStates(ownerId)).toEqual({
      [ANNA]: { ...untouched, snoozedUntil: at("2026-12-04T00:00:00+01:00") },
      [BO]: { ...untouched, done: now },
      [KARIN]: { ...untouched, cadenceDays: 30 },
      [LISE]: untouched,
      [MIKKEL]: untouched,
    });
    expect(await notesOf(ownerId)).toEqual([
      { address: ANNA, body: "rang me back, lunch at Paludan on 4 December", source: "command" },
    ]);
    expect((await owner(ownerId)).paused).toBe(false);
    expect(await planned(ownerId, at("2026-12-03T08:00:00+01:00"))).toEqual([KARIN, MIKKEL, LISE]);
  });
});
