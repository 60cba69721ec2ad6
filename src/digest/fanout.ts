// The digest queue's consumer: the hourly job (sweep.ts) put one message per due owner on the queue, and each
// invocation here builds and sends that one owner's digest. Every invocation does a bounded amount of work
// (Workers Free: 10 ms CPU, 50 D1 queries and 50 subrequests per invocation), whatever the number of owners.
//
// Queues deliver at least once. The weekly claim (db/digest-store.ts, weeklyClaim) makes a redelivered message
// or a second run send nothing; a failed send releases it and is retried with backoff; after the last retry the
// message lands on the dead-letter queue, whose consumer records the failure for the owner's next digest. A claim
// whose delivery died before sending is retried too, and taken over once it is older than CLAIM_LEASE_MS.
import { setNextDigestAt } from "../db/digest-store";
import { drizzleFor } from "../db/drizzle-later";
import { findOwnerById } from "../db/owner-lookup";
import type { Config } from "../env";
import { digestDue, localTime, nextDigestAt } from "./schedule";
import { enqueueDueDigests, type DigestJob } from "./sweep";

/** Wrangler's queue names (wrangler.toml); the consumer tells the two apart by them. */
export const DIGEST_QUEUE = "gensidig-digests";
export const DIGEST_DEAD_LETTER_QUEUE = "gensidig-digests-failed";

export { LEASE_MS, OWNERS_PER_SWEEP, type DigestJob } from "./sweep";

/** Backoff between attempts at one digest (wrangler.toml max_retries is their number). */
const RETRY_DELAYS_S = [60, 300, 1200];

/** Seconds before the next attempt, after `attempts` failed ones (Queues counts the first delivery as 1). */
export function retryDelaySeconds(attempts: number): number {
  return RETRY_DELAYS_S[Math.max(1, Math.min(attempts, RETRY_DELAYS_S.length)) - 1];
}

export type JobOutcome = "sent" | "already-claimed" | "not-due" | "no-owner";

/** One owner's weekly digest, if it is due and not yet claimed. Throws when sending failed (the queue retries). */
export async function runDigestJob(d1: D1Database, sendEmail: SendEmail, config: Config, job: Extract<DigestJob, { kind: "digest" }>): Promise<JobOutcome> {
  const owner = await findOwnerById(d1, job.ownerId);
  if (!owner) return "no-owner";
  const due = digestDue(owner, job.now);
  if (!due.due) {
    // A new owner, a changed schedule, or a pause: work out when to look again.
    await setNextDigestAt(d1, owner.id, nextDigestAt(owner, job.now));
    return "not-due";
  }
  // Loaded here, not at the top: a "sweep" page and the dead-letter queue come through this module too, and build no digest.
  const { sendWeeklyDigest } = await import("./run");
  const sent = await sendWeeklyDigest(d1, sendEmail, config, owner, job.now, due.local.isoWeek);
  if (sent) return "sent";
  // Sent already by another delivery (or went out before its bookkeeping failed): move on to next week.
  await setNextDigestAt(d1, owner.id, nextDigestAt({ ...owner, lastDigestWeek: due.local.isoWeek }, job.now));
  return "already-claimed";
}

export interface QueueDeps {
  d1: D1Database;
  queue: Queue<DigestJob>;
  sendEmail: SendEmail;
  config: Config;
}

/** The digest queue's consumer. Each message is acked or retried on its own: one owner's failure holds up no one. */
export async function consumeDigestJobs(batch: MessageBatch<DigestJob>, deps: QueueDeps): Promise<void> {
  for (const message of batch.messages) {
    const job = message.body;
    try {
      if (job.kind === "sweep") await enqueueDueDigests(deps.d1, deps.queue, job.now);
      else await runDigestJob(deps.d1, deps.sendEmail, deps.config, job);
      message.ack();
    } catch (err) {
      console.error(`digest job ${JSON.stringify(job)} failed (attempt ${message.attempts}): ${String(err)}`);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    }
  }
}

/** The dead-letter queue's consumer: the digest that could not be sent is recorded, and next week's is scheduled. */
export async function consumeFailedDigestJobs(batch: MessageBatch<DigestJob>, deps: QueueDeps): Promise<void> {
  for (const message of batch.messages) {
    const job = message.body;
    if (job.kind === "digest") {
      const owner = await findOwnerById(deps.d1, job.ownerId);
      if (owner) {
        const week = localTime(job.now, owner.timeZone).isoWeek;
        // A dead letter is rare: its bookkeeping is built by drizzle, loaded only here.
        const [db, { recordFailedDigest }] = await Promise.all([drizzleFor(deps.d1), import("../db/digests")]);
        await recordFailedDigest(db, {
          ownerId: owner.id,
          at: job.now,
          reason: `the weekly digest of ${week} could not be sent`,
          nextDigestAt: nextDigestAt({ ...owner, lastDigestWeek: week }, job.now),
        });
      }
    } else {
      // A page of the hourly job that kept failing: its owners' leases run out and the next hourly run takes them.
      console.error(`digest sweep of ${new Date(job.now).toISOString()} was given up`);
    }
    message.ack();
  }
}
