import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../src/db/client";
import { updateOwnerSettings } from "../../src/db/owners";
import { verifyDigestToken } from "../../src/digest/token";
import { handleEmail } from "../../src/ingest/email-handler";
import { fixture } from "../support/fixtures";
import { emailMessage, recordingSendEmail, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";
import { deliverJobs, runCron as enqueueAt } from "../support/queue";

let ownerId: number;
let danishOwnerId: number;

async function deliverAt(name: string, now: number, to = "gensidig@example.com") {
  const mail = emailMessage(withCloudflareVerdict(fixture(`capture/${name}`), "pass", "example.com"), { from: "owner@example.com", to });
  const outcome = await handleEmail(mail.message, testEnv(), now);
  expect(outcome.status).toBe("stored");
}

/** The hourly job at `at`, and the queue's consumer for every message it enqueued. */
async function runCron(at: string) {
  const { sent } = await deliverJobs(await enqueueAt(Date.parse(at)));
  return sent;
}

beforeAll(async () => {
  ownerId = (await seedOwner("owner@example.com", "dev-token")).id;
  danishOwnerId = (await seedOwner("ejer@eksempel.dk", "da-token", { language: "da", name: "Ejer" })).id;
  // Early November: outreach to Sarah and Bo (no answer), Jonas with +3d, Peter asked for help (reply evidence).
  await deliverAt("gmail-bcc-en.eml", Date.parse("2026-11-03T08:15:00Z"));
  await deliverAt("apple-bcc-followup-3d.eml", Date.parse("2026-11-05T15:41:00Z"), "gensidig+3d@example.com");
  await deliverAt("thunderbird-bcc-private.eml", Date.parse("2026-11-07T09:06:00Z"), "gensidig+private@example.com");
});

describe("the hourly digest", () => {
  it("sends nothing before the owner's weekday and hour in their own time zone", async () => {
    // Monday 16 Nov 06:30 UTC is 07:30 in Copenhagen: before 08:00.
    expect(await runCron("2026-11-16T06:30:00Z")).toEqual([]);
  });

  it("sends at the first run at or after Monday 08:00 Copenhagen, once per ISO week", async () => {
    const sent = await runCron("2026-11-16T07:00:00Z");
    expect(sent.map((s) => s.to)).toEqual(["owner@example.com", "ejer@eksempel.dk"]);
    expect(await runCron("2026-11-16T08:00:00Z")).toEqual([]);
    expect(await runCron("2026-11-18T12:00:00Z")).toEqual([]);
  });

  it("writes a multipart/alternative digest with a signed Reply-To and stores its numbered items", async () => {
    const outbox = recordingSendEmail();
    const { sendDigest } = await import("../../src/digest/run");
    const { readConfig } = await import("../../src/env");
    const { findOwnerById } = await import("../../src/db/owner-lookup");
    const now = Date.parse("2026-11-23T07:00:00Z");
    const sent = await sendDigest(env.DB, outbox.binding, readConfig(testEnv()), (await findOwnerById(env.DB, ownerId))!, now, null);
    const parsed = await PostalMime.parse(outbox.sent[0].raw);
    expect(parsed.subject).toBe(sent.subject);
    expect(parsed.text).toContain("Follow up");
    expect(parsed.html).toContain("<table");
    const replyTo = parsed.replyTo![0].address!;
    const token = replyTo.match(/^gensidig\+([^@]+)@example\.com$/)![1];
    expect(await verifyDigestToken(env.DIGEST_TOKEN_SECRET!, token, now)).toMatchObject({ valid: true, ownerId, digestId: sent.digestId });
    const items = await env.DB.prepare("select number, kind, c.address from digest_items i join contacts c on c.id = i.contact_id where digest_id = ? order by number")
      .bind(sent.digestId)
      .all<{ number: number; kind: string; address: string }>();
    // Three follow-ups are due: Jonas (+3d), Sarah (To) and Mette (private, listed last). Bo was only in Cc of
    // the mail to Sarah: the answer was expected from her, so he is not chased.
    expect(items.results.map((r) => [r.number, r.kind, r.address])).toEqual([
      [1, "follow-up", "jonas@kroll-arkitekter.dk"],
      [2, "follow-up", "sarah@brightlabs.io"],
      [3, "follow-up", "mette.lund@gmail.com"],
    ]);
    expect(sent.text).not.toContain("Also due");
    expect(parsed.headerLines.find((h) => h.key === "auto-submitted")?.line).toBe("Auto-Submitted: auto-generated");
  });

  it("catches up a missed run later in the same week, and never for a paused owner", async () => {
    await updateOwnerSettings(getDb(env.DB), danishOwnerId, { paused: true });
    // Week 49: no run on Monday; the Wednesday run catches up for the English owner only.
    const sent = await runCron("2026-12-02T10:00:00Z");
    expect(sent.map((s) => s.to)).toEqual(["owner@example.com"]);
    await updateOwnerSettings(getDb(env.DB), danishOwnerId, { paused: false });
    const danish = await runCron("2026-12-02T11:00:00Z");
    expect(danish.map((s) => s.to)).toEqual(["ejer@eksempel.dk"]);
    const parsed = await PostalMime.parse(danish[0].raw);
    // This owner has no contacts yet: the digest says how to start, not that the network is in good shape.
    expect(parsed.subject).toBe("Sådan kommer du i gang · uge 49");
    expect(parsed.text).toContain("Intet at vise endnu");
    expect(parsed.text).toContain("Sæt gensidig@example.com i Bcc på mails, du sender.");
    expect(parsed.text).not.toContain("dit netværk er i god form");
  });
});
