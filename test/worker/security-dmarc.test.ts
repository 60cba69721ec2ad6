// Issue 9, items 1 and 10: owner mail acts only on Cloudflare's own DMARC verdict, read as RFC 8601
// structure, and a refused mail says why in words a person can read. Through the real email() handler,
// in production configuration (ALLOW_UNAUTHENTICATED_OWNER_MAIL is "false" in vitest.workers.ts).
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { cloudflareArc, plainOwnerMail } from "../support/attacks";
import { fixture } from "../support/fixtures";
import { deliverToWorker } from "../support/mail";
import { seedOwner } from "../support/owners";

const TABLES = ["contacts", "interactions", "messages", "notes", "mail_events", "suppressions", "weekly_activity", "digests", "digest_items"];

async function tableCounts(): Promise<Record<string, number>> {
  const rows = await env.DB.batch(TABLES.map((t) => env.DB.prepare(`select count(*) as n from ${t}`)));
  return Object.fromEntries(TABLES.map((t, i) => [t, (rows[i].results[0] as { n: number }).n]));
}

/** The owner's BCC'd Gmail mail with a unique Message-ID, as Cloudflare hands it over: its verdict on top. */
function ownerMail(arcValue: string, id: string): string {
  const raw = fixture("capture/gmail-bcc-en.eml").replace("CAK7n1c9xZ0p3Lq=R2vT8wYbQe4u", `dmarc-${id}`);
  return `ARC-Authentication-Results: ${arcValue}\r\n${raw}`;
}

const cloudflare = cloudflareArc;

const refusal = (detail: string) => `Gensidig could not verify that this mail comes from owner@example.com (${detail}).`;

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token");
});

describe("owner mail with a crafted Cloudflare verdict", () => {
  // Each attack was accepted as the owner's mail before issue 9 (or, for the last, refused with a garbled reason).
  it.each([
    [
      "a comment saying dmarc=pass before the real dmarc=fail",
      cloudflare("dmarc=fail header.from=example.com policy.dmarc=reject", "dkim=none (dmarc=pass header.from=example.com ) header.d=evil.example"),
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      'a quoted reason="dmarc=pass …"',
      cloudflare("dmarc=fail header.from=example.com", 'dkim=fail reason="dmarc=pass header.from=example.com " header.d=evil.example'),
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    [
      "another method's property header.i=dmarc=pass@…",
      cloudflare("dmarc=fail header.from=example.com", "dkim=pass header.i=dmarc=pass@evil.example header.d=evil.example"),
      "DMARC did not pass for example.com: Cloudflare's result is fail",
    ],
    ["a pass that names no From domain", cloudflare("dmarc=pass policy.dmarc=none"), "Cloudflare's DMARC pass does not name the one From domain it checked"],
    [
      "instance 0",
      cloudflare("dmarc=pass header.from=example.com").replace("i=1;", "i=0;"),
      "its topmost authentication results could not be read: it does not start with an instance number from 1 to 50",
    ],
    ["a pass for a domain that is not the owner's", cloudflare("dmarc=pass header.from=example.com.evil.example"), "DMARC passed for example.com.evil.example, which does not align with example.com"],
  ])("refuses %s, says why, and writes nothing", async (name, arc, detail) => {
    const before = await tableCounts();
    const res = await deliverToWorker(ownerMail(arc, name.replace(/\W+/g, "-")), { from: "owner@example.com" });
    expect(res.rejected()).toBe(refusal(detail));
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("owner mail with Cloudflare's genuine verdict", () => {
  it("stores a BCC'd mail under an aligned pass in Cloudflare's real, folded header", async () => {
    const res = await deliverToWorker(ownerMail(cloudflare("dmarc=pass header.from=example.com policy.dmarc=reject"), "genuine"), { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    const stored = await env.DB.prepare("select kind from messages where message_id = 'dmarc-genuine@mail.gmail.com'").first<{ kind: string }>();
    expect(stored).toEqual({ kind: "bcc" });
  });

  it("stores a mail whose verdict is for a subdomain of the owner's domain (relaxed alignment, RFC 7489 §3.1.1)", async () => {
    const res = await deliverToWorker(ownerMail(cloudflare("dmarc=pass header.from=mail.example.com"), "subdomain"), { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    const stored = await env.DB.prepare("select kind from messages where message_id = 'dmarc-subdomain@mail.gmail.com'").first<{ kind: string }>();
    expect(stored).toEqual({ kind: "bcc" });
  });
});

describe("a refusal in the name of a Danish owner", () => {
  const DANISH = "camilla@olsen.dk";
  const danishMail = (id: string, arc: string | null) =>
    (arc === null ? "" : `ARC-Authentication-Results: ${arc}\r\n`) +
    plainOwnerMail(DANISH, { id: `${id}@olsen.dk`, subject: "Kaffe i næste uge?", to: "Anna Holm <anna@holmraadgivning.dk>", body: "Hej Anna,\n\nSkal vi tage en kaffe?\n\nCamilla" });

  beforeAll(async () => {
    await seedOwner(DANISH, "camilla-token", { name: "Camilla Olsen", language: "da" });
  });

  it.each([
    ["DMARC failed", danishMail("da-fail", cloudflare("dmarc=fail header.from=olsen.dk")), DANISH, "DMARC did not pass for olsen.dk: Cloudflare's result is fail"],
    ["a pass for a domain that does not align", danishMail("da-align", cloudflare("dmarc=pass header.from=olsen.dk.evil.example")), DANISH, "DMARC passed for olsen.dk.evil.example, which does not align with olsen.dk"],
    ["no verdict at all", danishMail("da-none", null), DANISH, "no Cloudflare authentication results"],
    [
      "an envelope sender that is not hers",
      danishMail("da-envelope", cloudflare("dmarc=pass header.from=olsen.dk")),
      "bounce@mailer.attacker.example",
      "envelope sender bounce@mailer.attacker.example is not an address of the owner of camilla@olsen.dk",
    ],
  ])("%s: the reason is in Danish, with the checked details as they are, and nothing is written", async (_, raw, envelopeFrom, detail) => {
    const before = await tableCounts();
    const res = await deliverToWorker(raw, { from: envelopeFrom });
    expect(res.rejected()).toBe(`Gensidig kunne ikke bekræfte, at denne mail kommer fra ${DANISH} (${detail}).`);
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("a stranger writing from the same domain is answered in English: the owner's language is the owner's only", async () => {
    const raw = plainOwnerMail("mallory@olsen.dk", { id: "da-stranger@olsen.dk", subject: "Hej", body: "Hej" }, "Mallory");
    const res = await deliverToWorker(raw, { from: "mallory@olsen.dk" });
    expect(res.rejected()).toMatch(/^Gensidig only accepts mail from the people it works for, and mallory@olsen\.dk is not one of them\./);
  });
});
