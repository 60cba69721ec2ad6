import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { fixture as loadFixture } from "../support/fixtures";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

const fixture = (name: string) => loadFixture(`capture/${name}`);


/** Owner mail as Cloudflare delivers it in production: with its DMARC verdict on top. */
const ownerMail = (name: string) => withCloudflareVerdict(fixture(name), "pass", "example.com");

async function api(path: string, token = "dev-token") {
  return worker.fetch(new Request(`http://x${path}`, { headers: { authorization: `Bearer ${token}` } }), env, createExecutionContext());
}

async function contact(address: string) {
  const res = await api(`/api/contacts/${encodeURIComponent(address)}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    contact: Record<string, unknown>;
    interactions: Array<{ at: string; direction: string; subject: string; intent: Record<string, boolean>; source: string; snippet: string }>;
    notes: Array<{ body: string }>;
  };
}

async function count(table: string) {
  const row = await env.DB.prepare(`select count(*) as n from ${table}`).first<{ n: number }>();
  return row!.n;
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token");
  await seedOwner("other@elsewhere.dk", "other-token", { name: "Other Owner" });
});

describe("BCC capture", () => {
  it("turns each To/Cc person of a BCC'd Gmail mail into a contact with an outbound interaction", async () => {
    const res = await deliverToWorker(ownerMail("gmail-bcc-en.eml"), { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    expect(res.replies).toEqual([]);
    const list = (await (await api("/api/contacts")).json()) as Array<{ address: string; name: string; circle: string }>;
    expect(list.map((c) => [c.address, c.name, c.circle])).toEqual([
      ["bo@nielsen-consult.dk", "Bo Nielsen", "professional"],
      ["sarah@brightlabs.io", "Sarah Miller", "professional"],
    ]);
    const sarah = await contact("sarah@brightlabs.io");
    expect(sarah.interactions).toHaveLength(1);
    expect(sarah.interactions[0]).toMatchObject({
      at: "2026-11-03T08:14:22.000Z",
      direction: "out",
      subject: "Coffee next week? Landing page ideas",
      source: "bcc",
    });
    expect(sarah.interactions[0].intent).toMatchObject({ request: true, outreach: true });
    expect(sarah.interactions[0].snippet.startsWith("Hi Sarah, Could you spare 30 minutes")).toBe(true);
    expect(sarah.contact).toMatchObject({ outboundCount: 1, inboundCount: 0 });
  });

  it("stores the same Message-ID once, however often it is delivered", async () => {
    await deliverToWorker(ownerMail("gmail-bcc-en.eml"), { from: "owner@example.com" });
    const before = await count("interactions");
    const res = await deliverToWorker(ownerMail("gmail-bcc-en.eml"), { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    expect(await count("interactions")).toBe(before);
    expect((await contact("sarah@brightlabs.io")).contact).toMatchObject({ outboundCount: 1 });
  });

  it("reads a Danish Outlook mail in ISO-8859-1 and marks the thanks", async () => {
    await deliverToWorker(ownerMail("outlook-bcc-da.eml"), { from: "owner@example.com" });
    const anna = await contact("anna.holm@designbureau.dk");
    expect(anna.contact).toMatchObject({ name: "Anna Holm", outboundCount: 1 });
    expect(anna.interactions[0].subject).toBe("Tusind tak for introduktionen til Bo");
    expect(anna.interactions[0].intent.thanks).toBe(true);
    expect(anna.interactions[0].snippet).toContain("aftalt et møde på torsdag");
  });

  it("sets the nudge date from +3d and the private circle from +private", async () => {
    await deliverToWorker(ownerMail("apple-bcc-followup-3d.eml"), { from: "owner@example.com", to: "gensidig+3d@example.com" });
    const jonas = await contact("jonas@kroll-arkitekter.dk");
    expect(jonas.contact).toMatchObject({
      name: "Jonas Krøll",
      pendingFollowUp: { since: "2026-11-05T15:40:03.000Z", dueAt: "2026-11-08T15:40:03.000Z", subject: "Proposal for the Q1 workshop" },
    });
    await deliverToWorker(ownerMail("thunderbird-bcc-private.eml"), { from: "owner@example.com", to: "gensidig+private@example.com" });
    const mette = await contact("mette.lund@gmail.com");
    expect(mette.contact).toMatchObject({ circle: "private", name: "Mette Lund" });
    expect(mette.interactions[0].subject).toBe("Fødselsdag på lørdag");
  });

  it("treats a mail to more than 20 people as one broadcast, not a conversation with each", async () => {
    const to = Array.from({ length: 25 }, (_, i) => `Reader ${i} <reader${i}@list-example.dk>`).join(",\r\n ");
    const raw = withCloudflareVerdict(
      `From: Owner Olsen <owner@example.com>\r\nTo: ${to}\r\nSubject: Nyhedsbrev: november\r\nDate: Thu, 12 Nov 2026 09:00:00 +0100\r\nMessage-ID: <broadcast-1@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej alle\r\n`,
      "pass",
      "example.com",
    );
    const before = await count("contacts");
    const res = await deliverToWorker(raw, { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    expect(await count("contacts")).toBe(before);
    const msg = await env.DB.prepare("select kind from messages where message_id = 'broadcast-1@example.com'").first<{ kind: string }>();
    expect(msg?.kind).toBe("bcc");
  });
});

describe("reply evidence", () => {
  it("records that Peter wrote first, dated from the Gmail quote header, and that he asked something", async () => {
    await deliverToWorker(ownerMail("gmail-reply-evidence-en.eml"), { from: "owner@example.com" });
    const peter = await contact("peter@hansen-ventures.com");
    expect(peter.interactions.map((i) => [i.direction, i.at, i.source])).toEqual([
      ["out", "2026-11-09T07:31:10.000Z", "bcc"],
      ["in", "2026-11-06T17:45:00.000Z", "reply-evidence"],
    ]);
    expect(peter.interactions[1].subject).toBe("Could you review our pitch deck?");
    expect(peter.interactions[1].intent.request).toBe(true);
    expect(peter.contact).toMatchObject({ inboundCount: 1, outboundCount: 1 });
  });

  it("reads a Danish Outlook quote header ('Den … skrev Karen Bech')", async () => {
    await deliverToWorker(ownerMail("outlook-reply-evidence-da.eml"), { from: "owner@example.com" });
    const karen = await contact("karen@bech-revision.dk");
    expect(karen.interactions.map((i) => i.direction)).toEqual(["out", "in"]);
    expect(karen.interactions[1].source).toBe("reply-evidence");
    // "Her er udkastet … vedhæftet": material is judged by structure (an attachment after the owner's request),
    // and reply evidence sees only the quoted words, not what the mail carried. The owner's answer thanks her.
    expect(karen.interactions[1].intent).toEqual({ thanks: false, request: false, giving: false, outreach: false });
    expect(karen.interactions[0].intent.thanks).toBe(true);
  });
});

describe("who may write", () => {
  it("rejects a stranger with a reason a person understands, and writes nothing", async () => {
    const before = await count("messages");
    const res = await deliverToWorker(fixture("stranger.eml"), { from: "lars@winther-sales.com" });
    expect(res.rejected()).toBe("Gensidig only accepts mail from the people it works for, and lars@winther-sales.com is not one of them.");
    expect(await count("messages")).toBe(before);
  });

  it("rejects owner mail without Cloudflare's DMARC verdict in deployed configuration", async () => {
    const res = await deliverToWorker(fixture("gmail-bcc-en.eml").replace("CAK7n1c9x", "nodmarc"), { from: "owner@example.com" });
    expect(res.rejected()).toMatch(/could not verify that this mail comes from owner@example.com \(no Cloudflare authentication results\)/);
  });

  it("rejects a spoofed owner whose real verdict fails, even with a planted passing one below it", async () => {
    const planted = `ARC-Authentication-Results: i=1; mx.cloudflare.net; dmarc=pass header.from=example.com\r\n${fixture("gmail-bcc-en.eml").replace("CAK7n1c9x", "spoof")}`;
    const res = await deliverToWorker(withCloudflareVerdict(planted, "fail", "example.com"), { from: "owner@example.com" });
    expect(res.rejected()).toMatch(/DMARC did not pass for example.com: Cloudflare.s result is fail/);
  });

  it("rejects owner mail whose envelope sender is someone else", async () => {
    const res = await deliverToWorker(withCloudflareVerdict(fixture("gmail-bcc-en.eml").replace("CAK7n1c9x", "env"), "pass", "example.com"), {
      from: "bounce@mailer.attacker.example",
    });
    expect(res.rejected()).toMatch(/envelope sender bounce@mailer.attacker.example/);
  });

  it("accepts unauthenticated owner mail only when local development relaxes it", async () => {
    const raw = fixture("gmail-bcc-en.eml").replace("CAK7n1c9x", "localdev");
    const res = await deliverToWorker(raw, { from: "owner@example.com", envOverrides: { ALLOW_UNAUTHENTICATED_OWNER_MAIL: "true" } });
    expect(res.rejected()).toBeNull();
  });

  it("records a contact's reply on a thread the owner shared as that contact's inbound mail", async () => {
    // The thread: the owner's BCC'd mail to Sarah (a duplicate if an earlier test stored it already).
    await deliverToWorker(ownerMail("gmail-bcc-en.eml"), { from: "owner@example.com" });
    const res = await deliverToWorker(fixture("thread-reply-from-contact.eml"), { from: "sarah@brightlabs.io" });
    expect(res.rejected()).toBeNull();
    const sarah = await contact("sarah@brightlabs.io");
    expect(sarah.interactions[0]).toMatchObject({ direction: "in", source: "thread-reply", at: "2026-11-04T18:02:00.000Z" });
    expect(sarah.contact).toMatchObject({ inboundCount: 1, pendingFollowUp: null });
  });
});

describe("command mail", () => {
  it("answers owner mail written straight to the assistant, with reply() when the platform allows it", async () => {
    const res = await deliverToWorker(ownerMail("command-help.eml"), { from: "owner@example.com" });
    expect(res.rejected()).toBeNull();
    expect(res.replies).toHaveLength(1);
    expect(res.replies[0]).toMatch(/In-Reply-To: <cmd-help-1@example.com>/);
    expect(res.sent).toEqual([]);
  });

  it("answers through send_email to the owner's address when reply() is refused", async () => {
    const raw = ownerMail("command-help.eml").replace("cmd-help-1", "cmd-help-2");
    const res = await deliverToWorker(raw, { from: "owner@example.com", replyRefused: true });
    expect(res.replies).toEqual([]);
    expect(res.sent.map((s) => s.to)).toEqual(["owner@example.com"]);
  });
});

describe("read API", () => {
  it("answers 401 without a valid token, and never shows another owner's contacts", async () => {
    expect((await worker.fetch(new Request("http://x/api/contacts"), env, createExecutionContext())).status).toBe(401);
    expect((await api("/api/contacts", "wrong")).status).toBe(401);
    const other = (await (await api("/api/contacts", "other-token")).json()) as unknown[];
    expect(other).toEqual([]);
    expect((await api("/api/contacts/sarah%40brightlabs.io", "other-token")).status).toBe(404);
  });
});
