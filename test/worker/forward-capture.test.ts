// Forwards and automated mail through the worker's real email() handler, asserted on D1 through the API.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { forwards } from "../fixtures/forward/expected";
import { fixture } from "../support/fixtures";
import { deliverToWorker, emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

interface ApiInteraction {
  at: string;
  direction: string;
  subject: string;
  source: string;
  intent: Record<string, boolean>;
}

const deliver = (raw: string) => deliverToWorker(withCloudflareVerdict(raw, "pass", "example.com"), { from: "owner@example.com" });

async function contact(address: string) {
  const res = await worker.fetch(
    new Request(`http://x/api/contacts/${encodeURIComponent(address)}`, { headers: { authorization: "Bearer dev-token" } }),
    env,
    createExecutionContext(),
  );
  return { status: res.status, body: (await res.json()) as { interactions: ApiInteraction[]; notes: Array<{ body: string }> } };
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token", { name: "Jonas Kragh" });
});

describe("forwards from each mail client become the original sender's mail", () => {
  for (const want of forwards) {
    it(`${want.file}: ${want.from.address} on ${want.date}`, async () => {
      const res = await deliver(fixture(`forward/${want.file}`));
      expect(res.rejected()).toBeNull();
      expect(res.replies).toEqual([]);
      const ownMail = want.from.address === "owner@example.com";
      const person = ownMail ? want.to[0] : want.from;
      const { status, body } = await contact(person.address);
      expect(status).toBe(200);
      const match = body.interactions.filter((i) => i.subject === want.subject);
      expect(match.map((i) => [i.at, i.direction, i.source])).toEqual([[want.date, ownMail ? "out" : "in", "forward"]]);
      if (want.note) expect(body.notes.map((n) => n.body)).toContain(want.note);
    });
  }

  it("stores a forward delivered twice once", async () => {
    const before = (await contact("sarah@brightlabs.io")).body.interactions.length;
    await deliver(fixture("forward/gmail-en.eml"));
    expect((await contact("sarah@brightlabs.io")).body.interactions).toHaveLength(before);
  });

  it("recognises an inline forward of a mail the owner already BCC'd, and keeps the note", async () => {
    await deliver(fixture("capture/gmail-bcc-en.eml"));
    const before = (await contact("sarah@brightlabs.io")).body;
    const forward = [
      "From: Jonas Kragh <owner@example.com>",
      "To: gensidig@example.com",
      "Subject: Fwd: Coffee next week? Landing page ideas",
      "Date: Wed, 4 Nov 2026 10:00:00 +0100",
      "Message-ID: <CAK7n1c9fwdOfSent@mail.gmail.com>",
      "MIME-Version: 1.0",
      'Content-Type: text/plain; charset="UTF-8"',
      "",
      "Sarah is the one who built the Bright Labs page.",
      "",
      "---------- Forwarded message ---------",
      "From: Owner Olsen <owner@example.com>",
      "Date: Tue, Nov 3, 2026 at 9:14 AM",
      "Subject: Coffee next week? Landing page ideas",
      "To: Sarah Miller <sarah@brightlabs.io>",
      "Cc: Bo Nielsen <bo@nielsen-consult.dk>",
      "",
      "",
      "Hi Sarah,",
      "",
      "Could you spare 30 minutes next week for a coffee? I would love to hear",
      "how you approached the landing page for Bright Labs. Bo is cc'd since he",
      "asked about the same thing.",
      "",
      "Best,",
      "Owner",
      "",
    ].join("\r\n");
    const res = await deliver(forward);
    expect(res.rejected()).toBeNull();
    const after = (await contact("sarah@brightlabs.io")).body;
    expect(after.interactions).toHaveLength(before.interactions.length);
    expect(after.notes.map((n) => n.body)).toContain("Sarah is the one who built the Bright Labs page.");
  });

  it("reads the introduction in a forwarded Gmail mail as giving", async () => {
    const intro = (await contact("sarah@brightlabs.io")).body.interactions.find((i) => i.subject === "Intro: you and Tom Becker");
    expect(intro?.intent.giving).toBe(true);
  });
});

