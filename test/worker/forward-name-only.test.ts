// A forward whose block names its sender without an address ("From: Bo Nielsen", as Outlook prints people
// from the address book): read as that contact when exactly one contact has the name, else kept as a dead
// letter and answered with a request for the address. Never guessed.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { describe, expect, it } from "vitest";
import { fixture } from "../support/fixtures";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

/** The Outlook name-only forward, sent by `owner` (each test has its own owner, so no state is shared). */
function nameOnlyForward(owner: string): string {
  return withCloudflareVerdict(fixture("forward/outlook-name-only-en.eml").replace(/owner@example\.com/g, owner), "pass", "example.com");
}

/** A mail the owner BCC'd to `to`, which makes them a contact under the name in the To header. */
function bcc(owner: string, to: string, id: string): string {
  return withCloudflareVerdict(
    [
      `From: Jonas Kragh <${owner}>`,
      `To: ${to}`,
      "Bcc: gensidig@example.com",
      "Subject: Workshop",
      "Date: Mon, 2 Nov 2026 10:00:00 +0100",
      `Message-ID: <${id}@example.com>`,
      "Content-Type: text/plain; charset=utf-8",
      "",
      "Hi Bo, shall we find a date for the workshop?",
    ].join("\r\n"),
    "pass",
    "example.com",
  );
}

const deliver = (raw: string, from: string) => deliverToWorker(raw, { from });

async function eventOf(owner: string) {
  return env.DB.prepare(
    "select e.kind, e.reason from mail_events e join owners o on o.id = e.owner_id where o.primary_address = ? and e.message_id like '004e01db4f32%'",
  )
    .bind(owner)
    .first<{ kind: string; reason: string | null }>();
}

async function inbound(owner: string, address: string) {
  return env.DB.prepare(
    "select i.direction, i.subject, i.at from interactions i join contacts c on c.id = i.contact_id join owners o on o.id = c.owner_id where o.primary_address = ? and c.address = ? and i.direction = 'in'",
  )
    .bind(owner, address)
    .all<{ direction: string; subject: string; at: number }>();
}

describe("a forward that names its sender without an address", () => {
  it("becomes the one contact with that name", async () => {
    const owner = "one-bo@example.com";
    await seedOwner(owner, "token-one-bo");
    await deliver(bcc(owner, "Bo Nielsen <bo@nielsen-consult.dk>", "bcc-one-bo"), owner);
    const res = await deliver(nameOnlyForward(owner), owner);
    expect(res.rejected()).toBeNull();
    expect(res.replies).toEqual([]);
    const rows = await inbound(owner, "bo@nielsen-consult.dk");
    expect(rows.results.map((r) => [r.subject, new Date(r.at).toISOString()])).toEqual([["Workshop dates", "2026-11-04T08:15:00.000Z"]]);
  });

  it("is kept as a dead letter, and the answer asks for the address, when no contact has the name", async () => {
    const owner = "no-bo@example.com";
    await seedOwner(owner, "token-no-bo");
    const res = await deliver(nameOnlyForward(owner), owner);
    expect(res.rejected()).toBeNull();
    const event = await eventOf(owner);
    expect(event?.kind).toBe("dead-letter");
    expect(event?.reason).toContain("names its sender, Bo Nielsen, but gives no address");
    expect(res.replies).toHaveLength(1);
    const answer = await PostalMime.parse(res.replies[0]);
    expect(answer.text).toContain("forward it again with the sender's address, or as an attachment");
  });

  it("matches the name case aside, and not a name written the other way round (found by the same index key)", async () => {
    const owner = "case-bo@example.com";
    await seedOwner(owner, "token-case-bo");
    await deliver(bcc(owner, "BO NIELSEN <bo@nielsen-consult.dk>", "bcc-case-bo"), owner);
    // "Nielsen, Bo" has the key "bo nielsen" too, but is not the name the forward gave: it does not make two.
    await deliver(bcc(owner, '"Nielsen, Bo" <bo.nielsen@example.org>', "bcc-turned-bo"), owner);
    const res = await deliver(nameOnlyForward(owner), owner);
    expect(res.rejected()).toBeNull();
    expect((await inbound(owner, "bo@nielsen-consult.dk")).results.map((r) => r.subject)).toEqual(["Workshop dates"]);
    expect((await inbound(owner, "bo.nielsen@example.org")).results).toEqual([]);
  });

  it("is not guessed when two contacts have the name", async () => {
    const owner = "two-bos@example.com";
    await seedOwner(owner, "token-two-bos");
    await deliver(bcc(owner, "Bo Nielsen <bo@nielsen-consult.dk>", "bcc-two-bos-1"), owner);
    await deliver(bcc(owner, "Bo Nielsen <bo.nielsen@example.org>", "bcc-two-bos-2"), owner);
    const res = await deliver(nameOnlyForward(owner), owner);
    expect(res.rejected()).toBeNull();
    expect((await eventOf(owner))?.kind).toBe("dead-letter");
    expect((await inbound(owner, "bo@nielsen-consult.dk")).results).toEqual([]);
    expect((await inbound(owner, "bo.nielsen@example.org")).results).toEqual([]);
  });
});
