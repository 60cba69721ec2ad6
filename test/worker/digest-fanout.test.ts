// The weekly digest fanned out through the queue: the hourly job (the worker's real scheduled()) enqueues one
// message per due owner, and the worker's real queue() handler sends each owner's digest. Queues deliver at
// least once, so the tests deliver twice, out of order, after a lost message, and with failing sends.
import { env } from "cloudflare:test";
import PostalMime from "postal-mime";
import { beforeAll, describe, expect, it } from "vitest";
import { meterD1 } from "../../bench/support/d1-meter";
import { CLAIM_LEASE_MS } from "../../src/db/digest-store";
import { findOwnerById } from "../../src/db/owner-lookup";
import { DIGEST_DEAD_LETTER_QUEUE, LEASE_MS, retryDelaySeconds, type DigestJob } from "../../src/digest/fanout";
import { handleEmail } from "../../src/ingest/email-handler";
import { fixture } from "../support/fixtures";
import { emailMessage, testEnv, withCloudflareVerdict } from "../support/mail";
import { seedOwner } from "../support/owners";
import { deliverJobs, flakySendEmail, runCron } from "../support/queue";

const HOUR = 3_600_000;
// Monday 16 November 2026 07:00 UTC is 08:00 in Copenhagen, every owner's default digest time.
const MONDAY = Date.parse("2026-11-16T07:00:00Z");
const NEXT_MONDAY = MONDAY + 7 * 24 * HOUR;

const owners: Record<"anna" | "bo" | "cai" | "dorte", number> = { anna: 0, bo: 0, cai: 0, dorte: 0 };

async function weeklyDigests(ownerId: number) {
  const rows = await env.DB.prepare("select iso_week, message_id from digests where owner_id = ? and weekly = 1 order by id").bind(ownerId).all<{ iso_week: string; message_id: string | null }>();
  return rows.results;
}

beforeAll(async () => {
  for (const name of Object.keys(owners) as Array<keyof typeof owners>) {
    owners[name] = (await seedOwner(`${name}@example.com`, `${name}-token`)).id;
  }
  // Something for Anna's digest to say: her outreach to Sarah has had no answer.
  const mail = emailMessage(withCloudflareVerdict(fixture("capture/gmail-bcc-en.eml").replace(/owner@example\.com/g, "anna@example.com"), "pass", "example.com"), { from: "anna@example.com" });
  expect((await handleEmail(mail.message, testEnv(), Date.parse("2026-11-03T08:15:00Z"))).status).toBe("stored");
  // A first run before anyone is due works out every owner's digest time (new owners start at 0).
  await deliverJobs(await runCron(MONDAY - 2 * HOUR));
});