/** The owner forwards a newsletter as an attached message, with a line of their own above it. */
function newsletterForward(from: string, subject: string, messageId: string, note: string): string {
  return [
    `From: ${from}`,
    "To: gensidig@example.com",
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    "Date: Mon, 16 Nov 2026 09:00:00 +0100",
    "MIME-Version: 1.0",
    'Content-Type: multipart/mixed; boundary="outer"',
    "",
    "--outer",
    "Content-Type: text/plain; charset=utf-8",
    "",
    note,
    "--outer",
    "Content-Type: message/rfc822",
    'Content-Disposition: attachment; filename="newsletter.eml"',
    "",
    fixture("mail/mailchimp-newsletter.eml"),
    "--outer--",
    "",
  ].join("\r\n");
}

describe("automated mail", () => {
  it("ignores a forwarded newsletter and tells the owner why", async () => {
    const wrapped = newsletterForward("Jonas Kragh <owner@example.com>", "Fwd: attached newsletter", "fwd-newsletter@example.com", "Is this someone?");
    const before = await env.DB.prepare("select count(*) as n from contacts").first<{ n: number }>();
    const res = await deliver(wrapped);
    expect(res.rejected()).toBeNull();
    expect(await env.DB.prepare("select count(*) as n from contacts").first<{ n: number }>()).toEqual(before);
    const event = await env.DB.prepare("select kind, reason from mail_events where message_id = 'fwd-newsletter@example.com'").first<{ kind: string; reason: string }>();
    expect(event?.kind).toBe("ignored");
    expect(res.replies).toHaveLength(1);
    const answer = await PostalMime.parse(res.replies[0]);
    expect(answer.subject).toBe("Ignored: Fwd: attached newsletter");
    expect(answer.text).toContain(`it looks automated (${event!.reason})`);
  });

  it("tells a Danish owner in Danish", async () => {
    await seedOwner("ejer@eksempel.dk", "da-token", { name: "Ejer", language: "da" });
    const wrapped = newsletterForward("Ejer <ejer@eksempel.dk>", "VS: nyhedsbrev", "fwd-nyhedsbrev@eksempel.dk", "Er det en person?");
    const res = await deliverToWorker(withCloudflareVerdict(wrapped, "pass", "eksempel.dk"), { from: "ejer@eksempel.dk" });
    expect(res.rejected()).toBeNull();
    const answer = await PostalMime.parse(res.replies[0]);
    expect(answer.subject).toBe("Sorteret fra: VS: nyhedsbrev");
    expect(answer.text).toContain("Jeg har ikke tilføjet nogen fra den mail, du videresendte (»VS: nyhedsbrev«): den ser automatisk ud (");
  });

  it("never turns an Exchange out-of-office reply on a shared thread into a contact's mail", async () => {
    // The owner's thread with Mette: only someone who took part in the mail may answer on it.
    const from = "mette@lund-arkitekter.dk";
    await deliver(fixture("capture/gmail-bcc-en.eml").replace("sarah@brightlabs.io", from).replaceAll("CAK7n1c9x", "oooThread"));
    // The real out-of-office fixture, answering the owner's thread instead of Peter's.
    const threaded = fixture("mail/exchange-out-of-office-da.eml")
      .replace("To: Peter Jensen <peter@jensen.dk>", "To: Owner <owner@example.com>")
      .replaceAll("<CAF3x9kQ7m2=a1b2c3d4e5f6@mail.gmail.com>", "<oooThreadZ0p3Lq=R2vT8wYbQe4u@mail.gmail.com>");
    const mail = emailMessage(threaded, { from });
    const ctx = createExecutionContext();
    await worker.email(mail.message, testEnv(), ctx);
    await waitOnExecutionContext(ctx);
    expect(mail.rejected()).toBeNull();
    const event = await env.DB.prepare("select kind, envelope_from from mail_events where envelope_from = ?").bind(from).first();
    expect(event).toEqual({ kind: "ignored", envelope_from: from });
    // She is the owner's contact through the owner's own mail, and nothing of hers is counted as inbound.
    expect((await contact(from)).body.interactions.map((i) => [i.direction, i.source])).toEqual([["out", "bcc"]]);
  });
});
