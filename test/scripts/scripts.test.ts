// The local scripts as a user runs them: `npm run owner`, `npm run import` and `npm run send` as child
// processes against a real `wrangler dev` with its own fresh local D1 (migrated, one owner), on a free port.
// Plain Node; slow compared with the rest (one worker start and a few wrangler calls), so it is one file.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import PostalMime from "postal-mime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module, no types
import { freePort, ownerSql, ROOT, startWorker, stopWorker, wrangler } from "../../scripts/lib.mjs";

const TOKEN = "scripts-test-token-0123456789";
const OWNER = "owner@example.com";
let state: string;
let work: string;
let worker: { child: import("node:child_process").ChildProcess; url: string } | null = null;

interface Run {
  code: number | null;
  out: string;
  err: string;
}

/** Runs a script as `npm run` does (node scripts/NAME.mjs …), asynchronously so the worker keeps serving. */
function run(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, "scripts", `${script}.mjs`), ...args], {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("close", (code) => resolve({ code, out, err }));
  });
}

function query(sql: string): Array<Record<string, unknown>> {
  const res = spawnSync(join(ROOT, "node_modules", ".bin", "wrangler"), ["d1", "execute", "DB", "--local", "--persist-to", state, "--json", "--command", sql], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
  });
  return JSON.parse(res.stdout).at(-1).results;
}

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const importArgs = () => ["--url", worker!.url, "--token", TOKEN];

beforeAll(async () => {
  state = mkdtempSync(join(tmpdir(), "gensidig-scripts-test-"));
  work = mkdtempSync(join(tmpdir(), "gensidig-scripts-input-"));
  wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", state], { quiet: true });
  wrangler(["d1", "execute", "DB", "--local", "--persist-to", state, "--command", ownerSql({ primary: OWNER, token: TOKEN, name: "Owner" })], { quiet: true });
  worker = await startWorker({ port: await freePort(), extraArgs: ["--persist-to", state] });
}, 120_000);