describe("the hourly job", () => {
  it("reads only due owners, enqueues one message each, and a second run in the same hour enqueues nothing", async () => {
    expect(await runCron(MONDAY - HOUR)).toEqual([]);
    const jobs = await runCron(MONDAY);
    expect(jobs).toEqual(Object.values(owners).map((ownerId) => ({ kind: "digest", ownerId, now: MONDAY })));
    expect(await runCron(MONDAY)).toEqual([]);
    expect(await runCron(MONDAY + 59 * 60_000)).toEqual([]);

    const { sent, result } = await deliverJobs(jobs.filter((j) => j.kind === "digest" && j.ownerId !== owners.dorte));
    expect(sent.map((s) => s.to)).toEqual(["anna@example.com", "bo@example.com", "cai@example.com"]);
    expect(result.retryMessages).toEqual([]);
    expect((await PostalMime.parse(sent[0].raw)).text).toContain("sarah@brightlabs.io");
    // Sent: the next look is next Monday 08:00 Copenhagen.
    expect((await findOwnerById(env.DB, owners.anna))!.nextDigestAt).toBe(NEXT_MONDAY);
  });

  it("sends a redelivered message, or two deliveries at once, exactly once", async () => {
    const dorte: DigestJob = { kind: "digest", ownerId: owners.dorte, now: MONDAY };
    const [first, second] = await Promise.all([deliverJobs([dorte]), deliverJobs([dorte], { attempts: 2 })]);
    expect([...first.sent, ...second.sent].map((s) => s.to)).toEqual(["dorte@example.com"]);
    const again = await deliverJobs([dorte, { kind: "digest", ownerId: owners.anna, now: MONDAY }]);
    expect(again.sent).toEqual([]);
    expect(again.result.explicitAcks.sort()).toEqual(again.ids.sort());
    // The Message-ID send_email gave the digest (Cloudflare sets its own), which is what a reply names.
    expect(await weeklyDigests(owners.dorte)).toEqual([{ iso_week: "2026-W47", message_id: expect.stringMatching(/^sent\.\d+\..+@cloudflare\.example$/) }]);
  });

  it("picks an owner again only after a lost message's lease ran out, and the claim still holds", async () => {
    // Week 48: Cai's message is lost. Runs within the lease enqueue nothing; the first after it enqueues Cai again.
    const jobs = await runCron(NEXT_MONDAY);
    await deliverJobs(jobs.filter((j) => j.kind === "digest" && j.ownerId !== owners.cai));
    expect(await runCron(NEXT_MONDAY + HOUR)).toEqual([]);
    const retaken = await runCron(NEXT_MONDAY + LEASE_MS);
    expect(retaken).toEqual([{ kind: "digest", ownerId: owners.cai, now: NEXT_MONDAY + LEASE_MS }]);
    expect((await deliverJobs(retaken)).sent.map((s) => s.to)).toEqual(["cai@example.com"]);
    // The lost message turns up after all: the week is claimed, nothing is sent.
    expect((await deliverJobs(jobs.filter((j) => j.kind === "digest" && j.ownerId === owners.cai))).sent).toEqual([]);
    expect((await weeklyDigests(owners.cai)).map((d) => d.iso_week)).toEqual(["2026-W47", "2026-W48"]);
  });
});

describe("a failing send", () => {
  const WEEK_49 = NEXT_MONDAY + 7 * 24 * HOUR;

  it("is retried with backoff, releasing its claim, while the other owners' digests go out", async () => {
    const jobs = await runCron(WEEK_49);
    const send = flakySendEmail(1, "bo@example.com");
    const { result, ids } = await deliverJobs(jobs, { env: { SEND_EMAIL: send.binding } });
    expect(send.sent.map((s) => s.to)).toEqual(["anna@example.com", "cai@example.com", "dorte@example.com"]);
    const bo = jobs.findIndex((j) => j.kind === "digest" && j.ownerId === owners.bo);
    expect(result.retryMessages).toEqual([{ msgId: ids[bo] }]);
    expect(result.explicitAcks).toHaveLength(3);
    expect((await weeklyDigests(owners.bo)).map((d) => d.iso_week)).toEqual(["2026-W47", "2026-W48"]);
    // The retry, a minute later, finds the claim released and sends.
    const retry = await deliverJobs([jobs[bo]], { attempts: 2, env: { SEND_EMAIL: send.binding } });
    expect(retry.result.retryMessages).toEqual([]);
    expect(send.sent.map((s) => s.to)).toContain("bo@example.com");
    expect((await weeklyDigests(owners.bo)).map((d) => d.iso_week)).toEqual(["2026-W47", "2026-W48", "2026-W49"]);
  });

  it("backs off longer each attempt; after the last the dead-letter queue records it and the next digest says so", async () => {
    const WEEK_50 = WEEK_49 + 7 * 24 * HOUR;
    const jobs = await runCron(WEEK_50);
    const bo = jobs.filter((j) => j.kind === "digest" && j.ownerId === owners.bo);
    const down = flakySendEmail(Infinity, "bo@example.com");
    for (const attempts of [1, 2, 3, 4]) {
      const { result, ids } = await deliverJobs(bo, { attempts, env: { SEND_EMAIL: down.binding } });
      expect(result.retryMessages).toEqual([{ msgId: ids[0] }]);
    }
    // The test pool does not report a retry's delay; the consumer asks for these.
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([60, 300, 1200, 1200]);
    expect(down.sent).toEqual([]);
    expect((await weeklyDigests(owners.bo)).map((d) => d.iso_week)).not.toContain("2026-W50");

    // Queues moves it to the dead-letter queue after max_retries.
    const dead = await deliverJobs(bo, { queue: DIGEST_DEAD_LETTER_QUEUE });
    expect(dead.result.explicitAcks).toEqual(dead.ids);
    const owner = (await findOwnerById(env.DB, owners.bo))!;
    expect(owner.nextDigestAt).toBe(WEEK_50 + 7 * 24 * HOUR);
    const events = await env.DB.prepare("select kind, at, reason from mail_events where owner_id = ?").bind(owners.bo).all();
    expect(events.results).toEqual([{ kind: "digest-failed", at: WEEK_50, reason: "the weekly digest of 2026-W50 could not be sent" }]);

    const week51 = await runCron(WEEK_50 + 7 * 24 * HOUR);
    const { sent } = await deliverJobs(week51.filter((j) => j.kind === "digest" && j.ownerId === owners.bo));
    expect((await PostalMime.parse(sent[0].raw)).text).toContain("Since the last digest, a digest failed and could not be sent.");
    // … once: the digest after that has nothing to report.
    const week52 = await runCron(WEEK_50 + 14 * 24 * HOUR);
    const later = await deliverJobs(week52.filter((j) => j.kind === "digest" && j.ownerId === owners.bo));
    expect((await PostalMime.parse(later.sent[0].raw)).text).not.toContain("digest failed");
  });
});

