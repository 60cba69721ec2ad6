// The digest queue around the worker's real handlers: the hourly job's messages are kept as Queues would keep
// them, and handed to the worker's real queue() handler as a batch, with the test pool's own MessageBatch (so
// ack/retry are read back exactly as the platform records them).
import { createExecutionContext, createMessageBatch, createScheduledController, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../src/index";
import type { Env } from "../../src/env";
import type { DigestJob } from "../../src/digest/fanout";
import { DIGEST_QUEUE } from "../../src/digest/fanout";
import { recordingSendEmail, testEnv } from "./mail";

/** A producer binding that keeps what was sent, in order. */
export function recordingQueue(): { binding: Queue<DigestJob>; sent: DigestJob[] } {
  const sent: DigestJob[] = [];
  const binding = {
    async send(body: DigestJob) {
      sent.push(structuredClone(body));
    },
    async sendBatch(messages: Iterable<MessageSendRequest<DigestJob>>) {
      for (const m of messages) sent.push(structuredClone(m.body));
    },
  } as unknown as Queue<DigestJob>;
  return { binding, sent };
}

/** The worker's scheduled() at `at`, as the Cron Trigger runs it; returns what it put on the queue. */
export async function runCron(at: number, queue = recordingQueue()) {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: at, cron: "0 * * * *" }), testEnv({ DIGEST_QUEUE: queue.binding }), ctx);
  await waitOnExecutionContext(ctx);
  return queue.sent;
}

let nextId = 0;

/** Delivers jobs as one batch to the worker's queue() handler; `attempts` as Queues counts them. */
export async function deliverJobs(jobs: DigestJob[], opts: { queue?: string; attempts?: number; env?: Partial<Env>; at?: number } = {}) {
  const outbox = opts.env?.SEND_EMAIL ? null : recordingSendEmail();
  const followUps = recordingQueue();
  const batch = createMessageBatch<DigestJob>(
    opts.queue ?? DIGEST_QUEUE,
    jobs.map((body) => ({ id: `m${++nextId}`, timestamp: new Date(opts.at ?? Date.now()), attempts: opts.attempts ?? 1, body })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, testEnv({ DIGEST_QUEUE: followUps.binding, ...(outbox ? { SEND_EMAIL: outbox.binding } : {}), ...opts.env }), ctx);
  const result = await getQueueResult(batch, ctx);
  await waitOnExecutionContext(ctx);
  return { result, sent: outbox?.sent ?? [], enqueued: followUps.sent, ids: batch.messages.map((m) => m.id) };
}

/** A send_email binding that refuses `failures` sends (then delivers), as a transient outage would. */
export function flakySendEmail(failures: number, to?: string) {
  const inner = recordingSendEmail();
  let left = failures;
  const binding = {
    async send(message: EmailMessage) {
      const target = (message as unknown as { to: string }).to;
      if ((to === undefined || target === to) && left-- > 0) throw new Error("send_email: destination temporarily unavailable");
      await inner.binding.send(message);
    },
  } as unknown as SendEmail;
  return { binding, sent: inner.sent };
}
