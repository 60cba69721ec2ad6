// node bench/import.mjs [--messages 10000] [--profile worker.cpuprofile]
//
// Import throughput and memory: generates realistic mboxes (1,000 and 10,000 messages) in a temp dir,
// starts the real worker under `wrangler dev` on a fresh local D1 of its own (--persist-to, never the
// development database), imports both with `npm run import`'s code in a child process each, imports the
// large one again (everything a duplicate), and prints messages per second and the importer's peak RSS.
// Peak RSS at 1,000 and at 10,000 messages should be about the same: the mailbox is streamed. `--profile FILE`
// records the worker's V8 CPU profile over wrangler dev's inspector during the large import (open it in Chrome
// DevTools: Performance, Load profile).
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { pathToFileURL } from "node:url";

process.env.GENSIDIG_PORT ??= process.env.GENSIDIG_BENCH_PORT ?? "8797";
const { freePort, LOCAL, LOCAL_URL, ownerSql, parseArgs, requireNode22, ROOT, startWorker, stopWorker, wrangler } = await import("../scripts/lib.mjs");
const { mboxEntry } = await import("../scripts/mbox.mjs");

const OWNER = { address: LOCAL.owner, name: "Sofie Kjær" };
/** The owner's history in the generated mailbox ends here and reaches back two years. */
const HISTORY_END = Date.parse("2026-11-01T00:00:00Z");
const HISTORY_DAYS = 730;
const PEOPLE = 400;
/** Share of messages written with CRLF line endings (Outlook exports, Windows tools); the rest use LF. */
const CRLF_SHARE = 0.15;

