// node bench/cpu.mjs [--runs 5] [--only startup,mail,command,digest,sweep,fanout] [--contacts 5000,20000] [--owners 300] [--kept-offsets] [--before DIR] [--save DIR] [--top 12]
//
// The worker isolate's own CPU per invocation, from V8's CPU profiler (bench/support/isolate-cpu.mjs), on the
// bundled worker in workerd. Each figure is the median of --runs:
//
// - module initialisation of the bundle, in a fresh isolate;
// - the first mail's whole email() in that fresh isolate (an owner's BCC'd Gmail mail, stored);
// - a warm mail (the same mail with a new Message-ID, the fourth mail of that isolate), and the sum of its first 12
//   mails with the median of mails 2–12 (GC falls in whichever mail crosses a threshold, so a single one misleads);
// - a command mail in a fresh isolate (`snooze <address> 2w`, written to the assistant, as an owner who has had a
//   digest: its row keeps the zone's offsets): the mail path, the command path and the answer, with a date in it;
// - the digest queue consumer's whole invocation, one owner at 5,000 and 20,000 contacts (the network
//   `npm run bench:scale` seeds): cold (a fresh isolate's first event: module initialisation and the first
//   digest together) and warm (the second digest of that isolate);
// - the hourly cron's whole scheduled() invocation with 1,500 owners due (bench/support/sweep-cpu.mjs): it leases
//   a page of them (OWNERS_PER_SWEEP, 500) in one D1 statement and enqueues their digest messages (five sendBatch
//   calls) and one "sweep" message for the rest; cold (a fresh isolate's first event: module initialisation and the
//   sweep) and warm (the fourth sweep of that isolate; the owners are marked due again before each). The worker
//   consumes no queue in this case: a counter worker in another isolate receives the messages, held back by the
//   queue until the invocation has ended, and each sweep is checked against it and against D1's leases;
// - only when asked (--only fanout): npm run bench:scale's fan-out to --owners new owners in one fresh isolate, every
//   invocation profiled (bench/support/fanout-cpu.mjs): the warm digest invocations' median, 99th percentile and how
//   many took over 10 ms, the isolate's first digest and its cold cron, each the median over the runs. The owners
//   have no zone offsets (the worst case: each digest is its owner's first and asks Intl); with --kept-offsets they
//   keep them, as `npm run owner` adds them.
//
// --before DIR: a checkout of older code (its own node_modules, or a symlink to these) is bundled too, and every
// run measures both, alternating, so the two are compared side by side on the same machine at the same time.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { digestRun, seedDigestOwner } from "./support/digest-cpu.mjs";
import { FAN_OUT_QUEUE, fanOut, fanOutReport } from "./support/fanout-cpu.mjs";
import { seedSweepOwners, sweepPage, SWEEP_QUEUE, sweepRun } from "./support/sweep-cpu.mjs";
import { attributeProfile, bundleWorker, importTs, median, migrateDatabase, ROOT, startIsolate } from "./support/isolate-cpu.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    only: { type: "string", default: "startup,mail,command,digest,sweep" },
    // The fan-out case (--only fanout): how many new owners one fresh isolate sends digests to, and whether they
    // keep their zone's offsets, as `npm run owner` adds them (by default they have none: the worst case).
    owners: { type: "string", default: "300" },
    "kept-offsets": { type: "boolean", default: false },
    contacts: { type: "string", default: "5000,20000" },
    before: { type: "string" },
    // Writes every profiled invocation as a .cpuprofile (Chrome DevTools, VS Code) into this folder.
    save: { type: "string" },
    // How many modules "Where the CPU went" names per case.
    top: { type: "string", default: "12" },
  },
});
const RUNS = Number(values.runs);
const ONLY = new Set(values.only.split(","));
const NETWORKS = values.contacts.split(",").map(Number);

const OWNER = "owner@example.com";
const ASSISTANT = "gensidig@example.com";
const VARS = { ASSISTANT_ADDRESS: ASSISTANT, ALLOW_UNAUTHENTICATED_OWNER_MAIL: "true", DIGEST_TOKEN_SECRET: "bench-secret-not-for-production" };
const MAIL = await readFile(path.join(ROOT, "test/fixtures/capture/gmail-bcc-en.eml"), "utf8");
let mailNo = 0;

