// npm run import -- <file.mbox | folder of .eml> [--url URL --token TOKEN] [--batch N] [--json]
//
// Backfill: feeds a mailbox through the worker's own ingest rules via POST /api/import, so there is no
// second copy of those rules here. Streams the mailbox (one batch in memory at a time), shows progress on
// stderr and ends with a summary. Safe to run twice and to stop halfway: the worker stores each
// Message-ID once, so a second run skips what is already there.
import { randomBytes } from "node:crypto";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { headerValue, LOCAL, LOCAL_URL, parseArgs } from "./lib.mjs";
import { openMailbox } from "./mailbox.mjs";

/**
 * Messages per request; the worker takes at most 500 (src/routes/import.ts). Each request costs a fixed round
 * trip and a fixed number of statements, so fewer, larger requests import faster; BATCH_BYTES still caps them.
 */
const DEFAULT_BATCH_MESSAGES = 500;
const MAX_BATCH_MESSAGES = 500;
/** Bytes per request: small enough for a Worker's 128 MB, big enough that HTTP overhead does not matter. */
const BATCH_BYTES = 4 * 1024 * 1024;
/** A network error or 5xx is retried this many times, with a growing pause, before the batch counts as failed. */
const RETRIES = 4;
const RETRY_PAUSE_MS = 500;
const PROGRESS_EVERY_MS = 200;
/** Without a terminal (CI, a pipe), progress is one line this often instead of a redrawn bar. */
const LOG_PROGRESS_EVERY_MS = 5000;
const RSS_SAMPLE_MS = 50;
/** Failed messages named one by one in the summary; the rest are counted. */
const NAMED_FAILURES = 20;
/** Enough of a message to read its header block. */
const HEAD_BYTES = 64 * 1024;

const USAGE = `usage: npm run import -- <file.mbox | folder of .eml> [--url ${LOCAL_URL}] [--token dev-token] [--batch ${DEFAULT_BATCH_MESSAGES}]

  Imports an existing mailbox (Gmail Takeout or Thunderbird .mbox, or a folder of .eml files) through the
  same rules as live mail. Mail you sent becomes outbound, mail you received inbound; newsletters and other
  automated mail are counted and left out. Run it again any time: what is already stored is skipped.

  --url     the worker (default: the local one from npm start, ${LOCAL_URL})
  --token   the owner's API token (default: the development token)
  --batch   messages per request (default ${DEFAULT_BATCH_MESSAGES}; on the Workers Free plan use 8)
  --json    print the summary as JSON on stdout`;

class ImportError extends Error {}

const NOT_MAIL = "not an email message (it does not start with mail headers such as From: and Date:)";

/**
 * Whether raw bytes start like an Internet message (RFC 5322 §2.2): header fields "Name: value" up to the
 * first empty line, among them at least one that every mail client writes. A PNG, a PDF or a plain text
 * file does not.
 */
export function looksLikeMail(raw) {
  const head = raw.subarray(0, HEAD_BYTES).toString("latin1").replace(/^\uFEFF/, "");
  const block = head.split(/\r?\n\r?\n/, 1)[0];
  const lines = block.split(/\r?\n/);
  if (!lines.every((line, i) => /^[\x21-\x39\x3b-\x7e]+:/.test(line) || (i > 0 && /^[ \t]/.test(line)))) return false;
  return lines.some((line) => /^(from|date|message-id|subject|to|received|return-path):/i.test(line));
}

/** How a message is named in the summary: its place in the mailbox, its Message-ID, its file. */
function describe(m) {
  const id = m.raw ? headerValue(m.raw.subarray(0, HEAD_BYTES).toString("latin1"), "Message-ID") : null;
  return { position: m.position, messageId: id, file: m.name ? basename(m.name) : null };
}

const fmt = (n) => Math.round(n).toLocaleString("en-US");