describe("one digest job's D1 round trips", () => {
  /** What a statement does to which table: "read contacts", "insert digests". */
  const touches = (sql: string) => {
    const write = /^(insert into|update|delete from) "(\w+)"/.exec(sql);
    return write ? `${write[1].split(" ")[0]} ${write[2]}` : `read ${/\bfrom "?(\w+)"?/.exec(sql)?.[1]}`;
  };

  // Each round trip costs the consumer CPU and leaves garbage that a long-lived queue isolate must collect: the
  // claim rides with the small reads, and a job whose week is claimed already reads nothing more.
  it("claims the week in the batch of the small reads, and a job whose week is claimed stops after that batch", async () => {
    const eve = (await seedOwner("eve@example.com", "eve-token")).id;
    const mail = emailMessage(withCloudflareVerdict(fixture("capture/gmail-bcc-en.eml").replace(/owner@example\.com/g, "eve@example.com"), "pass", "example.com"), { from: "eve@example.com" });
    expect((await handleEmail(mail.message, testEnv(), Date.parse("2026-11-03T08:15:00Z"))).status).toBe("stored");
    // Monday 9 November, 08:00 Copenhagen: Sarah and Bo came into Eve's network this week.
    const job: DigestJob = { kind: "digest", ownerId: eve, now: Date.parse("2026-11-09T07:00:00Z") };
    const meter = meterD1(env.DB);
    const { sent } = await deliverJobs([job], { env: { DB: meter.db } });
    expect(sent.map((s) => s.to)).toEqual(["eve@example.com"]);
    expect((await PostalMime.parse(sent[0].raw)).text).toContain("New this week: Bo Nielsen and Sarah Miller.");
    expect(meter.calls.map((c) => [c.method, c.statements.map((s) => touches(s.sql))])).toEqual([
      ["raw", ["read owners"]],
      ["batch", ["read meetings", "read weekly_activity", "read mail_events", "read contacts", "insert digests"]],
      // The candidates, and the newcomers' namesakes, side by side.
      ["raw", ["read contacts"]],
      ["raw", ["read contacts"]],
      // Handed to send_email: from here on the claim is never taken over.
      ["run", ["update digests"]],
      // Sent: its Message-ID, the week done, the zone's offsets kept (nothing was due, so no items).
      ["batch", ["update digests", "update owners", "update owners"]],
    ]);

    // Week 47: another delivery of the job holds the claim (its send under way), so this one stops after asking how
    // it stands, and is tried again later: moving on to next week would lose the week if that delivery died.
    const week47: DigestJob = { ...job, now: job.now + 7 * 24 * HOUR };
    await env.DB.prepare("insert into digests (owner_id, iso_week, sent_at, subject, weekly, kind, claimed_at) values (?, '2026-W47', ?, '', 1, 'digest', ?)").bind(eve, week47.now, Date.now()).run();
    meter.reset();
    const held = await deliverJobs([week47], { env: { DB: meter.db } });
    expect(held.sent).toEqual([]);
    expect(held.result.retryMessages).toEqual([{ msgId: held.ids[0] }]);
    expect(meter.calls.map((c) => [c.method, c.statements.map((s) => touches(s.sql))])).toEqual([
      ["raw", ["read owners"]],
      ["batch", ["read meetings", "read weekly_activity", "read mail_events", "read contacts", "insert digests"]],
      // Only a job that did not get the claim asks how it stands: held, not sent.
      ["raw", ["read digests"]],
    ]);
    expect((await weeklyDigests(eve)).map((d) => d.iso_week)).toEqual(["2026-W46", "2026-W47"]);
  });
});

