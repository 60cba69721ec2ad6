// A batch of imported mail is written table by table in a few multi-row statements (CaptureWrites). These tests
// hold that to what the same mail writes one request at a time, and check two imports that run at once.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import type { ImportReport } from "../../src/routes/import";
import { fixture } from "../support/fixtures";
import { seedOwner } from "../support/owners";

/** The same mail sent again later: its own Message-ID and Date, the rest as it was. */
function resent(path: string, n: number, date: string): string {
  return fixture(path)
    .replace(/^Message-I[Dd]: <([^>]+)>/m, `Message-ID: <resent-${n}.$1>`)
    .replace(/^Date: .*$/m, `Date: ${date}`);
}

// Mailbox order. The same people come back across the batch (Sarah and Mette in later weeks, a reply to a mail
// earlier in the batch), with reply evidence, a private mail, automated mail, a copy of an earlier mail and a
// forward that cannot be used.
const mailbox = [
  fixture("import/gmail-sent-da.eml"),
  fixture("import/outlook-received-en.eml"),
  fixture("capture/gmail-bcc-en.eml"),
  fixture("capture/thread-reply-from-contact.eml"),
  fixture("capture/gmail-reply-evidence-en.eml"),
  fixture("capture/outlook-reply-evidence-da.eml"),
  fixture("capture/apple-bcc-followup-3d.eml"),
  fixture("mail/substack-newsletter.eml"),
  fixture("mail/outlook-auto-reply-fr.eml"),
  resent("capture/gmail-bcc-en.eml", 1, "Fri, 20 Nov 2026 09:00:00 +0100"),
  resent("capture/thread-reply-from-contact.eml", 2, "Mon, 23 Nov 2026 10:02:00 -0800"),
  fixture("capture/thunderbird-bcc-private.eml"),
  fixture("capture/stranger.eml"),
  resent("import/gmail-sent-da.eml", 3, "Wed, 25 Nov 2026 10:41:07 +0200"),
  fixture("import/apple-forward-attachment-no-from.eml"),
  fixture("capture/gmail-bcc-en.eml"),
];

async function postImport(messages: string[]): Promise<ImportReport> {
  const form = new FormData();
  for (const m of messages) form.append("message", new Blob([m], { type: "message/rfc822" }), "message.eml");
  const res = await worker.fetch(
    new Request("http://x/api/import", { method: "POST", headers: { authorization: "Bearer dev-token" }, body: form }),
    env,
    createExecutionContext(),
  );
  expect(res.status).toBe(200);
  return (await res.json()) as ImportReport;
}

type Row = Record<string, unknown>;
const without = (rows: Row[], ...keys: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !keys.includes(k))));
const all = async (query: string) => (await env.DB.prepare(query).bind(ownerId).all<Row>()).results;

/** Everything an import writes for the owner, without row ids and the time of the request. */
async function stored() {
  return {
    contacts: without(await all("select * from contacts where owner_id = ? order by address"), "id", "created_at", "updated_at"),
    interactions: without(
      await all("select i.*, c.address from interactions i join contacts c on c.id = i.contact_id where i.owner_id = ? order by c.address, i.message_id, i.direction"),
      "id",
      "contact_id",
    ),
    notes: without(await all("select n.*, c.address from notes n join contacts c on c.id = n.contact_id where n.owner_id = ? order by c.address, n.body"), "id", "contact_id", "created_at"),
    messages: without(await all("select * from messages where owner_id = ? order by message_id"), "id", "received_at"),
    weeks: await all("select * from weekly_activity where owner_id = ? order by week_start"),
    events: without(await all("select * from mail_events where owner_id = ? order by message_id, kind, reason"), "id", "at"),
  };
}

async function forgetEverything() {
  for (const table of ["notes", "interactions", "contacts", "messages", "weekly_activity", "mail_events"]) {
    await env.DB.prepare(`delete from ${table} where owner_id = ?`).bind(ownerId).run();
  }
}

let ownerId: number;

beforeAll(async () => {
  ownerId = (await seedOwner("owner@example.com", "dev-token", { name: "Sofie Kjær" })).id;
});

describe("an import batch", () => {
  it("writes what the same mail writes one request at a time", async () => {
    const oneByOne: ImportReport[] = [];
    for (const m of mailbox) oneByOne.push(await postImport([m]));
    const expected = await stored();
    await forgetEverything();

    const report = await postImport(mailbox);
    expect(await stored()).toEqual(expected);
    expect(report).toMatchObject({
      received: mailbox.length,
      stored: oneByOne.reduce((n, r) => n + r.stored, 0),
      ignored: oneByOne.reduce((n, r) => n + r.ignored, 0),
      duplicates: oneByOne.reduce((n, r) => n + r.duplicates, 0),
      failed: oneByOne.reduce((n, r) => n + r.failed, 0),
    });
    // The batch really was gathered: Sarah has four mails in it, in two weeks.
    expect(expected.contacts.find((c) => c.address === "sarah@brightlabs.io")).toMatchObject({ inbound_count: 2, outbound_count: 2 });
    expect(expected.weeks.length).toBeGreaterThan(2);
    expect(report.duplicates).toBe(1);
  });

  it("loses no count when two imports of the same person run at once, and stores a mail in both of them once", async () => {
    await forgetEverything();
    const shared = resent("capture/gmail-bcc-en.eml", 10, "Tue, 1 Dec 2026 09:00:00 +0100");
    const [a, b] = await Promise.all([
      postImport([fixture("capture/gmail-bcc-en.eml"), shared, resent("capture/gmail-bcc-en.eml", 11, "Wed, 2 Dec 2026 09:00:00 +0100")]),
      postImport([fixture("capture/thread-reply-from-contact.eml"), shared, resent("capture/thread-reply-from-contact.eml", 12, "Thu, 3 Dec 2026 10:00:00 -0800")]),
    ]);
    expect(a.stored + b.stored).toBe(5);
    expect(a.duplicates + b.duplicates).toBe(1);
    expect(a.failed + b.failed).toBe(0);
    const sarah = (await stored()).contacts.find((c) => c.address === "sarah@brightlabs.io");
    expect(sarah).toMatchObject({ outbound_count: 3, inbound_count: 2 });
    const interactions = await all("select count(*) as n from interactions i join contacts c on c.id = i.contact_id where i.owner_id = ? and c.address = 'sarah@brightlabs.io'");
    expect(interactions[0].n).toBe(5);
    const ids = await all("select message_id from messages where owner_id = ? and message_id like 'resent-10.%'");
    expect(ids).toHaveLength(1);
  });
});
