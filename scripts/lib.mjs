// Shared by the local scripts: the development defaults, wrangler invocation, and the local worker's lifecycle.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
// A namespace import: registerHooks is newer than Node 20, which must still reach requireNode22's message.
import * as nodeModule from "node:module";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Local defaults; each can be changed through the environment (see README, "Local defaults"). */
export const LOCAL = {
  owner: process.env.GENSIDIG_OWNER ?? "owner@example.com",
  token: process.env.GENSIDIG_TOKEN ?? "dev-token",
  assistant: process.env.GENSIDIG_ASSISTANT ?? "gensidig@example.com",
  port: Number(process.env.GENSIDIG_PORT ?? 8787),
  // Signs digest reply tokens locally. Deployed workers get theirs from `wrangler secret put`.
  tokenSecret: process.env.GENSIDIG_TOKEN_SECRET ?? "local-development-secret-not-for-production",
};
export const LOCAL_URL = `http://127.0.0.1:${LOCAL.port}`;

export function requireNode22() {
  const major = Number(process.versions.node.split(".")[0]);
  if (major < 22) {
    console.error(`Gensidig's tools (wrangler 4) need Node.js 22 or newer; this is ${process.version}.`);
    console.error("Install Node 22+, or run `source .ci/node.sh` first to use a local Node 24 from npm.");
    process.exit(1);
  }
}

// Offline-friendly wrangler: no metrics, no request.cf lookups (they only warn when the network is closed).
export const wranglerEnv = {
  ...process.env,
  WRANGLER_SEND_METRICS: "false",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
};

export function wranglerBin() {
  return join(ROOT, "node_modules", ".bin", "wrangler");
}

/** Runs wrangler to completion; exits the script with wrangler's message when it fails. */
export function wrangler(args, { quiet = false, input } = {}) {
  const res = spawnSync(wranglerBin(), args, {
    cwd: ROOT,
    env: { ...wranglerEnv, CI: "true" },
    encoding: "utf8",
    input,
    stdio: quiet ? ["pipe", "pipe", "pipe"] : ["pipe", "inherit", "inherit"],
  });
  if (res.status !== 0) {
    if (quiet) process.stderr.write(`${res.stdout ?? ""}${res.stderr ?? ""}`);
    throw new Error(`wrangler ${args.join(" ")} failed (exit ${res.status})`);
  }
  return res.stdout ?? "";
}

/**
 * Runs SQL on the D1 (local by default; `remote` for the deployed one, `persistTo` for another local folder)
 * and returns the rows of its last statement.
 */
export async function d1Query(sql, { remote = false, persistTo } = {}) {
  const args = ["d1", "execute", "DB", remote ? "--remote" : "--local", ...(persistTo ? ["--persist-to", persistTo] : []), "--json", "--command", sql];
  const out = wrangler(args, { quiet: true });
  const results = JSON.parse(out);
  return results.at(-1)?.results ?? [];
}

export function sha256Hex(text) {
  return createHash("sha256").update(text).digest("hex");
}

export function sqlString(value) {
  return value === null || value === undefined ? "NULL" : `'${String(value).replaceAll("'", "''")}'`;
}

/**
 * The zone's offsets as the worker keeps them on the owner's row (src/zone-clock.ts), worked out here when an owner
 * is added: the worker's first digest for them then reads their clock from the row instead of asking ICU, whose
 * first answer costs a fresh isolate 25–35 ms of CPU. The list is this Node's ICU answer; the worker renews it
 * from its own about every ten months, as it does every kept list. Null for UTC, which needs none.
 */
export async function zoneOffsetsFor(timeZone, now = Date.now()) {
  const { zoneOffsetsToKeep } = await importTs("src/zone-clock.ts");
  return zoneOffsetsToKeep(timeZone, null, now);
}

/** SQL that creates an owner with addresses, or leaves an existing one as it is. */
export function ownerSql({ primary, aliases = [], token, name = null, timeZone = "Europe/Copenhagen", language = "en", weekday = 1, hour = 8, zoneOffsets = null }) {
  const now = Date.now();
  const lines = [
    `INSERT OR IGNORE INTO owners (primary_address, name, api_token_hash, time_zone, language, digest_weekday, digest_hour, zone_offsets, created_at) VALUES (${sqlString(primary)}, ${sqlString(name)}, ${sqlString(sha256Hex(token))}, ${sqlString(timeZone)}, ${sqlString(language)}, ${Number(weekday)}, ${Number(hour)}, ${sqlString(zoneOffsets)}, ${now});`,
  ];
  for (const address of [primary, ...aliases]) {
    lines.push(
      `INSERT OR IGNORE INTO owner_addresses (address, owner_id, is_primary) SELECT ${sqlString(address)}, id, ${address === primary ? 1 : 0} FROM owners WHERE primary_address = ${sqlString(primary)};`,
    );
  }
  return lines.join("\n");
}