describe("a delivery that died between claiming the week and sending", () => {
  // What a delivery leaves when Cloudflare ends it after the claim's batch and before send_email (over the CPU
  // limit, an evicted isolate): the claim, with no Message-ID.
  const claimLeftAt = async (ownerId: number, isoWeek: string, now: number, claimedAt: number, messageId: string | null = null) => {
    await env.DB.prepare("insert into digests (owner_id, iso_week, sent_at, subject, message_id, weekly, kind, claimed_at) values (?, ?, ?, '', ?, 1, 'digest', ?)")
      .bind(ownerId, isoWeek, now, messageId, claimedAt)
      .run();
  };

  it("keeps the week claimed while it may still send, and sends it exactly once after CLAIM_LEASE_MS", async () => {
    const fay = (await seedOwner("fay@example.com", "fay-token")).id;
    const job: DigestJob = { kind: "digest", ownerId: fay, now: Date.parse("2026-11-16T07:00:00Z") };
    // Within the lease the retries wait; a claim older than it has no invocation behind it and is taken over.
    await claimLeftAt(fay, "2026-W47", job.now, Date.now() - CLAIM_LEASE_MS + 60_000);
    const early = await deliverJobs([job], { attempts: 2 });
    expect(early.sent).toEqual([]);
    expect(early.result.retryMessages).toEqual([{ msgId: early.ids[0] }]);
    expect((await findOwnerById(env.DB, fay))!.nextDigestAt).not.toBe(job.now + 7 * 24 * HOUR);

    await env.DB.prepare("update digests set claimed_at = ? where owner_id = ?").bind(Date.now() - CLAIM_LEASE_MS - 1, fay).run();
    const [late, alongside] = await Promise.all([deliverJobs([job], { attempts: 4 }), deliverJobs([job], { attempts: 3 })]);
    expect([...late.sent, ...alongside.sent].map((s) => s.to)).toEqual(["fay@example.com"]);
    expect(await weeklyDigests(fay)).toEqual([{ iso_week: "2026-W47", message_id: expect.stringMatching(/^sent\.\d+\..+@cloudflare\.example$/) }]);
    expect((await findOwnerById(env.DB, fay))!.nextDigestAt).toBe(job.now + 7 * 24 * HOUR);
    // A delivery Cloudflare ended is retried at once; ours then wait 5 and 20 minutes, so the last attempt comes after
    // the lease, and the hourly run's own lease brings the owner back later still.
    expect((retryDelaySeconds(2) + retryDelaySeconds(3)) * 1000).toBeGreaterThan(CLAIM_LEASE_MS);
    expect(LEASE_MS).toBeGreaterThan(CLAIM_LEASE_MS);
    // And a later delivery finds it sent.
    const after = await deliverJobs([job], { attempts: 2 });
    expect(after.sent).toEqual([]);
    expect(after.result.explicitAcks).toEqual(after.ids);
  });

  it("never takes over a claim whose mail was handed to send_email, however old: a second copy is worse", async () => {
    const gus = (await seedOwner("gus@example.com", "gus-token")).id;
    const job: DigestJob = { kind: "digest", ownerId: gus, now: Date.parse("2026-11-16T07:00:00Z") };
    // Died after send_email and before the sent mail was recorded: the Message-ID it was handed with is there.
    await claimLeftAt(gus, "2026-W47", job.now, Date.now() - 10 * CLAIM_LEASE_MS, "<digest.123@gensidig.example>");
    const { sent, result, ids } = await deliverJobs([job], { attempts: 2 });
    expect(sent).toEqual([]);
    expect(result.explicitAcks).toEqual(ids);
    expect((await findOwnerById(env.DB, gus))!.nextDigestAt).toBe(job.now + 7 * 24 * HOUR);
  });
});
