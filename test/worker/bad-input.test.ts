// Bad input gets a defined outcome and loses nothing that was accepted.
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { findOwnerByAddress } from "../../src/db/owners";
import { sendDigest } from "../../src/digest/run";
import { readConfig } from "../../src/env";
import { handleEmail } from "../../src/ingest/email-handler";
import { MAX_RAW_BYTES } from "../../src/mail/bound";
import worker from "../../src/index";
import { deliverToWorker, emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

const verified = (raw: string) => withCloudflareVerdict(raw, "pass", "example.com");

const deliver = (raw: string | Uint8Array, from = "owner@example.com", to = "gensidig@example.com") => deliverToWorker(raw, { from, to });

async function contactRow(address: string) {
  return env.DB.prepare("select name, inbound_count, outbound_count from contacts where address = ?").bind(address).first<{
    name: string | null;
    inbound_count: number;
    outbound_count: number;
  }>();
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token");
});

describe("malformed mail", () => {
  it("rejects mail with two From headers: nobody can tell who sent it", async () => {
    const raw = verified(
      "From: Owner <owner@example.com>\r\nFrom: Mallory <mallory@evil.example>\r\nTo: anna@x.dk\r\nSubject: hi\r\nMessage-ID: <two-from@x>\r\n\r\nhi\r\n",
    );
    const res = await deliver(raw);
    expect(res.rejected()).toBe("This mail has more than one From address; Gensidig cannot tell who sent it.");
    expect(await contactRow("anna@x.dk")).toBeNull();
  });

  it("rejects mail without a From header", async () => {
    const res = await deliver("To: anna@x.dk\r\nSubject: hi\r\nMessage-ID: <no-from@x>\r\n\r\nhi\r\n", "owner@example.com");
    expect(res.rejected()).toBe("This mail has no From address.");
  });

  it("captures the people of a multipart mail whose closing boundary is missing", async () => {
    const raw = verified(
      [
        "From: Owner <owner@example.com>",
        "To: Nina Berg <nina@berg.dk>",
        "Subject: Oplæg til workshop",
        "Message-ID: <broken-boundary@example.com>",
        "Date: Mon, 16 Nov 2026 10:00:00 +0100",
        'Content-Type: multipart/mixed; boundary="XYZ"',
        "",
        "--XYZ",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hej Nina, her er mit oplæg.",
        "--XYZ",
        "Content-Type: application/pdf; name=oplaeg.pdf",
        "Content-Transfer-Encoding: base64",
        "",
        "JVBERi0xLjQK",
      ].join("\r\n"),
    );
    const res = await deliver(raw);
    expect(res.rejected()).toBeNull();
    expect(await contactRow("nina@berg.dk")).toEqual({ name: "Nina Berg", inbound_count: 0, outbound_count: 1 });
  });

  it("decodes Danish names and text in ISO-8859-1 and windows-1252, and survives an unknown charset", async () => {
    const latin1 = verified(
      "From: Owner <owner@example.com>\r\nTo: =?ISO-8859-1?Q?S=F8ren_=C6gidius?= <soren@aegidius.dk>\r\nSubject: =?windows-1252?Q?M=F8de_p=E5_fredag_=96_tak?=\r\nMessage-ID: <latin1@example.com>\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: 8bit\r\n\r\n",
    );
    const bytes = new Uint8Array([...new TextEncoder().encode(latin1), 0x48, 0x65, 0x6a, 0x20, 0x53, 0xf8, 0x72, 0x65, 0x6e, 0x20, 0x96, 0x20, 0x74, 0x61, 0x6b, 0x0d, 0x0a]);
    expect((await deliver(bytes)).rejected()).toBeNull();
    expect((await contactRow("soren@aegidius.dk"))?.name).toBe("Søren Ægidius");
    const subject = await env.DB.prepare("select subject, snippet from interactions where message_id = 'latin1@example.com'").first<{ subject: string; snippet: string }>();
    expect(subject).toEqual({ subject: "Møde på fredag – tak", snippet: "Hej Søren – tak" });

    const unknown = verified(
      "From: Owner <owner@example.com>\r\nTo: Ida <ida@unknown-charset.dk>\r\nSubject: =?x-made-up?Q?hej?=\r\nMessage-ID: <unknown-charset@example.com>\r\nContent-Type: text/plain; charset=x-made-up-charset\r\n\r\nHej Ida\r\n",
    );
    expect((await deliver(unknown)).rejected()).toBeNull();
    expect(await contactRow("ida@unknown-charset.dk")).toMatchObject({ outbound_count: 1 });
  });

  it("reads HTML-only mail", async () => {
    const raw = verified(
      "From: Owner <owner@example.com>\r\nTo: Emil <emil@html-only.dk>\r\nSubject: Kan du hjælpe?\r\nMessage-ID: <html-only@example.com>\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>Hej Emil,</p><p>Kan du hjælpe mig med et logo?</p></body></html>\r\n",
    );
    await deliver(raw);
    const row = await env.DB.prepare("select snippet, is_request from interactions where message_id = 'html-only@example.com'").first();
    expect(row).toEqual({ snippet: "Hej Emil, Kan du hjælpe mig med et logo?", is_request: 1 });
  });
});

