// Whole handler on local D1: forwards and contacts' replies from many clients and languages (fixtures in
// test/fixtures/forward/clients-i18n and test/fixtures/replies/clients-i18n), asserted on what the API then
// shows for the contact: the original's date, the snippet from its own words, the owner's note alone, and a
// reply's new words only.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { clientForwards } from "../fixtures/forward/clients-i18n/expected";
import { clientReplies } from "../fixtures/replies/clients-i18n/expected";
import { fixture } from "../support/fixtures";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

interface ApiInteraction { at: string; direction: string; subject: string; source: string; snippet: string | null; messageId: string }
/** The interactions a delivery added (storage is shared by the tests of one file). */
async function added(address: string, deliver: () => Promise<void>) {
  const before = new Set((await contact(address)).interactions.map((i) => `${i.messageId}|${i.direction}`));
  await deliver();
  const body = await contact(address);
  return { body, fresh: body.interactions.filter((i) => !before.has(`${i.messageId}|${i.direction}`)) };
}
const flat = (s: string) => s.replace(/\s+/g, " ").trim();

async function contact(address: string) {
  const res = await worker.fetch(
    new Request(`http://x/api/contacts/${encodeURIComponent(address)}`, { headers: { authorization: "Bearer dev-token" } }),
    env,
    createExecutionContext(),
  );
  if (res.status === 404) return { interactions: [] as ApiInteraction[], notes: [] as Array<{ body: string }> };
  return (await res.json()) as { interactions: ApiInteraction[]; notes: Array<{ body: string }> };
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token", { name: "Jonas Kragh" });
});

const FORWARDS = [
  "gmail-fr-note.eml", "outlook-desktop-de.eml", "apple-macos-rfc822-en.eml", "thunderbird-de.eml", "gmail-de-nested.eml",
  "apple-ios-de-iphone.eml", "outlook-ios-de-note.eml", "outlook-desktop-pl.eml", "samsung-de-note.eml", "gmx-de-note.eml",
  "proton-en-note.eml", "zoho-en-note.eml", "apple-macos-de-email.eml", "outlook-web-de-html-only.eml",
];

describe("forwards through the email handler", () => {
  for (const file of FORWARDS) {
    const want = clientForwards.find((f) => f.file === file)!;
    it(`${want.client} ${want.language}: ${file}`, async () => {
      const { body, fresh } = await added(want.from.address, async () => {
        const res = await deliverToWorker(withCloudflareVerdict(fixture(`forward/clients-i18n/${file}`), "pass", "example.com"), {
          from: "owner@example.com",
        });
        expect(res.rejected()).toBeNull();
      });
      const match = fresh.filter((i) => i.source === "forward");
      expect(match.map((i) => [i.direction, i.at])).toEqual([["in", want.date]]);
      // The original's own words make the snippet (what the digest shows as evidence).
      expect(match[0]?.snippet ?? "", "snippet from the original's text").toContain(flat(want.body));
      expect(body.notes.map((n) => flat(n.body)), "the owner's note, alone").toContain(flat(want.note));
    });
  }
});

const REPLIES = [
  "spark-en.eml", "thunderbird-fr-bottom.eml", "outlook-web-fr-html-only.eml", "gmx-de-top.eml", "yahoo-de.eml",
  "proton-en.eml", "outlook-android-fr.eml", "outlook-sv-plain-original.eml", "outlook-desktop-de-disclaimer.eml",
];

describe("contacts' replies on a thread the owner started", () => {
  REPLIES.forEach((file, n) => {
    const want = clientReplies.find((r) => r.file === file)!;
    it(`${want.client} ${want.language}: ${file}`, async () => {
      const id = `thread-${n}@example.com`;
      const ownerMail = [
        "From: Jonas Kragh <owner@example.com>",
        `To: ${want.from.name} <${want.from.address}>`,
        "Bcc: gensidig@example.com",
        "Subject: Thread",
        "Date: Mon, 3 Feb 2025 09:12:00 +0100",
        `Message-ID: <${id}>`,
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "",
        "Hello, does Thursday suit you?",
        "",
      ].join("\r\n");
      expect((await deliverToWorker(withCloudflareVerdict(ownerMail, "pass", "example.com"), { from: "owner@example.com" })).rejected()).toBeNull();
      // The fixtures answer <original.3f2a@example.com>: each test threads its reply onto its own owner's mail.
      const raw = fixture(`replies/clients-i18n/${file}`).replaceAll("original.3f2a@example.com", id);
      const { fresh } = await added(want.from.address, async () => {
        const res = await deliverToWorker(raw, { from: want.from.address });
        expect(res.rejected()).toBeNull();
      });
      const inbound = fresh.filter((i) => i.direction === "in");
      expect(inbound).toHaveLength(1);
      expect(inbound[0].snippet).toBe(flat(want.newText));
    });
  });
});