async function deliver(isolate) {
  const mail = MAIL.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <bench-${process.pid}-${++mailNo}@mail.gmail.com>`);
  const res = await isolate.mf.dispatchFetch(`http://localhost/cdn-cgi/local/email?from=${OWNER}&to=${ASSISTANT}`, { method: "POST", body: mail });
  const text = await res.text();
  if (!res.ok) throw new Error(`email() failed: ${res.status} ${text}`);
}

/** A command written to the assistant by the owner: snoozes the contact the BCC'd mail above records. */
async function command(isolate) {
  const raw = [
    "From: Owner Olsen <owner@example.com>",
    `To: ${ASSISTANT}`,
    "Subject: snooze",
    `Message-ID: <bench-command-${process.pid}-${++mailNo}@mail.gmail.com>`,
    "Date: Mon, 16 Nov 2026 09:00:00 +0100",
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=UTF-8",
    "",
    "snooze sarah@brightlabs.io 2w",
    "",
  ].join("\r\n");
  const res = await isolate.mf.dispatchFetch(`http://localhost/cdn-cgi/local/email?from=${OWNER}&to=${ASSISTANT}`, { method: "POST", body: raw });
  const text = await res.text();
  if (!res.ok) throw new Error(`email() failed: ${res.status} ${text}`);
}