function duration(seconds) {
  if (!Number.isFinite(seconds)) return "--:--";
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${r}` : `${m}:${r}`;
}

function progressLine(p, totalBytes, startedAt, width) {
  const elapsed = (performance.now() - startedAt) / 1000;
  const share = totalBytes > 0 ? Math.min(1, p.bytes / totalBytes) : 1;
  const rate = elapsed > 0 ? p.read / elapsed : 0;
  // The byte position is the honest measure of progress: message sizes vary too much to count them.
  const eta = share > 0 ? (elapsed * (1 - share)) / share : Infinity;
  const tail = ` ${String(Math.floor(share * 100)).padStart(3)}%  ${fmt(p.read)} msgs  ${fmt(rate)} msg/s  ETA ${duration(eta)}`;
  const barWidth = Math.max(10, Math.min(40, width - tail.length - 3));
  const filled = Math.round(share * barWidth);
  return `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}]${tail}`;
}

function addCounts(target, key, n = 1) {
  target[key] = (target[key] ?? 0) + n;
}

/**
 * The batch as multipart/form-data (RFC 7578), one "message" part per raw message. Built as one Buffer
 * rather than FormData and Blobs, whose native memory Node frees late: RSS then grows with the mailbox.
 */
export function multipartBatch(raws) {
  const boundary = `----gensidig-import-${randomBytes(12).toString("hex")}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="message"; filename="message.eml"\r\nContent-Type: message/rfc822\r\n\r\n`);
  const parts = [];
  for (const raw of raws) parts.push(head, raw, CRLF);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
const CRLF = Buffer.from("\r\n");

async function postBatch(url, token, messages) {
  const { body, contentType } = multipartBatch(messages.map((m) => m.raw));
  const res = await fetch(`${url}/api/import`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": contentType },
    body,
  });
  const text = await res.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: res.status, json, text };
}

/**
 * Sends one batch; on 413 or a worker error it halves the batch (a Free-plan worker runs out of queries or
 * CPU on big batches), and retries network failures with a pause. Returns each report with the messages it covers.
 */
async function sendBatch(options, messages, onRetry) {
  for (let attempt = 0; ; attempt++) {
    let res;
    try {
      res = await postBatch(options.url, options.token, messages);
    } catch (err) {
      if (attempt >= RETRIES) throw new ImportError(`could not reach ${options.url}: ${err.cause?.code ?? err.message}`);
      onRetry(`cannot reach the worker (${err.cause?.code ?? err.message}); retrying`);
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS * 2 ** attempt));
      continue;
    }
    if (res.status === 200 && res.json) return [{ report: res.json, messages }];
    if (res.status === 401) throw new ImportError(`the worker refused the token (401). Pass the owner's API token with --token.`);
    if (res.status === 404) throw new ImportError(`${options.url} has no /api/import (404). Is it a Gensidig worker of this version?`);
    if ((res.status === 413 || res.status >= 500) && messages.length > 1) {
      const half = Math.ceil(messages.length / 2);
      onRetry(`the worker answered ${res.status} to ${messages.length} messages; sending ${half} at a time`);
      options.batch = Math.max(1, Math.min(options.batch, half));
      return [...(await sendBatch(options, messages.slice(0, half), onRetry)), ...(await sendBatch(options, messages.slice(half), onRetry))];
    }
    if (res.status >= 500 && attempt < RETRIES) {
      onRetry(`the worker answered ${res.status}; retrying`);
      await new Promise((r) => setTimeout(r, RETRY_PAUSE_MS * 2 ** attempt));
      continue;
    }
    const reason = `the worker answered ${res.status}: ${(res.json?.message ?? res.text).slice(0, 200)}`;
    const report = { received: messages.length, stored: 0, duplicates: 0, ignored: 0, failed: messages.length, newContacts: 0, ignoredReasons: {}, failures: messages.map((_, index) => ({ index, reason })) };
    return [{ report, messages }];
  }
}

/**
 * Imports a mailbox. Returns the summary; `onProgress` is called with the running counts. `signal`
 * stops it after the batch in flight.
 */
