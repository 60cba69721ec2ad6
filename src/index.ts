import { app } from "./app";
import { getDb } from "./db/client";
import { readConfig, type Env } from "./env";
import { runScheduledDigests } from "./digest/run";
import { handleEmail } from "./ingest/email-handler";

// Wiring only: the three paths live in src/ingest (email), src/digest (scheduled) and src/commands.
export default {
  fetch: app.fetch,
  async email(message, env, _ctx) {
    await handleEmail(message, env);
  },
  async scheduled(controller, env, _ctx) {
    await runScheduledDigests(getDb(env.DB), env.SEND_EMAIL, readConfig(env), controller.scheduledTime);
  },
} satisfies ExportedHandler<Env>;