describe("address tricks", () => {
  it("does not take an owner's address written as an encoded-word display name for the owner", async () => {
    const raw = withCloudflareVerdict(
      "From: =?utf-8?B?b3duZXJAZXhhbXBsZS5jb20=?= <mallory@evil.example>\r\nTo: gensidig@example.com\r\nSubject: done 1\r\nMessage-ID: <encoded-trick@evil.example>\r\n\r\nforget anna@x.dk confirm\r\n",
      "pass",
      "evil.example",
    );
    const res = await deliver(raw, "mallory@evil.example");
    expect(res.rejected()).toBe("Gensidig only accepts mail from the people it works for, and mallory@evil.example is not one of them.");
    expect(res.replies).toEqual([]);
  });
});

describe("size", () => {
  it("refuses a mail larger than Cloudflare's 25 MiB before reading it", async () => {
    const mail = emailMessage("From: owner@example.com\r\n\r\nx", { from: "owner@example.com" });
    Object.defineProperty(mail.message, "rawSize", { value: MAX_RAW_BYTES + 1 });
    const outcome = await handleEmail(mail.message, testEnv(), Date.now());
    expect(outcome.status).toBe("rejected");
    expect(mail.rejected()).toBe("This mail is 25.0 MiB; Gensidig takes mail up to 25 MiB.");
  });

  it("still captures the people of a mail near 25 MiB with a big attachment", async () => {
    const head = verified(
      [
        "From: Owner <owner@example.com>",
        "To: Frederik Holm <frederik@holm-film.dk>",
        "Subject: Råoptagelserne",
        "Message-ID: <huge@example.com>",
        "Date: Tue, 17 Nov 2026 09:00:00 +0100",
        'Content-Type: multipart/mixed; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hej Frederik, her er råoptagelserne fra i går.",
        "--b1",
        'Content-Type: video/mp4; name="optagelse.mp4"',
        'Content-Disposition: attachment; filename="optagelse.mp4"',
        "Content-Transfer-Encoding: base64",
        "",
        "",
      ].join("\r\n"),
    );
    const line = "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\r\n";
    const body = line.repeat(Math.floor((24 * 1024 * 1024) / line.length));
    const raw = `${head}${body}--b1--\r\n`;
    const res = await deliver(raw);
    expect(res.rejected()).toBeNull();
    expect(await contactRow("frederik@holm-film.dk")).toEqual({ name: "Frederik Holm", inbound_count: 0, outbound_count: 1 });
    const row = await env.DB.prepare("select attachments from interactions where message_id = 'huge@example.com'").first<{ attachments: string }>();
    expect(JSON.parse(row!.attachments)).toEqual(["optagelse.mp4"]);
  });
});

