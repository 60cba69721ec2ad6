import type { Env } from "./env";
import type { DigestJob } from "./digest/sweep";

// Wiring only: the three paths live in src/ingest (email), src/digest (scheduled, then the digest queue) and src/commands.
// Each handler loads its own path on first use (the bundler keeps one file and defers each module's
// initialisation to its first import), so a fresh isolate builds only what the event in hand needs: the API's
// routes never build the mail parsers' phrase tables, and a mail never builds the digest's renderers.
export default {
  // Any Request, as hono's app.fetch takes: tests and scripts build plain ones.
  async fetch(request: Request, env: Env, ctx: ExecutionContext) {
    const { app } = await import("./app");
    return app.fetch(request, env, ctx);
  },
  async email(message, env, _ctx) {
    const { handleEmail } = await import("./ingest/email-handler");
    await handleEmail(message, env);
  },
  async scheduled(controller, env, _ctx) {
    const { enqueueDueDigests } = await import("./digest/sweep");
    await enqueueDueDigests(env.DB, env.DIGEST_QUEUE, controller.scheduledTime);
  },
  async queue(batch, env, _ctx) {
    const [{ readConfig }, fanout] = await Promise.all([import("./env"), import("./digest/fanout")]);
    const deps = { d1: env.DB, queue: env.DIGEST_QUEUE, sendEmail: env.SEND_EMAIL, config: readConfig(env) };
    const jobs = batch as MessageBatch<DigestJob>;
    await (batch.queue === fanout.DIGEST_DEAD_LETTER_QUEUE ? fanout.consumeFailedDigestJobs(jobs, deps) : fanout.consumeDigestJobs(jobs, deps));
  },
} satisfies ExportedHandler<Env>;