afterAll(async () => {
  if (worker) await stopWorker(worker.child);
  rmSync(state, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe("the local worker the demo starts", () => {
  it("refuses a port another worker already answers on, rather than using a worker it did not start", async () => {
    const port = Number(new URL(worker!.url).port);
    await expect(startWorker({ port, extraArgs: ["--persist-to", state] })).rejects.toThrow(
      `Port ${port} is already in use. This script starts its own worker and will not use one it did not start`,
    );
  });
});

describe("npm run owner", () => {
  const at = () => ["--persist-to", state];

  it.each([
    ["anna@", /not an email address/],
    ["@x.dk", /not an email address/],
    ["Anna <anna@x.dk>", /display name/],
    ["anna@x.dk, bo@x.dk", /more than one address/],
    ["anna@localhost", /no valid domain/],
  ])("refuses the address %s and writes nothing", async (address, message) => {
    const r = await run("owner", ["add", address, ...at()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).not.toMatch(/API token/);
  });

  it("refuses an unknown language or time zone instead of storing it", async () => {
    const fr = await run("owner", ["add", "anna@x.dk", "--language", "fr", ...at()]);
    expect(fr.code).toBe(2);
    expect(fr.err).toMatch(/Unknown language "fr"/);
    const mars = await run("owner", ["add", "anna@x.dk", "--timezone", "Mars/Olympus", ...at()]);
    expect(mars.code).toBe(2);
    expect(mars.err).toMatch(/Unknown time zone "Mars\/Olympus"/);
    expect(query("select count(*) as n from owners where primary_address = 'anna@x.dk'")[0].n).toBe(0);
  });

  it("adds an owner, refuses the same address again without printing a token, and issues a new token on request", async () => {
    const added = await run("owner", ["add", "anna@x.dk", "--name", "Anna", "--language", "da", "--alias", "anna@gmail.com", ...at()]);
    expect(added.code).toBe(0);
    const first = added.out.match(/API token: (\S+)/)![1];
    expect(query("select api_token_hash as h from owners where primary_address = 'anna@x.dk'")[0].h).toBe(sha256(first));

    const again = await run("owner", ["add", "anna@gmail.com", ...at()]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/anna@gmail.com already belongs to an owner; nothing was changed/);
    expect(again.out).not.toMatch(/API token/);

    const reissued = await run("owner", ["token", "anna@gmail.com", ...at()]);
    expect(reissued.code).toBe(0);
    const second = reissued.out.match(/New API token for anna@gmail.com: (\S+)/)![1];
    expect(second).not.toBe(first);
    expect(query("select api_token_hash as h from owners where primary_address = 'anna@x.dk'")[0].h).toBe(sha256(second));

    const nobody = await run("owner", ["token", "bo@x.dk", ...at()]);
    expect(nobody.code).toBe(2);
    expect(nobody.err).toMatch(/No owner has the address bo@x.dk/);

    const list = await run("owner", ["list", ...at()]);
    expect(list.out).toContain("anna@x.dk (Anna): Danish, digest Mondays at 08:00 Europe/Copenhagen\n  also: anna@gmail.com");
    expect(list.out).toContain("owner@example.com (Owner): English");
  }, 60_000);

  it("keeps the new owner's zone offsets, so that the worker's first digest reads the clock from the row", async () => {
    const added = await run("owner", ["add", "kai@x.dk", "--timezone", "America/New_York", ...at()]);
    expect(added.code).toBe(0);
    const kept = () => query("select zone_offsets as z from owners where primary_address = 'kai@x.dk'")[0].z as string;
    const list = JSON.parse(kept());
    // Five years back and about thirteen months ahead, New York's summer (-240) and winter (-300) time in turn.
    expect(list.zone).toBe("America/New_York");
    expect(Date.now() - list.from).toBeGreaterThan(4 * 365 * 86_400_000);
    expect(list.until - Date.now()).toBeGreaterThan(365 * 86_400_000);
    expect(new Set(list.offsets.map(([, minutes]: [number, number]) => minutes))).toEqual(new Set([-240, -300]));
    // The worker takes the list as its own: its digest for Kai renews nothing. (The same list spaced out, so that a
    // renewal would show even where this Node's ICU and workerd's give the same answer.)
    const spaced = JSON.stringify(list, null, 1);
    query(`update owners set zone_offsets = '${spaced}' where primary_address = 'kai@x.dk'`);
    const digest = await run("digest", ["--owner", "kai@x.dk", "--url", worker!.url]);
    expect(digest.code, digest.err).toBe(0);
    expect(digest.out).toMatch(/Digest sent to kai@x.dk/);
    expect(kept()).toBe(spaced);
  }, 60_000);
});

describe("npm run import", () => {
  it("says a PNG is not an email message and exits non-zero", async () => {
    const png = join(work, "photo.png");
    writeFileSync(png, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
    const r = await run("import", [png, ...importArgs()]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/#1 \(photo\.png\): not an email message/);
    expect(r.out).toMatch(/Nothing in photo\.png is an email message/);
    expect(r.out).not.toMatch(/no single From address/);
  });

  it("says a plain text file is not an email message", async () => {
    const txt = join(work, "notes.txt");
    writeFileSync(txt, "Shopping list\nmilk\nbread: two\n");
    const r = await run("import", [txt, ...importArgs()]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not an email message/);
  });

  it("answers an empty file and a missing path with one clear line each", async () => {
    const empty = join(work, "empty.mbox");
    writeFileSync(empty, "");
    const e = await run("import", [empty, ...importArgs()]);
    expect(e.code).toBe(1);
    expect(e.err.trim()).toBe(`import: ${empty} is empty: nothing to import.`);
    const missing = await run("import", [join(work, "nope.mbox"), ...importArgs()]);
    expect(missing.code).toBe(1);
    expect(missing.err.trim()).toBe(`import: no such file or folder: ${join(work, "nope.mbox")}`);
  });

  it("names a failed message by position and Message-ID, and a second run tries it again", async () => {
    const dir = join(work, "mailbox");
    mkdirSync(dir);
    copyFileSync(join(ROOT, "test/fixtures/import/gmail-sent-da.eml"), join(dir, "1.eml"));
    copyFileSync(join(ROOT, "test/fixtures/import/apple-forward-attachment-no-from.eml"), join(dir, "2.eml"));
    const first = await run("import", [dir, ...importArgs()]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/failed messages \(not stored; a second run tries them again\):\n\s+#2 <[^>]+@[^>]+> \(2\.eml\): the forwarded mail's original sender could not be found/);
    const second = await run("import", [dir, ...importArgs()]);
    expect(second.out).toMatch(/duplicates\s+1\s/);
    expect(second.out).toMatch(/failed\s+1\n/);
    expect(second.out).toMatch(/#2 <[^>]+> \(2\.eml\)/);
  });
});

describe("npm run send", () => {
  it("answers a missing file with one line, not a stack trace", async () => {
    const r = await run("send", [join(work, "missing.eml"), "--url", worker!.url]);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(`${join(work, "missing.eml")}: no such file`);
  });

  it("explains a mail without a Message-ID, and delivers it with --add-message-id", async () => {
    const file = join(work, "no-id.eml");
    writeFileSync(
      file,
      ["From: Owner <owner@example.com>", "To: Karen Berg <karen@berg-design.dk>", "Bcc: gensidig@example.com", "Subject: Coffee next week?", `Date: ${new Date().toUTCString()}`, "", "Hi Karen, would you have time for coffee next week?", ""].join("\r\n"),
    );
    const bare = await run("send", [file, "--url", worker!.url]);
    expect(bare.code).toBe(1);
    expect(bare.err).toMatch(/has no Message-ID header\. Email Routing refuses such mail[\s\S]*--add-message-id/);
    const fixed = await run("send", [file, "--url", worker!.url, "--add-message-id"]);
    expect(fixed.code).toBe(0);
    expect(query("select count(*) as n from contacts where address = 'karen@berg-design.dk'")[0].n).toBe(1);
  });
});

/** Every .eml wrangler wrote below `dir`, with its path. */
function emlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".eml"))
    .map((e) => join(e.parentPath, e.name));
}

describe("answering a digest through wrangler's own reply()", () => {
  it("threads the answer: wrangler's reply() takes it, References and all, also when the +token was dropped", async () => {
    // The digest of the owner's network now (Karen is a contact since the send test), as `npm run digest` sends it.
    const res = await fetch(`${worker!.url}/dev/digest?owner=${OWNER}`, { method: "POST" });
    const digest = (await res.json()) as { messageId: string; subject: string; items: number };
    expect(digest.items).toBeGreaterThan(0);
    const digestId = digest.messageId.replace(/^<|>$/g, "");
    const answerTo = "CAK7n1c8scriptsdone1@mail.gmail.com";
    const reply = [
      `From: Owner <${OWNER}>`,
      // The client dropped the +token: the plain address, the digest named only in the thread.
      "To: Gensidig <gensidig@example.com>",
      `Subject: Re: ${digest.subject}`,
      `Date: ${new Date().toUTCString()}`,
      `Message-ID: <${answerTo}>`,
      `In-Reply-To: <${digestId}>`,
      `References: <CAK7n1c8earlier@mail.gmail.com>\r\n\t<${digestId}>`,
      "Content-Type: text/plain; charset=UTF-8",
      "",
      "done 1",
      "",
    ].join("\r\n");
    const file = join(work, "done-1.eml");
    writeFileSync(file, reply);
    const sent = await run("send", [file, "--url", worker!.url]);
    expect(sent.code).toBe(0);
    // wrangler's reply() refuses an answer whose References lack the incoming chain (the worker then falls
    // back to send_email); what it takes it writes under .wrangler/tmp/email/…/reply/.
    let answer: string | undefined;
    for (let i = 0; i < 30 && !answer; i++) {
      answer = emlFiles(join(ROOT, ".wrangler", "tmp", "email"))
        .filter((f) => f.includes(`${"/"}reply${"/"}`))
        .map((f) => readFileSync(f, "latin1"))
        .find((raw) => raw.includes(`In-Reply-To: <${answerTo}>`));
      if (!answer) await new Promise((r) => setTimeout(r, 100));
    }
    expect(answer).toBeDefined();
    const parsed = await PostalMime.parse(answer!);
    expect(parsed.references).toBe(`<CAK7n1c8earlier@mail.gmail.com>\t<${digestId}> <${answerTo}>`);
    expect(parsed.text).toMatch(/^✓ done 1 — /m);
  });
});