describe("accepted mail is never dropped", () => {
  it("keeps a forward whose original sender cannot be found as a dead letter, tells the owner, and the digest counts it", async () => {
    const raw = verified(
      [
        "From: Owner <owner@example.com>",
        "To: gensidig@example.com",
        "Subject: Fwd: se her",
        "Message-ID: <fwd-no-sender@example.com>",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "---------- Forwarded message ---------",
        "Date: Mon, 16 Nov 2026 at 10:00",
        "Subject: se her",
        "",
        "Noget tekst uden afsender.",
      ].join("\r\n"),
    );
    const res = await deliver(raw);
    expect(res.rejected()).toBeNull();
    const dead = await env.DB.prepare("select kind, reason from mail_events where message_id = 'fwd-no-sender@example.com'").first();
    expect(dead).toEqual({ kind: "dead-letter", reason: "the forwarded mail's original sender could not be found" });
    expect(res.replies).toHaveLength(1);
    const answer = await PostalMime.parse(res.replies[0]);
    expect(answer.subject).toBe("Could not use: Fwd: se her");
    expect(answer.text).toContain("the forwarded mail's original sender could not be found");

    const owner = (await findOwnerByAddress(env.DB, "owner@example.com"))!.owner;
    const outbox = recordingSendEmail();
    const digest = await sendDigest(env.DB, outbox.binding, readConfig(testEnv()), owner, Date.now() + 1000, null);
    expect(digest.text).toContain("1 mail could not be processed");
  });

  it("a command mail whose answer cannot be sent still runs, ends with an outcome, and the digest says the answer was lost", async () => {
    const OWNER = "unanswered@example.com";
    const { id: ownerId } = await seedOwner(OWNER, "unanswered-token");
    const raw = withCloudflareVerdict(
      ["From: Owner <unanswered@example.com>", "To: gensidig@example.com", "Subject: pause", "Message-ID: <pause-unanswered@example.com>", "Content-Type: text/plain; charset=utf-8", "", "pause", ""].join("\r\n"),
      "pass",
      "example.com",
    );
    // reply() refused, and send_email refusing too (the owner's primary address not verified in Email Routing).
    const refusing = { send: async () => Promise.reject(new Error("destination address is not verified")) } as unknown as SendEmail;
    const first = emailMessage(raw, { from: OWNER, replyRefused: true });
    expect(await handleEmail(first.message, testEnv({ SEND_EMAIL: refusing }), Date.now())).toEqual({ status: "command", ownerId });
    expect(first.rejected()).toBeNull();
    expect((await env.DB.prepare("select paused from owners where id = ?").bind(ownerId).first())!.paused).toBe(1);
    const events = await env.DB.prepare("select kind, message_id, reason from mail_events where owner_id = ?").bind(ownerId).all();
    expect(events.results).toEqual([
      { kind: "answer-failed", message_id: "pause-unanswered@example.com", reason: "the answer could not be sent: Error: destination address is not verified" },
    ]);

    // Had the delivery failed, the sending server's retry would have found the Message-ID claimed: a silent duplicate.
    const again = emailMessage(raw, { from: OWNER });
    expect(await handleEmail(again.message, testEnv({ SEND_EMAIL: recordingSendEmail().binding }), Date.now())).toEqual({ status: "duplicate", ownerId });

    const owner = (await findOwnerByAddress(env.DB, OWNER))!.owner;
    const digest = await sendDigest(env.DB, recordingSendEmail().binding, readConfig(testEnv()), owner, Date.now() + 1000, null);
    // The text part wraps its lines; the sentence is read across them.
    expect(digest.text.replace(/\s+/g, " ")).toContain("Since the last digest, 1 mail was handled but my answer to it could not be sent.");
  });
});
