// POST /api/import: a batch of the owner's past mail (backfill), each message through importMails, the same
// rules as live mail. `npm run import` splits a mailbox into batches and sends them here.
//
// Request: `Authorization: Bearer <token>` and a multipart/form-data body (RFC 7578) with one part named
// "message" per raw RFC 5322 message, in mailbox order (a reply after the mail it answers). Binary-safe and
// compact, no base64, and workerd parses it natively:
//   curl -H 'Authorization: Bearer dev-token' -F message=@a.eml -F message=@b.eml http://127.0.0.1:8787/api/import
// Response (200): { received, stored, duplicates, ignored, failed, newContacts,
//                   ignoredReasons: { reason: count }, failures: [{ index, reason }] }
// `index` is the part's position in the request. 400 no messages, 401 no or unknown token,
// 413 too many messages or bytes, 415 not multipart/form-data.
import { Hono } from "hono";
import { listSuppressions } from "../db/capture";
import { loadOwnerWithAddresses } from "../db/owner-lookup";
import { readConfig } from "../env";
import { importMails } from "../ingest/import";
import type { IngestOutcome } from "../ingest/outcome";
import { MAX_RAW_BYTES } from "../mail/bound";
import { requireOwner, type AuthedEnv } from "./auth";

/**
 * Messages per request. A request makes a fixed number of lookups and one db.batch of about six statements
 * whatever its size (each table's rows travel as one JSON parameter, src/db/capture.ts), so what a request's
 * size bounds is its CPU and body. On the Workers Free plan, 10 ms of CPU per invocation, `npm run import --
 * --batch 8` keeps inside it.
 */
export const MAX_IMPORT_MESSAGES = 500;
/** One message of Email Routing's largest size (25 MiB) plus the multipart framing around it. */
export const MAX_IMPORT_BYTES = MAX_RAW_BYTES + 1024 * 1024;
/** A failure reason is shown to a person and grouped by its text; the cause's details stay short. */
const REASON_CHARS = 200;

export interface ImportReport {
  received: number;
  stored: number;
  duplicates: number;
  ignored: number;
  failed: number;
  newContacts: number;
  ignoredReasons: Record<string, number>;
  failures: Array<{ index: number; reason: string }>;
}

export function emptyReport(received: number): ImportReport {
  return { received, stored: 0, duplicates: 0, ignored: 0, failed: 0, newContacts: 0, ignoredReasons: {}, failures: [] };
}

/** Adds one message's outcome to the batch report. */
export function tally(report: ImportReport, index: number, outcome: IngestOutcome | { status: "failed"; reason: string }): void {
  switch (outcome.status) {
    case "stored":
      report.stored++;
      return;
    case "duplicate":
      report.duplicates++;
      return;
    case "ignored":
      report.ignored++;
      report.ignoredReasons[outcome.reason] = (report.ignoredReasons[outcome.reason] ?? 0) + 1;
      return;
    case "command":
      // importMails turns mail to no one but the owner into "ignored"; a command never runs from an import.
      report.ignored++;
      return;
    case "dead-letter":
    case "rejected":
    case "failed":
      report.failed++;
      report.failures.push({ index, reason: outcome.reason.slice(0, REASON_CHARS) });
      return;
  }
}

/** The body, or null when it is larger than `limit` (a missing or false Content-Length included). */
async function readBody(req: Request, limit: number): Promise<Uint8Array | null> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return null;
  // With a Content-Length the runtime enforces it, and reading in one call is far cheaper than chunk by chunk.
  if (declared !== null) return new Uint8Array(await req.arrayBuffer());
  if (!req.body) return new Uint8Array();
  const parts: Uint8Array[] = [];
  let total = 0;
  const reader = req.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return null;
    }
    parts.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    body.set(p, at);
    at += p.byteLength;
  }
  return body;
}

const mib = (bytes: number) => `${(bytes / 1048576).toFixed(0)} MiB`;

export const importRoutes = new Hono<AuthedEnv>().use(requireOwner).post("/", async (c) => {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    return c.json(
      { error: "unsupported-media-type", message: "Send multipart/form-data with one part named \"message\" per raw RFC 5322 message." },
      415,
    );
  }
  const body = await readBody(c.req.raw, MAX_IMPORT_BYTES);
  if (!body) {
    return c.json(
      { error: "too-large", message: `A batch may hold at most ${mib(MAX_IMPORT_BYTES)}; send fewer messages per request (npm run import -- --batch N).` },
      413,
    );
  }
  let parts: Array<File | string>;
  try {
    parts = (await new Response(body, { headers: { "content-type": contentType } }).formData()).getAll("message");
  } catch {
    return c.json({ error: "bad-request", message: "The body is not valid multipart/form-data." }, 400);
  }
  if (parts.length === 0) return c.json({ error: "bad-request", message: 'No parts named "message" in the body.' }, 400);
  if (parts.length > MAX_IMPORT_MESSAGES) {
    return c.json(
      { error: "too-large", message: `A batch may hold at most ${MAX_IMPORT_MESSAGES} messages; this one has ${parts.length}.` },
      413,
    );
  }

  const ownerId = c.get("owner").id;
  const [owner, suppressions] = await Promise.all([loadOwnerWithAddresses(c.env.DB, ownerId), listSuppressions(c.env.DB, ownerId)]);
  if (!owner) return c.json({ error: "unauthorized", message: "This token's owner no longer exists." }, 401);
  const ctx = { d1: c.env.DB, config: readConfig(c.env), owner, suppressions, now: Date.now() };
  const report = emptyReport(parts.length);
  const raws: Uint8Array[] = [];
  const positions: number[] = [];
  for (const [index, part] of parts.entries()) {
    const raw = typeof part === "string" ? new TextEncoder().encode(part) : new Uint8Array(await part.arrayBuffer());
    if (raw.byteLength > MAX_RAW_BYTES) {
      tally(report, index, { status: "failed", reason: `larger than ${mib(MAX_RAW_BYTES)}, the most Email Routing accepts` });
      continue;
    }
    raws.push(raw);
    positions.push(index);
  }
  // In mailbox order, in one pass: a reply's thread is known even when it came earlier in the same batch.
  const { outcomes, newContacts } = await importMails(ctx, raws);
  for (const [i, outcome] of outcomes.entries()) tally(report, positions[i], outcome);
  report.newContacts = newContacts;
  return c.json(report);
});
