// node bench/cpu.mjs [--runs 5] [--only startup,mail,digest] [--contacts 5000,20000]
//
// The worker isolate's own CPU per invocation, from V8's CPU profiler (bench/support/isolate-cpu.mjs), on the
// bundled worker in workerd, beside the old upper bound (wall time less D1's own SQL time, which keeps the
// local D1's IPC and the machine's contention). Each figure is the median of --runs:
//
// - module initialisation of the bundle, in a fresh isolate;
// - the first mail's whole email() in that fresh isolate (an owner's BCC'd Gmail mail, stored);
// - a warm mail (the same mail with a new Message-ID, in an isolate that has handled mail before);
// - the digest queue consumer's whole invocation, one owner at 5,000 and 20,000 contacts, warm (as
//   `npm run bench:scale` runs it: the same network, owner and time).
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { attributeProfile, bundleWorker, median, migrateDatabase, ROOT, startIsolate } from "./support/isolate-cpu.mjs";
import { digestRun, seedDigestOwner } from "./support/digest-cpu.mjs";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    only: { type: "string", default: "startup,mail,digest" },
    contacts: { type: "string", default: "5000,20000" },
    // Writes every profiled invocation as a .cpuprofile (Chrome DevTools, VS Code) into this folder.
    save: { type: "string" },
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

function freshMail() {
  return MAIL.replace(/^Message-ID: <[^>]+>/m, `Message-ID: <bench-${process.pid}-${++mailNo}@mail.gmail.com>`);
}

async function deliver(isolate) {
  const res = await isolate.mf.dispatchFetch(`http://localhost/cdn-cgi/local/email?from=${OWNER}&to=${ASSISTANT}`, {
    method: "POST",
    body: freshMail(),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`email() failed: ${res.status} ${text}`);
}

const rows = [];
function report(name, samples, extra = "") {
  const cpu = samples.map((s) => s.cpu);
  const line = `${name}: CPU ms ${median(cpu).toFixed(1)} (runs ${cpu.map((c) => c.toFixed(1)).join(", ")}); uncapped ${median(samples.map((s) => s.raw)).toFixed(1)}${
    samples[0].upper !== undefined ? `; wall less SQL ${median(samples.map((s) => s.upper)).toFixed(1)}` : ""
  }${extra}`;
  rows.push(line);
  console.log(line);
}

const work = await mkdtemp(path.join(tmpdir(), "gensidig-cpu-"));
try {
  const bundle = await bundleWorker(path.join(work, "bundle"));
  const topModules = new Map();
  const keepTop = async (key, profile) => {
    const list = topModules.get(key) ?? [];
    list.push(attributeProfile(profile, bundle));
    topModules.set(key, list);
    if (values.save) {
      await mkdir(values.save, { recursive: true });
      await writeFile(path.join(values.save, `${key.replaceAll(" ", "-")}-${list.length}.cpuprofile`), JSON.stringify(profile));
    }
  };

  if (ONLY.has("startup") || ONLY.has("mail")) {
    const persistTo = path.join(work, "mail-db");
    migrateDatabase(persistTo);
    const startup = [];
    const first = [];
    const warm = [];
    for (let run = 0; run < RUNS; run++) {
      const isolate = await startIsolate({ bundle, persistTo, vars: VARS });
      try {
        if (run === 0) {
          const db = await isolate.mf.getD1Database("DB");
          const { ownerSql } = await import("../scripts/lib.mjs");
          await db.exec(ownerSql({ primary: OWNER, token: "bench-token", name: "Owner Olsen" }).replaceAll(";\n", ";\n"));
        }
        const init = await isolate.profile(() => isolate.mf.dispatchFetch("http://localhost/__bench/startup").then((r) => r.text()));
        startup.push({ cpu: init.cpu.activeMs, raw: init.cpu.rawActiveMs });
        await keepTop("startup", init.profile);
        const mail = await isolate.profile(() => deliver(isolate));
        first.push({ cpu: mail.cpu.activeMs, raw: mail.cpu.rawActiveMs });
        await keepTop("first mail", mail.profile);
        for (let w = 0; w < 3; w++) {
          const again = await isolate.profile(() => deliver(isolate));
          if (w === 2) {
            warm.push({ cpu: again.cpu.activeMs, raw: again.cpu.rawActiveMs });
            await keepTop("warm mail", again.profile);
          }
        }
      } finally {
        await isolate.dispose();
      }
    }
    if (ONLY.has("startup")) report("module initialisation", startup);
    if (ONLY.has("mail")) {
      report("first mail, whole email()", first);
      report("warm mail, whole email()", warm);
    }
  }

  if (ONLY.has("digest")) {
    for (const contacts of NETWORKS) {
      const persistTo = path.join(work, `net-${contacts}`);
      migrateDatabase(persistTo);
      const isolate = await startIsolate({ bundle, persistTo, vars: VARS });
      try {
        const owner = await seedDigestOwner(isolate, contacts);
        const runs = [];
        // The first run is the isolate's first digest (compiling the digest path); the rest are warm.
        for (let run = 0; run <= RUNS; run++) {
          const sample = await digestRun(isolate, owner);
          if (run > 0) {
            runs.push(sample);
            await keepTop(`digest ${contacts}`, sample.profile);
          }
        }
        report(`digest ${contacts} contacts`, runs, `; D1 queries ${runs[0].queries}, rows read ${runs[0].rowsRead}`);
      } finally {
        await isolate.dispose();
      }
    }
  }

  console.log("\nWhere the CPU went (median ms per module over the runs, the costliest first):");
  for (const [key, lists] of topModules) {
    const modules = new Map();
    for (const list of lists) for (const [m, ms] of list) modules.set(m, [...(modules.get(m) ?? []), ms]);
    const top = [...modules]
      .map(([m, ms]) => [m, median([...ms, ...Array(lists.length - ms.length).fill(0)])])
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    console.log(`  ${key}: ${top.map(([m, ms]) => `${m} ${ms.toFixed(1)}`).join(", ")}`);
  }
} finally {
  await rm(work, { recursive: true, force: true });
}