/** Applies the migrations to the local D1 and makes sure the development owner exists. */
export async function prepareLocalDatabase({ quiet = false } = {}) {
  wrangler(["d1", "migrations", "apply", "DB", "--local"], { quiet });
  const zoneOffsets = await zoneOffsetsFor("Europe/Copenhagen");
  wrangler(["d1", "execute", "DB", "--local", "--command", ownerSql({ primary: LOCAL.owner, token: LOCAL.token, name: "Development Owner", zoneOffsets })], {
    quiet: true,
  });
}

export function devArgs(port = LOCAL.port, inspectorPort = 0) {
  return [
    "dev",
    "--ip",
    "127.0.0.1",
    "--port",
    String(port),
    "--inspector-port",
    String(inspectorPort),
    "--test-scheduled",
    "--var",
    `ASSISTANT_ADDRESS:${LOCAL.assistant}`,
    // Local mail carries no Cloudflare DMARC verdict; deployed configuration keeps this "false".
    "--var",
    "ALLOW_UNAUTHENTICATED_OWNER_MAIL:true",
    "--var",
    "DEV_ROUTES:true",
    "--var",
    `DIGEST_TOKEN_SECRET:${LOCAL.tokenSecret}`,
  ];
}

/** Whether something listens on 127.0.0.1:port: binding it fails. */
export function portInUse(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(true));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(false)));
  });
}

/** A port the system says is free right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `wrangler dev` on `port` in its own process group, so that stopping it also stops workerd. Refuses a
 * port something already listens on: a /health answer there would come from a worker (and a database) that
 * is not ours, and the caller would deliver mail to it and run its hourly job.
 */
/** `inspectorPort` (0: none chosen) lets a caller attach DevTools or the V8 profiler to the worker. */
export async function startWorker({ port = LOCAL.port, log = false, extraArgs = [], inspectorPort = 0 } = {}) {
  if (await portInUse(port)) {
    throw new Error(`Port ${port} is already in use. This script starts its own worker and will not use one it did not start; free the port or choose another.`);
  }
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(wranglerBin(), [...devArgs(port, inspectorPort), ...extraArgs], {
    cwd: ROOT,
    env: wranglerEnv,
    detached: true,
    stdio: log ? "inherit" : ["ignore", "pipe", "pipe"],
  });
  let output = "";
  if (!log) {
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
    try {
      const res = await fetch(`${url}/health`);
      // Our child is still running, so the answer is its own: the port was free when it started.
      if (res.ok && child.exitCode === null) return { child, url, output: () => output };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  await stopWorker(child);
  throw new Error(`wrangler dev did not answer on ${url} within 60 s:\n${output}`);
}

export async function stopWorker(child) {
  if (child.exitCode !== null) return;
  try {
    process.kill(-child.pid, "SIGINT");
  } catch {}
  const until = Date.now() + 10_000;
  while (child.exitCode === null && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
  }
}

export function parseArgs(argv) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--")) {
      const [k, v] = a.slice(2).split("=", 2);
      if (v !== undefined) flags[k] = v;
      else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) flags[k] = argv[++i];
      else flags[k] = true;
    } else positional.push(a);
  }
  return { flags, positional };
}

/** A header of a raw mail, unfolded (RFC 5322 §2.2.3), or null. */
export function headerValue(raw, name) {
  const head = raw.split(/\r?\n\r?\n/, 1)[0].replace(/\r?\n[ \t]+/g, " ");
  const line = head.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : null;
}

/** The address in a From/To value ("Anna <anna@x.dk>" or a bare address), lower-cased, or null. */
export function addressOf(value) {
  const m = value?.match(/<([^>]+)>/) ?? value?.match(/([^\s<>"]+@[^\s<>"]+)/);
  return m ? m[1].toLowerCase() : null;
}

/**
 * A module of the project's TypeScript (path from the checkout's root), loaded by Node's own type stripping: for
 * the scripts and benchmarks that use the worker's code outside the worker.
 */
let tsHooked = false;
export async function importTs(relative) {
  if (!tsHooked) {
    nodeModule.registerHooks({
      // The project's TypeScript imports siblings without an extension, as the bundler allows.
      resolve(specifier, context, next) {
        if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.endsWith(".ts")) {
          try {
            return next(`${specifier}.ts`, context);
          } catch {}
        }
        return next(specifier, context);
      },
    });
    tsHooked = true;
  }
  return import(pathToFileURL(join(ROOT, relative)).href);
}
