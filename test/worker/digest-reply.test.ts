// Answering a digest: the answer threads under the owner's reply (Cloudflare's reply() takes it only with the
// right References), and a reply whose client dropped the `+token` of the Reply-To still answers the digest
// it names in its thread. Real handlers, local D1; reply() refuses what Cloudflare's refuses (test/support/mail.ts).
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";
import { ANNA, at, count, deliverCommand, digestAt, fivePeople, seedOutreach } from "./commands-scenario";

const DIGEST_AT = at("2026-11-26T08:00:00+01:00");
const ANSWER_AT = DIGEST_AT + 3_600_000;
const FIXTURE_DIGEST_ID = "digest.5b1f2c64-2f0e-4a51-9d7e-0c8f3e1a9b21@example.com";
const OWNER = "camilla@olsen-design.dk";
const OTHER = "jonas@lund-studio.dk";

/** Gmail's reply to the digest, naming `digestId` in In-Reply-To and References, from `from`, with `references` as the chain. */
function gmailReply(opts: { from: string; digestId: string; references?: string; messageId: string }) {
  return fixture("commands/gmail-reply-en.eml")
    .replace(`References: <${FIXTURE_DIGEST_ID}>`, `References: ${opts.references ?? `<${opts.digestId}>`}`)
    .replaceAll(FIXTURE_DIGEST_ID, opts.digestId)
    .replace("<CAK7n1c8Gq0=Vb2rT4mXw9dJ3pLz6uN1sYe5hFq@mail.gmail.com>", `<${opts.messageId}>`)
    .replace("From: Camilla Olsen <owner@example.com>", `From: Camilla Olsen <${opts.from}>`);
}

const doneAt = (ownerId: number, address: string) => count("select count(*) as n from contacts where owner_id = ? and address = ? and done_at is not null", ownerId, address);

describe("answering a digest", () => {
  let ownerId: number;
  let otherId: number;
  let digest: Awaited<ReturnType<typeof digestAt>>;
  let otherDigest: Awaited<ReturnType<typeof digestAt>>;

  beforeAll(async () => {
    ownerId = (await seedOwner(OWNER, "camilla-api-token", { name: "Camilla Olsen" })).id;
    otherId = (await seedOwner(OTHER, "jonas-api-token", { name: "Jonas Lund" })).id;
    const people = fivePeople("2026-11-09", "2026-11-10");
    await seedOutreach(OWNER, people);
    await seedOutreach(OTHER, people);
    digest = await digestAt(ownerId, DIGEST_AT);
    otherDigest = await digestAt(otherId, DIGEST_AT);
  });

  it("keeps the Message-ID Cloudflare gave the digest, which is what a reply names", async () => {
    const row = await count("select count(*) as n from digests where id = ? and message_id = ?", digest.digestId, digest.messageId);
    expect(digest.messageId).toMatch(/^sent\.\d+\..+@cloudflare\.example$/);
    expect(row).toBe(1);
  });

  it("answers with reply(), its References the incoming chain (folded as it came) plus the incoming Message-ID", async () => {
    // A longer thread: an earlier mail, then the digest, folded over two lines as Gmail folds long headers.
    const chain = `<CAK7n1c8earlier0001@mail.gmail.com>\r\n\t<${digest.messageId}>`;
    const d = await deliverCommand(gmailReply({ from: OWNER, digestId: digest.messageId, references: chain, messageId: "CAK7n1c8threaded0001@mail.gmail.com" }), {
      from: OWNER,
      token: digest.token,
      now: ANSWER_AT,
    });
    expect(d.replies).toHaveLength(1);
    expect(d.sent).toHaveLength(0);
    const answer = await PostalMime.parse(d.replies[0]);
    expect(answer.inReplyTo).toBe("<CAK7n1c8threaded0001@mail.gmail.com>");
    expect(answer.references).toBe(`<CAK7n1c8earlier0001@mail.gmail.com>\t<${digest.messageId}> <CAK7n1c8threaded0001@mail.gmail.com>`);
    expect(d.answer).toMatch(/✓/);
    expect(await doneAt(ownerId, ANNA)).toBe(1);
  });

  it("acts on item numbers when the client dropped the +token but the reply names the digest in its thread", async () => {
    const fresh = await digestAt(ownerId, DIGEST_AT + 7 * 86_400_000);
    const d = await deliverCommand(gmailReply({ from: OWNER, digestId: fresh.messageId, messageId: "CAK7n1c8plain0002@mail.gmail.com" }), {
      from: OWNER,
      to: "gensidig@example.com",
      now: DIGEST_AT + 7 * 86_400_000 + 3_600_000,
    });
    // That digest has two items left after the first answer: both act, and the third line says there is no item 3.
    expect(d.answer).toMatch(/^✓ done 1 — /m);
    expect(d.answer).toMatch(/^✓ snooze 2 2w — /m);
    expect(d.answer).toMatch(/^✗ never 3 — the digest has no item 3/m);
    // The first answer snoozed one person; this one snoozes a second.
    expect(await count("select count(*) as n from contacts where owner_id = ? and snoozed_until is not null", ownerId)).toBe(2);
  });

  it("never takes another owner's digest from the thread: item numbers then need the signed address", async () => {
    const before = await doneAt(otherId, ANNA);
    const d = await deliverCommand(gmailReply({ from: OWNER, digestId: otherDigest.messageId, messageId: "CAK7n1c8foreign0003@mail.gmail.com" }), {
      from: OWNER,
      to: "gensidig@example.com",
      now: ANSWER_AT,
    });
    expect(d.answer).toMatch(/✗/);
    expect(d.answer).not.toMatch(/✓/);
    expect(await doneAt(otherId, ANNA)).toBe(before);
  });

  it("treats a digest named in the thread as expired once its 30 days are over, as the signed address does", async () => {
    const d = await deliverCommand(gmailReply({ from: OWNER, digestId: digest.messageId, messageId: "CAK7n1c8late0004@mail.gmail.com" }), {
      from: OWNER,
      to: "gensidig@example.com",
      now: DIGEST_AT + 31 * 86_400_000,
    });
    expect(d.answer).toMatch(/expired|30 days/i);
  });
});
