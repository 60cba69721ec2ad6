// npm run demo: the whole loop in one command, against the real worker under `wrangler dev` with local D1.
// A fresh local database (its own --persist-to dir, migrated, development owner seeded), the sample mailbox
// in demo/mailbox/ delivered through the local email endpoint, the clock moved to the next digest, and the
// digest the scheduled job sent printed here, its HTML written to out/demo-digest.html. Stops the worker.
import { spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

import { addressOf, freePort, headerValue, LOCAL, ownerSql, requireNode22, ROOT, startWorker, stopWorker, wrangler, zoneOffsetsFor } from "./lib.mjs";
import { findSentMail, readSentMail } from "./sent-mail.mjs";

const MAILBOX = join(ROOT, "demo", "mailbox");
const HTML_OUT = join(ROOT, "out", "demo-digest.html");
/** The digest as sent, kept: wrangler's own copy lives in the demo's database folder, removed at the end. */
const EML_OUT = join(ROOT, "out", "demo-digest.eml");
/** The sample mailbox belongs to Sofie; the development owner's address stands in for hers. */
const OWNER_NAME = "Sofie Kjær";
/** The development owner's schedule (lib.mjs ownerSql defaults): Monday 08:00 in Copenhagen. */
const DIGEST = { weekday: 1, hour: 8, timeZone: "Europe/Copenhagen" };

function zoneParts(at, timeZone) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value]),
  );
  return { ...parts, weekday: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1 };
}

/** The first digest time (weekday and hour in the owner's zone) after `after`, checked hour by hour. */
function nextDigestTime(after, { weekday, hour, timeZone }) {
  const HOUR = 3_600_000;
  for (let t = Math.ceil(after / HOUR) * HOUR; t < after + 8 * 24 * HOUR; t += HOUR) {
    const local = zoneParts(t, timeZone);
    if (local.weekday === weekday && Number(local.hour) === hour) return t;
  }
  throw new Error("no digest time within a week");
}

async function loadMailbox() {
  const files = (await readdir(MAILBOX)).filter((f) => f.endsWith(".eml")).sort();
  const mails = [];
  for (const name of files) {
    const bytes = await readFile(join(MAILBOX, name));
    const head = bytes.toString("latin1");
    mails.push({ name, bytes, from: addressOf(headerValue(head, "From")), date: Date.parse(headerValue(head, "Date")) });
  }
  // Mailbox order is time order: a contact's reply is recorded only on a thread the owner shared before it.
  return mails.sort((a, b) => a.date - b.date);
}

/**
 * Delivers one mail the way Email Routing would: the envelope sender is the mail's author (Sofie for what
 * she BCC'd or forwarded, the contact for a reply on a thread she shared), the recipient the assistant.
 */
async function deliver(workerUrl, mail) {
  const url = `${workerUrl}/cdn-cgi/handler/email?from=${encodeURIComponent(mail.from)}&to=${encodeURIComponent(LOCAL.assistant)}`;
  const res = await fetch(url, { method: "POST", body: mail.bytes, headers: { "content-type": "message/rfc822" } });
  const text = (await res.text()).trim();
  return { ok: res.ok && !/reject/i.test(text), detail: text || res.statusText };
}

/** Whether any process of the worker's group is still alive; exited ones may linger a moment as zombies. */
async function groupStillRunning(pgid) {
  const until = Date.now() + 3000;
  for (;;) {
    const ps = spawnSync("ps", ["-eo", "pgid=,stat="], { encoding: "utf8" });
    if (ps.status !== 0) return false;
    const alive = ps.stdout.split("\n").some((line) => {
      const [group, stat] = line.trim().split(/\s+/);
      return Number(group) === pgid && stat && !stat.startsWith("Z");
    });
    if (!alive || Date.now() > until) return alive;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const day = (t) => new Date(t).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: DIGEST.timeZone });

async function main() {
  requireNode22();
  const t0 = Date.now();
  const state = await mkdtemp(join(tmpdir(), "gensidig-demo-"));
  let worker = null;
  try {
    console.log("Gensidig demo: starts from a fresh local database each run.");
    // Its own worker on a port nobody uses (GENSIDIG_DEMO_PORT to choose one), never the one `npm start`
    // runs: mail and the hourly job must reach only the demo's own database.
    const port = process.env.GENSIDIG_DEMO_PORT ? Number(process.env.GENSIDIG_DEMO_PORT) : await freePort();
    console.log(`  local D1 in ${state} (removed afterwards); its own worker on http://127.0.0.1:${port}`);
    wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { quiet: true });
    wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--command", ownerSql({ primary: LOCAL.owner, token: LOCAL.token, name: OWNER_NAME, ...DIGEST, zoneOffsets: await zoneOffsetsFor("Europe/Copenhagen") })], { quiet: true });
    worker = await startWorker({ port, extraArgs: ["--persist-to", state] });

    const mails = await loadMailbox();
    const refused = [];
    for (const mail of mails) {
      const result = await deliver(worker.url, mail);
      if (!result.ok) refused.push(`${mail.name}: ${result.detail}`);
    }
    const first = mails[0].date;
    const last = mails[mails.length - 1].date;
    console.log(
      `  delivered ${mails.length} sample mails (${day(first)} – ${day(last)} ${new Date(last).getUTCFullYear()}) from ${relative(ROOT, MAILBOX)}/ to ${LOCAL.assistant}` +
        ` as ${OWNER_NAME} <${LOCAL.owner}>: BCC'd mail, forwards, and contacts' replies on shared threads`,
    );
    for (const line of refused) console.log(`  refused: ${line}`);

    const now = nextDigestTime(last, DIGEST);
    const local = new Date(now).toLocaleString("en-GB", { timeZone: DIGEST.timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
    console.log(`  moving the clock to the next digest, ${local} (${DIGEST.timeZone}), and running the hourly job`);
    const res = await fetch(`${worker.url}/dev/scheduled?now=${encodeURIComponent(new Date(now).toISOString())}`, { method: "POST" });
    const run = await res.json();
    if (!res.ok || run.sent?.length !== 1) throw new Error(`the scheduled job sent no digest: ${res.status} ${JSON.stringify(run)}`);

    // The run names the mail it sent; wrangler's copy is found by that Message-ID, not by file time (a notice
    // about an ignored forward may be written moments later).
    const { messageId } = run.sent[0];
    const file = await findSentMail([state, join(ROOT, ".wrangler")], messageId);
    if (!file) throw new Error(`the digest <${messageId}> was sent, but wrangler's .eml copy of it was not found`);
    const digest = await readSentMail(file);
    if (digest.messageId.replace(/^<|>$/g, "") !== messageId || !digest.html || !digest.text) {
      throw new Error(`${file} is not the digest <${messageId}> with a text and an HTML part`);
    }
    console.log(`\nTo: ${digest.to}\nSubject: ${digest.subject}\n`);
    console.log(digest.text.trimEnd());
    await mkdir(join(ROOT, "out"), { recursive: true });
    await writeFile(HTML_OUT, digest.html);
    await copyFile(file, EML_OUT);
    console.log(`\nHTML version: ${relative(ROOT, HTML_OUT)} (open it in a browser); the mail as sent: ${relative(ROOT, EML_OUT)}`);
  } finally {
    if (worker) await stopWorker(worker.child);
    await rm(state, { recursive: true, force: true });
  }
  const running = worker ? await groupStillRunning(worker.child.pid) : false;
  console.log(running ? "Warning: the worker's process group is still running." : `Stopped the worker; nothing left running. Done in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
}

await main();
