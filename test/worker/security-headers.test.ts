// Issue 9, item 3: postal-mime's RFC 2047 decoding is not linear, and it runs before the sender is known.
// A mail whose headers pass the caps in src/mail/bound.ts is refused through the real email() handler,
// quickly, with a reason a person understands, and nothing is written to D1.
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { bigSubjectMail, ENCODED_WORD } from "../support/attacks";
import { deliverToWorker, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";

const WORD = ENCODED_WORD;
const PROD = { ALLOW_UNAUTHENTICATED_OWNER_MAIL: "false" };

/** Row counts of every table the migrations created. */
async function snapshot(): Promise<Record<string, number>> {
  const tables = await env.DB.prepare(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' and name <> 'd1_migrations'",
  ).all<{ name: string }>();
  const out: Record<string, number> = {};
  for (const { name } of tables.results) out[name] = (await env.DB.prepare(`select count(*) as n from "${name}"`).first<{ n: number }>())!.n;
  return out;
}

beforeAll(async () => {
  await seedOwner("owner@example.com", "dev-token");
});

describe("a 1 MB Subject of encoded words through email()", () => {
  it.each([
    ["an unknown sender", "Mallory <mallory@attacker.example>", false],
    ["the owner's address, without DMARC", "Owner <owner@example.com>", false],
    ["the owner's address, with an aligned DMARC pass", "Owner <owner@example.com>", true],
  ])("from %s: refused with the reason, quickly, writing nothing", async (_, from, dmarc) => {
    const raw = dmarc ? withCloudflareVerdict(bigSubjectMail(from), "pass", "example.com") : bigSubjectMail(from);
    expect(raw.length).toBeGreaterThan(1024 * 1024);
    const before = await snapshot();
    const t0 = performance.now();
    const res = await deliverToWorker(raw, { from: from.match(/<(.+)>/)![1], envOverrides: PROD });
    const ms = performance.now() - t0;
    expect(res.rejected()).toBe("This mail's headers are too large to read (1,025 KiB); Gensidig reads headers of up to 256 KiB.");
    expect(res.replies).toEqual([]);
    expect(res.sent).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(ms).toBeLessThan(1000);
  });

  it("a Subject of too many encoded words within the size caps is refused by name", async () => {
    const raw = bigSubjectMail("Mallory <mallory@attacker.example>").replace(/^Subject: .*?\r\n(?=[^ ])/ms, `Subject: ${Array(1500).fill(WORD).join(" ")}\r\n`);
    const before = await snapshot();
    const res = await deliverToWorker(raw, { from: "mallory@attacker.example", envOverrides: PROD });
    expect(res.rejected()).toBe("This mail's Subject header has too many encoded words to read (1,500); Gensidig reads up to 256.");
    expect(await snapshot()).toEqual(before);
  });
});
