// A digest reply address (gensidig+<token>@…) that does not verify runs nothing at all, not even lines that
// name a person by address; the plain assistant address keeps taking address commands. Through the real
// email() handler in production configuration, checked against D1.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { signDigestToken } from "../../src/digest/token";
import { alteredToken, tokenReply } from "../support/attacks";
import { seedOwner } from "../support/owners";
import { ANNA, at, BO, KARIN, count, deliverCommand, digestAt, fivePeople, seedOutreach } from "./commands-scenario";

const OWNER = "owner@example.com";
const DANISH_OWNER = "camilla@olsen.dk";
const now = at("2026-11-16T12:00:00+01:00");

let ownerId: number;
let danishId: number;
let first: Awaited<ReturnType<typeof digestAt>>;
let danishDigest: Awaited<ReturnType<typeof digestAt>>;

beforeAll(async () => {
  ownerId = (await seedOwner(OWNER, "owner-token", { name: "Camilla Olsen" })).id;
  danishId = (await seedOwner(DANISH_OWNER, "camilla-token", { name: "Camilla Olsen", language: "da" })).id;
  await seedOutreach(OWNER, fivePeople("2026-11-02", "2026-11-03"));
  await seedOutreach(DANISH_OWNER, fivePeople("2026-11-02", "2026-11-03"));
  first = await digestAt(ownerId, at("2026-11-16T08:00:00+01:00"));
  danishDigest = await digestAt(danishId, at("2026-11-16T08:00:00+01:00"));
});

const command = tokenReply;
const altered = alteredToken;

const contactsOf = (id: number, address: string) =>
  count("select count(*) as n from contacts where owner_id = ? and address = ?", id, address);
const interactionsOf = (id: number, address: string) =>
  count("select count(*) as n from interactions i join contacts c on c.id = i.contact_id where c.owner_id = ? and c.address = ?", id, address);

describe("a mail to a digest reply address whose token does not verify", () => {
  it("an altered token: forget … confirm deletes nobody, no line runs, and the answer says why", async () => {
    const token = altered(first.token);
    const to = `gensidig+${token}@example.com`;
    const res = await deliverCommand(command("altered1", OWNER, to, [`forget ${ANNA} confirm`, `never ${BO}`, "pause"]), { from: OWNER, to, now });
    expect(res.outcome).toEqual({ status: "command", ownerId });
    expect(await contactsOf(ownerId, ANNA)).toBe(1);
    expect(await interactionsOf(ownerId, ANNA)).toBe(1);
    expect(await count("select count(*) as n from contacts where owner_id = ? and muted = 1", ownerId)).toBe(0);
    expect(await count("select paused as n from owners where id = ?", ownerId)).toBe(0);
    expect(res.answer).toBe(
      [
        "✗ Nothing in this mail was carried out: it went to a reply address Gensidig did not make (the part after + was changed), so I cannot tell which digest it answers.",
        "",
        "To have these lines carried out, send them to gensidig@example.com or reply to your latest digest:",
        `  forget ${ANNA} confirm`,
        `  never ${BO}`,
        "  pause",
        "",
      ].join("\n"),
    );
  });

  it("an expired token: nothing runs, and the answer says the digest is too old", async () => {
    const token = await signDigestToken(env.DIGEST_TOKEN_SECRET!, { ownerId, digestId: first.digestId, expiresAt: now - 1 });
    const to = `gensidig+${token}@example.com`;
    const res = await deliverCommand(command("expired1", OWNER, to, [`forget ${ANNA} confirm`]), { from: OWNER, to, now });
    expect(await contactsOf(ownerId, ANNA)).toBe(1);
    expect(res.answer!.split("\n")[0]).toBe(
      "✗ Nothing in this mail was carried out: it answers a digest more than 30 days old, whose reply address no longer works.",
    );
  });

  it("another owner's token: nothing runs for either owner", async () => {
    const to = `gensidig+${danishDigest.token}@example.com`;
    const res = await deliverCommand(command("other1", OWNER, to, [`forget ${KARIN} confirm`, "done 1"]), { from: OWNER, to, now });
    expect(await contactsOf(ownerId, KARIN)).toBe(1);
    expect(await contactsOf(danishId, KARIN)).toBe(1);
    expect(await count("select count(*) as n from contacts where done_at is not null")).toBe(0);
    expect(res.answer!.split("\n")[0]).toBe("✗ Nothing in this mail was carried out: it went to the reply address of a digest that was not sent to you.");
  });

  it("answers in Danish for a Danish owner", async () => {
    const to = `gensidig+${altered(danishDigest.token)}@example.com`;
    const res = await deliverCommand(command("altered-da1", DANISH_OWNER, to, [`glem ${ANNA} bekræft`]), { from: DANISH_OWNER, to, now });
    expect(await contactsOf(danishId, ANNA)).toBe(1);
    expect(res.answer).toBe(
      [
        "✗ Intet i denne mail blev udført: den blev sendt til en svaradresse, som Gensidig ikke har lavet (delen efter + er ændret), så jeg kan ikke se, hvilken oversigt den svarer på.",
        "",
        "Send linjerne til gensidig@example.com, eller svar på din seneste oversigt, for at få dem udført:",
        `  glem ${ANNA} bekræft`,
        "",
      ].join("\n"),
    );
  });
});

describe("the genuine cases still act", () => {
  it("the plain assistant address takes address commands", async () => {
    const to = "gensidig@example.com";
    const res = await deliverCommand(command("plain1", OWNER, to, [`never ${BO}`]), { from: OWNER, to, now });
    expect(res.answer).toBe(`✓ never ${BO} — Bo Nielsen: will never be suggested again\n`);
    expect(await count("select muted as n from contacts where owner_id = ? and address = ?", ownerId, BO)).toBe(1);
  });

  it("a genuine token: forget … confirm deletes the person", async () => {
    const to = `gensidig+${first.token}@example.com`;
    const res = await deliverCommand(command("genuine1", OWNER, to, [`forget ${ANNA} confirm`]), { from: OWNER, to, now });
    expect(res.answer!.split("\n")[0]).toMatch(/^✓ forget anna@holmraadgivning\.dk confirm — Anna Holm <anna@holmraadgivning\.dk> deleted, with 1 mails and 0 notes\./);
    expect(await contactsOf(ownerId, ANNA)).toBe(0);
    expect(await interactionsOf(ownerId, ANNA)).toBe(0);
  });
});