function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Mette", "Lars", "Anna", "Jonas", "Emma", "Peter", "Karen", "Mads", "Ida", "Frederik", "Sarah", "Tom", "Laura", "Oliver", "Maja", "Rasmus", "Clara", "Henrik", "Julie", "Anders", "Nora", "William", "Sofie", "Magnus"];
const LAST = ["Riis", "Mikkelsen", "Holm", "Bech", "Clarke", "Lund", "Nielsen", "Jensen", "Hansen", "Pedersen", "Andersen", "Kristensen", "Larsen", "Sørensen", "Rasmussen", "Madsen", "Smith", "Brown", "Møller", "Thomsen"];
const DOMAINS = ["gmail.com", "outlook.dk", "hotmail.com", "icloud.com", "riis-kommunikation.dk", "nordlys.io", "holm-studio.com", "bech-arkitekter.dk", "copenhagenfintech.dk", "lundogpartnere.dk", "brightlabs.io", "designbureau.dk", "startup-cph.dk", "kommune.dk", "acme-shop.com"];
const NEWSLETTERS = [
  { name: "Iværksætterhuset", address: "nyhedsbrev@ivaerksaetterhuset.dk", list: "ivaerksaetterhuset.list-id.mcsv.net", mailer: "MailChimp Mailer" },
  { name: "UX Collective", address: "hello@uxdesign.cc", list: "uxcollective.substack.com", mailer: "Substack" },
  { name: "Figma", address: "no-reply@figma.com", list: "product-updates.figma.com", mailer: "SendGrid" },
  { name: "Dansk Design Center", address: "info@ddc.dk", list: "ddc-nyheder.list-id.rule.io", mailer: "Rule" },
];
const CLIENTS = [
  { header: "X-Mailer: Apple Mail (2.3826.300.87.4.3)", id: (r, n) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 4)}-${hex(r, 12)}@${n}`.toUpperCase() },
  { header: "User-Agent: Mozilla Thunderbird", id: (r, n) => `${hex(r, 8)}-${hex(r, 4)}-${hex(r, 4)}@${n}` },
  { header: "X-MS-Has-Attach:\nX-MS-TNEF-Correlator:\nContent-Language: da-DK", id: (r) => `AM0PR07MB${hex(r, 24).toUpperCase()}@AM0PR07MB6114.eurprd07.prod.outlook.com` },
  { header: "", id: (r) => `CA${hex(r, 30)}=${hex(r, 6)}@mail.gmail.com` },
];
const SUBJECTS = [
  "Kaffe i næste uge?", "Tilbud på brugertest", "Opfølgning på workshoppen", "Spørgsmål til prototypen", "Feedback på wireframes",
  "Coffee next week?", "Quick question about the onboarding flow", "Intro: you two should meet", "Invoice for October", "Slides from Tuesday",
  "Møde om redesign af webshoppen", "Portfolio review", "Referat fra mødet", "Tak for i går!", "Can you recommend a front-end developer?",
];
const PARAGRAPHS = [
  "Tak for en god snak i går. Jeg har samlet mine noter fra mødet og sender dem her, så vi har samme udgangspunkt til næste gang.",
  "Kan du sende mig et tilbud på en runde brugertest af vores booking-flow? Vi tænker fem interviews og en kort rapport.",
  "Thanks for the intro to Mette, we had a great call this morning and will meet again next week.",
  "Could you have a look at the prototype before Friday? Mostly the checkout, the rest is still rough.",
  "From what I heard at the meetup, they are looking for someone with research experience. Worth a shot!",
  "Jeg har vedhæftet de reviderede wireframes. Sig til, hvis navigationen stadig føles tung på mobilen.",
  "Here is the link to the recording: https://example.com/recording/2026-10-14 (password in the calendar invite).",
  "Hope you are well! It has been a while since Roskilde, we should catch up over lunch soon.",
  "Fakturaen for oktober er vedhæftet. Betalingsfristen er 14 dage som aftalt.",
  "From now on I will send the weekly status on Mondays instead of Fridays.",
];

function hex(r, n) {
  let s = "";
  for (let i = 0; i < n; i++) s += "0123456789abcdef"[Math.floor(r() * 16)];
  return s;
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

function encodeWord(text) {
  return /[^\x20-\x7e]/.test(text) ? `=?UTF-8?B?${Buffer.from(text).toString("base64")}?=` : text;
}
function mailbox(p) {
  return `${encodeWord(p.name)} <${p.address}>`;
}

function quotedPrintable(text) {
  const bytes = Buffer.from(text, "utf8");
  let out = "";
  let line = 0;
  for (const b of bytes) {
    const enc = b === 0x0a ? "\n" : b === 0x3d || b > 0x7e || (b < 0x20 && b !== 0x09) ? `=${b.toString(16).toUpperCase().padStart(2, "0")}` : String.fromCharCode(b);
    if (enc === "\n") {
      out += "\n";
      line = 0;
      continue;
    }
    if (line + enc.length > 75) {
      out += "=\n";
      line = 0;
    }
    out += enc;
    line += enc.length;
  }
  return out;
}

function makePeople(r) {
  const people = [];
  const seen = new Set();
  while (people.length < PEOPLE) {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const domain = pick(r, DOMAINS);
    const local = `${first}.${last}`.toLowerCase().replace(/ø/g, "oe").replace(/æ/g, "ae").replace(/å/g, "aa");
    const address = `${local}${people.length % 7 === 0 ? people.length : ""}@${domain}`;
    if (seen.has(address)) continue;
    seen.add(address);
    people.push({ name: `${first} ${last}`, address });
  }
  return people;
}

function body(r) {
  const n = 1 + Math.floor(r() * 3);
  const parts = [];
  for (let i = 0; i < n; i++) parts.push(pick(r, PARAGRAPHS));
  return parts.join("\n\n");
}

function personalMail(r, { from, to, cc, subject, date, messageId, inReplyTo, client, text }) {
  const headers = [
    "MIME-Version: 1.0",
    `Date: ${new Date(date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${messageId}>`,
    ...(inReplyTo ? [`In-Reply-To: <${inReplyTo}>`, `References: <${inReplyTo}>`] : []),
    `Subject: ${encodeWord(subject)}`,
    `From: ${mailbox(from)}`,
    `To: ${to.map(mailbox).join(", ")}`,
    ...(cc.length ? [`Cc: ${cc.map(mailbox).join(", ")}`] : []),
    ...(client.header ? client.header.split("\n") : []),
  ];
  if (r() < 0.5) {
    const boundary = `000000000000${hex(r, 16)}`;
    const html = `<div dir="ltr">${text.split("\n\n").map((p) => `<div>${p.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</div>`).join("<div><br></div>")}</div>`;
    return [
      ...headers,
      `Content-Type: multipart/alternative; boundary="${boundary}"`,
      "",
      `--${boundary}`,
      'Content-Type: text/plain; charset="UTF-8"',
      "Content-Transfer-Encoding: quoted-printable",
      "",
      quotedPrintable(text),
      "",
      `--${boundary}`,
      'Content-Type: text/html; charset="UTF-8"',
      "Content-Transfer-Encoding: quoted-printable",
      "",
      quotedPrintable(html),
      "",
      `--${boundary}--`,
      "",
    ].join("\n");
  }
  return [...headers, 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit", "", text, ""].join("\n");
}

function newsletter(r, { to, date, messageId }) {
  const n = pick(r, NEWSLETTERS);
  const text = `${pick(r, PARAGRAPHS)}\n\n${pick(r, PARAGRAPHS)}\n\nAfmeld / unsubscribe: https://${n.list}/unsubscribe?u=${hex(r, 12)}\n`;
  return [
    "MIME-Version: 1.0",
    `Date: ${new Date(date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${messageId}>`,
    `Subject: ${encodeWord(`${n.name}: nyt fra ${new Date(date).toISOString().slice(0, 7)}`)}`,
    `From: ${mailbox(n)}`,
    `To: ${mailbox(to)}`,
    `List-Id: <${n.list}>`,
    `List-Unsubscribe: <https://${n.list}/unsubscribe?u=${hex(r, 12)}>`,
    "List-Unsubscribe-Post: List-Unsubscribe=One-Click",
    "Precedence: bulk",
    `X-Mailer: ${n.mailer}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: quoted-printable",
    "",
    quotedPrintable(text),
  ].join("\n");
}

function outOfOffice(r, { from, to, date, messageId, inReplyTo }) {
  return [
    "MIME-Version: 1.0",
    `Date: ${new Date(date).toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${messageId}>`,
    `In-Reply-To: <${inReplyTo}>`,
    `Subject: ${encodeWord("Automatisk svar: Kaffe i næste uge?")}`,
    `From: ${mailbox(from)}`,
    `To: ${mailbox(to)}`,
    "Auto-Submitted: auto-replied",
    "X-Auto-Response-Suppress: All",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    "Tak for din mail. Jeg er på ferie og læser ikke mail før mandag.",
    "",
  ].join("\n");
}

/** Writes an mbox of `count` messages, oldest first, and returns its size. Streams: memory stays flat. */
export async function writeMbox(path, count, seed) {
  const r = prng(seed);
  const people = makePeople(prng(1));
  const out = createWriteStream(path);
  const sentIds = [];
  const step = (HISTORY_DAYS * 86_400_000) / count;
  for (let i = 0; i < count; i++) {
    const date = HISTORY_END - HISTORY_DAYS * 86_400_000 + Math.floor(i * step + r() * step);
    const client = pick(r, CLIENTS);
    const domain = client.header.startsWith("X-MS") ? "outlook.com" : "example.com";
    const messageId = `${seed.toString(36)}.${i}.${client.id(r, domain)}`;
    const kind = r();
    let raw;
    if (kind < 0.38) {
      const to = [pick(r, people)];
      if (r() < 0.2) to.push(pick(r, people));
      const cc = r() < 0.15 ? [pick(r, people)] : [];
      raw = personalMail(r, { from: OWNER, to, cc, subject: pick(r, SUBJECTS), date, messageId, client: CLIENTS[3], text: `Hej ${to[0].name.split(" ")[0]},\n\n${body(r)}\n\nKh Sofie\n` });
      sentIds.push({ id: messageId, to: to[0] });
    } else if (kind < 0.8) {
      const replyTo = sentIds.length && r() < 0.4 ? pick(r, sentIds) : null;
      const from = replyTo ? replyTo.to : pick(r, people);
      const subject = replyTo ? `Re: ${pick(r, SUBJECTS)}` : pick(r, SUBJECTS);
      raw = personalMail(r, { from, to: [OWNER], cc: [], subject, date, messageId, inReplyTo: replyTo?.id, client, text: `Hi Sofie,\n\n${body(r)}\n\n${from.name.split(" ")[0]}\n` });
    } else if (kind < 0.96) {
      raw = newsletter(r, { to: OWNER, date, messageId });
    } else if (sentIds.length) {
      raw = outOfOffice(r, { from: pick(r, sentIds).to, to: OWNER, date, messageId, inReplyTo: pick(r, sentIds).id });
    } else {
      raw = newsletter(r, { to: OWNER, date, messageId });
    }
    if (r() < CRLF_SHARE) raw = raw.replace(/\r?\n/g, "\r\n");
    if (!out.write(mboxEntry(raw, { sender: "-", date: new Date(date) }))) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  return (await stat(path)).size;
}

function runImport(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", "import.mjs"), file, "--url", LOCAL_URL, "--token", LOCAL.token, "--json"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()));
      } catch {
        reject(new Error(`import of ${file} exited ${code}: ${out}`));
      }
    });
  });
}

const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * CPU seconds used so far by the worker's processes (wrangler dev, started in a process group of its own, and its
 * workerd, where the worker and the local D1 run), where Linux's /proc tells it; null elsewhere. Wall time on a
 * shared machine moves with everything else running; the worker's CPU much less.
 */
function workerCpuSeconds(group) {
  if (!existsSync("/proc/self/stat")) return null;
  let ticks = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After "(comm) ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100; // USER_HZ
}

/** The V8 profiler of the worker behind wrangler dev's inspector (Chrome DevTools Protocol). */
async function attachProfiler(inspectorPort) {
  const [target] = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  // wrangler's inspector proxy accepts DevTools' connections only: they carry an Origin.
  const ws = new WebSocket(target.webSocketDebuggerUrl, { headers: { origin: `http://127.0.0.1:${inspectorPort}` } });
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", () => reject(new Error(`could not attach to the worker's inspector on port ${inspectorPort}`)), { once: true });
  });
  let id = 0;
  const waiting = new Map();
  ws.addEventListener("message", (e) => {
    const m = JSON.parse(e.data);
    waiting.get(m.id)?.(m.result);
    waiting.delete(m.id);
  });
  const call = (method, params = {}) => new Promise((resolve) => (waiting.set(++id, resolve), ws.send(JSON.stringify({ id, method, params }))));
  await call("Profiler.enable");
  return {
    start: () => call("Profiler.start"),
    async stop(file) {
      const { profile } = await call("Profiler.stop");
      ws.close();
      await writeFile(file, JSON.stringify(profile));
    },
  };
}

async function main() {
  requireNode22();
  const { flags } = parseArgs(process.argv.slice(2));
  const large = Number(flags.messages ?? 10_000);
  const small = Math.max(1, Math.round(large / 10));
  const dir = await mkdtemp(join(tmpdir(), "gensidig-bench-"));
  const state = join(dir, "state");
  let worker = null;
  try {
    process.stderr.write(`Generating ${small.toLocaleString("en-US")}- and ${large.toLocaleString("en-US")}-message mboxes in ${dir} …\n`);
    const smallFile = join(dir, `mailbox-${small}.mbox`);
    const largeFile = join(dir, `mailbox-${large}.mbox`);
    const smallSize = await writeMbox(smallFile, small, 101);
    const largeSize = await writeMbox(largeFile, large, 202);

    process.stderr.write("Migrating a fresh local D1 for the bench and starting wrangler dev …\n");
    wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { quiet: true });
    wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--command", ownerSql({ primary: OWNER.address, token: LOCAL.token, name: OWNER.name })], { quiet: true });
    const inspectorPort = flags.profile ? await freePort() : 0;
    worker = await startWorker({ extraArgs: ["--persist-to", state], inspectorPort });
    const profiler = flags.profile ? await attachProfiler(inspectorPort) : null;

    const runs = [];
    for (const [label, file, size, profiled] of [
      [`${small.toLocaleString("en-US")} messages`, smallFile, smallSize, false],
      [`${large.toLocaleString("en-US")} messages`, largeFile, largeSize, true],
      [`${large.toLocaleString("en-US")} again`, largeFile, largeSize, false],
    ]) {
      process.stderr.write(`Importing ${label} …\n`);
      if (profiled) await profiler?.start();
      const cpuBefore = workerCpuSeconds(worker.child.pid);
      const s = await runImport(file);
      const cpuAfter = workerCpuSeconds(worker.child.pid);
      if (profiled && profiler) await profiler.stop(flags.profile);
      runs.push({ label, size, ...s, workerCpu: cpuBefore === null ? null : cpuAfter - cpuBefore });
    }

    const rows = [
      ["run", "mbox", "seconds", "msg/s", "worker CPU ms/msg", "peak RSS", "stored", "new people", "ignored", "duplicates", "failed"],
      ...runs.map((r) => [
        r.label,
        mb(r.size),
        r.seconds.toFixed(1),
        Math.round(r.read / r.seconds).toLocaleString("en-US"),
        r.workerCpu === null ? "-" : ((r.workerCpu * 1000) / r.read).toFixed(2),
        mb(r.peakRss),
        r.stored.toLocaleString("en-US"),
        r.newContacts.toLocaleString("en-US"),
        r.ignored.toLocaleString("en-US"),
        r.duplicates.toLocaleString("en-US"),
        r.failed.toLocaleString("en-US"),
      ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    const line = (row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
    console.log(`\nImport into the local worker (wrangler dev, local D1), Node ${process.version}\n`);
    console.log(line(rows[0]));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    for (const row of rows.slice(1)) console.log(line(row));
    const [first, second] = runs;
    console.log(`\nPeak RSS ${mb(first.peakRss)} at ${first.read.toLocaleString("en-US")} messages, ${mb(second.peakRss)} at ${second.read.toLocaleString("en-US")}: ${(second.peakRss / first.peakRss).toFixed(2)}× for ${(second.read / first.read).toFixed(0)}× the mail.`);
    if (profiler) console.log(`The worker's CPU profile during the import of ${large.toLocaleString("en-US")} messages: ${flags.profile}`);
    const failures = runs.flatMap((r) => Object.entries(r.failureReasons));
    if (failures.length) console.log(`Failures: ${JSON.stringify(Object.fromEntries(failures))}`);
  } finally {
    if (worker) await stopWorker(worker.child);
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
