// Whole handler on local D1: forwards and contacts' replies in other scripts and charsets (fixtures in
// test/fixtures/forward/clients-scripts and test/fixtures/replies/clients-scripts), asserted on what the API then
// shows for the contact: their name decoded from its charset, the original's date, the snippet from its own words,
// the owner's note alone, and a reply's new words only. Only fixtures written in 7 bits are taken here: the bundler
// reads a fixture as UTF-8, so an 8-bit KOI8-R body would not reach the worker as its client wrote it.
import { createExecutionContext, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import worker from "../../src/index";
import { scriptForwards } from "../fixtures/forward/clients-scripts/expected";
import { scriptReplies } from "../fixtures/replies/clients-scripts/expected";
import { fixture } from "../support/fixtures";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

interface ApiInteraction { at: string; direction: string; subject: string; source: string; snippet: string | null; messageId: string }
interface ApiContact { contact: { name: string | null }; interactions: ApiInteraction[]; notes: Array<{ body: string }> }

async function contact(address: string): Promise<ApiContact> {
  const res = await worker.fetch(
    new Request(`http://x/api/contacts/${encodeURIComponent(address)}`, { headers: { authorization: "Bearer dev-token" } }),
    env,
    createExecutionContext(),
  );
  if (res.status === 404) return { contact: { name: null }, interactions: [], notes: [] };
  return (await res.json()) as ApiContact;
}
/** The interactions a delivery added (storage is shared by the tests of one file). */
async function added(address: string, deliver: () => Promise<void>) {
  const before = new Set((await contact(address)).interactions.map((i) => `${i.messageId}|${i.direction}`));
  await deliver();
  const body = await contact(address);
  return { body, fresh: body.interactions.filter((i) => !before.has(`${i.messageId}|${i.direction}`)) };
}
const flat = (s: string) => s.replace(/\s+/g, " ").trim();
const sevenBit = (raw: string) => !/[^\x00-\x7f]/.test(raw);

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token", { name: "Jonas Kragh" });
});

const FORWARDS = [
  "outlook-desktop-ru-1251.eml", "yandex-ru-html-only.eml", "gmail-ja-note.eml", "thunderbird-ja-iso2022jp.eml", "qq-zh-gb18030.eml",
  "outlook-desktop-zh-tw-big5.eml", "outlook-desktop-ko-ksc5601.eml", "outlook-desktop-he-1255.eml", "gmail-ar-note.eml",
  "outlook-desktop-cs-1250.eml", "outlook-desktop-tr.eml", "outlook-desktop-el-iso88597.eml",
];

describe("forwards in other scripts through the email handler", () => {
  for (const file of FORWARDS) {
    const want = scriptForwards.find((f) => f.file === file)!;
    it(`${want.client} ${want.language} (${want.charset}): ${file}`, async () => {
      const raw = fixture(`forward/clients-scripts/${file}`);
      expect(sevenBit(raw)).toBe(true);
      const { body, fresh } = await added(want.from.address, async () => {
        const res = await deliverToWorker(withCloudflareVerdict(raw, "pass", "example.com"), { from: "owner@example.com" });
        expect(res.rejected()).toBeNull();
      });
      const match = fresh.filter((i) => i.source === "forward");
      expect(match.map((i) => [i.direction, i.at])).toEqual([["in", want.date]]);
      expect(body.contact.name).toBe(want.from.name);
      expect(match[0]?.snippet ?? "", "snippet from the original's text").toContain(flat(want.body));
      expect(body.notes.map((n) => flat(n.body)), "the owner's note, alone").toContain(flat(want.note));
    });
  }
});

const REPLIES = [
  "gmail-ru.eml", "mailru-ru-koi8r.eml", "outlook-desktop-ru.eml", "seznam-cs.eml", "wp-pl.eml", "outlook-desktop-tr.eml",
  "outlook-desktop-ja-iso2022jp.eml", "yahoojp-ja-sjis.eml", "qq-zh-gb18030.eml", "naver-ko-html-only.eml", "gmail-he-bidi.eml",
  "outlook-desktop-ar-1256.eml", "outlook-desktop-el.eml",
];

describe("contacts' replies in other scripts on a thread the owner started", () => {
  REPLIES.forEach((file, n) => {
    const want = scriptReplies.find((r) => r.file === file)!;
    it(`${want.client} ${want.language} (${want.charset}): ${file}`, async () => {
      const id = `script-thread-${n}@example.com`;
      const ownerMail = [
        "From: Jonas Kragh <owner@example.com>",
        `To: ${want.from.address}`,
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
      const raw = fixture(`replies/clients-scripts/${file}`).replaceAll("original.3f2a@example.com", id);
      expect(sevenBit(raw)).toBe(true);
      const { body, fresh } = await added(want.from.address, async () => {
        const res = await deliverToWorker(raw, { from: want.from.address });
        expect(res.rejected()).toBeNull();
      });
      const inbound = fresh.filter((i) => i.direction === "in");
      expect(inbound).toHaveLength(1);
      expect(inbound[0].snippet).toBe(flat(want.newText));
      expect(body.contact.name, "the name, decoded from its charset").toBe(want.from.name);
    });
  });
});