export async function importMailbox({ path, url = LOCAL_URL, token = LOCAL.token, batch = DEFAULT_BATCH_MESSAGES, signal, onProgress = () => {}, onNotice = () => {} }) {
  const options = { url: url.replace(/\/+$/, ""), token, batch: Math.max(1, Math.min(MAX_BATCH_MESSAGES, batch)) };
  let box;
  try {
    box = await openMailbox(path);
  } catch (err) {
    if (err.code === "ENOENT") throw new ImportError(`no such file or folder: ${path}`);
    if (err.code === "EACCES") throw new ImportError(`cannot read ${path}: permission denied`);
    throw err;
  }
  if (box.totalBytes === 0) {
    throw new ImportError(box.kind === "folder" ? `${path} holds no .eml files: nothing to import.` : `${path} is empty: nothing to import.`);
  }
  // Fail at once, not after the retries, when nothing answers at all (the worker is not started).
  await fetch(`${options.url}/health`).catch((err) => {
    throw new ImportError(`could not reach ${options.url}: ${err.cause?.code ?? err.message}`);
  });
  const startedAt = performance.now();
  const summary = {
    path,
    kind: box.kind,
    totalBytes: box.totalBytes,
    read: 0,
    bytes: 0,
    stored: 0,
    newContacts: 0,
    ignored: 0,
    duplicates: 0,
    failed: 0,
    /** Messages that were not mail at all (an image, a text file). */
    notMail: 0,
    ignoredReasons: {},
    failureReasons: {},
    /** The first failed messages, named: { position, messageId, file, reason }. */
    failedMessages: [],
    stopped: false,
    seconds: 0,
    peakRss: process.memoryUsage.rss(),
  };
  const sampleRss = () => (summary.peakRss = Math.max(summary.peakRss, process.memoryUsage.rss()));
  const sampler = setInterval(sampleRss, RSS_SAMPLE_MS).unref();

  const fail = (m, reason) => {
    summary.failed++;
    addCounts(summary.failureReasons, reason);
    if (summary.failedMessages.length < NAMED_FAILURES) summary.failedMessages.push({ ...describe(m), reason });
  };
  const apply = (sent) => {
    for (const { report: r, messages } of sent) {
      summary.stored += r.stored;
      summary.newContacts += r.newContacts;
      summary.ignored += r.ignored;
      summary.duplicates += r.duplicates;
      for (const [reason, n] of Object.entries(r.ignoredReasons)) addCounts(summary.ignoredReasons, reason, n);
      for (const f of r.failures) fail(messages[f.index], f.reason);
    }
  };
  // One request in flight while the next batch is read: reading and the worker's work overlap, and mailbox
  // order is kept (a batch goes only after the one before it is stored).
  let inFlight = Promise.resolve();
  const flush = async (messages) => {
    await inFlight;
    if (messages.length === 0) return;
    inFlight = sendBatch(options, messages, onNotice).then(apply);
  };

  try {
    let pending = [];
    let pendingBytes = 0;
    for await (const m of box.messages) {
      summary.read++;
      summary.bytes = m.end;
      m.position = summary.read;
      if (m.oversize) {
        fail(m, "larger than 25 MiB, the most Email Routing accepts");
      } else if (!looksLikeMail(m.raw)) {
        summary.notMail++;
        fail(m, NOT_MAIL);
      } else {
        if (pending.length > 0 && pendingBytes + m.raw.length > BATCH_BYTES) {
          await flush(pending);
          pending = [];
          pendingBytes = 0;
        }
        pending.push(m);
        pendingBytes += m.raw.length;
        if (pending.length >= options.batch) {
          await flush(pending);
          pending = [];
          pendingBytes = 0;
        }
      }
      onProgress(summary, startedAt);
      if (signal?.aborted) {
        summary.stopped = true;
        break;
      }
    }
    await flush(pending);
    await inFlight;
  } finally {
    clearInterval(sampler);
    sampleRss();
    summary.seconds = (performance.now() - startedAt) / 1000;
  }
  return summary;
}

