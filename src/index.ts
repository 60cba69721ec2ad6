import { app } from "./app";
import { getDb } from "./db/client";
import { readConfig, type Env } from "./env";
import { consumeDigestJobs, consumeFailedDigestJobs, DIGEST_DEAD_LETTER_QUEUE, enqueueDueDigests, type DigestJob } from "./digest/fanout";
import { handleEmail } from "./ingest/email-handler";

// Wiring only: the three paths live in src/ingest (email), src/digest (scheduled, then the digest queue) and src/commands.
export default {
  fetch: app.fetch,
  async email(message, env, _ctx) {
    await handleEmail(message, env);
  },
  async scheduled(controller, env, _ctx) {
    await enqueueDueDigests(getDb(env.DB), env.DIGEST_QUEUE, controller.scheduledTime);
  },
  async queue(batch, env, _ctx) {
    const deps = { db: getDb(env.DB), queue: env.DIGEST_QUEUE, sendEmail: env.SEND_EMAIL, config: readConfig(env) };
    const jobs = batch as MessageBatch<DigestJob>;
    await (batch.queue === DIGEST_DEAD_LETTER_QUEUE ? consumeFailedDigestJobs(jobs, deps) : consumeDigestJobs(jobs, deps));
  },
} satisfies ExportedHandler<Env>;
