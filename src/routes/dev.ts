// Local-only helpers for `npm run digest` and `npm run demo`. Mounted only when DEV_ROUTES is "true",
// which scripts/start.mjs sets for `wrangler dev` and deployed configuration never does.
import { Hono } from "hono";
import { getDb } from "../db/client";
import { findOwnerByAddress } from "../db/owners";
import { enqueueDueDigests, LEASE_MS } from "../digest/sweep";
import { sendDigest } from "../digest/run";
import { weeklyDigestOutcomes } from "../db/digests";
import { readConfig, type Env } from "../env";
import { normalizeAddress } from "../mail/address";

function parseNow(value: string | undefined): number | null {
  if (!value) return Date.now();
  const t = Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

export const devRoutes = new Hono<{ Bindings: Env }>()
  .use(async (c, next) => {
    if (c.env.DEV_ROUTES !== "true") return c.json({ error: "not-found", message: "Development routes are off." }, 404);
    await next();
  })
  // Sends one owner's digest now, whatever the weekday; ?now=ISO pretends it is another time.
  .post("/digest", async (c) => {
    const address = normalizeAddress(c.req.query("owner") ?? "owner@example.com");
    const now = parseNow(c.req.query("now"));
    if (!address || now === null) return c.json({ error: "bad-request", message: "Use ?owner=ADDRESS and optionally ?now=ISO-8601." }, 400);
    const owner = await findOwnerByAddress(c.env.DB, address);
    if (!owner) return c.json({ error: "not-found", message: `No owner ${address}.` }, 404);
    const sent = await sendDigest(c.env.DB, c.env.SEND_EMAIL, readConfig(c.env), owner.owner, now, null);
    return c.json({ digestId: sent.digestId, messageId: sent.messageId, to: sent.to, subject: sent.subject, items: sent.items, text: sent.text, html: sent.html });
  })
  // Runs the hourly job as if it were ?now=ISO, with the real schedule rules, through the real local queue, and
  // answers once the queue's consumer has dealt with every owner it enqueued (or after WAIT_MS).
  .post("/scheduled", async (c) => {
    const now = parseNow(c.req.query("now"));
    if (now === null) return c.json({ error: "bad-request", message: "Use ?now=ISO-8601." }, 400);
    const db = getDb(c.env.DB);
    const sweep = await enqueueDueDigests(c.env.DB, c.env.DIGEST_QUEUE, now);
    const until = Date.now() + WAIT_MS;
    for (;;) {
      const outcomes = await weeklyDigestOutcomes(db, sweep.leased, now, now + LEASE_MS);
      if (outcomes.pending.length === 0 || Date.now() > until) return c.json({ enqueued: sweep.leased.length, ...outcomes });
      await scheduler.wait(POLL_MS);
    }
  });

/** Local queues deliver within about a second (max_batch_timeout); a failing send is retried after a minute. */
const WAIT_MS = 20_000;
const POLL_MS = 200;
