import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { MAX_IMPORT_BYTES, MAX_IMPORT_MESSAGES } from "../../src/routes/import";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";
import type { ImportReport } from "../../src/routes/import";

type Report = ImportReport;

// Mailbox order, as `npm run import` sends it: what Sofie sent, what she received, two automated mails,
// and a forward whose attached original has no sender.
const mailbox = [
  "import/gmail-sent-da.eml",
  "import/outlook-received-en.eml",
  "mail/mailchimp-newsletter.eml",
  "mail/exchange-out-of-office-da.eml",
  "import/apple-forward-attachment-no-from.eml",
];

function batch(messages: Array<string | Uint8Array>): FormData {
  const form = new FormData();
  for (const m of messages) form.append("message", new Blob([m], { type: "message/rfc822" }), "message.eml");
  return form;
}

async function postImport(body: BodyInit, token: string | null = "dev-token") {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const req = new Request("http://x/api/import", { method: "POST", headers, body });
  return worker.fetch(req, env, createExecutionContext());
}

async function importMailbox(files: string[], token = "dev-token"): Promise<Report> {
  const res = await postImport(batch(files.map(fixture)), token);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

async function contact(address: string, token = "dev-token") {
  const res = await worker.fetch(
    new Request(`http://x/api/contacts/${encodeURIComponent(address)}`, { headers: { authorization: `Bearer ${token}` } }),
    env,
    createExecutionContext(),
  );
  return { status: res.status, body: res.status === 200 ? ((await res.json()) as { contact: Record<string, unknown>; interactions: Array<Record<string, unknown>> }) : null };
}

async function contactAddresses(token: string): Promise<string[]> {
  const res = await worker.fetch(new Request("http://x/api/contacts", { headers: { authorization: `Bearer ${token}` } }), env, createExecutionContext());
  return ((await res.json()) as Array<{ address: string }>).map((c) => c.address);
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token", { name: "Sofie Kjær" });
  await seedOwner("other@elsewhere.dk", "other-token", { name: "Other Owner" });
});

describe("POST /api/import", () => {
  it("stores people from a small mailbox, ignores automated mail and reports what could not be used", async () => {
    const report = await importMailbox(mailbox);
    expect(report).toEqual({
      received: 5,
      stored: 2,
      duplicates: 0,
      ignored: 2,
      failed: 1,
      newContacts: 2,
      ignoredReasons: { "newsletter (Mailchimp)": 1, "auto-reply (subject)": 1 },
      failures: [{ index: 4, reason: "the forwarded mail's original sender could not be found" }],
    } satisfies Report);
  });

  it("records the owner's sent mail as outbound and received mail as inbound, at the mail's own date", async () => {
    const mette = await contact("mette@riis-kommunikation.dk");
    expect(mette.body!.contact).toMatchObject({ name: "Mette Riis", outboundCount: 1, inboundCount: 0 });
    expect(mette.body!.interactions).toEqual([
      expect.objectContaining({ direction: "out", source: "import", at: "2026-10-06T08:41:07.000Z", subject: "Tilbud på brugertest af booking-flowet" }),
    ]);
    const peter = await contact("peter@holm-studio.com");
    expect(peter.body!.contact).toMatchObject({ name: "Peter Holm", outboundCount: 0, inboundCount: 1 });
    expect(peter.body!.interactions).toEqual([
      expect.objectContaining({ direction: "in", source: "import", at: "2026-10-08T13:22:47.000Z", subject: "Portfolio review before the Novo pitch?" }),
    ]);
    expect((peter.body!.interactions[0].intent as Record<string, boolean>).request).toBe(true);
    expect((await contact("nyhedsbrev@ivaerksaetterhuset.dk")).status).toBe(404);
    expect((await contact("mette@lund-arkitekter.dk")).status).toBe(404);
  });

  it("stores nothing new when the same mailbox is imported again, and tries the mail that failed again", async () => {
    const interactions = async () => (await env.DB.prepare("select count(*) as n from interactions").first<{ n: number }>())!.n;
    const before = await interactions();
    const report = await importMailbox(mailbox);
    // The forward that could not be used was not claimed: it fails again rather than passing as a duplicate.
    expect(report).toMatchObject({
      received: 5,
      stored: 0,
      duplicates: 2,
      ignored: 2,
      failed: 1,
      newContacts: 0,
      failures: [{ index: 4, reason: "the forwarded mail's original sender could not be found" }],
    });
    expect(await interactions()).toBe(before);
    expect((await contact("mette@riis-kommunikation.dk")).body!.contact).toMatchObject({ outboundCount: 1 });
  });

  it("imports into the token's owner only", async () => {
    // The same mail as the other owner received it: addressed to them.
    const received = fixture("import/outlook-received-en.eml").replace("<owner@example.com>", "<other@elsewhere.dk>");
    const res = await postImport(batch([received]), "other-token");
    expect(res.status).toBe(200);
    const report = (await res.json()) as Report;
    expect(report).toMatchObject({ stored: 1, duplicates: 0, newContacts: 1 });
    expect(await contactAddresses("other-token")).toEqual(["peter@holm-studio.com"]);
    expect(await contactAddresses("dev-token")).toEqual(["mette@riis-kommunikation.dk", "peter@holm-studio.com"]);
    expect((await contact("peter@holm-studio.com")).body!.contact).toMatchObject({ inboundCount: 1 });
  });

  it("answers 401 without a token or with an unknown one, and stores nothing", async () => {
    const before = (await env.DB.prepare("select count(*) as n from messages").first<{ n: number }>())!.n;
    const missing = await postImport(batch([fixture("import/gmail-sent-da.eml")]), null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe('Bearer realm="gensidig"');
    expect((await postImport(batch([fixture("import/gmail-sent-da.eml")]), "not-a-token")).status).toBe(401);
    expect((await env.DB.prepare("select count(*) as n from messages").first<{ n: number }>())!.n).toBe(before);
  });

  it("refuses a batch with too many messages with 413 and says how many fit", async () => {
    const raw = fixture("import/outlook-received-en.eml");
    const res = await postImport(batch(Array.from({ length: MAX_IMPORT_MESSAGES + 1 }, () => raw)));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: "too-large", message: `A batch may hold at most ${MAX_IMPORT_MESSAGES} messages; this one has ${MAX_IMPORT_MESSAGES + 1}.` });
  });

  it("refuses a batch larger than the byte limit with 413", async () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41);
    const res = await postImport(batch([huge]));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({
      error: "too-large",
      message: "A batch may hold at most 26 MiB; send fewer messages per request (npm run import -- --batch N).",
    });
  });

  it("answers 415 to a body that is not multipart/form-data", async () => {
    const res = await postImport(new Blob([fixture("import/gmail-sent-da.eml")], { type: "application/mbox" }));
    expect(res.status).toBe(415);
  });
});