const work = await mkdtemp(path.join(tmpdir(), "gensidig-cpu-"));
try {
  const variants = [];
  if (values.before) variants.push({ label: "before", root: path.resolve(values.before) });
  variants.push({ label: values.before ? "after" : "", root: ROOT });
  for (const [i, v] of variants.entries()) v.bundle = await bundleWorker(path.join(work, `bundle-${i}`), v.root);

  /** samples[case][variant] = [{ cpu, raw, upper? , profile, …}] */
  const samples = new Map();
  const record = async (key, variant, sample) => {
    const byVariant = samples.get(key) ?? new Map();
    const list = byVariant.get(variant) ?? [];
    list.push({ ...sample, modules: attributeProfile(sample.profile, variant.bundle) });
    byVariant.set(variant, list);
    samples.set(key, byVariant);
    if (values.save) {
      await mkdir(values.save, { recursive: true });
      const name = [variant.label, key.replaceAll(" ", "-"), list.length].filter(Boolean).join("-");
      await writeFile(path.join(values.save, `${name}.cpuprofile`), JSON.stringify(sample.profile));
    }
    delete sample.profile;
  };
  const profiled = ({ cpu, profile }) => ({ cpu: cpu.activeMs, raw: cpu.rawActiveMs, profile });

  /**
   * RUNS rounds on one local D1 (`dbName`, migrated once), each round a fresh isolate per variant in turn, so that
   * the variants alternate: `seed` runs in the first isolate only, `measure` in every one.
   */
  const alternating = async (dbName, { seed = async () => {}, measure, countQueue }) => {
    const persistTo = path.join(work, dbName);
    migrateDatabase(persistTo);
    let seeded = false;
    for (let run = 0; run < RUNS; run++) {
      for (const variant of variants) {
        const isolate = await startIsolate({ bundle: variant.bundle, persistTo, vars: VARS, countQueue });
        try {
          if (!seeded) await seed(isolate);
          seeded = true;
          await measure(isolate, variant);
        } finally {
          await isolate.dispose();
        }
      }
    }
  };
  const addOwner = async (isolate) => {
    const { ownerSql } = await import("../scripts/lib.mjs");
    await (await isolate.mf.getD1Database("DB")).exec(ownerSql({ primary: OWNER, token: "bench-token", name: "Owner Olsen" }));
  };

  /** Per variant, per isolate: the CPU of its first TRAIL_MAILS mails, in order. */
  const trails = new Map();
  const TRAIL_MAILS = 12;
  if (ONLY.has("startup") || ONLY.has("mail")) {
    await alternating("mail-db", {
      seed: addOwner,
      measure: async (isolate, variant) => {
        const init = await isolate.profile(() => isolate.mf.dispatchFetch("http://localhost/__bench/startup").then((r) => r.text()));
        await record("module initialisation", variant, profiled(init));
        const first = await isolate.profile(() => deliver(isolate));
        const trail = [first.cpu.activeMs];
        await record("first mail, whole email()", variant, profiled(first));
        // Mails 2 to 12, each profiled: a single warm mail takes whatever GC falls in it (the warm mail line, the
        // fourth), and a change that allocates less on the first mail moves a scavenge into the next ones.
        for (let m = 2; m <= TRAIL_MAILS; m++) {
          const mail = await isolate.profile(() => deliver(isolate));
          trail.push(mail.cpu.activeMs);
          if (m === 4) await record("warm mail, whole email()", variant, profiled(mail));
        }
        trails.set(variant, [...(trails.get(variant) ?? []), trail]);
      },
    });
    for (const [variant, list] of trails) {
      const sums = list.map((t) => t.reduce((a, b) => a + b, 0));
      const warm = list.map((t) => median(t.slice(1)));
      console.log(
        `the first ${TRAIL_MAILS} mails of an isolate${variant.label ? ` (${variant.label})` : ""}: CPU ms in all ${median(sums).toFixed(1)} ` +
          `(runs ${sums.map((x) => x.toFixed(1)).join(", ")}), the median of mails 2–${TRAIL_MAILS} ${median(warm).toFixed(1)}`,
      );
    }
    const sums = [...trails.values()].map((list) => median(list.map((t) => t.reduce((a, b) => a + b, 0))));
    if (sums.length === 2) console.log(`the first ${TRAIL_MAILS} mails of an isolate: after ÷ before ${(sums[1] / sums[0]).toFixed(2)}`);
  }

  if (ONLY.has("command")) {
    const sarah = "sarah@brightlabs.io";
    await alternating("command-db", {
      seed: async (isolate) => {
        await addOwner(isolate);
        // As after the owner's first digest (src/zone-clock.ts); older code ignores the column.
        const { zoneOffsetsToKeep } = await importTs("src/zone-clock.ts");
        const db = await isolate.mf.getD1Database("DB");
        await db.prepare("update owners set zone_offsets = ? where primary_address = ?").bind(zoneOffsetsToKeep("Europe/Copenhagen", null, Date.now()), OWNER).run();
        await deliver(isolate);
      },
      measure: async (isolate, variant) => {
        const db = await isolate.mf.getD1Database("DB");
        await db.prepare("update contacts set snoozed_until = null where address = ?").bind(sarah).run();
        await record("first command mail, whole email()", variant, profiled(await isolate.profile(() => command(isolate))));
        // The command ran: Sarah is snoozed again.
        if (!(await db.prepare("select snoozed_until as until from contacts where address = ?").bind(sarah).first())?.until) {
          throw new Error(`the command mail did not snooze ${sarah}`);
        }
      },
    });
  }

  if (ONLY.has("digest")) {
    for (const contacts of NETWORKS) {
      let owner;
      await alternating(`net-${contacts}`, {
        seed: async (isolate) => (owner = await seedDigestOwner(isolate, contacts)),
        measure: async (isolate, variant) => {
          owner.db = await isolate.mf.getD1Database("DB");
          // The isolate's first event loads the bundle (and, lazily, the digest path) and compiles as it goes.
          await record(`digest ${contacts} contacts, cold (module init + first digest)`, variant, await digestRun(isolate, owner, { startup: true }));
          await record(`digest ${contacts} contacts`, variant, await digestRun(isolate, owner));
        },
      });
    }
  }

  if (ONLY.has("sweep")) {
    // Each checkout leases its own page (OWNERS_PER_SWEEP); the lines say how many each run leased.
    for (const variant of variants) variant.sweepPage = await sweepPage(variant.root);
    const key = "cron sweep, a page of owners leased and enqueued";
    await alternating("sweep-db", {
      countQueue: SWEEP_QUEUE,
      seed: seedSweepOwners,
      measure: async (isolate, variant) => {
        const db = await isolate.mf.getD1Database("DB");
        await record(`${key}, cold (module init + sweep)`, variant, await sweepRun(isolate, db, { page: variant.sweepPage, startup: true }));
        await record(`${key}, warm`, variant, await sweepRun(isolate, db, { page: variant.sweepPage }));
      },
    });
  }

  if (ONLY.has("fanout")) {
    // bench:scale's fan-out, smaller: a fresh isolate (and D1) per run and checkout, new owners each time.
    const owners = Number(values.owners);
    const byVariant = new Map(variants.map((v) => [v, []]));
    for (let run = 0; run < RUNS; run++) {
      for (const variant of variants) {
        const persistTo = path.join(work, `fanout-${run}-${variants.indexOf(variant)}`);
        migrateDatabase(persistTo);
        const isolate = await startIsolate({ bundle: variant.bundle, persistTo, vars: VARS, countQueue: FAN_OUT_QUEUE });
        try {
          byVariant.get(variant).push(fanOutReport(owners, await fanOut(isolate, owners, { keptOffsets: values["kept-offsets"] })).details);
        } finally {
          await isolate.dispose();
        }
      }
    }
    const medians = [];
    for (const [variant, runs] of byVariant) {
      const of = (f) => median(runs.map(f));
      medians.push(of((d) => d.warmDigests.medianMs));
      console.log(
        `fan-out to ${owners} new owners${values["kept-offsets"] ? " keeping their zone offsets" : ""}${variant.label ? ` (${variant.label})` : ""}, medians of ${runs.length} runs: warm digest invocation CPU ms ${of((d) => d.warmDigests.medianMs).toFixed(1)}, ` +
          `its 99th percentile ${of((d) => d.warmDigests.p99Ms).toFixed(1)}, warm digests over 10 ms ${of((d) => d.warmDigests.over10Ms)} of ${runs[0].warmDigests.invocations}, ` +
          `the isolate's first digest ${of((d) => d.firstDigestMs).toFixed(1)}, its cold cron ${of((d) => d.coldCronMs).toFixed(1)}, ` +
          `invocations with over 50 ms of GC ${of((d) => d.gcOver50Ms)}, heap at most ${of((d) => d.heapUsedMb.max).toFixed(1)} MB, alive after a full GC at the end ${of((d) => d.liveHeapMb).toFixed(1)} MB`,
      );
    }
    if (medians.length === 2) console.log(`fan-out warm digest invocation: after ÷ before ${(medians[1] / medians[0]).toFixed(2)}`);
  }

  const fmt = (n) => n.toFixed(1);
  for (const [key, byVariant] of samples) {
    const cpus = [];
    for (const [variant, list] of byVariant) {
      const cpu = median(list.map((s) => s.cpu));
      cpus.push(cpu);
      const extra = [`uncapped ${fmt(median(list.map((s) => s.raw)))}`];
      if (list[0].upper !== undefined) extra.push(`wall less SQL ${fmt(median(list.map((s) => s.upper)))}`, `D1 queries ${list[0].queries}`, `rows read ${list[0].rowsRead}`);
      // Every profiled sweep is checked (bench/support/sweep-cpu.mjs): it throws unless these hold for each run.
      if (list[0].enqueued) extra.push(`each run leased ${list[0].leased} owners, the queue received ${list[0].enqueued.digest} digest + ${list[0].enqueued.sweep} sweep messages`);
      console.log(`${key}${variant.label ? ` (${variant.label})` : ""}: CPU ms ${fmt(cpu)} (runs ${list.map((s) => fmt(s.cpu)).join(", ")}); ${extra.join(", ")}`);
    }
    if (cpus.length === 2) console.log(`${key}: after ÷ before ${(cpus[1] / cpus[0]).toFixed(2)}`);
  }
  console.log("\nWhere the CPU went (median ms per module over the runs, the costliest first):");
  for (const [key, byVariant] of samples) {
    for (const [variant, list] of byVariant) {
      const modules = new Map();
      for (const s of list) for (const [m, ms] of s.modules) modules.set(m, [...(modules.get(m) ?? []), ms]);
      const top = [...modules]
        .map(([m, ms]) => [m, median([...ms, ...Array(list.length - ms.length).fill(0)])])
        .sort((a, b) => b[1] - a[1])
        .slice(0, Number(values.top));
      console.log(`  ${key}${variant.label ? ` (${variant.label})` : ""}: ${top.map(([m, ms]) => `${m} ${fmt(ms)}`).join(", ")}`);
    }
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