function printSummary(s, name) {
  const rate = s.seconds > 0 ? s.read / s.seconds : 0;
  const lines = [
    `${s.stopped ? "Stopped" : "Imported"} ${name} in ${s.seconds.toFixed(1)} s (${fmt(rate)} msg/s).`,
    `  messages read         ${fmt(s.read).padStart(8)}`,
    `  people found          ${fmt(s.newContacts).padStart(8)}   new contacts`,
    `  stored                ${fmt(s.stored).padStart(8)}`,
    `  ignored as automated  ${fmt(s.ignored).padStart(8)}`,
  ];
  for (const [reason, n] of Object.entries(s.ignoredReasons).sort((a, b) => b[1] - a[1]).slice(0, 8)) {
    lines.push(`      ${fmt(n).padStart(6)}  ${reason}`);
  }
  lines.push(`  duplicates            ${fmt(s.duplicates).padStart(8)}   already stored, skipped`);
  lines.push(`  failed                ${fmt(s.failed).padStart(8)}`);
  for (const [reason, n] of Object.entries(s.failureReasons).sort((a, b) => b[1] - a[1])) {
    lines.push(`      ${fmt(n).padStart(6)}  ${reason}`);
  }
  if (s.failedMessages.length) {
    lines.push("  failed messages (not stored; a second run tries them again):");
    for (const f of s.failedMessages) {
      const name = [`#${f.position}`, f.messageId, f.file && f.file !== f.messageId ? `(${f.file})` : null].filter(Boolean).join(" ");
      lines.push(`      ${name}: ${f.reason}`);
    }
    if (s.failed > s.failedMessages.length) lines.push(`      … and ${fmt(s.failed - s.failedMessages.length)} more`);
  }
  if (s.read > 0 && s.notMail === s.read) lines.push(`\nNothing in ${name} is an email message. Give an .mbox file (Gmail Takeout, Thunderbird) or a folder of .eml files.`);
  if (s.stopped) lines.push("\nRun the same command again to continue: what is already stored is skipped quickly.");
  console.log(lines.join("\n"));
}

async function main() {
  const { flags, positional } = parseArgs(process.argv.slice(2));
  if (positional.length !== 1 || flags.help) {
    console.error(USAGE);
    process.exit(2);
  }
  const batch = flags.batch === undefined ? DEFAULT_BATCH_MESSAGES : Number(flags.batch);
  if (!Number.isInteger(batch) || batch < 1 || batch > MAX_BATCH_MESSAGES) {
    console.error(`--batch takes a whole number from 1 to ${MAX_BATCH_MESSAGES}.`);
    process.exit(2);
  }
  const controller = new AbortController();
  process.on("SIGINT", () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    process.stderr.write("\nStopping after the batch in flight (Ctrl-C again to quit at once)…\n");
  });

  const tty = process.stderr.isTTY && !flags.json;
  let lastDraw = 0;
  let drawn = false;
  const onProgress = (p, startedAt) => {
    const now = performance.now();
    if (now - lastDraw < (tty ? PROGRESS_EVERY_MS : LOG_PROGRESS_EVERY_MS)) return;
    lastDraw = now;
    if (flags.json) return;
    const line = progressLine(p, p.totalBytes, startedAt, tty ? process.stderr.columns ?? 80 : 80);
    process.stderr.write(tty ? `\r${line}` : `${line}\n`);
    drawn = tty;
  };
  const onNotice = (text) => process.stderr.write(`${drawn ? "\n" : ""}${text}\n`);

  try {
    const summary = await importMailbox({
      path: positional[0],
      url: typeof flags.url === "string" ? flags.url : LOCAL_URL,
      token: typeof flags.token === "string" ? flags.token : LOCAL.token,
      batch,
      signal: controller.signal,
      onProgress,
      onNotice,
    });
    if (drawn) process.stderr.write(`\r${progressLine(summary, summary.totalBytes, performance.now() - summary.seconds * 1000, process.stderr.columns ?? 80)}\n`);
    if (flags.json) console.log(JSON.stringify(summary));
    else printSummary(summary, basename(positional[0]));
    // 130: stopped by Ctrl-C (128 + SIGINT), as shells report it.
    // Non-zero when nothing was a mail, or when every message failed.
    const nothingUsable = summary.notMail === summary.read || (summary.failed > 0 && summary.stored === 0 && summary.duplicates === 0 && summary.ignored === 0);
    process.exit(summary.stopped ? 130 : nothingUsable ? 1 : 0);
  } catch (err) {
    if (drawn) process.stderr.write("\n");
    if (err instanceof ImportError || /not an mbox file/.test(err.message)) {
      console.error(`import: ${err.message}`);
      if (err instanceof ImportError && /could not reach/.test(err.message)) console.error("Is the worker running? Start it with `npm start`.");
      process.exit(1);
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
